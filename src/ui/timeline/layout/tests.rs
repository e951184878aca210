//! The layout's tests: bars, arrows, the header and windowing on small plans.

use super::arrows::ARROW_STUB;
use super::bars::{BAR_MIDDLE, MILESTONE_HALF};
use super::*;
use crate::model::{
    schedule, Baseline, BaselineId, Currency, Dependency, LinkKind, Progress, ProjectId,
    SequentialIds, Task,
};
use chrono::{Datelike, Weekday};
use std::collections::HashSet;

fn date(text: &str) -> NaiveDate {
    text.parse().expect("test dates are valid")
}

/// A small plan on a Monday-to-Friday calendar, January 2027 (Mon 4 … Fri 8, Mon 11).
struct Plan {
    project: Project,
    ids: SequentialIds,
}

impl Plan {
    fn new() -> Plan {
        let mut ids = SequentialIds::default();
        let project = Project::new(
            ProjectId::new(&mut ids),
            "Intranet",
            date("2027-01-04"),
            Currency::EUR,
            &mut ids,
        )
        .expect("valid project");
        Plan { project, ids }
    }

    fn add(&mut self, title: &str, start: &str, end: &str) -> TaskId {
        let column = self.project.columns()[0].id;
        let mut task = Task::new(
            TaskId::new(&mut self.ids),
            title,
            column,
            date(start),
            date("2027-01-01"),
        );
        task.end = date(end);
        task.constraint = crate::model::Constraint::StartNoEarlierThan(date(start));
        let id = task.id;
        self.project
            .add_task(task, date("2027-01-01"))
            .expect("valid task");
        id
    }

    fn edit(&mut self, id: TaskId, change: impl FnOnce(&mut Task)) {
        let mut task = self.project.task(id).expect("task exists").clone();
        change(&mut task);
        self.project
            .update_task(task, date("2027-01-01"))
            .expect("valid edit");
    }

    fn link(&mut self, predecessor: TaskId, successor: TaskId, kind: LinkKind, lag: i32) {
        self.project
            .link_tasks(
                successor,
                Dependency {
                    predecessor,
                    kind,
                    lag,
                },
            )
            .expect("valid link");
    }

    fn lay_out(&self, scale: Scale, window: Option<Window>) -> TimelineLayout {
        self.lay_out_with(scale, window, None, false)
    }

    fn lay_out_with(
        &self,
        scale: Scale,
        window: Option<Window>,
        preview: Option<&Preview>,
        show_baseline: bool,
    ) -> TimelineLayout {
        let schedule = schedule::compute(&self.project);
        let rows = timeline_rows(&self.project, &HashSet::new());
        let today = date("2027-01-06");
        let span = span(&self.project, &schedule, today);
        let window = window.unwrap_or_else(|| Window::everything(rows.rows.len(), span));
        layout(&LayoutInput {
            project: &self.project,
            schedule: &schedule,
            rows: &rows,
            span,
            scale,
            window,
            today,
            preview,
            show_baseline,
        })
    }
}

fn row(layout: &TimelineLayout, id: TaskId) -> &RowLayout {
    layout.row(id).expect("the row is laid out")
}

#[test]
fn the_span_starts_on_a_monday_before_everything_and_leaves_room_after() {
    let mut plan = Plan::new();
    plan.add("Design", "2027-01-06", "2027-01-08");
    plan.project.deadline = Some(date("2027-09-30"));
    let schedule = schedule::compute(&plan.project);
    let span = span(&plan.project, &schedule, date("2027-01-06"));
    // A week before Mon 4 Jan is Mon 28 Dec 2026; the deadline plus five weeks ends it.
    assert_eq!(span.origin, date("2026-12-28"));
    assert_eq!(span.origin.weekday(), Weekday::Mon);
    assert_eq!(span.end, date("2027-11-04"));
}

#[test]
fn dates_map_to_x_and_back() {
    let geometry = Geometry {
        origin: date("2026-12-28"),
        day_width: Scale::Day.day_width(),
    };
    let day = date("2027-01-04");
    let x = geometry.x_of(day);
    assert_eq!(x, 7.0 * 36.0);
    assert_eq!(geometry.date_at(x), day);
    assert_eq!(geometry.date_at(x + 35.9), day);
    assert_eq!(geometry.date_at(x - 0.1), date("2027-01-03"));
    assert_eq!(geometry.days_in(53.0), 1);
    assert_eq!(geometry.days_in(-55.0), -2);
    assert_eq!(geometry.days_in(17.0), 0);
}

