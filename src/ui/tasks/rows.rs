//! The Tasks table as a pure view model: which rows show, in which order, at which depth.
//!
//! Siblings are sorted within their parent, so the hierarchy survives any sort; a filter keeps
//! matching tasks and their ancestors, so every match is seen in context.

use crate::model::ids::IdMap;
use crate::model::{Person, Project, Task, TaskId};
use std::cmp::Ordering;
use std::collections::HashSet;

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The plan's own order.
    #[default]
    Plan,
    Title,
    Status,
    Assignee,
    Priority,
    Start,
    End,
    Estimate,
    Progress,
}

/// Sort key and direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// The sort after clicking `key`'s header: ascending first, then descending, then plan order.
    pub fn toggled(self, key: SortKey) -> Sort {
        match (self.key == key, self.descending) {
            (false, _) => Sort {
                key,
                descending: false,
            },
            (true, false) => Sort {
                key,
                descending: true,
            },
            (true, true) => Sort::default(),
        }
    }
}

/// One visible row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TaskRow {
    pub id: TaskId,
    /// 0 for top-level tasks.
    pub depth: u16,
    pub has_children: bool,
    pub expanded: bool,
}

/// The rows to show and how many tasks the filter hides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskRows {
    pub rows: Vec<TaskRow>,
    pub hidden_by_filter: usize,
}

/// True when `task` matches the lower-cased `needle` in its title, description, tags,
/// assignee or status.
pub fn matches(task: &Task, project: &Project, people: &[Person], needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    let contains = |text: &str| text.to_lowercase().contains(needle);
    contains(&task.title)
        || contains(&task.description)
        || task.tags.iter().any(|tag| contains(tag))
        || task
            .assignee
            .and_then(|id| people.iter().find(|person| person.id == id))
            .is_some_and(|person| contains(&person.name))
        || project
            .column(task.column)
            .is_ok_and(|column| contains(&column.name))
}

