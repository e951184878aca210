/** What the benchmark and the profiles share: waiting for frames, and importing a plan once. */

import { expect, type Browser, type Page } from "@playwright/test";
import type { GeneratedPlan } from "./plan";

/** Two animation frames: the frame that paints what changed, and the one after it. */
export const frames = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** Imports the generated plan through the app and returns a copy of what it stored. */
export async function importOnce(browser: Browser, plan: GeneratedPlan): Promise<Record<string, string>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("./");
  await page.waitForFunction(() => performance.getEntriesByName("ironplan:ready").length > 0);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import", exact: true }).first().click();
  await (
    await chooser
  ).setFiles({
    name: "benchmark.ironplan.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(plan.file)),
  });
  await page.waitForFunction(
    (key) => localStorage.getItem(key) !== null,
    `ironplan:project:${plan.projectId}`,
    { timeout: 300_000, polling: 200 },
  );
  await expect(page.getByTestId("save-indicator")).toHaveText("Saved", { timeout: 300_000 });
  const stored = await page.evaluate(() => {
    const entries: Record<string, string> = {};
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index)!;
      if (key.startsWith("ironplan:")) entries[key] = localStorage.getItem(key)!;
    }
    return entries;
  });
  await context.close();
  if (process.env.BENCH_VERBOSE) console.log(`${new Date().toISOString()} imported ${plan.taskCount} tasks`);
  return stored;
}
