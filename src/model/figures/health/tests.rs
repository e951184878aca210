//! The health verdicts at and around their thresholds, and the sentences that give them.

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
    let status = |baseline, current| scope_status(&thresholds, Some(&growth(baseline, current)));
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
