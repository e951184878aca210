//! Which task field each column holds, guessed from the headers that Jira, Trello, monday.com,
//! Asana, Smartsheet and MS Project's Excel export write (the table is in
//! `docs/interchange.md`).

use super::read::CsvTable;
use serde::{Deserialize, Serialize};

/// The task field a column is read into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvField {
    Title,
    Description,
    /// The board column, by name; unknown names become new columns.
    Status,
    /// People by name; the first is the assignee.
    Assignee,
    /// A date, or a range "2026-01-05 - 2026-01-09" (monday.com's Timeline) giving both ends.
    StartDate,
    EndDate,
    /// "3d", "2w", "4h", "5 days"; a bare number is days. 0 makes a milestone.
    Duration,
    /// Hours, or a span with units such as "1w 2d 4h".
    EstimateHours,
    /// Seconds, as Jira writes "Original Estimate".
    EstimateSeconds,
    /// "50%", "50", or a fraction "0.5".
    Progress,
    /// "Yes", "true", "1", "x".
    Milestone,
    Priority,
    /// Comma-separated; a repeated column adds its values.
    Tags,
    /// The parent's ID (from any ID column), row number, or title.
    Parent,
    /// "3FS+2d, 5SS": row numbers, or IDs when an ID column is mapped.
    Predecessors,
    /// A key other rows refer to; several ID columns may be mapped (Jira's key and id).
    Id,
    /// "1.2.3": the outline, when no Parent column is mapped.
    Wbs,
    /// 1 for top-level tasks: the outline by indentation, when neither Parent nor WBS is mapped.
    OutlineLevel,
    Ignore,
}

impl CsvField {
    /// Every field, in the order the "Map columns" selects offer them.
    pub const ALL: [CsvField; 19] = [
        CsvField::Title,
        CsvField::Description,
        CsvField::Status,
        CsvField::Assignee,
        CsvField::StartDate,
        CsvField::EndDate,
        CsvField::Duration,
        CsvField::EstimateHours,
        CsvField::EstimateSeconds,
        CsvField::Progress,
        CsvField::Milestone,
        CsvField::Priority,
        CsvField::Tags,
        CsvField::Parent,
        CsvField::Predecessors,
        CsvField::Id,
        CsvField::Wbs,
        CsvField::OutlineLevel,
        CsvField::Ignore,
    ];

    /// The English label of the select option.
    pub fn label(self) -> &'static str {
        match self {
            CsvField::Title => "Title",
            CsvField::Description => "Description",
            CsvField::Status => "Status",
            CsvField::Assignee => "Assignee",
            CsvField::StartDate => "Start date",
            CsvField::EndDate => "End date",
            CsvField::Duration => "Duration",
            CsvField::EstimateHours => "Estimate (hours)",
            CsvField::EstimateSeconds => "Estimate (seconds)",
            CsvField::Progress => "Progress (%)",
            CsvField::Milestone => "Milestone",
            CsvField::Priority => "Priority",
            CsvField::Tags => "Tags",
            CsvField::Parent => "Parent",
            CsvField::Predecessors => "Predecessors",
            CsvField::Id => "ID",
            CsvField::Wbs => "WBS number",
            CsvField::OutlineLevel => "Outline level",
            CsvField::Ignore => "Ignore",
        }
    }

    /// The stable key used in form values and messages to the converter worker.
    pub fn key(self) -> &'static str {
        match self {
            CsvField::Title => "title",
            CsvField::Description => "description",
            CsvField::Status => "status",
            CsvField::Assignee => "assignee",
            CsvField::StartDate => "start_date",
            CsvField::EndDate => "end_date",
            CsvField::Duration => "duration",
            CsvField::EstimateHours => "estimate_hours",
            CsvField::EstimateSeconds => "estimate_seconds",
            CsvField::Progress => "progress",
            CsvField::Milestone => "milestone",
            CsvField::Priority => "priority",
            CsvField::Tags => "tags",
            CsvField::Parent => "parent",
            CsvField::Predecessors => "predecessors",
            CsvField::Id => "id",
            CsvField::Wbs => "wbs",
            CsvField::OutlineLevel => "outline_level",
            CsvField::Ignore => "ignore",
        }
    }

    /// The field whose [`CsvField::key`] is `key`.
    pub fn from_key(key: &str) -> Option<CsvField> {
        CsvField::ALL.into_iter().find(|field| field.key() == key)
    }
}

