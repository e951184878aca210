//! Reading one cell's value: dates in the three orders and with English month names,
//! durations, estimates, percentages, yes/no, priorities and predecessor lists.
//!
//! Each reader returns `None` (or an error kind) for text it cannot read; the importer turns
//! that into a row problem. Times of day are ignored: Ironplan plans in whole days.

use super::import::ProblemKind;
use crate::model::calendar::date_in_range;
use crate::model::{Hours, LinkKind, Priority, Progress};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The order of day, month and year in numeric dates such as 03/04/2026.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// 2026-04-03.
    YearMonthDay,
    /// 04/03/2026, as in the United States.
    MonthDayYear,
    /// 03/04/2026, as in most of Europe.
    DayMonthYear,
}

impl DateFormat {
    /// Every format, in the order the "Date format" select offers them.
    pub const ALL: [DateFormat; 3] = [
        DateFormat::YearMonthDay,
        DateFormat::MonthDayYear,
        DateFormat::DayMonthYear,
    ];

    /// The English label of the select option.
    pub fn label(self) -> &'static str {
        match self {
            DateFormat::YearMonthDay => "Year-month-day",
            DateFormat::MonthDayYear => "Month/day/year",
            DateFormat::DayMonthYear => "Day/month/year",
        }
    }

    /// The stable key used in form values.
    pub fn key(self) -> &'static str {
        match self {
            DateFormat::YearMonthDay => "year_month_day",
            DateFormat::MonthDayYear => "month_day_year",
            DateFormat::DayMonthYear => "day_month_year",
        }
    }

    /// The format whose [`DateFormat::key`] is `key`.
    pub fn from_key(key: &str) -> Option<DateFormat> {
        DateFormat::ALL
            .into_iter()
            .find(|format| format.key() == key)
    }
}

/// What the dates in a file say about their format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateGuess {
    /// The format that reads every numeric date, or the one most dates need; `None` when the
    /// dates fit both day-month orders equally (every part 12 or less).
    pub format: Option<DateFormat>,
    /// True when the user must choose, because the dates could be read either way.
    pub ambiguous: bool,
}

/// One date cell split into parts, before the day-month order is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateShape {
    /// Year first, or a month name: readable in any format.
    Fixed(NaiveDate),
    /// Two numbers then a year; which number is the day depends on the format.
    Numeric { first: u32, second: u32, year: i32 },
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The month (1 to 12) of an English month name or abbreviation ("Mar", "March", "Sept").
fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    let lower = lower.trim_end_matches('.');
    let position = MONTHS.iter().position(|month| {
        lower.starts_with(month)
            && (lower.len() == 3
                || "january february march april may june july august september october november december"
                    .split(' ')
                    .any(|full| full == lower)
                || lower == "sept")
    })?;
    Some(position as u32 + 1)
}

/// True for an English weekday name or abbreviation.
fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    word.len() >= 3 && DAYS.iter().any(|day| day.starts_with(word))
}

/// A year written with two digits: 00 to 68 are 2000 to 2068, the rest 1969 to 1999.
fn full_year(text: &str) -> Option<i32> {
    let value: i32 = text.parse().ok()?;
    match text.len() {
        2 if value < 69 => Some(2000 + value),
        2 => Some(1900 + value),
        4 => Some(value),
        _ => None,
    }
}

/// Splits a date cell into its parts, dropping a time of day ("9:12 AM", "T09:00:00Z").
fn shape(text: &str) -> Option<DateShape> {
    let text = text.trim();
    let date_part = match text.find('T') {
        // ISO 8601 date-times: "2026-01-05T09:00:00".
        Some(at) if at >= 8 && text[..at].bytes().all(|b| b.is_ascii_digit() || b == b'-') => {
            &text[..at]
        }
        _ => text,
    };
    let mut words = Vec::new();
    for word in date_part.split_whitespace() {
        let lower = word.to_lowercase();
        if word.contains(':') || lower == "am" || lower == "pm" {
            break;
        }
        // MS Project writes the weekday first: "Mon 1/5/26".
        if words.is_empty() && is_weekday(lower.trim_end_matches([',', '.'])) {
            continue;
        }
        words.push(word);
    }
    let parts: Vec<&str> = words
        .iter()
        .flat_map(|word| word.split(['/', '-', '.', ',']))
        .filter(|part| !part.is_empty())
        .collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    fn number(part: &str) -> Option<&str> {
        part.bytes().all(|b| b.is_ascii_digit()).then_some(part)
    }
    let day = |part: &str| number(part)?.parse::<u32>().ok();
    let date = |year: i32, month: u32, day: u32| {
        NaiveDate::from_ymd_opt(year, month, day).filter(|date| date_in_range(*date))
    };
    if let Some(month) = month_number(b).filter(|_| number(b).is_none()) {
        // "05/Mar/27" (Jira), "5 Mar 2026", "2026-Mar-05".
        return if a.len() == 4 {
            date(full_year(a)?, month, day(c)?)
        } else {
            date(full_year(number(c)?)?, month, day(a)?)
        }
        .map(DateShape::Fixed);
    }
    if let Some(month) = month_number(a).filter(|_| number(a).is_none()) {
        // "Mar 5, 2026", "March 5 2026".
        return date(full_year(number(c)?)?, month, day(b)?).map(DateShape::Fixed);
    }
    let (a, b, c) = (number(a)?, number(b)?, number(c)?);
    if a.len() == 4 {
        return date(full_year(a)?, b.parse().ok()?, c.parse().ok()?).map(DateShape::Fixed);
    }
    if a.len() > 2 || b.len() > 2 {
        return None;
    }
    Some(DateShape::Numeric {
        first: a.parse().ok()?,
        second: b.parse().ok()?,
        year: full_year(c)?,
    })
}

