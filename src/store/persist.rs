//! Persistence in browser storage: loading with repair, saving only what changed.
//!
//! Keys, all under the `ironplan:` prefix:
//!
//! ```text
//! ironplan:index               project order, people roster, settings
//! ironplan:project:<uuid>      one project's manifest (or, stored before parts existed, the
//!                              whole project as a plan file with a `revision`)
//! ironplan:part:<uuid>:<r>:<n> the project's parts (see [`chunks`])
//! ```
//!
//! Rules: stored text that cannot be read (or comes from a newer version) is never overwritten
//! or removed; its key is *protected*, its raw text is offered for download, and every other
//! project still loads. Project keys missing from the index are added back (a crash between
//! two writes), and index entries without a key are dropped. A save writes projects before the
//! index and removes deleted projects last, so a crash at any point leaves data that loads.
//! A project is only written when it changed, and never over a newer revision from another tab.
//!
//! The logic is written against [`KeyValue`], so host tests run it on a map; [`WebStorage`] is
//! the browser's `localStorage`.

#[cfg(test)]
use crate::model::io::write_stored_project;
use crate::model::io::{
    builds_on, is_manifest, read_index, read_manifest, read_plan, stored_revision, write_index,
    ImportError, Plan, RowEncoder,
};
use crate::model::{Person, Project, ProjectId, Workspace};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// Prefix of every key Ironplan owns.
pub const PREFIX: &str = "ironplan:";
/// The index key.
pub const INDEX_KEY: &str = "ironplan:index";
/// Prefix of project keys.
pub const PROJECT_PREFIX: &str = "ironplan:project:";

pub mod chunks;

pub use chunks::{part_key, CHUNK_ROWS, PART_PREFIX};

/// The key of project `id`.
pub fn project_key(id: ProjectId) -> String {
    format!("{PROJECT_PREFIX}{id}")
}

/// Why storage refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageFault {
    #[error("storage is not available: {0}")]
    Unavailable(String),
    #[error("storage is full")]
    QuotaExceeded,
    #[error("storage failed: {0}")]
    Other(String),
}

/// A string key-value store: `localStorage`, or a map in tests.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault>;
    fn remove(&mut self, key: &str) -> Result<(), StorageFault>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StorageFault>;
    /// Sets `key` to `characters` filler characters (to measure the quota). The browser's store
    /// builds the text on its side, so that a probe of megabytes never passes through wasm.
    fn fill(&mut self, key: &str, characters: usize) -> Result<(), StorageFault> {
        self.set(key, &"x".repeat(characters))
    }
    /// The length of the text under `key`, in characters of the store's own measure. The
    /// browser's store reads it on its side, so that a text of megabytes never enters wasm.
    fn length(&self, key: &str) -> Result<Option<usize>, StorageFault> {
        Ok(self.get(key)?.map(|text| text.chars().count()))
    }
}

