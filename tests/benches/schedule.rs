//! Scheduling on a large plan: 10,000 tasks (200 phases of 40 subtasks, the rest at the top
//! level, 5 % milestones) and 3,000 dependencies of every kind, built deterministically.
//!
//! Measures `schedule::compute` on the whole plan, `schedule::reschedule` after one task with
//! about 50 tasks downstream moves a week later (the drag-and-drop case), and
//! `schedule::reschedule_all` (the import case). Run with `cargo bench --bench schedule`;
//! figures go to `docs/PERFORMANCE.md`.
//!
//! The plan is assembled as plan data and checked once with `validate::project` rather than
//! built command by command: each `link_tasks` checks the whole plan for loops, which makes
//! building 3,000 links that way quadratic.

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use ironplan::model::schedule;
use ironplan::model::{
    validate, Currency, Dependency, LinkKind, Project, ProjectId, SequentialIds, Task, TaskId,
};
use std::collections::{HashMap, HashSet};
use std::hint::black_box;
use std::time::Duration;

const PHASES: usize = 200;
const PER_PHASE: usize = 40;
const TASKS: usize = 10_000;
const LINKS: usize = 3_000;
const SUMMARY_LINKS: usize = 50;
const WITHIN_PHASES: usize = 1_500;
/// Leaves at the start of the list that are linked densely, where chains grow long.
const DENSE_CORE: usize = 2_000;

/// A small deterministic generator (64-bit linear congruential), so the plan is the same on
/// every run without a random number crate.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, limit: usize) -> usize {
        (self.next() % limit as u64) as usize
    }
}

fn days_after(date: NaiveDate, days: usize) -> NaiveDate {
    date.checked_add_days(Days::new(days as u64))
        .expect("bench dates stay in range")
}

/// Makes `successor` wait for `predecessor` with a link of a random kind and lag, once.
fn link(
    tasks: &mut [Task],
    made: &mut HashSet<(usize, usize)>,
    sequence: &mut Sequence,
    predecessor: usize,
    successor: usize,
) {
    if predecessor == successor || !made.insert((predecessor, successor)) {
        return;
    }
    let kind = match sequence.below(20) {
        0..=15 => LinkKind::FinishToStart,
        16 | 17 => LinkKind::StartToStart,
        18 => LinkKind::FinishToFinish,
        _ => LinkKind::StartToFinish,
    };
    let lag = sequence.below(7) as i32 - 2;
    let predecessor_id = tasks[predecessor].id;
    tasks[successor].dependencies.push(Dependency {
        predecessor: predecessor_id,
        kind,
        lag,
    });
}

/// The plan, settled so that every link holds.
fn large_plan() -> Project {
    let mut ids = SequentialIds::default();
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a valid date");
    let mut project = Project::new(
        ProjectId::new(&mut ids),
        "Large plan",
        start,
        Currency::EUR,
        &mut ids,
    )
    .expect("a valid project");
    let mut details = project.details();
    details.calendar.holidays = ["2026-04-03", "2026-04-06", "2026-12-25", "2027-01-01"]
        .into_iter()
        .map(|text| text.parse().expect("valid holidays"))
        .collect();
    project.update_details(details).expect("valid details");
    let column = project.columns()[0].id;
    let mut sequence = Sequence(2026);

    let mut tasks: Vec<Task> = Vec::with_capacity(TASKS);
    let mut phase_of: Vec<Option<usize>> = Vec::with_capacity(TASKS);
    let mut phases: Vec<usize> = Vec::new();
    let mut add = |tasks: &mut Vec<Task>, parent: Option<usize>, summary: bool| -> usize {
        // The dense core starts together, so that settling packs its chains tight and a slip
        // there pushes its successors; the rest of the plan is spread over two years.
        let spread = if tasks.len() < DENSE_CORE * 21 / 20 {
            5
        } else {
            500
        };
        let first = days_after(start, sequence.below(spread));
        let id = TaskId::new(&mut ids);
        let mut task = Task::new(id, "Task", column, first, start);
        task.milestone = !summary && sequence.below(20) == 0;
        if !task.milestone {
            task.end = days_after(first, sequence.below(12));
        }
        task.parent = parent.map(|parent| tasks[parent].id);
        tasks.push(task);
        tasks.len() - 1
    };
    for _ in 0..PHASES {
        let phase = add(&mut tasks, None, true);
        phases.push(phase);
        phase_of.push(None);
        for _ in 0..PER_PHASE {
            add(&mut tasks, Some(phase), false);
            phase_of.push(Some(phase));
        }
    }
    while tasks.len() < TASKS {
        add(&mut tasks, None, false);
        phase_of.push(None);
    }

    // Links always point from an earlier task in the list to a later one, so the network has
    // no loop. Half tie subtasks of one phase together, as real plans do; the other half tie
    // neighbours in a densely linked core at the start of the plan, where long chains form;
    // a few leave a whole phase for a task after it.
    let leaves: Vec<usize> = (0..TASKS)
        .filter(|task| phase_of[*task].is_some() || !phases.contains(task))
        .collect();
    let mut made: HashSet<(usize, usize)> = HashSet::new();
    while made.len() < WITHIN_PHASES {
        let phase = phases[sequence.below(phases.len())];
        let first = phase + 1 + sequence.below(PER_PHASE);
        let second = phase + 1 + sequence.below(PER_PHASE);
        link(
            &mut tasks,
            &mut made,
            &mut sequence,
            first.min(second),
            first.max(second),
        );
    }
    while made.len() < LINKS - SUMMARY_LINKS {
        let at = sequence.below(DENSE_CORE - 8);
        let (first, second) = (leaves[at], leaves[at + 1 + sequence.below(6)]);
        link(&mut tasks, &mut made, &mut sequence, first, second);
    }
    while made.len() < LINKS {
        let phase = phases[sequence.below(phases.len())];
        let after = phase + PER_PHASE + 1 + sequence.below(400);
        if after >= TASKS || phases.contains(&after) || !made.insert((phase, after)) {
            continue;
        }
        let phase_id = tasks[phase].id;
        tasks[after]
            .dependencies
            .push(Dependency::finish_to_start(phase_id));
    }

    let mut plan = serde_json::to_value(&project).expect("a project serializes");
    plan["tasks"] = serde_json::to_value(&tasks).expect("tasks serialize");
    let mut project: Project = serde_json::from_value(plan).expect("the plan reads back");
    validate::project(&mut project, &HashSet::new()).expect("the generated plan is valid");
    assert_eq!(project.tasks().len(), TASKS);
    assert_eq!(
        project
            .tasks()
            .iter()
            .map(|task| task.dependencies.len())
            .sum::<usize>(),
        LINKS
    );
    schedule::reschedule_all(&mut project);
    project
}

