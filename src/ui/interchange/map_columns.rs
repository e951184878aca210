//! The "Map columns" dialog: which task field each column of a CSV file holds, how its dates
//! read, and the first tasks as they will arrive, before anything changes. The reading runs in
//! the converter worker; every change of the mapping asks it for a fresh preview.

use super::super::convert::{csv_import, csv_preview};
use super::super::import::{CsvFile, ImportFlow};
use super::super::messages::{count_of, csv_encoding_note, csv_problem};
use super::super::widgets::{unique_id, Modal, TextField};
use crate::model::io::csv::{CsvField, CsvJob, CsvMapping, CsvPreviewResult, DateFormat};
use crate::model::io::ImportMode;
use crate::store::{clock, AppState};
use leptos::prelude::*;

/// The dialog for the CSV file waiting in the import flow, if any.
#[component]
pub fn MapColumnsDialog() -> impl IntoView {
    let flow = ImportFlow::expect();
    move || {
        flow.csv
            .get()
            .map(|file| view! { <MapColumns file=file /> })
    }
}

/// The dialog's state while it is open.
#[derive(Clone, Copy)]
struct MapColumnsState {
    state: AppState,
    flow: ImportFlow,
    file: StoredValue<CsvFile>,
    /// The latest preview from the worker.
    result: RwSignal<Option<CsvPreviewResult>>,
    /// The mapping being edited; the guessed one until the first preview arrives.
    mapping: RwSignal<Option<CsvMapping>>,
    project_name: RwSignal<String>,
    busy: RwSignal<bool>,
    /// Counts requests, so that only the latest answer is shown.
    generation: StoredValue<u64>,
}

impl MapColumnsState {
    fn job(self, mapping: Option<CsvMapping>, id_seed: u64) -> CsvJob {
        let file = self.file.get_value();
        CsvJob {
            file_name: file.file_name,
            bytes: file.bytes,
            mapping,
            today: clock::today(),
            roster: self
                .state
                .workspace()
                .with_untracked(|workspace| workspace.people().to_vec()),
            id_seed,
        }
    }

    fn close(self) {
        self.flow.csv.set(None);
    }

    /// Asks the worker for the preview of `mapping` (the guessed one when `None`).
    fn refresh(self, mapping: Option<CsvMapping>) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.busy.set(true);
        let job = self.job(mapping, 0);
        leptos::task::spawn_local(async move {
            let outcome = csv_preview(job).await;
            if self.generation.try_get_value() != Some(generation) {
                return;
            }
            self.busy.try_set(false);
            match outcome {
                Ok(result) => {
                    if self.mapping.get_untracked().is_none() {
                        self.project_name.set(result.mapping.project_name.clone());
                        self.mapping.set(Some(result.mapping.clone()));
                    }
                    self.result.try_set(Some(result));
                }
                Err(failure) => {
                    self.state.fail(failure.into());
                    self.close();
                }
            }
        });
    }

    /// Changes the mapping and previews it again.
    fn change(self, edit: impl FnOnce(&mut CsvMapping)) {
        let Some(mut mapping) = self.mapping.get_untracked() else {
            return;
        };
        edit(&mut mapping);
        self.mapping.set(Some(mapping.clone()));
        self.refresh(Some(mapping));
    }

    /// Why "Import" is not possible yet, if it is not.
    fn blocked(self) -> Option<&'static str> {
        let mapping = self.mapping.get()?;
        let result = self.result.get()?;
        if !mapping.fields.contains(&CsvField::Title) {
            Some("Map a column to Title.")
        } else if mapping.date_format.is_none() && result.date_guess.ambiguous {
            Some("Choose the date format.")
        } else if result.counts.tasks == 0 {
            Some("No row can be read as a task.")
        } else {
            None
        }
    }

    fn import(self) {
        let Some(mut mapping) = self.mapping.get_untracked() else {
            return;
        };
        mapping.project_name = self.project_name.get_untracked();
        let job = self.job(Some(mapping), uuid::Uuid::new_v4().as_u64_pair().0);
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = csv_import(job).await;
            self.busy.try_set(false);
            match outcome {
                Ok(plan) => {
                    if let Some(pending) = self.state.read_import(&plan) {
                        if pending.conflicts.is_empty() {
                            self.state.finish_import(pending, ImportMode::New);
                        } else {
                            self.flow.ask(pending);
                        }
                    }
                }
                Err(failure) => self.state.fail(failure.into()),
            }
            self.close();
        });
    }
}

