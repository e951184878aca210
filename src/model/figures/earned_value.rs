//! Earned value at a status date, with the standard PMBOK definitions, and its weekly series for
//! the S-curve chart.
//!
//! Everything is measured against the current baseline (`Project::baseline`, the last one):
//!
//! - BAC = Σ over baseline leaf tasks of estimate × baseline hourly rate + baseline fixed cost.
//! - PV  = each baseline task's cost spread evenly over its baseline working days (project
//!   calendar), counting the days up to and including the status date.
//! - EV  = Σ baseline task cost × the task's current progress (100 % when it is done).
//! - AC  = actual cost of time entries dated on or before the status date, plus actual fixed
//!   costs, on every leaf task (also tasks added after the baseline: money spent is spent).
//! - SV = EV − PV, CV = EV − AC, SPI = EV / PV, CPI = EV / AC,
//!   EAC = BAC / CPI (the "typical variance" forecast), ETC = EAC − AC, VAC = BAC − EAC.
//!
//! Tasks added after the baseline have no baseline cost, so they add nothing to BAC, PV or EV;
//! removed tasks keep their BAC and PV and earn nothing. Re-baseline after an approved change.
//! Sums are exact ([`PreciseMoney`]); each figure is rounded once. The health verdict built on
//! these figures is in `health`.

use crate::model::baseline::{Baseline, BaselineTask};
use crate::model::calendar::Calendar;
use crate::model::cost::{leaf_tasks, project_actual_cost, PreciseMoney, Rates};
use crate::model::ids::TaskId;
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::ratio::{multiply_divide, Ratio, Rounding};
use crate::model::task::Task;
use crate::model::units::Money;
use crate::model::week::Week;
use chrono::{NaiveDate, Weekday};
use std::collections::HashMap;

/// The four measured quantities, exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EvmTotals {
    /// Budget at completion.
    pub bac: PreciseMoney,
    /// Planned value at the status date.
    pub pv: PreciseMoney,
    /// Earned value at the status date.
    pub ev: PreciseMoney,
    /// Actual cost at the status date.
    pub ac: PreciseMoney,
}

/// Every earned value figure, money in minor units (each rounded once, half away from zero, from
/// the exact totals; so SV may differ by one minor unit from the displayed EV minus PV).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EvmFigures {
    /// Budget at completion.
    pub bac: Money,
    /// Planned value.
    pub pv: Money,
    /// Earned value.
    pub ev: Money,
    /// Actual cost.
    pub ac: Money,
    /// Schedule variance EV − PV; negative is behind plan.
    pub sv: Money,
    /// Cost variance EV − AC; negative is over cost.
    pub cv: Money,
    /// Schedule performance index EV / PV; `None` when PV is zero.
    pub spi: Option<Ratio>,
    /// Cost performance index EV / AC; `None` when AC is zero.
    pub cpi: Option<Ratio>,
    /// Estimate at completion BAC / CPI; BAC itself while nothing has been spent (AC zero), and
    /// `None` when money was spent but nothing earned (CPI zero).
    pub eac: Option<Money>,
    /// Estimate to complete EAC − AC.
    pub etc: Option<Money>,
    /// Variance at completion BAC − EAC; negative is a forecast overrun.
    pub vac: Option<Money>,
}

/// The PMBOK formulas on raw totals.
pub fn figures(totals: EvmTotals) -> EvmFigures {
    let EvmTotals { bac, pv, ev, ac } = totals;
    let cpi = Ratio::new(ev.micro(), ac.micro());
    let spi = Ratio::new(ev.micro(), pv.micro());
    // EAC = BAC × AC / EV, ETC = AC × (BAC − EV) / EV, VAC = BAC × (EV − AC) / EV: written as
    // single quotients so each is rounded once, straight to minor units.
    let to_minor = |a: i128, b: i128, c: i128| {
        let minor = multiply_divide(
            a,
            b,
            c.saturating_mul(PreciseMoney::PER_MINOR),
            Rounding::HalfAwayFromZero,
        );
        Money(i64::try_from(minor).unwrap_or(if minor < 0 { i64::MIN } else { i64::MAX }))
    };
    let (eac, etc, vac) = if ac == PreciseMoney::ZERO {
        (Some(bac.rounded()), Some(bac.rounded()), Some(Money::ZERO))
    } else if ev == PreciseMoney::ZERO {
        (None, None, None)
    } else {
        (
            Some(to_minor(bac.micro(), ac.micro(), ev.micro())),
            Some(to_minor(ac.micro(), (bac - ev).micro(), ev.micro())),
            Some(to_minor(bac.micro(), (ev - ac).micro(), ev.micro())),
        )
    };
    EvmFigures {
        bac: bac.rounded(),
        pv: pv.rounded(),
        ev: ev.rounded(),
        ac: ac.rounded(),
        sv: (ev - pv).rounded(),
        cv: (ev - ac).rounded(),
        spi,
        cpi,
        eac,
        etc,
        vac,
    }
}

