//! Storage scenarios on an in-memory store: two tabs, crashes, full quota, bad data.

use super::*;
use crate::model::{Currency, SequentialIds, Task, TaskId};
use chrono::NaiveDate;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date")
}

fn workspace_with(names: &[&str], ids: &mut SequentialIds) -> Workspace {
    let mut workspace = Workspace::default();
    for name in names {
        let project = Project::new(ProjectId::new(ids), name, day(), Currency::EUR, ids)
            .expect("valid project");
        workspace.add_project(project).expect("added");
    }
    workspace
}

fn add_task(workspace: &mut Workspace, project: ProjectId, title: &str, ids: &mut SequentialIds) {
    let project = workspace.project_mut(project).expect("exists");
    let column = project.columns()[0].id;
    project
        .add_task(
            Task::new(TaskId::new(ids), title, column, day(), day()),
            day(),
        )
        .expect("valid task");
}

/// Characters in the store, keys and values, as its quota counts them.
fn stored_characters(store: &MemoryStore) -> usize {
    store
        .entries
        .iter()
        .map(|(key, text)| key.len() + text.len())
        .sum()
}

/// A store holding one saved project, "Big", without tasks.
fn one_saved_project() -> (SequentialIds, MemoryStore, Workspace, Saved) {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let workspace = workspace_with(&["Big"], &mut ids);
    let mut saved = Saved::default();
    save(&mut store, &workspace, &mut saved).expect("saves");
    (ids, store, workspace, saved)
}

fn add_tasks(workspace: &mut Workspace, project: ProjectId, count: usize, ids: &mut SequentialIds) {
    for number in 0..count {
        add_task(workspace, project, &format!("Task number {number}"), ids);
    }
}

#[test]
fn a_saved_workspace_loads_back_exactly() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let workspace = workspace_with(&["A", "B"], &mut ids);
    let mut saved = Saved::default();
    save(&mut store, &workspace, &mut saved).expect("saves");
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.workspace, workspace);
    assert!(is_saved(&loaded.workspace, &loaded.saved));
}

#[test]
fn only_changed_projects_are_written() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let mut workspace = workspace_with(&["A", "B"], &mut ids);
    let mut saved = Saved::default();
    save(&mut store, &workspace, &mut saved).expect("saves");
    let b = workspace.projects()[1].id;
    add_task(&mut workspace, b, "Only B changes", &mut ids);
    let report = save(&mut store, &workspace, &mut saved).expect("saves");
    assert_eq!(report.written, 1);
}

#[test]
fn a_stale_tab_never_overwrites_a_newer_revision() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let workspace = workspace_with(&["Shared"], &mut ids);
    let id = workspace.projects()[0].id;
    let mut first_saved = Saved::default();
    save(&mut store, &workspace, &mut first_saved).expect("saves");
    let second = load(&store).expect("the second tab loads");
    let (mut second_workspace, mut second_saved) = (second.workspace, second.saved);

    let mut first = workspace.clone();
    add_task(&mut first, id, "From tab one", &mut ids);
    save(&mut store, &first, &mut first_saved).expect("tab one saves first");
    let written = store.get(&project_key(id)).expect("readable");

    add_task(&mut second_workspace, id, "From tab two", &mut ids);
    let refused = save(&mut store, &second_workspace, &mut second_saved);
    assert_eq!(refused, Err(SaveError::Conflict(vec![id])));
    assert_eq!(store.get(&project_key(id)).expect("readable"), written);
}

#[test]
fn a_stale_tab_never_deletes_a_newer_revision() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let workspace = workspace_with(&["Shared"], &mut ids);
    let id = workspace.projects()[0].id;
    let mut first_saved = Saved::default();
    save(&mut store, &workspace, &mut first_saved).expect("saves");
    let second = load(&store).expect("loads");
    let (mut second_workspace, mut second_saved) = (second.workspace, second.saved);
    let mut first = workspace.clone();
    add_task(&mut first, id, "Newer work", &mut ids);
    save(&mut store, &first, &mut first_saved).expect("saves");
    second_workspace.remove_project(id).expect("removed here");
    let refused = save(&mut store, &second_workspace, &mut second_saved);
    assert_eq!(refused, Err(SaveError::Conflict(vec![id])));
    assert!(store.get(&project_key(id)).expect("readable").is_some());
}

