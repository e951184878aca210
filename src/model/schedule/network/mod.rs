//! The scheduling network: tasks as nodes on a time axis of half working days, links as
//! edges, and the forward and backward passes over them.
//!
//! This module owns the arithmetic; `mod.rs` owns what is reported and stored.
//!
//! # Time
//!
//! A time is an instant on a working-day axis counted in halves: `2 * n` is the morning of
//! working day `n`, `2 * n + 1` its evening. A task from working day `s` to working day `f`
//! starts at `2s` and finishes at `2f + 1`; a milestone sits on the evening of its day. Lags
//! move instants by whole working days (two halves). The evening of a day and the next
//! working morning are the same moment of work, so a bound that lands on the wrong half for a
//! task is moved to the equivalent one: a start due on an evening starts the next morning, a
//! finish due on a morning finishes the evening before. Milestones keep the half they are
//! given, which is what lets "a milestone after a task that finishes on Friday" fall on Friday
//! while "a task after that milestone" starts on Monday.
//!
//! # Nodes and edges
//!
//! A leaf task is one node whose value is its start; its finish is the start plus its span
//! (`2 * duration - 1` halves), so a bound on the finish moves the whole task. A milestone is
//! one node. A summary task has four nodes: a start floor and a finish floor that links into
//! the summary raise and that pass on to every subtask, and the rolled-up start (earliest
//! subtask start) and finish (latest subtask finish) that links out of the summary start from.
//!
//! The passes live in `passes`, the evaluation order and the reading of loops in `order`.

mod order;
mod passes;

use super::constraints::{window, Window};
use super::days::WorkingDays;
pub(super) use super::time::{day_of, is_high, is_low, shifted, HIGH, LOW};
use crate::model::ids::TaskId;
use crate::model::project::Project;
use crate::model::task::LinkKind;
use chrono::NaiveDate;
use std::sync::Arc;

pub use crate::model::ids::{IdHasher, IdMap, IdSet};

/// Which end of a task an edge leaves from or arrives at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    Start,
    Finish,
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NodeKind {
    /// A leaf task; the value is its start, an even instant.
    Task,
    /// A milestone; the value is an instant, normally an evening.
    Milestone,
    /// The latest bound that links into a summary put on its subtasks' starts.
    FloorStart,
    /// The latest bound that links into a summary put on its subtasks' finishes.
    FloorFinish,
    /// The earliest start of a summary's subtasks.
    RollupStart,
    /// The latest finish of a summary's subtasks.
    RollupFinish,
}

impl NodeKind {
    pub(super) fn is_leaf(self) -> bool {
        matches!(self, NodeKind::Task | NodeKind::Milestone)
    }
}

/// One edge: "the value at `to`'s `to_side` is no earlier than `from`'s `from_side` plus `lag`".
#[derive(Clone, Copy, Debug)]
pub(super) struct Edge {
    pub from: u32,
    pub from_side: Side,
    pub to: u32,
    pub to_side: Side,
    /// In halves of a working day.
    pub lag: i64,
    /// A bound on a task's finish that stretches the task instead of moving it (inside loops).
    pub stretch: bool,
    /// For links: (successor task, predecessor task), as indexes into the project's tasks.
    pub link: Option<(u32, u32)>,
}

/// One step of a pass, in evaluation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// A node evaluated at once (a task outside loops: start, then finish).
    Whole(u32),
    /// The start of a task inside a loop.
    Start(u32),
    /// The finish of a task inside a loop.
    Finish(u32),
}

/// Early or late values of every node: `start` is the node's value, `finish` the task's finish
/// (equal to `start` for everything that is not a task).
#[derive(Clone, Debug)]
pub(super) struct Times {
    pub start: Vec<i64>,
    pub finish: Vec<i64>,
}

