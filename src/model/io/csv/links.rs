//! How rows refer to each other: keys (IDs, row numbers, titles), the outline from Parent,
//! WBS or outline-level columns, and dependencies from predecessor lists. References that
//! cannot hold in a valid project (unknown, looping, within one branch of the outline) are
//! left out and listed.

use super::import::{header_of, problem_at, ProblemKind, RowProblem};
use super::mapping::CsvField;
use super::read::CsvTable;
use super::rows::Draft;
use super::values::parse_predecessor;
use crate::model::schedule::IdMap;
use crate::model::{graph, validate, Dependency, Project, Task, TaskId};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// How rows name each other: by ID when an ID column is mapped, else by row number; parents
/// may also be named by title.
pub(super) struct Keys {
    by_key: HashMap<String, usize>,
    by_title: HashMap<String, usize>,
    by_row: HashMap<usize, usize>,
    uses_ids: bool,
}

impl Keys {
    pub(super) fn new(
        drafts: &[Draft],
        fields: &[CsvField],
        table: &CsvTable,
        problems: &mut Vec<RowProblem>,
    ) -> Keys {
        let mut by_key = HashMap::new();
        let mut by_title = HashMap::new();
        for (index, draft) in drafts.iter().enumerate() {
            for key in &draft.keys {
                let first = *by_key.entry(key.clone()).or_insert(index);
                if first != index {
                    problems.push(problem_at(
                        draft,
                        header_of(table, fields, CsvField::Id),
                        ProblemKind::DuplicateId { text: key.clone() },
                    ));
                }
            }
            by_title.entry(draft.title.to_lowercase()).or_insert(index);
        }
        Keys {
            by_key,
            by_title,
            by_row: drafts
                .iter()
                .enumerate()
                .map(|(index, draft)| (draft.row, index))
                .collect(),
            uses_ids: fields.contains(&CsvField::Id),
        }
    }

    /// The draft a predecessor entry names.
    fn task(&self, key: &str) -> Option<usize> {
        if self.uses_ids {
            self.by_key.get(key).copied()
        } else {
            self.by_row.get(&key.parse::<usize>().ok()?).copied()
        }
    }

    fn is_key(&self, text: &str) -> bool {
        self.task(text).is_some()
    }
}

/// Each draft's parent (an index into `drafts`), from the Parent column, else WBS numbers,
/// else outline levels. Parents that would loop are dropped.
pub(super) fn hierarchy(
    drafts: &[Draft],
    keys: &Keys,
    table: &CsvTable,
    problems: &mut Vec<RowProblem>,
) -> Vec<Option<usize>> {
    let header = |column: usize| table.headers.get(column).cloned();
    let mut parents: Vec<Option<usize>> = vec![None; drafts.len()];
    let wbs: HashMap<&str, usize> = drafts
        .iter()
        .enumerate()
        .filter_map(|(index, draft)| Some((draft.wbs.as_ref()?.1.trim(), index)))
        .collect();
    let mut levels: Vec<(u32, usize)> = Vec::new();
    for (index, draft) in drafts.iter().enumerate() {
        if let Some((column, _)) = draft.parents.first() {
            let found = draft.parents.iter().find_map(|(_, text)| {
                keys.by_key
                    .get(text)
                    .or_else(|| {
                        (!keys.uses_ids)
                            .then(|| text.parse().ok().and_then(|row| keys.by_row.get(&row)))
                            .flatten()
                    })
                    .or_else(|| keys.by_title.get(&text.to_lowercase()))
                    .copied()
            });
            match found {
                Some(parent) if parent != index => parents[index] = Some(parent),
                _ => problems.push(problem_at(
                    draft,
                    header(*column),
                    ProblemKind::UnknownParent {
                        text: draft.parents[0].1.clone(),
                    },
                )),
            }
        } else if let Some((column, number)) = &draft.wbs {
            let number = number.trim().trim_end_matches('.');
            if let Some((above, _)) = number.rsplit_once('.') {
                match wbs.get(above) {
                    Some(parent) if *parent != index => parents[index] = Some(*parent),
                    _ => problems.push(problem_at(
                        draft,
                        header(*column),
                        ProblemKind::UnknownParent { text: above.into() },
                    )),
                }
            }
        } else if let Some((column, level)) = &draft.level {
            match level.trim().parse::<u32>() {
                Ok(level) if level >= 1 => {
                    while levels.last().is_some_and(|(known, _)| *known >= level) {
                        levels.pop();
                    }
                    parents[index] = levels
                        .last()
                        .filter(|(known, _)| *known == level - 1)
                        .map(|(_, parent)| *parent);
                    levels.push((level, index));
                }
                _ => problems.push(problem_at(
                    draft,
                    header(*column),
                    ProblemKind::BadOutline {
                        text: level.clone(),
                    },
                )),
            }
        }
    }
    // A chain longer than the task list is a loop: cut it at the row that closes it.
    for index in 0..drafts.len() {
        let mut current = parents[index];
        let mut steps = 0;
        while let Some(parent) = current {
            if parent == index || steps > drafts.len() {
                let text = drafts[parents[index].unwrap_or(index)].title.clone();
                parents[index] = None;
                problems.push(problem_at(
                    &drafts[index],
                    None,
                    ProblemKind::ParentLoop { text },
                ));
                break;
            }
            current = parents[parent];
            steps += 1;
        }
    }
    parents
}

