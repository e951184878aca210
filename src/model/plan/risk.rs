//! The project's risks and issues list, kept by the project manager for the status report.

use crate::model::ids::{PersonId, RiskId};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A risk may happen; an issue already has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RiskKind {
    #[default]
    Risk,
    Issue,
}

/// How badly it would hurt the project.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    Low,
    #[default]
    Medium,
    High,
}

/// One entry of the risks and issues list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: RiskId,
    pub kind: RiskKind,
    /// One line, never empty.
    pub title: String,
    /// Who handles it; a roster person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonId>,
    pub impact: Impact,
    /// When it must be handled by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Closed entries stay in the list but leave the report.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
}
