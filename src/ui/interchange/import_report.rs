//! The "Import report" dialog: what a converted file will bring and what did not carry over,
//! before anything changes.

use super::super::import::ImportFlow;
use super::super::messages::count_of;
use super::super::widgets::{unique_id, Modal};
use crate::model::io::Plan;

use leptos::prelude::*;

/// What a converted file will bring: the project's name, and the counts the dialog lists.
fn arrival(plan: &Plan) -> (String, [(&'static str, String); 4]) {
    let Plan::Project(imported) = plan else {
        // Converters always bring one project; a workspace file never reaches this dialog.
        return (String::new(), Default::default());
    };
    let project = &imported.project;
    let dependencies = project
        .tasks()
        .iter()
        .map(|task| task.dependencies.len())
        .sum();
    let counts = [
        ("Tasks", count_of(project.tasks().len(), "task", "tasks")),
        (
            "Dependencies",
            count_of(dependencies, "dependency", "dependencies"),
        ),
        (
            "People",
            count_of(imported.people.len(), "person", "people"),
        ),
        (
            "Baselines",
            count_of(project.baselines().len(), "baseline", "baselines"),
        ),
    ];
    (project.name.clone(), counts)
}

/// Shows what a converted file will bring, with "Import" and "Cancel"; nothing changes until
/// "Import".
#[component]
pub fn ImportReportDialog() -> impl IntoView {
    let flow = ImportFlow::expect();
    let cancel = move || flow.report.set(None);
    move || {
        flow.report.get().map(|report| {
            let (name, counts) = arrival(&report.pending.plan);
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
                        {std::iter::once(("Project", name))
                            .chain(counts)
                            .map(|(term, value)| view! {
                                <dt>{term}</dt>
                                <dd>{value}</dd>
                            })
                            .collect_view()}
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
