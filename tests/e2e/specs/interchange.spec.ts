import { test, expect } from "../fixtures";
import { InterchangePage } from "../pages/interchange";
import { ViewsPage, SAMPLE_PROJECT } from "../pages/views";
import { fileURLToPath, pathToFileURL } from "node:url";

const corpusFile = fileURLToPath(new URL("../fixtures/mspdirelations.xml", import.meta.url));
// Has a project GUID, so a second import finds the first.
const guidFile = fileURLToPath(new URL("../fixtures/assignment-assignments-project2019.xml", import.meta.url));
const singleFile = pathToFileURL(fileURLToPath(new URL("../../../dist/ironplan.html", import.meta.url))).href;

const hostile = {
  name: "lol.xml",
  mimeType: "application/xml",
  buffer: Buffer.from(`<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol2;</Name></Project>
`),
};

test("an MS Project file is imported through the Import report", async ({ page }) => {
  const interchange = new InterchangePage(page);
  await interchange.app.open();
  await interchange.importConverted(corpusFile);
  await expect(interchange.reportValue("Project")).toHaveText("mspdirelations");
  await expect(interchange.reportValue("Tasks")).toHaveText("5 tasks");
  await expect(interchange.reportValue("Dependencies")).toHaveText("4 dependencies");
  await expect(interchange.reportValue("People")).toHaveText(/^\d+ (person|people)$/);
  await expect(interchange.reportValue("Baselines")).toHaveText(/^\d+ baselines?$/);
  await interchange.losses();
  // Nothing changes until Import.
  expect(Object.keys(await interchange.app.storedData()).filter((key) => key.startsWith("ironplan:project:"))).toEqual([]);
  await interchange.report.getByRole("button", { name: "Import" }).click();
  await expect(interchange.report).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "mspdirelations" })).toBeVisible();
  expect(await interchange.app.taskTitles()).toEqual(["Task 1", "Task 2", "Task 3", "Task 4", "Task 5"]);
});

test("a file whose project is already here asks to copy, replace or cancel", async ({ page }) => {
  const interchange = new InterchangePage(page);
  await interchange.app.open();
  await interchange.importConverted(guidFile);
  await interchange.report.getByRole("button", { name: "Import" }).click();
  const name = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  await interchange.importConverted(guidFile);
  await interchange.report.getByRole("button", { name: "Import" }).click();
  const question = page.getByRole("dialog", { name: "This project already exists" });
  await expect(question).toBeVisible();
  await question.getByRole("button", { name: "Import as copy" }).click();
  await expect(question).toBeHidden();
  await page.getByRole("link", { name: "Projects", exact: true }).click();
  await expect(page.getByRole("link", { name: new RegExp(`^${name}`) })).toHaveCount(2);
});

test("cancelling the Import report changes nothing", async ({ page }) => {
  const interchange = new InterchangePage(page);
  await interchange.app.open();
  await interchange.app.createProject("Already here");
  await interchange.app.waitUntilSaved();
  const before = await interchange.app.storedData();
  await interchange.importConverted(corpusFile);
  await interchange.report.getByRole("button", { name: "Cancel" }).click();
  await expect(interchange.report).toBeHidden();
  await expect(page.getByRole("link", { name: "mspdirelations" })).toHaveCount(0);
  expect(await interchange.app.storedData()).toEqual(before);
});

test("a hostile XML file is refused and nothing changes", async ({ page }) => {
  const interchange = new InterchangePage(page);
  await interchange.app.open();
  await interchange.app.createProject("Safe");
  await interchange.app.waitUntilSaved();
  const before = await interchange.app.storedData();
  await interchange.app.importFile(hostile);
  await expect(interchange.alert).toContainText("refuses those for safety");
  await expect(interchange.alert).toContainText("line 2");
  await expect(interchange.report).toHaveCount(0);
  expect(await interchange.app.storedData()).toEqual(before);
});

test("a broken XML file is refused with its line and column", async ({ page }) => {
  const interchange = new InterchangePage(page);
  await interchange.app.open();
  await interchange.app.importFile({
    name: "broken.xml",
    mimeType: "application/xml",
    buffer: Buffer.from(`<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n<Name>x</Nme>\n`),
  });
  await expect(interchange.alert).toContainText(/line 3, column \d+/);
  await expect(interchange.report).toHaveCount(0);
});

test("the sample project is exported as MS Project XML", async ({ page }) => {
  const views = new ViewsPage(page);
  await views.openSample();
  const interchange = new InterchangePage(page);
  const file = await interchange.exportAs("MS Project XML (.xml)");
  expect(file.name).toMatch(/\.xml$/);
  expect(file.text).toContain('<Project xmlns="http://schemas.microsoft.com/project"');
  expect(file.text).toContain(SAMPLE_PROJECT);
  await expect(interchange.exportDialog.getByRole("status")).toContainText(`Downloaded “${file.name}”`);
  await interchange.exportDialog.getByRole("button", { name: "Close" }).click();
  await expect(interchange.exportDialog).toBeHidden();
  // Export itself still downloads the plan file at once.
  const plan = await interchange.app.exportProject();
  expect(plan.name).toMatch(/\.ironplan\.json$/);
});

test("the Export as dialog also downloads the plan file", async ({ page }) => {
  const views = new ViewsPage(page);
  await views.openSample();
  const file = await new InterchangePage(page).exportAs("Plan file (.json)");
  expect(file.name).toMatch(/\.ironplan\.json$/);
  expect(JSON.parse(file.text).project.name).toBe(SAMPLE_PROJECT);
});

test("the converter works in the single-file edition", async ({ page }) => {
  const interchange = new InterchangePage(page);
  await interchange.app.open(singleFile);
  await interchange.importConverted(corpusFile);
  await expect(interchange.reportValue("Tasks")).toHaveText("5 tasks");
  await interchange.report.getByRole("button", { name: "Import" }).click();
  expect(await interchange.app.taskTitles()).toEqual(["Task 1", "Task 2", "Task 3", "Task 4", "Task 5"]);
});

test("the converter works offline under /ironplan/ with the strict policy", async ({ page, context }) => {
  const interchange = new InterchangePage(page);
  await interchange.watchPolicy();
  await interchange.app.open("/ironplan/");
  await interchange.waitForPrecache();
  await context.setOffline(true);
  await page.reload();
  await interchange.app.ready();
  await interchange.importConverted(corpusFile);
  await expect(interchange.reportValue("Tasks")).toHaveText("5 tasks");
  await interchange.report.getByRole("button", { name: "Import" }).click();
  expect(await interchange.app.taskTitles()).toHaveLength(5);
  expect(await interchange.violations()).toEqual([]);
  await context.setOffline(false);
});

test("the Import report and Export as dialogs pass axe in both themes", async ({ page }) => {
  const views = new ViewsPage(page);
  await views.openSample();
  const interchange = new InterchangePage(page);
  for (const theme of ["light", "dark"] as const) {
    await views.useTheme(theme);
    await page.getByRole("button", { name: "Export as…" }).click();
    await expect(interchange.exportDialog).toBeVisible();
    expect(await views.accessibilityViolations()).toEqual([]);
    await interchange.exportDialog.getByRole("button", { name: "Close" }).click();
    await interchange.importConverted(corpusFile);
    expect(await views.accessibilityViolations()).toEqual([]);
    await interchange.report.getByRole("button", { name: "Cancel" }).click();
    await expect(interchange.report).toBeHidden();
    await page.getByRole("link", { name: SAMPLE_PROJECT }).click();
  }
});
