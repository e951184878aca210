//! The "Health thresholds" section of project settings: where scope, budget and schedule turn
//! amber and red, with a message beside each bad field. Applied with its own button, as one undo
//! step.

use crate::model::HealthThresholds;
use crate::model::ProjectId;
use crate::store::AppState;
use crate::ui::widgets::TextField;
use leptos::prelude::*;

/// The thresholds as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThresholdForm {
    pub budget_amber: String,
    pub budget_red: String,
    pub schedule_amber: String,
    pub schedule_red: String,
    pub scope_amber: String,
    pub scope_red: String,
}

/// A message per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThresholdErrors {
    pub budget_amber: Option<String>,
    pub budget_red: Option<String>,
    pub schedule_amber: Option<String>,
    pub schedule_red: Option<String>,
    pub scope_amber: Option<String>,
    pub scope_red: Option<String>,
}

/// A CPI in thousandths as text: 950 → "0.95", 925 → "0.925".
fn cpi_text(thousandths: u32) -> String {
    let (whole, fraction) = (thousandths / 1000, thousandths % 1000);
    if fraction % 10 == 0 {
        format!("{whole}.{:02}", fraction / 10)
    } else {
        format!("{whole}.{fraction:03}")
    }
}

/// Reads a CPI such as "0.95" into thousandths (at most three decimals, 0 to 10).
fn parse_cpi(text: &str) -> Option<u32> {
    let text = text.trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    if fraction.len() > 3
        || !whole
            .chars()
            .chain(fraction.chars())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let fraction: u32 = format!("{fraction:0<3}").parse().ok()?;
    let value = whole.checked_mul(1000)?.checked_add(fraction)?;
    (value <= 10_000).then_some(value)
}

fn parse_whole(text: &str) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|value| *value <= 10_000)
}

impl ThresholdForm {
    /// The form showing `thresholds`.
    pub fn from_thresholds(thresholds: &HealthThresholds) -> ThresholdForm {
        ThresholdForm {
            budget_amber: cpi_text(thresholds.budget_amber_cpi),
            budget_red: cpi_text(thresholds.budget_red_cpi),
            schedule_amber: thresholds.schedule_amber_days.to_string(),
            schedule_red: thresholds.schedule_red_days.to_string(),
            scope_amber: thresholds.scope_amber_percent.to_string(),
            scope_red: thresholds.scope_red_percent.to_string(),
        }
    }

    /// Checks every field and their order (red beyond amber); all messages at once.
    pub fn check(&self) -> Result<HealthThresholds, Box<ThresholdErrors>> {
        let mut errors = ThresholdErrors::default();
        let cpi = |text: &str, slot: &mut Option<String>| {
            let value = parse_cpi(text);
            if value.is_none() {
                *slot = Some(
                    "Enter a CPI from 0 to 10 with up to three decimals, such as 0.95.".to_string(),
                );
            }
            value
        };
        let whole = |text: &str, slot: &mut Option<String>, what: &str| {
            let value = parse_whole(text);
            if value.is_none() {
                *slot = Some(format!("Enter a whole number of {what} from 0 to 10000."));
            }
            value
        };
        let budget_amber = cpi(&self.budget_amber, &mut errors.budget_amber);
        let budget_red = cpi(&self.budget_red, &mut errors.budget_red);
        let schedule_amber = whole(
            &self.schedule_amber,
            &mut errors.schedule_amber,
            "working days",
        );
        let schedule_red = whole(&self.schedule_red, &mut errors.schedule_red, "working days");
        let scope_amber = whole(&self.scope_amber, &mut errors.scope_amber, "percent");
        let scope_red = whole(&self.scope_red, &mut errors.scope_red, "percent");
        if let (Some(amber), Some(red)) = (budget_amber, budget_red) {
            if red > amber {
                errors.budget_red =
                    Some("The red CPI must be at or below the amber CPI.".to_string());
            }
        }
        if let (Some(amber), Some(red)) = (schedule_amber, schedule_red) {
            if red < amber {
                errors.schedule_red =
                    Some("Red must be at least as many days as amber.".to_string());
            }
        }
        if let (Some(amber), Some(red)) = (scope_amber, scope_red) {
            if red < amber {
                errors.scope_red = Some("Red must be at least the amber percentage.".to_string());
            }
        }
        match (
            budget_amber,
            budget_red,
            schedule_amber,
            schedule_red,
            scope_amber,
            scope_red,
        ) {
            (
                Some(budget_amber_cpi),
                Some(budget_red_cpi),
                Some(schedule_amber_days),
                Some(schedule_red_days),
                Some(scope_amber_percent),
                Some(scope_red_percent),
            ) if errors == ThresholdErrors::default() => Ok(HealthThresholds {
                budget_amber_cpi,
                budget_red_cpi,
                schedule_amber_days,
                schedule_red_days,
                scope_amber_percent,
                scope_red_percent,
            }),
            _ => Err(Box::new(errors)),
        }
    }
}

