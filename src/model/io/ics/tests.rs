//! Tests for the iCalendar writer.
