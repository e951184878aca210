//! Writing the compact encoding: a whole project, or its shell and its rows in runs, joined
//! under one revision.

use super::encode_id;
use crate::model::ids::{ColumnId, PersonId, TaskId};
use crate::model::io::project_file;
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::task::{Constraint, Task};
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
