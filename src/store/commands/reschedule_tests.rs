//! A new project start or calendar reschedules the whole project in one undo step.
//!
//! Monday-to-Friday calendar, January 2027: Mon 4 … Fri 8, Mon 11 … Fri 15.

use super::*;
use crate::model::testing::{date, TestPlan};
use crate::model::{ColumnCategory, Constraint};
use crate::store::persist::Saved;
use leptos::prelude::Owner;

/// The store over `plan`.
fn store_of(plan: &TestPlan) -> AppState {
    AppState::with_workspace(plan.workspace.clone(), Saved::default())
}

/// The dates of `task` in the store, as ISO text.
fn dates(state: AppState, task: TaskId) -> (String, String) {
    state.workspace().with_untracked(|workspace| {
        let task = workspace
            .projects()
            .iter()
            .find_map(|project| project.find_task(task))
            .expect("task exists");
        (task.start.to_string(), task.end.to_string())
    })
}

fn iso(start: &str, end: &str) -> (String, String) {
    (start.to_string(), end.to_string())
}

/// Changes the project's details in the store with `change`, as the Settings dialog does.
fn edit_details(state: AppState, project: ProjectId, change: impl FnOnce(&mut ProjectDetails)) {
    let mut details = state.workspace().with_untracked(|workspace| {
        workspace
            .find_project(project)
            .expect("project exists")
            .details()
    });
    change(&mut details);
    assert!(state.update_project_details(project, details));
}

/// A task from `start` to `end` that is scheduled as soon as possible.
fn asap(plan: &mut TestPlan, title: &str, start: &str, end: &str) -> TaskId {
    let mut task = plan.draft(title, start, end);
    task.constraint = Constraint::AsSoonAsPossible;
    plan.add(task)
}

#[test]
fn a_holiday_in_the_middle_of_a_chain_moves_the_successors_by_one_working_day() {
    let owner = Owner::new();
    owner.set();
    // simple_chain: Design Mon 4–Wed 6 → Build Thu 7–Fri 8 → Test Mon 11–Tue 12.
    let mut plan = TestPlan::new("2027-01-04");
    let design = plan.task("Design", "2027-01-04", "2027-01-06", 8, None);
    let build = asap(&mut plan, "Build", "2027-01-07", "2027-01-08");
    let test = plan.task("Test", "2027-01-11", "2027-01-12", 8, None);
    plan.link(build, Dependency::finish_to_start(design));
    plan.link(test, Dependency::finish_to_start(build));
    let state = store_of(&plan);

    // A holiday on Tue 5: Design keeps its three working days (Mon 4, Wed 6, Thu 7).
    edit_details(state, plan.project, |details| {
        details.calendar.holidays.insert(date("2027-01-05"));
    });
    assert_eq!(dates(state, design), iso("2027-01-04", "2027-01-07"));
    assert_eq!(dates(state, build), iso("2027-01-08", "2027-01-11"));
    assert_eq!(dates(state, test), iso("2027-01-12", "2027-01-13"));
    assert_eq!(
        state.notice.get_untracked(),
        Some(Notice::Rescheduled(vec![design, build, test]))
    );

    // One undo step brings the calendar and every date back.
    state.undo();
    assert_eq!(dates(state, design), iso("2027-01-04", "2027-01-06"));
    assert_eq!(dates(state, test), iso("2027-01-11", "2027-01-12"));
    state.workspace().with_untracked(|workspace| {
        let project = workspace
            .find_project(plan.project)
            .expect("project exists");
        assert!(project.calendar.holidays.is_empty());
    });
}

#[test]
fn a_holiday_between_two_tasks_moves_only_what_follows_it() {
    let owner = Owner::new();
    owner.set();
    let mut plan = TestPlan::new("2027-01-04");
    let design = plan.task("Design", "2027-01-04", "2027-01-06", 8, None);
    let build = asap(&mut plan, "Build", "2027-01-07", "2027-01-08");
    plan.link(build, Dependency::finish_to_start(design));
    let state = store_of(&plan);
    // Thu 7 off: Build starts Fri 8 and keeps two working days.
    edit_details(state, plan.project, |details| {
        details.calendar.holidays.insert(date("2027-01-07"));
    });
    assert_eq!(dates(state, design), iso("2027-01-04", "2027-01-06"));
    assert_eq!(dates(state, build), iso("2027-01-08", "2027-01-11"));
}

