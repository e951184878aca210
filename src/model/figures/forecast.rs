//! Schedule health inputs: how far milestones and the project finish have moved from the
//! baseline, and where they stand against the deadline.
//!
//! Stored task dates are the current plan and forecast (the scheduler keeps them consistent), so
//! a milestone's forecast is its stored date and the project's forecast finish is the latest end
//! of any task. Slip is counted in working days of the project calendar
//! ([`Calendar::working_days_between`]), positive when later than the baseline. Tasks have no
//! deadline of their own: the project deadline applies to every milestone. Running the
//! scheduler is not this module's business.

use crate::model::calendar::Calendar;
use crate::model::ids::TaskId;
use crate::model::project::Project;
use chrono::NaiveDate;

/// One milestone: baseline date, forecast date and slip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MilestoneForecast {
    pub task: TaskId,
    /// Its title now.
    pub title: String,
    /// Its date in the current baseline; `None` when there is no baseline or it was added since.
    pub baseline: Option<NaiveDate>,
    /// Its stored date.
    pub forecast: NaiveDate,
    /// Working days from the baseline date to the forecast (negative when earlier).
    pub slip_days: Option<i64>,
    /// True when the forecast is after the project deadline.
    pub after_deadline: bool,
    /// True when it has been reached.
    pub done: bool,
}

/// The project finish: forecast against baseline and deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FinishForecast {
    /// The latest end of any task; `None` for a project without tasks.
    pub forecast: Option<NaiveDate>,
    /// The latest end in the current baseline.
    pub baseline: Option<NaiveDate>,
    /// The project deadline.
    pub deadline: Option<NaiveDate>,
    /// Working days from the baseline finish to the forecast finish.
    pub slip_days: Option<i64>,
    /// Working days from the deadline to the forecast finish: positive when late.
    pub beyond_deadline_days: Option<i64>,
}

impl FinishForecast {
    /// True when the forecast finish is after the deadline.
    pub fn is_past_deadline(&self) -> bool {
        matches!((self.forecast, self.deadline), (Some(forecast), Some(deadline)) if forecast > deadline)
    }
}

/// What slipped the most.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlipSource {
    /// The project finish.
    Finish,
    /// A milestone, with its title.
    Milestone { task: TaskId, title: String },
}

/// The largest slip in the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slip {
    /// Working days late against the baseline (negative when everything is early).
    pub days: i64,
    /// Which date slipped that much.
    pub source: SlipSource,
}

/// Every schedule figure the health check and the status report need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleForecast {
    pub finish: FinishForecast,
    /// Milestones in plan order.
    pub milestones: Vec<MilestoneForecast>,
    /// The largest slip of the finish and the milestones; `None` without a baseline.
    pub worst_slip: Option<Slip>,
}

fn slip(calendar: &Calendar, baseline: Option<NaiveDate>, forecast: NaiveDate) -> Option<i64> {
    baseline.map(|baseline| calendar.working_days_between(baseline, forecast))
}

