//! Verbs for two copies of a plan: exporting with lineage (and without the money), comparing
//! the open project with a file, and merging a file into the project it came from.
//!
//! The merge itself is the model's pure `merge::merge`; here the base is looked up among the
//! snapshots, the result replaces the project in one undo step, and new snapshots are kept.

use super::snapshots::{self, Snapshots};
use super::{AppError, AppState, Notice};
use crate::model::io::{self, ImportedProject, Plan, ProjectFile};
use crate::model::merge::{self, Changes, Choices, Lineage, MergeError, Merged, PlanRef};
use crate::model::{ProjectId, Workspace};
use leptos::prelude::*;

/// What the import question needs to know about merging a file into an existing project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MergeOutlook {
    /// A common version was found: the merge is three-way.
    pub has_base: bool,
    /// Both this copy and the file changed since the common version (or there is none), so
    /// Merge is the default.
    pub both_changed: bool,
}

impl AppState {
    /// The snapshots of project `id`, or none without storage.
    fn snapshots(self, id: ProjectId) -> Snapshots {
        self.persistence.with_value(|persistence| {
            persistence
                .store
                .as_ref()
                .map(|store| snapshots::read_snapshots(store.as_ref(), id))
                .unwrap_or_default()
        })
    }

    /// Keeps a version of a project; says nothing when there is no storage. Returns how many
    /// older versions were dropped for room.
    fn keep_snapshot(self, file: &ProjectFile, version: &str, base: Option<String>) -> usize {
        self.persistence
            .try_update_value(|persistence| {
                let store = persistence.store.as_mut()?;
                snapshots::record(store.as_mut(), &file.project, &file.people, version, base)
                    .ok()
                    .map(|recorded| recorded.dropped_for_room)
            })
            .flatten()
            .unwrap_or(0)
    }

    /// One project as a plan file stamped with its lineage, optionally without rates, costs
    /// and time notes: (file name, JSON text). The exported version is kept as a snapshot.
    pub fn export_project_file(self, id: ProjectId, redacted: bool) -> Option<(String, String)> {
        let (name, mut file) = self.workspace.with_untracked(|workspace| {
            let project = workspace.find_project(id)?;
            Some((
                project.name.clone(),
                io::project_file(project, workspace.people()),
            ))
        })?;
        let full = file.clone();
        if redacted {
            file = merge::redact(&file);
        }
        let version = merge::content_hash(&file.project);
        let base = self.snapshots(id).base;
        file.lineage = Some(Lineage {
            project: id,
            version: version.clone(),
            base,
        });
        self.keep_snapshot(&full, &version, None);
        let text = io::write_project_file(&file);
        Some((io::file_name(&name), text))
    }

    /// What differs from the plan in `text` to the open project `id`.
    pub fn compare_with_file(self, id: ProjectId, text: &str) -> Result<Changes, AppError> {
        let imported = match io::read_plan(text)? {
            Plan::Project(imported) => imported,
            Plan::Workspace(_) => return Err(MergeError::NotOneProject.into()),
        };
        self.workspace.with_untracked(|workspace| {
            let project = workspace
                .find_project(id)
                .ok_or(crate::model::ModelError::UnknownProject(id))?;
            Ok(merge::compare(
                PlanRef {
                    project: &imported.project,
                    people: &imported.people,
                },
                PlanRef {
                    project,
                    people: workspace.people(),
                },
            ))
        })
    }

    /// The common version of the open copy and an imported file: the snapshot named as the
    /// file's base, or the file's own version when this copy descends from it.
    fn base_for(self, imported: &ImportedProject) -> Option<(String, ProjectFile)> {
        let lineage = imported.lineage.as_ref()?;
        let snapshots = self.snapshots(imported.project.id);
        [lineage.base.as_deref(), Some(lineage.version.as_str())]
            .into_iter()
            .flatten()
            .find_map(|version| {
                snapshots
                    .find(version)
                    .map(|file| (version.to_string(), file))
            })
    }