/// An in-memory store, for tests and for running without storage.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    pub entries: BTreeMap<String, String>,
    /// When set, writes that would grow the total past this many characters fail as full.
    pub quota: Option<usize>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault> {
        Ok(self.entries.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault> {
        if let Some(quota) = self.quota {
            let others: usize = self
                .entries
                .iter()
                .filter(|(known, _)| known.as_str() != key)
                .map(|(known, text)| known.len() + text.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StorageFault::QuotaExceeded);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageFault> {
        self.entries.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageFault> {
        Ok(self.entries.keys().cloned().collect())
    }
}

/// Stored text that could not be loaded. Its key is left exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProblem {
    pub key: String,
    pub raw: String,
    pub error: ImportError,
}

/// Things the loader repaired or noticed, for a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadNote {
    /// Project keys that were not in the index and were added back.
    RecoveredOrphans(usize),
    /// Index entries whose project key was gone.
    MissingProjects(usize),
    /// Projects stored by an older version, migrated in memory; the stored text stays as it was
    /// until the next good save of that project.
    Migrated(usize),
}

/// What the last good save wrote, to tell what changed since.
#[derive(Debug, Clone, Default)]
pub struct Saved {
    /// Each project as last written (or loaded), with its revision.
    pub projects: HashMap<ProjectId, (Arc<Project>, u64)>,
    /// The index text last written or read.
    pub index: Option<String>,
    /// Keys that must never be written or removed.
    pub protected: HashSet<String>,
    /// Parts found at load time whose project had no manifest (a delete that was cut short);
    /// the next save removes those that still have none.
    pub stray_parts: Vec<String>,
    /// What this tab adds to a revision, beyond one, each time it writes a project: random in
    /// the browser (`clock::revision_step`), 0 in tests. Two tabs that save the same project
    /// from the same revision in the same instant then write different revisions, under
    /// different part keys: neither overwrites the other's parts, and the one whose manifest
    /// was overwritten sees a revision that is not its own and reports the conflict.
    pub step: u64,
    /// The row encoder each project's last save built or kept, with the version of the
    /// project it was built for: the next save reuses it while the rows stay in place.
    pub encoders: HashMap<ProjectId, (Arc<Project>, Arc<RowEncoder>)>,
}

impl Saved {
    /// Records `project` as stored at `revision`. A row encoder kept for another version of
    /// it goes: it could not serve, and it would keep that version alive.
    pub fn remember(&mut self, project: Arc<Project>, revision: u64) {
        let id = project.id;
        if self
            .encoders
            .get(&id)
            .is_some_and(|(built_for, _)| !Arc::ptr_eq(built_for, &project))
        {
            self.encoders.remove(&id);
        }
        self.projects.insert(id, (project, revision));
    }

    /// Forgets project `id`: nothing of it is stored any more.
    pub fn forget(&mut self, id: ProjectId) {
        self.projects.remove(&id);
        self.encoders.remove(&id);
    }
}

/// The outcome of loading.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub workspace: Workspace,
    pub saved: Saved,
    pub problems: Vec<StoredProblem>,
    pub notes: Vec<LoadNote>,
}

/// Loads the workspace, repairing what can be repaired and protecting what cannot be read.
pub fn load(store: &(impl KeyValue + ?Sized)) -> Result<Loaded, StorageFault> {
    let mut loaded = Loaded::default();
    let mut order: Vec<ProjectId> = Vec::new();
    let mut people: Vec<Person> = Vec::new();
    if let Some(text) = store.get(INDEX_KEY)? {
        match read_index(&text) {
            Ok(index) => {
                order = index.projects;
                people = index.people;
                loaded.workspace.settings = index.settings;
                loaded.saved.index = Some(text);
            }
            Err(error) => {
                loaded.saved.protected.insert(INDEX_KEY.to_string());
                loaded.problems.push(StoredProblem {
                    key: INDEX_KEY.to_string(),
                    raw: text,
                    error,
                });
            }
        }
    }
    let keys = store.keys()?;
    let stored: HashSet<ProjectId> = keys
        .iter()
        .filter_map(|key| key.strip_prefix(PROJECT_PREFIX))
        .filter_map(|id| id.parse().ok())
        .collect();
    loaded.saved.stray_parts = keys
        .into_iter()
        .filter(|key| chunks::part_owner(key).is_some_and(|owner| !stored.contains(&owner)))
        .collect();
    let mut orphans: Vec<ProjectId> = stored
        .iter()
        .filter(|id| !order.contains(id))
        .copied()
        .collect();
    orphans.sort();
    let missing = order.iter().filter(|id| !stored.contains(id)).count();
    let listed = order.len();
    order.retain(|id| stored.contains(id));
    order.dedup();
    if missing > 0 {
        loaded.notes.push(LoadNote::MissingProjects(missing));
    }
    // Orphans only count as recovered when an index existed to lose them from.
    let had_index = listed > 0 || loaded.saved.index.is_some();
    let orphan_ids: HashSet<ProjectId> = orphans.iter().copied().collect();
    order.extend(orphans);

    for person in people {
        loaded.workspace.add_person(person, None).ok();
    }
    let mut migrated = 0;
    for id in order {
        let key = project_key(id);
        let Some(text) = store.get(&key)? else {
            continue;
        };
        // Parts are read one at a time when all is well; the joined text only when it is not,
        // to name the problem and offer it for download.
        let (read, text) = match chunks::read_in_parts(store, id, &text) {
            Some(imported) => (Ok(Plan::Project(imported)), text),
            None => match chunks::whole_text(store, id, text)? {
                Ok(text) => (read_plan(&text), text),
                Err(unreadable) => {
                    loaded.saved.protected.extend(unreadable.keys);
                    loaded.problems.push(StoredProblem {
                        key,
                        raw: unreadable.raw,
                        error: unreadable.error,
                    });
                    continue;
                }
            },
        };
        let outcome = match read {
            Ok(Plan::Project(imported)) if imported.project.id == id => Ok(imported),
            Ok(Plan::Project(imported)) => Err(ImportError::Field {
                path: "project.id".to_string(),
                message: format!("stored under {id} but its id is {}", imported.project.id),
                position: None,
            }),
            Ok(Plan::Workspace(_)) => Err(ImportError::UnknownKind {
                found: "workspace".to_string(),
            }),
            Err(error) => Err(error),
        };
        match outcome {
            Ok(imported) => {
                for person in imported.people {
                    if loaded.workspace.person(person.id).is_none() {
                        loaded.workspace.add_person(person, None).ok();
                    }
                }
                let revision = imported.revision.unwrap_or(0);
                if imported.from_version < crate::model::io::CURRENT_VERSION {
                    migrated += 1;
                }
                match loaded.workspace.add_project(imported.project) {
                    Ok(()) => {
                        let project = loaded
                            .workspace
                            .projects()
                            .last()
                            .expect("just added")
                            .clone();
                        loaded.saved.projects.insert(id, (project, revision));
                    }
                    Err(error) => {
                        loaded.saved.protected.insert(key.clone());
                        let raw = match chunks::whole_text(store, id, text)? {
                            Ok(text) => text,
                            Err(unreadable) => unreadable.raw,
                        };
                        loaded.problems.push(StoredProblem {
                            key,
                            raw,
                            error: ImportError::Field {
                                path: "project".to_string(),
                                message: error.to_string(),
                                position: None,
                            },
                        });
                    }
                }
            }
            Err(error) => {
                loaded.saved.protected.insert(key.clone());
                loaded.problems.push(StoredProblem {
                    key,
                    raw: text,
                    error,
                });
            }
        }
    }
    if migrated > 0 {
        loaded.notes.push(LoadNote::Migrated(migrated));
    }
    let recovered = loaded
        .workspace
        .projects()
        .iter()
        .filter(|project| orphan_ids.contains(&project.id))
        .count();
    if had_index && recovered > 0 {
        loaded.notes.push(LoadNote::RecoveredOrphans(recovered));
    }
    Ok(loaded)
}

/// The whole stored text of project `id` (its parts joined when it is stored in parts), or
/// `None` when nothing is stored under its key. Its revision is [`stored_revision`] of it.
pub fn stored_project_text(
    store: &(impl KeyValue + ?Sized),
    id: ProjectId,
) -> Result<Option<Result<String, ImportError>>, StorageFault> {
    let Some(text) = store.get(&project_key(id))? else {
        return Ok(None);
    };
    Ok(Some(
        chunks::whole_text(store, id, text)?.map_err(|unreadable| unreadable.error),
    ))
}

/// What a save did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveReport {
    /// Projects written.
    pub written: usize,
    /// Characters written.
    pub characters: usize,
    /// Snapshots removed to make room for the plan (`autosave::save_before_snapshots`).
    pub snapshots_removed: usize,
}

