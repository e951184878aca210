import AxeBuilder from "@axe-core/playwright";
import { fileURLToPath } from "node:url";
import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";
import { BoardPage } from "../pages/board";

const serviceDesk = fileURLToPath(new URL("../../fixtures/plan-v2.json", import.meta.url));

/** A fresh project with an empty board, open on the Board view. */
async function emptyBoard(page: import("@playwright/test").Page, name = "Board test") {
  const app = new AppPage(page);
  await app.open();
  await app.createProject(name, { start: "2027-01-04" });
  const board = new BoardPage(page);
  await board.open();
  return { app, board };
}

/** The Service desk upgrade plan (tests/fixtures/plan-v2.json), imported and open on its Board. */
async function serviceDeskBoard(page: import("@playwright/test").Page) {
  const app = new AppPage(page);
  await app.open();
  await app.importFile(serviceDesk);
  await expect(page.getByRole("heading", { level: 1, name: "Service desk upgrade" })).toBeVisible();
  const board = new BoardPage(page);
  await board.open();
  return { app, board };
}

/** A plan file with `count` cards spread over To do, In progress and Done. */
function bigPlan(count: number): Buffer {
  const id = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  const columns = [
    { id: id("c0000000", 1), name: "To do", category: "todo" },
    { id: id("c0000000", 2), name: "In progress", category: "in_progress" },
    { id: id("c0000000", 3), name: "Done", category: "done" },
  ];
  const tasks = Array.from({ length: count }, (_, n) => {
    const column = n % 3;
    return {
      id: id("70000000", n + 1),
      title: `Card ${n + 1}`,
      column: columns[column].id,
      priority: ["low", "medium", "high", "urgent"][n % 4],
      tags: n % 5 === 0 ? ["ops"] : [],
      start: "2027-01-04",
      end: "2027-01-08",
      progress: column === 2 ? 100 : 0,
      created: "2027-01-01",
      ...(column === 2 ? { completed: "2027-01-08" } : {}),
    };
  });
  const plan = {
    format: "ironplan",
    version: 2,
    kind: "project",
    project: {
      id: id("50000000", 1),
      name: "Big board",
      start: "2027-01-04",
      budget: { amount: 0, currency: "EUR" },
      columns,
      tasks,
    },
    people: [],
  };
  return Buffer.from(JSON.stringify(plan));
}

