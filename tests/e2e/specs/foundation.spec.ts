import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";
import { readFileSync } from "node:fs";

test.describe("projects and tasks", () => {
  test("a project and its tasks survive a reload", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("CRM Migration", { start: "2027-01-04", deadline: "2027-06-30", budget: "120000", currency: "EUR" });
    await app.newTask("Design schema", { start: "2027-01-04", end: "2027-01-08", estimate: "16", tags: "backend, db", priority: "High" });
    await app.newTask("Migrate data", {
      start: "2027-01-11",
      end: "2027-01-15",
      dependsOn: [{ task: "Design schema", type: "FS" }],
    });
    await app.newTask("Go-live", { start: "2027-01-20", milestone: true, dependsOn: [{ task: "Migrate data" }] });
    await app.newTask("Map fields", { parent: "Design schema", start: "2027-01-04", end: "2027-01-05" });

    await app.reload();

    await expect(page.getByRole("heading", { level: 1, name: "CRM Migration" })).toBeVisible();
    expect(await app.taskTitles()).toEqual(["Design schema", "Map fields", "Migrate data", "Go-live"]);
    const designRow = page.getByRole("row", { name: /Design schema/ }).first();
    await expect(designRow).toContainText("16 h");
    await expect(designRow).toContainText("High");
    await expect(designRow).toContainText("backend");

    await app.openTask("Migrate data");
    const dependency = app.editor.getByRole("group", { name: "Dependency 1" });
    await expect(dependency.getByLabel("Predecessor")).toHaveValue(/.+/);
    await expect(dependency.getByRole("combobox", { name: "Predecessor" })).toHaveValue("Design schema");
    await app.editor.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("link", { name: "Projects", exact: true }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "CRM Migration" })).toContainText("4 tasks");
  });

  test("the task editor explains bad input beside each field and keeps the dialog open", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Validation", { start: "2027-01-04" });
    await page.getByRole("button", { name: "New task", exact: true }).first().click();
    await app.fillTask({ title: "", start: "2027-01-10", end: "2027-01-05", progress: "150", estimate: "lots" });
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toBeVisible();
    await expect(app.editor.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expect(app.editor).toContainText("Enter a title.");
    await expect(app.editor).toContainText("The end date is before the start date.");
    await expect(app.editor).toContainText("Progress must be a whole number from 0 to 100.");
    await expect(app.editor).toContainText("Enter hours as a number");
    await app.fillTask({ title: "Fixed", end: "2027-01-12", progress: "20", estimate: "3" });
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toBeHidden();
    expect(await app.taskTitles()).toEqual(["Fixed"]);
  });

  test("a dependency loop is refused with the tasks named", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Loops", { start: "2027-01-04" });
    await app.newTask("Build");
    await app.newTask("Test", { dependsOn: [{ task: "Build" }] });
    await app.openTask("Build");
    await app.fillTask({ dependsOn: [{ task: "Test" }] });
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(app.editor).toContainText("This dependency would make a loop");
    await expect(app.editor).toContainText("“Build”");
    await expect(app.editor).toContainText("“Test”");
    await app.editor.getByRole("button", { name: "Cancel" }).click();
  });

  test("projects can be renamed and deleted after confirmation, and the deletion undone", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Old name");
    await page.getByRole("link", { name: "Projects", exact: true }).click();
    const card = page.getByRole("listitem").filter({ hasText: "Old name" });
    await card.getByRole("button", { name: "Rename" }).click();
    const rename = page.getByRole("dialog", { name: "Rename project" });
    await rename.getByLabel("Project name").fill("New name");
    await rename.getByRole("button", { name: "Save", exact: true }).click();
    const renamed = page.getByRole("listitem").filter({ hasText: "New name" });
    await expect(renamed).toBeVisible();

    await renamed.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete project “New name”?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(renamed).toBeVisible();
    await renamed.getByRole("button", { name: "Delete" }).click();
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("heading", { name: "Welcome to Ironplan" })).toBeVisible();

    await page.keyboard.press("Control+z");
    await expect(page.getByRole("listitem").filter({ hasText: "New name" })).toBeVisible();
    await app.reload();
    await expect(page.getByRole("listitem").filter({ hasText: "New name" })).toBeVisible();
  });

  test("project settings edit the project, its people and its columns", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Settings", { start: "2027-01-04" });
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Project settings" });
    const addPerson = dialog.getByRole("group", { name: "Add a person" });
    await addPerson.getByLabel("Name").fill("Ada Lovelace");
    await addPerson.getByLabel("Role").fill("Architect");
    await addPerson.getByLabel("Hourly rate").fill("95");
    await addPerson.getByRole("button", { name: "Add person" }).click();
    await expect(dialog.getByLabel("Name of Ada Lovelace")).toHaveValue("Ada Lovelace");
    const addColumn = dialog.getByRole("group", { name: "Add a column" });
    await addColumn.getByLabel("Column name").fill("Review");
    await addColumn.getByLabel("Category").selectOption({ label: "In progress" });
    await addColumn.getByRole("button", { name: "Add column" }).click();
    await expect(dialog.getByLabel("Name of column Review")).toBeVisible();
    await dialog.getByLabel("Project name").fill("Settings renamed");
    await dialog.getByLabel("Deadline").fill("2027-03-31");
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Settings renamed" })).toBeVisible();

    await app.newTask("Assigned work", { assignee: "Ada Lovelace", status: "Review" });
    await app.reload();
    const row = page.getByRole("row", { name: /Assigned work/ });
    await expect(row).toContainText("Ada Lovelace");
    await expect(row).toContainText("Review");
  });

  test("the tasks table sorts by any column and filters by text", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Sorting", { start: "2027-01-04" });
    await app.newTask("Bravo", { estimate: "5", tags: "api" });
    await app.newTask("Alpha", { estimate: "8" });
    await app.newTask("Charlie", { estimate: "1", tags: "ui" });
    await page.getByRole("button", { name: "Title" }).click();
    expect(await app.taskTitles()).toEqual(["Alpha", "Bravo", "Charlie"]);
    await expect(page.getByRole("columnheader", { name: "Title" })).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("button", { name: "Estimate" }).click();
    await page.getByRole("button", { name: "Estimate" }).click();
    expect(await app.taskTitles()).toEqual(["Alpha", "Bravo", "Charlie"]);
    await expect(page.getByRole("columnheader", { name: "Estimate" })).toHaveAttribute("aria-sort", "descending");
    await page.getByLabel("Filter tasks").fill("api");
    expect(await app.taskTitles()).toEqual(["Bravo"]);
    await expect(page.getByText("1 of 3 tasks shown, 2 hidden by the filter")).toBeVisible();
  });
});

