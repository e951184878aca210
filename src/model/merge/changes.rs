//! Compare: what differs between two copies of a project, task by task, and the Markdown
//! list of it ("what changed since the plan I sent you").
//!
//! Tasks are matched by id. When the copies share no task ids (a plan rebuilt elsewhere),
//! they are matched by title and place in the outline, and [`Changes::matching`] says so. The
//! wording of each change is written once, in [`describe_change`] and
//! [`describe_project_change`], for the page and the Markdown alike.

use crate::model::format::Formatter;
use crate::model::report::escape_markdown;
use crate::model::{Currency, Hours, Money, Person, PersonId, Progress, Project, Task, TaskId};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// One copy of a project with the people its team names.
#[derive(Clone, Copy, Debug)]
pub struct PlanRef<'a> {
    pub project: &'a Project,
    pub people: &'a [Person],
}

/// How the tasks of the two copies were paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matching {
    /// By task id: the copies come from one plan.
    Ids,
    /// By title and outline position: the copies share no task ids.
    TitleAndPosition,
}

/// A task added or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskLine {
    pub id: TaskId,
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// One difference in a task, from the earlier copy to the later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldChange {
    Renamed {
        from: String,
        to: String,
    },
    /// New dates; `shift` is the move of the start in working days of the later copy's
    /// calendar (positive: later).
    Dates {
        from: (NaiveDate, NaiveDate),
        to: (NaiveDate, NaiveDate),
        shift: i64,
    },
    Assignee {
        from: Option<String>,
        to: Option<String>,
    },
    /// Another board column.
    Status {
        from: String,
        to: String,
    },
    Progress {
        from: Progress,
        to: Progress,
    },
    Estimate {
        from: Hours,
        to: Hours,
    },
    /// The planned fixed cost.
    Cost {
        from: Money,
        to: Money,
        currency: Currency,
    },
    /// Another summary task, or none.
    Parent {
        from: Option<String>,
        to: Option<String>,
    },
    /// Now waits for the named task.
    DependencyAdded(String),
    /// No longer waits for the named task.
    DependencyRemoved(String),
}

/// One task that differs, with every difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskChange {
    /// The task's id in the later copy.
    pub id: TaskId,
    /// Its title in the later copy.
    pub title: String,
    pub changes: Vec<FieldChange>,
}

/// A difference in the project's own fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectChange {
    Budget {
        from: Money,
        to: Money,
        currency: Currency,
    },
    Deadline {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// Working weekdays or holidays differ.
    Calendar,
    /// Joined the team.
    Joined(String),
    /// Left the team.
    Left(String),
}

/// Everything that differs from an earlier copy to a later one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// The later copy's project name.
    pub project_name: String,
    pub matching: Matching,
    /// Tasks only the later copy has, in its order.
    pub added: Vec<TaskLine>,
    /// Tasks only the earlier copy has, in its order.
    pub removed: Vec<TaskLine>,
    /// Tasks in both that differ, in the later copy's order.
    pub changed: Vec<TaskChange>,
    pub project: Vec<ProjectChange>,
}

impl Changes {
    /// True when the copies hold the same plan.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.project.is_empty()
    }

    /// The number of entries under "Changed": changed tasks, and the project when it changed.
    pub fn changed_count(&self) -> usize {
        self.changed.len() + usize::from(!self.project.is_empty())
    }
}