#[test]
fn another_tabs_changes_are_taken_in_when_this_tab_did_not_touch_them() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let workspace = workspace_with(&["Shared", "Mine"], &mut ids);
    let (shared, mine) = (workspace.projects()[0].id, workspace.projects()[1].id);
    let mut first_saved = Saved::default();
    save(&mut store, &workspace, &mut first_saved).expect("saves");
    let second = load(&store).expect("loads");
    let (mut second_workspace, mut second_saved) = (second.workspace, second.saved);

    let mut first = workspace.clone();
    add_task(&mut first, shared, "Done in tab one", &mut ids);
    save(&mut store, &first, &mut first_saved).expect("tab one saves");

    add_task(&mut second_workspace, mine, "Unsaved in tab two", &mut ids);
    let merged = reconcile(&store, &second_workspace, &mut second_saved).expect("reads");
    assert_eq!(merged.adopted, vec![shared]);
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged
            .workspace
            .project(shared)
            .expect("exists")
            .tasks()
            .len(),
        1
    );
    assert_eq!(
        merged
            .workspace
            .project(mine)
            .expect("exists")
            .tasks()
            .len(),
        1
    );
    save(&mut store, &merged.workspace, &mut second_saved).expect("tab two saves its own work");
    assert_eq!(load(&store).expect("loads").workspace, merged.workspace);
}

#[test]
fn projects_created_and_deleted_in_another_tab_appear_and_disappear() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let workspace = workspace_with(&["Old"], &mut ids);
    let old = workspace.projects()[0].id;
    let mut first_saved = Saved::default();
    save(&mut store, &workspace, &mut first_saved).expect("saves");
    let second = load(&store).expect("loads");
    let (second_workspace, mut second_saved) = (second.workspace, second.saved);
    let mut first = workspace.clone();
    let created = workspace_with(&["New"], &mut ids).projects()[0]
        .as_ref()
        .clone();
    let created_id = created.id;
    first.add_project(created).expect("added");
    first.remove_project(old).expect("removed");
    save(&mut store, &first, &mut first_saved).expect("saves");
    let merged = reconcile(&store, &second_workspace, &mut second_saved).expect("reads");
    let names: Vec<&str> = merged
        .workspace
        .projects()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, vec!["New"]);
    assert!(merged.adopted.contains(&created_id) && merged.adopted.contains(&old));
}

#[test]
fn a_project_both_tabs_changed_is_a_conflict_and_nothing_is_lost() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let workspace = workspace_with(&["Shared"], &mut ids);
    let shared = workspace.projects()[0].id;
    let mut first_saved = Saved::default();
    save(&mut store, &workspace, &mut first_saved).expect("saves");
    let second = load(&store).expect("loads");
    let (mut second_workspace, mut second_saved) = (second.workspace, second.saved);
    let mut first = workspace.clone();
    add_task(&mut first, shared, "Tab one", &mut ids);
    save(&mut store, &first, &mut first_saved).expect("saves");
    add_task(&mut second_workspace, shared, "Tab two", &mut ids);
    let merged = reconcile(&store, &second_workspace, &mut second_saved).expect("reads");
    assert_eq!(merged.conflicts, vec![shared]);
    let kept = merged.workspace.project(shared).expect("exists");
    assert_eq!(
        kept.tasks()[0].title,
        "Tab two",
        "this tab's version stays in memory"
    );
    let stored = load(&store).expect("loads");
    assert_eq!(
        stored.workspace.project(shared).expect("exists").tasks()[0].title,
        "Tab one"
    );
}

/// What a save wrote into `after`, starting from `before`: the keys it set and removed.
fn writes(before: &MemoryStore, after: &MemoryStore) -> Vec<(String, Option<String>)> {
    let mut writes: Vec<(String, Option<String>)> = after
        .entries
        .iter()
        .filter(|(key, text)| before.entries.get(*key) != Some(*text))
        .map(|(key, text)| (key.clone(), Some(text.clone())))
        .collect();
    writes.extend(
        before
            .entries
            .keys()
            .filter(|key| !after.entries.contains_key(*key))
            .map(|key| (key.clone(), None)),
    );
    writes
}

