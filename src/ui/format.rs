//! How figures read on screen: dates, money, hours, numbers and percentages, in the browser's
//! locale, and the locale's first day of the week.
//!
//! In the browser every function lays out through `Intl` (`DateTimeFormat`, `NumberFormat`,
//! `Locale`), with the formatter objects built once per thread and kept. On the host, and if
//! `Intl` ever refuses, each has a pure fallback ("3 Mar 2027", "EUR 12,500.50", Monday weeks),
//! which the host tests pin down. The model has already rounded every figure (money once, to
//! minor units; ratios to a [`Decimal`]): this module only lays out digits, separators,
//! currency and dates, passing exact decimal strings to `Intl` so nothing is rounded twice.
//! Views never do date or money arithmetic themselves. Left out: words and sentences, which
//! live in `messages` and next to the figures they describe.

use crate::model::format::plain_decimal;
use crate::model::{Currency, Decimal, Formatter, Hours, Money};
use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A date in the locale's medium style: "Mar 3, 2027" (en-US), "03.03.2027" (de-DE).
pub fn date(date: NaiveDate) -> String {
    intl::date(date).unwrap_or_else(|| plain_date(date))
}

/// A day of a week as a column heading, without the year: "Wed, Mar 3" (en-US), "Mi., 3. März"
/// (de-DE).
pub fn day_heading(day: NaiveDate) -> String {
    intl::day_heading(day).unwrap_or_else(|| plain_day_heading(day))
}

/// A date in full, with its weekday: "Wednesday, March 3, 2027" (en-US), "Mittwoch, 3. März
/// 2027" (de-DE). Names the Calendar's days.
pub fn full_date(date: NaiveDate) -> String {
    intl::full_date(date).unwrap_or_else(|| date.format("%A, %-d %B %Y").to_string())
}

/// A weekday's short name, for column headings: "Wed" (en-US), "Mi." (de-DE).
pub fn weekday_short(day: NaiveDate) -> String {
    intl::weekday_short(day)
        .unwrap_or_else(|| WEEKDAYS[day.weekday().num_days_from_monday() as usize].to_string())
}

/// Which calendar label a Timeline header cell shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CalendarLabel {
    /// A month with its year: "January 2027" (en-US), "Januar 2027" (de-DE).
    MonthYear,
    /// A month alone, short: "Jan", "Jan." (de-DE).
    Month,
    /// A day and its month, short: "Jan 4" (en-US), "4. Jan." (de-DE).
    DayMonth,
}

/// The header label of the month, or day, that `date` stands for, in the locale's words.
pub fn calendar_label(date: NaiveDate, label: CalendarLabel) -> String {
    intl::calendar_label(date, label).unwrap_or_else(|| match label {
        CalendarLabel::MonthYear => date.format("%B %Y").to_string(),
        CalendarLabel::Month => MONTHS[date.month0() as usize].to_string(),
        CalendarLabel::DayMonth => format!("{} {}", date.day(), MONTHS[date.month0() as usize]),
    })
}

