//! Project settings: the project's fields and calendar, its people, and its board columns.
//!
//! Project fields are saved with "Save"; people and columns change at once, each change its
//! own undo step, as in a spreadsheet.

mod columns;
mod health;
mod people;
mod storage;

pub use columns::DeleteColumnDialog;

use super::format;
use super::projects::form::{parse_date, ProjectFields, ProjectForm};
use super::widgets::{Modal, TextAreaField};
use crate::model::calendar::weekday_from_index;
use crate::model::{Calendar, ProjectId};
use crate::store::AppState;
use chrono::NaiveDate;
use columns::ColumnSettings;
use health::HealthSettings;
use leptos::prelude::*;
use people::PeopleSettings;
use std::collections::BTreeSet;
use storage::StorageSettings;

const WEEKDAY_LABELS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The settings dialog of project `id`.
#[component]
pub fn ProjectSettingsDialog(id: ProjectId, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let details = state
        .workspace()
        .with_untracked(|workspace| workspace.find_project(id).map(|project| project.details()));
    let Some(details) = details else {
        return ().into_any();
    };
    let fields = ProjectFields::new(ProjectForm::from_details(&details));
    let weekdays = RwSignal::new(details.calendar.working_weekdays);
    let holidays = RwSignal::new(details.calendar.holidays.clone());
    let working_days = details.calendar.working_days.clone();
    let new_holiday = RwSignal::new(String::new());
    let calendar_error = RwSignal::new(None::<String>);

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let calendar = Calendar {
            working_weekdays: weekdays.get_untracked(),
            holidays: holidays.get_untracked(),
            working_days: working_days.clone(),
        };
        if calendar.working_weekdays.is_empty() {
            calendar_error.set(Some("Choose at least one working weekday.".to_string()));
            return;
        }
        calendar_error.set(None);
        if let Some(details) = fields.check(calendar) {
            if state.update_project_details(id, details) {
                on_close.run(());
            }
        }
    };
    let add_holiday = move |_| match parse_date(&new_holiday.get_untracked()) {
        Some(day) => {
            holidays.update(|days: &mut BTreeSet<NaiveDate>| {
                days.insert(day);
            });
            new_holiday.set(String::new());
            calendar_error.set(None);
        }
        None => calendar_error.set(Some("Pick a date to add as a holiday.".to_string())),
    };

    view! {
        <Modal title="Project settings" on_close=on_close class="modal--wide">
            <form class="form" on:submit=save novalidate>
                <section class="settings__section" aria-labelledby="settings-project">
                    <h3 id="settings-project">"Project"</h3>
                    {fields.view(true)}
                    <TextAreaField label="Description" value=fields.description />
                    <fieldset class="fieldset">
                        <legend>"Working days"</legend>
                        <div class="weekdays">
                            {(0..7u8)
                                .map(|index| {
                                    let day = weekday_from_index(index);
                                    view! {
                                        <label class="weekdays__day">
                                            <input
                                                type="checkbox"
                                                prop:checked=move || weekdays.get().contains(day)
                                                on:change=move |event| {
                                                    let on = event_target_checked(&event);
                                                    weekdays.update(|set| *set = set.with(day, on));
                                                }
                                            />
                                            {WEEKDAY_LABELS[index as usize]}
                                        </label>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </fieldset>
                    <fieldset class="fieldset">
                        <legend>"Holidays"</legend>
                        <ul class="holidays">
                            {move || {
                                holidays
                                    .get()
                                    .into_iter()
                                    .map(|day| {
                                        let text = format::date(day);
                                        view! {
                                            <li>
                                                {text.clone()}
                                                <button
                                                    type="button"
                                                    class="button button--quiet"
                                                    aria-label=format!("Remove holiday {text}")
                                                    on:click=move |_| holidays.update(|days| { days.remove(&day); })
                                                >
                                                    "Remove"
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                        <div class="inline-form">
                            <label for="new-holiday">"Holiday date"</label>
                            <input
                                id="new-holiday"
                                type="date"
                                class="field__input"
                                prop:value=move || new_holiday.get()
                                on:input=move |event| new_holiday.set(event_target_value(&event))
                            />
                            <button type="button" class="button" on:click=add_holiday>
                                "Add holiday"
                            </button>
                        </div>
                        <p class="field__error" aria-live="polite">{move || calendar_error.get().unwrap_or_default()}</p>
                    </fieldset>
                </section>
                <div class="modal__actions">
                    <button type="button" class="button" on:click=move |_| on_close.run(())>
                        "Cancel"
                    </button>
                    <button type="submit" class="button button--primary">
                        "Save"
                    </button>
                </div>
            </form>
            <PeopleSettings id=id />
            <ColumnSettings id=id />
            <HealthSettings id=id />
            <StorageSettings />
        </Modal>
    }
    .into_any()
}
