import { defineConfig } from "@playwright/test";
import { checkoutPort, chromiumArgs, chromiumPath } from "./chromium";

// The performance benchmark (`.ci/bench`), kept apart from the test suite: `.ci/test` runs
// playwright.config.ts, whose testDir is ./specs, and never picks up ./bench.
//
// One worker: figures are timings, and a second browser would share the two cores with the
// one being measured. Chromium is the system one ($CHROMIUM_PATH, default /usr/bin/chromium),
// launched with precise memory figures and an exposed gc() for the memory rows.

const PORT = Number(process.env.BENCH_PORT ?? checkoutPort(5200));
const HOST = "127.0.0.1";

export default defineConfig({
  testDir: "./bench",
  testMatch: /.*\.bench\.ts$/,
  fullyParallel: false,
  retries: 0,
  workers: 1,
  reporter: "list",
  timeout: 60 * 60_000,
  expect: { timeout: 120_000 },
  outputDir: "./test-results-bench",
  use: {
    baseURL: `http://${HOST}:${PORT}/`,
    headless: true,
    viewport: { width: 1600, height: 900 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [...chromiumArgs, "--enable-precise-memory-info", "--js-flags=--expose-gc"],
    },
  },
  webServer: {
    command: `node serve.mjs --root ${process.env.BENCH_DIST ?? "../../dist"} --host ${HOST} --port ${PORT} --base /`,
    url: `http://${HOST}:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
