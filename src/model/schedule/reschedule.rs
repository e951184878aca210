//! The writers of scheduled dates: [`reschedule`] after a change, [`Rescheduler`] for the
//! moves of one drag (the network kept across them), and [`reschedule_all`] after an import.
//! Each runs the forward pass downstream of what changed and stores the dates it reaches,
//! rolling summary tasks up again; [`compute`](super::compute) only reads.

use super::leaf_finish;
use super::network::{day_of, Network, NodeKind};
use crate::model::error::{ModelError, ModelResult};
use crate::model::ids::TaskId;
use crate::model::project::Project;
use chrono::NaiveDate;

/// One task moved by [`reschedule`]: its dates before and after, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moved {
    pub task: TaskId,
    /// (start, end) before.
    pub from: (NaiveDate, NaiveDate),
    /// (start, end) after.
    pub to: (NaiveDate, NaiveDate),
}

/// Moves what the change of `changed` (their dates or their links) makes necessary: every task
/// downstream of them that now breaks a link moves forward just far enough, keeping its
/// duration in working days, and the summary tasks above whatever moved are rolled up again.
/// Tasks that break nothing keep their dates (nothing is pulled earlier), tasks not downstream
/// of `changed` are not looked at, and ids not in the project are ignored. Returns what moved,
/// in plan order.
pub fn reschedule(project: &mut Project, changed: &[TaskId]) -> Vec<Moved> {
    let mut network = Network::build(project);
    let changed: Vec<u32> = changed
        .iter()
        .filter_map(|id| network.index.get(id).copied())
        .collect();
    let seeds = seeds_for(&network, &changed);
    apply(project, &mut network, &seeds, Some(&changed))
}

/// The network of a project kept across the frames of one drag, so that each proposed move
/// of one task costs a walk of what lies downstream of it, not a new network: the answer is
/// the same as [`reschedule`] on a copy of the project with the task's dates changed.
#[derive(Clone, Debug)]
pub struct Rescheduler {
    network: Network,
}

impl Rescheduler {
    /// The rescheduler of `project`, for moves of its tasks.
    pub fn new(project: &Project) -> Rescheduler {
        Rescheduler {
            network: Network::build(project),
        }
    }

    /// Gives `task` the dates `start..=end` in `project` (the project this was built from) and
    /// moves its late successors and summaries, as [`reschedule`] does. Refuses what
    /// `Project::set_task_dates` refuses.
    pub fn move_task(
        &self,
        project: &mut Project,
        task: TaskId,
        start: NaiveDate,
        end: NaiveDate,
    ) -> ModelResult<Vec<Moved>> {
        let Some(position) = self.network.index.get(&task).map(|index| *index as usize) else {
            return Err(ModelError::UnknownTask(task));
        };
        if project.tasks().get(position).map(|known| known.id) != Some(task) {
            // Not the project this was built from: do it the long way.
            project.set_task_dates(task, start, end)?;
            return Ok(reschedule(project, &[task]));
        }
        project.set_task_dates_of(position, start, end)?;
        let mut network = self.network.clone();
        if !network.place(position, &project.tasks()[position], project.start) {
            return Ok(reschedule(project, &[task]));
        }
        let changed = [position as u32];
        let seeds = seeds_for(&network, &changed);
        Ok(apply(project, &mut network, &seeds, Some(&changed)))
    }

    /// [`Rescheduler::move_task`] for a network kept from one change to the next (keyboard
    /// nudges, drops): the move is made in place, then the network takes the dates the move
    /// stored, so that it is the network of the project as moved and serves its next move.
    /// The second value is false when the network could not follow (a date beyond its
    /// working-day table, a summary task moved, a task becoming "as late as possible", or a
    /// project it was not built from); it must then be dropped and built again.
    pub fn move_and_keep(
        &mut self,
        project: &mut Project,
        task: TaskId,
        start: NaiveDate,
        end: NaiveDate,
    ) -> ModelResult<(Vec<Moved>, bool)> {
        let Some(position) = self.position(project, task) else {
            project.set_task_dates(task, start, end)?;
            return Ok((reschedule(project, &[task]), false));
        };
        project.set_task_dates_of(position, start, end)?;
        if !self
            .network
            .place(position, &project.tasks()[position], project.start)
        {
            return Ok((reschedule(project, &[task]), false));
        }
        let changed = [position as u32];
        let seeds = seeds_for(&self.network, &changed);
        let moved = apply(project, &mut self.network, &seeds, Some(&changed));
        let mut kept = true;
        for step in &moved {
            let Some(at) = self.position(project, step.task) else {
                kept = false;
                break;
            };
            if !self.network.summary[at]
                && !self.network.place(at, &project.tasks()[at], project.start)
            {
                kept = false;
                break;
            }
        }
        Ok((moved, kept))
    }

