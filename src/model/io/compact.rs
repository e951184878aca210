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

use super::read::typed;
use super::{project_file, ImportError, ProjectFile};
use crate::model::calendar::shift;
use crate::model::ids::{PersonId, TaskId};
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::task::{Constraint, ConstraintKind, Dependency, LinkKind, Priority, Task};
use crate::model::tracking::{TimeEntry, Timer};
use crate::model::units::{Hours, Money, Progress};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::HashMap;
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
    let mut shell = project.clone();
    shell.tasks_mut().clear();
    let mut file = project_file(&shell, roster);
    file.revision = Some(revision);
    let envelope = serde_json::to_string(&file).expect("plan types always serialize");
    let envelope = envelope.replacen("\"kind\":\"project\"", "\"kind\":\"stored_project\"", 1);

    let start = project.start;
    let columns: HashMap<_, usize> = project
        .columns()
        .iter()
        .enumerate()
        .map(|(index, column)| (column.id, index))
        .collect();
    let team: HashMap<PersonId, usize> = project
        .team()
        .iter()
        .enumerate()
        .map(|(index, person)| (*person, index))
        .collect();
    let rows: HashMap<TaskId, usize> = project
        .tasks()
        .iter()
        .enumerate()
        .map(|(index, task)| (task.id, index))
        .collect();
    let person_index = |person: Option<PersonId>| -> i64 {
        person
            .and_then(|person| team.get(&person))
            .map(|index| *index as i64)
            .unwrap_or(-1)
    };

    let mut out = String::with_capacity(envelope.len() + project.tasks().len() * 110);
    out.push_str(&envelope[..envelope.len() - 1]);
    out.push_str(",\"tasks\":[");
    for (row, task) in project.tasks().iter().enumerate() {
        if row > 0 {
            out.push(',');
        }
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
    out.push_str("]}");
    out
}

/// Reads the compact encoding back into a plan file (not yet validated).
pub(super) fn read_compact(mut value: Value) -> Result<ProjectFile, ImportError> {
    let rows = match value.as_object_mut().and_then(|root| root.remove("tasks")) {
        Some(Value::Array(rows)) => rows,
        _ => return Err(field("tasks", "expected the task table")),
    };
    value["kind"] = Value::from("project");
    let file: ProjectFile = typed(value)?;
    let start = file.project.start;
    let columns: Vec<_> = file
        .project
        .columns()
        .iter()
        .map(|column| column.id)
        .collect();
    let team = file.project.team().to_vec();
    let ids: Vec<TaskId> = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            row.get(0)
                .and_then(Value::as_str)
                .and_then(decode_id)
                .map(TaskId)
                .ok_or_else(|| field(&format!("tasks[{index}][0]"), "expected a task id"))
        })
        .collect::<Result<_, _>>()?;
    let mut tasks = Vec::with_capacity(rows.len());
    for (index, row) in rows.iter().enumerate() {
        let cells = row
            .as_array()
            .ok_or_else(|| field(&format!("tasks[{index}]"), "expected an array"))?;
        let cell = |position: usize| cells.get(position).unwrap_or(&Value::Null);
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
        let title = cell(1)
            .as_str()
            .ok_or_else(|| field(&at(1), "expected the title"))?
            .to_string();
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
        let parent = reference(9, ids.len())?.map(|position| ids[position]);
        let created = date(integer(10, 0)?, 10)?;
        let completed = match cell(11) {
            Value::Null => None,
            _ => Some(date(integer(11, 0)?, 11)?),
        };
        let mut dependencies = Vec::new();
        if let Value::Array(links) = cell(14) {
            for (number, link) in links.iter().enumerate() {
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
                    .and_then(|row| ids.get(row))
                    .copied()
                    .ok_or_else(|| field(&link_at, "refers to a task that does not exist"))?;
                let kind = LinkKind::ALL
                    .get(kind as usize)
                    .copied()
                    .ok_or_else(|| field(&link_at, "unknown link kind"))?;
                let lag = i32::try_from(lag).map_err(|_| field(&link_at, "lag out of range"))?;
                dependencies.push(Dependency {
                    predecessor,
                    kind,
                    lag,
                });
            }
        }
        let estimate = u32::try_from(integer(5, 0)?)
            .map(Hours::from_centi)
            .map_err(|_| field(&at(5), "expected hundredths of an hour"))?;
        let tags: Vec<String> = match cell(13) {
            Value::Null => Vec::new(),
            other => serde_json::from_value(other.clone())
                .map_err(|_| field(&at(13), "expected tags"))?,
        };
        let time_entries: Vec<TimeEntry> = match cell(18) {
            Value::Null => Vec::new(),
            other => serde_path_to_error::deserialize(other.clone())
                .map_err(|error| field(&at(18), &error.to_string()))?,
        };
        let timer: Option<Timer> = match cell(19) {
            Value::Null => None,
            other => Some(
                serde_path_to_error::deserialize(other.clone())
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
        tasks.push(Arc::new(Task {
            id: ids[index],
            title,
            description: cell(15).as_str().unwrap_or_default().to_string(),
            column,
            assignee,
            priority,
            tags,
            start: task_start,
            end,
            estimate,
            progress,
            milestone: integer(12, 0)? == 1,
            parent,
            dependencies,
            constraint,
            deadline,
            created,
            completed,
            fixed_cost: Money(integer(16, 0)?),
            actual_fixed_cost: Money(integer(17, 0)?),
            time_entries,
            timer,
        }));
    }
    let mut file = file;
    *file.project.tasks_mut() = tasks;
    Ok(file)
}

fn field(path: &str, message: &str) -> ImportError {
    ImportError::Field {
        path: path.to_string(),
        message: message.to_string(),
        position: None,
    }
}

#[cfg(test)]
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
}