#[test]
fn moving_the_project_start_moves_the_tasks_that_start_at_the_project_start() {
    let owner = Owner::new();
    owner.set();
    let mut plan = TestPlan::new("2027-01-04");
    let kickoff = asap(&mut plan, "Kick-off", "2027-01-04", "2027-01-05");
    let design = asap(&mut plan, "Design", "2027-01-06", "2027-01-07");
    plan.link(design, Dependency::finish_to_start(kickoff));
    // Pinned by "Start no earlier than" its date: stays.
    let audit = plan.task("Audit", "2027-01-05", "2027-01-05", 8, None);
    let state = store_of(&plan);

    edit_details(state, plan.project, |details| {
        details.start = date("2027-01-11");
    });
    assert_eq!(dates(state, kickoff), iso("2027-01-11", "2027-01-12"));
    assert_eq!(dates(state, design), iso("2027-01-13", "2027-01-14"));
    assert_eq!(dates(state, audit), iso("2027-01-05", "2027-01-05"));

    // Earlier again: as soon as possible tasks are pulled back.
    edit_details(state, plan.project, |details| {
        details.start = date("2027-01-04");
    });
    assert_eq!(dates(state, kickoff), iso("2027-01-04", "2027-01-05"));
    assert_eq!(dates(state, design), iso("2027-01-06", "2027-01-07"));
}

#[test]
fn a_constraint_date_that_becomes_a_holiday_moves_the_task_to_the_next_working_day() {
    let owner = Owner::new();
    owner.set();
    let mut plan = TestPlan::new("2027-01-04");
    let review = plan.task("Review", "2027-01-06", "2027-01-07", 8, None);
    let state = store_of(&plan);
    edit_details(state, plan.project, |details| {
        details.calendar.holidays.insert(date("2027-01-06"));
    });
    assert_eq!(dates(state, review), iso("2027-01-07", "2027-01-08"));
    // The constraint itself keeps its date, as in MS Project.
    state.workspace().with_untracked(|workspace| {
        let task = workspace
            .find_project(plan.project)
            .and_then(|project| project.find_task(review))
            .expect("task exists");
        assert_eq!(
            task.constraint,
            Constraint::StartNoEarlierThan(date("2027-01-06"))
        );
    });
}

#[test]
fn a_done_task_keeps_its_dates_and_so_do_its_successors() {
    let owner = Owner::new();
    owner.set();
    let mut plan = TestPlan::new("2027-01-04");
    let design = plan.task("Design", "2027-01-04", "2027-01-08", 8, None);
    plan.move_to(design, ColumnCategory::Done, "2027-01-08");
    let build = asap(&mut plan, "Build", "2027-01-11", "2027-01-12");
    plan.link(build, Dependency::finish_to_start(design));
    let state = store_of(&plan);
    // A holiday inside finished work does not stretch it: the work happened.
    edit_details(state, plan.project, |details| {
        details.calendar.holidays.insert(date("2027-01-06"));
    });
    assert_eq!(dates(state, design), iso("2027-01-04", "2027-01-08"));
    assert_eq!(dates(state, build), iso("2027-01-11", "2027-01-12"));
    assert_eq!(state.notice.get_untracked(), None);
}

#[test]
fn renaming_a_project_moves_no_task() {
    let owner = Owner::new();
    owner.set();
    let mut plan = TestPlan::new("2027-01-04");
    plan.task("Design", "2027-01-04", "2027-01-06", 8, None);
    let state = store_of(&plan);
    let before = state
        .workspace()
        .with_untracked(|workspace| workspace.find_project(plan.project).cloned());
    edit_details(state, plan.project, |details| {
        details.name = "Intranet relaunch".to_string();
    });
    state.workspace().with_untracked(|workspace| {
        let project = workspace
            .find_project(plan.project)
            .expect("project exists");
        let before = before.as_ref().expect("project existed");
        assert!(std::sync::Arc::ptr_eq(
            &project.tasks()[0],
            &before.tasks()[0]
        ));
    });
    assert_eq!(state.notice.get_untracked(), None);
}
