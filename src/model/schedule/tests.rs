//! Scheduler tests, named by the shape of the task network. Every plan uses a Monday-to-Friday
//! calendar in January 2026:
//!
//! ```text
//!   Mon  Tue  Wed  Thu  Fri | Sat  Sun
//!    5    6    7    8    9  |  10   11
//!   12   13   14   15   16  |  17   18
//!   19   20   21   22   23  |  24   25
//! ```

use super::*;
use crate::model::task::{Dependency, LinkKind};
use crate::model::testing::{date, TestPlan};
use crate::model::units::Hours;
use std::sync::Arc;

/// January 2026, as `date("2026-01-DD")`.
pub(super) fn jan(number: u32) -> NaiveDate {
    date(&january(number))
}

fn january(number: u32) -> String {
    format!("2026-01-{number:02}")
}

/// The shared [`TestPlan`] on the calendar above: the project starts on Monday 5, commands run
/// on the 1st, and tasks are placed by their day numbers.
pub(super) struct JanuaryPlan {
    plan: TestPlan,
}

impl JanuaryPlan {
    pub(super) fn new() -> JanuaryPlan {
        let mut plan = TestPlan::new(&january(5));
        plan.today = jan(1);
        JanuaryPlan { plan }
    }

    pub(super) fn project(&self) -> &Project {
        self.plan.project()
    }

    pub(super) fn project_mut(&mut self) -> &mut Project {
        self.plan.project_mut()
    }

    fn add(&mut self, title: &str, start: u32, end: u32, milestone: bool) -> TaskId {
        // Placed by hand, as typing its dates does: it starts no earlier than `start`.
        let mut task = self.plan.draft(title, &january(start), &january(end));
        task.milestone = milestone;
        self.plan.add(task)
    }

    /// A task on January `start..=end`.
    pub(super) fn task(&mut self, title: &str, start: u32, end: u32) -> TaskId {
        self.add(title, start, end, false)
    }

    /// A milestone on January `on`.
    pub(super) fn milestone(&mut self, title: &str, on: u32) -> TaskId {
        self.add(title, on, on, true)
    }

    /// Changes a task through `update_task`, as of the 1st.
    pub(super) fn edit(&mut self, id: TaskId, change: impl FnOnce(&mut Task)) {
        self.plan.edit(id, change);
    }

    fn put_under(&mut self, parent: TaskId, child: TaskId) {
        self.edit(child, |task| task.parent = Some(parent));
    }

    fn link(&mut self, predecessor: TaskId, successor: TaskId, kind: LinkKind, lag: i32) {
        let dependency = Dependency {
            predecessor,
            kind,
            lag,
        };
        self.plan.link(successor, dependency);
    }

    pub(super) fn finish_to_start(&mut self, predecessor: TaskId, successor: TaskId) {
        self.link(predecessor, successor, LinkKind::FinishToStart, 0);
    }

    fn set_progress(&mut self, id: TaskId, percent: i64, estimate_hours: u32) {
        self.edit(id, |task| {
            task.progress = Progress::new(percent).expect("a valid percentage");
            task.estimate = Hours::whole(estimate_hours);
        });
    }

    pub(super) fn stored(&self, id: TaskId) -> (NaiveDate, NaiveDate) {
        let task = self.project().task(id).expect("task exists");
        (task.start, task.end)
    }

    fn shared(&self, id: TaskId) -> Arc<Task> {
        let position = self.project().task_index(id).expect("task exists");
        Arc::clone(&self.project().tasks()[position])
    }
}

fn early(schedule: &Schedule, id: TaskId) -> (NaiveDate, NaiveDate) {
    let task = schedule.task(id).expect("scheduled");
    (task.early_start, task.early_finish)
}

fn late(schedule: &Schedule, id: TaskId) -> Option<(NaiveDate, NaiveDate)> {
    let task = schedule.task(id).expect("scheduled");
    task.late_start.zip(task.late_finish)
}

