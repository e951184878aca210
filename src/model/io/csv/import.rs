//! Turning a mapped table into a project: statuses into columns, names into people, IDs,
//! WBS numbers or outline levels into the hierarchy, predecessor lists into dependencies.
//! What cannot be read is listed per row; the rest imports, and the result passes
//! [`crate::model::validate`] like any plan file.

use super::decode::Encoding;
use super::links::{break_loops, hierarchy, link, Keys};
use super::mapping::CsvField;
use super::read::{CsvError, CsvTable};
use super::rows::{read_row, settle_dates, Draft};
use super::values::DateFormat;
use crate::model::io::{project_file, ProjectFile};
use crate::model::schedule::IdMap;
use crate::model::{
    text, validate, Column, ColumnCategory, ColumnId, ConstraintKind, Currency, IdSource, Person,
    PersonId, Progress, Project, ProjectId, Task, TaskId,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// What the user chose in "Map columns".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvMapping {
    /// One field per column of the table.
    pub fields: Vec<CsvField>,
    /// How to read numeric dates; needed only when they are ambiguous.
    pub date_format: Option<DateFormat>,
    /// The new project's name; the file name without extension when blank.
    pub project_name: String,
}

/// Why a value or a row did not carry over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemKind {
    /// The row has no title, so it was left out.
    MissingTitle,
    /// Not a date; the row was left out.
    BadDate {
        text: String,
    },
    /// A date like 03/04/2026 with no date format chosen; the row was left out.
    AmbiguousDate {
        text: String,
    },
    /// The end is before the start; the task ends on its start.
    EndBeforeStart {
        start: NaiveDate,
        end: NaiveDate,
    },
    BadDuration {
        text: String,
    },
    BadEstimate {
        text: String,
    },
    BadProgress {
        text: String,
    },
    BadMilestone {
        text: String,
    },
    /// The priority is none Ironplan knows; the task is Medium.
    UnknownPriority {
        text: String,
    },
    /// Longer than Ironplan's 500-character titles; the rest was cut.
    TitleShortened,
    /// Tags over 60 characters or past the 30th were left out.
    TagsLeftOut {
        count: usize,
    },
    /// More than one person; the first is the assignee, the others are in the description.
    ExtraAssignees {
        names: Vec<String>,
    },
    /// A predecessor entry that is not "3FS+2d" notation.
    BadPredecessor {
        text: String,
    },
    /// A predecessor that names no row (or ID) of the file.
    UnknownPredecessor {
        text: String,
    },
    /// A task that names itself as its predecessor.
    SelfPredecessor {
        text: String,
    },
    /// A link between a task and its own summary task, which Ironplan does not allow.
    LinkWithinHierarchy {
        text: String,
    },
    /// A link that would close a loop of dependencies; it was left out.
    LinkLoop {
        text: String,
    },
    /// A parent that names no row (or ID) of the file; the task is top-level.
    UnknownParent {
        text: String,
    },
    /// A parent that would make a task its own ancestor; the task is top-level.
    ParentLoop {
        text: String,
    },
    /// An ID another row already has; links and parents naming it go to the first.
    DuplicateId {
        text: String,
    },
    /// A WBS number or outline level that could not be read.
    BadOutline {
        text: String,
    },
    /// A task marked as a milestone has subtasks, so it imports as a task.
    MilestoneWithSubtasks,
    /// The row had a different number of cells than the header.
    RaggedRow {
        found: usize,
        expected: usize,
    },
}

/// One problem, where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// The data row, from 1 (the row after the header is 1), as predecessors count rows.
    pub row: usize,
    /// The line of the file the row starts on.
    pub line: u64,
    /// The header of the column, when the problem is in one cell.
    pub column: Option<String>,
    pub kind: ProblemKind,
    /// True when the whole row was left out; otherwise only the value was.
    pub skipped: bool,
}

/// What the import holds, for the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvCounts {
    pub rows: usize,
    pub tasks: usize,
    pub milestones: usize,
    pub dependencies: usize,
    pub people_added: usize,
    pub people_matched: usize,
    pub columns_added: usize,
    pub rows_skipped: usize,
    /// Tasks moved later so that every dependency holds.
    pub tasks_moved: usize,
}

/// One task as Ironplan will read it, for the preview in "Map columns".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewTask {
    pub row: usize,
    pub title: String,
    pub status: String,
    pub assignee: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub milestone: bool,
    pub parent: Option<String>,
    /// In "3FS+2d" notation, by row number.
    pub predecessors: String,
}

