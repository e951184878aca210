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
use super::{AppError, AppState, Scheduling};
use crate::model::calendar::shift;
use crate::model::schedule::Rescheduler;
use crate::model::{Baseline, BaselineId, Dependency, Project, ProjectId, Schedule, TaskId};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

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
    ///
    /// The project's scheduling network is kept from one such change to the next
    /// ([`KeptNetwork`]), so a run of keyboard nudges or drops costs a walk of what lies
    /// downstream of the task each, not a new network.
    pub fn drop_task_dates(
        self,
        project: ProjectId,
        task: TaskId,
        start: NaiveDate,
        end: NaiveDate,
    ) -> bool {
        match self.rescheduler(project) {
            Some(kept) => self.move_dates(kept, task, start, end),
            // Not a project here: the plain verb says so.
            None => self.set_task_dates(project, task, start, end),
        }
    }

    /// Moves a task `days` calendar days later (earlier when negative), keeping its length.
    /// Summary tasks follow their subtasks and are not moved. Returns whether it moved.
    pub fn shift_task(self, project: ProjectId, task: TaskId, days: i64) -> bool {
        if days == 0 {
            return false;
        }
        let Some(kept) = self.rescheduler(project) else {
            return false;
        };
        match kept.facts(task) {
            Some((start, end, _, false)) => {
                self.move_dates(kept, task, shift(start, days), shift(end, days))
            }
            _ => {
                self.keep_network(kept);
                false
            }
        }
    }

    /// Moves a task's end `days` calendar days later (earlier when negative), never before its
    /// start. Milestones and summary tasks have no end of their own to stretch. Returns
    /// whether the end changed.
    pub fn stretch_task(self, project: ProjectId, task: TaskId, days: i64) -> bool {
        let Some(kept) = self.rescheduler(project) else {
            return false;
        };
        match kept.facts(task) {
            Some((start, end, false, false)) if shift(end, days).max(start) != end => {
                self.move_dates(kept, task, start, shift(end, days).max(start))
            }
            _ => {
                self.keep_network(kept);
                false
            }
        }
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
}

/// The scheduling network of one project, kept from one change of dates to the next with
/// the version of the project it was brought up to date with. Any other change gives the
/// workspace a new copy of the project, so the next move finds it stale and builds anew.
#[derive(Clone, Debug)]
pub(crate) struct KeptNetwork {
    project: Arc<Project>,
    rescheduler: Rescheduler,
}

impl KeptNetwork {
    /// Start, end, milestone flag and summary flag of `task`, without a scan.
    fn facts(&self, task: TaskId) -> Option<(NaiveDate, NaiveDate, bool, bool)> {
        self.rescheduler.task_facts(&self.project, task)
    }
}

impl AppState {
    /// The kept network of `project` when it matches the project as it stands, else a new
    /// one; `None` when there is no such project.
    fn rescheduler(self, project: ProjectId) -> Option<KeptNetwork> {
        let current = self.shared_project(project)?;
        let mut kept = None;
        self.kept_network
            .update_value(|stored| kept = stored.take());
        Some(match kept {
            Some(kept) if Arc::ptr_eq(&kept.project, &current) => kept,
            _ => KeptNetwork {
                rescheduler: Rescheduler::new(&current),
                project: current,
            },
        })
    }

    /// The schedule of `project` ([`crate::model::schedule::compute`]), worked out on the
    /// kept network, which is built here when it does not follow this very version of the
    /// project: the Timeline's schedule then leaves the network ready for the first keyboard
    /// nudge or drag, and after each nudge the schedule costs the passes, not a new network.
    pub fn schedule_of(self, project: &Arc<Project>) -> Schedule {
        let follows = self.kept_network.with_value(|kept| {
            kept.as_ref()
                .is_some_and(|kept| Arc::ptr_eq(&kept.project, project))
        });
        if !follows {
            self.keep_network(KeptNetwork {
                project: Arc::clone(project),
                rescheduler: Rescheduler::new(project),
            });
        }
        self.kept_network
            .try_update_value(|kept| kept.as_mut().map(|kept| kept.rescheduler.compute(project)))
            .flatten()
            .unwrap_or_default()
    }

