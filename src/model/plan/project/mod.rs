//! A project: its details, board columns, team and tasks, and the commands that change them.
//!
//! Every command checks its input first and changes nothing when it returns an error, so a
//! `Project` that was built through commands is always valid. Whole projects that arrive from
//! outside (files, storage) are checked by [`crate::model::validate`] instead.
//!
//! Here: the struct and its serde form, reading, the project's own fields, the team and copies.
//! The commands sit in `impl Project` blocks by concern: `tasks` (tasks, cards and links),
//! `columns` (the board's columns), `tracking` (time entries and timers), `records` (baselines,
//! the scope log, risks, meetings and health thresholds); `checks` holds the checks the commands
//! and `validate` share.

mod checks;
mod columns;
mod records;
mod tasks;
mod tracking;

pub(in crate::model) use checks::{
    check_calendar, check_column, check_date, check_entry_fields, check_money, check_risk_fields,
    check_task_fields, check_thresholds, checked_block, checked_name,
};
pub use columns::{Column, ColumnCategory};

use crate::model::baseline::Baseline;
use crate::model::calendar::Calendar;
use crate::model::error::{Field, ModelError, ModelResult};
use crate::model::ids::{ColumnId, IdSource, PersonId, ProjectId, TaskId};
use crate::model::ids::{IdMap, IdSet};
use crate::model::plan::scope_change::ScopeChange;
use crate::model::plan::thresholds::HealthThresholds;
use crate::model::risk::Risk;
use crate::model::task::Task;
use crate::model::text;
use crate::model::units::{Budget, Currency, Money, Progress};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The editable fields of a project, as one value for the settings dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectDetails {
    pub name: String,
    pub description: String,
    pub start: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub budget: Budget,
    pub calendar: Calendar,
}

/// A project. Tasks are kept in one ordered list: the order of cards within a board column and
/// of siblings in the task hierarchy both follow it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Unique across every copy of the plan.
    pub id: ProjectId,
    /// Never empty.
    pub name: String,
    /// What the project is for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// When work begins.
    pub start: NaiveDate,
    /// When the project must be delivered; never before `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// The approved budget and the project's currency.
    pub budget: Budget,
    /// Working weekdays and holidays.
    #[serde(default)]
    pub calendar: Calendar,
    /// Board columns in display order; never empty.
    columns: Vec<Column>,
    /// The people who can be assigned tasks; each is in the workspace roster.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    team: Vec<PersonId>,
    /// Every task and milestone, in board and outline order.
    #[serde(default)]
    tasks: Vec<Arc<Task>>,
    /// Snapshots of the plan, oldest first; the last one is the current baseline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    baselines: Vec<Baseline>,
    /// Changes to the task set and estimates made after the first baseline, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    scope_log: Vec<ScopeChange>,
    /// Risks and issues the project manager tracks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    risks: Vec<Risk>,
    /// Days a stand-up was held, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    standups: Vec<NaiveDate>,
    /// Days a status report was issued, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    reports: Vec<NaiveDate>,
    /// Where health turns amber and red.
    #[serde(default)]
    pub health: HealthThresholds,
}

impl Project {
    /// A new project with the usual three columns (To do, In progress, Done) and no tasks.
    pub fn new(
        id: ProjectId,
        name: &str,
        start: NaiveDate,
        currency: Currency,
        ids: &mut dyn IdSource,
    ) -> ModelResult<Project> {
        let columns = ColumnCategory::ALL
            .into_iter()
            .map(|category| Column::new(ColumnId::new(ids), category.label(), category))
            .collect();
        let mut project = Project {
            id,
            name: String::new(),
            description: String::new(),
            start,
            deadline: None,
            budget: Budget {
                amount: Money::ZERO,
                currency,
            },
            calendar: Calendar::default(),
            columns,
            team: Vec::new(),
            tasks: Vec::new(),
            baselines: Vec::new(),
            scope_log: Vec::new(),
            risks: Vec::new(),
            standups: Vec::new(),
            reports: Vec::new(),
            health: HealthThresholds::default(),
        };
        let mut details = project.details();
        details.name = name.to_string();
        project.update_details(details)?;
        Ok(project)
    }

    // ----- Reading -----

    /// The editable fields, for a settings form.
    pub fn details(&self) -> ProjectDetails {
        ProjectDetails {
            name: self.name.clone(),
            description: self.description.clone(),
            start: self.start,
            deadline: self.deadline,
            budget: self.budget,
            calendar: self.calendar.clone(),
        }
    }

