//! The wording of the converters: format names, CSV problems and encodings, failed
//! conversions and what an export could not carry.

use super::{count_of, quoted};
use crate::model::io::convert::{ConvertError, Format};
use crate::model::io::csv::{Encoding, ProblemKind, RowProblem};

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
