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

#[cfg(test)]
mod tests {
    use super::super::fixture::{lay_out, link, plan, row};
    use super::super::{Scale, Window, ROW_HEIGHT};
    use super::*;

    #[test]
    fn a_simple_chain_draws_bars_from_their_dates_and_an_arrow_between_them() {
        // Design ███      (Mon 4–Wed 6)
        // Build        ██ (Fri 8–Mon 11), FS on Design, a day later than it must
        let mut plan = plan();
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        let build = plan.task("Build", "2027-01-08", "2027-01-11", 0, None);
        link(&mut plan, design, build, LinkKind::FinishToStart, 0);
        plan.progress(design, 50);
        let layout = lay_out(&plan, Scale::Day, None);

        let first = row(&layout, design);
        assert_eq!(first.kind, BarKind::Task);
        assert_eq!(first.x, 7.0 * 36.0);
        assert_eq!(first.width, 3.0 * 36.0);
        assert_eq!(first.progress_width, 1.5 * 36.0);
        assert_eq!(first.y, 0.0);
        let second = row(&layout, build);
        assert_eq!(second.x, 11.0 * 36.0);
        assert_eq!(second.width, 4.0 * 36.0);
        assert_eq!(second.y, ROW_HEIGHT);
        // Design could slip a day; Build ends the project.
        assert!(!first.critical && second.critical);

        let arrow = layout.arrow(build, design).expect("an arrow joins them");
        assert_eq!(arrow.kind, LinkKind::FinishToStart);
        assert!(!arrow.critical);
        let design_end = 10.0 * 36.0;
        assert_eq!(
            arrow.points,
            vec![
                (design_end, BAR_MIDDLE),
                (design_end + ARROW_STUB, BAR_MIDDLE),
                (design_end + ARROW_STUB, ROW_HEIGHT + BAR_MIDDLE),
                (second.x, ROW_HEIGHT + BAR_MIDDLE),
            ]
        );
        assert_eq!(arrow.head[0], (second.x, ROW_HEIGHT + BAR_MIDDLE));
    }

    #[test]
    fn a_successor_right_after_its_predecessor_is_entered_from_the_left() {
        // Design ███   (Mon 4–Wed 6)
        // Build     ██ (Thu 7–Fri 8): no room to turn, so the arrow doubles back in the gap.
        let mut plan = plan();
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        let build = plan.task("Build", "2027-01-07", "2027-01-08", 0, None);
        link(&mut plan, design, build, LinkKind::FinishToStart, 0);
        let layout = lay_out(&plan, Scale::Day, None);
        assert!(row(&layout, design).critical && row(&layout, build).critical);
        let arrow = layout.arrow(build, design).expect("an arrow joins them");
        assert!(arrow.critical);
        let edge = 10.0 * 36.0;
        assert_eq!(
            arrow.points,
            vec![
                (edge, BAR_MIDDLE),
                (edge + ARROW_STUB, BAR_MIDDLE),
                (edge + ARROW_STUB, ROW_HEIGHT),
                (edge - ARROW_STUB, ROW_HEIGHT),
                (edge - ARROW_STUB, ROW_HEIGHT + BAR_MIDDLE),
                (edge, ROW_HEIGHT + BAR_MIDDLE),
            ]
        );
    }

    #[test]
    fn an_overlapping_successor_is_reached_along_the_gap_between_the_rows() {
        // Design ███     (Mon 4–Wed 6)
        // Build    ██    (Wed 6–Thu 7), FS with a lead of one day
        let mut plan = plan();
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        let build = plan.task("Build", "2027-01-06", "2027-01-07", 0, None);
        link(&mut plan, design, build, LinkKind::FinishToStart, -1);
        let layout = lay_out(&plan, Scale::Day, None);
        let arrow = layout.arrow(build, design).expect("an arrow joins them");
        let build_start = row(&layout, build).x;
        assert_eq!(arrow.lag, -1);
        assert_eq!(arrow.points.len(), 6);
        // It drops to the boundary between the rows, runs back left past Build's start, then
        // enters Build from the left.
        assert_eq!(arrow.points[2].1, ROW_HEIGHT);
        assert_eq!(arrow.points[3], (build_start - ARROW_STUB, ROW_HEIGHT));
        assert_eq!(
            arrow.points.last().copied(),
            Some((build_start, ROW_HEIGHT + BAR_MIDDLE))
        );
    }

    #[test]
    fn every_link_kind_leaves_and_enters_at_the_right_ends() {
        let from = Ends {
            left: 100.0,
            right: 200.0,
            row_top: 0.0,
        };
        let to = Ends {
            left: 150.0,
            right: 300.0,
            row_top: 64.0,
        };
        let (fs, _) = route(from, to, LinkKind::FinishToStart);
        assert_eq!(fs.first().map(|point| point.0), Some(200.0));
        assert_eq!(fs.last().map(|point| point.0), Some(150.0));
        let (ss, ss_head) = route(from, to, LinkKind::StartToStart);
        assert_eq!(
            ss,
            vec![(100.0, 14.0), (90.0, 14.0), (90.0, 78.0), (150.0, 78.0)]
        );
        assert_eq!(ss_head[1].0, 144.0, "the head points right, into the start");
        let (ff, ff_head) = route(from, to, LinkKind::FinishToFinish);
        assert_eq!(
            ff,
            vec![(200.0, 14.0), (310.0, 14.0), (310.0, 78.0), (300.0, 78.0)]
        );
        assert_eq!(ff_head[1].0, 306.0, "the head points left, into the finish");
        // SF leaves leftwards but must enter the finish from the right: around, in the gap.
        let (sf, _) = route(from, to, LinkKind::StartToFinish);
        assert_eq!(
            sf,
            vec![
                (100.0, 14.0),
                (90.0, 14.0),
                (90.0, 32.0),
                (310.0, 32.0),
                (310.0, 78.0),
                (300.0, 78.0)
            ]
        );
        // Upwards: the gap used is above the predecessor's row.
        let (up, _) = route(to, from, LinkKind::FinishToStart);
        assert_eq!(up[2].1, 64.0);
    }

    #[test]
    fn only_windowed_rows_are_laid_out_but_arrows_reach_rows_outside() {
        let mut plan = plan();
        let mut ids = Vec::new();
        for index in 0..40 {
            ids.push(plan.task(
                &format!("Task {index}"),
                "2027-01-04",
                "2027-01-04",
                0,
                None,
            ));
        }
        link(&mut plan, ids[0], ids[35], LinkKind::FinishToStart, 0);
        link(&mut plan, ids[20], ids[5], LinkKind::FinishToStart, 0);
        let window = Window {
            rows: 0..16,
            days: 0..30,
        };
        let layout = lay_out(&plan, Scale::Day, Some(window));
        assert_eq!(layout.rows.len(), 16);
        assert_eq!(layout.rows[3].index, 3);
        assert!(layout.row(ids[20]).is_none());
        assert_eq!(layout.height, 40.0 * ROW_HEIGHT);
        assert!(
            layout.arrow(ids[35], ids[0]).is_some(),
            "out of a shown row"
        );
        assert!(layout.arrow(ids[5], ids[20]).is_some(), "into a shown row");
        assert_eq!(layout.arrows.len(), 2);
        assert!(layout.bands.iter().all(|band| band.x < 30.0 * 36.0));
    }
}
