import { test, expect, type Locator } from "@playwright/test";
import { AppPage } from "../pages/app";
import { ViewsPage } from "../pages/views";
import { TimelinePage } from "../pages/timeline";

/** `iso` moved by `days` calendar days, as an ISO date. */
function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** An ISO date as the tables show it: "Jan 4, 2027". */
function shown(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** Scrolls every scrolling box around `element`, and the page, to the bottom, so that the
 * last rows of a windowed list are drawn. */
async function scrollToBottom(element: Locator) {
  await element.evaluate((node) => {
    for (let box: HTMLElement | null = node as HTMLElement; box; box = box.parentElement) {
      box.scrollTop = box.scrollHeight;
    }
    window.scrollTo(0, document.body.scrollHeight);
  });
}

function selectedOption(select: Locator): Locator {
  return select.locator("option:checked");
}

test.describe("Constraints, float and deadlines", () => {
  test("float shows in the Tasks table and the Timeline list, a missed deadline is marked and flagged", async ({ page }) => {
    const views = new ViewsPage(page);
    const app = views.app;
    const timeline = new TimelinePage(page);
    await views.openSample();

    // Float in the Tasks table and the Timeline list, with a critical task at 0.
    await page.getByRole("link", { name: "Tasks", exact: true }).click();
    const tasks = page.getByRole("table");
    await expect(tasks.getByRole("columnheader", { name: "Float" })).toBeVisible();
    // The last task, "Hypercare", ends the project: it is critical.
    await scrollToBottom(tasks);
    const hypercare = tasks.getByRole("row").filter({ has: page.getByRole("button", { name: "Hypercare", exact: true }) });
    await expect(hypercare.getByRole("cell", { name: "0 working days (critical)" })).toBeVisible();

    // A deadline before the task's end is marked on the Timeline and flagged as missed.
    await app.openTask("Performance testing");
    const end = await app.editor.getByLabel("End date").inputValue();
    await app.editor.getByLabel("Deadline").fill(addDays(end, -1));
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toBeHidden();

    await timeline.open();
    await expect(timeline.list.getByRole("columnheader", { name: "Float" })).toBeVisible();
    await scrollToBottom(timeline.list);
    await expect(timeline.float("Hypercare")).toHaveText("0 d0 working days (critical)");
    await expect(timeline.float("Hypercare")).toHaveAccessibleName("0 working days (critical)");
    await timeline.reveal("Performance testing");
    await expect(timeline.deadline("Performance testing")).toBeVisible();
    await expect(timeline.deadline("Performance testing")).toHaveAccessibleName(
      `Deadline of Performance testing: ${shown(addDays(end, -1))}, missed`,
    );
    const bar = timeline.bar("Performance testing");
    await expect(bar).toHaveClass(/timeline__bar--missed/);
    await expect(bar).toHaveAttribute("aria-description", /Float: .*working day.*deadline .* missed/);

  });

  test("typing a start sets Start no earlier than, and Must start on places the task", async ({ page }) => {
    const views = new ViewsPage(page);
    const app = views.app;
    await views.openSample();
    const tasks = page.getByRole("table");
    /** Opens the last task, "Hypercare", from the bottom of the windowed Tasks table. */
    const openHypercare = async () => {
      await page.getByRole("link", { name: "Tasks", exact: true }).click();
      await scrollToBottom(tasks);
      await tasks.getByRole("button", { name: "Hypercare", exact: true }).click();
      await expect(app.editor).toBeVisible();
    };

    // Typing a start date sets "Start no earlier than".
    await openHypercare();
    const start = await app.editor.getByLabel("Start date").inputValue();
    await app.editor.getByLabel("Start date").fill(addDays(start, 7));
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toBeHidden();
    await openHypercare();
    await expect(selectedOption(app.editor.getByLabel("Constraint", { exact: true }))).toHaveText("Start no earlier than");
    await page.keyboard.press("Escape");
    await expect(app.editor).toBeHidden();

    // "Must start on" places the task on its date, a week later still (needs the scheduler
    // to honour constraints).
    await openHypercare();
    const mustStart = addDays(start, 14);
    await app.editor.getByLabel("Constraint", { exact: true }).selectOption({ label: "Must start on" });
    await app.editor.getByLabel("Constraint date").fill(mustStart);
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toBeHidden();
    await page.getByRole("link", { name: "Tasks", exact: true }).click();
    await scrollToBottom(tasks);
    const row = tasks.getByRole("row").filter({ has: page.getByRole("button", { name: "Hypercare", exact: true }) });
    await expect(row).toContainText(shown(mustStart));
  });

  test("a holiday added in Settings reschedules the tasks, as one undo step", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    // Monday 4 January 2027: Design Mon 4–Wed 6, then Build Thu 7–Fri 8.
    await app.createProject("Calendar change", { start: "2027-01-04" });
    await app.newTask("Design", { start: "2027-01-04", end: "2027-01-06" });
    await app.newTask("Build", {
      start: "2027-01-07",
      end: "2027-01-08",
      dependsOn: [{ task: "Design" }],
    });
    const tasks = page.getByRole("table");
    const endOf = (title: string) =>
      tasks
        .getByRole("row")
        .filter({ has: page.getByRole("button", { name: title, exact: true }) })
        .getByRole("cell")
        // Status, Assignee, Priority, Start, End.
        .nth(4);
    await expect(endOf("Build")).toHaveText(shown("2027-01-08"));

    // Tuesday 5 becomes a holiday: Design keeps three working days and Build follows it.
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    const settings = page.getByRole("dialog", { name: "Project settings" });
    await settings.getByLabel("Holiday date").click();
    await settings.getByLabel("Holiday date").fill("2027-01-05");
    await settings.getByRole("button", { name: "Add holiday" }).click();
    await expect(settings.getByRole("button", { name: `Remove holiday ${shown("2027-01-05")}` })).toBeVisible();
    await settings.getByRole("button", { name: "Save", exact: true }).click();
    await expect(settings).toBeHidden();

    await page.getByRole("link", { name: "Tasks", exact: true }).click();
    await expect(endOf("Design")).toHaveText(shown("2027-01-07"));
    await expect(endOf("Build")).toHaveText(shown("2027-01-11"));
    await expect(page.getByText("for the new project start and calendar")).toBeVisible();

    // One undo takes the holiday and the moves back together.
    await page.keyboard.press("Control+z");
    await expect(endOf("Build")).toHaveText(shown("2027-01-08"));
    await expect(endOf("Design")).toHaveText(shown("2027-01-06"));
  });
});
