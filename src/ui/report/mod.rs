//! The Status report view: one page for stakeholders (project, status date, health with
//! reasons, milestones, budget figures, scope changes since the last report, done this period,
//! planned next, top risks and issues), with "Print" (the browser's print, styled by
//! `style/report.css` without the app's chrome), "Export report" (self-contained HTML or
//! Markdown from `model::report`), "Mark report as issued", and the risks and issues list the
//! project manager keeps.
//!
//! The report is the model's `status_report` at today; this module lays it out. The risk
//! editor is in `risks.rs` and never prints.

mod risks;

use super::format::{self, UiFormatter};
use super::widgets::file::download;
use crate::model::report::{status_report, to_html, to_markdown, ReportTask, StatusReport};
use crate::model::risk::{Impact, RiskKind};
use crate::model::scope::ScopeChangeKind;
use crate::model::{Formatter, Money, ProjectId, Ratio, Rounding};
use crate::store::AppState;
use leptos::prelude::*;
use risks::RiskList;

/// "Risk" or "Issue".
pub fn kind_label(kind: RiskKind) -> &'static str {
    match kind {
        RiskKind::Risk => "Risk",
        RiskKind::Issue => "Issue",
    }
}

/// "Low", "Medium" or "High".
pub fn impact_label(impact: Impact) -> &'static str {
    match impact {
        Impact::Low => "Low",
        Impact::Medium => "Medium",
        Impact::High => "High",
    }
}

/// A file name for the report: "status-report-intranet-2026-03-06.html".
pub fn report_file_name(report: &StatusReport, extension: &str) -> String {
    format!(
        "status-report-{}-{}.{extension}",
        file_slug(&report.project_name),
        format::date_input(report.status_date)
    )
}

/// A project name as lower-case words joined by hyphens, "project" when nothing is left.
fn file_slug(name: &str) -> String {
    let slug = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "project".to_string()
    } else {
        slug
    }
}

fn index(ratio: Option<Ratio>) -> String {
    ratio
        .map(|ratio| UiFormatter.number(ratio.decimal(2, Rounding::HalfAwayFromZero)))
        .unwrap_or_else(|| "n/a".to_string())
}

