//! Tests for the iCalendar writer. The output is read back by an independent parser (the
//! `ical` crate) and every event is checked against the plan.

use super::text::{escape_text, push_folded, MAX_LINE_OCTETS};
use super::*;
use crate::model::testing::{date, Plan};
use crate::model::{Dependency, LinkKind, Task};
use chrono::NaiveDateTime;
use proptest::prelude::*;
use std::collections::HashMap;

fn stamp() -> NaiveDateTime {
    date("2026-01-02")
        .and_hms_opt(9, 30, 0)
        .expect("valid time")
}

fn plan() -> Plan {
    let mut plan = Plan::new("2026-01-05");
    let ada = plan.person("Ada Lovelace", 0);
    let design = plan.task(
        "Design; the \\ schema, v2",
        "2026-01-05",
        "2026-01-07",
        16,
        Some(ada),
    );
    let build = plan.task(
        "Build the import pipeline for customer accounts, contacts and the history of every deal",
        "2026-01-08",
        "2026-01-16",
        40,
        None,
    );
    let launch = plan.milestone("Go-live ✓ 🚀", "2026-01-19");
    plan.edit(design, |task| {
        task.tags = vec!["design".into(), "a,b".into()];
        task.description = "Tables:\n- accounts\n- deals; all of them".into();
    });
    plan.progress(build, 40);
    plan.link(build, Dependency::finish_to_start(design));
    plan.link(
        launch,
        Dependency {
            predecessor: build,
            kind: LinkKind::FinishToStart,
            lag: 1,
        },
    );
    plan.link(
        launch,
        Dependency {
            predecessor: design,
            kind: LinkKind::StartToFinish,
            lag: -2,
        },
    );
    plan.deadline("2026-01-30");
    plan.edit(build, |task| task.deadline = Some(date("2026-01-20")));
    plan
}

/// One parsed event: property name to (parameters, raw value), repeated properties kept.
type Parsed = HashMap<String, Vec<(Vec<(String, Vec<String>)>, String)>>;

fn parse(text: &str) -> Vec<Parsed> {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("the oracle parses the file");
    assert!(calendars.next().is_none(), "exactly one calendar");
    let version = calendar
        .properties
        .iter()
        .find(|property| property.name == "VERSION")
        .and_then(|property| property.value.clone());
    assert_eq!(version.as_deref(), Some("2.0"));
    calendar
        .events
        .into_iter()
        .map(|event| {
            let mut properties: Parsed = HashMap::new();
            for property in event.properties {
                properties.entry(property.name).or_default().push((
                    property.params.unwrap_or_default(),
                    property.value.unwrap_or_default(),
                ));
            }
            properties
        })
        .collect()
}

/// RFC 5545 TEXT unescaping, written apart from the writer's escaping.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits a list value on commas that are not escaped.
fn split_unescaped(value: &str) -> Vec<String> {
    let mut items = vec![String::new()];
    let mut escaped = false;
    for c in value.chars() {
        match c {
            ',' if !escaped => items.push(String::new()),
            _ => {
                escaped = c == '\\' && !escaped;
                items.last_mut().expect("one item").push(c);
            }
        }
    }
    items.iter().map(|item| unescape(item)).collect()
}

fn one<'a>(event: &'a Parsed, name: &str) -> &'a str {
    let values = event
        .get(name)
        .unwrap_or_else(|| panic!("{name} is present"));
    assert_eq!(values.len(), 1, "{name} appears once");
    &values[0].1
}

fn event_of<'a>(events: &'a [Parsed], task: &Task) -> &'a Parsed {
    events
        .iter()
        .find(|event| one(event, "UID") == task_uid(task))
        .unwrap_or_else(|| panic!("{} has an event", task.title))
}

