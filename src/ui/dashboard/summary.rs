//! What the Dashboard shows, as pure values: the three health cards with their key figures, the
//! chart data and the milestone rows, each built from the project at a status date.
//!
//! Every figure comes from the model (`health`, `earned_value`, `scope`, `forecast`, `cost`)
//! and is only worded and formatted here, so the components stay free of arithmetic.

use super::chart::{ChartData, ChartSeries};
use crate::model::burnup::burnup;
use crate::model::cost::{project_actual_cost, Rates};
use crate::model::earned_value::{earned_value, series};
use crate::model::forecast::schedule_forecast;
use crate::model::health::{health, Reason, Status};
use crate::model::scope::scope_growth;
use crate::model::{Formatter, Hours, Money, Person, Project, Ratio, Rounding};
use crate::ui::format::{self, UiFormatter};
use chrono::{NaiveDate, Weekday};

const NOT_AVAILABLE: &str = "n/a";

/// One health card.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HealthCard {
    /// "Scope", "Budget" or "Schedule": the card's heading.
    pub heading: &'static str,
    /// The colour's style key: "green", "amber", "red" or "untracked".
    pub key: &'static str,
    /// The colour in words: "On track", "At risk", "Off track" or "No baseline".
    pub label: &'static str,
    /// Why, as a sentence.
    pub reason: String,
    /// Key figures: (name, value).
    pub figures: Vec<(&'static str, String)>,
}

/// One row of the milestones table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MilestoneRow {
    pub title: String,
    pub baseline: String,
    pub forecast: String,
    pub slip: String,
    pub state: &'static str,
    /// True when it slipped later than the baseline, or is after the deadline.
    pub late: bool,
}

fn status_key(status: &Status) -> &'static str {
    match status.reason {
        Reason::NoBaseline(_) => "untracked",
        _ => status.rag.key(),
    }
}

fn index(ratio: Option<Ratio>) -> String {
    ratio
        .map(|ratio| UiFormatter.number(ratio.decimal(2, Rounding::HalfAwayFromZero)))
        .unwrap_or_else(|| NOT_AVAILABLE.to_string())
}

/// "+12.5%", "-3%" or "0%".
pub fn signed_percent(change: Ratio) -> String {
    crate::model::report::signed_percent(change, &UiFormatter)
}

fn working_days(days: i64) -> String {
    match days {
        1 => "1 working day late".to_string(),
        -1 => "1 working day early".to_string(),
        0 => "On the baseline".to_string(),
        days if days > 0 => format!("{days} working days late"),
        days => format!("{} working days early", -days),
    }
}

/// The three cards of `project` at `today`, in the order scope, budget, schedule.
pub fn health_cards(project: &Project, people: &[Person], today: NaiveDate) -> Vec<HealthCard> {
    let verdicts = health(project, people, today);
    let currency = project.budget.currency;
    let money = |amount: Money| format::money(amount, currency);
    let maybe_money = |amount: Option<Money>| {
        amount
            .map(money)
            .unwrap_or_else(|| NOT_AVAILABLE.to_string())
    };
    let earned = earned_value(project, people, today).map(|value| value.figures);
    let actual = project_actual_cost(project, &Rates::new(people), Some(today)).rounded();
    let growth = scope_growth(project);
    let schedule = schedule_forecast(project);

    let scope_figures = vec![
        (
            "Scope change",
            growth
                .and_then(|growth| growth.change)
                .map(signed_percent)
                .unwrap_or_else(|| NOT_AVAILABLE.to_string()),
        ),
        (
            "Estimated work",
            match growth {
                Some(growth) => format!(
                    "{} now, {} in the baseline",
                    format::hours(growth.current_hours),
                    format::hours(growth.baseline_hours)
                ),
                None => format::hours(
                    project
                        .tasks()
                        .iter()
                        .filter(|task| !project.is_summary(task.id))
                        .map(|task| task.estimate)
                        .sum::<Hours>(),
                ),
            },
        ),
        ("Changes logged", project.scope_log().len().to_string()),
    ];
    let budget_amount = Some(project.budget.amount).filter(|amount| *amount != Money::ZERO);
    let budget_figures = vec![
        (
            "Budget",
            budget_amount
                .map(money)
                .unwrap_or_else(|| "Not set".to_string()),
        ),
        ("Actual cost", money(actual)),
        (
            "CPI",
            index(earned.as_ref().and_then(|figures| figures.cpi)),
        ),
        (
            "Earned value",
            maybe_money(earned.as_ref().map(|figures| figures.ev)),
        ),
        (
            "Planned value",
            maybe_money(earned.as_ref().map(|figures| figures.pv)),
        ),
        (
            "Forecast cost (EAC)",
            maybe_money(earned.as_ref().and_then(|figures| figures.eac)),
        ),
    ];
    let finish = schedule.finish;
    let schedule_figures = vec![
        ("Forecast finish", format::maybe_date(finish.forecast)),
        ("Baseline finish", format::maybe_date(finish.baseline)),
        ("Deadline", format::maybe_date(finish.deadline)),
        (
            "Slip",
            schedule
                .worst_slip
                .as_ref()
                .map(|slip| working_days(slip.days))
                .unwrap_or_else(|| NOT_AVAILABLE.to_string()),
        ),
        (
            "SPI",
            index(earned.as_ref().and_then(|figures| figures.spi)),
        ),
    ];

    verdicts
        .aspects()
        .into_iter()
        .zip([scope_figures, budget_figures, schedule_figures])
        .map(|((aspect, status), figures)| HealthCard {
            heading: aspect.label(),
            key: status_key(status),
            label: status.label(),
            reason: status.sentence(&UiFormatter),
            figures,
        })
        .collect()
}