/// The network of one project, built in time linear in tasks plus dependencies.
#[derive(Clone, Debug)]
pub(super) struct Network {
    pub days: WorkingDays,
    /// Where each task id sits in the project's task list.
    pub index: Arc<IdMap<TaskId, u32>>,
    /// Per task (project order): its first node.
    pub task_node: Vec<u32>,
    /// Per task: its summary task, when that exists in the project.
    pub parent: Vec<Option<u32>>,
    /// Per task: true when it has subtasks.
    pub summary: Vec<bool>,
    /// Per task: how deep it sits in the outline (0 at the top).
    pub depth: Vec<u32>,
    /// Per node: what it is.
    pub kind: Vec<NodeKind>,
    /// Per node: the task it belongs to.
    pub node_task: Vec<u32>,
    /// Per node: the planned value from the stored dates (leaves), `LOW` otherwise.
    pub planned: Vec<i64>,
    /// Per node: a task's span from start to finish in halves (`2 * duration - 1`), else 0.
    pub span: Vec<i64>,
    /// Per node: where the task's constraint lets its value go (summary nodes are free).
    pub window: Vec<Window>,
    /// True when some leaf is "as late as possible", whose place depends on its successors.
    pub has_late: bool,
    /// Per node: true inside a loop of more than one node.
    pub in_loop: Vec<bool>,
    pub edges: Vec<Edge>,
    in_offsets: Vec<u32>,
    in_edges: Vec<u32>,
    out_offsets: Vec<u32>,
    out_edges: Vec<u32>,
    /// Every node, in an order where each edge points forward.
    pub sequence: Vec<Step>,
    /// Links into milestones left out because they close a loop through the milestone.
    pub unenforced: Vec<Edge>,
}

impl Network {
    /// Builds the network of `project`. Dependencies on tasks that do not exist are skipped,
    /// as are parents that do not exist; validation reports those separately.
    pub(super) fn build(project: &Project) -> Network {
        let tasks = project.tasks();
        let index: IdMap<TaskId, u32> = tasks
            .iter()
            .enumerate()
            .map(|(position, task)| (task.id, position as u32))
            .collect();
        let parent: Vec<Option<u32>> = tasks
            .iter()
            .enumerate()
            .map(|(position, task)| {
                task.parent
                    .and_then(|parent| index.get(&parent).copied())
                    .filter(|parent| *parent as usize != position)
            })
            .collect();
        let mut summary = vec![false; tasks.len()];
        for parent in parent.iter().flatten() {
            summary[*parent as usize] = true;
        }
        let depth = depths(&parent);

        let mut first = tasks
            .first()
            .map(|task| task.start)
            .unwrap_or(project.start);
        let mut last = first;
        for date in tasks
            .iter()
            .flat_map(|task| [Some(task.start), Some(task.end), task.constraint.date()])
            .flatten()
            .chain([project.start])
            .chain(project.deadline)
        {
            first = first.min(date);
            last = last.max(date);
        }
        let days = WorkingDays::new(&project.calendar, first, last);

        let mut task_node = Vec::with_capacity(tasks.len());
        let mut kind = Vec::with_capacity(tasks.len());
        let mut node_task = Vec::with_capacity(tasks.len());
        let mut planned = Vec::with_capacity(tasks.len());
        let mut span = Vec::with_capacity(tasks.len());
        for (position, task) in tasks.iter().enumerate() {
            task_node.push(kind.len() as u32);
            if summary[position] {
                for node_kind in [
                    NodeKind::FloorStart,
                    NodeKind::FloorFinish,
                    NodeKind::RollupStart,
                    NodeKind::RollupFinish,
                ] {
                    kind.push(node_kind);
                    node_task.push(position as u32);
                    planned.push(LOW);
                    span.push(0);
                }
            } else if task.milestone {
                kind.push(NodeKind::Milestone);
                node_task.push(position as u32);
                // A milestone is reached on the evening of its date (or of the last working
                // day before it, when its date is not worked).
                planned.push(2 * days.up_to(task.start) - 1);
                span.push(0);
            } else {
                kind.push(NodeKind::Task);
                node_task.push(position as u32);
                let start = days.before(task.start);
                let duration = (days.up_to(task.end) - start).max(1);
                planned.push(2 * start);
                span.push(2 * duration - 1);
            }
        }

        let mut network = Network {
            days,
            index: Arc::default(),
            task_node,
            parent,
            summary,
            depth,
            in_loop: vec![false; kind.len()],
            kind,
            node_task,
            planned,
            span,
            window: Vec::new(),
            has_late: false,
            edges: Vec::new(),
            in_offsets: Vec::new(),
            in_edges: Vec::new(),
            out_offsets: Vec::new(),
            out_edges: Vec::new(),
            sequence: Vec::new(),
            unenforced: Vec::new(),
        };
        network.window = vec![Window::FREE; network.kind.len()];
        for (position, task) in tasks.iter().enumerate() {
            network.constrain(position, task, project.start);
        }
        network.add_hierarchy_edges(project, &index);
        network.add_link_edges(project, &index);
        network.order();
        network.index = Arc::new(index);
        network
    }

