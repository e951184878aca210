//! Where things sit on the chart in general: the zoom levels ([`Scale`]), the mapping between
//! dates and x ([`Geometry`]), the dates the chart covers ([`span`]), the scroll position
//! ([`Viewport`]), which rows and days it renders ([`window`]) and where to scroll to. Pixels and
//! days only: what a row or a bar holds is in `rows` and `bars`.

use crate::model::calendar::shift;
use crate::model::{Project, Schedule};
use chrono::{Datelike, NaiveDate};
use std::ops::Range;

/// Height of one row of the list and the chart, in px.
pub const ROW_HEIGHT: f64 = 32.0;
/// Width of the task list on the left, in px.
pub const LIST_WIDTH: f64 = 500.0;

/// Rows rendered beyond the visible ones, above and below.
const ROW_MARGIN: f64 = 8.0;
/// The first and last rendered rows are multiples of this, so small scrolls change nothing.
const ROW_BLOCK: usize = 4;
/// Pixels rendered beyond the visible ones, left and right, and the block they snap to.
const PX_MARGIN: f64 = 400.0;
const PX_BLOCK: f64 = 800.0;

/// Days shown before the earliest date and after the latest one.
const LEAD_DAYS: i64 = 7;
const TRAIL_DAYS: i64 = 35;
/// The shortest span drawn, so that a small plan still fills the chart at coarse zooms.
const MIN_SPAN_DAYS: i64 = 120;

/// A point in chart coordinates: x from the span's first day, y from the first row's top.
pub type Point = (f64, f64);

/// A zoom level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scale {
    /// A column per day.
    Day,
    /// Weeks, each labelled by its Monday.
    #[default]
    Week,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
}

impl Scale {
    /// Every zoom level, finest first.
    pub const ALL: [Scale; 4] = [Scale::Day, Scale::Week, Scale::Month, Scale::Quarter];

    /// The zoom button's name.
    pub fn label(self) -> &'static str {
        match self {
            Scale::Day => "Day",
            Scale::Week => "Week",
            Scale::Month => "Month",
            Scale::Quarter => "Quarter",
        }
    }

    /// Pixels per day.
    pub fn day_width(self) -> f64 {
        match self {
            Scale::Day => 36.0,
            Scale::Week => 16.0,
            Scale::Month => 5.0,
            Scale::Quarter => 2.0,
        }
    }

    /// True when weekends are shaded: at Quarter zoom they would only stripe the chart.
    pub(super) fn shades_weekends(self) -> bool {
        self != Scale::Quarter
    }
}

/// The mapping between dates and x, in px from the chart's left edge.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Geometry {
    /// The day whose left edge is x = 0.
    pub origin: NaiveDate,
    /// Pixels per day.
    pub day_width: f64,
}

impl Geometry {
    /// The geometry of `span` at `scale`.
    pub fn new(span: Span, scale: Scale) -> Geometry {
        Geometry {
            origin: span.origin,
            day_width: scale.day_width(),
        }
    }

    /// The left edge of `date`.
    pub fn x_of(self, date: NaiveDate) -> f64 {
        (date - self.origin).num_days() as f64 * self.day_width
    }

    /// The day under `x` (the inverse of [`Geometry::x_of`]).
    pub fn date_at(self, x: f64) -> NaiveDate {
        shift(self.origin, (x / self.day_width).floor() as i64)
    }

    /// A horizontal distance as whole days, rounded to the nearest: how far a drag moves.
    pub fn days_in(self, distance: f64) -> i64 {
        (distance / self.day_width).round() as i64
    }
}

/// The dates the chart covers: `origin` (a Monday) up to, not including, `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub origin: NaiveDate,
    pub end: NaiveDate,
}

impl Span {
    /// The number of days covered.
    pub fn days(self) -> i64 {
        (self.end - self.origin).num_days().max(0)
    }
}

/// The dates the chart must cover: the project start, every task's scheduled dates, the current
/// baseline's dates, the deadline and today, with some room around them.
pub fn span(project: &Project, schedule: &Schedule, today: NaiveDate) -> Span {
    let mut first = project.start.min(today);
    let mut last = project.start.max(today);
    let mut include = |start: NaiveDate, end: NaiveDate| {
        first = first.min(start);
        last = last.max(end);
    };
    if let Some(deadline) = project.deadline {
        include(deadline, deadline);
    }
    for task in schedule.tasks() {
        include(task.start, task.finish);
    }
    for task in project.tasks() {
        include(task.start, task.end);
        if let Some(deadline) = task.deadline {
            include(deadline, deadline);
        }
    }
    if let Some(baseline) = project.baseline() {
        for task in &baseline.tasks {
            include(task.start, task.end);
        }
    }
    let lead = shift(first, -LEAD_DAYS);
    let origin = shift(lead, -i64::from(lead.weekday().num_days_from_monday()));
    let end = shift(last, TRAIL_DAYS).max(shift(origin, MIN_SPAN_DAYS));
    Span { origin, end }
}

