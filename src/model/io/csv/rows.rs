//! Reading each row into a draft task: the mapped cells parsed, dates filled in from
//! durations, and every value that could not be read listed as a problem.

use super::import::{ProblemKind, RowProblem};
use super::mapping::CsvField;
use super::read::CsvTable;
use super::values::{
    parse_date_range, parse_duration, parse_estimate, parse_priority, parse_progress, parse_yes_no,
    split_list, DateFormat,
};
use super::write::unguard_cell;
use crate::model::{text, Calendar, Hours, Priority, Progress};
use chrono::NaiveDate;

/// One row as read, before tasks refer to each other.
#[derive(Clone, Debug, Default)]
pub(super) struct Draft {
    /// The data row number, from 1.
    pub row: usize,
    pub line: u64,
    pub title: String,
    pub description: String,
    pub status: Option<String>,
    pub assignees: Vec<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub duration: Option<u32>,
    pub estimate: Hours,
    pub progress: Progress,
    pub milestone: bool,
    /// What a Milestone column says, which wins over a duration of 0.
    pub milestone_flag: Option<bool>,
    pub priority: Priority,
    pub tags: Vec<String>,
    /// (column, text) of every Parent cell, tried in order.
    pub parents: Vec<(usize, String)>,
    /// (column, entry) of every predecessor entry.
    pub predecessors: Vec<(usize, String)>,
    /// Every ID this row can be named by.
    pub keys: Vec<String>,
    pub wbs: Option<(usize, String)>,
    pub level: Option<(usize, String)>,
}

/// The cells of one row, grouped by the field their column is mapped to.
struct Cells<'a> {
    fields: &'a [CsvField],
    cells: &'a [String],
}

impl<'a> Cells<'a> {
    /// Every non-blank (column, text) of `field`, in column order.
    fn all(&self, field: CsvField) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        self.fields
            .iter()
            .zip(self.cells)
            .enumerate()
            .filter(move |(_, (mapped, cell))| **mapped == field && !cell.trim().is_empty())
            .map(|(column, (_, cell))| (column, unguard_cell(cell.trim())))
    }

    /// The first non-blank (column, text) of `field`.
    fn first(&self, field: CsvField) -> Option<(usize, &'a str)> {
        self.all(field).next()
    }
}