/// The leaf task whose downstream (through links and the phases above) is closest to 50
/// tasks, and the size of that downstream.
fn task_with_about_fifty_downstream(project: &Project) -> (TaskId, usize) {
    let tasks = project.tasks();
    let index: HashMap<TaskId, usize> = tasks
        .iter()
        .enumerate()
        .map(|(position, task)| (task.id, position))
        .collect();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); tasks.len()];
    for (position, task) in tasks.iter().enumerate() {
        for dependency in &task.dependencies {
            after[index[&dependency.predecessor]].push(position);
        }
        if let Some(parent) = task.parent {
            after[position].push(index[&parent]);
        }
    }
    let downstream = |from: usize| {
        let mut seen = vec![false; tasks.len()];
        let mut queue = vec![from];
        seen[from] = true;
        let mut count: usize = 0;
        while let Some(task) = queue.pop() {
            for &next in &after[task] {
                if !seen[next] {
                    seen[next] = true;
                    count += 1;
                    queue.push(next);
                }
            }
        }
        count
    };
    (0..tasks.len())
        .filter(|position| !project.is_summary(tasks[*position].id))
        .map(|position| (downstream(position), position))
        .min_by_key(|(count, position)| (count.abs_diff(50), *position))
        .map(|(count, position)| (tasks[position].id, count))
        .expect("the plan has leaves")
}

fn scheduling(criterion: &mut Criterion) {
    let plan = large_plan();
    let (moving, downstream) = task_with_about_fifty_downstream(&plan);
    let moved_plan = |plan: &Project| {
        let mut plan = plan.clone();
        let task = plan.task(moving).expect("the task exists");
        let (start, end) = (days_after(task.start, 7), days_after(task.end, 7));
        plan.set_task_dates(moving, start, end)
            .expect("a week later is in range");
        plan
    };
    let mut sample = moved_plan(&plan);
    let moved = schedule::reschedule(&mut sample, &[moving]);
    let schedule = schedule::compute(&plan);
    println!(
        "plan: {} tasks, {} links, {} on the critical path; moving one task with {} tasks \
         downstream moves {} tasks",
        plan.tasks().len(),
        LINKS,
        schedule.critical_path.len(),
        downstream,
        moved.len()
    );
    assert!(schedule::violations(&sample).is_empty());

    criterion.bench_function("compute 10k tasks 3k links", |bench| {
        bench.iter(|| schedule::compute(black_box(&plan)))
    });
    criterion.bench_function("reschedule one task, ~50 downstream", |bench| {
        bench.iter_batched(
            || moved_plan(&plan),
            |mut plan| {
                let moved = schedule::reschedule(&mut plan, black_box(&[moving]));
                // Returned, so that dropping the plan is not measured.
                (plan, moved)
            },
            BatchSize::LargeInput,
        )
    });
    criterion.bench_function("reschedule_all 10k tasks 3k links", |bench| {
        bench.iter_batched(
            || moved_plan(&plan),
            |mut plan| {
                let moved = schedule::reschedule_all(&mut plan);
                (plan, moved)
            },
            BatchSize::LargeInput,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(40)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(6));
    targets = scheduling
}
criterion_main!(benches);
