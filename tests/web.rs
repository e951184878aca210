//! Browser glue, in a real Chromium: localStorage access, quota errors, and the mounted app.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see .ci/test).

#![cfg(target_arch = "wasm32")]

use ironplan::model::{Currency, Project, ProjectId, SequentialIds, Task, TaskId, Workspace};
use ironplan::store::persist::{self, KeyValue, StorageFault, WebStorage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_storage() {
    let storage = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("the test browser has localStorage");
    storage.clear().expect("storage clears");
}

fn sample_workspace() -> Workspace {
    let mut ids = SequentialIds::default();
    let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date");
    let mut project = Project::new(
        ProjectId::new(&mut ids),
        "Glue",
        start,
        Currency::EUR,
        &mut ids,
    )
    .expect("valid project");
    let column = project.columns()[0].id;
    project
        .add_task(
            Task::new(TaskId::new(&mut ids), "Persist me", column, start, start),
            start,
        )
        .expect("valid task");
    let mut workspace = Workspace::default();
    workspace.add_project(project).expect("added");
    workspace
}

#[wasm_bindgen_test]
fn a_saved_workspace_loads_back_from_local_storage() {
    clear_storage();
    let mut storage = WebStorage::open().expect("localStorage opens");
    let workspace = sample_workspace();
    let mut saved = persist::Saved::default();
    persist::save(&mut storage, &workspace, &mut saved).expect("saves");
    let loaded = persist::load(&storage).expect("loads");
    assert_eq!(loaded.workspace, workspace);
    assert!(loaded.problems.is_empty());
    assert!(storage
        .get(persist::INDEX_KEY)
        .expect("readable")
        .is_some_and(|text| text.contains("\"kind\":\"index\"")));
}

#[wasm_bindgen_test]
fn a_full_quota_is_recognised_and_the_previous_save_survives() {
    clear_storage();
    let mut storage = WebStorage::open().expect("localStorage opens");
    let workspace = sample_workspace();
    let mut saved = persist::Saved::default();
    persist::save(&mut storage, &workspace, &mut saved).expect("first save fits");
    let before = storage.get(persist::INDEX_KEY).expect("readable");
    // Fill the rest of the quota with 1 MB blocks, then smaller ones.
    let mut block = "x".repeat(1 << 20);
    let mut filler = 0;
    let fault = loop {
        match storage.set(&format!("filler:{filler}"), &block) {
            Ok(()) => filler += 1,
            Err(StorageFault::QuotaExceeded) if block.len() > 1024 => {
                block.truncate(block.len() / 4);
            }
            Err(fault) => break fault,
        }
    };
    assert_eq!(
        fault,
        StorageFault::QuotaExceeded,
        "Chromium's quota error is classified"
    );
    let mut bigger = workspace.clone();
    let project_id = bigger.projects()[0].id;
    let project = bigger.project_mut(project_id).expect("exists");
    let column = project.columns()[0].id;
    let start = project.start;
    let mut ids = SequentialIds::starting_at(500);
    for number in 0..200 {
        project
            .add_task(
                Task::new(
                    TaskId::new(&mut ids),
                    format!("Task {number} {}", "y".repeat(200)),
                    column,
                    start,
                    start,
                ),
                start,
            )
            .expect("valid task");
    }
    let failed = persist::save(&mut storage, &bigger, &mut saved);
    assert_eq!(
        failed,
        Err(persist::SaveError::Storage(StorageFault::QuotaExceeded))
    );
    assert_eq!(
        storage.get(persist::INDEX_KEY).expect("readable"),
        before,
        "the previous save is intact"
    );
    let loaded = persist::load(&storage).expect("still loads");
    assert_eq!(loaded.workspace, workspace);
    clear_storage();
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_projects_page() {
    clear_storage();
    leptos::mount::mount_to_body(ironplan::ui::App);
    leptos::task::tick().await;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let heading = document
        .query_selector("h1")
        .expect("selector is valid")
        .expect("a heading is rendered");
    assert_eq!(heading.text_content().as_deref(), Some("Projects"));
    let status = document
        .query_selector("[data-testid=save-indicator]")
        .expect("selector is valid")
        .expect("the save indicator is rendered");
    assert_eq!(status.text_content().as_deref(), Some("Saved"));
}
