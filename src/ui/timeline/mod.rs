//! The Timeline view: the task list beside a Gantt chart, with zoom, the critical path,
//! baselines, direct manipulation, printing and SVG export.
//!
//! The page owns the view state (zoom, toggles, collapsed parents, scroll position, the drag
//! in progress) as local signals, and derives everything else in memos: the rows, the
//! schedule, the window of rows and days on screen and, from those, the pure
//! [`layout::layout`]. The list (`list.rs`) and the chart (`chart.rs`) draw that layout, one
//! keyed component and one memo per rendered row. Changes go through `AppState` verbs; a drag
//! shows a preview from a local signal and writes once, on drop. Left out: scheduling itself
//! (`model::schedule`) and wording of errors (`ui::messages`).

pub mod arrow;
pub mod bar;
pub mod baseline;
pub mod chart;
pub mod dependency;
pub mod drag;
pub mod export;
pub mod layout;
pub mod list;

use super::widgets::file::download;
use crate::model::calendar::shift;
use crate::model::io::file_name;
use crate::model::schedule::Rescheduler;
use crate::model::{schedule, Project, ProjectId, Schedule, TaskId};
use crate::store::AppState;
use baseline::SetBaselineDialog;
use chart::TimelineChart;
use dependency::DependencyDialog;
use drag::{preview_with, Drag};
use layout::{
    layout, span, timeline_rows, window, Geometry, LayoutInput, Scale, Span, TimelineLayout,
    TimelineRows, Viewport, Window, HEADER_HEIGHT, LIST_WIDTH,
};
use leptos::prelude::*;
use list::TimelineList;
use std::collections::HashSet;
use std::sync::Arc;
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
fn window_viewport() -> Viewport {
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

/// The schedule of the project the route shows, shared by every opening of its Timeline. `App`
/// provides it; it is worked out while the app is idle, once the view of a newly opened project
/// is on screen, so that opening the Timeline of a large plan does not wait for the scheduler.
/// Like any memo it is worked out again, lazily, after each change.
#[derive(Clone, Copy)]
pub struct OpenSchedule {
    project: Memo<Option<ProjectId>>,
    schedule: Memo<Schedule>,
}

impl OpenSchedule {
    /// Provides the shared schedule for the route's project.
    pub fn provide(state: AppState) -> OpenSchedule {
        let project = Memo::new(move |_| state.route.with(|route| route.project()));
        let schedule = Memo::new(move |_| {
            let Some(id) = project.get() else {
                return Schedule::default();
            };
            state.workspace().with(|workspace| {
                workspace
                    .find_project(id)
                    .map(schedule::compute)
                    .unwrap_or_default()
            })
        });
        let open = OpenSchedule { project, schedule };
        provide_context(open);
        Effect::new(move |_| {
            if project.get().is_some() {
                // After the frame that paints the project's view, when nothing waits.
                request_animation_frame(move || {
                    request_animation_frame(move || {
                        set_timeout(move || open.prepare(), std::time::Duration::ZERO)
                    })
                });
            }
        });
        open
    }

    /// Works the schedule out now, if it is not already.
    pub fn prepare(self) {
        self.schedule.try_with_untracked(|_| ());
    }

    /// The schedule of project `id`: the shared one when `id` is the route's project (the usual
    /// case), otherwise a memo of its own.
    pub fn expect_for(state: AppState, id: ProjectId) -> Memo<Schedule> {
        match use_context::<OpenSchedule>() {
            Some(open) if open.project.get_untracked() == Some(id) => open.schedule,
            _ => Memo::new(move |_| {
                state.workspace().with(|workspace| {
                    workspace
                        .find_project(id)
                        .map(schedule::compute)
                        .unwrap_or_default()
                })
            }),
        }
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

    let rows = Memo::new(move |_| {
        collapsed.with(|collapsed| {
            state.workspace().with(|workspace| {
                workspace
                    .find_project(id)
                    .map(|project| timeline_rows(project, collapsed))
                    .unwrap_or_default()
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
                kept_network.set_value(Some((Arc::clone(project), Rescheduler::new(project))));
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
