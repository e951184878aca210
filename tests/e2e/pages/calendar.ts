import { expect, type Locator, type Page } from "@playwright/test";

/** Dates as the app shows them with the pinned en-US locale and UTC time zone. */
const FULL = new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeZone: "UTC" });
const MEDIUM = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** An ISO day ("2026-03-02") as a UTC `Date`. */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
/** A `Date` as an ISO day. */
export const iso = (date: Date): string => date.toISOString().slice(0, 10);
/** `date` moved by `days` calendar days. */
export const plusDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);
/** "Wednesday, March 3, 2027": how a day cell is named. */
export const fullDate = (date: Date): string => FULL.format(date);
/** "Mar 3, 2027": how a task's dates read in its name. */
export const mediumDate = (date: Date): string => MEDIUM.format(date);
/** "March 2027": the heading of a month. */
export const monthHeading = (date: Date): string => MONTH.format(date);

/** The accessible name of a task's button: its title, then its dates. */
export function taskName(title: string, start: Date, end: Date): string {
  return start.getTime() === end.getTime()
    ? `${title}, ${mediumDate(start)}`
    : `${title}, ${mediumDate(start)} to ${mediumDate(end)}`;
}

/** Page object for the Calendar view: the month grid (or the day list), its toolbar and dialogs. */
export class CalendarPage {
  constructor(readonly page: Page) {}

  /** Opens the Calendar of the open project through its navigation link. */
  async open() {
    await this.page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name: "Calendar", exact: true }).click();
    await expect(this.region).toBeVisible();
  }

  get region(): Locator {
    return this.page.getByRole("region", { name: "Calendar" });
  }

  /** The month (or week) grid. */
  get grid(): Locator {
    return this.region.getByRole("grid");
  }

  /** The heading naming the month or week shown. */
  get heading(): Locator {
    return this.region.getByRole("heading", { level: 2 });
  }

  /** A toolbar button by its exact name ("Previous month", "Today", "Week"…). */
  button(name: string): Locator {
    return this.region.getByRole("button", { name, exact: true });
  }

  /** The day cell of `date`. */
  day(date: Date): Locator {
    return this.grid.getByRole("gridcell", { name: fullDate(date), exact: true });
  }

  /** Every "+N more" button shown. */
  get moreButtons(): Locator {
    return this.grid.getByRole("button", { name: /^\+\d+ more$/ });
  }

  /** The task bars drawn in the grid, milestones left out. */
  get bars(): Locator {
    return this.grid.locator(".calendar__task--bar:not(.calendar__task--milestone)");
  }

  /** A task's (first) button, found by its title. */
  task(title: string): Locator {
    return this.region.getByRole("button", { name: new RegExp(`^${escape(title)}, `) }).first();
  }

  /** The title of a task's button and the ISO day of the cell it is drawn in. */
  async describe(bar: Locator): Promise<{ title: string; cell: string }> {
    return bar.evaluate((button) => ({
      title: (button.querySelector(".calendar__title")?.textContent ?? "").trim(),
      cell: (button.closest("[data-date]") as HTMLElement).dataset.date!,
    }));
  }

  /** Drags a bar with a real mouse, grabbed near its left end, onto the day cell `target`. */
  async drag(bar: Locator, target: Locator) {
    const from = await bar.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error("the bar or the day has no box");
    await this.page.mouse.move(from.x + 6, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 20, from.y + from.height / 2, { steps: 3 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height - 6, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Shows the next (or previous) month until `found` has an element, at most `tries` times. */
  async findMonthWith(found: Locator, direction: "Next month" | "Previous month", tries = 4): Promise<boolean> {
    for (let attempt = 0; attempt <= tries; attempt++) {
      if ((await found.count()) > 0) return true;
      const before = await this.heading.innerText();
      await this.button(direction).click();
      await expect(this.heading).not.toHaveText(before);
    }
    return (await found.count()) > 0;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
