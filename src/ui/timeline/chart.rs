//! The chart right of the list: the date header, shading, the today and deadline lines,
//! dependency arrows and bars, drawn as SVG from the layout.
//!
//! Bars and arrows are keyed components with a memo each, whose elements stay while they are
//! rendered (attributes change, elements do not), so a focused bar keeps the focus while the
//! arrow keys move it. Pointer events are handled once, on the chart: the part pressed
//! (`data-drag`) and its task (`data-task`) say what a drag does, the chart captures the
//! pointer, and the drop is committed through the store. No geometry is computed here.

use super::super::format;
use super::super::messages::{describe_conflict, quoted};
use super::super::tasks::editor::TaskEditor;
use super::drag::{Drag, DragKind, DragOutcome};
use super::layout::{
    number, pinned_label_x, points_attribute, ArrowLayout, BarKind, Point, RowLayout, HEADER_HEIGHT,
};
use super::{focus_element, TimelineContext};
use crate::model::TaskId;
use crate::store::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The longest pause between the two clicks of a double click, in milliseconds.
const DOUBLE_CLICK_MS: f64 = 500.0;

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

/// How a dependency arrow is read out.
pub fn describe_arrow(arrow: &ArrowLayout) -> String {
    let lag = match arrow.lag {
        0 => String::new(),
        1 | -1 => format!(", lag {} working day", arrow.lag),
        lag => format!(", lag {lag} working days"),
    };
    format!(
        "Dependency {} to {}, {}{lag}",
        quoted(&arrow.predecessor_title),
        quoted(&arrow.successor_title),
        arrow.kind.label().to_lowercase()
    )
}

/// Where a pointer event happened, in chart coordinates.
fn chart_point(plot: &web_sys::Element, event: &web_sys::MouseEvent) -> Point {
    let rect = plot.get_bounding_client_rect();
    (
        f64::from(event.client_x()) - rect.left(),
        f64::from(event.client_y()) - rect.top(),
    )
}

/// The element an event happened on.
fn event_element(event: &web_sys::Event) -> Option<web_sys::Element> {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
}

