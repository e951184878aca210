//! The "Export as…" button and its "Export as" dialog: the plan file, or another format written
//! by the converter worker, with a notice of what that format could not carry.
//!
//! To offer another format: add an [`ExportChoice`], its label, and its arm in `download`;
//! options of one format (such as a select) go in `options_of`, and options of every format
//! (such as a checkbox) beside the radio group.

use super::super::convert::{write_calendar, write_plan};
use super::super::messages::exported_notice;
use super::super::widgets::file::download;
use super::super::widgets::{unique_id, Modal};
use crate::model::io::convert::Format;
use crate::model::io::ics::{IcsInclude, IcsJob, IcsSequences};
use crate::model::{PersonId, ProjectId};
use crate::store::{clock, session, AppState};
use leptos::prelude::*;

/// A format the "Export as" dialog offers, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ExportChoice {
    PlanFile,
    Converted(Format),
}

const CHOICES: [ExportChoice; 4] = [
    ExportChoice::PlanFile,
    ExportChoice::Converted(Format::Mspdi),
    ExportChoice::Converted(Format::Csv),
    ExportChoice::Converted(Format::Ics),
];

impl ExportChoice {
    /// The radio button's name.
    fn label(self) -> &'static str {
        match self {
            ExportChoice::PlanFile => "Plan file (.json)",
            ExportChoice::Converted(Format::Mspdi) => "MS Project XML (.xml)",
            ExportChoice::Converted(Format::Csv) => "Spreadsheet (.csv)",
            ExportChoice::Converted(Format::Ics) => "Calendar (.ics)",
        }
    }
}

/// Extra fields shown for one format only.
fn options_of(dialog: ExportAs, choice: ExportChoice) -> Option<AnyView> {
    match choice {
        ExportChoice::Converted(Format::Ics) => {
            Some(view! { <CalendarOptions dialog=dialog /> }.into_any())
        }
        ExportChoice::PlanFile | ExportChoice::Converted(_) => None,
    }
}

/// Which events a calendar holds, as the "Include" select offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IncludeChoice {
    MilestonesAndDeadlines,
    AllTasks,
    OnePerson,
}

impl IncludeChoice {
    const ALL: [IncludeChoice; 3] = [
        IncludeChoice::MilestonesAndDeadlines,
        IncludeChoice::AllTasks,
        IncludeChoice::OnePerson,
    ];

    fn label(self) -> &'static str {
        match self {
            IncludeChoice::MilestonesAndDeadlines => "Milestones and deadlines",
            IncludeChoice::AllTasks => "All tasks",
            IncludeChoice::OnePerson => "Tasks of one person",
        }
    }

    fn key(self) -> &'static str {
        match self {
            IncludeChoice::MilestonesAndDeadlines => "milestones",
            IncludeChoice::AllTasks => "all",
            IncludeChoice::OnePerson => "person",
        }
    }
}

/// The name of the per-project memo of the last calendar export's sequences, kept in this
/// browser (`store::session`), so that a calendar importing the next export sees which events
/// moved, even after a reload.
const SEQUENCES: &str = "calendar-sequences";