/// Earned value of a project at a status date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EarnedValue {
    /// The day the figures are measured at (inclusive).
    pub status_date: NaiveDate,
    /// The exact totals, for threshold comparisons.
    pub totals: EvmTotals,
    /// The figures for display.
    pub figures: EvmFigures,
}

/// Cost of a baseline task: estimate × baseline hourly rate + baseline fixed cost.
pub fn baseline_cost(task: &BaselineTask) -> PreciseMoney {
    PreciseMoney::work(task.estimate, task.hourly_rate) + PreciseMoney::from_money(task.fixed_cost)
}

/// Planned value of one baseline task at `date`: its cost × (working days from its start to
/// `date`, inclusive) / (its working days). Before its start nothing, from its last day all of
/// it; a task on non-working days only is all planned on its last day.
pub fn planned_value(task: &BaselineTask, calendar: &Calendar, date: NaiveDate) -> PreciseMoney {
    let cost = baseline_cost(task);
    if date < task.start {
        return PreciseMoney::ZERO;
    }
    if date >= task.end {
        return cost;
    }
    let total = calendar.working_days_inclusive(task.start, task.end);
    let elapsed = calendar.working_days_inclusive(task.start, date);
    cost.share(i128::from(elapsed), i128::from(total))
}

/// The baseline's leaf tasks: the ones that carry cost.
fn baseline_leaves(baseline: &Baseline) -> impl Iterator<Item = &BaselineTask> {
    baseline.tasks.iter().filter(|task| !task.summary)
}

/// Share of a task earned so far, in percent: 100 when done, its progress otherwise.
fn earned_percent(project: &Project, task: &Task) -> i128 {
    if project.is_done(task) {
        100
    } else {
        i128::from(task.progress.percent())
    }
}

/// Earned value of `project` at `status_date`, or `None` when it has no baseline. `people`
/// price the actual cost (rates of whoever logged the time).
pub fn earned_value(
    project: &Project,
    people: &[Person],
    status_date: NaiveDate,
) -> Option<EarnedValue> {
    let baseline = project.baseline()?;
    let rates = Rates::new(people);
    let current: HashMap<TaskId, &Task> = project
        .tasks()
        .iter()
        .map(|task| (task.id, task.as_ref()))
        .collect();
    let mut totals = EvmTotals::default();
    for planned in baseline_leaves(baseline) {
        let cost = baseline_cost(planned);
        totals.bac += cost;
        totals.pv += planned_value(planned, &project.calendar, status_date);
        if let Some(task) = current.get(&planned.task) {
            totals.ev += cost.share(earned_percent(project, task), 100);
        }
    }
    totals.ac = project_actual_cost(project, &rates, Some(status_date));
    Some(EarnedValue {
        status_date,
        totals,
        figures: figures(totals),
    })
}

/// One week of the S-curve: cumulative figures at the week's last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EvmPoint {
    /// The week the point closes.
    pub week: Week,
    /// Cumulative planned value at the week's last day.
    pub pv: Money,
    /// Earned value: only in the week of the status date. Progress history is not stored, so
    /// earlier weeks have none.
    pub ev: Option<Money>,
    /// Cumulative actual cost at the week's last day, or at the status date in its own week;
    /// `None` for weeks after the status date.
    pub ac: Option<Money>,
}

