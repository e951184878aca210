//! Reading a task row of layout 2 (see the module docs of `compact`). Every cell is checked, and
//! a problem is named by its place, `tasks[row][cell]`.

use super::read::{field, RowContext, RowLinks, MAX_DAYS};
use super::write::own_date;
use crate::model::calendar::shift;
use crate::model::ids::TaskId;
use crate::model::io::read::typed;
use crate::model::io::ImportError;
use crate::model::task::{Constraint, ConstraintKind, LinkKind, Priority, Task};
use crate::model::tracking::{TimeEntry, Timer};
use crate::model::units::{Hours, Money, Progress};
use chrono::NaiveDate;
use serde_json::Value;

/// The cells of layout 2, in order.
mod cell {
    pub const ID: usize = 0;
    pub const TITLE: usize = 1;
    pub const COLUMN: usize = 2;
    pub const START: usize = 3;
    pub const LENGTH: usize = 4;
    pub const CONSTRAINT: usize = 5;
    pub const PARENT: usize = 6;
    pub const ESTIMATE: usize = 7;
    pub const ASSIGNEE: usize = 8;
    pub const PROGRESS: usize = 9;
    pub const PRIORITY: usize = 10;
    pub const TAGS: usize = 11;
    pub const DEPENDENCIES: usize = 12;
    pub const COMPLETED: usize = 13;
    pub const CREATED: usize = 14;
    pub const DEADLINE: usize = 15;
    pub const DESCRIPTION: usize = 16;
    pub const FIXED_COST: usize = 17;
    pub const ACTUAL_FIXED_COST: usize = 18;
    pub const TIME_ENTRIES: usize = 19;
    pub const TIMER: usize = 20;
    pub const COUNT: usize = 21;
}

/// One row's cells, with its number for messages.
struct Row {
    index: usize,
    cells: Vec<Value>,
    start: NaiveDate,
}

impl Row {
    fn at(&self, position: usize) -> String {
        format!("tasks[{}][{position}]", self.index)
    }

    fn problem(&self, position: usize, message: &str) -> ImportError {
        field(&self.at(position), message)
    }

    fn cell(&self, position: usize) -> &Value {
        &self.cells[position]
    }

    /// A whole number; a missing cell or `null` is `default`.
    fn integer(&self, position: usize, default: i64) -> Result<i64, ImportError> {
        match self.cell(position) {
            Value::Null => Ok(default),
            other => other
                .as_i64()
                .ok_or_else(|| self.problem(position, "expected a whole number")),
        }
    }

    /// `days` after `from`, when that stays within [`MAX_DAYS`] of the project start.
    fn date(&self, from: NaiveDate, days: i64, position: usize) -> Result<NaiveDate, ImportError> {
        let offset = (from - self.start).num_days().saturating_add(days);
        if days.unsigned_abs() > MAX_DAYS as u64 || offset.unsigned_abs() > MAX_DAYS as u64 {
            return Err(self.problem(position, "date out of range"));
        }
        Ok(shift(self.start, offset))
    }

    /// A row number given as the distance back from this row (0 for none).
    fn row_back(&self, distance: i64, rows: usize, position: usize) -> Result<usize, ImportError> {
        (self.index as i64)
            .checked_sub(distance)
            .and_then(|row| usize::try_from(row).ok())
            .filter(|row| *row < rows)
            .ok_or_else(|| self.problem(position, "refers to a task that does not exist"))
    }

    fn take(&mut self, position: usize) -> Value {
        self.cells[position].take()
    }
}