    /// A copy of the kept network when it follows this very version of `project`, for a drag
    /// to start from.
    pub fn rescheduler_for(self, project: &Arc<Project>) -> Option<Rescheduler> {
        self.kept_network.with_value(|kept| {
            kept.as_ref()
                .filter(|kept| Arc::ptr_eq(&kept.project, project))
                .map(|kept| kept.rescheduler.clone())
        })
    }

    /// The workspace's shared copy of `project`, whose address tells its versions apart.
    fn shared_project(self, project: ProjectId) -> Option<Arc<Project>> {
        self.workspace.with_untracked(|workspace| {
            workspace
                .projects()
                .iter()
                .find(|known| known.id == project)
                .cloned()
        })
    }

    /// Keeps `kept` for the next move.
    fn keep_network(self, kept: KeptNetwork) {
        self.kept_network.set_value(Some(kept));
    }

    /// Gives `task` the dates `start..=end` through the kept network, and moves its late
    /// successors, in one undo step. Nothing changes when auto-scheduling would put the task
    /// straight back. Returns whether it moved.
    fn move_dates(
        self,
        mut kept: KeptNetwork,
        task: TaskId,
        start: NaiveDate,
        end: NaiveDate,
    ) -> bool {
        let id = kept.project.id;
        let before = self.workspace.get_untracked();
        let mut next = before.clone();
        let target = match next.project_mut(id) {
            Ok(target) => target,
            Err(error) => {
                self.fail(error.into());
                return false;
            }
        };
        let was = kept.facts(task);
        let (moved, follows) = match kept.rescheduler.move_and_keep(target, task, start, end) {
            Ok(result) => result,
            Err(error) => {
                self.fail(error.into());
                return false;
            }
        };
        let now = kept.rescheduler.task_facts(target, task);
        if was.is_some() && now == was {
            // Held where it was by its links: no change and no undo step.
            return false;
        }
        let successors: Vec<TaskId> = moved
            .iter()
            .filter(|step| step.task != task)
            .filter(|step| {
                kept.rescheduler
                    .task_facts(target, step.task)
                    .is_some_and(|(_, _, _, summary)| !summary)
            })
            .map(|step| step.task)
            .collect();
        self.commit("Change dates", before, next, Scheduling::Done(successors));
        self.error.set(None);
        if follows {
            if let Some(current) = self.shared_project(id) {
                kept.project = current;
                self.keep_network(kept);
            }
        }
        true
    }
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
    fn nudges_in_a_row_and_between_other_changes_schedule_as_a_fresh_network_would() {
        let owner = Owner::new();
        owner.set();
        let (state, project, design, build) = state();
        // Three nudges on the kept network, an undo, an edit elsewhere, then more nudges: each
        // must find the network stale or current and give the same dates as from scratch.
        assert!(state.shift_task(project, design, 1));
        assert!(state.shift_task(project, design, 1));
        assert!(state.shift_task(project, build, 2));
        state.undo();
        assert!(state.rename_project(project, "Renamed"));
        assert!(state.shift_task(project, design, 2));
        assert!(state.stretch_task(project, design, 1));
        let expected = {
            let mut plan = TestPlan::new("2027-01-04");
            let design = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
            let build = plan.task("Build", "2027-01-07", "2027-01-08", 0, None);
            plan.link(build, Dependency::finish_to_start(design));
            for (start, end) in [
                ("2027-01-05", "2027-01-07"),
                ("2027-01-06", "2027-01-08"),
                ("2027-01-08", "2027-01-10"),
                ("2027-01-08", "2027-01-11"),
            ] {
                plan.set_dates(design, start, end);
                crate::model::schedule::reschedule(plan.project_mut(), &[design]);
            }
            let project = plan.project();
            [design, build].map(|id| {
                let task = project.task(id).expect("the task exists");
                (task.start, task.end)
            })
        };
        assert_eq!(
            [dates(state, project, design), dates(state, project, build)],
            expected
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
