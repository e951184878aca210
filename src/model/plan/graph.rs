//! The task network as a graph of events, for cycle checks and scheduling.
//!
//! Each task has two events, its start and its finish. Edges say "this event cannot be earlier
//! than that one":
//!
//! ```text
//! leaf task      start ──► finish
//! summary P / C  start(P) ──► start(C),  finish(C) ──► finish(P)
//! FS a → b       finish(a) ──► start(b)      SS a → b   start(a) ──► start(b)
//! FF a → b       finish(a) ──► finish(b)     SF a → b   start(a) ──► finish(b)
//! ```
//!
//! A loop in this graph is a plan that can never be scheduled, including the indirect ones
//! through summary tasks ("A waits for the phase that contains A"). Building the graph and
//! finding a loop are linear in tasks plus dependencies.

use super::ids::{IdMap, TaskId};
use super::task::{LinkKind, Task};
use std::sync::Arc;

/// Why an edge exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// A leaf task's own duration, start to finish.
    Duration,
    /// A summary task contains a subtask.
    Hierarchy,
    /// A dependency with its lag in working days.
    Link { kind: LinkKind, lag: i32 },
}

/// One edge, stored in its source's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The event that is constrained.
    pub to: u32,
    /// What the constraint is.
    pub kind: EdgeKind,
}

/// The event graph of a task list. Event `2 * i` is the start of task `i`, `2 * i + 1` its finish.
#[derive(Debug, Clone)]
pub struct EventGraph {
    /// Task ids in the order of the list the graph was built from.
    pub ids: Vec<TaskId>,
    /// Where each task sits in `ids`.
    pub index: IdMap<TaskId, u32>,
    /// `offsets[e]..offsets[e + 1]` are event `e`'s edges in `edges`.
    pub offsets: Vec<u32>,
    /// Outgoing edges, grouped by source event.
    pub edges: Vec<Edge>,
}

/// The start event of task number `task`.
pub fn start_event(task: u32) -> u32 {
    task * 2
}

/// The finish event of task number `task`.
pub fn finish_event(task: u32) -> u32 {
    task * 2 + 1
}

/// The task an event belongs to.
pub fn event_task(event: u32) -> u32 {
    event / 2
}

impl EventGraph {
    /// Builds the graph. References to tasks that are not in `tasks` are skipped; validation
    /// reports them separately.
    pub fn build(tasks: &[Arc<Task>]) -> EventGraph {
        let index: IdMap<TaskId, u32> = tasks
            .iter()
            .enumerate()
            .map(|(position, task)| (task.id, position as u32))
            .collect();
        let mut has_children = vec![false; tasks.len()];
        for task in tasks {
            if let Some(parent) = task.parent.and_then(|parent| index.get(&parent)) {
                has_children[*parent as usize] = true;
            }
        }
        let mut sourced: Vec<(u32, Edge)> = Vec::with_capacity(tasks.len() * 2);
        for (position, task) in tasks.iter().enumerate() {
            let me = position as u32;
            if !has_children[position] {
                sourced.push((
                    start_event(me),
                    Edge {
                        to: finish_event(me),
                        kind: EdgeKind::Duration,
                    },
                ));
            }
            if let Some(&parent) = task.parent.as_ref().and_then(|parent| index.get(parent)) {
                sourced.push((
                    start_event(parent),
                    Edge {
                        to: start_event(me),
                        kind: EdgeKind::Hierarchy,
                    },
                ));
                sourced.push((
                    finish_event(me),
                    Edge {
                        to: finish_event(parent),
                        kind: EdgeKind::Hierarchy,
                    },
                ));
            }
            for dependency in &task.dependencies {
                let Some(&predecessor) = index.get(&dependency.predecessor) else {
                    continue;
                };
                let (from, to) = match dependency.kind {
                    LinkKind::FinishToStart => (finish_event(predecessor), start_event(me)),
                    LinkKind::StartToStart => (start_event(predecessor), start_event(me)),
                    LinkKind::FinishToFinish => (finish_event(predecessor), finish_event(me)),
                    LinkKind::StartToFinish => (start_event(predecessor), finish_event(me)),
                };
                sourced.push((
                    from,
                    Edge {
                        to,
                        kind: EdgeKind::Link {
                            kind: dependency.kind,
                            lag: dependency.lag,
                        },
                    },
                ));
            }
        }
        let events = tasks.len() * 2;
        let mut offsets = vec![0u32; events + 1];
        for (from, _) in &sourced {
            offsets[*from as usize + 1] += 1;
        }
        for event in 0..events {
            offsets[event + 1] += offsets[event];
        }
        let mut fill = offsets.clone();
        let mut edges = vec![
            Edge {
                to: 0,
                kind: EdgeKind::Duration
            };
            sourced.len()
        ];
        for (from, edge) in sourced {
            let slot = &mut fill[from as usize];
            edges[*slot as usize] = edge;
            *slot += 1;
        }
        EventGraph {
            ids: tasks.iter().map(|task| task.id).collect(),
            index,
            offsets,
            edges,
        }
    }

