//! Sentences for people: every error and notice the store raises, with names instead of ids.
//!
//! The model and store say what went wrong in their own terms; this module is the one place that
//! words it for the user, saying what is wrong and where.

use crate::model::board::MoveDirection;
use crate::model::io::{ImportError, NotText};
use crate::model::{ColumnId, Field, ModelError, Project, TaskId, Workspace};
use crate::store::{AppError, Notice};

mod interchange;
mod merge;

pub use interchange::{
    csv_encoding_note, csv_problem, describe_conversion, exported_notice, format_name,
};
pub use merge::{change_count, describe_merge, left_out_link, loop_conflict, merged};

/// Quotes a name the way the UI does: “Deploy”.
pub fn quoted(name: &str) -> String {
    format!("“{name}”")
}

fn task_name(workspace: &Workspace, id: TaskId) -> String {
    workspace
        .projects()
        .iter()
        .find_map(|project| project.find_task(id))
        .map(|task| quoted(&task.title))
        .unwrap_or_else(|| "a task that no longer exists".to_string())
}

fn column_name(workspace: &Workspace, id: ColumnId) -> String {
    workspace
        .projects()
        .iter()
        .find_map(|project| project.column(id).ok())
        .map(|column| column.name.clone())
        .unwrap_or_else(|| "a column that no longer exists".to_string())
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::TaskTitle => "The title",
        Field::TaskDescription => "The description",
        Field::Tag => "A tag",
        Field::ProjectName => "The project name",
        Field::ProjectDescription => "The project description",
        Field::ColumnName => "The column name",
        Field::PersonName => "The name",
        Field::PersonRole => "The role",
        Field::BaselineName => "The baseline name",
        Field::RiskTitle => "The title",
        Field::Note => "The note",
    }
}

/// Says how to type a lag that could not be read as a number.
pub fn lag_must_be_whole() -> String {
    "Enter the lag as a whole number of working days, such as 2, or −1 to overlap.".to_string()
}

/// Describes an error as a sentence.
pub fn describe(error: &AppError, workspace: &Workspace) -> String {
    match error {
        AppError::Model(error) => describe_model(error, workspace),
        AppError::Import(error) => describe_import(error, workspace),
        AppError::Storage(message) => format!("Storage failed: {message}."),
        AppError::FileRead(message) => format!("The file could not be read: {message}."),
        AppError::NotText(error) => describe_not_text(error),
        AppError::Convert(error) => describe_conversion(error),
        AppError::Merge(error) => describe_merge(error),
    }
}

/// Describes a file whose bytes are not text; nothing was imported.
pub fn describe_not_text(error: &NotText) -> String {
    match error {
        NotText::NotUtf8 { offset } => format!(
            "This file is not UTF-8 text: byte {} does not belong to any character. Nothing was imported.",
            offset + 1
        ),
        NotText::NotUtf16 => {
            "This file is not UTF-16 text, though it starts as if it were. Nothing was imported."
                .to_string()
        }
    }
}

