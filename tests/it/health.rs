//! Scenarios for cost, earned value, scope, health, workload and the status report, built only
//! through the model's public commands, as the store would build them.

use crate::testing::date;
use chrono::{NaiveDate, Weekday};
use ironplan::model::cost::project_cost;
use ironplan::model::earned_value::{earned_value, series};
use ironplan::model::health::health;
use ironplan::model::ids::{BaselineId, RiskId, SequentialIds, TimeEntryId};
use ironplan::model::report::{status_report, to_html, to_markdown};
use ironplan::model::scope::{record_changes, scope_growth, ScopeChangeKind};
use ironplan::model::workload::{workload, WorkloadScope};
use ironplan::model::{
    Baseline, ColumnCategory, Currency, Hours, Impact, Money, Person, PersonId, PlainFormatter,
    Progress, Project, ProjectId, Rag, Ratio, Risk, RiskKind, Rounding, Task, TaskId, TimeEntry,
    Week, Workspace,
};

fn euros(amount: i64) -> Money {
    Money(amount * 100)
}

/// A workspace with one project, changed through commands only; every change to the project
/// records its scope changes, as the store does after each command.
struct Office {
    workspace: Workspace,
    project: ProjectId,
    ids: SequentialIds,
    today: NaiveDate,
}

impl Office {
    fn new(start: &str) -> Office {
        let mut ids = SequentialIds::default();
        let project = ProjectId::new(&mut ids);
        let today = date(start);
        let mut workspace = Workspace::default();
        workspace
            .add_project(
                Project::new(project, "Website relaunch", today, Currency::EUR, &mut ids)
                    .expect("valid project"),
            )
            .expect("new project");
        Office {
            workspace,
            project,
            ids,
            today,
        }
    }

    fn project(&self) -> &Project {
        self.workspace.project(self.project).expect("exists")
    }

    /// Applies `change` to the project and logs scope changes, like `AppState::apply` would.
    fn change(&mut self, change: impl FnOnce(&mut Project, &mut SequentialIds, NaiveDate)) {
        let before = self.project().clone();
        let today = self.today;
        let mut project = before.clone();
        change(&mut project, &mut self.ids, today);
        let logged = record_changes(
            &before,
            &project,
            self.workspace.people(),
            today,
            &mut self.ids,
        );
        project.append_scope_changes(logged);
        self.workspace
            .replace_project(project)
            .expect("same project");
    }

    fn person(&mut self, name: &str, rate: i64) -> PersonId {
        let mut person = Person::new(PersonId::new(&mut self.ids), name);
        person.hourly_rate = Money(rate);
        let id = person.id;
        self.workspace
            .add_person(person, Some(self.project))
            .expect("new person");
        id
    }

    fn task(
        &mut self,
        title: &str,
        (start, end): (&str, &str),
        hours: Hours,
        assignee: Option<PersonId>,
    ) -> TaskId {
        let id = TaskId::new(&mut self.ids);
        let title = title.to_string();
        self.change(|project, _, today| {
            let column = project
                .first_column_of(ColumnCategory::Todo)
                .expect("default columns")
                .id;
            let mut task = Task::new(id, title, column, date(start), today);
            task.end = date(end);
            task.estimate = hours;
            task.assignee = assignee;
            project.add_task(task, today).expect("valid task");
        });
        id
    }

    fn edit(&mut self, id: TaskId, edit: impl FnOnce(&mut Task)) {
        self.change(|project, _, today| {
            let mut task = project.task(id).expect("exists").clone();
            edit(&mut task);
            project.update_task(task, today).expect("valid change");
        });
    }

    fn log(&mut self, task: TaskId, person: PersonId, day: &str, centi_hours: u32) {
        self.change(|project, ids, _| {
            let entry = TimeEntry {
                id: TimeEntryId::new(ids),
                date: date(day),
                person,
                hours: Hours::from_centi(centi_hours),
                note: String::new(),
            };
            project.log_time(task, entry).expect("valid entry");
        });
    }

