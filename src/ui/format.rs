//! How figures read on screen: dates, money, hours and percentages.
//!
//! Pure functions over model values, so views never do date or money arithmetic themselves.

use crate::model::{Currency, Hours, Money};
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
}
