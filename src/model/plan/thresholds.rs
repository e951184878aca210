//! The health thresholds a project keeps: where amber and red begin. The judging itself is
//! `figures::health`; the defaults and formulas are written down in `docs/health.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where amber and red begin. Ratios are in thousandths (CPI 0.9 is 900) so that the model stays
/// free of floats in stored data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct HealthThresholds {
    /// Budget is amber when CPI is below this (thousandths).
    pub budget_amber_cpi: u32,
    /// Budget is red when CPI is below this (thousandths).
    pub budget_red_cpi: u32,
    /// Schedule is amber when the forecast finish or a milestone slips more than this many
    /// working days.
    pub schedule_amber_days: u32,
    /// Schedule is red past this many working days of slip, or past the deadline.
    pub schedule_red_days: u32,
    /// Scope is amber when estimated hours grew by more than this many percent.
    pub scope_amber_percent: u32,
    /// Scope is red when estimated hours grew by more than this many percent.
    pub scope_red_percent: u32,
}

impl Default for HealthThresholds {
    fn default() -> Self {
        HealthThresholds {
            budget_amber_cpi: 950,
            budget_red_cpi: 900,
            schedule_amber_days: 2,
            schedule_red_days: 5,
            scope_amber_percent: 5,
            scope_red_percent: 10,
        }
    }
}