fn compare(a: &Task, b: &Task, key: SortKey, project: &Project, people: &[Person]) -> Ordering {
    let person = |task: &Task| {
        task.assignee
            .and_then(|id| people.iter().find(|person| person.id == id))
            .map(|person| person.name.to_lowercase())
    };
    let column = |task: &Task| {
        project
            .columns()
            .iter()
            .position(|column| column.id == task.column)
    };
    match key {
        SortKey::Plan => Ordering::Equal,
        SortKey::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
        SortKey::Status => column(a).cmp(&column(b)),
        // Unassigned last.
        SortKey::Assignee => match (person(a), person(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortKey::Priority => a.priority.cmp(&b.priority),
        SortKey::Start => a.start.cmp(&b.start),
        SortKey::End => a.end.cmp(&b.end),
        SortKey::Estimate => a.estimate.cmp(&b.estimate),
        SortKey::Progress => a.progress.cmp(&b.progress),
    }
}

/// The visible rows of `project` for a filter text, a sort and the collapsed parents.
pub fn task_rows(
    project: &Project,
    people: &[Person],
    filter: &str,
    sort: Sort,
    collapsed: &HashSet<TaskId>,
) -> TaskRows {
    let tasks = project.tasks();
    let position = crate::model::task::positions(tasks);
    let mut children: IdMap<Option<TaskId>, Vec<usize>> = IdMap::default();
    for (index, task) in tasks.iter().enumerate() {
        let parent = task.parent.filter(|parent| position.contains_key(parent));
        children.entry(parent).or_default().push(index);
    }
    if sort.key != SortKey::Plan {
        for siblings in children.values_mut() {
            siblings.sort_by(|a, b| {
                let order = compare(&tasks[*a], &tasks[*b], sort.key, project, people);
                let order = if sort.descending {
                    order.reverse()
                } else {
                    order
                };
                order.then(a.cmp(b))
            });
        }
    }
    let needle = filter.trim().to_lowercase();
    let filtering = !needle.is_empty();
    let mut shown: Vec<bool> = vec![!filtering; tasks.len()];
    let mut matched = 0;
    if filtering {
        for (index, task) in tasks.iter().enumerate() {
            if matches(task, project, people, &needle) {
                matched += 1;
                let mut current = Some(index);
                let mut steps = 0;
                while let Some(at) = current {
                    if shown[at] && at != index || steps > tasks.len() {
                        break;
                    }
                    shown[at] = true;
                    current = tasks[at]
                        .parent
                        .and_then(|parent| position.get(&parent).copied());
                    steps += 1;
                }
            }
        }
    }
    let mut rows = Vec::with_capacity(tasks.len());
    // Depth-first, iteratively: (index, depth).
    let mut stack: Vec<(usize, u16)> = children
        .get(&None)
        .map(|roots| roots.iter().rev().map(|index| (*index, 0)).collect())
        .unwrap_or_default();
    let mut visited = vec![false; tasks.len()];
    while let Some((index, depth)) = stack.pop() {
        if visited[index] {
            continue;
        }
        visited[index] = true;
        if !shown[index] {
            continue;
        }
        let id = tasks[index].id;
        let kids = children.get(&Some(id));
        let has_children = kids.is_some_and(|kids| !kids.is_empty());
        let expanded = filtering || !collapsed.contains(&id);
        rows.push(TaskRow {
            id,
            depth,
            has_children,
            expanded,
        });
        if has_children && expanded {
            if let Some(kids) = kids {
                stack.extend(kids.iter().rev().map(|kid| (*kid, depth.saturating_add(1))));
            }
        }
    }
    TaskRows {
        rows,
        hidden_by_filter: if filtering { tasks.len() - matched } else { 0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, ProjectId, SequentialIds};
    use chrono::NaiveDate;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, n).expect("valid date")
    }

    /// Phase A with children b, c; top-level d.
    fn project() -> (Project, [TaskId; 4]) {
        let mut ids = SequentialIds::default();
        let mut project = Project::new(
            ProjectId::new(&mut ids),
            "P",
            day(4),
            Currency::EUR,
            &mut ids,
        )
        .expect("valid project");
        let column = project.columns()[0].id;
        let mut add = |title: &str, parent: Option<TaskId>, start: u32| {
            let mut task = Task::new(TaskId::new(&mut ids), title, column, day(start), day(1));
            task.parent = parent;
            let id = task.id;
            project.add_task(task, day(1)).expect("valid task");
            id
        };
        let a = add("Phase A", None, 4);
        let b = add("zeta", Some(a), 6);
        let c = add("alpha", Some(a), 5);
        let d = add("Deploy", None, 7);
        (project, [a, b, c, d])
    }

    #[test]
    fn rows_follow_the_hierarchy_with_depth() {
        let (project, [a, b, c, d]) = project();
        let rows = task_rows(&project, &[], "", Sort::default(), &HashSet::new());
        let order: Vec<(TaskId, u16)> = rows.rows.iter().map(|row| (row.id, row.depth)).collect();
        assert_eq!(order, vec![(a, 0), (b, 1), (c, 1), (d, 0)]);
        assert!(rows.rows[0].has_children);
    }

    #[test]
    fn sorting_orders_siblings_within_their_parent() {
        let (project, [a, b, c, d]) = project();
        let sort = Sort::default().toggled(SortKey::Title);
        let rows = task_rows(&project, &[], "", sort, &HashSet::new());
        let order: Vec<TaskId> = rows.rows.iter().map(|row| row.id).collect();
        assert_eq!(order, vec![d, a, c, b]);
        let descending = task_rows(
            &project,
            &[],
            "",
            sort.toggled(SortKey::Title),
            &HashSet::new(),
        );
        assert_eq!(descending.rows.first().map(|row| row.id), Some(a));
    }

    #[test]
    fn filtering_keeps_ancestors_and_counts_hidden_tasks() {
        let (project, [a, b, _, _]) = project();
        let rows = task_rows(&project, &[], "ZETA", Sort::default(), &HashSet::new());
        let order: Vec<TaskId> = rows.rows.iter().map(|row| row.id).collect();
        assert_eq!(order, vec![a, b]);
        assert_eq!(rows.hidden_by_filter, 3);
    }

    #[test]
    fn collapsed_parents_hide_their_subtasks() {
        let (project, [a, _, _, d]) = project();
        let collapsed: HashSet<TaskId> = [a].into_iter().collect();
        let rows = task_rows(&project, &[], "", Sort::default(), &collapsed);
        let order: Vec<TaskId> = rows.rows.iter().map(|row| row.id).collect();
        assert_eq!(order, vec![a, d]);
        assert!(!rows.rows[0].expanded);
    }
}
