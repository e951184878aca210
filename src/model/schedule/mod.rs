//! Scheduling: when every task can happen given its links and constraints, which tasks are
//! critical, and moving tasks after something changes.
//!
//! [`compute`] derives a [`Schedule`] (scheduled, early and late dates, float, critical path,
//! summary roll-ups, milestone forecasts, constraint conflicts) from the tasks' durations
//! (stored start to stored end, in working days), constraints and links; it is never stored,
//! and the UI keeps it in a memo. [`reschedule`] and [`reschedule_all`] are the only writers:
//! they store the scheduled dates of whatever the change reaches (as soon as possible tasks
//! are pulled earlier too), keeping working-day durations, and roll summary dates up from their
//! subtasks. [`violations`] lists the links the stored dates break, for tests and warnings.
//!
//! Left out: resource levelling and the clock (`today` plays no part). The exact meaning of
//! each link kind, lag, milestone and constraint is written down in `docs/scheduling.md`; the
//! arithmetic lives in `network` (its passes and its order, with `time` and `components`),
//! constraints in `constraints`, the working-day table in `days`, the writers in `reschedule`. Everything runs in time linear in tasks plus dependencies.

mod components;
#[cfg(test)]
mod constraint_tests;
mod constraints;
mod days;
mod network;
mod reschedule;
#[cfg(test)]
mod tests;
mod time;

use super::error::{ModelError, ModelResult};
use super::ids::TaskId;
use super::project::Project;
use super::task::{Constraint, Task};
use super::units::Progress;
use chrono::NaiveDate;
use network::{day_of, is_high, Network, NodeKind, Times, HIGH, LOW};
pub use network::{IdHasher, IdMap, IdSet};
pub use reschedule::{reschedule, reschedule_all, Moved, Rescheduler};
use std::sync::Arc;

/// The schedule of one task or milestone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskSchedule {
    /// The task.
    pub task: TaskId,
    /// True for summary tasks, whose figures are rolled up from their subtasks.
    pub summary: bool,
    /// Where the task is scheduled: its early start, or for "as late as possible" the latest
    /// start its successors leave it. Equal to the stored start once rescheduled.
    pub start: NaiveDate,
    /// Where the task is scheduled to finish, inclusive.
    pub finish: NaiveDate,
    /// The earliest start its constraint and its links allow (a capping constraint wins).
    pub early_start: NaiveDate,
    /// The earliest finish, inclusive; a milestone's early start and finish are its forecast.
    pub early_finish: NaiveDate,
    /// The latest start that does not delay the project finish (or the chosen target); `None`
    /// when the task does not lead to the target.
    pub late_start: Option<NaiveDate>,
    /// The latest finish, inclusive; `None` like `late_start`.
    pub late_finish: Option<NaiveDate>,
    /// Total float in working days (MS Project's total slack): how far the task can slip
    /// without delaying the target. Negative when a constraint or the target leaves less than
    /// no room; `None` when the task does not lead to the target. A summary task has the
    /// smallest float of its subtasks.
    pub total_float: Option<i32>,
    /// True when the float is zero or less.
    pub critical: bool,
    /// The constraint the links do not let the scheduler meet, if any (never for a summary).
    pub conflict: Option<Conflict>,
    /// The task's own progress, or for a summary task the work-weighted average of its
    /// subtasks: weighted by estimate when any subtask has one, else by duration in working
    /// days, else a plain average.
    pub progress: Progress,
}

/// A constraint the network cannot meet. The task keeps its constraint date, as in MS Project
/// when tasks honour their constraint dates, so a link into it does not hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// Its links ask for a start after the latest its constraint allows ("Start no later
    /// than", "Must start on"); `wanted` is the start they ask for.
    StartTooLate {
        constraint: Constraint,
        wanted: NaiveDate,
    },
    /// Its links ask for a finish after the latest its constraint allows ("Finish no later
    /// than", "Must finish on"); `wanted` is the finish they ask for.
    FinishTooLate {
        constraint: Constraint,
        wanted: NaiveDate,
    },
}

