//! Settling a project that two tabs changed at once. Nothing is dropped silently: the user
//! takes the other tab's version (after exporting this one if they like) or keeps both.

use super::autosave::schedule_save;
use super::clock::RandomIds;
use super::persist::stored_project_text;
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
                    .map(|store| stored_project_text(store.as_ref(), project))
            })
            .ok_or_else(|| AppError::Storage("storage is unavailable".to_string()))?
            .map_err(|fault| AppError::Storage(fault.to_string()))?;
        let mut workspace = self.workspace.get_untracked();
        let Some(text) = text else {
            // The other tab deleted it.
            workspace.remove_project(project).ok();
            return Ok((workspace, 0));
        };
        let text = text?;
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
                    persistence.saved.remember(Arc::clone(stored), revision);
                }
                None => {
                    persistence.saved.forget(project);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, Project, SequentialIds, Task, TaskId};
    use crate::store::autosave::save_now;
    use crate::store::persist::{self, MemoryStore, Saved};
    use chrono::NaiveDate;
    use leptos::prelude::Owner;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date")
    }

    fn titles(workspace: &Workspace, project: ProjectId) -> Vec<String> {
        workspace
            .find_project(project)
            .map(|project| {
                project
                    .tasks()
                    .iter()
                    .map(|task| task.title.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn with_task(workspace: &Workspace, project: ProjectId, title: &str, id: TaskId) -> Workspace {
        let mut workspace = workspace.clone();
        let project = workspace.project_mut(project).expect("exists");
        let column = project.columns()[0].id;
        project
            .add_task(Task::new(id, title, column, day(), day()), day())
            .expect("valid task");
        workspace
    }

    /// Two tabs changed project "Shared" at once: tab one saved first; tab two's save was
    /// refused as a conflict. Returns tab two and the project.
    struct TwoTabs {
        tab_two: AppState,
        shared: ProjectId,
    }

    fn two_tabs_that_both_changed_shared(other_tab: impl FnOnce(&mut Workspace)) -> TwoTabs {
        let mut ids = SequentialIds::default();
        let project = Project::new(
            ProjectId::new(&mut ids),
            "Shared",
            day(),
            Currency::EUR,
            &mut ids,
        )
        .expect("valid project");
        let shared = project.id;
        let mut workspace = Workspace::default();
        workspace.add_project(project).expect("added");
        let mut store = MemoryStore::default();
        persist::save(&mut store, &workspace, &mut Saved::default()).expect("saves");
        let loaded = persist::load(&store).expect("tab two loads");

        let mut tab_one = persist::load(&store).expect("tab one loads");
        let mut changed = tab_one.workspace.clone();
        other_tab(&mut changed);
        persist::save(&mut store, &changed, &mut tab_one.saved).expect("tab one saves");

        let mine = with_task(
            &loaded.workspace,
            shared,
            "From tab two",
            TaskId::new(&mut ids),
        );
        let tab_two = AppState::with_workspace(mine, loaded.saved);
        tab_two
            .persistence
            .update_value(|persistence| persistence.store = Some(Box::new(store)));
        save_now(tab_two);
        assert_eq!(tab_two.conflicts.get_untracked(), vec![shared]);
        TwoTabs { tab_two, shared }
    }

    fn stored(state: AppState) -> Workspace {
        state.persistence.with_value(|persistence| {
            let store = persistence.store.as_ref().expect("a store");
            persist::load(store.as_ref()).expect("loads").workspace
        })
    }

    fn add_from_tab_one(workspace: &mut Workspace, shared: ProjectId) {
        let id = TaskId(uuid::Uuid::from_u128(0xaaaa));
        *workspace = with_task(workspace, shared, "From tab one", id);
    }

    #[test]
    fn taking_the_other_tabs_version_shows_it_and_clears_the_conflict() {
        let owner = Owner::new();
        owner.set();
        let tabs = two_tabs_that_both_changed_shared(|workspace| {
            let shared = workspace.projects()[0].id;
            add_from_tab_one(workspace, shared);
        });
        let before = stored(tabs.tab_two);
        tabs.tab_two.use_other_tabs_version(tabs.shared);
        let state = tabs.tab_two;
        assert_eq!(
            titles(&state.workspace.get_untracked(), tabs.shared),
            vec!["From tab one"]
        );
        assert!(state.conflicts.get_untracked().is_empty());
        assert!(matches!(
            state.save_state.get_untracked(),
            SaveState::Saved { .. }
        ));
        assert_eq!(
            stored(state),
            before,
            "the other tab's save is left as it is"
        );
        assert_eq!(
            state.notice.get_untracked(),
            Some(Notice::ConflictResolved {
                name: "Shared".to_string(),
                kept_both: false
            })
        );
    }

    #[test]
    fn keeping_both_saves_this_tabs_version_as_a_copy_beside_the_other() {
        let owner = Owner::new();
        owner.set();
        let tabs = two_tabs_that_both_changed_shared(|workspace| {
            let shared = workspace.projects()[0].id;
            add_from_tab_one(workspace, shared);
        });
        tabs.tab_two.keep_both_versions(tabs.shared);
        let state = tabs.tab_two;
        assert!(state.conflicts.get_untracked().is_empty());
        let workspace = stored(state);
        assert_eq!(workspace, state.workspace.get_untracked(), "both are saved");
        assert_eq!(workspace.projects().len(), 2);
        assert_eq!(titles(&workspace, tabs.shared), vec!["From tab one"]);
        let copy = workspace
            .projects()
            .iter()
            .find(|project| project.id != tabs.shared)
            .expect("the copy");
        assert_eq!(titles(&workspace, copy.id), vec!["From tab two"]);
    }

    #[test]
    fn taking_the_other_tabs_deletion_removes_the_project_here() {
        let owner = Owner::new();
        owner.set();
        let tabs = two_tabs_that_both_changed_shared(|workspace| {
            let shared = workspace.projects()[0].id;
            add_from_tab_one(workspace, shared);
        });
        let state = tabs.tab_two;
        // Then tab one deletes the project.
        state.persistence.update_value(|persistence| {
            let store = persistence.store.as_mut().expect("a store");
            let mut tab_one = persist::load(store.as_ref()).expect("loads");
            let mut workspace = tab_one.workspace.clone();
            workspace.remove_project(tabs.shared).expect("removed");
            persist::save(store, &workspace, &mut tab_one.saved).expect("saves");
        });
        state.use_other_tabs_version(tabs.shared);
        assert!(state
            .workspace
            .get_untracked()
            .find_project(tabs.shared)
            .is_none());
        assert!(state.conflicts.get_untracked().is_empty());
        assert!(stored(state).projects().is_empty());
    }

    #[test]
    fn an_unreadable_stored_version_changes_nothing_and_says_why() {
        let owner = Owner::new();
        owner.set();
        let tabs = two_tabs_that_both_changed_shared(|workspace| {
            let shared = workspace.projects()[0].id;
            add_from_tab_one(workspace, shared);
        });
        let state = tabs.tab_two;
        state.persistence.update_value(|persistence| {
            let store = persistence.store.as_mut().expect("a store");
            let part = store
                .keys()
                .expect("keys")
                .into_iter()
                .find(|key| key.starts_with(persist::PART_PREFIX) && key.ends_with(":1"))
                .expect("a part of rows");
            store.set(&part, "[]").expect("writes");
        });
        let mine = state.workspace.get_untracked();
        state.use_other_tabs_version(tabs.shared);
        assert_eq!(state.workspace.get_untracked(), mine);
        assert_eq!(state.conflicts.get_untracked(), vec![tabs.shared]);
        assert!(matches!(
            state.error.get_untracked(),
            Some(AppError::Import(_))
        ));
    }
}