/// A date as an `<input type="date">` value: `2027-03-03`.
pub fn date_input(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// An optional date, or an em dash.
pub fn maybe_date(value: Option<NaiveDate>) -> String {
    value.map(date).unwrap_or_else(|| "—".to_string())
}

/// Money in `currency`, laid out for the locale: "€12,500.50" (en-US), "12.500,50 €" (de-DE).
/// The amount is already whole minor units, so the only rounding was the model's.
pub fn money(amount: Money, currency: Currency) -> String {
    intl::money(amount, currency).unwrap_or_else(|| plain_money(amount, currency))
}

/// Hours as "12.5 h" ("12,5 h" in de-DE).
pub fn hours(value: Hours) -> String {
    let number = intl::decimal(&value.to_string(), 0, 2).unwrap_or_else(|| value.to_string());
    format!("{number} h")
}

/// Total float in a table cell: "3 d", or "–" when the task does not lead to the finish.
pub fn float_short(days: Option<i32>) -> String {
    days.map_or_else(|| "–".to_string(), |days| format!("{days} d"))
}

/// True when a task is on the critical path: flagged critical, or zero float or less.
pub fn is_critical(days: Option<i32>, critical: bool) -> bool {
    critical || days.is_some_and(|days| days <= 0)
}

/// Total float (slack) as MS Project shows it: "3 working days"; zero or less is critical.
/// `None` when the task does not lead to the project's finish.
pub fn float_days(days: Option<i32>, critical: bool) -> String {
    match days {
        None => "none (the task does not lead to the finish)".to_string(),
        Some(days) => {
            let unit = if days.abs() == 1 {
                "working day"
            } else {
                "working days"
            };
            let days_text =
                intl::decimal(&days.to_string(), 0, 0).unwrap_or_else(|| days.to_string());
            if critical || days <= 0 {
                format!("{days_text} {unit} (critical)")
            } else {
                format!("{days_text} {unit}")
            }
        }
    }
}

/// A whole percentage: "40%" (en-US), "40 %" (de-DE).
pub fn percent(value: u8) -> String {
    let fraction = decimal_text(i128::from(value), 2);
    intl::percent(&fraction, 0).unwrap_or_else(|| format!("{value}%"))
}

/// Hours with up to two decimals, as typed into a field: "2.5".
pub fn hours_input(value: Hours) -> String {
    value.to_string()
}

/// The first day of the week in the browser's locale: Sunday in en-US, Monday in de-DE (and
/// Monday, as in ISO 8601, where the locale does not say).
pub fn week_start() -> Weekday {
    intl::week_start().unwrap_or(Weekday::Mon)
}

/// The day `Intl.Locale#getWeekInfo` numbers `first_day` (1 is Monday, 7 is Sunday). Used by
/// the browser's `intl`; the host has no week info, only this test of the mapping.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn weekday_from_iso_number(first_day: u32) -> Option<Weekday> {
    match first_day {
        1..=7 => Weekday::try_from((first_day - 1) as u8).ok(),
        _ => None,
    }
}

/// `units / 10^decimals` as plain decimal text without grouping ("-0.05", "1234.5"), which
/// `Intl.NumberFormat` reads exactly.
fn decimal_text(units: i128, decimals: u32) -> String {
    let sign = if units < 0 { "-" } else { "" };
    let magnitude = units.unsigned_abs();
    let decimals = decimals.min(30);
    if decimals == 0 {
        return format!("{sign}{magnitude}");
    }
    let divisor = 10u128.pow(decimals);
    format!(
        "{sign}{}.{:0width$}",
        magnitude / divisor,
        magnitude % divisor,
        width = decimals as usize
    )
}

/// The fallback date: "3 Mar 2027".
fn plain_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// The fallback day heading: "Wed 3 Mar".
fn plain_day_heading(day: NaiveDate) -> String {
    format!(
        "{} {} {}",
        WEEKDAYS[day.weekday().num_days_from_monday() as usize],
        day.day(),
        MONTHS[day.month0() as usize]
    )
}

/// The fallback money: the currency code and digit grouping, "EUR 12,500.00".
fn plain_money(amount: Money, currency: Currency) -> String {
    let plain = amount.to_major_string(currency);
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if fraction.is_empty() {
        format!("{sign}{currency} {grouped}")
    } else {
        format!("{sign}{currency} {grouped}.{fraction}")
    }
}

/// The model's figures as the screen shows them, in the browser's locale: dates, money with the
/// project's currency, numbers and percentages. Used for health sentences and the status report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UiFormatter;

impl Formatter for UiFormatter {
    fn money(&self, amount: Money, currency: Currency) -> String {
        money(amount, currency)
    }

    fn date(&self, value: NaiveDate) -> String {
        date(value)
    }

    fn number(&self, value: Decimal) -> String {
        intl::decimal(
            &decimal_text(value.units, value.decimals),
            value.decimals,
            value.decimals,
        )
        .unwrap_or_else(|| plain_decimal(value))
    }

    fn percent(&self, value: Decimal) -> String {
        // `value` is in percent; Intl's percent style multiplies by 100.
        intl::percent(
            &decimal_text(value.units, value.decimals + 2),
            value.decimals,
        )
        .unwrap_or_else(|| format!("{}%", plain_decimal(value)))
    }

    fn hours(&self, value: Hours) -> String {
        hours(value)
    }
}

