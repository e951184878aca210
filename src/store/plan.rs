//! Verbs for the plan's dates and baselines: moving and resizing tasks on the timeline, and
//! saving baselines. Successors follow through auto-scheduling in `commands::after_change`.

use super::clock::RandomIds;
use super::{AppError, AppState};
use crate::model::{Baseline, BaselineId, ProjectId, TaskId};
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
    /// current baseline. The error goes to the global alert.
    pub fn set_baseline(self, project: ProjectId, name: &str) -> Option<BaselineId> {
        self.save_baseline(project, name)
            .map_err(|error| self.fail(error))
            .ok()
    }

    /// Like [`AppState::set_baseline`], handing the error back for a dialog to show beside
    /// the name.
    pub fn save_baseline(self, project: ProjectId, name: &str) -> Result<BaselineId, AppError> {
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
}
