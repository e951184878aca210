//! The field-by-field engine under [`super::merge`]: three-way picks on JSON values, objects
//! merged key by key, and lists of things with ids merged as sets.
//!
//! Working on the plan's JSON keeps the rules in one place for every kind of record and lets
//! fields added to the plan format later merge without new code.

use super::order::{merge_order, Side};
use super::structure::LeftOut;
use super::three_way::{Choice, Choices, Conflict, Subject};
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The field name of a conflict about whether a record exists at all.
pub(super) const EXISTS: &str = "exists";
/// The field name of a conflict about where a record sits in its list.
pub(super) const POSITION: &str = "position";

/// Picks values and records conflicts and the changes taken from theirs.
pub(super) struct Engine<'a> {
    /// Without a base every difference is a conflict.
    pub two_way: bool,
    pub choices: &'a Choices,
    pub conflicts: Vec<Conflict>,
    /// Changes made only on their side and taken.
    pub from_theirs: usize,
    /// Links one side holds that the merged plan could not take.
    pub left_out: Vec<LeftOut>,
}

/// How to merge one list of records.
pub(super) struct ListRule<'r> {
    /// The record's id, as text.
    pub key: &'r dyn Fn(&Value) -> String,
    /// What a conflict about the record with this key is about.
    pub subject: &'r dyn Fn(&str) -> Subject,
    /// Records a side changed in ways its own value does not show (a task linked to or given
    /// a subtask): deleting them on the other side is a conflict too.
    pub touched: [&'r HashSet<String>; 2],
}

