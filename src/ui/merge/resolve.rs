//! The "Resolve conflicts" dialog: each conflict with what it is about, "Mine: …" and
//! "Theirs: …", and a "Keep mine" / "Take theirs" choice. Merging applies the choices as one
//! undo step.

use super::super::format::UiFormatter;
use super::super::messages;
use super::super::widgets::Modal;
use crate::model::format::Formatter;
use crate::model::io::ProjectFile;
use crate::model::merge::{Choice, Choices, Conflict, Merged, Subject};
use crate::model::{ColumnId, Hours, PersonId, TaskId};
use crate::store::AppState;
use leptos::prelude::*;
use serde_json::Value;

/// The merge waiting for the user's choices.
#[derive(Clone, Copy)]
pub struct MergeFlow {
    pub merged: RwSignal<Option<Merged>, LocalStorage>,
}

impl MergeFlow {
    /// Provides the flow as context.
    pub fn provide() {
        provide_context(MergeFlow {
            merged: RwSignal::new_local(None),
        });
    }

    /// The flow provided by `App`.
    pub fn expect() -> MergeFlow {
        expect_context()
    }

    /// Merges right away when nothing conflicts; otherwise opens the dialog.
    pub fn start(self, state: AppState, merged: Merged) {
        if merged.conflicts.is_empty() {
            state.finish_merge(&merged, &Choices::new());
        } else {
            self.merged.set(Some(merged));
        }
    }
}

/// One conflict as people read it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ConflictLine {
    subject: String,
    field: String,
    mine: String,
    theirs: String,
    /// For a link that would close a loop: which side closes it, and the loop.
    why: Option<String>,
}

fn task_title(files: [&ProjectFile; 2], id: TaskId) -> String {
    files
        .iter()
        .find_map(|file| file.project.find_task(id))
        .map_or_else(|| "a task".to_string(), |task| format!("“{}”", task.title))
}

fn subject_name(subject: Subject, files: [&ProjectFile; 2]) -> String {
    let person = |id: PersonId| {
        files
            .iter()
            .flat_map(|file| file.people.iter())
            .find(|person| person.id == id)
            .map_or_else(
                || "someone".to_string(),
                |person| format!("“{}”", person.name),
            )
    };
    match subject {
        Subject::Project => format!("Project “{}”", files[0].project.name),
        Subject::Person(id) => person(id),
        Subject::Team(id) => format!("{} on the team", person(id)),
        Subject::Column(id) => format!("Column {}", column_name(files, id)),
        Subject::Task(id) => format!("Task {}", task_title(files, id)),
        Subject::Dependency {
            successor,
            predecessor,
        } => format!(
            "{} waiting for {}",
            task_title(files, successor),
            task_title(files, predecessor)
        ),
        Subject::TimeEntry { task, .. } => format!("Time logged on {}", task_title(files, task)),
        Subject::Risk(id) => files
            .iter()
            .find_map(|file| file.project.risks().iter().find(|risk| risk.id == id))
            .map_or_else(
                || "A risk".to_string(),
                |risk| format!("Risk “{}”", risk.title),
            ),
        Subject::Baseline(_) => "A baseline".to_string(),
        Subject::ScopeChange(_) => "A scope-log entry".to_string(),
        Subject::Standup(day) => format!("The stand-up of {}", UiFormatter.date(day)),
        Subject::Report(day) => format!("The report of {}", UiFormatter.date(day)),
    }
}

fn column_name(files: [&ProjectFile; 2], id: ColumnId) -> String {
    files
        .iter()
        .find_map(|file| file.project.columns().iter().find(|column| column.id == id))
        .map_or_else(
            || "a column".to_string(),
            |column| format!("“{}”", column.name),
        )
}

fn field_label(field: &str) -> String {
    match field {
        "exists" => "Kept or deleted".to_string(),
        "position" => "Place in the list".to_string(),
        "loop" => "Would close a loop".to_string(),
        "dates" => "Dates".to_string(),
        "column" => "Status".to_string(),
        "parent" => "Summary task".to_string(),
        "fixed_cost" => "Fixed cost".to_string(),
        "actual_fixed_cost" => "Actual cost".to_string(),
        "hourly_rate" => "Hourly rate".to_string(),
        other => {
            let words = other.replace('_', " ");
            let mut chars = words.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default()
        }
    }
}

fn value_text(field: &str, value: Option<&Value>, files: [&ProjectFile; 2]) -> String {
    let Some(value) = value else {
        return match field {
            "exists" => "Deleted".to_string(),
            "loop" => "Not linked".to_string(),
            "parent" => "Top level".to_string(),
            _ => "None".to_string(),
        };
    };
    let text = value.as_str().unwrap_or_default();
    match field {
        "exists" => "Kept, with its changes".to_string(),
        "loop" if value.is_object() => "Linked".to_string(),
        "loop" | "parent" => text.parse().map_or_else(
            |_| "Top level".to_string(),
            |id| format!("Under {}", task_title(files, id)),
        ),
        "position" if text.is_empty() => "At the top".to_string(),
        "position" => text.parse().map_or_else(
            |_| "Moved".to_string(),
            |id| format!("After {}", task_title(files, id)),
        ),
        "column" => text
            .parse()
            .map_or_else(|_| text.to_string(), |id| column_name(files, id)),
        "assignee" | "owner" => text.parse().map_or_else(
            |_| text.to_string(),
            |id| subject_name(Subject::Person(id), files),
        ),
        "estimate" | "hours" => value
            .as_u64()
            .and_then(|centi| u32::try_from(centi).ok())
            .map_or_else(
                || value.to_string(),
                |centi| UiFormatter.hours(Hours::from_centi(centi)),
            ),
        "progress" => format!("{}%", value),
        "dates" => {
            let part = |key: &str| {
                value
                    .get(key)
                    .and_then(Value::as_str)
                    .and_then(|day| day.parse().ok())
                    .map(|day| UiFormatter.date(day))
                    .unwrap_or_default()
            };
            let (start, end) = (part("start"), part("end"));
            if start == end {
                start
            } else {
                format!("{start} – {end}")
            }
        }
        _ if value.is_string() => text.to_string(),
        _ => value.to_string(),
    }
}