impl Conflict {
    /// The constraint that is not met.
    pub fn constraint(self) -> Constraint {
        match self {
            Conflict::StartTooLate { constraint, .. }
            | Conflict::FinishTooLate { constraint, .. } => constraint,
        }
    }
}

/// Where a milestone is forecast to fall, and how it stands against the project deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MilestoneForecast {
    /// The milestone.
    pub task: TaskId,
    /// Its early date.
    pub date: NaiveDate,
    /// Working days from `date` to the project deadline: positive when early, negative when
    /// late, zero on the deadline itself. `None` when the project has no deadline.
    pub slack: Option<i32>,
}

/// A project's schedule: derived from the stored dates and links, never stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schedule {
    tasks: Vec<TaskSchedule>,
    /// Each task's position, shared with the network the schedule was worked out on.
    index: Arc<IdMap<TaskId, u32>>,
    /// The latest early finish of any task; `None` for a project without tasks.
    pub finish: Option<NaiveDate>,
    /// The task whose finish the late dates are measured against; `None` for the project
    /// finish.
    pub target: Option<TaskId>,
    /// The critical tasks and milestones (summary tasks left out), earliest first: the chains
    /// of zero-float work that end at the project finish or at the target.
    pub critical_path: Vec<TaskId>,
    /// Every milestone, in plan order.
    pub milestones: Vec<MilestoneForecast>,
    /// Links the schedule breaks because they contradict other links, as (successor,
    /// predecessor): a finish link into a milestone that closes a loop through it (the
    /// milestone must come before a task starts and after it finishes). Such links are not
    /// enforced, and [`violations`] leaves them out.
    pub conflicts: Vec<(TaskId, TaskId)>,
}

impl Schedule {
    /// Every task's schedule, in plan order.
    pub fn tasks(&self) -> &[TaskSchedule] {
        &self.tasks
    }

    /// The schedule of task `id`, if it is in the project.
    pub fn task(&self, id: TaskId) -> Option<&TaskSchedule> {
        self.index
            .get(&id)
            .and_then(|position| self.tasks.get(*position as usize))
    }
}

/// The schedule of `project`, with late dates and float measured against the project finish.
pub fn compute(project: &Project) -> Schedule {
    schedule(project, None)
}

/// The schedule of `project`, with late dates, float and critical path measured against the
/// finish of `target` (usually a milestone) instead of the project finish when one is given.
/// Tasks that do not lead to the target have no late dates.
pub fn compute_to(project: &Project, target: Option<TaskId>) -> ModelResult<Schedule> {
    let target = match target {
        Some(id) => Some(
            project
                .tasks()
                .iter()
                .position(|task| task.id == id)
                .ok_or(ModelError::UnknownTask(id))? as u32,
        ),
        None => None,
    };
    Ok(schedule(project, target))
}

/// The links the stored dates break, as (successor, predecessor), in plan order of the
/// successor. A link into a summary task holds when every subtask keeps it; a link out of a
/// summary task starts from its subtasks' earliest start or latest finish. Inside a loop of
/// links, links are read as the scheduler reads them (see `docs/scheduling.md`), and finish
/// links into a milestone that close a loop through it are left out (they show in
/// [`Schedule::conflicts`] when broken).
pub fn violations(project: &Project) -> Vec<(TaskId, TaskId)> {
    let network = Network::build(project);
    let times = network.planned_times();
    let tasks = project.tasks();
    // What the subtasks of each summary accept on their starts and finishes: the smallest.
    let mut accept_start = vec![HIGH; tasks.len()];
    let mut accept_finish = vec![HIGH; tasks.len()];
    for task in network.deepest_first() {
        let position = task as usize;
        if !network.summary[position] {
            let node = network.task_node[position] as usize;
            accept_start[position] = times.start[node];
            accept_finish[position] = match network.kind[node] {
                NodeKind::Task => times.finish[node] + 1,
                _ => times.start[node],
            };
        }
        if let Some(parent) = network.parent[position] {
            let parent = parent as usize;
            accept_start[parent] = accept_start[parent].min(accept_start[position]);
            accept_finish[parent] = accept_finish[parent].min(accept_finish[position]);
        }
    }
    let mut broken = Vec::new();
    for edge in &network.edges {
        let Some((successor, predecessor)) = edge.link else {
            continue;
        };
        let bound = network.bound(edge, &times);
        let to = edge.to as usize;
        let holds = match network.kind[to] {
            NodeKind::Task => match edge.to_side {
                network::Side::Start => bound <= times.start[to],
                network::Side::Finish => bound <= times.finish[to] + 1,
            },
            NodeKind::Milestone => bound <= times.start[to],
            NodeKind::FloorStart => bound <= accept_start[network.node_task[to] as usize],
            NodeKind::FloorFinish => bound <= accept_finish[network.node_task[to] as usize],
            NodeKind::RollupStart | NodeKind::RollupFinish => true,
        };
        if !holds {
            broken.push((tasks[successor as usize].id, tasks[predecessor as usize].id));
        }
    }
    broken
}

