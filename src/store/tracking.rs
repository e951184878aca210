//! Time tracking verbs: logging, editing and deleting time entries, and the start/stop timer.
//!
//! Each verb is one model command (`Project::log_time`, `start_timer`, …) run through
//! `AppState::try_apply`, so it is one undo step and forms get the refusal back to show beside
//! their fields. The clock is read here (`AppState::now`, `today`), never in the model. Fixed
//! costs are task fields and are saved by the task editor; the elapsed time of a running timer
//! is derived in the view and never stored.

use super::clock::RandomIds;
use super::{AppError, AppState};
use crate::model::{Hours, PersonId, ProjectId, TaskId, TimeEntry, TimeEntryId};
use chrono::NaiveDate;

/// A time entry as a form fills it in, before it has an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryDraft {
    /// The day the work was done.
    pub date: NaiveDate,
    /// Who did it; must be on the project's team.
    pub person: PersonId,
    /// More than 0 and at most 24.
    pub hours: Hours,
    /// What was done; may be empty.
    pub note: String,
}

impl EntryDraft {
    fn into_entry(self, id: TimeEntryId) -> TimeEntry {
        TimeEntry {
            id,
            date: self.date,
            person: self.person,
            hours: self.hours,
            note: self.note,
        }
    }
}

impl AppState {
    /// Logs time on `task`; returns the new entry's id, or the refusal for the form to show.
    pub fn log_time(
        self,
        project: ProjectId,
        task: TaskId,
        draft: EntryDraft,
    ) -> Result<TimeEntryId, AppError> {
        let id = TimeEntryId::new(&mut RandomIds);
        self.try_apply("Log time", |workspace| {
            workspace
                .project_mut(project)?
                .log_time(task, draft.into_entry(id))?;
            Ok(id)
        })
    }

    /// Replaces entry `entry` on `task` with the values of `draft`.
    pub fn update_time_entry(
        self,
        project: ProjectId,
        task: TaskId,
        entry: TimeEntryId,
        draft: EntryDraft,
    ) -> Result<(), AppError> {
        self.try_apply("Edit time entry", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .update_time_entry(task, draft.into_entry(entry))?)
        })
    }

    /// Deletes a time entry (undoable).
    pub fn remove_time_entry(self, project: ProjectId, task: TaskId, entry: TimeEntryId) -> bool {
        self.apply("Delete time entry", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .remove_time_entry(task, entry)?)
        })
        .is_some()
    }

    /// Starts the timer on `task` for `person`, now. The start is stored in the task, so a
    /// running timer survives a reload.
    pub fn start_timer(self, project: ProjectId, task: TaskId, person: PersonId) -> bool {
        let now = self.now();
        self.apply("Start timer", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .start_timer(task, person, now)?)
        })
        .is_some()
    }

    /// Stops the timer on `task` and logs the elapsed time as an entry; returns the hours.
    pub fn stop_timer(self, project: ProjectId, task: TaskId) -> Option<Hours> {
        let now = self.now();
        let entry = TimeEntryId::new(&mut RandomIds);
        self.apply("Stop timer", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .stop_timer(task, entry, now)?)
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::cost::project_cost;
    use crate::model::testing::date as day;
    use crate::model::{Currency, Money, Person, Project, Task, Workspace};
    use crate::store::persist::Saved;
    use leptos::prelude::*;

    /// A workspace with one project, one person at 100.00/h on its team and one task.
    pub(crate) fn sample() -> (Workspace, ProjectId, TaskId, PersonId) {
        let mut ids = RandomIds;
        let mut workspace = Workspace::default();
        let project_id = ProjectId::new(&mut ids);
        let mut project = Project::new(
            project_id,
            "Intranet",
            day("2026-03-02"),
            Currency::EUR,
            &mut ids,
        )
        .expect("valid project");
        let column = project.columns()[0].id;
        let task = Task::new(
            TaskId::new(&mut ids),
            "Build",
            column,
            day("2026-03-02"),
            day("2026-03-06"),
        );
        let task_id = task.id;
        project
            .add_task(task, day("2026-03-02"))
            .expect("valid task");
        workspace.add_project(project).expect("new project");
        let mut person = Person::new(PersonId::new(&mut ids), "Ada");
        person.hourly_rate = Money(10_000);
        let person_id = person.id;
        workspace
            .add_person(person, Some(project_id))
            .expect("valid person");
        (workspace, project_id, task_id, person_id)
    }

    #[test]
    fn logged_time_becomes_actual_cost_and_can_be_edited_and_undone() {
        let owner = Owner::new();
        owner.set();
        let (workspace, project, task, person) = sample();
        let state = AppState::with_workspace(workspace, Saved::default());
        let draft = EntryDraft {
            date: day("2026-03-03"),
            person,
            hours: Hours::whole(2),
            note: "Set up".to_string(),
        };
        let entry = state
            .log_time(project, task, draft.clone())
            .expect("valid entry");
        let actual = || {
            state.workspace().with_untracked(|workspace| {
                let project = workspace.find_project(project).expect("project exists");
                project_cost(project, workspace.people()).actual
            })
        };
        assert_eq!(actual(), Money(20_000));
        state
            .update_time_entry(
                project,
                task,
                entry,
                EntryDraft {
                    hours: Hours::whole(3),
                    ..draft.clone()
                },
            )
            .expect("valid edit");
        assert_eq!(actual(), Money(30_000));
        state.undo();
        assert_eq!(actual(), Money(20_000));
        assert!(state.remove_time_entry(project, task, entry));
        assert_eq!(actual(), Money::ZERO);
    }

    #[test]
    fn bad_hours_are_refused_and_nothing_changes() {
        let owner = Owner::new();
        owner.set();
        let (workspace, project, task, person) = sample();
        let state = AppState::with_workspace(workspace.clone(), Saved::default());
        let refused = state.log_time(
            project,
            task,
            EntryDraft {
                date: day("2026-03-03"),
                person,
                hours: Hours::whole(25),
                note: String::new(),
            },
        );
        assert!(matches!(refused, Err(AppError::Model(_))));
        assert_eq!(state.workspace().get_untracked(), workspace);
    }

    #[test]
    fn a_timer_runs_until_stopped_and_then_leaves_an_entry() {
        let owner = Owner::new();
        owner.set();
        let (workspace, project, task, person) = sample();
        let state = AppState::with_workspace(workspace, Saved::default());
        assert!(state.start_timer(project, task, person));
        assert!(
            !state.start_timer(project, task, person),
            "one timer per task"
        );
        let hours = state
            .stop_timer(project, task)
            .expect("a timer was running");
        assert!(hours > Hours::ZERO);
        state.workspace().with_untracked(|workspace| {
            let task = workspace
                .find_project(project)
                .and_then(|project| project.find_task(task))
                .expect("task exists");
            assert!(task.timer.is_none());
            assert_eq!(task.time_entries.len(), 1);
            assert_eq!(task.time_entries[0].person, person);
        });
    }
}
