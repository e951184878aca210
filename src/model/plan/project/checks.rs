//! The checks every command and `validate` share: a task against its project (references,
//! hierarchy, loops through the event graph), and each kind of value on its own (names, text,
//! dates, money, calendars, time entries, risks, thresholds, columns), cleaning text on the way.

use super::{Column, Project};
use crate::model::calendar::{date_in_range, Calendar};
use crate::model::error::{Field, ModelError, ModelResult};
use crate::model::graph;
use crate::model::ids::TaskId;
use crate::model::plan::thresholds::HealthThresholds;
use crate::model::risk::Risk;
use crate::model::task::{Task, MAX_LAG_DAYS};
use crate::model::text;
use crate::model::tracking::{TimeEntry, MAX_ENTRY_HOURS};
use crate::model::units::{Hours, Money};
use chrono::NaiveDate;
use std::sync::Arc;

impl Project {
    /// Cleans `task`'s text and checks it against the project; `index` is where it will replace
    /// an existing task. The project is not changed.
    pub(super) fn check_task(&self, task: &mut Task, index: Option<usize>) -> ModelResult {
        check_task_fields(task)?;
        self.column(task.column)?;
        if let Some(assignee) = task.assignee {
            if !self.team.contains(&assignee) {
                return Err(ModelError::NotOnTeam(assignee));
            }
        }
        if let Some(parent) = task.parent {
            let parent_task = self.task(parent)?;
            if parent == task.id || self.is_ancestor(task.id, parent) {
                return Err(ModelError::ParentCycle {
                    task: task.id,
                    parent,
                });
            }
            if parent_task.milestone {
                return Err(ModelError::MilestoneWithSubtasks(parent));
            }
        }
        if task.milestone && self.is_summary(task.id) {
            return Err(ModelError::MilestoneWithSubtasks(task.id));
        }
        for (position, dependency) in task.dependencies.iter().enumerate() {
            let predecessor = dependency.predecessor;
            self.task(predecessor)?;
            if task.dependencies[..position]
                .iter()
                .any(|earlier| earlier.predecessor == predecessor)
            {
                return Err(ModelError::DuplicateDependency {
                    predecessor,
                    successor: task.id,
                });
            }
            let ancestor_of_task = task.parent == Some(predecessor)
                || task
                    .parent
                    .is_some_and(|parent| self.is_ancestor(predecessor, parent));
            if ancestor_of_task || self.is_ancestor(task.id, predecessor) {
                return Err(ModelError::LinkWithinHierarchy {
                    task: task.id,
                    relative: predecessor,
                });
            }
        }
        let old = index.map(|index| &self.tasks[index]);
        if let Some(parent) = task.parent {
            if old.is_none_or(|old| old.parent != task.parent) {
                self.check_new_ancestry(task.id, parent)?;
            }
        }
        let structure_changed = old
            .is_none_or(|old| old.parent != task.parent || old.dependencies != task.dependencies);
        // Removing links or a parent cannot close a loop; anything else is checked on the
        // whole network, because loops can run through summary tasks.
        if structure_changed && (task.parent.is_some() || !task.dependencies.is_empty()) {
            let mut tentative = self.tasks.clone();
            match index {
                Some(index) => tentative[index] = Arc::new(task.clone()),
                None => tentative.push(Arc::new(task.clone())),
            }
            if let Some(path) = graph::find_cycle(&tentative) {
                return Err(ModelError::Cycle { path });
            }
        }
        Ok(())
    }

    /// Placing `task` under `parent` makes `parent` and its ancestors ancestors of `task` and of
    /// all its subtasks; no dependency may join the two groups.
    fn check_new_ancestry(&self, task: TaskId, parent: TaskId) -> ModelResult {
        let mut ancestors = vec![parent];
        let mut current = self.find_task(parent).and_then(|task| task.parent);
        while let Some(id) = current {
            if ancestors.contains(&id) || ancestors.len() > self.tasks.len() {
                break;
            }
            ancestors.push(id);
            current = self.find_task(id).and_then(|task| task.parent);
        }
        let mut subtree = vec![task];
        let mut next = 0;
        while next < subtree.len() {
            let id = subtree[next];
            subtree.extend(self.children(id).map(|child| child.id));
            next += 1;
            if subtree.len() > self.tasks.len() + 1 {
                break;
            }
        }
        for member in &subtree {
            let Some(member_task) = self.find_task(*member) else {
                continue;
            };
            if let Some(link) = member_task
                .dependencies
                .iter()
                .find(|dependency| ancestors.contains(&dependency.predecessor))
            {
                return Err(ModelError::LinkWithinHierarchy {
                    task: *member,
                    relative: link.predecessor,
                });
            }
        }
        for ancestor in &ancestors {
            let Some(ancestor_task) = self.find_task(*ancestor) else {
                continue;
            };
            if let Some(link) = ancestor_task
                .dependencies
                .iter()
                .find(|dependency| subtree.contains(&dependency.predecessor))
            {
                return Err(ModelError::LinkWithinHierarchy {
                    task: *ancestor,
                    relative: link.predecessor,
                });
            }
        }
        Ok(())
    }
}

