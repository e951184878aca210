//! Sentences for people: every error and notice the store raises, with names instead of ids.
//!
//! The model and store say what went wrong in their own terms; this module is the one place that
//! words it for the user, saying what is wrong and where.

use crate::model::board::MoveDirection;
use crate::model::io::convert::{ConvertError, Format};
use crate::model::io::csv::{Encoding, ProblemKind, RowProblem};
use crate::model::io::{ImportError, NotText};
use crate::model::merge::LeftOut;
use crate::model::{ColumnId, Field, ModelError, Project, TaskId, Workspace};
use crate::store::{AppError, Notice};

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

/// Describes why a merge or compare has no result.
pub fn describe_merge(error: &crate::model::merge::MergeError) -> String {
    use crate::model::merge::MergeError;
    match error {
        MergeError::Invalid(invalid) => {
            format!("The merged plan would not hold together ({invalid}), so nothing changed.")
        }
        MergeError::Unreadable(message) => {
            format!("The merged plan could not be built ({message}), so nothing changed.")
        }
        MergeError::NotOneProject => {
            "This file holds a whole workspace. Compare and merge work with one project's file."
                .to_string()
        }
        MergeError::OtherProject => {
            "This file holds another project, so it cannot be merged into this one.".to_string()
        }
    }
}

/// "1 change" or "12 changes".
fn count(number: usize, one: &str, many: &str) -> String {
    if number == 1 {
        format!("1 {one}")
    } else {
        format!("{number} {many}")
    }
}

/// "1 change" or "12 changes", as counted by a merge.
pub fn change_count(number: usize) -> String {
    count(number, "change", "changes")
}

/// The notice after a merge: "Merged: 12 changes from the file, 3 conflicts resolved".
pub fn merged(changes: usize, conflicts: usize, dropped: usize) -> String {
    let mut sentence = format!(
        "Merged: {} from the file, {} resolved",
        count(changes, "change", "changes"),
        count(conflicts, "conflict", "conflicts")
    );
    if dropped > 0 {
        sentence.push_str(&format!(
            ". Storage is nearly full, so {} of this project no longer merge three-way",
            count(dropped, "older copy", "older copies")
        ));
    }
    sentence.push('.');
    sentence
}

/// The loop a refused link would close, as names: "“Design” → “Build” → “Design”".
fn loop_names(reason: &ModelError, name: &dyn Fn(TaskId) -> String) -> Option<String> {
    match reason {
        ModelError::Cycle { path } if !path.is_empty() => Some(
            path.iter()
                .map(|id| name(*id))
                .collect::<Vec<_>>()
                .join(" → "),
        ),
        _ => None,
    }
}

/// After a merge, one link the result had to leave out, and why: "“Test” does not wait for
/// “Build”: that link would close a loop, “Build” → “Test” → “Build”, so it was left out."
pub fn left_out_link(link: &LeftOut, name: &dyn Fn(TaskId) -> String) -> String {
    let why = match (&link.reason, loop_names(&link.reason, name)) {
        (_, Some(names)) => format!("that link would close a loop, {names}"),
        (ModelError::LinkWithinHierarchy { .. }, None) => {
            "one is a summary task containing the other".to_string()
        }
        (_, None) => "the merged plan could not take that link".to_string(),
    };
    format!(
        "{} does not wait for {}: {why}, so it was left out.",
        name(link.successor),
        name(link.predecessor)
    )
}

/// Beside a conflict over a link that would close a loop: which side closes it, the loop, and
/// what taking that side costs. `closing_side` is "Keeping mine" or "Taking theirs".
pub fn loop_conflict(
    closing_side: &str,
    link: &LeftOut,
    name: &dyn Fn(TaskId) -> String,
) -> String {
    match loop_names(&link.reason, name) {
        Some(names) => format!(
            "{closing_side} would close a loop: {names}. Another link of that loop is then \
             left out, and the notice after the merge names it."
        ),
        None => format!(
            "{closing_side} would link a summary task to its own subtask, so this link would \
             be left out."
        ),
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

/// The name people know a converter format by.
pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::Mspdi => "MS Project XML",
        Format::Csv => "CSV",
        Format::Ics => "iCalendar",
    }
}

