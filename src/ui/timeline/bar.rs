//! One task on the chart: its bar, summary bracket or milestone diamond, with the resize
//! handles, the connector to drag dependencies from, the title, the deadline marker and the
//! baseline bar, drawn from its `RowLayout`; and how a screen reader reads it out.
//!
//! The bar is a keyed component with a memo of its own row, so its elements stay while it is
//! rendered and a focused bar keeps the focus while the arrow keys move it.

use super::super::format;
use super::super::messages::describe_conflict;
use super::super::tasks::editor::TaskEditor;
use super::drag::DragKind;
use super::layout::{number, points_attribute, BarKind, RowLayout};
use super::TimelineContext;
use crate::model::TaskId;
use crate::store::AppState;
use leptos::prelude::*;

/// How a bar is read out after its name: its dates, progress and, when highlighted, that it
/// is critical.
pub fn describe_bar(row: &RowLayout, critical_shown: bool) -> String {
    let mut text = match row.kind {
        BarKind::Milestone => format!("Milestone on {}", format::date(row.end)),
        BarKind::Summary => format!(
            "Summary task, {} to {}, {} done",
            format::date(row.start),
            format::date(row.end),
            format::percent(row.progress)
        ),
        BarKind::Task => format!(
            "{} to {}, {} done",
            format::date(row.start),
            format::date(row.end),
            format::percent(row.progress)
        ),
    };
    if critical_shown && row.critical {
        text.push_str(", on the critical path");
    }
    if row.kind != BarKind::Summary {
        text.push_str(&format!(
            ", Float: {}",
            format::float_days(row.float, row.critical)
        ));
    }
    if let Some(conflict) = row.conflict {
        text.push_str(", ");
        text.push_str(&describe_conflict(conflict));
    }
    if let Some(deadline) = &row.deadline {
        let verb = if deadline.missed { "missed" } else { "due" };
        text.push_str(&format!(
            ", deadline {} {verb}",
            format::date(deadline.date)
        ));
    }
    text
}

/// One task's bar, summary bracket or milestone diamond, with its handles, connector, title
/// and baseline bar. Focusable and named by the task's title.
#[component]
pub fn TimelineBar(timeline: TimelineContext, task: TaskId) -> impl IntoView {
    let state = AppState::expect();
    let editor = TaskEditor::expect();
    let project = timeline.project;
    let row = Memo::new(move |_| timeline.layout.with(|layout| layout.row(task).cloned()));
    let title = move || {
        row.with(|row| {
            row.as_ref()
                .map(|row| row.title.clone())
                .unwrap_or_default()
        })
    };
    let description = move || {
        let critical_shown = timeline.show_critical.get();
        row.with(|row| {
            row.as_ref()
                .map(|row| describe_bar(row, critical_shown))
                .unwrap_or_default()
        })
    };
    let class = move || {
        let mut class = String::from("timeline__bar");
        let (kind, critical) = row.with(|row| {
            row.as_ref()
                .map_or((None, false), |row| (Some(row.kind), row.critical))
        });
        match kind {
            Some(BarKind::Summary) => class.push_str(" timeline__bar--summary"),
            Some(BarKind::Milestone) => class.push_str(" timeline__bar--milestone"),
            _ => {}
        }
        if timeline.show_critical.get() && critical {
            class.push_str(" timeline__bar--critical");
        }
        if row.with(|row| {
            row.as_ref()
                .and_then(|row| row.deadline.as_ref())
                .is_some_and(|deadline| deadline.missed)
        }) {
            class.push_str(" timeline__bar--missed");
        }
        if timeline.selected.get() == Some(task) {
            class.push_str(" timeline__bar--selected");
        }
        class
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let key = event.key();
        match key.as_str() {
            "ArrowLeft" | "ArrowRight" => {
                event.prevent_default();
                let days = if key == "ArrowRight" { 1 } else { -1 };
                if event.shift_key() {
                    state.stretch_task(project, task, days);
                } else {
                    state.shift_task(project, task, days);
                }
            }
            "ArrowUp" | "ArrowDown" => {
                event.prevent_default();
                timeline.focus_neighbour(task, if key == "ArrowDown" { 1 } else { -1 });
            }
            "Enter" => {
                event.prevent_default();
                editor.open_task(project, task);
            }
            _ => {}
        }
    };
    // The shapes are drawn with plain attribute values from the row, and drawn again when the
    // row changes: a few elements, where one reactive binding per attribute would cost more to
    // set up for every bar that scrolls in. The group stays, and with it the keyboard focus.
    let shapes = move || row.with(|row| row.as_ref().map(bar_shapes));
    let deadline = move || row.with(|row| row.as_ref().and_then(deadline_marker));
    view! {
        {deadline}
        <g
            class=class
            role="button"
            tabindex="0"
            aria-label=title
            aria-description=description
            data-task=task.to_string()
            on:keydown=on_keydown
            on:focus=move |_| timeline.selected.set(Some(task))
        >
            {shapes}
        </g>
    }
}

