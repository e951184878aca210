//! Projects stored in parts: a save killed between any two writes loads the previous or the
//! new revision of every project whole, and the next save clears what the crash left.

use super::*;
use std::collections::BTreeSet;

/// Rows to a part in these tests, so that ten tasks make four parts of rows.
const ROWS: usize = 3;

/// A store whose tab is killed after `writes_left` writes (sets and removes): every later write
/// fails. Reads still work, as they would for the next tab.
struct DyingStore {
    inner: MemoryStore,
    writes_left: usize,
    died: bool,
}

impl DyingStore {
    fn write(&mut self) -> Result<(), StorageFault> {
        if self.writes_left == 0 {
            self.died = true;
            return Err(StorageFault::Other("the tab was killed".to_string()));
        }
        self.writes_left -= 1;
        Ok(())
    }
}

impl KeyValue for DyingStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault> {
        self.write()?;
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageFault> {
        self.write()?;
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageFault> {
        self.inner.keys()
    }
}

fn project_with_tasks(name: &str, count: usize, ids: &mut SequentialIds) -> Workspace {
    let mut workspace = workspace_with(&[name], ids);
    let id = workspace.projects()[0].id;
    for number in 0..count {
        add_task(&mut workspace, id, &format!("{name} task {number}"), ids);
    }
    workspace
}

fn retitle(workspace: &mut Workspace, project: ProjectId, row: usize, title: &str) {
    let project = workspace.project_mut(project).expect("exists");
    let mut task = project.tasks()[row].as_ref().clone();
    task.title = title.to_string();
    project.update_task(task, day()).expect("valid edit");
}

/// Saves `before` chunked, then kills the save of `after` after every number of writes in
/// turn, and checks that each project loads as it was before or as it is after, whole.
fn every_crash_loads_one_revision_whole(store: MemoryStore, saved: Saved, after: &Workspace) {
    let before = load(&store).expect("loads").workspace;
    let ids: BTreeSet<ProjectId> = before
        .projects()
        .iter()
        .chain(after.projects())
        .map(|project| project.id)
        .collect();
    for writes in 0.. {
        let mut dying = DyingStore {
            inner: store.clone(),
            writes_left: writes,
            died: false,
        };
        let outcome = save_in_chunks_of(&mut dying, after, &mut saved.clone(), ROWS);
        let loaded = load(&dying.inner).expect("loads");
        if outcome.is_ok() {
            // Killed while removing what the new revision no longer names: it is saved.
            assert_eq!(loaded.workspace, *after, "killed after {writes} writes");
        }
        assert!(
            loaded.problems.is_empty(),
            "killed after {writes} writes: {:?}",
            loaded.problems
        );
        for id in &ids {
            let found = loaded.workspace.find_project(*id);
            let old = before.find_project(*id);
            let new = after.find_project(*id);
            assert!(
                found == old || found == new,
                "killed after {writes} writes, project {id} is neither revision"
            );
        }
        // The next tab saves the same edit; nothing the crash left stays behind.
        let mut inner = dying.inner;
        let mut next_saved = loaded.saved;
        save_in_chunks_of(&mut inner, after, &mut next_saved, ROWS).expect("the next save");
        assert_eq!(load(&inner).expect("loads").workspace, *after);
        assert_only_named_parts(&inner);
        if !dying.died {
            outcome.expect("a save nothing killed succeeds");
            break;
        }
    }
}

/// Every part key in the store is named by a manifest.
fn assert_only_named_parts(store: &MemoryStore) {
    let mut named = BTreeSet::new();
    for (key, text) in &store.entries {
        let Some(id) = key.strip_prefix(PROJECT_PREFIX) else {
            continue;
        };
        let id: ProjectId = id.parse().expect("a project id");
        let manifest = read_manifest(text).expect("a manifest");
        for part in manifest.parts {
            named.insert(part_key(id, part.revision, part.number));
        }
    }
    let parts: BTreeSet<String> = store
        .entries
        .keys()
        .filter(|key| key.starts_with(PART_PREFIX))
        .cloned()
        .collect();
    assert_eq!(parts, named, "leftover or missing parts");
}

fn saved_in_parts(workspace: &Workspace) -> (MemoryStore, Saved) {
    let mut store = MemoryStore::default();
    let mut saved = Saved::default();
    save_in_chunks_of(&mut store, workspace, &mut saved, ROWS).expect("saves");
    (store, saved)
}

#[test]
fn a_killed_save_of_a_one_task_edit_loads_one_revision_whole() {
    let mut ids = SequentialIds::default();
    let workspace = project_with_tasks("Big", 10, &mut ids);
    let (store, saved) = saved_in_parts(&workspace);
    let mut after = workspace.clone();
    retitle(&mut after, workspace.projects()[0].id, 4, "Edited");
    every_crash_loads_one_revision_whole(store, saved, &after);
}

#[test]
fn a_killed_save_that_adds_and_removes_tasks_loads_one_revision_whole() {
    let mut ids = SequentialIds::default();
    let workspace = project_with_tasks("Big", 10, &mut ids);
    let id = workspace.projects()[0].id;
    let (store, saved) = saved_in_parts(&workspace);
    let mut grown = workspace.clone();
    for number in 0..5 {
        add_task(&mut grown, id, &format!("New {number}"), &mut ids);
    }
    every_crash_loads_one_revision_whole(store.clone(), saved.clone(), &grown);
    let mut shrunk = workspace.clone();
    for _ in 0..8 {
        let first = shrunk.project(id).expect("exists").tasks()[0].id;
        shrunk
            .project_mut(id)
            .expect("exists")
            .remove_task(first)
            .expect("removed");
    }
    every_crash_loads_one_revision_whole(store, saved, &shrunk);
}

#[test]
fn a_killed_save_that_adds_edits_and_deletes_projects_loads_one_revision_whole() {
    let mut ids = SequentialIds::default();
    let mut workspace = project_with_tasks("Kept", 7, &mut ids);
    let doomed = project_with_tasks("Deleted", 4, &mut ids).projects()[0].clone();
    workspace
        .add_project(doomed.as_ref().clone())
        .expect("added");
    let (store, saved) = saved_in_parts(&workspace);
    let mut after = workspace.clone();
    retitle(&mut after, workspace.projects()[0].id, 6, "Edited");
    after.remove_project(doomed.id).expect("removed");
    let created = project_with_tasks("Created", 5, &mut ids).projects()[0].clone();
    after.add_project(created.as_ref().clone()).expect("added");
    every_crash_loads_one_revision_whole(store, saved, &after);
}

#[test]
fn a_project_stored_whole_loads_and_its_next_save_writes_it_in_parts() {
    let mut ids = SequentialIds::default();
    let workspace = project_with_tasks("Old", 10, &mut ids);
    let project = workspace.projects()[0].clone();
    let mut store = MemoryStore::default();
    store
        .set(
            &project_key(project.id),
            &write_stored_project(&project, &[], 4),
        )
        .expect("writes");
    let index = write_index(vec![project.id], &[], &Default::default());
    store.set(INDEX_KEY, &index).expect("writes");
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.workspace, workspace);
    let mut after = loaded.workspace.clone();
    retitle(&mut after, project.id, 0, "Edited");
    every_crash_loads_one_revision_whole(store.clone(), loaded.saved.clone(), &after);

