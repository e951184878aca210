//! Dragging a task to another day with a pointer (mouse, pen or finger).
//!
//! [`DayDrag`] is the state machine, plain Rust tested on the host: a press on a task becomes a
//! drag only past [`DRAG_THRESHOLD_PX`], so a click still opens the task; the move is the
//! number of days between the day grabbed and the day under the pointer, so a long bar can be
//! grabbed anywhere. [`day_under`] finds that day in the page. The drop goes through the same
//! store verb as a Timeline bar's ([`crate::store::AppState::drop_task_dates`]), so successors
//! follow and one undo takes it back.

use crate::model::calendar::shift;
use crate::model::TaskId;
use chrono::NaiveDate;

/// How far (px) a pressed pointer must travel before the press becomes a drag.
pub const DRAG_THRESHOLD_PX: f64 = 6.0;

/// A press or drag of one task, in viewport (client) coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayDrag {
    pub task: TaskId,
    /// The pointer that drags; others are ignored.
    pub pointer: i32,
    /// Where the pointer went down.
    pub origin: (f64, f64),
    /// The day under the pointer when it went down.
    pub grabbed: NaiveDate,
    /// The day under the pointer now.
    pub over: NaiveDate,
    /// The task's dates when the press began, inclusive.
    pub dates: (NaiveDate, NaiveDate),
    /// True once the pointer has travelled past the threshold.
    pub dragging: bool,
}

impl DayDrag {
    /// A press on `task` (dated `dates`) at `origin`, over the day `grabbed`.
    pub fn press(
        task: TaskId,
        pointer: i32,
        origin: (f64, f64),
        grabbed: NaiveDate,
        dates: (NaiveDate, NaiveDate),
    ) -> DayDrag {
        DayDrag {
            task,
            pointer,
            origin,
            grabbed,
            over: grabbed,
            dates,
            dragging: false,
        }
    }

    /// The pointer moved to `at`, over the day `over` (`None` between or outside the days,
    /// where the last day stays).
    pub fn move_to(&mut self, at: (f64, f64), over: Option<NaiveDate>) {
        if (at.0 - self.origin.0).hypot(at.1 - self.origin.1) >= DRAG_THRESHOLD_PX {
            self.dragging = true;
        }
        if let Some(over) = over {
            self.over = over;
        }
    }

    /// The dates the task would get if dropped now; `None` until it is dragged.
    pub fn proposed(&self) -> Option<(NaiveDate, NaiveDate)> {
        if !self.dragging {
            return None;
        }
        let days = (self.over - self.grabbed).num_days();
        Some((shift(self.dates.0, days), shift(self.dates.1, days)))
    }

    /// What dropping now asks for: the new dates, or `None` for a click or a drop on the day
    /// it was grabbed from.
    pub fn drop_dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.proposed().filter(|dates| *dates != self.dates)
    }
}

/// The Calendar day (its cell's `data-date`) under the viewport point `(x, y)`, looking
/// through the task bars drawn over the days.
pub fn day_under(x: f64, y: f64) -> Option<NaiveDate> {
    use wasm_bindgen::JsCast;
    leptos::prelude::document()
        .elements_from_point(x as f32, y as f32)
        .iter()
        .filter_map(|value| value.dyn_into::<web_sys::Element>().ok())
        .find(|element| element.class_list().contains("calendar__day"))
        .and_then(|cell| cell.get_attribute("data-date"))
        .and_then(|text| text.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::date;

    fn pressed() -> DayDrag {
        DayDrag::press(
            TaskId(uuid::Uuid::from_u128(1)),
            1,
            (100.0, 100.0),
            date("2026-03-11"),
            (date("2026-03-10"), date("2026-03-12")),
        )
    }

    #[test]
    fn a_press_without_movement_is_a_click() {
        let mut drag = pressed();
        drag.move_to((103.0, 102.0), Some(date("2026-03-11")));
        assert!(!drag.dragging);
        assert_eq!(drag.proposed(), None);
        assert_eq!(drag.drop_dates(), None);
    }

    #[test]
    fn the_task_moves_by_the_days_between_the_grabbed_day_and_the_day_under_the_pointer() {
        let mut drag = pressed();
        // Grabbed in the middle, dropped a week and a day later.
        drag.move_to((180.0, 190.0), Some(date("2026-03-19")));
        assert_eq!(
            drag.drop_dates(),
            Some((date("2026-03-18"), date("2026-03-20")))
        );
        // Between the days the last day under the pointer holds.
        drag.move_to((20.0, 10.0), None);
        assert_eq!(
            drag.proposed(),
            Some((date("2026-03-18"), date("2026-03-20")))
        );
        drag.move_to((20.0, 10.0), Some(date("2026-03-09")));
        assert_eq!(
            drag.drop_dates(),
            Some((date("2026-03-08"), date("2026-03-10")))
        );
    }

    #[test]
    fn dropping_on_the_day_it_was_grabbed_from_changes_nothing() {
        let mut drag = pressed();
        drag.move_to((300.0, 100.0), Some(date("2026-03-13")));
        drag.move_to((101.0, 100.0), Some(date("2026-03-11")));
        assert!(drag.dragging);
        assert_eq!(drag.drop_dates(), None);
    }
}
