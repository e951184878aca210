//! The Board view: a project's tasks as cards in Kanban columns, moved by drag and drop, by
//! keyboard or through a "Move to…" menu, with quick add, WIP limits, filters and swimlanes.
//!
//! Components here stay thin: the layout, WIP status, card facts, move targets and window
//! math are `model::board`; every change is an `AppState` verb (`store::board`), so it is
//! undoable with Ctrl+Z. This module holds the page, the shared [`BoardContext`] and the
//! focus and confirmation plumbing; `column.rs` the columns, lanes, lists and quick add,
//! `card.rs` a card, `drag.rs` pointer dragging, `menu.rs` the "Move to…" menu,
//! `filters.rs` the filter bar and `columns.rs` the column dialogs.
//!
//! Long columns are windowed: cards have a fixed height ([`SLOT_PX`] with their gap), each
//! list renders only the cards in its scrolled viewport plus a few, and padding stands in
//! for the rest, so the DOM stays small whatever the plan size.

mod card;
mod column;
mod columns;
mod drag;
mod filters;
mod geometry;
mod menu;

use super::messages::quoted;
use super::tasks::editor::TaskEditor;
use super::widgets::ConfirmDialog;
use crate::model::board::{self, BoardFilter, BoardGrouping, BoardLayout, CardMove, Lane};
use crate::model::{ColumnId, Person, PersonId, Project, ProjectId, TaskId};
use crate::store::board::KeyMove;
use crate::store::AppState;
use column::{BoardColumns, BoardLanes};
use columns::{BoardColumnDialogs, ColumnDialog};
use drag::{DragController, DragGhost};
use filters::BoardFilterBar;
use leptos::prelude::*;
use menu::{MoveMenu, MoveMenuAnchor};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A card's height in px; `style/board.css` gives `.board__card` the same.
pub const CARD_HEIGHT_PX: u32 = 112;
/// The space under each card, in px.
pub const CARD_GAP_PX: u32 = 8;
/// One card with its gap: the unit of the window math.
pub const SLOT_PX: u32 = CARD_HEIGHT_PX + CARD_GAP_PX;
/// Cards rendered beyond each edge of a list's viewport.
pub const OVERSCAN: usize = 2;
/// Room a column needs besides its list (heading, quick add, borders) plus the page's bottom
/// padding, so a whole column fits in the window when the page is scrolled to the top.
const COLUMN_CHROME_PX: f64 = 130.0;
/// Where the board starts before it is measured, in px from the top of the page.
const DEFAULT_BOARD_TOP_PX: f64 = 300.0;
/// The shortest a column list gets: three cards.
const MIN_LIST_PX: u32 = 3 * SLOT_PX;
/// A list's height inside a swimlane: two and a half cards, so lanes stay compact.
const LANE_LIST_PX: u32 = 5 * SLOT_PX / 2;

/// The height of an ungrouped column list in a window `window_height` px high, for a board
/// whose top is `board_top` px from the top of the page.
fn list_height(window_height: f64, board_top: f64) -> u32 {
    let room = (window_height - board_top - COLUMN_CHROME_PX).max(0.0);
    (room as u32).max(MIN_LIST_PX)
}

/// The lane's key in DOM ids and data attributes.
pub fn lane_key(lane: Lane) -> String {
    match lane {
        Lane::All => "all".to_string(),
        Lane::Unassigned => "none".to_string(),
        Lane::Person(person) => person.to_string(),
    }
}

/// Reads [`lane_key`] back.
pub fn parse_lane(key: &str) -> Option<Lane> {
    match key {
        "all" => Some(Lane::All),
        "none" => Some(Lane::Unassigned),
        other => other.parse::<PersonId>().ok().map(Lane::Person),
    }
}

/// The DOM id of the card of `task`.
pub fn card_dom_id(task: TaskId) -> String {
    format!("card-{task}")
}

/// The DOM id of the list of `lane` in `column`.
pub fn list_dom_id(lane: Lane, column: ColumnId) -> String {
    format!("board-list-{}-{column}", lane_key(lane))
}

/// What the board's layout was last laid out from.
#[derive(Clone)]
struct LaidOut {
    project: Arc<Project>,
    filter: BoardFilter,
    grouping: BoardGrouping,
    people: Vec<Person>,
}

