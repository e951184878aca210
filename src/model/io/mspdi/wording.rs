//! The sentences people read about MSPDI losses and errors. The coordinator may move these into
//! `ui/messages.rs`; until then this is the one place for their wording.

use super::{LossKind, MspdiError};

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// One line of the "Not carried over" list: how many, and what Ironplan did instead.
pub fn describe_loss(kind: LossKind, count: usize) -> String {
    let n = |one: &str, many: &str| plural(count, one, many);
    match kind {
        LossKind::NullRowsSkipped => format!("{}: skipped", n("blank task row", "blank task rows")),
        LossKind::UnnamedTasks => format!(
            "{}: named after their row number",
            n("task without a name", "tasks without a name")
        ),
        LossKind::TextShortened => format!(
            "{}: shortened to fit",
            n(
                "name or note that was too long",
                "names or notes that were too long"
            )
        ),
        LossKind::ManualScheduling => format!(
            "{}: kept on their dates with “Start no earlier than”",
            n("manually scheduled task", "manually scheduled tasks")
        ),
        LossKind::InactiveTasks => format!(
            "{}: imported as ordinary tasks tagged “Inactive”",
            n("inactive task", "inactive tasks")
        ),
        LossKind::SummaryMilestones => format!(
            "{}: imported as summary tasks",
            n("milestone with subtasks", "milestones with subtasks")
        ),
        LossKind::ElapsedLags => format!(
            "{}: lag converted to working days (elapsed days × working days per week ÷ 7), rounded",
            n(
                "dependency with elapsed lag",
                "dependencies with elapsed lag"
            )
        ),
        LossKind::PercentLags => format!(
            "{}: lag converted to that share of the predecessor’s working days, rounded",
            n(
                "dependency with a percentage lag",
                "dependencies with a percentage lag"
            )
        ),
        LossKind::FractionalLags => format!(
            "{}: lag rounded to whole working days",
            n(
                "dependency with a lag of part of a day",
                "dependencies with a lag of part of a day"
            )
        ),
        LossKind::LagsCapped => format!(
            "{}: lag cut to 1000 working days",
            n(
                "dependency with a very long lag",
                "dependencies with a very long lag"
            )
        ),
        LossKind::LinksOutsideFile => format!(
            "{}: left out",
            n(
                "dependency on a task outside the file",
                "dependencies on tasks outside the file"
            )
        ),
        LossKind::LinksWithinHierarchy => format!(
            "{}: left out",
            n(
                "dependency between a summary task and its own subtask (or repeated)",
                "dependencies between summary tasks and their own subtasks (or repeated)"
            )
        ),
        LossKind::LinksInLoops => format!(
            "{}: left out",
            n(
                "dependency that closed a loop",
                "dependencies that closed loops"
            )
        ),
        LossKind::MultipleResources => format!(
            "{}: the first is the assignee, the others are listed in the description",
            n(
                "task with two or more resources",
                "tasks with two or more resources"
            )
        ),
        LossKind::MaterialOrCostResources => format!(
            "{}: left out",
            n("material or cost resource", "material and cost resources")
        ),
        LossKind::UnknownResources => format!(
            "{}: left out",
            n(
                "assignment to a resource not in the file",
                "assignments to resources not in the file"
            )
        ),
        LossKind::CostsRecomputed => format!(
            "{}: Ironplan computes cost as fixed cost plus work at the assignee’s rate",
            n("task cost differs", "task costs differ")
        ),
        LossKind::CustomFieldValues => format!(
            "Custom fields: {count} {} left out",
            if count == 1 { "value" } else { "values" }
        ),
        LossKind::OtherCalendars => format!(
            "{}: the project calendar is used",
            n(
                "task with its own calendar",
                "tasks with their own calendars"
            )
        ),
        LossKind::ExtraBaselines => format!(
            "{}: left out",
            n(
                "baseline beyond Baseline 10",
                "baselines beyond Baseline 10"
            )
        ),
        LossKind::CapacityCapped => format!(
            "{}: capacity capped at 168 hours a week",
            n(
                "resource with more units than a week holds",
                "resources with more units than a week holds"
            )
        ),
        LossKind::DatesOutOfRange => format!(
            "{}: moved into 1900–2199",
            n(
                "date outside the years Ironplan plans",
                "dates outside the years Ironplan plans"
            )
        ),
        LossKind::RecurringTasks => format!(
            "{}: imported as ordinary summary tasks",
            n("recurring task", "recurring tasks")
        ),
        LossKind::BoardColumns => format!(
            "Board columns: {} written as percent complete only",
            n("task status", "task statuses")
        ),
        LossKind::Tags => format!("Tags: {} left out", n("tag", "tags")),
        LossKind::TimeEntries => format!("Time log: {} left out", n("entry", "entries")),
        LossKind::Risks => format!("Risks and issues: {} left out", count),
        LossKind::EarlierBaselines => format!(
            "{}: only the latest is written, as Baseline 0",
            n("earlier baseline", "earlier baselines")
        ),
        LossKind::History => format!(
            "Scope log, stand-ups and status reports: {count} {} left out",
            if count == 1 { "entry" } else { "entries" }
        ),
        LossKind::ActualFixedCosts => {
            format!("{}: left out", n("actual fixed cost", "actual fixed costs"))
        }
        LossKind::Budget => "The project budget: left out".to_string(),
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
