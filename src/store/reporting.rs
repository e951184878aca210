//! Reporting verbs: the scope log's reasons, risks and issues, stand-ups held, reports issued
//! and the health thresholds. Baselines are set with `timeline.rs`'s `set_baseline`.
//!
//! Each verb is one model command through `AppState::apply` or `try_apply` (for forms that
//! show the refusal beside their fields). `today` and new ids are filled in here. The figures
//! these feed (health, earned value, the report itself) are derived in the views, never stored.

use super::clock::RandomIds;
use super::{AppError, AppState};
use crate::model::{HealthThresholds, ProjectId, Risk, RiskId, ScopeChangeId};
use leptos::prelude::*;

impl AppState {
    /// Records why a scope change was made.
    pub fn set_scope_reason(self, project: ProjectId, change: ScopeChangeId, reason: &str) -> bool {
        self.apply("Edit scope change reason", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .set_scope_reason(change, reason)?)
        })
        .is_some()
    }

    /// Adds a risk or issue; its id is filled in here. Returns the id or the refusal.
    pub fn add_risk(self, project: ProjectId, mut risk: Risk) -> Result<RiskId, AppError> {
        risk.id = RiskId::new(&mut RandomIds);
        let id = risk.id;
        self.try_apply("Add risk", |workspace| {
            workspace.project_mut(project)?.add_risk(risk)?;
            Ok(id)
        })
    }

    /// Saves an edited risk or issue.
    pub fn update_risk(self, project: ProjectId, risk: Risk) -> Result<(), AppError> {
        self.try_apply("Edit risk", |workspace| {
            Ok(workspace.project_mut(project)?.update_risk(risk)?)
        })
    }

    /// Deletes a risk or issue (undoable).
    pub fn remove_risk(self, project: ProjectId, risk: RiskId) -> bool {
        self.apply("Delete risk", |workspace| {
            Ok(workspace.project_mut(project)?.remove_risk(risk)?)
        })
        .is_some()
    }

    /// Records that the stand-up was held today, so "since the last stand-up" starts here next
    /// time.
    pub fn record_standup(self, project: ProjectId) -> bool {
        let today = self.today.get_untracked();
        self.apply("Stand-up held", |workspace| {
            Ok(workspace.project_mut(project)?.record_standup(today)?)
        })
        .is_some()
    }

    /// Records that a status report was issued today, so the next report's period starts here.
    pub fn record_report(self, project: ProjectId) -> bool {
        let today = self.today.get_untracked();
        self.apply("Report issued", |workspace| {
            Ok(workspace.project_mut(project)?.record_report(today)?)
        })
        .is_some()
    }

    /// Changes where the project's health turns amber and red; the refusal comes back for the
    /// form.
    pub fn set_health_thresholds(
        self,
        project: ProjectId,
        thresholds: HealthThresholds,
    ) -> Result<(), AppError> {
        self.try_apply("Change health thresholds", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .set_health_thresholds(thresholds)?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{scope::scope_growth, Hours, ScopeChangeKind, Task, TaskId};
    use crate::store::persist::Saved;
    use crate::store::tracking::tests::sample;

    #[test]
    fn a_task_added_after_the_baseline_is_logged_as_a_scope_change_with_its_reason() {
        let owner = Owner::new();
        owner.set();
        let (workspace, project, task, _) = sample();
        let state = AppState::with_workspace(workspace, Saved::default());
        let mut estimated = state.workspace().with_untracked(|workspace| {
            workspace
                .find_project(project)
                .and_then(|project| project.find_task(task))
                .cloned()
                .expect("task exists")
        });
        estimated.estimate = Hours::whole(10);
        assert!(state.update_task(project, estimated.clone()));
        state
            .set_baseline(project, "Approved plan")
            .expect("a valid name");
        let added = Task {
            id: TaskId::new(&mut RandomIds),
            title: "Extra report".to_string(),
            estimate: Hours::whole(2),
            ..estimated
        };
        state.add_task(project, added).expect("valid task");
        let (kind, change, growth) = state.workspace().with_untracked(|workspace| {
            let project = workspace.find_project(project).expect("project exists");
            let change = project.scope_log().last().expect("one change").clone();
            (
                change.kind,
                change.id,
                scope_growth(project).expect("a baseline"),
            )
        });
        assert_eq!(kind, ScopeChangeKind::Added);
        assert_eq!(growth.current_hours, Hours::whole(12));
        assert!(state.set_scope_reason(project, change, "Customer asked for it"));
        state.workspace().with_untracked(|workspace| {
            let project = workspace.find_project(project).expect("project exists");
            assert_eq!(project.scope_log()[0].reason, "Customer asked for it");
        });
    }

    #[test]
    fn a_blank_baseline_name_and_disordered_thresholds_are_refused() {
        let owner = Owner::new();
        owner.set();
        let (workspace, project, _, _) = sample();
        let state = AppState::with_workspace(workspace, Saved::default());
        assert!(state.set_baseline(project, "  ").is_err());
        let thresholds = HealthThresholds {
            budget_red_cpi: 990,
            ..HealthThresholds::default()
        };
        assert!(state.set_health_thresholds(project, thresholds).is_err());
        assert!(state
            .set_health_thresholds(project, HealthThresholds::default())
            .is_ok());
    }

    #[test]
    fn stand_ups_and_reports_are_recorded_once_a_day() {
        let owner = Owner::new();
        owner.set();
        let (workspace, project, _, _) = sample();
        let state = AppState::with_workspace(workspace, Saved::default());
        assert!(state.record_standup(project));
        assert!(state.record_standup(project));
        assert!(state.record_report(project));
        state.workspace().with_untracked(|workspace| {
            let project = workspace.find_project(project).expect("project exists");
            assert_eq!(project.standups().len(), 1);
            assert_eq!(project.reports().len(), 1);
        });
    }
}
