// What the test suite (playwright.config.ts) and the benchmark (playwright.bench.config.ts)
// share: the system Chromium and its flags, and a port per checkout.
//
// Browsers are never downloaded (`npx playwright install` cannot work here): the system
// Chromium is used, path from $CHROMIUM_PATH (default /usr/bin/chromium). Without the
// background-networking flags it keeps trying hosts this machine's closed network refuses.

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A port from `base` to `base + 999` derived from the checkout's path, so suites run side by
 * side in several checkouts never talk to each other's server. */
export function checkoutPort(base: number): number {
  let hash = 0;
  for (const char of process.cwd()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return base + (hash % 1000);
}