/// What every board component shares: the project, the view state (filter, grouping), the
/// layout memo, the drag, and the open menu and dialogs.
#[derive(Clone, Copy)]
pub struct BoardContext {
    /// The application state, whose verbs make every change.
    pub state: AppState,
    /// The task editor, opened by a click or Enter on a card.
    pub editor: TaskEditor,
    /// The project on the board.
    pub project: ProjectId,
    /// What the filter bar shows; never saved.
    pub filter: RwSignal<BoardFilter>,
    /// Swimlanes or not; never saved.
    pub grouping: RwSignal<BoardGrouping>,
    /// Cards per lane and column after the filter.
    pub layout: Memo<BoardLayout>,
    /// Task lookups for the cards, built once per change of the project.
    pub index: Memo<board::TaskIndex>,
    /// Height of an ungrouped column list, in px: what the window has room for below the
    /// board's top.
    pub viewport: RwSignal<u32>,
    pub drag: DragController,
    /// The horizontally scrolling board, which captures the pointer during a drag.
    pub scroller: NodeRef<leptos::html::Div>,
    /// The open "Move to…" menu.
    pub menu: RwSignal<Option<MoveMenuAnchor>>,
    /// A move waiting for the user to confirm it (a blocked card into a done column).
    pub confirm: RwSignal<Option<CardMove>>,
    /// The open column dialog.
    pub dialog: RwSignal<Option<ColumnDialog>>,
}

impl BoardContext {
    fn new(state: AppState, project: ProjectId) -> BoardContext {
        let filter = RwSignal::new(BoardFilter::default());
        let grouping = RwSignal::new(BoardGrouping::default());
        // Both follow each change of the project through `follow`, which reads only the tasks
        // that changed, and are built again when it cannot.
        let laid_out = StoredValue::new(None::<LaidOut>);
        let layout = Memo::new_owning(move |previous: Option<BoardLayout>| {
            let grouping = grouping.get();
            filter.with(|filter| {
                state.workspace().with(|workspace| {
                    let Some(current) = project_arc(workspace, project) else {
                        laid_out.set_value(None);
                        return (BoardLayout::default(), true);
                    };
                    let people = workspace.people();
                    let source = laid_out.with_value(|known| known.clone());
                    if let (Some(mut layout), Some(source)) = (previous, source) {
                        if source.filter == *filter
                            && source.grouping == grouping
                            && source.people.as_slice() == people
                        {
                            if let Some(changed) =
                                layout.follow(&source.project, &current, people, filter)
                            {
                                laid_out.set_value(Some(LaidOut {
                                    project: current,
                                    ..source
                                }));
                                return (layout, changed);
                            }
                        }
                    }
                    let layout = board::board_layout(&current, people, filter, grouping);
                    laid_out.set_value(Some(LaidOut {
                        project: current,
                        filter: filter.clone(),
                        grouping,
                        people: people.to_vec(),
                    }));
                    (layout, true)
                })
            })
        });
        let indexed = StoredValue::new(None::<Arc<Project>>);
        let index = Memo::new_owning(move |previous: Option<board::TaskIndex>| {
            state.workspace().with(|workspace| {
                let Some(current) = project_arc(workspace, project) else {
                    indexed.set_value(None);
                    return (board::TaskIndex::default(), true);
                };
                let source = indexed.with_value(|known| known.clone());
                indexed.set_value(Some(Arc::clone(&current)));
                if let (Some(mut index), Some(source)) = (previous, source) {
                    if Arc::ptr_eq(&source, &current) {
                        return (index, false);
                    }
                    if index.follow(&source, &current) {
                        return (index, true);
                    }
                }
                (board::TaskIndex::new(&current), true)
            })
        });
        BoardContext {
            state,
            editor: TaskEditor::expect(),
            project,
            filter,
            grouping,
            layout,
            index,
            viewport: RwSignal::new(list_height(window_height(), DEFAULT_BOARD_TOP_PX)),
            drag: DragController::new(),
            scroller: NodeRef::new(),
            menu: RwSignal::new(None),
            confirm: RwSignal::new(None),
            dialog: RwSignal::new(None),
        }
    }

