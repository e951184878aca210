//! The passes over the network: forward (early values, placing leaves as early as their
//! links and constraints allow), backward (late values from a finish limit), and the delay of
//! "as late as possible" tasks. Each is one sweep along the network's sequence.

use super::{Edge, Network, NodeKind, Side, Step, Times};
use crate::model::schedule::time::{
    evening_at_or_after, evening_at_or_before, is_high, is_low, morning_at_or_after,
    morning_at_or_before, shifted, HIGH, LOW,
};

impl Network {
    /// The forward pass: every leaf for which `moves` is true is placed as early as its stored
    /// start and its links allow; other leaves keep the values in `times`. Summary nodes are
    /// always derived again.
    pub(in crate::model::schedule) fn forward(
        &self,
        times: &mut Times,
        moves: impl Fn(u32) -> bool,
    ) {
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
    pub(in crate::model::schedule) fn wanted_start(&self, node: u32, times: &Times) -> i64 {
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
    pub(in crate::model::schedule) fn wanted_single(&self, node: u32, times: &Times) -> i64 {
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
    pub(in crate::model::schedule) fn wanted(&self, node: u32, times: &Times) -> i64 {
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
    pub(in crate::model::schedule) fn delay_late_tasks(&self, times: &mut Times, finish: i64) {
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
    pub(in crate::model::schedule) fn backward(
        &self,
        early: &Times,
        limit: impl Fn(u32) -> i64,
    ) -> Times {
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
}
