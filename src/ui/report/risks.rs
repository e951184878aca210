//! The risks and issues list the project manager keeps: add, edit, close and delete entries
//! with kind, title, owner, impact and due date. Open entries feed the status report; this
//! editor never prints.

use super::super::format;
use super::super::projects::form::parse_date;
use super::super::tasks::time::{refusal, team_options};
use crate::model::report::{impact_label, kind_label};
use crate::model::risk::{Impact, Risk, RiskKind};
use crate::model::{PersonId, ProjectId, RiskId};
use crate::store::AppState;
use leptos::prelude::*;

const KINDS: [RiskKind; 2] = [RiskKind::Risk, RiskKind::Issue];
const IMPACTS: [Impact; 3] = [Impact::High, Impact::Medium, Impact::Low];

/// A risk as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RiskForm {
    kind: String,
    title: String,
    owner: String,
    impact: String,
    due: String,
    closed: bool,
}

impl Default for RiskForm {
    fn default() -> Self {
        RiskForm {
            kind: "risk".to_string(),
            title: String::new(),
            owner: String::new(),
            impact: "medium".to_string(),
            due: String::new(),
            closed: false,
        }
    }
}

fn kind_key(kind: RiskKind) -> &'static str {
    match kind {
        RiskKind::Risk => "risk",
        RiskKind::Issue => "issue",
    }
}

fn impact_key(impact: Impact) -> &'static str {
    match impact {
        Impact::Low => "low",
        Impact::Medium => "medium",
        Impact::High => "high",
    }
}

impl RiskForm {
    fn from_risk(risk: &Risk) -> RiskForm {
        RiskForm {
            kind: kind_key(risk.kind).to_string(),
            title: risk.title.clone(),
            owner: risk.owner.map(|id| id.to_string()).unwrap_or_default(),
            impact: impact_key(risk.impact).to_string(),
            due: risk.due.map(format::date_input).unwrap_or_default(),
            closed: risk.closed,
        }
    }

    /// Checks the fields into a risk with id `id`; the message says what is wrong.
    fn check(&self, id: RiskId) -> Result<Risk, String> {
        if self.title.trim().is_empty() {
            return Err("Enter a title for the risk or issue.".to_string());
        }
        let due = if self.due.trim().is_empty() {
            None
        } else {
            Some(parse_date(&self.due).ok_or("Enter the due date as a date, or leave it empty.")?)
        };
        Ok(Risk {
            id,
            kind: KINDS
                .into_iter()
                .find(|kind| kind_key(*kind) == self.kind)
                .unwrap_or_default(),
            title: self.title.clone(),
            owner: self.owner.parse::<PersonId>().ok(),
            impact: IMPACTS
                .into_iter()
                .find(|impact| impact_key(*impact) == self.impact)
                .unwrap_or_default(),
            due,
            closed: self.closed,
        })
    }
}