/// The browser's `Intl`, with its formatter objects built once and kept for the thread.
#[cfg(target_arch = "wasm32")]
mod intl {
    use super::{decimal_text, weekday_from_iso_number, CalendarLabel};
    use crate::model::{Currency, Money};
    use chrono::{Datelike, NaiveDate, Weekday};
    use js_sys::{Array, Function, Intl, JsString, Object, Reflect};
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wasm_bindgen::JsValue;

    /// Which `Intl.NumberFormat` a figure needs.
    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    enum NumberStyle {
        /// Plain digits with `minimum..=maximum` fraction digits.
        Decimal { minimum: u32, maximum: u32 },
        /// A percentage with exactly this many fraction digits.
        Percent { decimals: u32 },
        /// Money in this currency, with exactly its minor-unit digits.
        Money(Currency),
    }

    thread_local! {
        static MEDIUM_DATE: Option<Function> = date_format(&[("dateStyle", "medium")]);
        static DAY_HEADING: Option<Function> =
            date_format(&[("weekday", "short"), ("day", "numeric"), ("month", "short")]);
        static FULL_DATE: Option<Function> = date_format(&[("dateStyle", "full")]);
        static WEEKDAY: Option<Function> = date_format(&[("weekday", "short")]);
        static MONTH_YEAR: Option<Function> = date_format(&[("month", "long"), ("year", "numeric")]);
        static MONTH: Option<Function> = date_format(&[("month", "short")]);
        static DAY_MONTH: Option<Function> = date_format(&[("day", "numeric"), ("month", "short")]);
        static NUMBERS: RefCell<HashMap<NumberStyle, Option<Function>>> =
            RefCell::new(HashMap::new());
        static WEEK_START: Option<Weekday> = first_day_of_week();
    }

    /// An options object from string pairs.
    fn options(pairs: &[(&str, &str)]) -> Object {
        let options = Object::new();
        for (key, value) in pairs {
            let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
        }
        options
    }

    /// Sets a numeric option.
    fn set_number(options: &Object, key: &str, value: u32) {
        let _ = Reflect::set(options, &JsValue::from_str(key), &JsValue::from(value));
    }

    /// The bound `format` function of a `DateTimeFormat` for the default locale, in UTC: a
    /// `NaiveDate` is a calendar day, so it must not move with the time zone.
    fn date_format(pairs: &[(&str, &str)]) -> Option<Function> {
        let options = options(pairs);
        let _ = Reflect::set(
            &options,
            &JsValue::from_str("timeZone"),
            &JsValue::from_str("UTC"),
        );
        let formatter = Intl::DateTimeFormat::new(&Array::new(), &options);
        Some(formatter.format())
    }

    /// The bound `format` function of a `NumberFormat` for the default locale.
    fn number_format(style: NumberStyle) -> Option<Function> {
        let options = match style {
            NumberStyle::Decimal { minimum, maximum } => {
                let options = Object::new();
                set_number(&options, "minimumFractionDigits", minimum);
                set_number(&options, "maximumFractionDigits", maximum);
                options
            }
            NumberStyle::Percent { decimals } => {
                let options = options(&[("style", "percent")]);
                set_number(&options, "minimumFractionDigits", decimals);
                set_number(&options, "maximumFractionDigits", decimals);
                options
            }
            NumberStyle::Money(currency) => {
                let options = options(&[("style", "currency"), ("currency", currency.code())]);
                set_number(&options, "minimumFractionDigits", currency.minor_digits());
                set_number(&options, "maximumFractionDigits", currency.minor_digits());
                options
            }
        };
        Some(Intl::NumberFormat::new(&Array::new(), &options).format())
    }

    /// Calls a bound `format` function, or `None` if it throws or returns no string.
    fn call(format: &Function, value: &JsValue) -> Option<String> {
        format
            .call1(&JsValue::UNDEFINED, value)
            .ok()
            .and_then(|text| text.as_string())
    }

    /// Formats exact decimal text (never a float) with the cached formatter for `style`.
    fn number(style: NumberStyle, text: &str) -> Option<String> {
        remembered(&FIGURES, (style, text.to_string()), || {
            NUMBERS.with(|numbers| {
                let mut numbers = numbers.borrow_mut();
                let format = numbers
                    .entry(style)
                    .or_insert_with(|| number_format(style))
                    .as_ref()?;
                call(format, &JsString::from(text).into())
            })
        })
    }