#[test]
fn two_tabs_saving_in_the_same_instant_never_mix_and_the_overwritten_one_knows() {
    // Browsers apply each tab's storage writes to a cached copy first and share them a moment
    // later: two tabs that save at once both start from the same revision, and both writes land,
    // the last one on top.
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let workspace = workspace_with(&["Shared"], &mut ids);
    let shared = workspace.projects()[0].id;
    let mut base_saved = Saved::default();
    save_in_chunks_of(&mut store, &workspace, &mut base_saved, 1).expect("saves");
    let tab = |step: u64| {
        let mut loaded = load(&store).expect("loads");
        loaded.saved.step = step;
        (loaded.workspace, loaded.saved)
    };
    let ((mut one, mut one_saved), (mut two, mut two_saved)) = (tab(17), tab(4242));
    add_task(&mut one, shared, "Tab one", &mut ids);
    add_task(&mut one, shared, "Tab one again", &mut ids);
    add_task(&mut two, shared, "Tab two", &mut ids);
    let (mut one_view, mut two_view) = (store.clone(), store.clone());
    save_in_chunks_of(&mut one_view, &one, &mut one_saved, 1).expect("tab one saves");
    save_in_chunks_of(&mut two_view, &two, &mut two_saved, 1).expect("tab two saves");
    for (key, text) in writes(&store, &one_view)
        .into_iter()
        .chain(writes(&store, &two_view))
    {
        match text {
            Some(text) => store.set(&key, &text).expect("writes"),
            None => store.remove(&key).expect("removes"),
        }
    }
    // The store holds tab two's save whole, not a mix of both tabs' parts.
    let stored = load(&store).expect("loads");
    assert!(stored.problems.is_empty(), "{:?}", stored.problems);
    let titles: Vec<String> = stored
        .workspace
        .project(shared)
        .expect("exists")
        .tasks()
        .iter()
        .map(|task| task.title.clone())
        .collect();
    assert_eq!(titles, ["Tab two"]);
    // Tab two sees its own save; tab one sees that its save was overwritten, keeps its work,
    // and does not write over tab two's.
    let seen_by_two = reconcile(&store, &two, &mut two_saved).expect("reads");
    assert!(seen_by_two.conflicts.is_empty());
    let seen_by_one = reconcile(&store, &one, &mut one_saved).expect("reads");
    assert_eq!(seen_by_one.conflicts, vec![shared]);
    // Its parts, which nothing names now, are removed; tab two's stay.
    let one_revision = one_saved.projects[&shared].1;
    remove_overwritten_parts(&mut store, &one_saved, &seen_by_one.conflicts);
    assert!(!store
        .entries
        .keys()
        .any(|key| key.contains(&format!(":{one_revision}:"))));
    assert_eq!(load(&store).expect("loads").workspace, stored.workspace);
    assert_eq!(
        seen_by_one
            .workspace
            .project(shared)
            .expect("kept")
            .tasks()
            .len(),
        2
    );
    let before = store.clone();
    let _ = save_in_chunks_of(&mut store, &one, &mut one_saved, 1);
    assert_eq!(
        store.entries, before.entries,
        "tab one writes nothing over tab two's save"
    );
    // Whichever tab lands last, the same holds: the step decides the revisions, not the order.
    assert_ne!(one_saved.projects[&shared].1, two_saved.projects[&shared].1);
}