/// Reads a date cell in `format`. A year-first or month-name date reads the same in every
/// format; a numeric date needs the day-month order, and `None` for `format` leaves it
/// unreadable. Returns the problem when the text is not a date.
pub fn parse_date(text: &str, format: Option<DateFormat>) -> Result<NaiveDate, ProblemKind> {
    let bad = || ProblemKind::BadDate {
        text: text.trim().to_string(),
    };
    match shape(text).ok_or_else(bad)? {
        DateShape::Fixed(date) => Ok(date),
        DateShape::Numeric {
            first,
            second,
            year,
        } => {
            let (month, day) = match format {
                Some(DateFormat::MonthDayYear) => (first, second),
                Some(DateFormat::DayMonthYear) => (second, first),
                Some(DateFormat::YearMonthDay) => return Err(bad()),
                None => {
                    return Err(ProblemKind::AmbiguousDate {
                        text: text.trim().to_string(),
                    })
                }
            };
            NaiveDate::from_ymd_opt(year, month, day)
                .filter(|date| date_in_range(*date))
                .ok_or_else(bad)
        }
    }
}

/// Reads a date or a range "2026-01-05 - 2026-01-09" (monday.com's Timeline), as
/// `(start, end)`; a single date is both.
pub fn parse_date_range(
    text: &str,
    format: Option<DateFormat>,
) -> Result<(NaiveDate, NaiveDate), ProblemKind> {
    if let Some((from, to)) = text.split_once(" - ") {
        let start = parse_date(from, format)?;
        let end = parse_date(to, format)?;
        return Ok((start, end));
    }
    let date = parse_date(text, format)?;
    Ok((date, date))
}

/// Guesses the day-month order from every date cell in `values` (ranges included). Year-first
/// and month-name dates say nothing; a first number over 12 means day first, a second number
/// over 12 means month first. When both orders are seen, the one more dates need wins (the
/// others become row problems). No numeric date at all gives year-month-day.
pub fn guess_date_format<'a>(values: impl IntoIterator<Item = &'a str>) -> DateGuess {
    let (mut day_first, mut month_first, mut either) = (0usize, 0usize, 0usize);
    for value in values {
        for part in value.split(" - ") {
            if let Some(DateShape::Numeric { first, second, .. }) = shape(part) {
                match (first > 12, second > 12) {
                    (true, false) => day_first += 1,
                    (false, true) => month_first += 1,
                    (false, false) => either += 1,
                    (true, true) => {}
                }
            }
        }
    }
    let format = match (day_first, month_first) {
        (0, 0) if either > 0 => None,
        (0, 0) => Some(DateFormat::YearMonthDay),
        (day, month) if day > month => Some(DateFormat::DayMonthYear),
        _ => Some(DateFormat::MonthDayYear),
    };
    DateGuess {
        format,
        ambiguous: format.is_none(),
    }
}

/// Splits "1w 2d 4h", "3 days", "2.5h" into (amount, unit) pairs; a bare number has unit "".
fn amounts(text: &str) -> Option<Vec<(f64, String)>> {
    let text = text.trim().trim_end_matches('?').to_lowercase();
    let mut pairs = Vec::new();
    let mut rest = text.as_str();
    while !rest.trim().is_empty() {
        rest = rest.trim_start();
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        if number_end == 0 {
            return None;
        }
        let amount: f64 = rest[..number_end].replace(',', ".").parse().ok()?;
        rest = rest[number_end..].trim_start();
        let unit_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        pairs.push((amount, rest[..unit_end].to_string()));
        rest = &rest[unit_end..];
    }
    (!pairs.is_empty()).then_some(pairs)
}

/// Hours in one unit of a span: a working day is 8 hours, a week 5 days, a month 20 days.
fn unit_hours(unit: &str, bare: f64) -> Option<f64> {
    Some(match unit {
        "" => bare,
        "m" | "min" | "mins" | "minute" | "minutes" => 1.0 / 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 1.0,
        "d" | "day" | "days" | "ed" | "eday" | "edays" => 8.0,
        "w" | "wk" | "wks" | "week" | "weeks" | "ew" | "ewk" | "ewks" => 40.0,
        "mo" | "mon" | "mons" | "month" | "months" | "emo" => 160.0,
        _ => return None,
    })
}

