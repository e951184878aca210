//! The browser's clock and randomness, read only here and handed to the model as parameters.

use crate::model::IdSource;
use chrono::{NaiveDate, NaiveDateTime};

/// Today in the browser's time zone. Falls back to 2026-01-01 off the web (host tests).
pub fn today() -> NaiveDate {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        if let Some(date) = NaiveDate::from_ymd_opt(
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        ) {
            return date;
        }
    }
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("a valid fallback date")
}

/// Now, in UTC.
pub fn now_utc() -> NaiveDateTime {
    #[cfg(target_arch = "wasm32")]
    {
        let millis = js_sys::Date::now() as i64;
        if let Some(time) = chrono::DateTime::from_timestamp_millis(millis) {
            return time.naive_utc();
        }
    }
    today().and_hms_opt(0, 0, 0).expect("midnight exists")
}

/// Milliseconds since the epoch, for save times.
pub fn now_millis() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// A random step from 1 to 2^20 for this tab's revisions (`persist::Saved::step`); 0 off the
/// web, so host tests count revisions one by one.
pub fn revision_step() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        1 + (js_sys::Math::random() * f64::from(1u32 << 20)) as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// Random v4 UUIDs from the browser's crypto.
pub struct RandomIds;

impl IdSource for RandomIds {
    fn next_uuid(&mut self) -> uuid::Uuid {
        uuid::Uuid::new_v4()
    }
}
