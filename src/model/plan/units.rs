//! Quantities with units: money, hours and percent.
//!
//! Money is integer minor units of an ISO 4217 currency and never a float. Hours are stored in
//! hundredths so that sums and costs stay exact. Rounding to what people read happens once, in
//! the UI's formatting.

use schemars::JsonSchema;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An amount of money in minor units (cents for EUR and USD, yen for JPY). Never a float.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(transparent)]
pub struct Money(pub i64);

impl Money {
    /// No money.
    pub const ZERO: Money = Money(0);

    /// The amount in minor units.
    pub fn minor(self) -> i64 {
        self.0
    }

    /// Parses an amount typed in major units ("12,500.50", "1200", "99.9") for `currency`.
    /// Group separators (`,`, `'`, `_`, spaces) are ignored, `.` is the decimal point, and
    /// more decimals than the currency has are refused rather than rounded away.
    pub fn parse_major(text: &str, currency: Currency) -> Result<Money, MoneyParseError> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ',' | '\'' | '_' | ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        if cleaned.is_empty() {
            return Err(MoneyParseError::Empty);
        }
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let valid = |part: &str| part.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !valid(whole) || !valid(fraction) {
            return Err(MoneyParseError::NotANumber);
        }
        let scale = currency.minor_digits();
        if fraction.len() > scale as usize {
            return Err(MoneyParseError::TooManyDecimals { allowed: scale });
        }
        let mut minor: i64 = 0;
        for digit in whole.chars().chain(fraction.chars()) {
            minor = minor
                .checked_mul(10)
                .and_then(|value| value.checked_add(i64::from(digit as u8 - b'0')))
                .ok_or(MoneyParseError::TooLarge)?;
        }
        for _ in fraction.len()..scale as usize {
            minor = minor.checked_mul(10).ok_or(MoneyParseError::TooLarge)?;
        }
        if minor > Money::MAX.0 {
            return Err(MoneyParseError::TooLarge);
        }
        Ok(Money(if negative { -minor } else { minor }))
    }

    /// The largest amount the model accepts anywhere: ten trillion major units of a two-digit
    /// currency. Bigger figures are typing mistakes, and the headroom keeps sums from overflowing.
    pub const MAX: Money = Money(1_000_000_000_000_000);

    /// The amount in major units as text with exactly the currency's decimals ("1234.50"),
    /// for input fields and plain-text exports. Display formatting is the UI's job.
    pub fn to_major_string(self, currency: Currency) -> String {
        let scale = currency.minor_digits();
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = self.0.unsigned_abs();
        if scale == 0 {
            return format!("{sign}{magnitude}");
        }
        let divisor = 10u64.pow(scale);
        format!(
            "{sign}{}.{:0width$}",
            magnitude / divisor,
            magnitude % divisor,
            width = scale as usize
        )
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |total, amount| total + amount)
    }
}

/// Why typed money was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyParseError {
    #[error("no amount given")]
    Empty,
    #[error("not a number")]
    NotANumber,
    #[error("more than {allowed} decimals")]
    TooManyDecimals { allowed: u32 },
    #[error("amount too large")]
    TooLarge,
}

/// An ISO 4217 currency code: three upper-case ASCII letters such as `EUR`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Euro, the default for new projects.
    pub const EUR: Currency = Currency(*b"EUR");
    /// US dollar.
    pub const USD: Currency = Currency(*b"USD");

    /// Accepts three ASCII letters, upper-casing them ("usd" becomes `USD`).
    pub fn parse(code: &str) -> Result<Currency, InvalidCurrency> {
        let bytes = code.trim().as_bytes();
        match bytes {
            [a, b, c] if bytes.iter().all(u8::is_ascii_alphabetic) => Ok(Currency([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => Err(InvalidCurrency(code.chars().take(16).collect())),
        }
    }

    /// The code as text, e.g. `"EUR"`.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).expect("a currency holds three ASCII letters")
    }

    /// Digits after the decimal point in this currency's minor unit (ISO 4217).
    pub fn minor_digits(self) -> u32 {
        match &self.0 {
            b"BIF" | b"CLP" | b"DJF" | b"GNF" | b"ISK" | b"JPY" | b"KMF" | b"KRW" | b"PYG"
            | b"RWF" | b"UGX" | b"UYI" | b"VND" | b"VUV" | b"XAF" | b"XOF" | b"XPF" => 0,
            b"BHD" | b"IQD" | b"JOD" | b"KWD" | b"LYD" | b"OMR" | b"TND" => 3,
            _ => 2,
        }
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency::EUR
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A currency code that is not three letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a three-letter currency code")]
pub struct InvalidCurrency(pub String);

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

// The checks of Currency, Hours and Progress run in visitors, inside the deserializer's read
// of the value, so that serde_json places an error at the value and the file reader's field
// path names it (`io::read::path_at`).
impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Code;
        impl de::Visitor<'_> for Code {
            type Value = Currency;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Currency, E> {
                let currency = Currency::parse(text).map_err(E::custom)?;
                if currency.code() != text {
                    return Err(E::custom(format!(
                        "{text:?} is not an upper-case ISO 4217 code"
                    )));
                }
                Ok(currency)
            }
        }
        deserializer.deserialize_str(Code)
    }
}

