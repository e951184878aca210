//! The board's layout: the filter and grouping, which cards show in which lane and column, the
//! tag choices, and how full each column is against its WIP limit.

use crate::model::ids::IdMap;
use crate::model::ids::{ColumnId, PersonId, TaskId};
use crate::model::person::Person;
use crate::model::project::{ColumnCategory, Project};
use crate::model::task::{Priority, Task};
use std::collections::BTreeMap;

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
pub(super) struct PreparedFilter<'a> {
    filter: &'a BoardFilter,
    needle: String,
    tag: Option<String>,
}

impl<'a> PreparedFilter<'a> {
    pub(super) fn new(filter: &'a BoardFilter) -> PreparedFilter<'a> {
        PreparedFilter {
            filter,
            needle: filter.text.trim().to_lowercase(),
            tag: filter.tag.as_ref().map(|tag| tag.to_lowercase()),
        }
    }

    pub(super) fn matches(&self, task: &Task, people: &[Person]) -> bool {
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
