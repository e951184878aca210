import { test, expect } from "../fixtures";
import { TrackingPage } from "../pages/tracking";
import { StandupPage } from "../pages/standup";

test("the stand-up walks person by person with the keyboard and records when it was held", async ({ page }) => {
  const plan = new TrackingPage(page);
  const standup = new StandupPage(page);
  await plan.openOn("2026-03-10");
  await plan.app.createProject("Platform", { start: "2026-03-02" });
  await plan.addPeople([{ name: "Ada" }, { name: "Bob" }]);
  await plan.newTask("API", { assignee: "Ada", status: "In progress", start: "2026-03-09", end: "2026-03-11", estimate: "8" });
  await plan.newTask("Docs", { assignee: "Bob", start: "2026-03-02", end: "2026-03-09", estimate: "4" });
  // In progress while its predecessor is not finished: blocked (auto-scheduling moves its dates).
  await plan.newTask("Deploy", { assignee: "Bob", status: "In progress", start: "2026-03-10", end: "2026-03-12", dependsOn: [{ task: "API" }] });
  await plan.logTime("API", { date: "2026-03-10", person: "Ada", hours: "2" });

  await standup.open();
  await expect(standup.since).toHaveText("No earlier stand-up recorded: done since Mar 9, 2026, the previous working day.");
  await expect(standup.lastHeld).toHaveText("No stand-up held yet.");
  await expect(standup.tab("Ada")).toHaveAttribute("aria-selected", "true");
  await expect(standup.panel.getByRole("heading", { level: 2 })).toHaveText("Ada");
  await expect(standup.section("In progress")).toContainText("API");
  await expect(standup.section("Due soon")).toContainText("API");
  await expect(standup.section(/^Done since/)).toContainText("API 2 h logged");

  // Arrow keys move between people, focus follows.
  await standup.tab("Ada").focus();
  await page.keyboard.press("ArrowRight");
  await expect(standup.tab("Bob")).toBeFocused();
  await expect(standup.tab("Bob")).toHaveAttribute("aria-selected", "true");
  await expect(standup.panel.getByRole("heading", { level: 2 })).toHaveText("Bob");
  await expect(standup.section("Overdue")).toContainText("Docs");
  await expect(standup.section("Blocked")).toContainText("Deploy Waiting on “API”");
  await page.keyboard.press("ArrowRight");
  await expect(standup.tab("Ada")).toBeFocused();
  await page.keyboard.press("End");
  await expect(standup.tab("Bob")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(standup.tab("Ada")).toHaveAttribute("aria-selected", "true");
  await page.getByRole("button", { name: "Next person" }).click();
  await expect(standup.panel.getByRole("heading", { level: 2 })).toHaveText("Bob");

  await page.getByRole("button", { name: "Stand-up held" }).click();
  await expect(standup.lastHeld).toHaveText("Stand-up held today.");
  await plan.app.reload();
  await expect(standup.lastHeld).toHaveText("Stand-up held today.");

  // The next day, "since" starts at the stand-up that was held.
  await plan.today("2026-03-11");
  await plan.app.reload();
  await expect(standup.since).toHaveText("Done since the last stand-up on Mar 10, 2026.");
  await expect(standup.lastHeld).toHaveText("Last stand-up held Mar 10, 2026.");
  await expect(standup.section(/^Done since Mar 10, 2026/)).toContainText("API 2 h logged");
});
