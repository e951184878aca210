import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";
import type { Page, Route } from "@playwright/test";

// The service worker would answer from its cache where these tests hold the network back.
test.use({ serviceWorkers: "block" });

/** Holds back the app's WebAssembly until the returned function is called. */
async function holdWasm(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route: Route) => {
    await released;
    await route.continue();
  });
  return async () => {
    release();
  };
}

test("while the app downloads, a first visit already reads the welcome", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "Welcome to Ironplan" })).toBeVisible();
  await expect(page.getByText("Nothing leaves this device")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Starting Ironplan…" })).toBeVisible();
  await expect(page.getByText("Opening your plans…")).toBeHidden();
  await release();
  const app = new AppPage(page);
  await app.ready();
  // The loading screen is gone: one banner, one main, and the welcome's buttons work.
  await expect(page.getByText("Starting Ironplan…")).toHaveCount(0);
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Welcome to Ironplan" })).toHaveCount(1);
  await page.getByRole("button", { name: "Open sample project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /CRM/ })).toBeVisible();
});

test("someone with saved plans sees \u201cOpening your plans\u201d, not the welcome", async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.createProject("Already here");
  await app.waitUntilSaved();
  const release = await holdWasm(page);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Opening your plans…" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Welcome to Ironplan" })).toBeHidden();
  await release();
  await app.ready();
  await expect(page.getByText("Opening your plans…")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Already here" })).toBeVisible();
});

test("when the app cannot start, the loading screen says so", async ({ page, allowError }) => {
  allowError(/wasm|WebAssembly|Failed to load|503|Incorrect response MIME type|expected magic word/i);
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 503, body: "Service Unavailable" }));
  await page.goto("./");
  await expect(page.getByRole("status").filter({ hasText: /Ironplan could not start in this browser \(.+\)\. Reload the page to try again; your saved plans are untouched\./ })).toBeVisible();
});

test("a notice shows as a toast, then leaves the screen; a new one shows again", async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.createProject("Toasts");
  await app.newTask("Draft");
  const toast = page.getByTestId("live-region");
  const width = async () => (await toast.boundingBox())?.width ?? 0;
  await page.keyboard.press("Control+z");
  await expect(toast).toHaveText("Undone: Add task.");
  expect(await width()).toBeGreaterThan(50);
  // Gone from the screen a few seconds later, its text still there for screen readers.
  await expect(toast).toHaveClass(/toast--faded/, { timeout: 12_000 });
  expect(await width()).toBeLessThanOrEqual(1);
  await expect(toast).toHaveText("Undone: Add task.");
  await page.keyboard.press("Control+Shift+z");
  await expect(toast).toHaveText("Redone: Add task.");
  await expect(toast).not.toHaveClass(/toast--faded/);
  expect(await width()).toBeGreaterThan(50);
});