/// Why a save did not complete. Whatever was written before the failure is consistent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    Storage(#[from] StorageFault),
    /// Another tab saved a newer revision of these projects; they were not written.
    #[error("another tab saved newer versions of {0:?}")]
    Conflict(Vec<ProjectId>),
}

/// True when nothing changed since the last good save. An empty workspace in an empty store
/// counts as saved: there is nothing to write yet.
pub fn is_saved(workspace: &Workspace, saved: &Saved) -> bool {
    if saved.index.is_none() && saved.projects.is_empty() && *workspace == Workspace::default() {
        return true;
    }
    workspace.projects().len() == saved.projects.len()
        && workspace.projects().iter().all(|project| {
            saved
                .projects
                .get(&project.id)
                .is_some_and(|(known, _)| Arc::ptr_eq(known, project))
        })
        && saved.index.as_deref() == Some(index_text(workspace).as_str())
}

fn index_text(workspace: &Workspace) -> String {
    write_index(
        workspace
            .projects()
            .iter()
            .map(|project| project.id)
            .collect(),
        workspace.people(),
        &workspace.settings,
    )
}

/// Writes what changed since `saved`: changed projects, then the index, then removals.
/// Projects whose stored revision moved on since we read it are not written (another tab saved
/// them); they are reported as a conflict after everything else was saved.
pub fn save(
    store: &mut (impl KeyValue + ?Sized),
    workspace: &Workspace,
    saved: &mut Saved,
) -> Result<SaveReport, SaveError> {
    save_in_chunks_of(store, workspace, saved, CHUNK_ROWS)
}

