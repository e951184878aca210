//! A project: its details, board columns, team and tasks, and the commands that change them.
//!
//! Every command checks its input first and changes nothing when it returns an error, so a
//! `Project` that was built through commands is always valid. Whole projects that arrive from
//! outside (files, storage) are checked by [`crate::model::validate`] instead.

use crate::model::baseline::Baseline;
use crate::model::calendar::{date_in_range, Calendar};
use crate::model::error::{Field, ModelError, ModelResult};
use crate::model::graph;
use crate::model::ids::{BaselineId, RiskId, ScopeChangeId, TimeEntryId};
use crate::model::ids::{ColumnId, IdSource, PersonId, ProjectId, TaskId};
use crate::model::ids::{IdMap, IdSet};
use crate::model::plan::scope_change::ScopeChange;
use crate::model::plan::thresholds::HealthThresholds;
use crate::model::risk::Risk;
use crate::model::task::{Constraint, Dependency, Task, MAX_LAG_DAYS};
use crate::model::text;
use crate::model::tracking::{TimeEntry, Timer, MAX_ENTRY_HOURS};
use crate::model::units::Hours;
use crate::model::units::{Budget, Currency, Money, Progress};
use chrono::NaiveDate;
use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What a board column means for the work in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ColumnCategory {
    /// Not started.
    #[default]
    Todo,
    /// Being worked on.
    InProgress,
    /// Finished: entering sets progress to 100 % and the completion date.
    Done,
}

impl ColumnCategory {
    /// Every category in workflow order.
    pub const ALL: [ColumnCategory; 3] = [
        ColumnCategory::Todo,
        ColumnCategory::InProgress,
        ColumnCategory::Done,
    ];

    /// The English label shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            ColumnCategory::Todo => "To do",
            ColumnCategory::InProgress => "In progress",
            ColumnCategory::Done => "Done",
        }
    }

    /// The stable key used in plan files and form values.
    pub fn key(self) -> &'static str {
        match self {
            ColumnCategory::Todo => "todo",
            ColumnCategory::InProgress => "in_progress",
            ColumnCategory::Done => "done",
        }
    }

    /// The category whose [`ColumnCategory::key`] is `key`.
    pub fn from_key(key: &str) -> Option<ColumnCategory> {
        ColumnCategory::ALL
            .into_iter()
            .find(|category| category.key() == key)
    }
}

/// A board column, which is also a task status.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Unique within the project.
    pub id: ColumnId,
    /// Shown as the column heading and as the task's status; never empty.
    pub name: String,
    /// What the column means for progress.
    pub category: ColumnCategory,
    /// The most cards the column should hold; at least 1 when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wip_limit: Option<u32>,
}