#[test]
fn a_crash_between_writes_is_repaired_on_load() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let workspace = workspace_with(&["Listed"], &mut ids);
    let mut saved = Saved::default();
    save(&mut store, &workspace, &mut saved).expect("saves");
    // A second project's key was written, then the tab died before the index.
    let orphan = workspace_with(&["Orphan"], &mut ids);
    let orphan_project = orphan.projects()[0].clone();
    store
        .set(
            &project_key(orphan_project.id),
            &write_stored_project(&orphan_project, &[], 1),
        )
        .expect("writes");
    // And an index entry points at a key that is gone.
    let ghost = ProjectId::new(&mut ids);
    let index = write_index(
        vec![workspace.projects()[0].id, ghost],
        &[],
        &Default::default(),
    );
    store.set(INDEX_KEY, &index).expect("writes");
    let loaded = load(&store).expect("loads");
    let names: Vec<&str> = loaded
        .workspace
        .projects()
        .iter()
        .map(|project| project.name.as_str())
        .collect();
    assert_eq!(names, vec!["Listed", "Orphan"]);
    assert!(loaded.notes.contains(&LoadNote::RecoveredOrphans(1)));
    assert!(loaded.notes.contains(&LoadNote::MissingProjects(1)));
    assert!(
        !is_saved(&loaded.workspace, &loaded.saved),
        "the repaired index is due for a save"
    );
}

#[test]
fn unreadable_and_future_data_is_protected_from_every_write() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let garbage_key = project_key(ProjectId::new(&mut ids));
    store.set(&garbage_key, "{not json").expect("writes");
    let future_key = project_key(ProjectId::new(&mut ids));
    let future = r#"{"revision":3,"format":"ironplan","version":99,"kind":"project"}"#;
    store.set(&future_key, future).expect("writes");
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.problems.len(), 2);
    let mut saved = loaded.saved;
    let workspace = workspace_with(&["New"], &mut ids);
    save(&mut store, &workspace, &mut saved).expect("saves");
    assert_eq!(
        store.get(&garbage_key).expect("readable").as_deref(),
        Some("{not json")
    );
    assert_eq!(
        store.get(&future_key).expect("readable").as_deref(),
        Some(future)
    );
}

#[test]
fn a_full_store_keeps_the_previous_save() {
    let (mut ids, mut store, mut workspace, mut saved) = one_saved_project();
    let id = workspace.projects()[0].id;
    let before = store.entries.clone();
    store.quota = Some(stored_characters(&store) + 50);
    add_tasks(&mut workspace, id, 20, &mut ids);
    let failed = save(&mut store, &workspace, &mut saved);
    assert_eq!(failed, Err(SaveError::Storage(StorageFault::QuotaExceeded)));
    assert_eq!(store.entries, before);
    assert!(!is_saved(&workspace, &saved), "the change is still pending");
    store.quota = None;
    save(&mut store, &workspace, &mut saved).expect("saves once space frees");
    assert_eq!(load(&store).expect("loads").workspace, workspace);
}

#[test]
fn quota_errors_are_recognised_in_every_browser_form() {
    assert!(is_quota_error("QuotaExceededError", 22));
    assert!(is_quota_error("QUOTA_EXCEEDED_ERR", 0));
    assert!(is_quota_error("NS_ERROR_DOM_QUOTA_REACHED", 1014));
    assert!(is_quota_error("", 22));
    assert!(!is_quota_error("SecurityError", 18));
}

#[test]
fn a_first_visit_writes_nothing() {
    let store = MemoryStore::default();
    let loaded = load(&store).expect("loads");
    assert!(is_saved(&loaded.workspace, &loaded.saved));
}

mod crashes;
#[cfg(not(target_arch = "wasm32"))]
mod sequences;

#[test]
fn the_quota_is_measured_to_within_a_fifth_of_a_percent_and_the_probe_is_removed() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let workspace = workspace_with(&["Measured"], &mut ids);
    save(&mut store, &workspace, &mut Saved::default()).expect("saves");
    store.set("another-app", "its data").expect("writes");
    let before = store.entries.clone();
    for quota in [5 * 1024 * 1024, 10 * 1024 * 1024, 3_000_000] {
        store.quota = Some(quota);
        let measured = measure_quota(&mut store)
            .expect("measures")
            .expect("a limit");
        assert!(
            measured <= quota && measured * 1000 >= quota * 998,
            "measured {measured} of {quota}"
        );
        assert_eq!(store.entries, before, "the probe leaves nothing behind");
    }
    store.quota = None;
    assert_eq!(
        measure_quota(&mut store),
        Ok(None),
        "no limit worth measuring"
    );
    assert_eq!(store.entries, before);
}

