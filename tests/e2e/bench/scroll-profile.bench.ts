/**
 * A CPU profile and a trace of the Timeline's wheel scroll, for docs/PERFORMANCE.md: skipped
 * unless BENCH_PROFILE names a folder to write them to. Build a release that keeps names first
 * (index.html: `data-keep-debug data-wasm-opt-params="-g"` on the app's link), then
 *   BENCH_PROFILE=/tmp/prof BENCH_SIZES=10000 npx --no-install playwright test \
 *     -c playwright.bench.config.ts bench/scroll-profile.bench.ts
 * and read `scroll-<size>.cpuprofile` (Chromium's profile format) and `scroll-<size>.trace.json`.
 */
import { test, expect } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatePlan } from "./plan";
import { frames, importOnce } from "./session";

const OUT = process.env.BENCH_PROFILE ?? "";
const SIZE = Number((process.env.BENCH_SIZES ?? "10000").split(",")[0]);

test("profile of the Timeline's wheel scroll", async ({ browser }) => {
  test.skip(!OUT, "BENCH_PROFILE names no folder to write the profile to");
  test.setTimeout(30 * 60_000);
  const plan = generatePlan(SIZE);
  const stored = await importOnce(browser, plan);
  const context = await browser.newContext();
  await context.addInitScript((entries: Record<string, string>) => {
    if (localStorage.getItem("ironplan:index") === null) for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, stored);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const project = `#/p/${plan.projectId}`;
  await page.goto(`./${project}/timeline`);
  const scroller = page.locator(".timeline__scroller");
  await expect(scroller).toBeVisible();
  await page.waitForTimeout(1500);
  await scroller.evaluate((element) => { element.scrollTop = 200 * 32; });
  await frames(page);
  const area = (await scroller.boundingBox())!;
  await page.mouse.move(area.x + area.width * 0.6, area.y + area.height / 2);
  for (let i = 0; i < 5; i++) { await page.mouse.wheel(0, 100); await frames(page); }
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  for (let i = 0; i < 40; i++) { await page.mouse.wheel(0, 100); await frames(page); }
  const { profile } = await cdp.send("Profiler.stop");
  writeFileSync(join(OUT, `scroll-${SIZE}.cpuprofile`), JSON.stringify(profile));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,blink.user_timing,v8.execute,disabled-by-default-devtools.timeline", transferMode: "ReturnAsStream" });
  for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, 100); await frames(page); }
  const done = new Promise<string>((resolve) => cdp.once("Tracing.tracingComplete", (e: { stream: string }) => resolve(e.stream)));
  await cdp.send("Tracing.end");
  const stream = await done;
  let data = "";
  for (;;) { const chunk = await cdp.send("IO.read", { handle: stream }); data += chunk.data; if (chunk.eof) break; }
  writeFileSync(join(OUT, `scroll-${SIZE}.trace.json`), data);
  await context.close();
});