#[test]
fn simple_chain() {
    // A  [Mon 5 .. Wed 7]
    // B                  [Thu 8 .. Fri 9]
    // C                                   [Mon 12]
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 7);
    let b = plan.task("B", 5, 6);
    let c = plan.task("C", 5, 5);
    plan.finish_to_start(a, b);
    plan.finish_to_start(b, c);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, a), (jan(5), jan(7)));
    assert_eq!(early(&schedule, b), (jan(8), jan(9)));
    assert_eq!(early(&schedule, c), (jan(12), jan(12)));
    assert_eq!(schedule.finish, Some(jan(12)));
    assert_eq!(schedule.critical_path, vec![a, b, c]);
}

#[test]
fn fork() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 6);
    let short = plan.task("Short", 5, 5);
    let long = plan.task("Long", 5, 7);
    plan.finish_to_start(a, short);
    plan.finish_to_start(a, long);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, short), (jan(7), jan(7)));
    assert_eq!(early(&schedule, long), (jan(7), jan(9)));
    assert_eq!(
        schedule.task(short).and_then(|task| task.total_float),
        Some(2)
    );
    assert_eq!(schedule.critical_path, vec![a, long]);
}

#[test]
fn join() {
    let mut plan = JanuaryPlan::new();
    let quick = plan.task("Quick", 5, 7);
    let slow = plan.task("Slow", 5, 9);
    let after = plan.task("After", 5, 5);
    plan.finish_to_start(quick, after);
    plan.finish_to_start(slow, after);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, after), (jan(12), jan(12)));
    assert_eq!(
        schedule.task(quick).and_then(|task| task.total_float),
        Some(2)
    );
}

#[test]
fn diamond() {
    //        B [Tue 6 .. Thu 8]
    // A [Mon 5]                  D [Fri 9]
    //        C [Tue 6]
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 5);
    let b = plan.task("B", 5, 7);
    let c = plan.task("C", 5, 5);
    let d = plan.task("D", 5, 5);
    plan.finish_to_start(a, b);
    plan.finish_to_start(a, c);
    plan.finish_to_start(b, d);
    plan.finish_to_start(c, d);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, b), (jan(6), jan(8)));
    assert_eq!(early(&schedule, c), (jan(6), jan(6)));
    assert_eq!(early(&schedule, d), (jan(9), jan(9)));
}

#[test]
fn lag() {
    // A [Mon 5 .. Wed 7]  two working days of gap (Thu, Fri)  B [Mon 12 .. Tue 13]
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 7);
    let b = plan.task("B", 5, 6);
    plan.link(a, b, LinkKind::FinishToStart, 2);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, b), (jan(12), jan(13)));
}

#[test]
fn negative_lag() {
    // A [Mon 5 .. Wed 7]
    // B            [Wed 7 .. Thu 8]   a lead of one day overlaps A's last day
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 7);
    let b = plan.task("B", 5, 6);
    plan.link(a, b, LinkKind::FinishToStart, -1);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, b), (jan(7), jan(8)));
}

#[test]
fn holidays_across_a_weekend() {
    // Fri 9 and Mon 12 are holidays, so Thu 8 is followed by Tue 13.
    // A [Wed 7 .. Thu 8]  (Fri 9, Sat, Sun, Mon 12 off)  B [Tue 13 .. Thu 15]
    let mut plan = JanuaryPlan::new();
    let mut details = plan.project().details();
    details.calendar.holidays = [jan(9), jan(12)].into_iter().collect();
    plan.project_mut()
        .update_details(details)
        .expect("valid holidays");
    let a = plan.task("A", 7, 8);
    let b = plan.task("B", 5, 7);
    // C's stored dates span the break and hold three working days: Thu 8, Tue 13, Wed 14.
    let c = plan.task("C", 8, 14);
    plan.finish_to_start(a, b);
    plan.link(a, c, LinkKind::StartToStart, 1);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, b), (jan(13), jan(15)));
    assert_eq!(early(&schedule, c), (jan(8), jan(14)));
    plan.link(b, c, LinkKind::FinishToStart, 0);
    let schedule = compute(plan.project());
    // Three working days from Fri 16: Fri 16, Mon 19, Tue 20.
    assert_eq!(early(&schedule, c), (jan(16), jan(20)));
}

