//! Where a card lands: a keyboard move, a menu choice or a drop, as a [`CardMove`] the store
//! applies through `Project::move_task`, and the card's neighbours for keyboard focus.

use crate::model::ids::{ColumnId, PersonId, TaskId};
use crate::model::project::Project;

use super::layout::{BoardLayout, Lane};

/// Which way a keyboard move or a "Move to…" choice takes a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MoveDirection {
    /// One place up in its column.
    Up,
    /// One place down in its column.
    Down,
    /// To the column on the left, at the same height.
    PreviousColumn,
    /// To the column on the right, at the same height.
    NextColumn,
    /// To the top of its column.
    Top,
    /// To the bottom of its column.
    Bottom,
}

/// A card move, ready for `Project::move_task`: into `column`, just before `before` (the end
/// of the column when `None`), reassigned when `assignee` is set (a drop into another lane).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardMove {
    pub task: TaskId,
    pub column: ColumnId,
    pub before: Option<TaskId>,
    /// `Some(new assignee)` to reassign the card as it moves; `None` leaves the assignee.
    pub assignee: Option<Option<PersonId>>,
}

impl CardMove {
    /// A move of `task` to the bottom of `column`.
    pub fn to_bottom(task: TaskId, column: ColumnId) -> CardMove {
        CardMove {
            task,
            column,
            before: None,
            assignee: None,
        }
    }
}

/// The cards of `column` in plan order, whatever the filter.
pub fn column_cards(project: &Project, column: ColumnId) -> impl Iterator<Item = TaskId> + '_ {
    project
        .tasks()
        .iter()
        .filter(move |task| task.column == column)
        .map(|task| task.id)
}

/// The card just after the task at `index` in its column, whatever the filter.
fn next_in_column(project: &Project, index: usize) -> Option<TaskId> {
    let column = project.tasks()[index].column;
    project.tasks()[index + 1..]
        .iter()
        .find(|other| other.column == column)
        .map(|other| other.id)
}

/// Turns a position among shown cards into the `before` card of a move: `index` counts among
/// `shown` (the shown cards of one lane of `column`) without `moving`. Past the last shown
/// card, the card lands just after it, before any hidden card that follows.
pub fn placement(
    project: &Project,
    column: ColumnId,
    shown: &[TaskId],
    index: usize,
    moving: TaskId,
) -> Option<TaskId> {
    let mut others = shown.iter().copied().filter(|id| *id != moving);
    if let Some(target) = others.clone().nth(index) {
        return Some(target);
    }
    let last = others.next_back()?;
    let mut after_last = false;
    for id in column_cards(project, column) {
        if after_last && id != moving {
            return Some(id);
        }
        if id == last {
            after_last = true;
        }
    }
    None
}

/// True when `card` would leave everything where it is.
pub fn is_noop(project: &Project, card: &CardMove) -> bool {
    let Some(index) = project.task_index(card.task) else {
        return false;
    };
    let task = &project.tasks()[index];
    if card
        .assignee
        .is_some_and(|assignee| assignee != task.assignee)
    {
        return false;
    }
    // `move_task` treats "before itself" as "at the end".
    let before = card.before.filter(|before| *before != card.task);
    task.column == card.column && next_in_column(project, index) == before
}