/// The latest evening any leaf finishes on in `times`: what "as late as possible" tasks
/// without successors may run up to.
fn leaf_finish(network: &Network, times: &Times) -> i64 {
    network
        .kind
        .iter()
        .enumerate()
        .filter(|(_, kind)| kind.is_leaf())
        .map(|(node, _)| times.finish[node])
        .max()
        .unwrap_or(LOW)
}

/// Figures summed over the leaves below a task, for roll-ups.
#[derive(Clone, Debug, Default)]
struct Rollup {
    start: Option<NaiveDate>,
    finish: Option<NaiveDate>,
    conflict: Option<Conflict>,
    early_start: Option<NaiveDate>,
    early_finish: Option<NaiveDate>,
    late_start: Option<NaiveDate>,
    late_finish: Option<NaiveDate>,
    float: Option<i32>,
    estimate: u64,
    estimate_percent: u64,
    days: u64,
    days_percent: u64,
    count: u64,
    percent: u64,
}

impl Rollup {
    fn absorb(&mut self, other: &Rollup) {
        fn keep<T: Copy>(
            mine: Option<T>,
            theirs: Option<T>,
            better: impl Fn(T, T) -> T,
        ) -> Option<T> {
            match (mine, theirs) {
                (Some(mine), Some(theirs)) => Some(better(mine, theirs)),
                (mine, theirs) => mine.or(theirs),
            }
        }
        self.start = keep(self.start, other.start, NaiveDate::min);
        self.finish = keep(self.finish, other.finish, NaiveDate::max);
        self.early_start = keep(self.early_start, other.early_start, NaiveDate::min);
        self.early_finish = keep(self.early_finish, other.early_finish, NaiveDate::max);
        self.late_start = keep(self.late_start, other.late_start, NaiveDate::min);
        self.late_finish = keep(self.late_finish, other.late_finish, NaiveDate::max);
        self.float = keep(self.float, other.float, i32::min);
        self.estimate += other.estimate;
        self.estimate_percent += other.estimate_percent;
        self.days += other.days;
        self.days_percent += other.days_percent;
        self.count += other.count;
        self.percent += other.percent;
    }

    fn progress(&self) -> Option<Progress> {
        let (weighted, total) = if self.estimate > 0 {
            (self.estimate_percent, self.estimate)
        } else if self.days > 0 {
            (self.days_percent, self.days)
        } else {
            (self.percent, self.count)
        };
        if total == 0 {
            return None;
        }
        Progress::new(((weighted + total / 2) / total) as i64).ok()
    }
}

/// The date of a leaf's instant: its stored date when the instant is where the stored date
/// puts it, otherwise the working day the instant falls on.
fn date_at(network: &mut Network, instant: i64, planned: i64, stored: NaiveDate) -> NaiveDate {
    if instant == planned {
        stored
    } else {
        network.days.date_of(day_of(instant))
    }
}

fn schedule(project: &Project, target: Option<u32>) -> Schedule {
    if project.tasks().is_empty() {
        return Schedule::default();
    }
    schedule_on(project, &mut Network::build(project), target)
}

