//! The Status report view: one page for stakeholders (project, status date, health with
//! reasons, milestones, budget figures, scope changes since the last report, done this period,
//! planned next, top risks and issues), with "Print" (the browser's print, styled by
//! `style/report.css` without the app's chrome), "Export report" (self-contained HTML or
//! Markdown from `model::report`), "Mark report as issued", and the risks and issues list the
//! project manager keeps.
//!
//! The report is the model's `status_report` at today, worded once as the model's `document`:
//! this module lays out the same blocks the exports do, so the page, its print and the files
//! show the same figures. The risk editor is in `risks.rs` and never prints.

mod risks;

use super::format::{self, UiFormatter};
use super::widgets::file::download;
use crate::model::report::{
    document, status_report, to_html, to_markdown, Align, Block, Cell, StatusReport, Table,
};
use crate::model::ProjectId;
use crate::store::AppState;
use leptos::prelude::*;
use risks::RiskList;

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

/// One table of the report, with its caption as its accessible name and a row header per row.
fn report_table(table: Table) -> impl IntoView {
    let align = |align: Align| match align {
        Align::Left => None,
        Align::Right => Some("numeric"),
    };
    let aligns: Vec<Align> = table.columns.iter().map(|column| column.align).collect();
    let row_header = table.row_header;
    view! {
        <table class="table report__table">
            <caption class="visually-hidden">{table.caption}</caption>
            <thead>
                <tr>
                    {table
                        .columns
                        .into_iter()
                        .map(|column| view! { <th scope="col" class=align(column.align)>{column.heading}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {table
                    .rows
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr>
                                {row
                                    .into_iter()
                                    .zip(aligns.iter().copied())
                                    .enumerate()
                                    .map(|(at, (cell, column_align))| {
                                        let content = match cell {
                                            Cell::Text(text) => text.into_any(),
                                            Cell::Status { key, label } => {
                                                view! { <span class=format!("report__status report__status--{key}")>{label}</span> }
                                                    .into_any()
                                            }
                                        };
                                        if at == row_header {
                                            view! { <th scope="row" class=align(column_align)>{content}</th> }.into_any()
                                        } else {
                                            view! { <td class=align(column_align)>{content}</td> }.into_any()
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn report_block(block: Block) -> AnyView {
    match block {
        Block::Title(title) => {
            view! { <h2 id="report-title" class="report__title">{title}</h2> }.into_any()
        }
        Block::Heading { key, text } => {
            view! { <h3 id=format!("report-{key}")>{text}</h3> }.into_any()
        }
        Block::Paragraph(text) => view! { <p>{text}</p> }.into_any(),
        Block::Table(table) => report_table(table).into_any(),
    }
}

/// The report document itself, what prints: the model's blocks, the head first and then a
/// section per heading.
fn report_page(report: StatusReport) -> impl IntoView {
    let mut head = Vec::new();
    let mut sections: Vec<(&'static str, Vec<Block>)> = Vec::new();
    for block in document(&report, &UiFormatter) {
        match (&block, sections.last_mut()) {
            (Block::Heading { key, .. }, _) => sections.push((key, vec![block])),
            (_, Some((_, section))) => section.push(block),
            (_, None) => head.push(block),
        }
    }
    view! {
        // Focusable, so the keyboard can scroll it sideways on a narrow screen.
        <article class="report__page" aria-labelledby="report-title" tabindex="0">
            <header class="report__head">{head.into_iter().map(report_block).collect_view()}</header>
            {sections
                .into_iter()
                .map(|(key, blocks)| {
                    view! {
                        <section class="report__section" aria-labelledby=format!("report-{key}")>
                            {blocks.into_iter().map(report_block).collect_view()}
                        </section>
                    }
                })
                .collect_view()}
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
            {move || report.get().map(report_page)}
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