/// Checks a task on its own, cleaning its text: title, text lengths, dates, milestone shape
/// and lags. References are checked against the project elsewhere.
pub(in crate::model) fn check_task_fields(task: &mut Task) -> ModelResult {
    task.title = checked_name(&task.title, Field::TaskTitle)?;
    task.description = checked_block(&task.description, Field::TaskDescription)?;
    task.tags = text::clean_tags(&task.tags);
    if task.tags.len() > text::MAX_TAGS {
        return Err(ModelError::TooManyTags {
            max: text::MAX_TAGS,
        });
    }
    if task
        .tags
        .iter()
        .any(|tag| tag.chars().count() > text::MAX_TAG_CHARS)
    {
        return Err(ModelError::TooLong {
            field: Field::Tag,
            max: text::MAX_TAG_CHARS,
        });
    }
    for date in [
        Some(task.start),
        Some(task.end),
        Some(task.created),
        task.completed,
    ]
    .into_iter()
    .flatten()
    {
        check_date(date)?;
    }
    if task.end < task.start {
        return Err(ModelError::EndBeforeStart {
            start: task.start,
            end: task.end,
        });
    }
    if task.milestone && task.start != task.end {
        return Err(ModelError::MilestoneSpansDays {
            start: task.start,
            end: task.end,
        });
    }
    check_money(task.fixed_cost)?;
    check_money(task.actual_fixed_cost)?;
    for dependency in &task.dependencies {
        if dependency.predecessor == task.id {
            return Err(ModelError::SelfDependency(task.id));
        }
        if dependency.lag.abs() > MAX_LAG_DAYS {
            return Err(ModelError::LagOutOfRange(dependency.lag));
        }
    }
    Ok(())
}

/// A one-line name, cleaned, non-empty and not too long.
pub(in crate::model) fn checked_name(name: &str, field: Field) -> ModelResult<String> {
    let cleaned = text::clean_line(name);
    if cleaned.is_empty() {
        return Err(ModelError::Blank(field));
    }
    if cleaned.chars().count() > text::MAX_NAME_CHARS {
        return Err(ModelError::TooLong {
            field,
            max: text::MAX_NAME_CHARS,
        });
    }
    Ok(cleaned)
}

/// Free text, cleaned and not too long; may be empty.
pub(in crate::model) fn checked_block(value: &str, field: Field) -> ModelResult<String> {
    let cleaned = text::clean_block(value);
    if cleaned.chars().count() > text::MAX_TEXT_CHARS {
        return Err(ModelError::TooLong {
            field,
            max: text::MAX_TEXT_CHARS,
        });
    }
    Ok(cleaned)
}

pub(in crate::model) fn check_date(date: NaiveDate) -> ModelResult {
    if date_in_range(date) {
        Ok(())
    } else {
        Err(ModelError::DateOutOfRange(date))
    }
}

pub(in crate::model) fn check_money(amount: Money) -> ModelResult {
    if amount.0 < 0 {
        Err(ModelError::NegativeMoney(amount.0))
    } else if amount > Money::MAX {
        Err(ModelError::MoneyTooLarge(amount.0))
    } else {
        Ok(())
    }
}

pub(in crate::model) fn check_calendar(calendar: &Calendar) -> ModelResult {
    if calendar.working_weekdays.is_empty() {
        return Err(ModelError::NoWorkingDays);
    }
    calendar
        .holidays
        .iter()
        .chain(&calendar.working_days)
        .try_for_each(|day| check_date(*day))
}

pub(in crate::model) fn check_entry_fields(entry: &mut TimeEntry) -> ModelResult {
    check_date(entry.date)?;
    if entry.hours == Hours::ZERO || entry.hours > MAX_ENTRY_HOURS {
        return Err(ModelError::EntryHours(entry.hours));
    }
    entry.note = checked_block(&entry.note, Field::Note)?;
    Ok(())
}

pub(in crate::model) fn check_risk_fields(risk: &mut Risk) -> ModelResult {
    risk.title = checked_name(&risk.title, Field::RiskTitle)?;
    if let Some(due) = risk.due {
        check_date(due)?;
    }
    Ok(())
}

pub(in crate::model) fn check_thresholds(thresholds: &HealthThresholds) -> ModelResult {
    let ordered = thresholds.budget_red_cpi <= thresholds.budget_amber_cpi
        && thresholds.schedule_amber_days <= thresholds.schedule_red_days
        && thresholds.scope_amber_percent <= thresholds.scope_red_percent
        && thresholds.budget_amber_cpi <= 10_000
        && thresholds.scope_red_percent <= 10_000
        && thresholds.schedule_red_days <= 10_000;
    if ordered {
        Ok(())
    } else {
        Err(ModelError::Thresholds)
    }
}

pub(in crate::model) fn check_column(column: &mut Column) -> ModelResult {
    column.name = checked_name(&column.name, Field::ColumnName)?;
    if column.wip_limit == Some(0) {
        return Err(ModelError::ZeroWipLimit);
    }
    Ok(())
}