    let mut saved = loaded.saved;
    save_in_chunks_of(&mut store, &after, &mut saved, ROWS).expect("saves");
    let stored = store.get(&project_key(project.id)).expect("readable");
    let manifest = read_manifest(&stored.expect("stored")).expect("now a manifest");
    assert_eq!(manifest.revision, 5);
    assert_eq!(
        manifest.parts.len(),
        1 + 4,
        "a shell and four parts of rows"
    );
}

#[test]
fn a_one_task_edit_rewrites_one_part_and_the_manifest() {
    let mut ids = SequentialIds::default();
    let workspace = project_with_tasks("Big", 10, &mut ids);
    let id = workspace.projects()[0].id;
    let (mut store, mut saved) = saved_in_parts(&workspace);
    let before = store.entries.clone();
    let mut after = workspace.clone();
    retitle(&mut after, id, 4, "Edited");
    save_in_chunks_of(&mut store, &after, &mut saved, ROWS).expect("saves");
    let mut changed: Vec<&String> = store
        .entries
        .iter()
        .filter(|(key, text)| before.get(*key) != Some(text))
        .map(|(key, _)| key)
        .collect();
    changed.sort();
    assert_eq!(
        changed,
        vec![&part_key(id, 2, 2), &project_key(id)],
        "the manifest and the part holding rows 3 to 5"
    );
    assert!(
        !store.entries.contains_key(&part_key(id, 1, 2)),
        "the part it replaces is removed"
    );
    assert_eq!(load(&store).expect("loads").workspace, after);
}