/// Reads row `index` (from 0). Returns `None` when the row cannot become a task, after
/// listing why in `problems`.
pub(super) fn read_row(
    table: &CsvTable,
    fields: &[CsvField],
    index: usize,
    format: Option<DateFormat>,
    problems: &mut Vec<RowProblem>,
) -> Option<Draft> {
    let source = &table.rows[index];
    let row = index + 1;
    let cells = Cells {
        fields,
        cells: &source.cells,
    };
    let problem = |column: Option<usize>, kind: ProblemKind, skipped: bool| RowProblem {
        row,
        line: source.line,
        column: column.and_then(|column| table.headers.get(column).cloned()),
        kind,
        skipped,
    };
    if let Some(found) = source.ragged {
        problems.push(problem(
            None,
            ProblemKind::RaggedRow {
                found,
                expected: table.headers.len(),
            },
            false,
        ));
    }
    let title = cells
        .all(CsvField::Title)
        .find(|(_, cell)| !text::clean_line(cell).is_empty());
    let Some((title_column, title)) = title else {
        problems.push(problem(None, ProblemKind::MissingTitle, true));
        return None;
    };
    let mut draft = Draft {
        row,
        line: source.line,
        title: text::clean_line(title),
        ..Draft::default()
    };
    if draft.title.chars().count() > text::MAX_NAME_CHARS {
        draft.title = draft.title.chars().take(text::MAX_NAME_CHARS).collect();
        problems.push(problem(
            Some(title_column),
            ProblemKind::TitleShortened,
            false,
        ));
    }
    draft.description = cells
        .all(CsvField::Description)
        .map(|(_, cell)| cell)
        .collect::<Vec<_>>()
        .join("\n\n");
    draft.status = cells
        .first(CsvField::Status)
        .map(|(_, cell)| text::clean_line(cell))
        .filter(|status| !status.is_empty());
    for (_, cell) in cells.all(CsvField::Assignee) {
        for name in split_list(cell) {
            // MS Project writes units after a name: "Ada Lovelace[50%]".
            let name = text::clean_line(name.split('[').next().unwrap_or(name));
            if !name.is_empty() && !draft.assignees.contains(&name) {
                draft.assignees.push(name);
            }
        }
    }

    // Dates: a bad date makes the row unreadable.
    for (field, is_start) in [(CsvField::StartDate, true), (CsvField::EndDate, false)] {
        if let Some((column, cell)) = cells.first(field) {
            match parse_date_range(cell, format) {
                Ok((start, end)) => {
                    let range = start != end;
                    if is_start || range {
                        draft.start = draft.start.or(Some(start));
                    }
                    if !is_start || range {
                        draft.end = Some(end);
                    }
                }
                Err(kind) => {
                    problems.push(problem(Some(column), kind, true));
                    return None;
                }
            }
        }
    }
    if let Some((column, cell)) = cells.first(CsvField::Duration) {
        match parse_duration(cell) {
            Some(days) => draft.duration = Some(days),
            None => problems.push(problem(
                Some(column),
                ProblemKind::BadDuration { text: cell.into() },
                false,
            )),
        }
    }
    for (field, seconds) in [
        (CsvField::EstimateHours, false),
        (CsvField::EstimateSeconds, true),
    ] {
        if let Some((column, cell)) = cells.first(field) {
            match parse_estimate(cell, seconds) {
                Some(hours) => draft.estimate = hours,
                None => problems.push(problem(
                    Some(column),
                    ProblemKind::BadEstimate { text: cell.into() },
                    false,
                )),
            }
        }
    }
    if let Some((column, cell)) = cells.first(CsvField::Progress) {
        match parse_progress(cell) {
            Some(progress) => draft.progress = progress,
            None => problems.push(problem(
                Some(column),
                ProblemKind::BadProgress { text: cell.into() },
                false,
            )),
        }
    }
    if let Some((column, cell)) = cells.first(CsvField::Milestone) {
        match parse_yes_no(cell) {
            Some(milestone) => draft.milestone_flag = Some(milestone),
            None => problems.push(problem(
                Some(column),
                ProblemKind::BadMilestone { text: cell.into() },
                false,
            )),
        }
    }
    if let Some((column, cell)) = cells.first(CsvField::Priority) {
        match parse_priority(cell) {
            Some(priority) => draft.priority = priority,
            None => problems.push(problem(
                Some(column),
                ProblemKind::UnknownPriority { text: cell.into() },
                false,
            )),
        }
    }
    for (_, cell) in cells.all(CsvField::Tags) {
        draft.tags.extend(split_list(cell).map(trello_label));
    }
    let tags = text::clean_tags(&draft.tags);
    let kept: Vec<String> = tags
        .iter()
        .filter(|tag| tag.chars().count() <= text::MAX_TAG_CHARS)
        .take(text::MAX_TAGS)
        .cloned()
        .collect();
    if kept.len() < tags.len() {
        let column = cells.first(CsvField::Tags).map(|(column, _)| column);
        problems.push(problem(
            column,
            ProblemKind::TagsLeftOut {
                count: tags.len() - kept.len(),
            },
            false,
        ));
    }
    draft.tags = kept;
    draft.parents = owned(cells.all(CsvField::Parent));
    draft.predecessors = cells
        .all(CsvField::Predecessors)
        .flat_map(|(column, cell)| split_list(cell).map(move |entry| (column, entry.to_string())))
        .collect();
    draft.keys = cells
        .all(CsvField::Id)
        .map(|(_, cell)| cell.to_string())
        .collect();
    draft.wbs = owned(cells.all(CsvField::Wbs)).into_iter().next();
    draft.level = owned(cells.all(CsvField::OutlineLevel)).into_iter().next();
    Some(draft)
}

fn owned<'a>(cells: impl Iterator<Item = (usize, &'a str)>) -> Vec<(usize, String)> {
    cells
        .map(|(column, cell)| (column, cell.to_string()))
        .collect()
}

/// Trello writes a label with its colour, "Backend (green)"; the colour is not part of it.
fn trello_label(label: &str) -> String {
    const COLOURS: [&str; 10] = [
        "green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black",
    ];
    match label
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
    {
        Some((name, colour)) if COLOURS.contains(&colour) && !name.trim().is_empty() => {
            name.trim().to_string()
        }
        _ => label.to_string(),
    }
}

/// Fills in the dates a row left out. With both dates the row keeps them; with one, the
/// duration (working days, in `calendar`) gives the other; with none, the task starts on
/// `fallback`. A duration of 0 or the milestone flag makes a one-day milestone on the end.
pub(super) fn settle_dates(
    draft: &mut Draft,
    calendar: &Calendar,
    fallback: NaiveDate,
    problems: &mut Vec<RowProblem>,
    column_of_end: Option<String>,
) -> (NaiveDate, NaiveDate) {
    draft.milestone = draft.milestone_flag.unwrap_or(draft.duration == Some(0));
    let span = i64::from(draft.duration.unwrap_or(1).max(1)) - 1;
    let (start, end) = match (draft.start, draft.end) {
        (Some(start), Some(end)) if end < start => {
            problems.push(RowProblem {
                row: draft.row,
                line: draft.line,
                column: column_of_end,
                kind: ProblemKind::EndBeforeStart { start, end },
                skipped: false,
            });
            (start, start)
        }
        (Some(start), Some(end)) => (start, end),
        (Some(start), None) => (start, calendar.add_working_days(start, span).max(start)),
        (None, Some(end)) => (calendar.add_working_days(end, -span).min(end), end),
        (None, None) => (
            fallback,
            calendar.add_working_days(fallback, span).max(fallback),
        ),
    };
    if draft.milestone {
        (end, end)
    } else {
        (start, end)
    }
}