impl Engine<'_> {
    /// The choice made for a conflict; mine unless told otherwise.
    pub fn choice(&self, subject: Subject, field: &str) -> Choice {
        self.choices
            .get(&(subject, field.to_string()))
            .copied()
            .unwrap_or(Choice::Mine)
    }

    /// Records a conflict and returns the chosen side's value.
    pub fn conflict(
        &mut self,
        subject: Subject,
        field: &str,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let choice = self.choice(subject, field);
        if !self.has_conflict(subject, field) {
            self.conflicts.push(Conflict {
                subject,
                field: field.to_string(),
                mine: mine.cloned(),
                theirs: theirs.cloned(),
            });
        }
        match choice {
            Choice::Mine => mine.cloned(),
            Choice::Theirs => theirs.cloned(),
        }
    }

    /// True when a conflict about this field is already recorded.
    pub fn has_conflict(&self, subject: Subject, field: &str) -> bool {
        self.conflicts
            .iter()
            .any(|known| known.subject == subject && known.field == field)
    }

    /// One value: the same on both sides, changed on one side only, or a conflict. `None` is
    /// "absent".
    pub fn pick(
        &mut self,
        subject: Subject,
        field: &str,
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if mine == theirs {
            return mine.cloned();
        }
        if !self.two_way {
            if base == mine {
                self.from_theirs += 1;
                return theirs.cloned();
            }
            if base == theirs {
                return mine.cloned();
            }
        }
        self.conflict(subject, field, mine, theirs)
    }

    /// An object merged key by key, leaving out `skip`.
    pub fn object(
        &mut self,
        subject: Subject,
        base: Option<&Value>,
        mine: &Value,
        theirs: &Value,
        skip: &[&str],
    ) -> Map<String, Value> {
        let empty = Map::new();
        let base_fields = base.and_then(Value::as_object).unwrap_or(&empty);
        let mine_fields = mine.as_object().unwrap_or(&empty);
        let theirs_fields = theirs.as_object().unwrap_or(&empty);
        let keys: BTreeSet<&String> = base_fields
            .keys()
            .chain(mine_fields.keys())
            .chain(theirs_fields.keys())
            .filter(|key| !skip.contains(&key.as_str()))
            .collect();
        let mut merged = Map::new();
        for key in keys {
            let base_value = base.map(|_| base_fields.get(key));
            let picked = self.pick(
                subject,
                key,
                base_value.flatten(),
                mine_fields.get(key),
                theirs_fields.get(key),
            );
            if let Some(value) = picked {
                merged.insert(key.clone(), value);
            }
        }
        merged
    }

    /// A list of records with ids, merged as a set: records new on one side are added, records
    /// deleted on one side and untouched on the other go, deleted on one side and edited on the
    /// other is a conflict; records on both sides are merged by `entry` (engine, subject, base,
    /// mine, theirs). The order is merged too.
    #[allow(clippy::type_complexity)]
    pub fn list(
        &mut self,
        base: Option<&[Value]>,
        mine: &[Value],
        theirs: &[Value],
        rule: &ListRule,
        entry: &mut dyn FnMut(&mut Self, Subject, Option<&Value>, &Value, &Value) -> Value,
    ) -> Vec<Value> {
        let keyed = |values: &[Value]| -> Vec<(String, Value)> {
            values
                .iter()
                .map(|value| ((rule.key)(value), value.clone()))
                .collect()
        };
        let base_entries = base.map(keyed).unwrap_or_default();
        let mine_entries = keyed(mine);
        let theirs_entries = keyed(theirs);
        let index = |entries: &[(String, Value)]| -> HashMap<String, Value> {
            entries.iter().cloned().collect()
        };
        let (base_index, mine_index, theirs_index) = (
            index(&base_entries),
            index(&mine_entries),
            index(&theirs_entries),
        );
        let find = |entries: &HashMap<String, Value>, key: &str| entries.get(key).cloned();
        let keys: Vec<String> = mine_entries
            .iter()
            .chain(&theirs_entries)
            .chain(&base_entries)
            .map(|(key, _)| key.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut merged: Vec<(String, Value)> = Vec::new();
        for key in &keys {
            let subject = (rule.subject)(key);
            let base_value = find(&base_index, key);
            let mine_value = find(&mine_index, key);
            let theirs_value = find(&theirs_index, key);
            let value = match (&mine_value, &theirs_value) {
                (Some(mine_value), Some(theirs_value)) => Some(entry(
                    self,
                    subject,
                    base_value.as_ref(),
                    mine_value,
                    theirs_value,
                )),
                (None, None) => None,
                (kept, _) => {
                    let kept_side = if kept.is_some() {
                        Side::Mine
                    } else {
                        Side::Theirs
                    };
                    let kept_value = mine_value.as_ref().or(theirs_value.as_ref());
                    let touched = rule.touched[kept_side as usize].contains(key);
                    let outcome = match &base_value {
                        _ if self.two_way => None,
                        // New on one side.
                        None => Some(kept_value.cloned()),
                        // Deleted on the other side, untouched here.
                        Some(base_value) if kept_value == Some(base_value) && !touched => {
                            Some(None)
                        }
                        Some(_) => None,
                    };
                    match outcome {
                        Some(value) => {
                            if (kept_side == Side::Theirs) == value.is_some() {
                                self.from_theirs += 1;
                            }
                            value
                        }
                        None => self.conflict(
                            subject,
                            EXISTS,
                            mine_value.as_ref(),
                            theirs_value.as_ref(),
                        ),
                    }
                }
            };
            if let Some(value) = value {
                merged.push((key.clone(), value));
            }
        }
        let order = |entries: &[(String, Value)]| -> Vec<String> {
            entries.iter().map(|(key, _)| key.clone()).collect()
        };
        let (base_order, mine_order, theirs_order) = (
            order(&base_entries),
            order(&mine_entries),
            order(&theirs_entries),
        );
        let keep: HashSet<&str> = merged.iter().map(|(key, _)| key.as_str()).collect();
        let mut disputes = Vec::new();
        let sequence = merge_order(
            &base_order,
            &mine_order,
            &theirs_order,
            &keep,
            &mut |disputed| {
                let subject = (rule.subject)(disputed.key);
                let after = |key: Option<&str>| Value::from(key.unwrap_or_default());
                disputes.push((
                    subject,
                    after(disputed.mine_after),
                    after(disputed.theirs_after),
                ));
                match self.choice(subject, POSITION) {
                    Choice::Mine => Side::Mine,
                    Choice::Theirs => Side::Theirs,
                }
            },
        );
        for (subject, mine_after, theirs_after) in disputes {
            self.conflict(subject, POSITION, Some(&mine_after), Some(&theirs_after));
        }
        let mut by_key: HashMap<String, Value> = merged.into_iter().collect();
        sequence
            .into_iter()
            .filter_map(|key| by_key.remove(&key))
            .collect()
    }
}
