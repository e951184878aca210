//! The compact encoding of a project, used in browser storage, where the quota is about
//! 5.2 million characters per site.
//!
//! Plain plan-file JSON spends about 270 characters on a task, mostly on four 36-character
//! UUIDs and on field names. Here a project is the usual plan file with `"kind":
//! "stored_project"`, its `project.tasks` empty, and a top-level `tasks` table of arrays:
//!
//! ```text
//! [id, title, column, start, length, estimate, progress, priority, assignee, parent,
//!  created, completed, milestone, tags, dependencies, description, fixed_cost,
//!  actual_fixed_cost, time_entries, timer, constraint, deadline]
//! ```
//!
//! - `id` is the task's UUID in base64url (22 characters); other tasks are referred to by their
//!   row number, columns by their position in `project.columns`, people by their position in
//!   `project.team` (−1 for none);
//! - dates are days from the project start, `length` is `end − start` in days, `completed` is
//!   `null` when open; estimate is in hundredths of an hour; priority 0–3 is low to urgent;
//! - `dependencies` is `[[row, kind 0–3 (FS, SS, FF, SF), lag], …]`;
//! - `constraint` is `null` for "as soon as possible", else `[kind, day]` with MS Project's
//!   constraint number 0–7 and the date as days from the project start (`null` when the kind has
//!   none); `deadline` is days from the project start, or `null`;
//! - trailing fields equal to their default are left out.
//!
//! About 100 characters per task. Reading decodes into the same `Project` and then validates it
//! like any import, so a stored project can also be imported as a file.

use super::limits::Limits;
use super::migrate::migrate;
use super::read::{typed, StrictValue};
use super::{project_file, ImportError, ProjectFile, CURRENT_VERSION};
use crate::model::calendar::shift;
use crate::model::ids::{ColumnId, PersonId, TaskId};
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::task::{Constraint, ConstraintKind, Dependency, LinkKind, Priority, Task};
use crate::model::tracking::{TimeEntry, Timer};
use crate::model::units::{Hours, Money, Progress};
use chrono::NaiveDate;
use serde::de::{self, DeserializeSeed, Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::fmt;
use std::fmt::Write as _;
use std::sync::Arc;
use uuid::Uuid;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A UUID as 22 base64url characters.
pub fn encode_id(id: Uuid) -> String {
    let bytes = id.as_bytes();
    let mut text = String::with_capacity(22);
    for chunk in bytes.chunks(3) {
        let value = chunk.iter().enumerate().fold(0u32, |value, (index, byte)| {
            value | u32::from(*byte) << (16 - 8 * index)
        });
        let characters = chunk.len() + 1;
        for position in 0..characters {
            text.push(ALPHABET[(value >> (18 - 6 * position) & 63) as usize] as char);
        }
    }
    text
}

/// The UUID of 22 base64url characters, or `None`.
pub fn decode_id(text: &str) -> Option<Uuid> {
    if text.len() != 22 {
        return None;
    }
    let mut bytes = [0u8; 16];
    let mut filled = 0;
    for chunk in text.as_bytes().chunks(4) {
        let mut value = 0u32;
        for (index, character) in chunk.iter().enumerate() {
            let digit = ALPHABET.iter().position(|known| known == character)? as u32;
            value |= digit << (18 - 6 * index);
        }
        for index in 0..chunk.len() - 1 {
            bytes[filled] = (value >> (16 - 8 * index)) as u8;
            filled += 1;
        }
    }
    Some(Uuid::from_bytes(bytes))
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).expect("strings always serialize")
}

/// The project in the compact storage encoding, with its team's people and its revision.
pub fn write_compact_project(project: &Project, roster: &[Person], revision: u64) -> String {
    let shell = write_compact_shell(project, roster);
    let encoder = RowEncoder::new(project);
    let mut rows = String::with_capacity(project.tasks().len() * 110);
    encoder.write_rows(&mut rows, project.tasks());
    join_compact(revision, &shell, [rows.as_str()])
}