    /// [`compute`](super::compute) of `project`, the project this network follows (as
    /// [`Rescheduler::move_and_keep`] left it), without building or copying the network.
    pub fn compute(&mut self, project: &Project) -> super::Schedule {
        let known = self.network.task_node.len() == project.tasks().len()
            && project
                .tasks()
                .first()
                .is_some_and(|task| self.position(project, task.id) == Some(0));
        if known {
            super::schedule_on(project, &mut self.network, None)
        } else {
            super::compute(project)
        }
    }

    /// Where `task` sits in `project`, when this network knows it there.
    fn position(&self, project: &Project, task: TaskId) -> Option<usize> {
        let position = *self.network.index.get(&task)? as usize;
        (project.tasks().get(position).map(|known| known.id) == Some(task)).then_some(position)
    }

    /// The dates of `task` in `project` and whether it is a summary task, found without a scan
    /// when this network was built from `project`.
    pub fn task_facts(
        &self,
        project: &Project,
        task: TaskId,
    ) -> Option<(NaiveDate, NaiveDate, bool, bool)> {
        let position = self.position(project, task)?;
        let found = &project.tasks()[position];
        Some((
            found.start,
            found.end,
            found.milestone,
            self.network.summary[position],
        ))
    }
}

/// [`reschedule`] for every task at once, as after an import: every link is made to hold and
/// every summary task is rolled up.
pub fn reschedule_all(project: &mut Project) -> Vec<Moved> {
    let mut network = Network::build(project);
    let seeds: Vec<u32> = (0..project.tasks().len() as u32)
        .flat_map(|task| seed_nodes(&network, task))
        .collect();
    apply(project, &mut network, &seeds, None)
}

/// The nodes a change to `changed` starts from: theirs, or every task's when some task is "as
/// late as possible" (its place depends on what follows it and on the project finish).
fn seeds_for(network: &Network, changed: &[u32]) -> Vec<u32> {
    if network.has_late {
        (0..network.task_node.len() as u32)
            .flat_map(|task| seed_nodes(network, task))
            .collect()
    } else {
        changed
            .iter()
            .flat_map(|task| seed_nodes(network, *task))
            .collect()
    }
}

/// The nodes a change to task `task` starts from: the task itself, or a summary's floors.
fn seed_nodes(network: &Network, task: u32) -> impl Iterator<Item = u32> {
    let base = network.task_node[task as usize];
    let summary = network.summary[task as usize];
    std::iter::once(base).chain(summary.then_some(base + 1))
}

/// Runs the forward pass downstream of `seeds` and stores the result. `changed` names the
/// tasks whose summaries must be rolled up; `None` rolls up every summary.
fn apply(
    project: &mut Project,
    network: &mut Network,
    seeds: &[u32],
    changed: Option<&[u32]>,
) -> Vec<Moved> {
    let reached = network.downstream(seeds.iter().copied());
    let mut times = network.stored_times();
    network.forward(&mut times, |node| reached[node as usize]);
    let finish = leaf_finish(network, &times);
    network.delay_late_tasks(&mut times, finish);

    let mut moves: Vec<(u32, NaiveDate, NaiveDate)> = Vec::new();
    for (node, kind) in network.kind.iter().enumerate() {
        if !reached[node] || !kind.is_leaf() {
            continue;
        }
        let position = network.node_task[node];
        let task = &project.tasks()[position as usize];
        let planned = network.planned[node];
        let start = times.start[node];
        let finish = times.finish[node];
        let placed = match kind {
            NodeKind::Task => {
                if start == planned && finish == planned + network.span[node] {
                    continue;
                }
                let new_start = if start == planned {
                    task.start
                } else {
                    network.days.date_of(day_of(start))
                };
                (new_start, network.days.date_of(day_of(finish)))
            }
            _ => {
                if start == planned {
                    continue;
                }
                let day = network.days.date_of(day_of(start));
                (day, day)
            }
        };
        moves.push((position, placed.0, placed.1));
    }

    let mut moved = Vec::new();
    let mut touched: Vec<u32> = changed.map(<[u32]>::to_vec).unwrap_or_default();
    for (position, start, end) in moves {
        let task = &project.tasks()[position as usize];
        let from = (task.start, task.end);
        let id = task.id;
        // Dates beyond the model's range stay where they are; the link shows as broken.
        if project
            .set_task_dates_at(position as usize, start, end)
            .is_ok()
        {
            moved.push((
                position,
                Moved {
                    task: id,
                    from,
                    to: (start, end),
                },
            ));
            touched.push(position);
        }
    }

    // Summary tasks above whatever changed or moved, deepest first, so that each one sees its
    // subtasks' new dates.
    let task_count = project.tasks().len();
    let mut affected = vec![false; task_count];
    let mut summaries: Vec<u32> = Vec::new();
    match changed {
        None => {
            summaries = (0..task_count as u32)
                .filter(|task| network.summary[*task as usize])
                .collect();
        }
        Some(_) => {
            for task in touched {
                // A changed summary is rolled up itself; anything else from its parent up.
                let mut current = if network.summary[task as usize] {
                    Some(task)
                } else {
                    network.parent[task as usize]
                };
                while let Some(parent) = current {
                    if affected[parent as usize] {
                        break;
                    }
                    affected[parent as usize] = true;
                    summaries.push(parent);
                    current = network.parent[parent as usize];
                }
            }
        }
    }
    summaries.sort_by_key(|task| (std::cmp::Reverse(network.depth[*task as usize]), *task));
    let children = children_of(&network.parent);
    for summary in summaries {
        let tasks = project.tasks();
        let mut span: Option<(NaiveDate, NaiveDate)> = None;
        for child in &children[summary as usize] {
            let child = &tasks[*child as usize];
            span = Some(match span {
                None => (child.start, child.end),
                Some((start, end)) => (start.min(child.start), end.max(child.end)),
            });
        }
        let Some((start, end)) = span else {
            continue;
        };
        let task = &tasks[summary as usize];
        if (task.start, task.end) == (start, end) {
            continue;
        }
        let from = (task.start, task.end);
        let id = task.id;
        if project
            .set_task_dates_at(summary as usize, start, end)
            .is_ok()
        {
            moved.push((
                summary,
                Moved {
                    task: id,
                    from,
                    to: (start, end),
                },
            ));
        }
    }
    moved.sort_by_key(|(position, _)| *position);
    moved.into_iter().map(|(_, moved)| moved).collect()
}