    /// Whether merging `imported` is three-way and whether both copies changed.
    pub fn merge_outlook(self, imported: &ImportedProject) -> MergeOutlook {
        let Some((version, _)) = self.base_for(imported) else {
            return MergeOutlook {
                has_base: false,
                both_changed: true,
            };
        };
        let here = self.workspace.with_untracked(|workspace| {
            workspace
                .find_project(imported.project.id)
                .map(merge::content_hash)
        });
        let there = imported
            .lineage
            .as_ref()
            .map(|lineage| lineage.version.clone());
        MergeOutlook {
            has_base: true,
            both_changed: here.as_deref() != Some(version.as_str())
                && there.as_deref() != Some(version.as_str()),
        }
    }

    /// Merges `imported` with the open copy of its project; conflicts are settled toward
    /// this copy until [`Self::finish_merge`] gets the choices.
    pub fn prepare_merge(self, imported: &ImportedProject) -> Result<Merged, AppError> {
        let mine = self.workspace.with_untracked(|workspace| {
            workspace
                .find_project(imported.project.id)
                .map(|project| io::project_file(project, workspace.people()))
        });
        let mine = mine.ok_or(MergeError::OtherProject)?;
        let mut theirs = io::project_file(&imported.project, &imported.people);
        theirs.people = imported.people.clone();
        theirs.redacted = imported.redacted;
        theirs.lineage = imported.lineage.clone();
        let base = self.base_for(imported).map(|(_, file)| file);
        Ok(merge::merge(base.as_ref(), &mine, &theirs)?)
    }

    /// Settles the conflicts as chosen and puts the result in place of the project: one undo
    /// step, rescheduled like any change. The file's version becomes this copy's base.
    pub fn finish_merge(self, merged: &Merged, choices: &Choices) -> bool {
        let resolved = match merge::resolve_reporting(merged, choices) {
            Ok(resolved) => resolved,
            Err(error) => {
                self.error.set(Some(error.into()));
                return false;
            }
        };
        let applied = self.apply("Merge project from file", |workspace: &mut Workspace| {
            for person in &resolved.plan.people {
                if workspace.person(person.id).is_none() {
                    workspace.add_person(person.clone(), None)?;
                }
            }
            workspace.replace_project(resolved.plan.project.clone())?;
            Ok(())
        });
        if applied.is_none() {
            return false;
        }
        let theirs = merged.theirs();
        let their_version = theirs
            .lineage
            .as_ref()
            .map(|lineage| lineage.version.clone())
            .unwrap_or_else(|| merge::content_hash(&theirs.project));
        let mut dropped = 0;
        if !theirs.redacted {
            dropped += self.keep_snapshot(theirs, &their_version, Some(their_version.clone()));
        }
        let result = self.workspace.with_untracked(|workspace| {
            workspace
                .find_project(resolved.plan.project.id)
                .map(|project| io::project_file(project, workspace.people()))
        });
        if let Some(result) = result {
            let version = merge::content_hash(&result.project);
            dropped += self.keep_snapshot(&result, &version, Some(their_version));
        }
        self.notice.set(Some(Notice::Merged {
            changes: merged.from_theirs,
            conflicts: merged.conflicts.len(),
            dropped,
            left_out: resolved.left_out,
        }));
        true
    }

    /// Keeps the snapshots with their projects across a change from `before` to `after`. A
    /// project that went away takes its snapshots out of storage; they wait in memory while
    /// undo can bring the project back, and a project that comes back gets them back.
    pub(crate) fn follow_snapshots(self, before: &Workspace, after: &Workspace) {
        let ids = |workspace: &Workspace| -> Vec<ProjectId> {
            workspace
                .projects()
                .iter()
                .map(|project| project.id)
                .collect()
        };
        let (was, is) = (ids(before), ids(after));
        if was == is {
            return;
        }
        self.persistence.update_value(|persistence| {
            let Some(store) = persistence.store.as_mut() else {
                return;
            };
            for id in was.iter().filter(|id| !is.contains(id)) {
                if let Ok(Some(taken)) = snapshots::take(store.as_mut(), *id) {
                    persistence.set_aside.insert(*id, taken);
                }
            }
            for id in is.iter().filter(|id| !was.contains(id)) {
                if let Some(kept) = persistence.set_aside.remove(id) {
                    // Storage too full for them only loses the three-way merge.
                    snapshots::write(store.as_mut(), *id, kept).ok();
                }
            }
        });
    }

