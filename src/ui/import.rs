//! Importing plan files: the "Import" button, dropping a file on the page, and the question
//! asked when a project in the file already exists. Nothing changes until the file has been
//! read and checked whole. Files in another format (MS Project XML) go through the converter
//! worker first, then the "Import report" dialog (`interchange::ImportReportDialog`).

use super::convert::{file_bytes, read_file};
use super::merge::MergeFlow;
use super::messages::quoted;
use super::widgets::file::{read_text, FilePickerButton};
use super::widgets::Modal;
use crate::model::io::convert::Format;
use crate::model::io::{ImportMode, ReadPlan};
use crate::store::commands::PendingImport;
use crate::store::merging::MergeOutlook;
use crate::store::AppState;
use leptos::prelude::*;

/// The import in progress, shared by every way of starting one.
#[derive(Clone, Copy)]
pub struct ImportFlow {
    state: AppState,
    pending: RwSignal<Option<PendingImport>>,
    /// A converted file waiting for the user's word in the "Import report" dialog.
    pub report: RwSignal<Option<ConvertedImport>>,
    /// A CSV file waiting in the "Map columns" dialog.
    pub csv: RwSignal<Option<CsvFile>>,
}

/// A CSV file as picked, for the "Map columns" dialog to read again with each mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvFile {
    pub file_name: String,
    /// The bytes, one character per byte.
    pub bytes: String,
}

/// A file the converter read, checked like a plan file, with what did not carry over.
#[derive(Clone)]
pub struct ConvertedImport {
    pub pending: PendingImport,
    pub losses: Vec<String>,
}

impl ImportFlow {
    /// Provides the flow as context.
    pub fn provide() {
        provide_context(ImportFlow {
            state: AppState::expect(),
            pending: RwSignal::new(None),
            report: RwSignal::new(None),
            csv: RwSignal::new(None),
        });
    }

    /// The flow provided by `App`.
    pub fn expect() -> ImportFlow {
        expect_context()
    }

    /// Reads `file` and imports it, asking first when it would overwrite something.
    pub fn import_file(self, file: web_sys::File) {
        let state = self.state;
        if let Some(Format::Csv) = Format::of_file_name(&file.name()) {
            self.map_columns(file);
            return;
        }
        if let Some(format) = Format::of_file_name(&file.name()) {
            self.convert_file(format, file);
            return;
        }
        read_text(file, move |outcome| match outcome {
            Ok(text) => self.import_text(state, &text),
            Err(error) => state.fail(error),
        });
    }

    /// Reads a CSV file's bytes and opens "Map columns" for it.
    fn map_columns(self, file: web_sys::File) {
        let state = self.state;
        leptos::task::spawn_local(async move {
            match file_bytes(&file).await {
                Ok(bytes) => self.csv.set(Some(CsvFile {
                    file_name: file.name(),
                    bytes,
                })),
                Err(error) => state.fail(error),
            }
        });
    }

    /// Asks the copy, replace or cancel question for `pending`.
    pub fn ask(self, pending: PendingImport) {
        self.pending.set(Some(pending));
    }

    /// Converts `file` in the worker, then shows what will arrive in the "Import report" dialog.
    fn convert_file(self, format: Format, file: web_sys::File) {
        let state = self.state;
        leptos::task::spawn_local(async move {
            match read_file(format, file).await {
                Ok((plan, losses)) => {
                    if let Some(pending) = state.read_import(&plan) {
                        self.report.set(Some(ConvertedImport { pending, losses }));
                    }
                }
                Err(error) => state.fail(error),
            }
        });
    }

    /// Goes on with the import the "Import report" dialog showed: at once, or through the
    /// copy, replace or cancel question when the project is already here.
    pub fn confirm_report(self) {
        if let Some(report) = self.report.get_untracked() {
            self.report.set(None);
            if report.pending.conflicts.is_empty() {
                self.state.finish_import(report.pending, ImportMode::New);
            } else {
                self.pending.set(Some(report.pending));
            }
        }
    }

    fn import_text(self, state: AppState, text: &str) {
        if let Some(pending) = state.read_import(text) {
            if pending.conflicts.is_empty() {
                state.finish_import(pending, ImportMode::New);
            } else {
                self.pending.set(Some(pending));
            }
        }
    }
}

/// The "Import" button with its hidden file picker.
#[component]
pub fn ImportButton() -> impl IntoView {
    let flow = ImportFlow::expect();
    view! {
        <FilePickerButton
            label="Import"
            accept=".json,application/json,.xml,application/xml,text/xml,.csv,text/csv,.tsv,text/tab-separated-values"
            on_pick=Callback::new(move |file| flow.import_file(file))
        />
    }
}

