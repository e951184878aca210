import { test, expect } from "../fixtures";
import { TrackingPage } from "../pages/tracking";
import { TimesheetPage } from "../pages/timesheet";

test("a week's time is added and edited in the timesheet and the totals follow", async ({ page }) => {
  const plan = new TrackingPage(page);
  const sheet = new TimesheetPage(page);
  await plan.openOn("2026-03-04");
  await plan.app.createProject("Timesheets", { start: "2026-03-02" });
  await plan.addPeople([{ name: "Ada", rate: "100" }, { name: "Bob" }]);
  await plan.newTask("Build", { assignee: "Ada", start: "2026-03-02", end: "2026-03-06", estimate: "20" });
  await plan.newTask("Test", { assignee: "Bob", start: "2026-03-02", end: "2026-03-06", estimate: "8" });

  await sheet.open();
  // en-US weeks start on Sunday.
  await expect(page.getByRole("heading", { name: "Week of Mar 1, 2026 to Mar 7, 2026" })).toBeVisible();
  await expect(page.getByLabel("Timesheet of")).toHaveValue(/.+/);
  await expect(sheet.total).toHaveText("0 h");

  await sheet.type("Build", "Mon, Mar 2", "3");
  await expect(sheet.total).toHaveText("3 h");
  await sheet.type("Build", "Tue, Mar 3", "2.5");
  await expect(sheet.total).toHaveText("5.5 h");
  await expect(page.getByRole("row", { name: /Build/ }).first()).toContainText("5.5 h");

  // Editing a cell changes its entry; bad input is explained and changes nothing.
  await sheet.type("Build", "Mon, Mar 2", "4");
  await expect(sheet.total).toHaveText("6.5 h");
  await sheet.type("Build", "Wed, Mar 4", "lots");
  await expect(page.getByRole("alert").filter({ hasText: "Enter hours from 0 to 24" })).toBeVisible();
  await expect(sheet.total).toHaveText("6.5 h");
  await sheet.type("Build", "Wed, Mar 4", "");

  // The entry list edits notes and hours.
  await sheet.entries.getByRole("button", { name: /^Edit entry of 4 h on “Build”/ }).click();
  const edit = page.getByRole("form", { name: /^Edit entry of 4 h/ });
  await edit.getByLabel("Hours").fill("3.5");
  await edit.getByLabel("Note").fill("Pairing");
  await edit.getByRole("button", { name: "Save entry" }).click();
  await expect(sheet.entries).toContainText("Pairing");
  await expect(sheet.total).toHaveText("6 h");

  // The add form logs on any task of the project.
  const add = page.getByRole("form", { name: "Add an entry" });
  await add.getByRole("button", { name: "Add entry" }).click();
  await expect(add).toContainText("Choose the task the time was spent on.");
  await add.getByLabel("Task").selectOption({ label: "Test" });
  await add.getByLabel("Date").fill("2026-03-05");
  await add.getByLabel("Hours").fill("1.5");
  await add.getByRole("button", { name: "Add entry" }).click();
  await expect(sheet.total).toHaveText("7.5 h");
  await expect(page.getByRole("row", { name: /Test/ }).first()).toContainText("1.5 h");

  await page.getByRole("button", { name: "Next week" }).click();
  await expect(page.getByRole("heading", { name: "Week of Mar 8, 2026 to Mar 14, 2026" })).toBeVisible();
  await expect(sheet.total).toHaveText("0 h");
  await page.getByRole("button", { name: "Previous week" }).click();
  await expect(sheet.total).toHaveText("7.5 h");

  // Another person's week.
  await page.getByLabel("Timesheet of").selectOption({ label: "Bob" });
  await expect(sheet.total).toHaveText("0 h");
  await expect(sheet.cell("Test", "Mon, Mar 2")).toBeVisible();

  await plan.app.reload();
  await sheet.open();
  await expect(sheet.total).toHaveText("7.5 h");
});
