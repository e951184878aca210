//! Baselines: named snapshots of the plan that progress is measured against.
//!
//! A baseline keeps every task's dates, estimate and cost inputs (the assignee's hourly rate and
//! the planned fixed cost at the time) so that slip, scope change and earned value can be
//! computed later even after the plan, the rates or the task set have changed.
//!
//! A summary task's baseline dates are derived, not trusted: [`Baseline::dates`] rolls them up
//! from the baseline dates of the leaf tasks below it in the plan's hierarchy, since a summary's
//! stored dates may be stale (a plan edited without rescheduling, or captured before this rule).
//! [`Baseline::capture`] stores them rolled up, and every reader of baseline dates (the
//! Timeline's baseline bars and slip, the forecast's baseline finish, the earned-value series)
//! goes through [`Baseline::dates`].

use crate::model::ids::{BaselineId, IdMap, TaskId};
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::units::{Hours, Money};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One task as it was when the baseline was set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BaselineTask {
    /// The task; it may have been removed since.
    pub task: TaskId,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub estimate: Hours,
    /// The assignee's hourly rate then (zero when unassigned).
    #[serde(default)]
    pub hourly_rate: Money,
    /// The planned fixed cost then.
    #[serde(default)]
    pub fixed_cost: Money,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub milestone: bool,
    /// True for summary tasks, whose figures are the sum of their subtasks'.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub summary: bool,
}

/// A named snapshot of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub id: BaselineId,
    /// What the snapshot is ("Approved plan", "After change request 3").
    pub name: String,
    /// The day it was set.
    pub created: NaiveDate,
    /// Every task at that time, in plan order.
    pub tasks: Vec<BaselineTask>,
}

impl Baseline {
    /// Snapshots `project` now, pricing work at the current rates of `people`.
    pub fn capture(
        id: BaselineId,
        name: &str,
        project: &Project,
        people: &[Person],
        today: NaiveDate,
    ) -> Baseline {
        let rate = |task: &crate::model::task::Task| {
            task.assignee
                .and_then(|assignee| people.iter().find(|person| person.id == assignee))
                .map(|person| person.hourly_rate)
                .unwrap_or(Money::ZERO)
        };
        let mut baseline = Baseline {
            id,
            name: crate::model::text::clean_line(name),
            created: today,
            tasks: project
                .tasks()
                .iter()
                .map(|task| BaselineTask {
                    task: task.id,
                    start: task.start,
                    end: task.end,
                    estimate: task.estimate,
                    hourly_rate: rate(task),
                    fixed_cost: task.fixed_cost,
                    milestone: task.milestone,
                    summary: project.is_summary(task.id),
                })
                .collect(),
        };
        let dates = baseline.dates(project);
        for task in &mut baseline.tasks {
            if let Some(span) = dates.get(task.task) {
                task.start = span.start;
                task.end = span.end;
            }
        }
        baseline
    }

    /// The snapshot of task `id`, if it existed then.
    pub fn task(&self, id: TaskId) -> Option<&BaselineTask> {
        self.tasks.iter().find(|task| task.task == id)
    }

    /// The baseline dates of every task in the baseline, with each summary task of `project`
    /// rolled up from the baseline dates of the leaf tasks below it (by `project`'s hierarchy
    /// now). A summary with no leaf in the baseline keeps its stored dates; tasks removed from
    /// the plan since keep theirs and widen nothing.
    pub fn dates(&self, project: &Project) -> BaselineDates {
        let tasks = project.tasks();
        let position = crate::model::task::positions(tasks);
        let mut summary = vec![false; tasks.len()];
        for task in tasks {
            if let Some(parent) = task.parent.and_then(|parent| position.get(&parent)) {
                summary[*parent] = true;
            }
        }
        let mut dates: IdMap<TaskId, BaselineSpan> = self
            .tasks
            .iter()
            .map(|known| {
                (
                    known.task,
                    BaselineSpan {
                        start: known.start,
                        end: known.end,
                        milestone: known.milestone,
                    },
                )
            })
            .collect();
        let mut rolled: IdMap<TaskId, (NaiveDate, NaiveDate)> = IdMap::default();
        for known in &self.tasks {
            let Some(index) = position.get(&known.task) else {
                continue;
            };
            if summary[*index] {
                continue;
            }
            // Widen every ancestor's span; the step limit guards against damaged parent loops.
            let mut parent = tasks[*index].parent;
            let mut steps = 0;
            while let Some(id) = parent {
                let span = rolled.entry(id).or_insert((known.start, known.end));
                *span = (span.0.min(known.start), span.1.max(known.end));
                steps += 1;
                parent = position
                    .get(&id)
                    .and_then(|index| tasks[*index].parent)
                    .filter(|_| steps <= tasks.len());
            }
        }
        for (id, (start, end)) in rolled {
            if let Some(known) = dates.get_mut(&id) {
                known.start = start;
                known.end = end;
            }
        }
        BaselineDates { dates }
    }
}

