//! The converter worker: the second binary, which Trunk builds as a Web Worker
//! (`<link data-trunk rel="rust" data-bin="convert" data-type="worker">` in index.html).
//!
//! It holds the converters (MS Project XML, and later CSV and iCalendar), so the app's first
//! load never carries them: the app starts this worker the first time it needs a conversion.
//! Each message is a JSON string in and a JSON string out; everything else is
//! `ironplan::model::io::convert::handle`, which host tests cover.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let request = event.data().as_string().unwrap_or_default();
            let response = ironplan::model::io::convert::handle(&request);
            // A failed post means the page is gone; there is no one left to tell.
            let _ = reply_to.post_message(&JsValue::from_str(&response));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Tells the app the worker is listening, so no request is sent before it can be heard.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// On the host the converters are tested directly (`model::io::convert`); the worker is web-only.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut request = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut request);
    println!("{}", ironplan::model::io::convert::handle(&request));
}