#[test]
fn every_task_is_an_all_day_event_the_oracle_reads_back() {
    let plan = plan();
    let project = plan.project();
    let (text, _) = export_ics(
        project,
        plan.workspace.people(),
        IcsInclude::AllTasks,
        stamp(),
        &IcsSequences::default(),
    );
    let events = parse(&text);
    assert_eq!(
        events.len(),
        project.tasks().len() + 2,
        "tasks, the task deadline and the project deadline"
    );
    for task in project.tasks() {
        let event = event_of(&events, task);
        assert_eq!(unescape(one(event, "SUMMARY")), task.title);
        let start = &event["DTSTART"][0];
        assert_eq!(
            start.0,
            vec![("VALUE".to_string(), vec!["DATE".to_string()])]
        );
        assert_eq!(start.1, task.start.format("%Y%m%d").to_string());
        let day_after = task.end.succ_opt().expect("in range");
        assert_eq!(one(event, "DTEND"), day_after.format("%Y%m%d").to_string());
        assert_eq!(one(event, "DTSTAMP"), "20260102T093000Z");
        assert_eq!(one(event, "SEQUENCE"), "0");
        let description = unescape(one(event, "DESCRIPTION"));
        assert!(description.starts_with("Project: Intranet\nStatus: To do\n"));
        assert!(description.contains(&format!("Progress: {}%", task.progress.percent())));
        assert!(description.ends_with(&task.description));
        match event.get("CATEGORIES") {
            Some(values) => assert_eq!(split_unescaped(&values[0].1), task.tags),
            None => assert!(task.tags.is_empty()),
        }
        let related = event.get("RELATED-TO").cloned().unwrap_or_default();
        assert_eq!(related.len(), task.dependencies.len());
        for dependency in &task.dependencies {
            let predecessor = project.task(dependency.predecessor).expect("exists");
            let (params, _) = related
                .iter()
                .find(|(_, value)| *value == task_uid(predecessor))
                .expect("the link is there");
            assert!(params.contains(&(
                "RELTYPE".to_string(),
                vec![reltype(dependency.kind).to_string()]
            )));
            if dependency.lag != 0 {
                let gap = if dependency.lag > 0 {
                    format!("P{}D", dependency.lag)
                } else {
                    format!("-P{}D", -dependency.lag)
                };
                assert!(params.contains(&("GAP".to_string(), vec![gap])));
            }
        }
    }
    let design = &project.tasks()[0];
    assert!(
        unescape(one(event_of(&events, design), "DESCRIPTION")).contains("Assignee: Ada Lovelace")
    );
}

#[test]
fn the_file_has_crlf_lines_of_at_most_75_octets() {
    let plan = plan();
    let (text, _) = export_ics(
        plan.project(),
        plan.workspace.people(),
        IcsInclude::AllTasks,
        stamp(),
        &IcsSequences::default(),
    );
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'));
    assert!(text.split("\r\n").all(|line| line.len() <= MAX_LINE_OCTETS));
    assert!(text.contains("\r\n "), "the long title is folded");
}

#[test]
fn milestones_and_deadlines_hold_only_those() {
    let plan = plan();
    let (text, _) = export_ics(
        plan.project(),
        plan.workspace.people(),
        IcsInclude::MilestonesAndDeadlines,
        stamp(),
        &IcsSequences::default(),
    );
    let events = parse(&text);
    let summaries: Vec<String> = events
        .iter()
        .map(|event| unescape(one(event, "SUMMARY")))
        .collect();
    assert_eq!(
        summaries,
        vec![
            "Go-live ✓ 🚀",
            "Deadline: Build the import pipeline for customer accounts, contacts and the history of every deal",
            "Deadline: Intranet"
        ]
    );
    let task_deadline = &events[1];
    assert_eq!(
        one(task_deadline, "UID"),
        task_deadline_uid(&plan.project().tasks()[1])
    );
    assert_eq!(one(task_deadline, "DTSTART"), "20260120");
    let deadline = &events[2];
    assert_eq!(one(deadline, "UID"), deadline_uid(plan.project()));
    assert_eq!(one(deadline, "DTSTART"), "20260130");
    assert_eq!(one(deadline, "DTEND"), "20260131");
}