/// The project without its tasks and without a revision, with its team's people: the shell
/// that [`join_compact`] puts the task table into.
pub fn write_compact_shell(project: &Project, roster: &[Person]) -> String {
    let mut shell = project.clone();
    shell.tasks_mut().clear();
    let file = project_file(&shell, roster);
    let envelope = serde_json::to_string(&file).expect("plan types always serialize");
    envelope.replacen("\"kind\":\"project\"", "\"kind\":\"stored_project\"", 1)
}

/// One stored project text from its revision, its shell and runs of task rows in order (each
/// run is rows separated by commas, as [`RowEncoder::write_rows`] writes them).
pub fn join_compact<'a>(
    revision: u64,
    shell: &str,
    runs: impl IntoIterator<Item = &'a str>,
) -> String {
    let mut text = CompactText::new(revision, shell, 0);
    for run in runs {
        text.push_run(run);
    }
    text.finish()
}

/// Stored project text built run by run, so that the runs need not all be held at once.
pub struct CompactText {
    out: String,
    runs: usize,
}

impl CompactText {
    /// Starts the text with the revision and the shell; `capacity` is the expected length.
    pub fn new(revision: u64, shell: &str, capacity: usize) -> CompactText {
        let inner = shell
            .strip_prefix('{')
            .and_then(|rest| rest.strip_suffix('}'))
            .unwrap_or(shell);
        let mut out = String::with_capacity(capacity.max(inner.len() + 40));
        let _ = write!(out, "{{\"revision\":{revision},");
        out.push_str(inner);
        out.push_str(",\"tasks\":[");
        CompactText { out, runs: 0 }
    }

    /// Appends a run of rows; empty runs add nothing.
    pub fn push_run(&mut self, run: &str) {
        if run.is_empty() {
            return;
        }
        if self.runs > 0 {
            self.out.push(',');
        }
        self.out.push_str(run);
        self.runs += 1;
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("]}");
        self.out
    }
}

/// Writes task rows of one project: knows the row of every task, the position of every
/// column and team member.
pub struct RowEncoder {
    start: NaiveDate,
    columns: HashMap<ColumnId, usize>,
    team: HashMap<PersonId, usize>,
    rows: HashMap<TaskId, usize>,
}

impl RowEncoder {
    pub fn new(project: &Project) -> RowEncoder {
        RowEncoder {
            start: project.start,
            columns: project
                .columns()
                .iter()
                .enumerate()
                .map(|(index, column)| (column.id, index))
                .collect(),
            team: project
                .team()
                .iter()
                .enumerate()
                .map(|(index, person)| (*person, index))
                .collect(),
            rows: project
                .tasks()
                .iter()
                .enumerate()
                .map(|(index, task)| (task.id, index))
                .collect(),
        }
    }

    /// Appends `tasks` as rows separated by commas, without brackets around them.
    pub fn write_rows(&self, out: &mut String, tasks: &[Arc<Task>]) {
        for (number, task) in tasks.iter().enumerate() {
            if number > 0 {
                out.push(',');
            }
            self.write_row(out, task);
        }
    }

