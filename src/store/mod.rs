//! The store: one [`AppState`], the only writer of the workspace, and its persistence.
//!
//! Every change is a user verb on `AppState` (see `commands.rs`) that runs a model command
//! through [`AppState::apply`]: the change applies whole or not at all, lands in the undo
//! history, and the autosave effect writes it to storage off the input path. Derived figures
//! are memos in the views, never stored here.

pub mod autosave;
pub mod board;
pub mod clock;
pub mod commands;
pub mod conflicts;
pub mod history;
pub mod merging;
pub mod persist;
pub mod reporting;
pub mod session;
pub mod snapshots;
pub mod timeline;
pub mod tracking;
pub mod view;

use crate::model::board::MoveDirection;
use crate::model::io::convert::ConvertError;
use crate::model::io::{ImportError, NotText};
use crate::model::{ColumnId, ModelError, ProjectId, TaskId, Workspace};
use chrono::NaiveDate;
use history::History;
use leptos::prelude::*;
use persist::{LoadNote, Saved, StoredProblem};
use view::Route;

/// Everything that can go wrong, as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("storage: {0}")]
    Storage(String),
    #[error("could not read the file: {0}")]
    FileRead(String),
    #[error(transparent)]
    NotText(#[from] NotText),
    #[error(transparent)]
    Convert(#[from] ConvertError),
    #[error(transparent)]
    Merge(#[from] crate::model::merge::MergeError),
}

/// Something worth telling the user that is not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Undone(&'static str),
    Redone(&'static str),
    NothingToUndo,
    NothingToRedo,
    Imported {
        projects: Vec<ProjectId>,
        /// The plan-file version the file was upgraded from, when it was older.
        upgraded_from: Option<u32>,
    },
    /// A file was merged into a project: `changes` taken from the file, `conflicts` resolved,
    /// `dropped` old snapshots let go for room, and the links the result had to leave out.
    Merged {
        changes: usize,
        conflicts: usize,
        dropped: usize,
        left_out: Vec<crate::model::merge::LeftOut>,
    },
    /// Auto-scheduling moved these successors after a change.
    TasksMoved(Vec<TaskId>),
    /// A new project start or calendar moved these tasks.
    Rescheduled(Vec<TaskId>),
    ProjectDeleted(String),
    TaskDeleted(String),
    /// Storage was full: this many kept copies for merging were removed so that the plan could
    /// be saved.
    SnapshotsRemoved(usize),
    /// Another tab saved changes to these projects, now shown here.
    UpdatedFromAnotherTab(Vec<ProjectId>),
    /// A conflict over the project named `name` was settled.
    ConflictResolved {
        name: String,
        kept_both: bool,
    },
    /// A card moved on the board; `position` counts from 1 among the column's `count` cards.
    CardMoved {
        task: TaskId,
        column: ColumnId,
        position: usize,
        count: usize,
    },
    /// A keyboard move had nowhere to go.
    CardAtEdge {
        task: TaskId,
        direction: MoveDirection,
    },
    /// Quick add created a card at the bottom of `column`.
    CardAdded {
        task: TaskId,
        column: ColumnId,
    },
}

/// Where saving stands, for the indicator in the header.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Everything is in storage; `at` is the time of the last save in epoch milliseconds.
    Saved { at: Option<f64> },
    /// A change waits for the debounced save.
    Pending,
    /// The last save failed; edits are kept in memory.
    NotSaved {
        reason: NotSavedReason,
        last_saved: Option<f64>,
    },
    /// Storage is unavailable: everything lives in memory until the tab closes.
    InMemory { reason: String },
}

/// Why a save failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotSavedReason {
    Full,
    Conflict(Vec<ProjectId>),
    Failed(String),
}

/// Whether a change still needs auto-scheduling, for [`AppState::commit`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scheduling {
    /// The change did not schedule: successors it made late are moved after it.
    Pending,
    /// The change scheduled what it moved itself; these successors moved (for the notice).
    Done(Vec<TaskId>),
}

