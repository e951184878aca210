import { expect, type Page, type Locator } from "@playwright/test";

/** Page object for the whole app: navigation, projects, tasks and the task editor. */
export class AppPage {
  constructor(readonly page: Page) {}

  /** Opens the app on an empty profile (or what the profile holds) and waits until it is ready. */
  async open(path = "./") {
    await this.page.goto(path);
    await this.ready();
  }

  /** Waits for the app's first painted frame (the `ironplan:ready` User Timing mark). */
  async ready() {
    await this.page.waitForFunction(() => performance.getEntriesByName("ironplan:ready").length > 0);
  }

  /** Reloads and waits until the app is ready again. */
  async reload() {
    await this.waitUntilSaved();
    await this.page.reload();
    await this.ready();
  }

  get saveIndicator(): Locator {
    return this.page.getByTestId("save-indicator");
  }

  /** Waits until the debounced autosave has written everything. */
  async waitUntilSaved() {
    await expect(this.saveIndicator).toHaveText("Saved");
  }

  async createProject(name: string, fields: { start?: string; deadline?: string; budget?: string; currency?: string } = {}) {
    await this.page.getByRole("link", { name: "Projects", exact: true }).click();
    await this.page.getByRole("button", { name: "New project" }).first().click();
    const dialog = this.page.getByRole("dialog", { name: "New project" });
    await dialog.getByLabel("Project name").fill(name);
    if (fields.start) await dialog.getByLabel("Project start").fill(fields.start);
    if (fields.deadline) await dialog.getByLabel("Deadline").fill(fields.deadline);
    if (fields.budget) await dialog.getByLabel("Budget").fill(fields.budget);
    if (fields.currency) await dialog.getByLabel("Currency").fill(fields.currency);
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible();
  }

  /** The task editor dialog, open for a new or existing task. */
  get editor(): Locator {
    return this.page.getByRole("dialog", { name: /^(New task|Edit task)$/ });
  }

  async newTask(title: string, fields: TaskFields = {}) {
    await this.page.getByRole("button", { name: "New task", exact: true }).first().click();
    await this.fillTask({ title, ...fields });
    await this.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(this.editor).toBeHidden();
  }

  async fillTask(fields: TaskFields) {
    const editor = this.editor;
    if (fields.title !== undefined) await editor.getByLabel("Title").fill(fields.title);
    if (fields.description !== undefined) await editor.getByLabel("Description").fill(fields.description);
    if (fields.status !== undefined) await editor.getByLabel("Status").selectOption({ label: fields.status });
    if (fields.assignee !== undefined) await editor.getByLabel("Assignee").selectOption({ label: fields.assignee });
    if (fields.priority !== undefined) await editor.getByLabel("Priority").selectOption({ label: fields.priority });
    if (fields.start !== undefined) await editor.getByLabel("Start date").fill(fields.start);
    if (fields.end !== undefined) await editor.getByLabel("End date").fill(fields.end);
    if (fields.estimate !== undefined) await editor.getByLabel("Estimate (hours)").fill(fields.estimate);
    if (fields.progress !== undefined) await editor.getByLabel("Progress (%)").fill(fields.progress);
    if (fields.milestone !== undefined) await editor.getByLabel("Milestone").setChecked(fields.milestone);
    if (fields.tags !== undefined) await editor.getByLabel("Tags").fill(fields.tags);
    if (fields.parent !== undefined) await pickTask(editor.getByRole("combobox", { name: "Parent task" }), fields.parent);
    for (const [index, dependency] of (fields.dependsOn ?? []).entries()) {
      await editor.getByRole("button", { name: "Add dependency" }).click();
      const row = editor.getByRole("group", { name: `Dependency ${index + 1}` });
      await pickTask(row.getByRole("combobox", { name: "Predecessor" }), dependency.task);
      if (dependency.type) await row.getByLabel("Link type").selectOption(dependency.type);
      if (dependency.lag !== undefined) await row.getByLabel("Lag (working days)").fill(String(dependency.lag));
    }
  }

  /** Opens the task editor on the task titled `title` from the Tasks view. */
  async openTask(title: string) {
    await this.page.getByRole("link", { name: "Tasks", exact: true }).click();
    const button = this.page.getByRole("table").getByRole("button", { name: title, exact: true });
    // The table draws only the rows in view: a click that lands while a scroll redraws the rows
    // can meet a row being replaced, so click again until the editor is open.
    await expect(async () => {
      if (!(await this.editor.isVisible())) await button.click();
      await expect(this.editor).toBeVisible({ timeout: 2_000 });
    }).toPass();
  }

  /** Titles of the rows in the Tasks table, in order. */
  async taskTitles(): Promise<string[]> {
    await this.page.getByRole("link", { name: "Tasks", exact: true }).click();
    return this.page.getByRole("table").getByRole("rowheader").evaluateAll((cells) =>
      cells.map((cell) => (cell.querySelector(".link-button")?.textContent ?? "").trim()),
    );
  }

  /** Exports the open project through the Export button and returns the saved file's path. */
  async exportProject(): Promise<{ path: string; name: string }> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: "Export", exact: true }).first().click();
    const file = await download;
    const path = await file.path();
    return { path, name: file.suggestedFilename() };
  }

  /** Imports a file through the Import button's file picker. */
  async importFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByRole("link", { name: "Projects", exact: true }).click();
    const chooser = this.page.waitForEvent("filechooser");
    await this.page.getByRole("button", { name: "Import", exact: true }).first().click();
    await (await chooser).setFiles(file);
  }

  /** Everything Ironplan keeps in localStorage. */
  async storedData(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const entries: Record<string, string> = {};
      for (let index = 0; index < localStorage.length; index++) {
        const key = localStorage.key(index)!;
        if (key.startsWith("ironplan:")) entries[key] = localStorage.getItem(key)!;
      }
      return entries;
    });
  }
}

/**
 * Picks the task titled `title` in a task picker (Parent task, Predecessor): clicks the combobox,
 * types the title, clicks the first option named exactly so, and checks the field shows it.
 */
export async function pickTask(combobox: Locator, title: string) {
  await combobox.click();
  await combobox.fill(title);
  const listbox = combobox.page().locator(`[id="${await combobox.getAttribute("aria-controls")}"]`);
  await listbox.getByRole("option", { name: title, exact: true }).first().click();
  await expect(listbox).toBeHidden();
  await expect(combobox).toHaveValue(title);
}

export type TaskFields = {
  title?: string;
  description?: string;
  status?: string;
  assignee?: string;
  priority?: string;
  start?: string;
  end?: string;
  estimate?: string;
  progress?: string;
  milestone?: boolean;
  tags?: string;
  parent?: string;
  dependsOn?: { task: string; type?: "FS" | "SS" | "FF" | "SF"; lag?: number }[];
};
