//! The team section of project settings: people, roles, rates and capacity.

use super::super::messages::quoted;
use crate::model::{Hours, Money, Person, PersonId, ProjectId};
use crate::store::AppState;
use leptos::prelude::*;

/// A team member as the settings table shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct MemberRow {
    person: Person,
    rate: String,
}

/// The people on project `id`, editable in place, and a form to add someone.
#[component]
pub fn PeopleSettings(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let members = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            let Some(project) = workspace.find_project(id) else {
                return Vec::new();
            };
            let currency = project.budget.currency;
            project
                .team()
                .iter()
                .filter_map(|member| workspace.person(*member))
                .map(|person| MemberRow {
                    person: person.clone(),
                    rate: if person.hourly_rate == Money::ZERO {
                        String::new()
                    } else {
                        person.hourly_rate.to_major_string(currency)
                    },
                })
                .collect::<Vec<_>>()
        })
    });
    let others = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            let team = workspace
                .find_project(id)
                .map(|project| project.team().to_vec())
                .unwrap_or_default();
            workspace
                .people()
                .iter()
                .filter(|person| !team.contains(&person.id))
                .map(|person| (person.id, person.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let currency = move || {
        state.workspace().with_untracked(|workspace| {
            workspace
                .find_project(id)
                .map(|project| project.budget.currency)
                .unwrap_or_default()
        })
    };
    let error = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let rate = RwSignal::new(String::new());
    let capacity = RwSignal::new("40".to_string());

    let add = move |_| {
        let person_name = name.get_untracked();
        if person_name.trim().is_empty() {
            error.set(Some("Enter the person's name.".to_string()));
            return;
        }
        let hourly_rate = if rate.get_untracked().trim().is_empty() {
            Money::ZERO
        } else {
            match Money::parse_major(&rate.get_untracked(), currency()) {
                Ok(amount) if amount.0 >= 0 => amount,
                _ => {
                    error.set(Some(
                        "Enter the hourly rate as an amount, such as 85.00.".to_string(),
                    ));
                    return;
                }
            }
        };
        let Ok(weekly_capacity) = Hours::parse(&capacity.get_untracked()) else {
            error.set(Some(
                "Enter the weekly capacity in hours, such as 40.".to_string(),
            ));
            return;
        };
        let person = Person {
            id: PersonId(uuid::Uuid::nil()),
            name: person_name,
            role: role.get_untracked(),
            hourly_rate,
            weekly_capacity,
        };
        if state.add_person(id, person).is_some() {
            error.set(None);
            name.set(String::new());
            role.set(String::new());
            rate.set(String::new());
            capacity.set("40".to_string());
        }
    };

    let update = move |mut person: Person, field: &'static str, value: String| {
        match field {
            "name" => person.name = value,
            "role" => person.role = value,
            "rate" => match Money::parse_major(&value, currency()) {
                Ok(amount) => person.hourly_rate = amount,
                Err(_) if value.trim().is_empty() => person.hourly_rate = Money::ZERO,
                Err(_) => {
                    error.set(Some(format!(
                        "The hourly rate of {} must be an amount, such as 85.00.",
                        quoted(&person.name)
                    )));
                    return;
                }
            },
            _ => match Hours::parse(&value) {
                Ok(hours) => person.weekly_capacity = hours,
                Err(_) => {
                    error.set(Some(format!(
                        "The weekly capacity of {} must be a number of hours.",
                        quoted(&person.name)
                    )));
                    return;
                }
            },
        }
        if state.update_person(person) {
            error.set(None);
        }
    };

    view! {
        <section class="settings__section" aria-labelledby="settings-people">
            <h3 id="settings-people">"People"</h3>
            <p class="field__hint">"Changes to people apply at once. Rates are per hour, in the project's currency."</p>
            <table class="table settings__table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Hourly rate"</th>
                        <th scope="col">"Weekly capacity (hours)"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || members.get()
                        key=|row| row.clone()
                        children=move |row| {
                            let person = row.person.clone();
                            let label = |what: &str| format!("{what} of {}", person.name);
                            let (p1, p2, p3, p4) = (person.clone(), person.clone(), person.clone(), person.clone());
                            let member = person.id;
                            view! {
                                <tr>
                                    <td><input class="field__input" aria-label=label("Name") prop:value=person.name.clone()
                                        on:change=move |event| update(p1.clone(), "name", event_target_value(&event)) /></td>
                                    <td><input class="field__input" aria-label=label("Role") prop:value=person.role.clone()
                                        on:change=move |event| update(p2.clone(), "role", event_target_value(&event)) /></td>
                                    <td><input class="field__input" inputmode="decimal" aria-label=label("Hourly rate") prop:value=row.rate.clone()
                                        on:change=move |event| update(p3.clone(), "rate", event_target_value(&event)) /></td>
                                    <td><input class="field__input" inputmode="decimal" aria-label=label("Weekly capacity") prop:value=person.weekly_capacity.to_string()
                                        on:change=move |event| update(p4.clone(), "capacity", event_target_value(&event)) /></td>
                                    <td>
                                        <button type="button" class="button button--quiet" on:click=move |_| { state.remove_team_member(id, member); }>
                                            {format!("Remove {} from the team", person.name)}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
            <div class="inline-form" role="group" aria-label="Add a person">
                <label>"Name" <input class="field__input" prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event)) /></label>
                <label>"Role" <input class="field__input" prop:value=move || role.get() on:input=move |event| role.set(event_target_value(&event)) /></label>
                <label>"Hourly rate" <input class="field__input" inputmode="decimal" prop:value=move || rate.get() on:input=move |event| rate.set(event_target_value(&event)) /></label>
                <label>"Weekly capacity" <input class="field__input" inputmode="decimal" prop:value=move || capacity.get() on:input=move |event| capacity.set(event_target_value(&event)) /></label>
                <button type="button" class="button" on:click=add>"Add person"</button>
            </div>
            <Show when=move || !others.with(Vec::is_empty)>
                <div class="inline-form">
                    <label for="existing-person">"People from other projects"</label>
                    <select id="existing-person" class="field__input" on:change=move |event| {
                        if let Ok(person) = event_target_value(&event).parse::<PersonId>() {
                            state.add_team_member(id, person);
                        }
                    }>
                        <option value="">"Add someone already in Ironplan…"</option>
                        {move || others.get().into_iter().map(|(person, name)| view! { <option value=person.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
            </Show>
            <p class="field__error" aria-live="polite">{move || error.get().unwrap_or_default()}</p>
        </section>
    }
}