    /// Midnight UTC of `date`, as a JS `Date`.
    fn js_date(date: NaiveDate) -> JsValue {
        let millis = js_sys::Date::utc(f64::from(date.year()), f64::from(date.month0()));
        // `Date.UTC(year, month)` is the first of the month; add the days.
        let millis = millis + f64::from(date.day0()) * 86_400_000.0;
        js_sys::Date::new(&JsValue::from_f64(millis)).into()
    }

    /// Which date formatter a text comes from.
    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    enum DayStyle {
        Medium,
        Heading,
        Full,
        Weekday,
        MonthYear,
        Month,
        DayMonth,
    }

    /// Texts already formatted are kept, up to this many of each kind: the Timeline formats the
    /// same days and figures again for every row that scrolls in, and each call into `Intl`
    /// costs more than a lookup.
    const REMEMBERED: usize = 4096;

    thread_local! {
        static DAYS: RefCell<HashMap<(DayStyle, NaiveDate), String>> = RefCell::new(HashMap::new());
        static FIGURES: RefCell<HashMap<(NumberStyle, String), String>> =
            RefCell::new(HashMap::new());
    }

    /// The text kept for `key` in `texts`, or the one `format` gives, then kept.
    fn remembered<K: std::hash::Hash + Eq>(
        texts: &'static std::thread::LocalKey<RefCell<HashMap<K, String>>>,
        key: K,
        format: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        if let Some(text) = texts.with(|texts| texts.borrow().get(&key).cloned()) {
            return Some(text);
        }
        let text = format()?;
        texts.with(|texts| {
            let mut texts = texts.borrow_mut();
            if texts.len() >= REMEMBERED {
                texts.clear();
            }
            texts.insert(key, text.clone());
        });
        Some(text)
    }

    /// `date` in `style`.
    fn day(style: DayStyle, date: NaiveDate) -> Option<String> {
        remembered(&DAYS, (style, date), || {
            let format = |format: &Option<Function>| call(format.as_ref()?, &js_date(date));
            match style {
                DayStyle::Medium => MEDIUM_DATE.with(format),
                DayStyle::Heading => DAY_HEADING.with(format),
                DayStyle::Full => FULL_DATE.with(format),
                DayStyle::Weekday => WEEKDAY.with(format),
                DayStyle::MonthYear => MONTH_YEAR.with(format),
                DayStyle::Month => MONTH.with(format),
                DayStyle::DayMonth => DAY_MONTH.with(format),
            }
        })
    }

    pub fn date(date: NaiveDate) -> Option<String> {
        day(DayStyle::Medium, date)
    }

    pub fn day_heading(date: NaiveDate) -> Option<String> {
        day(DayStyle::Heading, date)
    }

    pub fn full_date(date: NaiveDate) -> Option<String> {
        day(DayStyle::Full, date)
    }

    pub fn weekday_short(date: NaiveDate) -> Option<String> {
        day(DayStyle::Weekday, date)
    }

    pub fn calendar_label(date: NaiveDate, label: CalendarLabel) -> Option<String> {
        let style = match label {
            CalendarLabel::MonthYear => DayStyle::MonthYear,
            CalendarLabel::Month => DayStyle::Month,
            CalendarLabel::DayMonth => DayStyle::DayMonth,
        };
        day(style, date)
    }

    pub fn money(amount: Money, currency: Currency) -> Option<String> {
        number(
            NumberStyle::Money(currency),
            &decimal_text(i128::from(amount.minor()), currency.minor_digits()),
        )
    }

    pub fn decimal(text: &str, minimum: u32, maximum: u32) -> Option<String> {
        number(NumberStyle::Decimal { minimum, maximum }, text)
    }

    pub fn percent(fraction: &str, decimals: u32) -> Option<String> {
        number(NumberStyle::Percent { decimals }, fraction)
    }

    pub fn week_start() -> Option<Weekday> {
        WEEK_START.with(|day| *day)
    }

