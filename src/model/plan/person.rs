//! People in the workspace roster: who can be assigned work, and what an hour of theirs costs.

use crate::model::ids::PersonId;
use crate::model::units::{Hours, Money};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A person who can be assigned tasks in any project whose team they are on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique across every copy of the plan.
    pub id: PersonId,
    /// Display name, never empty.
    pub name: String,
    /// Job title or role on projects ("Backend developer").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Cost of one hour of work, in minor units of the project's currency.
    #[serde(default)]
    pub hourly_rate: Money,
    /// Hours a week this person can work on projects.
    #[serde(default = "default_capacity")]
    pub weekly_capacity: Hours,
}

fn default_capacity() -> Hours {
    Hours::whole(40)
}

impl Person {
    /// A person with no role, no rate and a 40-hour week.
    pub fn new(id: PersonId, name: impl Into<String>) -> Person {
        Person {
            id,
            name: name.into(),
            role: String::new(),
            hourly_rate: Money::ZERO,
            weekly_capacity: default_capacity(),
        }
    }

    /// Initials for avatars: the first letter of the first and last words ("Ada Lovelace" is "AL").
    pub fn initials(&self) -> String {
        let words: Vec<&str> = self.name.split_whitespace().collect();
        let letter = |word: Option<&&str>| {
            word.and_then(|word| word.chars().next())
                .map(|c| c.to_uppercase().to_string())
                .unwrap_or_default()
        };
        match words.len() {
            0 => "?".to_string(),
            1 => letter(words.first()),
            _ => letter(words.first()) + &letter(words.last()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::SequentialIds;

    #[test]
    fn initials_come_from_first_and_last_names() {
        let mut ids = SequentialIds::default();
        assert_eq!(
            Person::new(PersonId::new(&mut ids), "Ada King Lovelace").initials(),
            "AL"
        );
        assert_eq!(
            Person::new(PersonId::new(&mut ids), "grace").initials(),
            "G"
        );
        assert_eq!(Person::new(PersonId::new(&mut ids), " ").initials(), "?");
    }
}