    /// The board context provided by [`BoardPage`].
    pub fn expect() -> BoardContext {
        expect_context()
    }

    /// Opens the task editor on `task`.
    pub fn open_card(self, task: TaskId) {
        self.menu.set(None);
        self.editor.open_task(self.project, task);
    }

    /// Moves a card, asking first when a blocked card heads for a done column. Keeps the
    /// keyboard focus on the card when `keep_focus`.
    pub fn request_move(self, card: CardMove, keep_focus: bool) {
        let ask = self.state.workspace().with_untracked(|workspace| {
            workspace.find_project(self.project).is_some_and(|project| {
                board::needs_done_confirmation(project, card.task, card.column)
            })
        });
        if ask {
            self.confirm.set(Some(card));
            return;
        }
        self.state.move_card(self.project, card);
        if keep_focus {
            self.focus_card(card.task);
        }
    }

    /// A keyboard move of `task`; the focus stays on it.
    pub fn move_by_key(self, task: TaskId, direction: board::MoveDirection) {
        match self.state.move_card_by_key(
            self.project,
            task,
            direction,
            &self.filter.get_untracked(),
            self.grouping.get_untracked(),
        ) {
            KeyMove::Moved | KeyMove::Nowhere => self.focus_card(task),
            KeyMove::NeedsConfirmation(card) => self.confirm.set(Some(card)),
        }
    }

    /// Moves the keyboard focus from `task` to its neighbour in `direction`.
    pub fn focus_neighbour(self, task: TaskId, direction: board::MoveDirection) {
        if let Some(next) = self
            .layout
            .with_untracked(|layout| board::neighbour(layout, task, direction))
        {
            self.focus_card(next);
        }
    }

    /// Focuses the card of `task` once it is on screen, scrolling its list to it first when
    /// the window does not hold it. Cards re-mount when they change column, so this waits a
    /// few frames for the DOM to follow.
    pub fn focus_card(self, task: TaskId) {
        focus_attempt(self, task, 0);
    }

    /// Scrolls the list holding `task` so its card is in the window. False when the card is
    /// not on the board (filtered out or gone).
    pub fn reveal(self, task: TaskId) -> bool {
        let Some(place) = self
            .layout
            .try_with_untracked(|layout| layout.locate(task))
            .flatten()
        else {
            return false;
        };
        if let Some(list) = document().get_element_by_id(&list_dom_id(place.lane, place.column)) {
            let top = (place.index as u32).saturating_mul(SLOT_PX) as i32;
            let height = list.client_height();
            let scroll = list.scroll_top();
            if top < scroll || top + SLOT_PX as i32 > scroll + height {
                list.set_scroll_top((top - (height - SLOT_PX as i32) / 2).max(0));
            }
        }
        true
    }
}

fn focus_attempt(ctx: BoardContext, task: TaskId, attempt: u8) {
    request_animation_frame(move || {
        if let Some(card) = document()
            .get_element_by_id(&card_dom_id(task))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = card.focus();
            return;
        }
        if attempt == 0 && !ctx.reveal(task) {
            return;
        }
        if attempt < 12 {
            focus_attempt(ctx, task, attempt + 1);
        }
    });
}

fn window_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(800.0)
}

