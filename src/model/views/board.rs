//! The Kanban board as pure view models: which cards show in which column and swimlane once
//! the filters apply, how full each column is against its WIP limit, where a keyboard move, a
//! menu choice or a drop lands, what a card shows, and which cards of a long column are on
//! screen (the window math behind the board's virtual scrolling).
//!
//! It owns board arithmetic only. Changing the plan is `Project::move_task` (which also applies
//! the done rules) and the other project commands, run by the store; the words and pixels on
//! screen belong to the UI, which hands in plain numbers (scroll offsets, heights) and gets
//! plain numbers back.

use crate::model::ids::IdMap;
use crate::model::ids::{ColumnId, PersonId, TaskId};
use crate::model::person::Person;
use crate::model::project::{ColumnCategory, Project};
use crate::model::task::{LinkKind, Priority, Task};
use chrono::NaiveDate;
use std::collections::BTreeMap;

// ----- Filters, grouping and the layout -----

/// Whose cards the board shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AssigneeFilter {
    /// Everyone's cards, assigned or not.
    #[default]
    Anyone,
    /// Only cards nobody is assigned to.
    Unassigned,
    /// Only this person's cards.
    Person(PersonId),
}

/// The board's filter bar. The default filter shows every card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardFilter {
    /// Text to find, ignoring case, in the title, description, tags or the assignee's name.
    pub text: String,
    /// Whose cards show.
    pub assignee: AssigneeFilter,
    /// Only cards carrying this tag (ignoring case).
    pub tag: Option<String>,
    /// Only cards of this priority.
    pub priority: Option<Priority>,
}

impl BoardFilter {
    /// True when the filter can hide cards.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
            || self.assignee != AssigneeFilter::Anyone
            || self.tag.is_some()
            || self.priority.is_some()
    }

    /// True when `task` passes the filter. `people` resolves assignee names for the text.
    pub fn matches(&self, task: &Task, people: &[Person]) -> bool {
        PreparedFilter::new(self).matches(task, people)
    }
}

/// A filter with its text lowered once, for matching many tasks.
struct PreparedFilter<'a> {
    filter: &'a BoardFilter,
    needle: String,
    tag: Option<String>,
}

impl<'a> PreparedFilter<'a> {
    fn new(filter: &'a BoardFilter) -> PreparedFilter<'a> {
        PreparedFilter {
            filter,
            needle: filter.text.trim().to_lowercase(),
            tag: filter.tag.as_ref().map(|tag| tag.to_lowercase()),
        }
    }

    fn matches(&self, task: &Task, people: &[Person]) -> bool {
        let assignee_passes = match self.filter.assignee {
            AssigneeFilter::Anyone => true,
            AssigneeFilter::Unassigned => task.assignee.is_none(),
            AssigneeFilter::Person(person) => task.assignee == Some(person),
        };
        if !assignee_passes {
            return false;
        }
        if self
            .filter
            .priority
            .is_some_and(|priority| priority != task.priority)
        {
            return false;
        }
        if let Some(wanted) = &self.tag {
            if !task.tags.iter().any(|tag| tag.to_lowercase() == *wanted) {
                return false;
            }
        }
        if self.needle.is_empty() {
            return true;
        }
        let contains = |text: &str| text.to_lowercase().contains(&self.needle);
        contains(&task.title)
            || contains(&task.description)
            || task.tags.iter().any(|tag| contains(tag))
            || task
                .assignee
                .and_then(|id| people.iter().find(|person| person.id == id))
                .is_some_and(|person| contains(&person.name))
    }
}

/// How the board groups cards into horizontal swimlanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BoardGrouping {
    /// One lane holding every card.
    #[default]
    None,
    /// A lane per team member, and one for unassigned cards.
    Assignee,
}

/// One swimlane of the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lane {
    /// The only lane of an ungrouped board.
    All,
    /// Cards nobody is assigned to.
    Unassigned,
    /// One person's cards.
    Person(PersonId),
}

impl Lane {
    /// The lane `task` belongs to under `grouping`.
    pub fn of(task: &Task, grouping: BoardGrouping) -> Lane {
        match (grouping, task.assignee) {
            (BoardGrouping::None, _) => Lane::All,
            (BoardGrouping::Assignee, None) => Lane::Unassigned,
            (BoardGrouping::Assignee, Some(person)) => Lane::Person(person),
        }
    }

    /// The assignee a card dropped into this lane gets: `None` when the lane says nothing
    /// about assignees ([`Lane::All`]), otherwise the lane's person or nobody.
    pub fn assignee(self) -> Option<Option<PersonId>> {
        match self {
            Lane::All => None,
            Lane::Unassigned => Some(None),
            Lane::Person(person) => Some(Some(person)),
        }
    }
}

/// One swimlane: its cards per board column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardLane {
    /// Which lane this is.
    pub lane: Lane,
    /// Card ids per column, in board column order; each list in plan order.
    pub cells: Vec<Vec<TaskId>>,
    /// How many cards the lane shows, over all columns.
    pub shown: usize,
}

/// The whole board after the filter: lanes of columns of cards, and what the filter hid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardLayout {
    /// The grouping the layout was made with.
    pub grouping: BoardGrouping,
    /// Board columns in display order.
    pub columns: Vec<ColumnId>,
    /// Swimlanes, top to bottom: one ([`Lane::All`]) when not grouped.
    pub lanes: Vec<BoardLane>,
    /// Cards shown.
    pub shown: usize,
    /// Cards the filter hides.
    pub hidden: usize,
    /// Cards per column in `columns` order, whatever the filter: the WIP counts.
    pub counts: Vec<usize>,
}

