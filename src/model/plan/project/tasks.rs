//! The commands on tasks: adding, editing, dating, removing and moving cards, and the links
//! between tasks. Each checks through `checks` first and changes nothing on error.

use super::checks::check_date;
use super::{ColumnCategory, Project};
use crate::model::error::{ModelError, ModelResult};
use crate::model::ids::{ColumnId, TaskId};
use crate::model::task::{Constraint, Dependency, Task};
use crate::model::units::Progress;
use chrono::NaiveDate;
use std::sync::Arc;

impl Project {
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
        self.set_task_dates_of(index, start, end)
    }

    /// [`Project::set_task_dates`] for the task at `index` in [`Project::tasks`], which must
    /// exist: for callers that know where the task is (a scan of 50,000 tasks costs about a
    /// millisecond in the browser).
    pub(in crate::model) fn set_task_dates_of(
        &mut self,
        index: usize,
        start: NaiveDate,
        end: NaiveDate,
    ) -> ModelResult {
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
        let before_at = match before {
            Some(before) => {
                let at = self
                    .task_index(before)
                    .ok_or(ModelError::UnknownTask(before))?;
                if self.tasks[at].column != column {
                    return Err(ModelError::UnknownTask(before));
                }
                Some(at).filter(|_| before != id)
            }
            None => None,
        };
        let was_done = self.column_is_done(self.tasks[from].column);
        let mut card = self.tasks.remove(from);
        if card.column != column || to_done != was_done {
            let task = Arc::make_mut(&mut card);
            task.column = column;
            apply_done_rules(task, was_done, to_done, today);
        }
        let at = match before_at {
            // Found before the card was taken out: one place less when it came after it.
            Some(at) if at > from => at - 1,
            Some(at) => at,
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
}

/// Completing and reopening: entering done sets 100 % and the completion date, leaving done
/// clears the date.
pub(super) fn apply_done_rules(task: &mut Task, was_done: bool, is_done: bool, today: NaiveDate) {
    if is_done && (!was_done || task.completed.is_none()) {
        task.progress = Progress::DONE;
        task.completed = Some(today.max(task.created));
    } else if !is_done && was_done {
        task.completed = None;
    }
}
