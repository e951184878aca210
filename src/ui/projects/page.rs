//! One project: its heading, the view navigation, and the open view.

use super::super::board::BoardPage;
use super::super::dashboard::DashboardPage;
use super::super::interchange::ExportAsButton;
use super::super::report::StatusReportPage;
use super::super::settings::ProjectSettingsDialog;
use super::super::standup::StandupPage;
use super::super::tasks::editor::TaskEditor;
use super::super::tasks::TasksPage;
use super::super::timeline::TimelinePage;
use super::super::timesheet::TimesheetPage;
use super::super::widgets::file::download;
use crate::model::ProjectId;
use crate::store::view::{ProjectView, Route};
use crate::store::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The views that have a page, in navigation order. Settings opens a dialog over the tasks.
const NAVIGATION: [ProjectView; 8] = [
    ProjectView::Tasks,
    ProjectView::Board,
    ProjectView::Timeline,
    ProjectView::Dashboard,
    ProjectView::Standup,
    ProjectView::Report,
    ProjectView::Timesheet,
    ProjectView::Settings,
];

/// The page of project `id`, showing `view`.
#[component]
pub fn ProjectPage(id: ProjectId, view: ProjectView) -> impl IntoView {
    let state = AppState::expect();
    let editor = TaskEditor::expect();
    let name = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .map(|project| project.name.clone())
        })
    });
    let export = move |_| {
        if let Some((file_name, text)) = state.export_project(id) {
            if let Err(error) = download(&file_name, &text, "application/json") {
                state.fail(error);
            }
        }
    };
    // On a narrow screen the tabs scroll sideways: bring the open view's tab into sight.
    let tabs = NodeRef::<leptos::html::Nav>::new();
    Effect::new(move |_| {
        if let Some(nav) = tabs.get() {
            scroll_to_current_tab(&nav);
        }
    });
    move || {
        match name.get() {
        None => view! {
            <section class="page">
                <h1>"Project not found"</h1>
                <p>
                    "This project is not in this browser. It may have been deleted, or the link comes from another computer. "
                    <a href="#/">"Back to the projects"</a>
                </p>
            </section>
        }
        .into_any(),
        Some(project_name) => view! {
            <section class="page page--project" aria-labelledby="project-heading">
                <div class="page__header">
                    <h1 id="project-heading">{project_name}</h1>
                    <div class="toolbar">
                        <button
                            type="button"
                            class="button button--primary"
                            on:click=move |_| editor.open_new(id, None, None)
                        >
                            "New task"
                        </button>
                        <button type="button" class="button" on:click=export>
                            "Export"
                        </button>
                        <ExportAsButton id=id />
                    </div>
                </div>
                <nav class="tabs" aria-label="Project views" node_ref=tabs>
                    {NAVIGATION
                        .into_iter()
                        .map(|target| {
                            let current = target == view;
                            view! {
                                <a
                                    class="tabs__link"
                                    href=Route::Project(id, target).href()
                                    aria-current=current.then_some("page")
                                >
                                    {target.label()}
                                </a>
                            }
                        })
                        .collect_view()}
                </nav>
                {match view {
                    ProjectView::Settings => view! {
                        <TasksPage id=id />
                        <ProjectSettingsDialog
                            id=id
                            on_close=Callback::new(move |_| {
                                state.route.set(Route::Project(id, ProjectView::Tasks))
                            })
                        />
                    }
                    .into_any(),
                    ProjectView::Dashboard => view! { <DashboardPage id=id /> }.into_any(),
                    ProjectView::Standup => view! { <StandupPage id=id /> }.into_any(),
                    ProjectView::Report => view! { <StatusReportPage id=id /> }.into_any(),
                    ProjectView::Timesheet => view! { <TimesheetPage id=id /> }.into_any(),
                    ProjectView::Board => view! { <BoardPage id=id /> }.into_any(),
                    ProjectView::Timeline => view! { <TimelinePage id=id /> }.into_any(),
                    _ => view! { <TasksPage id=id /> }.into_any(),
                }}
            </section>
        }
        .into_any(),
    }
    }
}

/// Scrolls the tab row so the current view's tab is in the middle, when the row is wider than
/// the screen; does nothing when every tab fits.
fn scroll_to_current_tab(nav: &web_sys::HtmlElement) {
    let current = nav
        .query_selector("[aria-current=\"page\"]")
        .ok()
        .flatten()
        .and_then(|tab| tab.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(tab) = current {
        let left = tab.offset_left() - (nav.client_width() - tab.offset_width()) / 2;
        nav.set_scroll_left(left.max(0));
    }
}
