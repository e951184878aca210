//! Verbs for the plan's dates, links and baselines, most of them the Timeline's: setting a
//! task's dates, dropping a dragged bar (no undo step when its links hold it in place), nudging
//! and stretching a task by whole days from the keyboard, linking by dragging, editing a
//! dependency, and setting and deleting baselines (also from the Dashboard).
//!
//! Each verb is one model command through `apply` or `try_apply`, so it is undoable and
//! auto-scheduling moves the successors at once. View state (zoom, the critical-path and
//! baseline toggles) is not here: it lives in the Timeline's local signals and is never
//! exported.

use super::clock::RandomIds;
use super::{AppError, AppState};
use crate::model::calendar::shift;
use crate::model::{schedule, Baseline, BaselineId, Dependency, ProjectId, TaskId, Workspace};
use chrono::NaiveDate;
use leptos::prelude::*;

impl AppState {
    /// Moves or resizes a task to `start..=end`; successors that would break a link follow.
    pub fn set_task_dates(
        self,
        project: ProjectId,
        task: TaskId,
        start: NaiveDate,
        end: NaiveDate,
    ) -> bool {
        self.apply("Change dates", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .set_task_dates(task, start, end)?)
        })
        .is_some()
    }

    /// Saves a named snapshot of every task's dates, estimate and cost inputs; it becomes the
    /// current baseline. The error comes back for the dialog to show beside the name.
    pub fn set_baseline(self, project: ProjectId, name: &str) -> Result<BaselineId, AppError> {
        let today = self.today.get_untracked();
        let id = BaselineId::new(&mut RandomIds);
        self.try_apply("Set baseline", |workspace| {
            let people = workspace.people().to_vec();
            let target = workspace.project_mut(project)?;
            let baseline = Baseline::capture(id, name, target, &people, today);
            target.add_baseline(baseline)?;
            Ok(id)
        })
    }

    /// Deletes a baseline.
    pub fn remove_baseline(self, project: ProjectId, baseline: BaselineId) -> bool {
        self.apply("Delete baseline", |workspace| {
            Ok(workspace.project_mut(project)?.remove_baseline(baseline)?)
        })
        .is_some()
    }

    /// Moves or resizes a task to `start..=end` as a drag drops it, like
    /// [`AppState::set_task_dates`], but makes no undo step when its links would hold it where
    /// it is (a successor dragged before its predecessor allows). Returns whether it moved.
    pub fn drop_task_dates(
        self,
        project: ProjectId,
        task: TaskId,
        start: NaiveDate,
        end: NaiveDate,
    ) -> bool {
        let moves = self
            .workspace()
            .with_untracked(|workspace| would_move(workspace, project, task, start, end));
        moves && self.set_task_dates(project, task, start, end)
    }

    /// Moves a task `days` calendar days later (earlier when negative), keeping its length.
    /// Summary tasks follow their subtasks and are not moved. Returns whether it moved.
    pub fn shift_task(self, project: ProjectId, task: TaskId, days: i64) -> bool {
        if days == 0 || self.is_summary_task(project, task) {
            return false;
        }
        let Some((start, end)) = self.workspace().with_untracked(|workspace| {
            workspace
                .find_project(project)
                .and_then(|project| project.find_task(task))
                .map(|task| (shift(task.start, days), shift(task.end, days)))
        }) else {
            return false;
        };
        self.drop_task_dates(project, task, start, end)
    }

    /// Moves a task's end `days` calendar days later (earlier when negative), never before its
    /// start. Milestones and summary tasks have no end of their own to stretch. Returns
    /// whether the end changed.
    pub fn stretch_task(self, project: ProjectId, task: TaskId, days: i64) -> bool {
        if self.is_summary_task(project, task) {
            return false;
        }
        let Some((start, end, milestone)) = self.workspace().with_untracked(|workspace| {
            workspace
                .find_project(project)
                .and_then(|project| project.find_task(task))
                .map(|task| (task.start, task.end, task.milestone))
        }) else {
            return false;
        };
        let new_end = shift(end, days).max(start);
        if milestone || new_end == end {
            return false;
        }
        self.drop_task_dates(project, task, start, new_end)
    }

    /// Makes `successor` wait for `predecessor` to finish, as dragging from one bar's connector
    /// to another does. A loop is refused and shown with the tasks named.
    pub fn link_finish_to_start(
        self,
        project: ProjectId,
        predecessor: TaskId,
        successor: TaskId,
    ) -> bool {
        self.link_tasks(project, successor, Dependency::finish_to_start(predecessor))
    }

    /// Changes a dependency's kind or lag, handing the error back for the dialog to show.
    pub fn edit_dependency(
        self,
        project: ProjectId,
        successor: TaskId,
        dependency: Dependency,
    ) -> Result<(), AppError> {
        self.try_apply("Edit dependency", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .update_dependency(successor, dependency)?)
        })
    }

    fn is_summary_task(self, project: ProjectId, task: TaskId) -> bool {
        self.workspace().with_untracked(|workspace| {
            workspace
                .find_project(project)
                .is_some_and(|project| project.is_summary(task))
        })
    }
}

/// False when moving `task` to `start..=end` would change nothing because auto-scheduling would
/// put it straight back. True otherwise, including when the model refuses the dates, so that the
/// real change reports why.
fn would_move(
    workspace: &Workspace,
    project: ProjectId,
    task: TaskId,
    start: NaiveDate,
    end: NaiveDate,
) -> bool {
    let Some(project) = workspace.find_project(project) else {
        return true;
    };
    let Some(current) = project.find_task(task).map(|task| (task.start, task.end)) else {
        return true;
    };
    let mut trial = project.clone();
    if trial.set_task_dates(task, start, end).is_err() {
        return true;
    }
    schedule::reschedule(&mut trial, &[task]);
    trial.find_task(task).map(|task| (task.start, task.end)) != Some(current)
}

