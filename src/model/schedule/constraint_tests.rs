//! Scheduler tests for task constraints, one per kind, on the January 2026 calendar of
//! `tests.rs` (project start Monday 5):
//!
//! ```text
//!   Mon  Tue  Wed  Thu  Fri | Sat  Sun
//!    5    6    7    8    9  |  10   11
//!   12   13   14   15   16  |  17   18
//!   19   20   21   22   23  |  24   25
//! ```

use super::tests::{jan, JanuaryPlan};
use super::*;

impl JanuaryPlan {
    fn constrain(&mut self, id: TaskId, constraint: Constraint) {
        self.edit(id, |task| task.constraint = constraint);
    }
}

fn scheduled(schedule: &Schedule, id: TaskId) -> (NaiveDate, NaiveDate) {
    let task = schedule.task(id).expect("scheduled");
    (task.start, task.finish)
}

#[test]
fn as_soon_as_possible_without_predecessors_starts_at_the_project_start() {
    let mut plan = JanuaryPlan::new();
    let free = plan.task("Free", 14, 16);
    plan.constrain(free, Constraint::AsSoonAsPossible);
    let schedule = compute(plan.project());
    assert_eq!(scheduled(&schedule, free), (jan(5), jan(7)));
    reschedule_all(plan.project_mut());
    assert_eq!(plan.stored(free), (jan(5), jan(7)));
}

#[test]
fn as_soon_as_possible_pulls_a_successor_back_when_its_predecessor_finishes_earlier() {
    // A  [Mon 5 ........ Fri 9]           A shrinks to   [Mon 5 Tue 6]
    // B                        [Mon 12 Tue 13]   B follows  [Wed 7 Thu 8]
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 9);
    let b = plan.task("B", 12, 13);
    plan.constrain(b, Constraint::AsSoonAsPossible);
    plan.finish_to_start(a, b);
    plan.project_mut()
        .set_task_dates(a, jan(5), jan(6))
        .expect("valid dates");
    let moved = reschedule(plan.project_mut(), &[a]);
    assert_eq!(plan.stored(b), (jan(7), jan(8)));
    assert_eq!(
        moved,
        vec![Moved {
            task: b,
            from: (jan(12), jan(13)),
            to: (jan(7), jan(8)),
        }]
    );
}

#[test]
fn start_no_earlier_than_holds_a_task_after_its_date() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 5);
    let b = plan.task("B", 6, 7);
    plan.finish_to_start(a, b);
    plan.constrain(b, Constraint::StartNoEarlierThan(jan(12)));
    assert_eq!(scheduled(&compute(plan.project()), b), (jan(12), jan(13)));
}

#[test]
fn finish_no_earlier_than_holds_a_task_finish_after_its_date() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 6);
    plan.constrain(a, Constraint::FinishNoEarlierThan(jan(9)));
    assert_eq!(scheduled(&compute(plan.project()), a), (jan(8), jan(9)));
}

#[test]
fn start_no_later_than_is_met_when_the_links_allow_it() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 6);
    let b = plan.task("B", 5, 5);
    plan.task("Long", 5, 16);
    plan.finish_to_start(a, b);
    plan.constrain(b, Constraint::StartNoLaterThan(jan(9)));
    let schedule = compute(plan.project());
    assert_eq!(scheduled(&schedule, b), (jan(7), jan(7)));
    let task = schedule.task(b).expect("scheduled");
    assert_eq!(task.conflict, None);
    // The project runs to Fri 16, but B may slip to Fri 9 and no further: two days of float.
    assert_eq!(task.total_float, Some(2));
}

#[test]
fn start_no_later_than_broken_by_a_link_is_a_conflict_and_the_task_keeps_its_date() {
    // A  [Mon 5 .. Thu 8]
    // B  must start by Wed 7, but A's link asks for Fri 9.
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 8);
    let b = plan.task("B", 5, 5);
    plan.finish_to_start(a, b);
    plan.constrain(b, Constraint::StartNoLaterThan(jan(7)));
    let schedule = compute(plan.project());
    assert_eq!(scheduled(&schedule, b), (jan(7), jan(7)));
    let task = schedule.task(b).expect("scheduled");
    assert_eq!(
        task.conflict,
        Some(Conflict::StartTooLate {
            constraint: Constraint::StartNoLaterThan(jan(7)),
            wanted: jan(9),
        })
    );
    // A should have finished two days earlier than it can: negative float, still critical.
    let a_schedule = schedule.task(a).expect("scheduled");
    assert_eq!(a_schedule.total_float, Some(-2));
    assert!(a_schedule.critical);
    assert_eq!(violations(plan.project()).len(), 1);
}

