//! Files in and out: downloads through a temporary link; reads take the file's bytes and decode
//! them strictly with `io::decode_text`, so a file that is not text is refused, never mangled.

use crate::model::io::{decode_text, DEFAULT_LIMITS};
use crate::store::AppError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
