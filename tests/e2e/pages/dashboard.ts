import { expect, type Locator, type Page } from "@playwright/test";

/** The Dashboard view: health cards, baseline, workload grid and scope log. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name: "Dashboard", exact: true }).click();
    await expect(this.card("Budget")).toBeVisible();
  }

  /** The health card headed `heading` ("Scope", "Budget" or "Schedule"). */
  card(heading: "Scope" | "Budget" | "Schedule"): Locator {
    return this.page.locator(".dashboard__card").filter({ has: this.page.getByRole("heading", { name: heading, exact: true }) });
  }

  /** The value of the key figure `name` on a card. */
  figure(heading: "Scope" | "Budget" | "Schedule", name: string): Locator {
    return this.card(heading).locator(".dashboard__figure").filter({ has: this.page.locator("dt", { hasText: new RegExp(`^${name}$`) }) }).locator("dd");
  }

  async setBaseline(name?: string) {
    await this.page.getByRole("button", { name: "Set baseline" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Set baseline" });
    if (name !== undefined) await dialog.getByLabel("Baseline name").fill(name);
    await dialog.getByRole("button", { name: "Save baseline" }).click();
    await expect(dialog).toBeHidden();
  }

  get currentBaseline(): Locator {
    return this.page.getByTestId("current-baseline");
  }

  get scopeLog(): Locator {
    return this.page.getByRole("table", { name: "Scope change log" });
  }

  get workload(): Locator {
    return this.page.getByRole("table", { name: "Hours of work per person per week" });
  }
}
