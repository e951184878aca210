//! The project form: name, dates, budget and currency, as typed, with its checks.

use super::super::format::date_input;
use super::super::widgets::{Modal, TextField};
use crate::model::{Budget, Calendar, Currency, Money, ProjectDetails};
use crate::store::AppState;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The project fields as the user types them. Checking turns them into [`ProjectDetails`] or
/// per-field messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectForm {
    pub name: String,
    pub description: String,
    pub start: String,
    pub deadline: String,
    pub budget: String,
    pub currency: String,
}

/// Messages per field; empty when the form is fine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectFormErrors {
    pub name: Option<String>,
    pub start: Option<String>,
    pub deadline: Option<String>,
    pub budget: Option<String>,
    pub currency: Option<String>,
}

impl ProjectFormErrors {
    /// True when no field has a message.
    pub fn is_empty(&self) -> bool {
        self == &ProjectFormErrors::default()
    }
}

impl ProjectForm {
    /// A form for a new project starting `today`.
    pub fn new_project(today: NaiveDate) -> ProjectForm {
        ProjectForm {
            start: date_input(today),
            currency: "EUR".to_string(),
            ..ProjectForm::default()
        }
    }

    /// A form showing `details`.
    pub fn from_details(details: &ProjectDetails) -> ProjectForm {
        ProjectForm {
            name: details.name.clone(),
            description: details.description.clone(),
            start: date_input(details.start),
            deadline: details.deadline.map(date_input).unwrap_or_default(),
            budget: if details.budget.amount == Money::ZERO {
                String::new()
            } else {
                details
                    .budget
                    .amount
                    .to_major_string(details.budget.currency)
            },
            currency: details.budget.currency.code().to_string(),
        }
    }