#[test]
fn finish_to_start() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 6);
    let next_day = plan.task("Next day", 5, 5);
    let one_day_later = plan.task("One day later", 5, 5);
    plan.link(a, next_day, LinkKind::FinishToStart, 0);
    plan.link(a, one_day_later, LinkKind::FinishToStart, 1);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, next_day), (jan(7), jan(7)));
    assert_eq!(early(&schedule, one_day_later), (jan(8), jan(8)));
}

#[test]
fn start_to_start() {
    // A         [Tue 6 .. Thu 8]
    // Same day  [Tue 6 .. Wed 7]
    // Lag 2               [Thu 8]
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 6, 8);
    let same_day = plan.task("Same day", 5, 6);
    let two_later = plan.task("Two later", 5, 5);
    plan.link(a, same_day, LinkKind::StartToStart, 0);
    plan.link(a, two_later, LinkKind::StartToStart, 2);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, same_day), (jan(6), jan(7)));
    assert_eq!(early(&schedule, two_later), (jan(8), jan(8)));
}

#[test]
fn finish_to_finish() {
    // A          [Mon 5 .. Thu 8]
    // Same day          [Wed 7 .. Thu 8]     finishes with A, keeping two days
    // Lag 1                   [Thu 8 .. Fri 9]
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 8);
    let same_day = plan.task("Same day", 5, 6);
    let one_later = plan.task("One later", 5, 6);
    plan.link(a, same_day, LinkKind::FinishToFinish, 0);
    plan.link(a, one_later, LinkKind::FinishToFinish, 1);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, same_day), (jan(7), jan(8)));
    assert_eq!(early(&schedule, one_later), (jan(8), jan(9)));
}

#[test]
fn start_to_finish() {
    // A                  [Wed 7 .. Thu 8]
    // Lag 0      [Tue 6]                      finishes as A starts: the day before
    // Lag 1             [Wed 7]               finishes on A's first day
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 7, 8);
    let hand_over = plan.task("Hand-over", 5, 5);
    let overlap = plan.task("Overlap", 5, 5);
    let already_late = plan.task("Already late", 9, 9);
    plan.link(a, hand_over, LinkKind::StartToFinish, 0);
    plan.link(a, overlap, LinkKind::StartToFinish, 1);
    plan.link(a, already_late, LinkKind::StartToFinish, 0);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, hand_over), (jan(6), jan(6)));
    assert_eq!(early(&schedule, overlap), (jan(7), jan(7)));
    assert_eq!(early(&schedule, already_late), (jan(9), jan(9)));
}

#[test]
fn milestone_links_fall_at_the_end_of_the_milestone_day() {
    // Build [Mon 5 .. Fri 9]
    // Built ◆ Fri 9               (a milestone after a task falls on the task's last day)
    // Ship                 [Mon 12] (a task after a milestone starts the next working day)
    // Kick-off ◆ Mon 12            (a milestone started by a task falls on its first day)
    // Alone ◆ Tue 6 -> Next [Wed 7]
    let mut plan = JanuaryPlan::new();
    let build = plan.task("Build", 5, 9);
    let built = plan.milestone("Built", 5);
    let ship = plan.task("Ship", 5, 5);
    let kick_off = plan.milestone("Kick-off", 5);
    let alone = plan.milestone("Alone", 6);
    let next = plan.task("Next", 5, 5);
    plan.finish_to_start(build, built);
    plan.finish_to_start(built, ship);
    plan.link(ship, kick_off, LinkKind::StartToStart, 0);
    plan.finish_to_start(alone, next);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, built), (jan(9), jan(9)));
    assert_eq!(early(&schedule, ship), (jan(12), jan(12)));
    assert_eq!(early(&schedule, kick_off), (jan(12), jan(12)));
    assert_eq!(early(&schedule, alone), (jan(6), jan(6)));
    assert_eq!(early(&schedule, next), (jan(7), jan(7)));
}