impl JsonSchema for Currency {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Currency".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[A-Z]{3}$",
            "description": "ISO 4217 currency code"
        })
    }
}

/// A duration or amount of work in hours, stored in hundredths of an hour so that sums are exact.
/// In plan files it is a plain number of hours with at most two decimals (`12.5`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hours(u32);

impl Hours {
    /// No time.
    pub const ZERO: Hours = Hours(0);
    /// The largest accepted value: one million hours.
    pub const MAX: Hours = Hours(100_000_000);

    /// Whole hours.
    pub const fn whole(hours: u32) -> Hours {
        Hours(hours * 100)
    }

    /// From hundredths of an hour.
    pub const fn from_centi(centi: u32) -> Hours {
        Hours(centi)
    }

    /// Hundredths of an hour, the exact stored value.
    pub fn centi(self) -> u32 {
        self.0
    }

    /// Converts a number of hours, rounding to the nearest hundredth. Refuses negative,
    /// non-finite and absurdly large values.
    pub fn from_f64(hours: f64) -> Result<Hours, HoursError> {
        if !hours.is_finite() {
            return Err(HoursError::NotANumber);
        }
        if hours < 0.0 {
            return Err(HoursError::Negative);
        }
        let centi = (hours * 100.0).round();
        if centi > f64::from(Hours::MAX.0) {
            return Err(HoursError::TooLarge);
        }
        Ok(Hours(centi as u32))
    }

    /// Parses typed hours ("8", "2.5", "0,75").
    pub fn parse(text: &str) -> Result<Hours, HoursError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(Hours::ZERO);
        }
        let number: f64 = trimmed
            .replace(',', ".")
            .parse()
            .map_err(|_| HoursError::NotANumber)?;
        Hours::from_f64(number)
    }

    /// The value as a float, for charts and display only.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// Adds without overflow, capping at [`Hours::MAX`]'s type limit.
    pub fn saturating_add(self, other: Hours) -> Hours {
        Hours(self.0.saturating_add(other.0))
    }
}

impl std::iter::Sum for Hours {
    fn sum<I: Iterator<Item = Hours>>(iter: I) -> Hours {
        iter.fold(Hours::ZERO, Hours::saturating_add)
    }
}

impl fmt::Display for Hours {
    /// Shortest exact decimal: `8`, `2.5`, `0.75`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 100;
        let centi = self.0 % 100;
        match centi {
            0 => write!(f, "{whole}"),
            c if c % 10 == 0 => write!(f, "{whole}.{}", c / 10),
            c => write!(f, "{whole}.{c:02}"),
        }
    }
}

/// Hours that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("not a number")]
    NotANumber,
    #[error("negative hours")]
    Negative,
    #[error("more than a million hours")]
    TooLarge,
}

impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(100) {
            serializer.serialize_u32(self.0 / 100)
        } else {
            serializer.serialize_f64(self.as_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Number;
        impl de::Visitor<'_> for Number {
            type Value = Hours;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("f64")
            }
            fn visit_f64<E: de::Error>(self, hours: f64) -> Result<Hours, E> {
                Hours::from_f64(hours).map_err(|err| E::custom(format!("{hours} hours: {err}")))
            }
            fn visit_i64<E: de::Error>(self, hours: i64) -> Result<Hours, E> {
                self.visit_f64(hours as f64)
            }
            fn visit_u64<E: de::Error>(self, hours: u64) -> Result<Hours, E> {
                self.visit_f64(hours as f64)
            }
        }
        deserializer.deserialize_f64(Number)
    }
}

impl JsonSchema for Hours {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Hours".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "maximum": 1_000_000,
            "description": "hours, at most two decimals"
        })
    }
}

/// Completion in percent, 0 to 100 inclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Progress(u8);

impl Progress {
    /// Not started.
    pub const NONE: Progress = Progress(0);
    /// Finished.
    pub const DONE: Progress = Progress(100);

