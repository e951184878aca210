//! The app's side of the CSV and iCalendar messages of the converter worker (`io::convert`),
//! written and read by hand over `serde_json::Value`, like the rest of the app's side, so that
//! the typed (de)serializers of these messages stay in the worker and the first load stays
//! small. `convert`'s tests check both sides agree.

use super::csv::{
    CsvCounts, CsvField, CsvJob, CsvMapping, CsvPreviewResult, DateFormat, DateGuess, Encoding,
    PreviewTask, ProblemKind, RowProblem,
};
use super::ics::{IcsEvent, IcsInclude, IcsJob, IcsSequences};
use chrono::NaiveDate;
use serde_json::{json, Map, Value};

/// The encodings a CSV file can be read in.
pub(super) const ENCODINGS: [Encoding; 4] = [
    Encoding::Utf8,
    Encoding::Utf8Bom,
    Encoding::Utf16,
    Encoding::Windows1252,
];

/// A unit variant's name as serde's `rename_all = "snake_case"` writes it, from its `Debug`.
fn key(variant: &impl std::fmt::Debug) -> String {
    let mut key = String::new();
    for (at, c) in format!("{variant:?}").chars().enumerate() {
        if c.is_ascii_uppercase() {
            if at > 0 {
                key.push('_');
            }
            key.push(c.to_ascii_lowercase());
        } else {
            key.push(c);
        }
    }
    key
}

/// The variant of `all` that `value` names.
fn from_key<T: std::fmt::Debug + Copy>(all: &[T], value: &Value) -> Option<T> {
    let name = value.as_str()?;
    all.iter().copied().find(|variant| key(variant) == name)
}

fn date(date: NaiveDate) -> Value {
    Value::String(date.format("%Y-%m-%d").to_string())
}

fn date_of(value: &Value) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.as_str()?, "%Y-%m-%d").ok()
}

fn text_of(value: &Value) -> Option<String> {
    value.as_str().map(str::to_string)
}

fn optional<T>(value: &Value, read: impl Fn(&Value) -> Option<T>) -> Option<Option<T>> {
    match value {
        Value::Null => Some(None),
        other => read(other).map(Some),
    }
}

fn list<T>(value: &Value, read: impl Fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    value.as_array()?.iter().map(read).collect()
}

fn count(value: &Value) -> Option<usize> {
    value.as_u64().and_then(|n| usize::try_from(n).ok())
}

fn mapping(mapping: &CsvMapping) -> Value {
    json!({
        "fields": mapping.fields.iter().map(key).collect::<Vec<_>>(),
        "date_format": mapping.date_format.as_ref().map(key),
        "project_name": mapping.project_name,
    })
}

fn mapping_of(value: &Value) -> Option<CsvMapping> {
    Some(CsvMapping {
        fields: list(value.get("fields")?, |field| {
            from_key(&CsvField::ALL, field)
        })?,
        date_format: optional(value.get("date_format")?, |format| {
            from_key(&DateFormat::ALL, format)
        })?,
        project_name: text_of(value.get("project_name")?)?,
    })
}

/// A CSV job as `serde_json::to_value(job)` writes it.
pub(super) fn csv_job(job: &CsvJob) -> Value {
    json!({
        "file_name": job.file_name,
        "bytes": job.bytes,
        "mapping": job.mapping.as_ref().map(mapping),
        "today": date(job.today),
        // People are plan types, whose serializers the app links anyway for plan files.
        "roster": super::json_value(&job.roster),
        "id_seed": job.id_seed,
    })
}

/// A calendar job as `serde_json::to_value(job)` writes it.
pub(super) fn ics_job(job: &IcsJob) -> Value {
    let include = match job.include {
        IcsInclude::Person(person) => json!({
            "kind": "person",
            "person": super::json_value(&person),
        }),
        other => json!({ "kind": key(&other) }),
    };
    let previous: Map<String, Value> = job
        .previous
        .0
        .iter()
        .map(|(uid, event)| {
            let event = json!({
                "start": date(event.start),
                "end": date(event.end),
                "sequence": event.sequence,
            });
            (uid.clone(), event)
        })
        .collect();
    json!({
        "plan": job.plan,
        "include": include,
        "stamp": format!("{:?}", job.stamp),
        "previous": previous,
    })
}

/// The sequences of a `calendar` result.
pub(super) fn sequences_of(value: &Value) -> Option<IcsSequences> {
    let events = value
        .as_object()?
        .iter()
        .map(|(uid, event)| {
            let event = IcsEvent {
                start: date_of(event.get("start")?)?,
                end: date_of(event.get("end")?)?,
                sequence: u32::try_from(event.get("sequence")?.as_u64()?).ok()?,
            };
            Some((uid.clone(), event))
        })
        .collect::<Option<_>>()?;
    Some(IcsSequences(events))
}