/// How many tasks the preview shows.
pub const PREVIEW_TASKS: usize = 5;

/// A CSV file read into a new project, with what did not carry over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvImport {
    /// The project and its team, valid, ready for [`crate::model::io::merge_project`].
    pub file: ProjectFile,
    pub problems: Vec<RowProblem>,
    pub counts: CsvCounts,
    pub encoding: Encoding,
    /// The first tasks as they will arrive.
    pub preview: Vec<PreviewTask>,
}

/// Reads the table with `mapping` into a new project created `today`. People whose name
/// matches someone in `roster` (ignoring case) are that person; the others are added. New ids
/// come from `ids`. Fails only when the mapping does not fit the table or names no title.
pub fn import_csv(
    table: &CsvTable,
    mapping: &CsvMapping,
    today: NaiveDate,
    roster: &[Person],
    ids: &mut dyn IdSource,
) -> Result<CsvImport, CsvError> {
    if mapping.fields.len() != table.headers.len() {
        return Err(CsvError::MappingMismatch {
            fields: mapping.fields.len(),
            columns: table.headers.len(),
        });
    }
    if !mapping.fields.contains(&CsvField::Title) {
        return Err(CsvError::NoTitleColumn);
    }
    let fields = &mapping.fields;
    let mut problems = Vec::new();
    let mut drafts: Vec<Draft> = (0..table.rows.len())
        .filter_map(|index| read_row(table, fields, index, mapping.date_format, &mut problems))
        .collect();

    let name = project_name(&mapping.project_name, &table.file_name);
    let first_date = drafts
        .iter()
        .filter_map(|draft| draft.start.or(draft.end))
        .min();
    let mut project = Project::new(
        ProjectId::new(ids),
        &name,
        first_date.unwrap_or(today),
        Currency::EUR,
        ids,
    )
    .map_err(|error| CsvError::Invalid {
        message: error.to_string(),
    })?;
    let end_header = header_of(table, fields, CsvField::EndDate);
    let dates: Vec<(NaiveDate, NaiveDate)> = drafts
        .iter_mut()
        .map(|draft| {
            settle_dates(
                draft,
                &project.calendar,
                project.start,
                &mut problems,
                end_header.clone(),
            )
        })
        .collect();
    let task_ids: Vec<TaskId> = drafts.iter().map(|_| TaskId::new(ids)).collect();

    let mut counts = CsvCounts {
        rows: table.rows.len(),
        ..CsvCounts::default()
    };
    let columns = status_columns(&mut project, &drafts, ids, &mut counts)?;
    let people = team(&mut project, &drafts, roster, ids, &mut counts);

    let keys = Keys::new(&drafts, fields, table, &mut problems);
    let parents = hierarchy(&drafts, &keys, table, &mut problems);
    let mut tasks: Vec<Task> = Vec::with_capacity(drafts.len());
    for (index, draft) in drafts.iter().enumerate() {
        let (start, end) = dates[index];
        let column = draft
            .status
            .as_ref()
            .and_then(|status| columns.get(&status.to_lowercase()).copied())
            .unwrap_or(project.columns()[0].id);
        let mut task = Task::new(task_ids[index], draft.title.clone(), column, start, today);
        task.end = end;
        // A date the file states holds the task there, as typing it in MS Project does;
        // a task with neither date goes as soon as its predecessors allow.
        task.constraint = match (draft.start, draft.end) {
            (Some(_), _) => ConstraintKind::StartNoEarlierThan.with_date(start),
            (None, Some(_)) => ConstraintKind::FinishNoEarlierThan.with_date(end),
            (None, None) => ConstraintKind::AsSoonAsPossible.with_date(start),
        };
        task.description = draft.description.clone();
        task.milestone = draft.milestone;
        task.estimate = draft.estimate;
        task.progress = draft.progress;
        task.priority = draft.priority;
        task.tags = draft.tags.clone();
        task.parent = parents[index].map(|parent| task_ids[parent]);
        if let Some((first, others)) = draft.assignees.split_first() {
            task.assignee = people.get(&first.to_lowercase()).copied();
            if !others.is_empty() {
                let line = format!("Also assigned: {}", others.join(", "));
                task.description = [task.description.as_str(), line.as_str()]
                    .iter()
                    .filter(|part| !part.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n\n");
                problems.push(problem_at(
                    draft,
                    header_of(table, fields, CsvField::Assignee),
                    ProblemKind::ExtraAssignees {
                        names: others.to_vec(),
                    },
                ));
            }
        }
        task.description = text::clean_block(&task.description)
            .chars()
            .take(text::MAX_TEXT_CHARS)
            .collect();
        if project
            .column(column)
            .is_ok_and(|column| column.category == ColumnCategory::Done)
        {
            task.progress = Progress::DONE;
            task.completed = Some(today);
        }
        tasks.push(task);
    }
    let summaries: HashSet<usize> = parents.iter().flatten().copied().collect();
    for (index, task) in tasks.iter_mut().enumerate() {
        if task.milestone && summaries.contains(&index) {
            task.milestone = false;
            problems.push(problem_at(
                &drafts[index],
                None,
                ProblemKind::MilestoneWithSubtasks,
            ));
        }
    }
    link(&mut tasks, &drafts, &parents, &keys, table, &mut problems);
    *project.tasks_mut() = tasks.into_iter().map(Arc::new).collect();
    break_loops(&mut project, &drafts, &mut problems);

    // Rows with only a duration start on the project's first day; their predecessors now
    // place them, and summary tasks span their subtasks, as after any import.
    counts.tasks_moved = crate::model::schedule::reschedule_all(&mut project).len();
    counts.tasks = project.tasks().len();
    counts.milestones = project.tasks().iter().filter(|task| task.milestone).count();
    counts.dependencies = project
        .tasks()
        .iter()
        .map(|task| task.dependencies.len())
        .sum();
    let mut skipped: Vec<usize> = problems
        .iter()
        .filter(|problem| problem.skipped)
        .map(|problem| problem.row)
        .collect();
    skipped.dedup();
    counts.rows_skipped = skipped.len();
    problems.sort_by_key(|problem| (problem.row, !problem.skipped));

    let mut people_list: Vec<Person> = people_in_order(&project, roster, &people, &drafts);
    validate::people(&mut people_list).map_err(|invalid| CsvError::Invalid {
        message: invalid.to_string(),
    })?;
    let roster_ids: HashSet<PersonId> = people_list.iter().map(|person| person.id).collect();
    validate::project(&mut project, &roster_ids).map_err(|invalid| CsvError::Invalid {
        message: invalid.to_string(),
    })?;
    let preview = preview_tasks(&project, &people_list, &drafts);
    Ok(CsvImport {
        file: project_file(&project, &people_list),
        problems,
        counts,
        encoding: table.encoding,
        preview,
    })
}

/// The import of `table` as the "Map columns" preview needs it, with throwaway ids.
pub fn preview(
    table: &CsvTable,
    mapping: &CsvMapping,
    today: NaiveDate,
    roster: &[Person],
) -> Result<CsvImport, CsvError> {
    let mut ids = crate::model::SequentialIds::default();
    import_csv(table, mapping, today, roster, &mut ids)
}

pub(super) fn problem_at(draft: &Draft, column: Option<String>, kind: ProblemKind) -> RowProblem {
    RowProblem {
        row: draft.row,
        line: draft.line,
        column,
        kind,
        skipped: false,
    }
}

pub(super) fn header_of(table: &CsvTable, fields: &[CsvField], field: CsvField) -> Option<String> {
    let column = fields.iter().position(|mapped| *mapped == field)?;
    table.headers.get(column).cloned()
}

/// The project's name: the chosen one, else the file name without its extension.
fn project_name(chosen: &str, file_name: &str) -> String {
    let chosen = text::clean_line(chosen);
    if !chosen.is_empty() {
        return chosen.chars().take(text::MAX_NAME_CHARS).collect();
    }
    let stem = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file_name)
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem);
    let stem = text::clean_line(stem);
    if stem.is_empty() {
        "Imported plan".to_string()
    } else {
        stem.chars().take(text::MAX_NAME_CHARS).collect()
    }
}

