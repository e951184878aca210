//! The Tasks view: every task in a table, with the subtask hierarchy, sorting by any column
//! and a text filter.

use super::super::format;
use super::super::media::use_media_query;
use super::super::messages::{capitalized, describe_conflict};
use super::super::timeline::OpenSchedule;
use super::super::widgets::unique_id;
use super::editor::TaskEditor;
use super::rows::{task_rows, Sort, SortKey, TaskRow};
use crate::model::{ProjectId, TaskId};
use crate::store::AppState;
use crate::ui::widgets::window::list_window;
use leptos::prelude::*;
use std::collections::HashSet;

/// What one row shows.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RowSummary {
    title: String,
    status: String,
    assignee: String,
    priority: &'static str,
    start: String,
    end: String,
    estimate: String,
    progress: u8,
    tags: Vec<String>,
    milestone: bool,
    overdue: bool,
}

/// A task's total float in working days, as the Float column shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RowFloat {
    days: Option<i32>,
    critical: bool,
    conflict: Option<crate::model::schedule::Conflict>,
}

/// Height of a table row in px; style/tasks.css gives rows exactly this height.
const ROW_PX: u32 = 40;
/// Rows rendered beyond the visible ones on each side.
const OVERSCAN: usize = 8;

/// The table columns: sort key and header text.
const COLUMNS: [(SortKey, &str); 10] = [
    (SortKey::Title, "Title"),
    (SortKey::Status, "Status"),
    (SortKey::Assignee, "Assignee"),
    (SortKey::Priority, "Priority"),
    (SortKey::Start, "Start"),
    (SortKey::End, "End"),
    (SortKey::Plan, "Float"),
    (SortKey::Estimate, "Estimate"),
    (SortKey::Progress, "Progress"),
    (SortKey::Plan, "Tags"),
];