/// [`save`], with `rows_per_chunk` task rows to a part (tests use small parts).
pub fn save_in_chunks_of(
    store: &mut (impl KeyValue + ?Sized),
    workspace: &Workspace,
    saved: &mut Saved,
    rows_per_chunk: usize,
) -> Result<SaveReport, SaveError> {
    let mut report = SaveReport::default();
    let mut conflicts = Vec::new();
    for project in workspace.projects() {
        let key = project_key(project.id);
        if saved.protected.contains(&key) {
            continue;
        }
        let known_revision = match saved.projects.get(&project.id) {
            Some((known, _)) if Arc::ptr_eq(known, project) => continue,
            Some((_, revision)) => *revision,
            None => 0,
        };
        let stored_text = store.get(&key)?;
        let stored = stored_text
            .as_deref()
            .map(|text| stored_revision(text).unwrap_or(0))
            .unwrap_or(0);
        // Any revision but the one this tab last saw is another tab's save, even a lower one:
        // two tabs saving at once each write a revision of their own, and the last one stays.
        if stored_text.is_some() && stored != known_revision {
            conflicts.push(project.id);
            continue;
        }
        let revision = known_revision.max(stored) + 1 + saved.step;
        let manifest = stored_text
            .filter(|text| is_manifest(text))
            .and_then(|text| read_manifest(&text).ok());
        let known = saved
            .projects
            .get(&project.id)
            .filter(|_| manifest.is_some() && stored == known_revision)
            .map(|(known, _)| known);
        let encoder = saved
            .encoders
            .get(&project.id)
            .filter(|(built_for, _)| known.is_some_and(|known| Arc::ptr_eq(built_for, known)))
            .map(|(_, encoder)| Arc::clone(encoder));
        let previous = chunks::Previous {
            project: known.map(|known| known.as_ref()),
            manifest,
            encoder,
        };
        let (characters, encoder) = chunks::write_project(
            store,
            project,
            workspace.people(),
            revision,
            previous,
            rows_per_chunk,
        )?;
        report.characters += characters;
        report.written += 1;
        saved.remember(Arc::clone(project), revision);
        match encoder {
            Some(encoder) => saved
                .encoders
                .insert(project.id, (Arc::clone(project), encoder)),
            None => saved.encoders.remove(&project.id),
        };
    }
    let index = index_text(workspace);
    if saved.index.as_deref() != Some(index.as_str()) && !saved.protected.contains(INDEX_KEY) {
        store.set(INDEX_KEY, &index)?;
        report.characters += index.len();
        saved.index = Some(index);
    }
    let present: HashSet<ProjectId> = workspace.projects().iter().map(|p| p.id).collect();
    let removed: Vec<ProjectId> = saved
        .projects
        .keys()
        .filter(|id| !present.contains(id))
        .copied()
        .collect();
    for id in removed {
        let key = project_key(id);
        let known = saved
            .projects
            .get(&id)
            .map(|(_, revision)| *revision)
            .unwrap_or(0);
        let stored = store
            .get(&key)?
            .map(|text| stored_revision(&text).unwrap_or(0));
        if stored.is_some_and(|stored| stored != known) {
            // Another tab saved it after we last saw it: deleting would lose its work.
            conflicts.push(id);
            continue;
        }
        if !saved.protected.contains(&key) {
            store.remove(&key)?;
            chunks::remove_unnamed_parts(store, id, u64::MAX, &HashSet::new(), &saved.protected);
        }
        saved.forget(id);
    }
    for key in std::mem::take(&mut saved.stray_parts) {
        let orphaned = match chunks::part_owner(&key) {
            Some(owner) => store.get(&project_key(owner))?.is_none(),
            None => false,
        };
        if orphaned && !saved.protected.contains(&key) {
            store.remove(&key)?;
        }
    }
    if conflicts.is_empty() {
        Ok(report)
    } else {
        Err(SaveError::Conflict(conflicts))
    }
}