/// One problem of a CSV import, as "Map columns" lists it: where, what, and what happens.
pub fn csv_problem(problem: &RowProblem) -> String {
    let place = match &problem.column {
        Some(column) => format!("Row {} (line {}), {column}", problem.row, problem.line),
        None => format!("Row {} (line {})", problem.row, problem.line),
    };
    let what = match &problem.kind {
        ProblemKind::MissingTitle => "there is no title".to_string(),
        ProblemKind::BadDate { text } => format!("{} is not a date", quoted(text)),
        ProblemKind::AmbiguousDate { text } => {
            format!(
                "{} can be read two ways; choose a date format",
                quoted(text)
            )
        }
        ProblemKind::EndBeforeStart { start, end } => {
            format!("the end {end} is before the start {start}; the task ends on its start")
        }
        ProblemKind::BadDuration { text } => format!("{} is not a duration", quoted(text)),
        ProblemKind::BadEstimate { text } => format!("{} is not an estimate", quoted(text)),
        ProblemKind::BadProgress { text } => {
            format!("{} is not a percentage from 0 to 100", quoted(text))
        }
        ProblemKind::BadMilestone { text } => format!("{} is not yes or no", quoted(text)),
        ProblemKind::UnknownPriority { text } => {
            format!(
                "{} is not a priority Ironplan knows; the task is Medium",
                quoted(text)
            )
        }
        ProblemKind::TitleShortened => "the title is cut to 500 characters".to_string(),
        ProblemKind::TagsLeftOut { count } => {
            format!(
                "{} left out (over 60 characters, or past the 30th)",
                count_of(*count, "tag", "tags")
            )
        }
        ProblemKind::ExtraAssignees { names } => format!(
            "only one person can be assigned; {} {} listed in the description",
            names.join(", "),
            if names.len() == 1 { "is" } else { "are" }
        ),
        ProblemKind::BadPredecessor { text } => {
            format!("{} is not a predecessor such as 3FS+2d", quoted(text))
        }
        ProblemKind::UnknownPredecessor { text } => {
            format!("the predecessor {} is no row of the file", quoted(text))
        }
        ProblemKind::SelfPredecessor { text } => {
            format!("the predecessor {} is the task itself", quoted(text))
        }
        ProblemKind::LinkWithinHierarchy { text } => format!(
            "the predecessor {} is the task's own summary task or subtask",
            quoted(text)
        ),
        ProblemKind::LinkLoop { text } => {
            format!(
                "the link to {} would close a loop of dependencies",
                quoted(text)
            )
        }
        ProblemKind::UnknownParent { text } => {
            format!(
                "the parent {} is no row of the file; the task is top-level",
                quoted(text)
            )
        }
        ProblemKind::ParentLoop { text } => format!(
            "the parent {} would make the task its own ancestor; the task is top-level",
            quoted(text)
        ),
        ProblemKind::DuplicateId { text } => {
            format!(
                "the ID {} is also on an earlier row, which keeps it",
                quoted(text)
            )
        }
        ProblemKind::BadOutline { text } => {
            format!(
                "{} is not an outline level; the task is top-level",
                quoted(text)
            )
        }
        ProblemKind::MilestoneWithSubtasks => {
            "a milestone cannot have subtasks; it is imported as a task".to_string()
        }
        ProblemKind::RaggedRow { found, expected } => {
            format!("the row has {found} cells where the header has {expected}")
        }
    };
    let effect = if problem.skipped {
        "; the row is left out."
    } else {
        "."
    };
    format!("{place}: {what}{effect}")
}

/// Says how a CSV file was read, when that is worth knowing.
pub fn csv_encoding_note(encoding: Encoding) -> Option<&'static str> {
    match encoding {
        Encoding::Windows1252 => Some("The file is not UTF-8, so it was read as Windows-1252 (Western European); check that accented letters look right."),
        Encoding::Utf16 => Some("The file was read as UTF-16."),
        Encoding::Utf8 | Encoding::Utf8Bom => None,
    }
}

/// Says why a file could not be converted.
pub fn describe_conversion(error: &ConvertError) -> String {
    match error {
        ConvertError::BadRequest { .. } => {
            "The converter and the page are from different versions of Ironplan. Reload the page and try again.".to_string()
        }
        ConvertError::Unsupported { format } => format!(
            "This version of Ironplan cannot convert {} files this way yet.",
            format_name(*format)
        ),
        ConvertError::Refused { reason } => reason.clone(),
        ConvertError::Plan { message } => {
            format!("The project could not be converted: {message}.")
        }
        ConvertError::Stopped => {
            "The converter stopped before it finished. Nothing changed; try again.".to_string()
        }
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

/// The notice after a download from "Export as": the file, and what its format (`None` for
/// the plan file) could not carry.
pub fn exported_notice(file_name: &str, format: Option<Format>, losses: &[String]) -> String {
    match format {
        Some(format) if !losses.is_empty() => format!(
            "Downloaded {}. {} cannot carry: {}.",
            quoted(file_name),
            format_name(format),
            losses.join("; ")
        ),
        _ => format!("Downloaded {}. Everything carried over.", quoted(file_name)),
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
