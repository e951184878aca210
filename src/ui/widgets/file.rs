//! Files in and out: a button that picks a file, downloads through a temporary link; reads
//! take the file's bytes and decode them strictly with `io::decode_text`, so a file that is not
//! text is refused, never mangled.

use crate::model::io::{decode_text, DEFAULT_LIMITS};
use crate::store::AppError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A button that opens the browser's file picker and hands over the file chosen. The input
/// itself is hidden, from view and from assistive technology: the button is the control, and
/// picking the same file again picks it again.
#[component]
pub fn FilePickerButton(
    /// The button's text, which names it ("Import", "Compare with file…").
    label: &'static str,
    /// The kinds of file the picker offers, as the input's `accept`.
    accept: &'static str,
    /// Called with the file chosen.
    on_pick: Callback<web_sys::File>,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    view! {
        <button
            type="button"
            class="button"
            on:click=move |_| {
                if let Some(input) = input.get() {
                    input.set_value("");
                    input.click();
                }
            }
        >
            {label}
        </button>
        <input
            node_ref=input
            type="file"
            accept=accept
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            on:change=move |event| {
                let target: web_sys::HtmlInputElement = event_target(&event);
                if let Some(file) = target.files().and_then(|files| files.get(0)) {
                    on_pick.run(file);
                }
            }
        />
    }
}

/// Offers `text` as a download named `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), AppError> {
    let fail = |_| AppError::FileRead("the browser refused the download".to_string());
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(fail)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document()
        .body()
        .ok_or_else(|| fail(wasm_bindgen::JsValue::NULL))?;
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    anchor.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a picked or dropped file as text, refusing it by size before reading a byte and when
/// its bytes are not UTF-8 (or UTF-16 with a byte-order mark).
pub fn read_text(file: web_sys::File, done: impl FnOnce(Result<String, AppError>) + 'static) {
    if let Err(error) = DEFAULT_LIMITS.check_size(file.size() as u64) {
        done(Err(AppError::Import(error)));
        return;
    }
    leptos::task::spawn_local(async move {
        let outcome = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| AppError::FileRead("the browser could not read it".to_string()))
            .and_then(|buffer| {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                decode_text(&bytes).map_err(AppError::NotText)
            });
        done(outcome);
    });
}
