//! Calendars out: a project's milestones and deadlines, all its tasks, or one person's tasks
//! as an RFC 5545 iCalendar file that calendar apps subscribe to or import.
//!
//! Each task is an all-day `VEVENT`: `DTSTART;VALUE=DATE` is its first day and `DTEND` the day
//! after its inclusive last day. `UID` is `<task id>@ironplan`, the same in every export, so a
//! calendar that imports the file again updates its events instead of doubling them, and
//! `SEQUENCE` goes up each time the task's dates change. The caller keeps the last sequences
//! ([`IcsSequences`], small and per project) and passes them back next time; this module
//! stays pure. Dependencies become `RELATED-TO` with RFC 9253's `RELTYPE` (and `GAP` for a
//! lag), tags become `CATEGORIES`, and each task deadline and the project deadline is an event
//! of its own.
//!
//! Text is escaped and lines folded at 75 octets ([`text`]); lines end in CRLF.

pub mod text;

// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use crate::model::calendar::shift;
use crate::model::{LinkKind, Person, PersonId, Project, Task};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use text::{escape_text, push_folded};

/// Which events the file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "person", rename_all = "snake_case")]
pub enum IcsInclude {
    /// Milestones, task deadlines and the project deadline.
    MilestonesAndDeadlines,
    /// Every task and milestone, task deadlines and the project deadline.
    AllTasks,
    /// The tasks assigned to one person.
    Person(PersonId),
}

/// The dates and sequence number an event was last exported with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IcsEvent {
    pub start: NaiveDate,
    /// Inclusive last day.
    pub end: NaiveDate,
    pub sequence: u32,
}

/// The last exported state of each event of a project, by UID.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IcsSequences(pub BTreeMap<String, IcsEvent>);

/// The suffix of every UID.
pub const UID_DOMAIN: &str = "ironplan";

/// The UID of `task`'s event.
pub fn task_uid(task: &Task) -> String {
    format!("{}@{UID_DOMAIN}", task.id)
}

/// The UID of the event for `task`'s deadline.
pub fn task_deadline_uid(task: &Task) -> String {
    format!("deadline-{}@{UID_DOMAIN}", task.id)
}

/// The UID of the project deadline's event.
pub fn deadline_uid(project: &Project) -> String {
    format!("deadline-{}@{UID_DOMAIN}", project.id)
}

/// RFC 9253's relationship type for a dependency, seen from the successor.
pub fn reltype(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::FinishToStart => "FINISHTOSTART",
        LinkKind::StartToStart => "STARTTOSTART",
        LinkKind::FinishToFinish => "FINISHTOFINISH",
        LinkKind::StartToFinish => "STARTTOFINISH",
    }
}

/// One event before it is written.
struct Event {
    uid: String,
    summary: String,
    description: String,
    start: NaiveDate,
    end: NaiveDate,
    categories: Vec<String>,
    related: Vec<String>,
}

/// Writes the calendar for `project`. `people` is the roster (for names), `stamp` the moment
/// of export (UTC, for `DTSTAMP`), `previous` the sequences of the last export. Returns the
/// text and the sequences to keep for next time: every event of this export, and the earlier
/// entries of tasks that still exist but were not included this time.
pub fn export_ics(
    project: &Project,
    people: &[Person],
    include: IcsInclude,
    stamp: NaiveDateTime,
    previous: &IcsSequences,
) -> (String, IcsSequences) {
    let mut events: Vec<Event> = project
        .tasks()
        .iter()
        .filter(|task| match include {
            IcsInclude::MilestonesAndDeadlines => task.milestone,
            IcsInclude::AllTasks => true,
            IcsInclude::Person(person) => task.assignee == Some(person),
        })
        .map(|task| task_event(project, people, task))
        .collect();
    if !matches!(include, IcsInclude::Person(_)) {
        events.extend(project.tasks().iter().filter_map(|task| {
            let deadline = task.deadline?;
            Some(Event {
                uid: task_deadline_uid(task),
                summary: format!("Deadline: {}", task.title),
                description: format!("Project: {}\nDeadline of: {}", project.name, task.title),
                start: deadline,
                end: deadline,
                categories: task.tags.clone(),
                related: Vec::new(),
            })
        }));
    }
    if let (Some(deadline), false) = (project.deadline, matches!(include, IcsInclude::Person(_))) {
        events.push(Event {
            uid: deadline_uid(project),
            summary: format!("Deadline: {}", project.name),
            description: format!("Project: {}", project.name),
            start: deadline,
            end: deadline,
            categories: Vec::new(),
            related: Vec::new(),
        });
    }

    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ironplan//Ironplan//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_folded(&mut out, line);
    }
    push_folded(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape_text(&project.name)),
    );
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut sequences = IcsSequences::default();
    for event in &events {
        let sequence = match previous.0.get(&event.uid) {
            Some(last) if (last.start, last.end) == (event.start, event.end) => last.sequence,
            Some(last) => last.sequence.saturating_add(1),
            None => 0,
        };
        sequences.0.insert(
            event.uid.clone(),
            IcsEvent {
                start: event.start,
                end: event.end,
                sequence,
            },
        );
        write_event(&mut out, event, &stamp, sequence);
    }
    push_folded(&mut out, "END:VCALENDAR");

    let existing: HashSet<String> = project
        .tasks()
        .iter()
        .flat_map(|task| {
            let deadline = task.deadline.map(|_| task_deadline_uid(task));
            std::iter::once(task_uid(task)).chain(deadline)
        })
        .chain(project.deadline.map(|_| deadline_uid(project)))
        .collect();
    for (uid, event) in &previous.0 {
        if existing.contains(uid) && !sequences.0.contains_key(uid) {
            sequences.0.insert(uid.clone(), *event);
        }
    }
    (out, sequences)
}