    fn write_row(&self, out: &mut String, task: &Task) {
        let (start, columns, team, rows) = (self.start, &self.columns, &self.team, &self.rows);
        let person_index = |person: Option<PersonId>| -> i64 {
            person
                .and_then(|person| team.get(&person))
                .map(|index| *index as i64)
                .unwrap_or(-1)
        };
        let mut fields: Vec<String> = vec![
            format!("\"{}\"", encode_id(task.id.uuid())),
            json_string(&task.title),
            columns.get(&task.column).copied().unwrap_or(0).to_string(),
            days(start, task.start).to_string(),
            days(task.start, task.end).to_string(),
            task.estimate.centi().to_string(),
            task.progress.percent().to_string(),
            (task.priority as u8).to_string(),
            person_index(task.assignee).to_string(),
            task.parent
                .and_then(|parent| rows.get(&parent))
                .map(|index| *index as i64)
                .unwrap_or(-1)
                .to_string(),
            days(start, task.created).to_string(),
            task.completed
                .map(|day| days(start, day).to_string())
                .unwrap_or_else(|| "null".to_string()),
            u8::from(task.milestone).to_string(),
            serde_json::to_string(&task.tags).expect("tags serialize"),
        ];
        let mut links = String::from("[");
        for (number, dependency) in task.dependencies.iter().enumerate() {
            if number > 0 {
                links.push(',');
            }
            let _ = write!(
                links,
                "[{},{},{}]",
                rows.get(&dependency.predecessor)
                    .copied()
                    .unwrap_or(usize::MAX),
                dependency.kind as u8,
                dependency.lag
            );
        }
        links.push(']');
        fields.push(links);
        fields.push(json_string(&task.description));
        fields.push(task.fixed_cost.0.to_string());
        fields.push(task.actual_fixed_cost.0.to_string());
        fields.push(serde_json::to_string(&task.time_entries).expect("entries serialize"));
        fields.push(match &task.timer {
            Some(timer) => serde_json::to_string(timer).expect("timers serialize"),
            None => "null".to_string(),
        });
        fields.push(match (task.constraint, task.constraint.date()) {
            (Constraint::AsSoonAsPossible, _) => "null".to_string(),
            (constraint, Some(day)) => {
                format!("[{},{}]", constraint.kind().mspdi_code(), days(start, day))
            }
            (constraint, None) => format!("[{},null]", constraint.kind().mspdi_code()),
        });
        fields.push(
            task.deadline
                .map(|day| days(start, day).to_string())
                .unwrap_or_else(|| "null".to_string()),
        );
        let defaults = [
            "", "", "", "", "", "0", "0", "1", "-1", "-1", "", "null", "0", "[]", "[]", "\"\"",
            "0", "0", "[]", "null", "null", "null",
        ];
        while fields.len() > 11
            && fields.last().map(String::as_str) == Some(defaults[fields.len() - 1])
        {
            fields.pop();
        }
        out.push('[');
        out.push_str(&fields.join(","));
        out.push(']');
    }
}

/// Reads the compact encoding back into a plan file (not yet validated), from a parsed value.
/// The general path: [`read_stored`] reads stored text faster, and falls back to this one,
/// which names the problem, whenever anything is wrong.
pub(super) fn read_compact(mut value: Value) -> Result<ProjectFile, ImportError> {
    let rows = match value.as_object_mut().and_then(|root| root.remove("tasks")) {
        Some(Value::Array(rows)) => rows,
        _ => return Err(field("tasks", "expected the task table")),
    };
    value["kind"] = Value::from("project");
    let file: ProjectFile = typed(value)?;
    let context = RowContext::of(&file.project);
    for (index, row) in rows.iter().enumerate() {
        row.get(0)
            .and_then(Value::as_str)
            .and_then(decode_id)
            .ok_or_else(|| field(&format!("tasks[{index}][0]"), "expected a task id"))?;
    }
    let mut table = Table::with_capacity(rows.len());
    let count = rows.len();
    for (index, row) in rows.into_iter().enumerate() {
        table.push(context.decode_row(index, row, count)?);
    }
    finish(file, table)
}

/// The project's shape that task rows refer to by position.
struct RowContext {
    start: NaiveDate,
    columns: Vec<ColumnId>,
    team: Vec<PersonId>,
}

/// A task's parent and predecessors as row numbers, until every row is read.
struct RowLinks {
    parent: Option<usize>,
    links: Vec<(usize, LinkKind, i32)>,
}

/// Decoded tasks, each already in its `Arc`, and their links by row number beside them: a
/// task is stored once, and the links are filled in place when the table is complete.
struct Table {
    tasks: Vec<Arc<Task>>,
    links: Vec<RowLinks>,
}

impl Table {
    fn with_capacity(rows: usize) -> Table {
        Table {
            tasks: Vec::with_capacity(rows),
            links: Vec::with_capacity(rows),
        }
    }

    fn push(&mut self, (task, links): (Task, RowLinks)) {
        self.tasks.push(Arc::new(task));
        self.links.push(links);
    }
}

impl RowContext {
    fn of(project: &Project) -> RowContext {
        RowContext {
            start: project.start,
            columns: project.columns().iter().map(|column| column.id).collect(),
            team: project.team().to_vec(),
        }
    }