/// Weekly cumulative PV, EV and AC from the week of the project start (or of the earliest
/// baseline start, if earlier) to the week of the later of the status date and the baseline
/// finish. Weeks begin on `first_day`. Empty without a baseline.
pub fn series(
    project: &Project,
    people: &[Person],
    status_date: NaiveDate,
    first_day: Weekday,
) -> Vec<EvmPoint> {
    let Some(value) = earned_value(project, people, status_date) else {
        return Vec::new();
    };
    let Some(baseline) = project.baseline() else {
        return Vec::new();
    };
    let first = baseline_leaves(baseline)
        .map(|task| task.start)
        .fold(project.start, NaiveDate::min);
    // Summaries rolled up from their subtasks: their stored baseline dates may be stale.
    let last = baseline
        .dates(project)
        .finish()
        .map_or(status_date, |finish| finish.max(status_date));

    // Actual cost as dated amounts, sorted, then swept once; fixed costs have no date and
    // count from the first week, as they do in AC.
    let rates = Rates::new(people);
    let mut fixed = PreciseMoney::ZERO;
    let mut dated: Vec<(NaiveDate, PreciseMoney)> = Vec::new();
    for task in leaf_tasks(project) {
        fixed += PreciseMoney::from_money(task.actual_fixed_cost);
        dated.extend(
            task.time_entries
                .iter()
                .filter(|entry| entry.date <= status_date)
                .map(|entry| {
                    (
                        entry.date,
                        PreciseMoney::work(entry.hours, rates.rate(Some(entry.person))),
                    )
                }),
        );
    }
    dated.sort_by_key(|(date, _)| *date);
    let mut spent = fixed;
    let mut next_entry = 0;

    let mut points = Vec::new();
    let mut week = Week::containing(first, first_day);
    while week.start <= last {
        let pv: PreciseMoney = baseline_leaves(baseline)
            .map(|task| planned_value(task, &project.calendar, week.end()))
            .sum();
        let ac = (week.start <= status_date).then(|| {
            let until = week.end().min(status_date);
            while let Some((date, amount)) = dated.get(next_entry) {
                if *date > until {
                    break;
                }
                spent += *amount;
                next_entry += 1;
            }
            spent.rounded()
        });
        points.push(EvmPoint {
            week,
            pv: pv.rounded(),
            ev: week.contains(status_date).then_some(value.figures.ev),
            ac,
        });
        week = week.next();
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{date, TestPlan};
    use crate::model::Hours;

    fn major(amount: i64) -> PreciseMoney {
        PreciseMoney::from_money(Money(amount * 100))
    }

    /// Money in whole euros.
    fn euros(amount: i64) -> Money {
        Money(amount * 100)
    }

    fn thousandths(ratio: Option<Ratio>) -> Option<i128> {
        ratio.map(|ratio| ratio.decimal(3, Rounding::HalfAwayFromZero).units)
    }

    // The widely used classroom illustration of the formulas (BAC 100,000; PV 50,000;
    // EV 40,000; AC 45,000), chosen for its round numbers; we could not trace it to a single
    // publication, so it is not quoted as one. The sourced example, the fence exercise of
    // Rita Mulcahy's "PMP Exam Prep", is in tests/health.rs.
    #[test]
    fn the_formulas_give_the_classic_textbook_figures() {
        let figures = figures(EvmTotals {
            bac: major(100_000),
            pv: major(50_000),
            ev: major(40_000),
            ac: major(45_000),
        });
        assert_eq!(figures.sv, euros(-10_000));
        assert_eq!(figures.cv, euros(-5_000));
        assert_eq!(thousandths(figures.spi), Some(800));
        assert_eq!(thousandths(figures.cpi), Some(889));
        assert_eq!(figures.eac, Some(euros(112_500)));
        assert_eq!(figures.etc, Some(euros(67_500)));
        assert_eq!(figures.vac, Some(euros(-12_500)));
    }

    #[test]
    fn the_forecast_is_the_plan_until_money_is_spent_and_unknown_when_nothing_is_earned() {
        let nothing_spent = figures(EvmTotals {
            bac: major(1_000),
            pv: major(100),
            ev: major(50),
            ac: PreciseMoney::ZERO,
        });
        assert_eq!(nothing_spent.cpi, None);
        assert_eq!(nothing_spent.eac, Some(euros(1_000)));
        assert_eq!(nothing_spent.etc, Some(euros(1_000)));
        assert_eq!(nothing_spent.vac, Some(Money::ZERO));
        let nothing_earned = figures(EvmTotals {
            bac: major(1_000),
            pv: PreciseMoney::ZERO,
            ev: PreciseMoney::ZERO,
            ac: major(10),
        });
        assert_eq!(nothing_earned.spi, None);
        assert_eq!(thousandths(nothing_earned.cpi), Some(0));
        assert_eq!(nothing_earned.eac, None);
    }

    /// One task of 100 h at 1,000.00/h over the ten working days 2–13 March 2026, measured on
    /// Friday 6 March: half the days have passed, 40 % is done and 45 h were logged.
    fn classic_project() -> TestPlan {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 100_000);
        let build = plan.task("Build", "2026-03-02", "2026-03-13", 100, Some(ada));
        plan.baseline("2026-03-02");
        for day in 2..=6 {
            plan.log(build, ada, &format!("2026-03-0{day}"), 900);
        }
        plan.log(build, ada, "2026-03-09", 900);
        plan.progress(build, 40);
        plan
    }

    #[test]
    fn a_tiny_project_reproduces_the_classic_figures() {
        let plan = classic_project();
        let value = earned_value(plan.project(), plan.workspace.people(), date("2026-03-06"))
            .expect("the project has a baseline");
        let figures = value.figures;
        assert_eq!(figures.bac, euros(100_000));
        assert_eq!(figures.pv, euros(50_000));
        assert_eq!(figures.ev, euros(40_000));
        assert_eq!(figures.ac, euros(45_000));
        assert_eq!(figures.sv, euros(-10_000));
        assert_eq!(figures.cv, euros(-5_000));
        assert_eq!(thousandths(figures.spi), Some(800));
        assert_eq!(thousandths(figures.cpi), Some(889));
        assert_eq!(figures.eac, Some(euros(112_500)));
        assert_eq!(figures.etc, Some(euros(67_500)));
        assert_eq!(figures.vac, Some(euros(-12_500)));
    }

    #[test]
    fn planned_value_spreads_over_working_days_only() {
        let task = BaselineTask {
            task: TaskId(uuid::Uuid::from_u128(1)),
            start: date("2026-03-06"),
            end: date("2026-03-10"),
            estimate: Hours::whole(30),
            hourly_rate: Money(100),
            fixed_cost: Money::ZERO,
            milestone: false,
            summary: false,
        };
        let calendar = Calendar::default();
        // Fri 6, Mon 9, Tue 10: three working days of 10.00 each.
        let at = |day| planned_value(&task, &calendar, date(day)).rounded();
        assert_eq!(at("2026-03-05"), Money(0));
        assert_eq!(at("2026-03-06"), Money(1_000));
        assert_eq!(at("2026-03-08"), Money(1_000));
        assert_eq!(at("2026-03-09"), Money(2_000));
        assert_eq!(at("2026-03-10"), Money(3_000));
        assert_eq!(at("2026-12-31"), Money(3_000));
    }

    #[test]
    fn tasks_added_after_the_baseline_cost_but_earn_nothing() {
        let mut plan = classic_project();
        let ada = plan.workspace.people()[0].id;
        let extra = plan.task("Extra", "2026-03-02", "2026-03-02", 8, Some(ada));
        plan.log(extra, ada, "2026-03-02", 500);
        plan.progress(extra, 100);
        let figures = earned_value(plan.project(), plan.workspace.people(), date("2026-03-06"))
            .expect("baseline")
            .figures;
        assert_eq!(figures.bac, euros(100_000));
        assert_eq!(figures.ev, euros(40_000));
        assert_eq!(figures.ac, euros(50_000));
    }

    #[test]
    fn no_baseline_means_no_earned_value() {
        let plan = TestPlan::new("2026-03-02");
        assert_eq!(
            earned_value(plan.project(), plan.workspace.people(), date("2026-03-06")),
            None
        );
        assert!(series(
            plan.project(),
            plan.workspace.people(),
            date("2026-03-06"),
            Weekday::Mon
        )
        .is_empty());
    }

    #[test]
    fn the_series_runs_weekly_to_the_baseline_finish() {
        let plan = classic_project();
        let points = series(
            plan.project(),
            plan.workspace.people(),
            date("2026-03-06"),
            Weekday::Mon,
        );
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].week.start, date("2026-03-02"));
        assert_eq!(points[0].pv, euros(50_000));
        assert_eq!(points[0].ev, Some(euros(40_000)));
        assert_eq!(points[0].ac, Some(euros(45_000)));
        assert_eq!(points[1].pv, euros(100_000));
        assert_eq!(points[1].ev, None);
        assert_eq!(points[1].ac, None);
    }

    #[test]
    fn a_stale_summary_end_in_the_baseline_does_not_stretch_the_series() {
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 100_000);
        let phase = plan.task("Phase", "2026-03-02", "2026-03-02", 0, None);
        let build = plan.task("Build", "2026-03-02", "2026-03-13", 100, Some(ada));
        plan.edit(build, |task| task.parent = Some(phase));
        plan.baseline_ending("2026-03-02", phase, "2026-04-30");
        let points = series(
            plan.project(),
            plan.workspace.people(),
            date("2026-03-06"),
            Weekday::Mon,
        );
        assert_eq!(
            points.len(),
            2,
            "to the week of Build's baseline end, Fri 13"
        );
    }
}
