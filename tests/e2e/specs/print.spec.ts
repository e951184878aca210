import { test, expect } from "../fixtures";
import { ViewsPage } from "../pages/views";

// The Tasks table renders only the rows on screen; printed, it holds every row, without the
// app's chrome and without cutting any text short. Emulated print media fires no
// `beforeprint`, so this also checks that the table listens to the `print` media query.

test.use({ viewport: { width: 1000, height: 600 } });

test("the Tasks table prints every row, whole, without the app around it", async ({ page }) => {
  const views = new ViewsPage(page);
  await views.openSample();
  await views.useTheme("dark");
  const table = page.getByRole("table");
  const rows = table.getByRole("rowheader");
  const total = Number((await table.getAttribute("aria-rowcount")) ?? "0") - 1;
  expect(total).toBeGreaterThan(30);
  await expect.poll(() => rows.count()).toBeLessThan(total);

  await page.emulateMedia({ media: "print" });
  await expect(rows).toHaveCount(total);
  for (const chrome of [page.getByRole("banner"), views.navigation, page.getByLabel("Filter tasks"), page.getByRole("button", { name: "New task" })]) {
    await expect(chrome).toBeHidden();
  }
  // Nothing is cut off: every cell shows all of its text, and the table fits the page's width.
  const clipped = await table.evaluate((element) =>
    Array.from(element.querySelectorAll("th, td"))
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => cell.textContent?.trim()),
  );
  expect(clipped).toEqual([]);
  const tableWidth = await table.evaluate((element) => element.getBoundingClientRect().width);
  expect(tableWidth).toBeLessThanOrEqual(1000);
  // Black on white, whatever the theme on screen.
  const colours = await page.evaluate(() => {
    const body = getComputedStyle(document.documentElement);
    const title = getComputedStyle(document.querySelector(".tasks__title")!);
    return [body.backgroundColor, title.color];
  });
  expect(colours).toEqual(["rgb(255, 255, 255)", "rgb(0, 0, 0)"]);

  await page.emulateMedia({ media: "screen" });
  await expect.poll(() => rows.count()).toBeLessThan(total);
  await expect(page.getByRole("banner")).toBeVisible();
});