/// A table of (name, value) pairs.
fn figure_table(caption: &'static str, rows: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <table class="table report__table">
            <caption class="visually-hidden">{caption}</caption>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(name, value)| {
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td class="numeric">{value}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn task_table(caption: &'static str, tasks: Vec<ReportTask>, done: bool) -> impl IntoView {
    view! {
        <table class="table report__table">
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Task"</th>
                    <th scope="col">"Assignee"</th>
                    {if done {
                        view! { <th scope="col">"Completed"</th> }.into_any()
                    } else {
                        view! {
                            <th scope="col">"Start"</th>
                            <th scope="col">"End"</th>
                        }
                            .into_any()
                    }}
                </tr>
            </thead>
            <tbody>
                {tasks
                    .into_iter()
                    .map(|task| {
                        view! {
                            <tr>
                                <th scope="row">{task.title.clone()}</th>
                                <td>{task.assignee.clone().unwrap_or_else(|| "Unassigned".to_string())}</td>
                                {if done {
                                    view! { <td>{format::maybe_date(task.completed)}</td> }.into_any()
                                } else {
                                    view! {
                                        <td>{format::date(task.start)}</td>
                                        <td>{format::date(task.end)}</td>
                                    }
                                        .into_any()
                                }}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The report document itself: what prints.
fn report_document(report: StatusReport) -> impl IntoView {
    let currency = report.budget.currency;
    let money = move |amount: Money| format::money(amount, currency);
    let maybe_money =
        move |amount: Option<Money>| amount.map(money).unwrap_or_else(|| "n/a".to_string());
    let period = match report.previous_report {
        Some(previous) => format!(
            "This report covers {} to {}.",
            format::date(previous),
            format::date(report.status_date)
        ),
        None => format!(
            "First report: it covers {} to {}.",
            format::date(report.period_start),
            format::date(report.status_date)
        ),
    };
    let finish = report.schedule.finish;
    let slip = finish
        .slip_days
        .map(|days| format!("{days} working days"))
        .unwrap_or_else(|| "n/a".to_string());
    let budget = report.budget;
    let mut figures = vec![
        (
            "Budget",
            budget
                .budget
                .map(money)
                .unwrap_or_else(|| "Not set".to_string()),
        ),
        ("Planned cost (current plan)", money(budget.planned)),
        ("Actual cost (AC)", money(budget.actual)),
        ("Budget remaining", maybe_money(budget.remaining)),
    ];
    if let Some(earned) = budget.earned {
        figures.extend([
            ("Budget at completion (BAC)", money(earned.bac)),
            ("Planned value (PV)", money(earned.pv)),
            ("Earned value (EV)", money(earned.ev)),
            ("Cost variance (CV)", money(earned.cv)),
            ("Schedule variance (SV)", money(earned.sv)),
            ("Cost performance index (CPI)", index(earned.cpi)),
            ("Schedule performance index (SPI)", index(earned.spi)),
            ("Estimate at completion (EAC)", maybe_money(earned.eac)),
        ]);
    }
    let has_earned = budget.earned.is_some();
    let scope_text = match &report.scope.growth {
        None => "No baseline yet, so scope changes are not tracked.".to_string(),
        Some(growth) => format!(
            "Estimated work: {} now, {} in the baseline{}.",
            format::hours(growth.current_hours),
            format::hours(growth.baseline_hours),
            growth
                .change
                .map(|change| format!(" ({})", super::dashboard::summary::signed_percent(change)))
                .unwrap_or_default()
        ),
    };
    let health = report.health.clone();
    view! {
        // Focusable, so the keyboard can scroll it sideways on a narrow screen.
        <article class="report__page" aria-labelledby="report-title" tabindex="0">
            <header class="report__head">
                <h2 id="report-title" class="report__title">{format!("Status report: {}", report.project_name)}</h2>
                <p>
                    <strong>{format!("Status date: {}.", format::date(report.status_date))}</strong>
                    " "
                    {period}
                </p>
            </header>
            <section class="report__section" aria-labelledby="report-health">
                <h3 id="report-health">"Health"</h3>
                <table class="table report__table">
                    <caption class="visually-hidden">"Health"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Area"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Why"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {health
                            .aspects()
                            .into_iter()
                            .map(|(aspect, status)| {
                                let key = match status.reason {
                                    crate::model::Reason::NoBaseline(_) => "untracked",
                                    _ => status.rag.key(),
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{aspect.label()}</th>
                                        <td>
                                            <span class=format!("report__status report__status--{key}")>{status.label()}</span>
                                        </td>
                                        <td>{status.sentence(&UiFormatter)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </section>
            <section class="report__section" aria-labelledby="report-schedule">
                <h3 id="report-schedule">"Schedule and milestones"</h3>
                <p>
                    {format!(
                        "Forecast finish: {}. Baseline finish: {}. Deadline: {}. Slip: {}.",
                        format::maybe_date(finish.forecast),
                        format::maybe_date(finish.baseline),
                        format::maybe_date(finish.deadline),
                        slip,
                    )}
                </p>
                {if report.schedule.milestones.is_empty() {
                    view! { <p>"The plan has no milestones."</p> }.into_any()
                } else {
                    view! {
                        <table class="table report__table">
                            <caption class="visually-hidden">"Milestones"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Milestone"</th>
                                    <th scope="col">"Baseline"</th>
                                    <th scope="col">"Forecast"</th>
                                    <th scope="col" class="numeric">"Slip (working days)"</th>
                                    <th scope="col">"State"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {report
                                    .schedule
                                    .milestones
                                    .iter()
                                    .map(|milestone| {
                                        view! {
                                            <tr>
                                                <th scope="row">{milestone.title.clone()}</th>
                                                <td>{format::maybe_date(milestone.baseline)}</td>
                                                <td>{format::date(milestone.forecast)}</td>
                                                <td class="numeric">{milestone.slip_days.map(|days| days.to_string()).unwrap_or_else(|| "n/a".to_string())}</td>
                                                <td>
                                                    {if milestone.done {
                                                        "Reached"
                                                    } else if milestone.after_deadline {
                                                        "After the deadline"
                                                    } else {
                                                        "Open"
                                                    }}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }}
            </section>
            <section class="report__section" aria-labelledby="report-budget">
                <h3 id="report-budget">"Budget"</h3>
                {figure_table("Budget figures", figures)}
                {(!has_earned).then(|| view! { <p>"Earned value needs a baseline; none is set yet."</p> })}
            </section>
            <section class="report__section" aria-labelledby="report-scope">
                <h3 id="report-scope">"Scope changes since the last report"</h3>
                <p>{scope_text}</p>
                {if report.scope.changes.is_empty() {
                    view! { <p>"No scope changes in this period."</p> }.into_any()
                } else {
                    view! {
                        <table class="table report__table">
                            <caption class="visually-hidden">"Scope changes"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Date"</th>
                                    <th scope="col">"Task"</th>
                                    <th scope="col">"Change"</th>
                                    <th scope="col" class="numeric">"Hours"</th>
                                    <th scope="col" class="numeric">"Cost change"</th>
                                    <th scope="col">"Reason"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {report
                                    .scope
                                    .changes
                                    .iter()
                                    .map(|change| {
                                        view! {
                                            <tr>
                                                <td>{format::date(change.date)}</td>
                                                <th scope="row">{change.title.clone()}</th>
                                                <td>
                                                    {match change.kind {
                                                        ScopeChangeKind::Added => "Added",
                                                        ScopeChangeKind::Removed => "Removed",
                                                        ScopeChangeKind::Reestimated => "Re-estimated",
                                                    }}
                                                </td>
                                                <td class="numeric">{format!("{} → {}", format::hours(change.hours_before), format::hours(change.hours_after))}</td>
                                                <td class="numeric">{money(change.delta_cost)}</td>
                                                <td>{change.reason.clone()}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }}
            </section>
            <section class="report__section" aria-labelledby="report-done">
                <h3 id="report-done">"Done this period"</h3>
                {if report.done.is_empty() {
                    view! { <p>"Nothing was completed in this period."</p> }.into_any()
                } else {
                    task_table("Done this period", report.done.clone(), true).into_any()
                }}
            </section>
            <section class="report__section" aria-labelledby="report-next">
                <h3 id="report-next">"Planned for the next two weeks"</h3>
                {if report.planned_next.is_empty() {
                    view! { <p>"No tasks start or end in the next two weeks."</p> }.into_any()
                } else {
                    task_table("Planned next", report.planned_next.clone(), false).into_any()
                }}
            </section>
            <section class="report__section" aria-labelledby="report-risks">
                <h3 id="report-risks">"Top risks and issues"</h3>
                {if report.risks.is_empty() {
                    view! { <p>"No open risks or issues."</p> }.into_any()
                } else {
                    view! {
                        <table class="table report__table">
                            <caption class="visually-hidden">"Top risks and issues"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Kind"</th>
                                    <th scope="col">"Title"</th>
                                    <th scope="col">"Impact"</th>
                                    <th scope="col">"Owner"</th>
                                    <th scope="col">"Due"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {report
                                    .risks
                                    .iter()
                                    .map(|risk| {
                                        view! {
                                            <tr>
                                                <td>{kind_label(risk.kind)}</td>
                                                <th scope="row">{risk.title.clone()}</th>
                                                <td>{impact_label(risk.impact)}</td>
                                                <td>{risk.owner.clone().unwrap_or_else(|| "Nobody".to_string())}</td>
                                                <td>{format::maybe_date(risk.due)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }}
            </section>
        </article>
    }
}

/// The Status report view of project `id`.
#[component]
pub fn StatusReportPage(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let report = Memo::new(move |_| {
        let today = state.today.get();
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .map(|project| status_report(project, workspace.people(), today))
        })
    });
    let issued_today = Memo::new(move |_| {
        let today = state.today.get();
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .is_some_and(|project| project.reports().last() == Some(&today))
        })
    });
    let exporting = RwSignal::new(false);
    let export = move |markdown: bool| {
        let Some(current) = report.get_untracked() else {
            return;
        };
        let (name, text, mime) = if markdown {
            (
                report_file_name(&current, "md"),
                to_markdown(&current, &UiFormatter),
                "text/markdown",
            )
        } else {
            (
                report_file_name(&current, "html"),
                to_html(&current, &UiFormatter),
                "text/html",
            )
        };
        match download(&name, &text, mime) {
            Ok(()) => exporting.set(false),
            Err(error) => state.fail(error),
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="report" aria-label="Status report">
            <div class="report__toolbar toolbar">
                <button type="button" class="button button--primary" on:click=print>
                    "Print"
                </button>
                <button
                    type="button"
                    class="button"
                    aria-expanded=move || if exporting.get() { "true" } else { "false" }
                    aria-controls="report-export"
                    on:click=move |_| exporting.update(|open| *open = !*open)
                >
                    "Export report"
                </button>
                <button
                    type="button"
                    class="button"
                    disabled=move || issued_today.get()
                    on:click=move |_| {
                        state.record_report(id);
                    }
                >
                    "Mark report as issued"
                </button>
                <span class="field__hint" role="status">
                    {move || {
                        if issued_today.get() {
                            "Issued today: the next report starts its period here."
                        } else {
                            ""
                        }
                    }}
                </span>
            </div>
            <Show when=move || exporting.get()>
                <div id="report-export" class="report__export" role="group" aria-label="Export report as">
                    <button type="button" class="button" on:click=move |_| export(false)>
                        "Download HTML"
                    </button>
                    <button type="button" class="button" on:click=move |_| export(true)>
                        "Download Markdown"
                    </button>
                </div>
            </Show>
            {move || report.get().map(report_document)}
            <RiskList id=id />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_file_names_are_plain_slugs() {
        assert_eq!(file_slug("Intranet / Phase 2!"), "intranet-phase-2");
        assert_eq!(file_slug("***"), "project");
    }
}
