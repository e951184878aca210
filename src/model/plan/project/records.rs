//! The records a project keeps beside its tasks: baselines, the scope change log, risks and
//! issues, the days stand-ups and status reports were held, and the health thresholds.

use super::checks::{check_date, check_risk_fields, check_thresholds, checked_block, checked_name};
use super::Project;
use crate::model::baseline::Baseline;
use crate::model::error::{Field, ModelError, ModelResult};
use crate::model::ids::{BaselineId, RiskId, ScopeChangeId};
use crate::model::plan::scope_change::ScopeChange;
use crate::model::plan::thresholds::HealthThresholds;
use crate::model::risk::Risk;
use chrono::NaiveDate;

impl Project {
    /// Baselines, oldest first.
    pub fn baselines(&self) -> &[Baseline] {
        &self.baselines
    }

    /// The current baseline: the most recent one.
    pub fn baseline(&self) -> Option<&Baseline> {
        self.baselines.last()
    }

    /// Adds a baseline; it becomes the current one.
    pub fn add_baseline(&mut self, mut baseline: Baseline) -> ModelResult {
        if self.baselines.iter().any(|known| known.id == baseline.id) {
            return Err(ModelError::DuplicateId(baseline.id.uuid()));
        }
        baseline.name = checked_name(&baseline.name, Field::BaselineName)?;
        check_date(baseline.created)?;
        self.baselines.push(baseline);
        Ok(())
    }

    /// Deletes a baseline.
    pub fn remove_baseline(&mut self, id: BaselineId) -> ModelResult {
        let before = self.baselines.len();
        self.baselines.retain(|baseline| baseline.id != id);
        if self.baselines.len() == before {
            return Err(ModelError::UnknownBaseline(id));
        }
        Ok(())
    }

    /// The scope change log, oldest first.
    pub fn scope_log(&self) -> &[ScopeChange] {
        &self.scope_log
    }

    /// Appends entries to the scope log (see `scope::record_changes`).
    pub fn append_scope_changes(&mut self, changes: Vec<ScopeChange>) {
        self.scope_log.extend(changes);
    }

    /// Sets the reason typed for a scope change.
    pub fn set_scope_reason(&mut self, id: ScopeChangeId, reason: &str) -> ModelResult {
        let reason = checked_block(reason, Field::Note)?;
        let change = self
            .scope_log
            .iter_mut()
            .find(|change| change.id == id)
            .ok_or(ModelError::UnknownScopeChange(id))?;
        change.reason = reason;
        Ok(())
    }

    /// Risks and issues, in the order they were added.
    pub fn risks(&self) -> &[Risk] {
        &self.risks
    }

    /// Adds a risk or issue; its owner must be on the team.
    pub fn add_risk(&mut self, mut risk: Risk) -> ModelResult {
        if self.risks.iter().any(|known| known.id == risk.id) {
            return Err(ModelError::DuplicateId(risk.id.uuid()));
        }
        self.check_risk(&mut risk)?;
        self.risks.push(risk);
        Ok(())
    }

    /// Replaces the risk with the same id.
    pub fn update_risk(&mut self, mut risk: Risk) -> ModelResult {
        let position = self
            .risks
            .iter()
            .position(|known| known.id == risk.id)
            .ok_or(ModelError::UnknownRisk(risk.id))?;
        self.check_risk(&mut risk)?;
        self.risks[position] = risk;
        Ok(())
    }

    /// Deletes a risk.
    pub fn remove_risk(&mut self, id: RiskId) -> ModelResult {
        let before = self.risks.len();
        self.risks.retain(|risk| risk.id != id);
        if self.risks.len() == before {
            return Err(ModelError::UnknownRisk(id));
        }
        Ok(())
    }

    fn check_risk(&self, risk: &mut Risk) -> ModelResult {
        if let Some(owner) = risk.owner {
            if !self.team.contains(&owner) {
                return Err(ModelError::NotOnTeam(owner));
            }
        }
        check_risk_fields(risk)
    }

    /// Days a stand-up was held, oldest first.
    pub fn standups(&self) -> &[NaiveDate] {
        &self.standups
    }

    /// Records that a stand-up was held on `day` (once per day).
    pub fn record_standup(&mut self, day: NaiveDate) -> ModelResult {
        check_date(day)?;
        if let Err(at) = self.standups.binary_search(&day) {
            self.standups.insert(at, day);
        }
        Ok(())
    }

    /// Days a status report was issued, oldest first.
    pub fn reports(&self) -> &[NaiveDate] {
        &self.reports
    }

    /// Records that a status report was issued on `day` (once per day).
    pub fn record_report(&mut self, day: NaiveDate) -> ModelResult {
        check_date(day)?;
        if let Err(at) = self.reports.binary_search(&day) {
            self.reports.insert(at, day);
        }
        Ok(())
    }

    /// Changes where health turns amber and red.
    pub fn set_health_thresholds(&mut self, thresholds: HealthThresholds) -> ModelResult {
        check_thresholds(&thresholds)?;
        self.health = thresholds;
        Ok(())
    }
}
