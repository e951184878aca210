//! The chart's calendar: the date header's two tiers of labels, the gridlines where months or
//! years begin, and the shaded bands of non-working days. Labels with words come from
//! `ui::format` (the browser's `Intl`; a pure fallback on the host).

use super::super::super::format::{self, CalendarLabel};
use super::geometry::{Geometry, Point, Scale, Span};
use crate::model::calendar::shift;
use crate::model::Calendar;
use chrono::{Datelike, NaiveDate};
use std::ops::Range;

/// Height of the date header above the chart (two tiers), in px.
pub const HEADER_HEIGHT: f64 = 48.0;

/// A run of non-working days.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub x: f64,
    pub width: f64,
    /// True for holidays on working weekdays, false for weekends.
    pub holiday: bool,
}

/// One label of the date header.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub label: String,
    /// Where the label's text starts, and its baseline.
    pub label_at: Point,
    /// True for the upper tier (months or years).
    pub major: bool,
}

/// Runs of non-working days within `days`: holidays always, weekends except at Quarter zoom.
pub(super) fn bands(
    calendar: &Calendar,
    geometry: Geometry,
    scale: Scale,
    days: Range<i64>,
) -> Vec<Band> {
    let mut bands: Vec<Band> = Vec::new();
    let mut date = shift(geometry.origin, days.start);
    for _ in days {
        if !calendar.is_working_day(date) {
            let holiday = calendar.is_holiday(date);
            if holiday || scale.shades_weekends() {
                let x = geometry.x_of(date);
                match bands.last_mut() {
                    Some(last)
                        if last.holiday == holiday && (last.x + last.width - x).abs() < 0.01 =>
                    {
                        last.width += geometry.day_width;
                    }
                    _ => bands.push(Band {
                        x,
                        width: geometry.day_width,
                        holiday,
                    }),
                }
            }
        }
        date = shift(date, 1);
    }
    bands
}

/// A header unit: the first day of the unit containing `date`, and the first day of the next.
fn unit(date: NaiveDate, unit: Unit) -> (NaiveDate, NaiveDate) {
    let first_of = |year: i32, month: u32| NaiveDate::from_ymd_opt(year, month, 1);
    let start = match unit {
        Unit::Day => Some(date),
        Unit::Week => Some(shift(
            date,
            -i64::from(date.weekday().num_days_from_monday()),
        )),
        Unit::Month => first_of(date.year(), date.month()),
        Unit::Quarter => first_of(date.year(), date.month0() / 3 * 3 + 1),
        Unit::Year => first_of(date.year(), 1),
    }
    .unwrap_or(date);
    let next = match unit {
        Unit::Day => Some(shift(start, 1)),
        Unit::Week => Some(shift(start, 7)),
        Unit::Month | Unit::Quarter => {
            let months = if unit == Unit::Month { 1 } else { 3 };
            let index = start.year() * 12 + start.month0() as i32 + months;
            first_of(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
        }
        Unit::Year => first_of(start.year() + 1, 1),
    }
    .unwrap_or_else(|| shift(start, 1));
    (start, next)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// A header cell's label, in the browser's locale where it has words (`ui::format`).
fn label(start: NaiveDate, unit: Unit, major: bool) -> String {
    match (unit, major) {
        (Unit::Day, _) => start.day().to_string(),
        (Unit::Week, _) => format::calendar_label(start, CalendarLabel::DayMonth),
        (Unit::Month, true) => format::calendar_label(start, CalendarLabel::MonthYear),
        (Unit::Month, false) => format::calendar_label(start, CalendarLabel::Month),
        (Unit::Quarter, _) => format!("Q{}", start.month0() / 3 + 1),
        (Unit::Year, _) => start.year().to_string(),
    }
}

/// The header's two tiers for `days`, and the gridlines where each upper-tier unit begins.
pub(super) fn ticks(
    geometry: Geometry,
    scale: Scale,
    span: Span,
    days: Range<i64>,
) -> (Vec<Tick>, Vec<f64>) {
    let (major, minor) = match scale {
        Scale::Day => (Unit::Month, Unit::Day),
        Scale::Week => (Unit::Month, Unit::Week),
        Scale::Month => (Unit::Year, Unit::Month),
        Scale::Quarter => (Unit::Year, Unit::Quarter),
    };
    let mut ticks = Vec::new();
    let mut gridlines = Vec::new();
    if days.is_empty() {
        return (ticks, gridlines);
    }
    let first = shift(span.origin, days.start);
    let end = shift(span.origin, days.end);
    for (tier, is_major) in [(major, true), (minor, false)] {
        let (mut start, mut next) = unit(first, tier);
        while start < end {
            let x = geometry.x_of(start.max(span.origin));
            let right = geometry.x_of(next.min(span.end));
            let y = if is_major { 0.0 } else { HEADER_HEIGHT / 2.0 };
            ticks.push(Tick {
                x,
                y,
                width: right - x,
                height: HEADER_HEIGHT / 2.0,
                label: label(start, tier, is_major),
                label_at: (x + 4.0, y + 16.0),
                major: is_major,
            });
            if is_major && start >= span.origin {
                gridlines.push(geometry.x_of(start));
            }
            if next <= start {
                break;
            }
            (start, next) = unit(next, tier);
        }
    }
    (ticks, gridlines)
}

/// Where an upper-tier header label goes when the chart is scrolled to `visible_left`: kept at
/// the left edge of the visible chart while its month or year is on screen, so "January 2027"
/// stays readable mid-month, but never beyond its own cell.
pub fn pinned_label_x(tick: &Tick, visible_left: f64) -> f64 {
    // A rough width of the label, at 12 px type.
    let text_width = tick.label.chars().count() as f64 * 7.5;
    let latest = tick.x + tick.width - text_width - 4.0;
    (visible_left + 4.0).min(latest).max(tick.label_at.0)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{lay_out, plan};
    use super::*;
    use crate::model::testing::date;

    #[test]
    fn weekends_and_holidays_are_shaded_in_merged_bands() {
        let mut plan = plan();
        plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        plan.details(|details| {
            details.calendar.holidays.insert(date("2027-01-06"));
        });
        let layout = lay_out(&plan, Scale::Day, None);
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
        let coarse = lay_out(&plan, Scale::Quarter, None);
        assert!(coarse.bands.iter().all(|band| band.holiday));
        assert_eq!(coarse.bands.len(), 1);
    }

    #[test]
    fn the_header_has_two_tiers_for_every_zoom() {
        let mut plan = plan();
        plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        let day = lay_out(&plan, Scale::Day, None);
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

        let week = lay_out(&plan, Scale::Week, None);
        let monday = week
            .ticks
            .iter()
            .find(|tick| !tick.major && tick.label == "4 Jan")
            .expect("weeks are labelled by their Monday");
        assert_eq!(monday.width, 7.0 * 16.0);

        let month = lay_out(&plan, Scale::Month, None);
        assert!(month
            .ticks
            .iter()
            .any(|tick| tick.major && tick.label == "2027"));
        assert!(month
            .ticks
            .iter()
            .any(|tick| !tick.major && tick.label == "Feb"));

        let quarter = lay_out(&plan, Scale::Quarter, None);
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
}
