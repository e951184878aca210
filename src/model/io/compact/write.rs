//! Writing the compact encoding: a whole project, or its shell and its rows in runs, joined
//! under one revision.

use super::encode_id;
use crate::model::ids::{ColumnId, IdMap, PersonId, TaskId};
use crate::model::io::project_file;
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::task::{Constraint, ConstraintKind, Dependency, LinkKind, Task};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

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
    // One buffer, sized for about 80 characters a row: the rows are written straight into the
    // text, never held apart and copied in (at 50,000 tasks that copy was 4 MB and its growth
    // as much again).
    let capacity = shell.len() + 40 + project.tasks().len() * 84;
    let mut text = CompactText::new(revision, &shell, capacity);
    drop(shell);
    text.push_rows(&encoder, 0, project.tasks());
    text.finish()
}

/// The project without its tasks and without a revision, with its team's people: the shell
/// that [`join_compact`] puts the task table into.
pub fn write_compact_shell(project: &Project, roster: &[Person]) -> String {
    let file = project_file(&project.without_tasks(), roster);
    let envelope = serde_json::to_string(&file).expect("plan types always serialize");
    let marker = format!(
        "\"kind\":\"stored_project\",\"rows\":{{\"layout\":{ROW_LAYOUT},\"created\":{}}}",
        created_base(project)
    );
    envelope.replacen("\"kind\":\"project\"", &marker, 1)
}

/// The row layout this build writes (see the module docs of `compact`).
pub const ROW_LAYOUT: u64 = 2;

/// The day, in days from the project start, that the `created` cells of layout 2 count from:
/// the first task's, so that a plan whose tasks were created together writes none.
pub fn created_base(project: &Project) -> i64 {
    project
        .tasks()
        .first()
        .map(|task| days(project.start, task.created))
        .unwrap_or(0)
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

    /// Appends `tasks`, the project's tasks from row `first_row` on, as a run of rows.
    pub fn push_rows(&mut self, encoder: &RowEncoder, first_row: usize, tasks: &[Arc<Task>]) {
        if tasks.is_empty() {
            return;
        }
        if self.runs > 0 {
            self.out.push(',');
        }
        encoder.write_rows(&mut self.out, first_row, tasks);
        self.runs += 1;
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("]}");
        self.out
    }
}

