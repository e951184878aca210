//! Reading MSPDI values: date-times and the day rules, durations, money, priorities, and the
//! small accessors for element text.

use super::xml::Element;
use crate::model::calendar::shift;
use crate::model::{Calendar, Currency, Money, Priority};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use uuid::Uuid;

/// How the file measures time.
pub(super) struct Clock {
    pub minutes_per_day: f64,
    pub minutes_per_week: f64,
    pub day_start: NaiveTime,
    pub day_finish: NaiveTime,
}

impl Clock {
    pub(super) fn of(root: &Element) -> Clock {
        let minutes = |name: &str, default: f64| {
            root.text_of(name)
                .and_then(|text| text.parse::<f64>().ok())
                .filter(|value| *value >= 1.0 && value.is_finite())
                .unwrap_or(default)
        };
        let time = |name: &str, default: NaiveTime| {
            root.text_of(name)
                .and_then(|text| NaiveTime::parse_from_str(text, "%H:%M:%S").ok())
                .unwrap_or(default)
        };
        Clock {
            minutes_per_day: minutes("MinutesPerDay", 480.0),
            minutes_per_week: minutes("MinutesPerWeek", 2400.0),
            day_start: time(
                "DefaultStartTime",
                NaiveTime::from_hms_opt(8, 0, 0).expect("a time"),
            ),
            day_finish: time(
                "DefaultFinishTime",
                NaiveTime::from_hms_opt(17, 0, 0).expect("a time"),
            ),
        }
    }
}

/// A date-time as MSPDI writes it (`2018-10-18T08:00:00`).
pub(super) fn moment(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M"))
        .ok()
}

/// The first day of work for a start moment: the next working day when it starts at or after
/// the day's default finish time.
pub(super) fn start_day(start: NaiveDateTime, clock: &Clock, calendar: &Calendar) -> NaiveDate {
    if start.time() >= clock.day_finish {
        calendar.next_working_day(shift(start.date(), 1))
    } else {
        start.date()
    }
}

/// The last day of work (inclusive) for a finish moment: the previous working day when it
/// finishes at 00:00 or at (or before) the day's default start time.
pub(super) fn finish_day(finish: NaiveDateTime, clock: &Clock, calendar: &Calendar) -> NaiveDate {
    if finish.time() <= clock.day_start {
        calendar.previous_working_day(shift(finish.date(), -1))
    } else {
        finish.date()
    }
}

/// Minutes in an xsd:duration such as `PT8H0M0S` or `P2DT4H` (a day counts 24 hours here; MS
/// Project writes hours only).
pub(super) fn duration_minutes(text: &str) -> Option<f64> {
    let text = text.trim();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let rest = text.strip_prefix('P')?;
    let mut minutes = 0.0;
    let mut number = String::new();
    let mut in_time = false;
    for c in rest.chars() {
        match c {
            'T' => in_time = true,
            '0'..='9' | '.' => number.push(c),
            unit => {
                let value: f64 = number.parse().ok()?;
                number.clear();
                minutes += value
                    * match (unit, in_time) {
                        ('Y', false) => 365.0 * 1440.0,
                        ('M', false) => 30.0 * 1440.0,
                        ('W', false) => 7.0 * 1440.0,
                        ('D', false) => 1440.0,
                        ('H', true) => 60.0,
                        ('M', true) => 1.0,
                        ('S', true) => 1.0 / 60.0,
                        _ => return None,
                    };
            }
        }
    }
    if !number.is_empty() || !minutes.is_finite() {
        return None;
    }
    Some(if negative { -minutes } else { minutes })
}

/// An MSPDI amount in hundredths of the currency's major unit, as Ironplan minor units.
pub(super) fn money_of(text: &str, currency: Currency) -> Option<Money> {
    let value: f64 = text.trim().parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let minor = value / 100.0 * 10f64.powi(currency.minor_digits() as i32);
    Some(Money(minor.round().clamp(0.0, Money::MAX.0 as f64) as i64))
}

/// MS Project's priority (0–1000) as an Ironplan priority.
pub(super) fn priority_of(value: i64) -> Priority {
    match value {
        i64::MIN..=399 => Priority::Low,
        400..=599 => Priority::Medium,
        600..=799 => Priority::High,
        _ => Priority::Urgent,
    }
}

pub(super) fn number(element: &Element, name: &str) -> Option<i64> {
    element.text_of(name).and_then(|text| {
        text.parse::<i64>().ok().or_else(|| {
            text.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(|v| v.round() as i64)
        })
    })
}

pub(super) fn decimal(element: &Element, name: &str) -> Option<f64> {
    element
        .text_of(name)
        .and_then(|text| text.parse::<f64>().ok())
        .filter(|value| value.is_finite())
}

pub(super) fn flag(element: &Element, name: &str) -> bool {
    element
        .text_of(name)
        .is_some_and(|text| text == "1" || text.eq_ignore_ascii_case("true"))
}

pub(super) fn guid(element: &Element) -> Option<Uuid> {
    element
        .text_of("GUID")
        .and_then(|text| Uuid::parse_str(text).ok())
        .filter(|uuid| !uuid.is_nil())
}

/// The outline depth: OutlineLevel, or the depth of OutlineNumber where the two disagree.
pub(super) fn outline_level(element: &Element) -> usize {
    let level = number(element, "OutlineLevel").and_then(|level| usize::try_from(level).ok());
    let from_number = element
        .text_of("OutlineNumber")
        .map(|text| text.split('.').filter(|part| !part.is_empty()).count())
        .filter(|depth| *depth > 0 && element.text_of("OutlineNumber") != Some("0"));
    match (level, from_number) {
        (Some(level), Some(depth)) if level != depth && level != 0 => depth,
        (Some(level), _) => level,
        (None, Some(depth)) => depth,
        (None, None) => 1,
    }
}

/// A deadline moment as a day: midnight belongs to the day before.
pub(super) fn deadline_day(deadline: NaiveDateTime) -> NaiveDate {
    if deadline.time() == NaiveTime::MIN {
        shift(deadline.date(), -1)
    } else {
        deadline.date()
    }
}