    fn complete(&mut self, task: TaskId, day: &str) {
        self.change(|project, _, _| {
            let done = project
                .first_column_of(ColumnCategory::Done)
                .expect("default columns")
                .id;
            project
                .move_task(task, done, None, date(day))
                .expect("valid move");
        });
    }

    fn baseline(&mut self, day: &str) {
        let baseline = Baseline::capture(
            BaselineId::new(&mut self.ids),
            "Approved plan",
            self.project(),
            self.workspace.people(),
            date(day),
        );
        self.change(|project, _, _| project.add_baseline(baseline).expect("valid baseline"));
    }
}

fn thousandths(ratio: Option<Ratio>) -> Option<i128> {
    ratio.map(|ratio| ratio.decimal(3, Rounding::HalfAwayFromZero).units)
}

/// The fence exercise from Rita Mulcahy's "PMP Exam Prep" (cited as p. 210 by the "Earned
/// Value Exercise" handout on studylib.net): a four-sided fence, one side a day at 1,000 a side,
/// sides built one after the other. At the end of day 3: side 1 done for 1,000, side 2 done for
/// 1,200, side 3 half done for 600 so far, side 4 not started.
///
/// ```text
/// side 1  ■            done, spent 1,000
/// side 2     ■         done, spent 1,200
/// side 3        ▣      50 %, spent 600
/// side 4           □   not started
///        Mon Tue Wed Thu          status: end of Wednesday
/// ```
fn fence() -> (Office, [TaskId; 4]) {
    let mut office = Office::new("2026-03-02");
    let builder = office.person("Fence builder", 10_000);
    let days = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"];
    let sides = days.map(|day| office.task("Side", (day, day), Hours::whole(10), Some(builder)));
    office.baseline("2026-03-02");
    office.log(sides[0], builder, days[0], 1_000);
    office.complete(sides[0], days[0]);
    office.log(sides[1], builder, days[1], 1_200);
    office.complete(sides[1], days[1]);
    office.log(sides[2], builder, days[2], 600);
    office.edit(sides[2], |task| {
        task.progress = Progress::new(50).expect("valid");
    });
    (office, sides)
}

#[test]
fn the_fence_exercise_gives_the_published_earned_value_figures() {
    let (office, _) = fence();
    let value = earned_value(
        office.project(),
        office.workspace.people(),
        date("2026-03-04"),
    )
    .expect("baseline set");
    let figures = value.figures;
    assert_eq!(figures.pv, euros(3_000));
    assert_eq!(figures.ev, euros(2_500));
    assert_eq!(figures.ac, euros(2_800));
    assert_eq!(figures.bac, euros(4_000));
    assert_eq!(figures.cv, euros(-300));
    assert_eq!(thousandths(figures.cpi), Some(893));
    assert_eq!(figures.sv, euros(-500));
    assert_eq!(thousandths(figures.spi), Some(833));
    // The book prints EAC 4,479, ETC 1,679 and VAC −479 because it divides by the rounded
    // CPI 0.893. We round once, at the end: 4,000 × 2,800 / 2,500 = 4,480 exactly.
    assert_eq!(figures.eac, Some(euros(4_480)));
    assert_eq!(figures.etc, Some(euros(1_680)));
    assert_eq!(figures.vac, Some(euros(-480)));
}

#[test]
fn the_fence_is_over_cost_and_behind_and_says_so_in_words() {
    let (office, _) = fence();
    let health = health(
        office.project(),
        office.workspace.people(),
        date("2026-03-04"),
    );
    assert_eq!(health.budget.rag, Rag::Red);
    assert_eq!(health.budget.label(), "Off track");
    assert_eq!(
        health.budget.sentence(&PlainFormatter),
        "CPI 0.89 is below 0.90: work costs more than planned."
    );
    assert_eq!(health.scope.rag, Rag::Green);
    assert_eq!(health.schedule.rag, Rag::Green);
    assert_eq!(health.overall(), Rag::Red);
}