/// "Map columns" for `file`.
#[component]
fn MapColumns(file: CsvFile) -> impl IntoView {
    let dialog = MapColumnsState {
        state: AppState::expect(),
        flow: ImportFlow::expect(),
        file: StoredValue::new(file),
        result: RwSignal::new(None),
        mapping: RwSignal::new(None),
        project_name: RwSignal::new(String::new()),
        busy: RwSignal::new(true),
        generation: StoredValue::new(0),
    };
    dialog.refresh(None);
    let loaded = move || dialog.result.with(Option::is_some);
    view! {
        <Modal
            title="Map columns"
            on_close=Callback::new(move |_| dialog.close())
            class="modal--wide"
        >
            <div class="map-columns" aria-busy=move || dialog.busy.get().then_some("true")>
                {move || {
                    if !loaded() {
                        return view! { <p role="status">"Reading the file…"</p> }.into_any();
                    }
                    view! {
                        <TextField label="Project name" value=dialog.project_name required=true />
                        <DateFormatField dialog=dialog />
                        <ColumnFields dialog=dialog />
                        <Preview dialog=dialog />
                        <Problems dialog=dialog />
                    }
                        .into_any()
                }}
            </div>
            <p class="map-columns__blocked" role="status">
                {move || dialog.blocked()}
            </p>
            <div class="modal__actions">
                <button type="button" class="button" on:click=move |_| dialog.close()>
                    "Cancel"
                </button>
                <button
                    type="button"
                    class="button button--primary"
                    disabled=move || dialog.busy.get() || dialog.blocked().is_some() || !loaded()
                    on:click=move |_| dialog.import()
                >
                    "Import"
                </button>
            </div>
        </Modal>
    }
}

