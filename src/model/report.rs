//! The status report: a [`StatusReport`] value assembled at a status date from health, schedule,
//! budget, scope, progress and risks, and two pure renderers, [`to_markdown`] and [`to_html`].
//!
//! The report period runs from the previous report (the last one recorded before the status
//! date, inclusive) or the project start, to the status date. Figures are formatted through a
//! [`Formatter`] so the UI can pass the user's locale; the English words live in
//! [`document`]'s helpers, shared by both renderers, which only escape and lay out. The HTML is
//! one self-contained document: inline style, no scripts, no external resources, and every
//! piece of text escaped. Recording that a report was issued is `Project::record_report`.

use super::calendar::shift;
use super::cost::{leaf_tasks, planned_cost, project_actual_cost, PreciseMoney, Rates};
use super::earned_value::{earned_value, EvmFigures};
use super::forecast::{schedule_forecast, ScheduleForecast};
use super::format::{Decimal, Formatter};
use super::health::{health, Health, Reason, Status};
use super::ids::{PersonId, ProjectId, RiskId, TaskId};
use super::person::Person;
use super::project::Project;
use super::ratio::{Ratio, Rounding};
use super::risk::{Impact, RiskKind};
use super::scope::{changes_since, scope_growth, ScopeChange, ScopeChangeKind, ScopeGrowth};
use super::task::Task;
use super::units::{Currency, Money};
use chrono::NaiveDate;

/// Calendar days after the status date that "planned next" looks at.
pub const PLANNED_NEXT_DAYS: i64 = 14;
/// Most risks and issues a report lists.
pub const MAX_RISKS: usize = 10;

/// A task as the report lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportTask {
    pub task: TaskId,
    pub title: String,
    /// The assignee's name.
    pub assignee: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub completed: Option<NaiveDate>,
    pub milestone: bool,
}

/// An open risk or issue as the report lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRisk {
    pub risk: RiskId,
    pub kind: RiskKind,
    pub title: String,
    pub impact: Impact,
    /// The owner's name.
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
}

/// Money figures of the report, in minor units of `currency`, each rounded once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BudgetFigures {
    pub currency: Currency,
    /// The approved budget, when one is set.
    pub budget: Option<Money>,
    /// Σ planned cost of leaf tasks at current rates.
    pub planned: Money,
    /// Actual cost to the status date.
    pub actual: Money,
    /// Budget minus actual cost.
    pub remaining: Option<Money>,
    /// Earned value figures, when there is a baseline.
    pub earned: Option<EvmFigures>,
}

/// Scope against the baseline and the changes of the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeSummary {
    /// Estimated hours against the baseline; `None` without one.
    pub growth: Option<ScopeGrowth>,
    /// Scope log entries of the report period, oldest first.
    pub changes: Vec<ScopeChange>,
}

/// Everything a status report says, as data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusReport {
    pub project: ProjectId,
    pub project_name: String,
    pub status_date: NaiveDate,
    /// The last report issued before the status date.
    pub previous_report: Option<NaiveDate>,
    /// First day of the period: the previous report, or the project start.
    pub period_start: NaiveDate,
    pub health: Health,
    /// Finish and milestones against baseline and deadline.
    pub schedule: ScheduleForecast,
    pub budget: BudgetFigures,
    pub scope: ScopeSummary,
    /// Tasks completed in the period, by completion date.
    pub done: Vec<ReportTask>,
    /// Open tasks starting or ending in the [`PLANNED_NEXT_DAYS`] after the status date, by end.
    pub planned_next: Vec<ReportTask>,
    /// Open risks and issues, highest impact first, then soonest due; at most [`MAX_RISKS`].
    pub risks: Vec<ReportRisk>,
}

fn name_of(people: &[Person], id: Option<PersonId>) -> Option<String> {
    id.and_then(|id| people.iter().find(|person| person.id == id))
        .map(|person| person.name.clone())
}

fn report_task(task: &Task, people: &[Person]) -> ReportTask {
    ReportTask {
        task: task.id,
        title: task.title.clone(),
        assignee: name_of(people, task.assignee),
        start: task.start,
        end: task.end,
        completed: task.completed,
        milestone: task.milestone,
    }
}

