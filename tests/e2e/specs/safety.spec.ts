import { test, expect } from "../fixtures";
import type { BrowserContext } from "@playwright/test";
import { AppPage } from "../pages/app";
import { readFileSync, readdirSync } from "node:fs";

const badFolder = new URL("../../fixtures/bad/", import.meta.url);
const expected: Record<string, { message?: string; imports?: boolean; check?: { project: string; tasks: string[] } }> =
  JSON.parse(readFileSync(new URL("expected.json", badFolder), "utf8"));

/** Two tabs on the project "Contested", whose one task "Base task" is saved. */
async function twoTabsOnContested(context: BrowserContext): Promise<[AppPage, AppPage]> {
  const one = new AppPage(await context.newPage());
  await one.open();
  await one.createProject("Contested");
  await one.newTask("Base task");
  await one.waitUntilSaved();
  const two = new AppPage(await context.newPage());
  await two.open();
  await two.page.getByRole("link", { name: "Contested" }).click();
  return [one, two];
}

const conflictIn = (tab: AppPage) => tab.page.getByRole("alert").filter({ hasText: "was changed in another tab" });

/**
 * Waits until exactly one of the two tabs says the project was changed in another tab, then
 * checks that the other one's work is what is stored and the warned tab keeps its own on
 * screen. The tabs' new tasks are "Work from tab one" and "Work from tab two".
 */
async function oneConflictBetween(one: AppPage, two: AppPage) {
  await expect
    .poll(async () => (await conflictIn(one).count()) + (await conflictIn(two).count()), { timeout: 15_000 })
    .toBe(1);
  const [stale, fresh, staleWork, freshWork] =
    (await conflictIn(one).count()) === 1
      ? [one, two, "Work from tab one", "Work from tab two"]
      : [two, one, "Work from tab two", "Work from tab one"];
  await expect(conflictIn(stale)).toContainText("“Contested”");
  await expect(fresh.saveIndicator).toHaveText("Saved");
  await expect(stale.saveIndicator).toHaveText("Not saved");
  // The stale tab never overwrote the other tab's save, and keeps its own work on screen.
  // A project is stored in parts (its manifest names them): read them all.
  const stored = Object.values(await fresh.storedData()).join("\n");
  expect(stored).toContain(freshWork);
  expect(stored).not.toContain(staleWork);
  expect(await stale.taskTitles()).toEqual(["Base task", staleWork]);
  expect(await fresh.taskTitles()).toEqual(["Base task", freshWork]);
  return { stale, fresh, staleWork, freshWork };
}

test.describe("two tabs", () => {
  test("two tabs saving in the same instant: one is told, and neither's work is lost", async ({ context }) => {
    const [one, two] = await twoTabsOnContested(context);
    // Both editors are filled first, then saved together: both tabs save from the same
    // revision at the same moment, the case where one save lands on top of the other.
    for (const [tab, title] of [
      [one, "Work from tab one"],
      [two, "Work from tab two"],
    ] as const) {
      await tab.page.getByRole("button", { name: "New task", exact: true }).first().click();
      await tab.fillTask({ title });
    }
    await Promise.all([one, two].map((tab) => tab.editor.getByRole("button", { name: "Save", exact: true }).click()));
    await oneConflictBetween(one, two);
  });

  test("edits in one tab show up in the other", async ({ context }) => {
    const one = new AppPage(await context.newPage());
    await one.open();
    await one.createProject("Shared plan");
    await one.waitUntilSaved();
    const two = new AppPage(await context.newPage());
    await two.open();
    await two.page.getByRole("link", { name: "Shared plan" }).click();
    await one.newTask("Written in tab one");
    await one.waitUntilSaved();
    await expect(two.page.getByRole("table").getByRole("button", { name: "Written in tab one" })).toBeVisible();
    await expect(two.page.getByTestId("live-region")).toContainText("changes saved in another tab");
  });

  test("a real conflict keeps both sides and lets the user choose", async ({ context }) => {
    const [one, two] = await twoTabsOnContested(context);
    // Both tabs change the same project before either has seen the other's save.
    await Promise.all([two.newTask("Work from tab two"), one.newTask("Work from tab one")]);
    const { stale, fresh, staleWork, freshWork } = await oneConflictBetween(one, two);
    const banner = conflictIn(stale);
    const download = stale.page.waitForEvent("download");
    await banner.getByRole("button", { name: "Export this tab's version" }).click();
    expect(readFileSync(await (await download).path(), "utf8")).toContain(staleWork);

    await banner.getByRole("button", { name: "Keep both" }).click();
    await expect(banner).toBeHidden();
    await stale.waitUntilSaved();
    for (const tab of [stale, fresh]) {
      await tab.page.getByRole("link", { name: "Projects", exact: true }).click();
      await tab.page.getByRole("link", { name: "Contested (copy)" }).click();
      expect(await tab.taskTitles()).toEqual(["Base task", staleWork]);
      await tab.page.getByRole("link", { name: "Projects", exact: true }).click();
      await tab.page.getByRole("link", { name: "Contested", exact: true }).click();
      expect(await tab.taskTitles()).toEqual(["Base task", freshWork]);
    }
  });
});