#[test]
fn milestone_finish_links_and_milestones_on_weekends() {
    // Gate ◆ Wed 7
    // Finish with the gate   [Tue 6 .. Wed 7]   (FF from a milestone: finishes on its day)
    // Hand-over              [Wed 7]            (SF from a milestone: finishes on its day)
    // Echo ◆ Wed 7                              (milestone to milestone: the same day)
    // Opening [Thu 8 ..] SF-> Ready ◆ Thu 8      (SF into a milestone: the predecessor's first day)
    // Weekend ◆ Sat 10 -> After [Mon 12]         (a weekend milestone counts as Friday evening)
    let mut plan = JanuaryPlan::new();
    let gate = plan.milestone("Gate", 7);
    let with_gate = plan.task("Finish with the gate", 5, 6);
    let hand_over = plan.task("Hand-over", 5, 5);
    let echo = plan.milestone("Echo", 5);
    let opening = plan.task("Opening", 8, 9);
    let ready = plan.milestone("Ready", 5);
    let weekend = plan.milestone("Weekend", 10);
    let after = plan.task("After", 5, 5);
    plan.link(gate, with_gate, LinkKind::FinishToFinish, 0);
    plan.link(gate, hand_over, LinkKind::StartToFinish, 0);
    plan.link(gate, echo, LinkKind::StartToStart, 0);
    plan.link(opening, ready, LinkKind::StartToFinish, 0);
    plan.finish_to_start(weekend, after);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, with_gate), (jan(6), jan(7)));
    assert_eq!(early(&schedule, hand_over), (jan(7), jan(7)));
    assert_eq!(early(&schedule, echo), (jan(7), jan(7)));
    assert_eq!(early(&schedule, ready), (jan(8), jan(8)));
    assert_eq!(early(&schedule, weekend), (jan(10), jan(10)));
    assert_eq!(early(&schedule, after), (jan(12), jan(12)));
}

#[test]
fn milestone_forecast_and_slack() {
    let mut plan = JanuaryPlan::new();
    let mut details = plan.project().details();
    details.deadline = Some(jan(14));
    plan.project_mut()
        .update_details(details)
        .expect("a valid deadline");
    let work = plan.task("Work", 5, 9);
    let done = plan.milestone("Done", 5);
    let late_one = plan.milestone("Late one", 16);
    plan.finish_to_start(work, done);
    let schedule = compute(plan.project());
    assert_eq!(
        schedule.milestones,
        vec![
            MilestoneForecast {
                task: done,
                date: jan(9),
                // Mon 12, Tue 13, Wed 14 are left before the deadline.
                slack: Some(3),
            },
            MilestoneForecast {
                task: late_one,
                date: jan(16),
                // Thu 15 and Fri 16 are past it.
                slack: Some(-2),
            },
        ]
    );
}

#[test]
fn summary_rollup_dates_and_progress() {
    let mut plan = JanuaryPlan::new();
    let estimated = plan.task("Estimated phase", 5, 5);
    let design = plan.task("Design", 5, 7);
    let build = plan.task("Build", 5, 6);
    plan.put_under(estimated, design);
    plan.put_under(estimated, build);
    plan.finish_to_start(design, build);
    plan.set_progress(design, 100, 10);
    plan.set_progress(build, 0, 30);

    let unestimated = plan.task("Unestimated phase", 5, 5);
    let long = plan.task("Long", 12, 14);
    let short = plan.task("Short", 15, 15);
    plan.put_under(unestimated, long);
    plan.put_under(unestimated, short);
    plan.set_progress(long, 100, 0);
    plan.set_progress(short, 0, 0);

    let schedule = compute(plan.project());
    let phase = schedule.task(estimated).expect("scheduled");
    assert!(phase.summary);
    assert_eq!((phase.early_start, phase.early_finish), (jan(5), jan(9)));
    // 10 hours done out of 40.
    assert_eq!(phase.progress.percent(), 25);
    let phase = schedule.task(unestimated).expect("scheduled");
    assert_eq!((phase.early_start, phase.early_finish), (jan(12), jan(15)));
    // Three working days done out of four.
    assert_eq!(phase.progress.percent(), 75);
}