#[test]
fn a_simple_chain_draws_bars_from_their_dates_and_an_arrow_between_them() {
    // Design ███      (Mon 4–Wed 6)
    // Build        ██ (Fri 8–Mon 11), FS on Design, a day later than it must
    let mut plan = Plan::new();
    let design = plan.add("Design", "2027-01-04", "2027-01-06");
    let build = plan.add("Build", "2027-01-08", "2027-01-11");
    plan.link(design, build, LinkKind::FinishToStart, 0);
    plan.edit(design, |task| {
        task.progress = Progress::new(50).expect("valid")
    });
    let layout = plan.lay_out(Scale::Day, None);

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
    let mut plan = Plan::new();
    let design = plan.add("Design", "2027-01-04", "2027-01-06");
    let build = plan.add("Build", "2027-01-07", "2027-01-08");
    plan.link(design, build, LinkKind::FinishToStart, 0);
    let layout = plan.lay_out(Scale::Day, None);
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
    let mut plan = Plan::new();
    let design = plan.add("Design", "2027-01-04", "2027-01-06");
    let build = plan.add("Build", "2027-01-06", "2027-01-07");
    plan.link(design, build, LinkKind::FinishToStart, -1);
    let layout = plan.lay_out(Scale::Day, None);
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
fn milestones_are_diamonds_at_the_end_of_their_day_and_summaries_are_brackets() {
    let mut plan = Plan::new();
    let phase = plan.add("Phase", "2027-01-04", "2027-01-04");
    let work = plan.add("Work", "2027-01-05", "2027-01-06");
    let done = plan.add("Done", "2027-01-08", "2027-01-08");
    plan.edit(work, |task| task.parent = Some(phase));
    plan.edit(done, |task| task.milestone = true);
    let layout = plan.lay_out(Scale::Day, None);
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
    let mut plan = Plan::new();
    let task = plan.add("Design", "2027-01-04", "2027-01-06");
    let layout = plan.lay_out(Scale::Day, None);
    let bar = row(&layout, task);
    let [left, right] = bar.handles.expect("task bars have handles");
    assert!(left.0 < bar.x && left.0 + left.1 > bar.x);
    let end = bar.x + bar.width;
    assert!(right.0 < end && right.0 + right.1 > end);
    assert!(bar.connector.0 > right.0 + right.1);
    assert!(bar.label.0 > bar.connector.0);
}

#[test]
fn weekends_and_holidays_are_shaded_in_merged_bands() {
    let mut plan = Plan::new();
    plan.add("Design", "2027-01-04", "2027-01-06");
    plan.project.calendar.holidays.insert(date("2027-01-06"));
    let layout = plan.lay_out(Scale::Day, None);
    let geometry = layout.geometry;
    let weekend = layout
        .bands
        .iter()
        .find(|band| band.x == geometry.x_of(date("2027-01-09")))
        .expect("Sat 9 and Sun 10 are shaded");
    assert_eq!(weekend.width, 2.0 * 36.0);
    assert!(!weekend.holiday);
    let holiday = layout
        .bands
        .iter()
        .find(|band| band.x == geometry.x_of(date("2027-01-06")))
        .expect("the holiday is shaded");
    assert!(holiday.holiday);
    assert_eq!(holiday.width, 36.0);
    // At Quarter zoom only the holiday remains.
    let coarse = plan.lay_out(Scale::Quarter, None);
    assert!(coarse.bands.iter().all(|band| band.holiday));
    assert_eq!(coarse.bands.len(), 1);
}

#[test]
fn the_header_has_two_tiers_for_every_zoom() {
    let mut plan = Plan::new();
    plan.add("Design", "2027-01-04", "2027-01-06");
    let day = plan.lay_out(Scale::Day, None);
    let january = day
        .ticks
        .iter()
        .find(|tick| tick.major && tick.label == "January 2027")
        .expect("a month label");
    assert_eq!(january.x, day.geometry.x_of(date("2027-01-01")));
    assert_eq!(january.width, 31.0 * 36.0);
    assert!(day
        .ticks
        .iter()
        .any(|tick| !tick.major && tick.label == "4"));
    assert!(day
        .gridlines
        .contains(&day.geometry.x_of(date("2027-02-01"))));

    let week = plan.lay_out(Scale::Week, None);
    let monday = week
        .ticks
        .iter()
        .find(|tick| !tick.major && tick.label == "4 Jan")
        .expect("weeks are labelled by their Monday");
    assert_eq!(monday.width, 7.0 * 16.0);

    let month = plan.lay_out(Scale::Month, None);
    assert!(month
        .ticks
        .iter()
        .any(|tick| tick.major && tick.label == "2027"));
    assert!(month
        .ticks
        .iter()
        .any(|tick| !tick.major && tick.label == "Feb"));

    let quarter = plan.lay_out(Scale::Quarter, None);
    let first = quarter
        .ticks
        .iter()
        .find(|tick| !tick.major && tick.label == "Q1")
        .expect("quarters are labelled");
    assert_eq!(first.x, quarter.geometry.x_of(date("2027-01-01")));
    assert_eq!(first.width, 90.0 * 2.0);
    // The first header cell is cut at the span's start.
    assert!(quarter.ticks.iter().all(|tick| tick.x >= 0.0));
}

#[test]
fn today_and_the_deadline_get_lines() {
    let mut plan = Plan::new();
    plan.add("Design", "2027-01-04", "2027-01-06");
    plan.project.deadline = Some(date("2027-01-29"));
    let layout = plan.lay_out(Scale::Day, None);
    assert_eq!(
        layout.today,
        Some(layout.geometry.x_of(date("2027-01-06")) + 18.0)
    );
    assert_eq!(
        layout.deadline,
        Some(layout.geometry.x_of(date("2027-01-30")))
    );
}

#[test]
fn a_task_deadline_is_marked_on_its_row_and_missed_when_the_task_ends_after_it() {
    let mut plan = Plan::new();
    let design = plan.add("Design", "2027-01-04", "2027-01-06");
    let build = plan.add("Build", "2027-01-04", "2027-01-08");
    for (task, deadline) in [(design, "2027-01-06"), (build, "2027-01-07")] {
        let mut changed = plan.project.task(task).expect("task exists").clone();
        changed.deadline = Some(date(deadline));
        plan.project
            .update_task(changed, date("2027-01-01"))
            .expect("valid change");
    }
    let layout = plan.lay_out(Scale::Day, None);
    let met = row(&layout, design).deadline.clone().expect("a deadline");
    assert_eq!(met.x, layout.geometry.x_of(date("2027-01-07")));
    assert!(!met.missed);
    let missed = row(&layout, build).deadline.clone().expect("a deadline");
    assert!(missed.missed);
    assert_eq!(row(&layout, build).float, Some(0));
}

#[test]
fn the_chart_opens_at_the_work_and_zoom_keeps_the_middle_day() {
    let mut plan = Plan::new();
    plan.add("Design", "2027-01-04", "2027-01-08");
    let schedule = schedule::compute(&plan.project);
    let geometry = Geometry {
        origin: date("2026-11-23"),
        day_width: 10.0,
    };
    // Today before the work: open two days before the first task.
    let early = opening_scroll_left(geometry, &schedule, date("2026-11-26"), 900.0);
    assert_eq!(early, geometry.x_of(date("2027-01-02")));
    // Today within the work: open with today a third of the way in.
    let during = opening_scroll_left(geometry, &schedule, date("2027-01-06"), 900.0);
    assert_eq!(during, geometry.x_of(date("2027-01-06")) - 300.0);
    assert_eq!(
        scroll_left_to_show(geometry, date("2026-11-24"), 900.0),
        0.0
    );

    let viewport = Viewport {
        scroll_left: 400.0,
        width: 600.0,
        ..Viewport::default()
    };
    let middle = middle_date(geometry, viewport);
    assert_eq!(middle, date("2027-02-01"));
    let finer = Geometry {
        day_width: 36.0,
        ..geometry
    };
    let left = scroll_left_to_centre(finer, middle, 600.0);
    assert_eq!(
        middle_date(
            finer,
            Viewport {
                scroll_left: left,
                ..viewport
            }
        ),
        middle
    );
}

#[test]
fn moving_the_focus_to_a_row_off_screen_scrolls_just_enough() {
    let viewport = Viewport {
        scroll_top: 320.0,
        height: 320.0,
        ..Viewport::default()
    };
    assert_eq!(scroll_top_to_show_row(viewport, 12), None);
    assert_eq!(scroll_top_to_show_row(viewport, 9), Some(9.0 * ROW_HEIGHT));
    assert_eq!(
        scroll_top_to_show_row(viewport, 20),
        Some(21.0 * ROW_HEIGHT - 320.0)
    );
}

#[test]
fn the_window_covers_the_visible_rows_and_days_with_a_margin_in_blocks() {
    let span = Span {
        origin: date("2027-01-04"),
        end: date("2037-01-04"),
    };
    let viewport = Viewport {
        scroll_left: 0.0,
        scroll_top: 0.0,
        width: 1000.0,
        height: 640.0,
    };
    let top = window(viewport, 10_000, span, Scale::Day);
    // 20 visible rows + 8 margin: 28, a whole number of blocks of 4.
    assert_eq!(top.rows, 0..28);
    // 1000 px + 400 margin, rounded up to 1600 px = 45 days at 36 px.
    assert_eq!(top.days, 0..45);

    let scrolled = Viewport {
        scroll_top: 100.0 * ROW_HEIGHT + 5.0,
        scroll_left: 4500.0,
        ..viewport
    };
    let middle = window(scrolled, 10_000, span, Scale::Day);
    assert_eq!(middle.rows, 92..132);
    assert!(middle.rows.contains(&100) && middle.rows.contains(&120));
    let visible_days = (4500.0 / 36.0) as i64..(5500.0 / 36.0) as i64;
    assert!(middle.days.start <= visible_days.start && middle.days.end >= visible_days.end);
    // A few pixels more change nothing.
    let nudged = Viewport {
        scroll_top: scrolled.scroll_top + 40.0,
        scroll_left: scrolled.scroll_left + 30.0,
        ..scrolled
    };
    assert_eq!(window(nudged, 10_000, span, Scale::Day), middle);

    // Scrolled to the end of 50 rows: 960 px down.
    let bottom = window(
        Viewport {
            scroll_top: 960.0,
            ..viewport
        },
        50,
        span,
        Scale::Day,
    );
    assert_eq!(bottom.rows, 20..50);
    let beyond = window(
        Viewport {
            scroll_top: 1e9,
            ..viewport
        },
        50,
        span,
        Scale::Day,
    );
    assert!(beyond.rows.is_empty());
    assert!(window(viewport, 0, span, Scale::Day).rows.is_empty());
}

#[test]
fn only_windowed_rows_are_laid_out_but_arrows_reach_rows_outside() {
    let mut plan = Plan::new();
    let mut ids = Vec::new();
    for index in 0..40 {
        ids.push(plan.add(&format!("Task {index}"), "2027-01-04", "2027-01-04"));
    }
    plan.link(ids[0], ids[35], LinkKind::FinishToStart, 0);
    plan.link(ids[20], ids[5], LinkKind::FinishToStart, 0);
    let window = Window {
        rows: 0..16,
        days: 0..30,
    };
    let layout = plan.lay_out(Scale::Day, Some(window));
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

#[test]
fn collapsed_subtasks_have_no_rows_and_no_arrows() {
    let mut plan = Plan::new();
    let phase = plan.add("Phase", "2027-01-04", "2027-01-04");
    let inner = plan.add("Inner", "2027-01-04", "2027-01-05");
    let after = plan.add("After", "2027-01-06", "2027-01-07");
    plan.edit(inner, |task| task.parent = Some(phase));
    plan.link(inner, after, LinkKind::FinishToStart, 0);
    let schedule = schedule::compute(&plan.project);
    let rows = timeline_rows(&plan.project, &[phase].into_iter().collect());
    assert_eq!(rows.rows.len(), 2);
    assert!(!rows.rows[0].expanded);
    let span = span(&plan.project, &schedule, date("2027-01-04"));
    let layout = layout(&LayoutInput {
        project: &plan.project,
        schedule: &schedule,
        rows: &rows,
        span,
        scale: Scale::Week,
        window: Window::everything(rows.rows.len(), span),
        today: date("2027-01-04"),
        preview: None,
        show_baseline: false,
    });
    assert!(layout.row(inner).is_none());
    assert_eq!(row(&layout, after).index, 1);
    assert!(layout.arrows.is_empty());
}

#[test]
fn a_preview_moves_the_dragged_bar_and_what_it_pushes() {
    let mut plan = Plan::new();
    let design = plan.add("Design", "2027-01-04", "2027-01-06");
    let build = plan.add("Build", "2027-01-07", "2027-01-08");
    plan.link(design, build, LinkKind::FinishToStart, 0);
    let preview = Preview {
        dates: [
            (design, (date("2027-01-05"), date("2027-01-07"))),
            (build, (date("2027-01-08"), date("2027-01-11"))),
        ]
        .into_iter()
        .collect(),
    };
    let layout = plan.lay_out_with(Scale::Day, None, Some(&preview), false);
    assert_eq!(row(&layout, design).start, date("2027-01-05"));
    let moved = row(&layout, build);
    assert_eq!(moved.end, date("2027-01-11"));
    assert_eq!(moved.x, layout.geometry.x_of(date("2027-01-08")));
    let arrow = layout.arrow(build, design).expect("the arrow follows");
    assert_eq!(arrow.points[0].0, layout.geometry.x_of(date("2027-01-08")));
}

#[test]
fn baseline_bars_and_slip_in_working_days() {
    let mut plan = Plan::new();
    let design = plan.add("Design", "2027-01-04", "2027-01-06");
    let baseline = Baseline::capture(
        BaselineId::new(&mut plan.ids),
        "Approved",
        &plan.project,
        &[],
        date("2027-01-04"),
    );
    plan.project.add_baseline(baseline).expect("valid baseline");
    let added = plan.add("Added later", "2027-01-04", "2027-01-04");
    // Wed 6 → Mon 11: Thu, Fri, Mon are three working days of slip.
    plan.project
        .set_task_dates(design, date("2027-01-07"), date("2027-01-11"))
        .expect("valid dates");
    let hidden = plan.lay_out(Scale::Day, None);
    assert_eq!(row(&hidden, design).slip, Some(3));
    assert_eq!(row(&hidden, added).slip, None);
    assert!(row(&hidden, design).baseline.is_none());
    let shown = plan.lay_out_with(Scale::Day, None, None, true);
    let bar = row(&shown, design);
    let baseline = bar.baseline.as_ref().expect("a baseline bar");
    assert_eq!(baseline.x, shown.geometry.x_of(date("2027-01-04")));
    assert_eq!(baseline.width, 3.0 * 36.0);
    assert!(baseline.y > bar.bar_y + bar.height);
    assert!(row(&shown, added).baseline.is_none());
}

#[test]
fn a_summary_is_compared_with_its_subtasks_in_the_baseline_not_its_stale_dates() {
    // Phase is stored as Mon 4 only (never rolled up), its subtask runs Tue 5–Thu 7.
    let mut plan = Plan::new();
    let phase = plan.add("Phase", "2027-01-04", "2027-01-04");
    let work = plan.add("Work", "2027-01-05", "2027-01-07");
    plan.edit(work, |task| task.parent = Some(phase));
    let baseline = Baseline::capture(
        BaselineId::new(&mut plan.ids),
        "Approved",
        &plan.project,
        &[],
        date("2027-01-04"),
    );
    plan.project.add_baseline(baseline).expect("valid baseline");
    let layout = plan.lay_out_with(Scale::Day, None, None, true);
    let summary = row(&layout, phase);
    assert_eq!(summary.slip, Some(0));
    let bar = summary.baseline.as_ref().expect("a baseline bar");
    assert_eq!(bar.x, layout.geometry.x_of(date("2027-01-05")));
    assert_eq!(bar.width, 3.0 * 36.0);
}

#[test]
fn the_row_under_a_point_is_found_for_dropping_a_dependency() {
    let mut plan = Plan::new();
    plan.add("One", "2027-01-04", "2027-01-04");
    plan.add("Two", "2027-01-04", "2027-01-04");
    let layout = plan.lay_out(Scale::Week, None);
    assert_eq!(layout.row_at(5.0), Some(0));
    assert_eq!(layout.row_at(ROW_HEIGHT + 1.0), Some(1));
    assert_eq!(layout.row_at(2.0 * ROW_HEIGHT + 1.0), None);
    assert_eq!(layout.row_at(-1.0), None);
}

#[test]
fn month_labels_stay_on_screen_within_their_month() {
    let tick = Tick {
        x: 100.0,
        y: 0.0,
        width: 1000.0,
        height: 24.0,
        label: "January 2027".to_string(),
        label_at: (104.0, 16.0),
        major: true,
    };
    assert_eq!(pinned_label_x(&tick, 0.0), 104.0);
    assert_eq!(pinned_label_x(&tick, 500.0), 504.0);
    // Near the month's end the label stops inside its cell.
    assert_eq!(pinned_label_x(&tick, 1090.0), 1100.0 - 90.0 - 4.0);
}

#[test]
fn points_are_written_compactly() {
    assert_eq!(points_attribute(&[(1.0, 2.5), (3.04, -4.0)]), "1,2.5 3,-4");
    assert_eq!(number(12.25), "12.3");
}
