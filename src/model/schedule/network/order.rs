//! The evaluation order of the network: its loops, how the links inside them are read, and
//! the sequence of steps every pass follows.
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

use super::{same_edge, Edge, Network, NodeKind, Side, Step};
use crate::model::ids::IdMap;
use crate::model::schedule::components::{adjacency, strongly_connected};

impl Network {
    /// Finds loops, settles how the links inside them are read, and fixes the evaluation order.
    pub(super) fn order(&mut self) {
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
}
