//! Reading the compact encoding: row by row straight from stored text ([`read_stored`]), or
//! from a parsed value ([`read_compact`]), which names the problem when anything is wrong.

use super::decode_id;
use crate::model::calendar::shift;
use crate::model::ids::{ColumnId, PersonId, TaskId};
use crate::model::io::limits::Limits;
use crate::model::io::migrate::migrate;
use crate::model::io::read::{strict_value, typed, StrictValue};
use crate::model::io::{ImportError, ProjectFile, CURRENT_VERSION};
use crate::model::project::Project;
use crate::model::task::{Constraint, ConstraintKind, Dependency, LinkKind, Priority, Task};
use crate::model::tracking::{TimeEntry, Timer};
use crate::model::units::{Hours, Money, Progress};
use chrono::NaiveDate;
use serde::de::{self, DeserializeSeed, Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;
use std::sync::Arc;

/// Reads the compact encoding back into a plan file (not yet validated), from a parsed value.
/// The general path: [`read_stored`] reads stored text faster, and falls back to this one,
/// which names the problem, whenever anything is wrong.
pub(in crate::model::io) fn read_compact(mut value: Value) -> Result<ProjectFile, ImportError> {
    let rows = match value.as_object_mut().and_then(|root| root.remove("tasks")) {
        Some(Value::Array(rows)) => rows,
        _ => return Err(field("tasks", "expected the task table")),
    };
    let layout = take_layout(&mut value)?;
    value["kind"] = Value::from("project");
    let file: ProjectFile = typed(value)?;
    let context = RowContext::of(&file.project, layout);
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
pub(super) struct RowContext {
    pub(super) start: NaiveDate,
    pub(super) columns: Vec<ColumnId>,
    pub(super) team: Vec<PersonId>,
    pub(super) layout: Layout,
}

/// How the task rows are laid out: layout 1 (before the `rows` marker), or layout 2 with the
/// day its `created` cells count from, in days from the project start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Layout {
    One,
    Two { created: i64 },
}

/// Takes the `rows` marker out of a stored project's envelope: none is layout 1,
/// `{"layout": 2, "created": days}` layout 2. Anything else is refused, naming `rows`.
pub(super) fn take_layout(envelope: &mut Value) -> Result<Layout, ImportError> {
    let marker = match envelope
        .as_object_mut()
        .and_then(|root| root.remove("rows"))
    {
        None => return Ok(Layout::One),
        Some(marker) => marker,
    };
    let Value::Object(fields) = marker else {
        return Err(field("rows", "expected the row layout"));
    };
    if let Some(unknown) = fields
        .keys()
        .find(|key| *key != "layout" && *key != "created")
    {
        return Err(field(&format!("rows.{unknown}"), "unknown field"));
    }
    let created = match fields.get("created") {
        None => 0,
        Some(created) => created
            .as_i64()
            .filter(|days| days.unsigned_abs() <= MAX_DAYS as u64)
            .ok_or_else(|| field("rows.created", "expected a whole number of days"))?,
    };
    match fields.get("layout").and_then(Value::as_u64) {
        Some(1) if !fields.contains_key("created") => Ok(Layout::One),
        Some(2) => Ok(Layout::Two { created }),
        _ => Err(field(
            "rows.layout",
            "unknown row layout: this build reads layouts 1 and 2",
        )),
    }
}

/// Dates in rows are at most this many days from the project start (about 550 years).
pub(super) const MAX_DAYS: i64 = 200_000;

/// A task's parent and predecessors as row numbers, until every row is read.
pub(super) struct RowLinks {
    pub(super) parent: Option<usize>,
    pub(super) links: Vec<(usize, LinkKind, i32)>,
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
    fn of(project: &Project, layout: Layout) -> RowContext {
        RowContext {
            start: project.start,
            columns: project.columns().iter().map(|column| column.id).collect(),
            team: project.team().to_vec(),
            layout,
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
        match self.layout {
            Layout::One => self.decode_row_1(index, row, rows),
            Layout::Two { created } => super::layout2::decode_row(self, created, index, row, rows),
        }
    }

    /// Decodes a row of layout 1.
    fn decode_row_1(
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
            if offset.unsigned_abs() > MAX_DAYS as u64 {
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
            other => typed(other).map_err(|error| field(&at(18), &error.to_string()))?,
        };
        let timer: Option<Timer> = match timer {
            Value::Null => None,
            other => Some(typed(other).map_err(|error| field(&at(19), &error.to_string()))?),
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
pub(in crate::model::io) fn read_stored(text: &str, limits: &Limits) -> Option<ProjectFile> {
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
            let (file, layout) = open_envelope(
                Value::Object(std::mem::take(&mut fields)),
                self.limits,
                &mut envelope_tasks,
            )
            .ok_or_else(|| de::Error::custom("not a current stored project"))?;
            let context = RowContext::of(&file.project, layout);
            let rows = map.next_value_seed(RowsSeed {
                context: &context,
                limits: self.limits,
                tasks: &mut envelope_tasks,
                table: Table::with_capacity(0),
            })?;
            read = Some((file, rows));
        }
        let (file, rows) = read.ok_or_else(|| de::Error::custom("no task table"))?;
        finish(file, rows).map_err(de::Error::custom)
    }
}

/// The envelope before the task table, checked as the general path checks it, as a plan file.
fn open_envelope(
    mut envelope: Value,
    limits: &Limits,
    tasks: &mut usize,
) -> Option<(ProjectFile, Layout)> {
    (within_limits(&envelope, limits, tasks) && *tasks <= limits.max_tasks).then_some(())?;
    let current = envelope.get("version").and_then(Value::as_u64) == Some(CURRENT_VERSION.into());
    let stored = envelope.get("kind").and_then(Value::as_str) == Some("stored_project");
    if !current || !stored {
        return None;
    }
    envelope = migrate(envelope).ok()?;
    let layout = take_layout(&mut envelope).ok()?;
    envelope["kind"] = Value::from("project");
    Some((typed(envelope).ok()?, layout))
}

/// The task table, or a run of it, each row decoded as soon as it is read into `table`.
struct RowsSeed<'a> {
    context: &'a RowContext,
    limits: &'a Limits,
    /// Tasks counted so far, toward the limit.
    tasks: &'a mut usize,
    table: Table,
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

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let RowsSeed {
            context,
            limits,
            tasks,
            mut table,
        } = self;
        while let Some(row) = seq.next_element_seed(StrictValue)? {
            *tasks += 1;
            if !within_limits(&row, limits, tasks) || *tasks > limits.max_tasks {
                return Err(de::Error::custom("over a limit"));
            }
            let index = table.tasks.len();
            let decoded = context
                .decode_row(index, row, usize::MAX)
                .map_err(de::Error::custom)?;
            table.push(decoded);
        }
        Ok(table)
    }
}

/// Reads a stored project from its parts without joining them: the shell (the project
/// without `revision` and the task table), then each run of rows as `next_run` hands it over,
/// so that only one run's text is held at a time. Like [`read_stored`] it makes every check the
/// general path makes on the joined text, and gives `None` at the first problem, for the
/// general path to name it.
pub(in crate::model::io) fn read_stored_runs(
    revision: u64,
    shell: &str,
    length: usize,
    next_run: &mut dyn FnMut() -> Option<Option<String>>,
    limits: &Limits,
) -> Option<ProjectFile> {
    limits.check_size(length as u64).ok()?;
    let head = &shell.as_bytes()[..shell.len().min(180)];
    let needle = b"\"kind\":\"stored_project\"";
    if !head.windows(needle.len()).any(|window| window == needle) {
        return None;
    }
    limits.check_depth(shell).ok()?;
    let mut envelope = strict_value(shell).ok()?;
    let fields = envelope.as_object_mut()?;
    if fields.contains_key("revision") || fields.contains_key("tasks") {
        return None;
    }
    fields.insert("revision".to_string(), Value::from(revision));
    let mut tasks = 0;
    let (file, layout) = open_envelope(envelope, limits, &mut tasks)?;
    let context = RowContext::of(&file.project, layout);
    let mut table = Table::with_capacity(0);
    while let Some(run) = next_run() {
        let run = run?;
        if run.is_empty() {
            continue;
        }
        // The rows sit two levels deep in the joined text, as here.
        let wrapped = format!("[[{run}]]");
        drop(run);
        limits.check_depth(&wrapped).ok()?;
        let rows = &wrapped[1..wrapped.len() - 1];
        let mut deserializer = serde_json::Deserializer::from_str(rows);
        table = RowsSeed {
            context: &context,
            limits,
            tasks: &mut tasks,
            table,
        }
        .deserialize(&mut deserializer)
        .ok()?;
        deserializer.end().ok()?;
    }
    finish(file, table).ok()
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

pub(super) fn field(path: &str, message: &str) -> ImportError {
    ImportError::Field {
        path: path.to_string(),
        message: message.to_string(),
        position: None,
    }
}
