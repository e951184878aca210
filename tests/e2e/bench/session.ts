/** What the benchmark and the profiles share: waiting for frames, importing a plan once, finding the hub bar. */

import { expect, type Browser, type Locator, type Page } from "@playwright/test";
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

/** Scrolls the Timeline to the plan's hub task and returns its bar and the centre of its body. */
export async function hubBar(page: Page, plan: GeneratedPlan): Promise<{ bar: Locator; from: { x: number; y: number } }> {
  const scroller = page.locator(".timeline__scroller");
  await scroller.evaluate((element, row) => {
    element.scrollTop = Math.max(0, row * 32 - 200);
  }, plan.hub.row);
  await frames(page);
  const bar = page.locator(`.timeline__plot [data-task="${plan.hub.id}"]`);
  await expect(bar).toBeAttached();
  await bar.evaluate((group) => {
    const box = (group as SVGGraphicsElement).getBBox();
    const element = group.closest(".timeline__scroller") as HTMLElement;
    element.scrollLeft = Math.max(0, box.x - 300);
  });
  await frames(page);
  const box = await bar.locator(".timeline__bar-body").boundingBox();
  if (!box) throw new Error("the hub's bar is not on screen");
  return { bar, from: { x: box.x + box.width / 2, y: box.y + box.height / 2 } };
}