/// The Board view of project `id`.
#[component]
pub fn BoardPage(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let ctx = BoardContext::new(state, id);
    provide_context(ctx);

    // Lists fill the window below the board; measured where the board starts on the page.
    let measure = move || {
        // Runs from an animation frame, which may come after the board has gone.
        if let Some(scroller) = ctx.scroller.try_get_untracked().flatten() {
            let top =
                scroller.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
            let _ = ctx.viewport.try_set(list_height(window_height(), top));
        }
    };
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    let filtering = Memo::new(move |_| ctx.filter.with(BoardFilter::is_active));
    Effect::new(move |_| {
        // Mounting, and the filter bar growing a "Clear filters" row, move the board.
        ctx.scroller.track();
        filtering.track();
        request_animation_frame(measure);
    });
    let on_key = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && drag::cancel(ctx) {
            event.prevent_default();
            event.stop_propagation();
        }
    });
    on_cleanup(move || {
        on_resize.remove();
        on_key.remove();
    });

    let grouped = Memo::new(move |_| ctx.grouping.get() == BoardGrouping::Assignee);
    view! {
        <section
            class=move || if ctx.drag.dragging.get().is_some() { "board board--dragging" } else { "board" }
            aria-label="Board"
        >
            <BoardFilterBar />
            <p class="board__legend" id="board-keys">
                "Keyboard: Tab to a card, then Enter opens it; "
                <kbd>"Alt"</kbd>"+"<kbd>"←"</kbd>" / "<kbd>"→"</kbd>" moves it to the previous or next column; "
                <kbd>"Alt"</kbd>"+"<kbd>"↑"</kbd>" / "<kbd>"↓"</kbd>" moves it up or down; "
                <kbd>"Alt"</kbd>"+"<kbd>"Home"</kbd>" / "<kbd>"End"</kbd>" to the top or bottom; "
                "arrow keys go from card to card. Or use a card's “Move to…” menu. Ctrl+Z undoes."
            </p>
            <div
                class="board__scroller"
                node_ref=ctx.scroller
                on:pointermove=move |event| drag::pointer_move(ctx, &event)
                on:pointerup=move |event| drag::pointer_up(ctx, &event)
                on:pointercancel=move |_| {
                    drag::cancel(ctx);
                }
                on:lostpointercapture=move |event| {
                    // Only the board's own capture counts: a card's grip losing the implicit
                    // touch capture to the board bubbles up here too.
                    if event.target() == event.current_target() {
                        drag::cancel(ctx);
                    }
                }
            >
                <Show when=move || grouped.get() fallback=|| view! { <BoardColumns /> }>
                    <BoardLanes />
                </Show>
            </div>
            <DragGhost />
            <MoveMenu />
            <BoardColumnDialogs />
            <BlockedMoveQuestion />
        </section>
    }
}

/// "Move “Test” to Done?": asked before a blocked card enters a done column.
#[component]
fn BlockedMoveQuestion() -> impl IntoView {
    let ctx = BoardContext::expect();
    move || {
        let card = ctx.confirm.get()?;
        let (title, message) = ctx.state.workspace().with_untracked(|workspace| {
            let project = workspace.find_project(ctx.project)?;
            let task = project.find_task(card.task)?;
            let column = project.column(card.column).ok()?;
            let blockers: Vec<String> = board::blockers(project, task)
                .map(|blocker| quoted(&blocker.title))
                .collect();
            let verb = if blockers.len() == 1 { "is" } else { "are" };
            Some((
                format!("Move {} to {}?", quoted(&task.title), column.name),
                format!(
                    "{} is blocked: {} {verb} not done yet. Moving it to {} marks it 100 % complete.",
                    quoted(&task.title),
                    blockers.join(", "),
                    column.name
                ),
            ))
        })?;
        let close = move || {
            ctx.confirm.set(None);
            ctx.focus_card(card.task);
        };
        Some(view! {
            <ConfirmDialog
                title=title
                message=message
                confirm_label="Move anyway"
                on_confirm=Callback::new(move |_| {
                    ctx.state.move_card(ctx.project, card);
                    close();
                })
                on_cancel=Callback::new(move |_| close())
            />
        })
    }
}

/// The shared copy of project `id` in `workspace`.
fn project_arc(workspace: &crate::model::Workspace, id: ProjectId) -> Option<Arc<Project>> {
    workspace
        .projects()
        .iter()
        .find(|project| project.id == id)
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SequentialIds;

    #[test]
    fn lane_keys_round_trip() {
        let mut ids = SequentialIds::default();
        let person = PersonId::new(&mut ids);
        for lane in [Lane::All, Lane::Unassigned, Lane::Person(person)] {
            assert_eq!(parse_lane(&lane_key(lane)), Some(lane));
        }
        assert_eq!(parse_lane("nonsense"), None);
    }

    #[test]
    fn lists_never_get_shorter_than_three_cards() {
        assert_eq!(list_height(600.0, 300.0), MIN_LIST_PX);
        assert_eq!(list_height(1300.0, 170.0), 1000);
    }
}
