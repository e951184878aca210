//! The words of health: [`Reason::sentence`], the one place each verdict's English sentence is
//! written, with the figures formatted through a [`Formatter`].

use super::{Aspect, Reason};
use crate::model::forecast::SlipSource;
use crate::model::format::{Decimal, Formatter};
use crate::model::ratio::{Ratio, Rounding};

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