/// What differs from `before` to `after`.
pub fn compare(before: PlanRef, after: PlanRef) -> Changes {
    let before_ids: HashSet<TaskId> = before.project.tasks().iter().map(|t| t.id).collect();
    let shares_ids = after
        .project
        .tasks()
        .iter()
        .any(|task| before_ids.contains(&task.id));
    let nothing_to_match = before.project.tasks().is_empty() || after.project.tasks().is_empty();
    let (matching, pairs) = if shares_ids || nothing_to_match {
        let pairs = after
            .project
            .tasks()
            .iter()
            .filter(|task| before_ids.contains(&task.id))
            .map(|task| (task.id, task.id))
            .collect();
        (Matching::Ids, pairs)
    } else {
        (
            Matching::TitleAndPosition,
            match_by_title(before.project, after.project),
        )
    };
    // Later id -> earlier id.
    let earlier: HashMap<TaskId, TaskId> = pairs.iter().copied().collect();
    let later: HashMap<TaskId, TaskId> = pairs.iter().map(|(a, b)| (*b, *a)).collect();
    let line = |task: &Task| TaskLine {
        id: task.id,
        title: task.title.clone(),
        start: task.start,
        end: task.end,
    };
    let added = after
        .project
        .tasks()
        .iter()
        .filter(|task| !earlier.contains_key(&task.id))
        .map(|task| line(task))
        .collect();
    let removed = before
        .project
        .tasks()
        .iter()
        .filter(|task| !later.contains_key(&task.id))
        .map(|task| line(task))
        .collect();
    let changed = after
        .project
        .tasks()
        .iter()
        .filter_map(|task| {
            let old = before.project.find_task(*earlier.get(&task.id)?)?;
            let changes = task_changes(before, after, old, task, &later);
            (!changes.is_empty()).then(|| TaskChange {
                id: task.id,
                title: task.title.clone(),
                changes,
            })
        })
        .collect();
    Changes {
        project_name: after.project.name.clone(),
        matching,
        added,
        removed,
        changed,
        project: project_changes(before, after),
    }
}

fn person_name(people: &[Person], id: Option<PersonId>) -> Option<String> {
    let id = id?;
    Some(
        people
            .iter()
            .find(|person| person.id == id)
            .map_or_else(|| id.to_string(), |person| person.name.clone()),
    )
}

fn task_title(project: &Project, id: Option<TaskId>) -> Option<String> {
    let id = id?;
    Some(
        project
            .find_task(id)
            .map_or_else(|| id.to_string(), |task| task.title.clone()),
    )
}

fn column_name(project: &Project, task: &Task) -> String {
    project
        .column(task.column)
        .map(|column| column.name.clone())
        .unwrap_or_default()
}

fn task_changes(
    before: PlanRef,
    after: PlanRef,
    old: &Task,
    new: &Task,
    later: &HashMap<TaskId, TaskId>,
) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    if old.title != new.title {
        changes.push(FieldChange::Renamed {
            from: old.title.clone(),
            to: new.title.clone(),
        });
    }
    if (old.start, old.end) != (new.start, new.end) {
        changes.push(FieldChange::Dates {
            from: (old.start, old.end),
            to: (new.start, new.end),
            shift: after
                .project
                .calendar
                .working_days_between(old.start, new.start),
        });
    }
    let (old_assignee, new_assignee) = (
        person_name(before.people, old.assignee),
        person_name(after.people, new.assignee),
    );
    if old_assignee != new_assignee {
        changes.push(FieldChange::Assignee {
            from: old_assignee,
            to: new_assignee,
        });
    }
    let (old_status, new_status) = (
        column_name(before.project, old),
        column_name(after.project, new),
    );
    if old_status != new_status {
        changes.push(FieldChange::Status {
            from: old_status,
            to: new_status,
        });
    }
    if old.progress != new.progress {
        changes.push(FieldChange::Progress {
            from: old.progress,
            to: new.progress,
        });
    }
    if old.estimate != new.estimate {
        changes.push(FieldChange::Estimate {
            from: old.estimate,
            to: new.estimate,
        });
    }
    if old.fixed_cost != new.fixed_cost {
        changes.push(FieldChange::Cost {
            from: old.fixed_cost,
            to: new.fixed_cost,
            currency: after.project.budget.currency,
        });
    }
    let old_parent = old
        .parent
        .map(|parent| later.get(&parent).copied().unwrap_or(parent));
    if old_parent != new.parent {
        changes.push(FieldChange::Parent {
            from: task_title(before.project, old.parent),
            to: task_title(after.project, new.parent),
        });
    }
    let old_links: Vec<TaskId> = old
        .dependencies
        .iter()
        .map(|link| {
            later
                .get(&link.predecessor)
                .copied()
                .unwrap_or(link.predecessor)
        })
        .collect();
    for link in &new.dependencies {
        if !old_links.contains(&link.predecessor) {
            let title = task_title(after.project, Some(link.predecessor)).unwrap_or_default();
            changes.push(FieldChange::DependencyAdded(title));
        }
    }
    for (link, mapped) in old.dependencies.iter().zip(&old_links) {
        if new.dependency_on(*mapped).is_none() {
            let title = task_title(before.project, Some(link.predecessor)).unwrap_or_default();
            changes.push(FieldChange::DependencyRemoved(title));
        }
    }
    changes
}