/// Where a keyboard move takes `task` on the board as laid out, or `None` when it cannot go
/// that way (top, bottom, first or last column) or would not change anything. Up and down
/// step over shown cards only; across columns the card keeps its height in the lane.
pub fn key_move(
    project: &Project,
    layout: &BoardLayout,
    task: TaskId,
    direction: MoveDirection,
) -> Option<CardMove> {
    let place = layout.locate(task)?;
    let cell = layout.cell(place.lane, place.column);
    let (column, before) = match direction {
        MoveDirection::Up => {
            let previous = place.index.checked_sub(1)?;
            (place.column, Some(cell[previous]))
        }
        MoveDirection::Down => {
            if place.index + 1 >= cell.len() {
                return None;
            }
            (
                place.column,
                placement(project, place.column, cell, place.index + 1, task),
            )
        }
        MoveDirection::PreviousColumn | MoveDirection::NextColumn => {
            let target_index = if direction == MoveDirection::PreviousColumn {
                place.column_index.checked_sub(1)?
            } else {
                place.column_index + 1
            };
            let target = *layout.columns.get(target_index)?;
            let target_cell = layout.cell(place.lane, target);
            let index = place.index.min(target_cell.len());
            (target, placement(project, target, target_cell, index, task))
        }
        MoveDirection::Top => {
            let first = column_cards(project, place.column).next()?;
            if first == task {
                return None;
            }
            (place.column, Some(first))
        }
        MoveDirection::Bottom => (place.column, None),
    };
    let card = CardMove {
        task,
        column,
        before,
        assignee: None,
    };
    (!is_noop(project, &card)).then_some(card)
}

/// The move a drop makes: `task` dropped into `lane` of `column`, at `index` among the shown
/// cards there (counted without the dragged card). A drop into another person's lane
/// reassigns the card.
pub fn drop_move(
    project: &Project,
    layout: &BoardLayout,
    task: TaskId,
    lane: Lane,
    column: ColumnId,
    index: usize,
) -> CardMove {
    let before = placement(project, column, layout.cell(lane, column), index, task);
    let current_lane = project
        .find_task(task)
        .map(|known| Lane::of(known, layout.grouping));
    let assignee = if current_lane == Some(lane) {
        None
    } else {
        lane.assignee()
    };
    CardMove {
        task,
        column,
        before,
        assignee,
    }
}

/// Where `task` sits in its column after a move: its 1-based position and the column's card
/// count, whatever the filter.
pub fn column_position(project: &Project, task: TaskId) -> Option<(usize, usize)> {
    // One pass over the tasks, counting the cards of every column (a handful), so that each
    // task is read once: at 50,000 tasks each pass costs about a millisecond in the browser.
    let mut counts: Vec<(ColumnId, usize)> = Vec::new();
    let mut found = None;
    for other in project.tasks() {
        let count = match counts
            .iter_mut()
            .find(|(column, _)| *column == other.column)
        {
            Some((_, count)) => count,
            None => {
                counts.push((other.column, 0));
                &mut counts.last_mut().expect("just pushed").1
            }
        };
        *count += 1;
        if other.id == task {
            found = Some((other.column, *count));
        }
    }
    let (column, position) = found?;
    counts
        .iter()
        .find(|(known, _)| *known == column)
        .map(|(_, count)| (position, *count))
}

/// The card keyboard focus goes to from `task` when moving focus (not the card) in
/// `direction`: the card above or below, or the nearest card at the same height in the next
/// non-empty column that way.
pub fn neighbour(layout: &BoardLayout, task: TaskId, direction: MoveDirection) -> Option<TaskId> {
    let place = layout.locate(task)?;
    let cell = layout.cell(place.lane, place.column);
    match direction {
        MoveDirection::Up => cell.get(place.index.checked_sub(1)?).copied(),
        MoveDirection::Down => cell.get(place.index + 1).copied(),
        MoveDirection::Top => cell.first().copied(),
        MoveDirection::Bottom => cell.last().copied(),
        MoveDirection::PreviousColumn | MoveDirection::NextColumn => {
            let columns: Vec<ColumnId> = if direction == MoveDirection::PreviousColumn {
                layout.columns[..place.column_index]
                    .iter()
                    .rev()
                    .copied()
                    .collect()
            } else {
                layout.columns[place.column_index + 1..].to_vec()
            };
            columns.into_iter().find_map(|column| {
                let other = layout.cell(place.lane, column);
                other
                    .get(place.index.min(other.len().saturating_sub(1)))
                    .copied()
            })
        }
    }
}