/// Decodes row `index` of `rows` (`usize::MAX` while the count is not known) in layout 2, whose
/// `created` cells count from `created` days after the project start.
pub(super) fn decode_row(
    context: &RowContext,
    created: i64,
    index: usize,
    row: Value,
    rows: usize,
) -> Result<(Task, RowLinks), ImportError> {
    let Value::Array(mut cells) = row else {
        return Err(field(&format!("tasks[{index}]"), "expected an array"));
    };
    if cells.len() > cell::COUNT {
        return Err(field(
            &format!("tasks[{index}][{}]", cell::COUNT),
            "a cell past the end of the row",
        ));
    }
    cells.resize(cell::COUNT, Value::Null);
    let mut row = Row {
        index,
        cells,
        start: context.start,
    };
    let id = row
        .cell(cell::ID)
        .as_str()
        .and_then(super::decode_id)
        .map(TaskId)
        .ok_or_else(|| row.problem(cell::ID, "expected a task id"))?;
    let title = match row.take(cell::TITLE) {
        Value::String(title) => title,
        _ => return Err(row.problem(cell::TITLE, "expected the title")),
    };
    let column = usize::try_from(row.integer(cell::COLUMN, 0)?)
        .ok()
        .and_then(|position| context.columns.get(position))
        .copied()
        .ok_or_else(|| row.problem(cell::COLUMN, "refers to a column that does not exist"))?;
    let start = row.date(context.start, row.integer(cell::START, 0)?, cell::START)?;
    let length = row.integer(cell::LENGTH, 0)?;
    if length < -1 {
        return Err(row.problem(cell::LENGTH, "expected days from start to end, or -1"));
    }
    let milestone = length == -1;
    let end = row.date(start, length.max(0), cell::LENGTH)?;
    let constraint = constraint(&row, start, end)?;
    let parent = match row.integer(cell::PARENT, 0)? {
        0 => None,
        distance => Some(row.row_back(distance, rows, cell::PARENT)?),
    };
    let estimate = hours(&row)?;
    let assignee = match row.integer(cell::ASSIGNEE, 0)? {
        0 => None,
        position => Some(
            usize::try_from(position - 1)
                .ok()
                .and_then(|position| context.team.get(position))
                .copied()
                .ok_or_else(|| row.problem(cell::ASSIGNEE, "refers past the end of the team"))?,
        ),
    };
    let progress = Progress::new(row.integer(cell::PROGRESS, 0)?)
        .map_err(|error| row.problem(cell::PROGRESS, &error.to_string()))?;
    let priority = usize::try_from(row.integer(cell::PRIORITY, 1)?)
        .ok()
        .and_then(|position| Priority::ALL.get(position))
        .copied()
        .ok_or_else(|| row.problem(cell::PRIORITY, "unknown priority"))?;
    let tags = match row.take(cell::TAGS) {
        Value::Null => Vec::new(),
        Value::Number(none) if none.as_u64() == Some(0) => Vec::new(),
        Value::String(tag) => vec![tag],
        Value::Array(tags) => tags
            .into_iter()
            .map(|tag| match tag {
                Value::String(tag) => Ok(tag),
                _ => Err(row.problem(cell::TAGS, "expected tags")),
            })
            .collect::<Result<_, _>>()?,
        _ => return Err(row.problem(cell::TAGS, "expected tags")),
    };
    let links = links(&row, rows)?;
    let completed = match row.cell(cell::COMPLETED) {
        Value::Null => None,
        _ => Some(row.date(end, row.integer(cell::COMPLETED, 0)?, cell::COMPLETED)?),
    };
    let created_day = row.integer(cell::CREATED, 0)?.saturating_add(created);
    let created = row.date(context.start, created_day, cell::CREATED)?;
    let deadline = match row.cell(cell::DEADLINE) {
        Value::Null => None,
        _ => Some(row.date(end, row.integer(cell::DEADLINE, 0)?, cell::DEADLINE)?),
    };
    let description = match row.take(cell::DESCRIPTION) {
        Value::Null => String::new(),
        Value::String(description) => description,
        _ => return Err(row.problem(cell::DESCRIPTION, "expected the description")),
    };
    let fixed_cost = Money(row.integer(cell::FIXED_COST, 0)?);
    let actual_fixed_cost = Money(row.integer(cell::ACTUAL_FIXED_COST, 0)?);
    let time_entries: Vec<TimeEntry> = match row.take(cell::TIME_ENTRIES) {
        Value::Null => Vec::new(),
        other => {
            typed(other).map_err(|error| row.problem(cell::TIME_ENTRIES, &error.to_string()))?
        }
    };
    let timer: Option<Timer> = match row.take(cell::TIMER) {
        Value::Null => None,
        other => Some(typed(other).map_err(|error| row.problem(cell::TIMER, &error.to_string()))?),
    };
    Ok((
        Task {
            id,
            title,
            description,
            column,
            assignee,
            priority,
            tags,
            start,
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

/// The constraint cell: `null` (as soon as possible) or the bare code of a kind, at the task's own date when the kind
/// has one, or `[code, days from that date]`.
fn constraint(row: &Row, start: NaiveDate, end: NaiveDate) -> Result<Constraint, ImportError> {
    let kind_of = |code: Option<u64>| {
        code.and_then(|code| ConstraintKind::ALL.get(usize::try_from(code).ok()?))
            .copied()
            .ok_or_else(|| row.problem(cell::CONSTRAINT, "unknown constraint"))
    };
    match row.cell(cell::CONSTRAINT) {
        Value::Null => Ok(Constraint::AsSoonAsPossible),
        Value::Number(code) => {
            let kind = kind_of(code.as_u64())?;
            Ok(kind.with_date(own_date(kind, start, end)))
        }
        Value::Array(parts) => {
            let [code, offset] = &parts[..] else {
                return Err(row.problem(cell::CONSTRAINT, "expected [constraint, days]"));
            };
            let kind = kind_of(code.as_u64())?;
            if !kind.has_date() {
                return Err(row.problem(cell::CONSTRAINT, "this constraint takes no date"));
            }
            let offset = offset
                .as_i64()
                .ok_or_else(|| row.problem(cell::CONSTRAINT, "expected a whole number of days"))?;
            Ok(kind.with_date(row.date(own_date(kind, start, end), offset, cell::CONSTRAINT)?))
        }
        _ => Err(row.problem(cell::CONSTRAINT, "expected a constraint")),
    }
}

/// The estimate: hours, with at most two decimals.
fn hours(row: &Row) -> Result<Hours, ImportError> {
    let wrong = || row.problem(cell::ESTIMATE, "expected hours with at most two decimals");
    let centi = match row.cell(cell::ESTIMATE) {
        Value::Null => 0.0,
        Value::Number(number) => match number.as_u64() {
            Some(whole) => whole as f64 * 100.0,
            None => {
                let hours = number.as_f64().ok_or_else(wrong)?;
                let centi = (hours * 100.0).round();
                if (hours * 100.0 - centi).abs() > 1e-6 {
                    return Err(wrong());
                }
                centi
            }
        },
        _ => return Err(wrong()),
    };
    if !(0.0..=f64::from(Hours::MAX.centi())).contains(&centi) {
        return Err(wrong());
    }
    Ok(Hours::from_centi(centi as u32))
}

/// The dependencies cell: `0` or `null` for none, one distance back for a finish-to-start link
/// without lag, or a list of such distances and `[distance, kind, lag]`.
fn links(row: &Row, rows: usize) -> Result<Vec<(usize, LinkKind, i32)>, ImportError> {
    let at = |number: usize| format!("{}[{number}]", row.at(cell::DEPENDENCIES));
    match row.cell(cell::DEPENDENCIES) {
        Value::Null => Ok(Vec::new()),
        Value::Number(distance) => match distance.as_i64() {
            Some(0) => Ok(Vec::new()),
            Some(distance) => Ok(vec![(
                row.row_back(distance, rows, cell::DEPENDENCIES)?,
                LinkKind::FinishToStart,
                0,
            )]),
            None => Err(row.problem(cell::DEPENDENCIES, "expected a whole number")),
        },
        Value::Array(links) => links
            .iter()
            .enumerate()
            .map(|(number, link)| {
                let parts: Option<Vec<i64>> = match link {
                    Value::Number(_) => link.as_i64().map(|distance| vec![distance, 0, 0]),
                    Value::Array(parts) => parts.iter().map(Value::as_i64).collect(),
                    _ => None,
                };
                let Some([distance, kind, lag]) = parts.as_deref().and_then(|parts| match parts {
                    [distance, kind] => Some([*distance, *kind, 0]),
                    [distance, kind, lag] => Some([*distance, *kind, *lag]),
                    _ => None,
                }) else {
                    return Err(field(&at(number), "expected a task or [task, kind, lag]"));
                };
                let predecessor = (row.index as i64)
                    .checked_sub(distance)
                    .and_then(|predecessor| usize::try_from(predecessor).ok())
                    .filter(|predecessor| *predecessor < rows && distance != 0)
                    .ok_or_else(|| field(&at(number), "refers to a task that does not exist"))?;
                let kind = usize::try_from(kind)
                    .ok()
                    .and_then(|kind| LinkKind::ALL.get(kind))
                    .copied()
                    .ok_or_else(|| field(&at(number), "expected a task or [task, kind, lag]"))?;
                let lag = i32::try_from(lag).map_err(|_| field(&at(number), "lag out of range"))?;
                Ok((predecessor, kind, lag))
            })
            .collect(),
        _ => Err(row.problem(cell::DEPENDENCIES, "expected dependencies")),
    }
}