/// The health thresholds of project `id`, editable.
#[component]
pub fn HealthSettings(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let stored = state.workspace().with_untracked(|workspace| {
        workspace
            .find_project(id)
            .map(|project| project.health)
            .unwrap_or_default()
    });
    let start = ThresholdForm::from_thresholds(&stored);
    let budget_amber = RwSignal::new(start.budget_amber);
    let budget_red = RwSignal::new(start.budget_red);
    let schedule_amber = RwSignal::new(start.schedule_amber);
    let schedule_red = RwSignal::new(start.schedule_red);
    let scope_amber = RwSignal::new(start.scope_amber);
    let scope_red = RwSignal::new(start.scope_red);
    let errors = RwSignal::new(ThresholdErrors::default());
    let saved = RwSignal::new(None::<String>);
    let save = move |_| {
        let form = ThresholdForm {
            budget_amber: budget_amber.get_untracked(),
            budget_red: budget_red.get_untracked(),
            schedule_amber: schedule_amber.get_untracked(),
            schedule_red: schedule_red.get_untracked(),
            scope_amber: scope_amber.get_untracked(),
            scope_red: scope_red.get_untracked(),
        };
        match form.check() {
            Err(found) => {
                errors.set(*found);
                saved.set(None);
            }
            Ok(thresholds) => match state.set_health_thresholds(id, thresholds) {
                Ok(()) => {
                    errors.set(ThresholdErrors::default());
                    saved.set(Some("Health thresholds saved.".to_string()));
                }
                Err(error) => saved.set(Some(super::super::tasks::time::refusal(state, &error))),
            },
        }
    };
    let error_of = move |pick: fn(&ThresholdErrors) -> Option<String>| {
        Signal::derive(move || pick(&errors.get()))
    };
    view! {
        <section class="settings__section" aria-labelledby="settings-health">
            <h3 id="settings-health">"Health thresholds"</h3>
            <p class="field__hint">
                "Where the Dashboard's Scope, Budget and Schedule cards turn amber (at risk) and red (off track). Applied with its own button."
            </p>
            <div class="field-row">
                <TextField label="Budget amber below CPI" value=budget_amber inputmode="decimal" error=error_of(|errors| errors.budget_amber.clone()) />
                <TextField label="Budget red below CPI" value=budget_red inputmode="decimal" error=error_of(|errors| errors.budget_red.clone()) />
            </div>
            <div class="field-row">
                <TextField label="Schedule amber after slip (working days)" value=schedule_amber inputmode="numeric" error=error_of(|errors| errors.schedule_amber.clone()) />
                <TextField label="Schedule red after slip (working days)" value=schedule_red inputmode="numeric" error=error_of(|errors| errors.schedule_red.clone()) />
            </div>
            <div class="field-row">
                <TextField label="Scope amber above growth (%)" value=scope_amber inputmode="numeric" error=error_of(|errors| errors.scope_amber.clone()) />
                <TextField label="Scope red above growth (%)" value=scope_red inputmode="numeric" error=error_of(|errors| errors.scope_red.clone()) />
            </div>
            <div class="toolbar">
                <button type="button" class="button" on:click=save>
                    "Apply thresholds"
                </button>
                <span role="status">{move || saved.get().unwrap_or_default()}</span>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_thresholds_round_trip_through_the_form() {
        let defaults = HealthThresholds::default();
        let form = ThresholdForm::from_thresholds(&defaults);
        assert_eq!(form.budget_amber, "0.95");
        assert_eq!(form.budget_red, "0.90");
        assert_eq!(form.check(), Ok(defaults));
    }

    #[test]
    fn bad_and_disordered_thresholds_get_messages() {
        let form = ThresholdForm {
            budget_amber: "0.9".to_string(),
            budget_red: "0.95".to_string(),
            schedule_amber: "lots".to_string(),
            schedule_red: "5".to_string(),
            scope_amber: "20".to_string(),
            scope_red: "10".to_string(),
        };
        let errors = form.check().expect_err("invalid thresholds");
        assert!(errors.budget_red.is_some());
        assert!(errors.schedule_amber.is_some());
        assert!(errors.scope_red.is_some());
        assert_eq!(parse_cpi("0.925"), Some(925));
        assert_eq!(parse_cpi("1"), Some(1000));
        assert_eq!(parse_cpi("0.9251"), None);
        assert_eq!(cpi_text(925), "0.925");
        assert_eq!(cpi_text(1000), "1.00");
    }
}