#[test]
fn the_fence_chart_has_one_weekly_point_with_all_three_curves() {
    let (office, _) = fence();
    let points = series(
        office.project(),
        office.workspace.people(),
        date("2026-03-04"),
        Weekday::Mon,
    );
    assert_eq!(points.len(), 1);
    assert_eq!(points[0].week.start, date("2026-03-02"));
    assert_eq!(points[0].pv, euros(4_000));
    assert_eq!(points[0].ev, Some(euros(2_500)));
    assert_eq!(points[0].ac, Some(euros(2_800)));
}

#[test]
fn costs_are_rounded_once_per_figure_not_per_entry() {
    let mut office = Office::new("2026-03-02");
    let ada = office.person("Ada", 3_333);
    let build = office.task(
        "Build",
        ("2026-03-02", "2026-03-06"),
        Hours::from_centi(150),
        Some(ada),
    );
    for day in ["2026-03-02", "2026-03-03", "2026-03-04"] {
        office.log(build, ada, day, 150);
    }
    let totals = project_cost(office.project(), office.workspace.people());
    // 1.5 h × 33.33 = 49.995 → 50.00 planned.
    assert_eq!(totals.planned, Money(5_000));
    // 3 × 49.995 = 149.985 → 149.99; rounding each entry first would give 150.00.
    assert_eq!(totals.actual, Money(14_999));
    assert_eq!(totals.budget, None);
    assert_eq!(totals.remaining, None);
}

#[test]
fn scope_creep_is_logged_measured_and_reported() {
    let mut office = Office::new("2026-03-02");
    let ada = office.person("Ada", 10_000);
    let build = office.task(
        "Build",
        ("2026-03-02", "2026-03-13"),
        Hours::whole(80),
        Some(ada),
    );
    office.task(
        "Test",
        ("2026-03-16", "2026-03-20"),
        Hours::whole(20),
        Some(ada),
    );
    // Nothing is logged before the baseline.
    assert!(office.project().scope_log().is_empty());
    office.baseline("2026-03-02");
    office.change(|project, _, _| project.record_report(date("2026-03-06")).expect("valid"));

    office.today = date("2026-03-05");
    office.edit(build, |task| task.estimate = Hours::whole(86));
    office.today = date("2026-03-09");
    office.task(
        "Accessibility audit",
        ("2026-03-16", "2026-03-17"),
        Hours::whole(8),
        Some(ada),
    );

    let log = office.project().scope_log();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].kind, ScopeChangeKind::Reestimated);
    assert_eq!(log[0].delta_cost, euros(600));
    assert_eq!(log[1].kind, ScopeChangeKind::Added);
    assert_eq!(log[1].hours_after, Hours::whole(8));
    assert_eq!(log[1].delta_cost, euros(800));

    // 114 h against 100 h: +14 %, past the 10 % red threshold.
    let growth = scope_growth(office.project()).expect("baseline set");
    assert_eq!(growth.current_hours, Hours::whole(114));
    let status = health(
        office.project(),
        office.workspace.people(),
        date("2026-03-10"),
    )
    .scope;
    assert_eq!(status.rag, Rag::Red);
    assert_eq!(
        status.sentence(&PlainFormatter),
        "Scope grew 14.0% since the baseline, more than the 10% limit."
    );

    // The report of 10 March lists only the change made since the report of 6 March.
    let report = status_report(
        office.project(),
        office.workspace.people(),
        date("2026-03-10"),
    );
    assert_eq!(report.previous_report, Some(date("2026-03-06")));
    assert_eq!(report.scope.changes.len(), 1);
    assert_eq!(report.scope.changes[0].title, "Accessibility audit");
    let markdown = to_markdown(&report, &PlainFormatter);
    assert!(markdown.contains("| Scope | **Off track** | Scope grew 14.0% since the baseline"));
    assert!(markdown
        .contains("| 2026-03-09 | Accessibility audit | Added | 0 h | 8 h | EUR 800.00 |  |"));
}

