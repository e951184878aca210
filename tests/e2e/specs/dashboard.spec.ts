import { test, expect } from "../fixtures";
import { TrackingPage } from "../pages/tracking";
import { DashboardPage } from "../pages/dashboard";

test.describe("dashboard", () => {
  test("logging time shows in the Budget card's actual cost and CPI", async ({ page }) => {
    const plan = new TrackingPage(page);
    const dashboard = new DashboardPage(page);
    await plan.openOn("2026-03-06");
    await plan.app.createProject("Website", { start: "2026-03-02", budget: "10000", currency: "EUR" });
    await plan.addPeople([{ name: "Ada", rate: "100" }]);
    // 20 h at 100.00 over 2–13 March, half done: BAC 2,000, EV 1,000, PV on Friday 6 March 1,000.
    await plan.newTask("Build", { assignee: "Ada", start: "2026-03-02", end: "2026-03-13", estimate: "20", progress: "50" });

    await dashboard.open();
    await expect(dashboard.currentBaseline).toContainText("No baseline yet");
    await dashboard.setBaseline();
    await expect(dashboard.currentBaseline).toContainText("Current baseline: “Baseline Mar 6, 2026”");
    await expect(dashboard.figure("Budget", "Actual cost")).toHaveText("€0.00");
    await expect(dashboard.figure("Budget", "CPI")).toHaveText("n/a");
    await expect(dashboard.figure("Budget", "Earned value")).toHaveText("€1,000.00");
    await expect(dashboard.card("Budget")).toContainText("On track");

    await plan.logTime("Build", { date: "2026-03-05", person: "Ada", hours: "8", note: "Templates" });
    await dashboard.open();
    await expect(dashboard.figure("Budget", "Actual cost")).toHaveText("€800.00");
    await expect(dashboard.figure("Budget", "CPI")).toHaveText("1.25");
    await expect(dashboard.card("Budget")).toContainText("On track: CPI 1.25.");

    await plan.logTime("Build", { date: "2026-03-06", person: "Ada", hours: "4" });
    await dashboard.open();
    await expect(dashboard.figure("Budget", "Actual cost")).toHaveText("€1,200.00");
    await expect(dashboard.figure("Budget", "CPI")).toHaveText("0.83");
    await expect(dashboard.card("Budget")).toContainText("Off track");
    await expect(dashboard.card("Budget")).toContainText("CPI 0.83 is below 0.90");

    // The charts are SVG with a title and a data table fallback.
    const costChart = page.getByRole("img", { name: /Budget: planned value, earned value and actual cost/ });
    await expect(costChart).toBeVisible();
    await page.getByText("Budget: planned value, earned value and actual cost: data table").click();
    await expect(page.getByRole("table", { name: "Budget: planned value, earned value and actual cost" })).toContainText("€1,200.00");
    await expect(page.getByRole("img", { name: /Burn-up of work/ })).toBeVisible();
  });

  test("a timer survives a reload and leaves a time entry when stopped", async ({ page }) => {
    const plan = new TrackingPage(page);
    await plan.openOn("2026-03-06");
    await plan.app.createProject("Timers", { start: "2026-03-02" });
    await plan.addPeople([{ name: "Ada", rate: "100" }, { name: "Bob" }]);
    await plan.newTask("Review", { assignee: "Bob", start: "2026-03-02", end: "2026-03-06", estimate: "4" });

    await plan.app.openTask("Review");
    await expect(plan.time.getByLabel("Timer for")).toHaveValue(/.+/);
    await expect(plan.time.getByLabel("Timer for").locator("option:checked")).toHaveText("Bob");
    await plan.time.getByRole("button", { name: "Start timer" }).click();
    await expect(plan.time.getByRole("status")).toContainText("Timer running for Bob");
    await expect(plan.time.getByTestId("timer-elapsed")).toHaveText(/^\d+:\d\d:\d\d$/);
    await plan.app.editor.getByRole("button", { name: "Cancel" }).click();

    await plan.app.reload();
    await plan.app.openTask("Review");
    await expect(plan.time.getByRole("status")).toContainText("Timer running for Bob");
    await plan.time.getByRole("button", { name: "Stop timer" }).click();
    await expect(plan.time.getByRole("button", { name: "Start timer" })).toBeVisible();
    const entries = plan.time.getByRole("table", { name: "Time entries" });
    await expect(entries.getByRole("row")).toHaveCount(2);
    await expect(entries).toContainText("Bob");
    await expect(entries).toContainText("Mar 6, 2026");

    // Entries can be edited and deleted from the task editor.
    await entries.getByRole("button", { name: /^Edit entry of/ }).click();
    const edit = plan.time.getByRole("form", { name: /^Edit entry of/ });
    await edit.getByLabel("Hours").fill("30");
    await edit.getByRole("button", { name: "Save entry" }).click();
    await expect(edit).toContainText("Enter hours more than 0 and at most 24");
    await edit.getByLabel("Hours").fill("1.5");
    await edit.getByRole("button", { name: "Save entry" }).click();
    await expect(entries).toContainText("1.5 h");
    await expect(plan.time.getByTestId("task-time-totals")).toHaveText("Logged 1.5 h, actual cost €0.00.");
    await entries.getByRole("button", { name: /^Delete entry of 1.5 h/ }).click();
    await expect(plan.time).toContainText("No time logged yet.");
  });

  test("a task added after the baseline shows as a scope change with a reason that is kept", async ({ page }) => {
    const plan = new TrackingPage(page);
    const dashboard = new DashboardPage(page);
    await plan.openOn("2026-03-06");
    await plan.app.createProject("Scope", { start: "2026-03-02" });
    await plan.newTask("Core", { start: "2026-03-02", end: "2026-03-13", estimate: "10" });
    await dashboard.open();
    await expect(dashboard.card("Scope")).toContainText("No baseline");
    await dashboard.setBaseline("Approved plan");
    await expect(dashboard.currentBaseline).toContainText("Current baseline: “Approved plan”, set Mar 6, 2026.");
    await expect(dashboard.figure("Scope", "Scope change")).toHaveText("0.0%");

    await plan.newTask("Extra report", { start: "2026-03-09", end: "2026-03-10", estimate: "2" });
    await dashboard.open();
    await expect(dashboard.figure("Scope", "Scope change")).toHaveText("+20.0%");
    await expect(dashboard.card("Scope")).toContainText("Off track");
    await expect(dashboard.card("Scope")).toContainText("Scope grew 20.0% since the baseline, more than the 10% limit.");
    const row = dashboard.scopeLog.getByRole("row", { name: /Extra report/ });
    await expect(row).toContainText("Added");
    await expect(row).toContainText("2 h");
    const reason = page.getByLabel("Reason for “Extra report” (added, Mar 6, 2026)");
    await reason.fill("Customer asked for a weekly report");
    await reason.press("Tab");

    await plan.app.reload();
    await dashboard.open();
    await expect(page.getByLabel("Reason for “Extra report” (added, Mar 6, 2026)")).toHaveValue("Customer asked for a weekly report");

    // Thresholds are project settings, checked before saving.
    await plan.view("Settings");
    const settings = page.getByRole("dialog", { name: "Project settings" });
    await settings.getByLabel("Budget red below CPI").fill("0.99");
    await settings.getByLabel("Scope red above growth (%)").fill("30");
    await settings.getByRole("button", { name: "Apply thresholds" }).click();
    await expect(settings).toContainText("The red CPI must be at or below the amber CPI.");
    await expect(settings.getByLabel("Budget red below CPI")).toHaveAttribute("aria-invalid", "true");
    await settings.getByLabel("Budget red below CPI").fill("0.9");
    await settings.getByRole("button", { name: "Apply thresholds" }).click();
    await expect(settings).toContainText("Health thresholds saved.");
    await page.keyboard.press("Escape");
    await dashboard.open();
    await expect(dashboard.card("Scope")).toContainText("At risk");
    await expect(dashboard.card("Scope")).toContainText("Scope grew 20.0% since the baseline, more than the 5% limit.");
  });

  test("selecting a workload cell lists the tasks behind it, over-allocation is marked", async ({ page }) => {
    const plan = new TrackingPage(page);
    const dashboard = new DashboardPage(page);
    await plan.openOn("2026-03-06");
    await plan.app.createProject("Busy", { start: "2026-03-02" });
    await plan.addPeople([{ name: "Ada", capacity: "40" }]);
    await plan.newTask("Migrate", { assignee: "Ada", start: "2026-03-09", end: "2026-03-13", estimate: "30" });
    await plan.newTask("Train", { assignee: "Ada", start: "2026-03-09", end: "2026-03-13", estimate: "20" });
    await dashboard.open();
    const cell = dashboard.workload.getByRole("button", { name: "Ada, week of Mar 8, 2026: 50 h of 40 h, over capacity" });
    await expect(cell).toContainText("Over");
    await expect(dashboard.workload.getByRole("button", { name: "Ada, week of Mar 1, 2026: 0 h of 40 h" })).not.toContainText("Over");
    await cell.click();
    await expect(cell).toHaveAttribute("aria-pressed", "true");
    const details = page.getByRole("region", { name: "Tasks behind the selected cell" });
    await expect(details.getByRole("heading")).toHaveText("Ada, week of Mar 8, 2026");
    await expect(details.getByRole("listitem")).toHaveText(["Migrate: 30 h", "Train: 20 h"]);
    await cell.click();
    await expect(details).toBeHidden();
  });
});
