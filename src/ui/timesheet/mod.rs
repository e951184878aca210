//! The Timesheet view: one team member's week as a grid of tasks × days with day, task and
//! week totals, where hours are typed straight into the cells, plus the week's entries (with
//! their notes) to edit or delete and a form to add one.
//!
//! The grid is the model's `timesheet` (across every project the person works on); typing into
//! a cell logs, updates or deletes that day's single entry through the store's tracking verbs.
//! A cell holding several entries is edited in the entry list instead. Which person and week
//! are shown is throwaway view state.

use super::format;
use super::tasks::time::{
    refusal, team_options, EntryFields, EntryForm, EntryFormErrors, TimeEntryRow,
};
use crate::model::timesheet::{entries, timesheet};
use crate::model::tracking::MAX_ENTRY_HOURS;
use crate::model::{Hours, PersonId, ProjectId, TaskId, TimeEntry, TimeEntryId, Week};
use crate::store::tracking::EntryDraft;
use crate::store::AppState;
use chrono::NaiveDate;
use leptos::prelude::*;

/// What typing into a cell means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellEdit {
    /// Nothing to do: the value is unchanged.
    Keep,
    /// Log a new entry of these hours.
    Log(Hours),
    /// Change the single entry to these hours.
    Update(TimeEntryId, Hours),
    /// Delete the single entry (the cell was cleared or set to 0).
    Remove(TimeEntryId),
}

/// Reads what was typed into a cell that held `entry` (its id and hours), or an error message.
pub fn cell_edit(typed: &str, entry: Option<(TimeEntryId, Hours)>) -> Result<CellEdit, String> {
    let hours = Hours::parse(typed)
        .ok()
        .filter(|hours| *hours <= MAX_ENTRY_HOURS)
        .ok_or_else(|| "Enter hours from 0 to 24, such as 1.5.".to_string())?;
    Ok(match (entry, hours == Hours::ZERO) {
        (None, true) => CellEdit::Keep,
        (None, false) => CellEdit::Log(hours),
        (Some((id, _)), true) => CellEdit::Remove(id),
        (Some((_, old)), false) if old == hours => CellEdit::Keep,
        (Some((id, _)), false) => CellEdit::Update(id, hours),
    })
}

/// One grid cell as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct CellView {
    day: NaiveDate,
    /// The text in the input (empty for no time).
    text: String,
    /// The single entry behind it: id and hours.
    single: Option<(TimeEntryId, Hours)>,
    /// More than one entry: edited in the list below.
    several: bool,
}

/// One grid row as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RowView {
    project: ProjectId,
    task: TaskId,
    title: String,
    cells: Vec<CellView>,
    total: String,
}

/// One entry of the week's list.
#[derive(Clone, Debug, PartialEq, Eq)]
struct EntryView {
    project: ProjectId,
    task: TaskId,
    title: String,
    entry: TimeEntry,
    date: String,
    hours: String,
}

/// The sheet as shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct SheetView {
    days: Vec<String>,
    rows: Vec<RowView>,
    day_totals: Vec<String>,
    total: String,
    entries: Vec<EntryView>,
    /// Tasks of this project time can be logged on: (id, title).
    tasks: Vec<(String, String)>,
}