/// Where a card sits in a [`BoardLayout`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardPlace {
    pub lane: Lane,
    pub column: ColumnId,
    /// The column's position on the board.
    pub column_index: usize,
    /// The card's position among the shown cards of its lane and column.
    pub index: usize,
}

impl BoardLayout {
    /// Every card of the project, shown or not.
    pub fn total(&self) -> usize {
        self.shown + self.hidden
    }

    /// The cards of `column`, whatever the filter; 0 for a column not on the board.
    pub fn count(&self, column: ColumnId) -> usize {
        self.columns
            .iter()
            .position(|known| *known == column)
            .and_then(|index| self.counts.get(index).copied())
            .unwrap_or(0)
    }

    /// The shown cards of `lane` in `column`, in plan order; empty when there are none.
    pub fn cell(&self, lane: Lane, column: ColumnId) -> &[TaskId] {
        let Some(column_index) = self.columns.iter().position(|known| *known == column) else {
            return &[];
        };
        self.lanes
            .iter()
            .find(|known| known.lane == lane)
            .and_then(|known| known.cells.get(column_index))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Where the card `task` is shown, if it is.
    pub fn locate(&self, task: TaskId) -> Option<CardPlace> {
        self.lanes.iter().find_map(|lane| {
            lane.cells
                .iter()
                .enumerate()
                .find_map(|(column_index, cell)| {
                    cell.iter()
                        .position(|id| *id == task)
                        .map(|index| CardPlace {
                            lane: lane.lane,
                            column: self.columns[column_index],
                            column_index,
                            index,
                        })
                })
        })
    }
}

/// Lays out the board of `project`: every card that passes `filter`, per lane and column, in
/// plan order. Grouped by assignee, every team member has a lane (in team order, then
/// "unassigned"); while a filter is active, lanes without a shown card are left out.
pub fn board_layout(
    project: &Project,
    people: &[Person],
    filter: &BoardFilter,
    grouping: BoardGrouping,
) -> BoardLayout {
    let columns: Vec<ColumnId> = project.columns().iter().map(|column| column.id).collect();
    let column_index: IdMap<ColumnId, usize> = columns
        .iter()
        .enumerate()
        .map(|(index, id)| (*id, index))
        .collect();
    let empty_lane = |lane| BoardLane {
        lane,
        cells: vec![Vec::new(); columns.len()],
        shown: 0,
    };
    let lane_keys: Vec<Lane> = match grouping {
        BoardGrouping::None => vec![Lane::All],
        BoardGrouping::Assignee => {
            let mut keys: Vec<Lane> = project
                .team()
                .iter()
                .map(|person| Lane::Person(*person))
                .collect();
            // An assignee who left the team still gets a lane, after the team's.
            for task in project.tasks() {
                if let Some(person) = task.assignee {
                    if !keys.contains(&Lane::Person(person)) {
                        keys.push(Lane::Person(person));
                    }
                }
            }
            keys.push(Lane::Unassigned);
            keys
        }
    };
    let mut lanes: Vec<BoardLane> = lane_keys.iter().map(|lane| empty_lane(*lane)).collect();
    let lane_index: IdMap<Lane, usize> = lane_keys
        .iter()
        .enumerate()
        .map(|(index, lane)| (*lane, index))
        .collect();
    let prepared = PreparedFilter::new(filter);
    let mut shown = 0;
    let mut hidden = 0;
    let mut counts = vec![0; columns.len()];
    for task in project.tasks() {
        let Some(column) = column_index.get(&task.column) else {
            continue;
        };
        counts[*column] += 1;
        if !prepared.matches(task, people) {
            hidden += 1;
            continue;
        }
        let Some(lane) = lane_index.get(&Lane::of(task, grouping)) else {
            continue;
        };
        lanes[*lane].cells[*column].push(task.id);
        lanes[*lane].shown += 1;
        shown += 1;
    }
    if grouping == BoardGrouping::Assignee && filter.is_active() {
        lanes.retain(|lane| lane.shown > 0);
    }
    BoardLayout {
        grouping,
        columns,
        lanes,
        shown,
        hidden,
        counts,
    }
}

/// Every tag used in `project`, once each ignoring case (spelt as it is first used), sorted
/// alphabetically.
pub fn tag_choices(project: &Project) -> Vec<String> {
    // Distinct spellings first, borrowed: plans repeat a few tags over thousands of tasks, so
    // each use costs a few comparisons, not an allocation and a hash. Worked out on every change.
    let mut first_use: BTreeMap<&str, usize> = BTreeMap::new();
    for tag in project.tasks().iter().flat_map(|task| &task.tags) {
        let order = first_use.len();
        first_use.entry(tag.as_str()).or_insert(order);
    }
    let mut by_key: BTreeMap<String, (usize, &str)> = BTreeMap::new();
    for (tag, order) in first_use {
        let choice = by_key.entry(tag.to_lowercase()).or_insert((order, tag));
        if order < choice.0 {
            *choice = (order, tag);
        }
    }
    by_key
        .into_values()
        .map(|(_, tag)| tag.to_string())
        .collect()
}

// ----- Columns and WIP limits -----

/// How full a column is against its WIP limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WipStatus {
    /// Cards in the column, whatever the filter.
    pub count: usize,
    /// The most cards the column should hold.
    pub limit: Option<u32>,
    /// True when the column holds more cards than its limit.
    pub over: bool,
}