fn task_event(project: &Project, people: &[Person], task: &Task) -> Event {
    let status = project
        .column(task.column)
        .map(|column| column.name.as_str())
        .unwrap_or("");
    let assignee = task
        .assignee
        .and_then(|id| people.iter().find(|person| person.id == id))
        .map_or("Unassigned", |person| person.name.as_str());
    let mut description = format!(
        "Project: {}\nStatus: {status}\nAssignee: {assignee}\nProgress: {}%",
        project.name,
        task.progress.percent()
    );
    if !task.description.is_empty() {
        description.push_str("\n\n");
        description.push_str(&task.description);
    }
    let related = task
        .dependencies
        .iter()
        .filter_map(|dependency| {
            let predecessor = project.find_task(dependency.predecessor)?;
            let gap = match dependency.lag {
                0 => String::new(),
                lag if lag < 0 => format!(";GAP=-P{}D", lag.unsigned_abs()),
                lag => format!(";GAP=P{lag}D"),
            };
            Some(format!(
                "RELATED-TO;RELTYPE={}{gap}:{}",
                reltype(dependency.kind),
                task_uid(predecessor)
            ))
        })
        .collect();
    Event {
        uid: task_uid(task),
        summary: task.title.clone(),
        description,
        start: task.start,
        end: task.end,
        categories: task.tags.clone(),
        related,
    }
}

fn write_event(out: &mut String, event: &Event, stamp: &str, sequence: u32) {
    let date = |date: NaiveDate| date.format("%Y%m%d").to_string();
    push_folded(out, "BEGIN:VEVENT");
    push_folded(out, &format!("UID:{}", event.uid));
    push_folded(out, &format!("DTSTAMP:{stamp}"));
    push_folded(out, &format!("DTSTART;VALUE=DATE:{}", date(event.start)));
    push_folded(
        out,
        &format!("DTEND;VALUE=DATE:{}", date(shift(event.end, 1))),
    );
    push_folded(out, &format!("SUMMARY:{}", escape_text(&event.summary)));
    push_folded(
        out,
        &format!("DESCRIPTION:{}", escape_text(&event.description)),
    );
    if !event.categories.is_empty() {
        let categories: Vec<String> = event
            .categories
            .iter()
            .map(|tag| escape_text(tag))
            .collect();
        push_folded(out, &format!("CATEGORIES:{}", categories.join(",")));
    }
    push_folded(out, &format!("SEQUENCE:{sequence}"));
    for related in &event.related {
        push_folded(out, related);
    }
    push_folded(out, "TRANSP:TRANSPARENT");
    push_folded(out, "END:VEVENT");
}

/// An iCalendar export for the converter worker (`io::convert`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IcsJob {
    /// A project plan file, as `io::export_project` writes it.
    pub plan: String,
    pub include: IcsInclude,
    /// The moment of export, UTC.
    pub stamp: NaiveDateTime,
    /// The sequences the app kept from the project's last export.
    #[serde(default)]
    pub previous: IcsSequences,
}

/// The calendar job: the text and the sequences to keep.
pub fn calendar_job(
    job: &IcsJob,
) -> Result<(String, IcsSequences), crate::model::io::convert::ConvertError> {
    let plan = crate::model::io::read_plan(&job.plan).map_err(|error| {
        crate::model::io::convert::ConvertError::Plan {
            message: error.to_string(),
        }
    })?;
    let crate::model::io::Plan::Project(imported) = plan else {
        return Err(crate::model::io::convert::ConvertError::Plan {
            message: "only a single project can be written as a calendar".to_string(),
        });
    };
    Ok(export_ics(
        &imported.project,
        &imported.people,
        job.include,
        job.stamp,
        &job.previous,
    ))
}