    /// Accepts 0 to 100; anything else is refused with the value given.
    pub fn new(percent: i64) -> Result<Progress, ProgressOutOfRange> {
        u8::try_from(percent)
            .ok()
            .filter(|value| *value <= 100)
            .map(Progress)
            .ok_or(ProgressOutOfRange(percent))
    }

    /// The percentage, 0 to 100.
    pub fn percent(self) -> u8 {
        self.0
    }
}

/// A progress value outside 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("progress {0} is outside 0–100")]
pub struct ProgressOutOfRange(pub i64);

impl<'de> Deserialize<'de> for Progress {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Percent;
        impl de::Visitor<'_> for Percent {
            type Value = Progress;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("i64")
            }
            fn visit_i64<E: de::Error>(self, percent: i64) -> Result<Progress, E> {
                Progress::new(percent).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, percent: u64) -> Result<Progress, E> {
                let percent = i64::try_from(percent)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(percent), &self))?;
                self.visit_i64(percent)
            }
        }
        deserializer.deserialize_i64(Percent)
    }
}

impl JsonSchema for Progress {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Progress".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer",
            "minimum": 0,
            "maximum": 100,
            "description": "percent complete"
        })
    }
}

/// A project's budget: an amount and the currency every money figure of the project uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The approved budget in minor units of `currency`; zero means "no budget set".
    pub amount: Money,
    /// The currency of every money figure in the project.
    pub currency: Currency,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_parses_major_units_with_grouping() {
        assert_eq!(
            Money::parse_major("12,500.50", Currency::EUR),
            Ok(Money(1_250_050))
        );
        assert_eq!(Money::parse_major("99.9", Currency::USD), Ok(Money(9_990)));
        assert_eq!(
            Money::parse_major("1 200", Currency::EUR),
            Ok(Money(120_000))
        );
        let yen = Currency::parse("JPY").expect("valid code");
        assert_eq!(Money::parse_major("5000", yen), Ok(Money(5_000)));
        assert_eq!(
            Money::parse_major("5.5", yen),
            Err(MoneyParseError::TooManyDecimals { allowed: 0 })
        );
        assert_eq!(
            Money::parse_major("abc", Currency::EUR),
            Err(MoneyParseError::NotANumber)
        );
        assert_eq!(
            Money::parse_major("", Currency::EUR),
            Err(MoneyParseError::Empty)
        );
        assert_eq!(
            Money::parse_major("99999999999999999999", Currency::EUR),
            Err(MoneyParseError::TooLarge)
        );
    }

    #[test]
    fn money_prints_major_units_with_the_currency_decimals() {
        assert_eq!(Money(1_250_050).to_major_string(Currency::EUR), "12500.50");
        assert_eq!(Money(-5).to_major_string(Currency::EUR), "-0.05");
        let dinar = Currency::parse("KWD").expect("valid code");
        assert_eq!(Money(1_500).to_major_string(dinar), "1.500");
    }

    #[test]
    fn currency_codes_are_three_letters() {
        assert_eq!(
            Currency::parse("usd").map(|c| c.to_string()),
            Ok("USD".to_string())
        );
        assert!(Currency::parse("EURO").is_err());
        assert!(Currency::parse("E1R").is_err());
        assert!(serde_json::from_str::<Currency>("\"eur\"").is_err());
    }

    #[test]
    fn hours_are_exact_hundredths() {
        assert_eq!(Hours::parse("2.5"), Ok(Hours::from_centi(250)));
        assert_eq!(Hours::parse("0,75"), Ok(Hours::from_centi(75)));
        assert_eq!(Hours::parse("-1"), Err(HoursError::Negative));
        assert_eq!(Hours::from_centi(250).to_string(), "2.5");
        assert_eq!(Hours::from_centi(275).to_string(), "2.75");
        assert_eq!(Hours::whole(8).to_string(), "8");
        assert_eq!(
            serde_json::to_string(&Hours::from_centi(1250)).expect("serializes"),
            "12.5"
        );
        assert_eq!(
            serde_json::to_string(&Hours::whole(8)).expect("serializes"),
            "8"
        );
        assert!(serde_json::from_str::<Hours>("-3").is_err());
    }

    #[test]
    fn progress_outside_0_to_100_is_refused() {
        assert_eq!(Progress::new(101), Err(ProgressOutOfRange(101)));
        assert_eq!(Progress::new(-1), Err(ProgressOutOfRange(-1)));
        assert_eq!(Progress::new(100).map(Progress::percent), Ok(100));
        assert!(serde_json::from_str::<Progress>("150").is_err());
    }
}
