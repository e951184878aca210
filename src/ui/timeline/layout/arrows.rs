//! Dependency arrows: where they attach to the bars they join ([`Ends`]), how they are routed
//! around those bars ([`route`]), and which arrows the rendered rows need.

use super::bars::{dates_of, extent, kind_of, BarKind, BAR_MIDDLE};
use super::geometry::{Geometry, Point, ROW_HEIGHT};
use super::LayoutInput;
use crate::model::{LinkKind, TaskId};
use std::ops::Range;

/// How far an arrow runs straight out of a bar before it turns, and its head's size.
pub(super) const ARROW_STUB: f64 = 10.0;
const ARROW_HEAD_LENGTH: f64 = 6.0;
const ARROW_HEAD_HALF: f64 = 4.0;

/// A dependency arrow from the predecessor's bar to the successor's.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrowLayout {
    pub predecessor: TaskId,
    pub successor: TaskId,
    /// The tasks' titles, for the arrow's accessible name.
    pub predecessor_title: String,
    pub successor_title: String,
    pub kind: LinkKind,
    /// Working days; negative for a lead.
    pub lag: i32,
    /// Both ends are on the critical path.
    pub critical: bool,
    /// The line, with right-angle turns.
    pub points: Vec<Point>,
    /// The arrow head: its tip first.
    pub head: [Point; 3],
}

/// Where an arrow can attach to a task: its shape's ends and its row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ends {
    pub left: f64,
    pub right: f64,
    /// The row's top; the bar's middle is `BAR_MIDDLE` below it.
    pub row_top: f64,
}

fn ends<'a>(
    input: &LayoutInput<'a>,
    geometry: Geometry,
    id: TaskId,
) -> Option<(Ends, bool, &'a str)> {
    let row = input.rows.row_of(id)?;
    let task = input.rows.task(input.project, id)?;
    let kind = kind_of(input, task);
    let (start, end) = dates_of(input, task);
    let (left, right) = extent(geometry, kind, start, end);
    let critical = kind != BarKind::Summary
        && input
            .schedule
            .task(id)
            .is_some_and(|schedule| schedule.critical);
    Some((
        Ends {
            left,
            right,
            row_top: row as f64 * ROW_HEIGHT,
        },
        critical,
        task.title.as_str(),
    ))
}

/// Routes a dependency arrow. It leaves the predecessor at its finish (FS, FF) or start (SS,
/// SF), runs straight out for a stub, turns towards the successor's row and enters the
/// successor at its start (FS, SS, from the left) or finish (FF, SF, from the right). When the
/// successor's end lies behind the stub, the arrow runs back along the gap between the rows
/// instead of across either bar.
pub fn route(from: Ends, to: Ends, kind: LinkKind) -> (Vec<Point>, [Point; 3]) {
    let (exit_x, exit_direction) = match kind {
        LinkKind::FinishToStart | LinkKind::FinishToFinish => (from.right, 1.0),
        LinkKind::StartToStart | LinkKind::StartToFinish => (from.left, -1.0),
    };
    // The direction of travel on arrival: rightwards into a start, leftwards into a finish.
    let (entry_x, entry_direction) = match kind {
        LinkKind::FinishToStart | LinkKind::StartToStart => (to.left, 1.0),
        LinkKind::FinishToFinish | LinkKind::StartToFinish => (to.right, -1.0),
    };
    let exit_y = from.row_top + BAR_MIDDLE;
    let entry_y = to.row_top + BAR_MIDDLE;
    let out = exit_x + exit_direction * ARROW_STUB;
    let before = entry_x - entry_direction * ARROW_STUB;
    let points = if exit_direction == entry_direction {
        if (before - out) * exit_direction >= 0.0 {
            vec![
                (exit_x, exit_y),
                (out, exit_y),
                (out, entry_y),
                (entry_x, entry_y),
            ]
        } else {
            let gap = if entry_y > exit_y {
                from.row_top + ROW_HEIGHT
            } else {
                from.row_top
            };
            vec![
                (exit_x, exit_y),
                (out, exit_y),
                (out, gap),
                (before, gap),
                (before, entry_y),
                (entry_x, entry_y),
            ]
        }
    } else {
        let turn = if exit_direction > 0.0 {
            out.max(before)
        } else {
            out.min(before)
        };
        vec![
            (exit_x, exit_y),
            (turn, exit_y),
            (turn, entry_y),
            (entry_x, entry_y),
        ]
    };
    let back = entry_x - entry_direction * ARROW_HEAD_LENGTH;
    let head = [
        (entry_x, entry_y),
        (back, entry_y - ARROW_HEAD_HALF),
        (back, entry_y + ARROW_HEAD_HALF),
    ];
    (points, head)
}

pub(super) fn arrows(
    input: &LayoutInput,
    geometry: Geometry,
    rows: Range<usize>,
) -> Vec<ArrowLayout> {
    let mut arrows = Vec::new();
    let mut push = |predecessor: TaskId, successor: TaskId, kind: LinkKind, lag: i32| {
        let (Some((from, from_critical, from_title)), Some((to, to_critical, to_title))) = (
            ends(input, geometry, predecessor),
            ends(input, geometry, successor),
        ) else {
            return;
        };
        let (points, head) = route(from, to, kind);
        arrows.push(ArrowLayout {
            predecessor,
            successor,
            predecessor_title: from_title.to_string(),
            successor_title: to_title.to_string(),
            kind,
            lag,
            critical: from_critical && to_critical,
            points,
            head,
        });
    };
    for index in rows.clone() {
        let Some(row) = input.rows.rows.get(index) else {
            continue;
        };
        let Some(task) = input.rows.task(input.project, row.task) else {
            continue;
        };
        // Links into this row's task.
        for dependency in &task.dependencies {
            push(
                dependency.predecessor,
                task.id,
                dependency.kind,
                dependency.lag,
            );
        }
        // Links out of it into rows outside the window (those inside come from the loop above).
        for successor in input.rows.successors.get(&task.id).into_iter().flatten() {
            if input
                .rows
                .row_of(*successor)
                .is_some_and(|successor_row| rows.contains(&successor_row))
            {
                continue;
            }
            let Some(dependency) = input
                .rows
                .task(input.project, *successor)
                .and_then(|successor| successor.dependency_on(task.id))
            else {
                continue;
            };
            push(task.id, *successor, dependency.kind, dependency.lag);
        }
    }
    arrows
}
