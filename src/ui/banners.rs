//! Messages that stay on screen: storage warnings, the current error, and the live region
//! that announces notices to screen readers.

use super::import::ImportButton;
use super::messages::{describe, describe_notice, quoted};
use super::widgets::file::download;
use crate::store::persist::LoadNote;
use crate::store::{AppState, NotSavedReason, SaveState};
use leptos::prelude::*;

/// Exports the whole workspace as a file, the way out whenever storage cannot be trusted.
fn export_everything(state: AppState) {
    let (name, text) = state.export_workspace();
    if let Err(error) = download(&name, &text, "application/json") {
        state.fail(error);
    }
}

fn clock_time(millis: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// Warnings about storage: unavailable, not saved, unreadable data, repairs made on load.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let state = AppState::expect();
    let save_banner = move || {
        match state.save_state.get() {
        SaveState::InMemory { reason } => Some(view! {
            <div class="banner banner--warning" role="alert">
                <p>
                    <strong>"Storage is unavailable, so nothing is saved in this browser. "</strong>
                    "Your changes live only in this tab until it closes; export them to keep them. "
                    <span class="banner__detail">"(" {reason} ")"</span>
                </p>
                <button type="button" class="button" on:click=move |_| export_everything(state)>
                    "Export"
                </button>
            </div>
        }.into_any()),
        SaveState::NotSaved { reason, last_saved } => {
            let why = match reason {
                NotSavedReason::Full => "browser storage is full".to_string(),
                NotSavedReason::Conflict(_) => "another tab saved newer changes to this project".to_string(),
                NotSavedReason::Failed(message) => message,
            };
            let since = last_saved
                .map(|at| format!(" Last saved at {}.", clock_time(at)))
                .unwrap_or_else(|| " Nothing has been saved yet.".to_string());
            Some(view! {
                <div class="banner banner--warning" role="alert">
                    <p>
                        <strong>"Changes not saved: "</strong>
                        {why}
                        "." {since}
                        " Your edits are kept in memory and saving retries; export to be safe."
                    </p>
                    <button type="button" class="button" on:click=move |_| export_everything(state)>
                        "Export"
                    </button>
                </div>
            }.into_any())
        }
        _ => None,
    }
    };
    let problems = move || {
        state
            .problems
            .get()
            .into_iter()
            .map(|problem| {
                let message = state
                    .workspace()
                    .with_untracked(|workspace| describe(&crate::store::AppError::Import(problem.error.clone()), workspace))
                    .replace("The file was not imported", "It could not be loaded");
                let key = problem.key.clone();
                let raw = problem.raw.clone();
                let file_name = format!("{}.json", key.replace(':', "-"));
                view! {
                    <div class="banner banner--error" role="alert">
                        <p>
                            <strong>"Some saved data could not be read and was left untouched. "</strong>
                            "Stored item " <code>{key}</code> ": " {message}
                        </p>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                if let Err(error) = download(&file_name, &raw, "application/json") {
                                    state.fail(error);
                                }
                            }
                        >
                            "Download raw data"
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    let notes = move || {
        state
            .load_notes
            .get()
            .into_iter()
            .filter_map(|note| match note {
                LoadNote::RecoveredOrphans(count) => Some(format!(
                    "Recovered {count} project(s) that were missing from the project list."
                )),
                LoadNote::MissingProjects(count) => Some(format!(
                    "{count} project(s) in the project list were no longer in browser storage. Browsers may clear a site's storage when space runs low or after long disuse; import your last exported plan to bring them back."
                )),
                LoadNote::Migrated(_) => None,
            })
            .map(|text| {
                let missing = text.contains("no longer in browser storage");
                view! {
                    <div class="banner banner--info" role="status">
                        <p>{text}</p>
                        {missing.then(|| view! { <ImportButton /> })}
                    </div>
                }
            })
            .collect_view()
    };
    let conflicts = move || {
        state
            .conflicts
            .get()
            .into_iter()
            .map(|project| {
                let name = state.workspace().with_untracked(|workspace| {
                    workspace
                        .find_project(project)
                        .map(|project| project.name.clone())
                        .unwrap_or_default()
                });
                let export = move |_| {
                    if let Some((file_name, text)) = state.export_project(project) {
                        if let Err(error) = download(&file_name, &text, "application/json") {
                            state.fail(error);
                        }
                    }
                };
                view! {
                    <div class="banner banner--warning" role="alert">
                        <p>
                            <strong>{format!("{} was changed in another tab while you edited it here. ", quoted(&name))}</strong>
                            "Both versions are kept: yours here, in memory and not saved; the other tab's in storage. Choose which to keep."
                        </p>
                        <button type="button" class="button" on:click=export>
                            "Export this tab's version"
                        </button>
                        <button type="button" class="button" on:click=move |_| state.keep_both_versions(project)>
                            "Keep both"
                        </button>
                        <button type="button" class="button" on:click=move |_| state.use_other_tabs_version(project)>
                            "Use the other tab's version"
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <div class="banners">
            {save_banner}
            {conflicts}
            {problems}
            {notes}
        </div>
    }
}

/// The current error, as an alert with a dismiss button.
#[component]
pub fn ErrorAlert() -> impl IntoView {
    let state = AppState::expect();
    move || {
        state.error.get().map(|error| {
            let message = state
                .workspace()
                .with_untracked(|workspace| describe(&error, workspace));
            view! {
                <div class="alert" role="alert">
                    <p class="alert__message">{message}</p>
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| state.dismiss_error()
                    >
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}

/// How long a notice shows before its toast leaves the screen.
const TOAST_TIME: std::time::Duration = std::time::Duration::from_secs(6);

/// A polite live region announcing notices ("Undone: Move card."), shown as a toast.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let state = AppState::expect();
    let text = move || {
        state.notice.get().map(|notice| {
            state
                .workspace()
                .with_untracked(|workspace| describe_notice(&notice, workspace))
        })
    };
    // The toast leaves the screen a few seconds after each notice; the text stays in the live
    // region (screen readers have announced it) until the next one.
    let faded = RwSignal::new(false);
    let shown = StoredValue::new(0_u64);
    Effect::new(move |_| {
        state.notice.track();
        faded.set(false);
        shown.update_value(|count| *count += 1);
        let this = shown.get_value();
        set_timeout(
            move || {
                if shown.try_get_value() == Some(this) {
                    faded.try_set(true);
                }
            },
            TOAST_TIME,
        );
    });
    view! {
        <div
            class="toast"
            class:toast--faded=move || faded.get()
            role="status"
            aria-live="polite"
            aria-atomic="true"
            data-testid="live-region"
        >
            {text}
        </div>
    }
}
