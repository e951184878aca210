import { expect, type Locator, type Page } from "@playwright/test";

/** The Status report view: the printable report, its toolbar and the risks list. */
export class ReportPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name: "Status report", exact: true }).click();
    await expect(this.report).toBeVisible();
  }

  get report(): Locator {
    return this.page.getByRole("article");
  }

  get risks(): Locator {
    return this.page.getByRole("region", { name: "Risks and issues", exact: true });
  }

  async addRisk(risk: { kind?: "Risk" | "Issue"; title: string; owner?: string; impact?: "High" | "Medium" | "Low"; due?: string }) {
    const form = this.risks.getByRole("form", { name: "Add a risk or issue" });
    if (risk.kind) await form.getByLabel("Kind").selectOption({ label: risk.kind });
    await form.getByLabel("Title").fill(risk.title);
    if (risk.owner) await form.getByLabel("Owner").selectOption({ label: risk.owner });
    if (risk.impact) await form.getByLabel("Impact").selectOption({ label: risk.impact });
    if (risk.due) await form.getByLabel("Due date").fill(risk.due);
    await form.getByRole("button", { name: "Add risk" }).click();
    await expect(this.risks.getByRole("row", { name: new RegExp(risk.title) })).toBeVisible();
  }

  /** Exports the report in `format` and returns the downloaded text and file name. */
  async export(format: "HTML" | "Markdown"): Promise<{ name: string; text: string }> {
    const { readFile } = await import("node:fs/promises");
    if ((await this.page.getByRole("button", { name: "Export report" }).getAttribute("aria-expanded")) !== "true") {
      await this.page.getByRole("button", { name: "Export report" }).click();
    }
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: `Download ${format}` }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
  }
}