/// What another tab saved, merged into this tab's workspace by [`reconcile`].
#[derive(Debug, Clone, Default)]
pub struct Reconciled {
    /// This tab's workspace with the other tab's saved changes taken in.
    pub workspace: Workspace,
    /// Projects both tabs changed. This tab keeps its version in memory and will not save it
    /// over the other tab's; the user chooses.
    pub conflicts: Vec<ProjectId>,
    /// Projects taken from storage: changed, added or deleted by the other tab.
    pub adopted: Vec<ProjectId>,
    /// Stored projects that could not be read.
    pub problems: Vec<StoredProblem>,
}

/// After [`reconcile`] found `conflicts`: removes the parts this tab wrote for its last save of
/// each project whose stored manifest is another tab's save, written over this tab's in the
/// same instant. Nothing names them any more; this tab keeps that version in memory until the
/// user settles the conflict. A failure here loses nothing.
pub fn remove_overwritten_parts(
    store: &mut (impl KeyValue + ?Sized),
    saved: &Saved,
    conflicts: &[ProjectId],
) {
    for id in conflicts {
        let Some((_, known)) = saved.projects.get(id) else {
            continue;
        };
        let Ok(Some(text)) = store.get(&project_key(*id)) else {
            continue;
        };
        let Some(manifest) = Some(&text)
            .filter(|text| is_manifest(text))
            .and_then(|text| read_manifest(text).ok())
        else {
            continue;
        };
        if manifest.revision == *known {
            continue;
        }
        let named: HashSet<String> = manifest
            .parts
            .iter()
            .map(|part| part_key(*id, part.revision, part.number))
            .collect();
        chunks::remove_unnamed_parts(store, *id, *known, &named, &saved.protected);
    }
}