    /// Sets the window of the task at `position` from its constraint (summary tasks stay free).
    fn constrain(&mut self, position: usize, task: &crate::model::task::Task, start: NaiveDate) {
        if self.summary[position] {
            return;
        }
        let node = self.task_node[position] as usize;
        let window = window(
            task.constraint,
            task.milestone,
            self.span[node],
            start,
            &self.days,
        );
        self.has_late |= window.late;
        self.window[node] = window;
    }

    /// Puts the task at `position` (not a summary task) at `task`'s dates and constraint, as
    /// [`Network::build`] would have from them in a project starting on `project_start`. False
    /// when a date lies outside the working-day table, which would then have to be built
    /// again, or when the change makes a task "as late as possible" (then every task is
    /// scheduled again).
    pub(super) fn place(
        &mut self,
        position: usize,
        task: &crate::model::task::Task,
        project_start: NaiveDate,
    ) -> bool {
        let constraint_date = task.constraint.date().unwrap_or(task.start);
        if self.summary[position]
            || !self.days.covers(task.start)
            || !self.days.covers(task.end)
            || !self.days.covers(constraint_date)
        {
            return false;
        }
        let node = self.task_node[position] as usize;
        if task.milestone {
            self.planned[node] = 2 * self.days.up_to(task.start) - 1;
            self.span[node] = 0;
        } else {
            let start = self.days.before(task.start);
            let duration = (self.days.up_to(task.end) - start).max(1);
            self.planned[node] = 2 * start;
            self.span[node] = 2 * duration - 1;
        }
        let had_late = self.has_late;
        self.constrain(position, task, project_start);
        self.has_late == had_late
    }

    fn node_count(&self) -> usize {
        self.kind.len()
    }

    /// Where edges about task `task`'s `side` come from when it is a predecessor.
    fn source(&self, task: u32, side: Side) -> (u32, Side) {
        let base = self.task_node[task as usize];
        if self.summary[task as usize] {
            match side {
                Side::Start => (base + 2, Side::Start),
                Side::Finish => (base + 3, Side::Start),
            }
        } else {
            (base, side)
        }
    }

    /// Where edges about task `task`'s `side` arrive when it is a successor.
    fn target(&self, task: u32, side: Side) -> (u32, Side) {
        let base = self.task_node[task as usize];
        if self.summary[task as usize] {
            match side {
                Side::Start => (base, Side::Start),
                Side::Finish => (base + 1, Side::Start),
            }
        } else {
            (base, side)
        }
    }

