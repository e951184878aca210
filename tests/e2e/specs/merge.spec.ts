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

  test("a link that would close a loop says which side closes it, and the notice names the link left out", async ({
    page,
    browser,
  }) => {
    const app = new AppPage(page);
    const { other } = await sendPlan(app, browser);
    await other.app.openTask("Task A");
    await other.app.fillTask({ dependsOn: [{ task: "Task B" }] });
    await other.app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(other.app.editor).toBeHidden();
    const back = await other.app.exportProject();

    await app.openTask("Task B");
    await app.fillTask({ dependsOn: [{ task: "Task A" }] });
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toBeHidden();
    await app.importFile(back.path);
    await page.getByRole("dialog", { name: "This project already exists" }).getByRole("button", { name: "Merge" }).click();
    const resolve = page.getByRole("dialog", { name: "Resolve conflicts" });
    const conflict = resolve.getByRole("group", { name: /waiting for .*: Would close a loop$/ });
    const why = conflict.getByText(/^(Taking theirs|Keeping mine) would close a loop: “Task [AB]” → “Task [AB]” → “Task [AB]”\./);
    await expect(why).toBeVisible();
    // Choose the side whose link closes the loop: the other side's link then gives way.
    const closing = (await why.textContent())!.startsWith("Taking theirs") ? "Take theirs" : "Keep mine";
    await conflict.getByRole("radio", { name: closing }).check();
    await resolve.getByRole("button", { name: "Merge", exact: true }).click();
    await expect(resolve).toBeHidden();
    await expect(
      page.getByText(/^Merged: .*“Task [AB]” does not wait for “Task [AB]”: that link would close a loop, “Task [AB]” → “Task [AB]” → “Task [AB]”, so it was left out\.$/),
    ).toBeVisible();
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

    // Printed, the list is the page: headings and changes, no app around it, no buttons.
    await page.emulateMedia({ media: "print" });
    for (const heading of ["Changes", "Added (0)", "Removed (0)", "Changed (2)"]) {
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    }
    await expect(changes.getByText("Renamed from “Design” to “Discovery”")).toBeVisible();
    for (const hidden of [
      page.getByRole("banner"),
      page.getByRole("navigation", { name: "Main" }),
      page.getByRole("heading", { level: 1, name: "Compared plan" }),
      changes.getByRole("button", { name: "Export as Markdown" }),
      changes.getByRole("button", { name: "Close" }),
    ]) {
      await expect(hidden).toBeHidden();
    }
    // The list flows on paper: nothing inside the dialog scrolls or is cut off.
    const clipped = await changes.evaluate((dialog) => dialog.scrollHeight > dialog.clientHeight + 1);
    expect(clipped).toBe(false);
    await page.emulateMedia({ media: "screen" });

    await changes.getByRole("button", { name: "Close" }).click();
    await expect(changes).toBeHidden();
  });

  test("thirty conflicts scroll inside the dialog while its buttons stay in view", async ({ page }) => {
    const views = new ViewsPage(page);
    await views.openSample();
    const app = new AppPage(page);
    const sent = JSON.parse(readFileSync((await app.exportProject()).path, "utf8"));
    // Without its lineage the file has no common version here: every difference is a choice.
    delete sent.lineage;
    for (const task of sent.project.tasks.slice(0, 30)) task.title = `${task.title}, their way`;
    await app.importFile({ name: "their-copy.ironplan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(sent)) });
    await page.getByRole("dialog", { name: "This project already exists" }).getByRole("button", { name: "Merge" }).click();
    const resolve = page.getByRole("dialog", { name: "Resolve conflicts" });
    await expect(resolve.getByRole("group")).toHaveCount(30);
    const merge = resolve.getByRole("button", { name: "Merge", exact: true });
    const last = resolve.getByRole("group").last();
    await expect(merge).toBeInViewport();
    await expect(last).not.toBeInViewport();
    await last.getByRole("radio", { name: "Take theirs" }).check();
    await expect(last).toBeInViewport();
    await expect(merge).toBeInViewport();
    await resolve.getByRole("button", { name: "Take all theirs" }).click();
    await merge.click();
    await expect(resolve).toBeHidden();
    await expect(page.getByText("Merged: 0 changes from the file, 30 conflicts resolved.")).toBeVisible();
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
