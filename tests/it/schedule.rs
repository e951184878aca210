//! Properties of the scheduler on random plans built through the model's own commands: random
//! tasks, milestones, summary tasks, and links of every kind with lags from -3 to 5, on a
//! Monday-to-Friday calendar with a few holidays. Commands refuse what the model refuses (loops,
//! links within a hierarchy), so every plan here is one a user could make.

use chrono::{Days, NaiveDate};
use ironplan::model::schedule::{self, Schedule};
use ironplan::model::{
    ColumnId, Constraint, Currency, Dependency, LinkKind, Project, ProjectId, SequentialIds, Task,
    TaskId,
};
use proptest::prelude::*;
use proptest::sample::Index;

const CASES: u32 = 96;

fn first_monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).expect("a valid date")
}

fn days_after(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .expect("test dates stay in range")
}

#[derive(Clone, Debug)]
struct TaskSpec {
    /// Calendar days after Monday 5 January 2026; weekends and holidays included on purpose.
    start: u32,
    /// Extra calendar days after the start.
    length: u32,
    milestone: bool,
    /// A summary task among the tasks made before this one.
    parent: Option<Index>,
    /// "As soon as possible" instead of "start no earlier than" the start.
    as_soon_as_possible: bool,
}

#[derive(Clone, Debug)]
struct LinkSpec {
    predecessor: Index,
    successor: Index,
    kind: Index,
    lag: i32,
}

fn task_spec() -> impl Strategy<Value = TaskSpec> {
    (
        0u32..40,
        0u32..7,
        prop::bool::weighted(0.15),
        prop::option::weighted(0.35, any::<Index>()),
        prop::bool::weighted(0.4),
    )
        .prop_map(
            |(start, length, milestone, parent, as_soon_as_possible)| TaskSpec {
                start,
                length,
                milestone,
                parent,
                as_soon_as_possible,
            },
        )
}

fn link_spec() -> impl Strategy<Value = LinkSpec> {
    (any::<Index>(), any::<Index>(), any::<Index>(), -3i32..=5).prop_map(
        |(predecessor, successor, kind, lag)| LinkSpec {
            predecessor,
            successor,
            kind,
            lag,
        },
    )
}

fn plan_spec() -> impl Strategy<Value = (Vec<TaskSpec>, Vec<LinkSpec>, Option<u32>)> {
    (
        prop::collection::vec(task_spec(), 1..24),
        prop::collection::vec(link_spec(), 0..36),
        prop::option::of(10u32..60),
    )
}

/// Builds the plan through commands, skipping whatever a command refuses.
fn build(tasks: &[TaskSpec], links: &[LinkSpec], deadline: Option<u32>) -> Project {
    let mut ids = SequentialIds::default();
    let today = first_monday();
    let mut project = Project::new(
        ProjectId::new(&mut ids),
        "Random plan",
        today,
        Currency::EUR,
        &mut ids,
    )
    .expect("a valid project");
    let mut details = project.details();
    details.calendar.holidays = ["2026-01-09", "2026-01-19", "2026-02-02", "2026-02-13"]
        .into_iter()
        .map(|text| text.parse().expect("valid holidays"))
        .collect();
    details.deadline = deadline.map(|days| days_after(today, days));
    project.update_details(details).expect("valid details");
    let column: ColumnId = project.columns()[0].id;

    let mut made: Vec<TaskId> = Vec::new();
    for spec in tasks {
        let start = days_after(today, spec.start);
        let id = TaskId::new(&mut ids);
        let mut task = Task::new(id, "Task", column, start, today);
        if !spec.as_soon_as_possible {
            task.constraint = Constraint::StartNoEarlierThan(start);
        }
        task.milestone = spec.milestone;
        task.end = if spec.milestone {
            start
        } else {
            days_after(start, spec.length)
        };
        task.parent = spec
            .parent
            .filter(|_| !made.is_empty())
            .map(|index| made[index.index(made.len())]);
        if project.add_task(task.clone(), today).is_err() {
            // The chosen parent was a milestone: keep the task at the top level instead.
            task.parent = None;
            project
                .add_task(task, today)
                .expect("a top-level task is valid");
        }
        made.push(id);
    }
    for spec in links {
        let predecessor = made[spec.predecessor.index(made.len())];
        let successor = made[spec.successor.index(made.len())];
        let kind = LinkKind::ALL[spec.kind.index(LinkKind::ALL.len())];
        // Refused links (loops, self links, links within a hierarchy) are simply not made.
        let _ = project.link_tasks(
            successor,
            Dependency {
                predecessor,
                kind,
                lag: spec.lag,
            },
        );
    }
    project
}

