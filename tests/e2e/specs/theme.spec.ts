import { test, expect } from "../fixtures";
import type { Page } from "@playwright/test";
import { ViewsPage } from "../pages/views";

// The page background of each palette (style/base.css --bg).
const LIGHT_BACKGROUND = "rgb(246, 247, 249)";
const DARK_BACKGROUND = "rgb(18, 22, 28)";

/** WCAG contrast ratio of two `#rrggbb` colours. */
function contrast(first: string, second: string): number {
  const luminance = (hex: string) => {
    const value = Number.parseInt(hex.replace("#", ""), 16);
    const channels = [value >> 16, (value >> 8) & 255, value & 255].map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** The palette's variables (style/base.css) as the page resolves them now. */
const palette = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    const names = ["bg", "surface", "surface-2", "text", "text-muted", "border", "control-border", "accent", "accent-text", "accent-soft", "danger", "danger-soft", "warning", "warning-soft", "success", "success-soft"];
    return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(`--${name}`).trim().toLowerCase()]));
  });

/** Every pair of the palette the app puts text on, or a field's border against, below its WCAG AA minimum. */
function lowContrastPairs(colours: Record<string, string>): string[] {
  const pairs: [string, string, number][] = [];
  for (const text of ["text", "text-muted", "accent", "danger", "warning", "success"]) {
    for (const background of ["bg", "surface", "surface-2", "accent-soft", "danger-soft", "warning-soft", "success-soft"]) {
      pairs.push([text, background, 4.5]);
    }
  }
  pairs.push(["accent-text", "accent", 4.5], ["surface", "danger", 4.5]);
  for (const background of ["bg", "surface", "surface-2"]) pairs.push(["control-border", background, 3]);
  return pairs
    .map(([front, back, minimum]) => [front, back, minimum, contrast(colours[front], colours[back])] as const)
    .filter(([, , minimum, ratio]) => ratio < minimum)
    .map(([front, back, minimum, ratio]) => `${front} on ${back}: ${ratio.toFixed(2)} < ${minimum}`);
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test.describe("dark mode", () => {
  test("follows the system until the user chooses, and shows what the user sees", async ({ page }) => {
    const views = new ViewsPage(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await views.app.open();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
    await expect(views.darkModeToggle).toHaveAttribute("aria-pressed", "true");
    expect(await background(page)).toBe(DARK_BACKGROUND);

    // The system changes its mind while the page is open: the page and the toggle follow.
    await page.emulateMedia({ colorScheme: "light" });
    await expect(views.darkModeToggle).toHaveAttribute("aria-pressed", "false");
    expect(await background(page)).toBe(LIGHT_BACKGROUND);
  });

  test("the toggle's choice survives a reload and wins over the system's preference", async ({ page }) => {
    const views = new ViewsPage(page);
    await page.emulateMedia({ colorScheme: "light" });
    await views.app.open();
    await views.darkModeToggle.click();
    await expect(views.darkModeToggle).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect.poll(() => background(page)).toBe(DARK_BACKGROUND);

    await views.app.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect(views.darkModeToggle).toHaveAttribute("aria-pressed", "true");
    expect(await background(page)).toBe(DARK_BACKGROUND);

    // Light chosen while the system prefers dark stays light, across reloads too.
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(views.darkModeToggle).toHaveAttribute("aria-pressed", "true");
    await views.darkModeToggle.click();
    await expect(views.darkModeToggle).toHaveAttribute("aria-pressed", "false");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await expect.poll(() => background(page)).toBe(LIGHT_BACKGROUND);
    await views.app.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await expect(views.darkModeToggle).toHaveAttribute("aria-pressed", "false");
    expect(await background(page)).toBe(LIGHT_BACKGROUND);
    // Native controls follow the chosen theme, not the system's.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("light");
  });

  test("both palettes meet WCAG AA contrast, the system's dark one too", async ({ page }) => {
    const views = new ViewsPage(page);
    await page.emulateMedia({ colorScheme: "light" });
    await views.app.open();
    const light = await palette(page);
    expect(light.bg).toMatch(/^#[0-9a-f]{6}$/);
    expect(lowContrastPairs(light)).toEqual([]);

    await page.emulateMedia({ colorScheme: "dark" });
    await expect(views.darkModeToggle).toHaveAttribute("aria-pressed", "true");
    const systemDark = await palette(page);
    expect(systemDark.bg).not.toBe(light.bg);
    expect(lowContrastPairs(systemDark)).toEqual([]);

    await views.useTheme("dark");
    expect(await palette(page)).toEqual(systemDark);
  });

  test("is a real toggle button the keyboard reaches", async ({ page }) => {
    const views = new ViewsPage(page);
    await page.emulateMedia({ colorScheme: "light" });
    await views.app.open();
    await views.darkModeToggle.focus();
    await page.keyboard.press("Enter");
    await expect(views.darkModeToggle).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Space");
    await expect(views.darkModeToggle).toHaveAttribute("aria-pressed", "false");
  });
});

test.describe("before the app has started", () => {
  // No service worker, so the routes below see every request.
  test.use({ serviceWorkers: "block" });

  test("the saved choice already shows, with no flash of the system's palette", async ({ page, allowError }) => {
    const views = new ViewsPage(page);
    await page.emulateMedia({ colorScheme: "light" });
    await views.app.open();
    await views.darkModeToggle.click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await views.app.waitUntilSaved();

    // Keep the app from starting at all: only index.html, its styles and scripts load.
    allowError(/\.wasm|ERR_FAILED|Failed to fetch|WebAssembly/);
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await background(page)).toBe(DARK_BACKGROUND);
    await expect(views.darkModeToggle).toHaveCount(0);
  });
});
