//! Health of a project: red, amber or green for scope, budget and schedule, each with its reason.
//!
//! The thresholds are project settings; their defaults and every formula are written down in
//! `docs/health.md`. A verdict is a [`Status`]: a [`Rag`] colour, a label that says the same in
//! words (colour is never the only signal) and a [`Reason`] holding the figures behind it.
//! [`Reason::sentence`] is the one place its English words are written. The figures come from
//! `earned_value`, `scope` and `forecast`; this module only judges them.
//!
//! Without a baseline nothing can slip or grow, so scope, budget and schedule are green with the
//! label "No baseline" and a sentence asking for one, except what needs no baseline: the budget
//! is red once the actual cost exceeds it, the schedule is red once the forecast finish is
//! past the deadline, and amber at least while a task that is not done finishes after its own
//! deadline.

use crate::model::cost::{project_actual_cost, Rates};
use crate::model::earned_value::{earned_value, EvmFigures};
use crate::model::forecast::{schedule_forecast, ScheduleForecast, Slip, SlipSource};
use crate::model::format::{Decimal, Formatter};
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::ratio::{Ratio, Rounding};
use crate::model::schedule::{self, Schedule};
use crate::model::scope::{scope_growth, ScopeGrowth};
use crate::model::task::Task;
use crate::model::units::{Budget, Currency, Money};
use crate::model::TaskId;
use chrono::NaiveDate;

pub use crate::model::plan::thresholds::HealthThresholds;

/// Red, amber or green.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
    /// The words that say what the colour says: "On track", "At risk", "Off track".
    pub fn label(self) -> &'static str {
        match self {
            Rag::Green => "On track",
            Rag::Amber => "At risk",
            Rag::Red => "Off track",
        }
    }

    /// A stable key for CSS classes and exports: "green", "amber", "red".
    pub fn key(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }
}

/// What a verdict is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Aspect {
    Scope,
    Budget,
    Schedule,
}

impl Aspect {
    /// The heading shown in the UI and reports.
    pub fn label(self) -> &'static str {
        match self {
            Aspect::Scope => "Scope",
            Aspect::Budget => "Budget",
            Aspect::Schedule => "Schedule",
        }
    }
}

/// Why a verdict is what it is, with the figures that decided it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// No baseline to compare with.
    NoBaseline(Aspect),
    /// Budget: CPI at or above the amber threshold.
    CostOnTrack { cpi: Ratio },
    /// Budget: nothing spent yet, so no CPI.
    NoCostYet,
    /// Budget: CPI below `threshold` (thousandths).
    CpiBelow { cpi: Ratio, threshold: u32 },
    /// Budget: the estimate at completion exceeds the budget.
    ForecastOverBudget {
        eac: Money,
        budget: Money,
        currency: Currency,
    },
    /// Budget (no baseline): the actual cost already exceeds the budget.
    SpentOverBudget {
        actual: Money,
        budget: Money,
        currency: Currency,
    },
    /// Scope: estimated hours changed by `change` (a fraction) and stay within the limits.
    ScopeWithinLimits { change: Ratio },
    /// Scope: estimated hours grew by `change`, more than `threshold` percent.
    ScopeGrew { change: Ratio, threshold: u32 },
    /// Scope: the baseline has no estimated hours, so growth has no percentage.
    NoBaselineHours,
    /// Schedule: slip within the limits; `None` when there are no dates to compare.
    ScheduleOnTrack { slip: Option<Slip> },
    /// Schedule: the forecast finish is after the deadline, by `days` working days.
    PastDeadline {
        forecast: NaiveDate,
        deadline: NaiveDate,
        days: i64,
    },
    /// Schedule: slip of more than `threshold` working days.
    Slipping { slip: Slip, threshold: u32 },
    /// Schedule: a task that is not done finishes after its own deadline (the first such task
    /// by deadline), and `others` more do too.
    MissedTaskDeadline {
        missed: MissedDeadline,
        others: usize,
    },
}

/// A task that is not done and finishes after its deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissedDeadline {
    pub task: TaskId,
    pub title: String,
    /// The scheduled finish.
    pub finish: NaiveDate,
    pub deadline: NaiveDate,
}

