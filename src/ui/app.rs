//! The application shell: state, routing, header, banners and the dialogs every view shares.

use super::banners::{ErrorAlert, LiveRegion, StorageBanners};
use super::import::{ImportConflictDialog, ImportDropZone, ImportFlow};
use super::interchange::{ImportReportDialog, MapColumnsDialog};
use super::media::use_media_query;
use super::merge::{ChangesDialog, CompareFlow, MergeFlow, ResolveConflictsDialog};
use super::offline::UpdatePrompt;
use super::projects::{ProjectListPage, ProjectPage};
use super::shortcuts::{install_shortcuts, ShortcutsDialog, ShortcutsHelp};
use super::tasks::editor::{TaskEditor, TaskEditorDialog};
use super::timeline::OpenSchedule;
use crate::model::Theme;
use crate::store::autosave::{install_autosave, mark};
use crate::store::view::Route;
use crate::store::{AppState, SaveState};
use leptos::prelude::*;

/// The whole app. Mounted once by `main`.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::start();
    install_autosave(state);
    install_router(state);
    let help = ShortcutsHelp::provide();
    install_shortcuts(state, help);
    TaskEditor::provide();
    ImportFlow::provide();
    MergeFlow::provide();
    CompareFlow::provide();
    OpenSchedule::provide(state);
    // `ironplan:ready` marks the first painted frame of the open view, at start and after every
    // change of view, so any harness can measure the app the same way: the mark is set in the
    // frame after the one that painted the view.
    Effect::new(move |_| {
        state.route.track();
        request_animation_frame(|| request_animation_frame(|| mark("ironplan:ready")));
    });

    let theme = Memo::new(move |_| state.workspace().with(|workspace| workspace.settings.theme));
    Effect::new(move |_| {
        let value = match theme.get() {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", value);
        }
    });

    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <Header />
        <UpdatePrompt />
        <StorageBanners />
        <ErrorAlert />
        <main id="main" class="main" tabindex="-1">
            {move || match state.route.get() {
                Route::Projects => view! { <ProjectListPage /> }.into_any(),
                Route::Project(id, view) => view! { <ProjectPage id=id view=view /> }.into_any(),
            }}
        </main>
        <TaskEditorDialog />
        <ImportReportDialog />
        <MapColumnsDialog />
        <ImportConflictDialog />
        <ResolveConflictsDialog />
        <ChangesDialog />
        <ShortcutsDialog />
        <ImportDropZone />
        <LiveRegion />
    }
}

/// Keeps `state.route` and the location hash in step, both ways.
fn install_router(state: AppState) {
    let read_hash = move || {
        let hash = window().location().hash().unwrap_or_default();
        let route = Route::parse(&hash);
        if state.route.get_untracked() != route {
            state.route.set(route);
        }
    };
    read_hash();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| read_hash());
    on_cleanup(move || listener.remove());
    Effect::new(move |_| {
        let href = state.route.get().href();
        let location = window().location();
        if location.hash().unwrap_or_default() != href
            && !(href == "#/" && location.hash().unwrap_or_default().is_empty())
        {
            let _ = location.set_hash(&href);
        }
    });
}

/// The top bar: brand, main navigation, undo/redo, theme, the shortcut list and the save
/// indicator.
#[component]
fn Header() -> impl IntoView {
    let state = AppState::expect();
    let help = ShortcutsHelp::expect();
    let system_is_dark = use_media_query("(prefers-color-scheme: dark)");
    // What the user sees: the explicit choice, or the system's when there is none.
    let dark =
        Memo::new(
            move |_| match state.workspace().with(|workspace| workspace.settings.theme) {
                Theme::Dark => true,
                Theme::Light => false,
                Theme::System => system_is_dark.get(),
            },
        );
    view! {
        <header class="header">
            <a class="header__brand" href="#/">
                <svg
                    class="header__logo"
                    viewBox="0 0 64 64"
                    width="24"
                    height="24"
                    aria-hidden="true"
                >
                    <rect width="64" height="64" rx="14" fill="#1d5fc4"></rect>
                    <rect x="11" y="15" width="26" height="8" rx="3" fill="#fff"></rect>
                    <rect x="22" y="28" width="31" height="8" rx="3" fill="#fff" fill-opacity=".88"></rect>
                    <rect x="15" y="41" width="21" height="8" rx="3" fill="#fff" fill-opacity=".75"></rect>
                </svg>
                <span>"Ironplan"</span>
            </a>
            <nav class="header__nav" aria-label="Main">
                <a
                    href="#/"
                    aria-current=move || {
                        (state.route.get() == Route::Projects).then_some("page")
                    }
                >
                    "Projects"
                </a>
            </nav>
            <div class="header__tools">
                <button
                    type="button"
                    class="button button--quiet"
                    title="Undo (Ctrl+Z)"
                    aria-keyshortcuts="Control+Z"
                    disabled=move || !state.history_marks.get().0
                    on:click=move |_| state.undo()
                >
                    "Undo"
                </button>
                <button
                    type="button"
                    class="button button--quiet"
                    title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
                    aria-keyshortcuts="Control+Shift+Z Control+Y"
                    disabled=move || !state.history_marks.get().1
                    on:click=move |_| state.redo()
                >
                    "Redo"
                </button>
                <button
                    type="button"
                    class="button button--quiet"
                    aria-pressed=move || if dark.get() { "true" } else { "false" }
                    on:click=move |_| {
                        state.set_theme(if dark.get_untracked() { Theme::Light } else { Theme::Dark })
                    }
                >
                    "Dark mode"
                </button>
                <button
                    type="button"
                    class="button button--quiet"
                    aria-haspopup="dialog"
                    aria-keyshortcuts="?"
                    title="Keyboard shortcuts (?)"
                    on:click=move |_| help.show()
                >
                    "Keyboard shortcuts"
                </button>
                <SaveIndicator />
            </div>
        </header>
    }
}

/// "Saved", "Saving…" or "Not saved", always visible.
#[component]
fn SaveIndicator() -> impl IntoView {
    let state = AppState::expect();
    let text = move || match state.save_state.get() {
        SaveState::Saved { .. } => ("Saved", "saved"),
        SaveState::Pending => ("Saving…", "pending"),
        SaveState::NotSaved { .. } => ("Not saved", "failed"),
        SaveState::InMemory { .. } => ("Not saved: storage unavailable", "failed"),
    };
    view! {
        <span
            class=move || format!("save-indicator save-indicator--{}", text().1)
            role="status"
            data-testid="save-indicator"
        >
            {move || text().0}
        </span>
    }
}