/// A duration in working days, rounded up to whole days: "3d", "2w", "4h" (one day), "5 days",
/// "3 days?" (MS Project's estimated durations); a bare number is days.
pub fn parse_duration(text: &str) -> Option<u32> {
    let hours: f64 = amounts(text)?
        .into_iter()
        .map(|(amount, unit)| Some(amount * unit_hours(&unit, 8.0)?))
        .sum::<Option<f64>>()?;
    let days = (hours / 8.0 - 1e-9).ceil().max(0.0);
    (days <= 100_000.0).then_some(days as u32)
}

/// An estimate: hours, or a span with units ("1w 2d 4h", "40 hrs"); with `seconds`, a bare
/// number counts seconds, as Jira writes them.
pub fn parse_estimate(text: &str, seconds: bool) -> Option<Hours> {
    let bare = if seconds { 1.0 / 3600.0 } else { 1.0 };
    let hours: f64 = amounts(text)?
        .into_iter()
        .map(|(amount, unit)| {
            let unit = if seconds && matches!(unit.as_str(), "s" | "sec" | "secs") {
                ""
            } else {
                unit.as_str()
            };
            Some(amount * unit_hours(unit, bare)?)
        })
        .sum::<Option<f64>>()?;
    Hours::from_f64((hours * 100.0).round() / 100.0).ok()
}

/// Progress: "50%", "50", or a fraction with a decimal point ("0.5", "1.0").
pub fn parse_progress(text: &str) -> Option<Progress> {
    let text = text.trim();
    let (number, percent) = match text.strip_suffix('%') {
        Some(number) => (number.trim(), true),
        None => (text, false),
    };
    let value: f64 = number.replace(',', ".").parse().ok()?;
    let value = if !percent && number.contains(['.', ',']) && value <= 1.0 {
        value * 100.0
    } else {
        value
    };
    Progress::new(value.round() as i64).ok()
}

/// Yes or no: "yes", "true", "1", "x", "y", "✓" are yes; "no", "false", "0", "n" and blank no.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "true" | "1" | "x" | "y" | "✓" | "✔" | "checked" => Some(true),
        "no" | "false" | "0" | "n" | "" | "unchecked" => Some(false),
        _ => None,
    }
}

/// A priority from the words trackers use: Jira's Lowest to Highest (and Blocker, Critical,
/// Major, Minor, Trivial), P1 to P5, and Ironplan's own.
pub fn parse_priority(text: &str) -> Option<Priority> {
    Some(match text.trim().to_lowercase().as_str() {
        "lowest" | "low" | "minor" | "trivial" | "p4" | "p5" => Priority::Low,
        "medium" | "normal" | "moderate" | "p3" => Priority::Medium,
        "high" | "major" | "p2" => Priority::High,
        "highest" | "urgent" | "critical" | "blocker" | "p1" | "p0" => Priority::Urgent,
        _ => return None,
    })
}

/// One entry of a predecessor list: what it names and how it is tied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PredecessorRef {
    /// A row number or an ID, as written.
    pub key: String,
    pub kind: LinkKind,
    /// Working days; negative for a lead.
    pub lag: i32,
}

/// Reads "3FS+2d", "5SS", "4", "PROJ-7FF-1d". `is_key` says whether a text names a task as
/// it stands, so that a key that looks like a link ("PROJ-12") is taken whole.
pub fn parse_predecessor(text: &str, is_key: &dyn Fn(&str) -> bool) -> Option<PredecessorRef> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let whole = || PredecessorRef {
        key: text.to_string(),
        kind: LinkKind::FinishToStart,
        lag: 0,
    };
    if is_key(text) {
        return Some(whole());
    }
    let upper = text.to_uppercase();
    // The last link type in the text splits the key from the lag.
    let typed = ["FS", "SS", "FF", "SF"]
        .iter()
        .filter_map(|kind| upper.rfind(kind).map(|at| (at, *kind)))
        .max_by_key(|(at, _)| *at)
        .filter(|(at, _)| *at > 0);
    let (key, kind, lag_text) = match typed {
        Some((at, kind)) => (
            &text[..at],
            LinkKind::from_abbreviation(kind).unwrap_or_default(),
            &text[at + 2..],
        ),
        None => match text.rfind(['+', '-']).filter(|at| *at > 0) {
            Some(at) => (&text[..at], LinkKind::FinishToStart, &text[at..]),
            None => return Some(whole()),
        },
    };
    let lag = parse_lag(lag_text)?;
    Some(PredecessorRef {
        key: key.trim().to_string(),
        kind,
        lag,
    })
}

/// A lag such as "+2d", "-1 day", "+1w", "" (none), in working days.
fn parse_lag(text: &str) -> Option<i32> {
    let text = text.trim();
    if text.is_empty() {
        return Some(0);
    }
    let (sign, rest) = match text.as_bytes()[0] {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let hours: f64 = amounts(rest)?
        .into_iter()
        .map(|(amount, unit)| Some(amount * unit_hours(&unit, 8.0)?))
        .sum::<Option<f64>>()?;
    let days = (hours / 8.0).round();
    (days <= 100_000.0).then_some(sign * days as i32)
}

/// Splits a list cell on commas and semicolons, trimming and dropping blanks.
pub fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
}
