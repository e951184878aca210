//! "Who is busy": hours of remaining work per team member per week against their capacity,
//! over-allocation marked in words as well as colour. Selecting a cell lists the tasks behind
//! it. The figures are the model's `workload`; this module lays them out.

use super::super::format;
use crate::model::workload::{workload, WorkloadCell, WorkloadScope};
use crate::model::{ProjectId, Week};
use crate::store::AppState;
use leptos::prelude::*;

/// Weeks the grid shows, from the current one.
const WEEKS: usize = 8;

/// One cell as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct CellView {
    hours: String,
    over: bool,
    /// What a screen reader hears: "Ada, week of 2 Mar 2026: 45 h of 40 h, over capacity".
    label: String,
    /// Task title, hours.
    tasks: Vec<(String, String)>,
    /// Other projects' hours, when any.
    other: Option<String>,
}

/// One row as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RowView {
    name: String,
    capacity: String,
    cells: Vec<CellView>,
}

/// The grid as shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct GridView {
    weeks: Vec<String>,
    rows: Vec<RowView>,
}

fn cell_view(
    name: &str,
    week: Week,
    cell: &WorkloadCell,
    capacity: Option<String>,
    title_of: &dyn Fn(crate::model::TaskId) -> String,
) -> CellView {
    let hours = format::hours(cell.hours);
    let mut label = format!("{name}, week of {}: {hours}", format::date(week.start));
    if let Some(capacity) = &capacity {
        label.push_str(&format!(" of {capacity}"));
    }
    if cell.other_hours.centi() > 0 {
        label.push_str(&format!(
            ", plus {} on other projects",
            format::hours(cell.other_hours)
        ));
    }
    if cell.over_allocated {
        label.push_str(", over capacity");
    }
    CellView {
        hours,
        over: cell.over_allocated,
        label,
        tasks: cell
            .tasks
            .iter()
            .map(|share| (title_of(share.task), format::hours(share.hours)))
            .collect(),
        other: (cell.other_hours.centi() > 0).then(|| format::hours(cell.other_hours)),
    }
}

/// The workload grid of project `id`.
#[component]
pub fn WorkloadGrid(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let grid = Memo::new(move |_| {
        let today = state.today.get();
        state.workspace().with(|workspace| {
            let Some(project) = workspace.find_project(id) else {
                return GridView::default();
            };
            let first = Week::containing(today, format::week_start());
            let load = workload(workspace, WorkloadScope::Project(id), today, first, WEEKS);
            let title_of = |task| {
                project
                    .find_task(task)
                    .map(|task| task.title.clone())
                    .unwrap_or_default()
            };
            let mut rows: Vec<RowView> = load
                .rows
                .iter()
                .map(|row| {
                    let name = workspace
                        .person(row.person)
                        .map(|person| person.name.clone())
                        .unwrap_or_default();
                    let capacity = format::hours(row.capacity);
                    RowView {
                        cells: row
                            .cells
                            .iter()
                            .map(|cell| {
                                cell_view(&name, cell.week, cell, Some(capacity.clone()), &title_of)
                            })
                            .collect(),
                        name,
                        capacity,
                    }
                })
                .collect();
            if load.unassigned.iter().any(|cell| cell.hours.centi() > 0) {
                rows.push(RowView {
                    name: "Unassigned".to_string(),
                    capacity: "—".to_string(),
                    cells: load
                        .unassigned
                        .iter()
                        .map(|cell| cell_view("Unassigned", cell.week, cell, None, &title_of))
                        .collect(),
                });
            }
            GridView {
                weeks: load
                    .weeks
                    .iter()
                    .map(|week| format::date(week.start))
                    .collect(),
                rows,
            }
        })
    });
    let selected = RwSignal::new(None::<(usize, usize)>);
    let details = Memo::new(move |_| {
        let (row, column) = selected.get()?;
        grid.with(|grid| {
            let row_view = grid.rows.get(row)?;
            let cell = row_view.cells.get(column)?;
            Some((
                format!("{}, week of {}", row_view.name, grid.weeks.get(column)?),
                cell.clone(),
            ))
        })
    });
    view! {
        <section class="dashboard__section" aria-labelledby="dashboard-workload">
            <h2 id="dashboard-workload">"Who is busy"</h2>
            <p class="field__hint">
                "Remaining work per person and week against their weekly capacity. Select a cell to see the tasks behind it."
            </p>
            <Show
                when=move || grid.with(|grid| !grid.rows.is_empty())
                fallback=|| view! { <p class="field__hint">"Nobody is on the team yet."</p> }
            >
                <div class="table-scroll">
                    <table class="table workload">
                        <caption class="visually-hidden">"Hours of work per person per week"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Person (capacity)"</th>
                                {move || {
                                    grid.get()
                                        .weeks
                                        .into_iter()
                                        .map(|week| view! { <th scope="col" class="numeric">{week}</th> })
                                        .collect_view()
                                }}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                grid.get()
                                    .rows
                                    .into_iter()
                                    .enumerate()
                                    .map(|(row_index, row)| {
                                        view! {
                                            <tr>
                                                <th scope="row">{format!("{} ({})", row.name, row.capacity)}</th>
                                                {row
                                                    .cells
                                                    .into_iter()
                                                    .enumerate()
                                                    .map(|(column, cell)| {
                                                        let here = (row_index, column);
                                                        let class = if cell.over {
                                                            "workload__cell workload__cell--over"
                                                        } else {
                                                            "workload__cell"
                                                        };
                                                        view! {
                                                            <td class="numeric">
                                                                <button
                                                                    type="button"
                                                                    class=class
                                                                    aria-label=cell.label.clone()
                                                                    aria-pressed=move || if selected.get() == Some(here) { "true" } else { "false" }
                                                                    on:click=move |_| {
                                                                        selected.update(|current| {
                                                                            *current = if *current == Some(here) { None } else { Some(here) };
                                                                        })
                                                                    }
                                                                >
                                                                    {cell.hours.clone()}
                                                                    {cell.over.then(|| view! { <span class="workload__over">" Over"</span> })}
                                                                </button>
                                                            </td>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
            {move || {
                details
                    .get()
                    .map(|(heading, cell)| {
                        view! {
                            <div class="workload__details" role="region" aria-label="Tasks behind the selected cell">
                                <h3>{heading}</h3>
                                {if cell.tasks.is_empty() {
                                    view! { <p class="field__hint">"No work planned on this project that week."</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="workload__tasks">
                                            {cell
                                                .tasks
                                                .into_iter()
                                                .map(|(title, hours)| view! { <li>{format!("{title}: {hours}")}</li> })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                                {cell.other.map(|other| view! { <p class="field__hint">{format!("Plus {other} on other projects.")}</p> })}
                            </div>
                        }
                    })
            }}
        </section>
    }
}
