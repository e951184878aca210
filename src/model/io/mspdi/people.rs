//! Resources, assignments and baselines.

use super::fields::{
    decimal, duration_minutes, finish_day, flag, guid, moment, money_of, number, start_day,
};
use super::read::{Reader, Row};
use super::LossKind;
use crate::model::ids::BaselineId;
use crate::model::text::clean_line;
use crate::model::{Baseline, BaselineTask, Hours, Money, Person, PersonId, Task, TaskId};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

impl<'a> Reader<'a, '_> {
    /// Work resources become people; the map gives every resource UID its person (or `None`
    /// for material and cost resources).
    pub(super) fn read_resources(&mut self) -> (Vec<Person>, HashMap<i64, Option<PersonId>>) {
        let mut people: Vec<Person> = Vec::new();
        let mut map = HashMap::new();
        let mut seen = HashSet::new();
        let root = self.root;
        for resource in root.list("Resources", "Resource") {
            let Some(uid) = number(resource, "UID") else {
                continue;
            };
            let name = resource.text_of("Name").map(clean_line).unwrap_or_default();
            if flag(resource, "IsNull") || (name.is_empty() && uid == 0) {
                continue;
            }
            let kind = number(resource, "Type").unwrap_or(1);
            if kind != 1 || flag(resource, "IsCostResource") {
                self.losses.one(LossKind::MaterialOrCostResources);
                map.insert(uid, None);
                continue;
            }
            let id = guid(resource)
                .filter(|uuid| seen.insert(*uuid))
                .map(PersonId)
                .unwrap_or_else(|| PersonId::new(self.ids));
            let name = if name.is_empty() {
                format!("Resource {uid}")
            } else {
                self.shorten_line(name)
            };
            let mut person = Person::new(id, name);
            person.role = self.shorten_line(
                resource
                    .text_of("Group")
                    .map(clean_line)
                    .unwrap_or_default(),
            );
            if let Some(rate) = decimal(resource, "StandardRate") {
                let minor = rate * 10f64.powi(self.currency.minor_digits() as i32);
                person.hourly_rate = Money(minor.round().clamp(0.0, Money::MAX.0 as f64) as i64);
            }
            if let Some(units) = decimal(resource, "MaxUnits") {
                // Some writers give percent (100) rather than a fraction (1.00).
                let fraction = if units > 10.0 { units / 100.0 } else { units };
                let hours = fraction.max(0.0) * self.clock.minutes_per_week / 60.0;
                if hours > 168.0 {
                    self.losses.one(LossKind::CapacityCapped);
                }
                person.weekly_capacity =
                    Hours::from_f64(hours.min(168.0)).unwrap_or(Hours::whole(40));
            }
            map.insert(uid, Some(id));
            people.push(person);
        }
        (people, map)
    }

    /// Assignees from the first work assignment; the other work resources are named in the
    /// description. Reports task costs Ironplan will compute differently.
    pub(super) fn assign(
        &mut self,
        rows: &mut [Row<'a>],
        resources: &HashMap<i64, Option<PersonId>>,
        people: &[Person],
    ) {
        let mut by_task: HashMap<i64, Vec<PersonId>> = HashMap::new();
        let root = self.root;
        for assignment in root.list("Assignments", "Assignment") {
            let (Some(task), Some(resource)) = (
                number(assignment, "TaskUID"),
                number(assignment, "ResourceUID"),
            ) else {
                continue;
            };
            if resource < 0 {
                continue; // MS Project's "unassigned" placeholder (-65535)
            }
            match resources.get(&resource) {
                Some(Some(person)) => {
                    let list = by_task.entry(task).or_default();
                    if !list.contains(person) {
                        list.push(*person);
                    }
                }
                Some(None) => {}
                None => self.losses.one(LossKind::UnknownResources),
            }
        }
        let parents: HashSet<TaskId> = rows.iter().filter_map(|row| row.task.parent).collect();
        for row in rows.iter_mut() {
            let assigned = row.uid.and_then(|uid| by_task.get(&uid));
            if let Some(assigned) = assigned {
                row.task.assignee = assigned.first().copied();
                if assigned.len() > 1 {
                    self.losses.one(LossKind::MultipleResources);
                    let others: Vec<&str> = assigned[1..]
                        .iter()
                        .filter_map(|id| people.iter().find(|person| person.id == *id))
                        .map(|person| person.name.as_str())
                        .collect();
                    let line = format!("Also assigned: {}", others.join(", "));
                    let description = if row.task.description.is_empty() {
                        line
                    } else {
                        format!("{}\n\n{line}", row.task.description)
                    };
                    row.task.description = self.shorten_block(description);
                }
            }
            if parents.contains(&row.task.id) {
                continue;
            }
            let Some(cost) = row
                .element
                .text_of("Cost")
                .and_then(|text| money_of(text, self.currency))
            else {
                continue;
            };
            let rate = row
                .task
                .assignee
                .and_then(|id| people.iter().find(|person| person.id == id))
                .map(|person| person.hourly_rate.0)
                .unwrap_or(0);
            let expected =
                row.task.fixed_cost.0 + (rate as f64 * row.task.estimate.as_f64()).round() as i64;
            if (expected - cost.0).abs() > 1 {
                self.losses.one(LossKind::CostsRecomputed);
            }
        }
    }

    /// Baseline 0 becomes "MS Project baseline" (the current one, so last); 1–10 become
    /// "Baseline 1" to "Baseline 10".
    pub(super) fn read_baselines(
        &mut self,
        rows: &[Row<'a>],
        tasks: &[Arc<Task>],
        people: &[Person],
        _resources: &HashMap<i64, Option<PersonId>>,
    ) -> Vec<Baseline> {
        let parents: HashSet<TaskId> = tasks.iter().filter_map(|task| task.parent).collect();
        let mut numbered: Vec<Vec<BaselineTask>> = vec![Vec::new(); 11];
        let mut extra = HashSet::new();
        for (row, task) in rows.iter().zip(tasks) {
            for baseline in row.element.all("Baseline") {
                let Some(number) = number(baseline, "Number") else {
                    continue;
                };
                let Some(slot) = usize::try_from(number).ok().filter(|n| *n <= 10) else {
                    extra.insert(number);
                    continue;
                };
                let Some(start) = baseline.text_of("Start").and_then(moment) else {
                    continue;
                };
                let start = if task.milestone {
                    start.date()
                } else {
                    start_day(start, &self.clock, &self.calendar)
                };
                let end = baseline
                    .text_of("Finish")
                    .and_then(moment)
                    .map(|finish| finish_day(finish, &self.clock, &self.calendar))
                    .unwrap_or(start);
                let (start, end) = (self.in_range(start), self.in_range(end));
                let end = if task.milestone {
                    start
                } else {
                    end.max(start)
                };
                let estimate = baseline
                    .text_of("Work")
                    .and_then(duration_minutes)
                    .and_then(|minutes| Hours::from_f64((minutes / 60.0).max(0.0)).ok())
                    .unwrap_or(Hours::ZERO);
                let hourly_rate = task
                    .assignee
                    .and_then(|id| people.iter().find(|person| person.id == id))
                    .map(|person| person.hourly_rate)
                    .unwrap_or(Money::ZERO);
                numbered[slot].push(BaselineTask {
                    task: task.id,
                    start,
                    end,
                    estimate,
                    hourly_rate,
                    fixed_cost: task.fixed_cost,
                    milestone: task.milestone,
                    summary: parents.contains(&task.id),
                });
            }
        }
        self.losses.add(LossKind::ExtraBaselines, extra.len());
        let mut baselines = Vec::new();
        for slot in (1..=10).chain([0]) {
            let tasks = std::mem::take(&mut numbered[slot]);
            if tasks.is_empty() {
                continue;
            }
            let name = if slot == 0 {
                "MS Project baseline".to_string()
            } else {
                format!("Baseline {slot}")
            };
            baselines.push(Baseline {
                id: BaselineId::new(self.ids),
                name,
                created: self.today,
                tasks,
            });
        }
        baselines
    }
}
