import { test, expect } from "../fixtures";
import type { Page } from "@playwright/test";
import { TrackingPage } from "../pages/tracking";
import { TimesheetPage } from "../pages/timesheet";

// Dates, numbers and money follow the browser's locale (Intl), with the project's currency, and
// so does the first day of the week. The suite runs in en-US (playwright.config.ts); here
// de-DE too. Intl puts a no-break space between a figure and "€" or "%".

/** A project with a budget of 1,234.50 in `currency`, started on Monday 2 March 2026, with a task. */
async function planWithBudget(page: Page, currency: string) {
  const plan = new TrackingPage(page);
  await plan.openOn("2026-03-04");
  await plan.app.createProject("Locale", { start: "2026-03-02", budget: "1234.50", currency });
  await plan.addPeople([{ name: "Ada", rate: "100" }]);
  await plan.newTask("Build", { assignee: "Ada", start: "2026-03-02", end: "2026-03-06", estimate: "12.5", progress: "30" });
  return plan;
}

/** The headings of the timesheet's day columns, in order. */
async function dayHeadings(page: Page): Promise<string[]> {
  const sheet = new TimesheetPage(page);
  await sheet.open();
  const headers = await page.getByRole("table").first().getByRole("columnheader").allInnerTexts();
  return headers.slice(1, 8).map((text) => text.replace(/\s+/g, " ").trim());
}

test.describe("in en-US", () => {
  test("money has the currency symbol in front, dates are month first, weeks start on Sunday", async ({ page }) => {
    const plan = await planWithBudget(page, "EUR");
    await plan.app.page.getByRole("link", { name: "Projects", exact: true }).click();
    const card = page.getByRole("listitem").filter({ hasText: "Locale" });
    await expect(card).toContainText("Budget €1,234.50");
    await expect(card).toContainText("From Mar 2, 2026");

    await page.getByRole("link", { name: "Locale" }).click();
    const row = page.getByRole("row", { name: /Build/ });
    await expect(row).toContainText("Mar 6, 2026");
    await expect(row).toContainText("12.5 h");
    await expect(row.getByRole("img", { name: "30% done" })).toBeVisible();

    expect(await dayHeadings(page)).toEqual(["Sun, Mar 1", "Mon, Mar 2", "Tue, Mar 3", "Wed, Mar 4", "Thu, Mar 5", "Fri, Mar 6", "Sat, Mar 7"]);
    await expect(page.getByRole("heading", { name: "Week of Mar 1, 2026 to Mar 7, 2026" })).toBeVisible();
  });

  test("money is in the project's currency", async ({ page }) => {
    const plan = await planWithBudget(page, "USD");
    await plan.app.page.getByRole("link", { name: "Projects", exact: true }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Locale" })).toContainText("Budget $1,234.50");
  });
});

test.describe("in de-DE", () => {
  test.use({ locale: "de-DE" });

  test("money has the symbol after it, dates are day first, weeks start on Monday", async ({ page }) => {
    const plan = await planWithBudget(page, "EUR");
    await plan.app.page.getByRole("link", { name: "Projects", exact: true }).click();
    const card = page.getByRole("listitem").filter({ hasText: "Locale" });
    await expect(card).toContainText("Budget 1.234,50\u00a0€");
    await expect(card).toContainText("From 02.03.2026");

    await page.getByRole("link", { name: "Locale" }).click();
    const row = page.getByRole("row", { name: /Build/ });
    await expect(row).toContainText("06.03.2026");
    await expect(row).toContainText("12,5 h");
    await expect(row.getByRole("img", { name: "30\u00a0% done" })).toBeVisible();

    expect(await dayHeadings(page)).toEqual(["Mo., 2. März", "Di., 3. März", "Mi., 4. März", "Do., 5. März", "Fr., 6. März", "Sa., 7. März", "So., 8. März"]);
    await expect(page.getByRole("heading", { name: "Week of 02.03.2026 to 08.03.2026" })).toBeVisible();

    // The Timeline's header names months and days in the locale's words.
    await page.getByRole("link", { name: "Timeline", exact: true }).click();
    const header = page.locator(".timeline__header");
    await expect(header).toContainText("März 2026");
    await expect(header).toContainText("2. März");
  });
});
