import { expect, type Page, type Locator } from "@playwright/test";

/** Pixels per day at each zoom level (layout.rs `Scale::day_width`). */
export const DAY_WIDTH = { Day: 36, Week: 16, Month: 5, Quarter: 2 } as const;
export type Zoom = keyof typeof DAY_WIDTH;

/** Page object for the Timeline view: the task list, the chart and its toolbar. */
export class TimelinePage {
  constructor(readonly page: Page) {}

  /** Opens the Timeline of the open project through its navigation link. */
  async open() {
    await this.page.getByRole("link", { name: "Timeline", exact: true }).click();
    await expect(this.chart).toBeVisible();
  }

  get chart(): Locator {
    return this.page.getByRole("group", { name: "Timeline chart" });
  }

  get list(): Locator {
    return this.page.getByRole("table", { name: "Tasks on the timeline" });
  }

  get scroller(): Locator {
    return this.page.locator(".timeline__scroller");
  }

  /** A toolbar button by its exact name ("Day", "Critical path", "Set baseline"…). */
  button(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  async zoom(level: Zoom) {
    await this.button(level).click();
    await expect(this.button(level)).toHaveAttribute("aria-pressed", "true");
  }

  /** The focusable bar of the task titled `title`. */
  bar(title: string): Locator {
    return this.chart.getByRole("button", { name: title, exact: true });
  }

  /** The bar's body (or the diamond of a milestone), which moves it when dragged. */
  body(title: string): Locator {
    return this.bar(title).locator(".timeline__bar-body, .timeline__milestone").first();
  }

  /** A dependency arrow, named "Dependency “A” to “B”, …". */
  arrow(from: string, to: string): Locator {
    return this.chart.getByRole("button", { name: new RegExp(`^Dependency “${escape(from)}” to “${escape(to)}”`) });
  }

  /** The list row of the task titled `title`. */
  row(title: string): Locator {
    return this.list
      .getByRole("row")
      .filter({ has: this.page.locator(".timeline__title", { hasText: new RegExp(`^${escape(title)}$`) }) });
  }

  /** The start and end dates the list shows for a task, such as ["Jan 4, 2027", "Jan 6, 2027"]. */
  async dates(title: string): Promise<[string, string]> {
    const cells = this.row(title).getByRole("cell");
    return [(await cells.nth(0).innerText()).trim(), (await cells.nth(1).innerText()).trim()];
  }

  async expectDates(title: string, start: string, end: string) {
    const cells = this.row(title).getByRole("cell");
    await expect(cells.nth(0)).toHaveText(start);
    await expect(cells.nth(1)).toHaveText(end);
  }

  /** The slip cell of a task's row ("+2 d"). */
  slip(title: string): Locator {
    return this.row(title).getByRole("cell").nth(3);
  }

  /** The float cell of a task's row ("3 d", read out as "3 working days"). */
  float(title: string): Locator {
    return this.row(title).getByRole("cell").nth(2);
  }

  /** The deadline marker on a task's row, named "Deadline of <task>: <date>". */
  deadline(title: string): Locator {
    return this.chart.getByRole("img", { name: new RegExp(`^Deadline of ${escape(title)}: `) });
  }

  /**
   * Scrolls the list and chart so that a task's bar is on screen, 200 px right of the list
   * (the list is sticky and would cover bars scrolled under it).
   */
  async reveal(title: string) {
    await expect(this.bar(title)).toBeAttached();
    await this.bar(title).evaluate((bar) => {
      const box = (bar as SVGGraphicsElement).getBBox();
      const scroller = bar.closest(".timeline__scroller") as HTMLElement;
      scroller.scrollLeft = Math.max(0, box.x - 200);
      const rows = scroller.clientHeight - 48;
      if (box.y < scroller.scrollTop || box.y + 32 > scroller.scrollTop + rows) {
        scroller.scrollTop = Math.max(0, box.y - 100);
      }
    });
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }

  private async centre(locator: Locator): Promise<{ x: number; y: number }> {
    const box = await locator.boundingBox();
    if (!box) throw new Error("the element has no box");
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Drags with a real mouse from `from` by (dx, dy) pixels, in small steps. */
  private async dragFrom(from: { x: number; y: number }, dx: number, dy = 0) {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 5 });
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Drags a task's bar by `days` days at zoom `zoom`. */
  async moveBar(title: string, days: number, zoom: Zoom) {
    await this.reveal(title);
    await this.dragFrom(await this.centre(this.body(title)), days * DAY_WIDTH[zoom]);
  }

  /** Drags a task's start (`"start"`) or end (`"end"`) handle by `days` days. */
  async resizeBar(title: string, side: "start" | "end", days: number, zoom: Zoom) {
    const handle = this.bar(title).locator(".timeline__handle").nth(side === "start" ? 0 : 1);
    await this.reveal(title);
    await this.dragFrom(await this.centre(handle), days * DAY_WIDTH[zoom]);
  }

  /** Drags from the connector after `from`'s bar onto `to`'s bar: a finish-to-start link. */
  async connect(from: string, to: string) {
    await this.reveal(from);
    const start = await this.centre(this.bar(from).locator(".timeline__connector"));
    const end = await this.centre(this.body(to));
    await this.dragFrom(start, end.x - start.x, end.y - start.y);
  }

  /** Clicks a dependency arrow on the middle of its first turn, away from every bar. */
  async clickArrow(from: string, to: string) {
    await this.reveal(from);
    const arrow = this.arrow(from, to);
    const points = await arrow.locator(".timeline__arrow-line").getAttribute("points");
    if (!points) throw new Error("the arrow has no points");
    const [first, second] = points.split(" ").slice(1, 3).map((pair) => pair.split(",").map(Number));
    const plot = await this.chart.boundingBox();
    if (!plot) throw new Error("the chart has no box");
    await this.page.mouse.click(plot.x + (first[0] + second[0]) / 2, plot.y + (first[1] + second[1]) / 2);
  }

  /** The dependency dialog, opened from an arrow. */
  get dependencyDialog(): Locator {
    return this.page.getByRole("dialog", { name: /^Dependency “/ });
  }

  async setBaseline(name: string) {
    await this.button("Set baseline").click();
    const dialog = this.page.getByRole("dialog", { name: "Set baseline" });
    await dialog.getByLabel("Baseline name").fill(name);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
  }

  /** Width of a bar's body in pixels, as drawn. */
  async barWidth(title: string): Promise<number> {
    return Number(await this.body(title).getAttribute("width"));
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
