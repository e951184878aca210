//! A new project calendar keeps every task's duration in working days, as MS Project keeps
//! its Duration field when the calendar changes.
//!
//! The model stores only a task's dates; its duration is the working days in `start..=end`
//! under the project calendar. A holiday added inside a task would silently shorten it, and a
//! weekday taken off the calendar would shorten every task spanning it. [`keep_durations`]
//! gives each such task its old duration back under the new calendar, from the first working
//! day on or after its stored start. Where tasks then go is for the scheduler
//! (`schedule::reschedule_all`), which the store runs right after. Left out, and unchanged:
//! summary tasks (rolled up from their subtasks), milestones (an instant, which the scheduler
//! reads on the new calendar), and done tasks (their dates record when the work happened).

use super::calendar::Calendar;
use super::ids::TaskId;
use super::project::Project;

/// Gives every leaf task that is not done its working-day duration under `before` (the
/// calendar the project had) back under the project's calendar now, starting on the first
/// working day on or after its stored start. Returns the tasks whose dates changed, in plan
/// order. A task that would end past the model's last date keeps its dates.
pub fn keep_durations(project: &mut Project, before: &Calendar) -> Vec<TaskId> {
    let after = project.calendar.clone();
    if *before == after {
        return Vec::new();
    }
    let mut changed = Vec::new();
    for index in 0..project.tasks().len() {
        let task = &project.tasks()[index];
        if task.milestone || project.is_summary(task.id) || project.is_done(task) {
            continue;
        }
        let duration = before.working_days_inclusive(task.start, task.end).max(1);
        let start = after.next_working_day(task.start);
        if start == task.start && after.working_days_inclusive(task.start, task.end) == duration {
            continue;
        }
        let end = after.add_working_days(start, i64::from(duration) - 1);
        let id = task.id;
        if project.set_task_dates_at(index, start, end).is_ok() {
            changed.push(id);
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{date, TestPlan};
    use crate::model::{ColumnCategory, WeekdaySet};
    use chrono::Weekday;

    /// The dates of `task`, as ISO text.
    fn dates(plan: &TestPlan, task: TaskId) -> (String, String) {
        let task = plan.project().task(task).expect("task exists");
        (task.start.to_string(), task.end.to_string())
    }

    fn iso(start: &str, end: &str) -> (String, String) {
        (start.to_string(), end.to_string())
    }

    // Monday-to-Friday calendar, January 2027: Mon 4 … Fri 8, Mon 11 … Fri 15.

    #[test]
    fn a_holiday_inside_a_task_lengthens_it_by_a_working_day() {
        let mut plan = TestPlan::new("2027-01-04");
        let build = plan.task("Build", "2027-01-04", "2027-01-08", 8, None);
        let before = plan.project().calendar.clone();
        plan.project_mut()
            .calendar
            .holidays
            .insert(date("2027-01-06"));
        let changed = keep_durations(plan.project_mut(), &before);
        assert_eq!(changed, vec![build]);
        // Mon 4, Tue 5, Thu 7, Fri 8, Mon 11: still five working days.
        assert_eq!(dates(&plan, build), iso("2027-01-04", "2027-01-11"));
    }

    #[test]
    fn removing_a_holiday_shortens_the_task_back() {
        let mut plan = TestPlan::new("2027-01-04");
        plan.project_mut()
            .calendar
            .holidays
            .insert(date("2027-01-06"));
        let build = plan.task("Build", "2027-01-04", "2027-01-11", 8, None);
        let before = plan.project().calendar.clone();
        plan.project_mut().calendar.holidays.clear();
        keep_durations(plan.project_mut(), &before);
        assert_eq!(dates(&plan, build), iso("2027-01-04", "2027-01-08"));
    }

    #[test]
    fn a_task_that_now_starts_on_a_holiday_starts_on_the_next_working_day() {
        let mut plan = TestPlan::new("2027-01-04");
        let build = plan.task("Build", "2027-01-05", "2027-01-06", 8, None);
        let before = plan.project().calendar.clone();
        plan.project_mut()
            .calendar
            .holidays
            .insert(date("2027-01-05"));
        keep_durations(plan.project_mut(), &before);
        assert_eq!(dates(&plan, build), iso("2027-01-06", "2027-01-07"));
    }

    #[test]
    fn a_working_saturday_shortens_a_task_across_the_weekend() {
        let mut plan = TestPlan::new("2027-01-04");
        // Fri 8, Mon 11, Tue 12: three working days.
        let build = plan.task("Build", "2027-01-08", "2027-01-12", 8, None);
        let before = plan.project().calendar.clone();
        let calendar = &mut plan.project_mut().calendar;
        calendar.working_weekdays = WeekdaySet::MONDAY_TO_FRIDAY.with(Weekday::Sat, true);
        keep_durations(plan.project_mut(), &before);
        // Fri 8, Sat 9, Mon 11.
        assert_eq!(dates(&plan, build), iso("2027-01-08", "2027-01-11"));
    }

    #[test]
    fn done_tasks_milestones_and_untouched_tasks_keep_their_dates() {
        let mut plan = TestPlan::new("2027-01-04");
        let done = plan.task("Kick-off", "2027-01-04", "2027-01-08", 8, None);
        plan.move_to(done, ColumnCategory::Done, "2027-01-08");
        let launch = plan.milestone("Launch", "2027-01-06");
        let later = plan.task("Later", "2027-01-11", "2027-01-15", 8, None);
        let before = plan.project().calendar.clone();
        let unchanged = plan.project().clone();
        plan.project_mut()
            .calendar
            .holidays
            .insert(date("2027-01-06"));
        assert!(keep_durations(plan.project_mut(), &before).is_empty());
        for task in [done, launch, later] {
            assert!(std::sync::Arc::ptr_eq(
                &plan.project().tasks()[plan.project().task_index(task).expect("kept")],
                &unchanged.tasks()[unchanged.task_index(task).expect("kept")],
            ));
        }
    }
}