/// True when `task`, finishing on `finish`, misses its deadline: it has one, is not done, and
/// `finish` is after it. The Timeline flags the same tasks.
pub fn misses_deadline(project: &Project, task: &Task, finish: NaiveDate) -> bool {
    task.deadline
        .is_some_and(|deadline| finish > deadline && !project.is_done(task))
}

/// The tasks of `project` that miss their deadline on `schedule`, earliest deadline first.
pub fn missed_deadlines(project: &Project, schedule: &Schedule) -> Vec<MissedDeadline> {
    let mut missed: Vec<MissedDeadline> = project
        .tasks()
        .iter()
        .filter_map(|task| {
            let finish = schedule
                .task(task.id)
                .map_or(task.end, |figures| figures.early_finish);
            let deadline = task.deadline?;
            misses_deadline(project, task, finish).then(|| MissedDeadline {
                task: task.id,
                title: task.title.clone(),
                finish,
                deadline,
            })
        })
        .collect();
    missed.sort_by_key(|missed| (missed.deadline, missed.finish));
    missed
}

/// One verdict: colour and reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub rag: Rag,
    pub reason: Reason,
}

impl Status {
    /// The label to show next to the colour: "No baseline" when nothing is tracked yet, else
    /// [`Rag::label`].
    pub fn label(&self) -> &'static str {
        match self.reason {
            Reason::NoBaseline(_) => "No baseline",
            _ => self.rag.label(),
        }
    }

    /// The reason as one plain English sentence.
    pub fn sentence(&self, format: &dyn Formatter) -> String {
        self.reason.sentence(format)
    }
}

impl Reason {
    /// The reason as one plain English sentence, e.g. "CPI 0.86 is below 0.90: work costs more
    /// than planned." Every health sentence is written here.
    pub fn sentence(&self, format: &dyn Formatter) -> String {
        match self {
            Reason::NoBaseline(Aspect::Scope) => {
                "No baseline yet: set one to track scope.".to_string()
            }
            Reason::NoBaseline(Aspect::Budget) => {
                "No baseline yet: set one to track the budget.".to_string()
            }
            Reason::NoBaseline(Aspect::Schedule) => {
                "No baseline yet: set one to track the schedule.".to_string()
            }
            Reason::CostOnTrack { cpi } => format!(
                "On track: CPI {}.",
                format.number(cpi.decimal(2, Rounding::HalfAwayFromZero))
            ),
            Reason::NoCostYet => "On track: no cost logged yet.".to_string(),
            Reason::CpiBelow { cpi, threshold } => format!(
                "CPI {} is below {}: work costs more than planned.",
                format.number(index_below(*cpi, *threshold)),
                format.number(thousandths(*threshold))
            ),
            Reason::ForecastOverBudget {
                eac,
                budget,
                currency,
            } => format!(
                "Forecast cost {} is over the budget of {}.",
                format.money(*eac, *currency),
                format.money(*budget, *currency)
            ),
            Reason::SpentOverBudget {
                actual,
                budget,
                currency,
            } => format!(
                "Spent {}, over the budget of {}.",
                format.money(*actual, *currency),
                format.money(*budget, *currency)
            ),
            Reason::ScopeWithinLimits { change } => {
                let shown = change.magnitude().percent(1, Rounding::HalfAwayFromZero);
                if shown.units == 0 {
                    "On track: estimated hours match the baseline.".to_string()
                } else if change.is_negative() {
                    format!(
                        "On track: scope shrank {} since the baseline.",
                        format.percent(shown)
                    )
                } else {
                    format!(
                        "On track: scope grew {} since the baseline.",
                        format.percent(shown)
                    )
                }
            }
            Reason::ScopeGrew { change, threshold } => format!(
                "Scope grew {} since the baseline, more than the {} limit.",
                format.percent(percent_above(*change, *threshold)),
                format.percent(Decimal {
                    units: i128::from(*threshold),
                    decimals: 0
                })
            ),
            Reason::NoBaselineHours => {
                "The baseline has no estimated hours to compare with.".to_string()
            }
            Reason::ScheduleOnTrack { slip: None } => {
                "On track: no dates to compare yet.".to_string()
            }
            Reason::ScheduleOnTrack { slip: Some(slip) } if slip.days > 0 => format!(
                "On track: {} {} against the baseline.",
                slip_subject(&slip.source),
                slips(slip.days)
            ),
            Reason::ScheduleOnTrack { slip: Some(slip) } if slip.days < 0 => format!(
                "On track: {} ahead of the baseline.",
                working_days(-slip.days)
            ),
            Reason::ScheduleOnTrack { .. } => "On track: no slip against the baseline.".to_string(),
            Reason::PastDeadline {
                forecast,
                deadline,
                days,
            } if *days > 0 => format!(
                "Forecast finish {} is {} after the deadline {}.",
                format.date(*forecast),
                working_days(*days),
                format.date(*deadline)
            ),
            Reason::PastDeadline {
                forecast, deadline, ..
            } => format!(
                "Forecast finish {} is after the deadline {}.",
                format.date(*forecast),
                format.date(*deadline)
            ),
            Reason::Slipping { slip, threshold } => format!(
                "{} {} against the baseline, more than the {}-day limit.",
                capitalised(&slip_subject(&slip.source)),
                slips(slip.days),
                threshold
            ),
            Reason::MissedTaskDeadline { missed, others } => {
                let more = match others {
                    0 => String::new(),
                    1 => " 1 more task misses its deadline.".to_string(),
                    count => format!(" {count} more tasks miss their deadlines."),
                };
                format!(
                    "Task “{}” finishes {}, after its deadline {}.{more}",
                    missed.title,
                    format.date(missed.finish),
                    format.date(missed.deadline)
                )
            }
        }
    }
}