    /// Decodes row `index` of `rows` rows (`usize::MAX` while the count is not known yet; then
    /// [`finish`] checks the row numbers).
    fn decode_row(
        &self,
        index: usize,
        row: Value,
        rows: usize,
    ) -> Result<(Task, RowLinks), ImportError> {
        let (start, columns, team) = (self.start, &self.columns, &self.team);
        let Value::Array(mut cells) = row else {
            return Err(field(&format!("tasks[{index}]"), "expected an array"));
        };
        let id = cells
            .first()
            .and_then(Value::as_str)
            .and_then(decode_id)
            .map(TaskId)
            .ok_or_else(|| field(&format!("tasks[{index}][0]"), "expected a task id"))?;
        cells.resize(22.max(cells.len()), Value::Null);
        let [title, tags, description, time_entries, timer] =
            [1, 13, 15, 18, 19].map(|position| cells[position].take());
        let cell = |position: usize| &cells[position];
        let at = |position: usize| format!("tasks[{index}][{position}]");
        let integer = |position: usize, default: i64| -> Result<i64, ImportError> {
            match cell(position) {
                Value::Null => Ok(default),
                other => other
                    .as_i64()
                    .ok_or_else(|| field(&at(position), "expected a whole number")),
            }
        };
        let date = |offset: i64, position: usize| -> Result<NaiveDate, ImportError> {
            if offset.abs() > 200_000 {
                return Err(field(&at(position), "date out of range"));
            }
            Ok(shift(start, offset))
        };
        let reference = |position: usize, list_len: usize| -> Result<Option<usize>, ImportError> {
            let value = integer(position, -1)?;
            if value < 0 {
                Ok(None)
            } else if (value as usize) < list_len {
                Ok(Some(value as usize))
            } else {
                Err(field(&at(position), "refers past the end of its list"))
            }
        };
        if !title.is_string() {
            return Err(field(&at(1), "expected the title"));
        }
        let column = columns
            .get(integer(2, 0)? as usize)
            .copied()
            .ok_or_else(|| field(&at(2), "refers to a column that does not exist"))?;
        let task_start = date(integer(3, 0)?, 3)?;
        let end = shift(task_start, integer(4, 0)?);
        let progress =
            Progress::new(integer(6, 0)?).map_err(|error| field(&at(6), &error.to_string()))?;
        let priority = Priority::ALL
            .get(integer(7, 1)? as usize)
            .copied()
            .ok_or_else(|| field(&at(7), "unknown priority"))?;
        let assignee = reference(8, team.len())?.map(|position| team[position]);
        let parent = reference(9, rows)?;
        let created = date(integer(10, 0)?, 10)?;
        let completed = match cell(11) {
            Value::Null => None,
            _ => Some(date(integer(11, 0)?, 11)?),
        };
        let mut links = Vec::new();
        if let Value::Array(cells) = cell(14) {
            for (number, link) in cells.iter().enumerate() {
                let link_at = format!("tasks[{index}][14][{number}]");
                let parts: Vec<i64> = link
                    .as_array()
                    .map(|parts| parts.iter().filter_map(Value::as_i64).collect())
                    .unwrap_or_default();
                let [row, kind, lag] = parts[..] else {
                    return Err(field(&link_at, "expected [task, kind, lag]"));
                };
                let predecessor = usize::try_from(row)
                    .ok()
                    .filter(|row| *row < rows)
                    .ok_or_else(|| field(&link_at, "refers to a task that does not exist"))?;
                let kind = LinkKind::ALL
                    .get(kind as usize)
                    .copied()
                    .ok_or_else(|| field(&link_at, "unknown link kind"))?;
                let lag = i32::try_from(lag).map_err(|_| field(&link_at, "lag out of range"))?;
                links.push((predecessor, kind, lag));
            }
        }
        let estimate = u32::try_from(integer(5, 0)?)
            .map(Hours::from_centi)
            .map_err(|_| field(&at(5), "expected hundredths of an hour"))?;
        let tags: Vec<String> = match tags {
            Value::Null => Vec::new(),
            other => serde_json::from_value(other).map_err(|_| field(&at(13), "expected tags"))?,
        };
        let time_entries: Vec<TimeEntry> = match time_entries {
            Value::Null => Vec::new(),
            other => serde_path_to_error::deserialize(other)
                .map_err(|error| field(&at(18), &error.to_string()))?,
        };
        let timer: Option<Timer> = match timer {
            Value::Null => None,
            other => Some(
                serde_path_to_error::deserialize(other)
                    .map_err(|error| field(&at(19), &error.to_string()))?,
            ),
        };
        let constraint = match cell(20) {
            Value::Null => Constraint::AsSoonAsPossible,
            Value::Array(parts) => {
                let kind = parts
                    .first()
                    .and_then(Value::as_u64)
                    .and_then(|code| ConstraintKind::ALL.get(code as usize))
                    .copied()
                    .ok_or_else(|| field(&at(20), "unknown constraint"))?;
                let day = match parts.get(1) {
                    Some(Value::Number(offset)) => {
                        let offset = offset
                            .as_i64()
                            .ok_or_else(|| field(&at(20), "expected a whole number of days"))?;
                        Some(date(offset, 20)?)
                    }
                    _ => None,
                };
                match day {
                    Some(day) => kind.with_date(day),
                    None if !kind.has_date() => kind.with_date(start),
                    None => return Err(field(&at(20), "the constraint needs a date")),
                }
            }
            _ => return Err(field(&at(20), "expected a constraint")),
        };
        let deadline = match cell(21) {
            Value::Null => None,
            _ => Some(date(integer(21, 0)?, 21)?),
        };
        let milestone = integer(12, 0)? == 1;
        let fixed_cost = Money(integer(16, 0)?);
        let actual_fixed_cost = Money(integer(17, 0)?);
        let text = |value: Value| match value {
            Value::String(text) => text,
            _ => String::new(),
        };
        let (title, description) = (text(title), text(description));
        Ok((
            Task {
                id,
                title,
                description,
                column,
                assignee,
                priority,
                tags,
                start: task_start,
                end,
                estimate,
                progress,
                milestone,
                parent: None,
                dependencies: Vec::new(),
                constraint,
                deadline,
                created,
                completed,
                fixed_cost,
                actual_fixed_cost,
                time_entries,
                timer,
            },
            RowLinks { parent, links },
        ))
    }
}