/// Describes a model refusal.
pub fn describe_model(error: &ModelError, workspace: &Workspace) -> String {
    let person = |id| {
        workspace
            .person(id)
            .map(|person| quoted(&person.name))
            .unwrap_or_else(|| "This person".to_string())
    };
    match error {
        ModelError::UnknownProject(_) => "That project no longer exists.".to_string(),
        ModelError::UnknownTask(_) => "That task no longer exists.".to_string(),
        ModelError::UnknownColumn(_) => "That board column no longer exists.".to_string(),
        ModelError::UnknownPerson(_) => "That person is not in the people list.".to_string(),
        ModelError::NotOnTeam(id) => format!("{} is not on this project's team.", person(*id)),
        ModelError::Blank(field) => format!("{} is required.", field_name(*field)),
        ModelError::TooLong { field, max } => {
            format!("{} is longer than {max} characters.", field_name(*field))
        }
        ModelError::TooManyTags { max } => format!("A task can have at most {max} tags."),
        ModelError::EndBeforeStart { .. } => "The end date is before the start date.".to_string(),
        ModelError::DeadlineBeforeStart { .. } => {
            "The deadline is before the project start.".to_string()
        }
        ModelError::MilestoneSpansDays { .. } => {
            "A milestone is a single date: its end date must equal its start date.".to_string()
        }
        ModelError::DateOutOfRange(date) => {
            format!("{date} is outside the supported range (1900 to 2199).")
        }
        ModelError::SelfDependency(_) => "A task cannot depend on itself.".to_string(),
        ModelError::DuplicateDependency {
            predecessor,
            successor,
        } => format!(
            "{} already depends on {}.",
            task_name(workspace, *successor),
            task_name(workspace, *predecessor)
        ),
        ModelError::LagOutOfRange(lag) => {
            format!("A lag of {lag} working days is too large; use −1000 to 1000.")
        }
        ModelError::Cycle { path } => {
            let names: Vec<String> = path.iter().map(|id| task_name(workspace, *id)).collect();
            format!(
                "This dependency would make a loop: {}. A task cannot wait for itself.",
                names.join(" → ")
            )
        }
        ModelError::LinkWithinHierarchy { task, relative } => format!(
            "{} cannot depend on {}: one is a summary task containing the other.",
            task_name(workspace, *task),
            task_name(workspace, *relative)
        ),
        ModelError::ParentCycle { task, parent } => format!(
            "{} cannot be placed under {}, which is itself or one of its subtasks.",
            task_name(workspace, *task),
            task_name(workspace, *parent)
        ),
        ModelError::MilestoneWithSubtasks(id) => {
            format!("{} is a milestone and cannot have subtasks.", task_name(workspace, *id))
        }
        ModelError::LastColumn => "A board needs at least one other column.".to_string(),
        ModelError::ZeroWipLimit => "A WIP limit must be at least 1.".to_string(),
        ModelError::NoWorkingDays => "Choose at least one working weekday.".to_string(),
        ModelError::NegativeMoney(_) => "Amounts cannot be negative.".to_string(),
        ModelError::MoneyTooLarge(_) => "That amount is too large.".to_string(),
        ModelError::CapacityTooLarge(_) => {
            "Weekly capacity cannot exceed the 168 hours in a week.".to_string()
        }
        ModelError::EntryHours(_) => {
            "A time entry must be more than 0 and at most 24 hours.".to_string()
        }
        ModelError::UnknownTimeEntry(_) => "That time entry no longer exists.".to_string(),
        ModelError::TimerRunning(id) => {
            format!("A timer is already running on {}.", task_name(workspace, *id))
        }
        ModelError::NoTimer(id) => format!("No timer is running on {}.", task_name(workspace, *id)),
        ModelError::UnknownBaseline(_) => "That baseline no longer exists.".to_string(),
        ModelError::UnknownRisk(_) => "That risk no longer exists.".to_string(),
        ModelError::UnknownScopeChange(_) => "That scope change no longer exists.".to_string(),
        ModelError::Thresholds => {
            "Health thresholds must put red beyond amber (for example CPI red below 0.90, amber below 0.95).".to_string()
        }
        ModelError::DuplicateId(_) => "Something with this id already exists.".to_string(),
    }
}

