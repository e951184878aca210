//! The status report: a [`StatusReport`] value assembled at a status date from health, schedule,
//! budget, scope, progress and risks; its [`document`] of worded blocks; and two pure renderers
//! of that document, [`to_markdown`] and [`to_html`] (the third, the page, is `ui::report`).
//!
//! The report period runs from the previous report (the last one recorded before the status
//! date, inclusive) or the project start, to the status date. Figures are formatted through a
//! [`Formatter`] so the UI can pass the user's locale; the English words live in `document.rs`,
//! and the renderers only escape and lay out. Recording that a report was issued is
//! `Project::record_report`.

mod document;
mod html;
mod markdown;

pub use document::{
    change_label, document, impact_label, kind_label, signed_percent, Align, Block, Cell, Table,
    TableColumn, NOT_AVAILABLE,
};
pub use html::{escape_html, to_html};
pub use markdown::{escape_markdown, to_markdown};

use crate::model::calendar::shift;
use crate::model::cost::{leaf_tasks, planned_cost, project_actual_cost, PreciseMoney, Rates};
use crate::model::earned_value::{earned_value, EvmFigures};
use crate::model::forecast::{schedule_forecast, ScheduleForecast};
use crate::model::health::{health, Health};
use crate::model::ids::{PersonId, ProjectId, RiskId, TaskId};
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::risk::{Impact, RiskKind};
use crate::model::scope::{changes_since, scope_growth, ScopeChange, ScopeGrowth};
use crate::model::task::Task;
use crate::model::units::{Currency, Money};
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::PlainFormatter;
    use crate::model::ids::RiskId;
    use crate::model::testing::{date, TestPlan};
    use crate::model::{ColumnCategory, Risk};

    fn risk(plan: &mut TestPlan, title: &str, impact: Impact, due: Option<&str>, closed: bool) {
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

    fn sample() -> TestPlan {
        let mut plan = TestPlan::new("2026-03-02");
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
                "## Schedule and milestones",
                "## Budget",
                "## Scope changes since the last report",
                "## Done this period",
                "## Planned for the next two weeks",
                "## Top risks and issues",
            ]
        );
    }

    /// Every table row of a Markdown report, cells unescaped, status labels without emphasis.
    fn markdown_rows(markdown: &str) -> Vec<Vec<String>> {
        markdown
            .lines()
            .filter(|line| line.starts_with("| ") && !line.starts_with("| ---"))
            .map(|line| {
                let mut cells = Vec::new();
                let mut cell = String::new();
                let mut chars = line.trim_start_matches("| ").trim_end_matches(" |").chars();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => cell.extend(chars.next()),
                        '|' => cells.push(std::mem::take(&mut cell)),
                        _ => cell.push(c),
                    }
                }
                cells.push(cell);
                cells
                    .iter()
                    .map(|cell| cell.trim().trim_matches('*').to_string())
                    .collect()
            })
            .collect()
    }

    /// Every table row of an HTML report, tags stripped and references decoded.
    fn html_rows(html: &str) -> Vec<Vec<String>> {
        let strip = |cell: &str| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in cell.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    _ if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        };
        html.split("<tr>")
            .skip(1)
            .map(|row| {
                let mut cells = Vec::new();
                let mut rest = &row[..row.find("</tr>").expect("rows close")];
                while let Some(open) = rest.find("<t") {
                    let cell = &rest[open..];
                    let start = cell.find('>').expect("tags close") + 1;
                    let end = cell.find("</t").expect("cells close");
                    cells.push(strip(&cell[start..end]));
                    rest = &cell[end + "</td>".len()..];
                }
                cells
            })
            .collect()
    }

    /// Every row of the document's tables, headings first, as the words they show.
    fn document_rows(blocks: &[Block]) -> Vec<Vec<String>> {
        blocks
            .iter()
            .filter_map(|block| match block {
                Block::Table(table) => Some(table),
                _ => None,
            })
            .flat_map(|table| {
                let headings = table
                    .columns
                    .iter()
                    .map(|column| column.heading.clone())
                    .collect();
                std::iter::once(headings).chain(
                    table
                        .rows
                        .iter()
                        .map(|row| row.iter().map(|cell| cell.text().to_string()).collect()),
                )
            })
            .collect()
    }

    #[test]
    fn the_page_and_both_exports_show_the_same_figures() {
        let mut plan = sample();
        plan.task(
            "Fix *all* | the <b>links</b>",
            "2026-03-09",
            "2026-03-10",
            4,
            None,
        );
        let report = status_report(plan.project(), plan.workspace.people(), date("2026-03-06"));
        let blocks = document(&report, &PlainFormatter);
        let rows = document_rows(&blocks);
        assert_eq!(markdown_rows(&to_markdown(&report, &PlainFormatter)), rows);
        assert_eq!(html_rows(&to_html(&report, &PlainFormatter)), rows);
        let figure = |name: &str| {
            rows.iter()
                .find(|row| row[0] == name)
                .map(|row| row[1].clone())
        };
        assert_eq!(
            figure("Estimate to complete (ETC)").as_deref(),
            Some("EUR 2,000.00")
        );
        assert_eq!(
            figure("Variance at completion (VAC)").as_deref(),
            Some("EUR 2,800.00")
        );
    }
}
