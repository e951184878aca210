//! The scope change log: what was added, removed or re-estimated after the baseline was set.
//!
//! [`record_changes`] compares the project before and after a store command and returns the new
//! log entries; the store appends them with `Project::append_scope_changes`. [`scope_growth`]
//! measures estimated hours against the baseline for the health check, and [`changes_since`]
//! picks the entries for a status report. Summary tasks are left out everywhere: their figures
//! belong to their subtasks.

use crate::model::cost::{planned_cost, summary_ids, PreciseMoney, Rates};
use crate::model::diff::{task_differences, TaskDifference};
use crate::model::ids::{IdSource, ScopeChangeId, TaskId};
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::ratio::Ratio;
use crate::model::task::Task;
use crate::model::units::{Hours, Money};
use chrono::NaiveDate;
use std::collections::HashSet;

pub use crate::model::plan::scope_change::{ScopeChange, ScopeChangeKind};

/// The scope log entries for going from `before` to `after`, dated `today`: a task added, a task
/// removed, or an estimate changed. Nothing is recorded while `after` has no baseline, and
/// summary tasks are skipped (removing one records its subtasks). Planned cost deltas use the
/// current rates of `people`.
///
/// Runs after every store command, so it reads only the tasks that differ
/// ([`task_differences`]).
pub fn record_changes(
    before: &Project,
    after: &Project,
    people: &[Person],
    today: NaiveDate,
    ids: &mut dyn IdSource,
) -> Vec<ScopeChange> {
    if after.baseline().is_none() {
        return Vec::new();
    }
    let differences = task_differences(before.tasks(), after.tasks());
    if differences.is_empty() {
        return Vec::new();
    }
    let summaries_before = Summaries::of(before, differences.len());
    let summaries_after = Summaries::of(after, differences.len());
    let rates = Rates::new(people);
    let cost = |task: &Task| planned_cost(task, &rates);
    let mut changes = Vec::new();
    let mut record = |task: &Task, kind, hours_before, hours_after, delta: PreciseMoney| {
        changes.push(ScopeChange {
            id: ScopeChangeId::new(ids),
            date: today,
            task: task.id,
            title: task.title.clone(),
            kind,
            hours_before,
            hours_after,
            delta_cost: delta.rounded(),
            reason: String::new(),
        });
    };
    for difference in differences {
        match difference {
            TaskDifference::Added(task) if !summaries_after.contains(&task.id) => record(
                task,
                ScopeChangeKind::Added,
                Hours::ZERO,
                task.estimate,
                cost(task),
            ),
            TaskDifference::Removed(task) if !summaries_before.contains(&task.id) => record(
                task,
                ScopeChangeKind::Removed,
                task.estimate,
                Hours::ZERO,
                PreciseMoney::ZERO - cost(task),
            ),
            TaskDifference::Changed { before, after }
                if before.estimate != after.estimate
                    && !summaries_before.contains(&before.id)
                    && !summaries_after.contains(&after.id) =>
            {
                record(
                    after,
                    ScopeChangeKind::Reestimated,
                    before.estimate,
                    after.estimate,
                    cost(after) - cost(before),
                )
            }
            _ => {}
        }
    }
    changes
}

/// Answers "is this a summary task?" for a few differing tasks by scanning (no allocation),
/// and for many through a set built once, so the check stays linear either way.
enum Summaries<'a> {
    Scan(&'a Project),
    Set(HashSet<TaskId>),
}

impl<'a> Summaries<'a> {
    fn of(project: &'a Project, lookups: usize) -> Summaries<'a> {
        if lookups <= 4 {
            Summaries::Scan(project)
        } else {
            Summaries::Set(summary_ids(project))
        }
    }

    fn contains(&self, id: &TaskId) -> bool {
        match self {
            Summaries::Scan(project) => project.is_summary(*id),
            Summaries::Set(set) => set.contains(id),
        }
    }
}

/// Estimated hours now against the baseline, leaf tasks only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScopeGrowth {
    /// Σ estimate of the baseline's leaf tasks.
    pub baseline_hours: Hours,
    /// Σ estimate of today's leaf tasks (done ones included).
    pub current_hours: Hours,
    /// (current − baseline) / baseline; `None` when the baseline has no hours.
    pub change: Option<Ratio>,
}

/// Scope change of `project` against its current baseline, or `None` without a baseline.
pub fn scope_growth(project: &Project) -> Option<ScopeGrowth> {
    let baseline = project.baseline()?;
    let baseline_centi: i128 = baseline
        .tasks
        .iter()
        .filter(|task| !task.summary)
        .map(|task| i128::from(task.estimate.centi()))
        .sum();
    let summaries = summary_ids(project);
    let current_centi: i128 = project
        .tasks()
        .iter()
        .filter(|task| !summaries.contains(&task.id))
        .map(|task| i128::from(task.estimate.centi()))
        .sum();
    let hours = |centi: i128| Hours::from_centi(u32::try_from(centi).unwrap_or(u32::MAX));
    Some(ScopeGrowth {
        baseline_hours: hours(baseline_centi),
        current_hours: hours(current_centi),
        change: Ratio::new(current_centi - baseline_centi, baseline_centi),
    })
}

/// Scope log entries dated from `since` (inclusive; all when `None`) to `until` (inclusive),
/// oldest first. Inclusive at the start so a change made on a report's own day is never missed.
pub fn changes_since(
    project: &Project,
    since: Option<NaiveDate>,
    until: NaiveDate,
) -> impl Iterator<Item = &ScopeChange> {
    project.scope_log().iter().filter(move |change| {
        since.is_none_or(|since| change.date >= since) && change.date <= until
    })
}

