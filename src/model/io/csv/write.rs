//! Writing a project as a spreadsheet: one row per task in outline order, RFC 4180 with CRLF
//! line ends and a UTF-8 byte order mark (so Excel reads it as UTF-8), and no cell that a
//! spreadsheet would run as a formula.

use crate::model::cost::{planned_cost, Rates};
use crate::model::{Dependency, Hours, LinkKind, Person, Project, Task, TaskId};
use std::collections::HashMap;

/// The header row Ironplan writes; importing it maps every column but Cost.
pub const EXPORT_HEADERS: [&str; 15] = [
    "ID",
    "WBS",
    "Title",
    "Status",
    "Assignee",
    "Start",
    "End",
    "Duration",
    "Estimate (hours)",
    "Progress (%)",
    "Milestone",
    "Priority",
    "Tags",
    "Predecessors",
    "Cost",
];

/// The tasks of `project` in outline order (each summary task before its subtasks, siblings
/// in plan order), with their WBS numbers ("1", "1.2", "1.2.1").
pub fn outline(project: &Project) -> Vec<(&Task, String)> {
    let tasks = project.tasks();
    let known: HashMap<TaskId, usize> = tasks
        .iter()
        .enumerate()
        .map(|(index, task)| (task.id, index))
        .collect();
    let mut children: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    for (index, task) in tasks.iter().enumerate() {
        let parent = task.parent.and_then(|parent| known.get(&parent).copied());
        children.entry(parent).or_default().push(index);
    }
    let mut ordered = Vec::with_capacity(tasks.len());
    // Each entry: a task and its WBS prefix; pushed in reverse so the first sibling pops first.
    let mut waiting: Vec<(usize, String)> = Vec::new();
    let push_children =
        |waiting: &mut Vec<(usize, String)>, parent: Option<usize>, prefix: &str| {
            if let Some(list) = children.get(&parent) {
                for (position, child) in list.iter().enumerate().rev() {
                    let number = if prefix.is_empty() {
                        (position + 1).to_string()
                    } else {
                        format!("{prefix}.{}", position + 1)
                    };
                    waiting.push((*child, number));
                }
            }
        };
    push_children(&mut waiting, None, "");
    while let Some((index, number)) = waiting.pop() {
        if ordered.len() > tasks.len() {
            break;
        }
        push_children(&mut waiting, Some(index), &number);
        ordered.push((tasks[index].as_ref(), number));
    }
    ordered
}

/// A dependency in MS Project's notation, on `key`: "3", "3SS", "3FS+2d", "3FF-1d".
pub fn link_notation(key: &str, dependency: &Dependency) -> String {
    let kind = match (dependency.kind, dependency.lag) {
        (LinkKind::FinishToStart, 0) => "",
        (kind, _) => kind.abbreviation(),
    };
    let lag = match dependency.lag {
        0 => String::new(),
        lag => format!("{lag:+}d"),
    };
    format!("{key}{kind}{lag}")
}

/// Hours as a plain number: "8", "12.5", "0.25".
pub fn hours_text(hours: Hours) -> String {
    let centi = hours.centi();
    if centi.is_multiple_of(100) {
        (centi / 100).to_string()
    } else {
        format!("{}.{:02}", centi / 100, centi % 100)
            .trim_end_matches('0')
            .to_string()
    }
}

/// True when a spreadsheet would take `cell` for a formula or swallow its first character:
/// it starts with `=`, `+`, `-`, `@`, tab or carriage return, after any apostrophes (so that
/// a guarded cell can be told from a cell that began with an apostrophe).
fn is_guarded(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell with a leading apostrophe when it needs one (OWASP's advice against CSV injection).
pub fn guard_cell(cell: &str) -> String {
    if is_guarded(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The cell text as it was before [`guard_cell`].
pub fn unguard_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if is_guarded(rest) => rest,
        _ => cell,
    }
}

/// The project as CSV text: the [`EXPORT_HEADERS`], then one row per task in outline order.
/// IDs are row numbers, and predecessors name them. `people` is the roster (for names and
/// rates).
pub fn export_csv(project: &Project, people: &[Person]) -> String {
    let ordered = outline(project);
    let row_of: HashMap<TaskId, usize> = ordered
        .iter()
        .enumerate()
        .map(|(index, (task, _))| (task.id, index + 1))
        .collect();
    let rates = Rates::new(people);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut write = |cells: &[String]| {
        writer
            .write_record(cells.iter().map(|cell| guard_cell(cell)))
            .expect("writing to memory cannot fail");
    };
    write(&EXPORT_HEADERS.map(str::to_string));
    for (row, (task, wbs)) in ordered.iter().enumerate() {
        let status = project
            .column(task.column)
            .map(|column| column.name.clone())
            .unwrap_or_default();
        let assignee = task
            .assignee
            .and_then(|id| people.iter().find(|person| person.id == id))
            .map(|person| person.name.clone())
            .unwrap_or_default();
        let duration = if task.milestone {
            0
        } else {
            project
                .calendar
                .working_days_inclusive(task.start, task.end)
        };
        let predecessors = task
            .dependencies
            .iter()
            .filter_map(|dependency| {
                let key = row_of.get(&dependency.predecessor)?;
                Some(link_notation(&key.to_string(), dependency))
            })
            .collect::<Vec<_>>()
            .join(", ");
        let cost = planned_cost(task, &rates)
            .rounded()
            .to_major_string(project.budget.currency);
        write(&[
            (row + 1).to_string(),
            wbs.clone(),
            task.title.clone(),
            status,
            assignee,
            task.start.to_string(),
            task.end.to_string(),
            duration.to_string(),
            hours_text(task.estimate),
            task.progress.percent().to_string(),
            if task.milestone { "Yes" } else { "No" }.to_string(),
            task.priority.label().to_string(),
            task.tags.join(", "),
            predecessors,
            cost,
        ]);
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    let text = String::from_utf8(bytes).expect("the cells are UTF-8 strings");
    format!("\u{feff}{text}")
}