/// A task's dates in a baseline, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BaselineSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub milestone: bool,
}

/// The baseline dates of every task that was in a baseline, summaries rolled up from their
/// subtasks ([`Baseline::dates`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BaselineDates {
    dates: IdMap<TaskId, BaselineSpan>,
}

impl BaselineDates {
    /// The baseline dates of task `id`; `None` for a task added after the baseline.
    pub fn get(&self, id: TaskId) -> Option<BaselineSpan> {
        self.dates.get(&id).copied()
    }

    /// The latest baseline end of any task: the baseline finish.
    pub fn finish(&self) -> Option<NaiveDate> {
        self.dates.values().map(|span| span.end).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{date, TestPlan};

    /// Phase holds Build (Tue 3–Thu 5) and Review (Mon 9–Tue 10); Phase itself is stored on
    /// Mon 2 only, as a plan edited without rescheduling leaves it.
    fn phased() -> (TestPlan, [TaskId; 3]) {
        let mut plan = TestPlan::new("2026-03-02");
        let phase = plan.task("Phase", "2026-03-02", "2026-03-02", 0, None);
        let build = plan.task("Build", "2026-03-03", "2026-03-05", 10, None);
        let review = plan.task("Review", "2026-03-09", "2026-03-10", 4, None);
        for task in [build, review] {
            plan.edit(task, |task| task.parent = Some(phase));
        }
        (plan, [phase, build, review])
    }

    fn span(dates: &BaselineDates, id: TaskId) -> (NaiveDate, NaiveDate) {
        let span = dates.get(id).expect("the task is in the baseline");
        (span.start, span.end)
    }

    #[test]
    fn capture_stores_a_summary_rolled_up_from_its_subtasks_not_its_stale_dates() {
        let (mut plan, [phase, build, _]) = phased();
        plan.baseline("2026-03-02");
        let baseline = plan.project().baseline().expect("a baseline");
        let stored = baseline
            .task(phase)
            .expect("the summary is in the baseline");
        assert!(stored.summary);
        assert_eq!(
            (stored.start, stored.end),
            (date("2026-03-03"), date("2026-03-10"))
        );
        let leaf = baseline
            .task(build)
            .expect("the subtask is in the baseline");
        assert_eq!(
            (leaf.start, leaf.end),
            (date("2026-03-03"), date("2026-03-05"))
        );
    }

    #[test]
    fn a_stale_stored_summary_is_rolled_up_when_read() {
        let (mut plan, [phase, _, review]) = phased();
        plan.baseline_ending("2026-03-02", phase, "2026-04-30");
        let project = plan.project();
        let dates = project.baseline().expect("a baseline").dates(project);
        assert_eq!(
            span(&dates, phase),
            (date("2026-03-03"), date("2026-03-10"))
        );
        assert_eq!(
            span(&dates, review),
            (date("2026-03-09"), date("2026-03-10"))
        );
        assert_eq!(dates.finish(), Some(date("2026-03-10")));
    }

    #[test]
    fn nested_summaries_roll_up_through_every_level() {
        // Programme > Phase > {Build, Review}
        let (mut plan, [phase, _, _]) = phased();
        let programme = plan.task("Programme", "2026-03-02", "2026-03-02", 0, None);
        plan.edit(phase, |task| task.parent = Some(programme));
        plan.baseline_ending("2026-03-02", programme, "2026-03-02");
        let project = plan.project();
        let dates = project.baseline().expect("a baseline").dates(project);
        assert_eq!(
            span(&dates, programme),
            (date("2026-03-03"), date("2026-03-10"))
        );
    }

    #[test]
    fn subtasks_added_after_the_baseline_and_removed_tasks_widen_nothing() {
        // A summary whose subtasks all came later keeps its stored dates; a task removed
        // since keeps its own dates.
        let mut plan = TestPlan::new("2026-03-02");
        let phase = plan.task("Phase", "2026-03-02", "2026-03-04", 0, None);
        let gone = plan.task("Gone", "2026-03-16", "2026-03-20", 8, None);
        plan.baseline("2026-03-02");
        let later = plan.task("Later", "2026-03-23", "2026-03-27", 8, None);
        plan.edit(later, |task| task.parent = Some(phase));
        plan.project_mut()
            .remove_task(gone)
            .expect("the task exists");
        let project = plan.project();
        let dates = project.baseline().expect("a baseline").dates(project);
        assert_eq!(
            span(&dates, phase),
            (date("2026-03-02"), date("2026-03-04"))
        );
        assert_eq!(span(&dates, gone), (date("2026-03-16"), date("2026-03-20")));
        assert_eq!(dates.get(later), None);
    }
}

// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use crate::model::calendar::shift;
    use crate::model::testing::{date, TestPlan};
    use crate::model::TaskId;
    use proptest::prelude::*;