test.describe("plan files", () => {
  test("an exported project imports into a fresh browser profile with the same tasks", async ({ page, browser }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Data Center Move", { start: "2027-02-01", budget: "50000", currency: "USD" });
    await app.newTask("Inventory racks", { estimate: "12", tags: "dc" });
    await app.newTask("Move servers", { dependsOn: [{ task: "Inventory racks", type: "SS", lag: 2 }] });
    const exported = await app.exportProject();
    expect(exported.name).toBe("data-center-move.ironplan.json");
    const text = readFileSync(exported.path, "utf8");
    const file = JSON.parse(text);
    expect(file.format).toBe("ironplan");
    expect(file.version).toBe(3);
    expect(file.project.budget).toEqual({ amount: 5000000, currency: "USD" });

    const fresh = await browser.newContext();
    const other = new AppPage(await fresh.newPage());
    await other.open();
    await expect(other.page.getByRole("heading", { name: "Welcome to Ironplan" })).toBeVisible();
    await other.importFile(exported.path);
    await expect(other.page.getByRole("heading", { level: 1, name: "Data Center Move" })).toBeVisible();
    expect(await other.taskTitles()).toEqual(["Inventory racks", "Move servers"]);
    await other.openTask("Move servers");
    const dependency = other.editor.getByRole("group", { name: "Dependency 1" });
    await expect(dependency.getByLabel("Link type")).toHaveValue("SS");
    await expect(dependency.getByLabel("Lag (working days)")).toHaveValue("2");
    await fresh.close();
  });

  test("a malformed file shows what is wrong and changes nothing", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Keep me", { start: "2027-01-04" });
    await app.newTask("Precious task");
    await app.waitUntilSaved();
    const before = await app.storedData();

    const bad = [
      { name: "truncated.json", text: '{"format": "ironplan", "version": 2, "kind": "project", "project": {', message: /ends unexpectedly at line 1, column \d+/ },
      { name: "not-json.json", text: "hello, this is not JSON", message: /not valid JSON at line 1, column 1/ },
      { name: "future.json", text: '{"format": "ironplan", "version": 7, "kind": "project"}', message: /newer Ironplan \(format version 7\)/ },
      { name: "other.json", text: '{"format": "gantt"}', message: /not an Ironplan plan file/ },
    ];
    for (const file of bad) {
      await app.importFile({ name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
      await expect(page.getByRole("alert")).toContainText(file.message);
      await page.getByRole("button", { name: "Dismiss" }).click();
    }
    const exported = JSON.parse(readFileSync((await (async () => {
      await page.getByRole("link", { name: "Keep me" }).click();
      return app.exportProject();
    })()).path, "utf8"));
    exported.project.tasks[0].end = "2026-01-01";
    exported.project.tasks[0].start = "2027-01-04";
    await app.importFile({ name: "dates.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exported)) });
    await expect(page.getByRole("alert")).toContainText("project.tasks[0].end");
    await expect(page.getByRole("alert")).toContainText("“Precious task”");

    // Exporting keeps a snapshot of the exported version (for merging); nothing else changed.
    const withoutSnapshots = (data: Record<string, string>) =>
      Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith("ironplan:snapshots:")));
    expect(withoutSnapshots(await app.storedData())).toEqual(before);
    await page.getByRole("link", { name: "Projects", exact: true }).click();
    await expect(page.getByRole("listitem")).toHaveCount(1);
  });

  test("importing a project that exists asks: copy, replace or cancel", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Twice");
    await app.newTask("Original task");
    const exported = await app.exportProject();

    await app.importFile(exported.path);
    const question = page.getByRole("dialog", { name: "This project already exists" });
    await question.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("listitem")).toHaveCount(1);

    await app.importFile(exported.path);
    await question.getByRole("button", { name: "Import as copy" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Twice (copy)" })).toBeVisible();
    await page.getByRole("link", { name: "Projects", exact: true }).click();
    await expect(page.getByRole("listitem")).toHaveCount(2);

    await page.getByRole("link", { name: "Twice", exact: true }).click();
    await app.newTask("Added later");
    await app.importFile(exported.path);
    await question.getByRole("button", { name: "Replace" }).click();
    expect(await app.taskTitles()).toEqual(["Original task"]);
    await page.getByRole("link", { name: "Projects", exact: true }).click();
    await expect(page.getByRole("listitem")).toHaveCount(2);
  });

  test("a plan file dropped on the page is imported", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const text = readFileSync(new URL("../../fixtures/plan-v1.json", import.meta.url), "utf8");
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], "intranet.json", { type: "application/json" }));
      return data;
    }, text);
    await page.dispatchEvent("main", "dragover", { dataTransfer: transfer });
    await page.dispatchEvent("main", "drop", { dataTransfer: transfer });
    await expect(page.getByRole("heading", { level: 1, name: "Intranet relaunch" })).toBeVisible();
    expect(await app.taskTitles()).toEqual(["Content audit", "Build templates", "Migrate pages", "Launch"]);
  });
});