/// The Tasks view of project `id`.
#[component]
pub fn TasksPage(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let editor = TaskEditor::expect();
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new(Sort::default());
    let collapsed = RwSignal::new(HashSet::<TaskId>::new());
    let rows = Memo::new(move |_| {
        let text = filter.get();
        let order = sort.get();
        collapsed.with(|collapsed| {
            state.workspace().with(|workspace| {
                workspace
                    .find_project(id)
                    .map(|project| task_rows(project, workspace.people(), &text, order, collapsed))
                    .unwrap_or_default()
            })
        })
    });
    let total = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .map(|project| project.tasks().len())
                .unwrap_or(0)
        })
    });
    // Only the rows on screen, plus a margin, are in the page; printing shows them all. Printing
    // is known from `beforeprint` and from the `print` media query, which also answers to
    // emulated print media (which fires no `beforeprint`).
    let scroller = NodeRef::<leptos::html::Div>::new();
    let scroll_top = RwSignal::new(0.0);
    let viewport = RwSignal::new(900u32);
    let printing = RwSignal::new(false);
    let print_media = use_media_query("print");
    let before_print = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let after_print = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
    });
    Effect::new(move |_| {
        if let Some(element) = scroller.get() {
            let height = element.client_height();
            if height > 0 {
                viewport.set(height as u32);
            }
        }
    });
    let window = Memo::new(move |_| {
        let count = rows.with(|rows| rows.rows.len());
        if printing.get() || print_media.get() {
            return list_window(0.0, u32::MAX, ROW_PX, count, 0);
        }
        list_window(scroll_top.get(), viewport.get(), ROW_PX, count, OVERSCAN)
    });
    let visible = move || -> Vec<(usize, TaskRow)> {
        let range = window.get();
        rows.with(|rows| {
            rows.rows[range.first..range.last]
                .iter()
                .copied()
                .enumerate()
                .map(|(offset, row)| (range.first + offset, row))
                .collect()
        })
    };
    let filter_id = unique_id("filter");
    let header = move |(key, label): (SortKey, &'static str)| {
        if key == SortKey::Plan {
            return view! { <th scope="col">{label}</th> }.into_any();
        }
        let aria_sort = move || {
            let current = sort.get();
            match (current.key == key, current.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            }
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button
                    type="button"
                    class="table__sort"
                    on:click=move |_| sort.update(|sort| *sort = sort.toggled(key))
                >
                    {label}
                    <span class="table__sort-mark" aria-hidden="true">
                        {move || match aria_sort() {
                            "ascending" => "▲",
                            "descending" => "▼",
                            _ => "",
                        }}
                    </span>
                </button>
            </th>
        }
        .into_any()
    };
    view! {
        <section class="tasks" aria-label="Tasks">
            <div class="tasks__toolbar">
                <label for=filter_id.clone() class="tasks__filter-label">
                    "Filter tasks"
                </label>
                <input
                    id=filter_id
                    type="search"
                    class="field__input tasks__filter"
                    placeholder="Title, tag, person or status"
                    prop:value=move || filter.get()
                    on:input=move |event| filter.set(event_target_value(&event))
                />
                <span class="tasks__count" role="status">
                    {move || {
                        let hidden = rows.with(|rows| rows.hidden_by_filter);
                        match (total.get(), hidden) {
                            (0, _) => String::new(),
                            (total, 0) => format!("{total} task{}", if total == 1 { "" } else { "s" }),
                            (total, hidden) => format!("{} of {total} tasks shown, {hidden} hidden by the filter", total - hidden),
                        }
                    }}
                </span>
            </div>
            <Show
                when=move || total.get() != 0
                fallback=move || {
                    view! {
                        <div class="empty">
                            <p>"No tasks yet."</p>
                            <button type="button" class="button button--primary" on:click=move |_| editor.open_new(id, None, None)>
                                "Add the first task"
                            </button>
                        </div>
                    }
                }
            >
                <div
                    class="table-scroll tasks__scroll"
                    node_ref=scroller
                    on:scroll=move |_| {
                        if let Some(element) = scroller.get_untracked() {
                            scroll_top.set(f64::from(element.scroll_top()));
                            viewport.set(element.client_height().max(0) as u32);
                        }
                    }
                >
                    <table class="table tasks__table" aria-rowcount=move || rows.with(|rows| rows.rows.len() + 1)>
                        <caption class="visually-hidden">"Tasks, with subtasks indented under their summary task"</caption>
                        <thead>
                            <tr aria-rowindex="1">{COLUMNS.into_iter().map(header).collect_view()}</tr>
                        </thead>
                        <tbody>
                            <tr class="tasks__spacer" aria-hidden="true" style=move || format!("height: {}px", window.get().before_px)></tr>
                            <For
                                each=visible
                                key=|(index, row)| (*index, *row)
                                children=move |(index, row)| view! { <TaskRowView project=id row=row index=index collapsed=collapsed /> }
                            />
                            <tr class="tasks__spacer" aria-hidden="true" style=move || format!("height: {}px", window.get().after_px)></tr>
                        </tbody>
                    </table>
                </div>
                <Show when=move || rows.with(|rows| rows.rows.is_empty())>
                    <p class="empty">"No task matches the filter."</p>
                </Show>
            </Show>
        </section>
    }
}