    /// Drops the snapshots set aside for undo, once undo can no longer bring their projects
    /// back.
    pub(crate) fn forget_set_aside_snapshots(self) {
        self.persistence
            .update_value(|persistence| persistence.set_aside.clear());
    }

    /// Keeps an imported file's version as a snapshot and as this copy's base, so the next
    /// export names it and the next file from that copy merges three-way.
    pub(crate) fn remember_import(self, imported: &ImportedProject) {
        let file = io::project_file(&imported.project, &imported.people);
        let version = imported
            .lineage
            .as_ref()
            .map(|lineage| lineage.version.clone())
            .unwrap_or_else(|| merge::content_hash(&imported.project));
        if imported.redacted {
            self.persistence.update_value(|persistence| {
                if let Some(store) = persistence.store.as_mut() {
                    snapshots::set_base(store.as_mut(), imported.project.id, &version).ok();
                }
            });
        } else {
            self.keep_snapshot(&file, &version, Some(version.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::io::ImportMode;
    use crate::model::testing::Plan as TestPlan;
    use crate::model::TaskId;
    use crate::store::persist::{KeyValue, MemoryStore, Saved};

    /// A state over an in-memory store holding `workspace`.
    fn state(workspace: Workspace) -> AppState {
        let state = AppState::with_workspace(workspace, Saved::default());
        state.persistence.update_value(|persistence| {
            persistence.store = Some(Box::new(MemoryStore::default()));
        });
        state
    }

    fn retitle(state: AppState, project: ProjectId, task: TaskId, title: &str) {
        let mut edited = state
            .workspace()
            .with_untracked(|workspace| workspace.project(project).ok()?.find_task(task).cloned())
            .expect("the task exists");
        edited.title = title.to_string();
        assert!(state.update_task(project, edited));
    }

    fn title(state: AppState, project: ProjectId, task: TaskId) -> String {
        state.workspace().with_untracked(|workspace| {
            workspace
                .project(project)
                .ok()
                .and_then(|project| project.find_task(task))
                .map(|task| task.title.clone())
                .unwrap_or_default()
        })
    }

    fn imported(state: AppState, text: &str) -> ImportedProject {
        match state.read_import(text).expect("the file reads").plan {
            Plan::Project(imported) => imported,
            Plan::Workspace(_) => panic!("a project file"),
        }
    }

    /// Sends project `id` to a colleague, who imports it, edits it with `edit` and sends it
    /// back: the file that comes back.
    fn sent_and_back(here: AppState, id: ProjectId, edit: impl FnOnce(AppState)) -> String {
        let (_, sent) = here.export_project(id).expect("exports");
        assert!(sent.contains("\"lineage\""));
        let there = state(Workspace::default());
        let pending = there.read_import(&sent).expect("the file reads");
        assert!(there.finish_import(pending, ImportMode::New));
        edit(there);
        there.export_project(id).expect("exports").1
    }

    #[test]
    fn a_copy_sent_and_edited_comes_back_and_merges_three_way_with_both_edits() {
        let owner = leptos::prelude::Owner::new();
        owner.set();
        let mut plan = TestPlan::new("2026-03-02");
        let design = plan.task("Design", "2026-03-02", "2026-03-04", 16, None);
        let build = plan.task("Build", "2026-03-05", "2026-03-11", 40, None);
        let project = plan.project;
        let here = state(plan.workspace);
        let back = sent_and_back(here, project, |there| {
            retitle(there, project, design, "Design, their way")
        });

        retitle(here, project, build, "Build, my way");
        let file = imported(here, &back);
        let outlook = here.merge_outlook(&file);
        assert!(outlook.has_base && outlook.both_changed);
        let merged = here.prepare_merge(&file).expect("merges");
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert!(here.finish_merge(&merged, &Choices::new()));
        assert_eq!(title(here, project, design), "Design, their way");
        assert_eq!(title(here, project, build), "Build, my way");
        assert_eq!(
            here.notice.get_untracked(),
            Some(Notice::Merged {
                changes: 1,
                conflicts: 0,
                dropped: 0,
                left_out: Vec::new(),
            })
        );
        // One undo step takes the whole merge back.
        here.undo();
        assert_eq!(title(here, project, design), "Design");
        assert_eq!(title(here, project, build), "Build, my way");
    }

    #[test]
    fn a_redacted_export_holds_no_rate_and_says_so() {
        let owner = leptos::prelude::Owner::new();
        owner.set();
        let mut plan = TestPlan::new("2026-03-02");
        let ada = plan.person("Ada", 987_654);
        plan.task("Design", "2026-03-02", "2026-03-04", 16, Some(ada));
        let project = plan.project;
        let here = state(plan.workspace);
        let (_, text) = here.export_project_file(project, true).expect("exports");
        assert!(!text.contains("987654"));
        assert!(text.contains("\"redacted\": true"));
    }

    /// True when project `id` has snapshots in the state's store.
    fn has_snapshots(state: AppState, id: ProjectId) -> bool {
        state.persistence.with_value(|persistence| {
            persistence
                .store
                .as_ref()
                .is_some_and(|store| matches!(store.get(&snapshots::snapshot_key(id)), Ok(Some(_))))
        })
    }

    /// A state holding one project that was exported once, so it has snapshots.
    fn exported_once() -> (AppState, ProjectId) {
        let mut plan = TestPlan::new("2026-03-02");
        plan.task("Design", "2026-03-02", "2026-03-04", 16, None);
        let project = plan.project;
        let here = state(plan.workspace);
        here.export_project(project).expect("exports");
        assert!(has_snapshots(here, project));
        (here, project)
    }

    #[test]
    fn deleting_a_project_removes_its_snapshots_and_undo_brings_them_back() {
        let owner = leptos::prelude::Owner::new();
        owner.set();
        let (here, project) = exported_once();

        here.delete_project(project);
        assert!(!has_snapshots(here, project));

        here.undo();
        assert!(has_snapshots(here, project));
        let (_, again) = here.export_project(project).expect("exports");
        assert!(again.contains("\"lineage\""));

        here.redo();
        assert!(!has_snapshots(here, project));
    }

    #[test]
    fn snapshots_set_aside_for_undo_are_forgotten_with_the_history() {
        let owner = leptos::prelude::Owner::new();
        owner.set();
        let (here, project) = exported_once();
        here.delete_project(project);
        assert!(here
            .persistence
            .with_value(|persistence| persistence.set_aside.contains_key(&project)));

        here.replace_without_history(Workspace::default());
        assert!(here
            .persistence
            .with_value(|persistence| persistence.set_aside.is_empty()));
        assert!(!has_snapshots(here, project));
    }

    #[test]
    fn taking_the_side_that_closes_a_loop_names_the_link_left_out_in_the_notice() {
        use crate::model::Dependency;
        let owner = leptos::prelude::Owner::new();
        owner.set();
        let mut plan = TestPlan::new("2026-03-02");
        let first = plan.task("First", "2026-03-02", "2026-03-02", 8, None);
        let second = plan.task("Second", "2026-03-03", "2026-03-03", 8, None);
        let third = plan.task("Third", "2026-03-04", "2026-03-04", 8, None);
        let project = plan.project;
        let here = state(plan.workspace);
        let back = sent_and_back(here, project, |there| {
            assert!(there.link_tasks(project, first, Dependency::finish_to_start(third)));
        });
        assert!(here.link_tasks(project, second, Dependency::finish_to_start(first)));
        assert!(here.link_tasks(project, third, Dependency::finish_to_start(second)));

        let merged = here.prepare_merge(&imported(here, &back)).expect("merges");
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        let conflict = &merged.conflicts[0];
        let choices: Choices = [(conflict.key(), conflict.holder())].into_iter().collect();
        assert!(here.finish_merge(&merged, &choices));
        let Some(Notice::Merged { left_out, .. }) = here.notice.get_untracked() else {
            panic!("a merge notice");
        };
        assert_eq!(left_out.len(), 1, "{left_out:?}");
        let links: usize = here.workspace().with_untracked(|workspace| {
            workspace
                .project(project)
                .map(|project| {
                    project
                        .tasks()
                        .iter()
                        .map(|task| task.dependencies.len())
                        .sum()
                })
                .unwrap_or_default()
        });
        assert_eq!(links, 2);
    }
}
