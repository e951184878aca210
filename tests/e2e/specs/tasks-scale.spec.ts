import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";

/** A valid plan file with `count` tasks in one column, "Task 1" … "Task N". */
function bigPlan(count: number) {
  const hex = (value: number) => value.toString(16).padStart(12, "0");
  const column = "c0000000-0000-4000-8000-000000000001";
  const tasks = Array.from({ length: count }, (_, index) => ({
    id: `70000000-0000-4000-8000-${hex(index + 1)}`,
    title: `Task ${index + 1}`,
    column,
    start: "2027-01-04",
    end: "2027-01-08",
    created: "2027-01-01",
    ...(index % 3 === 1 ? { dependencies: [{ predecessor: `70000000-0000-4000-8000-${hex(index)}` }] } : {}),
  }));
  return {
    format: "ironplan",
    version: 2,
    kind: "project",
    project: {
      id: "80000000-0000-4000-8000-000000000001",
      name: "Two thousand tasks",
      start: "2027-01-04",
      budget: { amount: 0, currency: "EUR" },
      columns: [{ id: column, name: "To do", category: "todo" }],
      tasks,
    },
    people: [],
  };
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
