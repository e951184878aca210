import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";
import { TimelinePage } from "../pages/timeline";
import { readFileSync } from "node:fs";

// January 2027: Mon 4 … Fri 8, Mon 11 … Fri 15. Monday-to-Friday calendar.

/** A project with Design (Mon 4–Wed 6) → Build (Thu 7–Fri 8) and a free-standing Docs day. */
async function chainProject(app: AppPage, name = "Intranet") {
  await app.open();
  await app.createProject(name, { start: "2027-01-04", deadline: "2027-02-26" });
  await app.newTask("Design", { start: "2027-01-04", end: "2027-01-06", progress: "50" });
  await app.newTask("Build", { start: "2027-01-07", end: "2027-01-08", dependsOn: [{ task: "Design", type: "FS" }] });
  await app.newTask("Docs", { start: "2027-01-04", end: "2027-01-04" });
}

test.describe("timeline", () => {
  test("shows the list and the chart, reached by the Timeline link", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await app.newTask("Go-live", { start: "2027-01-15", milestone: true, dependsOn: [{ task: "Build" }] });
    await timeline.open();
    await expect(page.getByRole("link", { name: "Timeline", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(timeline.list.getByRole("columnheader")).toHaveText(["Task", "Start", "End", "Float"]);
    await timeline.expectDates("Design", "Jan 4, 2027", "Jan 6, 2027");
    await timeline.expectDates("Build", "Jan 7, 2027", "Jan 8, 2027");
    for (const title of ["Design", "Build", "Docs", "Go-live"]) {
      await expect(timeline.bar(title)).toBeVisible();
      await expect(timeline.bar(title)).toHaveAttribute("tabindex", "0");
    }
    await expect(timeline.bar("Design")).toHaveAttribute(
      "aria-description",
      "Jan 4, 2027 to Jan 6, 2027, 50% done, Float: 5 working days",
    );
    await expect(timeline.bar("Go-live")).toHaveAttribute("aria-description", /^Milestone on Jan 15, 2027, Float: /);
    await expect(timeline.bar("Go-live").locator(".timeline__milestone")).toBeVisible();
    // Progress fills half of Design's bar.
    const body = Number(await timeline.body("Design").getAttribute("width"));
    const filled = Number(await timeline.bar("Design").locator(".timeline__bar-progress").getAttribute("width"));
    expect(filled).toBeCloseTo(body / 2, 1);
    await expect(timeline.arrow("Design", "Build")).toBeVisible();
    await expect(timeline.arrow("Build", "Go-live")).toBeVisible();
    await expect(page.locator(".timeline__band").first()).toBeAttached();
    await expect(page.locator(".timeline__plot .timeline__deadline")).toBeAttached();

    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
    expect(summary).toEqual([]);

    // A double click on a bar, or on its row in the list, opens the task.
    await timeline.body("Docs").dblclick();
    await expect(app.editor).toBeVisible();
    await expect(app.editor.getByLabel("Title")).toHaveValue("Docs");
    await app.editor.getByRole("button", { name: "Cancel" }).click();
    await timeline.row("Build").dblclick();
    await expect(app.editor.getByLabel("Title")).toHaveValue("Build");
    await app.editor.getByRole("button", { name: "Cancel" }).click();
  });

  test("dragging a bar moves it, its successor follows at once, and Ctrl+Z undoes it", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await timeline.zoom("Day");
    await timeline.moveBar("Design", 2, "Day");
    await timeline.expectDates("Design", "Jan 6, 2027", "Jan 8, 2027");
    // Build keeps its two working days, after Design's new end: Mon 11–Tue 12.
    await timeline.expectDates("Build", "Jan 11, 2027", "Jan 12, 2027");
    await expect(page.getByTestId("live-region")).toHaveText("Moved “Build” to keep its dependency.");
    await expect(timeline.bar("Design")).toBeFocused();

    await page.keyboard.press("Control+z");
    await timeline.expectDates("Design", "Jan 4, 2027", "Jan 6, 2027");
    await timeline.expectDates("Build", "Jan 7, 2027", "Jan 8, 2027");
  });

  test("dragging a bar's ends resizes it, snapping to whole days", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await timeline.zoom("Day");
    await timeline.resizeBar("Design", "end", 1, "Day");
    await timeline.expectDates("Design", "Jan 4, 2027", "Jan 7, 2027");
    await timeline.expectDates("Build", "Jan 8, 2027", "Jan 11, 2027");
    await timeline.resizeBar("Docs", "start", -1, "Day");
    await timeline.expectDates("Docs", "Jan 3, 2027", "Jan 4, 2027");
    // Less than half a day snaps back to where it was.
    await timeline.resizeBar("Docs", "end", 0.3, "Day");
    await timeline.expectDates("Docs", "Jan 3, 2027", "Jan 4, 2027");
  });

  test("Escape cancels a drag", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await timeline.zoom("Day");
    await timeline.reveal("Design");
    const body = await timeline.body("Design").boundingBox();
    if (!body) throw new Error("no bar");
    await page.mouse.move(body.x + body.width / 2, body.y + body.height / 2);
    await page.mouse.down();
    await page.mouse.move(body.x + body.width / 2 + 3 * 36, body.y + body.height / 2, { steps: 6 });
    await page.keyboard.press("Escape");
    await page.mouse.up();
    await timeline.expectDates("Design", "Jan 4, 2027", "Jan 6, 2027");
    await expect(app.saveIndicator).toHaveText("Saved");
  });

  test("dragging from a bar's connector to another bar creates a finish-to-start dependency", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await timeline.zoom("Day");
    await timeline.connect("Docs", "Build");
    await expect(timeline.arrow("Docs", "Build")).toHaveAccessibleName("Dependency “Docs” to “Build”, finish to start");
    // Build already started after Docs, so it stays.
    await timeline.expectDates("Build", "Jan 7, 2027", "Jan 8, 2027");
    await timeline.connect("Build", "Docs");
    await expect(page.getByRole("alert")).toContainText("This dependency would make a loop");

    await page.getByRole("button", { name: "Dismiss" }).click();
    await app.newTask("Deploy", { start: "2027-01-04", end: "2027-01-05" });
    await timeline.connect("Build", "Deploy");
    await expect(timeline.arrow("Build", "Deploy")).toBeVisible();
    await timeline.expectDates("Deploy", "Jan 11, 2027", "Jan 12, 2027");
  });

  test("a dependency that would make a loop is refused with a message naming the tasks", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await timeline.zoom("Day");
    await timeline.connect("Build", "Design");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("This dependency would make a loop");
    await expect(alert).toContainText("“Design”");
    await expect(alert).toContainText("“Build”");
    await expect(alert).toBeInViewport();
    await expect(timeline.arrow("Build", "Design")).toHaveCount(0);
    await timeline.expectDates("Design", "Jan 4, 2027", "Jan 6, 2027");
  });

  test("selecting an arrow changes its type and lag, and deletes it", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await timeline.zoom("Day");
    await timeline.clickArrow("Design", "Build");
    const dialog = timeline.dependencyDialog;
    await expect(dialog).toHaveAccessibleName("Dependency “Design” → “Build”");
    await expect(dialog.getByLabel("Link type")).toHaveValue("FS");
    await expect(dialog.getByLabel("Lag (working days)")).toHaveValue("0");

    await dialog.getByLabel("Lag (working days)").fill("1.5");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByLabel("Lag (working days)")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog).toContainText("whole number of working days");

    await dialog.getByLabel("Lag (working days)").fill("2");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    // Two working days of gap after Wed 6: Build starts Mon 11.
    await timeline.expectDates("Build", "Jan 11, 2027", "Jan 12, 2027");
    await expect(timeline.arrow("Design", "Build")).toHaveAccessibleName(
      "Dependency “Design” to “Build”, finish to start, lag 2 working days",
    );

    await timeline.clickArrow("Design", "Build");
    await dialog.getByLabel("Link type").selectOption("SS");
    await dialog.getByLabel("Lag (working days)").fill("1");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(timeline.arrow("Design", "Build")).toHaveAccessibleName(
      "Dependency “Design” to “Build”, start to start, lag 1 working day",
    );

    // The keyboard reaches arrows too: Enter opens the dialog.
    await timeline.arrow("Design", "Build").focus();
    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Delete dependency" }).click();
    await expect(dialog).toBeHidden();
    await expect(timeline.arrow("Design", "Build")).toHaveCount(0);
    await page.keyboard.press("Control+z");
    await expect(timeline.arrow("Design", "Build")).toHaveCount(1);
  });

  test("zoom levels change the scale, and Today scrolls to today", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await expect(timeline.button("Week")).toHaveAttribute("aria-pressed", "true");
    expect(await timeline.barWidth("Design")).toBe(3 * 16);
    const header = page.locator(".timeline__header");
    await expect(header).toContainText("Jan 4");

    await timeline.zoom("Day");
    await expect(timeline.button("Week")).toHaveAttribute("aria-pressed", "false");
    expect(await timeline.barWidth("Design")).toBe(3 * 36);
    await expect(header).toContainText("January 2027");

    await timeline.zoom("Month");
    expect(await timeline.barWidth("Design")).toBe(3 * 5);
    await expect(header).toContainText("Feb");

    await timeline.zoom("Quarter");
    expect(await timeline.barWidth("Design")).toBe(6);
    await expect(header).toContainText("Q1");

    await timeline.zoom("Day");
    await timeline.button("Today").click();
    const today = page.locator(".timeline__plot .timeline__today");
    await expect(today).toBeAttached();
    const scroller = await timeline.scroller.boundingBox();
    const line = await today.boundingBox();
    expect(scroller && line && line.x > scroller.x + 500 && line.x < scroller.x + scroller.width).toBeTruthy();
  });

  test("critical path highlights the critical tasks and arrows", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    const toggle = timeline.button("Critical path");
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(timeline.bar("Design")).not.toHaveClass(/timeline__bar--critical/);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(timeline.bar("Design")).toHaveClass(/timeline__bar--critical/);
    await expect(timeline.bar("Build")).toHaveClass(/timeline__bar--critical/);
    await expect(timeline.bar("Docs")).not.toHaveClass(/timeline__bar--critical/);
    await expect(timeline.arrow("Design", "Build")).toHaveClass(/timeline__arrow--critical/);
    await expect(timeline.bar("Build")).toHaveAttribute("aria-description", /on the critical path/);
    await expect(timeline.bar("Docs")).not.toHaveAttribute("aria-description", /critical/);
    // Build's critical fill is drawn in the danger colour.
    const fill = await timeline.body("Build").evaluate((element) => getComputedStyle(element).stroke);
    const plain = await timeline.body("Docs").evaluate((element) => getComputedStyle(element).stroke);
    expect(fill).not.toBe(plain);
    await toggle.click();
    await expect(timeline.bar("Build")).not.toHaveClass(/timeline__bar--critical/);
  });

  test("a baseline is saved in the plan, drawn under the bars, and slip shows after a move", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await expect(timeline.button("Baseline")).toBeDisabled();
    await timeline.setBaseline("Approved plan");
    await expect(page.getByText("Baseline “Approved plan”, set")).toBeVisible();
    await expect(timeline.button("Baseline")).toHaveAttribute("aria-pressed", "true");
    await expect(timeline.list.getByRole("columnheader", { name: "Slip" })).toBeVisible();
    await expect(timeline.slip("Design")).toHaveText("0 d");
    await expect(timeline.bar("Design").locator(".timeline__baseline")).toHaveCount(1);

    await timeline.zoom("Day");
    await timeline.moveBar("Design", 2, "Day");
    await expect(timeline.slip("Design")).toHaveText("+2 d");
    await expect(timeline.slip("Design")).toHaveAttribute("title", "2 working days late");
    await expect(timeline.slip("Build")).toHaveText("+2 d");
    await expect(timeline.slip("Docs")).toHaveText("0 d");
    // The baseline bar stays where Design was.
    const baseline = await timeline.bar("Design").locator(".timeline__baseline").boundingBox();
    const bar = await timeline.body("Design").boundingBox();
    expect(baseline && bar && Math.abs(bar.x - baseline.x - 2 * 36)).toBeLessThanOrEqual(1);

    await timeline.button("Baseline").click();
    await expect(timeline.button("Baseline")).toHaveAttribute("aria-pressed", "false");
    await expect(page.locator(".timeline__baseline")).toHaveCount(0);

    const exported = JSON.parse(readFileSync((await app.exportProject()).path, "utf8"));
    expect(exported.project.baselines).toHaveLength(1);
    expect(exported.project.baselines[0].name).toBe("Approved plan");
    const designId = exported.project.tasks.find((task: { title: string }) => task.title === "Design").id;
    const design = exported.project.baselines[0].tasks.find((task: { task: string }) => task.task === designId);
    expect(design.end).toBe("2027-01-06");
  });

  test("the keyboard moves a selected bar by a day, and Shift+arrow resizes it", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await timeline.bar("Design").focus();
    await page.keyboard.press("ArrowRight");
    await timeline.expectDates("Design", "Jan 5, 2027", "Jan 7, 2027");
    await timeline.expectDates("Build", "Jan 8, 2027", "Jan 11, 2027");
    await expect(timeline.bar("Design")).toBeFocused();
    await page.keyboard.press("Shift+ArrowRight");
    await timeline.expectDates("Design", "Jan 5, 2027", "Jan 8, 2027");
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Shift+ArrowLeft");
    await timeline.expectDates("Design", "Jan 5, 2027", "Jan 6, 2027");
    await page.keyboard.press("ArrowLeft");
    await timeline.expectDates("Design", "Jan 4, 2027", "Jan 5, 2027");
    await expect(timeline.bar("Design")).toBeFocused();

    await page.keyboard.press("ArrowDown");
    await expect(timeline.bar("Build")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(app.editor).toBeVisible();
    await expect(app.editor.getByLabel("Title")).toHaveValue("Build");
    await app.editor.getByRole("button", { name: "Cancel" }).click();
  });

  test("summary tasks roll up and their subtasks collapse", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await app.open();
    await app.createProject("Phases", { start: "2027-01-04" });
    await app.newTask("Phase 1", { start: "2027-01-04", end: "2027-01-04" });
    await app.newTask("Analyse", { parent: "Phase 1", start: "2027-01-05", end: "2027-01-06" });
    await app.newTask("Decide", { parent: "Phase 1", start: "2027-01-07", end: "2027-01-08" });
    await timeline.open();
    await expect(timeline.bar("Phase 1")).toHaveAttribute("aria-description", /^Summary task, Jan 5, 2027 to Jan 8, 2027/);
    await expect(timeline.bar("Phase 1").locator(".timeline__summary")).toBeVisible();
    await timeline.bar("Phase 1").locator(".timeline__summary").dblclick();
    await expect(app.editor.getByLabel("Title")).toHaveValue("Phase 1");
    await app.editor.getByRole("button", { name: "Cancel" }).click();
    const collapse = timeline.list.getByRole("button", { name: "Collapse subtasks of Phase 1" });
    await collapse.click();
    await expect(timeline.bar("Analyse")).toHaveCount(0);
    await expect(timeline.row("Analyse")).toHaveCount(0);
    const expand = timeline.list.getByRole("button", { name: "Expand subtasks of Phase 1" });
    await expect(expand).toHaveAttribute("aria-expanded", "false");
    await expect(expand).toBeFocused();
    await expand.click();
    await expect(timeline.bar("Analyse")).toBeVisible();
  });

  test("reload keeps moves, links and baselines", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await timeline.setBaseline("Signed off");
    await timeline.zoom("Day");
    await timeline.connect("Docs", "Build");
    await expect(timeline.arrow("Docs", "Build")).toBeVisible();
    await timeline.moveBar("Design", 1, "Day");
    await timeline.expectDates("Build", "Jan 8, 2027", "Jan 11, 2027");

    await app.reload();
    await expect(timeline.chart).toBeVisible();
    await timeline.expectDates("Design", "Jan 5, 2027", "Jan 7, 2027");
    await timeline.expectDates("Build", "Jan 8, 2027", "Jan 11, 2027");
    await expect(timeline.arrow("Docs", "Build")).toBeVisible();
    await expect(timeline.arrow("Design", "Build")).toBeVisible();
    await expect(page.getByText("Baseline “Signed off”, set")).toBeVisible();
    await expect(timeline.slip("Build")).toHaveText("+1 d");
  });

  test("Save as SVG downloads the timeline as a standalone drawing", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app, "CRM & Portal");
    await timeline.open();
    const download = page.waitForEvent("download");
    await timeline.button("Save as SVG").click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("crm-portal-timeline.svg");
    const text = readFileSync(await file.path(), "utf8");
    expect(text).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain("<title>CRM &amp; Portal — Timeline</title>");
    for (const title of ["Design", "Build", "Docs"]) expect(text).toContain(`>${title}</text>`);
    expect(text).toContain("<polyline");
    expect(text).not.toContain("var(--");
  });

  test("printing shows the timeline on landscape pages without the app chrome", async ({ page }, testInfo) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await chainProject(app);
    await timeline.open();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Project views" })).toBeHidden();
    await expect(timeline.button("Set baseline")).toBeHidden();
    await expect(page.getByRole("button", { name: "New task", exact: true })).toBeHidden();
    await expect(timeline.chart).toBeVisible();
    await expect(timeline.bar("Design")).toBeVisible();
    await testInfo.attach("print.png", { body: await page.screenshot(), contentType: "image/png" });
    // The printed pages are landscape: wider than tall.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
    expect(box).not.toBeNull();
    expect(Number(box![1])).toBeGreaterThan(Number(box![2]));
  });

  test("a thousand tasks render a bounded window of rows and still drag", async ({ page }) => {
    const app = new AppPage(page);
    const timeline = new TimelinePage(page);
    await app.open();
    await app.importFile({ name: "big.ironplan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bigPlan(1000))) });
    await expect(page.getByRole("heading", { level: 1, name: "Big plan" })).toBeVisible();
    await timeline.open();
    await expect(timeline.bar("Task 1")).toBeVisible();
    expect(await page.locator(".timeline__plot [data-task]").count()).toBeLessThan(80);
    expect(await timeline.list.getByRole("row").count()).toBeLessThan(80);
    await expect(timeline.list).toHaveAttribute("aria-rowcount", "1001");

    await timeline.scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await expect(timeline.bar("Task 1000")).toBeVisible();
    await expect(timeline.bar("Task 1")).toHaveCount(0);
    const elements = await timeline.scroller.evaluate((element) => element.querySelectorAll("*").length);
    expect(elements).toBeLessThan(1500);

    await timeline.zoom("Day");
    await timeline.moveBar("Task 999", 1, "Day");
    // Task 1000 waits for Task 999 and follows it.
    await timeline.expectDates("Task 999", "Jan 5, 2027", "Jan 5, 2027");
    await timeline.expectDates("Task 1000", "Jan 6, 2027", "Jan 6, 2027");
  });
});

/** A plan file with `count` one-day tasks on Monday, Jan 4, 2027, each even task waiting for the one before. */
function bigPlan(count: number) {
  const column = "c1000000-0000-4000-8000-000000000001";
  const id = (n: number) => `71000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  const tasks = Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    return {
      id: id(n),
      title: `Task ${n}`,
      column,
      start: "2027-01-04",
      end: "2027-01-04",
      created: "2026-12-01",
      ...(n % 2 === 0 ? { dependencies: [{ predecessor: id(n - 1), kind: "finish_to_start" }] } : {}),
    };
  });
  return {
    format: "ironplan",
    version: 2,
    kind: "project",
    project: {
      id: "8d3c1b2a-0f4e-4a5b-9c6d-7e8f90a1b2c4",
      name: "Big plan",
      start: "2027-01-04",
      budget: { amount: 0, currency: "EUR" },
      columns: [
        { id: column, name: "To do", category: "todo" },
        { id: "c1000000-0000-4000-8000-000000000002", name: "Done", category: "done" },
      ],
      tasks,
    },
    people: [],
  };
}
