//! Direct manipulation on the Timeline as a small state machine: a pointer goes down on a bar,
//! its ends or its connector, moves, and comes up (or Escape cancels).
//!
//! [`Drag`] holds where the drag began and where the pointer is; [`Drag::proposed_dates`] snaps
//! the move to whole days, and [`Drag::finish`] says what the drop means ([`DragOutcome`]).
//! [`preview`] reschedules a throwaway copy of the project, so the chart can show the dragged
//! bar and every successor it pushes while the pointer moves; only the drop writes to the
//! store. Pointer events, capture and the store call live in `chart.rs`; nothing here touches
//! the web.

use super::layout::{Geometry, Point, Preview};
use crate::model::calendar::shift;
use crate::model::schedule::Rescheduler;
use crate::model::{Project, TaskId};
use chrono::NaiveDate;

/// How far (px) the pointer must travel before a press becomes a drag rather than a click.
const DRAG_THRESHOLD: f64 = 4.0;

/// What the pointer went down on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DragKind {
    /// The bar's body: moves the task, keeping its length.
    Move,
    /// The left handle: changes the start.
    ResizeStart,
    /// The right handle: changes the end.
    ResizeEnd,
    /// The connector: draws a finish-to-start dependency to another bar.
    Connect,
}

impl DragKind {
    /// The value of the `data-drag` attribute that marks each part of a bar.
    pub fn attribute(self) -> &'static str {
        match self {
            DragKind::Move => "move",
            DragKind::ResizeStart => "start",
            DragKind::ResizeEnd => "end",
            DragKind::Connect => "connect",
        }
    }

    /// The kind whose [`DragKind::attribute`] is `value`.
    pub fn from_attribute(value: &str) -> Option<DragKind> {
        [
            DragKind::Move,
            DragKind::ResizeStart,
            DragKind::ResizeEnd,
            DragKind::Connect,
        ]
        .into_iter()
        .find(|kind| kind.attribute() == value)
    }
}

/// A drag in progress, in chart coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Drag {
    /// The task whose bar was pressed.
    pub task: TaskId,
    pub kind: DragKind,
    /// The pointer that drags; others are ignored.
    pub pointer: i32,
    /// Where the pointer went down.
    pub from: Point,
    /// Where the pointer is now.
    pub at: Point,
    /// The task's dates when the drag began, inclusive.
    pub dates: (NaiveDate, NaiveDate),
    /// Milestones have no length: resizing one moves it.
    pub milestone: bool,
    /// True once the pointer has travelled past the click threshold.
    pub dragging: bool,
}

/// What a finished drag asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DragOutcome {
    /// A click without movement: select the bar.
    Select(TaskId),
    /// Move or resize the task.
    SetDates {
        task: TaskId,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// Make `successor` wait for `predecessor` (finish to start).
    Link {
        predecessor: TaskId,
        successor: TaskId,
    },
    /// Nothing changes (dropped where it began, or a connector dropped on no other bar).
    Nothing,
}

impl Drag {
    /// A press on `task`'s bar at `at`.
    pub fn start(
        task: TaskId,
        kind: DragKind,
        pointer: i32,
        at: Point,
        dates: (NaiveDate, NaiveDate),
        milestone: bool,
    ) -> Drag {
        Drag {
            task,
            kind,
            pointer,
            from: at,
            at,
            dates,
            milestone,
            dragging: false,
        }
    }

    /// The pointer moved to `at`.
    pub fn move_to(&mut self, at: Point) {
        self.at = at;
        let (dx, dy) = (at.0 - self.from.0, at.1 - self.from.1);
        if (dx * dx + dy * dy).sqrt() >= DRAG_THRESHOLD {
            self.dragging = true;
        }
    }

