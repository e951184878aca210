use super::fields::{duration_minutes, finish_day, priority_of, start_day, Clock};
use super::wording::{describe_error, describe_loss};
use super::*;
use crate::model::ids::SequentialIds;
use crate::model::io::Limits;
use crate::model::{
    Calendar, Constraint, Currency, Dependency, Hours, LinkKind, Money, Priority, Progress,
    ProjectId, TaskId,
};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;

fn date(text: &str) -> NaiveDate {
    text.parse().expect("test dates are valid")
}

fn today() -> NaiveDate {
    date("2026-12-05")
}

fn read(xml: &str) -> Result<MspdiImport, MspdiError> {
    read_mspdi(xml.as_bytes(), today(), &mut SequentialIds::default())
}

fn losses(import: &MspdiImport) -> HashMap<LossKind, usize> {
    import
        .losses
        .iter()
        .map(|loss| (loss.kind, loss.count))
        .collect()
}

/// A small MSPDI file: `tasks`, `resources` and `assignments` are inserted as given.
fn file(tasks: &str, resources: &str, assignments: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>Office move.xml</Name>
  <GUID>26172537-DBD2-E811-AC3F-4CEDDE6E5B57</GUID>
  <StartDate>2026-03-02T08:00:00</StartDate>
  <FinishDate>2026-03-31T17:00:00</FinishDate>
  <CurrencyCode>GBP</CurrencyCode>
  <CalendarUID>1</CalendarUID>
  <MinutesPerDay>480</MinutesPerDay>
  <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
    <BaseCalendarUID>-1</BaseCalendarUID><WeekDays>
    <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
    <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
    <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod>
      <FromDate>2026-03-09T00:00:00</FromDate><ToDate>2026-03-10T23:59:00</ToDate></TimePeriod></WeekDay>
  </WeekDays></Calendar></Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Office move</Name><OutlineNumber>0</OutlineNumber><OutlineLevel>0</OutlineLevel>
      <Notes>Move the team to the new office.</Notes></Task>
    {tasks}
  </Tasks>
  <Resources>{resources}</Resources>
  <Assignments>{assignments}</Assignments>
</Project>"#
    )
}

fn task(uid: u32, name: &str, level: u32, start: &str, finish: &str, extra: &str) -> String {
    format!(
        "<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineLevel>{level}</OutlineLevel>\
         <Start>{start}</Start><Finish>{finish}</Finish>{extra}</Task>"
    )
}

fn link(predecessor: u32, kind: u32, lag: i64, format: u32) -> String {
    format!(
        "<PredecessorLink><PredecessorUID>{predecessor}</PredecessorUID><Type>{kind}</Type>\
         <LinkLag>{lag}</LinkLag><LagFormat>{format}</LagFormat></PredecessorLink>"
    )
}