/// Asks what to do when the file's project already exists: merge, copy, replace or cancel.
/// Merge is offered for one project's file and is the default when both copies changed; a
/// file without the money warns before Replace would erase it.
#[component]
pub fn ImportConflictDialog() -> impl IntoView {
    let state = AppState::expect();
    let flow = ImportFlow::expect();
    let merge_flow = MergeFlow::expect();
    let finish = move |mode: Option<ImportMode>| {
        if let (Some(pending), Some(mode)) = (flow.pending.get_untracked(), mode) {
            state.finish_import(pending, mode);
        }
        flow.pending.set(None);
    };
    let merge = move || {
        if let Some(PendingImport {
            plan: ReadPlan::Project(imported),
            ..
        }) = flow.pending.get_untracked()
        {
            flow.pending.set(None);
            match state.prepare_merge(&imported) {
                Ok(merged) => merge_flow.start(state, merged),
                Err(error) => state.fail(error),
            }
        }
    };
    move || {
        flow.pending.get().map(|pending| {
            let names: Vec<String> = pending.conflicts.iter().map(|name| quoted(name)).collect();
            let project = match &pending.plan {
                ReadPlan::Project(imported) => Some(imported.clone()),
                ReadPlan::Workspace(_) => None,
            };
            let outlook = project.as_ref().map(|imported| state.merge_outlook(imported));
            let redacted = project.as_ref().is_some_and(|imported| imported.redacted);
            let message = match (names.len(), outlook) {
                (1, Some(outlook)) => import_question(&names[0], outlook),
                (1, None) => format!("The project {} is already here. Import the file as a copy with new ids, replace the project here with the file's version, or cancel.", names[0]),
                _ => format!("These projects are already here: {}. Import them as copies, replace them, or cancel.", names.join(", ")),
            };
            let warning = redacted.then(|| view! {
                <p class="modal__message modal__message--warning" role="note">
                    "This file was exported without rates, costs and time notes. Replacing would erase them here; Merge keeps them."
                </p>
            });
            let merge_first = outlook.is_some_and(|outlook| outlook.both_changed) || redacted;
            let merge_button = outlook.map(|_| view! {
                <button
                    type="button"
                    class=if merge_first { "button button--primary" } else { "button" }
                    autofocus=merge_first
                    on:click=move |_| merge()
                >
                    "Merge"
                </button>
            });
            view! {
                <Modal title="This project already exists" on_close=Callback::new(move |_| finish(None)) class="modal--narrow">
                    <p class="modal__message">{message}</p>
                    {warning}
                    <div class="modal__actions">
                        <button type="button" class="button" autofocus=!merge_first on:click=move |_| finish(None)>
                            "Cancel"
                        </button>
                        <button type="button" class="button button--danger" on:click=move |_| finish(Some(ImportMode::Replace))>
                            "Replace"
                        </button>
                        <button type="button" class=if merge_first { "button" } else { "button button--primary" } on:click=move |_| finish(Some(ImportMode::Copy))>
                            "Import as copy"
                        </button>
                        {merge_button}
                    </div>
                </Modal>
            }
        })
    }
}

/// The import question for one project's file.
fn import_question(name: &str, outlook: MergeOutlook) -> String {
    let merge = if outlook.has_base {
        "merge the changes made on both sides"
    } else {
        "merge the two copies (they share no earlier version here, so every difference is a choice)"
    };
    format!("The project {name} is already here. You can {merge}, import the file as a copy with new ids, replace the project here with the file's version, or cancel.")
}

fn dragging_files(event: &web_sys::DragEvent) -> bool {
    event
        .data_transfer()
        .map(|transfer| transfer.types().includes(&"Files".into(), 0))
        .unwrap_or(false)
}

/// Lets a plan file be dropped anywhere on the page; shows a target while dragging one.
#[component]
pub fn ImportDropZone() -> impl IntoView {
    let flow = ImportFlow::expect();
    let over = RwSignal::new(false);
    let on_over = window_event_listener(leptos::ev::dragover, move |event| {
        if dragging_files(&event) {
            event.prevent_default();
            over.set(true);
        }
    });
    let on_leave = window_event_listener(leptos::ev::dragleave, move |event| {
        if event.related_target().is_none() {
            over.set(false);
        }
    });
    let on_drop = window_event_listener(leptos::ev::drop, move |event| {
        over.set(false);
        if !dragging_files(&event) {
            return;
        }
        event.prevent_default();
        let file = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            flow.import_file(file);
        }
    });
    on_cleanup(move || {
        on_over.remove();
        on_leave.remove();
        on_drop.remove();
    });
    move || {
        over.get().then(|| {
            view! {
                <div class="drop-zone" aria-hidden="true">
                    <p>"Drop a plan file or an MS Project XML file to import it"</p>
                </div>
            }
        })
    }
}
