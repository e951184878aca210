import { test, expect, type Locator } from "@playwright/test";
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

function selectedOption(select: Locator): Locator {
  return select.locator("option:checked");
}

test.describe("Constraints, float and deadlines", () => {
  test("a constraint places the task, typing a start sets Start no earlier than, float and deadlines show", async ({ page }) => {
    const views = new ViewsPage(page);
    const app = views.app;
    const timeline = new TimelinePage(page);
    await views.openSample();

    // Must start on a week later than the task's start.
    await app.openTask("Stakeholder interviews");
    const start = await app.editor.getByLabel("Start date").inputValue();
    const mustStart = addDays(start, 7);
    await app.editor.getByLabel("Constraint", { exact: true }).selectOption({ label: "Must start on" });
    await app.editor.getByLabel("Constraint date").fill(mustStart);
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toBeHidden();
    const tasks = page.getByRole("table");
    const row = tasks.getByRole("row").filter({ has: page.getByRole("button", { name: "Stakeholder interviews", exact: true }) });
    await expect(row).toContainText(shown(mustStart));

    // Typing a start date sets "Start no earlier than".
    await app.openTask("Stakeholder interviews");
    await app.editor.getByLabel("Start date").fill(addDays(start, 14));
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toBeHidden();
    await app.openTask("Stakeholder interviews");
    await expect(selectedOption(app.editor.getByLabel("Constraint", { exact: true }))).toHaveText("Start no earlier than");
    await page.keyboard.press("Escape");
    await expect(app.editor).toBeHidden();

    // Float in the Tasks table and the Timeline list, with a critical task at 0.
    await expect(tasks.getByRole("columnheader", { name: "Float" })).toBeVisible();
    await expect(tasks.getByText("0 working days (critical)").first()).toBeAttached();

    // A deadline before the task's end is marked on the Timeline and flagged as missed.
    await app.openTask("Requirements catalogue");
    const end = await app.editor.getByLabel("End date").inputValue();
    await app.editor.getByLabel("Deadline").fill(addDays(end, -1));
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toBeHidden();

    await timeline.open();
    await expect(timeline.list.getByRole("columnheader", { name: "Float" })).toBeVisible();
    await expect(timeline.list.getByText("0 working days (critical)").first()).toBeAttached();
    await expect(timeline.deadline("Requirements catalogue")).toBeAttached();
    await expect(timeline.deadline("Requirements catalogue")).toHaveAccessibleName(
      `Deadline of Requirements catalogue: ${shown(addDays(end, -1))}, missed`,
    );
    const bar = timeline.bar("Requirements catalogue");
    await expect(bar).toHaveClass(/timeline__bar--missed/);
    await expect(bar).toHaveAttribute("aria-description", /Float: .*working day.*deadline .* missed/);
  });
});
