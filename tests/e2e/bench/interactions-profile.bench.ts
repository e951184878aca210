/**
 * CPU profiles of issue 15's interactions and the wasm heap at each step, for
 * docs/PERFORMANCE.md: skipped unless BENCH_PROFILE names a folder to write them to. Build a
 * release that keeps names and counts its heap first (index.html, on the app's link:
 * `data-keep-debug data-wasm-opt-params="-g" data-cargo-features="heap-profile"`), then
 *   BENCH_PROFILE=/tmp/prof BENCH_SIZES=50000 npx --no-install playwright test \
 *     -c playwright.bench.config.ts bench/interactions-profile.bench.ts
 * It writes `<figure>-<size>.cpuprofile` (Chromium's profile format) for the page load, the
 * keyboard and dragged bar moves, each of five card drops, typing and the autosave, and
 * `heap-<size>.json`: after each step, the wasm heap's live bytes, the peak since the step
 * before, and the wasm memory's size (which keeps the highest point ever reached).
 */
import { test, expect, type Page } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatePlan } from "./plan";
import { frames, hubBar, importOnce } from "./session";

const OUT = process.env.BENCH_PROFILE ?? "";
const SIZE = Number((process.env.BENCH_SIZES ?? "50000").split(",")[0]);

type Heap = { step: string; live: number; peak: number; memory: number };