/// Takes in what other tabs saved since `saved`: projects this tab did not change are
/// replaced by the stored version (added, updated or removed); projects both changed are
/// conflicts and keep this tab's version. People and settings merge the same way.
pub fn reconcile(
    store: &(impl KeyValue + ?Sized),
    current: &Workspace,
    saved: &mut Saved,
) -> Result<Reconciled, StorageFault> {
    let mut result = Reconciled {
        workspace: current.clone(),
        ..Reconciled::default()
    };
    let stored_ids: Vec<ProjectId> = store
        .keys()?
        .iter()
        .filter_map(|key| key.strip_prefix(PROJECT_PREFIX))
        .filter_map(|id| id.parse().ok())
        .collect();
    for id in &stored_ids {
        let key = project_key(*id);
        if saved.protected.contains(&key) {
            continue;
        }
        let Some(text) = store.get(&key)? else {
            continue;
        };
        let revision = stored_revision(&text).unwrap_or(0);
        let known = saved.projects.get(id).cloned();
        if known.as_ref().is_some_and(|(_, known)| *known == revision) {
            continue;
        }
        let local = current.projects().iter().find(|project| project.id == *id);
        let unchanged_here = match (&known, local) {
            (Some((saved_project, known)), Some(local)) => {
                // A save that had not seen this tab's last one wrote over it in the same
                // instant: what this tab saved is in memory only, so it is a conflict too.
                Arc::ptr_eq(saved_project, local) && builds_on(&text, *known)
            }
            (None, None) => true,
            _ => false,
        };
        if !unchanged_here {
            result.conflicts.push(*id);
            continue;
        }
        let text = match chunks::whole_text(store, *id, text)? {
            Ok(text) => text,
            Err(unreadable) => {
                result.problems.push(StoredProblem {
                    key,
                    raw: unreadable.raw,
                    error: unreadable.error,
                });
                continue;
            }
        };
        let imported = match read_plan(&text) {
            Ok(Plan::Project(imported)) if imported.project.id == *id => imported,
            Ok(_) => continue,
            Err(error) => {
                result.problems.push(StoredProblem {
                    key,
                    raw: text,
                    error,
                });
                continue;
            }
        };
        for person in imported.people {
            if result.workspace.person(person.id).is_none() {
                result.workspace.add_person(person, None).ok();
            }
        }
        let outcome = if result.workspace.find_project(*id).is_some() {
            result.workspace.replace_project(imported.project)
        } else {
            result.workspace.add_project(imported.project)
        };
        if outcome.is_ok() {
            let project = result
                .workspace
                .projects()
                .iter()
                .find(|project| project.id == *id)
                .expect("just placed")
                .clone();
            saved.remember(project, revision);
            result.adopted.push(*id);
        }
    }
    let gone: Vec<ProjectId> = saved
        .projects
        .keys()
        .filter(|id| !stored_ids.contains(id))
        .copied()
        .collect();
    for id in gone {
        let unchanged_here = match (saved.projects.get(&id), current.find_project(id)) {
            (Some((saved_project, _)), Some(_)) => current
                .projects()
                .iter()
                .any(|project| Arc::ptr_eq(project, saved_project)),
            _ => true,
        };
        saved.forget(id);
        if unchanged_here && result.workspace.remove_project(id).is_ok() {
            result.adopted.push(id);
        }
        // A project deleted there but changed here stays, and will be saved again as new.
    }
    if let Some(text) = store.get(INDEX_KEY)? {
        if saved.index.as_deref() != Some(text.as_str()) && !saved.protected.contains(INDEX_KEY) {
            if let Ok(index) = read_index(&text) {
                let index_unchanged_here =
                    saved.index.as_deref() == Some(index_text(current).as_str());
                for person in index.people {
                    match result.workspace.person(person.id) {
                        None => {
                            result.workspace.add_person(person, None).ok();
                        }
                        Some(_) if index_unchanged_here => {
                            result.workspace.update_person(person).ok();
                        }
                        Some(_) => {}
                    }
                }
                for (position, id) in index.projects.iter().enumerate() {
                    result.workspace.move_project(*id, position).ok();
                }
                if index_unchanged_here {
                    result.workspace.settings = index.settings;
                    if index_text(&result.workspace) == text {
                        saved.index = Some(text);
                    }
                }
            }
        }
    }
    Ok(result)
}

/// Characters in the store (keys and values): (Ironplan's, everything the origin keeps), for
/// the storage meter. The quota counts the origin's total.
pub fn used_characters(store: &(impl KeyValue + ?Sized)) -> Result<(usize, usize), StorageFault> {
    let (mut ours, mut total) = (0, 0);
    for key in store.keys()? {
        // Lengths only: at 50,000 tasks the values are megabytes, which need not enter wasm.
        let size = key.chars().count() + store.length(&key)?.unwrap_or(0);
        total += size;
        if key.starts_with(PREFIX) {
            ours += size;
        }
    }
    Ok((ours, total))
}

#[cfg(target_arch = "wasm32")]
pub use web::WebStorage;

#[cfg(target_arch = "wasm32")]
mod web;

mod quota;
pub use quota::{is_quota_error, measure_quota, QUOTA_PROBE_KEY};

#[cfg(test)]
mod tests;
