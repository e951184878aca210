import { test, expect } from "../fixtures";
import { TrackingPage } from "../pages/tracking";
import { DashboardPage } from "../pages/dashboard";
import { ReportPage } from "../pages/report";

test.describe("status report", () => {
  test.beforeEach(async ({ page }) => {
    const plan = new TrackingPage(page);
    await plan.openOn("2026-03-06");
    await plan.app.createProject("Intranet Portal", { start: "2026-03-02", deadline: "2026-04-30", budget: "5000", currency: "EUR" });
    await plan.addPeople([{ name: "Ada", rate: "100" }]);
    await plan.newTask("Design", { assignee: "Ada", status: "Done", start: "2026-03-02", end: "2026-03-04", estimate: "8" });
    await plan.newTask("Build", { assignee: "Ada", start: "2026-03-09", end: "2026-03-13", estimate: "16" });
    await plan.newTask("Go live", { start: "2026-03-16", milestone: true });
    await new DashboardPage(page).open();
    await new DashboardPage(page).setBaseline("Approved plan");
    await plan.newTask("Extra <b>page</b>", { start: "2026-03-09", end: "2026-03-10", estimate: "2" });
    await plan.logTime("Design", { date: "2026-03-03", person: "Ada", hours: "6" });
  });

  test("the report shows the page and keeps a risks list", async ({ page }) => {
    const report = new ReportPage(page);
    await report.open();
    await expect(report.report.getByRole("heading", { level: 2 })).toHaveText("Status report: Intranet Portal");
    await expect(report.report).toContainText("Status date: Mar 6, 2026.");
    const health = report.report.getByRole("table", { name: "Health" });
    await expect(health.getByRole("row", { name: /Scope/ })).toContainText("At risk");
    await expect(health.getByRole("row", { name: /Budget/ })).toContainText("On track");
    await expect(report.report.getByRole("table", { name: "Milestones" })).toContainText("Go live");
    await expect(report.report.getByRole("table", { name: "Budget figures" })).toContainText("€600.00");
    // The page shows every figure the exports do, ETC and VAC included.
    await expect(report.report.getByRole("row", { name: /Estimate to complete \(ETC\)/ })).toBeVisible();
    await expect(report.report.getByRole("row", { name: /Variance at completion \(VAC\)/ })).toBeVisible();
    await expect(report.report.getByRole("table", { name: "Scope changes" })).toContainText("Extra <b>page</b>");
    await expect(report.report.getByRole("table", { name: "Done this period" })).toContainText("Design");
    await expect(report.report.getByRole("table", { name: "Planned next" })).toContainText("Build");
    await expect(report.report).toContainText("No open risks or issues.");

    await report.addRisk({ title: "Vendor late", owner: "Ada", impact: "High", due: "2026-03-20" });
    await report.addRisk({ kind: "Issue", title: "Test server down", impact: "Low" });
    const top = report.report.getByRole("table", { name: "Top risks and issues" });
    await expect(top.getByRole("row")).toHaveCount(3);
    await expect(top.getByRole("row").nth(1)).toContainText("Vendor late");
    await expect(top.getByRole("row").nth(1)).toContainText("Ada");
    await expect(top.getByRole("row").nth(1)).toContainText("Mar 20, 2026");

    // A blank title is refused with a message.
    const add = report.risks.getByRole("form", { name: "Add a risk or issue" });
    await add.getByRole("button", { name: "Add risk" }).click();
    await expect(report.risks).toContainText("Enter a title for the risk or issue.");

    // Edit, close and delete.
    await report.risks.getByRole("button", { name: "Edit “Vendor late”" }).click();
    const edit = report.risks.getByRole("form", { name: "Edit “Vendor late”" });
    await edit.getByLabel("Title").fill("Vendor very late");
    await edit.getByRole("button", { name: "Save risk" }).click();
    await expect(top).toContainText("Vendor very late");
    await report.risks.getByRole("button", { name: "Edit “Test server down”" }).click();
    await report.risks.getByRole("form", { name: "Edit “Test server down”" }).getByLabel("Closed").check();
    await report.risks.getByRole("form", { name: "Edit “Test server down”" }).getByRole("button", { name: "Save risk" }).click();
    await expect(top).not.toContainText("Test server down");
    await expect(report.risks.getByRole("row", { name: /Test server down/ })).toContainText("Closed");
    await report.risks.getByRole("button", { name: "Delete “Test server down”" }).click();
    await expect(report.risks).not.toContainText("Test server down");

    await new TrackingPage(page).app.reload();
    await expect(report.report.getByRole("table", { name: "Top risks and issues" })).toContainText("Vendor very late");
  });

  test("the report prints without the app chrome", async ({ page }, testInfo) => {
    const report = new ReportPage(page);
    await report.open();
    await report.addRisk({ title: "Vendor late", impact: "High" });
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole("button", { name: "Print" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: "print" });
    const shot = await page.screenshot({ fullPage: true });
    await testInfo.attach("report-print.png", { body: shot, contentType: "image/png" });
    expect(shot.byteLength).toBeGreaterThan(1000);
    await expect(page.locator("header.header")).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Project views" })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: "Intranet Portal" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await expect(report.risks).toBeHidden();
    await expect(report.report).toBeVisible();
    await expect(report.report.getByRole("heading", { name: "Top risks and issues" })).toBeVisible();
    await expect(report.report).toContainText("Vendor late");
    const box = await report.report.boundingBox();
    expect(box?.x ?? 99).toBeLessThan(40);
    await page.emulateMedia({ media: "screen" });
    await expect(page.locator("header.header")).toBeVisible();
  });

  test("the report exports as self-contained HTML and as Markdown, and can be marked as issued", async ({ page }) => {
    const report = new ReportPage(page);
    await report.open();
    const html = await report.export("HTML");
    expect(html.name).toBe("status-report-intranet-portal-2026-03-06.html");
    expect(html.text.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html.text).toContain("Status report: Intranet Portal");
    expect(html.text).toContain("Extra &lt;b&gt;page&lt;/b&gt;");
    expect(html.text).not.toContain("<script");
    expect(html.text).not.toMatch(/\s(src|href)=/);

    const markdown = await report.export("Markdown");
    expect(markdown.name).toBe("status-report-intranet-portal-2026-03-06.md");
    expect(markdown.text.startsWith("# Status report: Intranet Portal\n")).toBe(true);
    expect(markdown.text).toContain("## Top risks and issues");

    await page.getByRole("button", { name: "Mark report as issued" }).click();
    await expect(page.getByRole("button", { name: "Mark report as issued" })).toBeDisabled();
    await expect(page.getByText("Issued today: the next report starts its period here.")).toBeVisible();
  });
});