#[test]
fn a_part_another_save_wrote_makes_the_project_unreadable_and_protected() {
    let mut ids = SequentialIds::default();
    let workspace = project_with_tasks("Mixed", 10, &mut ids);
    let id = workspace.projects()[0].id;
    let (mut store, _) = saved_in_parts(&workspace);
    let part = part_key(id, 1, 3);
    let tampered = store
        .get(&part)
        .expect("readable")
        .expect("stored")
        .replace("Mixed task 6", "Other task 6");
    store.set(&part, &tampered).expect("writes");
    let missing_key = part_key(id, 1, 1);
    let loaded = load(&store).expect("loads");
    assert!(loaded.workspace.projects().is_empty());
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].error.to_string().contains(&part));
    assert!(
        loaded.problems[0].raw.contains("Other task 6"),
        "what the parts hold is offered for download"
    );
    for key in [project_key(id), part.clone(), missing_key.clone()] {
        assert!(loaded.saved.protected.contains(&key), "{key} is protected");
    }
    let before = store.entries.clone();
    let mut saved = loaded.saved;
    let other = workspace_with(&["Other"], &mut ids);
    save_in_chunks_of(&mut store, &other, &mut saved, ROWS).expect("saves");
    for (key, text) in before.iter().filter(|(key, _)| *key != INDEX_KEY) {
        assert_eq!(store.entries.get(key), Some(text), "{key} is untouched");
    }

    store.remove(&missing_key).expect("removes");
    let loaded = load(&store).expect("loads");
    assert!(loaded.problems[0].error.to_string().contains("is missing"));
}

#[test]
fn a_manifest_from_a_newer_version_is_protected() {
    let mut ids = SequentialIds::default();
    let workspace = project_with_tasks("Future", 4, &mut ids);
    let id = workspace.projects()[0].id;
    let (mut store, _) = saved_in_parts(&workspace);
    let key = project_key(id);
    let future = store.get(&key).expect("readable").expect("stored").replace(
        &format!("\"version\":{}", crate::model::io::CURRENT_VERSION),
        "\"version\":99",
    );
    store.set(&key, &future).expect("writes");
    let loaded = load(&store).expect("loads");
    assert!(matches!(
        loaded.problems[0].error,
        ImportError::UnsupportedVersion { found: 99, .. }
    ));
    assert!(loaded.saved.protected.contains(&key));
}

#[test]
fn a_hostile_manifest_is_refused_without_reserving_its_lengths() {
    let mut ids = SequentialIds::default();
    let workspace = project_with_tasks("Hostile", 4, &mut ids);
    let id = workspace.projects()[0].id;
    let (mut store, _) = saved_in_parts(&workspace);
    let key = project_key(id);
    let mut manifest =
        read_manifest(&store.get(&key).expect("readable").expect("stored")).expect("a manifest");
    for part in &mut manifest.parts {
        part.length = usize::MAX;
    }
    store
        .set(&key, &crate::model::io::write_manifest(&manifest))
        .expect("writes");
    let loaded = load(&store).expect("loads");
    assert!(loaded.problems[0]
        .error
        .to_string()
        .contains("does not match"));

    manifest.parts[1].rows = usize::MAX;
    store
        .set(&key, &crate::model::io::write_manifest(&manifest))
        .expect("writes");
    let loaded = load(&store).expect("loads");
    assert!(loaded.problems[0].error.to_string().contains("rows listed"));
    assert!(loaded.saved.protected.contains(&key));
}

