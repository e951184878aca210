import { expect, type Page, type Locator } from "@playwright/test";

/** Page object for the Board view: columns, cards, quick add, real mouse drags and the keyboard. */
export class BoardPage {
  constructor(readonly page: Page) {}

  /** Opens the Board of the open project through its navigation link. */
  async open() {
    await this.page.getByRole("link", { name: "Board", exact: true }).click();
    await expect(this.board).toBeVisible();
  }

  get board(): Locator {
    return this.page.getByRole("region", { name: "Board", exact: true });
  }

  /** The column region named `name`. */
  column(name: string): Locator {
    return this.board.getByRole("region", { name, exact: true });
  }

  /** A column's heading, e.g. "In progress 5/4". */
  heading(column: string): Locator {
    return this.column(column).getByRole("heading", { level: 2 });
  }

  /** The card titled `title`, anywhere on the board. */
  card(title: string): Locator {
    return this.board.getByRole("article", { name: title, exact: true });
  }

  /** The card titled `title` in column `column`. */
  cardIn(column: string, title: string): Locator {
    return this.column(column).getByRole("article", { name: title, exact: true });
  }

  get liveRegion(): Locator {
    return this.page.getByTestId("live-region");
  }

  /** "12 cards" or "3 of 12 cards shown, 9 hidden by the filter". */
  get count(): Locator {
    return this.page.getByTestId("board-count");
  }

  /** Column names, left to right. */
  async columnNames(): Promise<string[]> {
    return this.board.locator("section.board__column").evaluateAll((sections) =>
      sections.map((section) => section.getAttribute("aria-label") ?? ""),
    );
  }

  /** Titles of the cards rendered in `column`, top to bottom. */
  async titles(column: string): Promise<string[]> {
    return this.column(column)
      .getByRole("article")
      .evaluateAll((cards) => cards.map((card) => (card.querySelector(".board__card-title")?.textContent ?? "").trim()));
  }

  /** Adds cards through the column's "New task" button, one Enter each, then closes quick add. */
  async quickAdd(column: string, ...titles: string[]) {
    await this.column(column).getByRole("button", { name: "New task", exact: true }).click();
    const field = this.column(column).getByLabel("Title of the new task");
    await expect(field).toBeFocused();
    for (const title of titles) {
      await this.page.keyboard.type(title);
      await this.page.keyboard.press("Enter");
      await expect(this.cardIn(column, title)).toBeVisible();
      await expect(field).toHaveValue("");
    }
    await this.page.keyboard.press("Escape");
    await expect(this.column(column).getByRole("button", { name: "New task", exact: true })).toBeFocused();
  }

  /** Presses the mouse on `card` and moves it past the drag threshold; returns where it holds the card. */
  async pickUp(card: Locator): Promise<{ x: number; y: number }> {
    await card.scrollIntoViewIfNeeded();
    const box = await card.boundingBox();
    if (!box) throw new Error("the card is not on screen");
    const x = box.x + box.width / 2;
    const y = box.y + 24;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + 12, y + 12, { steps: 4 });
    return { x, y };
  }

  /** Where to point to drop just before `card`: its upper quarter. */
  async pointBefore(card: Locator): Promise<{ x: number; y: number }> {
    const box = await card.boundingBox();
    if (!box) throw new Error("the target card is not on screen");
    return { x: box.x + box.width / 2, y: box.y + box.height / 4 };
  }

  /** Where to point to drop at the bottom of `column`: over its "New task" button. */
  async pointAtBottom(column: string): Promise<{ x: number; y: number }> {
    const box = await this.column(column).getByRole("button", { name: "New task", exact: true }).boundingBox();
    if (!box) throw new Error("the column is not on screen");
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Drags `card` with the real mouse to `to` (a point, or a function finding it once the card
   * is picked up) and drops it there. */
  async drag(card: Locator, to: { x: number; y: number } | (() => Promise<{ x: number; y: number }>)) {
    await this.pickUp(card);
    const point = typeof to === "function" ? await to() : to;
    await this.page.mouse.move(point.x, point.y, { steps: 12 });
    await expect(this.page.locator(".board__placeholder")).toHaveCount(1);
    await this.page.mouse.up();
    await expect(this.page.locator(".board__placeholder")).toHaveCount(0);
  }

  /** Opens the card's "Move to…" menu and picks `choice`. */
  async moveTo(card: Locator, choice: string) {
    await card.getByRole("button", { name: "Move to…" }).click();
    const menu = this.page.getByRole("menu");
    await expect(menu).toBeVisible();
    await menu.getByRole("menuitem", { name: choice, exact: true }).click();
  }

  /** Opens the column's edit dialog. */
  async editColumn(column: string): Promise<Locator> {
    await this.column(column).getByRole("button", { name: `Edit column ${column}` }).click();
    const dialog = this.page.getByRole("dialog", { name: `Edit column “${column}”` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Sets a column's WIP limit through its edit dialog. */
  async setWipLimit(column: string, limit: string) {
    const dialog = await this.editColumn(column);
    await dialog.getByLabel("WIP limit").fill(limit);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
  }
}
