//! Settling a project that two tabs changed at once. Nothing is dropped silently: the user
//! takes the other tab's version (after exporting this one if they like) or keeps both.

use super::autosave::schedule_save;
use super::clock::RandomIds;
use super::persist::{project_key, KeyValue};
use super::{AppError, AppState, NotSavedReason, Notice, SaveState};
use crate::model::io::{read_plan, stored_revision, Plan};
use crate::model::{ProjectId, Workspace};
use leptos::prelude::*;
use std::sync::Arc;

impl AppState {
    /// The version of `project` that storage holds, as another tab saved it.
    fn stored_version(self, project: ProjectId) -> Result<(Workspace, u64), AppError> {
        let text = self
            .persistence
            .with_value(|persistence| {
                persistence
                    .store
                    .as_ref()
                    .map(|store| store.get(&project_key(project)))
            })
            .ok_or_else(|| AppError::Storage("storage is unavailable".to_string()))?
            .map_err(|fault| AppError::Storage(fault.to_string()))?;
        let mut workspace = self.workspace.get_untracked();
        let Some(text) = text else {
            // The other tab deleted it.
            workspace.remove_project(project).ok();
            return Ok((workspace, 0));
        };
        let revision = stored_revision(&text).unwrap_or(0);
        match read_plan(&text)? {
            Plan::Project(imported) => {
                for person in imported.people {
                    if workspace.person(person.id).is_none() {
                        workspace.add_person(person, None).ok();
                    }
                }
                if workspace.find_project(project).is_some() {
                    workspace.replace_project(imported.project)?;
                } else {
                    workspace.add_project(imported.project)?;
                }
                Ok((workspace, revision))
            }
            Plan::Workspace(_) => Err(AppError::Storage("unexpected stored data".to_string())),
        }
    }

    fn settle(self, project: ProjectId, workspace: Workspace, revision: u64) {
        self.persistence.update_value(|persistence| {
            match workspace
                .projects()
                .iter()
                .find(|known| known.id == project)
            {
                Some(stored) => {
                    persistence
                        .saved
                        .projects
                        .insert(project, (Arc::clone(stored), revision));
                }
                None => {
                    persistence.saved.projects.remove(&project);
                }
            }
        });
        self.replace_without_history(workspace);
        self.conflicts
            .update(|conflicts| conflicts.retain(|id| *id != project));
        if self.conflicts.with_untracked(Vec::is_empty) {
            if let SaveState::NotSaved {
                reason: NotSavedReason::Conflict(_),
                last_saved,
            } = self.save_state.get_untracked()
            {
                self.save_state.set(SaveState::Saved { at: last_saved });
            }
        }
        schedule_save(self);
    }

    /// Drops this tab's version of `project` and shows the one another tab saved.
    pub fn use_other_tabs_version(self, project: ProjectId) {
        let name = self.project_name(project);
        match self.stored_version(project) {
            Ok((workspace, revision)) => {
                self.settle(project, workspace, revision);
                self.notice.set(Some(Notice::ConflictResolved {
                    name,
                    kept_both: false,
                }));
            }
            Err(error) => self.fail(error),
        }
    }

    /// Keeps both: the other tab's version under the project's id, and this tab's as a copy.
    pub fn keep_both_versions(self, project: ProjectId) {
        let name = self.project_name(project);
        let mine = self
            .workspace
            .with_untracked(|workspace| workspace.find_project(project).cloned());
        match self.stored_version(project) {
            Ok((mut workspace, revision)) => {
                if let Some(mine) = mine {
                    let copy = mine.copy_with_new_ids(&mut RandomIds);
                    if let Err(error) = workspace.add_project(copy) {
                        self.fail(error.into());
                        return;
                    }
                }
                self.settle(project, workspace, revision);
                self.notice.set(Some(Notice::ConflictResolved {
                    name,
                    kept_both: true,
                }));
            }
            Err(error) => self.fail(error),
        }
    }

    fn project_name(self, project: ProjectId) -> String {
        self.workspace.with_untracked(|workspace| {
            workspace
                .find_project(project)
                .map(|project| project.name.clone())
                .unwrap_or_default()
        })
    }
}
