//! Autosave: the one effect that syncs the workspace outward to storage.
//!
//! A change marks the state "saving…" and schedules a save after [`SAVE_DELAY_MS`], at most
//! one save per [`MIN_SAVE_INTERVAL_MS`]; typing never serializes anything, and a due save waits
//! for a pause of [`INPUT_PAUSE_MS`] in keys and drags (at most [`MAX_INPUT_WAIT_MS`]), so that
//! it does not land on a keystroke. Leaving the page
//! (`pagehide`, or the tab turning hidden) flushes at once, so a killed tab loses at most the
//! debounce window.

use super::persist::{self, KeyValue, SaveError, Saved, StorageFault};
use super::snapshots::{self, Snapshots};
use super::{AppState, NotSavedReason, SaveState};
use crate::model::{ProjectId, Workspace};
use leptos::prelude::*;
use std::collections::HashMap;

/// Quiet time after a change before saving.
pub const SAVE_DELAY_MS: f64 = 500.0;
/// Saves never come closer together than this.
pub const MIN_SAVE_INTERVAL_MS: f64 = 1000.0;
/// A due save waits until no key was pressed and nothing dragged for this long…
pub const INPUT_PAUSE_MS: f64 = 300.0;
/// …but never longer than this after it was due.
pub const MAX_INPUT_WAIT_MS: f64 = 5000.0;

/// How much longer a save due since `due` should wait at `now`, when the last key or drag move
/// was at `last_input`; `None` to save now.
pub fn wait_for_input_pause(now: f64, due: f64, last_input: f64) -> Option<f64> {
    let quiet = now - last_input;
    (quiet < INPUT_PAUSE_MS && now - due < MAX_INPUT_WAIT_MS)
        .then(|| (INPUT_PAUSE_MS - quiet).min(MAX_INPUT_WAIT_MS - (now - due)))
}

/// Storage and what was last saved to it.
pub struct Persistence {
    /// The store, or `None` when running in memory.
    pub store: Option<Box<dyn KeyValue>>,
    pub saved: Saved,
    pending: Option<TimeoutHandle>,
    last_save_at: f64,
    /// When a key was last pressed or a drag last moved (epoch milliseconds).
    last_input_at: f64,
    /// When the last save that wrote something succeeded (epoch milliseconds).
    last_success: Option<f64>,
    /// The origin's quota in characters, once measured this session.
    quota: Option<Option<usize>>,
    /// Snapshots of deleted projects, out of storage but kept while undo can bring the
    /// project back (`AppState::follow_snapshots`).
    pub(crate) set_aside: HashMap<ProjectId, Snapshots>,
}

impl Persistence {
    /// No storage: edits live in memory.
    pub fn in_memory(saved: Saved) -> Persistence {
        Persistence {
            store: None,
            saved,
            pending: None,
            last_save_at: f64::NEG_INFINITY,
            last_input_at: f64::NEG_INFINITY,
            last_success: None,
            quota: None,
            set_aside: HashMap::new(),
        }
    }
}

/// Opens browser storage and loads the workspace, or falls back to memory with the reason.
pub fn load_from_storage() -> AppState {
    match open_storage() {
        Ok(mut store) => match persist::load(store.as_ref()) {
            Ok(mut loaded) => {
                loaded.saved.step = super::clock::revision_step();
                // Snapshots of projects deleted by older builds; a failure only leaves them.
                snapshots::sweep_orphans(store.as_mut()).ok();
                let state = AppState::with_workspace(loaded.workspace, loaded.saved);
                state.problems.set(loaded.problems);
                state.load_notes.set(loaded.notes);
                state
                    .persistence
                    .update_value(|persistence| persistence.store = Some(store));
                state
            }
            Err(fault) => in_memory(fault),
        },
        Err(fault) => in_memory(fault),
    }
}

fn in_memory(fault: StorageFault) -> AppState {
    let state = AppState::with_workspace(Workspace::default(), Saved::default());
    state.save_state.set(SaveState::InMemory {
        reason: fault.to_string(),
    });
    state
}