/// The date header and the chart.
#[component]
pub fn TimelineChart(
    /// The Timeline's state.
    timeline: TimelineContext,
) -> impl IntoView {
    let state = AppState::expect();
    let editor = TaskEditor::expect();
    let project = timeline.project;
    let layout = timeline.layout;
    let plot = NodeRef::<leptos::svg::Svg>::new();

    let size = Memo::new(move |_| layout.with(|layout| (layout.width, layout.height)));
    let width = move || number(size.get().0);
    let height = move || number(size.get().1);
    let bands = Memo::new(move |_| layout.with(|layout| layout.bands.clone()));
    let ticks = Memo::new(move |_| layout.with(|layout| layout.ticks.clone()));
    let gridlines = Memo::new(move |_| layout.with(|layout| layout.gridlines.clone()));
    let today = Memo::new(move |_| layout.with(|layout| layout.today));
    let deadline = Memo::new(move |_| layout.with(|layout| layout.deadline));
    let arrow_ids = Memo::new(move |_| {
        layout.with(|layout| {
            layout
                .arrows
                .iter()
                .map(|arrow| (arrow.successor, arrow.predecessor))
                .collect::<Vec<_>>()
        })
    });
    let rubber_band = Memo::new(move |_| {
        timeline.drag.with(|drag| {
            drag.as_ref()
                .filter(|drag| drag.kind == DragKind::Connect && drag.dragging)
                .map(|drag| (drag.from, drag.at))
        })
    });
    let plot_class = move || {
        let dragging = timeline
            .drag
            .with(|drag| drag.as_ref().is_some_and(|drag| drag.dragging));
        let mut class = String::from("timeline__plot");
        if timeline.show_critical.get() {
            class.push_str(" timeline__plot--critical");
        }
        if dragging {
            class.push_str(" timeline__plot--dragging");
        }
        class
    };

    let on_pointerdown = move |event: web_sys::PointerEvent| {
        if event.button() != 0 {
            return;
        }
        let (Some(plot), Some(target)) = (plot.get_untracked(), event_element(&event)) else {
            return;
        };
        let kind = target
            .closest("[data-drag]")
            .ok()
            .flatten()
            .and_then(|part| part.get_attribute("data-drag"))
            .and_then(|value| DragKind::from_attribute(&value));
        let bar = target.closest("[data-task]").ok().flatten();
        let (Some(kind), Some(bar)) = (kind, bar) else {
            return;
        };
        let Some(task) = bar
            .get_attribute("data-task")
            .and_then(|value| value.parse::<TaskId>().ok())
        else {
            return;
        };
        let Some((bar_kind, start, end)) = layout
            .with_untracked(|layout| layout.row(task).map(|row| (row.kind, row.start, row.end)))
        else {
            return;
        };
        if bar_kind == BarKind::Summary && kind != DragKind::Connect {
            return;
        }
        // No text selection or native drag; the focus is given by hand instead.
        event.prevent_default();
        focus_element(&bar);
        let _ = plot.set_pointer_capture(event.pointer_id());
        let point = chart_point(&plot, &event);
        timeline.drag.set(Some(Drag::start(
            task,
            kind,
            event.pointer_id(),
            point,
            (start, end),
            bar_kind == BarKind::Milestone,
        )));
    };
    let on_pointermove = move |event: web_sys::PointerEvent| {
        let active = timeline
            .drag
            .with_untracked(|drag| drag.as_ref().map(|drag| drag.pointer));
        if active != Some(event.pointer_id()) {
            return;
        }
        let Some(plot) = plot.get_untracked() else {
            return;
        };
        let point = chart_point(&plot, &event);
        timeline.drag.update(|drag| {
            if let Some(drag) = drag {
                drag.move_to(point);
            }
        });
    };
    // The chart captures the pointer, so the browser's dblclick does not reach a bar: a second
    // click on the same bar soon after the first opens it instead.
    let last_click = StoredValue::new(None::<(TaskId, f64)>);
    let on_pointerup = move |event: web_sys::PointerEvent| {
        let Some(mut current) = timeline.drag.get_untracked() else {
            return;
        };
        if current.pointer != event.pointer_id() {
            return;
        }
        let Some(plot) = plot.get_untracked() else {
            return;
        };
        let _ = plot.release_pointer_capture(event.pointer_id());
        let point = chart_point(&plot, &event);
        current.move_to(point);
        let (geometry, row) =
            layout.with_untracked(|layout| (layout.geometry, layout.row_at(point.1)));
        let target = row.and_then(|row| timeline.rows.with_untracked(|rows| rows.task_in_row(row)));
        let outcome = current.finish(geometry, target);
        let now = event.time_stamp();
        let previous = last_click.get_value();
        last_click.set_value(None);
        match outcome {
            DragOutcome::Select(task) => {
                timeline.selected.set(Some(task));
                let double = previous
                    .is_some_and(|(clicked, at)| clicked == task && now - at < DOUBLE_CLICK_MS);
                if double {
                    editor.open_task(project, task);
                } else {
                    last_click.set_value(Some((task, now)));
                }
            }
            DragOutcome::SetDates { task, start, end } => {
                state.drop_task_dates(project, task, start, end);
            }
            DragOutcome::Link {
                predecessor,
                successor,
            } => {
                state.link_finish_to_start(project, predecessor, successor);
            }
            DragOutcome::Nothing => {}
        }
        timeline.drag.set(None);
    };
    let on_pointercancel = move |_: web_sys::PointerEvent| timeline.drag.set(None);
    // Summary bars are not dragged, so the browser's own double click opens them.
    let on_dblclick = move |event: web_sys::MouseEvent| {
        let task = event_element(&event)
            .and_then(|target| target.closest("[data-task]").ok().flatten())
            .and_then(|bar| bar.get_attribute("data-task"))
            .and_then(|value| value.parse::<TaskId>().ok());
        if let Some(task) = task {
            editor.open_task(project, task);
        }
    };

    view! {
        <div class="timeline__chart">
            <svg
                class="timeline__header"
                width=width
                height=number(HEADER_HEIGHT)
                aria-hidden="true"
            >
                {move || {
                    ticks
                        .with(|ticks| {
                            ticks
                                .iter()
                                .map(|tick| {
                                    let class = if tick.major {
                                        "timeline__tick timeline__tick--major"
                                    } else {
                                        "timeline__tick"
                                    };
                                    let pinned = tick.clone();
                                    let major = tick.major;
                                    let label_x = move || {
                                        if major {
                                            let left = timeline.viewport.with(|viewport| viewport.scroll_left);
                                            number(pinned_label_x(&pinned, left))
                                        } else {
                                            number(pinned.label_at.0)
                                        }
                                    };
                                    view! {
                                        <g class=class>
                                            <rect
                                                x=number(tick.x)
                                                y=number(tick.y)
                                                width=number(tick.width)
                                                height=number(tick.height)
                                            />
                                            <text x=label_x y=number(tick.label_at.1)>
                                                {tick.label.clone()}
                                            </text>
                                        </g>
                                    }
                                })
                                .collect_view()
                        })
                }}
                {move || today.get().map(|x| vertical_line("timeline__today", x, HEADER_HEIGHT))}
            </svg>
            <svg
                node_ref=plot
                class=plot_class
                width=width
                height=height
                role="group"
                aria-label="Timeline chart"
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=on_pointercancel
                on:dblclick=on_dblclick
            >
                <g class="timeline__bands">
                    {move || {
                        bands
                            .with(|bands| {
                                bands
                                    .iter()
                                    .map(|band| {
                                        let class = if band.holiday {
                                            "timeline__band timeline__band--holiday"
                                        } else {
                                            "timeline__band"
                                        };
                                        view! {
                                            <rect
                                                class=class
                                                x=number(band.x)
                                                y="0"
                                                width=number(band.width)
                                                height=height
                                            />
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </g>
                <g class="timeline__gridlines">
                    {move || {
                        let bottom = size.get().1;
                        gridlines
                            .with(|lines| {
                                lines
                                    .iter()
                                    .map(|x| vertical_line("timeline__gridline", *x, bottom))
                                    .collect_view()
                            })
                    }}
                </g>
                {move || {
                    let bottom = size.get().1;
                    today.get().map(|x| vertical_line("timeline__today", x, bottom))
                }}
                {move || {
                    let bottom = size.get().1;
                    deadline.get().map(|x| vertical_line("timeline__deadline", x, bottom))
                }}
                <g class="timeline__arrows">
                    <For
                        each=move || arrow_ids.get()
                        key=|link| *link
                        children=move |(successor, predecessor)| {
                            view! {
                                <TimelineArrow
                                    timeline=timeline
                                    successor=successor
                                    predecessor=predecessor
                                />
                            }
                        }
                    />
                </g>
                <g class="timeline__bars">
                    <For
                        each=move || timeline.row_ids.get()
                        key=|task| *task
                        children=move |task| view! { <TimelineBar timeline=timeline task=task /> }
                    />
                </g>
                {move || {
                    rubber_band
                        .get()
                        .map(|(from, to)| {
                            view! {
                                <line
                                    class="timeline__rubber-band"
                                    x1=number(from.0)
                                    y1=number(from.1)
                                    x2=number(to.0)
                                    y2=number(to.1)
                                />
                            }
                        })
                }}
            </svg>
        </div>
    }
}

/// One task's bar, summary bracket or milestone diamond, with its handles, connector, title
/// and baseline bar. Focusable and named by the task's title.
/// A vertical line of `class` at `x`, from the top of its SVG down to `bottom`: the today and
/// deadline lines and the gridlines.
fn vertical_line(class: &'static str, x: f64, bottom: f64) -> impl IntoView {
    view! { <line class=class x1=number(x) x2=number(x) y1="0" y2=number(bottom) /> }
}

#[component]
fn TimelineBar(timeline: TimelineContext, task: TaskId) -> impl IntoView {
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

/// One dependency arrow: selectable with the pointer or the keyboard to change its type or lag,
/// or deleted with the Delete key.
#[component]
fn TimelineArrow(
    timeline: TimelineContext,
    successor: TaskId,
    predecessor: TaskId,
) -> impl IntoView {
    let state = AppState::expect();
    let arrow = Memo::new(move |_| {
        timeline
            .layout
            .with(|layout| layout.arrow(successor, predecessor).cloned())
    });
    // The lines are drawn with plain attribute values and drawn again when the arrow changes.
    let lines = move || {
        arrow.with(|arrow| {
            arrow.as_ref().map(|arrow| {
                let points = points_attribute(&arrow.points);
                view! {
                    <polyline class="timeline__arrow-hit" points=points.clone() />
                    <polyline class="timeline__arrow-line" points=points />
                    <polygon class="timeline__arrow-head" points=points_attribute(&arrow.head) />
                }
            })
        })
    };
    let label = move || arrow.with(|arrow| arrow.as_ref().map(describe_arrow).unwrap_or_default());
    let class = move || {
        let critical = timeline.show_critical.get()
            && arrow.with(|arrow| arrow.as_ref().is_some_and(|arrow| arrow.critical));
        if critical {
            "timeline__arrow timeline__arrow--critical"
        } else {
            "timeline__arrow"
        }
    };
    let open = move || timeline.editing_link.set(Some((successor, predecessor)));
    let on_keydown = move |event: web_sys::KeyboardEvent| match event.key().as_str() {
        "Enter" | " " => {
            event.prevent_default();
            open();
        }
        "Delete" | "Backspace" => {
            event.prevent_default();
            state.unlink_tasks(timeline.project, successor, predecessor);
        }
        _ => {}
    };
    view! {
        <g
            class=class
            role="button"
            tabindex="0"
            aria-label=label
            aria-haspopup="dialog"
            on:click=move |_| open()
            on:keydown=on_keydown
        >
            {lines}
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkKind;

    #[test]
    fn arrows_are_read_with_their_tasks_kind_and_lag() {
        let arrow = ArrowLayout {
            predecessor: TaskId(uuid::Uuid::from_u128(1)),
            successor: TaskId(uuid::Uuid::from_u128(2)),
            predecessor_title: "Design".to_string(),
            successor_title: "Build".to_string(),
            kind: LinkKind::StartToStart,
            lag: 2,
            critical: false,
            points: Vec::new(),
            head: [(0.0, 0.0); 3],
        };
        assert_eq!(
            describe_arrow(&arrow),
            "Dependency “Design” to “Build”, start to start, lag 2 working days"
        );
        let plain = ArrowLayout {
            kind: LinkKind::FinishToStart,
            lag: 0,
            ..arrow
        };
        assert_eq!(
            describe_arrow(&plain),
            "Dependency “Design” to “Build”, finish to start"
        );
    }
}
