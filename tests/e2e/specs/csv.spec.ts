import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";
import { SAMPLE_PROJECT, ViewsPage } from "../pages/views";
import { readFileSync } from "node:fs";

// CSV in through "Map columns", CSV and iCalendar out through "Export as". The converters run
// in the worker; these journeys check what a person sees and what the downloaded files hold.

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url));

test("a Jira export imports through Map columns", async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.importFile({ name: "jira-sprint.csv", mimeType: "text/csv", buffer: fixture("jira.csv") });

  const dialog = page.getByRole("dialog", { name: "Map columns" });
  await expect(dialog.getByLabel("Project name")).toHaveValue("jira-sprint");
  // Each column's select is named by its header and prefilled from it.
  await expect(dialog.getByLabel("Summary", { exact: true })).toHaveValue("title");
  await expect(dialog.getByLabel("Issue key", { exact: true })).toHaveValue("id");
  await expect(dialog.getByLabel("Original Estimate", { exact: true })).toHaveValue("estimate_seconds");
  await expect(dialog.getByLabel("Reporter", { exact: true })).toHaveValue("ignore");
  await expect(dialog.getByLabel("Date format")).toHaveValue("year_month_day");

  const preview = dialog.getByRole("table", { name: "Preview of the first tasks" });
  await expect(preview.getByRole("rowheader")).toHaveText([
    "CRM migration",
    "Export customer data",
    "Map fields",
    "Train the sales team",
    "Go live",
  ]);
  const exportRow = preview.getByRole("row", { name: /Export customer data/ });
  await expect(exportRow.getByRole("cell")).toContainText(["2", "Done", "Ada Lovelace", "2026-01-05", "2026-01-16", "CRM migration"]);

  // Without a title column nothing can be imported; the dialog says why.
  await dialog.getByLabel("Summary", { exact: true }).selectOption({ label: "Ignore" });
  await expect(dialog.getByText("Map a column to Title.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Import" })).toBeDisabled();
  await dialog.getByLabel("Summary", { exact: true }).selectOption({ label: "Title" });
  await expect(dialog.getByRole("button", { name: "Import" })).toBeEnabled();

  await dialog.getByLabel("Project name").fill("CRM from Jira");
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "CRM from Jira" })).toBeVisible();
  expect(await app.taskTitles()).toEqual([
    "CRM migration",
    "Export customer data",
    "Map fields",
    "Train the sales team",
    "Go live",
  ]);
});

test("ambiguous dates wait for a date format, and unreadable rows are listed", async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.importFile({ name: "dates.csv", mimeType: "text/csv", buffer: fixture("ambiguous.csv") });
  const dialog = page.getByRole("dialog", { name: "Map columns" });
  await expect(dialog.getByText("Choose the date format.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Import" })).toBeDisabled();
  await expect(dialog.getByRole("listitem").first()).toContainText("Row 1 (line 2), Start: “03/04/2026” can be read two ways");

  await dialog.getByLabel("Date format").selectOption({ label: "Day/month/year" });
  const preview = dialog.getByRole("table", { name: "Preview of the first tasks" });
  await expect(preview.getByRole("row", { name: /Alpha/ }).getByRole("cell")).toContainText(["1", "To do", "", "2026-04-03", "2026-04-05"]);
  await expect(dialog.getByRole("button", { name: "Import" })).toBeEnabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  await app.importFile({ name: "bad-rows.csv", mimeType: "text/csv", buffer: fixture("bad-rows.csv") });
  await expect(dialog.getByRole("heading", { name: "5 problems: Import brings in the rest" })).toBeVisible();
  await expect(dialog.getByRole("list", { name: /problems/ }).getByRole("listitem")).toContainText([
    "Row 2 (line 3): there is no title; the row is left out.",
    "Row 3 (line 4), Start: “2026-02-30” is not a date; the row is left out.",
    "Row 4 (line 5), Predecessors: the predecessor “9” is no row of the file.",
  ]);
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "bad-rows" })).toBeVisible();
  expect(await app.taskTitles()).toEqual(["Good", "Unknown link", "Odd priority", "Short row"]);
});

test("the sample project exports as a spreadsheet and as a calendar", async ({ page }) => {
  const views = new ViewsPage(page);
  await views.openSample();
  await page.getByRole("button", { name: "Export as…" }).click();
  const dialog = page.getByRole("dialog", { name: "Export as" });
  const format = dialog.getByRole("radiogroup", { name: "Format" });

  await format.getByRole("radio", { name: "Spreadsheet (.csv)" }).check();
  let download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download" }).click();
  const csvFile = await download;
  expect(csvFile.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await csvFile.path(), "utf8");
  expect(csv.startsWith("\uFEFFID,WBS,Title,Status,Assignee,Start,End,Duration,Estimate (hours),Progress (%),Milestone,Priority,Tags,Predecessors,Cost\r\n")).toBe(true);
  const rows = csv.trimEnd().split("\r\n");
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.some((row) => /^\d+,[\d.]+,Go-live,.*,Yes,/.test(row))).toBe(true);
  await expect(dialog.getByRole("status")).toContainText("Downloaded");

  await format.getByRole("radio", { name: "Calendar (.ics)" }).check();
  await expect(dialog.getByLabel("Include")).toHaveValue("milestones");
  download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download" }).click();
  const milestones = readFileSync(await (await download).path(), "utf8");
  expect(milestones.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  expect(milestones).toContain("SUMMARY:Go-live\r\n");
  expect(milestones).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\n/);
  const milestoneEvents = milestones.match(/BEGIN:VEVENT/g)?.length ?? 0;

  await dialog.getByLabel("Include").selectOption({ label: "All tasks" });
  download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download" }).click();
  const all = readFileSync(await (await download).path(), "utf8");
  const allEvents = all.match(/BEGIN:VEVENT/g)?.length ?? 0;
  expect(allEvents).toBeGreaterThan(milestoneEvents);
  expect(all).toContain("RELATED-TO;RELTYPE=FINISHTOSTART:");
  expect(all.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

  await dialog.getByLabel("Include").selectOption({ label: "Tasks of one person" });
  const person = dialog.getByLabel("Person");
  await expect(person).toBeVisible();
  const name = (await person.locator("option:checked").textContent()) ?? "";
  download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download" }).click();
  const theirs = readFileSync(await (await download).path(), "utf8");
  const theirEvents = theirs.match(/BEGIN:VEVENT/g)?.length ?? 0;
  expect(theirEvents).toBeGreaterThan(0);
  expect(theirEvents).toBeLessThan(allEvents);
  const unfolded = theirs.replace(/\r\n /g, "");
  expect(unfolded.match(/DESCRIPTION:[^\r]*/g)?.every((line) => line.includes(`Assignee: ${name}`))).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: SAMPLE_PROJECT })).toBeVisible();
});