test.describe("board", () => {
  test("the Board shows the columns as regions and cards with their facts", async ({ page }) => {
    const { board } = await serviceDeskBoard(page);
    await expect.poll(() => board.columnNames()).toEqual(["To do", "In progress", "Done"]);
    await expect(board.heading("In progress")).toHaveText(/^In progress 1\/4/);
    await expect(board.heading("To do")).toHaveText(/^To do 1/);

    const workflows = board.cardIn("In progress", "Configure workflows");
    await expect(workflows).toBeVisible();
    await expect(workflows.getByRole("img", { name: "Assigned to Jonas Weber" })).toHaveText("JW");
    await expect(workflows.getByRole("img", { name: "30% done" })).toBeVisible();
    await expect(workflows).toContainText("Medium priority");
    await expect(workflows).toContainText("itsm");
    await expect(workflows).toHaveAttribute("aria-keyshortcuts", /Alt\+ArrowLeft/);
    await expect(workflows).not.toContainText("Blocked");

    // Go-live waits for the unfinished "Configure workflows": blocked.
    const goLive = board.cardIn("To do", "Go-live");
    await expect(goLive.getByText("Blocked")).toBeVisible();
    await expect(goLive).toContainText("Urgent priority");
    await expect(goLive).toContainText("Mar 1, 2027");

    // Clicking a card opens the task editor.
    await workflows.click();
    const editor = page.getByRole("dialog", { name: "Edit task" });
    await expect(editor.getByLabel("Title")).toHaveValue("Configure workflows");
    await editor.getByRole("button", { name: "Cancel" }).click();

    // The same avatar colour for the same person, wherever the card is.
    const requirements = board.cardIn("Done", "Requirements");
    await expect(requirements.getByRole("img", { name: "Assigned to Priya Natarajan" })).toHaveText("PN");
  });

  test("overdue cards are marked against today", async ({ page }) => {
    const { app, board } = await emptyBoard(page, "Late work");
    await app.newTask("Missed it", { start: "2020-03-02", end: "2020-03-06" });
    await expect(board.card("Missed it")).toContainText("Overdue: Mar 6, 2020");
    await expect(board.card("Missed it")).toHaveClass(/board__card--overdue/);

    // A summary task counts its subtasks done out of all of them.
    await app.newTask("Follow up", { parent: "Missed it", start: "2020-03-02", end: "2020-03-03" });
    await expect(board.card("Missed it")).toContainText("0/1 subtasks");
    await board.moveTo(board.card("Follow up"), "Done");
    await expect(board.card("Missed it")).toContainText("1/1 subtasks");
  });

  test("a card dragged to another column and within a column stays there after a reload", async ({ page }) => {
    const { app, board } = await emptyBoard(page, "Dragging");
    await board.quickAdd("To do", "Alpha", "Bravo", "Charlie");
    await expect.poll(() => board.titles("To do")).toEqual(["Alpha", "Bravo", "Charlie"]);

    await board.drag(board.card("Alpha"), await board.pointAtBottom("In progress"));
    await expect(board.cardIn("In progress", "Alpha")).toBeVisible();
    await expect.poll(() => board.titles("To do")).toEqual(["Bravo", "Charlie"]);
    await expect(board.liveRegion).toHaveText("Moved “Alpha” to In progress, position 1 of 1.");

    await board.drag(board.card("Charlie"), await board.pointBefore(board.card("Bravo")));
    await expect.poll(() => board.titles("To do")).toEqual(["Charlie", "Bravo"]);

    // Into a position between two cards of another column.
    await board.quickAdd("In progress", "Delta");
    await board.drag(board.card("Bravo"), await board.pointBefore(board.card("Delta")));
    await expect.poll(() => board.titles("In progress")).toEqual(["Alpha", "Bravo", "Delta"]);

    await app.reload();
    await expect(board.board).toBeVisible();
    await expect.poll(() => board.titles("To do")).toEqual(["Charlie"]);
    await expect.poll(() => board.titles("In progress")).toEqual(["Alpha", "Bravo", "Delta"]);
  });

  test("Escape cancels a drag and nothing moves", async ({ page }) => {
    const { board } = await emptyBoard(page, "Cancelling");
    await board.quickAdd("To do", "Stay put");
    await board.pickUp(board.card("Stay put"));
    const target = await board.pointAtBottom("Done");
    await page.mouse.move(target.x, target.y, { steps: 10 });
    await expect(board.column("Done").locator(".board__placeholder")).toHaveCount(1);
    await page.keyboard.press("Escape");
    await expect(page.locator(".board__placeholder")).toHaveCount(0);
    await page.mouse.up();
    await expect.poll(() => board.titles("To do")).toEqual(["Stay put"]);
    await expect.poll(() => board.titles("Done")).toEqual([]);
    // No move was recorded: the next undo takes back the quick add.
    await page.keyboard.press("Control+z");
    await expect(board.liveRegion).toHaveText("Undone: Add task.");
    await expect.poll(() => board.titles("To do")).toEqual([]);
  });

  test("keyboard moves keep the focus on the card and are announced", async ({ page }) => {
    const { board } = await emptyBoard(page, "Keyboard");
    await board.quickAdd("To do", "First", "Second");
    const first = board.card("First");
    await first.focus();

    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(() => board.titles("To do")).toEqual(["Second", "First"]);
    await expect(first).toBeFocused();
    await expect(board.liveRegion).toHaveText("Moved “First” to To do, position 2 of 2.");

    await page.keyboard.press("Alt+ArrowDown");
    await expect(board.liveRegion).toHaveText("“First” is already at the bottom of its column.");

    await page.keyboard.press("Alt+ArrowRight");
    await expect(board.cardIn("In progress", "First")).toBeFocused();
    await expect(board.liveRegion).toHaveText("Moved “First” to In progress, position 1 of 1.");

    await page.keyboard.press("Alt+ArrowUp");
    await expect(board.liveRegion).toHaveText("“First” is already at the top of its column.");

    // Plain arrows move the focus, not the card.
    await page.keyboard.press("ArrowLeft");
    await expect(board.card("Second")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(first).toBeFocused();

    // "Move to…" without a mouse: open the menu from the keyboard, pick Done with arrows.
    await page.keyboard.press("Tab");
    await expect(first.getByRole("button", { name: "Move to…" })).toBeFocused();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu", { name: "Move “First” to" });
    await expect(menu.getByRole("menuitem", { name: "To do" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: "Done" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toBeHidden();
    await expect(board.cardIn("Done", "First")).toBeFocused();
    await expect(board.liveRegion).toHaveText("Moved “First” to Done, position 1 of 1.");

    // Escape closes the menu and gives the focus back to its button.
    await board.card("Second").getByRole("button", { name: "Move to…" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toBeHidden();
    await expect(board.card("Second").getByRole("button", { name: "Move to…" })).toBeFocused();

    // Enter on a focused card opens the editor.
    await board.card("Second").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Edit task" }).getByLabel("Title")).toHaveValue("Second");
  });

  test("moving a card into Done completes it; out again reopens it", async ({ page }) => {
    const { board } = await serviceDeskBoard(page);
    const workflows = board.card("Configure workflows");
    await expect(workflows.getByRole("img", { name: "30% done" })).toBeVisible();
    await board.drag(workflows, await board.pointAtBottom("Done"));
    await expect(board.cardIn("Done", "Configure workflows").getByRole("img", { name: "100% done" })).toBeVisible();
    // Its successor is no longer blocked.
    await expect(board.card("Go-live")).not.toContainText("Blocked");

    await board.moveTo(board.card("Configure workflows"), "In progress");
    await expect(board.cardIn("In progress", "Configure workflows")).toBeFocused();
    await board.card("Configure workflows").click();
    const editor = page.getByRole("dialog", { name: "Edit task" });
    await expect(editor.getByLabel("Progress (%)")).toHaveValue("100");
    await editor.getByRole("button", { name: "Cancel" }).click();
  });

  test("a blocked card going into Done asks for confirmation first", async ({ page }) => {
    const { board } = await serviceDeskBoard(page);
    const goLive = board.card("Go-live");
    await board.drag(goLive, await board.pointAtBottom("Done"));
    const question = page.getByRole("dialog", { name: "Move “Go-live” to Done?" });
    await expect(question).toContainText("“Configure workflows” is not done yet");
    await question.getByRole("button", { name: "Cancel" }).click();
    await expect(question).toBeHidden();
    await expect.poll(() => board.titles("Done")).toEqual(["Requirements"]);
    await expect(board.cardIn("To do", "Go-live")).toBeFocused();

    // From the keyboard too; confirming moves it and completes it.
    await page.keyboard.press("Alt+ArrowRight");
    await expect(board.cardIn("In progress", "Go-live")).toBeFocused();
    await page.keyboard.press("Alt+ArrowRight");
    await expect(question).toBeVisible();
    await question.getByRole("button", { name: "Move anyway" }).click();
    await expect(board.cardIn("Done", "Go-live").getByRole("img", { name: "100% done" })).toBeVisible();
    await expect(board.cardIn("Done", "Go-live")).toBeFocused();
  });

  test("a column over its WIP limit is flagged and its heading says so", async ({ page }) => {
    const { board } = await emptyBoard(page, "Limits");
    await board.setWipLimit("In progress", "4");
    await expect(board.heading("In progress")).toHaveText(/^In progress 0\/4$/);
    await board.quickAdd("In progress", "One", "Two", "Three", "Four");
    await expect(board.heading("In progress")).toHaveText(/^In progress 4\/4$/);
    await expect(board.column("In progress")).not.toHaveClass(/board__column--over-limit/);

    await board.quickAdd("In progress", "Five");
    await expect(board.heading("In progress")).toHaveText(/^In progress 5\/4 Over limit$/);
    await expect(board.column("In progress")).toHaveClass(/board__column--over-limit/);

    // A bad limit is explained beside the field and nothing changes.
    const dialog = await board.editColumn("In progress");
    await dialog.getByLabel("WIP limit").fill("lots");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toContainText("A WIP limit is a whole number of cards, at least 1");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(board.heading("In progress")).toHaveText(/^In progress 5\/4/);

    // Moving one out clears the flag.
    await board.card("Five").focus();
    await page.keyboard.press("Alt+ArrowRight");
    await expect(board.column("In progress")).not.toHaveClass(/board__column--over-limit/);
  });

  test("filters hide cards, say how many, and swimlanes group by assignee", async ({ page }) => {
    // Tall enough for every swimlane of the plan to be on screen at once.
    await page.setViewportSize({ width: 1280, height: 1100 });
    const { board } = await serviceDeskBoard(page);
    await board.quickAdd("To do", "Deploy portal", "Write runbook");
    await expect(board.count).toHaveText("5 cards");

    await page.getByLabel("Filter cards").fill("deploy");
    await expect.poll(() => board.titles("To do")).toEqual(["Deploy portal"]);
    await expect(board.count).toHaveText("1 of 5 cards shown, 4 hidden by the filter");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(board.count).toHaveText("5 cards");

    await page.getByLabel("Assignee").selectOption({ label: "Jonas Weber" });
    await expect(board.count).toHaveText("1 of 5 cards shown, 4 hidden by the filter");
    await expect(board.card("Configure workflows")).toBeVisible();
    await page.getByLabel("Assignee").selectOption({ label: "Anyone" });

    await page.getByLabel("Tag").selectOption({ label: "itsm" });
    await expect(board.count).toHaveText("1 of 5 cards shown, 4 hidden by the filter");
    await page.getByLabel("Tag").selectOption({ label: "Any tag" });

    await page.getByLabel("Priority").selectOption({ label: "Urgent" });
    await expect(board.count).toHaveText("1 of 5 cards shown, 4 hidden by the filter");
    await expect(board.card("Go-live")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();

    await page.getByLabel("Swimlanes").selectOption({ label: "By assignee" });
    const priya = board.board.getByRole("region", { name: "Priya Natarajan", exact: true });
    const unassigned = board.board.getByRole("region", { name: "Unassigned", exact: true });
    await expect(priya.getByRole("article", { name: "Requirements" })).toBeVisible();
    await expect(unassigned.getByRole("article", { name: "Deploy portal" })).toBeVisible();
    await expect(board.board.getByRole("region", { name: "Jonas Weber", exact: true })).toBeVisible();

    // Dropping into a person's lane assigns the card to them.
    const priyaInProgress = priya.getByRole("group", { name: "In progress, Priya Natarajan" });
    await board.drag(unassigned.getByRole("article", { name: "Write runbook" }), async () => {
      const box = await priyaInProgress.boundingBox();
      if (!box) throw new Error("the lane is not on screen");
      return { x: box.x + box.width / 2, y: box.y + 30 };
    });
    await expect(priyaInProgress.getByRole("article", { name: "Write runbook" })).toBeVisible();
    await expect(board.card("Write runbook").getByRole("img", { name: "Assigned to Priya Natarajan" })).toBeVisible();
  });

  test("quick add takes one title after another with Enter", async ({ page }) => {
    const { board } = await emptyBoard(page, "Quick");
    const todo = board.column("To do");
    await todo.getByRole("button", { name: "New task", exact: true }).click();
    const field = todo.getByLabel("Title of the new task");
    await expect(field).toBeFocused();
    await page.keyboard.type("Order laptops");
    await page.keyboard.press("Enter");
    await expect(field).toHaveValue("");
    await expect(field).toBeFocused();
    await page.keyboard.type("Image laptops");
    await page.keyboard.press("Enter");
    await expect.poll(() => board.titles("To do")).toEqual(["Order laptops", "Image laptops"]);
    await expect(board.liveRegion).toHaveText("Added “Image laptops” to To do.");
    await page.keyboard.press("Escape");
    await expect(todo.getByRole("button", { name: "New task", exact: true })).toBeFocused();
    await expect(board.heading("To do")).toHaveText(/^To do 2$/);
 
    // Closing gives the focus back to "New task", but not away from where the user already went.
    await todo.getByRole("button", { name: "New task", exact: true }).click();
    await expect(field).toBeFocused();
    await board.card("Order laptops").evaluate(async (card: HTMLElement) => {
      const input = document.activeElement as HTMLElement;
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
      card.focus();
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    });
    await expect(field).toBeHidden();
    await expect(board.card("Order laptops")).toBeFocused();
  });

  test("Ctrl+Z undoes moves, quick adds and column edits, also while a card has focus", async ({ page }) => {
    const { board } = await emptyBoard(page, "Undoing");
    await board.quickAdd("To do", "Rollback", "Keep");
    const card = board.card("Rollback");
    await card.focus();
    await page.keyboard.press("Alt+ArrowRight");
    await expect(board.cardIn("In progress", "Rollback")).toBeFocused();
    await page.keyboard.press("Control+z");
    await expect(board.liveRegion).toHaveText("Undone: Move card.");
    await expect.poll(() => board.titles("To do")).toEqual(["Rollback", "Keep"]);
    await expect.poll(() => board.titles("In progress")).toEqual([]);

    await board.drag(board.card("Keep"), await board.pointAtBottom("Done"));
    await expect.poll(() => board.titles("Done")).toEqual(["Keep"]);
    await page.keyboard.press("Control+z");
    await expect.poll(() => board.titles("Done")).toEqual([]);
    await expect.poll(() => board.titles("To do")).toEqual(["Rollback", "Keep"]);

    await board.setWipLimit("To do", "1");
    await expect(board.heading("To do")).toHaveText(/^To do 2\/1/);
    await page.keyboard.press("Control+z");
    await expect(board.heading("To do")).toHaveText(/^To do 2$/);

    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await expect.poll(() => board.titles("To do")).toEqual([]);
  });

  test("columns can be added, renamed, reordered and deleted with their cards moved", async ({ page }) => {
    const { app, board } = await emptyBoard(page, "Columns");
    await page.getByRole("button", { name: "Add column" }).click();
    const add = page.getByRole("dialog", { name: "Add column" });
    await add.getByLabel("Column name").fill("Review");
    await add.getByLabel("Category").selectOption({ label: "In progress" });
    await add.getByRole("button", { name: "Add" }).click();
    await expect(add).toBeHidden();
    await expect.poll(() => board.columnNames()).toEqual(["To do", "In progress", "Done", "Review"]);

    await board.column("Review").getByRole("button", { name: "Move column Review left" }).click();
    await expect.poll(() => board.columnNames()).toEqual(["To do", "In progress", "Review", "Done"]);
    await expect(board.column("Review").getByRole("button", { name: "Move column Review left" })).toBeFocused();

    const edit = await board.editColumn("Review");
    await edit.getByLabel("Column name").fill("Code review");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => board.columnNames()).toEqual(["To do", "In progress", "Code review", "Done"]);

    await board.quickAdd("Code review", "Check PR 12", "Check PR 13");
    const dialog = await board.editColumn("Code review");
    await dialog.getByRole("button", { name: "Delete column" }).click();
    const remove = page.getByRole("dialog", { name: "Delete column “Code review”?" });
    await expect(remove).toContainText("It holds 2 card(s)");
    await remove.getByLabel("Move its cards to").selectOption({ label: "In progress" });
    await remove.getByRole("button", { name: "Delete" }).click();
    await expect(remove).toBeHidden();
    await expect.poll(() => board.columnNames()).toEqual(["To do", "In progress", "Done"]);
    await expect.poll(() => board.titles("In progress")).toEqual(["Check PR 12", "Check PR 13"]);

    await app.reload();
    await expect.poll(() => board.columnNames()).toEqual(["To do", "In progress", "Done"]);
    await expect.poll(() => board.titles("In progress")).toEqual(["Check PR 12", "Check PR 13"]);
  });

  test("a 2,000-card board keeps a small DOM, scrolls and drags", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.importFile({ name: "big.json", mimeType: "application/json", buffer: bigPlan(2000) });
    await expect(page.getByRole("heading", { level: 1, name: "Big board" })).toBeVisible();
    const board = new BoardPage(page);
    await board.open();
    await expect(board.heading("To do")).toHaveText(/^To do 667$/);
    const elements = await page.evaluate(() => document.querySelectorAll("*").length);
    expect(elements).toBeLessThanOrEqual(1500);

    // Scrolling a column renders the cards further down, and only those.
    const list = board.column("To do").locator(".board__list");
    await list.evaluate((element) => (element.scrollTop = element.scrollHeight));
    await expect(board.card("Card 1999")).toBeVisible();
    await expect(board.card("Card 1")).toHaveCount(0);

    // Holding a dragged card near the bottom edge scrolls the column.
    await list.evaluate((element) => (element.scrollTop = 0));
    await board.pickUp(board.card("Card 1"));
    const edge = await list.boundingBox();
    if (!edge) throw new Error("the list is not on screen");
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height - 6, { steps: 5 });
    await expect.poll(() => list.evaluate((element) => element.scrollTop)).toBeGreaterThan(600);
    await page.keyboard.press("Escape");
    await page.mouse.up();
    await expect(board.heading("To do")).toHaveText(/^To do 667$/);

    // Dragging still works: the last card to the top of In progress.
    await list.evaluate((element) => (element.scrollTop = element.scrollHeight));
    await board.drag(board.card("Card 1999"), await board.pointBefore(board.card("Card 2")));
    await expect(board.liveRegion).toHaveText("Moved “Card 1999” to In progress, position 1 of 668.");
    await expect.poll(async () => (await board.titles("In progress"))[0]).toBe("Card 1999");
  });

  test("the board has no automatically detectable accessibility violations", async ({ page }) => {
    const { board } = await serviceDeskBoard(page);
    await board.quickAdd("To do", "Accessible card");
    const results = await new AxeBuilder({ page }).include(".board").withTags(["wcag2a", "wcag2aa"]).analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
    expect(summary).toEqual([]);
  });
});

test.describe("board on a touch screen", () => {
  test.use({ hasTouch: true });

  test("a finger drags a card by its grip", async ({ page }) => {
    const { board } = await emptyBoard(page, "Touch");
    await board.quickAdd("To do", "Swipe me", "Stay");
    const grip = board.card("Swipe me").locator(".board__handle");
    const from = await grip.boundingBox();
    const to = await board.pointAtBottom("In progress");
    if (!from) throw new Error("the grip is not on screen");
    const client = await page.context().newCDPSession(page);
    const touch = (type: string, x: number, y: number) =>
      client.send("Input.dispatchTouchEvent", {
        type,
        touchPoints: type === "touchEnd" ? [] : [{ x, y, id: 1 }],
      });
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    await touch("touchStart", start.x, start.y);
    for (let step = 1; step <= 12; step++) {
      await touch("touchMove", start.x + ((to.x - start.x) * step) / 12, start.y + ((to.y - start.y) * step) / 12);
    }
    await expect(board.column("In progress").locator(".board__placeholder")).toHaveCount(1);
    await touch("touchEnd", to.x, to.y);
    await expect(board.cardIn("In progress", "Swipe me")).toBeVisible();
    await expect.poll(() => board.titles("To do")).toEqual(["Stay"]);
  });
});