#[test]
fn one_persons_calendar_holds_their_tasks_only() {
    let plan = plan();
    let ada = plan.workspace.people()[0].id;
    let (text, _) = export_ics(
        plan.project(),
        plan.workspace.people(),
        IcsInclude::Person(ada),
        stamp(),
        &IcsSequences::default(),
    );
    let events = parse(&text);
    assert_eq!(events.len(), 1);
    assert_eq!(
        unescape(one(&events[0], "SUMMARY")),
        "Design; the \\ schema, v2"
    );
}

#[test]
fn the_sequence_goes_up_when_the_dates_change_and_only_then() {
    let mut plan = plan();
    let people = plan.workspace.people().to_vec();
    let all = IcsInclude::AllTasks;
    let (_, first) = export_ics(
        plan.project(),
        &people,
        all,
        stamp(),
        &IcsSequences::default(),
    );
    let build = plan.project().tasks()[1].id;
    plan.project_mut()
        .set_task_dates(build, date("2026-01-09"), date("2026-01-19"))
        .expect("valid dates");
    let (text, second) = export_ics(plan.project(), &people, all, stamp(), &first);
    let events = parse(&text);
    let build_task = plan.project().task(build).expect("exists");
    assert_eq!(one(event_of(&events, build_task), "SEQUENCE"), "1");
    let design_task = &plan.project().tasks()[0];
    assert_eq!(one(event_of(&events, design_task), "SEQUENCE"), "0");
    let (text, third) = export_ics(plan.project(), &people, all, stamp(), &second);
    assert_eq!(
        one(event_of(&parse(&text), build_task), "SEQUENCE"),
        "1",
        "unchanged dates keep the sequence"
    );
    assert_eq!(third, second);
    // A narrower export keeps the sequences of the events it leaves out.
    let (_, narrow) = export_ics(
        plan.project(),
        &people,
        IcsInclude::MilestonesAndDeadlines,
        stamp(),
        &third,
    );
    assert_eq!(narrow, third);
    let json = serde_json::to_string(&narrow).expect("sequences serialize");
    assert_eq!(
        serde_json::from_str::<IcsSequences>(&json).expect("and read back"),
        narrow
    );
}

#[test]
fn text_is_escaped_as_rfc_5545_says() {
    assert_eq!(escape_text("a,b;c\\d\r\ne\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
}

fn folded(line: &str) -> String {
    let mut out = String::new();
    push_folded(&mut out, line);
    out
}

proptest! {
    #[test]
    fn folding_keeps_lines_short_and_characters_whole(line in "\\PC{0,300}") {
        let out = folded(&line);
        prop_assert!(out.ends_with("\r\n"));
        for physical in out.trim_end_matches("\r\n").split("\r\n") {
            prop_assert!(physical.len() <= MAX_LINE_OCTETS);
        }
        prop_assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), line);
    }

    #[test]
    // The oracle drops colons at the very start of a value (RFC 5545 does not escape them),
    // so the generated text does not start with one.
    fn escaped_text_reads_back_through_the_oracle(
        value in "([a-zA-Z0-9 ,;\\\\\"é日\\n][a-zA-Z0-9 ,;:\\\\\"é日\\n]{0,200})?",
    ) {
        let line = format!("SUMMARY:{}", escape_text(&value));
        let text = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@ironplan\r\n{}END:VEVENT\r\nEND:VCALENDAR\r\n",
            folded(&line)
        );
        let events = parse(&text);
        let summary = events[0].get("SUMMARY").map(|values| unescape(&values[0].1)).unwrap_or_default();
        // The oracle trims the ends of a value's lines, as many readers do.
        prop_assert_eq!(summary.trim_end(), value.trim_end());
    }
}