#[cfg(target_arch = "wasm32")]
fn open_storage() -> Result<Box<dyn KeyValue>, StorageFault> {
    persist::WebStorage::open().map(|storage| Box::new(storage) as Box<dyn KeyValue>)
}

#[cfg(not(target_arch = "wasm32"))]
fn open_storage() -> Result<Box<dyn KeyValue>, StorageFault> {
    Ok(Box::new(persist::MemoryStore::default()))
}

impl KeyValue for Box<dyn KeyValue> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault> {
        self.as_ref().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault> {
        self.as_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageFault> {
        self.as_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageFault> {
        self.as_ref().keys()
    }
    fn fill(&mut self, key: &str, characters: usize) -> Result<(), StorageFault> {
        self.as_mut().fill(key, characters)
    }
    fn length(&self, key: &str) -> Result<Option<usize>, StorageFault> {
        self.as_ref().length(key)
    }
}

/// Watches the workspace and saves it, debounced; flushes when the page is hidden or left.
pub fn install_autosave(state: AppState) {
    Effect::new(move |previous: Option<()>| {
        state.workspace.track();
        if previous.is_some() {
            schedule_save(state);
        }
    });
    // Loading may have repaired the index; write the repair at once.
    let repaired = state.persistence.with_value(|persistence| {
        persistence.store.is_some()
            && state
                .workspace
                .with_untracked(|workspace| !persist::is_saved(workspace, &persistence.saved))
    });
    if repaired {
        schedule_save(state);
    }
    ask_for_persistent_storage();
    let on_storage = window_event_listener(leptos::ev::storage, move |event| {
        let ours = event
            .key()
            .is_none_or(|key| key.starts_with(persist::PREFIX));
        if ours {
            take_in_other_tabs(state);
        }
    });
    let note_input = move || {
        state.persistence.update_value(|persistence| {
            persistence.last_input_at = super::clock::now_millis();
        });
    };
    let on_key = window_event_listener(leptos::ev::keydown, move |_| note_input());
    let on_drag = window_event_listener(leptos::ev::pointermove, move |event| {
        if event.buttons() != 0 {
            note_input();
        }
    });
    let flush = move || save_now(state);
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            flush();
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        on_visibility.remove();
        on_storage.remove();
        on_key.remove();
        on_drag.remove();
    });
}

/// Asks the browser to keep this origin's storage when space runs low (best effort).
fn ask_for_persistent_storage() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().storage().persist();
    }
}

/// Another tab saved: take in what this tab did not change, and flag what both changed.
pub fn take_in_other_tabs(state: AppState) {
    let current = state.workspace.get_untracked();
    let outcome = state
        .persistence
        .try_update_value(|persistence| {
            let store = persistence.store.as_mut()?;
            let merged = persist::reconcile(store.as_ref(), &current, &mut persistence.saved);
            if let Ok(merged) = &merged {
                persist::remove_overwritten_parts(
                    store.as_mut(),
                    &persistence.saved,
                    &merged.conflicts,
                );
            }
            Some(merged)
        })
        .flatten();
    let Some(Ok(merged)) = outcome else {
        return;
    };
    if !merged.problems.is_empty() {
        state.problems.update(|problems| {
            for problem in merged.problems {
                if !problems.iter().any(|known| known.key == problem.key) {
                    problems.push(problem);
                }
            }
        });
    }
    if !merged.adopted.is_empty() {
        state.replace_without_history(merged.workspace);
        state
            .notice
            .set(Some(super::Notice::UpdatedFromAnotherTab(merged.adopted)));
    }
    if !merged.conflicts.is_empty() {
        state.conflicts.update(|conflicts| {
            for id in &merged.conflicts {
                if !conflicts.contains(id) {
                    conflicts.push(*id);
                }
            }
        });
        // This tab's version of those projects is no longer what is stored (its last save may
        // even have been written over in the same instant), so it is not saved.
        let last_saved = state
            .persistence
            .with_value(|persistence| persistence.last_success);
        state.save_state.set(SaveState::NotSaved {
            reason: NotSavedReason::Conflict(merged.conflicts),
            last_saved,
        });
    }
}