#[test]
fn critical_path_of_a_diamond() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 5);
    let b = plan.task("B", 5, 7);
    let c = plan.task("C", 5, 5);
    let d = plan.task("D", 5, 5);
    plan.finish_to_start(a, b);
    plan.finish_to_start(a, c);
    plan.finish_to_start(b, d);
    plan.finish_to_start(c, d);
    let schedule = compute(plan.project());
    assert_eq!(schedule.critical_path, vec![a, b, d]);
    let side = schedule.task(c).expect("scheduled");
    assert_eq!(side.total_float, Some(2));
    assert!(!side.critical);
    // C may start as late as Thu 8 and still let D start on Fri 9.
    assert_eq!(late(&schedule, c), Some((jan(8), jan(8))));
    assert_eq!(late(&schedule, b), Some((jan(6), jan(8))));
}

#[test]
fn critical_path_to_a_chosen_milestone() {
    // A [Mon 5 .. Tue 6] ◆ Beta Tue 6
    // Long [Mon 5 .. .. .. .. Fri 16]
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 6);
    let beta = plan.milestone("Beta", 5);
    let long = plan.task("Long", 5, 16);
    plan.finish_to_start(a, beta);
    let to_the_end = compute(plan.project());
    assert_eq!(to_the_end.critical_path, vec![long]);
    assert_eq!(
        to_the_end.task(beta).and_then(|task| task.total_float),
        Some(8)
    );

    let to_beta = compute_to(plan.project(), Some(beta)).expect("Beta exists");
    assert_eq!(to_beta.target, Some(beta));
    assert_eq!(to_beta.critical_path, vec![a, beta]);
    let unrelated = to_beta.task(long).expect("scheduled");
    assert_eq!(unrelated.total_float, None);
    assert!(!unrelated.critical);
}

#[test]
fn compute_to_an_unknown_task_is_refused() {
    let plan = JanuaryPlan::new();
    let stranger = TaskId(uuid::Uuid::from_u128(999));
    assert_eq!(
        compute_to(plan.project(), Some(stranger)),
        Err(ModelError::UnknownTask(stranger))
    );
}

#[test]
fn reschedule_moves_only_violating_successors() {
    // Before: A [Mon 5 .. Tue 6], B [Wed 7], C [Mon 12]
    // A moves one day later: B must move to Thu 8; C still has room.
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 6);
    let b = plan.task("B", 7, 7);
    let c = plan.task("C", 12, 12);
    plan.finish_to_start(a, b);
    plan.finish_to_start(a, c);
    plan.project_mut()
        .set_task_dates(a, jan(6), jan(7))
        .expect("valid dates");
    let moved = reschedule(plan.project_mut(), &[a]);
    assert_eq!(
        moved,
        vec![Moved {
            task: b,
            from: (jan(7), jan(7)),
            to: (jan(8), jan(8)),
        }]
    );
    assert_eq!(plan.stored(c), (jan(12), jan(12)));
    assert!(violations(plan.project()).is_empty());
}

#[test]
fn reschedule_keeps_tasks_without_predecessors() {
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 6);
    let b = plan.task("B", 12, 13);
    let free = plan.task("Free", 14, 16);
    plan.finish_to_start(a, b);
    // A moves earlier: nothing is pulled along, and the free task stays put.
    plan.project_mut()
        .set_task_dates(a, jan(2), jan(2))
        .expect("valid dates");
    assert!(reschedule(plan.project_mut(), &[a]).is_empty());
    assert!(reschedule_all(plan.project_mut()).is_empty());
    assert_eq!(plan.stored(b), (jan(12), jan(13)));
    assert_eq!(plan.stored(free), (jan(14), jan(16)));
}