/// The status report of `project` at `status_date`; `people` give names and rates.
pub fn status_report(project: &Project, people: &[Person], status_date: NaiveDate) -> StatusReport {
    let previous_report = project
        .reports()
        .iter()
        .rev()
        .find(|day| **day < status_date)
        .copied();
    let period_start = previous_report.unwrap_or(project.start);
    let rates = Rates::new(people);

    let planned: PreciseMoney = leaf_tasks(project)
        .map(|task| planned_cost(task, &rates))
        .sum();
    let actual = project_actual_cost(project, &rates, Some(status_date));
    let budget = Some(project.budget.amount).filter(|amount| *amount != Money::ZERO);

    let mut done: Vec<ReportTask> = leaf_tasks(project)
        .filter(|task| project.is_done(task))
        .filter(|task| {
            task.completed
                .is_some_and(|day| day >= period_start && day <= status_date)
        })
        .map(|task| report_task(task, people))
        .collect();
    done.sort_by_key(|task| task.completed);

    let horizon = shift(status_date, PLANNED_NEXT_DAYS);
    let ahead = |day: NaiveDate| day > status_date && day <= horizon;
    let mut planned_next: Vec<ReportTask> = leaf_tasks(project)
        .filter(|task| !project.is_done(task))
        .filter(|task| ahead(task.start) || ahead(task.end))
        .map(|task| report_task(task, people))
        .collect();
    planned_next.sort_by_key(|task| (task.end, task.start));

    let mut risks: Vec<ReportRisk> = project
        .risks()
        .iter()
        .filter(|risk| !risk.closed)
        .map(|risk| ReportRisk {
            risk: risk.id,
            kind: risk.kind,
            title: risk.title.clone(),
            impact: risk.impact,
            owner: name_of(people, risk.owner),
            due: risk.due,
        })
        .collect();
    risks.sort_by_key(|risk| (std::cmp::Reverse(risk.impact), risk.due.is_none(), risk.due));
    risks.truncate(MAX_RISKS);

    StatusReport {
        project: project.id,
        project_name: project.name.clone(),
        status_date,
        previous_report,
        period_start,
        health: health(project, people, status_date),
        schedule: schedule_forecast(project),
        budget: BudgetFigures {
            currency: project.budget.currency,
            budget,
            planned: planned.rounded(),
            actual: actual.rounded(),
            remaining: budget.map(|budget| (PreciseMoney::from_money(budget) - actual).rounded()),
            earned: earned_value(project, people, status_date).map(|value| value.figures),
        },
        scope: ScopeSummary {
            growth: scope_growth(project),
            changes: changes_since(project, previous_report, status_date)
                .cloned()
                .collect(),
        },
        done,
        planned_next,
        risks,
    }
}

// ----- The document both renderers lay out -----

/// How a column's cells line up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// One table cell.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Cell {
    Text(String),
    /// A health verdict: style key ("green", "amber", "red", "untracked") and its label.
    Status {
        key: &'static str,
        label: String,
    },
}

/// One piece of the report, already worded and formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    Table {
        /// Column headings and alignment.
        columns: Vec<(String, Align)>,
        rows: Vec<Vec<Cell>>,
    },
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn status_cell(status: &Status) -> Cell {
    Cell::Status {
        key: match status.reason {
            Reason::NoBaseline(_) => "untracked",
            _ => status.rag.key(),
        },
        label: status.label().to_string(),
    }
}

fn columns(headings: &[(&str, Align)]) -> Vec<(String, Align)> {
    headings
        .iter()
        .map(|(heading, align)| (heading.to_string(), *align))
        .collect()
}

const NOT_AVAILABLE: &str = "n/a";

fn kind_label(kind: RiskKind) -> &'static str {
    match kind {
        RiskKind::Risk => "Risk",
        RiskKind::Issue => "Issue",
    }
}

fn impact_label(impact: Impact) -> &'static str {
    match impact {
        Impact::Low => "Low",
        Impact::Medium => "Medium",
        Impact::High => "High",
    }
}

fn change_label(kind: ScopeChangeKind) -> &'static str {
    match kind {
        ScopeChangeKind::Added => "Added",
        ScopeChangeKind::Removed => "Removed",
        ScopeChangeKind::Reestimated => "Re-estimated",
    }
}

fn signed_percent(change: Ratio, format: &dyn Formatter) -> String {
    let shown = change.percent(1, Rounding::HalfAwayFromZero);
    let sign = if shown.units > 0 { "+" } else { "" };
    format!("{sign}{}", format.percent(shown))
}

fn whole(value: i64) -> Decimal {
    Decimal {
        units: i128::from(value),
        decimals: 0,
    }
}