    /// Adds the edges between summary tasks and their subtasks, but only where links make
    /// them matter: a summary's floors pass something on only when a link arrives at it or at
    /// a summary above it, and its roll-ups are read only when a link leaves from it or from a
    /// summary above it. Most summary tasks have no links, and their four edges per subtask
    /// would be most of the network.
    fn add_hierarchy_edges(&mut self, project: &Project, index: &IdMap<TaskId, u32>) {
        let tasks = project.tasks();
        // Per task: floor start, floor finish, rolled-up start, rolled-up finish in use.
        let mut used = vec![[false; 4]; tasks.len()];
        for (successor, task) in tasks.iter().enumerate() {
            for dependency in &task.dependencies {
                let Some(&predecessor) = index.get(&dependency.predecessor) else {
                    continue;
                };
                let (from_side, to_side) = sides(dependency.kind);
                used[successor][if to_side == Side::Start { 0 } else { 1 }] = true;
                used[predecessor as usize][if from_side == Side::Start { 2 } else { 3 }] = true;
            }
        }
        for task in self.deepest_first().into_iter().rev() {
            if let Some(parent) = self.parent[task as usize] {
                let inherited = used[parent as usize];
                for (mine, theirs) in used[task as usize].iter_mut().zip(inherited) {
                    *mine |= theirs;
                }
            }
        }
        for child in 0..self.parent.len() as u32 {
            let Some(parent) = self.parent[child as usize] else {
                continue;
            };
            let base = self.task_node[parent as usize];
            let edge = |from: (u32, Side), to: (u32, Side)| Edge {
                from: from.0,
                from_side: from.1,
                to: to.0,
                to_side: to.1,
                lag: 0,
                stretch: false,
                link: None,
            };
            let [floor_start, floor_finish, rollup_start, rollup_finish] = used[parent as usize];
            if floor_start {
                let target = self.target(child, Side::Start);
                self.edges.push(edge((base, Side::Start), target));
            }
            if floor_finish {
                let target = self.target(child, Side::Finish);
                self.edges.push(edge((base + 1, Side::Start), target));
            }
            if rollup_start {
                let source = self.source(child, Side::Start);
                self.edges.push(edge(source, (base + 2, Side::Start)));
            }
            if rollup_finish {
                let source = self.source(child, Side::Finish);
                self.edges.push(edge(source, (base + 3, Side::Start)));
            }
        }
    }

    fn add_link_edges(&mut self, project: &Project, index: &IdMap<TaskId, u32>) {
        for (successor, task) in project.tasks().iter().enumerate() {
            let successor = successor as u32;
            for dependency in &task.dependencies {
                let Some(&predecessor) = index.get(&dependency.predecessor) else {
                    continue;
                };
                if predecessor == successor {
                    continue;
                }
                let (from_side, to_side) = sides(dependency.kind);
                let from = self.source(predecessor, from_side);
                let to = self.target(successor, to_side);
                self.edges.push(Edge {
                    from: from.0,
                    from_side: from.1,
                    to: to.0,
                    to_side: to.1,
                    lag: 2 * i64::from(dependency.lag),
                    stretch: false,
                    link: Some((successor, predecessor)),
                });
            }
        }
    }

    /// The edges arriving at `node`.
    pub(super) fn edges_in(&self, node: u32) -> impl Iterator<Item = &Edge> {
        let from = self.in_offsets[node as usize] as usize;
        let to = self.in_offsets[node as usize + 1] as usize;
        self.in_edges[from..to]
            .iter()
            .map(|number| &self.edges[*number as usize])
    }

    /// The edges leaving `node`.
    pub(super) fn edges_out(&self, node: u32) -> impl Iterator<Item = &Edge> {
        let from = self.out_offsets[node as usize] as usize;
        let to = self.out_offsets[node as usize + 1] as usize;
        self.out_edges[from..to]
            .iter()
            .map(|number| &self.edges[*number as usize])
    }

    /// Leaves at their stored dates; summary nodes not yet derived (a forward pass does that).
    pub(super) fn stored_times(&self) -> Times {
        Times {
            start: self.planned.clone(),
            finish: self
                .planned
                .iter()
                .zip(&self.span)
                .map(|(start, span)| shifted(*start, *span))
                .collect(),
        }
    }