#[test]
fn finish_no_later_than_broken_by_a_link_is_a_conflict() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 7);
    let b = plan.task("B", 5, 6);
    plan.finish_to_start(a, b);
    plan.constrain(b, Constraint::FinishNoLaterThan(jan(8)));
    let schedule = compute(plan.project());
    // B wants Thu 8–Fri 9 and must finish by Thu 8: it stays Wed 7–Thu 8.
    assert_eq!(scheduled(&schedule, b), (jan(7), jan(8)));
    assert_eq!(
        schedule.task(b).and_then(|task| task.conflict),
        Some(Conflict::FinishTooLate {
            constraint: Constraint::FinishNoLaterThan(jan(8)),
            wanted: jan(9),
        })
    );
}

#[test]
fn must_start_on_pins_the_start_both_ways() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 5);
    let b = plan.task("B", 5, 6);
    plan.finish_to_start(a, b);
    plan.constrain(b, Constraint::MustStartOn(jan(14)));
    let schedule = compute(plan.project());
    assert_eq!(scheduled(&schedule, b), (jan(14), jan(15)));
    assert_eq!(schedule.task(b).and_then(|task| task.conflict), None);
    reschedule_all(plan.project_mut());
    assert_eq!(plan.stored(b), (jan(14), jan(15)));
}

#[test]
fn must_finish_on_pins_the_finish() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 7);
    plan.constrain(a, Constraint::MustFinishOn(jan(13)));
    let schedule = compute(plan.project());
    assert_eq!(scheduled(&schedule, a), (jan(9), jan(13)));
    let task = schedule.task(a).expect("scheduled");
    assert_eq!(task.total_float, Some(0));
}

#[test]
fn as_late_as_possible_uses_the_room_before_its_successor() {
    // A [Mon 5]                 C [Mon 5 ........ Fri 9]
    //  \-> B  ALAP, 1 day ->  D [Mon 12]   (D follows C too)
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 5);
    let b = plan.task("B", 5, 5);
    let c = plan.task("C", 5, 9);
    let d = plan.task("D", 12, 12);
    plan.finish_to_start(a, b);
    plan.finish_to_start(b, d);
    plan.finish_to_start(c, d);
    plan.constrain(b, Constraint::AsLateAsPossible);
    let schedule = compute(plan.project());
    let task = schedule.task(b).expect("scheduled");
    assert_eq!((task.early_start, task.early_finish), (jan(6), jan(6)));
    assert_eq!((task.start, task.finish), (jan(9), jan(9)));
    reschedule(plan.project_mut(), &[a]);
    assert_eq!(plan.stored(b), (jan(9), jan(9)));
}

#[test]
fn as_late_as_possible_without_successors_runs_up_to_the_project_finish() {
    let mut plan = JanuaryPlan::new();
    let long = plan.task("Long", 5, 16);
    let late = plan.task("Late", 5, 6);
    plan.constrain(late, Constraint::AsLateAsPossible);
    let _ = long;
    let schedule = compute(plan.project());
    assert_eq!(scheduled(&schedule, late), (jan(15), jan(16)));
}

#[test]
fn a_constrained_milestone_sits_on_its_date() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 6);
    let gate = plan.milestone("Gate", 5);
    plan.finish_to_start(a, gate);
    plan.constrain(gate, Constraint::MustFinishOn(jan(9)));
    assert_eq!(scheduled(&compute(plan.project()), gate), (jan(9), jan(9)));
    plan.constrain(gate, Constraint::StartNoLaterThan(jan(5)));
    let schedule = compute(plan.project());
    assert_eq!(scheduled(&schedule, gate), (jan(5), jan(5)));
    assert!(schedule
        .task(gate)
        .is_some_and(|task| task.conflict.is_some()));
}

#[test]
fn typing_a_start_sets_start_no_earlier_than() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 6);
    plan.constrain(a, Constraint::AsSoonAsPossible);
    plan.project_mut()
        .set_task_dates(a, jan(5), jan(8))
        .expect("valid dates");
    assert_eq!(
        plan.project().task(a).map(|task| task.constraint),
        Ok(Constraint::AsSoonAsPossible),
        "a new finish alone keeps the constraint"
    );
    plan.project_mut()
        .set_task_dates(a, jan(12), jan(13))
        .expect("valid dates");
    assert_eq!(
        plan.project().task(a).map(|task| task.constraint),
        Ok(Constraint::StartNoEarlierThan(jan(12)))
    );
}

#[test]
fn a_working_saturday_is_scheduled_on() {
    // Saturday 10 is worked: a three-day task from Thu 8 ends on it.
    let mut plan = JanuaryPlan::new();
    let mut details = plan.project().details();
    details.calendar.working_days.insert(jan(10));
    plan.project_mut()
        .update_details(details)
        .expect("valid calendar");
    let a = plan.task("A", 8, 12);
    let b = plan.task("B", 5, 5);
    plan.finish_to_start(a, b);
    plan.project_mut()
        .set_task_dates(a, jan(8), jan(10))
        .expect("valid dates");
    reschedule(plan.project_mut(), &[a]);
    assert_eq!(plan.stored(b), (jan(12), jan(12)));
}
