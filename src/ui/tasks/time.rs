//! The task editor's "Time" section: the start/stop timer, the "Log time" form and the task's
//! time entries, each editable and deletable. Also the pure entry form shared with the
//! timesheet.
//!
//! The section lives outside the editor's own form, so its buttons and Enter never save the
//! task. Entries are saved at once, each its own undo step; the elapsed time of a running timer
//! ticks from a local one-second signal and is never stored (the timer's start is, in the task,
//! so it survives a reload).

use super::super::format;
use super::super::messages::describe;
use super::super::projects::form::parse_date;
use crate::model::cost::{actual_cost, Rates};
use crate::model::tracking::MAX_ENTRY_HOURS;
use crate::model::{Currency, Hours, PersonId, ProjectId, TaskId, TimeEntry, TimeEntryId};
use crate::store::clock;
use crate::store::tracking::EntryDraft;
use crate::store::{AppError, AppState};
use chrono::NaiveDateTime;
use leptos::prelude::*;

/// A time entry as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryForm {
    pub date: String,
    /// The person's id, or empty.
    pub person: String,
    pub hours: String,
    pub note: String,
}

/// A message per field of [`EntryForm`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryFormErrors {
    pub date: Option<String>,
    pub person: Option<String>,
    pub hours: Option<String>,
    /// A refusal that belongs to no single field.
    pub general: Option<String>,
}

impl EntryForm {
    /// The form showing `entry`.
    pub fn from_entry(entry: &TimeEntry) -> EntryForm {
        EntryForm {
            date: format::date_input(entry.date),
            person: entry.person.to_string(),
            hours: format::hours_input(entry.hours),
            note: entry.note.clone(),
        }
    }

    /// Checks every field; all messages at once.
    pub fn check(&self) -> Result<EntryDraft, EntryFormErrors> {
        let mut errors = EntryFormErrors::default();
        let date = parse_date(&self.date);
        if date.is_none() {
            errors.date = Some("Enter the date the work was done.".to_string());
        }
        let person = self.person.parse::<PersonId>().ok();
        if person.is_none() {
            errors.person = Some("Choose who did the work.".to_string());
        }
        let hours = match Hours::parse(&self.hours) {
            Ok(hours) if hours > Hours::ZERO && hours <= MAX_ENTRY_HOURS => Some(hours),
            _ => {
                errors.hours =
                    Some("Enter hours more than 0 and at most 24, such as 1.5.".to_string());
                None
            }
        };
        match (date, person, hours) {
            (Some(date), Some(person), Some(hours)) => Ok(EntryDraft {
                date,
                person,
                hours,
                note: self.note.clone(),
            }),
            _ => Err(errors),
        }
    }
}

/// Elapsed time from `started` to `now` as "1:05:09" (hours, minutes, seconds).
pub fn elapsed_text(started: NaiveDateTime, now: NaiveDateTime) -> String {
    let seconds = (now - started).num_seconds().max(0);
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        (seconds / 60) % 60,
        seconds % 60
    )
}