/// [`schedule`] on `network`, the network of `project` (built or kept); it only adds to the
/// network's table of working days.
fn schedule_on(project: &Project, network: &mut Network, target: Option<u32>) -> Schedule {
    let tasks = project.tasks();
    let mut early = network.stored_times();
    network.forward(&mut early, |_| true);
    let mut scheduled = early.clone();
    network.delay_late_tasks(&mut scheduled, leaf_finish(network, &early));

    // The leaves whose finish the late dates are measured against: every leaf, or the target
    // and, for a summary target, every leaf below it.
    let measured: Vec<bool> = match target {
        None => vec![true; tasks.len()],
        Some(target) => {
            let mut below = vec![false; tasks.len()];
            below[target as usize] = true;
            for task in network.deepest_first().into_iter().rev() {
                if let Some(parent) = network.parent[task as usize] {
                    if below[parent as usize] {
                        below[task as usize] = true;
                    }
                }
            }
            below
        }
    };
    let measured_finish = network
        .kind
        .iter()
        .enumerate()
        .filter(|(node, kind)| kind.is_leaf() && measured[network.node_task[*node] as usize])
        .map(|(node, _)| early.finish[node])
        .max()
        .unwrap_or(HIGH);
    let late: Times = network.backward(&early, |node| {
        let leaf = network.kind[node as usize].is_leaf();
        if leaf && measured[network.node_task[node as usize] as usize] {
            measured_finish
        } else {
            HIGH
        }
    });

    // Each leaf's figures go straight into its schedule and into its parent's roll-up; only
    // summary tasks keep a roll-up (`sums`, by `slot`): at 50,000 tasks a roll-up per task was
    // 6 MB more at the moment the schedule is worked out again, beside the old one.
    let mut slot = vec![u32::MAX; tasks.len()];
    let mut summaries: Vec<u32> = Vec::new();
    for (position, slot) in slot.iter_mut().enumerate() {
        if network.summary[position] {
            *slot = summaries.len() as u32;
            summaries.push(position as u32);
        }
    }
    let mut sums = vec![Rollup::default(); summaries.len()];
    let mut schedules: Vec<TaskSchedule> = Vec::with_capacity(tasks.len());
    let mut leaf_order: Vec<(i64, i64, u32)> = Vec::new();
    for (position, task) in tasks.iter().enumerate() {
        if network.summary[position] {
            // Filled in below, once its subtasks are rolled up.
            schedules.push(task_schedule(task, &Rollup::default(), true));
            continue;
        }
        let node = network.task_node[position] as usize;
        let planned = network.planned[node];
        let planned_finish = planned + network.span[node];
        let (start, finish) = (early.start[node], early.finish[node]);
        let (late_start, late_finish) = (late.start[node], late.finish[node]);
        let float = if is_high(late_start) || is_high(late_finish) {
            None
        } else {
            let halves = (late_start - start).min(late_finish - finish);
            Some(
                i32::try_from(halves.div_euclid(2)).unwrap_or(if halves < 0 {
                    i32::MIN
                } else {
                    i32::MAX
                }),
            )
        };
        let early_start = date_at(network, start, planned, task.start);
        let early_finish = date_at(network, finish, planned_finish, task.end);
        let scheduled_start = date_at(network, scheduled.start[node], planned, task.start);
        let scheduled_finish = date_at(network, scheduled.finish[node], planned_finish, task.end);
        let conflict = conflict(network, node as u32, task.constraint, &early);
        let late_dates = float.map(|_| {
            (
                date_at(network, late_start, planned, task.start),
                date_at(network, late_finish, planned_finish, task.end),
            )
        });
        let percent = u64::from(task.progress.percent());
        let estimate = u64::from(task.estimate.centi());
        let days = if task.milestone {
            0
        } else {
            ((network.span[node] + 1) / 2) as u64
        };
        let rollup = Rollup {
            start: Some(scheduled_start),
            finish: Some(scheduled_finish),
            conflict,
            early_start: Some(early_start),
            early_finish: Some(early_finish),
            late_start: late_dates.map(|dates| dates.0),
            late_finish: late_dates.map(|dates| dates.1),
            float,
            estimate,
            estimate_percent: estimate * percent,
            days,
            days_percent: days * percent,
            count: 1,
            percent,
        };
        if float.is_some_and(|float| float <= 0) {
            leaf_order.push((start, finish, position as u32));
        }
        schedules.push(task_schedule(task, &rollup, false));
        if let Some(parent) = network.parent[position] {
            sums[slot[parent as usize] as usize].absorb(&rollup);
        }
    }
    // Summaries deepest first: each is whole once the summaries below it are absorbed.
    summaries.sort_by_key(|position| std::cmp::Reverse(network.depth[*position as usize]));
    for position in summaries {
        let position = position as usize;
        let sum = std::mem::take(&mut sums[slot[position] as usize]);
        if let Some(parent) = network.parent[position] {
            sums[slot[parent as usize] as usize].absorb(&sum);
        }
        schedules[position] = task_schedule(&tasks[position], &sum, true);
    }
    leaf_order.sort_unstable();
    let critical_path = leaf_order
        .into_iter()
        .map(|(_, _, position)| tasks[position as usize].id)
        .collect();
    let finish = schedules
        .iter()
        .filter(|schedule| !schedule.summary)
        .map(|schedule| schedule.finish)
        .max();
    let milestones = tasks
        .iter()
        .zip(&schedules)
        .filter(|(task, schedule)| task.milestone && !schedule.summary)
        .map(|(task, schedule)| MilestoneForecast {
            task: task.id,
            date: schedule.finish,
            slack: project.deadline.map(|deadline| {
                let days = network.days.up_to(deadline) - network.days.up_to(schedule.finish);
                i32::try_from(days).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX })
            }),
        })
        .collect();
    let conflicts = network
        .unenforced
        .iter()
        .filter(|edge| network.bound(edge, &early) > early.start[edge.to as usize])
        .filter_map(|edge| edge.link)
        .map(|(successor, predecessor)| {
            (tasks[successor as usize].id, tasks[predecessor as usize].id)
        })
        .collect();
    Schedule {
        tasks: schedules,
        index: Arc::clone(&network.index),
        finish,
        target: target.map(|position| tasks[position as usize].id),
        critical_path,
        milestones,
        conflicts,
    }
}

