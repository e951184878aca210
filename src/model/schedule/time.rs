//! Time in the scheduling network: instants counted in half working days, and the rounding
//! between mornings and evenings.
//!
//! `2 * n` is the morning of working day `n`, `2 * n + 1` its evening. The evening of a day and
//! the next working morning are the same moment of work. `LOW` and `HIGH` stand for "no bound"
//! and "no limit"; arithmetic leaves them alone. Dates are turned into working-day numbers by
//! `days`; this module only knows numbers.

/// A value below every real instant: "no bound".
pub(crate) const LOW: i64 = -(1 << 40);
/// A value above every real instant: "no limit".
pub(crate) const HIGH: i64 = 1 << 40;

pub(crate) fn is_low(value: i64) -> bool {
    value <= LOW / 2
}

pub(crate) fn is_high(value: i64) -> bool {
    value >= HIGH / 2
}

/// The first morning at or after `instant`.
pub(crate) fn morning_at_or_after(instant: i64) -> i64 {
    instant + instant.rem_euclid(2)
}

/// The last morning at or before `instant`.
pub(crate) fn morning_at_or_before(instant: i64) -> i64 {
    instant - instant.rem_euclid(2)
}

/// The first evening at or after `instant`.
pub(crate) fn evening_at_or_after(instant: i64) -> i64 {
    instant + 1 - instant.rem_euclid(2)
}

/// The last evening at or before `instant`.
pub(crate) fn evening_at_or_before(instant: i64) -> i64 {
    if instant.rem_euclid(2) == 1 {
        instant
    } else {
        instant - 1
    }
}

/// The working day an instant belongs to.
pub(crate) fn day_of(instant: i64) -> i64 {
    instant.div_euclid(2)
}

/// `value + by`, leaving "no limit" alone.
pub(crate) fn shifted(value: i64, by: i64) -> i64 {
    if is_high(value) {
        HIGH
    } else if is_low(value) {
        LOW
    } else {
        value + by
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_to_mornings_and_evenings() {
        assert_eq!(morning_at_or_after(3), 4);
        assert_eq!(morning_at_or_after(-3), -2);
        assert_eq!(morning_at_or_before(3), 2);
        assert_eq!(evening_at_or_after(4), 5);
        assert_eq!(evening_at_or_before(4), 3);
        assert_eq!(evening_at_or_before(-2), -3);
        assert_eq!(day_of(-1), -1);
        assert_eq!(day_of(5), 2);
    }

    #[test]
    fn no_bound_and_no_limit_are_not_shifted() {
        assert_eq!(shifted(HIGH, -4), HIGH);
        assert_eq!(shifted(LOW, 4), LOW);
        assert_eq!(shifted(6, -4), 2);
    }
}
