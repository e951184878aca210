//! Board verbs: moving cards (by drop, by keyboard, by menu), quick add, and column edits.
//!
//! Each verb is one undo step through `apply`/`try_apply`; where a card lands and whether a
//! move changes anything is decided by `model::board`, and the done rules by
//! `Project::move_task`. A move that would change nothing records no undo step. Moves announce
//! themselves through [`Notice`], which the live region reads out. The board's filter and
//! grouping are view state: the Board keeps them in its own signals (as the Timeline keeps its
//! zoom and toggles) and hands them to the keyboard moves, which step over shown cards only.

use super::clock::RandomIds;
use super::{AppError, AppState, Notice};
use crate::model::board::{self, BoardFilter, BoardGrouping, CardMove, Lane, MoveDirection};
use crate::model::{Column, ColumnCategory, ColumnId, ModelError, ProjectId, TaskId};
use leptos::prelude::*;

/// What a keyboard move did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyMove {
    /// The card moved.
    Moved,
    /// The move takes a blocked card into a done column: the UI asks, then calls
    /// [`AppState::move_card`] with this move.
    NeedsConfirmation(CardMove),
    /// The card cannot go that way (top, bottom, first or last column); nothing changed.
    Nowhere,
}

/// The fields of a column as the board's dialogs and the settings table edit them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnDraft {
    pub name: String,
    pub category: ColumnCategory,
    /// At least 1 when set.
    pub wip_limit: Option<u32>,
}

impl From<&Column> for ColumnDraft {
    fn from(column: &Column) -> ColumnDraft {
        ColumnDraft {
            name: column.name.clone(),
            category: column.category,
            wip_limit: column.wip_limit,
        }
    }
}

impl AppState {
    /// Moves a card as `card` says (done rules included) and announces where it landed.
    /// Returns false when nothing changed: a move to where the card already is, or a refused
    /// one (whose error is shown).
    pub fn move_card(self, project: ProjectId, card: CardMove) -> bool {
        let today = self.today.get_untracked();
        let unchanged = self.workspace.with_untracked(|workspace| {
            workspace
                .find_project(project)
                .is_some_and(|known| board::is_noop(known, &card))
        });
        if unchanged {
            return false;
        }
        let landed = self.apply("Move card", |workspace| {
            let target = workspace.project_mut(project)?;
            if let Some(assignee) = card.assignee {
                let mut task = target.task(card.task)?.clone();
                task.assignee = assignee;
                target.update_task(task, today)?;
            }
            target.move_task(card.task, card.column, card.before, today)?;
            Ok(board::column_position(target, card.task))
        });
        match landed {
            Some(Some((position, count))) => {
                self.notice.set(Some(Notice::CardMoved {
                    task: card.task,
                    column: card.column,
                    position,
                    count,
                }));
                true
            }
            Some(None) => true,
            None => false,
        }
    }

    /// Moves a card one step from the keyboard (or a "Move to…" choice within its column),
    /// over the cards `view` shows. A blocked card bound for a done column is not moved: the
    /// answer asks the UI to confirm first. A card with nowhere to go is announced as such.
    pub fn move_card_by_key(
        self,
        project: ProjectId,
        task: TaskId,
        direction: MoveDirection,
        filter: &BoardFilter,
        grouping: BoardGrouping,
    ) -> KeyMove {
        let planned = self.workspace.with_untracked(|workspace| {
            let known = workspace.find_project(project)?;
            let layout = board::board_layout(known, workspace.people(), filter, grouping);
            let card = board::key_move(known, &layout, task, direction)?;
            Some((
                card,
                board::needs_done_confirmation(known, task, card.column),
            ))
        });
        match planned {
            Some((card, true)) => KeyMove::NeedsConfirmation(card),
            Some((card, false)) => {
                if self.move_card(project, card) {
                    KeyMove::Moved
                } else {
                    KeyMove::Nowhere
                }
            }
            None => {
                self.notice
                    .set(Some(Notice::CardAtEdge { task, direction }));
                KeyMove::Nowhere
            }
        }
    }

