import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";
import { generatedTask, planFile } from "../pages/plans";
import type { Page } from "@playwright/test";

const PHASES = 20;
const STEPS = ["Design", "Build", "Testing", "Review", "Docs", "Deploy", "Check", "Fix", "Ship"];

/**
 * A plan of 20 phases ("Phase 1" … "Phase 20"), each with the same nine steps under it, so
 * titles repeat ("Testing" under every phase); then a milestone "Go-live" and a top-level
 * "Loose end". 202 tasks, more than the picker lists at once.
 */
function phasedPlan() {
  let next = 0;
  const task = (title: string, extra: Record<string, unknown> = {}) => generatedTask(++next, title, extra);
  const tasks = [];
  for (let phase = 1; phase <= PHASES; phase++) {
    const parent = task(`Phase ${phase}`);
    tasks.push(parent, ...STEPS.map((step) => task(step, { parent: parent.id })));
  }
  tasks.push(task("Go-live", { milestone: true, end: "2027-01-04" }), task("Loose end"));
  return planFile("Phased plan", 2, tasks);
}

async function openPhasedPlan(page: Page) {
  const app = new AppPage(page);
  await app.open();
  await app.importFile({
    name: "phased.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(phasedPlan())),
  });
  await expect(page.getByRole("heading", { level: 1, name: "Phased plan" })).toBeVisible();
  return app;
}

/** Opens the editor on the task titled `title`, found through the Tasks filter. */
async function editTask(app: AppPage, title: string) {
  await app.page.getByRole("link", { name: "Tasks", exact: true }).click();
  await app.page.getByLabel("Filter tasks").fill(title);
  await app.openTask(title);
}

/** The list a picker controls (`aria-controls`). */
async function listOf(page: Page, combobox: ReturnType<Page["getByRole"]>) {
  return page.locator(`[id="${await combobox.getAttribute("aria-controls")}"]`);
}

test("a parent and a predecessor are chosen with the keyboard alone, kept, and Escape or Tab put the choice back", async ({ page }) => {
  const app = await openPhasedPlan(page);
  await editTask(app, "Loose end");
  const editor = app.editor;
  const parent = editor.getByRole("combobox", { name: "Parent task" });
  await expect(parent).toHaveValue("None (top level)");
  await expect(parent).toHaveAttribute("aria-expanded", "false");

  await parent.focus();
  await page.keyboard.type("phase 7");
  await expect(parent).toHaveAttribute("aria-expanded", "true");
  const parents = await listOf(page, parent);
  await expect(parents.getByRole("option")).toHaveText(["Phase 7"]);
  await page.keyboard.press("ArrowDown");
  await expect(parents.getByRole("option", { name: "Phase 7", exact: true })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(parent).toHaveValue("Phase 7");
  await expect(parent).toHaveAttribute("aria-expanded", "false");
  await expect(editor).toBeVisible();

  await editor.getByRole("button", { name: "Add dependency" }).focus();
  await page.keyboard.press("Enter");
  const predecessor = editor.getByRole("group", { name: "Dependency 1" }).getByRole("combobox", { name: "Predecessor" });
  await expect(predecessor).toHaveValue("");
  await expect(predecessor).toHaveAttribute("placeholder", "Choose a task…");
  await predecessor.focus();
  await page.keyboard.type("Testing");
  // Every phase has a "Testing": each option is named by its title alone, its phase shown beside it.
  const predecessors = await listOf(page, predecessor);
  await expect(predecessors.getByRole("option", { name: "Testing", exact: true })).toHaveCount(PHASES);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(predecessors.getByRole("option", { selected: true })).toHaveText(/^Testing\s*in Phase 3$/);
  await page.keyboard.press("Enter");
  await expect(predecessor).toHaveValue("Testing");

  await editor.getByRole("button", { name: "Save", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(editor).toBeHidden();

  await editTask(app, "Loose end");
  await expect(parent).toHaveValue("Phase 7");
  await expect(predecessor).toHaveValue("Testing");
  await predecessor.focus();
  await page.keyboard.press("ArrowDown");
  // A new dialog, new lists.
  const reopenedPredecessors = await listOf(page, predecessor);
  await expect(reopenedPredecessors.getByRole("option", { selected: true })).toHaveText(/^Testing\s*in Phase 3$/);

  await page.keyboard.press("Escape");
  await expect(predecessor).toHaveAttribute("aria-expanded", "false");
  await expect(editor).toBeVisible();

  await parent.focus();
  await page.keyboard.type("Phase 1");
  await expect((await listOf(page, parent)).getByRole("option").first()).toHaveText("Phase 1");
  await page.keyboard.press("Escape");
  await expect(parent).toHaveValue("Phase 7");
  await expect(parent).toHaveAttribute("aria-expanded", "false");
  await expect(editor).toBeVisible();

  // Leaving with part of a title keeps the choice; a whole title typed in is taken.
  await page.keyboard.type("Pha");
  await page.keyboard.press("Tab");
  await expect(parent).toHaveValue("Phase 7");
  await parent.focus();
  await page.keyboard.type("phase 12");
  await page.keyboard.press("Tab");
  await expect(parent).toHaveValue("Phase 12");
  await parent.focus();
  await page.keyboard.press("Delete");
  await page.keyboard.press("Tab");
  await expect(parent).toHaveValue("None (top level)");

  // Escape with the list closed closes the dialog, as before.
  await parent.focus();
  await page.keyboard.press("Escape");
  await expect(editor).toBeHidden();
});

test("a task's own subtasks, itself and milestones are never offered as its parent, and a long list says how to narrow it", async ({ page }) => {
  const app = await openPhasedPlan(page);
  await editTask(app, "Phase 2");
  const editor = app.editor;
  // The pickers put no option in the page while closed.
  await expect(editor.getByRole("combobox", { name: "Parent task" })).toHaveValue("None (top level)");
  expect(await page.locator("option, [role=option]").count()).toBeLessThan(30);

  const parent = editor.getByRole("combobox", { name: "Parent task" });
  const parents = await listOf(page, parent);
  await parent.click();
  await parent.fill("Phase 2");
  await expect(parents.getByRole("option")).toHaveText(["Phase 20"]);
  await parent.fill("Design");
  await expect(parents.getByRole("option", { name: "Design", exact: true })).toHaveCount(PHASES - 1);
  await expect(parents.getByRole("option").filter({ hasText: /in Phase 2$/ })).toHaveCount(0);
  await parent.fill("Go-live");
  await expect(parents.getByRole("option")).toHaveCount(0);
  await expect(parents.locator("..").getByRole("status")).toHaveText("No task matches.");

  await parent.fill("");
  // Every task but Phase 2, its nine steps and the milestone: 202 - 11.
  await expect(parents.locator("..").getByRole("status")).toHaveText("Showing 50 of 191 matches — type more to narrow");
  await expect(parents.getByRole("option")).toHaveCount(51);
  await expect(parents.getByRole("option").first()).toHaveText("None (top level)");
  await parents.getByRole("option", { name: "Phase 3", exact: true }).click();
  await expect(parent).toHaveValue("Phase 3");

  // A predecessor may be a milestone.
  await editor.getByRole("button", { name: "Add dependency" }).click();
  const predecessor = editor.getByRole("combobox", { name: "Predecessor" });
  await predecessor.click();
  await predecessor.fill("go-live");
  await expect((await listOf(page, predecessor)).getByRole("option")).toHaveText(["Go-live"]);
  await page.keyboard.press("Escape");
  await expect(predecessor).toHaveValue("");
});
