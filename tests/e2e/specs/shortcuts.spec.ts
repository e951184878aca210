import { test, expect } from "../fixtures";
import { ViewsPage } from "../pages/views";

test.describe("keyboard shortcuts", () => {
  test("“?” and the “Keyboard shortcuts” button open the list, and every shortcut names its pointer way", async ({ page }) => {
    const views = new ViewsPage(page);
    await views.openSample();
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });

    await page.keyboard.press("?");
    await expect(dialog).toBeVisible();
    for (const place of ["Anywhere, outside text fields", "Board, on a card", "Timeline, on a bar", "Stand-up, on the people", "Dialogs and menus"]) {
      await expect(dialog.getByRole("heading", { name: place })).toBeVisible();
    }
    await expect(dialog.getByRole("table", { name: "Anywhere, outside text fields" })).toContainText("Ctrl+Shift+Z");
    await expect(dialog.getByRole("table", { name: "Board, on a card" })).toContainText("“Move to…” menu");
    // Every listed shortcut says how to do the same without a keyboard.
    const rows = dialog.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(10);
    for (const row of await rows.all()) {
      const cells = await row.getByRole("cell").allInnerTexts();
      expect(cells).toHaveLength(3);
      for (const cell of cells) expect(cell.trim()).not.toBe("");
    }
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // The header button opens it too, and "Close" closes it, giving the focus back.
    const button = page.getByRole("button", { name: "Keyboard shortcuts" });
    await button.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test("“?” typed into a text field is just a character", async ({ page }) => {
    const views = new ViewsPage(page);
    await views.openSample();
    const filter = page.getByLabel("Filter tasks");
    await filter.click();
    await page.keyboard.type("what?");
    await expect(filter).toHaveValue("what?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
  });

  test("Ctrl+Z and Ctrl+Y work as the Undo and Redo buttons do", async ({ page }) => {
    const views = new ViewsPage(page);
    await views.openSample();
    await views.useTheme("dark");
    await page.keyboard.press("Control+z");
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", "dark");
    await page.keyboard.press("Control+y");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", "dark");
    await page.getByRole("button", { name: "Redo" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  });
});