/// Marks the state as saving and schedules one save, respecting the debounce and the rate.
pub fn schedule_save(state: AppState) {
    let unavailable = state
        .persistence
        .with_value(|persistence| persistence.store.is_none());
    if unavailable {
        return;
    }
    if !matches!(state.save_state.get_untracked(), SaveState::NotSaved { .. }) {
        state.save_state.set(SaveState::Pending);
    }
    if cfg!(not(target_arch = "wasm32")) {
        // Off the web there is no timer to wait for (host tests): save at once.
        save_now(state);
        return;
    }
    let since_last = super::clock::now_millis()
        - state
            .persistence
            .with_value(|persistence| persistence.last_save_at);
    let delay = SAVE_DELAY_MS.max(MIN_SAVE_INTERVAL_MS - since_last);
    arm_save(state, delay, super::clock::now_millis() + delay);
}

/// Sets the one pending save's timer to `delay` ms; when it fires, the save made due at `due`
/// waits on for a pause in keys and drags.
fn arm_save(state: AppState, delay: f64, due: f64) {
    state.persistence.update_value(|persistence| {
        if let Some(handle) = persistence.pending.take() {
            handle.clear();
        }
        persistence.pending = set_timeout_with_handle(
            move || {
                let last_input = state
                    .persistence
                    .with_value(|persistence| persistence.last_input_at);
                let now = super::clock::now_millis();
                match wait_for_input_pause(now, due, last_input) {
                    Some(wait) => arm_save(state, wait, due),
                    None => save_now(state),
                }
            },
            std::time::Duration::from_millis(delay.max(0.0) as u64),
        )
        .ok();
    });
}

/// Saves whatever changed, now.
pub fn save_now(state: AppState) {
    let workspace = state.workspace.get_untracked();
    let outcome = state.persistence.try_update_value(|persistence| {
        if let Some(handle) = persistence.pending.take() {
            handle.clear();
        }
        let store = persistence.store.as_mut()?;
        if persist::is_saved(&workspace, &persistence.saved) {
            return Some(Ok(None));
        }
        mark("ironplan:save-start");
        let result = save_before_snapshots(store.as_mut(), &workspace, &mut persistence.saved);
        persistence.last_save_at = super::clock::now_millis();
        if result.is_ok() {
            persistence.last_success = Some(persistence.last_save_at);
        }
        Some(result.map(Some))
    });
    let last_saved = state
        .persistence
        .with_value(|persistence| persistence.last_success);
    match outcome.flatten() {
        None => {}
        Some(Ok(report)) => {
            state.save_state.set(SaveState::Saved { at: last_saved });
            if let Some(report) = report {
                mark("ironplan:saved");
                if report.snapshots_removed > 0 {
                    state.notice.set(Some(super::Notice::SnapshotsRemoved(
                        report.snapshots_removed,
                    )));
                }
            }
        }
        Some(Err(SaveError::Storage(StorageFault::QuotaExceeded))) => {
            state.save_state.set(SaveState::NotSaved {
                reason: NotSavedReason::Full,
                last_saved,
            });
            retry_later(state);
        }
        Some(Err(SaveError::Conflict(projects))) => {
            state.conflicts.update(|conflicts| {
                for id in &projects {
                    if !conflicts.contains(id) {
                        conflicts.push(*id);
                    }
                }
            });
            state.save_state.set(SaveState::NotSaved {
                reason: NotSavedReason::Conflict(projects),
                last_saved,
            });
        }
        Some(Err(SaveError::Storage(fault))) => {
            state.save_state.set(SaveState::NotSaved {
                reason: NotSavedReason::Failed(fault.to_string()),
                last_saved,
            });
            retry_later(state);
        }
    }
}