/// Writes task rows of one project: knows the row of every task, the position of every
/// column and team member. Building it is one pass over the tasks; storage keeps it between
/// saves while the rows stay where they are.
#[derive(Debug)]
pub struct RowEncoder {
    start: NaiveDate,
    columns: HashMap<ColumnId, usize>,
    team: HashMap<PersonId, usize>,
    rows: IdMap<TaskId, usize>,
    /// [`created_base`] of the project.
    created: i64,
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
            rows: {
                let mut rows =
                    IdMap::with_capacity_and_hasher(project.tasks().len(), Default::default());
                rows.extend(
                    project
                        .tasks()
                        .iter()
                        .enumerate()
                        .map(|(index, task)| (task.id, index)),
                );
                rows
            },
            created: created_base(project),
        }
    }

    /// Appends `tasks`, the project's tasks from row `first_row` on, as rows separated by
    /// commas, without brackets around them.
    pub fn write_rows(&self, out: &mut String, first_row: usize, tasks: &[Arc<Task>]) {
        for (number, task) in tasks.iter().enumerate() {
            if number > 0 {
                out.push(',');
            }
            self.write_row(out, first_row + number, task);
        }
    }

    /// Appends one row of layout 2 (see the module docs of `compact`): each cell is written,
    /// and the text is cut after the last cell that is not its default.
    fn write_row(&self, out: &mut String, index: usize, task: &Task) {
        let start = self.start;
        out.push('[');
        out.push('"');
        out.push_str(&encode_id(task.id.uuid()));
        out.push('"');
        out.push(',');
        push_json_string(out, &task.title);
        let mut keep = out.len();
        let mut cell = |out: &mut String, default: bool, write: &dyn Fn(&mut String)| {
            out.push(',');
            write(out);
            if !default {
                keep = out.len();
            }
        };
        let column = self.columns.get(&task.column).copied().unwrap_or(0);
        cell(out, column == 0, &|out| push_number(out, column as i64));
        let offset = days(start, task.start);
        cell(out, offset == 0, &|out| push_number(out, offset));
        let length = if task.milestone {
            -1
        } else {
            days(task.start, task.end)
        };
        cell(out, length == 0, &|out| push_number(out, length));
        let constraint = task.constraint;
        cell(out, constraint == Constraint::AsSoonAsPossible, &|out| {
            write_constraint(out, task)
        });
        let parent = task
            .parent
            .and_then(|parent| self.rows.get(&parent))
            .map(|row| index as i64 - *row as i64)
            .unwrap_or(0);
        cell(out, parent == 0, &|out| push_number(out, parent));
        let estimate = task.estimate.centi();
        cell(out, estimate == 0, &|out| write_hours(out, estimate));
        let assignee = task
            .assignee
            .and_then(|person| self.team.get(&person))
            .map(|position| *position as i64 + 1)
            .unwrap_or(0);
        cell(out, assignee == 0, &|out| push_number(out, assignee));
        let progress = i64::from(task.progress.percent());
        cell(out, progress == 0, &|out| push_number(out, progress));
        let priority = task.priority as i64;
        cell(out, priority == 1, &|out| push_number(out, priority));
        cell(out, task.tags.is_empty(), &|out| match &task.tags[..] {
            [] => out.push('0'),
            [tag] => push_json_string(out, tag),
            tags => {
                out.push('[');
                for (number, tag) in tags.iter().enumerate() {
                    if number > 0 {
                        out.push(',');
                    }
                    push_json_string(out, tag);
                }
                out.push(']');
            }
        });
        cell(out, task.dependencies.is_empty(), &|out| {
            self.write_links(out, index, task)
        });
        cell(out, task.completed.is_none(), &|out| match task.completed {
            Some(day) => push_number(out, days(task.end, day)),
            None => out.push_str("null"),
        });
        let created = days(start, task.created) - self.created;
        cell(out, created == 0, &|out| push_number(out, created));
        cell(out, task.deadline.is_none(), &|out| match task.deadline {
            Some(day) => push_number(out, days(task.end, day)),
            None => out.push_str("null"),
        });
        cell(out, task.description.is_empty(), &|out| {
            push_json_string(out, &task.description)
        });
        cell(out, task.fixed_cost.0 == 0, &|out| {
            push_number(out, task.fixed_cost.0)
        });
        cell(out, task.actual_fixed_cost.0 == 0, &|out| {
            push_number(out, task.actual_fixed_cost.0)
        });
        cell(out, task.time_entries.is_empty(), &|out| {
            out.push_str(&serde_json::to_string(&task.time_entries).expect("entries serialize"))
        });
        cell(out, task.timer.is_none(), &|out| match &task.timer {
            Some(timer) => out.push_str(&serde_json::to_string(timer).expect("timers serialize")),
            None => out.push_str("null"),
        });
        out.truncate(keep);
        out.push(']');
    }

    /// The dependencies cell: one finish-to-start link without lag as the bare distance back to
    /// its predecessor's row, otherwise a list of such distances or `[distance, kind, lag]`.
    fn write_links(&self, out: &mut String, index: usize, task: &Task) {
        if task.dependencies.is_empty() {
            out.push('0');
            return;
        }
        let distance = |dependency: &Dependency| {
            let row = self
                .rows
                .get(&dependency.predecessor)
                .copied()
                .unwrap_or(usize::MAX);
            index as i64 - row as i64
        };
        let plain = |dependency: &Dependency| {
            dependency.kind == LinkKind::FinishToStart && dependency.lag == 0
        };
        if let [dependency] = &task.dependencies[..] {
            if plain(dependency) {
                push_number(out, distance(dependency));
                return;
            }
        }
        out.push('[');
        for (number, dependency) in task.dependencies.iter().enumerate() {
            if number > 0 {
                out.push(',');
            }
            if plain(dependency) {
                push_number(out, distance(dependency));
            } else {
                let _ = write!(
                    out,
                    "[{},{},{}]",
                    distance(dependency),
                    dependency.kind as u8,
                    dependency.lag
                );
            }
        }
        out.push(']');
    }
}

/// The constraint cell: the bare MS Project code when the kind has no date or its date is the
/// task's own (its start for start kinds, its end for finish kinds), else `[code, days from
/// that date]`.
fn write_constraint(out: &mut String, task: &Task) {
    let kind = task.constraint.kind();
    let code = i64::from(kind.mspdi_code());
    match task.constraint.date() {
        Some(day) => {
            let offset = days(own_date(kind, task.start, task.end), day);
            if offset == 0 {
                push_number(out, code);
            } else {
                let _ = write!(out, "[{code},{offset}]");
            }
        }
        None => push_number(out, code),
    }
}

/// The date a constraint of `kind` counts from: the task's start, or its end for the kinds
/// that constrain the finish.
pub(super) fn own_date(kind: ConstraintKind, start: NaiveDate, end: NaiveDate) -> NaiveDate {
    match kind {
        ConstraintKind::MustFinishOn
        | ConstraintKind::FinishNoEarlierThan
        | ConstraintKind::FinishNoLaterThan => end,
        _ => start,
    }
}

/// Hours from hundredths: `32`, `12.5`, `0.25`.
fn write_hours(out: &mut String, centi: u32) {
    let (whole, fraction) = (centi / 100, centi % 100);
    match fraction {
        0 => {
            let _ = write!(out, "{whole}");
        }
        _ if fraction % 10 == 0 => {
            let _ = write!(out, "{whole}.{}", fraction / 10);
        }
        _ => {
            let _ = write!(out, "{whole}.{fraction:02}");
        }
    }
}

fn push_number(out: &mut String, number: i64) {
    let _ = write!(out, "{number}");
}

fn push_json_string(out: &mut String, text: &str) {
    out.push_str(&json_string(text));
}