#[cfg(test)]
mod tests {
    use super::super::persist::Saved;
    use super::*;
    use crate::model::testing::{date, TestPlan};
    use crate::model::{LinkKind, ModelError};

    /// A project with Design (Mon 4–Wed 6 Jan 2027) → Build (Thu 7–Fri 8), finish to start.
    fn state() -> (AppState, ProjectId, TaskId, TaskId) {
        let mut plan = TestPlan::new("2027-01-04");
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        let build = plan.task("Build", "2027-01-07", "2027-01-08", 0, None);
        plan.link(build, Dependency::finish_to_start(design));
        (
            AppState::with_workspace(plan.workspace, Saved::default()),
            plan.project,
            design,
            build,
        )
    }

    fn dates(state: AppState, project: ProjectId, task: TaskId) -> (NaiveDate, NaiveDate) {
        state.workspace().with_untracked(|workspace| {
            let task = workspace
                .project(project)
                .and_then(|project| project.task(task))
                .expect("the task exists");
            (task.start, task.end)
        })
    }

    #[test]
    fn shifting_a_task_moves_its_successor_at_once_and_undoes_in_one_step() {
        let owner = Owner::new();
        owner.set();
        let (state, project, design, build) = state();
        assert!(state.shift_task(project, design, 1));
        assert_eq!(
            dates(state, project, design),
            (date("2027-01-05"), date("2027-01-07"))
        );
        assert_eq!(
            dates(state, project, build),
            (date("2027-01-08"), date("2027-01-11"))
        );
        state.undo();
        assert_eq!(
            dates(state, project, build),
            (date("2027-01-07"), date("2027-01-08"))
        );
    }

    #[test]
    fn a_successor_nudged_before_its_predecessor_allows_is_held_by_the_link() {
        let owner = Owner::new();
        owner.set();
        let (state, project, _, build) = state();
        assert!(!state.shift_task(project, build, -1));
        assert_eq!(
            dates(state, project, build),
            (date("2027-01-07"), date("2027-01-08"))
        );
        assert!(
            !state.history_marks.get_untracked().0,
            "no undo step for a move that changed nothing"
        );
        assert!(!state.drop_task_dates(project, build, date("2027-01-05"), date("2027-01-06")));
        assert!(state.drop_task_dates(project, build, date("2027-01-08"), date("2027-01-11")));
    }

    #[test]
    fn stretching_changes_the_end_but_never_before_the_start() {
        let owner = Owner::new();
        owner.set();
        let (state, project, design, _) = state();
        assert!(state.stretch_task(project, design, -1));
        assert_eq!(
            dates(state, project, design),
            (date("2027-01-04"), date("2027-01-05"))
        );
        assert!(state.stretch_task(project, design, -5));
        assert_eq!(
            dates(state, project, design),
            (date("2027-01-04"), date("2027-01-04"))
        );
        assert!(!state.stretch_task(project, design, -1), "already one day");
        assert!(state.error.get_untracked().is_none());
    }

    #[test]
    fn summary_tasks_are_not_nudged() {
        let owner = Owner::new();
        owner.set();
        let (state, project, design, build) = state();
        state.apply("Nest", |workspace| {
            let target = workspace.project_mut(project)?;
            target.unlink_tasks(build, design)?;
            let mut task = target.task(build)?.clone();
            task.parent = Some(design);
            Ok(target.update_task(task, date("2027-01-04"))?)
        });
        assert!(!state.shift_task(project, design, 1));
        assert!(!state.stretch_task(project, design, 1));
    }

    #[test]
    fn linking_back_makes_a_loop_and_is_refused_with_the_path() {
        let owner = Owner::new();
        owner.set();
        let (state, project, design, build) = state();
        assert!(!state.link_finish_to_start(project, build, design));
        match state.error.get_untracked() {
            Some(AppError::Model(ModelError::Cycle { path })) => {
                assert!(path.contains(&design) && path.contains(&build));
            }
            other => panic!("expected a cycle error, got {other:?}"),
        }
    }

    #[test]
    fn dependency_edits_and_baselines_hand_their_errors_back() {
        let owner = Owner::new();
        owner.set();
        let (state, project, design, build) = state();
        let too_far = Dependency {
            predecessor: design,
            kind: LinkKind::StartToStart,
            lag: 5000,
        };
        assert_eq!(
            state.edit_dependency(project, build, too_far),
            Err(AppError::Model(ModelError::LagOutOfRange(5000)))
        );
        assert!(state.error.get_untracked().is_none());
        let start_to_start = Dependency { lag: 1, ..too_far };
        assert_eq!(
            state.edit_dependency(project, build, start_to_start),
            Ok(())
        );
        assert!(state.set_baseline(project, "  ").is_err());
        let id = state.set_baseline(project, "Approved").expect("a baseline");
        state.workspace().with_untracked(|workspace| {
            let project = workspace.project(project).expect("the project exists");
            assert_eq!(project.baseline().map(|baseline| baseline.id), Some(id));
            assert_eq!(
                project
                    .task(build)
                    .expect("build exists")
                    .dependency_on(design),
                Some(&start_to_start)
            );
        });
    }
}
