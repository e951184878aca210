//! The Timeline's geometry as a pure function: from the plan, its schedule and the zoom to
//! positions in pixels.
//!
//! [`layout`] turns the rows of the task list ([`TimelineRows`]), the [`Schedule`] and a
//! [`Scale`] into a [`TimelineLayout`]: bars with their progress, summary brackets, milestone
//! diamonds, baseline bars, dependency arrows routed around the bars they join, shading for
//! non-working days, the today and deadline lines and the date header. [`Geometry`] maps dates
//! to x and back ([`Geometry::date_at`], [`Geometry::days_in`]) for dragging.
//!
//! Everything is windowed: [`window`] says which rows and days the scroll position shows (plus
//! a margin, snapped to blocks so that most scroll events change nothing), and `layout` only
//! places those. The components in this folder draw what is here and do no arithmetic of
//! their own. Left out: the clock (today is a parameter) and any text wording beyond date
//! labels, which come from `ui::format` (the browser's `Intl`; a pure fallback on the host).
//!
//! The parts: `geometry` (zoom, dates to x, span, scrolling, windowing), `rows` (the rows and
//! their lookups), `bars` (each row's shapes), `arrows` (dependency arrows and their routes)
//! and `header` (date header, gridlines, non-working days). This file puts them together.

mod arrows;
mod bars;
mod geometry;
mod header;
mod rows;

pub use arrows::{route, ArrowLayout, Ends};
pub use bars::{BarKind, BaselineBar, DeadlineMark, Preview, RowLayout};
pub use geometry::{
    middle_date, opening_scroll_left, scroll_left_to_centre, scroll_left_to_show,
    scroll_top_to_show_row, span, window, Geometry, Point, Scale, Span, Viewport, Window,
    LIST_WIDTH, ROW_HEIGHT,
};
pub use header::{pinned_label_x, Band, Tick, HEADER_HEIGHT};
pub use rows::{same_outline, timeline_rows, TimelineRow, TimelineRows};

use crate::model::{Project, Schedule, TaskId};
use arrows::arrows;
use bars::row_layout;
use chrono::NaiveDate;
use header::{bands, ticks};

/// Everything the chart draws, in px.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineLayout {
    pub scale: Scale,
    pub geometry: Geometry,
    /// The whole chart's size (every row, every day of the span).
    pub width: f64,
    pub height: f64,
    /// The rendered rows, in order.
    pub rows: Vec<RowLayout>,
    /// Arrows with at least one end in a rendered row.
    pub arrows: Vec<ArrowLayout>,
    /// Non-working days in the rendered days.
    pub bands: Vec<Band>,
    /// Date header labels for the rendered days.
    pub ticks: Vec<Tick>,
    /// Vertical lines where months (or years) begin, in the rendered days.
    pub gridlines: Vec<f64>,
    /// The middle of today.
    pub today: Option<f64>,
    /// The end of the deadline day.
    pub deadline: Option<f64>,
}

impl TimelineLayout {
    /// The rendered row of task `id`.
    pub fn row(&self, id: TaskId) -> Option<&RowLayout> {
        self.rows.iter().find(|row| row.task == id)
    }

    /// The rendered arrow from `predecessor` to `successor`.
    pub fn arrow(&self, successor: TaskId, predecessor: TaskId) -> Option<&ArrowLayout> {
        self.arrows
            .iter()
            .find(|arrow| arrow.successor == successor && arrow.predecessor == predecessor)
    }

    /// The row number under `y`, if any row is there.
    pub fn row_at(&self, y: f64) -> Option<usize> {
        if y < 0.0 || y >= self.height {
            return None;
        }
        Some((y / ROW_HEIGHT).floor() as usize)
    }
}

/// What [`layout`] works from.
pub struct LayoutInput<'a> {
    pub project: &'a Project,
    pub schedule: &'a Schedule,
    pub rows: &'a TimelineRows,
    pub span: Span,
    pub scale: Scale,
    pub window: Window,
    pub today: NaiveDate,
    /// Dates of a bar being dragged and of the tasks it pushes.
    pub preview: Option<&'a Preview>,
    /// Draw the current baseline's bars.
    pub show_baseline: bool,
}

