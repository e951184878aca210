//! The dialog for a selected dependency arrow: change its link type or lag, or delete it.
//!
//! Opened from the chart; every change is one undoable store verb, and what the model refuses
//! is shown inside the dialog with the tasks named.

use super::super::messages::{describe, lag_must_be_whole, quoted};
use super::super::widgets::{Modal, SelectField, TextField};
use crate::model::{Dependency, LinkKind, ProjectId, TaskId};
use crate::store::AppState;
use leptos::prelude::*;

/// Reads a lag typed by the user: a whole number of working days, negative for a lead. A
/// typographic minus is accepted.
pub fn parse_lag(text: &str) -> Option<i32> {
    text.trim().replace('−', "-").parse::<i32>().ok()
}

/// Edits the dependency of `successor` on `predecessor`; shows nothing when it no longer exists.
#[component]
pub fn DependencyDialog(
    /// The project both tasks belong to.
    project: ProjectId,
    /// The task that waits.
    successor: TaskId,
    /// The task it waits for.
    predecessor: TaskId,
    /// Called when the dialog closes, saved or not.
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let current = state.workspace().with_untracked(|workspace| {
        let project = workspace.find_project(project)?;
        let successor_task = project.find_task(successor)?;
        let dependency = *successor_task.dependency_on(predecessor)?;
        let predecessor_task = project.find_task(predecessor)?;
        Some((
            dependency,
            predecessor_task.title.clone(),
            successor_task.title.clone(),
        ))
    });
    let Some((dependency, predecessor_title, successor_title)) = current else {
        return ().into_any();
    };
    let kind = RwSignal::new(dependency.kind.abbreviation().to_string());
    let lag = RwSignal::new(dependency.lag.to_string());
    let lag_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let kind_options: Vec<(String, String)> = LinkKind::ALL
        .into_iter()
        .map(|kind| {
            (
                kind.abbreviation().to_string(),
                format!("{} ({})", kind.label(), kind.abbreviation()),
            )
        })
        .collect();
    let title = format!(
        "Dependency {} → {}",
        quoted(&predecessor_title),
        quoted(&successor_title)
    );
    let explanation = format!(
        "{} waits for {}.",
        quoted(&successor_title),
        quoted(&predecessor_title)
    );
    let save = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let Some(new_lag) = parse_lag(&lag.get_untracked()) else {
            lag_error.set(Some(lag_must_be_whole()));
            return;
        };
        lag_error.set(None);
        let new_kind =
            LinkKind::from_abbreviation(&kind.get_untracked()).unwrap_or(dependency.kind);
        let edited = Dependency {
            predecessor,
            kind: new_kind,
            lag: new_lag,
        };
        if edited == dependency {
            on_close.run(());
            return;
        }
        match state.edit_dependency(project, successor, edited) {
            Ok(()) => on_close.run(()),
            Err(problem) => {
                let message = state
                    .workspace()
                    .with_untracked(|workspace| describe(&problem, workspace));
                error.set(Some(message));
            }
        }
    };
    let delete = move |_| {
        if state.unlink_tasks(project, successor, predecessor) {
            on_close.run(());
        }
    };
    view! {
        <Modal title=title on_close=on_close class="modal--narrow">
            <form class="form" on:submit=save novalidate>
                <p class="modal__message">{explanation}</p>
                <SelectField label="Link type" value=kind options=kind_options />
                <TextField
                    label="Lag (working days)"
                    input_type="number"
                    step="1"
                    value=lag
                    hint="Negative lag lets the tasks overlap."
                    error=lag_error
                />
                <Show when=move || error.get().is_some()>
                    <p class="form__error" role="alert">
                        {move || error.get().unwrap_or_default()}
                    </p>
                </Show>
                <div class="modal__actions">
                    <button
                        type="button"
                        class="button button--danger modal__actions-start"
                        on:click=delete
                    >
                        "Delete dependency"
                    </button>
                    <button type="button" class="button" on:click=move |_| on_close.run(())>
                        "Cancel"
                    </button>
                    <button type="submit" class="button button--primary">
                        "Save"
                    </button>
                </div>
            </form>
        </Modal>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lags_are_whole_numbers_with_either_minus_sign() {
        assert_eq!(parse_lag(" 2 "), Some(2));
        assert_eq!(parse_lag("-1"), Some(-1));
        assert_eq!(parse_lag("−3"), Some(-3));
        assert_eq!(parse_lag("1.5"), None);
        assert_eq!(parse_lag("soon"), None);
    }
}