test.describe("storage", () => {
  test("without localStorage the app works in memory and says so", async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    const app = new AppPage(page);
    await app.open();
    await expect(page.getByRole("alert").filter({ hasText: "Storage is unavailable" })).toBeVisible();
    await expect(app.saveIndicator).toHaveText("Not saved: storage unavailable");
    await app.createProject("In memory");
    await app.newTask("Still works");
    expect(await app.taskTitles()).toEqual(["Still works"]);
    const download = page.waitForEvent("download");
    await page.getByRole("alert").filter({ hasText: "Storage is unavailable" }).getByRole("button", { name: "Export" }).click();
    expect((await download).suggestedFilename()).toBe("ironplan-workspace.ironplan.json");
  });

  test("unreadable stored data is kept, reported and downloadable, and the rest still loads", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Healthy");
    await app.waitUntilSaved();
    await page.evaluate(() => localStorage.setItem("ironplan:project:11111111-2222-4333-8444-555555555555", "{garbage"));
    await app.reload();
    await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toContainText("ironplan:project:11111111-2222-4333-8444-555555555555");
    await expect(page.getByText("Recovered")).toHaveCount(0);
    await page.getByRole("link", { name: "Projects", exact: true }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Healthy" })).toBeVisible();
    await app.createProject("Another");
    await app.waitUntilSaved();
    const stored = await app.storedData();
    expect(stored["ironplan:project:11111111-2222-4333-8444-555555555555"]).toBe("{garbage");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download raw data" }).click();
    const raw = readFileSync(await (await download).path(), "utf8");
    expect(raw).toBe("{garbage");
  });
});

test("the app works under a sub-path", async ({ page }) => {
  const app = new AppPage(page);
  await app.open("/ironplan/");
  await app.createProject("Sub-path");
  await app.newTask("Served from /ironplan/");
  await app.reload();
  expect(page.url()).toContain("/ironplan/#/p/");
  expect(await app.taskTitles()).toEqual(["Served from /ironplan/"]);
});