/// The "Date format" select, which must be chosen when the dates read two ways.
#[component]
fn DateFormatField(dialog: MapColumnsState) -> impl IntoView {
    let id = unique_id("date-format");
    let hint_id = format!("{id}-hint");
    let chosen = move || {
        dialog
            .mapping
            .with(|mapping| mapping.as_ref().and_then(|mapping| mapping.date_format))
    };
    let ambiguous = move || {
        dialog.result.with(|result| {
            result
                .as_ref()
                .is_some_and(|result| result.date_guess.ambiguous)
        })
    };
    view! {
        <div class="field">
            <label for=id.clone() class="field__label">
                "Date format"
            </label>
            <span id=hint_id.clone() class="field__hint">
                {move || {
                    if ambiguous() {
                        "Dates such as 03/04/2026 can be read two ways: choose how this file writes them."
                    } else {
                        "Guessed from the dates in the file."
                    }
                }}
            </span>
            <select
                id=id
                class="field__input"
                aria-describedby=hint_id
                aria-invalid=move || (ambiguous() && chosen().is_none()).then_some("true")
                on:change=move |event| {
                    let format = DateFormat::from_key(&event_target_value(&event));
                    dialog.change(|mapping| mapping.date_format = format);
                }
            >
                <option value="" selected=move || chosen().is_none()>
                    "Choose…"
                </option>
                {DateFormat::ALL
                    .into_iter()
                    .map(|format| {
                        view! {
                            <option value=format.key() selected=move || chosen() == Some(format)>
                                {format.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// One select per column, labelled with its header.
#[component]
fn ColumnFields(dialog: MapColumnsState) -> impl IntoView {
    let headers = dialog
        .result
        .with_untracked(|result| result.as_ref().map(|result| result.headers.clone()))
        .unwrap_or_default();
    view! {
        <fieldset class="map-columns__columns">
            <legend class="field__label">
                "Columns"
            </legend>
            {headers
                .into_iter()
                .enumerate()
                .map(|(column, header)| {
                    let id = unique_id("column-field");
                    let label = if header.is_empty() {
                        format!("Column {}", column + 1)
                    } else {
                        header
                    };
                    let current = move || {
                        dialog
                            .mapping
                            .with(|mapping| {
                                mapping
                                    .as_ref()
                                    .and_then(|mapping| mapping.fields.get(column).copied())
                                    .unwrap_or(CsvField::Ignore)
                            })
                    };
                    view! {
                        <div class="field map-columns__column">
                            <label for=id.clone() class="field__label">
                                {label}
                            </label>
                            <select
                                id=id
                                class="field__input"
                                on:change=move |event| {
                                    let field = CsvField::from_key(&event_target_value(&event))
                                        .unwrap_or(CsvField::Ignore);
                                    dialog
                                        .change(|mapping| {
                                            if let Some(slot) = mapping.fields.get_mut(column) {
                                                *slot = field;
                                            }
                                        });
                                }
                            >
                                {CsvField::ALL
                                    .into_iter()
                                    .map(|field| {
                                        view! {
                                            <option value=field.key() selected=move || current() == field>
                                                {field.label()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The first tasks as Ironplan will read them, and what will arrive in all.
#[component]
fn Preview(dialog: MapColumnsState) -> impl IntoView {
    let caption = unique_id("preview");
    move || {
        dialog.result.get().map(|result| {
            let counts = result.counts;
            let summary = format!(
                "{} and {} will arrive, with {} new to the team and {} new on the board.",
                count_of(counts.tasks, "task", "tasks"),
                count_of(counts.dependencies, "dependency", "dependencies"),
                count_of(counts.people_added, "person", "people"),
                count_of(counts.columns_added, "column", "columns"),
            );
            view! {
                <p class="map-columns__summary">{summary}</p>
                {csv_encoding_note(result.encoding).map(|note| view! { <p class="map-columns__note">{note}</p> })}
                <div class="map-columns__preview">
                    <table aria-labelledby=caption.clone()>
                        <caption id=caption.clone()>"Preview of the first tasks"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Row"</th>
                                <th scope="col">"Title"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Assignee"</th>
                                <th scope="col">"Start"</th>
                                <th scope="col">"End"</th>
                                <th scope="col">"Parent"</th>
                                <th scope="col">"Predecessors"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {result
                                .preview
                                .into_iter()
                                .map(|task| {
                                    let title = if task.milestone {
                                        format!("◆ {}", task.title)
                                    } else {
                                        task.title
                                    };
                                    view! {
                                        <tr>
                                            <td>{task.row}</td>
                                            <th scope="row">{title}</th>
                                            <td>{task.status}</td>
                                            <td>{task.assignee.unwrap_or_default()}</td>
                                            <td>{task.start.to_string()}</td>
                                            <td>{task.end.to_string()}</td>
                                            <td>{task.parent.unwrap_or_default()}</td>
                                            <td>{task.predecessors}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
    }
}

/// The rows and values that cannot be read, by row number.
#[component]
fn Problems(dialog: MapColumnsState) -> impl IntoView {
    let heading = unique_id("problems");
    move || {
        dialog
            .result
            .get()
            .filter(|result| result.problem_count > 0)
            .map(|result| {
                let title = format!(
                    "{}: Import brings in the rest",
                    count_of(result.problem_count, "problem", "problems")
                );
                let more = result.problem_count.saturating_sub(result.problems.len());
                view! {
                    <h3 id=heading.clone() class="map-columns__heading">{title}</h3>
                    <ul class="map-columns__problems" aria-labelledby=heading.clone()>
                        {result
                            .problems
                            .iter()
                            .map(|problem| view! { <li>{csv_problem(problem)}</li> })
                            .collect_view()}
                        {(more > 0).then(|| view! { <li>{format!("… and {more} more.")}</li> })}
                    </ul>
                }
            })
    }
}