/// What the chart part of the screen shows: its scroll offsets and size, in px. `scroll_top`
/// counts from the first row, `scroll_left` from the span's first day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub scroll_left: f64,
    pub scroll_top: f64,
    pub width: f64,
    pub height: f64,
}

impl Default for Viewport {
    /// A typical desktop chart, used until the real size is measured.
    fn default() -> Self {
        Viewport {
            scroll_left: 0.0,
            scroll_top: 0.0,
            width: 1200.0,
            height: 800.0,
        }
    }
}

/// The scroll offset that puts `date` a third of the way into a chart area `width` px wide.
pub fn scroll_left_to_show(geometry: Geometry, date: NaiveDate, width: f64) -> f64 {
    (geometry.x_of(date) - width / 3.0).max(0.0)
}

/// The vertical scroll offset that brings row `index` on screen with the least movement, or
/// `None` when it already is.
pub fn scroll_top_to_show_row(viewport: Viewport, index: usize) -> Option<f64> {
    let top = index as f64 * ROW_HEIGHT;
    let bottom = top + ROW_HEIGHT;
    if top < viewport.scroll_top {
        Some(top)
    } else if bottom > viewport.scroll_top + viewport.height {
        Some((bottom - viewport.height).max(0.0))
    } else {
        None
    }
}

/// The day in the middle of `viewport`, which a change of zoom keeps in place.
pub fn middle_date(geometry: Geometry, viewport: Viewport) -> NaiveDate {
    geometry.date_at(viewport.scroll_left + viewport.width / 2.0)
}

/// The scroll offset that puts `date` in the middle of a chart area `width` px wide.
pub fn scroll_left_to_centre(geometry: Geometry, date: NaiveDate, width: f64) -> f64 {
    (geometry.x_of(date) + geometry.day_width / 2.0 - width / 2.0).max(0.0)
}

/// Where the chart opens: at today when the work spans it, otherwise at the first task (a
/// couple of days before it), so that a plan in the future or the past is on screen at once.
pub fn opening_scroll_left(
    geometry: Geometry,
    schedule: &Schedule,
    today: NaiveDate,
    width: f64,
) -> f64 {
    let first = schedule.tasks().iter().map(|task| task.start).min();
    let last = schedule.tasks().iter().map(|task| task.finish).max();
    match (first, last) {
        (Some(first), Some(last)) if first <= today && today <= last => {
            scroll_left_to_show(geometry, today, width)
        }
        (Some(first), _) => (geometry.x_of(first) - 2.0 * geometry.day_width).max(0.0),
        _ => scroll_left_to_show(geometry, today, width),
    }
}

/// The rows and days to render: the visible ones and a margin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// Row numbers.
    pub rows: Range<usize>,
    /// Days counted from the span's origin.
    pub days: Range<i64>,
}

impl Window {
    /// Every row and day, for printing and export.
    pub fn everything(row_count: usize, span: Span) -> Window {
        Window {
            rows: 0..row_count,
            days: 0..span.days(),
        }
    }
}

/// The rows and days `viewport` shows, plus a margin on every side, snapped to blocks.
pub fn window(viewport: Viewport, row_count: usize, span: Span, scale: Scale) -> Window {
    let top_row = (viewport.scroll_top / ROW_HEIGHT - ROW_MARGIN)
        .floor()
        .max(0.0) as usize;
    let bottom_row = ((viewport.scroll_top + viewport.height.max(0.0)) / ROW_HEIGHT + ROW_MARGIN)
        .ceil()
        .max(0.0) as usize;
    let first_row = (top_row / ROW_BLOCK * ROW_BLOCK).min(row_count);
    let end_row = bottom_row
        .div_ceil(ROW_BLOCK)
        .saturating_mul(ROW_BLOCK)
        .min(row_count)
        .max(first_row);

    let day_width = scale.day_width();
    let left = ((viewport.scroll_left - PX_MARGIN) / PX_BLOCK)
        .floor()
        .max(0.0)
        * PX_BLOCK;
    let right =
        ((viewport.scroll_left + viewport.width.max(0.0) + PX_MARGIN) / PX_BLOCK).ceil() * PX_BLOCK;
    let days = span.days();
    let first_day = ((left / day_width).floor() as i64).clamp(0, days);
    let end_day = ((right / day_width).ceil() as i64).clamp(first_day, days);
    Window {
        rows: first_row..end_row,
        days: first_day..end_day,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::plan;
    use super::*;
    use crate::model::schedule;
    use crate::model::testing::date;
    use chrono::Weekday;

    #[test]
    fn the_span_starts_on_a_monday_before_everything_and_leaves_room_after() {
        let mut plan = plan();
        plan.task("Design", "2027-01-06", "2027-01-08", 0, None);
        plan.deadline("2027-09-30");
        let schedule = schedule::compute(plan.project());
        let span = span(plan.project(), &schedule, date("2027-01-06"));
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
    fn the_chart_opens_at_the_work_and_zoom_keeps_the_middle_day() {
        let mut plan = plan();
        plan.task("Design", "2027-01-04", "2027-01-08", 0, None);
        let schedule = schedule::compute(plan.project());
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
}
