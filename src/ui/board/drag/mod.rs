//! Dragging cards with a pointer (mouse, pen or finger), through pointer events.
//!
//! [`DragMachine`] (`machine.rs`) is the state machine (idle, pressed, dragging), plain Rust
//! tested on the host: a press becomes a drag only past [`machine::DRAG_THRESHOLD_PX`], so a click still
//! opens the editor. This file is the DOM glue: the board's scroller captures the pointer once
//! a drag starts, the card under the pointer is found with `elementFromPoint`, the landing
//! index comes from `geometry::drop_index`, lists, the board and the page scroll near
//! their edges on each animation frame, and Escape cancels. Where the card lands in the plan is `model::board::drop_move`.
//! On touch screens only the card's grip starts a drag (it alone has `touch-action: none`), so
//! the page still scrolls under a finger.

mod machine;

pub use machine::{DragMachine, DragStep, DropTarget, Point, Release};

use super::geometry;
use super::{parse_lane, BoardContext, SLOT_PX};
use crate::model::board;
use crate::model::{ColumnId, TaskId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How close (px) to a list's edge the pointer must be for the list to scroll.
const EDGE_PX: f64 = 48.0;
/// How close (px) to the window's top or bottom the pointer must be for the page to scroll.
const PAGE_EDGE_PX: f64 = 32.0;
/// The fastest auto-scroll, in px per frame.
const MAX_SCROLL_PX: f64 = 18.0;

/// How fast each scroller moves while a drag rests near its edge, in px per frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct ScrollSpeed {
    /// The hovered card list, down when positive.
    list: f64,
    /// The board, right when positive.
    board: f64,
    /// The page, down when positive (swimlanes can be taller than the window).
    page: f64,
}

/// The reactive side of a drag, shared by the board's components.
#[derive(Clone, Copy)]
pub struct DragController {
    machine: StoredValue<DragMachine>,
    /// The card being dragged; cards leave their list while dragged.
    pub dragging: RwSignal<Option<TaskId>>,
    /// Where it would land; the placeholder shows there.
    pub target: RwSignal<Option<DropTarget>>,
    /// The ghost card's top left corner, in viewport px.
    pub ghost: RwSignal<Point>,
    /// Auto-scroll speeds in px per frame: the hovered list, the board sideways, the page.
    speed: StoredValue<ScrollSpeed>,
    /// Set when a drag ends, so the click that may follow does not open the editor.
    suppress_click: StoredValue<bool>,
}

impl DragController {
    /// A controller with nothing dragged.
    pub fn new() -> DragController {
        DragController {
            machine: StoredValue::new(DragMachine::default()),
            dragging: RwSignal::new(None),
            target: RwSignal::new(None),
            ghost: RwSignal::new(Point::default()),
            speed: StoredValue::new(ScrollSpeed::default()),
            suppress_click: StoredValue::new(false),
        }
    }

    /// True (once) right after a drag ended: the click it produces is not a click on a card.
    pub fn take_click_suppression(self) -> bool {
        self.suppress_click
            .try_update_value(std::mem::take)
            .unwrap_or(false)
    }

    fn finish(self) {
        self.dragging.set(None);
        self.target.set(None);
        self.speed.set_value(ScrollSpeed::default());
        self.suppress_click.set_value(true);
        // The click, if any, comes right after pointerup; later clicks are real ones.
        set_timeout(
            move || {
                let _ = self.suppress_click.try_set_value(false);
            },
            std::time::Duration::from_millis(0),
        );
    }
}

impl Default for DragController {
    fn default() -> Self {
        DragController::new()
    }
}

fn point_of(event: &web_sys::PointerEvent) -> Point {
    Point {
        x: f64::from(event.client_x()),
        y: f64::from(event.client_y()),
    }
}