    /// Tasks as (parent: an index below, or none; start offset in days; length in days).
    fn tasks() -> impl Strategy<Value = Vec<(Option<prop::sample::Index>, i64, i64)>> {
        prop::collection::vec(
            (
                prop::option::of(any::<prop::sample::Index>()),
                0..40i64,
                0..10i64,
            ),
            1..10,
        )
    }

    /// A plan with that hierarchy, and a baseline in which every summary's end is `stale`
    /// days off, as a baseline stored before summaries were rolled up might be.
    fn planned(
        shape: &[(Option<prop::sample::Index>, i64, i64)],
        stale: i64,
    ) -> (TestPlan, Vec<TaskId>) {
        let mut plan = TestPlan::new("2026-03-02");
        let first = date("2026-03-02");
        let mut ids: Vec<TaskId> = Vec::new();
        for (index, (parent, offset, length)) in shape.iter().enumerate() {
            let start = shift(first, *offset);
            let end = shift(start, *length);
            let id = plan.task(
                &format!("Task {index}"),
                &start.to_string(),
                &end.to_string(),
                1,
                None,
            );
            if let Some(parent) = parent.filter(|_| index > 0).map(|at| ids[at.index(index)]) {
                plan.edit(id, |task| task.parent = Some(parent));
            }
            ids.push(id);
        }
        let summaries: Vec<TaskId> = ids
            .iter()
            .copied()
            .filter(|id| plan.project().is_summary(*id))
            .collect();
        plan.baseline_changed("2026-03-02", |baseline| {
            for task in &mut baseline.tasks {
                if summaries.contains(&task.task) {
                    task.end = shift(task.end, stale).max(task.start);
                }
            }
        });
        (plan, ids)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_summary_baseline_span_covers_its_subtasks(shape in tasks(), stale in -20..20i64) {
            let (plan, ids) = planned(&shape, stale);
            let project = plan.project();
            let dates = project.baseline().expect("a baseline").dates(project);
            for id in ids {
                let task = project.task(id).expect("the task exists");
                let (Some(parent), Some(child)) = (task.parent, dates.get(id)) else {
                    continue;
                };
                let summary = dates.get(parent).expect("the parent is in the baseline");
                prop_assert!(summary.start <= child.start && child.end <= summary.end);
            }
        }

        #[test]
        fn a_fresh_capture_stores_what_reading_derives(shape in tasks()) {
            let (plan, _) = planned(&shape, 0);
            let project = plan.project();
            let baseline = project.baseline().expect("a baseline");
            let dates = baseline.dates(project);
            for task in &baseline.tasks {
                let span = dates.get(task.task).expect("the task is in the baseline");
                prop_assert_eq!((task.start, task.end), (span.start, span.end));
            }
        }
    }
}
