//! The Dashboard view: the current baseline (and "Set baseline"), the three health cards,
//! burn-up/burn-down and budget charts, the milestones table, the workload grid ("who is
//! busy") and the scope change log with an editable reason per entry.
//!
//! Figures come from pure view models (`summary`, `model::burnup`, `chart::layout`, the model's
//! `workload`); components here only lay them out and call `AppState` verbs.

pub mod chart;
pub mod summary;
mod workload;

use super::format;
use super::messages::describe;
use super::widgets::{Modal, TextField};
use crate::model::{ProjectId, ScopeChangeId, ScopeChangeKind};
use crate::store::AppState;
use chart::LineChart;
use leptos::prelude::*;
use summary::{budget_chart, burn_charts, health_cards, milestone_rows, HealthCard};
use workload::WorkloadGrid;

/// The Dashboard of project `id`.
#[component]
pub fn DashboardPage(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let cards = Memo::new(move |_| {
        let today = state.today.get();
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .map(|project| health_cards(project, workspace.people(), today))
                .unwrap_or_default()
        })
    });
    let charts = Memo::new(move |_| {
        let today = state.today.get();
        state.workspace().with(|workspace| {
            workspace.find_project(id).map(|project| {
                let first_day = format::week_start();
                let (up, down) = burn_charts(project, today, first_day);
                (
                    up,
                    down,
                    budget_chart(project, workspace.people(), today, first_day),
                )
            })
        })
    });
    let milestones = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .map(milestone_rows)
                .unwrap_or_default()
        })
    });
    view! {
        <section class="dashboard" aria-label="Dashboard">
            <BaselinePanel id=id />
            <div class="dashboard__cards">
                <For
                    each=move || cards.get()
                    key=|card| card.clone()
                    children=|card| view! { <DashboardHealthCard card=card /> }
                />
            </div>
            {move || {
                charts
                    .get()
                    .map(|(up, down, budget)| {
                        view! {
                            <section class="dashboard__section" aria-labelledby="dashboard-work">
                                <h2 id="dashboard-work">"Work"</h2>
                                <div class="dashboard__charts">
                                    <LineChart data=Signal::stored(up) />
                                    <LineChart data=Signal::stored(down) />
                                </div>
                            </section>
                            <section class="dashboard__section" aria-labelledby="dashboard-money">
                                <h2 id="dashboard-money">"Cost over time"</h2>
                                <div class="dashboard__charts">
                                    <LineChart data=Signal::stored(budget) />
                                </div>
                            </section>
                        }
                    })
            }}
            <section class="dashboard__section" aria-labelledby="dashboard-milestones">
                <h2 id="dashboard-milestones">"Milestones"</h2>
                <Show
                    when=move || !milestones.with(Vec::is_empty)
                    fallback=|| view! { <p class="field__hint">"The plan has no milestones."</p> }
                >
                    // Focusable, so the keyboard can scroll it on a narrow screen.
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="dashboard-milestones">
                        <table class="table">
                            <caption class="visually-hidden">"Milestones: baseline, forecast and slip"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Milestone"</th>
                                    <th scope="col">"Baseline"</th>
                                    <th scope="col">"Forecast"</th>
                                    <th scope="col">"Slip"</th>
                                    <th scope="col">"State"</th>
                                </tr>
                            </thead>
                            <tbody>
                                <For
                                    each=move || milestones.get()
                                    key=|row| row.clone()
                                    children=|row| {
                                        let class = if row.late { "dashboard__late" } else { "" };
                                        view! {
                                            <tr>
                                                <th scope="row">{row.title}</th>
                                                <td>{row.baseline}</td>
                                                <td>{row.forecast}</td>
                                                <td class=class>{row.slip}</td>
                                                <td>{row.state}</td>
                                            </tr>
                                        }
                                    }
                                />
                            </tbody>
                        </table>
                    </div>
                </Show>
            </section>
            <WorkloadGrid id=id />
            <ScopeLog id=id />
        </section>
    }
}