/// Describes why a plan file was refused, naming where the problem is.
pub fn describe_import(error: &ImportError, workspace: &Workspace) -> String {
    let prefix = "The file was not imported";
    match error {
        ImportError::Empty => format!("{prefix}: it is empty."),
        ImportError::TooLarge { size, limit } => format!(
            "{prefix}: it is {} MB, over the {} MB limit.",
            size / 1_000_000,
            limit / 1_000_000
        ),
        ImportError::TooDeep { line, column, limit } => format!(
            "{prefix}: it is nested more than {limit} levels deep (line {line}, column {column})."
        ),
        ImportError::Syntax {
            line,
            column,
            message,
        } => format!("{prefix}: it is not valid JSON at line {line}, column {column} ({message})."),
        ImportError::Truncated { line, column } => format!(
            "{prefix}: it ends unexpectedly at line {line}, column {column}. It may be truncated."
        ),
        ImportError::NotAPlan { found: None } => {
            format!("{prefix}: it is not an Ironplan plan file (no \"format\": \"ironplan\").")
        }
        ImportError::NotAPlan { found: Some(found) } => {
            format!("{prefix}: it is a {found:?} file, not an Ironplan plan file.")
        }
        ImportError::UnsupportedVersion { found, supported } => format!(
            "{prefix}: it was saved by a newer Ironplan (format version {found}); this one reads up to version {supported}. Update Ironplan to open it."
        ),
        ImportError::BadVersion { path } => {
            format!("{prefix}: at {path}, the version must be a whole number from 1 up.")
        }
        ImportError::UnknownKind { found } => format!(
            "{prefix}: its kind {found:?} is unknown; expected \"project\" or \"workspace\"."
        ),
        ImportError::StringTooLong {
            path,
            length,
            limit,
        } => format!("{prefix}: at {path}, a text of {length} characters is over the {limit}-character limit."),
        ImportError::TooManyTasks { count, limit } => {
            format!("{prefix}: it has {count} tasks, over the {limit}-task limit.")
        }
        ImportError::Field {
            path,
            message,
            position,
        } => {
            let place = match position {
                Some((line, column)) => format!("{path} (line {line}, column {column})"),
                None if path.is_empty() => "the top level".to_string(),
                None => path.clone(),
            };
            format!("{prefix}: at {place}, {message}.")
        }
        ImportError::Invalid(invalid) => {
            let subject = invalid
                .subject
                .as_deref()
                .map(|subject| format!(" ({})", quoted(subject)))
                .unwrap_or_default();
            let detail = match &invalid.error {
                ModelError::UnknownTask(id) => format!("it refers to task {id}, which is not in the file"),
                ModelError::UnknownColumn(id) => format!("it refers to column {id}, which is not in the file"),
                ModelError::UnknownPerson(id) => format!("it refers to person {id}, who is not in the file"),
                ModelError::NotOnTeam(id) => format!("person {id} is not on the project's team"),
                ModelError::DuplicateId(id) => format!("the id {id} is used twice"),
                ModelError::Cycle { path } => format!(
                    "the dependencies make a loop ({} tasks); a task cannot wait for itself",
                    path.len().saturating_sub(1)
                ),
                other => lowercase_first(&describe_model(other, workspace)).trim_end_matches('.').to_string(),
            };
            format!("{prefix}: at {}{subject}, {detail}.", invalid.path)
        }
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !text.starts_with("WIP") => first.to_lowercase().chain(chars).collect(),
        Some(first) => std::iter::once(first).chain(chars).collect(),
        None => String::new(),
    }
}

/// Describes a notice for the live region.
pub fn describe_notice(notice: &Notice, workspace: &Workspace) -> String {
    match notice {
        Notice::Undone(label) => format!("Undone: {label}."),
        Notice::Redone(label) => format!("Redone: {label}."),
        Notice::NothingToUndo => "Nothing to undo.".to_string(),
        Notice::NothingToRedo => "Nothing to redo.".to_string(),
        Notice::SnapshotsRemoved(count) => format!(
            "Browser storage was full, so {} kept for merging {} removed to save your plan; \
             merging a file into those projects now compares two copies only.",
            count_of(*count, "older copy", "older copies"),
            if *count == 1 { "was" } else { "were" }
        ),
        Notice::Merged {
            changes,
            conflicts,
            dropped,
            left_out,
        } => {
            let mut sentence = merged(*changes, *conflicts, *dropped);
            for link in left_out {
                sentence.push(' ');
                sentence.push_str(&left_out_link(link, &|id| task_name(workspace, id)));
            }
            sentence
        }
        Notice::Imported {
            projects,
            upgraded_from,
        } => {
            let names: Vec<String> = projects
                .iter()
                .filter_map(|id| workspace.find_project(*id))
                .map(|project: &Project| quoted(&project.name))
                .collect();
            match upgraded_from {
                Some(version) => format!(
                    "Imported {}, upgraded from plan file version {version}.",
                    names.join(", ")
                ),
                None => format!("Imported {}.", names.join(", ")),
            }
        }
        Notice::TasksMoved(tasks) => {
            let names: Vec<String> = tasks.iter().map(|id| task_name(workspace, *id)).collect();
            match names.len() {
                0 => "No other task moved.".to_string(),
                1 => format!("Moved {} to keep its dependency.", names[0]),
                count if count <= 5 => {
                    format!("Moved {} to keep their dependencies.", names.join(", "))
                }
                count => format!(
                    "Moved {count} tasks to keep their dependencies, including {}.",
                    names[..3].join(", ")
                ),
            }
        }
        Notice::Rescheduled(tasks) => {
            let names: Vec<String> = tasks.iter().map(|id| task_name(workspace, *id)).collect();
            match names.len() {
                0 => "No task moved.".to_string(),
                count if count <= 5 => format!(
                    "Moved {} for the new project start and calendar.",
                    names.join(", ")
                ),
                count => format!(
                    "Moved {count} tasks for the new project start and calendar, including {}.",
                    names[..3].join(", ")
                ),
            }
        }
        Notice::ProjectDeleted(name) => {
            format!("Deleted project {}. Undo with Ctrl+Z.", quoted(name))
        }
        Notice::TaskDeleted(name) => format!("Deleted task {}. Undo with Ctrl+Z.", quoted(name)),
        Notice::UpdatedFromAnotherTab(projects) => {
            let names: Vec<String> = projects
                .iter()
                .filter_map(|id| workspace.find_project(*id))
                .map(|project| quoted(&project.name))
                .collect();
            if names.is_empty() {
                "Updated with changes saved in another tab.".to_string()
            } else {
                format!(
                    "Updated {} with changes saved in another tab.",
                    names.join(", ")
                )
            }
        }
        Notice::ConflictResolved {
            name,
            kept_both: false,
        } => {
            format!("Now showing the other tab's version of {}.", quoted(name))
        }
        Notice::ConflictResolved {
            name,
            kept_both: true,
        } => format!(
            "Kept both versions of {}: this tab's version is now “{} (copy)”.",
            quoted(name),
            name
        ),
        Notice::CardMoved {
            task,
            column,
            position,
            count,
        } => format!(
            "Moved {} to {}, position {position} of {count}.",
            task_name(workspace, *task),
            column_name(workspace, *column)
        ),
        Notice::CardAtEdge { task, direction } => {
            let place = match direction {
                MoveDirection::Up | MoveDirection::Top => "at the top of its column",
                MoveDirection::Down | MoveDirection::Bottom => "at the bottom of its column",
                MoveDirection::PreviousColumn => "in the first column",
                MoveDirection::NextColumn => "in the last column",
            };
            format!("{} is already {place}.", task_name(workspace, *task))
        }
        Notice::CardAdded { task, column } => format!(
            "Added {} to {}.",
            task_name(workspace, *task),
            column_name(workspace, *column)
        ),
    }
}

