//! The Timeline view: the task list beside a Gantt chart, with zoom, the critical path,
//! baselines, direct manipulation, printing and SVG export.
//!
//! The page owns the view state (zoom, toggles, collapsed parents, scroll position, the drag
//! in progress) as local signals, and derives everything else in memos: the rows, the
//! schedule, the window of rows and days on screen and, from those, the pure
//! [`layout::layout`]. The list (`list.rs`) and the chart (`chart.rs`, with `bar.rs` and
//! `arrow.rs`) draw that layout, one keyed component and one memo per rendered row; they share
//! the [`TimelineContext`] (`context.rs`), and the schedule comes from [`OpenSchedule`]
//! (`open_schedule.rs`). Changes go through `AppState` verbs; a drag shows a preview from a
//! local signal and writes once, on drop. Left out: scheduling itself (`model::schedule`) and
//! wording of errors (`ui::messages`).

pub mod arrow;
pub mod bar;
pub mod baseline;
pub mod chart;
pub mod context;
pub mod dependency;
pub mod drag;
pub mod export;
pub mod layout;
pub mod list;
pub mod open_schedule;

pub use context::{focus_element, TimelineContext};
pub use open_schedule::OpenSchedule;

use super::widgets::file::download;
use crate::model::calendar::shift;
use crate::model::io::file_name;
use crate::model::schedule::Rescheduler;
use crate::model::{Project, ProjectId, TaskId};
use crate::store::AppState;
use baseline::SetBaselineDialog;
use chart::TimelineChart;
use context::window_viewport;
use dependency::DependencyDialog;
use drag::{preview_with, Drag};
use layout::{
    layout, same_outline, span, timeline_rows, window, Geometry, LayoutInput, Scale, Span,
    TimelineRows, Viewport, Window, HEADER_HEIGHT, LIST_WIDTH,
};
use leptos::prelude::*;
use list::TimelineList;
use std::collections::HashSet;
use std::sync::Arc;