/// One row; re-renders only when its own summary changes.
#[component]
fn TaskRowView(
    project: ProjectId,
    row: TaskRow,
    /// Position among all rows, from 0, for `aria-rowindex`.
    index: usize,
    collapsed: RwSignal<HashSet<TaskId>>,
) -> impl IntoView {
    let state = AppState::expect();
    let editor = TaskEditor::expect();
    let summary = Memo::new(move |_| {
        let today = state.today.get();
        state.workspace().with(|workspace| {
            let project = workspace.find_project(project)?;
            let task = project.find_task(row.id)?;
            let done = project.is_done(task);
            Some(RowSummary {
                title: task.title.clone(),
                status: project
                    .column(task.column)
                    .map(|column| column.name.clone())
                    .unwrap_or_default(),
                assignee: task
                    .assignee
                    .and_then(|person| workspace.person(person))
                    .map(|person| person.name.clone())
                    .unwrap_or_default(),
                priority: task.priority.label(),
                start: format::date(task.start),
                end: format::date(task.end),
                estimate: if task.estimate.centi() == 0 {
                    String::new()
                } else {
                    format::hours(task.estimate)
                },
                progress: task.progress.percent(),
                tags: task.tags.clone(),
                milestone: task.milestone,
                overdue: !done && task.end < today,
            })
        })
    });
    let schedule = OpenSchedule::expect_for(state, project);
    let schedule_ready = OpenSchedule::ready(project);
    let float = Memo::new(move |_| {
        if !schedule_ready.get() {
            return None;
        }
        schedule.with(|schedule| {
            schedule.task(row.id).map(|figures| RowFloat {
                days: figures.total_float,
                critical: figures.critical,
                conflict: figures.conflict,
            })
        })
    });
    let toggle = move |_| {
        collapsed.update(|collapsed| {
            if !collapsed.remove(&row.id) {
                collapsed.insert(row.id);
            }
        })
    };
    move || {
        summary.get().map(|summary| {
            let title = summary.title.clone();
            view! {
                <tr
                    class=if summary.milestone { "table__row table__row--milestone" } else { "table__row" }
                    aria-rowindex=index + 2
                >
                    <th scope="row" class="tasks__title" style=format!("--depth: {}", row.depth)>
                        {row.has_children.then(|| {
                            let label = format!("{} subtasks of {}", if row.expanded { "Collapse" } else { "Expand" }, title);
                            view! {
                                <button
                                    type="button"
                                    class="tree-toggle"
                                    aria-expanded=if row.expanded { "true" } else { "false" }
                                    aria-label=label
                                    on:click=toggle
                                >
                                    {if row.expanded { "▾" } else { "▸" }}
                                </button>
                            }
                        })}
                        {summary.milestone.then(|| view! { <span class="milestone-mark" title="Milestone" aria-label="Milestone">"◆"</span> })}
                        <button type="button" class="link-button" on:click=move |_| editor.open_task(project, row.id)>
                            {summary.title.clone()}
                        </button>
                    </th>
                    <td>{summary.status.clone()}</td>
                    <td>{summary.assignee.clone()}</td>
                    <td>{summary.priority}</td>
                    <td>{summary.start.clone()}</td>
                    <td class=if summary.overdue { "overdue" } else { "" }>
                        {summary.end.clone()}
                        {summary.overdue.then(|| view! { <span class="badge badge--danger">"Overdue"</span> })}
                    </td>
                    <td class="numeric">
                        {move || float.get().map(|float| {
                            let critical = format::is_critical(float.days, float.critical);
                            view! {
                                <span class=if critical { "float float--critical" } else { "float" }>
                                    <span aria-hidden="true">
                                        {format::float_short(float.days)}
                                    </span>
                                    <span class="visually-hidden">{format::float_days(float.days, float.critical)}</span>
                                    {float.conflict.map(|conflict| view! {
                                        <span class="badge badge--danger" title=capitalized(&describe_conflict(conflict))>
                                            "Conflict"
                                            <span class="visually-hidden">": " {describe_conflict(conflict)}</span>
                                        </span>
                                    })}
                                </span>
                            }
                        })}
                    </td>
                    <td class="numeric">{summary.estimate.clone()}</td>
                    <td>
                        <span class="progress" role="img" aria-label=format!("{} done", format::percent(summary.progress))>
                            <span class="progress__bar" style=format!("width: {}%", summary.progress)></span>
                        </span>
                        <span class="progress__text">{format::percent(summary.progress)}</span>
                    </td>
                    <td>
                        {summary.tags.iter().map(|tag| view! { <span class="tag">{tag.clone()}</span> }).collect_view()}
                    </td>
                </tr>
            }
        })
    }
}