/// Saves what changed; when storage is full, removes snapshots (kept versions for three-way
/// merges, `snapshots`), the largest first, and tries again: the plan itself comes first. A
/// 50,000-task import otherwise fills the quota with the snapshot of the imported file before
/// the project's first save.
pub(crate) fn save_before_snapshots(
    store: &mut (impl KeyValue + ?Sized),
    workspace: &Workspace,
    saved: &mut Saved,
) -> Result<persist::SaveReport, SaveError> {
    let mut removed = 0;
    loop {
        let result = persist::save(store, workspace, saved);
        if !matches!(result, Err(SaveError::Storage(StorageFault::QuotaExceeded))) {
            return result.map(|report| persist::SaveReport {
                snapshots_removed: removed,
                ..report
            });
        }
        let largest = store
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|key| key.starts_with(snapshots::SNAPSHOT_PREFIX))
            .filter_map(|key| Some((store.length(&key).ok().flatten()?, key)))
            .max();
        match largest {
            Some((_, key)) if store.remove(&key).is_ok() => removed += 1,
            _ => return result,
        }
    }
}

/// After a failed save, tries again in a while: space may have been freed meanwhile.
fn retry_later(state: AppState) {
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    set_timeout(
        move || {
            if matches!(state.save_state.get_untracked(), SaveState::NotSaved { .. }) {
                save_now(state);
            }
        },
        std::time::Duration::from_secs(5),
    );
}

/// How full browser storage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUse {
    /// Characters Ironplan keeps.
    pub ours: usize,
    /// Characters the whole origin keeps; the quota applies to this.
    pub total: usize,
    /// The origin's quota in characters, as measured once this session; `None` when the
    /// browser allows more than can be worth measuring, or the measurement failed.
    pub quota: Option<usize>,
}

impl StorageUse {
    /// Percent of the quota in use, 0 to 100, when the quota is known.
    pub fn percent(&self) -> Option<u32> {
        let quota = self.quota?;
        Some(
            ((self.total as f64 / quota.max(1) as f64) * 100.0)
                .round()
                .min(100.0) as u32,
        )
    }

    /// True past 70 % of a known quota, when it is time to export and clean up.
    pub fn is_high(&self) -> bool {
        self.quota.is_some_and(|quota| self.total * 10 > quota * 7)
    }
}

impl AppState {
    /// How much of the origin's storage is used, or `None` without storage. The first call in a
    /// browser tab measures the quota (see [`persist::measure_quota`]); later calls, and reloads
    /// of the tab, reuse it (`session::cached_quota`).
    pub fn storage_use(self) -> Option<StorageUse> {
        self.persistence.try_update_value(|persistence| {
            let store = persistence.store.as_mut()?;
            let quota = *persistence.quota.get_or_insert_with(|| {
                super::session::cached_quota().unwrap_or_else(|| {
                    let quota = persist::measure_quota(store.as_mut()).ok().flatten();
                    super::session::remember_quota(quota);
                    quota
                })
            });
            let (ours, total) = persist::used_characters(store.as_ref()).ok()?;
            Some(StorageUse { ours, total, quota })
        })?
    }
}

/// Records a User Timing mark, so any harness can measure the app the same way:
/// `ironplan:ready` (first painted frame of the open view), `ironplan:save-start` and
/// `ironplan:saved` (around each save that writes something).
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_due_save_waits_for_a_pause_in_typing_but_not_for_ever() {
        // Nothing typed for a while: save now.
        assert_eq!(wait_for_input_pause(10_000.0, 9_000.0, 9_000.0), None);
        // A key 100 ms ago: wait out the rest of the pause.
        assert_eq!(
            wait_for_input_pause(10_000.0, 9_900.0, 9_900.0),
            Some(200.0)
        );
        // Typing on and on: the save waits at most MAX_INPUT_WAIT_MS after it was due.
        assert_eq!(
            wait_for_input_pause(14_950.0, 10_000.0, 14_900.0),
            Some(50.0)
        );
        assert_eq!(wait_for_input_pause(15_000.0, 10_000.0, 14_990.0), None);
    }
}
