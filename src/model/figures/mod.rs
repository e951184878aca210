//! The figures computed over a plan, never stored: cost, earned value, forecasts, health,
//! burn-up, workload, scope growth, weeks, and the exact ratios and formatting they go through.
//!
//! Above `plan` and `schedule`; below the view models in `views`.

pub mod burnup;
pub mod cost;
pub mod earned_value;
pub mod forecast;
pub mod format;
pub mod health;
pub mod ratio;
pub mod scope;
pub mod week;
pub mod workload;
