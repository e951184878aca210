//! How figures read on screen: dates, money, hours and percentages.
//!
//! Pure functions over model values, so views never do date or money arithmetic themselves.

use crate::model::format::plain_decimal;
use crate::model::{Currency, Decimal, Formatter, Hours, Money};
use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A short date such as "3 Mar 2027".
pub fn date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// A date as an `<input type="date">` value: `2027-03-03`.
pub fn date_input(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// An optional date, or an em dash.
pub fn maybe_date(value: Option<NaiveDate>) -> String {
    value.map(date).unwrap_or_else(|| "—".to_string())
}

/// Money with its currency code and digit grouping: "EUR 12,500.00". Rounded once, here.
pub fn money(amount: Money, currency: Currency) -> String {
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

/// Hours as "12.5 h".
pub fn hours(value: Hours) -> String {
    format!("{value} h")
}

/// Percent as "40 %".
pub fn percent(value: u8) -> String {
    format!("{value} %")
}

/// Hours with up to two decimals, as typed into a field: "2.5".
pub fn hours_input(value: Hours) -> String {
    value.to_string()
}

/// The model's figures as the screen shows them: short dates ("3 Mar 2027"), grouped money with
/// its currency code, "." as decimal point. Used for health sentences and the status report.
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
        plain_decimal(value)
    }

    fn percent(&self, value: Decimal) -> String {
        format!("{}%", plain_decimal(value))
    }

    fn hours(&self, value: Hours) -> String {
        hours(value)
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
        assert_eq!(date_input(day), "2027-03-03");
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
