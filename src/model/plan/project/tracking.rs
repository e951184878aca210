//! Time tracking on a project's tasks: logging, editing and deleting time entries, and the
//! timers that log time when stopped.

use super::checks::{check_date, check_entry_fields};
use super::Project;
use crate::model::error::{ModelError, ModelResult};
use crate::model::ids::{PersonId, TaskId, TimeEntryId};
use crate::model::tracking::{TimeEntry, Timer};
use crate::model::units::Hours;
use chrono::NaiveDateTime;
use std::sync::Arc;

impl Project {
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
}