    /// Checks every field; `calendar` is kept as it is.
    pub fn check(&self, calendar: Calendar) -> Result<ProjectDetails, ProjectFormErrors> {
        let mut errors = ProjectFormErrors::default();
        if self.name.trim().is_empty() {
            errors.name = Some("Enter a project name.".to_string());
        }
        let start = parse_date(&self.start);
        if start.is_none() {
            errors.start = Some("Enter the start date.".to_string());
        }
        let deadline = if self.deadline.trim().is_empty() {
            None
        } else {
            match parse_date(&self.deadline) {
                Some(deadline) if start.is_some_and(|start| deadline < start) => {
                    errors.deadline = Some("The deadline is before the project start.".to_string());
                    None
                }
                Some(deadline) => Some(deadline),
                None => {
                    errors.deadline = Some("Enter a valid date, or leave it empty.".to_string());
                    None
                }
            }
        };
        let currency = match Currency::parse(&self.currency) {
            Ok(currency) => Some(currency),
            Err(_) => {
                errors.currency =
                    Some("Use a three-letter ISO code such as EUR or USD.".to_string());
                None
            }
        };
        let amount = if self.budget.trim().is_empty() {
            Some(Money::ZERO)
        } else {
            match Money::parse_major(&self.budget, currency.unwrap_or_default()) {
                Ok(amount) if amount.0 < 0 => {
                    errors.budget = Some("The budget cannot be negative.".to_string());
                    None
                }
                Ok(amount) => Some(amount),
                Err(error) => {
                    errors.budget = Some(format!("Enter an amount such as 12500.00 ({error})."));
                    None
                }
            }
        };
        match (start, currency, amount) {
            (Some(start), Some(currency), Some(amount)) if errors.is_empty() => {
                Ok(ProjectDetails {
                    name: self.name.clone(),
                    description: self.description.clone(),
                    start,
                    deadline,
                    budget: Budget { amount, currency },
                    calendar,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Reads an `<input type="date">` value.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The signals behind the project fields, shared by the new-project and settings dialogs.
#[derive(Clone, Copy)]
pub struct ProjectFields {
    pub name: RwSignal<String>,
    pub description: RwSignal<String>,
    pub start: RwSignal<String>,
    pub deadline: RwSignal<String>,
    pub budget: RwSignal<String>,
    pub currency: RwSignal<String>,
    pub errors: RwSignal<ProjectFormErrors>,
}

impl ProjectFields {
    /// Signals holding `form`.
    pub fn new(form: ProjectForm) -> ProjectFields {
        ProjectFields {
            name: RwSignal::new(form.name),
            description: RwSignal::new(form.description),
            start: RwSignal::new(form.start),
            deadline: RwSignal::new(form.deadline),
            budget: RwSignal::new(form.budget),
            currency: RwSignal::new(form.currency),
            errors: RwSignal::new(ProjectFormErrors::default()),
        }
    }

    /// The form as typed.
    pub fn form(&self) -> ProjectForm {
        ProjectForm {
            name: self.name.get_untracked(),
            description: self.description.get_untracked(),
            start: self.start.get_untracked(),
            deadline: self.deadline.get_untracked(),
            budget: self.budget.get_untracked(),
            currency: self.currency.get_untracked(),
        }
    }

    /// Checks the form and shows its messages.
    pub fn check(&self, calendar: Calendar) -> Option<ProjectDetails> {
        match self.form().check(calendar) {
            Ok(details) => {
                self.errors.set(ProjectFormErrors::default());
                Some(details)
            }
            Err(errors) => {
                self.errors.set(errors);
                None
            }
        }
    }

    /// The labelled inputs.
    pub fn view(self, autofocus: bool) -> impl IntoView {
        let errors = self.errors;
        view! {
            <TextField
                label="Project name"
                value=self.name
                required=true
                autofocus=autofocus
                error=Signal::derive(move || errors.get().name)
            />
            <div class="field-row">
                <TextField
                    label="Project start"
                    input_type="date"
                    value=self.start
                    required=true
                    error=Signal::derive(move || errors.get().start)
                />
                <TextField
                    label="Deadline"
                    input_type="date"
                    value=self.deadline
                    error=Signal::derive(move || errors.get().deadline)
                />
            </div>
            <div class="field-row">
                <TextField
                    label="Budget"
                    value=self.budget
                    inputmode="decimal"
                    hint="In major units, e.g. 12500.00"
                    error=Signal::derive(move || errors.get().budget)
                />
                <TextField
                    label="Currency"
                    value=self.currency
                    hint="ISO code, e.g. EUR"
                    error=Signal::derive(move || errors.get().currency)
                />
            </div>
        }
    }
}

/// The "New project" dialog.
#[component]
pub fn NewProjectDialog(
    /// Called when the dialog should close, created or not.
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let fields = ProjectFields::new(ProjectForm::new_project(state.today.get_untracked()));
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Some(details) = fields.check(Calendar::default()) {
            if state.create_project(details).is_some() {
                on_close.run(());
            }
        }
    };
    view! {
        <Modal title="New project" on_close=on_close>
            <form class="form" on:submit=submit novalidate>
                {fields.view(true)}
                <div class="modal__actions">
                    <button type="button" class="button" on:click=move |_| on_close.run(())>
                        "Cancel"
                    </button>
                    <button type="submit" class="button button--primary">
                        "Save"
                    </button>
                </div>
            </form>
        </Modal>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProjectForm {
        ProjectForm {
            name: "CRM migration".to_string(),
            start: "2027-01-04".to_string(),
            deadline: "2027-06-30".to_string(),
            budget: "120,000.50".to_string(),
            currency: "usd".to_string(),
            ..ProjectForm::default()
        }
    }

    #[test]
    fn a_complete_form_gives_project_details() {
        let details = form().check(Calendar::default()).expect("valid form");
        assert_eq!(details.budget.amount, Money(12_000_050));
        assert_eq!(details.budget.currency.code(), "USD");
        assert_eq!(details.deadline, parse_date("2027-06-30"));
    }

    #[test]
    fn each_bad_field_gets_its_own_message() {
        let bad = ProjectForm {
            name: " ".to_string(),
            deadline: "2026-01-01".to_string(),
            budget: "lots".to_string(),
            currency: "EURO".to_string(),
            ..form()
        };
        let errors = bad.check(Calendar::default()).expect_err("invalid form");
        assert!(errors.name.is_some());
        assert!(errors.deadline.is_some());
        assert!(errors.budget.is_some());
        assert!(errors.currency.is_some());
        assert!(errors.start.is_none());
    }
}
