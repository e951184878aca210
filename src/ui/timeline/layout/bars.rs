//! One row's shapes: the task bar with its progress, the summary bracket or the milestone
//! diamond, the resize handles and the connector, the deadline marker and the baseline bar,
//! and the slip against the baseline in working days. The baseline dates themselves come from
//! the model ([`Baseline::dates`](crate::model::Baseline::dates)).

use super::geometry::{Geometry, Point, ROW_HEIGHT};
use super::LayoutInput;
use crate::model::health::misses_deadline;
use crate::model::{Task, TaskId};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Where a task bar sits in its row, in px from the row's top.
const BAR_TOP: f64 = 6.0;
const BAR_HEIGHT: f64 = 16.0;
/// The vertical middle of the bars, where arrows leave and arrive.
pub(super) const BAR_MIDDLE: f64 = 14.0;
/// A summary bracket: its bar and how far its end caps hang below.
const SUMMARY_TOP: f64 = 8.0;
const SUMMARY_HEIGHT: f64 = 8.0;
const SUMMARY_CAP: f64 = 5.0;
/// Half the width (and height) of a milestone diamond.
pub(super) const MILESTONE_HALF: f64 = 8.0;
/// The thin baseline bar under the current bar.
const BASELINE_TOP: f64 = 25.0;
const BASELINE_HEIGHT: f64 = 4.0;
/// Narrowest bar drawn, so that one day stays visible and grabbable at every zoom.
const MIN_BAR_WIDTH: f64 = 4.0;
/// Resize handles reach this far outside a bar's ends, and at most this far inside.
const HANDLE_OUTSIDE: f64 = 5.0;
const HANDLE_INSIDE: f64 = 6.0;
/// The connector circle, right of the bar.
const CONNECTOR_GAP: f64 = 12.0;
/// Where the title starts, right of the bar.
const LABEL_GAP: f64 = 22.0;

/// Dates shown instead of the schedule's while a bar is dragged: the dragged task and every
/// task the move would push, inclusive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    pub dates: HashMap<TaskId, (NaiveDate, NaiveDate)>,
}

/// What a bar stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BarKind {
    Task,
    Summary,
    Milestone,
}

/// The thin bar under a task showing its baseline dates.
#[derive(Clone, Debug, PartialEq)]
pub struct BaselineBar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// One row: what the list shows and where the chart draws the task.
#[derive(Clone, Debug, PartialEq)]
pub struct RowLayout {
    pub task: TaskId,
    /// The row number, from 0.
    pub index: usize,
    pub depth: u16,
    pub has_children: bool,
    pub expanded: bool,
    pub title: String,
    pub kind: BarKind,
    /// Scheduled (or previewed) dates, inclusive.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Percent complete (rolled up for summaries).
    pub progress: u8,
    /// Zero float (never set for summary tasks).
    pub critical: bool,
    /// Working days the finish slipped against the current baseline: positive when later.
    /// `None` without a baseline or for a task added after it.
    pub slip: Option<i64>,
    /// Total float in working days; `None` when the task does not lead to the finish.
    pub float: Option<i32>,
    /// The task's deadline marker, when it has a deadline.
    pub deadline: Option<DeadlineMark>,
    /// The constraint its links cannot meet, if any.
    pub conflict: Option<crate::model::schedule::Conflict>,
    /// The top of the row.
    pub y: f64,
    /// The bar: for a milestone, the diamond's bounding box.
    pub x: f64,
    pub bar_y: f64,
    pub width: f64,
    pub height: f64,
    /// The filled part, from `x`.
    pub progress_width: f64,
    /// The outline of a summary bracket or a milestone diamond; empty for plain bars.
    pub outline: Vec<Point>,
    /// The resize handles (x, width), for plain task bars only.
    pub handles: Option<[(f64, f64); 2]>,
    /// The centre of the connector to drag dependencies from.
    pub connector: Point,
    /// Where the title starts, and its baseline.
    pub label: Point,
    /// The baseline bar, when baselines are shown and the task was in it.
    pub baseline: Option<BaselineBar>,
}

