//! The project calendar both ways: MSPDI's `WeekDays` and `Exceptions` against Ironplan's
//! working weekdays and holidays.
//!
//! MS Project writes each exception twice: expanded, as `WeekDay` entries of day type 0 with a
//! date range, and (from 2007) as an `Exception` with its recurrence. The expanded form is read
//! when present; otherwise recurrences are expanded here. Either way only the plan's years
//! (the start year to the year after the finish) are kept, so a recurrence "every year until
//! 2049" does not fill the holiday list.

use super::xml::Element;
use super::{LossKind, Losses};
use crate::model::calendar::{shift, weekday_from_index, MAX_DATE, MIN_DATE};
use crate::model::{Calendar, WeekdaySet};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use std::collections::BTreeSet;

/// The days an import keeps calendar exceptions for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Window {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Window {
    /// January 1st of `start`'s year to December 31st of the year after `finish`, at most 50 years.
    pub fn of_plan(start: NaiveDate, finish: NaiveDate) -> Window {
        let first = NaiveDate::from_ymd_opt(start.year(), 1, 1).unwrap_or(start);
        let last_year = (finish.year() + 1).min(start.year() + 50);
        let last = NaiveDate::from_ymd_opt(last_year, 12, 31).unwrap_or(finish);
        Window {
            first: first.max(MIN_DATE),
            last: last.min(MAX_DATE),
        }
    }
}

/// MSPDI day type (1 Sunday … 7 Saturday) as a weekday.
fn weekday_of_day_type(day_type: u32) -> Option<Weekday> {
    match day_type {
        1 => Some(Weekday::Sun),
        2..=7 => Some(weekday_from_index((day_type - 2) as u8)),
        _ => None,
    }
}

/// The MSPDI day type (1 Sunday … 7 Saturday) of a weekday.
pub(crate) fn day_type_of_weekday(day: Weekday) -> u32 {
    (day.num_days_from_sunday()) + 1
}

fn number(element: &Element, name: &str) -> Option<i64> {
    element.text_of(name).and_then(|text| text.parse().ok())
}

fn flag(element: &Element, name: &str) -> Option<bool> {
    element
        .text_of(name)
        .map(|text| text == "1" || text.eq_ignore_ascii_case("true"))
}

