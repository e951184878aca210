import { test, expect } from "../fixtures";
import type { Locator, Page } from "@playwright/test";
import { PROJECT_VIEWS, ViewsPage } from "../pages/views";

// A phone: 375 × 812 CSS px. The page itself never scrolls sideways; what is wider (the board's
// columns, the timeline's chart, tables) scrolls inside its own box.
const PHONE = { width: 375, height: 812 };
test.use({ viewport: PHONE });

/** Fails unless the element lies wholly inside the window. */
async function expectInsideWindow(page: Page, element: Locator) {
  const box = await element.boundingBox();
  expect(box, "the element is on screen").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
}

/** True when `element` can scroll sideways (its content is wider than its box). */
const scrollsSideways = (element: Locator) => element.evaluate((node) => node.scrollWidth > node.clientWidth + 1);

test.describe("at phone width", () => {
  test("no view makes the page scroll sideways", async ({ page }) => {
    const views = new ViewsPage(page);
    await views.openSample();
    for (const view of PROJECT_VIEWS) {
      await views.openView(view);
      expect(await views.pageScrollsSideways(), `${view}: ${(await views.widestElements()).join(", ")}`).toBe(false);
      // The open view's tab is scrolled into sight in the sideways-scrolling tab row.
      await expectInsideWindow(page, views.navigation.getByRole("link", { name: view, exact: true }));
      if (view === "Settings") {
        await expectInsideWindow(page, views.content("Settings"));
        await page.keyboard.press("Escape");
      }
    }
    await page.getByRole("link", { name: "Projects", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    expect(await views.pageScrollsSideways()).toBe(false);
    // The header's controls are all on screen, wrapped rather than cut off.
    for (const name of ["Undo", "Redo", "Dark mode", "Keyboard shortcuts"]) {
      await expectInsideWindow(page, page.getByRole("button", { name, exact: true }));
    }
  });

  test("every view passes axe at phone width too", async ({ page }) => {
    test.setTimeout(120_000);
    const views = new ViewsPage(page);
    await views.openSample();
    const found: string[] = [];
    for (const view of PROJECT_VIEWS) {
      await views.openView(view);
      for (const violation of await views.accessibilityViolations()) found.push(`${view}: ${violation}`);
      if (view === "Settings") await page.keyboard.press("Escape");
    }
    await views.openView("Timeline");
    await page.getByRole("button", { name: "Task list" }).click();
    await expect(page.getByRole("table", { name: "Tasks on the timeline" })).toBeVisible();
    for (const violation of await views.accessibilityViolations()) found.push(`Timeline with its task list: ${violation}`);
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    for (const violation of await views.accessibilityViolations()) found.push(`Keyboard shortcuts: ${violation}`);
    await page.keyboard.press("Escape");
    expect(found).toEqual([]);
  });

  test("the board's columns scroll sideways inside the board", async ({ page }) => {
    const views = new ViewsPage(page);
    await views.openSample();
    await views.openView("Board");
    const scroller = page.locator(".board__scroller");
    expect(await scrollsSideways(scroller)).toBe(true);
    const done = page.getByRole("region", { name: "Board" }).locator(".board__column--done");
    await scroller.evaluate((node) => node.scrollTo({ left: node.scrollWidth }));
    await expect(done).toBeInViewport();
    expect(await views.pageScrollsSideways()).toBe(false);
  });

  test("the timeline's task list collapses behind a toggle", async ({ page }) => {
    const views = new ViewsPage(page);
    await views.openSample();
    await views.openView("Timeline");
    const list = page.getByRole("table", { name: "Tasks on the timeline" });
    const toggle = page.getByRole("button", { name: "Task list" });
    await expect(list).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    // The chart has the width: bars are on screen.
    await expect(page.locator(".timeline__plot [data-task]").first()).toBeVisible();

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(list).toBeVisible();
    await expectInsideWindow(page, list.getByRole("columnheader", { name: "End" }));
    expect(await views.pageScrollsSideways()).toBe(false);

    await toggle.click();
    await expect(list).toBeHidden();
  });

  test("dialogs fit the screen", async ({ page }) => {
    const views = new ViewsPage(page);
    await views.openSample();

    await page.getByRole("table").getByRole("rowheader").first().getByRole("button").last().click();
    await expect(views.app.editor).toBeVisible();
    await expectInsideWindow(page, views.app.editor);
    await page.keyboard.press("Escape");
    await expect(views.app.editor).toBeHidden();

    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expectInsideWindow(page, shortcuts);
    expect(await scrollsSideways(page.locator("body"))).toBe(false);
    await page.keyboard.press("Escape");

    await page.getByRole("link", { name: "Projects", exact: true }).click();
    await page.getByRole("button", { name: "New project" }).first().click();
    await expectInsideWindow(page, page.getByRole("dialog", { name: "New project" }));
    await page.keyboard.press("Escape");

    expect(await views.pageScrollsSideways()).toBe(false);
  });

  test("tables scroll inside their own box", async ({ page }) => {
    const views = new ViewsPage(page);
    await views.openSample();
    expect(await scrollsSideways(page.locator(".tasks__scroll"))).toBe(true);
    await views.openView("Dashboard");
    expect(await scrollsSideways(page.locator(".workload").locator("xpath=ancestor::div[contains(@class,'table-scroll')][1]"))).toBe(true);
    expect(await views.pageScrollsSideways()).toBe(false);
  });
});
