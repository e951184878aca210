import { test, expect } from "../fixtures";
import type { Page } from "@playwright/test";
import { AppPage } from "../pages/app";
import { ViewsPage } from "../pages/views";
import { CalendarPage, day, fullDate, iso, monthHeading, plusDays, taskName } from "../pages/calendar";

// The sample project is placed around today, so every expectation here is worked out from
// today and from the dates the app shows, never written down as a fixed day.

/** Today in the browser (pinned to UTC), as the app reads it. */
async function browserToday(page: Page): Promise<Date> {
  return day(await page.evaluate(() => new Date().toISOString().slice(0, 10)));
}

/** The first day of the month `months` after `date`'s. */
function monthStart(date: Date, months = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

/** The sample project's Calendar, opened through its link. */
async function sampleCalendar(page: Page) {
  const views = new ViewsPage(page);
  const calendar = new CalendarPage(page);
  await views.openSample();
  await calendar.open();
  return { views, calendar, app: views.app, today: await browserToday(page) };
}

/** A task's start and end as the task editor shows them, opened with Enter on its button. */
async function datesInEditor(page: Page, calendar: CalendarPage, title: string): Promise<[Date, Date]> {
  const views = new ViewsPage(page);
  await calendar.task(title).focus();
  await page.keyboard.press("Enter");
  const editor = views.app.editor;
  await expect(editor.getByLabel("Title")).toHaveValue(title);
  const dates: [Date, Date] = [day(await editor.getByLabel("Start date").inputValue()), day(await editor.getByLabel("End date").inputValue())];
  await page.keyboard.press("Escape");
  await expect(editor).toBeHidden();
  return dates;
}

/** A task's start and end as the Tasks view's editor shows them (the table filtered to it). */
async function datesInTasks(page: Page, title: string): Promise<[string, string]> {
  const views = new ViewsPage(page);
  await page.getByRole("link", { name: "Tasks", exact: true }).click();
  await page.getByLabel("Filter tasks").fill(title);
  await page.getByRole("table").getByRole("button", { name: title, exact: true }).click();
  const editor = views.app.editor;
  const dates: [string, string] = [await editor.getByLabel("Start date").inputValue(), await editor.getByLabel("End date").inputValue()];
  await editor.getByRole("button", { name: "Cancel" }).click();
  await expect(editor).toBeHidden();
  return dates;
}

/** A plan file with `count` tasks of one to ten days, spread over the half year around `around`. */
function bigPlan(count: number, around: Date) {
  const hex = (value: number) => value.toString(16).padStart(12, "0");
  const column = "c0000000-0000-4000-8000-000000000001";
  const tasks = Array.from({ length: count }, (_, index) => {
    const start = plusDays(around, (index * 37) % 180 - 90);
    return {
      id: `70000000-0000-4000-8000-${hex(index + 1)}`,
      title: `Task ${index + 1}`,
      column,
      start: iso(start),
      end: iso(plusDays(start, index % 10)),
      created: iso(plusDays(around, -90)),
    };
  });
  return {
    format: "ironplan",
    version: 2,
    kind: "project",
    project: {
      id: "80000000-0000-4000-8000-000000000001",
      name: "Many tasks",
      start: iso(plusDays(around, -90)),
      budget: { amount: 0, currency: "EUR" },
      columns: [{ id: column, name: "To do", category: "todo" }],
      tasks,
    },
    people: [],
  };
}

test.describe("calendar", () => {
  test("opens on today's month, steps through months and weeks, and marks the days", async ({ page }) => {
    const { calendar, today } = await sampleCalendar(page);
    await expect(page.getByRole("link", { name: "Calendar", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(calendar.heading).toHaveText(monthHeading(today));
    await expect(calendar.grid.getByRole("columnheader")).toHaveCount(7);
    const weeks = (await calendar.grid.getByRole("row").count()) - 1;
    expect(weeks).toBeGreaterThanOrEqual(4);
    expect(weeks).toBeLessThanOrEqual(6);
    await expect(calendar.day(today)).toHaveAttribute("aria-description", /Today\./);
    // The grid's one tab stop is today.
    await expect(calendar.day(today)).toHaveAttribute("tabindex", "0");
    await expect(calendar.grid.locator('[role="gridcell"][tabindex="0"]')).toHaveCount(1);

    await calendar.button("Next month").click();
    await expect(calendar.heading).toHaveText(monthHeading(monthStart(today, 1)));
    await calendar.button("Previous month").click();
    await calendar.button("Previous month").click();
    await expect(calendar.heading).toHaveText(monthHeading(monthStart(today, -1)));
    await calendar.button("Today").click();
    await expect(calendar.heading).toHaveText(monthHeading(today));

    // One week at a time.
    await calendar.button("Week").click();
    await expect(calendar.button("Week")).toHaveAttribute("aria-pressed", "true");
    await expect(calendar.button("Month")).toHaveAttribute("aria-pressed", "false");
    await expect(calendar.grid.getByRole("row")).toHaveCount(2);
    await expect(calendar.day(today)).toBeVisible();
    await calendar.button("Next week").click();
    await expect(calendar.day(plusDays(today, 7))).toBeVisible();
    await expect(calendar.day(today)).toHaveCount(0);
    await calendar.button("Previous week").click();
    await expect(calendar.day(today)).toBeVisible();
    await calendar.button("Month").click();
    await expect(calendar.button("Previous month")).toBeVisible();

    // Weekends are non-working days, marked for everyone.
    const weekend = calendar.grid.locator('[role="gridcell"][aria-description*="Non-working day"]');
    await expect(weekend.first()).toBeVisible();
    expect(await weekend.count()).toBeGreaterThanOrEqual(8);
    // The sample's holiday lies shortly before today, its deadline a few months on.
    const holiday = calendar.grid.locator('[role="gridcell"][aria-description*="Holiday"]');
    expect(await calendar.findMonthWith(holiday, "Previous month", 2)).toBe(true);
    await expect(holiday).toHaveCount(1);
    await expect(holiday).toContainText("Holiday");
    await calendar.button("Today").click();
    const deadline = calendar.grid.locator('[role="gridcell"][aria-description*="Project deadline"]');
    expect(await calendar.findMonthWith(deadline, "Next month", 6)).toBe(true);
    await expect(deadline).toHaveCount(1);
    await expect(deadline).toContainText("Deadline");
    // Milestones are markers, named as such.
    const milestone = calendar.grid.getByRole("button", { name: /, milestone on / });
    await expect(milestone.first()).toBeVisible();
    await expect(milestone.first().locator(".calendar__diamond")).toBeVisible();
  });

  test("dragging a task to another day moves it, and Ctrl+Z undoes it", async ({ page }) => {
    const { calendar } = await sampleCalendar(page);
    // A bar whose day a week later is also in the grid.
    let chosen: { title: string; cell: string } | undefined;
    for (const bar of await calendar.bars.all()) {
      const found = await calendar.describe(bar);
      if ((await calendar.day(plusDays(day(found.cell), 7)).count()) > 0) {
        chosen = found;
        break;
      }
    }
    expect(chosen, "a task bar with a day a week later in the grid").toBeDefined();
    const { title, cell } = chosen!;
    const [start, end] = await datesInEditor(page, calendar, title);

    const bar = calendar.bars.filter({ has: page.locator(".calendar__title", { hasText: title }) }).first();
    await calendar.drag(bar, calendar.day(plusDays(day(cell), 7)));
    expect(await datesInTasks(page, title)).toEqual([iso(plusDays(start, 7)), iso(plusDays(end, 7))]);

    await page.keyboard.press("Control+z");
    expect(await datesInTasks(page, title)).toEqual([iso(start), iso(end)]);
  });

  test("Alt with the arrow keys moves a focused task, the arrow keys go to other days, and undo puts it back", async ({ page }) => {
    const { calendar, today } = await sampleCalendar(page);
    const { title } = await calendar.describe(calendar.bars.first());
    const [start, end] = await datesInEditor(page, calendar, title);

    await calendar.task(title).focus();
    await page.keyboard.press("Alt+ArrowRight");
    const focused = page.locator(":focus");
    await expect(focused).toHaveAccessibleName(taskName(title, plusDays(start, 1), plusDays(end, 1)));
    await page.keyboard.press("Alt+ArrowDown");
    await expect(focused).toHaveAccessibleName(taskName(title, plusDays(start, 8), plusDays(end, 8)));
    await page.keyboard.press("Alt+ArrowLeft");
    await expect(focused).toHaveAccessibleName(taskName(title, plusDays(start, 7), plusDays(end, 7)));
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await expect(calendar.task(title)).toHaveAccessibleName(taskName(title, start, end));

    // Plain arrow keys move between days, and the focused day becomes the tab stop.
    await calendar.day(today).focus();
    await page.keyboard.press("ArrowRight");
    await expect(calendar.day(plusDays(today, 1))).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(calendar.day(plusDays(today, 8))).toBeFocused();
    await expect(calendar.day(plusDays(today, 8))).toHaveAttribute("tabindex", "0");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowLeft");
    await expect(calendar.day(today)).toBeFocused();
  });

  test("arrow keys typed faster than the screen redraws all count, within the month and across it", async ({ page }) => {
    const { calendar, today } = await sampleCalendar(page);
    // Keys sent to the focused element one after another within one task, before any frame:
    // as a fast typist or a held key does. Each must move on from where the last one went.
    const type = (keys: string[]) =>
      page.evaluate((keys) => {
        for (const key of keys) {
          document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
        }
      }, keys);
    await calendar.day(today).focus();
    await type(["ArrowRight", "ArrowRight", "ArrowDown"]);
    await expect(calendar.day(plusDays(today, 9))).toBeFocused();
    // Five weeks on crosses into another month, whose grid is drawn after the keys.
    await type(["ArrowDown", "ArrowDown", "ArrowDown", "ArrowDown", "ArrowDown", "ArrowLeft"]);
    await expect(calendar.day(plusDays(today, 43))).toBeFocused();
    await expect(calendar.day(plusDays(today, 43))).toHaveAttribute("tabindex", "0");
  });

  test("a task moved from the keyboard pushes its successor, and one undo takes both back", async ({ page }) => {
    const { calendar, today } = await sampleCalendar(page);
    // In the sample, “Validate trial 1” starts the working day after “Trial migration 1” ends.
    const [start, end] = await datesInTasks(page, "Trial migration 1");
    const successor = await datesInTasks(page, "Validate trial 1");
    await calendar.open();
    await calendar.button("Week").click();
    const direction = day(start) > today ? "Next week" : "Previous week";
    for (let step = 0; step < 20 && (await calendar.day(day(start)).count()) === 0; step++) {
      const before = await calendar.heading.innerText();
      await calendar.button(direction).click();
      await expect(calendar.heading).not.toHaveText(before);
    }
    await calendar.task("Trial migration 1").focus();
    await page.keyboard.press("Alt+ArrowDown");
    // The Calendar follows the task into the next week, with the focus on it.
    await expect(calendar.day(plusDays(day(start), 7))).toBeVisible();
    await expect(page.locator(":focus")).toHaveAccessibleName(
      taskName("Trial migration 1", plusDays(day(start), 7), plusDays(day(end), 7)),
    );
    const pushed = await datesInTasks(page, "Validate trial 1");
    expect(day(pushed[0]) > day(end) && pushed[0] > successor[0], `${pushed[0]} is after the moved task`).toBe(true);

    await page.keyboard.press("Control+z");
    expect(await datesInTasks(page, "Trial migration 1")).toEqual([start, end]);
    expect(await datesInTasks(page, "Validate trial 1")).toEqual(successor);
  });

  test("a day with more tasks than fit lists the others behind “+N more”", async ({ page }) => {
    const { calendar, app } = await sampleCalendar(page);
    expect(await calendar.findMonthWith(calendar.moreButtons, "Previous month", 2)).toBe(true);
    const more = calendar.moreButtons.first();
    const hidden = Number(/\d+/.exec(await more.innerText())![0]);
    await more.click();
    const dialog = page.getByRole("dialog", { name: /^More tasks on / });
    await expect(dialog).toBeVisible();
    const tasks = dialog.getByRole("listitem").getByRole("button");
    await expect(tasks).toHaveCount(hidden);
    const title = (await tasks.first().innerText()).trim();
    await expect(tasks.first()).toHaveAccessibleName(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, `));
    await tasks.first().click();
    await expect(dialog).toBeHidden();
    await expect(app.editor.getByLabel("Title")).toHaveValue(title);
  });

  test("at phone width the month is a list of days", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    const { views, calendar, today } = await sampleCalendar(page);
    await expect(calendar.grid).toHaveCount(0);
    const list = calendar.region.getByRole("list", { name: monthHeading(today) });
    await expect(list).toBeVisible();
    const lastDay = plusDays(monthStart(today, 1), -1).getUTCDate();
    await expect(list.locator(":scope > li")).toHaveCount(lastDay);
    await expect(list.getByRole("heading", { level: 3, name: new RegExp(`^${fullDate(today)}`) })).toBeVisible();
    await expect(list.getByRole("button").first()).toBeVisible();
    expect(await views.pageScrollsSideways(), (await views.widestElements()).join(", ")).toBe(false);
    expect(await views.accessibilityViolations()).toEqual([]);
    await calendar.button("Next month").click();
    await expect(calendar.region.getByRole("list", { name: monthHeading(monthStart(today, 1)) })).toBeVisible();
  });

  test("a plan of thousands of tasks draws only the lanes of the month shown", async ({ page }) => {
    const app = new AppPage(page);
    const calendar = new CalendarPage(page);
    await app.open();
    const today = await browserToday(page);
    await app.importFile({ name: "many.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bigPlan(3000, today))) });
    await expect(page.getByRole("heading", { level: 1, name: "Many tasks" })).toBeVisible();
    await calendar.open();
    await expect(calendar.day(today)).toBeVisible();
    // Three lanes a week at most, whatever the plan holds; the rest is counted per day.
    const shown = await calendar.grid.locator("[data-task]").count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(3 * 7 * 6);
    const more = calendar.day(today).getByRole("button", { name: /^\+\d+ more$/ });
    const hidden = Number(/\d+/.exec(await more.innerText())![0]);
    expect(hidden).toBeGreaterThan(50);
    await more.click();
    await expect(page.getByRole("dialog", { name: /^More tasks on / }).getByRole("listitem")).toHaveCount(hidden);
  });

  test("prints the month without its controls, and lists its keys among the shortcuts", async ({ page }) => {
    const { calendar } = await sampleCalendar(page);
    await page.emulateMedia({ media: "print" });
    await expect(calendar.grid).toBeVisible();
    for (const name of ["Previous month", "Today", "Week"]) await expect(calendar.button(name)).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Project views" })).toBeHidden();
    await page.emulateMedia({ media: "screen" });

    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(shortcuts.getByRole("heading", { name: "Calendar, on a day or a task" })).toBeVisible();
  });

  test("task deadlines are flagged on their days, and a missed one says so", async ({ page }) => {
    const app = new AppPage(page);
    const calendar = new CalendarPage(page);
    await app.open();
    const today = await browserToday(page);
    await app.createProject("Deadlines", { start: iso(today) });
    // Design ends three days after its deadline (today); Review ends on it.
    for (const [title, end] of [
      ["Design", plusDays(today, 3)],
      ["Review", today],
    ] as const) {
      await page.getByRole("button", { name: "New task", exact: true }).first().click();
      await app.fillTask({ title, start: iso(today), end: iso(end) });
      await app.editor.getByLabel("Deadline").fill(iso(today));
      await app.editor.getByRole("button", { name: "Save", exact: true }).click();
      await expect(app.editor).toBeHidden();
    }

    await calendar.open();
    const cell = calendar.day(today);
    const design = cell.getByRole("img", { name: "Deadline: Design", exact: true });
    const review = cell.getByRole("img", { name: "Deadline: Review", exact: true });
    await expect(design).toBeVisible();
    await expect(design).toHaveAccessibleDescription("Missed");
    await expect(review).toBeVisible();
    await expect(review).toHaveAccessibleDescription("On time");
    await expect(cell).toHaveAccessibleDescription(/Deadline of Design, missed\. Deadline of Review\.$/);
    expect(await new ViewsPage(page).accessibilityViolations()).toEqual([]);

    // Design brought back to end on its deadline: no longer missed.
    await app.openTask("Design");
    await app.editor.getByLabel("End date").fill(iso(today));
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toBeHidden();
    await calendar.open();
    await expect(design).toHaveAccessibleDescription("On time");
    await expect(cell).toHaveAccessibleDescription(/Deadline of Design\. Deadline of Review\.$/);
  });
});