/// A task's deadline on its row: the end of the deadline day.
#[derive(Clone, Debug, PartialEq)]
pub struct DeadlineMark {
    pub date: NaiveDate,
    /// The marker's centre.
    pub x: f64,
    pub y: f64,
    /// The task is not done and finishes after the deadline.
    pub missed: bool,
}

/// The dates to draw for task `id`: the preview's, else the schedule's, else the stored ones.
pub(super) fn dates_of(input: &LayoutInput, task: &Task) -> (NaiveDate, NaiveDate) {
    if let Some(dates) = input
        .preview
        .and_then(|preview| preview.dates.get(&task.id))
    {
        return *dates;
    }
    match input.schedule.task(task.id) {
        Some(schedule) => (schedule.start, schedule.finish),
        None => (task.start, task.end),
    }
}

pub(super) fn kind_of(input: &LayoutInput, task: &Task) -> BarKind {
    let summary = input
        .schedule
        .task(task.id)
        .map(|schedule| schedule.summary)
        .unwrap_or_else(|| input.project.is_summary(task.id));
    if summary {
        BarKind::Summary
    } else if task.milestone {
        BarKind::Milestone
    } else {
        BarKind::Task
    }
}

/// The left and right x of a task's shape.
pub(super) fn extent(
    geometry: Geometry,
    kind: BarKind,
    start: NaiveDate,
    end: NaiveDate,
) -> (f64, f64) {
    match kind {
        BarKind::Milestone => {
            // A milestone marks the end of its day.
            let centre = geometry.x_of(end) + geometry.day_width;
            (centre - MILESTONE_HALF, centre + MILESTONE_HALF)
        }
        BarKind::Task | BarKind::Summary => {
            let left = geometry.x_of(start);
            let right = (geometry.x_of(end) + geometry.day_width).max(left + MIN_BAR_WIDTH);
            (left, right)
        }
    }
}