/// A task's deadline on its row: a flag at the end of the deadline day, named for screen
/// readers, red when the task misses it. Outside the bar, whose parts are not read one by one.
fn deadline_marker(row: &RowLayout) -> Option<impl IntoView> {
    let deadline = row.deadline.as_ref()?;
    let (x, y) = (deadline.x, deadline.y);
    let label = format!(
        "Deadline of {}: {}{}",
        row.title,
        format::date(deadline.date),
        if deadline.missed { ", missed" } else { "" }
    );
    let class = if deadline.missed {
        "timeline__task-deadline timeline__task-deadline--missed"
    } else {
        "timeline__task-deadline"
    };
    let flag = [(x - 5.0, y - 13.0), (x + 5.0, y - 13.0), (x, y - 6.0)];
    Some(view! {
        <g class=class role="img" aria-label=label>
            <title>{label.clone()}</title>
            <line x1=number(x) x2=number(x) y1=number(y - 13.0) y2=number(y + 13.0) />
            <polygon points=points_attribute(&flag) />
        </g>
    })
}

/// The elements of one bar: its baseline bar, its shape (bar with progress and resize handles,
/// summary bracket, or milestone diamond), the connector and the title.
fn bar_shapes(row: &RowLayout) -> impl IntoView {
    let baseline = row.baseline.as_ref().map(|bar| {
        view! {
            <rect
                class="timeline__baseline"
                x=number(bar.x)
                y=number(bar.y)
                width=number(bar.width)
                height=number(bar.height)
            />
        }
    });
    let (x, bar_y, width, height) = (
        number(row.x),
        number(row.bar_y),
        number(row.width),
        number(row.height),
    );
    let progress_width = number(row.progress_width);
    let shape = match row.kind {
        BarKind::Task => {
            let [start, end] = row.handles.unwrap_or_default();
            view! {
                <rect
                    class="timeline__bar-body"
                    data-drag=DragKind::Move.attribute()
                    x=x.clone()
                    y=bar_y.clone()
                    width=width
                    height=height.clone()
                    rx="3"
                />
                <rect
                    class="timeline__bar-progress"
                    x=x
                    y=bar_y.clone()
                    width=progress_width
                    height=height.clone()
                    rx="3"
                />
                <rect
                    class="timeline__handle"
                    data-drag=DragKind::ResizeStart.attribute()
                    x=number(start.0)
                    y=bar_y.clone()
                    width=number(start.1)
                    height=height.clone()
                />
                <rect
                    class="timeline__handle"
                    data-drag=DragKind::ResizeEnd.attribute()
                    x=number(end.0)
                    y=bar_y
                    width=number(end.1)
                    height=height
                />
            }
            .into_any()
        }
        BarKind::Summary => view! {
            <polygon class="timeline__summary" points=points_attribute(&row.outline) />
            <rect
                class="timeline__summary-progress"
                x=x
                y=bar_y
                width=progress_width
                height=height
            />
        }
        .into_any(),
        BarKind::Milestone => view! {
            <polygon
                class="timeline__milestone"
                data-drag=DragKind::Move.attribute()
                points=points_attribute(&row.outline)
            />
        }
        .into_any(),
    };
    view! {
        {baseline}
        {shape}
        <circle
            class="timeline__connector"
            data-drag=DragKind::Connect.attribute()
            cx=number(row.connector.0)
            cy=number(row.connector.1)
            r="5"
        />
        <text class="timeline__label" x=number(row.label.0) y=number(row.label.1)>
            {row.title.clone()}
        </text>
    }
}