/// The Timesheet view of project `id`.
#[component]
pub fn TimesheetPage(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let team = team_options(state, id);
    let person = RwSignal::new(
        team.with_untracked(|team| team.first().map(|(id, _)| id.clone()))
            .unwrap_or_default(),
    );
    let this_week = move || Week::containing(state.today.get_untracked(), format::week_start());
    let week = RwSignal::new(this_week());
    let chosen = Memo::new(move |_| {
        let typed = person.get();
        team.with(|team| {
            team.iter()
                .find(|(key, _)| *key == typed)
                .or_else(|| team.first())
                .and_then(|(key, _)| key.parse::<PersonId>().ok())
        })
    });
    let sheet = Memo::new(move |_| {
        let shown_week = week.get();
        let Some(person) = chosen.get() else {
            return SheetView::default();
        };
        state.workspace().with(|workspace| {
            let sheet = timesheet(workspace, person, shown_week);
            let days = shown_week.days();
            let title_of = |project: ProjectId, title: &str| {
                if project == id {
                    title.to_string()
                } else {
                    let name = workspace
                        .find_project(project)
                        .map(|project| project.name.clone())
                        .unwrap_or_default();
                    format!("{title} ({name})")
                }
            };
            let hours_of = |entry: TimeEntryId| {
                crate::model::timesheet::find_entry(workspace, entry).map(|found| found.entry.hours)
            };
            let rows = sheet
                .rows
                .iter()
                .map(|row| RowView {
                    project: row.project,
                    task: row.task,
                    title: title_of(row.project, &row.title),
                    cells: row
                        .days
                        .iter()
                        .zip(days)
                        .map(|(cell, day)| CellView {
                            day,
                            text: if cell.hours == Hours::ZERO {
                                String::new()
                            } else {
                                format::hours_input(cell.hours)
                            },
                            single: match cell.entries.as_slice() {
                                [only] => hours_of(*only).map(|hours| (*only, hours)),
                                _ => None,
                            },
                            several: cell.entries.len() > 1,
                        })
                        .collect(),
                    total: format::hours(row.total),
                })
                .collect();
            let week_entries = entries(
                workspace.projects().iter().map(|project| project.as_ref()),
                Some(person),
                shown_week.start,
                shown_week.end(),
            )
            .map(|found| EntryView {
                project: found.project,
                task: found.task,
                title: workspace
                    .find_project(found.project)
                    .and_then(|project| project.find_task(found.task))
                    .map(|task| title_of(found.project, &task.title))
                    .unwrap_or_default(),
                entry: found.entry.clone(),
                date: format::date(found.entry.date),
                hours: format::hours(found.entry.hours),
            })
            .collect::<Vec<_>>();
            let summaries = workspace
                .find_project(id)
                .map(crate::model::cost::summary_ids)
                .unwrap_or_default();
            SheetView {
                days: days.iter().map(|day| format::day_heading(*day)).collect(),
                rows,
                day_totals: sheet
                    .day_totals
                    .iter()
                    .map(|hours| format::hours(*hours))
                    .collect(),
                total: format::hours(sheet.total),
                entries: week_entries,
                tasks: workspace
                    .find_project(id)
                    .map(|project| {
                        project
                            .tasks()
                            .iter()
                            .filter(|task| !task.milestone && !summaries.contains(&task.id))
                            .map(|task| (task.id.to_string(), task.title.clone()))
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
    });
    let week_title = Memo::new(move |_| {
        let shown = week.get();
        format!(
            "Week of {} to {}",
            format::date(shown.start),
            format::date(shown.end())
        )
    });
    let cell_error = RwSignal::new(None::<String>);
    let edit_cell = move |project: ProjectId, task: TaskId, cell: CellView, typed: String| {
        let Some(person) = chosen.get_untracked() else {
            return;
        };
        let outcome = match cell_edit(&typed, cell.single) {
            Err(message) => Err(message),
            Ok(CellEdit::Keep) => Ok(()),
            Ok(CellEdit::Log(hours)) => state
                .log_time(
                    project,
                    task,
                    EntryDraft {
                        date: cell.day,
                        person,
                        hours,
                        note: String::new(),
                    },
                )
                .map(|_| ())
                .map_err(|error| refusal(state, &error)),
            Ok(CellEdit::Update(entry, hours)) => {
                let existing = state.workspace().with_untracked(|workspace| {
                    crate::model::timesheet::find_entry(workspace, entry)
                        .map(|found| found.entry.clone())
                });
                match existing {
                    None => Err("That time entry no longer exists.".to_string()),
                    Some(existing) => state
                        .update_time_entry(
                            project,
                            task,
                            entry,
                            EntryDraft {
                                date: existing.date,
                                person: existing.person,
                                hours,
                                note: existing.note,
                            },
                        )
                        .map_err(|error| refusal(state, &error)),
                }
            }
            Ok(CellEdit::Remove(entry)) => {
                state.remove_time_entry(project, task, entry);
                Ok(())
            }
        };
        cell_error.set(outcome.err());
    };

    // The "Add entry" form.
    let add_task = RwSignal::new(String::new());
    let add_form = RwSignal::new(EntryForm {
        date: format::date_input(state.today.get_untracked()),
        person: person.get_untracked(),
        ..EntryForm::default()
    });
    let add_errors = RwSignal::new(EntryFormErrors::default());
    let task_error = RwSignal::new(None::<String>);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let task = add_task.get_untracked().parse::<TaskId>().ok();
        task_error.set(
            task.is_none()
                .then(|| "Choose the task the time was spent on.".to_string()),
        );
        match (add_form.get_untracked().check(), task) {
            (Err(errors), _) => add_errors.set(errors),
            (Ok(_), None) => add_errors.set(EntryFormErrors::default()),
            (Ok(draft), Some(task)) => match state.log_time(id, task, draft) {
                Ok(_) => {
                    add_errors.set(EntryFormErrors::default());
                    add_form.update(|form| {
                        form.hours.clear();
                        form.note.clear();
                    });
                }
                Err(error) => add_errors.set(EntryFormErrors {
                    general: Some(refusal(state, &error)),
                    ..EntryFormErrors::default()
                }),
            },
        }
    };
    let editing = RwSignal::new(None::<TimeEntryId>);

    view! {
        <section class="timesheet" aria-labelledby="timesheet-heading">
            <div class="timesheet__controls">
                <label class="timesheet__person">
                    "Timesheet of"
                    <select
                        class="field__input"
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            add_form.update(|form| form.person = value.clone());
                            person.set(value);
                        }
                    >
                        {move || {
                            let current = chosen.get().map(|id| id.to_string()).unwrap_or_default();
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
                </label>
                <div class="toolbar">
                    <button type="button" class="button" on:click=move |_| week.update(|shown| *shown = Week { start: crate::model::calendar::shift(shown.start, -7) })>
                        "Previous week"
                    </button>
                    <button type="button" class="button" on:click=move |_| week.set(this_week())>
                        "This week"
                    </button>
                    <button type="button" class="button" on:click=move |_| week.update(|shown| *shown = shown.next())>
                        "Next week"
                    </button>
                </div>
            </div>
            <h2 id="timesheet-heading">{move || week_title.get()}</h2>
            <Show
                when=move || chosen.get().is_some()
                fallback=|| view! { <p class="empty">"Nobody is on the team yet. Add people in Settings to keep their timesheets."</p> }
            >
                <p class="field__error" role="alert">
                    {move || cell_error.get().unwrap_or_default()}
                </p>
                // Focusable, so the keyboard can scroll it on a narrow screen.
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || week_title.get()>
                    <table class="table timesheet__grid">
                        <caption class="visually-hidden">{move || week_title.get()}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Task"</th>
                                {move || sheet.get().days.into_iter().map(|day| view! { <th scope="col" class="numeric">{day}</th> }).collect_view()}
                                <th scope="col" class="numeric">"Total"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let days = sheet.with(|sheet| sheet.days.clone());
                                sheet
                                    .get()
                                    .rows
                                    .into_iter()
                                    .map(|row| {
                                        let title = row.title.clone();
                                        view! {
                                            <tr>
                                                <th scope="row">{row.title.clone()}</th>
                                                {row
                                                    .cells
                                                    .into_iter()
                                                    .enumerate()
                                                    .map(|(index, cell)| {
                                                        let label = format!("Hours on “{}” on {}", title, days.get(index).cloned().unwrap_or_default());
                                                        if cell.several {
                                                            view! {
                                                                <td class="numeric timesheet__several" title="Several entries: edit them in the list below">
                                                                    <span aria-label=label>{cell.text.clone()}</span>
                                                                </td>
                                                            }
                                                                .into_any()
                                                        } else {
                                                            let text = cell.text.clone();
                                                            let (project, task) = (row.project, row.task);
                                                            view! {
                                                                <td class="numeric">
                                                                    <input
                                                                        class="field__input timesheet__cell"
                                                                        inputmode="decimal"
                                                                        aria-label=label
                                                                        prop:value=text
                                                                        on:change=move |event| edit_cell(project, task, cell.clone(), event_target_value(&event))
                                                                    />
                                                                </td>
                                                            }
                                                                .into_any()
                                                        }
                                                    })
                                                    .collect_view()}
                                                <td class="numeric">{row.total}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">"Total"</th>
                                {move || sheet.get().day_totals.into_iter().map(|total| view! { <td class="numeric">{total}</td> }).collect_view()}
                                <td class="numeric timesheet__total" data-testid="timesheet-total">{move || sheet.get().total}</td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
                <Show when=move || sheet.with(|sheet| sheet.rows.is_empty())>
                    <p class="field__hint">"No time logged and no open tasks assigned this week."</p>
                </Show>
                <section class="timesheet__entries" aria-labelledby="timesheet-entries">
                    <h3 id="timesheet-entries">"Entries this week"</h3>
                    <Show
                        when=move || !sheet.with(|sheet| sheet.entries.is_empty())
                        fallback=|| view! { <p class="field__hint">"No time logged this week."</p> }
                    >
                        <table class="table">
                            <caption class="visually-hidden">"Entries this week"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Date"</th>
                                    <th scope="col">"Task"</th>
                                    <th scope="col" class="numeric">"Hours"</th>
                                    <th scope="col">"Note"</th>
                                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                <For
                                    each=move || sheet.get().entries
                                    key=|row| (row.entry.id, row.date.clone(), row.hours.clone(), row.entry.note.clone(), row.title.clone())
                                    children=move |row| view! { <TimesheetEntryRow row=row editing=editing team=team /> }
                                />
                            </tbody>
                        </table>
                    </Show>
                </section>
                <form class="timesheet__add" on:submit=add novalidate aria-label="Add an entry">
                    <h3>"Add an entry"</h3>
                    <div class="field">
                        <label class="field__label" for="timesheet-task">"Task"</label>
                        <select
                            id="timesheet-task"
                            class="field__input"
                            aria-invalid=move || if task_error.get().is_some() { "true" } else { "false" }
                            on:change=move |event| add_task.set(event_target_value(&event))
                        >
                            <option value="">"Choose a task…"</option>
                            {move || {
                                let current = add_task.get();
                                sheet.get()
                                    .tasks
                                    .into_iter()
                                    .map(|(value, title)| {
                                        let selected = value == current;
                                        view! { <option value=value selected=selected>{title}</option> }
                                    })
                                    .collect_view()
                            }}
                        </select>
                        <p class="field__error" aria-live="polite">{move || task_error.get().unwrap_or_default()}</p>
                    </div>
                    <EntryFields form=add_form errors=add_errors team=team />
                    <p class="field__error" role="alert">{move || add_errors.get().general.unwrap_or_default()}</p>
                    <button type="submit" class="button">"Add entry"</button>
                </form>
            </Show>
        </section>
    }
}

/// One entry of the week's list: its values, or its edit form.
#[component]
fn TimesheetEntryRow(
    row: EntryView,
    editing: RwSignal<Option<TimeEntryId>>,
    team: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let label = format!("entry of {} on “{}” on {}", row.hours, row.title, row.date);
    let title = row.title;
    view! {
        <TimeEntryRow
            project=row.project
            task=row.task
            entry=row.entry
            date=row.date
            hours=row.hours
            label=label
            cell=ViewFn::from(move || view! { <th scope="row">{title.clone()}</th> })
            editing=editing
            team=team
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SequentialIds;

    #[test]
    fn typing_into_a_cell_logs_updates_or_removes_its_entry() {
        let entry = TimeEntryId::new(&mut SequentialIds::default());
        let two = Hours::whole(2);
        assert_eq!(cell_edit("", None), Ok(CellEdit::Keep));
        assert_eq!(cell_edit("2", None), Ok(CellEdit::Log(two)));
        assert_eq!(cell_edit("2", Some((entry, two))), Ok(CellEdit::Keep));
        assert_eq!(
            cell_edit("3.5", Some((entry, two))),
            Ok(CellEdit::Update(entry, Hours::from_centi(350)))
        );
        assert_eq!(
            cell_edit("0", Some((entry, two))),
            Ok(CellEdit::Remove(entry))
        );
        assert!(cell_edit("25", None).is_err());
        assert!(cell_edit("lots", None).is_err());
    }
}