/// A pointer went down on the card `task` (the article element `card`).
pub fn press(
    ctx: BoardContext,
    task: TaskId,
    event: &web_sys::PointerEvent,
    card: &web_sys::Element,
) {
    if event.button() != 0 || event.ctrl_key() || event.meta_key() {
        return;
    }
    let target = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
    let on = |selector: &str| {
        target
            .as_ref()
            .and_then(|element| element.closest(selector).ok().flatten())
            .is_some()
    };
    // Buttons keep their clicks; a finger drags only by the grip, so the page still scrolls.
    if on("button, input, select, textarea, a") {
        return;
    }
    if event.pointer_type() == "touch" && !on(".board__handle") {
        return;
    }
    let at = point_of(event);
    let rect = card.get_bounding_client_rect();
    let grab = Point {
        x: at.x - rect.left(),
        y: at.y - rect.top(),
    };
    ctx.drag
        .machine
        .update_value(|machine| machine.press(task, event.pointer_id(), at, grab));
}

/// The pointer moved over (or, once captured, anywhere around) the board.
pub fn pointer_move(ctx: BoardContext, event: &web_sys::PointerEvent) {
    if event.buttons() == 0 {
        // The button came up outside the board before the press became a drag: forget it,
        // or merely hovering back would start one.
        let _ = ctx.drag.machine.try_update_value(|machine| {
            if machine.dragging().is_none() {
                machine.cancel();
            }
        });
        if ctx.drag.dragging.get_untracked().is_none() {
            return;
        }
    }
    let at = point_of(event);
    let step = ctx
        .drag
        .machine
        .try_update_value(|machine| machine.pointer_moved(event.pointer_id(), at))
        .unwrap_or(DragStep::Ignored);
    match step {
        DragStep::Ignored => return,
        DragStep::Started(task) => {
            if let Some(scroller) = ctx.scroller.get_untracked() {
                let _ = scroller.set_pointer_capture(event.pointer_id());
            }
            ctx.menu.set(None);
            ctx.drag.dragging.set(Some(task));
            auto_scroll(ctx);
        }
        DragStep::Moved => {}
    }
    event.prevent_default();
    follow(ctx, at);
}

/// Moves the ghost to the pointer and finds the drop target under it.
fn follow(ctx: BoardContext, at: Point) {
    let Some((_, grab)) = ctx
        .drag
        .machine
        .try_with_value(DragMachine::position)
        .flatten()
    else {
        return;
    };
    ctx.drag.ghost.set(Point {
        x: at.x - grab.x,
        y: at.y - grab.y,
    });
    let (target, list) = hit_test(ctx, at);
    let board = ctx
        .scroller
        .get_untracked()
        .map(|scroller| {
            let rect = scroller.get_bounding_client_rect();
            geometry::edge_speed(at.x, rect.left(), rect.right(), EDGE_PX, MAX_SCROLL_PX)
        })
        .unwrap_or(0.0);
    let window_height = window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(0.0);
    let page = geometry::edge_speed(at.y, 0.0, window_height, PAGE_EDGE_PX, MAX_SCROLL_PX);
    let _ = ctx
        .drag
        .speed
        .try_set_value(ScrollSpeed { list, board, page });
    let changed = ctx
        .drag
        .machine
        .try_update_value(|machine| machine.retarget(target))
        .unwrap_or(false);
    if changed {
        ctx.drag.target.set(target);
    }
}

/// The lane, column and index under `at`, and how fast that list should scroll.
fn hit_test(ctx: BoardContext, at: Point) -> (Option<DropTarget>, f64) {
    let zone = document()
        .element_from_point(at.x as f32, at.y as f32)
        .and_then(|element| element.closest("[data-drop-column]").ok().flatten());
    let Some(zone) = zone else {
        return (None, 0.0);
    };
    let column = zone
        .get_attribute("data-drop-column")
        .and_then(|text| text.parse::<ColumnId>().ok());
    let lane = zone
        .get_attribute("data-drop-lane")
        .and_then(|text| parse_lane(&text));
    let list = zone.query_selector(".board__list").ok().flatten();
    let (Some(column), Some(lane), Some(list)) = (column, lane, list) else {
        return (None, 0.0);
    };
    let rect = list.get_bounding_client_rect();
    let offset = at.y - rect.top() + f64::from(list.scroll_top());
    let dragged = ctx.drag.dragging.get_untracked();
    let count = ctx
        .layout
        .try_with_untracked(|layout| {
            layout
                .cell(lane, column)
                .iter()
                .filter(|id| Some(**id) != dragged)
                .count()
        })
        .unwrap_or(0);
    let index = geometry::drop_index(offset, SLOT_PX, count);
    let speed = geometry::edge_speed(at.y, rect.top(), rect.bottom(), EDGE_PX, MAX_SCROLL_PX);
    (
        Some(DropTarget {
            lane,
            column,
            index,
        }),
        speed,
    )
}

