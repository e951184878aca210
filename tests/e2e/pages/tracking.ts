import { expect, type Locator, type Page } from "@playwright/test";
import { AppPage, type TaskFields } from "./app";

/** Setting up plans for the tracking views: a fixed "today", people, tasks, time. */
export class TrackingPage {
  readonly app: AppPage;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  /**
   * Makes it noon (UTC) of `day` (YYYY-MM-DD) in the browser from the next page load on; time
   * keeps flowing (Playwright's fixed clock would also stop animation frames). A later call wins.
   */
  async today(day: string) {
    await this.page.addInitScript((target: number) => {
      const Real = Date;
      const offset = target - Real.now();
      class Shifted extends Real {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(Real.now() + offset);
          // @ts-expect-error: the arguments are whatever the page passed to Date.
          else super(...args);
        }
        static now() {
          return Real.now() + offset;
        }
      }
      (window as unknown as { Date: DateConstructor }).Date = Shifted as DateConstructor;
    }, Date.parse(`${day}T12:00:00Z`));
  }

  /** Opens the app on a fresh profile with today fixed to `day`. */
  async openOn(day: string) {
    await this.today(day);
    await this.app.open();
  }

  /** Opens one of the project's views by its navigation link. */
  async view(name: "Tasks" | "Dashboard" | "Stand-up" | "Status report" | "Timesheet" | "Settings") {
    await this.page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name, exact: true }).click();
  }

  /** Adds people to the open project's team through Settings, then closes the dialog. */
  async addPeople(people: { name: string; rate?: string; capacity?: string }[]) {
    await this.view("Settings");
    const dialog = this.page.getByRole("dialog", { name: "Project settings" });
    const add = dialog.getByRole("group", { name: "Add a person" });
    for (const person of people) {
      await add.getByLabel("Name").fill(person.name);
      await add.getByLabel("Hourly rate").fill(person.rate ?? "");
      await add.getByLabel("Weekly capacity").fill(person.capacity ?? "40");
      await add.getByRole("button", { name: "Add person" }).click();
      await expect(dialog.getByLabel(`Name of ${person.name}`)).toHaveValue(person.name);
    }
    await this.page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  }

  async newTask(title: string, fields: TaskFields = {}) {
    await this.app.newTask(title, fields);
  }

  /** The task editor's Time section. */
  get time(): Locator {
    return this.app.editor.getByRole("region", { name: "Time" });
  }

  /** Logs time on `task` through the task editor's "Log time" form, then closes the editor. */
  async logTime(task: string, entry: { date: string; person: string; hours: string; note?: string }) {
    await this.app.openTask(task);
    const form = this.time.getByRole("form", { name: "Log time" });
    await form.getByLabel("Date").fill(entry.date);
    await form.getByLabel("Person").selectOption({ label: entry.person });
    await form.getByLabel("Hours").fill(entry.hours);
    if (entry.note) await form.getByLabel("Note").fill(entry.note);
    await form.getByRole("button", { name: "Log time" }).click();
    await expect(this.time.getByRole("table", { name: "Time entries" })).toContainText(entry.person);
    await this.app.editor.getByRole("button", { name: "Cancel" }).click();
    await expect(this.app.editor).toBeHidden();
  }
}
