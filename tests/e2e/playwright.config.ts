import { defineConfig, devices } from "@playwright/test";
import { checkoutPort, chromiumArgs, chromiumPath } from "./chromium";

// Tests run against the release build in ../../dist (built by .ci/test with
// `trunk build --release --offline`), served by the dependency-free serve.mjs at
// http://127.0.0.1:4173/ and also under the sub-path /ironplan/.
// The system Chromium runs them (chromium.ts).

const PORT = Number(process.env.E2E_PORT ?? checkoutPort(4200));
const HOST = "127.0.0.1";
const isCI = !!process.env.CI;

export default defineConfig({
  testDir: "./specs",
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  // 2-core machine: never more than 2 browsers at once.
  workers: 2,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: "./test-results",
  use: {
    baseURL: `http://${HOST}:${PORT}/`,
    // Dates, numbers, money and the first day of the week follow the browser's locale (Intl):
    // pinned, with the time zone, so expected strings are the same on every machine. A spec
    // that checks another locale sets its own with `test.use({ locale })`.
    locale: "en-US",
    timezoneId: "UTC",
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
  webServer: {
    command: `node serve.mjs --root ../../dist --host ${HOST} --port ${PORT} --base /ironplan/`,
    url: `http://${HOST}:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