#[test]
fn a_save_that_fills_the_quota_half_way_keeps_the_previous_revision_whole() {
    let mut ids = SequentialIds::default();
    let workspace = project_with_tasks("Big", 10, &mut ids);
    let id = workspace.projects()[0].id;
    let (store, saved) = saved_in_parts(&workspace);
    let mut after = workspace.clone();
    for row in [0, 4, 9] {
        retitle(
            &mut after,
            id,
            row,
            &format!("A longer title for row {row}"),
        );
    }
    let used = stored_characters(&store);
    let mut full_at = Vec::new();
    // From no room at all to room for every new part but not the manifest's growth.
    for room in (0..1_200).step_by(7) {
        let mut tight = store.clone();
        tight.quota = Some(used + room);
        let mut attempt = saved.clone();
        match save_in_chunks_of(&mut tight, &after, &mut attempt, ROWS) {
            Err(SaveError::Storage(StorageFault::QuotaExceeded)) => {
                full_at.push(room);
                assert_eq!(tight.entries, store.entries, "room for {room} characters");
                assert_eq!(load(&tight).expect("loads").workspace, workspace);
                tight.quota = None;
                save_in_chunks_of(&mut tight, &after, &mut attempt, ROWS)
                    .expect("saves once space frees");
                assert_eq!(load(&tight).expect("loads").workspace, after);
                assert_only_named_parts(&tight);
            }
            Ok(_) => assert_eq!(load(&tight).expect("loads").workspace, after),
            Err(other) => panic!("{other:?}"),
        }
    }
    assert!(
        full_at.len() > 10,
        "the quota ran out half-way through the parts: {full_at:?}"
    );
}

/// The project under `id` read both ways: part by part, and from the joined text.
fn both_ways(
    store: &MemoryStore,
    id: ProjectId,
) -> (
    Option<crate::model::io::ImportedProject>,
    Result<Plan, ImportError>,
) {
    let manifest = store
        .get(&project_key(id))
        .expect("readable")
        .expect("stored");
    let joined = chunks::whole_text(store, id, manifest.clone())
        .expect("readable")
        .map_err(|unreadable| unreadable.error)
        .and_then(|text| read_plan(&text));
    (chunks::read_in_parts(store, id, &manifest), joined)
}

#[test]
fn reading_part_by_part_gives_what_the_joined_text_gives() {
    let mut ids = SequentialIds::default();
    let workspace = project_with_tasks("Big", 10, &mut ids);
    let id = workspace.projects()[0].id;
    let (store, _) = saved_in_parts(&workspace);
    let (parts, joined) = both_ways(&store, id);
    let Ok(Plan::Project(joined)) = joined else {
        panic!("the joined text reads");
    };
    assert_eq!(parts, Some(joined));
    // Every one-character change to a part (with its manifest entry made to match, as a
    // hostile store could) is read part by part only when the joined text reads the same.
    let manifest_key = project_key(id);
    let manifest = read_manifest(&store.get(&manifest_key).expect("readable").expect("stored"))
        .expect("a manifest");
    for (number, part) in manifest.parts.iter().enumerate() {
        let key = part_key(id, part.revision, part.number);
        let text = store.get(&key).expect("readable").expect("stored");
        for at in (0..text.len()).step_by(5) {
            for replacement in [b'0', b'"', b']', b',', b'-', b'x'] {
                let mut bytes = text.clone().into_bytes();
                bytes[at] = replacement;
                let Ok(changed) = String::from_utf8(bytes) else {
                    continue;
                };
                let mut hostile = store.clone();
                let mut edited = manifest.clone();
                edited.parts[number] = crate::model::io::StoredPart::describe(
                    &changed,
                    part.revision,
                    part.number,
                    part.rows,
                );
                hostile.set(&key, &changed).expect("writes");
                hostile
                    .set(&manifest_key, &crate::model::io::write_manifest(&edited))
                    .expect("writes");
                let (parts, joined) = both_ways(&hostile, id);
                if let Some(parts) = parts {
                    assert_eq!(Ok(Plan::Project(parts)), joined, "{changed}");
                }
            }
        }
    }
}