/// Places the rows and days of `input.window`.
pub fn layout(input: &LayoutInput) -> TimelineLayout {
    let geometry = Geometry::new(input.span, input.scale);
    let row_count = input.rows.rows.len();
    let first_row = input.window.rows.start.min(row_count);
    let end_row = input.window.rows.end.clamp(first_row, row_count);
    let rows: Vec<RowLayout> = (first_row..end_row)
        .filter_map(|index| row_layout(input, geometry, index))
        .collect();
    let arrows = arrows(input, geometry, first_row..end_row);
    let days = input.window.days.start.max(0)..input.window.days.end.min(input.span.days());
    let (ticks, gridlines) = ticks(geometry, input.scale, input.span, days.clone());
    TimelineLayout {
        scale: input.scale,
        geometry,
        width: input.span.days() as f64 * geometry.day_width,
        height: row_count as f64 * ROW_HEIGHT,
        rows,
        arrows,
        bands: bands(&input.project.calendar, geometry, input.scale, days),
        ticks,
        gridlines,
        today: (input.today >= input.span.origin && input.today < input.span.end)
            .then(|| geometry.x_of(input.today) + geometry.day_width / 2.0),
        deadline: input
            .project
            .deadline
            .map(|deadline| geometry.x_of(deadline) + geometry.day_width),
    }
}

/// Points as the SVG `points` attribute: "x,y x,y …".
pub fn points_attribute(points: &[Point]) -> String {
    let mut text = String::with_capacity(points.len() * 12);
    for (index, (x, y)) in points.iter().enumerate() {
        if index > 0 {
            text.push(' ');
        }
        text.push_str(&number(*x));
        text.push(',');
        text.push_str(&number(*y));
    }
    text
}

/// A coordinate with at most one decimal, without a trailing ".0".
pub fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
pub(super) mod fixture;

#[cfg(test)]
mod tests {
    use super::fixture::{lay_out, link, plan, row};
    use super::*;
    use crate::model::schedule;
    use crate::model::testing::date;
    use crate::model::LinkKind;

    #[test]
    fn today_and_the_deadline_get_lines() {
        let mut plan = plan();
        plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        plan.deadline("2027-01-29");
        let layout = lay_out(&plan, Scale::Day, None);
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
    fn collapsed_subtasks_have_no_rows_and_no_arrows() {
        let mut plan = plan();
        let phase = plan.task("Phase", "2027-01-04", "2027-01-04", 0, None);
        let inner = plan.task("Inner", "2027-01-04", "2027-01-05", 0, None);
        let after = plan.task("After", "2027-01-06", "2027-01-07", 0, None);
        plan.edit(inner, |task| task.parent = Some(phase));
        link(&mut plan, inner, after, LinkKind::FinishToStart, 0);
        let schedule = schedule::compute(plan.project());
        let rows = timeline_rows(plan.project(), &[phase].into_iter().collect());
        assert_eq!(rows.rows.len(), 2);
        assert!(!rows.rows[0].expanded);
        let span = span(plan.project(), &schedule, date("2027-01-04"));
        let layout = layout(&LayoutInput {
            project: plan.project(),
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
    fn the_row_under_a_point_is_found_for_dropping_a_dependency() {
        let mut plan = plan();
        plan.task("One", "2027-01-04", "2027-01-04", 0, None);
        plan.task("Two", "2027-01-04", "2027-01-04", 0, None);
        let layout = lay_out(&plan, Scale::Week, None);
        assert_eq!(layout.row_at(5.0), Some(0));
        assert_eq!(layout.row_at(ROW_HEIGHT + 1.0), Some(1));
        assert_eq!(layout.row_at(2.0 * ROW_HEIGHT + 1.0), None);
        assert_eq!(layout.row_at(-1.0), None);
    }

    #[test]
    fn points_are_written_compactly() {
        assert_eq!(points_attribute(&[(1.0, 2.5), (3.04, -4.0)]), "1,2.5 3,-4");
        assert_eq!(number(12.25), "12.3");
    }
}
