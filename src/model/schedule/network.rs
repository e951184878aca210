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
//! # Loops
//!
//! The project refuses loops in `graph::EventGraph`, where a task's finish may stretch away from
//! its start and a summary is only its floor and its finish. Keeping durations fixed, making a
//! milestone one instant, and rolling summaries up can close loops that graph does not have
//! (A starts B, B finishes A). The network finds its strongly connected components, and inside
//! a component of more than one node it starts from the `EventGraph` reading of the links,
//! which has no loop: a bound on a task's finish stretches the task instead of moving its
//! start, a link out of a summary's start leaves from its start floor, and a link into a
//! summary's finish raises only its rolled-up finish. Each milestone is made one instant again,
//! leaving out ("unenforced") the finish links into it that close a loop through it; then
//! every link is given back its exact reading unless that closes a loop. What is left is
//! acyclic, so every pass is one sweep in topological order: linear in nodes plus edges, plus a
//! search per loosened link inside loops, which plain plans do not have.

use super::components::{adjacency, strongly_connected};
use super::constraints::{window, Window};
use super::days::WorkingDays;
pub(super) use super::time::{
    day_of, evening_at_or_after, evening_at_or_before, is_high, is_low, morning_at_or_after,
    morning_at_or_before, shifted, HIGH, LOW,
};
use crate::model::ids::TaskId;
use crate::model::project::Project;
use crate::model::task::LinkKind;
use chrono::NaiveDate;

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
    pub index: IdMap<TaskId, u32>,
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
            index: IdMap::default(),
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
        network.index = index;
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

    /// Finds loops, settles how the links inside them are read, and fixes the evaluation order.
    fn order(&mut self) {
        let nodes = self.node_count();
        let (offsets, targets) =
            adjacency(nodes, self.edges.iter().map(|edge| (edge.from, edge.to)));
        let components = strongly_connected(nodes, &offsets, &targets);
        let mut component_of = vec![0u32; nodes];
        for number in 0..components.len() {
            for node in components.members(number) {
                component_of[*node as usize] = number as u32;
            }
        }
        for edge in &self.edges {
            if edge.from == edge.to {
                self.in_loop[edge.from as usize] = true;
            }
        }
        for number in 0..components.len() {
            let members = components.members(number);
            if members.len() > 1 {
                for node in members {
                    self.in_loop[*node as usize] = true;
                }
            }
        }
        let mut inner_edges: IdMap<u32, Vec<u32>> = IdMap::default();
        for (number, edge) in self.edges.iter().enumerate() {
            let component = component_of[edge.from as usize];
            if component == component_of[edge.to as usize] && self.in_loop[edge.from as usize] {
                inner_edges
                    .entry(component)
                    .or_default()
                    .push(number as u32);
            }
        }

        let mut dropped = vec![false; self.edges.len()];
        let mut sequence = Vec::with_capacity(nodes + nodes / 4);
        for number in 0..components.len() {
            let members = components.members(number);
            if members.len() == 1 && !self.in_loop[members[0] as usize] {
                sequence.push(Step::Whole(members[0]));
            } else {
                let inner = inner_edges.remove(&(number as u32)).unwrap_or_default();
                self.settle_loop(members, &inner, &mut dropped, &mut sequence);
            }
        }
        self.sequence = sequence;

        let mut kept = Vec::with_capacity(self.edges.len());
        for (edge, dropped) in std::mem::take(&mut self.edges).into_iter().zip(dropped) {
            if dropped {
                self.unenforced.push(edge);
            } else {
                kept.push(edge);
            }
        }
        self.edges = kept;

        let edge_ends = |edges: &[Edge], by_target: bool| {
            let mut counts = vec![0u32; nodes + 1];
            for edge in edges {
                let node = if by_target { edge.to } else { edge.from };
                counts[node as usize + 1] += 1;
            }
            for node in 0..nodes {
                counts[node + 1] += counts[node];
            }
            let mut fill = counts.clone();
            let mut list = vec![0u32; edges.len()];
            for (number, edge) in edges.iter().enumerate() {
                let node = if by_target { edge.to } else { edge.from };
                list[fill[node as usize] as usize] = number as u32;
                fill[node as usize] += 1;
            }
            (counts, list)
        };
        (self.in_offsets, self.in_edges) = edge_ends(&self.edges, true);
        (self.out_offsets, self.out_edges) = edge_ends(&self.edges, false);
    }

    /// Settles one loop component: reads its links so that it has no loop left, and appends
    /// its steps to `sequence` in an order where every inner edge points forward.
    ///
    /// It starts from the reading of `graph::EventGraph`, which has no loop in a valid project:
    /// tasks and milestones split into a start and a finish event, finish bounds stretching,
    /// summary starts and finishes read from the floor and the rolled-up finish. Each milestone
    /// is then made one event again, leaving out the finish links into it that would close a
    /// loop. Last, each link read loosely is tried in its exact reading and kept so when that
    /// closes no loop. Each try is a search through the component; past a work budget (only a
    /// huge tangle of links gets there) the loose readings are kept.
    fn settle_loop(
        &mut self,
        members: &[u32],
        inner: &[u32],
        dropped: &mut [bool],
        sequence: &mut Vec<Step>,
    ) {
        const BUDGET: usize = 4_000_000;
        let kind = &self.kind;
        // Events: a task or milestone has a start and a finish event, anything else one.
        let mut first_event: IdMap<u32, u32> = IdMap::default();
        let mut events: Vec<(u32, Side, bool)> = Vec::with_capacity(members.len() * 2);
        let mut alias: Vec<u32> = Vec::with_capacity(members.len() * 2);
        for node in members {
            first_event.insert(*node, events.len() as u32);
            if kind[*node as usize].is_leaf() {
                events.push((*node, Side::Start, true));
                events.push((*node, Side::Finish, true));
            } else {
                events.push((*node, Side::Start, false));
            }
        }
        alias.extend(0..events.len() as u32);
        let split = |node: u32| kind[node as usize].is_leaf();
        let source_event = |edge: &Edge| -> Option<u32> {
            let first = *first_event.get(&edge.from)?;
            Some(if split(edge.from) && edge.from_side == Side::Finish {
                first + 1
            } else {
                first
            })
        };
        let target_event = |edge: &Edge| -> Option<u32> {
            let first = *first_event.get(&edge.to)?;
            let finish = match kind[edge.to as usize] {
                NodeKind::Task => edge.to_side == Side::Finish && edge.stretch,
                NodeKind::Milestone => edge.to_side == Side::Finish,
                _ => false,
            };
            Some(if finish { first + 1 } else { first })
        };

        // Event edges: (from, to, global edge number or none for a duration), and whether
        // they are active.
        let mut event_edges: Vec<(u32, u32, Option<u32>, bool)> = Vec::new();
        for node in members {
            if split(*node) {
                let first = first_event[node];
                event_edges.push((first, first + 1, None, true));
            }
        }
        // The loose reading of every inner link, remembering the exact one.
        let mut loosened: Vec<(u32, Edge)> = Vec::new();
        let mut event_edge_of: IdMap<u32, usize> = IdMap::default();
        for &number in inner {
            let exact = self.edges[number as usize];
            let mut loose = exact;
            if exact.link.is_some() {
                if kind[exact.from as usize] == NodeKind::RollupStart {
                    // Leave from the start floor, two nodes before the rolled-up start.
                    loose.from -= 2;
                }
                if kind[exact.to as usize] == NodeKind::FloorFinish {
                    // Arrive at the rolled-up finish, two nodes after the finish floor.
                    loose.to += 2;
                }
                if exact.to_side == Side::Finish && kind[exact.to as usize] == NodeKind::Task {
                    loose.stretch = true;
                }
            }
            self.edges[number as usize] = loose;
            if !same_edge(&loose, &exact) {
                loosened.push((number, exact));
            }
            if let (Some(from), Some(to)) = (source_event(&loose), target_event(&loose)) {
                event_edge_of.insert(number, event_edges.len());
                event_edges.push((from, to, Some(number), true));
            }
        }

        let reachable = |from: u32,
                         alias: &[u32],
                         event_edges: &[(u32, u32, Option<u32>, bool)]| {
            let count = alias.len();
            let (offsets, targets) = adjacency(
                count,
                event_edges
                    .iter()
                    .filter(|edge| edge.3)
                    .map(|edge| (alias[edge.0 as usize], alias[edge.1 as usize])),
            );
            let mut seen = vec![false; count];
            let mut queue = vec![alias[from as usize]];
            seen[alias[from as usize] as usize] = true;
            while let Some(event) = queue.pop() {
                let range = offsets[event as usize] as usize..offsets[event as usize + 1] as usize;
                for &next in &targets[range] {
                    if !seen[next as usize] {
                        seen[next as usize] = true;
                        queue.push(next);
                    }
                }
            }
            seen
        };
        let work = event_edges.len() + events.len();

        // Milestones become one event again, without the finish links that close a loop.
        let milestones: Vec<u32> = members
            .iter()
            .copied()
            .filter(|node| kind[*node as usize] == NodeKind::Milestone)
            .collect();
        let affordable = milestones.len().saturating_mul(work) <= BUDGET;
        for node in milestones {
            let start = first_event[&node];
            let finish = start + 1;
            let into_finish: Vec<usize> = (0..event_edges.len())
                .filter(|at| {
                    let edge = event_edges[*at];
                    edge.3 && edge.1 == finish && edge.2.is_some()
                })
                .collect();
            if !into_finish.is_empty() {
                let seen = if affordable {
                    reachable(start, &alias, &event_edges)
                } else {
                    vec![true; alias.len()]
                };
                for at in into_finish {
                    let (from, _, number, _) = event_edges[at];
                    if seen[alias[from as usize] as usize] {
                        event_edges[at].3 = false;
                        if let Some(number) = number {
                            dropped[number as usize] = true;
                        }
                    }
                }
            }
            alias[finish as usize] = start;
        }

        // Exact readings wherever they close no loop.
        if loosened.len().saturating_mul(work) <= BUDGET {
            for (number, exact) in loosened {
                if dropped[number as usize] {
                    continue;
                }
                let (Some(from), Some(to)) = (source_event(&exact), target_event(&exact)) else {
                    continue;
                };
                let loose_at = event_edge_of.get(&number).copied();
                if let Some(at) = loose_at {
                    event_edges[at].3 = false;
                }
                let seen = reachable(to, &alias, &event_edges);
                if seen[alias[from as usize] as usize] {
                    if let Some(at) = loose_at {
                        event_edges[at].3 = true;
                    }
                } else {
                    self.edges[number as usize] = exact;
                    event_edges.push((from, to, Some(number), true));
                }
            }
        }

        // Kahn's algorithm over the events that are left.
        let count = events.len();
        let (offsets, targets) = adjacency(
            count,
            event_edges
                .iter()
                .filter(|edge| edge.3)
                .map(|edge| (alias[edge.0 as usize], alias[edge.1 as usize]))
                .filter(|(from, to)| from != to),
        );
        let mut incoming = vec![0u32; count];
        for target in &targets {
            incoming[*target as usize] += 1;
        }
        let is_event = |event: usize| alias[event] as usize == event;
        let mut ready: Vec<u32> = (0..count)
            .filter(|event| is_event(*event) && incoming[*event] == 0)
            .map(|event| event as u32)
            .collect();
        let mut done = vec![false; count];
        let mut next = 0;
        let step = |event: u32| -> Step {
            let (node, side, split) = events[event as usize];
            match (kind[node as usize], split, side) {
                (NodeKind::Task, true, Side::Start) => Step::Start(node),
                (NodeKind::Task, true, Side::Finish) => Step::Finish(node),
                _ => Step::Whole(node),
            }
        };
        while next < ready.len() {
            let event = ready[next];
            next += 1;
            done[event as usize] = true;
            sequence.push(step(event));
            let range = offsets[event as usize] as usize..offsets[event as usize + 1] as usize;
            for &after in &targets[range] {
                incoming[after as usize] -= 1;
                if incoming[after as usize] == 0 {
                    ready.push(after);
                }
            }
        }
        // Only a project with a loop the model should have refused gets here: schedule the
        // rest in list order rather than not at all.
        for (event, done) in done.iter().enumerate() {
            if is_event(event) && !done {
                sequence.push(step(event as u32));
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

    /// The forward pass: every leaf for which `moves` is true is placed as early as its stored
    /// start and its links allow; other leaves keep the values in `times`. Summary nodes are
    /// always derived again.
    pub(super) fn forward(&self, times: &mut Times, moves: impl Fn(u32) -> bool) {
        for step in &self.sequence {
            match *step {
                Step::Whole(node) => {
                    let kind = self.kind[node as usize];
                    if kind.is_leaf() && !moves(node) {
                        continue;
                    }
                    if kind == NodeKind::Task {
                        self.forward_start(node, times);
                        self.forward_finish(node, times);
                    } else {
                        let value = self.forward_single(node, times);
                        times.start[node as usize] = value;
                        times.finish[node as usize] = value;
                    }
                }
                Step::Start(node) => {
                    if moves(node) {
                        self.forward_start(node, times);
                    }
                }
                Step::Finish(node) => {
                    if moves(node) {
                        self.forward_finish(node, times);
                    }
                }
            }
        }
    }

    fn forward_start(&self, node: u32, times: &mut Times) {
        let start = self.wanted_start(node, times);
        times.start[node as usize] = start.min(self.window[node as usize].limit);
    }

    /// The start a task's constraint floor and its links ask for, before its constraint caps it.
    pub(super) fn wanted_start(&self, node: u32, times: &Times) -> i64 {
        let span = self.span[node as usize];
        let mut start = self.floor(node);
        for edge in self.edges_in(node) {
            let bound = self.bound(edge, times);
            if is_low(bound) {
                continue;
            }
            match edge.to_side {
                Side::Start => start = start.max(morning_at_or_after(bound)),
                Side::Finish if !edge.stretch => {
                    start = start.max(evening_at_or_before(bound) - span);
                }
                Side::Finish => {}
            }
        }
        start
    }

    fn forward_finish(&self, node: u32, times: &mut Times) {
        let mut finish = times.start[node as usize] + self.span[node as usize];
        for edge in self.edges_in(node).filter(|edge| edge.stretch) {
            let bound = self.bound(edge, times);
            if !is_low(bound) {
                finish = finish.max(evening_at_or_before(bound));
            }
        }
        times.finish[node as usize] = finish;
    }

    fn forward_single(&self, node: u32, times: &Times) -> i64 {
        let value = self.wanted_single(node, times);
        if self.kind[node as usize] == NodeKind::Milestone {
            value.min(self.window[node as usize].limit)
        } else {
            value
        }
    }

    /// The value a node's links (and, for a milestone, its constraint floor) ask for, before a
    /// milestone's constraint caps it.
    pub(super) fn wanted_single(&self, node: u32, times: &Times) -> i64 {
        let kind = self.kind[node as usize];
        let bounds = self
            .edges_in(node)
            .map(|edge| self.bound(edge, times))
            .filter(|bound| !is_low(*bound));
        match kind {
            NodeKind::Milestone => bounds
                .map(evening_at_or_after)
                .fold(self.floor(node), i64::max),
            NodeKind::RollupStart => bounds.min().unwrap_or(LOW),
            _ => bounds.fold(LOW, i64::max),
        }
    }

    /// The lowest value of leaf `node`: its constraint's floor, and inside a loop also its
    /// stored value. A loop can stretch a task (its stored duration grows), and a longer task
    /// would let a finish link pull it earlier on the next run; holding it at its stored start
    /// keeps rescheduling settled, as before constraints existed.
    fn floor(&self, node: u32) -> i64 {
        let floor = self.window[node as usize].floor;
        if self.in_loop[node as usize] {
            floor.max(self.planned[node as usize])
        } else {
            floor
        }
    }

    /// The value the links and constraint floor of leaf `node` ask for.
    pub(super) fn wanted(&self, node: u32, times: &Times) -> i64 {
        if self.kind[node as usize] == NodeKind::Task {
            self.wanted_start(node, times)
        } else {
            self.wanted_single(node, times)
        }
    }

    /// Moves every "as late as possible" leaf in `times` (scheduled as early as possible) to
    /// the latest value its successors' places, its constraint and `finish` (the latest evening
    /// any task may finish on) allow, latest successors first. Nothing else moves: such a task
    /// only uses the room its successors leave it, and a link into a summary holds it where
    /// the summary needs it.
    pub(super) fn delay_late_tasks(&self, times: &mut Times, finish: i64) {
        if !self.has_late {
            return;
        }
        for step in self.sequence.iter().rev() {
            let Step::Whole(node) = *step else {
                continue;
            };
            let window = self.window[node as usize];
            if !window.late {
                continue;
            }
            let at = node as usize;
            if self.kind[at] == NodeKind::Task {
                let span = self.span[at];
                let latest_finish = self.latest_finish(node, times, times, finish);
                let start = self
                    .latest_start(node, times, times)
                    .min(shifted(latest_finish, -span))
                    .min(window.limit);
                if start > times.start[at] && !is_high(start) {
                    times.start[at] = start;
                    times.finish[at] = start + span;
                }
            } else {
                let value = self
                    .latest_single(node, times, times, finish)
                    .min(window.limit);
                if value > times.start[at] && !is_high(value) {
                    times.start[at] = value;
                    times.finish[at] = value;
                }
            }
        }
    }

    /// The backward pass: the latest values that keep every node's `limit` (an upper bound on
    /// a task's finish or a node's value; `HIGH` for none) and every edge, given the early
    /// values in `early`.
    pub(super) fn backward(&self, early: &Times, limit: impl Fn(u32) -> i64) -> Times {
        let nodes = self.node_count();
        let mut late = Times {
            start: vec![HIGH; nodes],
            finish: vec![HIGH; nodes],
        };
        for step in self.sequence.iter().rev() {
            match *step {
                Step::Whole(node) => {
                    if self.kind[node as usize] == NodeKind::Task {
                        let span = self.span[node as usize];
                        let finish = self.latest_finish(node, early, &late, limit(node));
                        let start = self
                            .latest_start(node, early, &late)
                            .min(shifted(finish, -span));
                        let start = self.capped(node, start);
                        late.start[node as usize] = start;
                        late.finish[node as usize] = shifted(start, span);
                    } else {
                        let value = self.latest_single(node, early, &late, limit(node));
                        let value = if self.kind[node as usize].is_leaf() {
                            self.capped(node, value)
                        } else {
                            value
                        };
                        late.start[node as usize] = value;
                        late.finish[node as usize] = value;
                    }
                }
                Step::Finish(node) => {
                    late.finish[node as usize] =
                        self.latest_finish(node, early, &late, limit(node));
                }
                Step::Start(node) => {
                    let span = self.span[node as usize];
                    let start = self
                        .latest_start(node, early, &late)
                        .min(shifted(late.finish[node as usize], -span));
                    late.start[node as usize] = self.capped(node, start);
                }
            }
        }
        late
    }

    /// A late value capped by the node's constraint; "no limit" stays so (the node does not
    /// lead to the target).
    fn capped(&self, node: u32, value: i64) -> i64 {
        if is_high(value) {
            value
        } else {
            value.min(self.window[node as usize].limit)
        }
    }

    /// The latest value `edge.from`'s side may take for `edge` to hold, given the target's
    /// late values.
    fn latest_for(&self, edge: &Edge, early: &Times, late: &Times) -> i64 {
        let to = edge.to as usize;
        let target = match self.kind[to] {
            NodeKind::Task => match edge.to_side {
                Side::Start => late.start[to],
                Side::Finish => shifted(late.finish[to], 1),
            },
            NodeKind::RollupStart => {
                // Only the subtasks that start earliest hold the rolled-up start.
                if self.bound(edge, early) == early.start[to] {
                    late.start[to]
                } else {
                    HIGH
                }
            }
            _ => late.start[to],
        };
        shifted(target, -edge.lag)
    }

    fn latest_finish(&self, node: u32, early: &Times, late: &Times, limit: i64) -> i64 {
        self.edges_out(node)
            .filter(|edge| edge.from_side == Side::Finish)
            .map(|edge| evening_at_or_before(self.latest_for(edge, early, late)))
            .fold(evening_at_or_before(limit), i64::min)
            .min(HIGH)
    }

    fn latest_start(&self, node: u32, early: &Times, late: &Times) -> i64 {
        self.edges_out(node)
            .filter(|edge| edge.from_side == Side::Start)
            .map(|edge| morning_at_or_before(self.latest_for(edge, early, late)))
            .fold(HIGH, i64::min)
    }

    fn latest_single(&self, node: u32, early: &Times, late: &Times, limit: i64) -> i64 {
        let bounds = self
            .edges_out(node)
            .map(|edge| self.latest_for(edge, early, late));
        let value = bounds.fold(limit, i64::min);
        if is_high(value) {
            HIGH
        } else if self.kind[node as usize] == NodeKind::Milestone {
            evening_at_or_before(value)
        } else {
            value
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