#[test]
fn when_storage_is_full_snapshots_make_room_for_the_plan_largest_first() {
    let (mut ids, mut store, mut workspace, mut saved) = one_saved_project();
    let id = workspace.projects()[0].id;
    let small = format!("{}small", crate::store::snapshots::SNAPSHOT_PREFIX);
    let large = format!("{}large", crate::store::snapshots::SNAPSHOT_PREFIX);
    store.set(&small, &"s".repeat(2_000)).expect("writes");
    store.set(&large, &"l".repeat(20_000)).expect("writes");
    store.quota = Some(stored_characters(&store) + 200);
    add_tasks(&mut workspace, id, 40, &mut ids);
    assert_eq!(
        save(&mut store.clone(), &workspace, &mut saved.clone()),
        Err(SaveError::Storage(StorageFault::QuotaExceeded))
    );
    let report = crate::store::autosave::save_before_snapshots(&mut store, &workspace, &mut saved)
        .expect("saves once the large snapshot is gone");
    assert_eq!(
        report.snapshots_removed, 1,
        "the user is told of one removed copy"
    );
    assert!(store.entries.contains_key(&small), "the small one stays");
    assert!(!store.entries.contains_key(&large));
    assert_eq!(load(&store).expect("loads").workspace, workspace);
}

#[test]
fn a_task_moved_to_the_top_of_a_large_project_rewrites_one_part_and_fits() {
    let mut ids = SequentialIds::default();
    let mut store = MemoryStore::default();
    let mut workspace = workspace_with(&["Large"], &mut ids);
    let id = workspace.projects()[0].id;
    add_tasks(&mut workspace, id, 1000, &mut ids);
    let mut saved = Saved::default();
    save_in_chunks_of(&mut store, &workspace, &mut saved, 100).expect("saves");
    let whole = stored_characters(&store);
    // Room for the plan and a third more, as a browser's quota holds a 50,000-task plan.
    store.quota = Some(whole + whole / 3);
    let project = workspace.project_mut(id).expect("exists");
    let (last, first) = (project.tasks()[999].id, project.tasks()[0].id);
    let column = project.tasks()[0].column;
    project
        .move_task(last, column, Some(first), day())
        .expect("moved");
    let report = save_in_chunks_of(&mut store, &workspace, &mut saved, 100)
        .expect("a move to the top saves without rewriting every part");
    assert!(
        report.characters < whole / 4,
        "wrote {} of {whole} characters",
        report.characters
    );
    // A task inserted in the middle: again only the part it lands in is written.
    add_task(&mut workspace, id, "Inserted", &mut ids);
    let project = workspace.project_mut(id).expect("exists");
    let (inserted, middle) = (project.tasks()[1000].id, project.tasks()[500].id);
    project
        .move_task(inserted, column, Some(middle), day())
        .expect("moved");
    let report = save_in_chunks_of(&mut store, &workspace, &mut saved, 100).expect("saves");
    assert!(report.characters < whole / 4, "wrote {}", report.characters);
    let loaded = load(&store).expect("loads");
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.workspace, workspace);
}

#[test]
fn a_kept_row_encoder_serves_only_the_version_it_was_built_for() {
    let (mut ids, mut store, mut workspace, mut saved) = one_saved_project();
    let id = workspace.projects()[0].id;
    add_tasks(&mut workspace, id, 3, &mut ids);
    save(&mut store, &workspace, &mut saved).expect("saves");
    let kept = Arc::clone(&workspace.projects()[0]);
    assert!(saved
        .encoders
        .get(&id)
        .is_some_and(|(built_for, _)| Arc::ptr_eq(built_for, &kept)));
    // The same version recorded again (a settled conflict) keeps it.
    saved.remember(Arc::clone(&kept), 7);
    assert!(saved.encoders.contains_key(&id));
    // Another version (another tab's, taken in) drops it, and forgetting drops both.
    let mut other = workspace.clone();
    add_task(&mut other, id, "From another tab", &mut ids);
    saved.remember(Arc::clone(&other.projects()[0]), 8);
    assert!(!saved.encoders.contains_key(&id));
    saved.forget(id);
    assert!(!saved.projects.contains_key(&id));
}