impl WipStatus {
    /// The status of `count` cards against `limit`.
    pub fn new(count: usize, limit: Option<u32>) -> WipStatus {
        WipStatus {
            count,
            limit,
            over: limit.is_some_and(|limit| count > limit as usize),
        }
    }
}

/// What a column heading shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnSummary {
    pub id: ColumnId,
    pub name: String,
    pub category: ColumnCategory,
    /// The column's place on the board, from 0.
    pub position: usize,
    /// How many columns the board has.
    pub columns: usize,
    pub wip: WipStatus,
}

/// The heading facts of column `column`, if it exists.
pub fn column_summary(project: &Project, column: ColumnId) -> Option<ColumnSummary> {
    let count = project
        .tasks()
        .iter()
        .filter(|task| task.column == column)
        .count();
    column_summary_of(project, column, count)
}

/// The heading facts of column `column` holding `count` cards (as [`BoardLayout::count`]
/// has them, which saves a pass over every task per column).
pub fn column_summary_of(
    project: &Project,
    column: ColumnId,
    count: usize,
) -> Option<ColumnSummary> {
    let position = project
        .columns()
        .iter()
        .position(|known| known.id == column)?;
    let known = &project.columns()[position];
    Some(ColumnSummary {
        id: column,
        name: known.name.clone(),
        category: known.category,
        position,
        columns: project.columns().len(),
        wip: WipStatus::new(count, known.wip_limit),
    })
}

// ----- Card facts -----

/// How many avatar colours the UI has; [`colour_index`] picks one of them.
pub const AVATAR_COLOURS: usize = 8;

/// A stable colour for `person`'s avatar, from 0 to `colours - 1`: the same person always
/// gets the same colour, on every computer, because it comes from the id alone.
pub fn colour_index(person: PersonId, colours: usize) -> usize {
    // FNV-1a over the UUID's bytes: stable, cheap and well spread.
    let hash = person
        .uuid()
        .as_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    (hash % colours.max(1) as u64) as usize
}

/// Who a card is assigned to, as its avatar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardAssignee {
    pub name: String,
    pub initials: String,
    /// From [`colour_index`].
    pub colour: usize,
}

/// Subtasks of a summary task: how many are done out of how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubtaskCount {
    pub done: usize,
    pub total: usize,
}

/// Everything a card shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardSummary {
    pub title: String,
    pub milestone: bool,
    pub assignee: Option<CardAssignee>,
    /// The last day of work.
    pub end: NaiveDate,
    /// True when the end date is before today and the task is not done.
    pub overdue: bool,
    /// True in a done column or at 100 %.
    pub done: bool,
    /// Percent complete.
    pub progress: u8,
    pub priority: Priority,
    pub tags: Vec<String>,
    /// Direct subtasks; `None` for a task without subtasks.
    pub subtasks: Option<SubtaskCount>,
    /// Titles of the finish-to-start predecessors that are not done yet; the card is blocked
    /// while this is not empty. Always empty once the card itself is done: finished work is
    /// no longer waiting (moving it into done asks first, see [`needs_done_confirmation`]).
    pub blocked_by: Vec<String>,
}

impl CardSummary {
    /// True while a finish-to-start predecessor is not done.
    pub fn blocked(&self) -> bool {
        !self.blocked_by.is_empty()
    }
}

/// The finish-to-start predecessors of `task` that are not done: what blocks it.
pub fn blockers<'a>(project: &'a Project, task: &'a Task) -> impl Iterator<Item = &'a Task> {
    task.dependencies
        .iter()
        .filter(|dependency| dependency.kind == LinkKind::FinishToStart)
        .filter_map(|dependency| project.find_task(dependency.predecessor))
        .filter(|predecessor| !project.is_done(predecessor))
}

/// True while any finish-to-start predecessor of `task` is not done.
pub fn is_blocked(project: &Project, task: &Task) -> bool {
    blockers(project, task).next().is_some()
}

/// The direct subtasks of `task` done out of all of them; `None` without subtasks.
pub fn subtask_count(project: &Project, task: TaskId) -> Option<SubtaskCount> {
    let (done, total) = project.children(task).fold((0, 0), |(done, total), child| {
        (done + usize::from(project.is_done(child)), total + 1)
    });
    (total > 0).then_some(SubtaskCount { done, total })
}

/// Lookups every card needs, built once per change of the project (one pass over the tasks),
/// so that each card's summary costs only its own links instead of scans of the whole plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskIndex {
    /// Position of every task in `Project::tasks`.
    position: IdMap<TaskId, usize>,
    /// Subtasks of each summary task: (done, all).
    subtasks: IdMap<TaskId, (usize, usize)>,
}

impl TaskIndex {
    /// The index of `project`'s tasks.
    pub fn new(project: &Project) -> TaskIndex {
        let mut index = TaskIndex {
            position: IdMap::default(),
            subtasks: IdMap::default(),
        };
        index.position.reserve(project.tasks().len());
        for (position, task) in project.tasks().iter().enumerate() {
            index.position.insert(task.id, position);
            if let Some(parent) = task.parent {
                let count = index.subtasks.entry(parent).or_insert((0, 0));
                count.0 += usize::from(project.is_done(task));
                count.1 += 1;
            }
        }
        index
    }