fn slip_subject(source: &SlipSource) -> String {
    match source {
        SlipSource::Finish => "the forecast finish".to_string(),
        SlipSource::Milestone { title, .. } => format!("milestone “{title}”"),
    }
}

fn slips(days: i64) -> String {
    format!("slips {}", working_days(days))
}

fn working_days(days: i64) -> String {
    if days == 1 {
        "1 working day".to_string()
    } else {
        format!("{days} working days")
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A threshold in thousandths as a number with two decimals, or three when it needs them.
fn thousandths(threshold: u32) -> Decimal {
    if threshold.is_multiple_of(10) {
        Decimal {
            units: i128::from(threshold / 10),
            decimals: 2,
        }
    } else {
        Decimal {
            units: i128::from(threshold),
            decimals: 3,
        }
    }
}

/// An index known to be below `threshold`, shown so that it reads below it: two decimals, or
/// three rounded down when two would round up to the threshold (0.899 is "0.899", not "0.90").
fn index_below(index: Ratio, threshold: u32) -> Decimal {
    let rounded = index.decimal(2, Rounding::HalfAwayFromZero);
    if rounded.units * 10 < i128::from(threshold) {
        rounded
    } else {
        index.decimal(3, Rounding::Down)
    }
}

/// A growth known to be above `threshold` percent, shown so that it reads above it: one
/// decimal, or two rounded up when one would round down to the threshold.
fn percent_above(change: Ratio, threshold: u32) -> Decimal {
    let rounded = change.percent(1, Rounding::HalfAwayFromZero);
    if rounded.units > i128::from(threshold) * 10 {
        rounded
    } else {
        change.percent(2, Rounding::Up)
    }
}

/// The three verdicts of a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    pub scope: Status,
    pub budget: Status,
    pub schedule: Status,
}

impl Health {
    /// The worst of the three colours.
    pub fn overall(&self) -> Rag {
        self.scope.rag.max(self.budget.rag).max(self.schedule.rag)
    }

    /// The three verdicts with their aspect, in display order: scope, budget, schedule.
    pub fn aspects(&self) -> [(Aspect, &Status); 3] {
        [
            (Aspect::Scope, &self.scope),
            (Aspect::Budget, &self.budget),
            (Aspect::Schedule, &self.schedule),
        ]
    }
}

/// The health of `project` at `status_date`, its costs priced with the rates of `people`.
pub fn health(project: &Project, people: &[Person], status_date: NaiveDate) -> Health {
    let thresholds = &project.health;
    let earned = earned_value(project, people, status_date);
    let actual = project_actual_cost(project, &Rates::new(people), Some(status_date)).rounded();
    Health {
        scope: scope_status(thresholds, scope_growth(project).as_ref()),
        budget: budget_status(
            thresholds,
            project.budget,
            earned.as_ref().map(|value| &value.figures),
            actual,
        ),
        schedule: schedule_status(
            thresholds,
            &schedule_forecast(project),
            project.baseline().is_some(),
            &missed_deadlines(project, &schedule::compute(project)),
        ),
    }
}

/// The budget verdict. With earned value: red when CPI is below `budget_red_cpi` or, with a
/// budget set, when EAC (as displayed, in minor units) exceeds it; amber when CPI is below
/// `budget_amber_cpi`. Without (no baseline): red only when `actual` exceeds a set budget.
pub fn budget_status(
    thresholds: &HealthThresholds,
    budget: Budget,
    earned: Option<&EvmFigures>,
    actual: Money,
) -> Status {
    let status = |rag, reason| Status { rag, reason };
    let approved = Some(budget.amount).filter(|amount| *amount != Money::ZERO);
    let Some(figures) = earned else {
        return match approved {
            Some(approved) if actual > approved => status(
                Rag::Red,
                Reason::SpentOverBudget {
                    actual,
                    budget: approved,
                    currency: budget.currency,
                },
            ),
            _ => status(Rag::Green, Reason::NoBaseline(Aspect::Budget)),
        };
    };
    let below = |threshold: u32| {
        figures
            .cpi
            .filter(|cpi| cpi.is_below_thousandths(threshold))
            .map(|cpi| Reason::CpiBelow { cpi, threshold })
    };
    if let Some(reason) = below(thresholds.budget_red_cpi) {
        return status(Rag::Red, reason);
    }
    if let (Some(approved), Some(eac)) = (approved, figures.eac) {
        if eac > approved {
            return status(
                Rag::Red,
                Reason::ForecastOverBudget {
                    eac,
                    budget: approved,
                    currency: budget.currency,
                },
            );
        }
    }
    if let Some(reason) = below(thresholds.budget_amber_cpi) {
        return status(Rag::Amber, reason);
    }
    match figures.cpi {
        Some(cpi) => status(Rag::Green, Reason::CostOnTrack { cpi }),
        None => status(Rag::Green, Reason::NoCostYet),
    }
}

/// The scope verdict: red when estimated hours grew by more than `scope_red_percent` since the
/// baseline, amber past `scope_amber_percent`. Shrinking scope is not flagged.
pub fn scope_status(thresholds: &HealthThresholds, growth: Option<&ScopeGrowth>) -> Status {
    let Some(growth) = growth else {
        return Status {
            rag: Rag::Green,
            reason: Reason::NoBaseline(Aspect::Scope),
        };
    };
    let Some(change) = growth.change else {
        return Status {
            rag: Rag::Green,
            reason: Reason::NoBaselineHours,
        };
    };
    for (rag, threshold) in [
        (Rag::Red, thresholds.scope_red_percent),
        (Rag::Amber, thresholds.scope_amber_percent),
    ] {
        if change.is_above_percent(threshold) {
            return Status {
                rag,
                reason: Reason::ScopeGrew { change, threshold },
            };
        }
    }
    Status {
        rag: Rag::Green,
        reason: Reason::ScopeWithinLimits { change },
    }
}

/// The schedule verdict: red when the forecast finish is after the deadline or the worst slip
/// (finish or milestone) is more than `schedule_red_days` working days, amber past
/// `schedule_amber_days` or, when nothing is red, while a task misses its own deadline.
pub fn schedule_status(
    thresholds: &HealthThresholds,
    forecast: &ScheduleForecast,
    has_baseline: bool,
    missed: &[MissedDeadline],
) -> Status {
    let status = forecast_status(thresholds, forecast, has_baseline);
    match missed.split_first() {
        Some((first, others)) if status.rag < Rag::Red => Status {
            rag: Rag::Amber,
            reason: Reason::MissedTaskDeadline {
                missed: first.clone(),
                others: others.len(),
            },
        },
        _ => status,
    }
}

/// The schedule verdict from the forecast finish and slips alone.
fn forecast_status(
    thresholds: &HealthThresholds,
    forecast: &ScheduleForecast,
    has_baseline: bool,
) -> Status {
    if let (Some(finish), Some(deadline)) = (forecast.finish.forecast, forecast.finish.deadline) {
        if finish > deadline {
            return Status {
                rag: Rag::Red,
                reason: Reason::PastDeadline {
                    forecast: finish,
                    deadline,
                    days: forecast.finish.beyond_deadline_days.unwrap_or(0),
                },
            };
        }
    }
    if !has_baseline {
        return Status {
            rag: Rag::Green,
            reason: Reason::NoBaseline(Aspect::Schedule),
        };
    }
    if let Some(slip) = &forecast.worst_slip {
        for (rag, threshold) in [
            (Rag::Red, thresholds.schedule_red_days),
            (Rag::Amber, thresholds.schedule_amber_days),
        ] {
            if slip.days > i64::from(threshold) {
                return Status {
                    rag,
                    reason: Reason::Slipping {
                        slip: slip.clone(),
                        threshold,
                    },
                };
            }
        }
    }
    Status {
        rag: Rag::Green,
        reason: Reason::ScheduleOnTrack {
            slip: forecast.worst_slip.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cost::PreciseMoney;
    use crate::model::earned_value::{figures, EvmTotals};
    use crate::model::format::PlainFormatter;
    use crate::model::testing::{date, TestPlan};
    use crate::model::units::Hours;
    use crate::model::ColumnCategory;

    fn euros(amount: i64) -> PreciseMoney {
        PreciseMoney::from_money(Money(amount * 100))
    }

    fn evm(bac: i64, ev: i64, ac: i64) -> EvmFigures {
        figures(EvmTotals {
            bac: euros(bac),
            pv: euros(ev),
            ev: euros(ev),
            ac: euros(ac),
        })
    }

    fn budget(amount: i64) -> Budget {
        Budget {
            amount: Money(amount * 100),
            currency: Currency::EUR,
        }
    }

    fn sentence(status: &Status) -> String {
        status.sentence(&PlainFormatter)
    }

    #[test]
    fn a_cpi_under_the_red_threshold_is_off_track() {
        let thresholds = HealthThresholds::default();
        let status = budget_status(&thresholds, budget(0), Some(&evm(1000, 86, 100)), Money(0));
        assert_eq!(status.rag, Rag::Red);
        assert_eq!(status.label(), "Off track");
        assert_eq!(
            sentence(&status),
            "CPI 0.86 is below 0.90: work costs more than planned."
        );
    }

    #[test]
    fn a_cpi_between_the_thresholds_is_at_risk() {
        let thresholds = HealthThresholds::default();
        let status = budget_status(&thresholds, budget(0), Some(&evm(1000, 92, 100)), Money(0));
        assert_eq!(status.rag, Rag::Amber);
        assert_eq!(status.label(), "At risk");
        assert_eq!(
            sentence(&status),
            "CPI 0.92 is below 0.95: work costs more than planned."
        );
    }

    #[test]
    fn a_cpi_just_under_a_threshold_never_reads_as_equal_to_it() {
        let thresholds = HealthThresholds::default();
        let status = budget_status(
            &thresholds,
            budget(0),
            Some(&evm(10_000, 8_999, 10_000)),
            Money(0),
        );
        assert_eq!(status.rag, Rag::Red);
        assert_eq!(
            sentence(&status),
            "CPI 0.899 is below 0.90: work costs more than planned."
        );
        let exactly = budget_status(&thresholds, budget(0), Some(&evm(1000, 90, 100)), Money(0));
        assert_eq!(exactly.rag, Rag::Amber);
    }

    #[test]
    fn a_good_cpi_with_a_forecast_over_budget_is_still_off_track() {
        let thresholds = HealthThresholds::default();
        // BAC 1,200 against a 1,000 budget, on cost: EAC 1,200.
        let status = budget_status(
            &thresholds,
            budget(1_000),
            Some(&evm(1_200, 100, 100)),
            Money(0),
        );
        assert_eq!(status.rag, Rag::Red);
        assert_eq!(
            sentence(&status),
            "Forecast cost EUR 1,200.00 is over the budget of EUR 1,000.00."
        );
    }

    #[test]
    fn a_healthy_budget_names_its_cpi() {
        let thresholds = HealthThresholds::default();
        let status = budget_status(
            &thresholds,
            budget(2_000),
            Some(&evm(1_000, 102, 100)),
            Money(0),
        );
        assert_eq!(status.rag, Rag::Green);
        assert_eq!(sentence(&status), "On track: CPI 1.02.");
        let fresh = budget_status(
            &thresholds,
            budget(2_000),
            Some(&evm(1_000, 0, 0)),
            Money(0),
        );
        assert_eq!(sentence(&fresh), "On track: no cost logged yet.");
    }

    #[test]
    fn without_a_baseline_the_budget_only_turns_red_when_overspent() {
        let thresholds = HealthThresholds::default();
        let untracked = budget_status(&thresholds, budget(100), None, Money(5_000));
        assert_eq!(untracked.rag, Rag::Green);
        assert_eq!(untracked.label(), "No baseline");
        assert_eq!(
            sentence(&untracked),
            "No baseline yet: set one to track the budget."
        );
        let overspent = budget_status(&thresholds, budget(100), None, Money(12_000));
        assert_eq!(overspent.rag, Rag::Red);
        assert_eq!(
            sentence(&overspent),
            "Spent EUR 120.00, over the budget of EUR 100.00."
        );
    }

    fn growth(baseline: u32, current: u32) -> ScopeGrowth {
        ScopeGrowth {
            baseline_hours: Hours::whole(baseline),
            current_hours: Hours::whole(current),
            change: Ratio::new(
                i128::from(current) - i128::from(baseline),
                i128::from(baseline),
            ),
        }
    }

    #[test]
    fn scope_growth_past_the_thresholds_turns_amber_then_red() {
        let thresholds = HealthThresholds::default();
        let status =
            |baseline, current| scope_status(&thresholds, Some(&growth(baseline, current)));
        assert_eq!(status(100, 105).rag, Rag::Green);
        assert_eq!(
            sentence(&status(100, 105)),
            "On track: scope grew 5.0% since the baseline."
        );
        assert_eq!(status(100, 106).rag, Rag::Amber);
        assert_eq!(status(80, 90).rag, Rag::Red);
        assert_eq!(
            sentence(&status(80, 90)),
            "Scope grew 12.5% since the baseline, more than the 10% limit."
        );
        assert_eq!(status(100, 70).rag, Rag::Green);
        assert_eq!(
            sentence(&status(100, 70)),
            "On track: scope shrank 30.0% since the baseline."
        );
        assert_eq!(
            sentence(&status(100, 100)),
            "On track: estimated hours match the baseline."
        );
    }

    #[test]
    fn growth_just_over_a_limit_never_reads_as_equal_to_it() {
        let thresholds = HealthThresholds::default();
        let status = scope_status(&thresholds, Some(&growth(10_000, 11_001)));
        assert_eq!(status.rag, Rag::Red);
        assert_eq!(
            sentence(&status),
            "Scope grew 10.01% since the baseline, more than the 10% limit."
        );
    }

    #[test]
    fn scope_without_baseline_hours_is_not_judged() {
        let thresholds = HealthThresholds::default();
        let status = scope_status(&thresholds, Some(&growth(0, 10)));
        assert_eq!(status.rag, Rag::Green);
        assert_eq!(
            sentence(&status),
            "The baseline has no estimated hours to compare with."
        );
        assert_eq!(scope_status(&thresholds, None).label(), "No baseline");
    }

    #[test]
    fn a_finish_past_the_deadline_is_off_track_even_without_a_baseline() {
        let mut plan = TestPlan::new("2026-03-02");
        plan.task("Build", "2026-03-02", "2026-03-13", 10, None);
        plan.deadline("2026-03-11");
        let status = health(plan.project(), &[], date("2026-03-02")).schedule;
        assert_eq!(status.rag, Rag::Red);
        assert_eq!(
            sentence(&status),
            "Forecast finish 2026-03-13 is 2 working days after the deadline 2026-03-11."
        );
    }

    #[test]
    fn milestone_slip_turns_the_schedule_amber_then_red() {
        let mut plan = TestPlan::new("2026-03-02");
        let launch = plan.milestone("Launch", "2026-03-06");
        plan.task("Support", "2026-03-02", "2026-03-31", 10, None);
        plan.baseline("2026-03-02");
        let slip_to = |plan: &mut TestPlan, day: &str| {
            plan.edit(launch, |task| {
                task.start = date(day);
                task.end = date(day);
            });
            health(plan.project(), &[], date("2026-03-02")).schedule
        };
        let on_track = slip_to(&mut plan, "2026-03-10");
        assert_eq!(on_track.rag, Rag::Green);
        assert_eq!(
            sentence(&on_track),
            "On track: milestone “Launch” slips 2 working days against the baseline."
        );
        let at_risk = slip_to(&mut plan, "2026-03-11");
        assert_eq!(at_risk.rag, Rag::Amber);
        let off_track = slip_to(&mut plan, "2026-03-16");
        assert_eq!(off_track.rag, Rag::Red);
        assert_eq!(
            sentence(&off_track),
            "Milestone “Launch” slips 6 working days against the baseline, more than the 5-day limit."
        );
    }

    #[test]
    fn a_task_past_its_own_deadline_turns_the_schedule_amber_until_it_is_done() {
        let mut plan = TestPlan::new("2026-03-02");
        let build = plan.task("Build", "2026-03-02", "2026-03-13", 10, None);
        let test = plan.task("Test", "2026-03-02", "2026-03-20", 10, None);
        plan.edit(build, |task| task.deadline = Some(date("2026-03-11")));
        plan.edit(test, |task| task.deadline = Some(date("2026-03-12")));
        let status = health(plan.project(), &[], date("2026-03-02")).schedule;
        assert_eq!(status.rag, Rag::Amber);
        assert_eq!(
            sentence(&status),
            "Task “Build” finishes 2026-03-13, after its deadline 2026-03-11. \
             1 more task misses its deadline."
        );
        plan.move_to(build, ColumnCategory::Done, "2026-03-13");
        plan.move_to(test, ColumnCategory::Done, "2026-03-13");
        let status = health(plan.project(), &[], date("2026-03-02")).schedule;
        assert_eq!(status.reason, Reason::NoBaseline(Aspect::Schedule));
    }

    #[test]
    fn a_task_that_meets_its_deadline_is_not_a_reason() {
        let mut plan = TestPlan::new("2026-03-02");
        let build = plan.task("Build", "2026-03-02", "2026-03-13", 10, None);
        plan.edit(build, |task| task.deadline = Some(date("2026-03-13")));
        let project = plan.project();
        assert!(missed_deadlines(project, &schedule::compute(project)).is_empty());
    }

    #[test]
    fn a_late_project_finish_outranks_a_missed_task_deadline() {
        let mut plan = TestPlan::new("2026-03-02");
        let build = plan.task("Build", "2026-03-02", "2026-03-13", 10, None);
        plan.edit(build, |task| task.deadline = Some(date("2026-03-11")));
        plan.deadline("2026-03-11");
        let status = health(plan.project(), &[], date("2026-03-02")).schedule;
        assert_eq!(status.rag, Rag::Red);
        assert!(matches!(status.reason, Reason::PastDeadline { .. }));
    }

    #[test]
    fn a_fresh_project_is_untracked_everywhere() {
        let plan = TestPlan::new("2026-03-02");
        let health = health(plan.project(), &[], date("2026-03-02"));
        for (_, status) in health.aspects() {
            assert_eq!(status.rag, Rag::Green);
            assert_eq!(status.label(), "No baseline");
        }
        assert_eq!(health.overall(), Rag::Green);
    }
}
