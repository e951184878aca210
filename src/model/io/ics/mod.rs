//! iCalendar out.