/// Scrolls the hovered list and the board while the pointer rests near an edge, one step per
/// animation frame, for as long as the drag lasts.
fn auto_scroll(ctx: BoardContext) {
    request_animation_frame(move || {
        if ctx.drag.dragging.try_get_untracked().flatten().is_none() {
            return;
        }
        let speed = ctx.drag.speed.try_get_value().unwrap_or_default();
        let mut scrolled = false;
        if speed.list != 0.0 {
            if let Some(target) = ctx.drag.target.get_untracked() {
                if let Some(list) =
                    document().get_element_by_id(&super::list_dom_id(target.lane, target.column))
                {
                    let before = list.scroll_top();
                    list.set_scroll_top(before + speed.list.round() as i32);
                    scrolled |= list.scroll_top() != before;
                }
            }
        }
        if speed.board != 0.0 {
            if let Some(scroller) = ctx.scroller.get_untracked() {
                let before = scroller.scroll_left();
                scroller.set_scroll_left(before + speed.board.round() as i32);
                scrolled |= scroller.scroll_left() != before;
            }
        }
        if speed.page != 0.0 {
            let before = window().scroll_y().unwrap_or(0.0);
            window().scroll_by_with_x_and_y(0.0, speed.page.round());
            scrolled |= window().scroll_y().unwrap_or(0.0) != before;
        }
        if scrolled {
            if let Some((at, _)) = ctx
                .drag
                .machine
                .try_with_value(DragMachine::position)
                .flatten()
            {
                follow(ctx, at);
            }
        }
        auto_scroll(ctx);
    });
}

/// The pointer went up: drop the card where the placeholder is.
pub fn pointer_up(ctx: BoardContext, event: &web_sys::PointerEvent) {
    let release = ctx
        .drag
        .machine
        .try_update_value(|machine| machine.release(event.pointer_id()))
        .unwrap_or(Release::Nothing);
    match release {
        Release::Nothing => {}
        Release::Abandoned(_) => ctx.drag.finish(),
        Release::Dropped { task, target } => {
            let card = ctx.state.workspace().with_untracked(|workspace| {
                let project = workspace.find_project(ctx.project)?;
                ctx.layout.try_with_untracked(|layout| {
                    board::drop_move(
                        project,
                        layout,
                        task,
                        target.lane,
                        target.column,
                        target.index,
                    )
                })
            });
            ctx.drag.finish();
            if let Some(card) = card {
                ctx.request_move(card, false);
            }
        }
    }
}

/// Escape, `pointercancel` or a lost capture: the drag ends and nothing moves.
pub fn cancel(ctx: BoardContext) -> bool {
    let cancelled = ctx
        .drag
        .machine
        .try_update_value(DragMachine::cancel)
        .flatten();
    if cancelled.is_some() {
        ctx.drag.finish();
    }
    cancelled.is_some()
}

/// The card that follows the pointer during a drag, showing its title.
#[component]
pub fn DragGhost() -> impl IntoView {
    let ctx = BoardContext::expect();
    let state = ctx.state;
    let title = Memo::new(move |_| {
        let task = ctx.drag.dragging.get()?;
        state.workspace().with(|workspace| {
            workspace
                .find_project(ctx.project)
                .and_then(|project| project.find_task(task))
                .map(|task| task.title.clone())
        })
    });
    move || {
        title.get().map(|title| {
            view! {
                <div
                    class="board__ghost"
                    aria-hidden="true"
                    style=move || {
                        let at = ctx.drag.ghost.get();
                        format!("transform: translate({}px, {}px)", at.x, at.y)
                    }
                >
                    <span class="board__card-title">{title}</span>
                </div>
            }
        })
    }
}
