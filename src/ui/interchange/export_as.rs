//! The "Export as…" button and its "Export as" dialog: the plan file, or another format written
//! by the converter worker, with a notice of what that format could not carry.
//!
//! To offer another format: add an [`ExportChoice`], its label, and its arm in `download`;
//! options of one format (such as a select) go in `options_of`, and options of every format
//! (such as a checkbox) beside the radio group.

use super::super::convert::write_plan;
use super::super::messages::{conversion_error, exported_notice};
use super::super::widgets::file::download;
use super::super::widgets::{unique_id, Modal};
use crate::model::io::convert::Format;
use crate::model::ProjectId;
use crate::store::AppState;
use leptos::prelude::*;

/// A format the "Export as" dialog offers, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ExportChoice {
    PlanFile,
    Converted(Format),
}

const CHOICES: [ExportChoice; 2] = [
    ExportChoice::PlanFile,
    ExportChoice::Converted(Format::Mspdi),
];

impl ExportChoice {
    /// The radio button's name.
    fn label(self) -> &'static str {
        match self {
            ExportChoice::PlanFile => "Plan file (.json)",
            ExportChoice::Converted(Format::Mspdi) => "MS Project XML (.xml)",
        }
    }
}

/// Extra fields shown for one format only.
fn options_of(choice: ExportChoice) -> Option<AnyView> {
    match choice {
        ExportChoice::PlanFile | ExportChoice::Converted(Format::Mspdi) => None,
    }
}

/// The dialog's state while it is open.
#[derive(Clone, Copy)]
struct ExportAs {
    state: AppState,
    project: ProjectId,
    choice: RwSignal<ExportChoice>,
    busy: RwSignal<bool>,
    /// What the last download could not carry, shown after it.
    notice: RwSignal<Option<String>>,
}

impl ExportAs {
    fn download(self) {
        let Some((file_name, plan)) = self.state.export_project(self.project) else {
            return;
        };
        self.notice.set(None);
        match self.choice.get_untracked() {
            ExportChoice::PlanFile => match download(&file_name, &plan, "application/json") {
                Ok(()) => self
                    .notice
                    .set(Some(exported_notice(&file_name, None, &[]))),
                Err(error) => self.state.fail(error),
            },
            ExportChoice::Converted(format) => {
                self.busy.set(true);
                leptos::task::spawn_local(async move {
                    let outcome = write_plan(format, plan).await;
                    self.busy.try_set(false);
                    let file_name = format.file_name(&file_name);
                    match outcome {
                        Ok((text, losses)) => match download(&file_name, &text, format.mime()) {
                            Ok(()) => {
                                let notice = exported_notice(&file_name, Some(format), &losses);
                                self.notice.try_set(Some(notice));
                            }
                            Err(error) => self.state.fail(error),
                        },
                        Err(failure) => self.state.fail(conversion_error(failure)),
                    }
                });
            }
        }
    }
}

/// "Export as…": opens the "Export as" dialog for project `id`.
#[component]
pub fn ExportAsButton(
    /// The project to export.
    id: ProjectId,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let dialog = ExportAs {
        state: AppState::expect(),
        project: id,
        choice: RwSignal::new(ExportChoice::PlanFile),
        busy: RwSignal::new(false),
        notice: RwSignal::new(None),
    };
    let close = move || {
        open.set(false);
        dialog.notice.set(None);
    };
    view! {
        <button
            type="button"
            class="button"
            aria-haspopup="dialog"
            on:click=move |_| open.set(true)
        >
            "Export as…"
        </button>
        {move || open.get().then(|| view! { <ExportAsDialog dialog=dialog on_close=Callback::new(move |_| close()) /> })}
    }
}

/// The "Export as" dialog: a "Format" radio group and "Download".
#[component]
fn ExportAsDialog(dialog: ExportAs, on_close: Callback<()>) -> impl IntoView {
    let group = unique_id("export-format");
    let legend = format!("{group}-legend");
    let labelled_by = legend.clone();
    view! {
        <Modal title="Export as" on_close=on_close class="modal--narrow">
            <div class="export-as__formats" role="radiogroup" aria-labelledby=labelled_by>
                <p id=legend class="field__label">
                    "Format"
                </p>
                {CHOICES
                    .into_iter()
                    .map(|choice| {
                        let id = unique_id("export-format-choice");
                        view! {
                            <div class="field field--check">
                                <input
                                    id=id.clone()
                                    type="radio"
                                    name=group.clone()
                                    class="field__check"
                                    prop:checked=move || dialog.choice.get() == choice
                                    on:change=move |_| {
                                        dialog.choice.set(choice);
                                        dialog.notice.set(None);
                                    }
                                />
                                <label for=id class="field__label">
                                    {choice.label()}
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            {move || options_of(dialog.choice.get())}
            <p class="export-as__notice" role="status">
                {move || dialog.notice.get()}
            </p>
            <div class="modal__actions">
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    "Close"
                </button>
                <button
                    type="button"
                    class="button button--primary"
                    disabled=move || dialog.busy.get()
                    aria-busy=move || dialog.busy.get().then_some("true")
                    on:click=move |_| dialog.download()
                >
                    "Download"
                </button>
            </div>
        </Modal>
    }
}
