import { expect, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { AppPage } from "./app";

/** The name of the sample project the welcome screen opens. */
export const SAMPLE_PROJECT = "CRM migration (sample)";

/** Every view of a project, by the name of its link in the "Project views" navigation. */
export const PROJECT_VIEWS = [
  "Tasks",
  "Board",
  "Timeline",
  "Calendar",
  "Dashboard",
  "Stand-up",
  "Status report",
  "Timesheet",
  "Settings",
] as const;

export type ProjectViewName = (typeof PROJECT_VIEWS)[number];

/** Page object for walking the whole app: the sample project, every view, themes and axe. */
export class ViewsPage {
  readonly app: AppPage;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  /** Opens the app on an empty profile and opens the sample project from the welcome screen. */
  async openSample() {
    await this.app.open();
    await this.page.getByRole("button", { name: "Open sample project" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: SAMPLE_PROJECT })).toBeVisible();
  }

  get navigation(): Locator {
    return this.page.getByRole("navigation", { name: "Project views" });
  }

  /** What shows that `view` has drawn its content. */
  content(view: ProjectViewName): Locator {
    const page = this.page;
    switch (view) {
      case "Tasks":
        return page.getByRole("table").getByRole("rowheader").first();
      case "Board":
        return page.getByRole("region", { name: "Board" }).locator(".board__card").first();
      case "Timeline":
        return page.locator(".timeline__plot [data-task]").first();
      case "Calendar":
        // A grid of weeks; at phone width a list of days under the month's heading.
        return page.getByRole("region", { name: "Calendar" }).getByRole("heading", { level: 2 });
      case "Dashboard":
        return page.locator(".dashboard__card").first();
      case "Stand-up":
        return page.getByRole("tabpanel");
      case "Status report":
        return page.getByRole("article");
      case "Timesheet":
        return page.getByRole("button", { name: "Previous week" });
      case "Settings":
        return page.getByRole("dialog", { name: "Project settings" });
    }
  }

  /** Opens `view` through its link and waits until its content is on screen. */
  async openView(view: ProjectViewName) {
    const link = this.navigation.getByRole("link", { name: view, exact: true });
    await link.click();
    await expect(link).toHaveAttribute("aria-current", "page");
    await expect(this.content(view)).toBeVisible();
  }

  /** The header's "Dark mode" toggle. */
  get darkModeToggle(): Locator {
    return this.page.getByRole("button", { name: "Dark mode" });
  }

  /** Chooses the theme with the toggle, whatever it was: an explicit choice, not the system's. */
  async useTheme(theme: "light" | "dark") {
    const wanted = theme === "dark" ? "true" : "false";
    if ((await this.darkModeToggle.getAttribute("aria-pressed")) !== wanted) {
      await this.darkModeToggle.click();
    } else if ((await this.page.locator("html").getAttribute("data-theme")) === "system") {
      // Following the system, which shows this theme already: choose it explicitly.
      await this.darkModeToggle.click();
      await this.darkModeToggle.click();
    }
    await expect(this.darkModeToggle).toHaveAttribute("aria-pressed", wanted);
    await expect(this.page.locator("html")).toHaveAttribute("data-theme", theme);
  }

  /**
   * Runs axe-core for WCAG 2.1 A and AA on the page as it is, and returns one line per
   * violation (rule, impact, help and the elements), so a failure says what to fix.
   */
  async accessibilityViolations(): Promise<string[]> {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    return results.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => `${node.target.join(" ")}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, " ")}]` : ""}`)
          .join("; ")}`,
    );
  }

  /** True when the page itself scrolls sideways (its content is wider than the window). */
  async pageScrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return root.scrollWidth > root.clientWidth + 1;
    });
  }

  /** The elements wider than the window that make the page scroll sideways, for messages. */
  async widestElements(): Promise<string[]> {
    return this.page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const found: string[] = [];
      for (const element of Array.from(document.querySelectorAll("body *"))) {
        const box = element.getBoundingClientRect();
        if (box.right > width + 1 && box.width > 0) {
          // Only elements whose parent fits: the ones that overflow first.
          const parent = element.parentElement?.getBoundingClientRect();
          if (!parent || parent.right <= width + 1) {
            found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} right=${Math.round(box.right)}`);
          }
        }
      }
      return found.slice(0, 10);
    });
  }
}