#[test]
fn reschedule_is_incremental() {
    // A -> B is rescheduled; C -> D was already broken and is not downstream of A.
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 5);
    let b = plan.task("B", 6, 6);
    let c = plan.task("C", 5, 9);
    let d = plan.task("D", 5, 5);
    let bystander = plan.task("Bystander", 5, 5);
    plan.finish_to_start(a, b);
    plan.finish_to_start(c, d);
    plan.project_mut()
        .set_task_dates(a, jan(7), jan(7))
        .expect("valid dates");
    let before = [c, d, bystander].map(|id| plan.shared(id));
    let moved = reschedule(plan.project_mut(), &[a]);
    assert_eq!(moved.iter().map(|m| m.task).collect::<Vec<_>>(), vec![b]);
    assert_eq!(plan.stored(b), (jan(8), jan(8)));
    for (id, old) in [c, d, bystander].into_iter().zip(before) {
        assert!(Arc::ptr_eq(&old, &plan.shared(id)));
    }
    assert_eq!(violations(plan.project()), vec![(d, c)]);

    let moved = reschedule_all(plan.project_mut());
    assert_eq!(moved.iter().map(|m| m.task).collect::<Vec<_>>(), vec![d]);
    assert_eq!(plan.stored(d), (jan(12), jan(12)));
    assert!(violations(plan.project()).is_empty());
}

#[test]
fn link_into_a_summary_constrains_its_subtasks() {
    // Before                         After FS Design -> Phase
    // Design [Mon 5 .. Wed 7]        Design [Mon 5 .. Wed 7]
    // Phase                          Phase             [Thu 8 .. Fri 9]
    //   First  [Mon 5]                 First           [Thu 8]
    //   Second [Tue 6 .. Wed 7]        Second          [Thu 8 .. Fri 9]
    //   Inner                          Inner           [Thu 8]
    //     Deep [Mon 5]                   Deep          [Thu 8]
    // Review after Phase                Review                   [Mon 12]
    let mut plan = JanuaryPlan::new();
    let design = plan.task("Design", 5, 7);
    let phase = plan.task("Phase", 5, 5);
    let first = plan.task("First", 5, 5);
    let second = plan.task("Second", 6, 7);
    let inner = plan.task("Inner", 5, 5);
    let deep = plan.task("Deep", 5, 5);
    let review = plan.task("Review", 5, 5);
    plan.put_under(phase, first);
    plan.put_under(phase, second);
    plan.put_under(phase, inner);
    plan.put_under(inner, deep);
    plan.finish_to_start(phase, review);
    reschedule_all(plan.project_mut());
    assert_eq!(plan.stored(phase), (jan(5), jan(7)));
    assert_eq!(plan.stored(review), (jan(8), jan(8)));

    plan.finish_to_start(design, phase);
    let moved = reschedule(plan.project_mut(), &[phase]);
    assert_eq!(plan.stored(first), (jan(8), jan(8)));
    assert_eq!(plan.stored(second), (jan(8), jan(9)));
    assert_eq!(plan.stored(deep), (jan(8), jan(8)));
    assert_eq!(plan.stored(inner), (jan(8), jan(8)));
    assert_eq!(plan.stored(phase), (jan(8), jan(9)));
    assert_eq!(plan.stored(review), (jan(12), jan(12)));
    let moved: Vec<TaskId> = moved.iter().map(|m| m.task).collect();
    assert_eq!(moved, vec![phase, first, second, inner, deep, review]);
    assert!(violations(plan.project()).is_empty());
}

