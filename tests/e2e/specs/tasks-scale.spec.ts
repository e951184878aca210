import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";
import { generatedTask, generatedTaskId, planFile } from "../pages/plans";

/** A valid plan file with `count` tasks in one column, "Task 1" … "Task N". */
function bigPlan(count: number) {
  const tasks = Array.from({ length: count }, (_, index) =>
    generatedTask(index + 1, `Task ${index + 1}`, index % 3 === 1 ? { dependencies: [{ predecessor: generatedTaskId(index) }] } : {}),
  );
  return planFile("Two thousand tasks", 1, tasks);
}

test("a long task list keeps only the rows on screen in the page, and prints them all", async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.importFile({
    name: "big.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(bigPlan(2000))),
  });
  await expect(page.getByRole("heading", { level: 1, name: "Two thousand tasks" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("button", { name: "Task 1", exact: true })).toBeVisible();
  expect(await table.locator("tbody tr.table__row").count()).toBeLessThan(120);
  await expect(table).toHaveAttribute("aria-rowcount", "2001");

  await page.locator(".tasks__scroll").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  await expect(table.getByRole("button", { name: "Task 2000", exact: true })).toBeVisible();
  expect(await table.locator("tbody tr.table__row").count()).toBeLessThan(120);

  await page.getByLabel("Filter tasks").fill("Task 1999");
  expect(await app.taskTitles()).toEqual(["Task 1999"]);
  await page.getByLabel("Filter tasks").fill("");

  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(table.locator("tbody tr.table__row")).toHaveCount(2000);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect.poll(() => table.locator("tbody tr.table__row").count()).toBeLessThan(120);
});