/// The fields of a risk form.
#[component]
fn RiskFields(form: RwSignal<RiskForm>, team: Memo<Vec<(String, String)>>) -> impl IntoView {
    let select = move |label: &'static str,
                       options: Vec<(String, String)>,
                       get: fn(&RiskForm) -> String,
                       set: fn(&mut RiskForm, String)| {
        view! {
            <label class="risks__field">
                {label}
                <select
                    class="field__input"
                    on:change=move |event| form.update(|form| set(form, event_target_value(&event)))
                >
                    {options
                        .into_iter()
                        .map(|(value, text)| {
                            let option_value = value.clone();
                            let selected = move || form.with(|form| get(form) == value);
                            view! {
                                <option value=option_value selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        }
    };
    let kinds: Vec<(String, String)> = KINDS
        .into_iter()
        .map(|kind| (kind_key(kind).to_string(), kind_label(kind).to_string()))
        .collect();
    let impacts: Vec<(String, String)> = IMPACTS
        .into_iter()
        .map(|impact| {
            (
                impact_key(impact).to_string(),
                impact_label(impact).to_string(),
            )
        })
        .collect();
    view! {
        {select("Kind", kinds, |form| form.kind.clone(), |form, value| form.kind = value)}
        <label class="risks__field risks__field--wide">
            "Title"
            <input
                class="field__input"
                prop:value=move || form.with(|form| form.title.clone())
                on:input=move |event| form.update(|form| form.title = event_target_value(&event))
            />
        </label>
        <label class="risks__field">
            "Owner"
            <select
                class="field__input"
                on:change=move |event| form.update(|form| form.owner = event_target_value(&event))
            >
                <option value="">"Nobody"</option>
                {move || {
                    let current = form.with(|form| form.owner.clone());
                    team.get()
                        .into_iter()
                        .map(|(value, name)| {
                            let selected = value == current;
                            view! {
                                <option value=value selected=selected>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
        {select("Impact", impacts, |form| form.impact.clone(), |form, value| form.impact = value)}
        <label class="risks__field">
            "Due date"
            <input
                class="field__input"
                type="date"
                prop:value=move || form.with(|form| form.due.clone())
                on:input=move |event| form.update(|form| form.due = event_target_value(&event))
            />
        </label>
    }
}

/// One risk as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RiskRow {
    risk: Risk,
    owner: String,
    due: String,
}

/// The risks and issues of project `id`, with a form to add one.
#[component]
pub fn RiskList(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let team = team_options(state, id);
    let rows = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .map(|project| {
                    project
                        .risks()
                        .iter()
                        .map(|risk| RiskRow {
                            risk: risk.clone(),
                            owner: risk
                                .owner
                                .and_then(|owner| workspace.person(owner))
                                .map(|person| person.name.clone())
                                .unwrap_or_else(|| "Nobody".to_string()),
                            due: format::maybe_date(risk.due),
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let form = RwSignal::new(RiskForm::default());
    let error = RwSignal::new(None::<String>);
    let editing = RwSignal::new(None::<RiskId>);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match form.get_untracked().check(RiskId(uuid::Uuid::nil())) {
            Err(message) => error.set(Some(message)),
            Ok(risk) => match state.add_risk(id, risk) {
                Ok(_) => {
                    error.set(None);
                    form.set(RiskForm::default());
                }
                Err(refused) => error.set(Some(refusal(state, &refused))),
            },
        }
    };
    view! {
        <section class="report__editor risks" aria-labelledby="risks-heading">
            <h2 id="risks-heading">"Risks and issues"</h2>
            <p class="field__hint">
                "The list you keep for this project. Open entries appear in the report, highest impact first; closed ones stay here."
            </p>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="field__hint">"No risks or issues yet."</p> }
            >
                <div class="table-scroll">
                    <table class="table risks__table">
                        <caption class="visually-hidden">"Risks and issues"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Kind"</th>
                                <th scope="col">"Title"</th>
                                <th scope="col">"Owner"</th>
                                <th scope="col">"Impact"</th>
                                <th scope="col">"Due"</th>
                                <th scope="col">"State"</th>
                                <th scope="col">
                                    <span class="visually-hidden">"Actions"</span>
                                </th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get()
                                key=|row| format!("{:?}{}", row.risk, row.owner)
                                children=move |row| view! { <RiskRowView id=id row=row editing=editing team=team /> }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
            <form class="risks__form" on:submit=add novalidate aria-label="Add a risk or issue">
                <RiskFields form=form team=team />
                <button type="submit" class="button">
                    "Add risk"
                </button>
            </form>
            <p class="field__error" role="alert">
                {move || error.get().unwrap_or_default()}
            </p>
        </section>
    }
}

/// One risk: its values, or its edit form.
#[component]
fn RiskRowView(
    id: ProjectId,
    row: RiskRow,
    editing: RwSignal<Option<RiskId>>,
    team: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let risk_id = row.risk.id;
    let form = RwSignal::new(RiskForm::from_risk(&row.risk));
    let error = RwSignal::new(None::<String>);
    let title = row.risk.title.clone();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match form.get_untracked().check(risk_id) {
            Err(message) => error.set(Some(message)),
            Ok(risk) => match state.update_risk(id, risk) {
                Ok(()) => editing.set(None),
                Err(refused) => error.set(Some(refusal(state, &refused))),
            },
        }
    };
    move || {
        if editing.get() == Some(risk_id) {
            let label = format!("Edit “{title}”");
            view! {
                <tr>
                    <td colspan="7">
                        <form class="risks__form" on:submit=save novalidate aria-label=label>
                            <RiskFields form=form team=team />
                            <label class="risks__closed">
                                <input
                                    type="checkbox"
                                    prop:checked=move || form.with(|form| form.closed)
                                    on:change=move |event| form.update(|form| form.closed = event_target_checked(&event))
                                />
                                "Closed"
                            </label>
                            <button type="submit" class="button button--primary">
                                "Save risk"
                            </button>
                            <button type="button" class="button" on:click=move |_| editing.set(None)>
                                "Cancel"
                            </button>
                        </form>
                        <p class="field__error" role="alert">
                            {move || error.get().unwrap_or_default()}
                        </p>
                    </td>
                </tr>
            }
            .into_any()
        } else {
            let risk = row.risk.clone();
            let edit_label = format!("Edit “{}”", risk.title);
            let delete_label = format!("Delete “{}”", risk.title);
            let reset = risk.clone();
            view! {
                <tr class=if risk.closed { "risks__row risks__row--closed" } else { "risks__row" }>
                    <td>{kind_label(risk.kind)}</td>
                    <th scope="row">{risk.title.clone()}</th>
                    <td>{row.owner.clone()}</td>
                    <td>{impact_label(risk.impact)}</td>
                    <td>{row.due.clone()}</td>
                    <td>{if risk.closed { "Closed" } else { "Open" }}</td>
                    <td class="risks__actions">
                        <button
                            type="button"
                            class="button button--quiet button--small"
                            aria-label=edit_label
                            on:click=move |_| {
                                form.set(RiskForm::from_risk(&reset));
                                error.set(None);
                                editing.set(Some(risk_id));
                            }
                        >
                            "Edit"
                        </button>
                        <button
                            type="button"
                            class="button button--quiet button--small button--danger-text"
                            aria-label=delete_label
                            on:click=move |_| {
                                state.remove_risk(id, risk_id);
                            }
                        >
                            "Delete"
                        </button>
                    </td>
                </tr>
            }
            .into_any()
        }
    }
}