/// The milestones of `project`: baseline, forecast and slip.
pub fn milestone_rows(project: &Project) -> Vec<MilestoneRow> {
    schedule_forecast(project)
        .milestones
        .into_iter()
        .map(|milestone| MilestoneRow {
            title: milestone.title,
            baseline: format::maybe_date(milestone.baseline),
            forecast: format::date(milestone.forecast),
            slip: milestone
                .slip_days
                .map(working_days)
                .unwrap_or_else(|| NOT_AVAILABLE.to_string()),
            state: if milestone.done {
                "Reached"
            } else if milestone.after_deadline {
                "After the deadline"
            } else {
                "Open"
            },
            late: milestone.slip_days.is_some_and(|days| days > 0) || milestone.after_deadline,
        })
        .collect()
}

fn hours_value(hours: Option<Hours>) -> (Option<f64>, Option<String>) {
    (hours.map(Hours::as_f64), hours.map(format::hours))
}

fn series_of(
    name: &str,
    key: &'static str,
    points: impl Iterator<Item = (Option<f64>, Option<String>)>,
) -> ChartSeries {
    let (values, texts) = points.unzip();
    ChartSeries {
        name: name.to_string(),
        key,
        values,
        texts,
    }
}

/// The burn-up and burn-down charts of `project` as of `today`, a point a week, weeks starting
/// on `first_day`.
pub fn burn_charts(
    project: &Project,
    today: NaiveDate,
    first_day: Weekday,
) -> (ChartData, ChartData) {
    let points = burnup(project, today, first_day);
    let labels: Vec<String> = points
        .iter()
        .map(|point| format::date(point.week.start))
        .collect();
    let has_baseline = project.baseline().is_some();
    let mut up = vec![
        series_of(
            "Scope",
            "scope",
            points.iter().map(|point| hours_value(Some(point.scope))),
        ),
        series_of(
            "Done",
            "done",
            points.iter().map(|point| hours_value(point.done)),
        ),
    ];
    let mut down = vec![series_of(
        "Remaining",
        "done",
        points.iter().map(|point| hours_value(point.remaining())),
    )];
    if has_baseline {
        up.insert(
            0,
            series_of(
                "Baseline plan",
                "plan",
                points.iter().map(|point| hours_value(point.planned)),
            ),
        );
        let baseline_total = points
            .last()
            .and_then(|point| point.planned)
            .unwrap_or(Hours::ZERO);
        down.insert(
            0,
            series_of(
                "Baseline remaining",
                "plan",
                points.iter().map(|point| {
                    hours_value(point.planned.map(|planned| {
                        Hours::from_centi(baseline_total.centi().saturating_sub(planned.centi()))
                    }))
                }),
            ),
        );
    }
    let against = if has_baseline {
        "against the baseline plan"
    } else {
        "(no baseline yet to compare with)"
    };
    (
        ChartData {
            title: "Burn-up of work".to_string(),
            description: format!(
                "Hours of work done and total scope, week by week, {against}. Done work before this week counts completed tasks; this week includes partial progress."
            ),
            labels: labels.clone(),
            label_heading: "Week of".to_string(),
            unit: "h".to_string(),
            series: up,
        },
        ChartData {
            title: "Burn-down of work".to_string(),
            description: format!("Hours of work remaining at the end of each week, {against}."),
            labels,
            label_heading: "Week of".to_string(),
            unit: "h".to_string(),
            series: down,
        },
    )
}

/// Planned value, earned value and actual cost, cumulative by week (weeks starting on
/// `first_day`; empty without a baseline).
pub fn budget_chart(
    project: &Project,
    people: &[Person],
    today: NaiveDate,
    first_day: Weekday,
) -> ChartData {
    let currency = project.budget.currency;
    let points = series(project, people, today, first_day);
    let digits = currency.minor_digits();
    let money = |amount: Option<Money>| {
        (
            amount.map(|amount| amount.minor() as f64 / 10f64.powi(digits as i32)),
            amount.map(|amount| format::money(amount, currency)),
        )
    };
    ChartData {
        title: "Budget: planned value, earned value and actual cost".to_string(),
        description: if points.is_empty() {
            "Set a baseline to see planned value, earned value and actual cost over time."
                .to_string()
        } else {
            "Cumulative planned value, earned value and actual cost by week. Earned value is known for this week only, because progress history is not stored.".to_string()
        },
        labels: points
            .iter()
            .map(|point| format::date(point.week.start))
            .collect(),
        label_heading: "Week of".to_string(),
        unit: currency.code().to_string(),
        series: vec![
            series_of(
                "Planned value (PV)",
                "plan",
                points.iter().map(|point| money(Some(point.pv))),
            ),
            series_of(
                "Earned value (EV)",
                "done",
                points.iter().map(|point| money(point.ev)),
            ),
            series_of(
                "Actual cost (AC)",
                "actual",
                points.iter().map(|point| money(point.ac)),
            ),
        ],
    }
}