fn project_changes(before: PlanRef, after: PlanRef) -> Vec<ProjectChange> {
    let (old, new) = (before.project, after.project);
    let mut changes = Vec::new();
    if old.budget != new.budget {
        changes.push(ProjectChange::Budget {
            from: old.budget.amount,
            to: new.budget.amount,
            currency: new.budget.currency,
        });
    }
    if old.deadline != new.deadline {
        changes.push(ProjectChange::Deadline {
            from: old.deadline,
            to: new.deadline,
        });
    }
    if old.calendar != new.calendar {
        changes.push(ProjectChange::Calendar);
    }
    for member in new.team() {
        if !old.team().contains(member) {
            let name = person_name(after.people, Some(*member)).unwrap_or_default();
            changes.push(ProjectChange::Joined(name));
        }
    }
    for member in old.team() {
        if !new.team().contains(member) {
            let name = person_name(before.people, Some(*member)).unwrap_or_default();
            changes.push(ProjectChange::Left(name));
        }
    }
    changes
}

/// Pairs tasks of two copies without shared ids: first by title under the same chain of
/// summary-task titles, then by title alone, each earlier task used once. Returns
/// (later id, earlier id) pairs.
fn match_by_title(before: &Project, after: &Project) -> Vec<(TaskId, TaskId)> {
    let path = |project: &Project, task: &Task| -> Vec<String> {
        let mut titles = vec![task.title.to_lowercase()];
        let mut current = task.parent;
        while let Some(parent) = current.and_then(|id| project.find_task(id)) {
            if titles.len() > project.tasks().len() {
                break;
            }
            titles.push(parent.title.to_lowercase());
            current = parent.parent;
        }
        titles
    };
    let mut used: HashSet<TaskId> = HashSet::new();
    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    for task in after.tasks() {
        let wanted = path(after, task);
        let found = before
            .tasks()
            .iter()
            .find(|old| !used.contains(&old.id) && path(before, old) == wanted);
        match found {
            Some(old) => {
                used.insert(old.id);
                pairs.push((task.id, old.id));
            }
            None => unmatched.push(task),
        }
    }
    for task in unmatched {
        let title = task.title.to_lowercase();
        let found = before
            .tasks()
            .iter()
            .find(|old| !used.contains(&old.id) && old.title.to_lowercase() == title);
        if let Some(old) = found {
            used.insert(old.id);
            pairs.push((task.id, old.id));
        }
    }
    pairs
}

fn dates(format: &dyn Formatter, (start, end): (NaiveDate, NaiveDate)) -> String {
    if start == end {
        format.date(start)
    } else {
        format!("{} – {}", format.date(start), format.date(end))
    }
}

fn working_days(days: i64) -> String {
    match days.unsigned_abs() {
        1 => "1 working day".to_string(),
        count => format!("{count} working days"),
    }
}

fn or_none(value: &Option<String>, none: &str) -> String {
    value
        .as_ref()
        .map_or_else(|| none.to_string(), |name| format!("“{name}”"))
}