test.describe("storage faults", () => {
  test("a full storage keeps the last save, says not saved, and saves once space frees", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Quota");
    await app.newTask("Saved before the disk filled");
    await app.waitUntilSaved();
    const before = await app.storedData();
    const fillers = await page.evaluate(() => {
      let block = "x".repeat(1 << 20);
      let count = 0;
      for (;;) {
        try {
          localStorage.setItem(`filler:${count}`, block);
          count++;
        } catch {
          if (block.length <= 16) break;
          block = block.slice(0, block.length / 4);
        }
      }
      return count;
    });
    expect(fillers).toBeGreaterThan(0);
    await app.newTask("Typed while the disk is full");
    const banner = page.getByRole("alert").filter({ hasText: "Changes not saved" });
    await expect(banner).toContainText("browser storage is full");
    await expect(banner).toContainText("Last saved at");
    await expect(app.saveIndicator).toHaveText("Not saved");
    await expect(banner.getByRole("button", { name: "Export" })).toBeVisible();
    expect(await app.storedData()).toEqual(before);
    expect(await app.taskTitles()).toEqual(["Saved before the disk filled", "Typed while the disk is full"]);

    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith("filler:")) localStorage.removeItem(key);
    });
    await expect(app.saveIndicator).toHaveText("Saved", { timeout: 15_000 });
    await app.reload();
    expect(await app.taskTitles()).toEqual(["Saved before the disk filled", "Typed while the disk is full"]);
  });

  test("data from a future version is never overwritten and can be downloaded", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const future = JSON.stringify({ revision: 4, format: "ironplan", version: 9, kind: "project", project: { id: "x" } });
    await page.evaluate((text) => localStorage.setItem("ironplan:project:22222222-3333-4444-8555-666666666666", text), future);
    await app.reload();
    const alert = page.getByRole("alert").filter({ hasText: "could not be read" });
    await expect(alert).toContainText("newer Ironplan (format version 9)");
    await app.createProject("Alongside");
    await app.waitUntilSaved();
    const stored = await app.storedData();
    expect(stored["ironplan:project:22222222-3333-4444-8555-666666666666"]).toBe(future);
    const download = page.waitForEvent("download");
    await alert.getByRole("button", { name: "Download raw data" }).click();
    expect(readFileSync(await (await download).path(), "utf8")).toBe(future);
  });

  test("garbage in the index key is kept and the projects still load", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Survivor");
    await app.waitUntilSaved();
    await page.evaluate(() => localStorage.setItem("ironplan:index", "\u0000\u0001 garbage {"));
    await app.reload();
    await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toContainText("ironplan:index");
    await page.getByRole("link", { name: "Projects", exact: true }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Survivor" })).toBeVisible();
    await app.createProject("Second");
    await app.waitUntilSaved();
    expect((await app.storedData())["ironplan:index"]).toBe("\u0000\u0001 garbage {");
  });

  test("a crash between two writes loses nothing: the orphaned project is recovered", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Listed");
    await app.waitUntilSaved();
    const copy = await page.evaluate(() => {
      // The project is stored in parts: its shell, joined as a whole stored project (the
      // form older builds wrote under the project key, which still loads).
      const shellKey = Object.keys(localStorage).find((name) => name.startsWith("ironplan:part:") && name.endsWith(":0"))!;
      const shell = localStorage.getItem(shellKey)!;
      const text = `{"revision":1,${shell.slice(1, -1)},"tasks":[]}`;
      const id = "33333333-4444-4555-8666-777777777777";
      const orphan = text.replace(/"id":"[0-9a-f-]{36}","name":"Listed"/, `"id":"${id}","name":"Orphaned"`);
      // The project key is written, then the tab dies before the index write.
      localStorage.setItem(`ironplan:project:${id}`, orphan);
      return orphan.includes("Orphaned");
    });
    expect(copy).toBe(true);
    await app.reload();
    await expect(page.getByText("Recovered 1 project(s)")).toBeVisible();
    await page.getByRole("link", { name: "Projects", exact: true }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Orphaned" })).toBeVisible();
    await app.waitUntilSaved();
    const index = JSON.parse((await app.storedData())["ironplan:index"]);
    expect(index.projects).toContain("33333333-4444-4555-8666-777777777777");
  });

  test("the storage meter in Settings shows the space used", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("Meter");
    await app.waitUntilSaved();
    await page.evaluate(() => localStorage.setItem("filler", "x".repeat(4_000_000)));
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Project settings" });
    await expect(dialog.getByRole("meter", { name: "Storage used" })).toBeVisible();
    await expect(dialog.getByText("Storage is more than 70 % full")).toBeVisible();
  });
});