/// The people who can log time on a task: (id, name), team order.
pub fn team_options(state: AppState, project: ProjectId) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .find_project(project)
                .map(|project| {
                    project
                        .team()
                        .iter()
                        .filter_map(|id| workspace.person(*id))
                        .map(|person| (person.id.to_string(), person.name.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

/// Describes a refusal from the store as a sentence.
pub fn refusal(state: AppState, error: &AppError) -> String {
    state
        .workspace()
        .with_untracked(|workspace| describe(error, workspace))
}

/// What the Time section shows of its task.
#[derive(Clone, Debug, PartialEq, Eq)]
struct TimeSummary {
    logged: String,
    actual: String,
    /// The assignee, the default person for the timer and the form.
    assignee: Option<PersonId>,
    timer: Option<(String, NaiveDateTime)>,
    entries: Vec<EntryRow>,
}

/// One entry in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
struct EntryRow {
    entry: TimeEntry,
    person: String,
    date: String,
    hours: String,
}

fn time_summary(state: AppState, project: ProjectId, task: TaskId) -> Option<TimeSummary> {
    state.workspace().with(|workspace| {
        let found = workspace.find_project(project)?;
        let currency: Currency = found.budget.currency;
        let task = found.find_task(task)?;
        let name = |id: PersonId| {
            workspace
                .person(id)
                .map(|person| person.name.clone())
                .unwrap_or_else(|| "Someone no longer in Ironplan".to_string())
        };
        let actual = actual_cost(task, &Rates::new(workspace.people()), None).rounded();
        Some(TimeSummary {
            logged: format::hours(task.logged_hours()),
            actual: format::money(actual, currency),
            assignee: task.assignee,
            timer: task.timer.map(|timer| (name(timer.person), timer.started)),
            entries: task
                .time_entries
                .iter()
                .map(|entry| EntryRow {
                    entry: entry.clone(),
                    person: name(entry.person),
                    date: format::date(entry.date),
                    hours: format::hours(entry.hours),
                })
                .collect(),
        })
    })
}

/// The "Time" section of the task editor for an existing task.
#[component]
pub fn TaskTimeSection(
    /// The task's project.
    project: ProjectId,
    /// The task whose time is tracked.
    task: TaskId,
) -> impl IntoView {
    let state = AppState::expect();
    let summary = Memo::new(move |_| time_summary(state, project, task));
    let team = team_options(state, project);
    let default_person = move || {
        let assignee = summary.with_untracked(|summary| {
            summary
                .as_ref()
                .and_then(|summary| summary.assignee)
                .map(|id| id.to_string())
        });
        assignee
            .filter(|id| team.with_untracked(|team| team.iter().any(|(key, _)| key == id)))
            .or_else(|| team.with_untracked(|team| team.first().map(|(id, _)| id.clone())))
            .unwrap_or_default()
    };
    let timer_person = RwSignal::new(default_person());
    let timer_error = RwSignal::new(None::<String>);
    let form = RwSignal::new(EntryForm {
        date: format::date_input(state.today.get_untracked()),
        person: default_person(),
        ..EntryForm::default()
    });
    let errors = RwSignal::new(EntryFormErrors::default());
    let editing = RwSignal::new(None::<TimeEntryId>);

    let start = move |_| match timer_person.get_untracked().parse::<PersonId>() {
        Ok(person) => {
            if state.start_timer(project, task, person) {
                timer_error.set(None);
            }
        }
        Err(_) => timer_error.set(Some("Choose who is working on the task.".to_string())),
    };
    let stop = move |_| {
        state.stop_timer(project, task);
    };
    let log = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match form.get_untracked().check() {
            Err(found) => errors.set(found),
            Ok(draft) => match state.log_time(project, task, draft) {
                Ok(_) => {
                    errors.set(EntryFormErrors::default());
                    form.update(|form| {
                        form.hours.clear();
                        form.note.clear();
                    });
                }
                Err(error) => errors.set(EntryFormErrors {
                    general: Some(refusal(state, &error)),
                    ..EntryFormErrors::default()
                }),
            },
        }
    };
    let no_team = Memo::new(move |_| team.with(Vec::is_empty));
    let error_of = move |pick: fn(&EntryFormErrors) -> Option<String>| {
        Signal::derive(move || pick(&errors.get()))
    };

    view! {
        <section class="task-time" aria-labelledby="task-time-heading">
            <h3 id="task-time-heading">"Time"</h3>
            <p class="task-time__totals" data-testid="task-time-totals">
                {move || {
                    summary
                        .get()
                        .map(|summary| {
                            format!("Logged {}, actual cost {}.", summary.logged, summary.actual)
                        })
                }}
            </p>
            <Show when=move || no_team.get()>
                <p class="field__hint">
                    "Add people to the project's team (Settings) to track their time."
                </p>
            </Show>
            <div class="task-time__timer">
                {move || match summary.get().and_then(|summary| summary.timer) {
                    Some((person, started)) => {
                        view! {
                            <p class="task-time__running" role="status">
                                {format!("Timer running for {person}: ")}
                                <TimerClock started=started />
                            </p>
                            <button type="button" class="button button--primary" on:click=stop>
                                "Stop timer"
                            </button>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <label class="task-time__who">
                                "Timer for"
                                <select
                                    class="field__input"
                                    on:change=move |event| timer_person.set(event_target_value(&event))
                                >
                                    {move || {
                                        let current = timer_person.get();
                                        team.get()
                                            .into_iter()
                                            .map(|(id, name)| {
                                                let selected = id == current;
                                                view! {
                                                    <option value=id selected=selected>
                                                        {name}
                                                    </option>
                                                }
                                            })
                                            .collect_view()
                                    }}
                                </select>
                            </label>
                            <button
                                type="button"
                                class="button"
                                disabled=move || no_team.get()
                                on:click=start
                            >
                                "Start timer"
                            </button>
                        }
                            .into_any()
                    }
                }}
                <p class="field__error" aria-live="polite">
                    {move || timer_error.get().unwrap_or_default()}
                </p>
            </div>
            <form class="task-time__form" on:submit=log novalidate aria-label="Log time">
                <EntryFields form=form errors=errors team=team />
                <p class="field__error" role="alert">
                    {move || error_of(|errors| errors.general.clone()).get().unwrap_or_default()}
                </p>
                <button type="submit" class="button" disabled=move || no_team.get()>
                    "Log time"
                </button>
            </form>
            <Show
                when=move || summary.with(|summary| summary.as_ref().is_some_and(|summary| !summary.entries.is_empty()))
                fallback=|| view! { <p class="field__hint">"No time logged yet."</p> }
            >
                <table class="table task-time__entries">
                    <caption class="visually-hidden">"Time entries"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Date"</th>
                            <th scope="col">"Person"</th>
                            <th scope="col" class="numeric">"Hours"</th>
                            <th scope="col">"Note"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || summary.get().map(|summary| summary.entries).unwrap_or_default()
                            key=|row| (row.entry.id, row.date.clone(), row.person.clone(), row.hours.clone(), row.entry.note.clone())
                            children=move |row| {
                                view! {
                                    <EntryRowView
                                        project=project
                                        task=task
                                        row=row
                                        editing=editing
                                        team=team
                                    />
                                }
                            }
                        />
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// Ticks every second while mounted: the elapsed time of a running timer.
#[component]
pub fn TimerClock(
    /// When the timer was started, UTC.
    started: NaiveDateTime,
) -> impl IntoView {
    let now = RwSignal::new(clock::now_utc());
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(clock::now_utc()),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <span class="task-time__elapsed" data-testid="timer-elapsed">
            {move || elapsed_text(started, now.get())}
        </span>
    }
}

/// Date, Person, Hours and Note fields of an entry form.
#[component]
pub fn EntryFields(
    /// The values as typed.
    form: RwSignal<EntryForm>,
    /// A message per field.
    errors: RwSignal<EntryFormErrors>,
    /// Who can be chosen: (id, name).
    #[prop(into)]
    team: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let id = super::super::widgets::unique_id("entry");
    let field = |name: &str| format!("{id}-{name}");
    let (date_id, person_id, hours_id, note_id) = (
        field("date"),
        field("person"),
        field("hours"),
        field("note"),
    );
    let invalid = move |pick: fn(&EntryFormErrors) -> bool| {
        move || if pick(&errors.get()) { "true" } else { "false" }
    };
    view! {
        <div class="field-row entry-fields">
            <div class="field">
                <label class="field__label" for=date_id.clone()>
                    "Date"
                </label>
                <input
                    id=date_id.clone()
                    class="field__input"
                    type="date"
                    prop:value=move || form.get().date
                    on:input=move |event| form.update(|form| form.date = event_target_value(&event))
                    aria-invalid=invalid(|errors| errors.date.is_some())
                    aria-describedby=format!("{date_id}-error")
                />
                <p id=format!("{date_id}-error") class="field__error" aria-live="polite">
                    {move || errors.get().date.unwrap_or_default()}
                </p>
            </div>
            <div class="field">
                <label class="field__label" for=person_id.clone()>
                    "Person"
                </label>
                <select
                    id=person_id.clone()
                    class="field__input"
                    on:change=move |event| form.update(|form| form.person = event_target_value(&event))
                    aria-invalid=invalid(|errors| errors.person.is_some())
                    aria-describedby=format!("{person_id}-error")
                >
                    <option value="">"Choose…"</option>
                    {move || {
                        let current = form.get().person;
                        team.get()
                            .into_iter()
                            .map(|(value, name)| {
                                let selected = value == current;
                                view! {
                                    <option value=value selected=selected>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <p id=format!("{person_id}-error") class="field__error" aria-live="polite">
                    {move || errors.get().person.unwrap_or_default()}
                </p>
            </div>
            <div class="field">
                <label class="field__label" for=hours_id.clone()>
                    "Hours"
                </label>
                <input
                    id=hours_id.clone()
                    class="field__input"
                    inputmode="decimal"
                    prop:value=move || form.get().hours
                    on:input=move |event| form.update(|form| form.hours = event_target_value(&event))
                    aria-invalid=invalid(|errors| errors.hours.is_some())
                    aria-describedby=format!("{hours_id}-error")
                />
                <p id=format!("{hours_id}-error") class="field__error" aria-live="polite">
                    {move || errors.get().hours.unwrap_or_default()}
                </p>
            </div>
            <div class="field">
                <label class="field__label" for=note_id.clone()>
                    "Note"
                </label>
                <input
                    id=note_id
                    class="field__input"
                    prop:value=move || form.get().note
                    on:input=move |event| form.update(|form| form.note = event_target_value(&event))
                />
            </div>
        </div>
    }
}

/// One entry: its values, or its edit form.
#[component]
fn EntryRowView(
    project: ProjectId,
    task: TaskId,
    row: EntryRow,
    editing: RwSignal<Option<TimeEntryId>>,
    team: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let label = format!("entry of {} on {}", row.hours, row.date);
    let person = row.person;
    view! {
        <TimeEntryRow
            project=project
            task=task
            entry=row.entry
            date=row.date
            hours=row.hours
            label=label
            cell=ViewFn::from(move || view! { <td>{person.clone()}</td> })
            editing=editing
            team=team
        />
    }
}

/// One logged entry as a table row of five cells (date, `cell`, hours, note, actions): its
/// values with Edit and Delete, or its edit form while `editing` names it. `label` names the
/// entry for screen readers ("entry of 2 h on 3 Mar 2027"); `cell` is the second column, the
/// person in a task's time section or the task on the timesheet.
#[component]
#[allow(clippy::too_many_arguments)] // a component's props
pub(crate) fn TimeEntryRow(
    project: ProjectId,
    task: TaskId,
    entry: TimeEntry,
    date: String,
    hours: String,
    label: String,
    cell: ViewFn,
    editing: RwSignal<Option<TimeEntryId>>,
    team: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let entry_id = entry.id;
    let form = RwSignal::new(EntryForm::from_entry(&entry));
    let errors = RwSignal::new(EntryFormErrors::default());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match form.get_untracked().check() {
            Err(found) => errors.set(found),
            Ok(draft) => match state.update_time_entry(project, task, entry_id, draft) {
                Ok(()) => editing.set(None),
                Err(error) => errors.set(EntryFormErrors {
                    general: Some(refusal(state, &error)),
                    ..EntryFormErrors::default()
                }),
            },
        }
    };
    let edit_label = format!("Edit {label}");
    let delete_label = format!("Delete {label}");
    move || {
        let entry = entry.clone();
        if editing.get() == Some(entry_id) {
            view! {
                <tr>
                    <td colspan="5">
                        <form class="task-time__edit" on:submit=save novalidate aria-label=edit_label.clone()>
                            <EntryFields form=form errors=errors team=team />
                            <p class="field__error" role="alert">
                                {move || errors.get().general.unwrap_or_default()}
                            </p>
                            <div class="toolbar">
                                <button type="submit" class="button button--primary">
                                    "Save entry"
                                </button>
                                <button type="button" class="button" on:click=move |_| editing.set(None)>
                                    "Cancel"
                                </button>
                            </div>
                        </form>
                    </td>
                </tr>
            }
            .into_any()
        } else {
            view! {
                <tr>
                    <td>{date.clone()}</td>
                    {cell.run()}
                    <td class="numeric">{hours.clone()}</td>
                    <td>{entry.note.clone()}</td>
                    <td class="task-time__actions">
                        <button
                            type="button"
                            class="button button--quiet button--small"
                            aria-label=edit_label.clone()
                            on:click=move |_| {
                                form.set(EntryForm::from_entry(&entry));
                                editing.set(Some(entry_id));
                            }
                        >
                            "Edit"
                        </button>
                        <button
                            type="button"
                            class="button button--quiet button--small button--danger-text"
                            aria-label=delete_label.clone()
                            on:click=move |_| {
                                state.remove_time_entry(project, task, entry_id);
                            }
                        >
                            "Delete"
                        </button>
                    </td>
                </tr>
            }
            .into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_form_explains_every_bad_field() {
        let errors = EntryForm {
            date: String::new(),
            person: String::new(),
            hours: "25".to_string(),
            note: String::new(),
        }
        .check()
        .expect_err("invalid form");
        assert!(errors.date.is_some());
        assert!(errors.person.is_some());
        assert!(errors.hours.is_some());
    }

    #[test]
    fn elapsed_time_reads_as_hours_minutes_and_seconds() {
        let started: NaiveDateTime = "2026-11-25T09:00:00".parse().expect("valid time");
        let later: NaiveDateTime = "2026-11-25T10:05:09".parse().expect("valid time");
        assert_eq!(elapsed_text(started, later), "1:05:09");
        assert_eq!(elapsed_text(later, started), "0:00:00");
    }
}