/// Headers and the field they hold, compared after [`normalize_header`]. Several tools share
/// a header ("Status", "Priority"); the table names each header once.
const HEADERS: &[(&str, CsvField)] = &[
    // Titles: Jira, Trello, monday.com and Asana, Smartsheet and MS Project, Ironplan.
    ("summary", CsvField::Title),
    ("card name", CsvField::Title),
    ("name", CsvField::Title),
    ("task name", CsvField::Title),
    ("title", CsvField::Title),
    ("task", CsvField::Title),
    ("item", CsvField::Title),
    ("item name", CsvField::Title),
    ("subject", CsvField::Title),
    // Keys other rows refer to.
    ("issue key", CsvField::Id),
    ("issue id", CsvField::Id),
    ("task id", CsvField::Id),
    ("card id", CsvField::Id),
    ("item id", CsvField::Id),
    ("id", CsvField::Id),
    ("key", CsvField::Id),
    // Parents: Jira's id and summary, Asana's parent name.
    ("parent", CsvField::Parent),
    ("parent id", CsvField::Parent),
    ("parent key", CsvField::Parent),
    ("parent issue", CsvField::Parent),
    ("parent summary", CsvField::Parent),
    ("parent task", CsvField::Parent),
    ("parent item", CsvField::Parent),
    // Statuses: Jira, Trello's list, Asana's section.
    ("status", CsvField::Status),
    ("list name", CsvField::Status),
    ("list", CsvField::Status),
    ("section/column", CsvField::Status),
    ("section", CsvField::Status),
    ("column", CsvField::Status),
    ("state", CsvField::Status),
    ("stage", CsvField::Status),
    // People.
    ("assignee", CsvField::Assignee),
    ("members", CsvField::Assignee),
    ("person", CsvField::Assignee),
    ("people", CsvField::Assignee),
    ("owner", CsvField::Assignee),
    ("assigned to", CsvField::Assignee),
    ("resource names", CsvField::Assignee),
    ("resources", CsvField::Assignee),
    ("responsible", CsvField::Assignee),
    // Dates. monday.com's Timeline is a range.
    ("start date", CsvField::StartDate),
    ("start", CsvField::StartDate),
    ("timeline", CsvField::StartDate),
    ("planned start", CsvField::StartDate),
    ("begin", CsvField::StartDate),
    ("due date", CsvField::EndDate),
    ("due", CsvField::EndDate),
    ("due on", CsvField::EndDate),
    ("end date", CsvField::EndDate),
    ("end", CsvField::EndDate),
    ("finish", CsvField::EndDate),
    ("finish date", CsvField::EndDate),
    ("planned finish", CsvField::EndDate),
    // Effort.
    ("duration", CsvField::Duration),
    ("estimate", CsvField::EstimateHours),
    ("estimate (hours)", CsvField::EstimateHours),
    ("estimated hours", CsvField::EstimateHours),
    ("hours", CsvField::EstimateHours),
    ("work", CsvField::EstimateHours),
    ("effort", CsvField::EstimateHours),
    ("original estimate", CsvField::EstimateSeconds),
    ("σ original estimate", CsvField::EstimateSeconds),
    ("% complete", CsvField::Progress),
    ("percent complete", CsvField::Progress),
    ("progress", CsvField::Progress),
    ("progress (%)", CsvField::Progress),
    ("% done", CsvField::Progress),
    ("milestone", CsvField::Milestone),
    ("is milestone", CsvField::Milestone),
    ("priority", CsvField::Priority),
    ("labels", CsvField::Tags),
    ("label", CsvField::Tags),
    ("tags", CsvField::Tags),
    ("tag", CsvField::Tags),
    ("categories", CsvField::Tags),
    ("description", CsvField::Description),
    ("card description", CsvField::Description),
    ("notes", CsvField::Description),
    ("note", CsvField::Description),
    ("predecessors", CsvField::Predecessors),
    ("predecessor", CsvField::Predecessors),
    ("depends on", CsvField::Predecessors),
    ("dependencies", CsvField::Predecessors),
    ("blocked by", CsvField::Predecessors),
    ("blocked by (dependencies)", CsvField::Predecessors),
    ("wbs", CsvField::Wbs),
    ("wbs number", CsvField::Wbs),
    ("outline number", CsvField::Wbs),
    ("outline level", CsvField::OutlineLevel),
];

/// Headers read only when no other column holds their field: Jira's "Created" stands in for
/// a start date, monday.com's "Date" for an end date.
const FALLBACKS: &[(&str, CsvField)] = &[
    ("created", CsvField::StartDate),
    ("date", CsvField::EndDate),
];

/// A header in the form the tables use: lower case, spaces collapsed, a byte order mark and
/// Jira's "Custom field (…)" wrapper removed.
pub fn normalize_header(header: &str) -> String {
    let lower = header
        .trim_start_matches('\u{feff}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    match lower
        .strip_prefix("custom field (")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        Some(inner) => inner.trim().to_string(),
        None => lower,
    }
}

/// The field each column most likely holds, from its header; "Ignore" when unknown. Every
/// column whose header repeats gets the same field, so all of them contribute.
pub fn guess_mapping(table: &CsvTable) -> Vec<CsvField> {
    let normalized: Vec<String> = table.headers.iter().map(|h| normalize_header(h)).collect();
    let lookup = |table: &[(&str, CsvField)], header: &str| {
        table
            .iter()
            .find(|(known, _)| *known == header)
            .map(|(_, field)| *field)
    };
    let mut fields: Vec<CsvField> = normalized
        .iter()
        .map(|header| lookup(HEADERS, header).unwrap_or(CsvField::Ignore))
        .collect();
    for (column, header) in normalized.iter().enumerate() {
        if let Some(field) = lookup(FALLBACKS, header) {
            if !fields.contains(&field) {
                fields[column] = field;
            }
        }
    }
    // Two title columns (monday.com's "Name" beside an "Item" column) would both fill the
    // title; the first keeps it.
    if let Some(first) = fields.iter().position(|field| *field == CsvField::Title) {
        let first_header = &normalized[first];
        for (column, field) in fields.iter_mut().enumerate() {
            if column != first && *field == CsvField::Title && normalized[column] != *first_header {
                *field = CsvField::Ignore;
            }
        }
    }
    fields
}