    /// The task `id` of `project` (which the index was built from), found without a scan.
    pub fn task<'a>(&self, project: &'a Project, id: TaskId) -> Option<&'a Task> {
        let task = project.tasks().get(*self.position.get(&id)?)?;
        (task.id == id).then_some(task.as_ref())
    }
}

/// What the card of task `id` shows on `today`.
pub fn card_summary(
    project: &Project,
    id: TaskId,
    people: &[Person],
    today: NaiveDate,
) -> Option<CardSummary> {
    card_summary_indexed(project, &TaskIndex::new(project), id, people, today)
}

/// [`card_summary`] with the project's [`TaskIndex`] built beforehand: what the board's cards
/// use, one index for all of them.
pub fn card_summary_indexed(
    project: &Project,
    index: &TaskIndex,
    id: TaskId,
    people: &[Person],
    today: NaiveDate,
) -> Option<CardSummary> {
    let task = index.task(project, id)?;
    let done = project.is_done(task);
    let assignee = task
        .assignee
        .and_then(|person| people.iter().find(|known| known.id == person))
        .map(|person| CardAssignee {
            name: person.name.clone(),
            initials: person.initials(),
            colour: colour_index(person.id, AVATAR_COLOURS),
        });
    Some(CardSummary {
        title: task.title.clone(),
        milestone: task.milestone,
        assignee,
        end: task.end,
        overdue: !done && task.end < today,
        done,
        progress: task.progress.percent(),
        priority: task.priority,
        tags: task.tags.clone(),
        subtasks: index.subtasks.get(&id).map(|(done, total)| SubtaskCount {
            done: *done,
            total: *total,
        }),
        blocked_by: if done {
            Vec::new()
        } else {
            task.dependencies
                .iter()
                .filter(|dependency| dependency.kind == LinkKind::FinishToStart)
                .filter_map(|dependency| index.task(project, dependency.predecessor))
                .filter(|predecessor| !project.is_done(predecessor))
                .map(|predecessor| predecessor.title.clone())
                .collect()
        },
    })
}

/// True when moving `task` into `column` should be confirmed first: the column is a done
/// column, the task is not in one yet, and an unfinished predecessor blocks it.
pub fn needs_done_confirmation(project: &Project, task: TaskId, column: ColumnId) -> bool {
    let Some(task) = project.find_task(task) else {
        return false;
    };
    let into_done = project
        .column(column)
        .is_ok_and(|column| column.category == ColumnCategory::Done);
    let already_done = project
        .column(task.column)
        .is_ok_and(|column| column.category == ColumnCategory::Done);
    into_done && !already_done && is_blocked(project, task)
}

// ----- Moves -----

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