/// The result of a CSV preview job.
pub(super) fn csv_preview_of(value: &Value) -> Option<CsvPreviewResult> {
    let guess = value.get("date_guess")?;
    Some(CsvPreviewResult {
        headers: list(value.get("headers")?, text_of)?,
        mapping: mapping_of(value.get("mapping")?)?,
        date_guess: DateGuess {
            format: optional(guess.get("format")?, |format| {
                from_key(&DateFormat::ALL, format)
            })?,
            ambiguous: guess.get("ambiguous")?.as_bool()?,
        },
        encoding: from_key(&ENCODINGS, value.get("encoding")?)?,
        preview: list(value.get("preview")?, preview_task_of)?,
        problems: list(value.get("problems")?, problem_of)?,
        problem_count: count(value.get("problem_count")?)?,
        counts: counts_of(value.get("counts")?)?,
    })
}

fn counts_of(value: &Value) -> Option<CsvCounts> {
    let field = |name: &str| count(value.get(name)?);
    Some(CsvCounts {
        rows: field("rows")?,
        tasks: field("tasks")?,
        milestones: field("milestones")?,
        dependencies: field("dependencies")?,
        people_added: field("people_added")?,
        people_matched: field("people_matched")?,
        columns_added: field("columns_added")?,
        rows_skipped: field("rows_skipped")?,
        tasks_moved: field("tasks_moved")?,
    })
}

fn preview_task_of(value: &Value) -> Option<PreviewTask> {
    Some(PreviewTask {
        row: count(value.get("row")?)?,
        title: text_of(value.get("title")?)?,
        status: text_of(value.get("status")?)?,
        assignee: optional(value.get("assignee")?, text_of)?,
        start: date_of(value.get("start")?)?,
        end: date_of(value.get("end")?)?,
        milestone: value.get("milestone")?.as_bool()?,
        parent: optional(value.get("parent")?, text_of)?,
        predecessors: text_of(value.get("predecessors")?)?,
    })
}

fn problem_of(value: &Value) -> Option<RowProblem> {
    Some(RowProblem {
        row: count(value.get("row")?)?,
        line: value.get("line")?.as_u64()?,
        column: optional(value.get("column")?, text_of)?,
        kind: problem_kind_of(value.get("kind")?)?,
        skipped: value.get("skipped")?.as_bool()?,
    })
}

fn problem_kind_of(value: &Value) -> Option<ProblemKind> {
    let text = || text_of(value.get("text")?);
    let size = |name: &str| count(value.get(name)?);
    Some(match value.get("kind")?.as_str()? {
        "missing_title" => ProblemKind::MissingTitle,
        "bad_date" => ProblemKind::BadDate { text: text()? },
        "ambiguous_date" => ProblemKind::AmbiguousDate { text: text()? },
        "end_before_start" => ProblemKind::EndBeforeStart {
            start: date_of(value.get("start")?)?,
            end: date_of(value.get("end")?)?,
        },
        "bad_duration" => ProblemKind::BadDuration { text: text()? },
        "bad_estimate" => ProblemKind::BadEstimate { text: text()? },
        "bad_progress" => ProblemKind::BadProgress { text: text()? },
        "bad_milestone" => ProblemKind::BadMilestone { text: text()? },
        "unknown_priority" => ProblemKind::UnknownPriority { text: text()? },
        "title_shortened" => ProblemKind::TitleShortened,
        "tags_left_out" => ProblemKind::TagsLeftOut {
            count: size("count")?,
        },
        "extra_assignees" => ProblemKind::ExtraAssignees {
            names: list(value.get("names")?, text_of)?,
        },
        "bad_predecessor" => ProblemKind::BadPredecessor { text: text()? },
        "unknown_predecessor" => ProblemKind::UnknownPredecessor { text: text()? },
        "self_predecessor" => ProblemKind::SelfPredecessor { text: text()? },
        "link_within_hierarchy" => ProblemKind::LinkWithinHierarchy { text: text()? },
        "link_loop" => ProblemKind::LinkLoop { text: text()? },
        "unknown_parent" => ProblemKind::UnknownParent { text: text()? },
        "parent_loop" => ProblemKind::ParentLoop { text: text()? },
        "duplicate_id" => ProblemKind::DuplicateId { text: text()? },
        "bad_outline" => ProblemKind::BadOutline { text: text()? },
        "milestone_with_subtasks" => ProblemKind::MilestoneWithSubtasks,
        "ragged_row" => ProblemKind::RaggedRow {
            found: size("found")?,
            expected: size("expected")?,
        },
        _ => return None,
    })
}