pub(super) fn row_layout(
    input: &LayoutInput,
    geometry: Geometry,
    index: usize,
) -> Option<RowLayout> {
    let row = input.rows.rows.get(index)?;
    let task = input.rows.task(input.project, row.task)?;
    let kind = kind_of(input, task);
    let (start, end) = dates_of(input, task);
    let schedule = input.schedule.task(task.id);
    let progress = schedule
        .map(|schedule| schedule.progress)
        .unwrap_or(task.progress)
        .percent();
    let critical = kind != BarKind::Summary && schedule.is_some_and(|schedule| schedule.critical);
    let y = index as f64 * ROW_HEIGHT;
    let middle = y + BAR_MIDDLE;
    let (left, right) = extent(geometry, kind, start, end);
    let width = right - left;
    let (bar_y, height, outline) = match kind {
        BarKind::Task => (y + BAR_TOP, BAR_HEIGHT, Vec::new()),
        BarKind::Summary => {
            let top = y + SUMMARY_TOP;
            let bottom = top + SUMMARY_HEIGHT;
            let cap = (width / 2.0).min(6.0);
            (
                top,
                SUMMARY_HEIGHT,
                vec![
                    (left, top),
                    (right, top),
                    (right, bottom + SUMMARY_CAP),
                    (right - cap, bottom),
                    (left + cap, bottom),
                    (left, bottom + SUMMARY_CAP),
                ],
            )
        }
        BarKind::Milestone => {
            let centre = left + MILESTONE_HALF;
            (
                middle - MILESTONE_HALF,
                2.0 * MILESTONE_HALF,
                vec![
                    (centre, middle - MILESTONE_HALF),
                    (right, middle),
                    (centre, middle + MILESTONE_HALF),
                    (left, middle),
                ],
            )
        }
    };
    let handles = (kind == BarKind::Task).then(|| {
        let inside = (width / 3.0).min(HANDLE_INSIDE);
        [
            (left - HANDLE_OUTSIDE, HANDLE_OUTSIDE + inside),
            (right - inside, HANDLE_OUTSIDE + inside),
        ]
    });
    let deadline = task.deadline.map(|date| DeadlineMark {
        date,
        x: geometry.x_of(date) + geometry.day_width,
        y: middle,
        missed: misses_deadline(input.project, task, end),
    });
    let baseline_task = input.rows.in_baseline.get(task.id);
    let slip =
        baseline_task.map(|known| input.project.calendar.working_days_between(known.end, end));
    let baseline_bar = baseline_task.filter(|_| input.show_baseline).map(|known| {
        let shape = if known.milestone {
            BarKind::Milestone
        } else {
            BarKind::Task
        };
        let (from, to) = extent(geometry, shape, known.start, known.end);
        BaselineBar {
            x: from,
            y: y + BASELINE_TOP,
            width: to - from,
            height: BASELINE_HEIGHT,
        }
    });
    Some(RowLayout {
        task: task.id,
        index,
        depth: row.depth,
        has_children: row.has_children,
        expanded: row.expanded,
        title: task.title.clone(),
        kind,
        start,
        end,
        progress,
        critical,
        slip,
        float: schedule.and_then(|schedule| schedule.total_float),
        deadline,
        conflict: schedule.and_then(|schedule| schedule.conflict),
        y,
        x: left,
        bar_y,
        width,
        height,
        progress_width: width * f64::from(progress) / 100.0,
        outline,
        handles,
        connector: (right + CONNECTOR_GAP, middle),
        label: (right + LABEL_GAP, middle + 4.0),
        baseline: baseline_bar,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{lay_out, lay_out_with, link, plan, row};
    use super::super::Scale;
    use super::*;
    use crate::model::testing::date;
    use crate::model::LinkKind;

    #[test]
    fn milestones_are_diamonds_at_the_end_of_their_day_and_summaries_are_brackets() {
        let mut plan = plan();
        let phase = plan.task("Phase", "2027-01-04", "2027-01-04", 0, None);
        let work = plan.task("Work", "2027-01-05", "2027-01-06", 0, None);
        let done = plan.task("Done", "2027-01-08", "2027-01-08", 0, None);
        plan.edit(work, |task| task.parent = Some(phase));
        plan.edit(done, |task| task.milestone = true);
        let layout = lay_out(&plan, Scale::Day, None);
        let summary = row(&layout, phase);
        assert_eq!(summary.kind, BarKind::Summary);
        assert!(summary.has_children);
        // Rolled up from the subtask, not the stored Monday.
        assert_eq!(summary.start, date("2027-01-05"));
        assert_eq!(summary.x, 8.0 * 36.0);
        assert_eq!(summary.outline.len(), 6);
        assert!(summary.handles.is_none());
        assert!(!summary.critical);
        let milestone = row(&layout, done);
        assert_eq!(milestone.kind, BarKind::Milestone);
        let centre = 12.0 * 36.0;
        assert_eq!(milestone.x, centre - MILESTONE_HALF);
        assert_eq!(milestone.width, 2.0 * MILESTONE_HALF);
        assert_eq!(milestone.outline[0], (centre, milestone.y + 6.0));
        assert!(milestone.handles.is_none());
        assert_eq!(row(&layout, work).depth, 1);
    }

    #[test]
    fn plain_bars_get_handles_at_both_ends_and_a_connector_beyond_the_finish() {
        let mut plan = plan();
        let task = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        let layout = lay_out(&plan, Scale::Day, None);
        let bar = row(&layout, task);
        let [left, right] = bar.handles.expect("task bars have handles");
        assert!(left.0 < bar.x && left.0 + left.1 > bar.x);
        let end = bar.x + bar.width;
        assert!(right.0 < end && right.0 + right.1 > end);
        assert!(bar.connector.0 > right.0 + right.1);
        assert!(bar.label.0 > bar.connector.0);
    }

    #[test]
    fn a_task_deadline_is_marked_on_its_row_and_missed_when_the_task_ends_after_it() {
        let mut plan = plan();
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        let build = plan.task("Build", "2027-01-04", "2027-01-08", 0, None);
        for (task, deadline) in [(design, "2027-01-06"), (build, "2027-01-07")] {
            plan.edit(task, |task| task.deadline = Some(date(deadline)));
        }
        let layout = lay_out(&plan, Scale::Day, None);
        let met = row(&layout, design).deadline.clone().expect("a deadline");
        assert_eq!(met.x, layout.geometry.x_of(date("2027-01-07")));
        assert!(!met.missed);
        let missed = row(&layout, build).deadline.clone().expect("a deadline");
        assert!(missed.missed);
        assert_eq!(row(&layout, build).float, Some(0));
    }

    #[test]
    fn a_preview_moves_the_dragged_bar_and_what_it_pushes() {
        let mut plan = plan();
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        let build = plan.task("Build", "2027-01-07", "2027-01-08", 0, None);
        link(&mut plan, design, build, LinkKind::FinishToStart, 0);
        let preview = Preview {
            dates: [
                (design, (date("2027-01-05"), date("2027-01-07"))),
                (build, (date("2027-01-08"), date("2027-01-11"))),
            ]
            .into_iter()
            .collect(),
        };
        let layout = lay_out_with(&plan, Scale::Day, None, Some(&preview), false);
        assert_eq!(row(&layout, design).start, date("2027-01-05"));
        let moved = row(&layout, build);
        assert_eq!(moved.end, date("2027-01-11"));
        assert_eq!(moved.x, layout.geometry.x_of(date("2027-01-08")));
        let arrow = layout.arrow(build, design).expect("the arrow follows");
        assert_eq!(arrow.points[0].0, layout.geometry.x_of(date("2027-01-08")));
    }

    #[test]
    fn baseline_bars_and_slip_in_working_days() {
        let mut plan = plan();
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        plan.baseline("2027-01-04");
        let added = plan.task("Added later", "2027-01-04", "2027-01-04", 0, None);
        // Wed 6 → Mon 11: Thu, Fri, Mon are three working days of slip.
        plan.set_dates(design, "2027-01-07", "2027-01-11");
        let hidden = lay_out(&plan, Scale::Day, None);
        assert_eq!(row(&hidden, design).slip, Some(3));
        assert_eq!(row(&hidden, added).slip, None);
        assert!(row(&hidden, design).baseline.is_none());
        let shown = lay_out_with(&plan, Scale::Day, None, None, true);
        let bar = row(&shown, design);
        let baseline = bar.baseline.as_ref().expect("a baseline bar");
        assert_eq!(baseline.x, shown.geometry.x_of(date("2027-01-04")));
        assert_eq!(baseline.width, 3.0 * 36.0);
        assert!(baseline.y > bar.bar_y + bar.height);
        assert!(row(&shown, added).baseline.is_none());
    }

    #[test]
    fn a_summary_is_compared_with_its_subtasks_in_the_baseline_not_its_stale_dates() {
        // A baseline stored before summaries were rolled up holds Phase on Mon 4 only; its
        // subtask runs Tue 5–Thu 7.
        let mut plan = plan();
        let phase = plan.task("Phase", "2027-01-04", "2027-01-04", 0, None);
        let work = plan.task("Work", "2027-01-05", "2027-01-07", 0, None);
        plan.edit(work, |task| task.parent = Some(phase));
        plan.baseline_changed("2027-01-04", |baseline| {
            for known in &mut baseline.tasks {
                if known.task == phase {
                    (known.start, known.end) = (date("2027-01-04"), date("2027-01-04"));
                }
            }
        });
        let layout = lay_out_with(&plan, Scale::Day, None, None, true);
        let summary = row(&layout, phase);
        assert_eq!(summary.slip, Some(0));
        let bar = summary.baseline.as_ref().expect("a baseline bar");
        assert_eq!(bar.x, layout.geometry.x_of(date("2027-01-05")));
        assert_eq!(bar.width, 3.0 * 36.0);
    }
}
