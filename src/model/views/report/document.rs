//! The status report as a document: a list of blocks (the title, headings, paragraphs and
//! tables of figures, tasks and risks), already worded and formatted through a [`Formatter`].
//!
//! The Leptos view (`ui::report`), [`super::to_html`] and [`super::to_markdown`] each lay out
//! the same blocks, so the page, its print and both exports show the same figures in the same
//! words. Every English word of the report is here, and the UI uses these labels too.

use super::{ReportTask, StatusReport};
use crate::model::format::{Decimal, Formatter};
use crate::model::health::{Reason, Status};
use crate::model::ratio::{Ratio, Rounding};
use crate::model::risk::{Impact, RiskKind};
use crate::model::scope::ScopeChangeKind;
use crate::model::units::Money;
use chrono::NaiveDate;

/// How a column's cells line up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    /// Figures: right-aligned, tabular digits.
    Right,
}

/// One table cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A health verdict: style key ("green", "amber", "red", "untracked") and its label.
    Status {
        key: &'static str,
        label: String,
    },
}

impl Cell {
    /// The words the cell shows.
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(text) => text,
            Cell::Status { label, .. } => label,
        }
    }
}

/// A column of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableColumn {
    pub heading: String,
    pub align: Align,
}

/// A table of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// What the table holds, as its accessible name ("Budget figures").
    pub caption: String,
    pub columns: Vec<TableColumn>,
    /// The column whose cell names its row (a row header on screen).
    pub row_header: usize,
    /// Rows of cells, one per column.
    pub rows: Vec<Vec<Cell>>,
}

/// One piece of the report, already worded and formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Title(String),
    /// A section heading; `key` names the section ("health", "budget", …) for anchors.
    Heading {
        key: &'static str,
        text: String,
    },
    Paragraph(String),
    Table(Table),
}

/// "n/a": a figure that cannot be computed.
pub const NOT_AVAILABLE: &str = "n/a";

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

/// "Added", "Removed" or "Re-estimated".
pub fn change_label(kind: ScopeChangeKind) -> &'static str {
    match kind {
        ScopeChangeKind::Added => "Added",
        ScopeChangeKind::Removed => "Removed",
        ScopeChangeKind::Reestimated => "Re-estimated",
    }
}

/// A change in percent with its sign: "+12.5%", "-3%", "0%".
pub fn signed_percent(change: Ratio, format: &dyn Formatter) -> String {
    let shown = change.percent(1, Rounding::HalfAwayFromZero);
    let sign = if shown.units > 0 { "+" } else { "" };
    format!("{sign}{}", format.percent(shown))
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

fn table(
    caption: &str,
    headings: &[(&str, Align)],
    row_header: usize,
    rows: Vec<Vec<Cell>>,
) -> Block {
    Block::Table(Table {
        caption: caption.to_string(),
        columns: headings
            .iter()
            .map(|(heading, align)| TableColumn {
                heading: heading.to_string(),
                align: *align,
            })
            .collect(),
        row_header,
        rows,
    })
}

fn heading(key: &'static str, text: &str) -> Block {
    Block::Heading {
        key,
        text: text.to_string(),
    }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph(text.to_string())
}

fn whole(value: i64) -> Decimal {
    Decimal {
        units: i128::from(value),
        decimals: 0,
    }
}

/// The report as worded blocks, in reading order.
pub fn document(report: &StatusReport, format: &dyn Formatter) -> Vec<Block> {
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
    blocks.push(heading("health", "Health"));
    blocks.push(table(
        "Health",
        &[
            ("Area", Align::Left),
            ("Status", Align::Left),
            ("Why", Align::Left),
        ],
        0,
        report
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
    ));

    // Schedule.
    let finish = &report.schedule.finish;
    blocks.push(heading("schedule", "Schedule and milestones"));
    blocks.push(Block::Paragraph(format!(
        "Forecast finish: {}. Baseline finish: {}. Deadline: {}. Slip: {}.",
        maybe_date(finish.forecast),
        maybe_date(finish.baseline),
        maybe_date(finish.deadline),
        match finish.slip_days {
            Some(slip) => format!("{} working days", format.number(whole(slip))),
            None => NOT_AVAILABLE.to_string(),
        },
    )));
    if report.schedule.milestones.is_empty() {
        blocks.push(paragraph("The plan has no milestones."));
    } else {
        blocks.push(table(
            "Milestones",
            &[
                ("Milestone", Align::Left),
                ("Baseline", Align::Left),
                ("Forecast", Align::Left),
                ("Slip (working days)", Align::Right),
                ("State", Align::Left),
            ],
            0,
            report
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
        ));
    }

    // Budget.
    let budget = &report.budget;
    let earned = budget.earned.as_ref();
    let mut figures = vec![
        (
            "Budget",
            budget.budget.map(money).unwrap_or("Not set".into()),
        ),
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
    blocks.push(heading("budget", "Budget"));
    blocks.push(table(
        "Budget figures",
        &[("Figure", Align::Left), ("Amount", Align::Right)],
        0,
        figures
            .into_iter()
            .map(|(name, value)| vec![text(name), text(value)])
            .collect(),
    ));
    if earned.is_none() {
        blocks.push(paragraph("Earned value needs a baseline; none is set yet."));
    }

    // Scope.
    blocks.push(heading("scope", "Scope changes since the last report"));
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
        blocks.push(paragraph("No scope changes in this period."));
    } else {
        blocks.push(table(
            "Scope changes",
            &[
                ("Date", Align::Left),
                ("Task", Align::Left),
                ("Change", Align::Left),
                ("Hours before", Align::Right),
                ("Hours after", Align::Right),
                ("Cost change", Align::Right),
                ("Reason", Align::Left),
            ],
            1,
            report
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
        ));
    }

    // Done and next.
    let assignee = |task: &ReportTask| task.assignee.clone().unwrap_or("Unassigned".into());
    blocks.push(heading("done", "Done this period"));
    if report.done.is_empty() {
        blocks.push(paragraph("Nothing was completed in this period."));
    } else {
        blocks.push(table(
            "Done this period",
            &[
                ("Task", Align::Left),
                ("Assignee", Align::Left),
                ("Completed", Align::Left),
            ],
            0,
            report
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
        ));
    }
    blocks.push(heading("next", "Planned for the next two weeks"));
    if report.planned_next.is_empty() {
        blocks.push(paragraph("No tasks start or end in the next two weeks."));
    } else {
        blocks.push(table(
            "Planned next",
            &[
                ("Task", Align::Left),
                ("Assignee", Align::Left),
                ("Start", Align::Left),
                ("End", Align::Left),
            ],
            0,
            report
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
        ));
    }

    // Risks.
    blocks.push(heading("risks", "Top risks and issues"));
    if report.risks.is_empty() {
        blocks.push(paragraph("No open risks or issues."));
    } else {
        blocks.push(table(
            "Top risks and issues",
            &[
                ("Kind", Align::Left),
                ("Title", Align::Left),
                ("Impact", Align::Left),
                ("Owner", Align::Left),
                ("Due", Align::Left),
            ],
            1,
            report
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
        ));
    }
    blocks
}