/// One health card: heading, colour with its words, reason and key figures.
#[component]
fn DashboardHealthCard(card: HealthCard) -> impl IntoView {
    let heading_id = super::widgets::unique_id("health");
    let labelled_by = heading_id.clone();
    let class = format!("dashboard__card dashboard__card--{}", card.key);
    let badge = format!("dashboard__status dashboard__status--{}", card.key);
    view! {
        <section class=class aria-labelledby=labelled_by>
            <h2 id=heading_id class="dashboard__card-heading">
                {card.heading}
            </h2>
            <p class=badge>{card.label}</p>
            <p class="dashboard__reason">{card.reason}</p>
            <dl class="dashboard__figures">
                {card
                    .figures
                    .into_iter()
                    .map(|(name, value)| {
                        view! {
                            <div class="dashboard__figure">
                                <dt>{name}</dt>
                                <dd>{value}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

/// Which baseline is current, and the "Set baseline" button with its dialog.
#[component]
fn BaselinePanel(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let current = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace.find_project(id).and_then(|project| {
                project.baseline().map(|baseline| {
                    (
                        baseline.name.clone(),
                        format::date(baseline.created),
                        project.baselines().len(),
                    )
                })
            })
        })
    });
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let show = move |_| {
        name.set(format!(
            "Baseline {}",
            format::date(state.today.get_untracked())
        ));
        error.set(None);
        open.set(true);
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if name.get_untracked().trim().is_empty() {
            error.set(Some("Enter a name for the baseline.".to_string()));
            return;
        }
        match state.set_baseline(id, &name.get_untracked()) {
            Ok(_) => open.set(false),
            Err(refused) => {
                // Shown here, beside the field, rather than behind the dialog.
                error.set(Some(
                    state
                        .workspace()
                        .with_untracked(|workspace| describe(&refused, workspace)),
                ));
            }
        }
    };
    view! {
        <div class="dashboard__baseline">
            <p data-testid="current-baseline">
                {move || match current.get() {
                    Some((name, date, count)) => {
                        let earlier = match count {
                            1 => String::new(),
                            2 => " (1 earlier baseline)".to_string(),
                            count => format!(" ({} earlier baselines)", count - 1),
                        };
                        format!("Current baseline: “{name}”, set {date}{earlier}.")
                    }
                    None => "No baseline yet. Set one to track scope, budget and schedule against the plan.".to_string(),
                }}
            </p>
            <button type="button" class="button" on:click=show>
                "Set baseline"
            </button>
        </div>
        <Show when=move || open.get()>
            <Modal title="Set baseline" on_close=Callback::new(move |_| open.set(false)) class="modal--narrow">
                <form class="form" on:submit=save novalidate>
                    <p class="modal__message">
                        "A baseline is a snapshot of today's plan: dates, estimates and costs. Progress, scope and slip are measured against the latest one."
                    </p>
                    <TextField
                        label="Baseline name"
                        value=name
                        required=true
                        autofocus=true
                        error=Signal::derive(move || error.get())
                    />
                    <div class="modal__actions">
                        <button type="button" class="button" on:click=move |_| open.set(false)>
                            "Cancel"
                        </button>
                        <button type="submit" class="button button--primary">
                            "Save baseline"
                        </button>
                    </div>
                </form>
            </Modal>
        </Show>
    }
}

/// One entry of the scope log as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ScopeRow {
    id: ScopeChangeId,
    date: String,
    title: String,
    change: &'static str,
    before: String,
    after: String,
    cost: String,
    reason: String,
}

/// The scope change log with a "Reason" field per entry, saved when it loses focus.
#[component]
fn ScopeLog(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let rows = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            let Some(project) = workspace.find_project(id) else {
                return Vec::new();
            };
            let currency = project.budget.currency;
            project
                .scope_log()
                .iter()
                .rev()
                .map(|change| ScopeRow {
                    id: change.id,
                    date: format::date(change.date),
                    title: change.title.clone(),
                    change: match change.kind {
                        ScopeChangeKind::Added => "Added",
                        ScopeChangeKind::Removed => "Removed",
                        ScopeChangeKind::Reestimated => "Re-estimated",
                    },
                    before: format::hours(change.hours_before),
                    after: format::hours(change.hours_after),
                    cost: format::money(change.delta_cost, currency),
                    reason: change.reason.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="dashboard__section" aria-labelledby="dashboard-scope-log">
            <h2 id="dashboard-scope-log">"Scope change log"</h2>
            <p class="field__hint">
                "Every task added, removed or re-estimated after the baseline, newest first. Type why it changed; it is saved when you leave the field."
            </p>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="field__hint">"No scope changes since the baseline."</p> }
            >
                <div class="table-scroll">
                    <table class="table dashboard__scope-log">
                        <caption class="visually-hidden">"Scope change log"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Date"</th>
                                <th scope="col">"Task"</th>
                                <th scope="col">"Change"</th>
                                <th scope="col" class="numeric">"Hours before"</th>
                                <th scope="col" class="numeric">"Hours after"</th>
                                <th scope="col" class="numeric">"Cost change"</th>
                                <th scope="col">"Reason"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get()
                                key=|row| row.clone()
                                children=move |row| {
                                    let label = format!("Reason for “{}” ({}, {})", row.title, row.change.to_lowercase(), row.date);
                                    let change = row.id;
                                    let stored = row.reason.clone();
                                    view! {
                                        <tr>
                                            <td>{row.date}</td>
                                            <th scope="row">{row.title}</th>
                                            <td>{row.change}</td>
                                            <td class="numeric">{row.before}</td>
                                            <td class="numeric">{row.after}</td>
                                            <td class="numeric">{row.cost}</td>
                                            <td>
                                                <input
                                                    class="field__input"
                                                    aria-label=label
                                                    prop:value=row.reason
                                                    on:change=move |event| {
                                                        let typed = event_target_value(&event);
                                                        if typed != stored {
                                                            state.set_scope_reason(id, change, &typed);
                                                        }
                                                    }
                                                />
                                            </td>
                                        </tr>
                                    }
                                }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
