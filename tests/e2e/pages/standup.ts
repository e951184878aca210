import { expect, type Locator, type Page } from "@playwright/test";

/** The Stand-up view: people as tabs, each person's board as a tab panel. */
export class StandupPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name: "Stand-up", exact: true }).click();
    await expect(this.page.getByRole("button", { name: "Stand-up held" })).toBeVisible();
  }

  tab(name: string): Locator {
    return this.page.getByRole("tablist", { name: "People" }).getByRole("tab", { name, exact: true });
  }

  get panel(): Locator {
    return this.page.getByRole("tabpanel");
  }

  /** The list under the panel's heading `heading` ("In progress", "Blocked", …). */
  section(heading: string | RegExp): Locator {
    return this.panel.locator(".standup__section").filter({ has: this.page.getByRole("heading", { name: heading }) });
  }

  get since(): Locator {
    return this.page.getByTestId("standup-since");
  }

  get lastHeld(): Locator {
    return this.page.getByTestId("standup-last-held");
  }
}
