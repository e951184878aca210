//! What the Timeline's parts share: [`TimelineContext`] (the view state in local signals and
//! the memos derived from it) with the measuring and scrolling of the chart area, and the
//! focus helper the bars and the calendar use.

use super::drag::Drag;
use super::layout::Scale;
use super::layout::{self, TimelineLayout, TimelineRows, Viewport, HEADER_HEIGHT, LIST_WIDTH};
use crate::model::{ProjectId, TaskId};
use leptos::prelude::*;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

/// The Timeline's shared view state and derived values, handed to its parts.
#[derive(Clone, Copy)]
pub struct TimelineContext {
    /// The project shown.
    pub project: ProjectId,
    /// The zoom level.
    pub scale: RwSignal<Scale>,
    /// Highlight the critical tasks and arrows.
    pub show_critical: RwSignal<bool>,
    /// Draw baseline bars under the current ones.
    pub show_baseline: RwSignal<bool>,
    /// Summary tasks whose subtasks are hidden.
    pub collapsed: RwSignal<HashSet<TaskId>>,
    /// The scroll position and size of the chart area.
    pub viewport: RwSignal<Viewport>,
    /// The drawn width of the task list in px: `LIST_WIDTH`, less on a narrow screen, 0 while
    /// the list is collapsed there.
    pub list_width: RwSignal<f64>,
    /// The drag in progress.
    pub drag: RwSignal<Option<Drag>>,
    /// The bar with the keyboard focus.
    pub selected: RwSignal<Option<TaskId>>,
    /// The dependency being edited, as (successor, predecessor).
    pub editing_link: RwSignal<Option<(TaskId, TaskId)>>,
    /// The rows in display order.
    pub rows: Memo<TimelineRows>,
    /// Everything drawn, for the rendered window.
    pub layout: Memo<TimelineLayout>,
    /// The ids of the rendered rows, for keyed lists.
    pub row_ids: Memo<Vec<TaskId>>,
    /// True when the project has a baseline to compare against.
    pub has_baseline: Memo<bool>,
    /// The element that scrolls the list and the chart together.
    pub scroller: NodeRef<leptos::html::Div>,
}

impl TimelineContext {
    /// Reads the task list's drawn width into `list_width` (it changes with the window's width
    /// and the "Task list" toggle, never while scrolling), then measures the chart area.
    /// Does nothing once the page is gone (it may run from an animation frame callback).
    pub fn measure_list(self) {
        let Some(Some(element)) = self.scroller.try_get_untracked() else {
            return;
        };
        let list_width = element
            .query_selector(".timeline__list")
            .ok()
            .flatten()
            .and_then(|list| list.dyn_into::<web_sys::HtmlElement>().ok())
            .map_or(0.0, |list| f64::from(list.offset_width()));
        if self
            .list_width
            .try_get_untracked()
            .is_some_and(|known| known != list_width)
        {
            self.list_width.try_set(list_width);
        }
        self.measure();
    }

    /// Reads the scroll position and size of the chart area into `viewport`.
    /// Does nothing once the page is gone (it may run from an animation frame callback).
    pub fn measure(self) {
        let (Some(Some(element)), Some(list_width)) = (
            self.scroller.try_get_untracked(),
            self.list_width.try_get_untracked(),
        ) else {
            return;
        };
        let next = Viewport {
            scroll_left: f64::from(element.scroll_left()),
            scroll_top: f64::from(element.scroll_top()),
            width: (f64::from(element.client_width()) - list_width).max(0.0),
            height: (f64::from(element.client_height()) - HEADER_HEIGHT).max(0.0),
        };
        if self
            .viewport
            .try_get_untracked()
            .is_some_and(|known| known != next)
        {
            self.viewport.try_set(next);
        }
    }

    /// Scrolls the chart so that x (in chart coordinates) is at the left edge.
    pub fn scroll_to_x(self, x: f64) {
        if let Some(Some(element)) = self.scroller.try_get_untracked() {
            element.set_scroll_left(x.max(0.0).round() as i32);
        }
        self.measure();
    }

    /// Scrolls vertically, as little as needed, so that row `index` is on screen.
    pub fn scroll_to_row(self, index: usize) {
        let (Some(Some(element)), Some(viewport)) = (
            self.scroller.try_get_untracked(),
            self.viewport.try_get_untracked(),
        ) else {
            return;
        };
        if let Some(top) = layout::scroll_top_to_show_row(viewport, index) {
            element.set_scroll_top(top.round() as i32);
        }
        self.measure();
    }

    /// Gives the keyboard focus to task `task`'s bar, once it is drawn.
    pub fn focus_bar(self, task: TaskId) {
        self.selected.set(Some(task));
        request_animation_frame(move || {
            let selector = format!(".timeline__plot [data-task=\"{task}\"]");
            if let Ok(Some(element)) = document().query_selector(&selector) {
                focus_element(&element);
            }
        });
    }

    /// Moves the focus to the bar `step` rows above (negative) or below `task`'s.
    pub fn focus_neighbour(self, task: TaskId, step: isize) {
        let next = self.rows.with_untracked(|rows| {
            let index = rows.row_of(task)?.checked_add_signed(step)?;
            Some((index, rows.task_in_row(index)?))
        });
        if let Some((index, neighbour)) = next {
            self.scroll_to_row(index);
            self.focus_bar(neighbour);
        }
    }
}

/// The chart area's size guessed from the window's, before the chart can be measured: the
/// window less the task list across, less the header, tabs and toolbar down.
pub(super) fn window_viewport() -> Viewport {
    let size = |value: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>, fallback: f64| {
        value
            .ok()
            .and_then(|value| value.as_f64())
            .unwrap_or(fallback)
    };
    let window = leptos::prelude::window();
    Viewport {
        scroll_left: 0.0,
        scroll_top: 0.0,
        width: (size(window.inner_width(), 1700.0) - LIST_WIDTH - 64.0).max(0.0),
        height: (size(window.inner_height(), 1000.0) - 300.0).max(0.0),
    }
}

/// Focuses an element (an SVG `<g>` or an HTML element) without scrolling to it.
pub fn focus_element(element: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &options,
        &wasm_bindgen::JsValue::from_str("preventScroll"),
        &wasm_bindgen::JsValue::TRUE,
    );
    if let Ok(focus) = js_sys::Reflect::get(element, &wasm_bindgen::JsValue::from_str("focus")) {
        if let Ok(focus) = focus.dyn_into::<js_sys::Function>() {
            let _ = focus.call1(element, &options);
        }
    }
}