    /// The dates the drag proposes, snapped to whole days: `None` before the pointer has moved
    /// far enough, and for connector drags. A resize never puts the end before the start.
    pub fn proposed_dates(&self, geometry: Geometry) -> Option<(NaiveDate, NaiveDate)> {
        if !self.dragging {
            return None;
        }
        let days = geometry.days_in(self.at.0 - self.from.0);
        let (start, end) = self.dates;
        let kind = if self.milestone && self.kind != DragKind::Connect {
            DragKind::Move
        } else {
            self.kind
        };
        match kind {
            DragKind::Move => Some((shift(start, days), shift(end, days))),
            DragKind::ResizeStart => Some((shift(start, days).min(end), end)),
            DragKind::ResizeEnd => Some((start, shift(end, days).max(start))),
            DragKind::Connect => None,
        }
    }

    /// What dropping here means; `target` is the task in the row under the pointer.
    pub fn finish(&self, geometry: Geometry, target: Option<TaskId>) -> DragOutcome {
        if !self.dragging {
            return DragOutcome::Select(self.task);
        }
        if self.kind == DragKind::Connect {
            return match target {
                Some(successor) if successor != self.task => DragOutcome::Link {
                    predecessor: self.task,
                    successor,
                },
                _ => DragOutcome::Nothing,
            };
        }
        match self.proposed_dates(geometry) {
            Some((start, end)) if (start, end) != self.dates => DragOutcome::SetDates {
                task: self.task,
                start,
                end,
            },
            _ => DragOutcome::Nothing,
        }
    }
}

/// What the chart shows while `task` is dragged to `start..=end`: those dates, and where
/// auto-scheduling would push its successors and summaries, worked out on a copy of the
/// project. `None` when the model refuses the dates (outside 1900–2199).
pub fn preview(
    project: &Project,
    task: TaskId,
    start: NaiveDate,
    end: NaiveDate,
) -> Option<Preview> {
    preview_with(&Rescheduler::new(project), project, task, start, end)
}