/// The shared handle to application state, provided once by `App`.
#[derive(Clone, Copy)]
pub struct AppState {
    workspace: RwSignal<Workspace>,
    history: StoredValue<History>,
    /// (can undo, can redo), for the toolbar buttons.
    pub history_marks: RwSignal<(bool, bool)>,
    /// The current route.
    pub route: RwSignal<Route>,
    /// The error to show, if any.
    pub error: RwSignal<Option<AppError>>,
    /// The last notice, for the live region and toasts.
    pub notice: RwSignal<Option<Notice>>,
    /// Save indicator state.
    pub save_state: RwSignal<SaveState>,
    /// Stored data that could not be loaded; its keys are protected.
    pub problems: RwSignal<Vec<StoredProblem>>,
    /// Repairs made while loading.
    pub load_notes: RwSignal<Vec<LoadNote>>,
    /// Projects changed both here and in another tab; this tab keeps its version unsaved until
    /// the user chooses.
    pub conflicts: RwSignal<Vec<ProjectId>>,
    /// Today in the browser's time zone.
    pub today: RwSignal<NaiveDate>,
    pub(crate) persistence: StoredValue<autosave::Persistence, LocalStorage>,
    /// The scheduling network kept across changes of dates (`timeline.rs`).
    kept_network: StoredValue<Option<timeline::KeptNetwork>>,
}

impl AppState {
    /// Builds the state around a loaded workspace. `App` calls [`AppState::start`] instead,
    /// which loads from storage.
    pub fn with_workspace(workspace: Workspace, saved: Saved) -> AppState {
        AppState {
            workspace: RwSignal::new(workspace),
            history: StoredValue::new(History::default()),
            history_marks: RwSignal::new((false, false)),
            route: RwSignal::new(Route::Projects),
            error: RwSignal::new(None),
            notice: RwSignal::new(None),
            save_state: RwSignal::new(SaveState::Saved { at: None }),
            problems: RwSignal::new(Vec::new()),
            load_notes: RwSignal::new(Vec::new()),
            conflicts: RwSignal::new(Vec::new()),
            today: RwSignal::new(clock::today()),
            persistence: StoredValue::new_local(autosave::Persistence::in_memory(saved)),
            kept_network: StoredValue::new(None),
        }
    }

    /// Opens storage, loads the workspace and provides the state as context.
    pub fn start() -> AppState {
        let state = autosave::load_from_storage();
        provide_context(state);
        state
    }

    /// The state provided by `App`.
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// The workspace, read-only. Read big values with `.with`, not `.get`.
    pub fn workspace(&self) -> ReadSignal<Workspace> {
        self.workspace.read_only()
    }

    /// The only writer: runs `change` on a copy of the workspace; on success the copy replaces
    /// the workspace and the previous one goes on the undo stack, on error nothing changes and
    /// the error is shown.
    pub(crate) fn apply<T>(
        self,
        label: &'static str,
        change: impl FnOnce(&mut Workspace) -> Result<T, AppError>,
    ) -> Option<T> {
        match self.try_apply(label, change) {
            Ok(value) => {
                self.error.set(None);
                Some(value)
            }
            Err(error) => {
                self.error.set(Some(error));
                None
            }
        }
    }

    /// Like [`AppState::apply`], but hands the error back instead of showing it, for forms that
    /// show errors beside their fields.
    pub(crate) fn try_apply<T>(
        self,
        label: &'static str,
        change: impl FnOnce(&mut Workspace) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let before = self.workspace.get_untracked();
        let mut next = before.clone();
        let value = change(&mut next)?;
        self.commit(label, before, next, Scheduling::Pending);
        Ok(value)
    }