    /// Board columns in display order.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The column `id`.
    pub fn column(&self, id: ColumnId) -> ModelResult<&Column> {
        self.columns
            .iter()
            .find(|column| column.id == id)
            .ok_or(ModelError::UnknownColumn(id))
    }

    /// The first column of `category`, if the board has one.
    pub fn first_column_of(&self, category: ColumnCategory) -> Option<&Column> {
        self.columns
            .iter()
            .find(|column| column.category == category)
    }

    /// The people who can be assigned tasks.
    pub fn team(&self) -> &[PersonId] {
        &self.team
    }

    /// Every task, in board and outline order.
    pub fn tasks(&self) -> &[Arc<Task>] {
        &self.tasks
    }

    /// The task `id`, or an error naming it.
    pub fn task(&self, id: TaskId) -> ModelResult<&Task> {
        self.find_task(id).ok_or(ModelError::UnknownTask(id))
    }

    /// This project without its tasks (what storage keeps apart from the task rows), made
    /// without copying the task list: at 50,000 tasks a clone touches every task's count.
    pub fn without_tasks(&self) -> Project {
        Project {
            id: self.id,
            name: self.name.clone(),
            description: self.description.clone(),
            start: self.start,
            deadline: self.deadline,
            budget: self.budget,
            calendar: self.calendar.clone(),
            columns: self.columns.clone(),
            team: self.team.clone(),
            tasks: Vec::new(),
            baselines: self.baselines.clone(),
            scope_log: self.scope_log.clone(),
            risks: self.risks.clone(),
            standups: self.standups.clone(),
            reports: self.reports.clone(),
            health: self.health,
        }
    }

    /// The task `id`, if it exists.
    pub fn find_task(&self, id: TaskId) -> Option<&Task> {
        self.tasks
            .iter()
            .find(|task| task.id == id)
            .map(|task| task.as_ref())
    }

    /// Where task `id` sits in [`Project::tasks`].
    pub fn task_index(&self, id: TaskId) -> Option<usize> {
        self.tasks.iter().position(|task| task.id == id)
    }

    /// The direct subtasks of `parent`, in order.
    pub fn children(&self, parent: TaskId) -> impl Iterator<Item = &Task> {
        self.tasks
            .iter()
            .filter(move |task| task.parent == Some(parent))
            .map(|task| task.as_ref())
    }

    /// True when `id` has subtasks, which makes it a summary task.
    pub fn is_summary(&self, id: TaskId) -> bool {
        self.tasks.iter().any(|task| task.parent == Some(id))
    }

    /// True when the task sits in a done column or is 100 % complete.
    pub fn is_done(&self, task: &Task) -> bool {
        task.progress == Progress::DONE || self.column_is_done(task.column)
    }

    fn column_is_done(&self, column: ColumnId) -> bool {
        self.column(column)
            .map(|column| column.category == ColumnCategory::Done)
            .unwrap_or(false)
    }

    /// True when `ancestor` is `task`'s parent, grandparent, and so on.
    pub fn is_ancestor(&self, ancestor: TaskId, task: TaskId) -> bool {
        let mut current = self.find_task(task).and_then(|task| task.parent);
        let mut steps = 0;
        while let Some(id) = current {
            if id == ancestor {
                return true;
            }
            steps += 1;
            if steps > self.tasks.len() {
                return false;
            }
            current = self.find_task(id).and_then(|task| task.parent);
        }
        false
    }

    /// Every task below `ancestor`: its subtasks, theirs, and so on. One pass over the tasks,
    /// where asking [`Project::is_ancestor`] of each task would scan the list per step.
    pub fn descendants(&self, ancestor: TaskId) -> IdSet<TaskId> {
        let mut children: IdMap<TaskId, Vec<TaskId>> = IdMap::default();
        for task in &self.tasks {
            if let Some(parent) = task.parent {
                children.entry(parent).or_default().push(task.id);
            }
        }
        let mut found = IdSet::default();
        let mut waiting = vec![ancestor];
        while let Some(id) = waiting.pop() {
            for child in children.get(&id).into_iter().flatten() {
                // A damaged parent loop would come back round: each task is taken once.
                if *child != ancestor && found.insert(*child) {
                    waiting.push(*child);
                }
            }
        }
        found
    }

    // ----- Project fields -----