#[test]
fn a_summary_moved_by_hand_is_rolled_back_to_its_subtasks() {
    let mut plan = JanuaryPlan::new();
    let phase = plan.task("Phase", 5, 5);
    let first = plan.task("First", 6, 7);
    let second = plan.task("Second", 8, 9);
    plan.put_under(phase, first);
    plan.put_under(phase, second);
    plan.project_mut()
        .set_task_dates(phase, jan(12), jan(16))
        .expect("valid dates");
    let moved = reschedule(plan.project_mut(), &[phase]);
    assert_eq!(
        moved,
        vec![Moved {
            task: phase,
            from: (jan(12), jan(16)),
            to: (jan(6), jan(9)),
        }]
    );
}

#[test]
fn link_out_of_a_summary_start_leaves_from_its_earliest_subtask() {
    let mut plan = JanuaryPlan::new();
    let phase = plan.task("Phase", 5, 5);
    let early_part = plan.task("Early part", 6, 6);
    let late_part = plan.task("Late part", 8, 9);
    let follower = plan.task("Follower", 5, 5);
    plan.put_under(phase, early_part);
    plan.put_under(phase, late_part);
    plan.link(phase, follower, LinkKind::StartToStart, 0);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, phase), (jan(6), jan(9)));
    assert_eq!(early(&schedule, follower), (jan(6), jan(6)));
}

#[test]
fn a_task_wrapped_by_start_and_finish_links_stretches() {
    // Wrapper starts Build and must finish after it: the links form a loop that fixed
    // durations cannot satisfy, so the wrapper stretches.
    // Wrapper [Mon 5] -> [Mon 5 .. Wed 7]
    // Build   [Mon 5 .. Wed 7]
    let mut plan = JanuaryPlan::new();
    let wrapper = plan.task("Wrapper", 5, 5);
    let build = plan.task("Build", 5, 7);
    plan.link(wrapper, build, LinkKind::StartToStart, 0);
    plan.link(build, wrapper, LinkKind::FinishToFinish, 0);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, wrapper), (jan(5), jan(7)));
    assert!(schedule.conflicts.is_empty());
    reschedule_all(plan.project_mut());
    assert_eq!(plan.stored(wrapper), (jan(5), jan(7)));
    assert!(violations(plan.project()).is_empty());
    assert!(reschedule_all(plan.project_mut()).is_empty());
}

#[test]
fn a_milestone_both_before_and_after_a_task_is_a_conflict() {
    let mut plan = JanuaryPlan::new();
    let gate = plan.milestone("Gate", 5);
    let work = plan.task("Work", 5, 7);
    plan.link(gate, work, LinkKind::StartToStart, 0);
    plan.link(work, gate, LinkKind::FinishToFinish, 0);
    let schedule = compute(plan.project());
    assert_eq!(schedule.conflicts, vec![(gate, work)]);
    reschedule_all(plan.project_mut());
    assert!(violations(plan.project()).is_empty());
}

#[test]
fn setting_task_dates_checks_them() {
    let mut plan = JanuaryPlan::new();
    let task = plan.task("Task", 5, 7);
    let gate = plan.milestone("Gate", 9);
    assert_eq!(
        plan.project_mut().set_task_dates(task, jan(7), jan(5)),
        Err(ModelError::EndBeforeStart {
            start: jan(7),
            end: jan(5)
        })
    );
    assert_eq!(
        plan.project_mut().set_task_dates(gate, jan(9), jan(12)),
        Err(ModelError::MilestoneSpansDays {
            start: jan(9),
            end: jan(12)
        })
    );
    assert_eq!(
        plan.project_mut()
            .set_task_dates(task, date("2200-01-01"), date("2200-01-02")),
        Err(ModelError::DateOutOfRange(date("2200-01-01")))
    );
    let stranger = TaskId(uuid::Uuid::from_u128(999));
    assert_eq!(
        plan.project_mut().set_task_dates(stranger, jan(5), jan(5)),
        Err(ModelError::UnknownTask(stranger))
    );
    let before = plan.shared(task);
    plan.project_mut()
        .set_task_dates(task, jan(5), jan(7))
        .expect("the same dates are fine");
    assert!(Arc::ptr_eq(&before, &plan.shared(task)));
}