/// The direct subtasks of every task, in plan order.
fn children_of(parent: &[Option<u32>]) -> Vec<Vec<u32>> {
    let mut children = vec![Vec::new(); parent.len()];
    for (child, parent) in parent.iter().enumerate() {
        if let Some(parent) = parent {
            children[*parent as usize].push(child as u32);
        }
    }
    children
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::task::{Constraint, Dependency, LinkKind};
    use crate::model::testing::{date, TestPlan};
    use proptest::prelude::*;

    /// A phase of two subtasks, a milestone and loose tasks, tied by every link kind; the
    /// leaves, which the keyboard moves.
    fn plan() -> (TestPlan, Vec<TaskId>) {
        let mut plan = TestPlan::new("2027-01-04");
        let phase = plan.task("Phase", "2027-01-04", "2027-01-15", 0, None);
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        let build = plan.task("Build", "2027-01-07", "2027-01-12", 0, None);
        let review = plan.milestone("Review", "2027-01-12");
        let test = plan.task("Test", "2027-01-13", "2027-01-15", 0, None);
        let docs = plan.task("Docs", "2027-01-11", "2027-01-13", 0, None);
        let launch = plan.task("Launch", "2027-01-18", "2027-01-18", 0, None);
        for child in [design, build] {
            plan.edit(child, |task| task.parent = Some(phase));
        }
        let link = |predecessor, kind, lag| Dependency {
            predecessor,
            kind,
            lag,
        };
        plan.link(build, Dependency::finish_to_start(design));
        plan.link(review, Dependency::finish_to_start(build));
        plan.link(test, link(review, LinkKind::FinishToStart, 0));
        plan.link(docs, link(design, LinkKind::StartToStart, 2));
        plan.link(launch, link(test, LinkKind::FinishToFinish, 1));
        plan.link(launch, link(phase, LinkKind::FinishToStart, 0));
        plan.edit(docs, |task| {
            task.constraint = Constraint::FinishNoLaterThan(date("2027-01-29"))
        });
        (plan, vec![design, build, review, test, docs, launch])
    }

    proptest! {
        /// A network kept across any run of moves (nudges, stretches, jumps past the dates it
        /// was built for) gives after each exactly what a network built afresh gives.
        #[test]
        fn a_kept_network_moves_like_a_new_one(
            moves in proptest::collection::vec((0usize..6, -40i64..60, 0i64..4), 1..12),
        ) {
            let (plan, leaves) = plan();
            let mut kept_project = plan.project().clone();
            let mut fresh_project = plan.project().clone();
            let mut kept = Rescheduler::new(&kept_project);
            for (leaf, days, length) in moves {
                let task = leaves[leaf];
                let current = fresh_project.task(task).expect("a leaf of the plan").clone();
                let start = crate::model::calendar::shift(current.start, days);
                let end = if current.milestone {
                    start
                } else {
                    crate::model::calendar::shift(start, length)
                };
                let expected = fresh_project
                    .set_task_dates(task, start, end)
                    .map(|()| reschedule(&mut fresh_project, &[task]));
                let actual = kept.move_and_keep(&mut kept_project, task, start, end);
                match (expected, actual) {
                    (Ok(expected), Ok((actual, follows))) => {
                        prop_assert_eq!(actual, expected);
                        if !follows {
                            kept = Rescheduler::new(&kept_project);
                        }
                    }
                    (Err(expected), Err(actual)) => prop_assert_eq!(actual, expected),
                    (expected, actual) => prop_assert!(false, "{expected:?} but {actual:?}"),
                }
                prop_assert_eq!(&kept_project, &fresh_project);
                prop_assert_eq!(kept.compute(&kept_project), crate::model::schedule::compute(&fresh_project));
            }
        }
    }
}