#[test]
fn a_small_plan_arrives_with_outline_dates_links_and_people() {
    let tasks = [
        task(1, "Plan", 1, "2026-03-02T08:00:00", "2026-03-06T17:00:00", ""),
        task(2, "Pack", 2, "2026-03-02T08:00:00", "2026-03-04T17:00:00", "<Work>PT24H0M0S</Work><Priority>900</Priority><PercentComplete>50</PercentComplete>"),
        task(3, "Book movers", 2, "2026-03-05T08:00:00", "2026-03-07T00:00:00", &link(2, 1, 4800, 7)),
        task(4, "Moved", 1, "2026-03-11T08:00:00", "2026-03-11T08:00:00", &format!("<Milestone>1</Milestone><Deadline>2026-03-12T17:00:00</Deadline><ConstraintType>4</ConstraintType><ConstraintDate>2026-03-11T08:00:00</ConstraintDate>{}", link(1, 3, 0, 7))),
    ]
    .concat();
    let resources = "<Resource><UID>0</UID></Resource>\
        <Resource><UID>1</UID><GUID>6a6b1d2e-2a1b-4c5d-8e9f-000000000001</GUID><Name>Ada</Name><Type>1</Type><MaxUnits>0.5</MaxUnits><StandardRate>62.5</StandardRate><Group>Lead</Group></Resource>\
        <Resource><UID>2</UID><Name>Boxes</Name><Type>0</Type></Resource>";
    let assignments =
        "<Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID></Assignment>\
        <Assignment><UID>2</UID><TaskUID>2</TaskUID><ResourceUID>2</ResourceUID></Assignment>";
    let import = read(&file(&tasks, resources, assignments)).expect("imports");
    let project = &import.file.project;
    assert_eq!(project.name, "Office move");
    assert_eq!(project.description, "Move the team to the new office.");
    assert_eq!(
        project.budget.currency,
        Currency::parse("GBP").expect("a code")
    );
    assert_eq!(project.start, date("2026-03-02"));
    assert_eq!(project.deadline, Some(date("2026-03-31")));
    assert_eq!(
        project.calendar.holidays,
        [date("2026-03-09"), date("2026-03-10")]
            .into_iter()
            .collect()
    );
    assert_eq!(
        project.id,
        ProjectId(
            "26172537-DBD2-E811-AC3F-4CEDDE6E5B57"
                .parse()
                .expect("a uuid")
        )
    );
    let tasks = project.tasks();
    assert_eq!(tasks.len(), 4);
    assert_eq!(tasks[1].parent, Some(tasks[0].id));
    assert_eq!(tasks[2].parent, Some(tasks[0].id));
    assert_eq!(tasks[3].parent, None);
    assert_eq!(tasks[1].estimate, Hours::whole(24));
    assert_eq!(tasks[1].priority, Priority::Urgent);
    assert_eq!(tasks[1].progress, Progress::new(50).expect("in range"));
    // A finish at midnight is the day before; Saturday 7 March 00:00 is Friday the 6th.
    assert_eq!(
        (tasks[2].start, tasks[2].end),
        (date("2026-03-05"), date("2026-03-06"))
    );
    assert_eq!(
        tasks[2].dependencies,
        vec![Dependency {
            predecessor: tasks[1].id,
            kind: LinkKind::FinishToStart,
            lag: 1
        }]
    );
    assert!(tasks[3].milestone);
    assert_eq!(tasks[3].deadline, Some(date("2026-03-12")));
    assert_eq!(
        tasks[3].constraint,
        Constraint::StartNoEarlierThan(date("2026-03-11"))
    );
    assert_eq!(tasks[3].dependencies[0].kind, LinkKind::StartToStart);
    let people = &import.file.people;
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].name, "Ada");
    assert_eq!(people[0].role, "Lead");
    assert_eq!(people[0].hourly_rate, Money(6250));
    assert_eq!(people[0].weekly_capacity, Hours::whole(20));
    assert_eq!(tasks[1].assignee, Some(people[0].id));
    assert_eq!(
        import.counts,
        ImportCounts {
            tasks: 4,
            dependencies: 2,
            people: 1,
            baselines: 0
        }
    );
    assert_eq!(
        losses(&import).get(&LossKind::MaterialOrCostResources),
        Some(&1)
    );
}