#[test]
fn a_task_on_a_weekend_counts_as_one_working_day() {
    // Weekend [Sat 10 .. Sun 11] is worked on Mon 12, so After starts Tue 13.
    let mut plan = JanuaryPlan::new();
    let weekend = plan.task("Weekend", 10, 11);
    let after = plan.task("After", 5, 5);
    plan.finish_to_start(weekend, after);
    let schedule = compute(plan.project());
    assert_eq!(early(&schedule, weekend).0, jan(10));
    assert_eq!(early(&schedule, after), (jan(13), jan(13)));
}

#[test]
fn an_empty_project_has_an_empty_schedule() {
    let plan = JanuaryPlan::new();
    let schedule = compute(plan.project());
    assert!(schedule.tasks().is_empty());
    assert_eq!(schedule.finish, None);
    assert!(schedule.critical_path.is_empty());
}

#[test]
fn a_loop_the_model_would_refuse_still_schedules_without_panicking() {
    // A waits for B and B for A; C's parent chain loops. Commands refuse both, so they are
    // written straight into the task list, as damaged stored data could be.
    let mut plan = JanuaryPlan::new();
    let a = plan.task("A", 5, 6);
    let b = plan.task("B", 5, 7);
    let c = plan.task("C", 5, 5);
    let d = plan.task("D", 5, 5);
    plan.finish_to_start(a, b);
    for shared in plan.project_mut().tasks_mut() {
        let task = Arc::make_mut(shared);
        if task.id == a {
            task.dependencies.push(Dependency::finish_to_start(b));
        } else if task.id == c {
            task.parent = Some(d);
        } else if task.id == d {
            task.parent = Some(c);
        }
    }
    let schedule = compute(plan.project());
    assert_eq!(schedule.tasks().len(), 4);
    reschedule_all(plan.project_mut());
    assert!(!violations(plan.project()).is_empty());
}

/// A drag moves one task again and again: the kept network must give exactly what rescheduling
/// a copy gives, for plain tasks, milestones, summaries' subtasks and every link kind, and
/// also for moves beyond the dates the network was built for.
#[test]
fn rescheduler_moves_like_reschedule() {
    let mut plan = JanuaryPlan::new();
    let phase = plan.task("Phase", 5, 16);
    let design = plan.task("Design", 5, 7);
    let build = plan.task("Build", 8, 13);
    let review = plan.milestone("Review", 13);
    let test = plan.task("Test", 14, 16);
    let docs = plan.task("Docs", 12, 14);
    let launch = plan.task("Launch", 19, 19);
    plan.put_under(phase, design);
    plan.put_under(phase, build);
    plan.finish_to_start(design, build);
    plan.finish_to_start(build, review);
    plan.link(review, test, LinkKind::FinishToStart, 0);
    plan.link(design, docs, LinkKind::StartToStart, 2);
    plan.link(test, launch, LinkKind::FinishToFinish, 1);
    plan.link(phase, launch, LinkKind::FinishToStart, 0);
    let rescheduler = Rescheduler::new(plan.project());
    for (task, start, end) in [
        (design, jan(6), jan(8)),
        (design, jan(12), jan(16)),
        (build, jan(9), jan(20)),
        (review, jan(21), jan(21)),
        (docs, jan(5), jan(5)),
        (test, date("2026-03-02"), date("2026-03-06")),
        (design, date("2025-11-03"), date("2025-11-05")),
    ] {
        let mut expected = plan.project().clone();
        expected
            .set_task_dates(task, start, end)
            .expect("valid dates");
        let expected_moves = reschedule(&mut expected, &[task]);
        let mut actual = plan.project().clone();
        let actual_moves = rescheduler
            .move_task(&mut actual, task, start, end)
            .expect("valid dates");
        assert_eq!(actual_moves, expected_moves, "moving {task:?} to {start}");
        assert_eq!(actual, expected, "moving {task:?} to {start}");
    }
    let mut refused = plan.project().clone();
    assert!(rescheduler
        .move_task(&mut refused, review, jan(6), jan(7))
        .is_err());
}