/// The "Include" select, and the person select for "Tasks of one person".
#[component]
fn CalendarOptions(dialog: ExportAs) -> impl IntoView {
    let include_id = unique_id("calendar-include");
    let person_id = unique_id("calendar-person");
    let team = Memo::new(move |_| {
        dialog.state.workspace().with(|workspace| {
            workspace
                .find_project(dialog.project)
                .map(|project| {
                    project
                        .team()
                        .iter()
                        .filter_map(|id| workspace.person(*id))
                        .map(|person| (person.id, person.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <div class="field">
            <label for=include_id.clone() class="field__label">
                "Include"
            </label>
            <select
                id=include_id
                class="field__input"
                on:change=move |event| {
                    let key = event_target_value(&event);
                    if let Some(choice) = IncludeChoice::ALL.into_iter().find(|choice| choice.key() == key) {
                        dialog.include.set(choice);
                        if choice == IncludeChoice::OnePerson && dialog.person.get_untracked().is_none() {
                            dialog.person.set(team.get_untracked().first().map(|(id, _)| *id));
                        }
                    }
                    dialog.notice.set(None);
                }
            >
                {IncludeChoice::ALL
                    .into_iter()
                    .map(|choice| {
                        view! {
                            <option value=choice.key() selected=move || dialog.include.get() == choice>
                                {choice.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        {move || {
            (dialog.include.get() == IncludeChoice::OnePerson)
                .then(|| {
                    let person_id = person_id.clone();
                    view! {
                        <div class="field">
                            <label for=person_id.clone() class="field__label">
                                "Person"
                            </label>
                            <select
                                id=person_id
                                class="field__input"
                                on:change=move |event| {
                                    let value = event_target_value(&event);
                                    dialog.person.set(value.parse().ok());
                                }
                            >
                                {team
                                    .get()
                                    .into_iter()
                                    .map(|(id, name)| {
                                        view! {
                                            <option value=id.to_string() selected=move || dialog.person.get() == Some(id)>
                                                {name}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                })
        }}
    }
}

/// The dialog's state while it is open.
#[derive(Clone, Copy)]
struct ExportAs {
    state: AppState,
    project: ProjectId,
    choice: RwSignal<ExportChoice>,
    busy: RwSignal<bool>,
    /// "Leave out rates, costs and time notes": a redacted copy for clients and vendors.
    redacted: RwSignal<bool>,
    /// What the last download could not carry, shown after it.
    notice: RwSignal<Option<String>>,
    /// The calendar's "Include" choice, and its person.
    include: RwSignal<IncludeChoice>,
    person: RwSignal<Option<PersonId>>,
}

impl ExportAs {
    fn download(self) {
        let redacted = self.redacted.get_untracked();
        let Some((file_name, plan)) = self.state.export_project_file(self.project, redacted) else {
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
            ExportChoice::Converted(Format::Ics) => self.download_calendar(file_name, plan),
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
                        Err(error) => self.state.fail(error.into()),
                    }
                });
            }
        }
    }
}

impl ExportAs {
    /// Writes the calendar the "Include" select asks for, keeping its sequences for next time.
    fn download_calendar(self, file_name: String, plan: String) {
        let include = match self.include.get_untracked() {
            IncludeChoice::MilestonesAndDeadlines => IcsInclude::MilestonesAndDeadlines,
            IncludeChoice::AllTasks => IcsInclude::AllTasks,
            IncludeChoice::OnePerson => match self.person.get_untracked() {
                Some(person) => IcsInclude::Person(person),
                None => {
                    self.notice.set(Some("Choose a person first.".to_string()));
                    return;
                }
            },
        };
        let project = self.project;
        let previous: IcsSequences = session::project_memo(SEQUENCES, project).unwrap_or_default();
        let job = IcsJob {
            plan,
            include,
            stamp: clock::now_utc(),
            previous,
        };
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = write_calendar(job).await;
            self.busy.try_set(false);
            let file_name = Format::Ics.file_name(&file_name);
            match outcome {
                Ok((text, sequences)) => {
                    session::remember_project_memo(SEQUENCES, project, &sequences);
                    match download(&file_name, &text, Format::Ics.mime()) {
                        Ok(()) => {
                            let notice = exported_notice(&file_name, Some(Format::Ics), &[]);
                            self.notice.try_set(Some(notice));
                        }
                        Err(error) => self.state.fail(error),
                    }
                }
                Err(failure) => self.state.fail(failure.into()),
            }
        });
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
        redacted: RwSignal::new(false),
        notice: RwSignal::new(None),
        include: RwSignal::new(IncludeChoice::MilestonesAndDeadlines),
        person: RwSignal::new(None),
    };
    let close = move || {
        open.set(false);
        dialog.notice.set(None);
    };
    view! {
        <button
            type="button"
            class="button"
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
            {move || options_of(dialog, dialog.choice.get())}
            {
                let id = unique_id("export-redacted");
                view! {
                    <div class="field field--check">
                        <input
                            id=id.clone()
                            type="checkbox"
                            class="field__check"
                            prop:checked=move || dialog.redacted.get()
                            on:change=move |event| {
                                dialog.redacted.set(event_target_checked(&event));
                                dialog.notice.set(None);
                            }
                        />
                        <label for=id class="field__label">
                            "Leave out rates, costs and time notes"
                        </label>
                    </div>
                }
            }
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
                    on:click=move |_| dialog.download()
                >
                    "Download"
                </button>
            </div>
        </Modal>
    }
}