    /// Replaces the editable fields after checking them.
    pub fn update_details(&mut self, details: ProjectDetails) -> ModelResult {
        let name = checked_name(&details.name, Field::ProjectName)?;
        let description = checked_block(&details.description, Field::ProjectDescription)?;
        check_date(details.start)?;
        if let Some(deadline) = details.deadline {
            check_date(deadline)?;
            if deadline < details.start {
                return Err(ModelError::DeadlineBeforeStart {
                    start: details.start,
                    deadline,
                });
            }
        }
        check_money(details.budget.amount)?;
        check_calendar(&details.calendar)?;
        self.name = name;
        self.description = description;
        self.start = details.start;
        self.deadline = details.deadline;
        self.budget = details.budget;
        self.calendar = details.calendar;
        Ok(())
    }

    // ----- Team (checked against the roster by the workspace) -----

    pub(in crate::model) fn add_member(&mut self, person: PersonId) {
        if !self.team.contains(&person) {
            self.team.push(person);
        }
    }

    /// Takes `person` off the team and unassigns their tasks.
    pub(in crate::model) fn remove_member(&mut self, person: PersonId) {
        self.team.retain(|member| *member != person);
        for task in &mut self.tasks {
            if task.assignee == Some(person) {
                Arc::make_mut(task).assignee = None;
            }
        }
    }

    // ----- Copies -----

    /// A copy with new ids for the project, its columns and its tasks, named "… (copy)".
    /// Dependencies and subtasks point at the new task ids; people are shared, not copied.
    pub fn copy_with_new_ids(&self, ids: &mut dyn IdSource) -> Project {
        use std::collections::HashMap;
        let columns: HashMap<ColumnId, ColumnId> = self
            .columns
            .iter()
            .map(|column| (column.id, ColumnId::new(ids)))
            .collect();
        let tasks: HashMap<TaskId, TaskId> = self
            .tasks
            .iter()
            .map(|task| (task.id, TaskId::new(ids)))
            .collect();
        let mut copy = self.clone();
        copy.id = ProjectId::new(ids);
        let suffix = " (copy)";
        let room = text::MAX_NAME_CHARS - suffix.chars().count();
        copy.name = self.name.chars().take(room).collect::<String>() + suffix;
        for column in &mut copy.columns {
            column.id = columns[&column.id];
        }
        // History belongs to the original: the copy starts without baselines or scope log.
        copy.baselines.clear();
        copy.scope_log.clear();
        for shared in &mut copy.tasks {
            let task = Arc::make_mut(shared);
            task.timer = None;
            task.id = tasks[&task.id];
            task.column = columns[&task.column];
            task.parent = task.parent.map(|parent| tasks[&parent]);
            for dependency in &mut task.dependencies {
                dependency.predecessor = tasks[&dependency.predecessor];
            }
        }
        copy
    }

    // ----- Used by validation and import -----

    pub(in crate::model) fn columns_mut(&mut self) -> &mut Vec<Column> {
        &mut self.columns
    }

    pub(in crate::model) fn tasks_mut(&mut self) -> &mut Vec<Arc<Task>> {
        &mut self.tasks
    }

    pub(in crate::model) fn baselines_mut(&mut self) -> &mut Vec<Baseline> {
        &mut self.baselines
    }

    pub(in crate::model) fn risks_mut(&mut self) -> &mut Vec<Risk> {
        &mut self.risks
    }

    pub(in crate::model) fn meetings_mut(&mut self) -> (&mut Vec<NaiveDate>, &mut Vec<NaiveDate>) {
        (&mut self.standups, &mut self.reports)
    }

    pub(in crate::model) fn scope_log_mut(&mut self) -> &mut Vec<ScopeChange> {
        &mut self.scope_log
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::TestPlan;

    #[test]
    fn descendants_are_every_task_below_a_summary_and_nothing_else() {
        let mut plan = TestPlan::new("2027-01-04");
        let phase = plan.task("Phase", "2027-01-04", "2027-01-08", 0, None);
        let design = plan.task("Design", "2027-01-04", "2027-01-05", 8, None);
        let screens = plan.task("Screens", "2027-01-04", "2027-01-04", 4, None);
        let other = plan.task("Other", "2027-01-04", "2027-01-04", 4, None);
        plan.edit(design, |task| task.parent = Some(phase));
        plan.edit(screens, |task| task.parent = Some(design));
        let below = plan.project().descendants(phase);
        assert!(below.contains(&design) && below.contains(&screens));
        assert!(!below.contains(&phase) && !below.contains(&other));
        assert!(plan.project().descendants(other).is_empty());
        for task in [design, screens] {
            assert!(plan.project().is_ancestor(phase, task));
        }
    }
}