/// Σ planned cost change of `changes` (the sum of the logged figures).
pub fn total_delta_cost<'a>(changes: impl IntoIterator<Item = &'a ScopeChange>) -> Money {
    changes.into_iter().map(|change| change.delta_cost).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{date, TestPlan};
    use crate::model::Progress;

    fn record(before: &Project, plan: &mut TestPlan) -> Vec<ScopeChange> {
        let after = plan.project().clone();
        let people = plan.workspace.people().to_vec();
        record_changes(before, &after, &people, date("2026-03-10"), &mut plan.ids)
    }

    #[test]
    fn nothing_is_recorded_before_a_baseline_exists() {
        let mut plan = TestPlan::new("2026-03-02");
        let before = plan.project().clone();
        plan.task("Build", "2026-03-02", "2026-03-06", 10, None);
        assert!(record(&before, &mut plan).is_empty());
    }

    #[test]
    fn a_new_estimate_is_logged_with_hours_and_cost_delta() {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 3_333);
        let build = plan.task("Build", "2026-03-02", "2026-03-06", 10, Some(ada));
        plan.baseline("2026-03-02");
        let before = plan.project().clone();
        plan.edit(build, |task| task.estimate = Hours::from_centi(1_150));
        let changes = record(&before, &mut plan);
        assert_eq!(changes.len(), 1);
        let change = &changes[0];
        assert_eq!(change.kind, ScopeChangeKind::Reestimated);
        assert_eq!(change.task, build);
        assert_eq!(change.title, "Build");
        assert_eq!(change.date, date("2026-03-10"));
        assert_eq!(change.hours_before, Hours::whole(10));
        assert_eq!(change.hours_after, Hours::from_centi(1_150));
        // 1.5 h × 33.33 = 49.995, shown as 50.00.
        assert_eq!(change.delta_cost, Money(5_000));
    }

    #[test]
    fn other_edits_are_not_scope_changes() {
        let mut plan = TestPlan::new("2026-03-02");
        let build = plan.task("Build", "2026-03-02", "2026-03-06", 10, None);
        plan.baseline("2026-03-02");
        let before = plan.project().clone();
        plan.edit(build, |task| {
            task.title = "Build it".to_string();
            task.progress = Progress::new(50).expect("valid");
        });
        assert!(record(&before, &mut plan).is_empty());
    }

    #[test]
    fn added_and_removed_tasks_are_logged_but_summaries_are_not() {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 10_000);
        let phase = plan.task("Phase", "2026-03-02", "2026-03-06", 0, None);
        let mut design = plan.draft("Design", "2026-03-02", "2026-03-03");
        design.parent = Some(phase);
        design.estimate = Hours::whole(4);
        design.assignee = Some(ada);
        let design = plan.add(design);
        plan.baseline("2026-03-02");
        let before = plan.project().clone();
        plan.project_mut().remove_task(phase).expect("exists");
        let mut extra = plan.draft("Extra", "2026-03-04", "2026-03-04");
        extra.estimate = Hours::whole(2);
        extra.assignee = Some(ada);
        let extra = plan.add(extra);
        let changes = record(&before, &mut plan);
        let summary: Vec<_> = changes
            .iter()
            .map(|change| (change.task, change.kind, change.delta_cost))
            .collect();
        assert_eq!(
            summary,
            vec![
                (extra, ScopeChangeKind::Added, Money(20_000)),
                (design, ScopeChangeKind::Removed, Money(-40_000)),
            ]
        );
    }

    #[test]
    fn scope_growth_compares_leaf_hours_with_the_baseline() {
        let mut plan = TestPlan::new("2026-03-02");
        let build = plan.task("Build", "2026-03-02", "2026-03-06", 40, None);
        plan.baseline("2026-03-02");
        assert_eq!(
            scope_growth(plan.project()).and_then(|growth| growth.change),
            Ratio::new(0, 4_000)
        );
        plan.edit(build, |task| task.estimate = Hours::whole(45));
        let growth = scope_growth(plan.project()).expect("baseline");
        assert_eq!(growth.baseline_hours, Hours::whole(40));
        assert_eq!(growth.current_hours, Hours::whole(45));
        let change = growth.change.expect("baseline has hours");
        assert!(change.is_above_percent(12));
        assert!(!change.is_above_percent(13));
    }

    #[test]
    fn a_baseline_without_hours_gives_no_percentage() {
        let mut plan = TestPlan::new("2026-03-02");
        plan.milestone("Kick-off", "2026-03-02");
        plan.baseline("2026-03-02");
        assert_eq!(
            scope_growth(plan.project()).map(|growth| growth.change),
            Some(None)
        );
        assert_eq!(
            scope_growth(&TestPlan::new("2026-03-02").project().clone()),
            None
        );
    }

    #[test]
    fn changes_since_a_date_include_that_day() {
        let mut plan = TestPlan::new("2026-03-02");
        let build = plan.task("Build", "2026-03-02", "2026-03-06", 10, None);
        plan.baseline("2026-03-02");
        for (day, hours) in [("2026-03-03", 12), ("2026-03-05", 14), ("2026-03-09", 16)] {
            let before = plan.project().clone();
            plan.edit(build, |task| task.estimate = Hours::whole(hours));
            let after = plan.project().clone();
            let changes = record_changes(&before, &after, &[], date(day), &mut plan.ids);
            plan.project_mut().append_scope_changes(changes);
        }
        let days: Vec<NaiveDate> =
            changes_since(plan.project(), Some(date("2026-03-05")), date("2026-03-06"))
                .map(|change| change.date)
                .collect();
        assert_eq!(days, vec![date("2026-03-05")]);
        assert_eq!(
            changes_since(plan.project(), None, date("2026-03-31")).count(),
            3
        );
    }
}
