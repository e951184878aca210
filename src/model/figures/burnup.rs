//! The burn-up and burn-down of work, in hours, week by week, against the baseline.
//!
//! A pure view model over the project (no signals): for each week, cumulative hours the
//! baseline planned to be done by the week's last day, the total estimated work then (scope),
//! and the hours done by then. It leaves money to `earned_value::series` and drawing to
//! `chart`.
//!
//! - **Baseline plan**: each baseline leaf task's estimate spread evenly over its working days,
//!   cumulated to the week's last day (like planned value, in hours).
//! - **Scope**: today's estimated hours of leaf tasks, minus the scope log's changes dated after
//!   the week's last day. Before the first baseline nothing was logged, so early weeks show the
//!   scope as the log knows it.
//! - **Done**: estimates of leaf tasks completed by the week's last day; in the week of `today`,
//!   the earned hours (estimate × progress), so work in progress shows. Progress history is not
//!   stored, so partial progress appears in the current week only. No value after today's week.

use crate::model::cost::summary_ids;
use crate::model::week::Week;
use crate::model::{Hours, Project};
use chrono::{NaiveDate, Weekday};

/// Most weeks a chart shows; a longer plan shows its first weeks.
pub const MAX_WEEKS: usize = 156;

/// One week of the burn-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BurnPoint {
    pub week: Week,
    /// Cumulative baseline hours planned by the week's last day; `None` without a baseline.
    pub planned: Option<Hours>,
    /// Total estimated hours at the week's last day.
    pub scope: Hours,
    /// Hours done by the week's last day; `None` for weeks after today's.
    pub done: Option<Hours>,
}

impl BurnPoint {
    /// Work left at the week's end: scope − done.
    pub fn remaining(&self) -> Option<Hours> {
        self.done
            .map(|done| Hours::from_centi(self.scope.centi().saturating_sub(done.centi())))
    }
}

fn centi(value: i128) -> Hours {
    Hours::from_centi(u32::try_from(value.max(0)).unwrap_or(u32::MAX))
}

/// The burn-up of `project` from the week of its start to the week of the latest of `today`, the
/// baseline finish and the forecast finish; weeks begin on `first_day`.
pub fn burnup(project: &Project, today: NaiveDate, first_day: Weekday) -> Vec<BurnPoint> {
    let summaries = summary_ids(project);
    let leaves: Vec<_> = project
        .tasks()
        .iter()
        .filter(|task| !summaries.contains(&task.id))
        .collect();
    let baseline = project.baseline();
    let baseline_leaves: Vec<_> = baseline
        .map(|baseline| baseline.tasks.iter().filter(|task| !task.summary).collect())
        .unwrap_or_default();
    let first = baseline_leaves
        .iter()
        .map(|task| task.start)
        .fold(project.start, NaiveDate::min);
    let last = baseline_leaves
        .iter()
        .map(|task| task.end)
        .chain(leaves.iter().map(|task| task.end))
        .fold(today.max(project.start), NaiveDate::max);
    let current_scope: i128 = leaves
        .iter()
        .map(|task| i128::from(task.estimate.centi()))
        .sum();
    let today_week = Week::containing(today, first_day);

    let mut points = Vec::new();
    let mut week = Week::containing(first, first_day);
    while week.start <= last && points.len() < MAX_WEEKS {
        let end = week.end();
        let planned = baseline.map(|_| {
            centi(
                baseline_leaves
                    .iter()
                    .map(|task| {
                        let total = project
                            .calendar
                            .working_days_inclusive(task.start, task.end);
                        let estimate = i128::from(task.estimate.centi());
                        if end >= task.end || total == 0 {
                            if end >= task.end {
                                estimate
                            } else {
                                0
                            }
                        } else {
                            let so_far = project
                                .calendar
                                .working_days_inclusive(task.start, end.min(task.end));
                            estimate * i128::from(so_far) / i128::from(total)
                        }
                    })
                    .sum(),
            )
        });
        let later_changes: i128 = project
            .scope_log()
            .iter()
            .filter(|change| change.date > end)
            .map(|change| i128::from(change.delta_centi_hours()))
            .sum();
        let scope = centi(current_scope - later_changes);
        let done = if week > today_week {
            None
        } else if week == today_week {
            Some(centi(
                leaves
                    .iter()
                    .map(|task| {
                        let percent = if project.is_done(task) {
                            100
                        } else {
                            i128::from(task.progress.percent())
                        };
                        i128::from(task.estimate.centi()) * percent / 100
                    })
                    .sum(),
            ))
        } else {
            Some(centi(
                leaves
                    .iter()
                    .filter(|task| project.is_done(task))
                    .filter(|task| task.completed.is_some_and(|day| day <= end))
                    .map(|task| i128::from(task.estimate.centi()))
                    .sum(),
            ))
        };
        points.push(BurnPoint {
            week,
            planned,
            scope,
            done,
        });
        week = week.next();
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::date as day;
    use crate::model::{
        Baseline, BaselineId, ColumnCategory, Currency, ProjectId, SequentialIds, Task, TaskId,
    };

    #[test]
    fn the_burn_up_follows_the_baseline_plan_scope_and_done_work() {
        let mut ids = SequentialIds::default();
        let mut project = Project::new(
            ProjectId::new(&mut ids),
            "Intranet",
            day("2026-03-02"),
            Currency::EUR,
            &mut ids,
        )
        .expect("valid project");
        let todo = project.columns()[0].id;
        let done_column = project
            .first_column_of(ColumnCategory::Done)
            .expect("a done column")
            .id;
        // Design: 10 h over Mon 2 – Fri 6 March; Build: 20 h over the week of 9 March.
        let mut design = Task::new(
            TaskId::new(&mut ids),
            "Design",
            todo,
            day("2026-03-02"),
            day("2026-03-06"),
        );
        design.estimate = Hours::whole(10);
        let mut build = Task::new(
            TaskId::new(&mut ids),
            "Build",
            todo,
            day("2026-03-09"),
            day("2026-03-13"),
        );
        build.estimate = Hours::whole(20);
        build.progress = crate::model::Progress::new(50).expect("valid progress");
        let design_id = design.id;
        project.add_task(design, day("2026-03-02")).expect("valid");
        project.add_task(build, day("2026-03-02")).expect("valid");
        let baseline = Baseline::capture(
            BaselineId::new(&mut ids),
            "Plan",
            &project,
            &[],
            day("2026-03-02"),
        );
        project.add_baseline(baseline).expect("valid baseline");
        project
            .move_task(design_id, done_column, None, day("2026-03-05"))
            .expect("valid move");

        let points = burnup(&project, day("2026-03-11"), Weekday::Mon);
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].planned, Some(Hours::whole(10)));
        assert_eq!(points[1].planned, Some(Hours::whole(30)));
        assert_eq!(points[0].scope, Hours::whole(30));
        assert_eq!(points[0].done, Some(Hours::whole(10)));
        // Today's week: Design done (10 h) and half of Build (10 h).
        assert_eq!(points[1].done, Some(Hours::whole(20)));
        assert_eq!(points[1].remaining(), Some(Hours::whole(10)));
    }

    #[test]
    fn without_a_baseline_there_is_no_plan_line() {
        let mut ids = SequentialIds::default();
        let project = Project::new(
            ProjectId::new(&mut ids),
            "Empty",
            day("2026-03-02"),
            Currency::EUR,
            &mut ids,
        )
        .expect("valid project");
        let points = burnup(&project, day("2026-03-02"), Weekday::Mon);
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].planned, None);
        assert_eq!(points[0].done, Some(Hours::ZERO));
    }
}
