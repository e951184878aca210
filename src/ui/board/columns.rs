//! The board's column dialogs: add a column, edit one (name, category, WIP limit), and delete
//! one, which asks where its cards go (the settings' `DeleteColumnDialog`).
//!
//! Each save is one undoable `AppState` verb; problems show beside their field.

use super::super::messages::{describe, quoted};
use super::super::settings::DeleteColumnDialog;
use super::super::widgets::focus::return_focus_next_frame;
use super::super::widgets::{Modal, SelectField, TextField};
use super::column::{edit_button_id, ADD_COLUMN_BUTTON_ID};
use super::BoardContext;
use crate::model::{ColumnCategory, ColumnId, ModelError};
use crate::store::board::ColumnDraft;
use crate::store::AppError;
use leptos::prelude::*;

/// Which column dialog is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnDialog {
    Add,
    Edit(ColumnId),
    Delete(ColumnId),
}

/// What is wrong with a WIP limit that is not a whole number from 1.
const WIP_LIMIT_PROBLEM: &str =
    "A WIP limit is a whole number of cards, at least 1; leave it empty for none.";

/// Reads the WIP limit field: empty for none, otherwise a whole number of cards from 1.
pub fn parse_wip_limit(text: &str) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(limit) if limit >= 1 => Ok(Some(limit)),
        _ => Err(WIP_LIMIT_PROBLEM.to_string()),
    }
}

/// Closes the dialog and gives the focus back to the button that opened it: the column's
/// edit button, or "Add column".
fn close_dialog(ctx: BoardContext, column: Option<ColumnId>) {
    ctx.dialog.set(None);
    let opener = match column {
        Some(column) => edit_button_id(column),
        None => ADD_COLUMN_BUTTON_ID.to_string(),
    };
    // After the dialog's own focus restoration, and after the heading re-rendered.
    return_focus_next_frame(opener);
}

/// The open column dialog, if any.
#[component]
pub fn BoardColumnDialogs() -> impl IntoView {
    let ctx = BoardContext::expect();
    move || {
        ctx.dialog.get().map(|dialog| match dialog {
            ColumnDialog::Add => view! { <ColumnFormDialog column=None /> }.into_any(),
            ColumnDialog::Edit(id) => view! { <ColumnFormDialog column=Some(id) /> }.into_any(),
            ColumnDialog::Delete(id) => {
                let column = ctx.state.workspace().with_untracked(|workspace| {
                    workspace
                        .find_project(ctx.project)
                        .and_then(|project| project.column(id).ok().cloned())
                });
                match column {
                    Some(column) => view! {
                        <DeleteColumnDialog
                            project=ctx.project
                            column=column
                            on_close=Callback::new(move |_| ctx.dialog.set(None))
                        />
                    }
                    .into_any(),
                    None => ().into_any(),
                }
            }
        })
    }
}

/// "Add column" (`column` is `None`) or "Edit column “…”".
#[component]
fn ColumnFormDialog(
    /// The column to edit, or `None` to add one.
    column: Option<ColumnId>,
) -> impl IntoView {
    let ctx = BoardContext::expect();
    let state = ctx.state;
    let current = match column {
        Some(id) => match state.column_draft(ctx.project, id) {
            Ok(draft) => Some(draft),
            Err(_) => {
                ctx.dialog.set(None);
                return ().into_any();
            }
        },
        None => None,
    };
    let columns = state.workspace().with_untracked(|workspace| {
        workspace
            .find_project(ctx.project)
            .map(|project| project.columns().len())
            .unwrap_or(0)
    });
    let title = match &current {
        Some(draft) => format!("Edit column {}", quoted(&draft.name)),
        None => "Add column".to_string(),
    };
    let name = RwSignal::new(
        current
            .as_ref()
            .map(|draft| draft.name.clone())
            .unwrap_or_default(),
    );
    let category = RwSignal::new(
        current
            .as_ref()
            .map(|draft| draft.category)
            .unwrap_or(ColumnCategory::InProgress)
            .key()
            .to_string(),
    );
    let wip = RwSignal::new(
        current
            .as_ref()
            .and_then(|draft| draft.wip_limit)
            .map(|limit| limit.to_string())
            .unwrap_or_default(),
    );
    let name_error = RwSignal::new(None::<String>);
    let wip_error = RwSignal::new(None::<String>);
    let categories: Vec<(String, String)> = ColumnCategory::ALL
        .into_iter()
        .map(|category| (category.key().to_string(), category.label().to_string()))
        .collect();
    let close = Callback::new(move |_| close_dialog(ctx, column));

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let wip_limit = match parse_wip_limit(&wip.get_untracked()) {
            Ok(limit) => {
                wip_error.set(None);
                limit
            }
            Err(message) => {
                wip_error.set(Some(message));
                return;
            }
        };
        if name.get_untracked().trim().is_empty() {
            name_error.set(Some("Enter the column's name.".to_string()));
            return;
        }
        let draft = ColumnDraft {
            name: name.get_untracked(),
            category: ColumnCategory::from_key(&category.get_untracked()).unwrap_or_default(),
            wip_limit,
        };
        let saved = match column {
            Some(id) => state.update_column(ctx.project, id, draft),
            None => state.add_column(ctx.project, draft).map(|_| ()),
        };
        match saved {
            Ok(()) => close_dialog(ctx, column),
            Err(AppError::Model(ModelError::ZeroWipLimit)) => {
                wip_error.set(Some(WIP_LIMIT_PROBLEM.to_string()));
            }
            Err(problem) => {
                let message = state
                    .workspace()
                    .with_untracked(|workspace| describe(&problem, workspace));
                name_error.set(Some(message));
            }
        }
    };
    let delete_button = column.map(|id| {
        let only_column = columns <= 1;
        view! {
            <button
                type="button"
                class="button button--quiet button--danger-text board__delete-column"
                disabled=only_column
                title=only_column.then_some("A board needs at least one column")
                on:click=move |_| ctx.dialog.set(Some(ColumnDialog::Delete(id)))
            >
                "Delete column"
            </button>
        }
    });
    let submit_label = if column.is_some() { "Save" } else { "Add" };
    view! {
        <Modal title=title on_close=close class="modal--narrow">
            <form class="form" on:submit=save novalidate>
                <TextField label="Column name" value=name error=name_error required=true autofocus=true />
                <SelectField label="Category" value=category options=categories />
                <TextField
                    label="WIP limit"
                    value=wip
                    error=wip_error
                    inputmode="numeric"
                    hint="The most cards the column should hold; leave it empty for no limit."
                />
                <div class="modal__actions">
                    {delete_button}
                    <button type="button" class="button" on:click=move |_| close.run(())>
                        "Cancel"
                    </button>
                    <button type="submit" class="button button--primary">
                        {submit_label}
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
    fn wip_limits_are_whole_numbers_from_one_or_nothing() {
        assert_eq!(parse_wip_limit(""), Ok(None));
        assert_eq!(parse_wip_limit(" 4 "), Ok(Some(4)));
        assert!(parse_wip_limit("0").is_err());
        assert!(parse_wip_limit("2.5").is_err());
        assert!(parse_wip_limit("four").is_err());
    }
}