    /// Makes `next`, a changed copy of `before`, the workspace: the follow-ups of every change
    /// (auto-scheduling unless `scheduling` says the change did it, the scope log), the undo
    /// step, and the notice naming the tasks auto-scheduling moved.
    pub(crate) fn commit(
        self,
        label: &'static str,
        before: Workspace,
        mut next: Workspace,
        scheduling: Scheduling,
    ) {
        let today = self.today.get_untracked();
        let moved = match scheduling {
            Scheduling::Pending => commands::after_change(&before, &mut next, today, true),
            Scheduling::Done(moved) => {
                commands::after_change(&before, &mut next, today, false);
                moved
            }
        };
        self.follow_snapshots(&before, &next);
        self.history
            .update_value(|history| history.record(before, label));
        self.workspace.set(next);
        self.refresh_history_marks();
        if !moved.is_empty() {
            self.notice.set(Some(Notice::TasksMoved(moved)));
        }
    }

    /// Shows a workspace that opening a plan produced: the projects that are new in `next`
    /// (and their people) join every remembered workspace, so no undo step removes them, and
    /// earlier changes stay undoable. Projects `next` replaced become one undo step that brings
    /// their previous version back.
    pub(crate) fn open_plan(self, next: Workspace, label: &'static str) {
        let before = self.workspace.get_untracked();
        let added: Vec<crate::model::Project> = next
            .projects()
            .iter()
            .filter(|project| before.find_project(project.id).is_none())
            .map(|project| project.as_ref().clone())
            .collect();
        let people: Vec<crate::model::Person> = next
            .people()
            .iter()
            .filter(|person| before.person(person.id).is_none())
            .cloned()
            .collect();
        let join = |workspace: &mut Workspace| {
            for person in &people {
                if workspace.person(person.id).is_none() {
                    workspace.add_person(person.clone(), None).ok();
                }
            }
            for project in &added {
                if workspace.find_project(project.id).is_none() {
                    workspace.add_project(project.clone()).ok();
                }
            }
        };
        let replaced = next.projects().iter().any(|project| {
            before
                .projects()
                .iter()
                .any(|old| old.id == project.id && !std::sync::Arc::ptr_eq(old, project))
        });
        self.history.update_value(|history| {
            history.rebase(join);
            if replaced {
                let mut previous = before.clone();
                join(&mut previous);
                history.record(previous, label);
            }
        });
        self.workspace.set(next);
        self.refresh_history_marks();
    }

    /// Replaces the workspace and forgets the history, for changes that come from outside this
    /// tab (another tab's saves): undoing across them could revert the other tab's work.
    pub(crate) fn replace_without_history(self, workspace: Workspace) {
        self.history.update_value(History::clear);
        self.forget_set_aside_snapshots();
        self.workspace.set(workspace);
        self.refresh_history_marks();
    }

    /// Undoes the last change.
    pub fn undo(self) {
        let current = self.workspace.get_untracked();
        match self
            .history
            .try_update_value(|history| history.undo(current))
            .flatten()
        {
            Some((previous, label)) => {
                self.workspace
                    .with_untracked(|current| self.follow_snapshots(current, &previous));
                self.workspace.set(previous);
                self.notice.set(Some(Notice::Undone(label)));
            }
            None => self.notice.set(Some(Notice::NothingToUndo)),
        }
        self.refresh_history_marks();
    }

    /// Redoes the last undone change.
    pub fn redo(self) {
        let current = self.workspace.get_untracked();
        match self
            .history
            .try_update_value(|history| history.redo(current))
            .flatten()
        {
            Some((next, label)) => {
                self.workspace
                    .with_untracked(|current| self.follow_snapshots(current, &next));
                self.workspace.set(next);
                self.notice.set(Some(Notice::Redone(label)));
            }
            None => self.notice.set(Some(Notice::NothingToRedo)),
        }
        self.refresh_history_marks();
    }

    fn refresh_history_marks(self) {
        let marks = self
            .history
            .with_value(|history| (history.can_undo(), history.can_redo()));
        self.history_marks.set(marks);
    }

    /// Shows `error`.
    pub fn fail(self, error: AppError) {
        self.error.set(Some(error));
    }

    /// Dismisses the error.
    pub fn dismiss_error(self) {
        self.error.set(None);
    }
}
