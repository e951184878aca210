import { expect, type Locator, type Page } from "@playwright/test";

/** The Timesheet view: a person's week as a grid, the week's entries, the add form. */
export class TimesheetPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name: "Timesheet", exact: true }).click();
    await expect(this.page.getByRole("button", { name: "Previous week" })).toBeVisible();
  }

  cell(task: string, day: string): Locator {
    return this.page.getByLabel(`Hours on “${task}” on ${day}`);
  }

  async type(task: string, day: string, hours: string) {
    await this.cell(task, day).fill(hours);
    await this.cell(task, day).press("Tab");
  }

  get total(): Locator {
    return this.page.getByTestId("timesheet-total");
  }

  get entries(): Locator {
    return this.page.getByRole("table", { name: "Entries this week" });
  }
}