fn describe(conflict: &Conflict, merged: &Merged) -> ConflictLine {
    let files = [merged.mine(), merged.theirs()];
    let why = match conflict.subject {
        Subject::Dependency {
            successor,
            predecessor,
        } => merged
            .left_out
            .iter()
            .find(|link| link.successor == successor && link.predecessor == predecessor)
            .map(|link| {
                let closing_side = match conflict.holder() {
                    Choice::Theirs => "Taking theirs",
                    Choice::Mine => "Keeping mine",
                };
                messages::loop_conflict(closing_side, link, &|id| task_title(files, id))
            }),
        _ => None,
    };
    ConflictLine {
        subject: subject_name(conflict.subject, files),
        field: field_label(&conflict.field),
        mine: value_text(&conflict.field, conflict.mine.as_ref(), files),
        theirs: value_text(&conflict.field, conflict.theirs.as_ref(), files),
        why,
    }
}

/// Lists the conflicts of the merge in progress and applies the choices.
#[component]
pub fn ResolveConflictsDialog() -> impl IntoView {
    let state = AppState::expect();
    let flow = MergeFlow::expect();
    let choices: RwSignal<Vec<Choice>> = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        let count = flow
            .merged
            .with(|merged| merged.as_ref().map_or(0, |merged| merged.conflicts.len()));
        choices.set(vec![Choice::Mine; count]);
    });
    let close = move || flow.merged.set(None);
    let apply = move |_| {
        let picked = choices.get_untracked();
        let done = flow.merged.with_untracked(|merged| {
            merged.as_ref().map(|merged| {
                let chosen: Choices = merged
                    .conflicts
                    .iter()
                    .zip(picked.iter().chain(std::iter::repeat(&Choice::Mine)))
                    .map(|(conflict, choice)| (conflict.key(), *choice))
                    .collect();
                state.finish_merge(merged, &chosen)
            })
        });
        if done == Some(true) {
            close();
        }
    };
    let set_all =
        move |choice: Choice| choices.update(|all| all.iter_mut().for_each(|c| *c = choice));
    move || {
        let lines = flow.merged.with(|merged| {
            merged.as_ref().map(|merged| {
                let lines: Vec<ConflictLine> = merged
                    .conflicts
                    .iter()
                    .map(|conflict| describe(conflict, merged))
                    .collect();
                (lines, merged.two_way, merged.from_theirs)
            })
        });
        lines.map(|(lines, two_way, from_theirs)| {
            let intro = if two_way {
                "There is no common earlier version of these two copies, so every difference is a choice.".to_string()
            } else {
                format!(
                    "{} from the file merge cleanly. These changes were made on both sides; choose which to keep.",
                    messages::change_count(from_theirs)
                )
            };
            view! {
                <Modal title="Resolve conflicts" on_close=Callback::new(move |_| close()) class="modal--wide merge__dialog">
                    <p class="modal__message">{intro}</p>
                    <ol class="merge__conflicts">
                        {lines
                            .into_iter()
                            .enumerate()
                            .map(|(index, line)| {
                                let group = format!("conflict-{index}");
                                let legend = format!("{}: {}", line.subject, line.field);
                                let is = move |choice: Choice| {
                                    choices.with(|all| all.get(index).copied().unwrap_or_default() == choice)
                                };
                                let pick = move |choice: Choice| {
                                    choices.update(|all| {
                                        if let Some(slot) = all.get_mut(index) {
                                            *slot = choice;
                                        }
                                    })
                                };
                                view! {
                                    <li class="merge__conflict">
                                        <fieldset class="merge__choice">
                                            <legend class="merge__legend">{legend}</legend>
                                            <p class="merge__value">
                                                <span class="merge__side">"Mine: "</span>
                                                <span>{line.mine}</span>
                                            </p>
                                            <p class="merge__value">
                                                <span class="merge__side">"Theirs: "</span>
                                                <span>{line.theirs}</span>
                                            </p>
                                            {line.why.map(|why| view! { <p class="merge__why">{why}</p> })}
                                            <div class="merge__options">
                                                <label class="merge__option">
                                                    <input
                                                        type="radio"
                                                        name=group.clone()
                                                        prop:checked=move || is(Choice::Mine)
                                                        on:change=move |_| pick(Choice::Mine)
                                                    />
                                                    " Keep mine"
                                                </label>
                                                <label class="merge__option">
                                                    <input
                                                        type="radio"
                                                        name=group
                                                        prop:checked=move || is(Choice::Theirs)
                                                        on:change=move |_| pick(Choice::Theirs)
                                                    />
                                                    " Take theirs"
                                                </label>
                                            </div>
                                        </fieldset>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                    <div class="modal__actions merge__actions">
                        <button type="button" class="button" on:click=move |_| set_all(Choice::Mine)>
                            "Keep all mine"
                        </button>
                        <button type="button" class="button" on:click=move |_| set_all(Choice::Theirs)>
                            "Take all theirs"
                        </button>
                        <button type="button" class="button" on:click=move |_| close()>
                            "Cancel"
                        </button>
                        <button type="button" class="button button--primary" on:click=apply>
                            "Merge"
                        </button>
                    </div>
                </Modal>
            }
        })
    }
}