    /// Every node's value as stored: leaves at their stored dates, summary nodes derived from
    /// them.
    pub(super) fn planned_times(&self) -> Times {
        let mut times = self.stored_times();
        self.forward(&mut times, |_| false);
        times
    }

    /// The value an edge asks for, before it is fitted to the target.
    pub(super) fn bound(&self, edge: &Edge, times: &Times) -> i64 {
        let source = match edge.from_side {
            Side::Start => times.start[edge.from as usize],
            Side::Finish => times.finish[edge.from as usize],
        };
        if is_low(source) {
            LOW
        } else {
            source + edge.lag
        }
    }

    /// Every node reachable from `seeds` along edges, seeds included.
    pub(super) fn downstream(&self, seeds: impl IntoIterator<Item = u32>) -> Vec<bool> {
        let mut reached = vec![false; self.node_count()];
        let mut queue: Vec<u32> = Vec::new();
        for seed in seeds {
            if !reached[seed as usize] {
                reached[seed as usize] = true;
                queue.push(seed);
            }
        }
        while let Some(node) = queue.pop() {
            for edge in self.edges_out(node) {
                if !reached[edge.to as usize] {
                    reached[edge.to as usize] = true;
                    queue.push(edge.to);
                }
            }
        }
        reached
    }

    /// Tasks ordered deepest first, so that subtasks come before their summary tasks.
    pub(super) fn deepest_first(&self) -> Vec<u32> {
        let deepest = self.depth.iter().copied().max().unwrap_or(0) as usize;
        let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); deepest + 1];
        for (task, depth) in self.depth.iter().enumerate() {
            buckets[*depth as usize].push(task as u32);
        }
        buckets.into_iter().rev().flatten().collect()
    }
}

/// The predecessor's and the successor's side a link kind ties.
fn sides(kind: LinkKind) -> (Side, Side) {
    match kind {
        LinkKind::FinishToStart => (Side::Finish, Side::Start),
        LinkKind::StartToStart => (Side::Start, Side::Start),
        LinkKind::FinishToFinish => (Side::Finish, Side::Finish),
        LinkKind::StartToFinish => (Side::Start, Side::Finish),
    }
}

/// True when two edges are read the same way.
fn same_edge(one: &Edge, other: &Edge) -> bool {
    one.from == other.from && one.to == other.to && one.stretch == other.stretch
}

/// Depth of every task in the outline. A parent chain that loops (which validation refuses)
/// stops counting after as many steps as there are tasks.
fn depths(parent: &[Option<u32>]) -> Vec<u32> {
    const UNKNOWN: u32 = u32::MAX;
    let mut depth = vec![UNKNOWN; parent.len()];
    let mut chain: Vec<u32> = Vec::new();
    for task in 0..parent.len() as u32 {
        let mut current = task;
        while depth[current as usize] == UNKNOWN && chain.len() <= parent.len() {
            chain.push(current);
            match parent[current as usize] {
                Some(up) => current = up,
                None => break,
            }
        }
        let mut known = if depth[current as usize] == UNKNOWN {
            0
        } else {
            depth[current as usize] + 1
        };
        if chain.last() == Some(&current) {
            // The chain ended at a top-level task (or was cut short), not at a known depth.
            known = 0;
        }
        while let Some(node) = chain.pop() {
            if depth[node as usize] == UNKNOWN {
                depth[node as usize] = known;
            }
            known = depth[node as usize] + 1;
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depths_count_summary_levels() {
        let parent = vec![None, Some(0), Some(1), None, Some(0)];
        assert_eq!(depths(&parent), vec![0, 1, 2, 0, 1]);
    }

    #[test]
    fn a_looping_parent_chain_still_gets_depths() {
        let parent = vec![Some(1), Some(0)];
        let depth = depths(&parent);
        assert_eq!(depth.len(), 2);
    }
}