impl Column {
    /// A column without WIP limit.
    pub fn new(id: ColumnId, name: impl Into<String>, category: ColumnCategory) -> Column {
        Column {
            id,
            name: name.into(),
            category,
            wip_limit: None,
        }
    }
}

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

    // ----- Tasks -----

    /// Adds `task` at the end of its column. A task created straight into a done column is
    /// complete, as of `today`.
    pub fn add_task(&mut self, mut task: Task, today: NaiveDate) -> ModelResult {
        if self.find_task(task.id).is_some() {
            return Err(ModelError::DuplicateId(task.id.uuid()));
        }
        self.check_task(&mut task, None)?;
        let is_done = self.column_is_done(task.column);
        apply_done_rules(&mut task, false, is_done, today);
        let at = self.end_of_column(task.column);
        self.tasks.insert(at, Arc::new(task));
        Ok(())
    }

    /// Replaces the task with the same id by `task`, in place. Changing its column applies the
    /// done rules as a board move would.
    pub fn update_task(&mut self, mut task: Task, today: NaiveDate) -> ModelResult {
        let index = self
            .task_index(task.id)
            .ok_or(ModelError::UnknownTask(task.id))?;
        self.check_task(&mut task, Some(index))?;
        let was_done = self.column_is_done(self.tasks[index].column);
        let is_done = self.column_is_done(task.column);
        apply_done_rules(&mut task, was_done, is_done, today);
        self.tasks[index] = Arc::new(task);
        Ok(())
    }

    /// Moves task `id` to `start..=end` (inclusive), as typing or dragging dates does. A new
    /// start also sets the constraint "start no earlier than" it, as MS Project does; a new end
    /// alone changes the duration and keeps the constraint. Refuses dates outside the model's
    /// range, an end before the start and a milestone spanning days. It does not move
    /// successors itself (`schedule::reschedule` does).
    pub fn set_task_dates(&mut self, id: TaskId, start: NaiveDate, end: NaiveDate) -> ModelResult {
        let index = self.task_index(id).ok_or(ModelError::UnknownTask(id))?;
        let old_start = self.tasks[index].start;
        self.set_task_dates_at(index, start, end)?;
        let constraint = Constraint::StartNoEarlierThan(start);
        if old_start != start && self.tasks[index].constraint != constraint {
            Arc::make_mut(&mut self.tasks[index]).constraint = constraint;
        }
        Ok(())
    }

    /// [`Project::set_task_dates`] for the task at `index` in [`Project::tasks`], which must
    /// exist. The task is copied only when its dates change.
    pub(in crate::model) fn set_task_dates_at(
        &mut self,
        index: usize,
        start: NaiveDate,
        end: NaiveDate,
    ) -> ModelResult {
        let task = &self.tasks[index];
        check_date(start)?;
        check_date(end)?;
        if end < start {
            return Err(ModelError::EndBeforeStart { start, end });
        }
        if task.milestone && start != end {
            return Err(ModelError::MilestoneSpansDays { start, end });
        }
        if task.start != start || task.end != end {
            let task = Arc::make_mut(&mut self.tasks[index]);
            task.start = start;
            task.end = end;
        }
        Ok(())
    }

    /// Removes a task with all its subtasks, and every dependency on them. Returns the ids
    /// removed, the task itself first.
    pub fn remove_task(&mut self, id: TaskId) -> ModelResult<Vec<TaskId>> {
        self.task(id)?;
        let mut removed = vec![id];
        let mut next = 0;
        while next < removed.len() {
            let parent = removed[next];
            removed.extend(self.children(parent).map(|child| child.id));
            next += 1;
        }
        self.tasks.retain(|task| !removed.contains(&task.id));
        for task in &mut self.tasks {
            if task
                .dependencies
                .iter()
                .any(|dependency| removed.contains(&dependency.predecessor))
            {
                Arc::make_mut(task)
                    .dependencies
                    .retain(|dependency| !removed.contains(&dependency.predecessor));
            }
        }
        Ok(removed)
    }

    /// Moves a card: into `column`, just before the card `before` (or to the end of the column
    /// when `None`). Entering a done column completes the task as of `today`; leaving one clears
    /// the completion date.
    pub fn move_task(
        &mut self,
        id: TaskId,
        column: ColumnId,
        before: Option<TaskId>,
        today: NaiveDate,
    ) -> ModelResult {
        let from = self.task_index(id).ok_or(ModelError::UnknownTask(id))?;
        let to_done = self.column(column)?.category == ColumnCategory::Done;
        if let Some(before) = before {
            let target = self.task(before)?;
            if target.column != column {
                return Err(ModelError::UnknownTask(before));
            }
        }
        let was_done = self.column_is_done(self.tasks[from].column);
        let mut card = self.tasks.remove(from);
        if card.column != column || to_done != was_done {
            let task = Arc::make_mut(&mut card);
            task.column = column;
            apply_done_rules(task, was_done, to_done, today);
        }
        let at = match before.filter(|before| *before != id) {
            Some(before) => self
                .task_index(before)
                .expect("checked above that `before` exists"),
            None => self.end_of_column(column),
        };
        self.tasks.insert(at, card);
        Ok(())
    }

    /// Where a new card of `column` goes: just after the column's last card, or at the very
    /// end when the column is empty.
    fn end_of_column(&self, column: ColumnId) -> usize {
        self.tasks
            .iter()
            .rposition(|task| task.column == column)
            .map(|last| last + 1)
            .unwrap_or(self.tasks.len())
    }

    /// Makes `successor` wait for `dependency.predecessor`.
    pub fn link_tasks(&mut self, successor: TaskId, dependency: Dependency) -> ModelResult {
        let mut task = self.task(successor)?.clone();
        if task.dependency_on(dependency.predecessor).is_some() {
            return Err(ModelError::DuplicateDependency {
                predecessor: dependency.predecessor,
                successor,
            });
        }
        task.dependencies.push(dependency);
        self.replace_checked(task)
    }

    /// Changes the kind or lag of an existing dependency.
    pub fn update_dependency(&mut self, successor: TaskId, dependency: Dependency) -> ModelResult {
        let mut task = self.task(successor)?.clone();
        let existing = task
            .dependencies
            .iter_mut()
            .find(|existing| existing.predecessor == dependency.predecessor)
            .ok_or(ModelError::UnknownTask(dependency.predecessor))?;
        *existing = dependency;
        self.replace_checked(task)
    }

    /// Removes the dependency of `successor` on `predecessor`.
    pub fn unlink_tasks(&mut self, successor: TaskId, predecessor: TaskId) -> ModelResult {
        let mut task = self.task(successor)?.clone();
        let before = task.dependencies.len();
        task.dependencies
            .retain(|dependency| dependency.predecessor != predecessor);
        if task.dependencies.len() == before {
            return Err(ModelError::UnknownTask(predecessor));
        }
        self.replace_checked(task)
    }

    fn replace_checked(&mut self, mut task: Task) -> ModelResult {
        let index = self
            .task_index(task.id)
            .ok_or(ModelError::UnknownTask(task.id))?;
        self.check_task(&mut task, Some(index))?;
        self.tasks[index] = Arc::new(task);
        Ok(())
    }

    /// Cleans `task`'s text and checks it against the project; `index` is where it will replace
    /// an existing task. The project is not changed.
    fn check_task(&self, task: &mut Task, index: Option<usize>) -> ModelResult {
        check_task_fields(task)?;
        self.column(task.column)?;
        if let Some(assignee) = task.assignee {
            if !self.team.contains(&assignee) {
                return Err(ModelError::NotOnTeam(assignee));
            }
        }
        if let Some(parent) = task.parent {
            let parent_task = self.task(parent)?;
            if parent == task.id || self.is_ancestor(task.id, parent) {
                return Err(ModelError::ParentCycle {
                    task: task.id,
                    parent,
                });
            }
            if parent_task.milestone {
                return Err(ModelError::MilestoneWithSubtasks(parent));
            }
        }
        if task.milestone && self.is_summary(task.id) {
            return Err(ModelError::MilestoneWithSubtasks(task.id));
        }
        for (position, dependency) in task.dependencies.iter().enumerate() {
            let predecessor = dependency.predecessor;
            self.task(predecessor)?;
            if task.dependencies[..position]
                .iter()
                .any(|earlier| earlier.predecessor == predecessor)
            {
                return Err(ModelError::DuplicateDependency {
                    predecessor,
                    successor: task.id,
                });
            }
            let ancestor_of_task = task.parent == Some(predecessor)
                || task
                    .parent
                    .is_some_and(|parent| self.is_ancestor(predecessor, parent));
            if ancestor_of_task || self.is_ancestor(task.id, predecessor) {
                return Err(ModelError::LinkWithinHierarchy {
                    task: task.id,
                    relative: predecessor,
                });
            }
        }
        let old = index.map(|index| &self.tasks[index]);
        if let Some(parent) = task.parent {
            if old.is_none_or(|old| old.parent != task.parent) {
                self.check_new_ancestry(task.id, parent)?;
            }
        }
        let structure_changed = old
            .is_none_or(|old| old.parent != task.parent || old.dependencies != task.dependencies);
        // Removing links or a parent cannot close a loop; anything else is checked on the
        // whole network, because loops can run through summary tasks.
        if structure_changed && (task.parent.is_some() || !task.dependencies.is_empty()) {
            let mut tentative = self.tasks.clone();
            match index {
                Some(index) => tentative[index] = Arc::new(task.clone()),
                None => tentative.push(Arc::new(task.clone())),
            }
            if let Some(path) = graph::find_cycle(&tentative) {
                return Err(ModelError::Cycle { path });
            }
        }
        Ok(())
    }

    /// Placing `task` under `parent` makes `parent` and its ancestors ancestors of `task` and of
    /// all its subtasks; no dependency may join the two groups.
    fn check_new_ancestry(&self, task: TaskId, parent: TaskId) -> ModelResult {
        let mut ancestors = vec![parent];
        let mut current = self.find_task(parent).and_then(|task| task.parent);
        while let Some(id) = current {
            if ancestors.contains(&id) || ancestors.len() > self.tasks.len() {
                break;
            }
            ancestors.push(id);
            current = self.find_task(id).and_then(|task| task.parent);
        }
        let mut subtree = vec![task];
        let mut next = 0;
        while next < subtree.len() {
            let id = subtree[next];
            subtree.extend(self.children(id).map(|child| child.id));
            next += 1;
            if subtree.len() > self.tasks.len() + 1 {
                break;
            }
        }
        for member in &subtree {
            let Some(member_task) = self.find_task(*member) else {
                continue;
            };
            if let Some(link) = member_task
                .dependencies
                .iter()
                .find(|dependency| ancestors.contains(&dependency.predecessor))
            {
                return Err(ModelError::LinkWithinHierarchy {
                    task: *member,
                    relative: link.predecessor,
                });
            }
        }
        for ancestor in &ancestors {
            let Some(ancestor_task) = self.find_task(*ancestor) else {
                continue;
            };
            if let Some(link) = ancestor_task
                .dependencies
                .iter()
                .find(|dependency| subtree.contains(&dependency.predecessor))
            {
                return Err(ModelError::LinkWithinHierarchy {
                    task: *ancestor,
                    relative: link.predecessor,
                });
            }
        }
        Ok(())
    }

    // ----- Columns -----

    /// Adds a column at `index` (the end when `None` or past the end).
    pub fn add_column(&mut self, mut column: Column, index: Option<usize>) -> ModelResult {
        if self.columns.iter().any(|known| known.id == column.id) {
            return Err(ModelError::DuplicateId(column.id.uuid()));
        }
        check_column(&mut column)?;
        let at = index.unwrap_or(self.columns.len()).min(self.columns.len());
        self.columns.insert(at, column);
        Ok(())
    }

    /// Replaces the column with the same id: its name, category and WIP limit. When the
    /// category changes to or from done, the cards in it follow the done rules.
    pub fn update_column(&mut self, mut column: Column, today: NaiveDate) -> ModelResult {
        let index = self
            .columns
            .iter()
            .position(|known| known.id == column.id)
            .ok_or(ModelError::UnknownColumn(column.id))?;
        check_column(&mut column)?;
        let was_done = self.columns[index].category == ColumnCategory::Done;
        let is_done = column.category == ColumnCategory::Done;
        let id = column.id;
        self.columns[index] = column;
        if was_done != is_done {
            for task in self.tasks.iter_mut().filter(|task| task.column == id) {
                apply_done_rules(Arc::make_mut(task), was_done, is_done, today);
            }
        }
        Ok(())
    }

    /// Moves column `id` to position `index` (clamped to the board).
    pub fn move_column(&mut self, id: ColumnId, index: usize) -> ModelResult {
        let from = self
            .columns
            .iter()
            .position(|column| column.id == id)
            .ok_or(ModelError::UnknownColumn(id))?;
        let column = self.columns.remove(from);
        let at = index.min(self.columns.len());
        self.columns.insert(at, column);
        Ok(())
    }

    /// Deletes column `id`; its cards move, in order, to the end of `cards_to`.
    pub fn remove_column(
        &mut self,
        id: ColumnId,
        cards_to: ColumnId,
        today: NaiveDate,
    ) -> ModelResult {
        self.column(id)?;
        self.column(cards_to)?;
        if id == cards_to || self.columns.len() == 1 {
            return Err(ModelError::LastColumn);
        }
        let moving: Vec<TaskId> = self
            .tasks
            .iter()
            .filter(|task| task.column == id)
            .map(|task| task.id)
            .collect();
        for task in moving {
            self.move_task(task, cards_to, None, today)?;
        }
        self.columns.retain(|column| column.id != id);
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

    // ----- Time tracking -----

    /// Logs time on task `task`. The person must be on the team.
    pub fn log_time(&mut self, task: TaskId, mut entry: TimeEntry) -> ModelResult {
        let index = self.task_index(task).ok_or(ModelError::UnknownTask(task))?;
        if self.tasks[index]
            .time_entries
            .iter()
            .any(|known| known.id == entry.id)
        {
            return Err(ModelError::DuplicateId(entry.id.uuid()));
        }
        self.check_entry(&mut entry)?;
        Arc::make_mut(&mut self.tasks[index])
            .time_entries
            .push(entry);
        Ok(())
    }

    /// Replaces the entry with the same id on task `task`.
    pub fn update_time_entry(&mut self, task: TaskId, mut entry: TimeEntry) -> ModelResult {
        let index = self.task_index(task).ok_or(ModelError::UnknownTask(task))?;
        let position = self.tasks[index]
            .time_entries
            .iter()
            .position(|known| known.id == entry.id)
            .ok_or(ModelError::UnknownTimeEntry(entry.id))?;
        self.check_entry(&mut entry)?;
        Arc::make_mut(&mut self.tasks[index]).time_entries[position] = entry;
        Ok(())
    }

    /// Deletes a time entry.
    pub fn remove_time_entry(&mut self, task: TaskId, entry: TimeEntryId) -> ModelResult {
        let index = self.task_index(task).ok_or(ModelError::UnknownTask(task))?;
        let position = self.tasks[index]
            .time_entries
            .iter()
            .position(|known| known.id == entry)
            .ok_or(ModelError::UnknownTimeEntry(entry))?;
        Arc::make_mut(&mut self.tasks[index])
            .time_entries
            .remove(position);
        Ok(())
    }

    fn check_entry(&self, entry: &mut TimeEntry) -> ModelResult {
        if !self.team.contains(&entry.person) {
            return Err(ModelError::NotOnTeam(entry.person));
        }
        check_entry_fields(entry)
    }

    /// Starts a timer on `task` for `person` at `now` (UTC).
    pub fn start_timer(
        &mut self,
        task: TaskId,
        person: PersonId,
        now: NaiveDateTime,
    ) -> ModelResult {
        let index = self.task_index(task).ok_or(ModelError::UnknownTask(task))?;
        if self.tasks[index].timer.is_some() {
            return Err(ModelError::TimerRunning(task));
        }
        if !self.team.contains(&person) {
            return Err(ModelError::NotOnTeam(person));
        }
        check_date(now.date())?;
        Arc::make_mut(&mut self.tasks[index]).timer = Some(Timer {
            person,
            started: now,
        });
        Ok(())
    }

    /// Stops the timer on `task` and logs the elapsed time as entry `entry`, dated the day the
    /// timer was started. Returns the hours logged.
    pub fn stop_timer(
        &mut self,
        task: TaskId,
        entry: TimeEntryId,
        now: NaiveDateTime,
    ) -> ModelResult<Hours> {
        let index = self.task_index(task).ok_or(ModelError::UnknownTask(task))?;
        let timer = self.tasks[index].timer.ok_or(ModelError::NoTimer(task))?;
        let hours = timer.elapsed(now);
        let task_mut = Arc::make_mut(&mut self.tasks[index]);
        task_mut.timer = None;
        task_mut.time_entries.push(TimeEntry {
            id: entry,
            date: timer.started.date(),
            person: timer.person,
            hours,
            note: String::new(),
        });
        Ok(hours)
    }

    // ----- Baselines, scope log, risks, meetings -----

    /// Baselines, oldest first.
    pub fn baselines(&self) -> &[Baseline] {
        &self.baselines
    }

    /// The current baseline: the most recent one.
    pub fn baseline(&self) -> Option<&Baseline> {
        self.baselines.last()
    }

    /// Adds a baseline; it becomes the current one.
    pub fn add_baseline(&mut self, mut baseline: Baseline) -> ModelResult {
        if self.baselines.iter().any(|known| known.id == baseline.id) {
            return Err(ModelError::DuplicateId(baseline.id.uuid()));
        }
        baseline.name = checked_name(&baseline.name, Field::BaselineName)?;
        check_date(baseline.created)?;
        self.baselines.push(baseline);
        Ok(())
    }

    /// Deletes a baseline.
    pub fn remove_baseline(&mut self, id: BaselineId) -> ModelResult {
        let before = self.baselines.len();
        self.baselines.retain(|baseline| baseline.id != id);
        if self.baselines.len() == before {
            return Err(ModelError::UnknownBaseline(id));
        }
        Ok(())
    }

    /// The scope change log, oldest first.
    pub fn scope_log(&self) -> &[ScopeChange] {
        &self.scope_log
    }

    /// Appends entries to the scope log (see `scope::record_changes`).
    pub fn append_scope_changes(&mut self, changes: Vec<ScopeChange>) {
        self.scope_log.extend(changes);
    }

    /// Sets the reason typed for a scope change.
    pub fn set_scope_reason(&mut self, id: ScopeChangeId, reason: &str) -> ModelResult {
        let reason = checked_block(reason, Field::Note)?;
        let change = self
            .scope_log
            .iter_mut()
            .find(|change| change.id == id)
            .ok_or(ModelError::UnknownScopeChange(id))?;
        change.reason = reason;
        Ok(())
    }

    /// Risks and issues, in the order they were added.
    pub fn risks(&self) -> &[Risk] {
        &self.risks
    }

    /// Adds a risk or issue; its owner must be on the team.
    pub fn add_risk(&mut self, mut risk: Risk) -> ModelResult {
        if self.risks.iter().any(|known| known.id == risk.id) {
            return Err(ModelError::DuplicateId(risk.id.uuid()));
        }
        self.check_risk(&mut risk)?;
        self.risks.push(risk);
        Ok(())
    }

    /// Replaces the risk with the same id.
    pub fn update_risk(&mut self, mut risk: Risk) -> ModelResult {
        let position = self
            .risks
            .iter()
            .position(|known| known.id == risk.id)
            .ok_or(ModelError::UnknownRisk(risk.id))?;
        self.check_risk(&mut risk)?;
        self.risks[position] = risk;
        Ok(())
    }

    /// Deletes a risk.
    pub fn remove_risk(&mut self, id: RiskId) -> ModelResult {
        let before = self.risks.len();
        self.risks.retain(|risk| risk.id != id);
        if self.risks.len() == before {
            return Err(ModelError::UnknownRisk(id));
        }
        Ok(())
    }

    fn check_risk(&self, risk: &mut Risk) -> ModelResult {
        if let Some(owner) = risk.owner {
            if !self.team.contains(&owner) {
                return Err(ModelError::NotOnTeam(owner));
            }
        }
        check_risk_fields(risk)
    }

    /// Days a stand-up was held, oldest first.
    pub fn standups(&self) -> &[NaiveDate] {
        &self.standups
    }

    /// Records that a stand-up was held on `day` (once per day).
    pub fn record_standup(&mut self, day: NaiveDate) -> ModelResult {
        check_date(day)?;
        if let Err(at) = self.standups.binary_search(&day) {
            self.standups.insert(at, day);
        }
        Ok(())
    }

    /// Days a status report was issued, oldest first.
    pub fn reports(&self) -> &[NaiveDate] {
        &self.reports
    }

    /// Records that a status report was issued on `day` (once per day).
    pub fn record_report(&mut self, day: NaiveDate) -> ModelResult {
        check_date(day)?;
        if let Err(at) = self.reports.binary_search(&day) {
            self.reports.insert(at, day);
        }
        Ok(())
    }

    /// Changes where health turns amber and red.
    pub fn set_health_thresholds(&mut self, thresholds: HealthThresholds) -> ModelResult {
        check_thresholds(&thresholds)?;
        self.health = thresholds;
        Ok(())
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

/// Completing and reopening: entering done sets 100 % and the completion date, leaving done
/// clears the date.
fn apply_done_rules(task: &mut Task, was_done: bool, is_done: bool, today: NaiveDate) {
    if is_done && (!was_done || task.completed.is_none()) {
        task.progress = Progress::DONE;
        task.completed = Some(today.max(task.created));
    } else if !is_done && was_done {
        task.completed = None;
    }
}

/// Checks a task on its own, cleaning its text: title, text lengths, dates, milestone shape
/// and lags. References are checked against the project elsewhere.
pub(in crate::model) fn check_task_fields(task: &mut Task) -> ModelResult {
    task.title = checked_name(&task.title, Field::TaskTitle)?;
    task.description = checked_block(&task.description, Field::TaskDescription)?;
    task.tags = text::clean_tags(&task.tags);
    if task.tags.len() > text::MAX_TAGS {
        return Err(ModelError::TooManyTags {
            max: text::MAX_TAGS,
        });
    }
    if task
        .tags
        .iter()
        .any(|tag| tag.chars().count() > text::MAX_TAG_CHARS)
    {
        return Err(ModelError::TooLong {
            field: Field::Tag,
            max: text::MAX_TAG_CHARS,
        });
    }
    for date in [
        Some(task.start),
        Some(task.end),
        Some(task.created),
        task.completed,
    ]
    .into_iter()
    .flatten()
    {
        check_date(date)?;
    }
    if task.end < task.start {
        return Err(ModelError::EndBeforeStart {
            start: task.start,
            end: task.end,
        });
    }
    if task.milestone && task.start != task.end {
        return Err(ModelError::MilestoneSpansDays {
            start: task.start,
            end: task.end,
        });
    }
    check_money(task.fixed_cost)?;
    check_money(task.actual_fixed_cost)?;
    for dependency in &task.dependencies {
        if dependency.predecessor == task.id {
            return Err(ModelError::SelfDependency(task.id));
        }
        if dependency.lag.abs() > MAX_LAG_DAYS {
            return Err(ModelError::LagOutOfRange(dependency.lag));
        }
    }
    Ok(())
}

/// A one-line name, cleaned, non-empty and not too long.
pub(in crate::model) fn checked_name(name: &str, field: Field) -> ModelResult<String> {
    let cleaned = text::clean_line(name);
    if cleaned.is_empty() {
        return Err(ModelError::Blank(field));
    }
    if cleaned.chars().count() > text::MAX_NAME_CHARS {
        return Err(ModelError::TooLong {
            field,
            max: text::MAX_NAME_CHARS,
        });
    }
    Ok(cleaned)
}

/// Free text, cleaned and not too long; may be empty.
pub(in crate::model) fn checked_block(value: &str, field: Field) -> ModelResult<String> {
    let cleaned = text::clean_block(value);
    if cleaned.chars().count() > text::MAX_TEXT_CHARS {
        return Err(ModelError::TooLong {
            field,
            max: text::MAX_TEXT_CHARS,
        });
    }
    Ok(cleaned)
}

pub(in crate::model) fn check_date(date: NaiveDate) -> ModelResult {
    if date_in_range(date) {
        Ok(())
    } else {
        Err(ModelError::DateOutOfRange(date))
    }
}

pub(in crate::model) fn check_money(amount: Money) -> ModelResult {
    if amount.0 < 0 {
        Err(ModelError::NegativeMoney(amount.0))
    } else if amount > Money::MAX {
        Err(ModelError::MoneyTooLarge(amount.0))
    } else {
        Ok(())
    }
}

pub(in crate::model) fn check_calendar(calendar: &Calendar) -> ModelResult {
    if calendar.working_weekdays.is_empty() {
        return Err(ModelError::NoWorkingDays);
    }
    calendar
        .holidays
        .iter()
        .chain(&calendar.working_days)
        .try_for_each(|day| check_date(*day))
}

pub(in crate::model) fn check_entry_fields(entry: &mut TimeEntry) -> ModelResult {
    check_date(entry.date)?;
    if entry.hours == Hours::ZERO || entry.hours > MAX_ENTRY_HOURS {
        return Err(ModelError::EntryHours(entry.hours));
    }
    entry.note = checked_block(&entry.note, Field::Note)?;
    Ok(())
}

pub(in crate::model) fn check_risk_fields(risk: &mut Risk) -> ModelResult {
    risk.title = checked_name(&risk.title, Field::RiskTitle)?;
    if let Some(due) = risk.due {
        check_date(due)?;
    }
    Ok(())
}

pub(in crate::model) fn check_thresholds(thresholds: &HealthThresholds) -> ModelResult {
    let ordered = thresholds.budget_red_cpi <= thresholds.budget_amber_cpi
        && thresholds.schedule_amber_days <= thresholds.schedule_red_days
        && thresholds.scope_amber_percent <= thresholds.scope_red_percent
        && thresholds.budget_amber_cpi <= 10_000
        && thresholds.scope_red_percent <= 10_000
        && thresholds.schedule_red_days <= 10_000;
    if ordered {
        Ok(())
    } else {
        Err(ModelError::Thresholds)
    }
}

pub(in crate::model) fn check_column(column: &mut Column) -> ModelResult {
    column.name = checked_name(&column.name, Field::ColumnName)?;
    if column.wip_limit == Some(0) {
        return Err(ModelError::ZeroWipLimit);
    }
    Ok(())
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
