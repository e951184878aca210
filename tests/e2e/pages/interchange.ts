import { expect, type Page, type Locator } from "@playwright/test";
import { readFileSync } from "node:fs";
import { AppPage } from "./app";

/** Page object for other formats in and out: the Import report and the Export as dialog. */
export class InterchangePage {
  readonly app: AppPage;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  /** The dialog that shows what a converted file will bring, before anything changes. */
  get report(): Locator {
    return this.page.getByRole("dialog", { name: "Import report" });
  }

  /** The "Export as" dialog. */
  get exportDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Export as" });
  }

  /** The error alert the app shows when a file is refused. */
  get alert(): Locator {
    return this.page.getByRole("alert");
  }

  /** Imports `file` through the Import button and waits for the Import report. */
  async importConverted(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.app.importFile(file);
    await expect(this.report).toBeVisible();
  }

  /** The value the report shows for `term` ("Project", "Tasks", "Dependencies", ...). */
  reportValue(term: string): Locator {
    return this.report.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
  }

  /** Lines of the "Not carried over" list, or [] when everything carried over. */
  async losses(): Promise<string[]> {
    const list = this.report.getByRole("list", { name: "Not carried over" });
    if ((await list.count()) === 0) {
      await expect(this.report.getByText("Everything carried over")).toBeVisible();
      return [];
    }
    return list.getByRole("listitem").allTextContents();
  }

  /** Exports the open project through "Export as…" in the format labelled `format`. */
  async exportAs(format: string): Promise<{ name: string; text: string }> {
    await this.page.getByRole("button", { name: "Export as…" }).click();
    await expect(this.exportDialog).toBeVisible();
    await this.exportDialog.getByRole("radiogroup", { name: "Format" }).getByRole("radio", { name: format }).check();
    const download = this.page.waitForEvent("download");
    await this.exportDialog.getByRole("button", { name: "Download" }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
  }

  /** Waits until the service worker has precached the app and controls the page. */
  async waitForPrecache() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return;
      await new Promise<void>((resolve) => {
        navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true });
        if (navigator.serviceWorker.controller) resolve();
      });
    });
  }

  /** Records Content Security Policy violations from the next load on; read them with `violations`. */
  async watchPolicy() {
    await this.page.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
  }

  async violations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  }
}
