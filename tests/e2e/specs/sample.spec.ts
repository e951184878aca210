import { test, expect } from "../fixtures";
import { PROJECT_VIEWS, SAMPLE_PROJECT, ViewsPage } from "../pages/views";

// The fixture fails a test on any page error or console error, so walking every view of the
// realistic sample is a smoke test of all of them together.

test("the sample project opens every view without an error", async ({ page }) => {
  const views = new ViewsPage(page);
  await views.openSample();
  await expect(page.getByRole("heading", { level: 1, name: SAMPLE_PROJECT })).toBeVisible();

  for (const view of PROJECT_VIEWS) {
    await views.openView(view);
    await expect(page).toHaveURL(new RegExp(`#/p/[^/]+/${view === "Stand-up" ? "standup" : view === "Status report" ? "report" : view.toLowerCase()}$`));
    if (view === "Settings") {
      await page.keyboard.press("Escape");
      await expect(views.content("Settings")).toBeHidden();
    }
  }

  // Each view also opens straight from its address, as after a reload.
  for (const view of ["Board", "Timeline", "Dashboard"] as const) {
    await views.openView(view);
    await views.app.reload();
    await expect(views.content(view)).toBeVisible();
  }
});