fn is_ancestor(parents: &[Option<usize>], ancestor: usize, task: usize) -> bool {
    validate::is_above(|row| parents[row], parents.len(), ancestor, task)
}

/// Turns each draft's predecessor entries into dependencies, leaving out (and listing) the
/// unreadable, unknown, repeated and within-hierarchy ones.
pub(super) fn link(
    tasks: &mut [Task],
    drafts: &[Draft],
    parents: &[Option<usize>],
    keys: &Keys,
    table: &CsvTable,
    problems: &mut Vec<RowProblem>,
) {
    let ids: Vec<TaskId> = tasks.iter().map(|task| task.id).collect();
    for (index, draft) in drafts.iter().enumerate() {
        for (column, entry) in &draft.predecessors {
            let header = table.headers.get(*column).cloned();
            let report = |problems: &mut Vec<RowProblem>, kind| {
                problems.push(problem_at(draft, header.clone(), kind));
            };
            let text = entry.clone();
            let Some(reference) = parse_predecessor(entry, &|text| keys.is_key(text)) else {
                report(problems, ProblemKind::BadPredecessor { text });
                continue;
            };
            if reference.lag.abs() > crate::model::task::MAX_LAG_DAYS {
                report(problems, ProblemKind::BadPredecessor { text });
                continue;
            }
            let Some(predecessor) = keys.task(&reference.key) else {
                report(problems, ProblemKind::UnknownPredecessor { text });
                continue;
            };
            if predecessor == index {
                report(problems, ProblemKind::SelfPredecessor { text });
                continue;
            }
            if is_ancestor(parents, predecessor, index) || is_ancestor(parents, index, predecessor)
            {
                report(problems, ProblemKind::LinkWithinHierarchy { text });
                continue;
            }
            let task = &mut tasks[index];
            if task.dependency_on(ids[predecessor]).is_some() {
                continue;
            }
            task.dependencies.push(Dependency {
                predecessor: ids[predecessor],
                kind: reference.kind,
                lag: reference.lag,
            });
        }
    }
}

/// Drops one link of each dependency loop, from the latest row in the loop, until none is
/// left (loops may run through summary tasks, as the model's graph sees them).
pub(super) fn break_loops(project: &mut Project, drafts: &[Draft], problems: &mut Vec<RowProblem>) {
    let rows: IdMap<TaskId, usize> = project
        .tasks()
        .iter()
        .enumerate()
        .map(|(index, task)| (task.id, index))
        .collect();
    let limit = project.tasks().len() + 1;
    for _ in 0..limit {
        let Some(path) = graph::find_cycle(project.tasks()) else {
            return;
        };
        let in_loop: HashSet<TaskId> = path.iter().copied().collect();
        let cut = path
            .iter()
            .filter_map(|id| rows.get(id).copied())
            .filter(|index| {
                project.tasks()[*index]
                    .dependencies
                    .iter()
                    .any(|dependency| in_loop.contains(&dependency.predecessor))
            })
            .max();
        let Some(index) = cut else {
            // A loop through summary tasks alone: drop the links of its last task.
            let Some(index) = path.iter().filter_map(|id| rows.get(id).copied()).max() else {
                return;
            };
            Arc::make_mut(&mut project.tasks_mut()[index])
                .dependencies
                .clear();
            continue;
        };
        let task = Arc::make_mut(&mut project.tasks_mut()[index]);
        let position = task
            .dependencies
            .iter()
            .rposition(|dependency| in_loop.contains(&dependency.predecessor))
            .expect("the filter found one");
        let removed = task.dependencies.remove(position);
        let text = rows
            .get(&removed.predecessor)
            .map(|predecessor| drafts[*predecessor].title.clone())
            .unwrap_or_default();
        problems.push(problem_at(
            &drafts[index],
            None,
            ProblemKind::LinkLoop { text },
        ));
    }
}
