//! The board columns section of project settings: names, categories, WIP limits and order.

use super::super::messages::quoted;
use super::super::widgets::Modal;
use crate::model::{Column, ColumnCategory, ColumnId, ProjectId};
use crate::store::board::ColumnDraft;
use crate::store::AppState;
use leptos::prelude::*;

/// The columns of project `id`, editable in place.
#[component]
pub fn ColumnSettings(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let columns = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .map(|project| project.columns().to_vec())
                .unwrap_or_default()
        })
    });
    let new_name = RwSignal::new(String::new());
    let new_category = RwSignal::new(ColumnCategory::Todo.key().to_string());
    let error = RwSignal::new(None::<String>);
    let deleting = RwSignal::new(None::<Column>);
    let add = move |_| {
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            error.set(Some("Enter the new column's name.".to_string()));
            return;
        }
        let category = ColumnCategory::from_key(&new_category.get_untracked()).unwrap_or_default();
        let draft = ColumnDraft {
            name,
            category,
            wip_limit: None,
        };
        match state.add_column(id, draft) {
            Ok(_) => {
                new_name.set(String::new());
                error.set(None);
                state.dismiss_error();
            }
            Err(problem) => state.fail(problem),
        }
    };
    let save = move |column: Column| match state.update_column(id, column.id, (&column).into()) {
        Ok(()) => {
            error.set(None);
            state.dismiss_error();
        }
        Err(problem) => state.fail(problem),
    };
    let numbered =
        move || -> Vec<(usize, Column)> { columns.get().into_iter().enumerate().collect() };
    view! {
        <section class="settings__section" aria-labelledby="settings-columns">
            <h3 id="settings-columns">"Board columns"</h3>
            <p class="field__hint">"Columns are also task statuses. Moving a card into a Done column completes it."</p>
            <table class="table settings__table">
                <thead>
                    <tr>
                        <th scope="col">"Column"</th>
                        <th scope="col">"Category"</th>
                        <th scope="col">"WIP limit"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=numbered
                        key=|(index, column)| (*index, column.clone())
                        children=move |(index, column)| {
                            let count = columns.with_untracked(Vec::len);
                            let (c1, c2, c3, c4) = (column.clone(), column.clone(), column.clone(), column.clone());
                            let name = column.name.clone();
                            view! {
                                <tr>
                                    <td><input class="field__input" aria-label=format!("Name of column {name}") prop:value=column.name.clone()
                                        on:change=move |event| save(Column { name: event_target_value(&event), ..c1.clone() }) /></td>
                                    <td>
                                        <select class="field__input" aria-label=format!("Category of column {name}")
                                            on:change=move |event| save(Column { category: ColumnCategory::from_key(&event_target_value(&event)).unwrap_or_default(), ..c2.clone() })>
                                            {ColumnCategory::ALL.into_iter().map(|category| view! {
                                                <option value=category.key() selected=category == column.category>{category.label()}</option>
                                            }).collect_view()}
                                        </select>
                                    </td>
                                    <td><input class="field__input field__input--short" type="number" min="1" aria-label=format!("WIP limit of column {name}")
                                        prop:value=column.wip_limit.map(|limit| limit.to_string()).unwrap_or_default()
                                        on:change=move |event| {
                                            let text = event_target_value(&event);
                                            match text.trim().parse::<u32>() {
                                                Ok(limit) if limit > 0 => save(Column { wip_limit: Some(limit), ..c3.clone() }),
                                                _ if text.trim().is_empty() || text.trim() == "0" => save(Column { wip_limit: None, ..c3.clone() }),
                                                _ => error.set(Some("A WIP limit is a whole number of cards, at least 1; leave it empty for none.".to_string())),
                                            }
                                        } /></td>
                                    <td class="settings__actions">
                                        <button type="button" class="button button--quiet" disabled=index == 0
                                            aria-label=format!("Move column {name} left")
                                            on:click=move |_| { state.move_column(id, c4.id, -1); }>"←"</button>
                                        <button type="button" class="button button--quiet" disabled=index + 1 == count
                                            aria-label=format!("Move column {name} right")
                                            on:click=move |_| { state.move_column(id, column.id, 1); }>"→"</button>
                                        <button type="button" class="button button--quiet button--danger-text" disabled=count == 1
                                            aria-label=format!("Delete column {name}")
                                            on:click={
                                                let column = column.clone();
                                                move |_| deleting.set(Some(column.clone()))
                                            }>"Delete"</button>
                                    </td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
            <div class="inline-form" role="group" aria-label="Add a column">
                <label>"Column name" <input class="field__input" prop:value=move || new_name.get() on:input=move |event| new_name.set(event_target_value(&event)) /></label>
                <label>"Category"
                    <select class="field__input" on:change=move |event| new_category.set(event_target_value(&event))>
                        {ColumnCategory::ALL.into_iter().map(|category| view! { <option value=category.key()>{category.label()}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" class="button" on:click=add>"Add column"</button>
            </div>
            <p class="field__error" aria-live="polite">{move || error.get().unwrap_or_default()}</p>
            {move || deleting.get().map(|column| view! {
                <DeleteColumnDialog project=id column=column on_close=Callback::new(move |_| deleting.set(None)) />
            })}
        </section>
    }
}

/// Asks where the cards of a deleted column go, then deletes it.
#[component]
pub fn DeleteColumnDialog(
    project: ProjectId,
    column: Column,
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let targets: Vec<(ColumnId, String)> = state.workspace().with_untracked(|workspace| {
        workspace
            .find_project(project)
            .map(|project| {
                project
                    .columns()
                    .iter()
                    .filter(|other| other.id != column.id)
                    .map(|other| (other.id, other.name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    });
    let cards = state.workspace().with_untracked(|workspace| {
        workspace
            .find_project(project)
            .map(|project| {
                project
                    .tasks()
                    .iter()
                    .filter(|task| task.column == column.id)
                    .count()
            })
            .unwrap_or(0)
    });
    let target = RwSignal::new(targets.first().map(|(id, _)| *id));
    let confirm = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Some(to) = target.get_untracked() {
            if state.delete_column(project, column.id, to) {
                on_close.run(());
            }
        }
    };
    view! {
        <Modal title=format!("Delete column {}?", quoted(&column.name)) on_close=on_close class="modal--narrow">
            <form class="form" on:submit=confirm>
                <p class="modal__message">{format!("It holds {cards} card(s). Choose where they go.")}</p>
                <div class="field">
                    <label for="delete-column-target" class="field__label">"Move its cards to"</label>
                    <select id="delete-column-target" class="field__input" on:change=move |event| target.set(event_target_value(&event).parse().ok())>
                        {targets.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="modal__actions">
                    <button type="button" class="button" autofocus on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="button button--danger">"Delete"</button>
                </div>
            </form>
        </Modal>
    }
}