fn date_of(element: &Element, name: &str) -> Option<NaiveDate> {
    element
        .text_of(name)
        .and_then(|text| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").ok())
        .map(|moment| moment.date())
}

/// The project calendar: the `Calendar` whose UID the project names (or the first base
/// calendar), with the weekdays of its base calendar where it leaves them out.
pub(crate) fn read_calendar(root: &Element, window: Window, losses: &mut Losses) -> Calendar {
    let calendars: Vec<&Element> = root.list("Calendars", "Calendar").collect();
    let wanted = number(root, "CalendarUID");
    let chosen = calendars
        .iter()
        .find(|calendar| wanted.is_some() && number(calendar, "UID") == wanted)
        .or_else(|| {
            calendars
                .iter()
                .find(|calendar| flag(calendar, "IsBaseCalendar") == Some(true))
        })
        .copied();
    let Some(calendar) = chosen else {
        return Calendar::default();
    };
    let base = number(calendar, "BaseCalendarUID")
        .filter(|uid| *uid >= 0)
        .and_then(|uid| {
            calendars
                .iter()
                .find(|other| number(other, "UID") == Some(uid))
                .copied()
        });
    let mut working = WeekdaySet::MONDAY_TO_FRIDAY;
    for source in base.into_iter().chain([calendar]) {
        for day in source.list("WeekDays", "WeekDay") {
            let Some(weekday) = number(day, "DayType")
                .and_then(|value| u32::try_from(value).ok())
                .and_then(weekday_of_day_type)
            else {
                continue;
            };
            if let Some(is_working) = flag(day, "DayWorking") {
                working = working.with(weekday, is_working);
            }
        }
    }
    if working.is_empty() {
        working = WeekdaySet::MONDAY_TO_FRIDAY;
    }
    let mut holidays = BTreeSet::new();
    let mut worked_weekend = BTreeSet::new();
    for source in base.into_iter().chain([calendar]) {
        let mut mark = |day: NaiveDate, is_working: bool| {
            if day < window.first || day > window.last {
                return;
            }
            if is_working {
                holidays.remove(&day);
                if !working.contains(day.weekday()) {
                    worked_weekend.insert(day);
                }
            } else {
                worked_weekend.remove(&day);
                if working.contains(day.weekday()) {
                    holidays.insert(day);
                }
            }
        };
        let expanded: Vec<&Element> = source
            .list("WeekDays", "WeekDay")
            .filter(|day| number(day, "DayType") == Some(0))
            .collect();
        if !expanded.is_empty() {
            for day in expanded {
                let is_working = flag(day, "DayWorking").unwrap_or(false);
                let Some(period) = day.child("TimePeriod") else {
                    continue;
                };
                let (Some(from), Some(to)) =
                    (date_of(period, "FromDate"), date_of(period, "ToDate"))
                else {
                    continue;
                };
                for date in days(from.max(window.first), to.min(window.last)) {
                    mark(date, is_working);
                }
            }
        } else {
            for exception in source.list("Exceptions", "Exception") {
                let is_working = flag(exception, "DayWorking").unwrap_or(false);
                for date in expand_exception(exception, window) {
                    mark(date, is_working);
                }
            }
        }
    }
    losses.add(LossKind::WeekendWorkingDays, worked_weekend.len());
    Calendar {
        working_weekdays: working,
        holidays,
    }
}

/// Every day from `first` to `last`, inclusive.
fn days(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let count = if last < first {
        0
    } else {
        (last - first).num_days() + 1
    };
    (0..count).map(move |offset| shift(first, offset))
}

/// The days a 2007+ `Exception` covers inside `window`, following its recurrence type:
/// 1 daily, 2 yearly on a day, 3 yearly on the nth weekday, 4 monthly on a day, 5 monthly on
/// the nth weekday, 6 weekly on weekdays, 7 every n days.
fn expand_exception(exception: &Element, window: Window) -> Vec<NaiveDate> {
    let Some(period) = exception.child("TimePeriod") else {
        return Vec::new();
    };
    let (Some(from), Some(to)) = (date_of(period, "FromDate"), date_of(period, "ToDate")) else {
        return Vec::new();
    };
    let kind = number(exception, "Type").unwrap_or(1);
    let every = number(exception, "Period").unwrap_or(1).max(1);
    let month = number(exception, "Month");
    let month_day = number(exception, "MonthDay");
    let month_item = number(exception, "MonthItem");
    let position = number(exception, "MonthPosition");
    let days_of_week = number(exception, "DaysOfWeek").unwrap_or(0);
    let months_since = |date: NaiveDate| {
        i64::from(date.year() - from.year()) * 12 + i64::from(date.month())
            - i64::from(from.month())
    };
    let nth_weekday = |date: NaiveDate| -> bool {
        let Some(item) = month_item else {
            return false;
        };
        // MonthItem 3 is Sunday … 9 is Saturday.
        if i64::from(date.weekday().num_days_from_sunday()) != item - 3 {
            return false;
        }
        let nth = i64::from((date.day() - 1) / 7);
        match position {
            Some(4) => date.month() != shift(date, 7).month(),
            Some(wanted) => nth == wanted,
            None => false,
        }
    };
    days(from.max(window.first), to.min(window.last))
        .filter(|date| match kind {
            2 => {
                month == Some(i64::from(date.month0())) && month_day == Some(i64::from(date.day()))
            }
            3 => month == Some(i64::from(date.month0())) && nth_weekday(*date),
            4 => month_day == Some(i64::from(date.day())) && months_since(*date) % every == 0,
            5 => nth_weekday(*date) && months_since(*date) % every == 0,
            6 => {
                let bit = 1 << date.weekday().num_days_from_sunday();
                let week = |day: NaiveDate| {
                    (i64::from(day.num_days_from_ce())
                        - i64::from(day.weekday().num_days_from_sunday()))
                        / 7
                };
                days_of_week & bit != 0 && (week(*date) - week(from)) % every == 0
            }
            7 => (*date - from).num_days() % every == 0,
            _ => true,
        })
        .collect()
}

/// Runs of consecutive holidays, as (first, last) pairs.
pub(crate) fn holiday_runs(calendar: &Calendar) -> Vec<(NaiveDate, NaiveDate)> {
    let mut runs: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for day in &calendar.holidays {
        match runs.last_mut() {
            Some((_, last)) if shift(*last, 1) == *day => *last = *day,
            _ => runs.push((*day, *day)),
        }
    }
    runs
}
