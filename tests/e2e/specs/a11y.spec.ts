import { readFileSync } from "node:fs";
import { test, expect } from "../fixtures";
import type { Page } from "@playwright/test";
import { PROJECT_VIEWS, SAMPLE_PROJECT, ViewsPage } from "../pages/views";

// axe-core (WCAG 2.1 A and AA) on every view and dialog, in both themes. Each check names the
// place, so a failure reads "Board (dark): color-contrast (serious): …".

test("no automatically detectable accessibility violations on the welcome screen", async ({ page }) => {
  const views = new ViewsPage(page);
  await views.app.open();
  await expect(page.getByRole("heading", { name: "Welcome to Ironplan" })).toBeVisible();
  expect(await views.accessibilityViolations()).toEqual([]);
});

/**
 * Opens the sample project in `theme`. `check(place)` runs axe on what is on screen and adds
 * each violation, named by place and theme, to `found`, which the test expects to stay empty.
 */
async function sampleUnderAudit(page: Page, theme: "light" | "dark") {
  const views = new ViewsPage(page);
  await views.openSample();
  await views.useTheme(theme);
  const found: string[] = [];
  const check = async (place: string) => {
    for (const violation of await views.accessibilityViolations()) found.push(`${place} (${theme}): ${violation}`);
  };
  return { views, found, check };
}

for (const theme of ["light", "dark"] as const) {
  test.describe(`in the ${theme} theme`, () => {
    // A dozen axe runs per test: more time than one journey needs, never a pass/fail timing.
    test.describe.configure({ timeout: 120_000 });

    test("every view of the sample project passes axe", async ({ page }) => {
      const { views, found, check } = await sampleUnderAudit(page, theme);

      await page.getByRole("link", { name: "Projects", exact: true }).click();
      await expect(page.getByRole("link", { name: SAMPLE_PROJECT })).toBeVisible();
      await check("Projects");
      await page.getByRole("link", { name: SAMPLE_PROJECT }).click();
      for (const view of PROJECT_VIEWS) {
        await views.openView(view);
        await check(view);
        if (view === "Settings") await page.keyboard.press("Escape");
      }

      // Views in their other states: a menu open, toggles on, a selection made.
      await views.openView("Board");
      await page.getByRole("button", { name: "Move to…" }).first().click();
      await expect(page.getByRole("menu")).toBeVisible();
      await check("Board, “Move to…” menu");
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menu")).toBeHidden();
      await page.getByLabel("Swimlanes").selectOption({ index: 1 });
      await check("Board, swimlanes");

      await views.openView("Timeline");
      await page.getByRole("button", { name: "Critical path" }).click();
      await page.getByRole("button", { name: "Baseline", exact: true }).click();
      await expect(page.getByRole("button", { name: "Baseline", exact: true })).toHaveAttribute("aria-pressed", "true");
      await check("Timeline, critical path and baseline");

      // The Calendar beyond its first look: its month, its week, and its "+N more".
      await page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name: "Calendar", exact: true }).click();
      await expect(page.getByRole("grid")).toBeVisible();
      await check("Calendar");
      await page.getByRole("button", { name: "Week", exact: true }).click();
      await expect(page.getByRole("button", { name: "Next week" })).toBeVisible();
      await check("Calendar, week");
      await page.getByRole("button", { name: "Month", exact: true }).click();
      const more = page.getByRole("grid").getByRole("button", { name: /^\+\d+ more$/ });
      if ((await more.count()) === 0) await page.getByRole("button", { name: "Previous month" }).click();
      await more.first().click();
      await expect(page.getByRole("dialog", { name: /^More tasks on / })).toBeVisible();
      await check("Calendar, “+N more” dialog");
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog", { name: /^More tasks on / })).toBeHidden();

      await views.openView("Dashboard");
      await page.locator(".workload__cell").first().click();
      await expect(page.getByRole("region", { name: "Tasks behind the selected cell" })).toBeVisible();
      await check("Dashboard, workload cell selected");
      for (const details of await page.locator(".chart__data summary").all()) await details.click();
      await check("Dashboard, chart data tables");
      expect(found).toEqual([]);
    });

    test("every dialog passes axe while open", async ({ page }) => {
      const { views, found, check } = await sampleUnderAudit(page, theme);

      // The task editor.
      await views.openView("Tasks");
      await page.getByRole("table").getByRole("rowheader").first().getByRole("button").last().click();
      await expect(views.app.editor).toBeVisible();
      await check("Task editor");
      const parent = views.app.editor.getByRole("combobox", { name: "Parent task" });
      await parent.focus();
      await page.keyboard.press("ArrowDown");
      await expect(parent).toHaveAttribute("aria-expanded", "true");
      await check("Task editor, Parent task list open");
      await page.keyboard.press("Escape");
      await expect(parent).toHaveAttribute("aria-expanded", "false");
      await page.keyboard.press("Escape");
      await expect(views.app.editor).toBeHidden();

      // The keyboard shortcuts.
      await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
      const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await expect(shortcuts).toBeVisible();
      await check("Keyboard shortcuts");
      await page.keyboard.press("Escape");
      await expect(shortcuts).toBeHidden();

      // An import that meets a project already here.
      const { path } = await views.app.exportProject();
      await views.app.importFile({ name: "sample.ironplan.json", mimeType: "application/json", buffer: readFileSync(path) });
      const conflict = page.getByRole("dialog", { name: "This project already exists" });
      await expect(conflict).toBeVisible();
      await check("Import conflict");
      await conflict.getByRole("button", { name: "Cancel" }).click();
      await expect(conflict).toBeHidden();

      // A confirmation.
      await page.getByRole("button", { name: "Delete", exact: true }).first().click();
      const confirm = page.getByRole("dialog", { name: `Delete project “${SAMPLE_PROJECT}”?` });
      await expect(confirm).toBeVisible();
      await check("Confirm delete");
      await confirm.getByRole("button", { name: "Cancel" }).click();
      await expect(confirm).toBeHidden();

      // A new project.
      await page.getByRole("button", { name: "New project" }).first().click();
      const newProject = page.getByRole("dialog", { name: "New project" });
      await expect(newProject).toBeVisible();
      await check("New project");
      // With its inline errors showing, too.
      await newProject.getByRole("button", { name: "Save", exact: true }).click();
      await expect(newProject.getByText("Enter a project name.")).toBeVisible();
      await check("New project with errors");
      await page.keyboard.press("Escape");
      await expect(newProject).toBeHidden();

      expect(found).toEqual([]);
    });
  });
}