    /// Number of events (twice the number of tasks).
    pub fn event_count(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The edges leaving `event`.
    pub fn edges_from(&self, event: u32) -> &[Edge] {
        let from = self.offsets[event as usize] as usize;
        let to = self.offsets[event as usize + 1] as usize;
        &self.edges[from..to]
    }

    /// Events in an order where every edge points forward, or the tasks of one loop.
    pub fn topological_order(&self) -> Result<Vec<u32>, Vec<TaskId>> {
        let events = self.event_count();
        let mut incoming = vec![0u32; events];
        for edge in &self.edges {
            incoming[edge.to as usize] += 1;
        }
        let mut order: Vec<u32> = (0..events as u32)
            .filter(|event| incoming[*event as usize] == 0)
            .collect();
        let mut next = 0;
        while next < order.len() {
            let event = order[next];
            next += 1;
            for edge in self.edges_from(event) {
                let count = &mut incoming[edge.to as usize];
                *count -= 1;
                if *count == 0 {
                    order.push(edge.to);
                }
            }
        }
        if order.len() == events {
            Ok(order)
        } else {
            Err(self.find_cycle().unwrap_or_default())
        }
    }

    /// The tasks of one loop, first task repeated at the end (`[A, B, A]`), or `None`.
    pub fn find_cycle(&self) -> Option<Vec<TaskId>> {
        const WHITE: u8 = 0;
        const GREY: u8 = 1;
        const BLACK: u8 = 2;
        let events = self.event_count();
        let mut colour = vec![WHITE; events];
        // Iterative depth-first search: (event, next edge to look at).
        let mut stack: Vec<(u32, u32)> = Vec::new();
        for root in 0..events as u32 {
            if colour[root as usize] != WHITE {
                continue;
            }
            colour[root as usize] = GREY;
            stack.push((root, self.offsets[root as usize]));
            while let Some(&mut (event, ref mut cursor)) = stack.last_mut() {
                if *cursor < self.offsets[event as usize + 1] {
                    let target = self.edges[*cursor as usize].to;
                    *cursor += 1;
                    match colour[target as usize] {
                        WHITE => {
                            colour[target as usize] = GREY;
                            stack.push((target, self.offsets[target as usize]));
                        }
                        GREY => {
                            let entry = stack
                                .iter()
                                .position(|(on_stack, _)| *on_stack == target)
                                .expect("a grey event is on the stack");
                            let mut events_in_loop: Vec<u32> =
                                stack[entry..].iter().map(|(event, _)| *event).collect();
                            events_in_loop.push(target);
                            return Some(self.tasks_of(&events_in_loop));
                        }
                        _ => {}
                    }
                } else {
                    colour[event as usize] = BLACK;
                    stack.pop();
                }
            }
        }
        None
    }

    fn tasks_of(&self, events: &[u32]) -> Vec<TaskId> {
        let mut tasks: Vec<TaskId> = Vec::with_capacity(events.len());
        for event in events {
            let id = self.ids[event_task(*event) as usize];
            if tasks.last() != Some(&id) {
                tasks.push(id);
            }
        }
        if tasks.len() > 1 && tasks.first() != tasks.last() {
            let first = tasks[0];
            tasks.push(first);
        }
        tasks
    }
}

/// The tasks of a loop in `tasks`, if there is one.
pub fn find_cycle(tasks: &[Arc<Task>]) -> Option<Vec<TaskId>> {
    EventGraph::build(tasks).find_cycle()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::{ColumnId, SequentialIds};
    use crate::model::task::Dependency;
    use chrono::NaiveDate;

    fn tasks(count: usize) -> Vec<Task> {
        let mut ids = SequentialIds::default();
        let column = ColumnId::new(&mut ids);
        let day = NaiveDate::from_ymd_opt(2026, 1, 5).expect("valid date");
        (0..count)
            .map(|n| Task::new(TaskId::new(&mut ids), format!("T{n}"), column, day, day))
            .collect()
    }

    fn wrap(tasks: Vec<Task>) -> Vec<Arc<Task>> {
        tasks.into_iter().map(Arc::new).collect()
    }

    #[test]
    fn simple_chain_has_no_cycle_and_orders_start_before_finish() {
        let mut list = tasks(3);
        let (first, second) = (list[0].id, list[1].id);
        list[1]
            .dependencies
            .push(Dependency::finish_to_start(first));
        list[2]
            .dependencies
            .push(Dependency::finish_to_start(second));
        let graph = EventGraph::build(&wrap(list));
        let order = graph.topological_order().expect("a chain is acyclic");
        let position = |event: u32| order.iter().position(|e| *e == event);
        assert!(position(finish_event(0)) < position(start_event(1)));
        assert!(position(finish_event(1)) < position(start_event(2)));
    }

    #[test]
    fn two_task_loop_is_named() {
        let mut list = tasks(2);
        let (a, b) = (list[0].id, list[1].id);
        list[1].dependencies.push(Dependency::finish_to_start(a));
        list[0].dependencies.push(Dependency::finish_to_start(b));
        let cycle = find_cycle(&wrap(list)).expect("a loop is found");
        assert_eq!(cycle.first(), cycle.last());
        assert!(cycle.contains(&a) && cycle.contains(&b));
    }

    #[test]
    fn waiting_for_your_own_phase_is_a_loop() {
        let mut list = tasks(3);
        let phase = list[0].id;
        list[1].parent = Some(phase);
        list[2].parent = Some(phase);
        // T1 waits for the phase that contains it.
        list[1]
            .dependencies
            .push(Dependency::finish_to_start(phase));
        assert!(find_cycle(&wrap(list)).is_some());
    }

    #[test]
    fn start_to_start_one_way_and_finish_to_finish_back_is_no_loop() {
        let mut list = tasks(2);
        let (a, b) = (list[0].id, list[1].id);
        list[1].dependencies.push(Dependency {
            predecessor: a,
            kind: LinkKind::FinishToFinish,
            lag: 0,
        });
        list[0].dependencies.push(Dependency {
            predecessor: b,
            kind: LinkKind::StartToStart,
            lag: 0,
        });
        assert_eq!(find_cycle(&wrap(list)), None);
    }
}