/// The conflict of leaf `node`, whose early value is in `early`: its links and floor ask for
/// more than its constraint allows.
fn conflict(
    network: &mut Network,
    node: u32,
    constraint: Constraint,
    early: &Times,
) -> Option<Conflict> {
    let window = network.window[node as usize];
    if is_high(window.limit) {
        return None;
    }
    let wanted = network.wanted(node, early);
    if wanted <= window.limit {
        return None;
    }
    let span = network.span[node as usize];
    Some(match constraint {
        Constraint::FinishNoLaterThan(_) | Constraint::MustFinishOn(_) => Conflict::FinishTooLate {
            constraint,
            wanted: network.days.date_of(day_of(wanted + span)),
        },
        _ => Conflict::StartTooLate {
            constraint,
            wanted: network.days.date_of(day_of(wanted)),
        },
    })
}

fn task_schedule(task: &Task, rollup: &Rollup, summary: bool) -> TaskSchedule {
    TaskSchedule {
        task: task.id,
        summary,
        start: rollup.start.unwrap_or(task.start),
        finish: rollup.finish.unwrap_or(task.end),
        conflict: rollup.conflict,
        early_start: rollup.early_start.unwrap_or(task.start),
        early_finish: rollup.early_finish.unwrap_or(task.end),
        late_start: rollup.late_start,
        late_finish: rollup.late_finish,
        total_float: rollup.float,
        critical: rollup.float.is_some_and(|float| float <= 0),
        progress: if summary {
            rollup.progress().unwrap_or(task.progress)
        } else {
            task.progress
        },
    }
}