/// The report as worded blocks; every English word of the report is here.
fn document(report: &StatusReport, format: &dyn Formatter) -> Vec<Block> {
    let currency = report.budget.currency;
    let money = |amount: Money| format.money(amount, currency);
    let maybe_money = |amount: Option<Money>| amount.map(money).unwrap_or(NOT_AVAILABLE.into());
    let maybe_date = |day: Option<NaiveDate>| {
        day.map(|day| format.date(day))
            .unwrap_or(NOT_AVAILABLE.into())
    };
    let index = |ratio: Option<Ratio>| {
        ratio
            .map(|ratio| format.number(ratio.decimal(2, Rounding::HalfAwayFromZero)))
            .unwrap_or(NOT_AVAILABLE.into())
    };
    let days = |value: Option<i64>| {
        value
            .map(|value| format.number(whole(value)))
            .unwrap_or(NOT_AVAILABLE.into())
    };
    let mut blocks = vec![
        Block::Title(format!("Status report: {}", report.project_name)),
        Block::Paragraph(format!(
            "Status date: {}. {}",
            format.date(report.status_date),
            match report.previous_report {
                Some(previous) => format!(
                    "This report covers {} to {}.",
                    format.date(previous),
                    format.date(report.status_date)
                ),
                None => format!(
                    "First report: it covers {} to {}.",
                    format.date(report.period_start),
                    format.date(report.status_date)
                ),
            }
        )),
    ];

    // Health.
    blocks.push(Block::Heading("Health".into()));
    blocks.push(Block::Table {
        columns: columns(&[
            ("Area", Align::Left),
            ("Status", Align::Left),
            ("Why", Align::Left),
        ]),
        rows: report
            .health
            .aspects()
            .into_iter()
            .map(|(aspect, status)| {
                vec![
                    text(aspect.label()),
                    status_cell(status),
                    text(status.sentence(format)),
                ]
            })
            .collect(),
    });

    // Schedule.
    let finish = &report.schedule.finish;
    blocks.push(Block::Heading("Schedule".into()));
    blocks.push(Block::Paragraph(format!(
        "Forecast finish: {}. Baseline finish: {}. Deadline: {}. Slip: {} working days.",
        maybe_date(finish.forecast),
        maybe_date(finish.baseline),
        maybe_date(finish.deadline),
        days(finish.slip_days),
    )));
    if report.schedule.milestones.is_empty() {
        blocks.push(Block::Paragraph("The plan has no milestones.".into()));
    } else {
        blocks.push(Block::Table {
            columns: columns(&[
                ("Milestone", Align::Left),
                ("Baseline", Align::Left),
                ("Forecast", Align::Left),
                ("Slip (working days)", Align::Right),
                ("State", Align::Left),
            ]),
            rows: report
                .schedule
                .milestones
                .iter()
                .map(|milestone| {
                    vec![
                        text(milestone.title.clone()),
                        text(maybe_date(milestone.baseline)),
                        text(format.date(milestone.forecast)),
                        text(days(milestone.slip_days)),
                        text(if milestone.done {
                            "Reached"
                        } else if milestone.after_deadline {
                            "After the deadline"
                        } else {
                            "Open"
                        }),
                    ]
                })
                .collect(),
        });
    }

    // Budget.
    let budget = &report.budget;
    let earned = budget.earned.as_ref();
    let mut figures = vec![
        ("Budget", maybe_money(budget.budget)),
        ("Planned cost (current plan)", money(budget.planned)),
        ("Actual cost (AC)", money(budget.actual)),
        ("Budget remaining", maybe_money(budget.remaining)),
    ];
    if let Some(earned) = earned {
        figures.extend([
            ("Budget at completion (BAC)", money(earned.bac)),
            ("Planned value (PV)", money(earned.pv)),
            ("Earned value (EV)", money(earned.ev)),
            ("Cost variance (CV)", money(earned.cv)),
            ("Schedule variance (SV)", money(earned.sv)),
            ("Cost performance index (CPI)", index(earned.cpi)),
            ("Schedule performance index (SPI)", index(earned.spi)),
            ("Estimate at completion (EAC)", maybe_money(earned.eac)),
            ("Estimate to complete (ETC)", maybe_money(earned.etc)),
            ("Variance at completion (VAC)", maybe_money(earned.vac)),
        ]);
    }
    blocks.push(Block::Heading("Budget".into()));
    blocks.push(Block::Table {
        columns: columns(&[("Figure", Align::Left), ("Amount", Align::Right)]),
        rows: figures
            .into_iter()
            .map(|(name, value)| vec![text(name), text(value)])
            .collect(),
    });
    if earned.is_none() {
        blocks.push(Block::Paragraph(
            "Earned value needs a baseline; none is set yet.".into(),
        ));
    }

    // Scope.
    blocks.push(Block::Heading("Scope".into()));
    blocks.push(Block::Paragraph(match &report.scope.growth {
        None => "No baseline yet, so scope changes are not tracked.".to_string(),
        Some(growth) => format!(
            "Estimated work: {} now, {} in the baseline{}.",
            format.hours(growth.current_hours),
            format.hours(growth.baseline_hours),
            growth
                .change
                .map(|change| format!(" ({})", signed_percent(change, format)))
                .unwrap_or_default()
        ),
    }));
    if report.scope.changes.is_empty() {
        blocks.push(Block::Paragraph("No scope changes in this period.".into()));
    } else {
        blocks.push(Block::Table {
            columns: columns(&[
                ("Date", Align::Left),
                ("Task", Align::Left),
                ("Change", Align::Left),
                ("Hours before", Align::Right),
                ("Hours after", Align::Right),
                ("Cost change", Align::Right),
                ("Reason", Align::Left),
            ]),
            rows: report
                .scope
                .changes
                .iter()
                .map(|change| {
                    vec![
                        text(format.date(change.date)),
                        text(change.title.clone()),
                        text(change_label(change.kind)),
                        text(format.hours(change.hours_before)),
                        text(format.hours(change.hours_after)),
                        text(money(change.delta_cost)),
                        text(change.reason.clone()),
                    ]
                })
                .collect(),
        });
    }

    // Done and next.
    let assignee = |task: &ReportTask| task.assignee.clone().unwrap_or("Unassigned".into());
    blocks.push(Block::Heading("Done this period".into()));
    if report.done.is_empty() {
        blocks.push(Block::Paragraph(
            "Nothing was completed in this period.".into(),
        ));
    } else {
        blocks.push(Block::Table {
            columns: columns(&[
                ("Task", Align::Left),
                ("Assignee", Align::Left),
                ("Completed", Align::Left),
            ]),
            rows: report
                .done
                .iter()
                .map(|task| {
                    vec![
                        text(task.title.clone()),
                        text(assignee(task)),
                        text(maybe_date(task.completed)),
                    ]
                })
                .collect(),
        });
    }
    blocks.push(Block::Heading("Planned for the next two weeks".into()));
    if report.planned_next.is_empty() {
        blocks.push(Block::Paragraph(
            "No tasks start or end in the next two weeks.".into(),
        ));
    } else {
        blocks.push(Block::Table {
            columns: columns(&[
                ("Task", Align::Left),
                ("Assignee", Align::Left),
                ("Start", Align::Left),
                ("End", Align::Left),
            ]),
            rows: report
                .planned_next
                .iter()
                .map(|task| {
                    vec![
                        text(task.title.clone()),
                        text(assignee(task)),
                        text(format.date(task.start)),
                        text(format.date(task.end)),
                    ]
                })
                .collect(),
        });
    }

    // Risks.
    blocks.push(Block::Heading("Top risks and issues".into()));
    if report.risks.is_empty() {
        blocks.push(Block::Paragraph("No open risks or issues.".into()));
    } else {
        blocks.push(Block::Table {
            columns: columns(&[
                ("Kind", Align::Left),
                ("Title", Align::Left),
                ("Impact", Align::Left),
                ("Owner", Align::Left),
                ("Due", Align::Left),
            ]),
            rows: report
                .risks
                .iter()
                .map(|risk| {
                    vec![
                        text(kind_label(risk.kind)),
                        text(risk.title.clone()),
                        text(impact_label(risk.impact)),
                        text(risk.owner.clone().unwrap_or("Nobody".into())),
                        text(maybe_date(risk.due)),
                    ]
                })
                .collect(),
        });
    }
    blocks
}