/// [`preview`] with the project's network kept from the drag's start, so that each change of
/// the snapped dates walks only what lies downstream of the dragged task.
pub fn preview_with(
    rescheduler: &Rescheduler,
    project: &Project,
    task: TaskId,
    start: NaiveDate,
    end: NaiveDate,
) -> Option<Preview> {
    let mut copy = project.clone();
    let moved = rescheduler.move_task(&mut copy, task, start, end).ok()?;
    let mut dates: std::collections::HashMap<TaskId, (NaiveDate, NaiveDate)> = moved
        .into_iter()
        .map(|moved| (moved.task, moved.to))
        .collect();
    dates.entry(task).or_insert((start, end));
    Some(Preview { dates })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{date, Plan};
    use crate::model::Dependency;

    fn geometry() -> Geometry {
        Geometry {
            origin: date("2027-01-04"),
            day_width: 20.0,
        }
    }

    fn task_id(n: u128) -> TaskId {
        TaskId(uuid::Uuid::from_u128(n))
    }

    fn pressed(kind: DragKind) -> Drag {
        Drag::start(
            task_id(1),
            kind,
            7,
            (100.0, 10.0),
            (date("2027-01-05"), date("2027-01-07")),
            false,
        )
    }

    #[test]
    fn a_press_without_movement_is_a_click_that_selects() {
        let mut drag = pressed(DragKind::Move);
        drag.move_to((102.0, 11.0));
        assert!(!drag.dragging);
        assert_eq!(drag.proposed_dates(geometry()), None);
        assert_eq!(
            drag.finish(geometry(), None),
            DragOutcome::Select(task_id(1))
        );
    }

    #[test]
    fn moving_snaps_to_whole_days_and_keeps_the_length() {
        let mut drag = pressed(DragKind::Move);
        drag.move_to((145.0, 10.0)); // 2.25 days
        assert_eq!(
            drag.proposed_dates(geometry()),
            Some((date("2027-01-07"), date("2027-01-09")))
        );
        drag.move_to((69.0, 40.0)); // −1.55 days
        assert_eq!(
            drag.finish(geometry(), None),
            DragOutcome::SetDates {
                task: task_id(1),
                start: date("2027-01-03"),
                end: date("2027-01-05"),
            }
        );
    }

    #[test]
    fn resizing_moves_one_end_and_never_crosses_the_other() {
        let mut start = pressed(DragKind::ResizeStart);
        start.move_to((60.0, 10.0));
        assert_eq!(
            start.proposed_dates(geometry()),
            Some((date("2027-01-03"), date("2027-01-07")))
        );
        start.move_to((400.0, 10.0));
        assert_eq!(
            start.proposed_dates(geometry()),
            Some((date("2027-01-07"), date("2027-01-07")))
        );
        let mut end = pressed(DragKind::ResizeEnd);
        end.move_to((140.0, 10.0));
        assert_eq!(
            end.proposed_dates(geometry()),
            Some((date("2027-01-05"), date("2027-01-09")))
        );
        end.move_to((-300.0, 10.0));
        assert_eq!(
            end.proposed_dates(geometry()),
            Some((date("2027-01-05"), date("2027-01-05")))
        );
    }

    #[test]
    fn a_milestone_moves_whichever_part_is_dragged() {
        let mut drag = Drag::start(
            task_id(1),
            DragKind::ResizeEnd,
            1,
            (0.0, 0.0),
            (date("2027-01-05"), date("2027-01-05")),
            true,
        );
        drag.move_to((40.0, 0.0));
        assert_eq!(
            drag.proposed_dates(geometry()),
            Some((date("2027-01-07"), date("2027-01-07")))
        );
    }

    #[test]
    fn dropping_where_it_began_changes_nothing() {
        let mut drag = pressed(DragKind::Move);
        drag.move_to((180.0, 10.0));
        drag.move_to((104.0, 10.0));
        assert_eq!(drag.finish(geometry(), None), DragOutcome::Nothing);
    }

    #[test]
    fn a_connector_dropped_on_another_bar_links_them_finish_to_start() {
        let mut drag = pressed(DragKind::Connect);
        drag.move_to((300.0, 80.0));
        assert_eq!(drag.proposed_dates(geometry()), None);
        assert_eq!(
            drag.finish(geometry(), Some(task_id(2))),
            DragOutcome::Link {
                predecessor: task_id(1),
                successor: task_id(2),
            }
        );
        assert_eq!(
            drag.finish(geometry(), Some(task_id(1))),
            DragOutcome::Nothing
        );
        assert_eq!(drag.finish(geometry(), None), DragOutcome::Nothing);
    }

    #[test]
    fn drag_parts_round_trip_through_their_attribute() {
        for kind in [
            DragKind::Move,
            DragKind::ResizeStart,
            DragKind::ResizeEnd,
            DragKind::Connect,
        ] {
            assert_eq!(DragKind::from_attribute(kind.attribute()), Some(kind));
        }
        assert_eq!(DragKind::from_attribute("other"), None);
    }

    #[test]
    fn the_preview_shows_successors_pushed_by_the_drag_without_touching_the_project() {
        // Design ███ (Mon 4–Wed 6) → Build ██ (Thu 7–Fri 8)
        let mut plan = Plan::new("2027-01-04");
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 0, None);
        let build = plan.task("Build", "2027-01-07", "2027-01-08", 0, None);
        plan.link(build, Dependency::finish_to_start(design));
        let project = plan.project().clone();
        let before = project.clone();
        let shown =
            preview(&project, design, date("2027-01-05"), date("2027-01-07")).expect("valid dates");
        assert_eq!(
            shown.dates.get(&design),
            Some(&(date("2027-01-05"), date("2027-01-07")))
        );
        // Build keeps its two working days, starting after Design's new end.
        assert_eq!(
            shown.dates.get(&build),
            Some(&(date("2027-01-08"), date("2027-01-11")))
        );
        assert_eq!(project, before);
        assert!(preview(&project, design, date("1800-01-01"), date("1800-01-02")).is_none());
    }
}
