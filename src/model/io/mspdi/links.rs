//! Predecessor links: kinds, lags in working days, and what cannot be kept.

use super::fields::{decimal, flag, number};
use super::read::{Reader, Row};
use super::xml::Element;
use super::LossKind;
use crate::model::ids::IdMap;
use crate::model::task::MAX_LAG_DAYS;
use crate::model::{graph, validate, Dependency, LinkKind, Task, TaskId};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

impl<'a> Reader<'a, '_> {
    /// Predecessor links, converted and checked against the outline.
    pub(super) fn link(&mut self, rows: &mut [Row<'a>], by_uid: &HashMap<i64, TaskId>) {
        let parent_of: IdMap<TaskId, TaskId> = rows
            .iter()
            .filter_map(|row| row.task.parent.map(|parent| (row.task.id, parent)))
            .collect();
        let durations: HashMap<TaskId, i64> = rows
            .iter()
            .map(|row| {
                let days = self
                    .calendar
                    .working_days_inclusive(row.task.start, row.task.end);
                (row.task.id, i64::from(days))
            })
            .collect();
        let is_ancestor =
            |ancestor: TaskId, task: TaskId| validate::is_ancestor(&parent_of, ancestor, task);
        for row in rows.iter_mut() {
            let mut dependencies: Vec<Dependency> = Vec::new();
            for link in row.element.all("PredecessorLink") {
                let predecessor = number(link, "PredecessorUID").and_then(|uid| by_uid.get(&uid));
                let Some(&predecessor) = predecessor.filter(|_| !flag(link, "CrossProject")) else {
                    self.losses.one(LossKind::LinksOutsideFile);
                    continue;
                };
                if predecessor == row.task.id
                    || dependencies
                        .iter()
                        .any(|known| known.predecessor == predecessor)
                    || is_ancestor(predecessor, row.task.id)
                    || is_ancestor(row.task.id, predecessor)
                {
                    self.losses.one(LossKind::LinksWithinHierarchy);
                    continue;
                }
                let kind = match number(link, "Type").unwrap_or(1) {
                    0 => LinkKind::FinishToFinish,
                    2 => LinkKind::StartToFinish,
                    3 => LinkKind::StartToStart,
                    _ => LinkKind::FinishToStart,
                };
                let lag = self.lag_days(link, durations.get(&predecessor).copied().unwrap_or(1));
                dependencies.push(Dependency {
                    predecessor,
                    kind,
                    lag,
                });
            }
            row.task.dependencies = dependencies;
        }
    }

    /// A link's lag in working days. `LinkLag` is in tenths of a minute; `LagFormat` says how it
    /// was entered: working time (minutes, hours, days, weeks, months) converts with the
    /// project's minutes per day; elapsed time with the share of the week that is worked;
    /// a percentage of the predecessor's duration in working days. Results are rounded to whole
    /// days, half away from zero.
    pub(super) fn lag_days(&mut self, link: &Element, predecessor_days: i64) -> i32 {
        let tenths = decimal(link, "LinkLag").unwrap_or(0.0);
        if tenths == 0.0 {
            return 0;
        }
        let format = number(link, "LagFormat").unwrap_or(7);
        let days = match format {
            19 | 20 | 51 | 52 => {
                self.losses.one(LossKind::PercentLags);
                tenths / 10.0 / 100.0 * predecessor_days as f64
            }
            4 | 6 | 8 | 10 | 12 | 36 | 38 | 40 | 42 | 44 => {
                self.losses.one(LossKind::ElapsedLags);
                let worked = self.calendar.working_weekdays.days().count() as f64 / 7.0;
                tenths / 10.0 / 1440.0 * worked
            }
            _ => tenths / 10.0 / self.clock.minutes_per_day,
        };
        let rounded = days.round();
        if (rounded - days).abs() > 1e-6
            && !matches!(
                format,
                19 | 20 | 51 | 52 | 4 | 6 | 8 | 10 | 12 | 36 | 38 | 40 | 42 | 44
            )
        {
            self.losses.one(LossKind::FractionalLags);
        }
        let limit = f64::from(MAX_LAG_DAYS);
        if rounded.abs() > limit {
            self.losses.one(LossKind::LagsCapped);
        }
        rounded.clamp(-limit, limit) as i32
    }

    /// Removes one link of each loop until none is left (loops can run through summary tasks).
    pub(super) fn break_loops(&mut self, tasks: &mut [Arc<Task>]) {
        let total: usize = tasks.iter().map(|task| task.dependencies.len()).sum();
        for _ in 0..total {
            let Some(path) = graph::find_cycle(tasks) else {
                return;
            };
            let in_path: HashSet<TaskId> = path.iter().copied().collect();
            let victim = tasks.iter().position(|task| {
                in_path.contains(&task.id)
                    && task
                        .dependencies
                        .iter()
                        .any(|dependency| in_path.contains(&dependency.predecessor))
            });
            let Some(index) =
                victim.or_else(|| tasks.iter().position(|task| !task.dependencies.is_empty()))
            else {
                return;
            };
            let task = Arc::make_mut(&mut tasks[index]);
            let at = task
                .dependencies
                .iter()
                .position(|dependency| in_path.contains(&dependency.predecessor))
                .unwrap_or(0);
            task.dependencies.remove(at);
            self.losses.one(LossKind::LinksInLoops);
        }
    }
}
