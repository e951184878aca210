//! The sentences people read about MSPDI losses and errors. The coordinator may move these into
//! `ui/messages.rs`; until then this is the one place for their wording.

use super::{LossKind, MspdiError};

fn plural(count: usize, one: &str, many: &str) -> String {
    match (count, many) {
        (_, "") => count.to_string(),
        (1, _) => format!("1 {one}"),
        _ => format!("{count} {many}"),
    }
}

/// How one kind of loss is worded.
enum Wording {
    /// "3 tasks with …: what Ironplan did": the thing counted (one, many), then what was done.
    Counted(&'static str, &'static str, &'static str),
    /// "Label: 3 things what was done", for a part of the plan named first.
    Labelled(&'static str, &'static str, &'static str, &'static str),
    /// A sentence without a count.
    Fixed(&'static str),
}

fn wording(kind: LossKind) -> Wording {
    use Wording::{Counted, Fixed, Labelled};
    match kind {
        LossKind::NullRowsSkipped => Counted("blank task row", "blank task rows", "skipped"),
        LossKind::UnnamedTasks => Counted(
            "task without a name",
            "tasks without a name",
            "named after their row number",
        ),
        LossKind::TextShortened => Counted(
            "name or note that was too long",
            "names or notes that were too long",
            "shortened to fit",
        ),
        LossKind::ManualScheduling => Counted(
            "manually scheduled task",
            "manually scheduled tasks",
            "kept on their dates with “Start no earlier than”",
        ),
        LossKind::InactiveTasks => Counted(
            "inactive task",
            "inactive tasks",
            "imported as ordinary tasks tagged “Inactive”",
        ),
        LossKind::SummaryMilestones => Counted(
            "milestone with subtasks",
            "milestones with subtasks",
            "imported as summary tasks",
        ),
        LossKind::ElapsedLags => Counted(
            "dependency with elapsed lag",
            "dependencies with elapsed lag",
            "lag converted to working days (elapsed days × working days per week ÷ 7), rounded",
        ),
        LossKind::PercentLags => Counted(
            "dependency with a percentage lag",
            "dependencies with a percentage lag",
            "lag converted to that share of the predecessor’s working days, rounded",
        ),
        LossKind::FractionalLags => Counted(
            "dependency with a lag of part of a day",
            "dependencies with a lag of part of a day",
            "lag rounded to whole working days",
        ),
        LossKind::LagsCapped => Counted(
            "dependency with a very long lag",
            "dependencies with a very long lag",
            "lag cut to 1000 working days",
        ),
        LossKind::LinksOutsideFile => Counted(
            "dependency on a task outside the file",
            "dependencies on tasks outside the file",
            "left out",
        ),
        LossKind::LinksWithinHierarchy => Counted(
            "dependency between a summary task and its own subtask (or repeated)",
            "dependencies between summary tasks and their own subtasks (or repeated)",
            "left out",
        ),
        LossKind::LinksInLoops => Counted(
            "dependency that closed a loop",
            "dependencies that closed loops",
            "left out",
        ),
        LossKind::MultipleResources => Counted(
            "task with two or more resources",
            "tasks with two or more resources",
            "the first is the assignee, the others are listed in the description",
        ),
        LossKind::MaterialOrCostResources => Counted(
            "material or cost resource",
            "material and cost resources",
            "left out",
        ),
        LossKind::UnknownResources => Counted(
            "assignment to a resource not in the file",
            "assignments to resources not in the file",
            "left out",
        ),
        LossKind::CostsRecomputed => Counted(
            "task cost differs",
            "task costs differ",
            "Ironplan computes cost as fixed cost plus work at the assignee’s rate",
        ),
        LossKind::CustomFieldValues => Labelled("Custom fields", "value", "values", "left out"),
        LossKind::OtherCalendars => Counted(
            "task with its own calendar",
            "tasks with their own calendars",
            "the project calendar is used",
        ),
        LossKind::ExtraBaselines => Counted(
            "baseline beyond Baseline 10",
            "baselines beyond Baseline 10",
            "left out",
        ),
        LossKind::CapacityCapped => Counted(
            "resource with more units than a week holds",
            "resources with more units than a week holds",
            "capacity capped at 168 hours a week",
        ),
        LossKind::DatesOutOfRange => Counted(
            "date outside the years Ironplan plans",
            "dates outside the years Ironplan plans",
            "moved into 1900–2199",
        ),
        LossKind::RecurringTasks => Counted(
            "recurring task",
            "recurring tasks",
            "imported as ordinary summary tasks",
        ),
        LossKind::BoardColumns => Labelled(
            "Board columns",
            "task status",
            "task statuses",
            "written as percent complete only",
        ),
        LossKind::Tags => Labelled("Tags", "tag", "tags", "left out"),
        LossKind::TimeEntries => Labelled("Time log", "entry", "entries", "left out"),
        LossKind::Risks => Labelled("Risks and issues", "", "", "left out"),
        LossKind::EarlierBaselines => Counted(
            "earlier baseline",
            "earlier baselines",
            "only the latest is written, as Baseline 0",
        ),
        LossKind::History => Labelled(
            "Scope log, stand-ups and status reports",
            "entry",
            "entries",
            "left out",
        ),
        LossKind::ActualFixedCosts => {
            Counted("actual fixed cost", "actual fixed costs", "left out")
        }
        LossKind::Budget => Fixed("The project budget: left out"),
    }
}

/// One line of the "Not carried over" list: how many, and what Ironplan did instead.
pub fn describe_loss(kind: LossKind, count: usize) -> String {
    match wording(kind) {
        Wording::Counted(one, many, done) => format!("{}: {done}", plural(count, one, many)),
        Wording::Labelled(label, one, many, done) => {
            format!("{label}: {} {done}", plural(count, one, many))
        }
        Wording::Fixed(sentence) => sentence.to_string(),
    }
}

/// What people read when an MSPDI file cannot be imported.
pub fn describe_error(error: &MspdiError) -> String {
    match error {
        MspdiError::NotMsProject => "This is not an MS Project XML file.".to_string(),
        MspdiError::DocType { line, column } | MspdiError::Entity { line, column, .. } => format!(
            "This file declares its own entities or a document type (line {line}, column {column}). Ironplan refuses those for safety; save it again from MS Project."
        ),
        MspdiError::Syntax { line, column, message } => {
            format!("This XML file is damaged at line {line}, column {column}: {message}.")
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
                None => String::new(),
            }
        }
    }
}