test.describe("undo and redo", () => {
  test("every kind of change can be undone and redone", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.createProject("History");
    await app.newTask("First");
    await app.newTask("Second", { dependsOn: [{ task: "First" }] });
    await app.openTask("Second");
    await app.fillTask({ title: "Second, edited" });
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await app.openTask("First");
    await app.editor.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Delete task “First”?" }).getByRole("button", { name: "Delete" }).click();
    expect(await app.taskTitles()).toEqual(["Second, edited"]);

    await page.keyboard.press("Control+z");
    expect(await app.taskTitles()).toEqual(["First", "Second, edited"]);
    await expect(page.getByTestId("live-region")).toHaveText("Undone: Delete task.");
    await page.getByRole("button", { name: "Undo" }).click();
    expect(await app.taskTitles()).toEqual(["First", "Second"]);
    await page.keyboard.press("Control+z");
    expect(await app.taskTitles()).toEqual(["First"]);
    await page.keyboard.press("Control+Shift+z");
    expect(await app.taskTitles()).toEqual(["First", "Second"]);
    await page.keyboard.press("Control+y");
    expect(await app.taskTitles()).toEqual(["First", "Second, edited"]);
    await page.getByRole("button", { name: "Redo" }).click();
    expect(await app.taskTitles()).toEqual(["Second, edited"]);

    await page.getByRole("link", { name: "Settings", exact: true }).click();
    const settings = page.getByRole("dialog", { name: "Project settings" });
    await settings.getByRole("group", { name: "Add a column" }).getByLabel("Column name").fill("Review");
    await settings.getByRole("group", { name: "Add a column" }).getByRole("button", { name: "Add column" }).click();
    await expect(settings.getByLabel("Name of column Review")).toBeVisible();
    await settings.getByRole("button", { name: "Cancel" }).click();
    await page.keyboard.press("Control+z");
    await expect(page.getByTestId("live-region")).toHaveText("Undone: Add column.");
    await page.getByRole("link", { name: "Projects", exact: true }).click();
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await expect(page.getByRole("heading", { name: "Welcome to Ironplan" })).toBeVisible();
    await page.keyboard.press("Control+y");
    await expect(page.getByRole("listitem").filter({ hasText: "History" })).toBeVisible();
  });

  test("opening a file is never an undo step that empties it", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.importFile(new URL("../../fixtures/plan-v2.json", import.meta.url).pathname);
    await expect(page.getByRole("heading", { level: 1, name: "Service desk upgrade" })).toBeVisible();
    await page.keyboard.press("Control+z");
    await expect(page.getByTestId("live-region")).toHaveText("Nothing to undo.");
    expect(await app.taskTitles()).toEqual(["Requirements", "Configure workflows", "Go-live"]);
  });
});

test.describe("hostile and broken files", () => {
  for (const [file, expectation] of Object.entries(expected)) {
    if (!expectation.message) continue;
    test(`${file} is refused with its message and nothing changes`, async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await app.createProject("Untouched");
      await app.waitUntilSaved();
      const before = await app.storedData();
      await app.importFile({
        name: file,
        mimeType: "application/json",
        buffer: readFileSync(new URL(file, badFolder)),
      });
      await expect(page.getByRole("alert")).toContainText(expectation.message!);
      expect(await app.storedData()).toEqual(before);
    });
  }

  test("text from a file is shown as text and cannot disguise names", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.importFile(new URL("hostile-text.json", badFolder).pathname);
    const check = expected["hostile-text.json"].check!;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(check.project);
    expect(await app.taskTitles()).toEqual(check.tasks);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.locator("main script").count()).toBe(0);
  });

  test("a file over the size limit is refused before it is read", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    // The 49 MB file is made inside the page and dropped, as a user would drop it.
    const transfer = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(49 * 1024 * 1024)], "huge.json", { type: "application/json" }));
      return data;
    });
    await page.dispatchEvent("main", "dragover", { dataTransfer: transfer });
    await page.dispatchEvent("main", "drop", { dataTransfer: transfer });
    await expect(page.getByRole("alert")).toContainText("over the 50 MB limit");
  });

  test("every file in the bad folder is listed with its expected message", () => {
    const files = readdirSync(badFolder).filter((name) => name !== "expected.json");
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });
});

test("the Content Security Policy holds while the app is used", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const app = new AppPage(page);
  await app.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("'wasm-unsafe-eval'");
  expect(policy).toMatch(/script-src [^;]*'sha256-/);
  expect(policy).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  expect(policy).not.toContain("'unsafe-eval'");
  await app.createProject("Policy", { budget: "1000" });
  await app.newTask("Alpha", { estimate: "2", tags: "x" });
  await app.newTask("Beta", { dependsOn: [{ task: "Alpha" }] });
  await page.getByRole("button", { name: "Title" }).click();
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("dialog", { name: "Project settings" }).getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Dark mode" }).click();
  await app.exportProject();
  await page.getByRole("button", { name: "Undo" }).click();
  await app.reload();
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