#[test]
fn a_project_without_a_baseline_asks_for_one_but_still_watches_the_deadline() {
    let mut office = Office::new("2026-03-02");
    office.task(
        "Build",
        ("2026-03-02", "2026-03-20"),
        Hours::whole(40),
        None,
    );
    office.change(|project, _, _| {
        let mut details = project.details();
        details.deadline = Some(date("2026-03-18"));
        project.update_details(details).expect("valid deadline");
    });
    let health = health(
        office.project(),
        office.workspace.people(),
        date("2026-03-04"),
    );
    assert_eq!(health.scope.label(), "No baseline");
    assert_eq!(
        health.scope.sentence(&PlainFormatter),
        "No baseline yet: set one to track scope."
    );
    assert_eq!(health.budget.label(), "No baseline");
    assert_eq!(health.schedule.rag, Rag::Red);
    assert_eq!(
        health.schedule.sentence(&PlainFormatter),
        "Forecast finish 2026-03-20 is 2 working days after the deadline 2026-03-18."
    );
}

#[test]
fn shared_people_are_over_allocated_across_projects() {
    let mut office = Office::new("2026-03-02");
    let ada = office.person("Ada", 0);
    office.task(
        "Website work",
        ("2026-03-02", "2026-03-06"),
        Hours::whole(25),
        Some(ada),
    );
    let other = ProjectId::new(&mut office.ids);
    let mut shop = Project::new(
        other,
        "Shop",
        date("2026-03-02"),
        Currency::EUR,
        &mut office.ids,
    )
    .expect("valid project");
    let column = shop.columns()[0].id;
    office.workspace.add_project(shop.clone()).expect("new");
    office
        .workspace
        .add_team_member(other, ada)
        .expect("on roster");
    shop = office.workspace.project(other).expect("exists").clone();
    let mut task = Task::new(
        TaskId::new(&mut office.ids),
        "Shop work",
        column,
        date("2026-03-02"),
        date("2026-03-02"),
    );
    task.end = date("2026-03-06");
    task.estimate = Hours::whole(20);
    task.assignee = Some(ada);
    shop.add_task(task, date("2026-03-02")).expect("valid task");
    office.workspace.replace_project(shop).expect("exists");

    let week = Week::containing(date("2026-03-04"), Weekday::Mon);
    let everything = workload(
        &office.workspace,
        WorkloadScope::Workspace,
        date("2026-03-02"),
        week,
        1,
    );
    assert_eq!(everything.rows[0].cells[0].hours, Hours::whole(45));
    assert!(everything.rows[0].cells[0].over_allocated);
    let website = workload(
        &office.workspace,
        WorkloadScope::Project(office.project),
        date("2026-03-02"),
        week,
        1,
    );
    assert_eq!(website.rows[0].cells[0].hours, Hours::whole(25));
    assert_eq!(website.rows[0].cells[0].other_hours, Hours::whole(20));
    assert!(website.rows[0].cells[0].over_allocated);
}

#[test]
fn the_html_report_is_self_contained_and_escapes_every_title() {
    let (mut office, sides) = fence();
    office.edit(sides[3], |task| {
        task.title = "<script>alert(\"side 4\")</script> & 'gate'".to_string();
    });
    let owner = office.workspace.people()[0].id;
    office.change(|project, ids, _| {
        project
            .add_risk(Risk {
                id: RiskId::new(ids),
                kind: RiskKind::Issue,
                title: "<img src=x onerror=alert(1)>".to_string(),
                owner: Some(owner),
                impact: Impact::High,
                due: Some(date("2026-03-06")),
                closed: false,
            })
            .expect("valid risk");
    });
    let report = status_report(
        office.project(),
        office.workspace.people(),
        date("2026-03-04"),
    );
    let html = to_html(&report, &PlainFormatter);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<style>"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<img"));
    assert!(html
        .contains("&lt;script&gt;alert(&quot;side 4&quot;)&lt;/script&gt; &amp; &#39;gate&#39;"));
    assert!(html.contains("<span class=\"rag rag--red\">Off track</span>"));
    assert!(html.trim_end().ends_with("</html>"));
}