#[test]
fn losses_are_reported_for_what_ironplan_cannot_hold() {
    let tasks = [
        task(
            1,
            "A",
            1,
            "2026-03-02T08:00:00",
            "2026-03-02T17:00:00",
            "<Manual>1</Manual><Active>0</Active>",
        ),
        "<Task><UID>2</UID><IsNull>1</IsNull></Task>".to_string(),
        task(
            3,
            "B",
            1,
            "2026-03-03T08:00:00",
            "2026-03-03T17:00:00",
            &[link(1, 1, 14400, 8), link(99, 1, 0, 7)].concat(),
        ),
        task(
            4,
            "C",
            1,
            "2026-03-04T08:00:00",
            "2026-03-04T17:00:00",
            &[link(3, 1, 2400, 7), link(5, 1, 0, 7)].concat(),
        ),
        task(
            5,
            "D",
            1,
            "2026-03-05T08:00:00",
            "2026-03-05T17:00:00",
            &[
                link(4, 1, 0, 7),
                "<ExtendedAttribute><FieldID>1</FieldID><Value>x</Value></ExtendedAttribute>"
                    .to_string(),
            ]
            .concat(),
        ),
        task(6, "E", 1, "2026-03-05T08:00:00", "2026-03-05T17:00:00", ""),
    ]
    .concat();
    let resources = "<Resource><UID>1</UID><Name>Ada</Name></Resource><Resource><UID>2</UID><Name>Grace</Name></Resource>";
    let assignments =
        "<Assignment><UID>1</UID><TaskUID>6</TaskUID><ResourceUID>1</ResourceUID></Assignment>\
        <Assignment><UID>2</UID><TaskUID>6</TaskUID><ResourceUID>2</ResourceUID></Assignment>";
    let import = read(&file(&tasks, resources, assignments)).expect("imports");
    let found = losses(&import);
    assert_eq!(found.get(&LossKind::NullRowsSkipped), Some(&1));
    assert_eq!(found.get(&LossKind::ManualScheduling), Some(&1));
    assert_eq!(found.get(&LossKind::InactiveTasks), Some(&1));
    assert_eq!(found.get(&LossKind::ElapsedLags), Some(&1));
    assert_eq!(found.get(&LossKind::FractionalLags), Some(&1));
    assert_eq!(found.get(&LossKind::LinksOutsideFile), Some(&1));
    assert_eq!(found.get(&LossKind::LinksInLoops), Some(&1));
    assert_eq!(found.get(&LossKind::CustomFieldValues), Some(&1));
    assert_eq!(found.get(&LossKind::MultipleResources), Some(&1));
    let tasks = import.file.project.tasks();
    assert_eq!(
        tasks[0].constraint,
        Constraint::StartNoEarlierThan(date("2026-03-02"))
    );
    assert_eq!(tasks[0].tags, vec!["Inactive".to_string()]);
    // 1440 elapsed minutes × 5/7 working days: 0.71 of a day, rounded to 1.
    assert_eq!(tasks[1].dependencies[0].lag, 1);
    assert!(tasks[4].description.contains("Also assigned: Grace"));
    assert!(describe_loss(LossKind::MultipleResources, 2)
        .starts_with("2 tasks with two or more resources: the first is the assignee"));
    assert_eq!(
        describe_loss(LossKind::CustomFieldValues, 14),
        "Custom fields: 14 values left out"
    );
}

#[test]
fn title_names_the_project_and_the_file_name_loses_its_extension() {
    let with_title = file("", "", "").replace(
        "<Name>Office move.xml</Name>",
        "<Name>x.xml</Name><Title>Relocation</Title>",
    );
    assert_eq!(
        read(&with_title).expect("imports").file.project.name,
        "Relocation"
    );
    assert_eq!(
        read(&file("", "", "")).expect("imports").file.project.name,
        "Office move"
    );
}

#[test]
fn hostile_xml_is_refused() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol2;</Name></Project>"#;
    assert!(matches!(
        read(laughs),
        Err(MspdiError::DocType { line: 1, .. })
    ));
    let external =
        r#"<Project xmlns="http://schemas.microsoft.com/project"><Name>&xxe;</Name></Project>"#;
    assert!(matches!(read(external), Err(MspdiError::Entity { .. })));
    let deep = format!(
        r#"<Project xmlns="http://schemas.microsoft.com/project">{}{}</Project>"#,
        "<a>".repeat(100),
        "</a>".repeat(100)
    );
    assert!(matches!(
        read(&deep),
        Err(MspdiError::TooDeep { limit: 32, .. })
    ));
    let long = format!(
        r#"<Project xmlns="http://schemas.microsoft.com/project"><Name>{}</Name></Project>"#,
        "x".repeat(30_000)
    );
    assert!(matches!(read(&long), Err(MspdiError::StringTooLong { .. })));
    let small = Limits {
        max_bytes: 100,
        ..crate::model::io::DEFAULT_LIMITS
    };
    assert!(matches!(
        read_mspdi_with(
            file("", "", "").as_bytes(),
            today(),
            &mut SequentialIds::default(),
            &small
        ),
        Err(MspdiError::TooLarge { .. })
    ));
    let many = Limits {
        max_tasks: 1,
        ..crate::model::io::DEFAULT_LIMITS
    };
    let two = [
        task(1, "A", 1, "2026-03-02T08:00:00", "2026-03-02T17:00:00", ""),
        task(2, "B", 1, "2026-03-02T08:00:00", "2026-03-02T17:00:00", ""),
    ]
    .concat();
    assert!(matches!(
        read_mspdi_with(
            file(&two, "", "").as_bytes(),
            today(),
            &mut SequentialIds::default(),
            &many
        ),
        Err(MspdiError::TooManyTasks { .. })
    ));
}

