//! Labelled form fields with an inline error message wired through `aria-describedby`.

use super::unique_id;
use leptos::prelude::*;

/// The error line under a field, present only when there is an error.
fn error_line(id: String, error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p id=id class="field__error" aria-live="polite">
            {move || error.get().unwrap_or_default()}
        </p>
    }
}

/// A labelled `<input>`.
#[component]
pub fn TextField(
    /// The visible label, which names the input.
    #[prop(into)]
    label: String,
    /// The text in the field.
    value: RwSignal<String>,
    /// The input type: text, date, number, email…
    #[prop(optional, into)]
    input_type: Option<String>,
    /// An error shown under the field; the input is marked invalid while present.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// A hint shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Marks the field as required.
    #[prop(optional)]
    required: bool,
    /// Disables editing.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Extra attributes for numbers: min, max, step.
    #[prop(optional, into)]
    min: Option<String>,
    #[prop(optional, into)] max: Option<String>,
    #[prop(optional, into)] step: Option<String>,
    /// `inputmode` for phone keyboards.
    #[prop(optional, into)]
    inputmode: Option<String>,
    /// Focus the field when it appears.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let id = unique_id("field");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    view! {
        <div class="field">
            <label for=id.clone() class="field__label">
                {label}
            </label>
            {hint.map(|hint| view! { <span id=hint_id class="field__hint">{hint}</span> })}
            <input
                id=id
                class="field__input"
                type=input_type.unwrap_or_else(|| "text".to_string())
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=described
                required=required
                disabled=move || disabled.get()
                min=min
                max=max
                step=step
                inputmode=inputmode
                autofocus=autofocus
            />
            {error_line(error_id, error)}
        </div>
    }
}

/// A labelled `<textarea>`.
#[component]
pub fn TextAreaField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional)] rows: Option<u32>,
) -> impl IntoView {
    let id = unique_id("field");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone() class="field__label">
                {label}
            </label>
            <textarea
                id=id
                class="field__input field__input--area"
                rows=rows.unwrap_or(3)
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone()
            ></textarea>
            {error_line(error_id, error)}
        </div>
    }
}

/// A labelled `<select>`; `options` are (value, label) pairs. Choosing a value does not build
/// the options again: they are built when the list changes, marked with the value of that
/// moment, and `prop:value` keeps the selection in step after that.
#[component]
pub fn SelectField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = unique_id("field");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone() class="field__label">
                {label}
            </label>
            <select
                id=id
                class="field__input"
                on:change=move |event| value.set(event_target_value(&event))
                prop:value=move || value.get()
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone()
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(option, text)| {
                            let selected = value.with_untracked(|current| option == *current);
                            view! {
                                <option value=option selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            {error_line(error_id, error)}
        </div>
    }
}

/// A labelled checkbox.
#[component]
pub fn CheckField(
    #[prop(into)] label: String,
    checked: RwSignal<bool>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let id = unique_id("field");
    view! {
        <div class="field field--check">
            <input
                id=id.clone()
                type="checkbox"
                class="field__check"
                prop:checked=move || checked.get()
                on:change=move |event| checked.set(event_target_checked(&event))
            />
            <label for=id class="field__label">
                {label}
            </label>
            {hint.map(|hint| view! { <span class="field__hint">{hint}</span> })}
        </div>
    }
}