fn check_schedule(project: &Project, schedule: &Schedule) -> Result<(), TestCaseError> {
    prop_assert_eq!(schedule.tasks().len(), project.tasks().len());
    prop_assert!(!schedule.critical_path.is_empty());
    for task in schedule.tasks() {
        if task.critical {
            prop_assert_eq!(task.total_float, Some(0));
        }
        if let Some(float) = task.total_float {
            prop_assert!(float >= 0, "negative float {}", float);
        }
        prop_assert!(task.early_start <= task.early_finish);
    }
    for id in &schedule.critical_path {
        let task = schedule.task(*id).expect("critical tasks are scheduled");
        prop_assert!(task.critical && !task.summary);
    }
    for task in project.tasks() {
        let scheduled = schedule.task(task.id).expect("every task is scheduled");
        if !scheduled.summary && task.constraint == Constraint::StartNoEarlierThan(task.start) {
            prop_assert!(scheduled.early_start >= task.start);
        }
        // A summary task's figures are rolled up from its subtasks' (theirs from theirs).
        let subtasks: Vec<_> = project
            .tasks()
            .iter()
            .filter(|other| other.parent == Some(task.id))
            .map(|other| schedule.task(other.id).expect("scheduled"))
            .collect();
        if scheduled.summary {
            prop_assert!(!subtasks.is_empty());
            prop_assert_eq!(
                Some(scheduled.start),
                subtasks.iter().map(|s| s.start).min()
            );
            prop_assert_eq!(
                Some(scheduled.finish),
                subtasks.iter().map(|s| s.finish).max()
            );
            prop_assert_eq!(
                Some(scheduled.early_start),
                subtasks.iter().map(|s| s.early_start).min()
            );
            prop_assert_eq!(
                Some(scheduled.early_finish),
                subtasks.iter().map(|s| s.early_finish).max()
            );
            prop_assert_eq!(
                scheduled.total_float,
                subtasks.iter().filter_map(|s| s.total_float).min()
            );
            prop_assert_eq!(
                scheduled.late_start,
                subtasks.iter().filter_map(|s| s.late_start).min()
            );
            prop_assert_eq!(
                scheduled.late_finish,
                subtasks.iter().filter_map(|s| s.late_finish).max()
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn computing_a_schedule_never_panics_and_critical_tasks_have_no_float(
        (tasks, links, deadline) in plan_spec()
    ) {
        let project = build(&tasks, &links, deadline);
        let schedule = schedule::compute(&project);
        check_schedule(&project, &schedule)?;
        for target in project
            .tasks()
            .iter()
            .filter(|task| task.milestone || project.is_summary(task.id))
        {
            let to_target = schedule::compute_to(&project, Some(target.id))
                .expect("the target exists");
            check_schedule(&project, &to_target)?;
            if target.milestone {
                prop_assert!(to_target.critical_path.contains(&target.id));
            }
            prop_assert_eq!(
                to_target.task(target.id).and_then(|task| task.total_float),
                Some(0)
            );
        }
    }

    #[test]
    fn after_rescheduling_every_link_holds(
        (tasks, links, deadline) in plan_spec()
    ) {
        let mut project = build(&tasks, &links, deadline);
        for moved in schedule::reschedule_all(&mut project) {
            let pinned = project
                .task(moved.task)
                .is_ok_and(|task| task.constraint != Constraint::AsSoonAsPossible);
            if !project.is_summary(moved.task) && pinned {
                // Nothing placed by hand is pulled earlier.
                prop_assert!(moved.to.0 >= moved.from.0 && moved.to.1 >= moved.from.1);
            }
        }
        prop_assert_eq!(schedule::violations(&project), vec![]);
        let schedule = schedule::compute(&project);
        check_schedule(&project, &schedule)?;
        // Once every link holds, the schedule is the plan: nothing is pushed any more.
        for task in project.tasks() {
            let scheduled = schedule.task(task.id).expect("every task is scheduled");
            prop_assert_eq!(
                (scheduled.early_start, scheduled.early_finish),
                (task.start, task.end)
            );
        }
    }

    #[test]
    fn rescheduling_twice_changes_nothing_the_second_time(
        (tasks, links, deadline) in plan_spec()
    ) {
        let mut project = build(&tasks, &links, deadline);
        schedule::reschedule_all(&mut project);
        let settled = project.clone();
        prop_assert_eq!(schedule::reschedule_all(&mut project), vec![]);
        prop_assert_eq!(project, settled);
    }

    #[test]
    fn rescheduling_one_moved_task_matches_rescheduling_everything(
        (tasks, links, deadline) in plan_spec(),
        which in any::<Index>(),
        shift in 1u32..12,
    ) {
        let mut project = build(&tasks, &links, deadline);
        schedule::reschedule_all(&mut project);
        let leaves: Vec<TaskId> = project
            .tasks()
            .iter()
            .filter(|task| !project.is_summary(task.id))
            .map(|task| task.id)
            .collect();
        let moving = leaves[which.index(leaves.len())];
        let task = project.task(moving).expect("the task exists");
        let (start, end) = (days_after(task.start, shift), days_after(task.end, shift));
        project.set_task_dates(moving, start, end).expect("dates stay valid");
        let mut everything = project.clone();
        schedule::reschedule(&mut project, &[moving]);
        schedule::reschedule_all(&mut everything);
        prop_assert_eq!(schedule::violations(&project), vec![]);
        prop_assert_eq!(project, everything);
    }
}
