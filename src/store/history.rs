//! Undo and redo: a bounded stack of earlier workspaces.
//!
//! Projects and tasks are shared behind `Arc`s, so a snapshot costs a list of pointers, not a
//! copy of the plan. Opening or importing a plan is not a step: the opened projects are added to
//! every remembered workspace ([`History::rebase`]), so undo never empties what was just opened
//! and earlier changes can still be undone.

use crate::model::Workspace;
use std::collections::VecDeque;

/// How many changes can be undone.
pub const HISTORY_LIMIT: usize = 200;

/// One undoable step: the workspace before it, and what the change was.
#[derive(Clone, Debug)]
pub struct Step {
    pub before: Workspace,
    pub label: &'static str,
}

/// Past and undone steps.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a change; anything undone before is forgotten.
    pub fn record(&mut self, before: Workspace, label: &'static str) {
        self.redo.clear();
        self.undo.push_back(Step { before, label });
        while self.undo.len() > HISTORY_LIMIT {
            self.undo.pop_front();
        }
    }

    /// Goes back one step from `current`; returns the workspace to show and the step's label.
    pub fn undo(&mut self, current: Workspace) -> Option<(Workspace, &'static str)> {
        let step = self.undo.pop_back()?;
        self.redo.push(Step {
            before: current,
            label: step.label,
        });
        Some((step.before, step.label))
    }

    /// Goes forward one undone step from `current`.
    pub fn redo(&mut self, current: Workspace) -> Option<(Workspace, &'static str)> {
        let step = self.redo.pop()?;
        self.undo.push_back(Step {
            before: current,
            label: step.label,
        });
        Some((step.before, step.label))
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Changes every remembered workspace, undone or not, the same way: how an opened plan
    /// joins the history without ever being undone away.
    pub fn rebase(&mut self, mut change: impl FnMut(&mut Workspace)) {
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            change(&mut step.before);
        }
    }

    /// Forgets everything, as after another tab's changes were taken in.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Settings, Theme};

    fn workspace(theme: Theme) -> Workspace {
        let mut workspace = Workspace::default();
        workspace.settings = Settings { theme };
        workspace
    }

    #[test]
    fn undo_then_redo_returns_to_the_same_workspace() {
        let mut history = History::default();
        history.record(workspace(Theme::System), "Change theme");
        let (back, label) = history
            .undo(workspace(Theme::Dark))
            .expect("one step to undo");
        assert_eq!(back, workspace(Theme::System));
        assert_eq!(label, "Change theme");
        let (forward, _) = history.redo(back).expect("one step to redo");
        assert_eq!(forward, workspace(Theme::Dark));
    }

    #[test]
    fn history_is_bounded() {
        let mut history = History::default();
        for _ in 0..HISTORY_LIMIT + 10 {
            history.record(Workspace::default(), "Change");
        }
        let mut steps = 0;
        let mut current = Workspace::default();
        while let Some((previous, _)) = history.undo(current) {
            current = previous;
            steps += 1;
        }
        assert_eq!(steps, HISTORY_LIMIT);
    }
}