/// The category a status name suggests.
fn category_of(status: &str) -> ColumnCategory {
    let status = status.to_lowercase();
    let done = [
        "done", "closed", "complete", "resolved", "finished", "shipped", "released",
    ];
    let doing = [
        "progress", "doing", "review", "working", "active", "started", "testing", "stuck",
        "blocked",
    ];
    if done.iter().any(|word| status.contains(word)) {
        ColumnCategory::Done
    } else if doing.iter().any(|word| status.contains(word)) {
        ColumnCategory::InProgress
    } else {
        ColumnCategory::Todo
    }
}

fn rank(category: ColumnCategory) -> usize {
    ColumnCategory::ALL
        .iter()
        .position(|known| *known == category)
        .unwrap_or(0)
}

/// Maps each status (lower case) to a column: an existing one by name, or a new one placed
/// after the last column of its category.
fn status_columns(
    project: &mut Project,
    drafts: &[Draft],
    ids: &mut dyn IdSource,
    counts: &mut CsvCounts,
) -> Result<HashMap<String, ColumnId>, CsvError> {
    let mut columns = HashMap::new();
    for status in drafts.iter().filter_map(|draft| draft.status.as_ref()) {
        let key = status.to_lowercase();
        if columns.contains_key(&key) || status.is_empty() {
            continue;
        }
        if let Some(known) = project
            .columns()
            .iter()
            .find(|column| column.name.to_lowercase() == key)
        {
            columns.insert(key, known.id);
            continue;
        }
        let category = category_of(status);
        let at = project
            .columns()
            .iter()
            .rposition(|column| rank(column.category) <= rank(category))
            .map_or(0, |last| last + 1);
        let name: String = status.chars().take(text::MAX_NAME_CHARS).collect();
        let column = Column::new(ColumnId::new(ids), name, category);
        let id = column.id;
        project
            .add_column(column, Some(at))
            .map_err(|error| CsvError::Invalid {
                message: error.to_string(),
            })?;
        counts.columns_added += 1;
        columns.insert(key, id);
    }
    Ok(columns)
}

