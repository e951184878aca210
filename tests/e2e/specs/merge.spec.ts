import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";
import type { Browser } from "@playwright/test";
import { readFileSync } from "node:fs";
import { InterchangePage } from "../pages/interchange";
import { ViewsPage } from "../pages/views";

/** A second person: a fresh browser profile with the app open. */
async function colleague(browser: Browser) {
  const context = await browser.newContext();
  const app = new AppPage(await context.newPage());
  await app.open();
  return { context, app };
}

async function retitle(app: AppPage, from: string, to: string) {
  await app.openTask(from);
  await app.fillTask({ title: to });
  await app.editor.getByRole("button", { name: "Save", exact: true }).click();
  await expect(app.editor).toBeHidden();
}

/** Sends the open project to a colleague, who imports it, and returns both people. */
async function sendPlan(app: AppPage, browser: Browser) {
  await app.open();
  await app.createProject("Shared plan", { start: "2027-03-01" });
  await app.newTask("Task A", { start: "2027-03-01", end: "2027-03-02" });
  await app.newTask("Task B", { start: "2027-03-03", end: "2027-03-04" });
  const sent = await app.exportProject();
  const other = await colleague(browser);
  await other.app.importFile(sent.path);
  await expect(other.app.page.getByRole("heading", { level: 1, name: "Shared plan" })).toBeVisible();
  return { sent, other };
}

test.describe("send a plan, get it back, merge", () => {
  test("edits to different tasks on each side are both kept, with no conflict", async ({ page, browser }) => {
    const app = new AppPage(page);
    const { other } = await sendPlan(app, browser);
    await retitle(other.app, "Task A", "Task A, edited there");
    const back = await other.app.exportProject();

    await retitle(app, "Task B", "Task B, edited here");
    await app.importFile(back.path);
    const question = page.getByRole("dialog", { name: "This project already exists" });
    await expect(question.getByRole("button", { name: "Merge" })).toBeFocused();
    await question.getByRole("button", { name: "Merge" }).click();
    await expect(page.getByText("Merged: 1 change from the file, 0 conflicts resolved.")).toBeVisible();
    await page.getByRole("link", { name: "Shared plan" }).first().click();
    expect(await app.taskTitles()).toEqual(["Task A, edited there", "Task B, edited here"]);
    await other.context.close();
  });

  test("the same title edited on both sides is a conflict, and Take theirs wins", async ({ page, browser }) => {
    const app = new AppPage(page);
    const { other } = await sendPlan(app, browser);
    await retitle(other.app, "Task A", "Their title");
    const back = await other.app.exportProject();

    await retitle(app, "Task A", "My title");
    await app.importFile(back.path);
    await page.getByRole("dialog", { name: "This project already exists" }).getByRole("button", { name: "Merge" }).click();
    const resolve = page.getByRole("dialog", { name: "Resolve conflicts" });
    await expect(resolve.getByText("Mine: My title")).toBeVisible();
    await expect(resolve.getByText("Theirs: Their title")).toBeVisible();
    await resolve.getByRole("radio", { name: "Take theirs" }).check();
    await resolve.getByRole("button", { name: "Merge", exact: true }).click();
    await expect(resolve).toBeHidden();
    await expect(page.getByText("Merged: 0 changes from the file, 1 conflict resolved.")).toBeVisible();
    await page.getByRole("link", { name: "Shared plan" }).first().click();
    expect(await app.taskTitles()).toEqual(["Their title", "Task B"]);
    await other.context.close();
  });

  test("Compare with file… lists a renamed task and a moved date", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Compared plan", { start: "2027-03-01" });
    await app.newTask("Design", { start: "2027-03-01", end: "2027-03-02" });
    await app.newTask("Build", { start: "2027-03-03", end: "2027-03-04" });
    const sent = await app.exportProject();
    await retitle(app, "Design", "Discovery");
    await app.openTask("Build");
    await app.fillTask({ start: "2027-03-05", end: "2027-03-08" });
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();

    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Compare with file…" }).click();
    await (await chooser).setFiles(sent.path);
    const changes = page.getByRole("dialog", { name: "Changes" });
    await expect(changes.getByRole("heading", { name: "Added (0)" })).toBeVisible();
    await expect(changes.getByRole("heading", { name: "Removed (0)" })).toBeVisible();
    await expect(changes.getByRole("heading", { name: "Changed (2)" })).toBeVisible();
    await expect(changes.getByText("Renamed from “Design” to “Discovery”")).toBeVisible();
    await expect(changes.getByText(/^Moved 2 working days later/)).toBeVisible();
    const download = page.waitForEvent("download");
    await changes.getByRole("button", { name: "Export as Markdown" }).click();
    expect((await download).suggestedFilename()).toBe("compared-plan-changes.md");
    await changes.getByRole("button", { name: "Close" }).click();
    await expect(changes).toBeHidden();
  });
});

test.describe("share without the money", () => {
  test("a redacted export holds no rate, budget, cost or time note, and says it is redacted", async ({ page }) => {
    const views = new ViewsPage(page);
    await views.openSample();
    const interchange = new InterchangePage(page);
    // The plain export carries the money, so the check below would see it if redaction failed.
    const plain = JSON.parse((await interchange.exportAs("Plan file (.json)")).text);
    const rates = plain.people.map((person: { hourly_rate?: number }) => person.hourly_rate ?? 0);
    expect(rates.some((rate: number) => rate > 0)).toBe(true);
    expect(plain.project.budget.amount).toBeGreaterThan(0);

    await interchange.exportDialog.getByRole("checkbox", { name: "Leave out rates, costs and time notes" }).check();
    const download = page.waitForEvent("download");
    await interchange.exportDialog.getByRole("button", { name: "Download" }).click();
    const redacted = JSON.parse(readFileSync(await (await download).path(), "utf8"));
    expect(redacted.redacted).toBe(true);
    for (const person of redacted.people) expect(person.hourly_rate ?? 0).toBe(0);
    expect(redacted.project.budget.amount ?? 0).toBe(0);
    for (const task of redacted.project.tasks) {
      expect(task.fixed_cost ?? 0).toBe(0);
      expect(task.actual_fixed_cost ?? 0).toBe(0);
      for (const entry of task.time_entries ?? []) expect(entry.note ?? "").toBe("");
    }
    // Every task is still there.
    expect(redacted.project.tasks.length).toBe(plain.project.tasks.length);
  });
});