    /// `new Intl.Locale(locale).getWeekInfo?.().firstDay ?? weekInfo.firstDay` for the locale the
    /// formatters use (the browser's language, as `Intl` resolved it).
    fn first_day_of_week() -> Option<Weekday> {
        let resolved = Intl::DateTimeFormat::new(&Array::new(), &Object::new()).resolved_options();
        let tag = Reflect::get(&resolved, &JsValue::from_str("locale"))
            .ok()?
            .as_string()?;
        let locale = Intl::Locale::new(&tag).ok()?;
        let info: JsValue = match locale.get_week_info() {
            Ok(info) => info.into(),
            Err(_) => Reflect::get(&locale, &JsValue::from_str("weekInfo")).ok()?,
        };
        let first_day = Reflect::get(&info, &JsValue::from_str("firstDay"))
            .ok()?
            .as_f64()?;
        weekday_from_iso_number(first_day as u32)
    }
}

/// On the host there is no `Intl`: every figure takes its pure fallback.
#[cfg(not(target_arch = "wasm32"))]
mod intl {
    use crate::model::{Currency, Money};
    use chrono::{NaiveDate, Weekday};

    pub fn date(_date: NaiveDate) -> Option<String> {
        None
    }

    pub fn day_heading(_day: NaiveDate) -> Option<String> {
        None
    }

    pub fn full_date(_date: NaiveDate) -> Option<String> {
        None
    }

    pub fn weekday_short(_day: NaiveDate) -> Option<String> {
        None
    }

    pub fn calendar_label(_date: NaiveDate, _label: super::CalendarLabel) -> Option<String> {
        None
    }

    pub fn money(_amount: Money, _currency: Currency) -> Option<String> {
        None
    }

    pub fn decimal(_text: &str, _minimum: u32, _maximum: u32) -> Option<String> {
        None
    }

    pub fn percent(_fraction: &str, _decimals: u32) -> Option<String> {
        None
    }

    pub fn week_start() -> Option<Weekday> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_with_its_currency() {
        assert_eq!(money(Money(1_250_050), Currency::EUR), "EUR 12,500.50");
        assert_eq!(money(Money(-99), Currency::USD), "-USD 0.99");
        assert_eq!(money(Money(100_000_000), Currency::USD), "USD 1,000,000.00");
    }

    #[test]
    fn dates_are_short_and_unambiguous() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 3).expect("valid date");
        assert_eq!(date(day), "3 Mar 2027");
        assert_eq!(day_heading(day), "Wed 3 Mar");
        assert_eq!(date_input(day), "2027-03-03");
        assert_eq!(full_date(day), "Wednesday, 3 March 2027");
        assert_eq!(weekday_short(day), "Wed");
    }

    #[test]
    fn hours_and_percentages_keep_their_unit() {
        assert_eq!(hours(Hours::from_centi(1250)), "12.5 h");
        assert_eq!(percent(40), "40%");
    }

    #[test]
    fn decimal_text_is_exact_and_ungrouped() {
        assert_eq!(decimal_text(123_450, 2), "1234.50");
        assert_eq!(decimal_text(-5, 2), "-0.05");
        assert_eq!(decimal_text(40, 2), "0.40");
        assert_eq!(decimal_text(125, 3), "0.125");
        assert_eq!(decimal_text(7, 0), "7");
    }

    #[test]
    fn week_info_numbers_map_to_weekdays() {
        assert_eq!(weekday_from_iso_number(1), Some(Weekday::Mon));
        assert_eq!(weekday_from_iso_number(6), Some(Weekday::Sat));
        assert_eq!(weekday_from_iso_number(7), Some(Weekday::Sun));
        assert_eq!(weekday_from_iso_number(0), None);
        assert_eq!(weekday_from_iso_number(8), None);
        assert_eq!(week_start(), Weekday::Mon);
    }

    #[test]
    fn the_ui_formatter_writes_what_the_screen_shows() {
        let format = UiFormatter;
        let day = NaiveDate::from_ymd_opt(2027, 3, 3).expect("valid date");
        assert_eq!(Formatter::date(&format, day), "3 Mar 2027");
        assert_eq!(
            Formatter::money(&format, Money(1_250_050), Currency::EUR),
            "EUR 12,500.50"
        );
        let cpi = Decimal {
            units: 86,
            decimals: 2,
        };
        assert_eq!(format.number(cpi), "0.86");
        assert_eq!(format.percent(cpi), "0.86%");
        assert_eq!(Formatter::hours(&format, Hours::from_centi(250)), "2.5 h");
    }
}
