//! Strongly connected components of the scheduling network (Tarjan's algorithm, iteratively),
//! and the compressed adjacency lists they are found on. `network` uses them to find the loops
//! that fixed durations and rolled-up summaries can close.

/// Compressed adjacency lists: `targets[offsets[n]..offsets[n + 1]]` are `n`'s successors.
pub(crate) fn adjacency(
    nodes: usize,
    pairs: impl Iterator<Item = (u32, u32)> + Clone,
) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0u32; nodes + 1];
    for (from, _) in pairs.clone() {
        offsets[from as usize + 1] += 1;
    }
    for node in 0..nodes {
        offsets[node + 1] += offsets[node];
    }
    let mut fill = offsets.clone();
    let mut targets = vec![0u32; offsets[nodes] as usize];
    for (from, to) in pairs {
        targets[fill[from as usize] as usize] = to;
        fill[from as usize] += 1;
    }
    (offsets, targets)
}

/// Strongly connected components, as lists of nodes.
pub(crate) struct Components {
    /// Every node, grouped by component.
    nodes: Vec<u32>,
    /// `nodes[starts[c]..starts[c + 1]]` are the members of component `c`.
    starts: Vec<u32>,
}

impl Components {
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub(crate) fn members(&self, component: usize) -> &[u32] {
        &self.nodes[self.starts[component] as usize..self.starts[component + 1] as usize]
    }
}

/// Tarjan's strongly connected components, iteratively, in topological order (every edge
/// between two components points to a later one).
pub(crate) fn strongly_connected(nodes: usize, offsets: &[u32], targets: &[u32]) -> Components {
    const UNVISITED: u32 = u32::MAX;
    let mut number = vec![UNVISITED; nodes];
    let mut low = vec![0u32; nodes];
    let mut on_stack = vec![false; nodes];
    let mut stack: Vec<u32> = Vec::new();
    let mut calls: Vec<(u32, u32)> = Vec::new();
    // Components as they complete: sinks first.
    let mut finished: Vec<u32> = Vec::with_capacity(nodes);
    let mut ends: Vec<u32> = Vec::new();
    let mut counter = 0u32;
    for root in 0..nodes as u32 {
        if number[root as usize] != UNVISITED {
            continue;
        }
        number[root as usize] = counter;
        low[root as usize] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root as usize] = true;
        calls.push((root, offsets[root as usize]));
        while let Some(&(node, cursor)) = calls.last() {
            if cursor < offsets[node as usize + 1] {
                let last = calls.len() - 1;
                calls[last].1 += 1;
                let next = targets[cursor as usize];
                if number[next as usize] == UNVISITED {
                    number[next as usize] = counter;
                    low[next as usize] = counter;
                    counter += 1;
                    stack.push(next);
                    on_stack[next as usize] = true;
                    calls.push((next, offsets[next as usize]));
                } else if on_stack[next as usize] {
                    low[node as usize] = low[node as usize].min(number[next as usize]);
                }
            } else {
                calls.pop();
                if let Some(&(caller, _)) = calls.last() {
                    low[caller as usize] = low[caller as usize].min(low[node as usize]);
                }
                if low[node as usize] == number[node as usize] {
                    let begin = finished.len();
                    while let Some(member) = stack.pop() {
                        on_stack[member as usize] = false;
                        finished.push(member);
                        if member == node {
                            break;
                        }
                    }
                    finished[begin..].reverse();
                    ends.push(finished.len() as u32);
                }
            }
        }
    }
    // Reverse the order of the components, keeping each one's members in order.
    let mut components = Components {
        nodes: Vec::with_capacity(nodes),
        starts: Vec::with_capacity(ends.len() + 1),
    };
    components.starts.push(0);
    for (position, end) in ends.iter().enumerate().rev() {
        let begin = if position == 0 { 0 } else { ends[position - 1] };
        components
            .nodes
            .extend_from_slice(&finished[begin as usize..*end as usize]);
        components.starts.push(components.nodes.len() as u32);
    }
    components
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_come_in_topological_order() {
        // 0 -> 1 <-> 2 -> 3
        let (offsets, targets) = adjacency(4, [(0, 1), (1, 2), (2, 1), (2, 3)].into_iter());
        let components = strongly_connected(4, &offsets, &targets);
        let listed: Vec<&[u32]> = (0..components.len())
            .map(|component| components.members(component))
            .collect();
        assert_eq!(listed, vec![&[0][..], &[1, 2][..], &[3][..]]);
    }
}
