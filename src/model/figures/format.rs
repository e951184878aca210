//! How figures become text: the [`Formatter`] the reports and health sentences write through,
//! and a plain default.
//!
//! The model decides every rounding (money once, to minor units; ratios to a [`Decimal`] with a
//! stated number of decimals) and the formatter only lays out digits, separators, currency and
//! dates. The UI passes a locale-aware formatter; [`PlainFormatter`] writes ISO dates and
//! "EUR 1,234.50". Words (sentences, labels) are not here: they live next to the figures they
//! describe, each in one place.

use crate::model::units::{Currency, Hours, Money};
use chrono::NaiveDate;

/// A number that is already rounded: `units / 10^decimals` (`Decimal { units: 86, decimals: 2 }`
/// is 0.86).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    /// The value in units of the last decimal place.
    pub units: i128,
    /// How many digits follow the decimal point.
    pub decimals: u32,
}

impl Decimal {
    /// The value as a float, for charts only.
    pub fn as_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(self.decimals as i32)
    }
}

/// Lays out figures the model has already rounded. Implemented by the UI for the user's locale.
pub trait Formatter {
    /// An amount in minor units of `currency`, e.g. "EUR 1,234.50".
    fn money(&self, amount: Money, currency: Currency) -> String;
    /// A calendar date, e.g. "2026-03-06".
    fn date(&self, date: NaiveDate) -> String;
    /// A plain number such as an index: "0.86".
    fn number(&self, value: Decimal) -> String;
    /// A percentage; `value` is in percent ("12.5" gives "12.5%").
    fn percent(&self, value: Decimal) -> String;
    /// An amount of work, e.g. "12.5 h".
    fn hours(&self, hours: Hours) -> String;
}

/// The default formatter: ISO dates, `.` as decimal point, `,` between thousands, the currency
/// code in front ("EUR 1,234.50", "EUR -0.05").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlainFormatter;

impl Formatter for PlainFormatter {
    fn money(&self, amount: Money, currency: Currency) -> String {
        let digits = amount.to_major_string(currency);
        let (sign, unsigned) = match digits.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", digits.as_str()),
        };
        let (whole, fraction) = match unsigned.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (unsigned, None),
        };
        let grouped = group_thousands(whole);
        match fraction {
            Some(fraction) => format!("{currency} {sign}{grouped}.{fraction}"),
            None => format!("{currency} {sign}{grouped}"),
        }
    }

    fn date(&self, date: NaiveDate) -> String {
        date.format("%Y-%m-%d").to_string()
    }

    fn number(&self, value: Decimal) -> String {
        plain_decimal(value)
    }

    fn percent(&self, value: Decimal) -> String {
        format!("{}%", plain_decimal(value))
    }

    fn hours(&self, hours: Hours) -> String {
        format!("{hours} h")
    }
}

/// `value` with `.` as decimal point and `,` between thousands: "-1,234.5".
pub fn plain_decimal(value: Decimal) -> String {
    let sign = if value.units < 0 { "-" } else { "" };
    let magnitude = value.units.unsigned_abs();
    let divisor = 10u128.pow(value.decimals.min(30));
    let whole = group_thousands(&(magnitude / divisor).to_string());
    if value.decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!(
            "{sign}{whole}.{:0width$}",
            magnitude % divisor,
            width = value.decimals as usize
        )
    }
}

/// "1234567" as "1,234,567"; expects ASCII digits only.
fn group_thousands(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_money_has_the_code_in_front_and_groups_thousands() {
        let format = PlainFormatter;
        assert_eq!(format.money(Money(123_450), Currency::EUR), "EUR 1,234.50");
        assert_eq!(format.money(Money(-5), Currency::EUR), "EUR -0.05");
        assert_eq!(
            format.money(Money(100_000_000), Currency::USD),
            "USD 1,000,000.00"
        );
        let yen = Currency::parse("JPY").expect("valid code");
        assert_eq!(format.money(Money(5_000), yen), "JPY 5,000");
    }

    #[test]
    fn plain_numbers_show_exactly_the_decimals_they_were_rounded_to() {
        let format = PlainFormatter;
        let number = |units, decimals| format.number(Decimal { units, decimals });
        assert_eq!(number(86, 2), "0.86");
        assert_eq!(number(-5, 2), "-0.05");
        assert_eq!(number(12_345, 1), "1,234.5");
        assert_eq!(number(7, 0), "7");
        assert_eq!(
            format.percent(Decimal {
                units: 125,
                decimals: 1
            }),
            "12.5%"
        );
        assert_eq!(format.hours(Hours::from_centi(1250)), "12.5 h");
        assert_eq!(
            format.date(NaiveDate::from_ymd_opt(2026, 3, 6).expect("a date")),
            "2026-03-06"
        );
    }
}