/// One task change as a sentence ("Dates moved 2 working days later: … to …").
pub fn describe_change(change: &FieldChange, format: &dyn Formatter) -> String {
    match change {
        FieldChange::Renamed { from, to } => format!("Renamed from “{from}” to “{to}”"),
        FieldChange::Dates { from, to, shift } => {
            let moved = match shift {
                0 => "Dates changed".to_string(),
                days if *days > 0 => format!("Moved {} later", working_days(*days)),
                days => format!("Moved {} earlier", working_days(*days)),
            };
            format!(
                "{moved}: {} to {}",
                dates(format, *from),
                dates(format, *to)
            )
        }
        FieldChange::Assignee { from, to } => format!(
            "Assignee {} to {}",
            or_none(from, "nobody"),
            or_none(to, "nobody")
        ),
        FieldChange::Status { from, to } => format!("Status “{from}” to “{to}”"),
        FieldChange::Progress { from, to } => {
            format!("Progress {}% to {}%", from.percent(), to.percent())
        }
        FieldChange::Estimate { from, to } => {
            format!("Estimate {} to {}", format.hours(*from), format.hours(*to))
        }
        FieldChange::Cost { from, to, currency } => format!(
            "Fixed cost {} to {}",
            format.money(*from, *currency),
            format.money(*to, *currency)
        ),
        FieldChange::Parent { from, to } => format!(
            "Moved from {} to {}",
            or_none(from, "the top level"),
            or_none(to, "the top level")
        ),
        FieldChange::DependencyAdded(title) => format!("Now waits for “{title}”"),
        FieldChange::DependencyRemoved(title) => format!("No longer waits for “{title}”"),
    }
}

/// One project change as a sentence.
pub fn describe_project_change(change: &ProjectChange, format: &dyn Formatter) -> String {
    let day = |day: &Option<NaiveDate>| day.map_or_else(|| "none".to_string(), |d| format.date(d));
    match change {
        ProjectChange::Budget { from, to, currency } => format!(
            "Budget {} to {}",
            format.money(*from, *currency),
            format.money(*to, *currency)
        ),
        ProjectChange::Deadline { from, to } => {
            format!("Deadline {} to {}", day(from), day(to))
        }
        ProjectChange::Calendar => "Working days or holidays changed".to_string(),
        ProjectChange::Joined(name) => format!("“{name}” joined the team"),
        ProjectChange::Left(name) => format!("“{name}” left the team"),
    }
}

/// The heading of the Changes page and list.
pub const HEADING: &str = "Changes";

/// The note shown when tasks were matched without ids.
pub const MATCHED_BY_TITLE: &str =
    "The two copies share no task ids, so tasks were matched by title and outline position.";

/// The changes as GitHub-flavoured Markdown, ready to paste into an e-mail.
pub fn to_markdown(changes: &Changes, format: &dyn Formatter) -> String {
    let mut out = format!(
        "# {HEADING}: {}\n\n",
        escape_markdown(&changes.project_name)
    );
    if changes.matching == Matching::TitleAndPosition {
        out.push_str(&format!("{MATCHED_BY_TITLE}\n\n"));
    }
    if changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let task_line = |line: &TaskLine| {
        format!(
            "- **{}** ({})\n",
            escape_markdown(&line.title),
            dates(format, (line.start, line.end))
        )
    };
    for (heading, lines) in [("Added", &changes.added), ("Removed", &changes.removed)] {
        out.push_str(&format!("## {heading} ({})\n\n", lines.len()));
        for line in lines.iter() {
            out.push_str(&task_line(line));
        }
        out.push('\n');
    }
    out.push_str(&format!("## Changed ({})\n\n", changes.changed_count()));
    if !changes.project.is_empty() {
        out.push_str("- **Project**\n");
        for change in &changes.project {
            let sentence = describe_project_change(change, format);
            out.push_str(&format!("  - {}\n", escape_markdown(&sentence)));
        }
    }
    for task in &changes.changed {
        out.push_str(&format!("- **{}**\n", escape_markdown(&task.title)));
        for change in &task.changes {
            let sentence = describe_change(change, format);
            out.push_str(&format!("  - {}\n", escape_markdown(&sentence)));
        }
    }
    out
}
