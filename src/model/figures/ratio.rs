//! Exact ratios (CPI, SPI, scope change) and the integer rounding every figure goes through.
//!
//! A [`Ratio`] keeps its numerator and denominator, so comparing it with a threshold is integer
//! arithmetic (`EV × 1000 < 900 × AC`), never a float comparison. Floats appear only in
//! [`Ratio::as_f64`], for charts. Rounding for display is explicit: [`Ratio::decimal`] with a
//! [`Rounding`] mode.

use crate::model::format::Decimal;
use std::cmp::Ordering;

/// How a quotient is rounded to an integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// To the nearest integer; halves go away from zero (2.5 → 3, −2.5 → −3). The rule for
    /// every money figure.
    HalfAwayFromZero,
    /// Towards negative infinity (floor).
    Down,
    /// Towards positive infinity (ceiling).
    Up,
}

/// `numerator / denominator` rounded as asked. `denominator` must not be zero; the callers check.
pub fn divide(numerator: i128, denominator: i128, rounding: Rounding) -> i128 {
    debug_assert!(denominator != 0, "callers never divide by zero");
    if denominator == 0 {
        return 0;
    }
    let (numerator, denominator) = if denominator < 0 {
        (numerator.saturating_neg(), denominator.saturating_neg())
    } else {
        (numerator, denominator)
    };
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    if remainder == 0 {
        return quotient;
    }
    match rounding {
        Rounding::HalfAwayFromZero => {
            let magnitude = remainder.unsigned_abs();
            let rest = denominator.unsigned_abs() - magnitude;
            if magnitude >= rest {
                quotient + numerator.signum()
            } else {
                quotient
            }
        }
        Rounding::Down if numerator < 0 => quotient - 1,
        Rounding::Down => quotient,
        Rounding::Up if numerator > 0 => quotient + 1,
        Rounding::Up => quotient,
    }
}

/// `a × b / c`, rounded as asked; `c` must not be zero. Exact while `a × b` fits in an `i128`
/// (beyond 10^38: far past any real plan), otherwise computed in `f64`.
pub fn multiply_divide(a: i128, b: i128, c: i128, rounding: Rounding) -> i128 {
    match a.checked_mul(b) {
        Some(product) => divide(product, c, rounding),
        None => {
            let value = a as f64 * b as f64 / c as f64;
            let rounded = match rounding {
                Rounding::HalfAwayFromZero => value.round(),
                Rounding::Down => value.floor(),
                Rounding::Up => value.ceil(),
            };
            rounded as i128
        }
    }
}

/// Compares `a × b` with `c × d` exactly (in `f64` only past 10^38).
pub fn compare_products(a: i128, b: i128, c: i128, d: i128) -> Ordering {
    match (a.checked_mul(b), c.checked_mul(d)) {
        (Some(left), Some(right)) => left.cmp(&right),
        _ => (a as f64 * b as f64)
            .partial_cmp(&(c as f64 * d as f64))
            .unwrap_or(Ordering::Equal),
    }
}

/// An exact quotient with a positive denominator, such as CPI = EV / AC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ratio {
    numerator: i128,
    denominator: i128,
}

impl Ratio {
    /// `numerator / denominator`, or `None` when the denominator is zero.
    pub fn new(numerator: i128, denominator: i128) -> Option<Ratio> {
        match denominator.cmp(&0) {
            Ordering::Equal => None,
            Ordering::Greater => Some(Ratio {
                numerator,
                denominator,
            }),
            Ordering::Less => Some(Ratio {
                numerator: numerator.saturating_neg(),
                denominator: denominator.saturating_neg(),
            }),
        }
    }

    /// The numerator (sign carrier).
    pub fn numerator(self) -> i128 {
        self.numerator
    }

    /// The denominator, always positive.
    pub fn denominator(self) -> i128 {
        self.denominator
    }

    /// The value as a float, for charts only; never compare with it.
    pub fn as_f64(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }

    /// The value with `decimals` digits after the point (`decimal(2, …)` of 40/45 is 0.89).
    pub fn decimal(self, decimals: u32, rounding: Rounding) -> Decimal {
        Decimal {
            units: multiply_divide(
                self.numerator,
                10i128.pow(decimals.min(30)),
                self.denominator,
                rounding,
            ),
            decimals,
        }
    }

    /// The value in percent with `decimals` digits after the point (1/8 is 12.5 %).
    pub fn percent(self, decimals: u32, rounding: Rounding) -> Decimal {
        Decimal {
            units: multiply_divide(
                self.numerator,
                100 * 10i128.pow(decimals.min(30)),
                self.denominator,
                rounding,
            ),
            decimals,
        }
    }

    /// True when the value is below `thousandths / 1000` (CPI 0.899 is below 900).
    pub fn is_below_thousandths(self, thousandths: u32) -> bool {
        compare_products(
            self.numerator,
            1000,
            i128::from(thousandths),
            self.denominator,
        ) == Ordering::Less
    }

    /// True when the value, in percent, is above `percent` (0.101 is above 10).
    pub fn is_above_percent(self, percent: u32) -> bool {
        compare_products(self.numerator, 100, i128::from(percent), self.denominator)
            == Ordering::Greater
    }

    /// True when the value is negative.
    pub fn is_negative(self) -> bool {
        self.numerator < 0
    }

    /// The same ratio with its sign dropped.
    pub fn magnitude(self) -> Ratio {
        Ratio {
            numerator: self.numerator.saturating_abs(),
            denominator: self.denominator,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(divide(25, 10, Rounding::HalfAwayFromZero), 3);
        assert_eq!(divide(-25, 10, Rounding::HalfAwayFromZero), -3);
        assert_eq!(divide(24, 10, Rounding::HalfAwayFromZero), 2);
        assert_eq!(divide(-24, 10, Rounding::HalfAwayFromZero), -2);
        assert_eq!(divide(5, -10, Rounding::HalfAwayFromZero), -1);
        assert_eq!(divide(-7, 2, Rounding::Down), -4);
        assert_eq!(divide(7, 2, Rounding::Down), 3);
        assert_eq!(divide(7, 2, Rounding::Up), 4);
        assert_eq!(divide(-7, 2, Rounding::Up), -3);
    }

    #[test]
    fn ratios_compare_with_thresholds_without_floats() {
        let cpi = Ratio::new(899, 1000).expect("non-zero denominator");
        assert!(cpi.is_below_thousandths(900));
        let exactly = Ratio::new(9, 10).expect("non-zero denominator");
        assert!(!exactly.is_below_thousandths(900));
        let growth = Ratio::new(1, 10).expect("non-zero denominator");
        assert!(!growth.is_above_percent(10));
        assert!(growth.is_above_percent(9));
        assert_eq!(Ratio::new(1, 0), None);
    }

    #[test]
    fn ratios_round_to_the_decimals_asked_for() {
        let cpi = Ratio::new(40, 45).expect("non-zero denominator");
        assert_eq!(
            cpi.decimal(3, Rounding::HalfAwayFromZero),
            Decimal {
                units: 889,
                decimals: 3
            }
        );
        assert_eq!(cpi.decimal(2, Rounding::Down).units, 88);
        let eighth = Ratio::new(-1, 8).expect("non-zero denominator");
        assert_eq!(eighth.percent(1, Rounding::HalfAwayFromZero).units, -125);
        assert_eq!(Ratio::new(1, -4).map(|ratio| ratio.denominator()), Some(4));
    }
}
