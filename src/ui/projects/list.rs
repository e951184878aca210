//! The project list: every project with its key figures, and the way to create, open, rename,
//! export, import and delete projects. An empty workspace shows a welcome instead.

use super::super::format;
use super::super::import::ImportButton;
use super::super::messages::quoted;
use super::super::widgets::file::download;
use super::super::widgets::{ConfirmDialog, Modal, TextField};
use super::NewProjectDialog;
use crate::model::ProjectId;
use crate::store::view::{ProjectView, Route};
use crate::store::AppState;
use leptos::prelude::*;

/// One project's line in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ProjectSummary {
    name: String,
    tasks: usize,
    dates: String,
    budget: Option<String>,
}

/// The projects page, the app's home.
#[component]
pub fn ProjectListPage() -> impl IntoView {
    let state = AppState::expect();
    let creating = RwSignal::new(false);
    let ids = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .projects()
                .iter()
                .map(|project| project.id)
                .collect::<Vec<_>>()
        })
    });
    let export_all = move |_| {
        let (name, text) = state.export_workspace();
        if let Err(error) = download(&name, &text, "application/json") {
            state.fail(error);
        }
    };
    view! {
        <section class="page" aria-labelledby="projects-heading">
            <div class="page__header">
                <h1 id="projects-heading">"Projects"</h1>
                <div class="toolbar">
                    <button type="button" class="button button--primary" on:click=move |_| creating.set(true)>
                        "New project"
                    </button>
                    <ImportButton />
                    <button
                        type="button"
                        class="button"
                        disabled=move || ids.with(Vec::is_empty)
                        on:click=export_all
                    >
                        "Export workspace"
                    </button>
                </div>
            </div>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=move || view! { <Welcome creating=creating /> }
            >
                <ul class="project-list">
                    <For each=move || ids.get() key=|id| *id children=move |id| view! { <ProjectCard id=id /> } />
                </ul>
            </Show>
            <Show when=move || creating.get()>
                <NewProjectDialog on_close=Callback::new(move |_| creating.set(false)) />
            </Show>
        </section>
    }
}

/// The first screen of an empty workspace.
#[component]
fn Welcome(creating: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="welcome">
            <h2>"Welcome to Ironplan"</h2>
            <p>
                "Plan projects with tasks, a board, a timeline and a dashboard, right here in your browser. "
                "Nothing leaves this device: your plans are saved in this browser, and you share them as files."
            </p>
            <div class="toolbar">
                <button type="button" class="button button--primary" on:click=move |_| creating.set(true)>
                    "New project"
                </button>
                <ImportButton />
                <button type="button" class="button" on:click=move |_| state.open_sample_project()>
                    "Open sample project"
                </button>
            </div>
            <p class="welcome__hint">
                "The sample is a CRM migration six weeks in: tasks in phases, a baseline, logged time and a slipped milestone, so every view has something to show."
            </p>
        </div>
    }
}

/// One project in the list.
#[component]
fn ProjectCard(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let summary = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace.find_project(id).map(|project| ProjectSummary {
                name: project.name.clone(),
                tasks: project.tasks().len(),
                dates: match project.deadline {
                    Some(deadline) => format!(
                        "{} – {}",
                        format::date(project.start),
                        format::date(deadline)
                    ),
                    None => format!("From {}", format::date(project.start)),
                },
                budget: (project.budget.amount.0 > 0)
                    .then(|| format::money(project.budget.amount, project.budget.currency)),
            })
        })
    });
    let renaming = RwSignal::new(false);
    let deleting = RwSignal::new(false);
    let export = move |_| {
        if let Some((name, text)) = state.export_project(id) {
            if let Err(error) = download(&name, &text, "application/json") {
                state.fail(error);
            }
        }
    };
    move || {
        summary.get().map(|summary| {
            let name = summary.name.clone();
            let delete_message = format!(
                "This deletes {} and its {} task(s) from this browser. You can undo it with Ctrl+Z right after.",
                quoted(&summary.name),
                summary.tasks
            );
            view! {
                <li class="project-card">
                    <h2 class="project-card__name">
                        <a href=Route::Project(id, ProjectView::Tasks).href()>{summary.name.clone()}</a>
                    </h2>
                    <p class="project-card__meta">
                        <span>{format!("{} task{}", summary.tasks, if summary.tasks == 1 { "" } else { "s" })}</span>
                        <span>{summary.dates.clone()}</span>
                        {summary.budget.clone().map(|budget| view! { <span>"Budget " {budget}</span> })}
                    </p>
                    <div class="project-card__actions">
                        <button type="button" class="button button--quiet" on:click=move |_| renaming.set(true)>
                            "Rename"
                        </button>
                        <button type="button" class="button button--quiet" on:click=export>
                            "Export"
                        </button>
                        <button type="button" class="button button--quiet button--danger-text" on:click=move |_| deleting.set(true)>
                            "Delete"
                        </button>
                    </div>
                    <Show when=move || renaming.get()>
                        <RenameProjectDialog id=id current=name.clone() on_close=Callback::new(move |_| renaming.set(false)) />
                    </Show>
                    <Show when=move || deleting.get()>
                        <ConfirmDialog
                            title=format!("Delete project {}?", quoted(&summary.name))
                            message=delete_message.clone()
                            confirm_label="Delete"
                            on_confirm=Callback::new(move |_| {
                                deleting.set(false);
                                state.delete_project(id);
                            })
                            on_cancel=Callback::new(move |_| deleting.set(false))
                        />
                    </Show>
                </li>
            }
        })
    }
}

/// Renames a project.
#[component]
fn RenameProjectDialog(id: ProjectId, current: String, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new(current);
    let error = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if name.get_untracked().trim().is_empty() {
            error.set(Some("Enter a project name.".to_string()));
        } else if state.rename_project(id, &name.get_untracked()) {
            on_close.run(());
        }
    };
    view! {
        <Modal title="Rename project" on_close=on_close class="modal--narrow">
            <form class="form" on:submit=submit novalidate>
                <TextField label="Project name" value=name autofocus=true error=error />
                <div class="modal__actions">
                    <button type="button" class="button" on:click=move |_| on_close.run(())>
                        "Cancel"
                    </button>
                    <button type="submit" class="button button--primary">
                        "Save"
                    </button>
                </div>
            </form>
        </Modal>
    }
}
