//! The "Set baseline" dialog: names a snapshot of every task's dates, estimate and cost inputs
//! and saves it into the project (and so into the plan file).

use super::super::messages::describe;
use super::super::widgets::{Modal, TextField};
use crate::model::ProjectId;
use crate::store::AppState;
use leptos::prelude::*;

/// Asks for the baseline's name and saves it. `on_close` gets `true` when a baseline was saved.
#[component]
pub fn SetBaselineDialog(
    /// The project to snapshot.
    project: ProjectId,
    /// Called when the dialog closes; `true` after saving.
    on_close: Callback<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let count = state.workspace().with_untracked(|workspace| {
        workspace
            .find_project(project)
            .map(|project| project.baselines().len())
            .unwrap_or(0)
    });
    let name = RwSignal::new(format!("Baseline {}", count + 1));
    let error = RwSignal::new(None::<String>);
    let save = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        match state.set_baseline(project, &name.get_untracked()) {
            Ok(_) => on_close.run(true),
            Err(problem) => {
                let message = state
                    .workspace()
                    .with_untracked(|workspace| describe(&problem, workspace));
                error.set(Some(message));
            }
        }
    };
    view! {
        <Modal title="Set baseline" on_close=Callback::new(move |_| on_close.run(false)) class="modal--narrow">
            <form class="form" on:submit=save novalidate>
                <p class="modal__message">
                    "Saves every task's dates, estimate and cost inputs in the plan, so the timeline can show how far each task has slipped since. The newest baseline is the one compared against."
                </p>
                <TextField label="Baseline name" value=name error=error autofocus=true />
                <div class="modal__actions">
                    <button type="button" class="button" on:click=move |_| on_close.run(false)>
                        "Cancel"
                    </button>
                    <button type="submit" class="button button--primary">
                        "Save"
                    </button>
                </div>
            </form>
        </Modal>
    }
}