/// Maps each assignee name (lower case) to a person, from the roster or new, and puts them
/// on the team.
fn team(
    project: &mut Project,
    drafts: &[Draft],
    roster: &[Person],
    ids: &mut dyn IdSource,
    counts: &mut CsvCounts,
) -> HashMap<String, PersonId> {
    let mut people = HashMap::new();
    for draft in drafts {
        let Some(name) = draft.assignees.first() else {
            continue;
        };
        let key = name.to_lowercase();
        if people.contains_key(&key) {
            continue;
        }
        let id = match roster
            .iter()
            .find(|person| text::clean_line(&person.name).to_lowercase() == key)
        {
            Some(known) => {
                counts.people_matched += 1;
                known.id
            }
            None => {
                counts.people_added += 1;
                PersonId::new(ids)
            }
        };
        project.add_member(id);
        people.insert(key, id);
    }
    people
}

/// The team as roster entries: matched people as the roster has them, new ones by name.
fn people_in_order(
    project: &Project,
    roster: &[Person],
    people: &HashMap<String, PersonId>,
    drafts: &[Draft],
) -> Vec<Person> {
    let names: HashMap<PersonId, &String> = drafts
        .iter()
        .filter_map(|draft| draft.assignees.first())
        .filter_map(|name| Some((*people.get(&name.to_lowercase())?, name)))
        .collect();
    project
        .team()
        .iter()
        .map(|id| match roster.iter().find(|person| person.id == *id) {
            Some(known) => known.clone(),
            None => Person::new(*id, names.get(id).map_or("", |name| name.as_str())),
        })
        .collect()
}

fn preview_tasks(project: &Project, people: &[Person], drafts: &[Draft]) -> Vec<PreviewTask> {
    let rows: IdMap<TaskId, usize> = project
        .tasks()
        .iter()
        .zip(drafts)
        .map(|(task, draft)| (task.id, draft.row))
        .collect();
    project
        .tasks()
        .iter()
        .zip(drafts)
        .take(PREVIEW_TASKS)
        .map(|(task, draft)| PreviewTask {
            row: draft.row,
            title: task.title.clone(),
            status: project
                .column(task.column)
                .map(|column| column.name.clone())
                .unwrap_or_default(),
            assignee: task.assignee.and_then(|id| {
                people
                    .iter()
                    .find(|person| person.id == id)
                    .map(|person| person.name.clone())
            }),
            start: task.start,
            end: task.end,
            milestone: task.milestone,
            parent: task
                .parent
                .and_then(|parent| project.find_task(parent))
                .map(|parent| parent.title.clone()),
            predecessors: task
                .dependencies
                .iter()
                .filter_map(|dependency| {
                    let row = rows.get(&dependency.predecessor)?;
                    Some(super::write::link_notation(&row.to_string(), dependency))
                })
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect()
}
