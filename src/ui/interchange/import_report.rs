//! The "Import report" dialog: what a converted file will bring and what did not carry over,
//! before anything changes.

use super::super::import::ImportFlow;
use super::super::messages::count_of;
use super::super::widgets::{unique_id, Modal};
use crate::model::io::Plan;

use leptos::prelude::*;

/// What a converted file will bring, counted.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Arrival {
    name: String,
    tasks: usize,
    dependencies: usize,
    people: usize,
    baselines: usize,
}

impl Arrival {
    fn of(plan: &Plan) -> Arrival {
        match plan {
            Plan::Project(imported) => Arrival {
                name: imported.project.name.clone(),
                tasks: imported.project.tasks().len(),
                dependencies: imported
                    .project
                    .tasks()
                    .iter()
                    .map(|task| task.dependencies.len())
                    .sum(),
                people: imported.people.len(),
                baselines: imported.project.baselines().len(),
            },
            Plan::Workspace(workspace) => Arrival {
                name: workspace
                    .projects()
                    .iter()
                    .map(|project| project.name.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
                tasks: workspace.projects().iter().map(|p| p.tasks().len()).sum(),
                dependencies: workspace
                    .projects()
                    .iter()
                    .flat_map(|project| project.tasks())
                    .map(|task| task.dependencies.len())
                    .sum(),
                people: workspace.people().len(),
                baselines: workspace
                    .projects()
                    .iter()
                    .map(|p| p.baselines().len())
                    .sum(),
            },
        }
    }
}

/// Shows what a converted file will bring, with "Import" and "Cancel"; nothing changes until
/// "Import".
#[component]
pub fn ImportReportDialog() -> impl IntoView {
    let flow = ImportFlow::expect();
    let cancel = move || flow.report.set(None);
    move || {
        flow.report.get().map(|report| {
            let arrival = Arrival::of(&report.pending.plan);
            let heading = unique_id("not-carried-over");
            let losses = if report.losses.is_empty() {
                view! { <p class="import-report__all">"Everything carried over"</p> }.into_any()
            } else {
                view! {
                    <h3 id=heading.clone() class="import-report__heading">
                        "Not carried over"
                    </h3>
                    <ul class="import-report__losses" aria-labelledby=heading>
                        {report.losses.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            };
            view! {
                <Modal title="Import report" on_close=Callback::new(move |_| cancel())>
                    <dl class="import-report__counts">
                        <dt>"Project"</dt>
                        <dd>{arrival.name}</dd>
                        <dt>"Tasks"</dt>
                        <dd>{count_of(arrival.tasks, "task", "tasks")}</dd>
                        <dt>"Dependencies"</dt>
                        <dd>{count_of(arrival.dependencies, "dependency", "dependencies")}</dd>
                        <dt>"People"</dt>
                        <dd>{count_of(arrival.people, "person", "people")}</dd>
                        <dt>"Baselines"</dt>
                        <dd>{count_of(arrival.baselines, "baseline", "baselines")}</dd>
                    </dl>
                    {losses}
                    <div class="modal__actions">
                        <button type="button" class="button" on:click=move |_| cancel()>
                            "Cancel"
                        </button>
                        <button
                            type="button"
                            class="button button--primary"
                            autofocus
                            on:click=move |_| flow.confirm_report()
                        >
                            "Import"
                        </button>
                    </div>
                </Modal>
            }
        })
    }
}