#[test]
fn broken_xml_says_where() {
    let broken =
        "<Project xmlns=\"http://schemas.microsoft.com/project\">\n  <Name>x</Nme>\n</Project>";
    match read(broken) {
        Err(MspdiError::Syntax { line, .. }) => assert_eq!(line, 2),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let truncated = "<Project xmlns=\"http://schemas.microsoft.com/project\">\n  <Tasks>";
    assert!(matches!(
        read(truncated),
        Err(MspdiError::Syntax { line: 2, .. })
    ));
}

#[test]
fn other_xml_is_not_ms_project() {
    assert_eq!(read("<html><body/></html>"), Err(MspdiError::NotMsProject));
    assert_eq!(
        read("<Project><Name>x</Name></Project>"),
        Err(MspdiError::NotMsProject)
    );
    assert_eq!(read("   "), Err(MspdiError::Empty));
    assert_eq!(
        describe_error(&MspdiError::NotMsProject),
        "This is not an MS Project XML file."
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    let text = file("", "", "").replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    for little in [true, false] {
        let mut bytes = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        let import = read_mspdi(&bytes, today(), &mut SequentialIds::default()).expect("imports");
        assert_eq!(import.file.project.name, "Office move");
    }
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(file("", "", "").as_bytes());
    assert!(read_mspdi(&bom, today(), &mut SequentialIds::default()).is_ok());
    assert_eq!(
        read_mspdi(&[0xFF, 0xFE, 0x00], today(), &mut SequentialIds::default()),
        Err(MspdiError::Encoding)
    );
}

#[test]
fn finishes_at_midnight_or_at_the_start_of_a_day_belong_to_the_day_before() {
    let clock = Clock {
        minutes_per_day: 480.0,
        minutes_per_week: 2400.0,
        day_start: NaiveTime::from_hms_opt(8, 0, 0).expect("a time"),
        day_finish: NaiveTime::from_hms_opt(17, 0, 0).expect("a time"),
    };
    let calendar = Calendar::default();
    let at =
        |text: &str| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").expect("a moment");
    // Monday 9 March 2026 08:00 is the start of the next working day after Friday the 6th.
    assert_eq!(
        finish_day(at("2026-03-09T08:00:00"), &clock, &calendar),
        date("2026-03-06")
    );
    assert_eq!(
        finish_day(at("2026-03-10T00:00:00"), &clock, &calendar),
        date("2026-03-09")
    );
    assert_eq!(
        finish_day(at("2026-03-10T12:00:00"), &clock, &calendar),
        date("2026-03-10")
    );
    assert_eq!(
        start_day(at("2026-03-06T17:00:00"), &clock, &calendar),
        date("2026-03-09")
    );
    assert_eq!(
        start_day(at("2026-03-06T13:00:00"), &clock, &calendar),
        date("2026-03-06")
    );
}

#[test]
fn durations_and_priorities_convert() {
    assert_eq!(duration_minutes("PT8H30M0S"), Some(510.0));
    assert_eq!(duration_minutes("-PT1H0M0S"), Some(-60.0));
    assert_eq!(duration_minutes("P1DT1H"), Some(1500.0));
    assert_eq!(duration_minutes("8H"), None);
    assert_eq!(priority_of(0), Priority::Low);
    assert_eq!(priority_of(500), Priority::Medium);
    assert_eq!(priority_of(700), Priority::High);
    assert_eq!(priority_of(1000), Priority::Urgent);
}

#[test]
fn recurring_exceptions_are_expanded_when_the_file_does_not_list_the_days() {
    let calendar = r#"<Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>
      <WeekDays><WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay><WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays>
      <Exceptions>
        <Exception><TimePeriod><FromDate>2026-01-01T00:00:00</FromDate><ToDate>2030-12-31T23:59:00</ToDate></TimePeriod>
          <Type>2</Type><Month>11</Month><MonthDay>25</MonthDay><DayWorking>0</DayWorking></Exception>
        <Exception><TimePeriod><FromDate>2026-01-01T00:00:00</FromDate><ToDate>2026-12-31T23:59:00</ToDate></TimePeriod>
          <Type>5</Type><Period>3</Period><MonthItem>4</MonthItem><MonthPosition>4</MonthPosition><DayWorking>0</DayWorking></Exception>
        <Exception><TimePeriod><FromDate>2026-03-07T00:00:00</FromDate><ToDate>2026-03-07T23:59:00</ToDate></TimePeriod>
          <Type>1</Type><DayWorking>1</DayWorking></Exception>
      </Exceptions></Calendar></Calendars>"#;
    let xml = file("", "", "").replace(
        &file("", "", "")[file("", "", "").find("<Calendars>").expect("has calendars")
            ..file("", "", "").find("<Tasks>").expect("has tasks")],
        calendar,
    );
    let import = read(&xml).expect("imports");
    let holidays = &import.file.project.calendar.holidays;
    // Christmas in the plan's years (2026 and 2027), not 2028–2030.
    assert!(holidays.contains(&date("2026-12-25")));
    assert!(!holidays.contains(&date("2027-12-25"))); // a Saturday
    assert!(!holidays.contains(&date("2028-12-25")));
    // The last Monday of every third month from January 2026.
    for day in ["2026-01-26", "2026-04-27", "2026-07-27", "2026-10-26"] {
        assert!(holidays.contains(&date(day)), "{day}");
    }
    assert!(!holidays.contains(&date("2026-02-23")));
    // A working exception on a Saturday is a working day, not a loss.
    let working_days = &import.file.project.calendar.working_days;
    assert!(working_days.contains(&date("2026-03-07")));
}

#[test]
fn stable_uids_are_the_same_for_the_same_task_in_every_export() {
    let id = TaskId(uuid::Uuid::from_u128(42));
    assert_eq!(stable_uid(id), stable_uid(id));
    assert!(stable_uid(id) >= 1 && stable_uid(id) < 1 << 31);
    let uids = super::uid::assign_uids([id, id]);
    assert_eq!(uids.len(), 1);
}

mod round_trip;

#[test]
fn a_stale_summary_date_in_a_stored_baseline_is_exported_rolled_up() {
    // A baseline stored by an older version says Phase ends Fri 13, but its only subtask
    // ended Thu 5: MS Project gets Thu 5, as the Timeline and the forecast show it.
    let mut plan = crate::model::testing::TestPlan::new("2026-03-02");
    let phase = plan.task("Phase", "2026-03-02", "2026-03-02", 0, None);
    let build = plan.task("Build", "2026-03-02", "2026-03-05", 10, None);
    plan.edit(build, |task| task.parent = Some(phase));
    plan.baseline_ending("2026-03-02", phase, "2026-03-13");
    let written = write_mspdi(plan.project(), plan.workspace.people());
    let summary = written
        .xml
        .split("<Task>")
        .find(|task| task.contains("<Name>Phase</Name>"))
        .expect("the summary task is written");
    let baseline = summary
        .split("<Baseline>")
        .nth(1)
        .expect("with its baseline");
    assert!(
        baseline.contains("<Finish>2026-03-05T17:00:00</Finish>"),
        "{baseline}"
    );
}