test("profiles of the interactions and the heap at each step", async ({ browser }) => {
  test.skip(!OUT, "BENCH_PROFILE names no folder to write the profiles to");
  test.setTimeout(30 * 60_000);
  const plan = generatePlan(SIZE);
  const stored = await importOnce(browser, plan);
  const context = await browser.newContext();
  await context.addInitScript((entries: Record<string, string>) => {
    if (location.protocol.startsWith("http") && localStorage.getItem("ironplan:index") === null) {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }
    addEventListener("TrunkApplicationStarted", (event) => {
      (window as unknown as { __benchWasm: unknown }).__benchWasm = (event as CustomEvent).detail.wasm;
    });
  }, stored);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const heap: Heap[] = [];
  const readHeap = async (step: string) => {
    const [live, peak, memory] = await page.evaluate(() => {
      const global = window as unknown as {
        __ironplanHeap?: (reset: boolean) => number[];
        __benchWasm?: { memory: WebAssembly.Memory };
      };
      const [live, peak] = global.__ironplanHeap?.(true) ?? [Number.NaN, Number.NaN];
      return [live, peak, global.__benchWasm?.memory.buffer.byteLength ?? Number.NaN];
    });
    heap.push({ step, live, peak, memory });
  };
  const profile = async (name: string, action: () => Promise<unknown>, part?: number) => {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    await action();
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(join(OUT, `${name}-${SIZE}${part === undefined ? "" : `-${part}`}.cpuprofile`), JSON.stringify(profile));
  };
  const project = `#/p/${plan.projectId}`;

  // The page load, with the app's files cached, as the benchmark takes it.
  await page.goto("./");
  await page.waitForFunction(() => performance.getEntriesByName("ironplan:ready").length > 0);
  await page.waitForTimeout(1000);
  await page.goto("about:blank");
  await profile("load", async () => {
    await page.goto(`./${project}/tasks`);
    await page.waitForFunction(() => performance.getEntriesByName("ironplan:ready").length > 0);
  });
  await readHeap("load: the project read, the Tasks view drawn");
  await page.waitForTimeout(2000);
  await readHeap("idle: the open project's schedule worked out");

  await routeTo(page, `${project}/timeline`);
  const scroller = page.locator(".timeline__scroller");
  await expect(scroller).toBeVisible();
  await readHeap("Timeline opened");
  const { bar, from } = await hubBar(page, plan);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 3, from.y);
  await frames(page);
  await profile("drag", async () => {
    for (let step = 1; step <= 20; step++) {
      await page.mouse.move(from.x + 3 + 16 * (step % 4), from.y);
      await frames(page);
    }
  });
  await page.keyboard.press("Escape");
  await page.mouse.up();
  await readHeap("bar dragged 20 times");
  await bar.focus();
  await frames(page);
  await profile("keyMove", async () => {
    for (let step = 0; step < 20; step++) {
      await page.keyboard.press(step % 4 < 2 ? "ArrowRight" : "ArrowLeft");
      await frames(page);
    }
  });
  await readHeap("bar moved 20 times from the keyboard");

  await routeTo(page, `${project}/tasks`);
  await routeTo(page, `${project}/board`);
  const board = page.getByRole("region", { name: "Board", exact: true });
  await expect(board).toBeVisible();
  await readHeap("Board opened");
  const todo = board.getByRole("region", { name: "To do", exact: true });
  const inProgress = board.getByRole("region", { name: "In progress", exact: true });
  const doing = (await inProgress.getByRole("article").count()) > 0 ? inProgress : board.getByRole("region", { name: "Review", exact: true });
  // Each drop on its own (`cardMove-<size>-<n>`), as the benchmark times it: drop to repaint.
  for (let move = 0; move < 5; move++) {
    const cardBox = (await todo.getByRole("article").first().boundingBox())!;
    const target = (await doing.getByRole("article").first().boundingBox())!;
    await page.mouse.move(cardBox.x + cardBox.width / 2, cardBox.y + 24);
    await page.mouse.down();
    await page.mouse.move(cardBox.x + cardBox.width / 2 + 12, cardBox.y + 36, { steps: 4 });
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 4, { steps: 8 });
    await expect(page.locator(".board__placeholder")).toHaveCount(1);
    await profile(
      "cardMove",
      async () => {
        await page.mouse.up();
        await frames(page);
      },
      move,
    );
    await expect(page.locator(".board__placeholder")).toHaveCount(0);
  }
  await readHeap("5 cards moved");
  await expect(page.getByTestId("save-indicator")).toHaveText("Saved", { timeout: 60_000 });

  await doing.getByRole("article").first().locator(".board__card-title").click();
  const editor = page.getByRole("dialog", { name: "Edit task" });
  await expect(editor).toBeVisible();
  await readHeap("task editor opened");
  const title = editor.getByLabel("Title");
  await title.focus();
  await title.press("End");
  await profile("typing", async () => {
    for (const key of " is ready now") {
      await page.keyboard.press(key === " " ? "Space" : key);
      await frames(page);
    }
  });
  await readHeap("12 keys typed");
  await editor.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId("save-indicator")).toHaveText("Saved", { timeout: 60_000 });
  // The autosave of one more edit, with the profiler on until it is written.
  const marks = () => page.evaluate(() => performance.getEntriesByName("ironplan:saved").length);
  const before = await marks();
  await doing.getByRole("article").first().locator(".board__card-title").click();
  await expect(editor).toBeVisible();
  await editor.getByLabel("Title").fill("Renamed for the profile");
  await editor.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editor).toBeHidden();
  await profile("autosave", async () => {
    await page.waitForFunction((count) => performance.getEntriesByName("ironplan:saved").length > count, before, { timeout: 60_000 });
  });
  await readHeap("saved");
  writeFileSync(join(OUT, `heap-${SIZE}.json`), JSON.stringify(heap, null, 1));
  // Every save of the session, as the benchmark times them.
  const saves = await page.evaluate(() => {
    const starts = performance.getEntriesByName("ironplan:save-start").map((mark) => mark.startTime);
    return performance
      .getEntriesByName("ironplan:saved")
      .map((mark) => mark.startTime - (starts.filter((start) => start <= mark.startTime).at(-1) ?? Number.NaN));
  });
  console.log(`saves: ${saves.map((save) => `${save.toFixed(1)} ms`).join(", ")}`);
  for (const entry of heap) {
    console.log(`${(entry.live / 1e6).toFixed(1).padStart(6)} MB live, ${(entry.peak / 1e6).toFixed(1).padStart(6)} MB peak, ${(entry.memory / 1e6).toFixed(1).padStart(6)} MB wasm memory  ${entry.step}`);
  }
  await context.close();
});

/** Changes the route in the page and waits for the view's ready mark. */
async function routeTo(page: Page, hash: string) {
  const count = await page.evaluate(() => performance.getEntriesByName("ironplan:ready").length);
  await page.evaluate((next) => {
    location.hash = next;
  }, hash);
  await page.waitForFunction((known) => performance.getEntriesByName("ironplan:ready").length > known, count);
}