/// The Timeline of project `id`.
#[component]
pub fn TimelinePage(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let scale = RwSignal::new(Scale::default());
    let show_critical = RwSignal::new(false);
    let show_baseline = RwSignal::new(false);
    let collapsed = RwSignal::new(HashSet::<TaskId>::new());
    let viewport = RwSignal::new(Viewport::default());
    let list_width = RwSignal::new(LIST_WIDTH);
    // On a narrow screen the task list is collapsed until asked for (style/timeline.css).
    let list_open = RwSignal::new(false);
    let drag = RwSignal::new(None::<Drag>);
    let selected = RwSignal::new(None::<TaskId>);
    let editing_link = RwSignal::new(None::<(TaskId, TaskId)>);
    let setting_baseline = RwSignal::new(false);
    let scroller = NodeRef::<leptos::html::Div>::new();

    // The rows (outline, positions, successors, baseline dates) are kept across changes that
    // move dates only, as every drag and keyboard nudge does: the outline reads no date.
    let rows_source = StoredValue::new(None::<(Arc<Project>, HashSet<TaskId>)>);
    let rows = Memo::new_owning(move |previous: Option<TimelineRows>| {
        collapsed.with(|collapsed| {
            state.workspace().with(|workspace| {
                let Some(project) = workspace.projects().iter().find(|known| known.id == id) else {
                    rows_source.set_value(None);
                    return (TimelineRows::default(), true);
                };
                let kept = rows_source.with_value(|source| {
                    source.as_ref().is_some_and(|(before, known)| {
                        known == collapsed && same_outline(before, project)
                    })
                });
                rows_source.set_value(Some((Arc::clone(project), collapsed.clone())));
                match previous {
                    Some(previous) if kept => (previous, false),
                    _ => (timeline_rows(project, collapsed), true),
                }
            })
        })
    });
    let schedule = OpenSchedule::expect_for(state, id);
    let span = Memo::new(move |_| {
        let today = state.today.get();
        schedule.with(|schedule| {
            state.workspace().with(|workspace| {
                workspace
                    .find_project(id)
                    .map(|project| span(project, schedule, today))
                    .unwrap_or(Span {
                        origin: today,
                        end: shift(today, 120),
                    })
            })
        })
    });
    let visible = Memo::new(move |_| {
        let rows = rows.with(|rows| rows.rows.len());
        window(viewport.get(), rows, span.get(), scale.get())
    });
    let geometry = Memo::new(move |_| Geometry::new(span.get(), scale.get()));
    // Only a change of the snapped dates reschedules the preview, not every pointer move.
    let proposed = Memo::new(move |_| {
        let geometry = geometry.get();
        drag.with(|drag| {
            drag.as_ref().and_then(|drag| {
                drag.proposed_dates(geometry)
                    .map(|(start, end)| (drag.task, start, end))
            })
        })
    });
    // The project's network is built once per drag, at its first move, and kept until the
    // drag ends or the project changes.
    let kept_network = StoredValue::new(None::<(Arc<Project>, Rescheduler)>);
    let preview = Memo::new(move |_| {
        let Some((task, start, end)) = proposed.get() else {
            kept_network.set_value(None);
            return None;
        };
        state.workspace().with(|workspace| {
            let project = workspace
                .projects()
                .iter()
                .find(|project| project.id == id)?;
            let kept = kept_network.with_value(|kept| {
                kept.as_ref()
                    .is_some_and(|(built, _)| Arc::ptr_eq(built, project))
            });
            if !kept {
                let rescheduler = state
                    .rescheduler_for(project)
                    .unwrap_or_else(|| Rescheduler::new(project));
                kept_network.set_value(Some((Arc::clone(project), rescheduler)));
            }
            kept_network.with_value(|kept| {
                kept.as_ref().and_then(|(_, rescheduler)| {
                    preview_with(rescheduler, project, task, start, end)
                })
            })
        })
    });
    let layout = Memo::new(move |_| {
        let today = state.today.get();
        let scale = scale.get();
        let show_baseline = show_baseline.get();
        let span = span.get();
        let window = visible.get();
        preview.with(|preview| {
            rows.with(|rows| {
                schedule.with(|schedule| {
                    state.workspace().with(|workspace| {
                        workspace
                            .find_project(id)
                            .map(|project| {
                                layout(&LayoutInput {
                                    project,
                                    schedule,
                                    rows,
                                    span,
                                    scale,
                                    window,
                                    today,
                                    preview: preview.as_ref(),
                                    show_baseline,
                                })
                            })
                            .unwrap_or_default()
                    })
                })
            })
        })
    });
    let row_ids = Memo::new(move |_| {
        layout.with(|layout| layout.rows.iter().map(|row| row.task).collect::<Vec<_>>())
    });
    let has_baseline = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .is_some_and(|project| project.baseline().is_some())
        })
    });
    let timeline = TimelineContext {
        project: id,
        scale,
        show_critical,
        show_baseline,
        collapsed,
        viewport,
        list_width,
        drag,
        selected,
        editing_link,
        rows,
        layout,
        row_ids,
        has_baseline,
        scroller,
    };

    // Open the chart where the work is. The window's size stands in for the chart's until it
    // is measured, so that the first render already draws the days that will be on screen
    // (the window snaps to blocks, so the measured size rarely changes it).
    let estimate = window_viewport();
    let opening_left = schedule.with_untracked(|schedule| {
        layout::opening_scroll_left(
            geometry.get_untracked(),
            schedule,
            state.today.get_untracked(),
            estimate.width,
        )
    });
    viewport.set(Viewport {
        scroll_left: opening_left,
        ..estimate
    });
    // Scroll there once the scroller is in the page, and measure whenever the window is resized.
    let opened = StoredValue::new(false);
    Effect::new(move |_| {
        if scroller.get().is_some() {
            if !opened.get_value() {
                opened.set_value(true);
                timeline.scroll_to_x(opening_left);
            }
            timeline.measure_list();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| timeline.measure_list());
    // Escape cancels a drag; the pointer's release then changes nothing.
    let escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && drag.with_untracked(Option::is_some) {
            event.prevent_default();
            drag.set(None);
        }
    });
    on_cleanup(move || {
        resize.remove();
        escape.remove();
    });

    let task_count = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .map(|project| project.tasks().len())
                .unwrap_or(0)
        })
    });
    let baseline_note = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .and_then(|project| project.baseline())
                .map(|baseline| {
                    format!(
                        "Baseline {}, set {}",
                        super::messages::quoted(&baseline.name),
                        super::format::date(baseline.created)
                    )
                })
        })
    });

    let zoom = move |target: Scale| {
        // Keep the day in the middle of the chart where it is.
        let before = viewport.get_untracked();
        let middle = layout::middle_date(geometry.get_untracked(), before);
        scale.set(target);
        request_animation_frame(move || {
            // The page may have gone in the meantime.
            if let Some(after) = geometry.try_get_untracked() {
                timeline.scroll_to_x(layout::scroll_left_to_centre(after, middle, before.width));
            }
        });
    };
    let go_to_today = move |_| {
        let today = state.today.get_untracked();
        let width = viewport.get_untracked().width;
        timeline.scroll_to_x(layout::scroll_left_to_show(
            geometry.get_untracked(),
            today,
            width,
        ));
    };
    let save_svg = move |_| {
        let today = state.today.get_untracked();
        let file = state.workspace().with_untracked(|workspace| {
            let project = workspace.find_project(id)?;
            let drawing = schedule.with_untracked(|schedule| {
                rows.with_untracked(|rows| {
                    let span = span.get_untracked();
                    layout::layout(&LayoutInput {
                        project,
                        schedule,
                        rows,
                        span,
                        scale: scale.get_untracked(),
                        window: Window::everything(rows.rows.len(), span),
                        today,
                        preview: None,
                        show_baseline: show_baseline.get_untracked(),
                    })
                })
            });
            let stem = file_name(&project.name);
            let stem = stem.trim_end_matches(".ironplan.json");
            Some((
                format!("{stem}-timeline.svg"),
                export::timeline_svg(&drawing, &project.name, show_critical.get_untracked()),
            ))
        });
        if let Some((name, text)) = file {
            if let Err(error) = download(&name, &text, "image/svg+xml") {
                state.fail(error);
            }
        }
    };
    let print = move |_| {
        let _ = leptos::prelude::window().print();
    };
    let canvas_style = move || {
        let width = layout.with(|layout| layout.width);
        format!("width: {}px", layout::number(list_width.get() + width))
    };
    // Focused bars scroll into view beside the sticky list and below the sticky header.
    let scroller_style = move || {
        format!(
            "scroll-padding: {}px 0 0 {}px",
            layout::number(HEADER_HEIGHT),
            layout::number(list_width.get())
        )
    };
    let toggle_list = move |_| {
        list_open.update(|open| *open = !*open);
        request_animation_frame(move || timeline.measure_list());
    };
    let pressed = |on: bool| if on { "true" } else { "false" };

    view! {
        <section
            class=move || {
                if list_open.get() { "timeline timeline--list-open" } else { "timeline" }
            }
            aria-label="Timeline"
        >
            <div class="timeline__toolbar">
                <button
                    type="button"
                    class="button button--small timeline__list-toggle"
                    aria-expanded=move || pressed(list_open.get())
                    aria-controls="timeline-list"
                    on:click=toggle_list
                >
                    "Task list"
                </button>
                <div class="timeline__group" role="group" aria-label="Zoom">
                    {Scale::ALL
                        .into_iter()
                        .map(|target| {
                            view! {
                                <button
                                    type="button"
                                    class="button button--small"
                                    aria-pressed=move || pressed(scale.get() == target)
                                    on:click=move |_| zoom(target)
                                >
                                    {target.label()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <button type="button" class="button button--small" on:click=go_to_today>
                    "Today"
                </button>
                <button
                    type="button"
                    class="button button--small"
                    aria-pressed=move || pressed(show_critical.get())
                    on:click=move |_| show_critical.update(|on| *on = !*on)
                >
                    "Critical path"
                </button>
                <button
                    type="button"
                    class="button button--small"
                    aria-pressed=move || pressed(show_baseline.get() && has_baseline.get())
                    disabled=move || !has_baseline.get()
                    title="Show the current baseline's bars under the bars"
                    on:click=move |_| show_baseline.update(|on| *on = !*on)
                >
                    "Baseline"
                </button>
                <button
                    type="button"
                    class="button button--small"
                    on:click=move |_| setting_baseline.set(true)
                >
                    "Set baseline"
                </button>
                <button type="button" class="button button--small" on:click=save_svg>
                    "Save as SVG"
                </button>
                <button
                    type="button"
                    class="button button--small"
                    aria-keyshortcuts="Control+P"
                    on:click=print
                >
                    "Print"
                </button>
                <span class="timeline__note">{move || baseline_note.get()}</span>
            </div>
            <Show
                when=move || task_count.get() != 0
                fallback=|| {
                    view! {
                        <p class="empty">
                            "No tasks yet. Add tasks with “New task” to see them on the timeline."
                        </p>
                    }
                }
            >
                <div
                    class="timeline__scroller"
                    style=scroller_style
                    node_ref=scroller
                    on:scroll=move |_| timeline.measure()
                >
                    <div class="timeline__canvas" style=canvas_style>
                        <TimelineList timeline=timeline />
                        <TimelineChart timeline=timeline />
                    </div>
                </div>
                <p class="timeline__hint">
                    "Drag a bar to move it, its ends to change its dates, and the dot after it onto another bar to add a dependency. With a bar focused, the arrow keys move it by a day and Shift with an arrow key changes its end; Enter opens it."
                </p>
            </Show>
            {move || {
                editing_link
                    .get()
                    .map(|(successor, predecessor)| {
                        view! {
                            <DependencyDialog
                                project=id
                                successor=successor
                                predecessor=predecessor
                                on_close=Callback::new(move |_| editing_link.set(None))
                            />
                        }
                    })
            }}
            <Show when=move || setting_baseline.get()>
                <SetBaselineDialog
                    project=id
                    on_close=Callback::new(move |saved: bool| {
                        setting_baseline.set(false);
                        if saved {
                            show_baseline.set(true);
                        }
                    })
                />
            </Show>
        </section>
    }
}
