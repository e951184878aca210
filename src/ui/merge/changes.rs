//! "Compare with file…": picks a plan file and shows what differs from it to the open
//! project, grouped under "Added", "Removed" and "Changed", with an "Export as Markdown"
//! button. The sentences come from `model::merge`, the same ones as in the Markdown.

use super::super::format::UiFormatter;
use super::super::widgets::file::{download, read_text, FilePickerButton};
use super::super::widgets::Modal;
use crate::model::format::Formatter;
use crate::model::merge::{
    describe_change, describe_project_change, to_markdown, Changes, Matching, TaskLine,
    MATCHED_BY_TITLE,
};
use crate::model::ProjectId;
use crate::store::AppState;
use leptos::prelude::*;

/// The comparison on show, if any.
#[derive(Clone, Copy)]
pub struct CompareFlow {
    pub changes: RwSignal<Option<Changes>>,
}

impl CompareFlow {
    /// Provides the flow as context.
    pub fn provide() {
        provide_context(CompareFlow {
            changes: RwSignal::new(None),
        });
    }

    /// The flow provided by `App`.
    pub fn expect() -> CompareFlow {
        expect_context()
    }
}

/// The "Compare with file…" button of project `id`, with its hidden file picker.
#[component]
pub fn CompareButton(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let flow = CompareFlow::expect();
    let compare = move |file| {
        read_text(file, move |outcome| {
            match outcome.and_then(|text| state.compare_with_file(id, &text)) {
                Ok(changes) => flow.changes.set(Some(changes)),
                Err(error) => state.fail(error),
            }
        })
    };
    view! {
        <FilePickerButton
            label="Compare with file…"
            accept=".json,application/json"
            on_pick=Callback::new(compare)
        />
    }
}

fn dates(line: &TaskLine) -> String {
    if line.start == line.end {
        UiFormatter.date(line.start)
    } else {
        format!(
            "{} – {}",
            UiFormatter.date(line.start),
            UiFormatter.date(line.end)
        )
    }
}

/// One entry under "Changed": what changed (the project or a task) and each change.
fn changed_item(title: String, details: Vec<String>) -> impl IntoView {
    let details = details
        .into_iter()
        .map(|detail| view! { <li>{detail}</li> })
        .collect_view();
    view! {
        <li class="changes__item">
            <strong>{title}</strong>
            <ul class="changes__details">{details}</ul>
        </li>
    }
}

/// The "Changes" dialog.
#[component]
pub fn ChangesDialog() -> impl IntoView {
    let state = AppState::expect();
    let flow = CompareFlow::expect();
    let close = move || flow.changes.set(None);
    let export = move |_| {
        flow.changes.with_untracked(|changes| {
            if let Some(changes) = changes {
                let text = to_markdown(changes, &UiFormatter);
                let name = crate::model::io::file_name(&changes.project_name)
                    .replace(".ironplan.json", "-changes.md");
                if let Err(error) = download(&name, &text, "text/markdown") {
                    state.fail(error);
                }
            }
        });
    };
    move || {
        flow.changes.get().map(|changes| {
            let lines = |lines: Vec<TaskLine>| {
                lines
                    .into_iter()
                    .map(|line| {
                        let when = dates(&line);
                        view! {
                            <li class="changes__item">
                                <strong>{line.title}</strong>
                                " "
                                <span class="changes__dates">"(" {when} ")"</span>
                            </li>
                        }
                    })
                    .collect_view()
            };
            let project = (!changes.project.is_empty()).then(|| {
                let details: Vec<String> = changes
                    .project
                    .iter()
                    .map(|change| describe_project_change(change, &UiFormatter))
                    .collect();
                changed_item("Project".to_string(), details)
            });
            let changed = changes
                .changed
                .iter()
                .map(|task| {
                    let details = task
                        .changes
                        .iter()
                        .map(|change| describe_change(change, &UiFormatter))
                        .collect();
                    changed_item(task.title.clone(), details)
                })
                .collect_view();
            let by_title = (changes.matching == Matching::TitleAndPosition)
                .then(|| view! { <p class="modal__message">{MATCHED_BY_TITLE}</p> });
            let empty = changes
                .is_empty()
                .then(|| view! { <p class="modal__message">"No changes."</p> });
            let none = |count: usize| (count == 0).then(|| view! { <p class="changes__none">"None."</p> });
            let (added, removed, changed_count) = (
                changes.added.len(),
                changes.removed.len(),
                changes.changed_count(),
            );
            view! {
                <Modal title="Changes" on_close=Callback::new(move |_| close()) class="modal--wide changes">
                    {by_title}
                    {empty}
                    <section class="changes__group changes__group--added" aria-labelledby="changes-added">
                        <h3 id="changes-added" class="changes__heading">{format!("Added ({added})")}</h3>
                        {none(added)}
                        <ul class="changes__list">{lines(changes.added.clone())}</ul>
                    </section>
                    <section class="changes__group changes__group--removed" aria-labelledby="changes-removed">
                        <h3 id="changes-removed" class="changes__heading">{format!("Removed ({removed})")}</h3>
                        {none(removed)}
                        <ul class="changes__list">{lines(changes.removed.clone())}</ul>
                    </section>
                    <section class="changes__group changes__group--changed" aria-labelledby="changes-changed">
                        <h3 id="changes-changed" class="changes__heading">{format!("Changed ({changed_count})")}</h3>
                        {none(changed_count)}
                        <ul class="changes__list">{project}{changed}</ul>
                    </section>
                    <div class="modal__actions changes__actions">
                        <button type="button" class="button" on:click=export>
                            "Export as Markdown"
                        </button>
                        <button type="button" class="button button--primary" autofocus on:click=move |_| close()>
                            "Close"
                        </button>
                    </div>
                </Modal>
            }
        })
    }
}