    /// Quick add: a one-day card titled `title` at the bottom of `column`, assigned to the
    /// lane's person when added in a swimlane. The error comes back for the quick-add field.
    pub fn quick_add_card(
        self,
        project: ProjectId,
        column: ColumnId,
        lane: Lane,
        title: &str,
    ) -> Result<TaskId, AppError> {
        let today = self.today.get_untracked();
        let draft = self
            .workspace
            .with_untracked(|workspace| {
                workspace
                    .find_project(project)
                    .and_then(|known| self.draft_task(known, Some(column)))
            })
            .ok_or(AppError::Model(ModelError::UnknownProject(project)))?;
        let mut task = draft;
        task.title = title.to_string();
        task.assignee = lane.assignee().flatten();
        let id = task.id;
        self.try_apply("Add task", |workspace| {
            workspace.project_mut(project)?.add_task(task, today)?;
            Ok(())
        })?;
        self.error.set(None);
        self.notice
            .set(Some(Notice::CardAdded { task: id, column }));
        Ok(id)
    }

    /// Adds a column at the right end of the board.
    pub fn add_column(self, project: ProjectId, draft: ColumnDraft) -> Result<ColumnId, AppError> {
        let id = ColumnId::new(&mut RandomIds);
        let column = Column {
            id,
            name: draft.name,
            category: draft.category,
            wip_limit: draft.wip_limit,
        };
        self.try_apply("Add column", |workspace| {
            workspace.project_mut(project)?.add_column(column, None)?;
            Ok(id)
        })
    }

    /// Changes a column's name, category and WIP limit; cards follow the done rules when the
    /// category changes to or from done.
    pub fn update_column(
        self,
        project: ProjectId,
        column: ColumnId,
        draft: ColumnDraft,
    ) -> Result<(), AppError> {
        let today = self.today.get_untracked();
        self.try_apply("Edit column", |workspace| {
            let target = workspace.project_mut(project)?;
            let mut changed = target.column(column)?.clone();
            changed.name = draft.name;
            changed.category = draft.category;
            changed.wip_limit = draft.wip_limit;
            Ok(target.update_column(changed, today)?)
        })
    }

    /// Moves a column `offset` places to the right (left when negative), within the board.
    /// Returns false when it cannot go further.
    pub fn move_column(self, project: ProjectId, column: ColumnId, offset: isize) -> bool {
        let position = self.workspace.with_untracked(|workspace| {
            workspace
                .find_project(project)
                .and_then(|known| known.columns().iter().position(|other| other.id == column))
        });
        let Some(position) = position else {
            return false;
        };
        let target = position.saturating_add_signed(offset);
        target != position
            && self
                .apply("Move column", |workspace| {
                    Ok(workspace
                        .project_mut(project)?
                        .move_column(column, target)?)
                })
                .is_some()
    }

    /// Deletes a column, moving its cards to `cards_to`.
    pub fn delete_column(self, project: ProjectId, column: ColumnId, cards_to: ColumnId) -> bool {
        let today = self.today.get_untracked();
        self.apply("Delete column", |workspace| {
            Ok(workspace
                .project_mut(project)?
                .remove_column(column, cards_to, today)?)
        })
        .is_some()
    }

