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
//!
//! The judgements are here; their words in `wording`, the tests in `tests`.

mod wording;

use crate::model::cost::{project_actual_cost, Rates};
use crate::model::earned_value::{earned_value, EvmFigures};
use crate::model::forecast::{schedule_forecast, ScheduleForecast, Slip};
use crate::model::format::Formatter;
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::ratio::Ratio;
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
mod tests;