/// The card just after `task` in its column, whatever the filter.
fn next_in_column(project: &Project, task: &Task) -> Option<TaskId> {
    let index = project.task_index(task.id)?;
    project.tasks()[index + 1..]
        .iter()
        .find(|other| other.column == task.column)
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
    let Some(task) = project.find_task(card.task) else {
        return false;
    };
    if card
        .assignee
        .is_some_and(|assignee| assignee != task.assignee)
    {
        return false;
    }
    // `move_task` treats "before itself" as "at the end".
    let before = card.before.filter(|before| *before != card.task);
    task.column == card.column && next_in_column(project, task) == before
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
    let column = project.find_task(task)?.column;
    let mut position = None;
    let mut count = 0;
    for id in column_cards(project, column) {
        count += 1;
        if id == task {
            position = Some(count);
        }
    }
    position.map(|position| (position, count))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{date, TestPlan};
    use crate::model::{Column, Dependency, Progress};

    /// A plan on 2027-01-04 with three cards in To do (A, B, C) and two in In progress (D, E).
    fn five_cards() -> (TestPlan, [TaskId; 5]) {
        let mut plan = TestPlan::new("2027-01-04");
        let a = plan.task("A", "2027-01-04", "2027-01-05", 8, None);
        let b = plan.task("B", "2027-01-04", "2027-01-05", 8, None);
        let c = plan.task("C", "2027-01-04", "2027-01-05", 8, None);
        let d = plan.task("D", "2027-01-04", "2027-01-05", 8, None);
        let e = plan.task("E", "2027-01-04", "2027-01-05", 8, None);
        plan.move_to(d, ColumnCategory::InProgress, "2027-01-04");
        plan.move_to(e, ColumnCategory::InProgress, "2027-01-04");
        (plan, [a, b, c, d, e])
    }

    fn layout(plan: &TestPlan) -> BoardLayout {
        board_layout(
            plan.project(),
            plan.workspace.people(),
            &BoardFilter::default(),
            BoardGrouping::None,
        )
    }

    fn apply(plan: &mut TestPlan, card: CardMove) {
        let today = plan.today;
        plan.project_mut()
            .move_task(card.task, card.column, card.before, today)
            .expect("valid move");
    }

    fn titles(plan: &TestPlan, column: ColumnCategory) -> Vec<String> {
        let column = plan.column(column);
        column_cards(plan.project(), column)
            .map(|id| plan.project().task(id).expect("exists").title.clone())
            .collect()
    }

    #[test]
    fn the_layout_puts_cards_in_their_columns_in_plan_order() {
        let (plan, [a, b, c, d, e]) = five_cards();
        let board = layout(&plan);
        assert_eq!(board.lanes.len(), 1);
        assert_eq!(
            board.cell(Lane::All, plan.column(ColumnCategory::Todo)),
            &[a, b, c]
        );
        assert_eq!(
            board.cell(Lane::All, plan.column(ColumnCategory::InProgress)),
            &[d, e]
        );
        assert!(board
            .cell(Lane::All, plan.column(ColumnCategory::Done))
            .is_empty());
        assert_eq!((board.shown, board.hidden), (5, 0));
    }

    #[test]
    fn filters_hide_cards_and_count_them() {
        let (mut plan, [a, b, c, _, _]) = five_cards();
        let ada = plan.person("Ada Lovelace", 0);
        plan.edit(a, |task| {
            task.tags = vec!["Backend".into()];
            task.assignee = Some(ada);
        });
        plan.edit(b, |task| task.priority = Priority::Urgent);
        plan.edit(c, |task| task.description = "Needs the VPN".into());
        let people = plan.workspace.people().to_vec();
        let count = |filter: BoardFilter| {
            let board = board_layout(plan.project(), &people, &filter, BoardGrouping::None);
            (board.shown, board.hidden)
        };
        assert_eq!(
            count(BoardFilter {
                text: " vpn ".into(),
                ..BoardFilter::default()
            }),
            (1, 4)
        );
        assert_eq!(
            count(BoardFilter {
                text: "lovelace".into(),
                ..BoardFilter::default()
            }),
            (1, 4)
        );
        assert_eq!(
            count(BoardFilter {
                tag: Some("backend".into()),
                ..BoardFilter::default()
            }),
            (1, 4)
        );
        assert_eq!(
            count(BoardFilter {
                priority: Some(Priority::Urgent),
                ..BoardFilter::default()
            }),
            (1, 4)
        );
        assert_eq!(
            count(BoardFilter {
                assignee: AssigneeFilter::Unassigned,
                ..BoardFilter::default()
            }),
            (4, 1)
        );
        assert_eq!(
            count(BoardFilter {
                assignee: AssigneeFilter::Person(ada),
                ..BoardFilter::default()
            }),
            (1, 4)
        );
        assert!(!BoardFilter::default().is_active());
    }

    #[test]
    fn grouping_by_assignee_makes_a_lane_per_team_member_then_unassigned() {
        let (mut plan, [a, _, c, d, _]) = five_cards();
        let ada = plan.person("Ada Lovelace", 0);
        let bob = plan.person("Bob Stone", 0);
        plan.edit(a, |task| task.assignee = Some(bob));
        plan.edit(d, |task| task.assignee = Some(bob));
        plan.edit(c, |task| task.assignee = Some(ada));
        let board = board_layout(
            plan.project(),
            plan.workspace.people(),
            &BoardFilter::default(),
            BoardGrouping::Assignee,
        );
        let lanes: Vec<Lane> = board.lanes.iter().map(|lane| lane.lane).collect();
        assert_eq!(
            lanes,
            vec![Lane::Person(ada), Lane::Person(bob), Lane::Unassigned]
        );
        assert_eq!(
            board.cell(Lane::Person(bob), plan.column(ColumnCategory::Todo)),
            &[a]
        );
        assert_eq!(
            board.cell(Lane::Person(bob), plan.column(ColumnCategory::InProgress)),
            &[d]
        );
        assert_eq!(board.lanes[2].shown, 2);

        let filtered = board_layout(
            plan.project(),
            plan.workspace.people(),
            &BoardFilter {
                assignee: AssigneeFilter::Person(ada),
                ..BoardFilter::default()
            },
            BoardGrouping::Assignee,
        );
        assert_eq!(filtered.lanes.len(), 1, "empty lanes go while filtering");
    }

    #[test]
    fn wip_status_flags_a_column_over_its_limit() {
        assert!(!WipStatus::new(4, Some(4)).over);
        assert!(WipStatus::new(5, Some(4)).over);
        assert!(!WipStatus::new(50, None).over);
        let (mut plan, _) = five_cards();
        let in_progress = plan.column(ColumnCategory::InProgress);
        let mut column = plan.project().column(in_progress).expect("exists").clone();
        column.wip_limit = Some(1);
        let today = plan.today;
        plan.project_mut()
            .update_column(column, today)
            .expect("valid limit");
        let summary = column_summary(plan.project(), in_progress).expect("exists");
        assert_eq!(summary.name, "In progress");
        assert_eq!(summary.position, 1);
        assert_eq!(summary.columns, 3);
        assert_eq!(summary.wip, WipStatus::new(2, Some(1)));
        assert!(summary.wip.over);
    }

    #[test]
    fn keyboard_moves_up_and_down_reorder_within_the_column() {
        let (mut plan, [a, b, c, _, _]) = five_cards();
        let board = layout(&plan);
        let down = key_move(plan.project(), &board, a, MoveDirection::Down).expect("can go down");
        apply(&mut plan, down);
        assert_eq!(titles(&plan, ColumnCategory::Todo), ["B", "A", "C"]);
        let board = layout(&plan);
        let up = key_move(plan.project(), &board, c, MoveDirection::Up).expect("can go up");
        apply(&mut plan, up);
        assert_eq!(titles(&plan, ColumnCategory::Todo), ["B", "C", "A"]);
        let board = layout(&plan);
        assert_eq!(
            key_move(plan.project(), &board, b, MoveDirection::Up),
            None,
            "the top card cannot go up"
        );
        assert_eq!(
            key_move(plan.project(), &board, a, MoveDirection::Down),
            None
        );
        assert_eq!(
            key_move(plan.project(), &board, b, MoveDirection::Top),
            None
        );
        let bottom = key_move(plan.project(), &board, b, MoveDirection::Bottom).expect("moves");
        apply(&mut plan, bottom);
        assert_eq!(titles(&plan, ColumnCategory::Todo), ["C", "A", "B"]);
        let board = layout(&plan);
        let top = key_move(plan.project(), &board, b, MoveDirection::Top).expect("moves");
        apply(&mut plan, top);
        assert_eq!(titles(&plan, ColumnCategory::Todo), ["B", "C", "A"]);
    }

    #[test]
    fn keyboard_moves_across_columns_keep_the_cards_height() {
        let (mut plan, [_, b, _, _, _]) = five_cards();
        let board = layout(&plan);
        let right = key_move(plan.project(), &board, b, MoveDirection::NextColumn).expect("moves");
        assert_eq!(right.column, plan.column(ColumnCategory::InProgress));
        apply(&mut plan, right);
        assert_eq!(titles(&plan, ColumnCategory::InProgress), ["D", "B", "E"]);
        let board = layout(&plan);
        let right = key_move(plan.project(), &board, b, MoveDirection::NextColumn).expect("moves");
        apply(&mut plan, right);
        assert_eq!(titles(&plan, ColumnCategory::Done), ["B"]);
        let board = layout(&plan);
        assert_eq!(
            key_move(plan.project(), &board, b, MoveDirection::NextColumn),
            None,
            "the last column has nothing on its right"
        );
        let left =
            key_move(plan.project(), &board, b, MoveDirection::PreviousColumn).expect("moves");
        let d = board.cell(Lane::All, plan.column(ColumnCategory::InProgress))[0];
        assert_eq!(left.before, Some(d), "height 0 lands at the top");
        let board_a = layout(&plan);
        let first = key_move(
            plan.project(),
            &board_a,
            board_a.cell(Lane::All, plan.column(ColumnCategory::Todo))[0],
            MoveDirection::PreviousColumn,
        );
        assert_eq!(first, None, "the first column has nothing on its left");
    }

    #[test]
    fn moving_into_done_completes_the_task_and_out_again_clears_the_date() {
        let (mut plan, [a, _, _, _, _]) = five_cards();
        plan.today = date("2027-01-06");
        let board = layout(&plan);
        let done = plan.column(ColumnCategory::Done);
        let card = drop_move(plan.project(), &board, a, Lane::All, done, 0);
        apply(&mut plan, card);
        let task = plan.project().task(a).expect("exists");
        assert_eq!(task.progress, Progress::DONE);
        assert_eq!(task.completed, Some(date("2027-01-06")));
        let todo = plan.column(ColumnCategory::Todo);
        let board = layout(&plan);
        let back = drop_move(plan.project(), &board, a, Lane::All, todo, 0);
        apply(&mut plan, back);
        assert_eq!(plan.project().task(a).expect("exists").completed, None);
    }

    #[test]
    fn a_drop_lands_at_its_index_and_past_the_end_after_the_last_shown_card() {
        let (mut plan, [a, b, c, d, _]) = five_cards();
        let todo = plan.column(ColumnCategory::Todo);
        let board = layout(&plan);
        let card = drop_move(plan.project(), &board, d, Lane::All, todo, 1);
        assert_eq!(card.before, Some(b));
        apply(&mut plan, card);
        assert_eq!(titles(&plan, ColumnCategory::Todo), ["A", "D", "B", "C"]);

        // With C hidden, dropping after the last shown card (B) lands before C.
        let filter = BoardFilter {
            text: "a".into(),
            ..BoardFilter::default()
        };
        plan.edit(b, |task| task.title = "Bay".into());
        let filtered = board_layout(
            plan.project(),
            plan.workspace.people(),
            &filter,
            BoardGrouping::None,
        );
        assert_eq!(filtered.cell(Lane::All, todo), &[a, b]);
        let e = plan.project().tasks()[4].id;
        let card = drop_move(plan.project(), &filtered, e, Lane::All, todo, 2);
        assert_eq!(card.before, Some(c));
        assert_eq!(card.assignee, None);
    }

    #[test]
    fn a_drop_where_the_card_already_is_changes_nothing() {
        let (plan, [a, b, _, _, _]) = five_cards();
        let todo = plan.column(ColumnCategory::Todo);
        let board = layout(&plan);
        let c = board.cell(Lane::All, todo)[2];
        for (task, index) in [(a, 0), (b, 1), (c, 2), (c, 9)] {
            let card = drop_move(plan.project(), &board, task, Lane::All, todo, index);
            assert!(is_noop(plan.project(), &card), "index {index}");
        }
        let card = drop_move(plan.project(), &board, a, Lane::All, todo, 1);
        assert!(!is_noop(plan.project(), &card), "after B is a real move");
        let card = drop_move(plan.project(), &board, b, Lane::All, todo, 0);
        assert!(!is_noop(plan.project(), &card));
    }

    #[test]
    fn a_drop_into_another_persons_lane_reassigns_the_card() {
        let (mut plan, [a, _, _, _, _]) = five_cards();
        let ada = plan.person("Ada Lovelace", 0);
        let board = board_layout(
            plan.project(),
            plan.workspace.people(),
            &BoardFilter::default(),
            BoardGrouping::Assignee,
        );
        let todo = plan.column(ColumnCategory::Todo);
        let card = drop_move(plan.project(), &board, a, Lane::Person(ada), todo, 0);
        assert_eq!(card.assignee, Some(Some(ada)));
        assert!(!is_noop(plan.project(), &card));
        let same = drop_move(plan.project(), &board, a, Lane::Unassigned, todo, 0);
        assert_eq!(same.assignee, None);
    }

    #[test]
    fn cards_show_blocked_subtasks_and_overdue_facts() {
        let mut plan = TestPlan::new("2027-01-04");
        let build = plan.task("Build", "2027-01-04", "2027-01-05", 8, None);
        let mut test = plan.draft("Test", "2027-01-06", "2027-01-07");
        test.dependencies.push(Dependency::finish_to_start(build));
        let test = plan.add(test);
        let mut unit = plan.draft("Unit tests", "2027-01-06", "2027-01-06");
        unit.parent = Some(test);
        let unit = plan.add(unit);
        let mut e2e = plan.draft("E2E tests", "2027-01-06", "2027-01-06");
        e2e.parent = Some(test);
        plan.add(e2e);
        plan.progress(unit, 100);

        let project = plan.project();
        let card = card_summary(project, test, &[], date("2027-01-10")).expect("exists");
        assert!(card.blocked());
        assert_eq!(card.blocked_by, ["Build"]);
        assert_eq!(card.subtasks, Some(SubtaskCount { done: 1, total: 2 }));
        assert!(card.overdue);
        assert!(needs_done_confirmation(
            project,
            test,
            plan.column(ColumnCategory::Done)
        ));
        assert!(!needs_done_confirmation(
            project,
            test,
            plan.column(ColumnCategory::InProgress)
        ));
        let on_time = card_summary(project, test, &[], date("2027-01-07")).expect("exists");
        assert!(!on_time.overdue, "due today is not overdue yet");

        let mut finished = plan.project().clone();
        finished
            .move_task(
                test,
                plan.column(ColumnCategory::Done),
                None,
                date("2027-01-10"),
            )
            .expect("valid move");
        let card = card_summary(&finished, test, &[], date("2027-01-10")).expect("exists");
        assert!(!card.blocked(), "a done card is not shown as blocked");

        plan.move_to(build, ColumnCategory::Done, "2027-01-05");
        let card = card_summary(plan.project(), test, &[], date("2027-01-05")).expect("exists");
        assert!(!card.blocked(), "a done predecessor no longer blocks");
        let done = card_summary(plan.project(), build, &[], date("2027-02-01")).expect("exists");
        assert!(done.done && !done.overdue);
        assert_eq!(done.progress, 100);
    }

    #[test]
    fn only_finish_to_start_links_block() {
        let mut plan = TestPlan::new("2027-01-04");
        let build = plan.task("Build", "2027-01-04", "2027-01-05", 8, None);
        let mut docs = plan.draft("Docs", "2027-01-04", "2027-01-05");
        docs.dependencies.push(Dependency {
            predecessor: build,
            kind: LinkKind::StartToStart,
            lag: 0,
        });
        let docs = plan.add(docs);
        let task = plan.project().task(docs).expect("exists");
        assert!(!is_blocked(plan.project(), task));
    }

    #[test]
    fn avatar_colours_are_stable_and_in_range() {
        let mut plan = TestPlan::new("2027-01-04");
        let ada = plan.person("Ada", 0);
        let first = colour_index(ada, AVATAR_COLOURS);
        assert_eq!(first, colour_index(ada, AVATAR_COLOURS));
        assert!(first < AVATAR_COLOURS);
        let spread: std::collections::HashSet<usize> = (0..64u128)
            .map(|n| colour_index(PersonId(uuid::Uuid::from_u128(n)), AVATAR_COLOURS))
            .collect();
        assert!(spread.len() > 4, "colours spread over people");
        assert_eq!(colour_index(ada, 0), 0);
    }

    #[test]
    fn focus_moves_to_neighbours_and_across_empty_columns() {
        let mut plan = TestPlan::new("2027-01-04");
        let a = plan.task("A", "2027-01-04", "2027-01-05", 8, None);
        let b = plan.task("B", "2027-01-04", "2027-01-05", 8, None);
        let d = plan.task("D", "2027-01-04", "2027-01-05", 8, None);
        plan.move_to(d, ColumnCategory::Done, "2027-01-04");
        let board = layout(&plan);
        assert_eq!(neighbour(&board, a, MoveDirection::Down), Some(b));
        assert_eq!(neighbour(&board, b, MoveDirection::Up), Some(a));
        assert_eq!(neighbour(&board, a, MoveDirection::Up), None);
        assert_eq!(
            neighbour(&board, b, MoveDirection::NextColumn),
            Some(d),
            "skips the empty In progress column"
        );
        assert_eq!(neighbour(&board, d, MoveDirection::PreviousColumn), Some(a));
    }

    #[test]
    fn the_position_after_a_move_counts_from_one() {
        let (plan, [_, b, _, _, e]) = five_cards();
        assert_eq!(column_position(plan.project(), b), Some((2, 3)));
        assert_eq!(column_position(plan.project(), e), Some((2, 2)));
    }

    #[test]
    fn tags_are_offered_once_each_in_alphabetical_order() {
        let (mut plan, [a, b, _, _, _]) = five_cards();
        plan.edit(a, |task| task.tags = vec!["ui".into(), "Backend".into()]);
        plan.edit(b, |task| task.tags = vec!["backend".into(), "api".into()]);
        assert_eq!(tag_choices(plan.project()), ["api", "Backend", "ui"]);
    }

    #[test]
    fn a_column_update_keeps_its_cards() {
        let (mut plan, _) = five_cards();
        let todo = plan.column(ColumnCategory::Todo);
        let renamed = Column {
            name: "Backlog".into(),
            ..plan.project().column(todo).expect("exists").clone()
        };
        let today = plan.today;
        plan.project_mut()
            .update_column(renamed, today)
            .expect("valid");
        let summary = column_summary(plan.project(), todo).expect("exists");
        assert_eq!(summary.name, "Backlog");
        assert_eq!(summary.wip.count, 3);
    }

    #[test]
    fn the_layout_counts_every_card_of_a_column_whatever_the_filter() {
        let (plan, _) = five_cards();
        let filter = BoardFilter {
            text: "A".into(),
            ..BoardFilter::default()
        };
        let board = board_layout(
            plan.project(),
            plan.workspace.people(),
            &filter,
            BoardGrouping::Assignee,
        );
        assert_eq!(board.shown, 1);
        for category in [
            ColumnCategory::Todo,
            ColumnCategory::InProgress,
            ColumnCategory::Done,
        ] {
            let column = plan.column(category);
            let counted = column_summary(plan.project(), column).expect("exists");
            assert_eq!(board.count(column), counted.wip.count, "{category:?}");
            assert_eq!(
                column_summary_of(plan.project(), column, board.count(column)),
                Some(counted)
            );
        }
        assert_eq!(board.count(ColumnId(uuid::Uuid::nil())), 0);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn keyboard_moves_keep_every_card_and_move_only_the_one(
                order in proptest::collection::vec(0usize..3, 1..12),
                pick in 0usize..12,
                direction in 0usize..6,
            ) {
                let mut plan = TestPlan::new("2027-01-04");
                let mut ids = Vec::new();
                for (index, category) in order.iter().enumerate() {
                    let id = plan.task(&format!("T{index}"), "2027-01-04", "2027-01-05", 1, None);
                    plan.move_to(id, ColumnCategory::ALL[*category], "2027-01-04");
                    ids.push(id);
                }
                let task = ids[pick % ids.len()];
                let direction = [
                    MoveDirection::Up,
                    MoveDirection::Down,
                    MoveDirection::PreviousColumn,
                    MoveDirection::NextColumn,
                    MoveDirection::Top,
                    MoveDirection::Bottom,
                ][direction];
                let before = plan.project().clone();
                let board = layout(&plan);
                if let Some(card) = key_move(plan.project(), &board, task, direction) {
                    apply(&mut plan, card);
                    let after = plan.project();
                    prop_assert_eq!(after.tasks().len(), before.tasks().len());
                    // Every other card keeps its column and relative order.
                    let others = |project: &Project| -> Vec<(TaskId, ColumnId)> {
                        project.tasks().iter().filter(|t| t.id != task).map(|t| (t.id, t.column)).collect()
                    };
                    prop_assert_eq!(others(after), others(&before));
                    let place = layout(&plan).locate(task).expect("still shown");
                    let old = board.locate(task).expect("was shown");
                    match direction {
                        MoveDirection::Up => prop_assert_eq!(place.index + 1, old.index),
                        MoveDirection::Down => prop_assert_eq!(place.index, old.index + 1),
                        MoveDirection::PreviousColumn => prop_assert_eq!(place.column_index + 1, old.column_index),
                        MoveDirection::NextColumn => prop_assert_eq!(place.column_index, old.column_index + 1),
                        MoveDirection::Top => prop_assert_eq!(place.index, 0),
                        MoveDirection::Bottom => prop_assert_eq!(place.index + 1, layout(&plan).cell(place.lane, place.column).len()),
                    }
                } else {
                    // No move: the card already sits at the edge it was asked to pass.
                    let old = board.locate(task).expect("was shown");
                    let last = board.cell(old.lane, old.column).len() - 1;
                    match direction {
                        MoveDirection::Up | MoveDirection::Top => prop_assert_eq!(old.index, 0),
                        MoveDirection::Down | MoveDirection::Bottom => prop_assert_eq!(old.index, last),
                        MoveDirection::PreviousColumn => prop_assert_eq!(old.column_index, 0),
                        MoveDirection::NextColumn => prop_assert_eq!(old.column_index + 1, board.columns.len()),
                    }
                }
            }

            /// The tag choices are every tag once ignoring case, spelt as first used, sorted by
            /// their lower case: the straightforward way, one lower-cased key per use.
            #[test]
            fn tag_choices_are_each_tag_once_as_first_spelt(
                tags in proptest::collection::vec(
                    proptest::collection::vec("[aAbBcÄä]{1,3}", 0..4),
                    0..8,
                ),
            ) {
                let mut plan = TestPlan::new("2027-01-04");
                for (index, task_tags) in tags.iter().enumerate() {
                    let id = plan.task(&format!("T{index}"), "2027-01-04", "2027-01-05", 1, None);
                    plan.edit(id, |task| task.tags = task_tags.clone());
                }
                let mut expected: Vec<(String, String)> = Vec::new();
                for tag in tags.iter().flatten() {
                    let key = tag.to_lowercase();
                    if !expected.iter().any(|(known, _)| *known == key) {
                        expected.push((key, tag.clone()));
                    }
                }
                expected.sort();
                let expected: Vec<String> = expected.into_iter().map(|(_, tag)| tag).collect();
                prop_assert_eq!(tag_choices(plan.project()), expected);
            }
        }
    }
}