// ----- Markdown -----

/// `text` as inline Markdown that shows literally: every character Markdown could read as syntax
/// is backslash-escaped, and line breaks become spaces (cells and headings are one line).
pub fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' | '\r' | '\t' => escaped.push(' '),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// The report as GitHub-flavoured Markdown.
pub fn to_markdown(report: &StatusReport, format: &dyn Formatter) -> String {
    let mut out = String::new();
    for block in document(report, format) {
        match block {
            Block::Title(title) => out.push_str(&format!("# {}\n\n", escape_markdown(&title))),
            Block::Heading(heading) => {
                out.push_str(&format!("## {}\n\n", escape_markdown(&heading)))
            }
            Block::Paragraph(paragraph) => {
                out.push_str(&format!("{}\n\n", escape_markdown(&paragraph)))
            }
            Block::Table { columns, rows } => {
                let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
                out.push_str(&line(
                    columns
                        .iter()
                        .map(|(heading, _)| escape_markdown(heading))
                        .collect(),
                ));
                out.push_str(&line(
                    columns
                        .iter()
                        .map(|(_, align)| match align {
                            Align::Left => "---".to_string(),
                            Align::Right => "---:".to_string(),
                        })
                        .collect(),
                ));
                for row in rows {
                    out.push_str(&line(
                        row.iter()
                            .map(|cell| match cell {
                                Cell::Text(value) => escape_markdown(value),
                                Cell::Status { label, .. } => {
                                    format!("**{}**", escape_markdown(label))
                                }
                            })
                            .collect(),
                    ));
                }
                out.push('\n');
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

// ----- HTML -----

/// `text` safe to place in HTML text and in quoted attribute values: `&`, `<`, `>`, `"` and `'`
/// become character references.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Inline style of the HTML report: readable on screen and on paper, status colours with
/// dark text on light fills (each also labelled in words).
const HTML_STYLE: &str = "\
body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#1b1b1b;\
background:#fff;line-height:1.5;max-width:60rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem;\
border-bottom:1px solid #d0d0d0;padding-bottom:.2rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}\
th,td{border:1px solid #d0d0d0;padding:.35rem .6rem;text-align:left;vertical-align:top}\
th{background:#f2f2f2}.num{text-align:right;font-variant-numeric:tabular-nums}\
.rag{display:inline-block;padding:.05rem .55rem;border-radius:.8rem;font-weight:600;\
white-space:nowrap;border:1px solid currentColor}\
.rag--green{background:#dcf1e0;color:#0f4d1c}.rag--amber{background:#fdecc8;color:#5c3b00}\
.rag--red{background:#f9d5d3;color:#7a1410}.rag--untracked{background:#ececec;color:#333}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

/// The report as one self-contained HTML document: inline style, no scripts, no external
/// resources; all text escaped.
pub fn to_html(report: &StatusReport, format: &dyn Formatter) -> String {
    let blocks = document(report, format);
    let title = blocks
        .iter()
        .find_map(|block| match block {
            Block::Title(title) => Some(title.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{} ({})</title>\n",
        escape_html(&title),
        escape_html(&format.date(report.status_date))
    ));
    out.push_str(&format!("<style>{HTML_STYLE}</style>\n</head>\n<body>\n"));
    for block in blocks {
        match block {
            Block::Title(title) => out.push_str(&format!("<h1>{}</h1>\n", escape_html(&title))),
            Block::Heading(heading) => {
                out.push_str(&format!("<h2>{}</h2>\n", escape_html(&heading)))
            }
            Block::Paragraph(paragraph) => {
                out.push_str(&format!("<p>{}</p>\n", escape_html(&paragraph)))
            }
            Block::Table { columns, rows } => {
                let class = |align: Align| match align {
                    Align::Left => "",
                    Align::Right => " class=\"num\"",
                };
                out.push_str("<table>\n<thead><tr>");
                for (heading, align) in &columns {
                    out.push_str(&format!(
                        "<th scope=\"col\"{}>{}</th>",
                        class(*align),
                        escape_html(heading)
                    ));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for (cell, (_, align)) in row.iter().zip(&columns) {
                        let content = match cell {
                            Cell::Text(value) => escape_html(value),
                            Cell::Status { key, label } => format!(
                                "<span class=\"rag rag--{}\">{}</span>",
                                escape_html(key),
                                escape_html(label)
                            ),
                        };
                        out.push_str(&format!("<td{}>{content}</td>", class(*align)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::PlainFormatter;
    use crate::model::ids::RiskId;
    use crate::model::testing::{date, Plan};
    use crate::model::{ColumnCategory, Risk};

    fn risk(plan: &mut Plan, title: &str, impact: Impact, due: Option<&str>, closed: bool) {
        let risk = Risk {
            id: RiskId::new(plan.ids()),
            kind: RiskKind::Risk,
            title: title.to_string(),
            owner: None,
            impact,
            due: due.map(date),
            closed,
        };
        plan.project_mut().add_risk(risk).expect("valid risk");
    }

    fn sample() -> Plan {
        let mut plan = Plan::new("2026-03-02");
        plan.budget(1_000_000);
        let ada = plan.person("Ada", 10_000);
        let design = plan.task("Design", "2026-03-02", "2026-03-04", 16, Some(ada));
        plan.task("Build", "2026-03-05", "2026-03-13", 40, Some(ada));
        plan.task("Later", "2026-05-04", "2026-05-08", 8, None);
        plan.milestone("Go live", "2026-03-16");
        plan.baseline("2026-03-02");
        plan.project_mut()
            .record_report(date("2026-03-03"))
            .expect("valid day");
        plan.log(design, ada, "2026-03-03", 800);
        plan.move_to(design, ColumnCategory::Done, "2026-03-04");
        risk(
            &mut plan,
            "Vendor late",
            Impact::Medium,
            Some("2026-03-20"),
            false,
        );
        risk(&mut plan, "Key person leaves", Impact::High, None, false);
        risk(
            &mut plan,
            "Budget cut",
            Impact::High,
            Some("2026-04-01"),
            false,
        );
        risk(
            &mut plan,
            "Old worry",
            Impact::High,
            Some("2026-03-01"),
            true,
        );
        plan
    }

    #[test]
    fn the_report_gathers_the_period_the_plan_ahead_and_the_top_risks() {
        let plan = sample();
        let report = status_report(plan.project(), plan.workspace.people(), date("2026-03-06"));
        assert_eq!(report.previous_report, Some(date("2026-03-03")));
        assert_eq!(report.period_start, date("2026-03-03"));
        let done: Vec<&str> = report.done.iter().map(|task| task.title.as_str()).collect();
        assert_eq!(done, vec!["Design"]);
        assert_eq!(report.done[0].assignee.as_deref(), Some("Ada"));
        let next: Vec<&str> = report
            .planned_next
            .iter()
            .map(|task| task.title.as_str())
            .collect();
        assert_eq!(next, vec!["Build", "Go live"]);
        let risks: Vec<&str> = report
            .risks
            .iter()
            .map(|risk| risk.title.as_str())
            .collect();
        assert_eq!(
            risks,
            vec!["Budget cut", "Key person leaves", "Vendor late"]
        );
        assert_eq!(report.budget.actual, Money(80_000));
        assert_eq!(report.budget.planned, Money(560_000));
        assert_eq!(report.budget.budget, Some(Money(1_000_000)));
        assert_eq!(report.budget.remaining, Some(Money(920_000)));
        let earned = report.budget.earned.expect("baseline set");
        assert_eq!(earned.bac, Money(560_000));
        assert_eq!(earned.ev, Money(160_000));
    }

    #[test]
    fn html_escaping_neutralises_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn markdown_escaping_keeps_titles_literal() {
        assert_eq!(
            escape_markdown("Fix *all* | the [links](x) <b>"),
            "Fix \\*all\\* \\| the \\[links\\](x) \\<b\\>"
        );
    }

    #[test]
    fn a_hostile_task_title_cannot_inject_script_into_the_html_report() {
        let mut plan = sample();
        plan.task(
            "<script>alert('pwned')</script> \"quoted\"",
            "2026-03-09",
            "2026-03-10",
            4,
            None,
        );
        let report = status_report(plan.project(), plan.workspace.people(), date("2026-03-06"));
        let html = to_html(&report, &PlainFormatter);
        assert!(!html.contains("<script"));
        assert!(
            html.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &quot;quoted&quot;")
        );
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<style>"));
        assert!(!html.contains("src="));
        assert!(!html.contains("href="));
    }

    #[test]
    fn the_markdown_report_reads_top_to_bottom() {
        let plan = sample();
        let report = status_report(plan.project(), plan.workspace.people(), date("2026-03-06"));
        let markdown = to_markdown(&report, &PlainFormatter);
        assert!(markdown.starts_with("# Status report: Intranet\n"));
        assert!(markdown.contains("| Budget | **On track** | On track: CPI 2.00. |"));
        assert!(markdown.contains("| Budget at completion (BAC) | EUR 5,600.00 |"));
        // Build's 4,000.00 over seven working days, two of them gone: 1,142.857… → 1,142.86.
        assert!(markdown.contains("| Planned value (PV) | EUR 2,742.86 |"));
        assert!(markdown.contains("| Design | Ada | 2026-03-04 |"));
        let headings: Vec<&str> = markdown
            .lines()
            .filter(|line| line.starts_with("## "))
            .collect();
        assert_eq!(
            headings,
            vec![
                "## Health",
                "## Schedule",
                "## Budget",
                "## Scope",
                "## Done this period",
                "## Planned for the next two weeks",
                "## Top risks and issues",
            ]
        );
    }
}
