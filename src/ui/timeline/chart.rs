//! The chart right of the list: the date header, shading, the today and deadline lines,
//! dependency arrows (`arrow.rs`) and bars (`bar.rs`), drawn as SVG from the layout.
//!
//! Bars and arrows are keyed components with a memo each, whose elements stay while they are
//! rendered (attributes change, elements do not), so a focused bar keeps the focus while the
//! arrow keys move it. Pointer events are handled once, on the chart: the part pressed
//! (`data-drag`) and its task (`data-task`) say what a drag does, the chart captures the
//! pointer, and the drop is committed through the store. No geometry is computed here.

use super::super::tasks::editor::TaskEditor;
use super::arrow::TimelineArrow;
use super::bar::TimelineBar;
use super::drag::{Drag, DragKind, DragOutcome};
use super::layout::{number, pinned_label_x, BarKind, Point, HEADER_HEIGHT};
use super::{focus_element, TimelineContext};
use crate::model::TaskId;
use crate::store::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The longest pause between the two clicks of a double click, in milliseconds.
const DOUBLE_CLICK_MS: f64 = 500.0;

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

/// A vertical line of `class` at `x`, from the top of its SVG down to `bottom`: the today and
/// deadline lines and the gridlines.
fn vertical_line(class: &'static str, x: f64, bottom: f64) -> impl IntoView {
    view! { <line class=class x1=number(x) x2=number(x) y1="0" y2=number(bottom) /> }
}