    /// A column's current fields, for the dialogs.
    pub fn column_draft(
        self,
        project: ProjectId,
        column: ColumnId,
    ) -> Result<ColumnDraft, AppError> {
        self.workspace.with_untracked(|workspace| {
            Ok(ColumnDraft::from(
                workspace.project(project)?.column(column)?,
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::date as day;
    use crate::model::{
        Currency, Dependency, Person, PersonId, Progress, Project, SequentialIds, Task, Workspace,
    };
    use crate::store::persist::Saved;
    use leptos::prelude::Owner;

    /// A state on 2027-01-04 with one project: To do holds A, B, C; In progress holds D.
    struct Board {
        state: AppState,
        project: ProjectId,
        columns: Vec<ColumnId>,
        tasks: Vec<TaskId>,
        ada: PersonId,
    }

    fn board() -> Board {
        let mut ids = SequentialIds::starting_at(1000);
        let start = day("2027-01-04");
        let mut project = Project::new(
            ProjectId::new(&mut ids),
            "Board",
            start,
            Currency::EUR,
            &mut ids,
        )
        .expect("valid project");
        let columns: Vec<ColumnId> = project.columns().iter().map(|column| column.id).collect();
        let mut tasks = Vec::new();
        for (title, column) in [("A", 0), ("B", 0), ("C", 0), ("D", 1)] {
            let task = Task::new(TaskId::new(&mut ids), title, columns[column], start, start);
            tasks.push(task.id);
            project.add_task(task, start).expect("valid task");
        }
        let id = project.id;
        let mut workspace = Workspace::default();
        workspace.add_project(project).expect("added");
        let ada = PersonId::new(&mut ids);
        workspace
            .add_person(Person::new(ada, "Ada Lovelace"), Some(id))
            .expect("added");
        let state = AppState::with_workspace(workspace, Saved::default());
        state.today.set(start);
        Board {
            state,
            project: id,
            columns,
            tasks,
            ada,
        }
    }

    impl Board {
        fn titles(&self, column: usize) -> Vec<String> {
            self.state.workspace().with_untracked(|workspace| {
                let project = workspace.project(self.project).expect("exists");
                board::column_cards(project, self.columns[column])
                    .map(|id| project.task(id).expect("exists").title.clone())
                    .collect()
            })
        }

        fn task(&self, id: TaskId) -> Task {
            self.state.workspace().with_untracked(|workspace| {
                workspace
                    .project(self.project)
                    .and_then(|project| project.task(id))
                    .expect("exists")
                    .clone()
            })
        }
    }

    #[test]
    fn a_card_move_is_one_undo_step_and_is_announced() {
        let owner = Owner::new();
        owner.set();
        let board = board();
        let [a, _, _, d] = board.tasks[..] else {
            panic!("four tasks")
        };
        assert!(board.state.move_card(
            board.project,
            CardMove {
                task: a,
                column: board.columns[1],
                before: Some(d),
                assignee: None,
            }
        ));
        assert_eq!(board.titles(1), ["A", "D"]);
        assert_eq!(
            board.state.notice.get_untracked(),
            Some(Notice::CardMoved {
                task: a,
                column: board.columns[1],
                position: 1,
                count: 2
            })
        );
        board.state.undo();
        assert_eq!(board.titles(0), ["A", "B", "C"]);
        assert_eq!(board.titles(1), ["D"]);
    }

    #[test]
    fn a_move_to_where_the_card_is_records_nothing() {
        let owner = Owner::new();
        owner.set();
        let board = board();
        let [a, b, _, _] = board.tasks[..] else {
            panic!("four tasks")
        };
        assert!(!board.state.move_card(
            board.project,
            CardMove {
                task: a,
                column: board.columns[0],
                before: Some(b),
                assignee: None,
            }
        ));
        assert!(!board.state.history_marks.get_untracked().0);
    }

    #[test]
    fn keyboard_moves_follow_the_shown_cards_and_say_when_stuck() {
        let owner = Owner::new();
        owner.set();
        let board = board();
        let [a, b, c, _] = board.tasks[..] else {
            panic!("four tasks")
        };
        let all = BoardFilter::default();
        let none = BoardGrouping::None;
        let moved = board
            .state
            .move_card_by_key(board.project, a, MoveDirection::Down, &all, none);
        assert_eq!(moved, KeyMove::Moved);
        assert_eq!(board.titles(0), ["B", "A", "C"]);
        let stuck = board
            .state
            .move_card_by_key(board.project, b, MoveDirection::Up, &all, none);
        assert_eq!(stuck, KeyMove::Nowhere);
        assert_eq!(
            board.state.notice.get_untracked(),
            Some(Notice::CardAtEdge {
                task: b,
                direction: MoveDirection::Up
            })
        );
        // With A hidden, C steps up over B only.
        let filtered = BoardFilter {
            text: "c".into(),
            ..BoardFilter::default()
        };
        let hidden_up =
            board
                .state
                .move_card_by_key(board.project, c, MoveDirection::Up, &filtered, none);
        assert_eq!(hidden_up, KeyMove::Nowhere, "C is the only card shown");
        let right =
            board
                .state
                .move_card_by_key(board.project, c, MoveDirection::NextColumn, &all, none);
        assert_eq!(right, KeyMove::Moved);
        assert_eq!(board.titles(1), ["D", "C"]);
    }

    #[test]
    fn a_blocked_card_bound_for_done_waits_for_confirmation() {
        let owner = Owner::new();
        owner.set();
        let board = board();
        let [a, _, _, d] = board.tasks[..] else {
            panic!("four tasks")
        };
        assert!(board.state.update_task(board.project, {
            let mut task = board.task(d);
            task.dependencies.push(Dependency::finish_to_start(a));
            task
        }));
        let asked = board.state.move_card_by_key(
            board.project,
            d,
            MoveDirection::NextColumn,
            &BoardFilter::default(),
            BoardGrouping::None,
        );
        let KeyMove::NeedsConfirmation(card) = asked else {
            panic!("expected a question, got {asked:?}")
        };
        assert_eq!(board.titles(2), Vec::<String>::new(), "nothing moved yet");
        board.state.today.set(day("2027-01-08"));
        assert!(board.state.move_card(board.project, card));
        let done = board.task(d);
        assert_eq!(done.progress, Progress::DONE);
        assert_eq!(done.completed, Some(day("2027-01-08")));
        // Out of done again: the completion date goes.
        assert!(board
            .state
            .move_card(board.project, CardMove::to_bottom(d, board.columns[0])));
        assert_eq!(board.task(d).completed, None);
    }

    #[test]
    fn a_drop_into_a_persons_lane_reassigns_in_the_same_undo_step() {
        let owner = Owner::new();
        owner.set();
        let board = board();
        let b = board.tasks[1];
        assert!(board.state.move_card(
            board.project,
            CardMove {
                task: b,
                column: board.columns[1],
                before: None,
                assignee: Some(Some(board.ada)),
            }
        ));
        assert_eq!(board.task(b).assignee, Some(board.ada));
        board.state.undo();
        assert_eq!(board.task(b).assignee, None);
        assert_eq!(board.task(b).column, board.columns[0]);
    }

    #[test]
    fn quick_add_puts_cards_at_the_bottom_and_assigns_them_in_a_lane() {
        let owner = Owner::new();
        owner.set();
        let board = board();
        let first = board
            .state
            .quick_add_card(board.project, board.columns[0], Lane::All, "E")
            .expect("added");
        let second = board
            .state
            .quick_add_card(
                board.project,
                board.columns[0],
                Lane::Person(board.ada),
                "F",
            )
            .expect("added");
        assert_eq!(board.titles(0), ["A", "B", "C", "E", "F"]);
        assert_eq!(board.task(first).assignee, None);
        assert_eq!(board.task(second).assignee, Some(board.ada));
        let blank = board
            .state
            .quick_add_card(board.project, board.columns[0], Lane::All, "   ");
        assert!(matches!(blank, Err(AppError::Model(_))));
        board.state.undo();
        assert_eq!(board.titles(0), ["A", "B", "C", "E"]);
    }

    #[test]
    fn columns_are_added_renamed_limited_and_reordered() {
        let owner = Owner::new();
        owner.set();
        let board = board();
        let review = board
            .state
            .add_column(
                board.project,
                ColumnDraft {
                    name: "Review".into(),
                    category: ColumnCategory::InProgress,
                    wip_limit: Some(2),
                },
            )
            .expect("added");
        let draft = |name: &str, wip_limit| ColumnDraft {
            name: name.into(),
            category: ColumnCategory::InProgress,
            wip_limit,
        };
        board
            .state
            .update_column(board.project, review, draft("Code review", Some(2)))
            .expect("renamed");
        board
            .state
            .update_column(board.project, review, draft("Code review", Some(3)))
            .expect("limited");
        assert!(board
            .state
            .update_column(board.project, review, draft("Code review", Some(0)))
            .is_err());
        assert!(board.state.move_column(board.project, review, -1));
        assert!(!board.state.move_column(board.project, board.columns[0], -1));
        let columns: Vec<(String, Option<u32>)> =
            board.state.workspace().with_untracked(|workspace| {
                workspace
                    .project(board.project)
                    .expect("exists")
                    .columns()
                    .iter()
                    .map(|column| (column.name.clone(), column.wip_limit))
                    .collect()
            });
        assert_eq!(
            columns,
            [
                ("To do".to_string(), None),
                ("In progress".to_string(), None),
                ("Code review".to_string(), Some(3)),
                ("Done".to_string(), None),
            ]
        );
        board.state.undo();
        board.state.undo();
        board.state.undo();
        board.state.undo();
        assert_eq!(
            board.state.workspace().with_untracked(|workspace| workspace
                .project(board.project)
                .expect("exists")
                .columns()
                .len()),
            3
        );
    }
}