/// The line under the task picker's list (`widgets::task_picker`): nothing when every match
/// shows, else how to narrow it; `shown` and `total` are already written in the locale.
pub fn picker_status(any: bool, cut: bool, shown: &str, total: &str) -> String {
    if !any {
        "No task matches.".to_string()
    } else if cut {
        format!("Showing {shown} of {total} matches — type more to narrow")
    } else {
        String::new()
    }
}

/// Counts with their nouns, such as "12 tasks" or "1 person".
pub fn count_of(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// A scheduling conflict as MS Project users know it: the constraint holds and a link into the
/// task does not.
pub fn describe_conflict(conflict: crate::model::schedule::Conflict) -> String {
    use crate::model::schedule::Conflict;
    let constraint = conflict.constraint();
    let rule = match constraint.date() {
        Some(day) => format!(
            "“{} {}”",
            constraint.kind().label(),
            super::format::date(day)
        ),
        None => format!("“{}”", constraint.kind().label()),
    };
    match conflict {
        Conflict::StartTooLate { wanted, .. } => format!(
            "scheduling conflict: its dependencies need it to start {}, but {rule} holds it earlier",
            super::format::date(wanted)
        ),
        Conflict::FinishTooLate { wanted, .. } => format!(
            "scheduling conflict: its dependencies need it to finish {}, but {rule} holds it earlier",
            super::format::date(wanted)
        ),
    }
}

/// `text` with its first letter in capitals, to start a sentence.
pub fn capitalized(text: &str) -> String {
    let mut letters = text.chars();
    match letters.next() {
        Some(first) => first.to_uppercase().chain(letters).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::LeftOut;
    use uuid::Uuid;

    fn task(number: u128) -> TaskId {
        TaskId(Uuid::from_u128(number))
    }

    fn name(id: TaskId) -> String {
        let names = ["", "Design", "Build", "Test"];
        quoted(names[id.uuid().as_u128() as usize])
    }

    #[test]
    fn a_link_left_out_of_a_merge_is_named_with_the_loop_it_would_close() {
        let link = LeftOut {
            successor: task(1),
            predecessor: task(3),
            reason: ModelError::Cycle {
                path: vec![task(3), task(1), task(2), task(3)],
            },
        };
        assert_eq!(
            left_out_link(&link, &name),
            "“Design” does not wait for “Test”: that link would close a loop, \
             “Test” → “Design” → “Build” → “Test”, so it was left out."
        );
        assert_eq!(
            loop_conflict("Taking theirs", &link, &name),
            "Taking theirs would close a loop: “Test” → “Design” → “Build” → “Test”. \
             Another link of that loop is then left out, and the notice after the merge names it."
        );
    }
}
