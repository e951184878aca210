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