/// Turns row numbers into task ids, now that every row is read, and puts the tasks in.
fn finish(mut file: ProjectFile, table: Table) -> Result<ProjectFile, ImportError> {
    let Table { mut tasks, links } = table;
    let ids: Vec<TaskId> = tasks.iter().map(|task| task.id).collect();
    let row = |row: usize, path: String| {
        ids.get(row)
            .copied()
            .ok_or_else(|| field(&path, "refers to a task that does not exist"))
    };
    for (index, (task, links)) in tasks.iter_mut().zip(links).enumerate() {
        if links.parent.is_none() && links.links.is_empty() {
            continue;
        }
        let task = Arc::get_mut(task).expect("a task just read has no other owner");
        task.parent = links
            .parent
            .map(|parent| row(parent, format!("tasks[{index}][9]")))
            .transpose()?;
        task.dependencies = links
            .links
            .into_iter()
            .enumerate()
            .map(|(number, (predecessor, kind, lag))| {
                Ok(Dependency {
                    predecessor: row(predecessor, format!("tasks[{index}][14][{number}]"))?,
                    kind,
                    lag,
                })
            })
            .collect::<Result<_, ImportError>>()?;
    }
    *file.project.tasks_mut() = tasks;
    Ok(file)
}

/// Reads stored text of the compact encoding straight into tasks, one row at a time: no
/// `serde_json::Value` of the whole project, and no copy of its text. It makes every check the
/// general path makes (strict JSON, the limits, the envelope, every cell) and gives the same
/// project; but it gives `None` at the first problem, and for anything that is not a stored
/// project of the current version, so that the general path reads it and names the problem.
pub(super) fn read_stored(text: &str, limits: &Limits) -> Option<ProjectFile> {
    let head = &text.as_bytes()[..text.len().min(200)];
    let needle = b"\"kind\":\"stored_project\"";
    if !head.windows(needle.len()).any(|window| window == needle) {
        return None;
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let file = deserializer
        .deserialize_map(StoredVisitor { limits })
        .ok()?;
    deserializer.end().ok()?;
    Some(file)
}

/// The top level of a stored project: the envelope's fields, then the task table last.
struct StoredVisitor<'l> {
    limits: &'l Limits,
}