/// The schedule forecast of `project` against its current baseline and deadline.
pub fn schedule_forecast(project: &Project) -> ScheduleForecast {
    let calendar = &project.calendar;
    // Summaries rolled up from their subtasks: their stored baseline dates may be stale.
    let planned = project.baseline().map(|baseline| baseline.dates(project));
    let deadline = project.deadline;
    let milestones: Vec<MilestoneForecast> = project
        .tasks()
        .iter()
        .filter(|task| task.milestone)
        .map(|task| {
            let baseline = planned
                .as_ref()
                .and_then(|planned| planned.get(task.id))
                .map(|span| span.end);
            MilestoneForecast {
                task: task.id,
                title: task.title.clone(),
                baseline,
                forecast: task.end,
                slip_days: slip(calendar, baseline, task.end),
                after_deadline: deadline.is_some_and(|deadline| task.end > deadline),
                done: project.is_done(task),
            }
        })
        .collect();
    let forecast = project.tasks().iter().map(|task| task.end).max();
    let baseline_finish = planned.as_ref().and_then(|planned| planned.finish());
    let finish = FinishForecast {
        forecast,
        baseline: baseline_finish,
        deadline,
        slip_days: forecast.and_then(|forecast| slip(calendar, baseline_finish, forecast)),
        beyond_deadline_days: forecast
            .zip(deadline)
            .map(|(forecast, deadline)| calendar.working_days_between(deadline, forecast)),
    };
    let finish_slip = finish.slip_days.map(|days| Slip {
        days,
        source: SlipSource::Finish,
    });
    let worst_slip = milestones
        .iter()
        .filter_map(|milestone| {
            milestone.slip_days.map(|days| Slip {
                days,
                source: SlipSource::Milestone {
                    task: milestone.task,
                    title: milestone.title.clone(),
                },
            })
        })
        .chain(finish_slip)
        // The finish wins ties: it is the figure people ask about first.
        .fold(None, |worst: Option<Slip>, candidate| match worst {
            Some(worst) if worst.days > candidate.days => Some(worst),
            Some(worst)
                if worst.days == candidate.days && candidate.source != SlipSource::Finish =>
            {
                Some(worst)
            }
            _ => Some(candidate),
        });
    ScheduleForecast {
        finish,
        milestones,
        worst_slip,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{date, TestPlan};

    #[test]
    fn a_milestone_moved_past_a_weekend_slips_in_working_days() {
        let mut plan = TestPlan::new("2026-03-02");
        plan.task("Build", "2026-03-02", "2026-03-05", 10, None);
        let launch = plan.milestone("Launch", "2026-03-06");
        plan.baseline("2026-03-02");
        plan.deadline("2026-03-10");
        // Friday 6 to Tuesday 10: two working days.
        plan.edit(launch, |task| {
            task.start = date("2026-03-10");
            task.end = date("2026-03-10");
        });
        let forecast = schedule_forecast(plan.project());
        assert_eq!(forecast.milestones.len(), 1);
        let milestone = &forecast.milestones[0];
        assert_eq!(milestone.baseline, Some(date("2026-03-06")));
        assert_eq!(milestone.forecast, date("2026-03-10"));
        assert_eq!(milestone.slip_days, Some(2));
        assert!(!milestone.after_deadline);
        assert_eq!(forecast.finish.forecast, Some(date("2026-03-10")));
        assert_eq!(forecast.finish.baseline, Some(date("2026-03-06")));
        assert_eq!(forecast.finish.slip_days, Some(2));
        assert_eq!(forecast.finish.beyond_deadline_days, Some(0));
        assert!(!forecast.finish.is_past_deadline());
        assert_eq!(
            forecast.worst_slip,
            Some(Slip {
                days: 2,
                source: SlipSource::Finish
            })
        );
    }

    #[test]
    fn the_worst_slip_names_the_milestone_that_slipped_most() {
        let mut plan = TestPlan::new("2026-03-02");
        let gate = plan.milestone("Design approved", "2026-03-03");
        plan.task("Build", "2026-03-04", "2026-03-13", 10, None);
        plan.baseline("2026-03-02");
        plan.edit(gate, |task| {
            task.start = date("2026-03-09");
            task.end = date("2026-03-09");
        });
        let forecast = schedule_forecast(plan.project());
        assert_eq!(forecast.finish.slip_days, Some(0));
        assert_eq!(
            forecast.worst_slip,
            Some(Slip {
                days: 4,
                source: SlipSource::Milestone {
                    task: gate,
                    title: "Design approved".to_string()
                }
            })
        );
    }

    #[test]
    fn a_stale_summary_end_in_the_baseline_does_not_move_the_baseline_finish() {
        // A baseline from an older version stored Phase ending Fri 13, but its only subtask
        // ended Thu 5: the baseline finish is Thu 5, so a finish on Fri 6 slipped a day.
        let mut plan = TestPlan::new("2026-03-02");
        let phase = plan.task("Phase", "2026-03-02", "2026-03-02", 0, None);
        let build = plan.task("Build", "2026-03-02", "2026-03-05", 10, None);
        plan.edit(build, |task| task.parent = Some(phase));
        plan.baseline_ending("2026-03-02", phase, "2026-03-13");
        plan.edit(build, |task| task.end = date("2026-03-06"));
        let forecast = schedule_forecast(plan.project());
        assert_eq!(forecast.finish.baseline, Some(date("2026-03-05")));
        assert_eq!(forecast.finish.slip_days, Some(1));
    }

    #[test]
    fn without_a_baseline_only_the_deadline_is_known() {
        let mut plan = TestPlan::new("2026-03-02");
        plan.task("Build", "2026-03-02", "2026-03-13", 10, None);
        plan.deadline("2026-03-11");
        let forecast = schedule_forecast(plan.project());
        assert_eq!(forecast.worst_slip, None);
        assert_eq!(forecast.finish.slip_days, None);
        assert_eq!(forecast.finish.beyond_deadline_days, Some(2));
        assert!(forecast.finish.is_past_deadline());
    }
}
