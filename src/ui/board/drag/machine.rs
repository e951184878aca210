//! The drag's state machine (idle, pressed, dragging), plain Rust tested on the host: a press
//! becomes a drag only past [`DRAG_THRESHOLD_PX`], so a click still opens the editor, and a
//! release drops the card on its target or abandons the drag.

use crate::model::board::Lane;
use crate::model::{ColumnId, TaskId};

/// How far (px) a pressed pointer must travel before the press becomes a drag.
pub const DRAG_THRESHOLD_PX: f64 = 6.0;

/// A point in viewport (client) coordinates, in px.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// Where a dragged card would land: a lane and column, at an index among the shown cards
/// there (counted without the dragged card).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DropTarget {
    pub lane: Lane,
    pub column: ColumnId,
    pub index: usize,
}

/// The drag state.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum DragState {
    /// Nothing is pressed.
    #[default]
    Idle,
    /// A card is pressed but has not travelled far enough to be dragged.
    Pressed {
        task: TaskId,
        pointer: i32,
        origin: Point,
        /// Where on the card it was grabbed, from its top left corner.
        grab: Point,
    },
    /// A card follows the pointer.
    Dragging {
        task: TaskId,
        pointer: i32,
        at: Point,
        grab: Point,
        target: Option<DropTarget>,
    },
}

/// What a pointer move did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DragStep {
    /// Not ours, or too small to matter.
    Ignored,
    /// The press just became a drag.
    Started(TaskId),
    /// The dragged card moved.
    Moved,
}

/// What releasing the pointer did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Release {
    /// Not a drag: a click, or not our pointer.
    Nothing,
    /// The card was dropped on a target.
    Dropped { task: TaskId, target: DropTarget },
    /// The card was dropped outside the board.
    Abandoned(TaskId),
}

/// The pointer-drag state machine.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DragMachine {
    state: DragState,
}

impl DragMachine {
    /// A pointer went down on card `task` at `at`, `grab` px from the card's top left corner.
    /// Ignored during a drag (a second finger).
    pub fn press(&mut self, task: TaskId, pointer: i32, at: Point, grab: Point) {
        if !matches!(self.state, DragState::Dragging { .. }) {
            self.state = DragState::Pressed {
                task,
                pointer,
                origin: at,
                grab,
            };
        }
    }

    /// The pointer moved to `to`.
    pub fn pointer_moved(&mut self, pointer: i32, to: Point) -> DragStep {
        match &mut self.state {
            DragState::Pressed {
                task,
                pointer: pressed,
                origin,
                grab,
            } if *pressed == pointer => {
                if origin.distance(to) < DRAG_THRESHOLD_PX {
                    return DragStep::Ignored;
                }
                let (task, grab) = (*task, *grab);
                self.state = DragState::Dragging {
                    task,
                    pointer,
                    at: to,
                    grab,
                    target: None,
                };
                DragStep::Started(task)
            }
            DragState::Dragging {
                pointer: dragging,
                at,
                ..
            } if *dragging == pointer => {
                *at = to;
                DragStep::Moved
            }
            _ => DragStep::Ignored,
        }
    }

    /// Sets where the card would land; returns true when that changed.
    pub fn retarget(&mut self, new_target: Option<DropTarget>) -> bool {
        match &mut self.state {
            DragState::Dragging { target, .. } if *target != new_target => {
                *target = new_target;
                true
            }
            _ => false,
        }
    }

    /// The pointer went up.
    pub fn release(&mut self, pointer: i32) -> Release {
        match self.state {
            DragState::Dragging {
                task,
                pointer: dragging,
                target,
                ..
            } if dragging == pointer => {
                self.state = DragState::Idle;
                match target {
                    Some(target) => Release::Dropped { task, target },
                    None => Release::Abandoned(task),
                }
            }
            DragState::Pressed {
                pointer: pressed, ..
            } if pressed == pointer => {
                self.state = DragState::Idle;
                Release::Nothing
            }
            _ => Release::Nothing,
        }
    }

    /// Escape, a cancelled pointer or a lost capture: back to idle. Returns the card that was
    /// being dragged, if any.
    pub fn cancel(&mut self) -> Option<TaskId> {
        let dragged = self.dragging();
        self.state = DragState::Idle;
        dragged
    }

    /// The card being dragged.
    pub fn dragging(&self) -> Option<TaskId> {
        match self.state {
            DragState::Dragging { task, .. } => Some(task),
            _ => None,
        }
    }

    /// Where the pointer is and where it holds the card, during a drag.
    pub fn position(&self) -> Option<(Point, Point)> {
        match self.state {
            DragState::Dragging { at, grab, .. } => Some((at, grab)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SequentialIds;

    fn ids() -> (TaskId, ColumnId) {
        let mut ids = SequentialIds::default();
        (TaskId::new(&mut ids), ColumnId::new(&mut ids))
    }

    fn at(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn a_short_press_is_a_click_not_a_drag() {
        let (task, _) = ids();
        let mut machine = DragMachine::default();
        machine.press(task, 1, at(10.0, 10.0), at(4.0, 4.0));
        assert_eq!(machine.pointer_moved(1, at(12.0, 11.0)), DragStep::Ignored);
        assert_eq!(machine.release(1), Release::Nothing);
        assert_eq!(machine, DragMachine::default());
    }

    #[test]
    fn past_the_threshold_the_press_becomes_a_drag_and_drops_on_its_target() {
        let (task, column) = ids();
        let mut machine = DragMachine::default();
        machine.press(task, 7, at(10.0, 10.0), at(4.0, 4.0));
        assert_eq!(
            machine.pointer_moved(7, at(30.0, 10.0)),
            DragStep::Started(task)
        );
        assert_eq!(machine.dragging(), Some(task));
        assert_eq!(machine.pointer_moved(7, at(40.0, 50.0)), DragStep::Moved);
        assert_eq!(machine.position(), Some((at(40.0, 50.0), at(4.0, 4.0))));
        let target = DropTarget {
            lane: Lane::All,
            column,
            index: 2,
        };
        assert!(machine.retarget(Some(target)));
        assert!(!machine.retarget(Some(target)), "same target, no change");
        assert_eq!(machine.release(7), Release::Dropped { task, target });
        assert_eq!(machine.dragging(), None);
    }

    #[test]
    fn other_pointers_are_ignored_and_a_drop_off_the_board_is_abandoned() {
        let (task, _) = ids();
        let mut machine = DragMachine::default();
        machine.press(task, 1, at(0.0, 0.0), at(0.0, 0.0));
        assert_eq!(machine.pointer_moved(2, at(100.0, 0.0)), DragStep::Ignored);
        assert_eq!(
            machine.pointer_moved(1, at(100.0, 0.0)),
            DragStep::Started(task)
        );
        machine.press(task, 2, at(0.0, 0.0), at(0.0, 0.0));
        assert_eq!(
            machine.dragging(),
            Some(task),
            "a second finger does not restart"
        );
        assert_eq!(machine.release(2), Release::Nothing);
        assert_eq!(machine.release(1), Release::Abandoned(task));
    }

    #[test]
    fn escape_cancels_a_drag() {
        let (task, column) = ids();
        let mut machine = DragMachine::default();
        machine.press(task, 1, at(0.0, 0.0), at(0.0, 0.0));
        machine.pointer_moved(1, at(50.0, 50.0));
        machine.retarget(Some(DropTarget {
            lane: Lane::All,
            column,
            index: 0,
        }));
        assert_eq!(machine.cancel(), Some(task));
        assert_eq!(machine.release(1), Release::Nothing);
        assert_eq!(machine.cancel(), None);
    }
}