impl<'de> Visitor<'de> for StoredVisitor<'_> {
    type Value = ProjectFile;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a stored project")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ProjectFile, A::Error> {
        let mut fields = Map::new();
        let mut read = None;
        while let Some(key) = map.next_key::<String>()? {
            if read.is_some() || fields.contains_key(&key) {
                return Err(de::Error::custom(
                    "a repeated key, or one after the task table",
                ));
            }
            if key != "tasks" {
                let value = map.next_value_seed(StrictValue)?;
                fields.insert(key, value);
                continue;
            }
            let mut envelope_tasks = 0;
            let file = open_envelope(
                Value::Object(std::mem::take(&mut fields)),
                self.limits,
                &mut envelope_tasks,
            )
            .ok_or_else(|| de::Error::custom("not a current stored project"))?;
            let rows = map.next_value_seed(RowsSeed {
                context: RowContext::of(&file.project),
                limits: self.limits,
                tasks: envelope_tasks,
            })?;
            read = Some((file, rows));
        }
        let (file, rows) = read.ok_or_else(|| de::Error::custom("no task table"))?;
        finish(file, rows).map_err(de::Error::custom)
    }
}

/// The envelope before the task table, checked as the general path checks it, as a plan file.
fn open_envelope(mut envelope: Value, limits: &Limits, tasks: &mut usize) -> Option<ProjectFile> {
    (within_limits(&envelope, limits, tasks) && *tasks <= limits.max_tasks).then_some(())?;
    let current = envelope.get("version").and_then(Value::as_u64) == Some(CURRENT_VERSION.into());
    let stored = envelope.get("kind").and_then(Value::as_str) == Some("stored_project");
    if !current || !stored {
        return None;
    }
    envelope = migrate(envelope).ok()?;
    envelope["kind"] = Value::from("project");
    typed(envelope).ok()
}

/// The task table, each row decoded as soon as it is read.
struct RowsSeed<'l> {
    context: RowContext,
    limits: &'l Limits,
    /// Tasks counted so far, toward the limit.
    tasks: usize,
}

impl<'de> DeserializeSeed<'de> for RowsSeed<'_> {
    type Value = Table;
    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RowsSeed<'_> {
    type Value = Table;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the task table")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut table = Table::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(row) = seq.next_element_seed(StrictValue)? {
            self.tasks += 1;
            if !within_limits(&row, self.limits, &mut self.tasks)
                || self.tasks > self.limits.max_tasks
            {
                return Err(de::Error::custom("over a limit"));
            }
            let index = table.tasks.len();
            let decoded = self
                .context
                .decode_row(index, row, usize::MAX)
                .map_err(de::Error::custom)?;
            table.push(decoded);
        }
        Ok(table)
    }
}

/// True when every string and key in `value` is within the length limit; counts the tasks
/// lists (`"tasks"` keys) into `tasks`, as [`Limits::check_value`] does, without its paths.
fn within_limits(value: &Value, limits: &Limits, tasks: &mut usize) -> bool {
    match value {
        Value::String(text) => text.chars().count() <= limits.max_string_chars,
        Value::Array(items) => items.iter().all(|item| within_limits(item, limits, tasks)),
        Value::Object(fields) => fields.iter().all(|(key, item)| {
            if key == "tasks" {
                *tasks += item.as_array().map(Vec::len).unwrap_or(0);
            }
            key.chars().count() <= limits.max_string_chars && within_limits(item, limits, tasks)
        }),
        _ => true,
    }
}

fn field(path: &str, message: &str) -> ImportError {
    ImportError::Field {
        path: path.to_string(),
        message: message.to_string(),
        position: None,
    }
}

// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::io::{read_plan, Plan as Parsed};
    use crate::model::testing::Plan;

    #[test]
    fn constraints_and_deadlines_survive_storage() {
        let mut plan = Plan::new("2026-03-02");
        let first = plan.task("First", "2026-03-02", "2026-03-04", 8, None);
        let day = plan.project().start + chrono::Days::new(40);
        for kind in ConstraintKind::ALL {
            plan.edit(first, |task| {
                task.constraint = kind.with_date(day);
                task.deadline = Some(day);
            });
            let text = write_compact_project(plan.project(), &[], 3);
            let Ok(Parsed::Project(imported)) = read_plan(&text) else {
                panic!("the stored project reads back: {text}");
            };
            assert_eq!(&imported.project, plan.project());
        }
    }

    #[test]
    fn ids_round_trip_through_base64url() {
        for value in [
            0u128,
            1,
            u128::MAX,
            0x0123_4567_89ab_cdef_0011_2233_4455_6677,
        ] {
            let id = Uuid::from_u128(value);
            let text = encode_id(id);
            assert_eq!(text.len(), 22);
            assert_eq!(decode_id(&text), Some(id));
        }
        assert_eq!(decode_id("too short"), None);
        assert_eq!(decode_id("!!!!!!!!!!!!!!!!!!!!!!"), None);
    }

    use crate::model::io::limits::DEFAULT_LIMITS;
    use crate::model::io::read::strict_value;
    use crate::model::{sample, SequentialIds, Workspace};
    use proptest::prelude::*;

    fn sample_text() -> String {
        let mut workspace = Workspace::default();
        let mut ids = SequentialIds::default();
        let today = NaiveDate::from_ymd_opt(2027, 3, 1).expect("valid date");
        let id = sample::add_crm_migration(&mut workspace, today, &mut ids).expect("sample");
        let project = workspace.project(id).expect("exists");
        write_compact_project(project, workspace.people(), 3)
    }

    /// The general path of `read_plan` for stored text, up to validation.
    fn general(text: &str) -> Result<ProjectFile, ImportError> {
        DEFAULT_LIMITS.check_depth(text)?;
        let value = strict_value(text)?;
        DEFAULT_LIMITS.check_value(&value)?;
        let value = migrate(value)?;
        if value.get("kind").and_then(Value::as_str) != Some("stored_project") {
            return Err(field("kind", "not stored"));
        }
        read_compact(value)
    }

    #[test]
    fn the_row_by_row_reader_gives_what_the_general_reader_gives() {
        let text = sample_text();
        let fast = read_stored(&text, &DEFAULT_LIMITS).expect("reads row by row");
        assert_eq!(Ok(fast), general(&text));
    }

    #[test]
    fn the_row_by_row_reader_leaves_limits_to_the_general_reader() {
        let text = sample_text();
        let tight = Limits {
            max_tasks: 3,
            ..DEFAULT_LIMITS
        };
        assert_eq!(read_stored(&text, &tight), None);
        let short = Limits {
            max_string_chars: 10,
            ..DEFAULT_LIMITS
        };
        assert_eq!(read_stored(&text, &short), None);
        let repeated = text.replacen("{\"revision\":3,", "{\"revision\":3,\"revision\":3,", 1);
        assert_eq!(read_stored(&repeated, &DEFAULT_LIMITS), None);
        let trailing = format!("{text} x");
        assert_eq!(read_stored(&trailing, &DEFAULT_LIMITS), None);
    }

    proptest! {
        /// Whatever one changed character does to stored text, the row-by-row reader accepts it
        /// only when the general reader accepts it too, and reads the same project.
        #[test]
        fn the_row_by_row_reader_never_accepts_what_the_general_reader_refuses(
            at in 0usize..100_000,
            replacement in prop::sample::select(vec!['0', '7', '-', '"', ',', '[', ']', '{', '}', 'n', 'x', ' ']),
            cut in prop::bool::weighted(0.1),
        ) {
            let text = sample_text();
            let mut bytes = text.into_bytes();
            let at = at % bytes.len();
            if cut {
                bytes.truncate(at);
            } else {
                bytes[at] = replacement as u8;
            }
            let Ok(text) = String::from_utf8(bytes) else {
                return Ok(());
            };
            if let Some(fast) = read_stored(&text, &DEFAULT_LIMITS) {
                prop_assert_eq!(Ok(fast), general(&text));
            }
        }
    }
}
