import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";

/** Waits until the service worker controls the page and answers, so the next load can be
 * offline. A worker the browser stopped while idle may be too slow to start on a busy machine
 * for an offline navigation; a ping wakes it first. */
async function waitForOfflineReady(app: AppPage) {
  await app.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      // The worker claims open pages when it activates; wait for that hand-over.
      await new Promise<void>((resolve) => {
        navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true });
        if (navigator.serviceWorker.controller) resolve();
      });
    }
    const worker = navigator.serviceWorker.controller ?? registration.active!;
    await new Promise<void>((resolve) => {
      navigator.serviceWorker.addEventListener("message", (event) => {
        if (event.data === "pong") resolve();
      });
      worker.postMessage("ping");
    });
  });
}

for (const base of ["./", "/ironplan/"]) {
  test(`after one visit the app loads and works with the network off (${base})`, async ({ page, context }) => {
    const app = new AppPage(page);
    await app.open(base);
    await waitForOfflineReady(app);
    await context.setOffline(true);
    await page.reload();
    await app.ready();
    await app.createProject("Planned on a train");
    await app.newTask("Offline task", { estimate: "3" });
    await app.openTask("Offline task");
    await app.fillTask({ title: "Offline task, edited" });
    await app.editor.getByRole("button", { name: "Save", exact: true }).click();
    await app.waitUntilSaved();
    await waitForOfflineReady(app);
    await app.reload();
    expect(await app.taskTitles()).toEqual(["Offline task, edited"]);
    await context.setOffline(false);
  });
}

test("a new deployment is offered with Reload, never applied by itself", async ({ page, request }) => {
  const app = new AppPage(page);
  await app.open("/staging/");
  await waitForOfflineReady(app);
  await app.createProject("Before the update");
  await app.waitUntilSaved();
  await request.get("/__test/new-deployment");
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const prompt = page.getByRole("status").filter({ hasText: "A new version is available" });
  await expect(prompt).toBeVisible();
  // Editing goes on; nothing reloads by itself: the page keeps a mark a reload would wipe, and
  // the new version stays waiting after the edit is saved.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await app.newTask("Typed while the update waited");
  await app.waitUntilSaved();
  await expect
    .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)))
    .toBe(true);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect(page.getByRole("table").getByRole("button", { name: "Typed while the update waited" })).toBeVisible();
  const reloaded = page.waitForEvent("load");
  await prompt.getByRole("button", { name: "Reload" }).click();
  await reloaded;
  await app.ready();
  await expect(prompt).toBeHidden();
  expect(await app.taskTitles()).toEqual(["Typed while the update waited"]);
  const caches = await page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith("ironplan-")));
  expect(caches).toHaveLength(1);
});

test("the app is installable: a manifest with icons and a theme colour", async ({ page, request }) => {
  const app = new AppPage(page);
  await app.open();
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href!)).json();
  expect(manifest.name).toBe("Ironplan");
  expect(manifest.short_name).toBe("Ironplan");
  expect(manifest.display).toBe("standalone");
  expect(manifest.theme_color).toMatch(/^#/);
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, new URL(href!, page.url())).href);
    expect(response.ok()).toBe(true);
  }
});
