//! The browser's `localStorage` behind [`KeyValue`] (wasm only).

use super::{KeyValue, StorageFault};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's `localStorage`, opened without panicking when it is missing or blocked.
///
/// Straight on `web_sys::Storage`, not gloo-storage: `LocalStorage::raw()` throws when
/// storage is blocked (we fall back to memory instead), its `get`/`set` wrap every value in
/// a second JSON encoding (our compact text would be quoted, escaped and parsed twice), and
/// its error type drops the exception `code` that tells a full quota apart in older Firefox.
pub struct WebStorage(web_sys::Storage);

impl WebStorage {
    /// Opens `localStorage` and proves it writable, or says why not. A full store still
    /// opens: only writes fail then.
    pub fn open() -> Result<WebStorage, StorageFault> {
        let window =
            web_sys::window().ok_or_else(|| StorageFault::Unavailable("no window".to_string()))?;
        let storage = window
            .local_storage()
            .map_err(|error| StorageFault::Unavailable(describe(&error)))?
            .ok_or_else(|| StorageFault::Unavailable("localStorage is missing".to_string()))?;
        // A quota probe killed half-way leaves its filler behind.
        let _ = storage.remove_item(super::QUOTA_PROBE_KEY);
        let probe = "ironplan:probe";
        match storage.set_item(probe, "1") {
            Ok(()) => {
                let _ = storage.remove_item(probe);
            }
            Err(error) => match classify(&error) {
                StorageFault::QuotaExceeded => {}
                fault => return Err(StorageFault::Unavailable(fault.to_string())),
            },
        }
        Ok(WebStorage(storage))
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| {
            format!(
                "{}: {}",
                String::from(error.name()),
                String::from(error.message())
            )
        })
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Sorts a storage exception. A full quota is reported as `QuotaExceededError` (code 22) by
/// Chromium and Safari, and as `NS_ERROR_DOM_QUOTA_REACHED` (code 1014) by older Firefox.
pub(super) fn classify(error: &JsValue) -> StorageFault {
    let name = js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    let code = js_sys::Reflect::get(error, &JsValue::from_str("code"))
        .ok()
        .and_then(|code| code.as_f64())
        .unwrap_or(0.0) as u32;
    if super::is_quota_error(&name, code) {
        StorageFault::QuotaExceeded
    } else {
        StorageFault::Other(describe(error))
    }
}

impl KeyValue for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault> {
        self.0.get_item(key).map_err(|error| classify(&error))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault> {
        self.0
            .set_item(key, value)
            .map_err(|error| classify(&error))
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageFault> {
        self.0.remove_item(key).map_err(|error| classify(&error))
    }
    fn fill(&mut self, key: &str, characters: usize) -> Result<(), StorageFault> {
        let filler = js_sys::JsString::from("x").repeat(characters as i32);
        let set_item: js_sys::Function = js_sys::Reflect::get(&self.0, &"setItem".into())
            .map_err(|error| classify(&error))?
            .unchecked_into();
        set_item
            .call2(&self.0, &JsValue::from_str(key), &filler)
            .map(|_| ())
            .map_err(|error| classify(&error))
    }
    fn length(&self, key: &str) -> Result<Option<usize>, StorageFault> {
        let get_item: js_sys::Function = js_sys::Reflect::get(&self.0, &"getItem".into())
            .map_err(|error| classify(&error))?
            .unchecked_into();
        let text = get_item
            .call1(&self.0, &JsValue::from_str(key))
            .map_err(|error| classify(&error))?;
        Ok(text
            .dyn_ref::<js_sys::JsString>()
            .map(|text| text.length() as usize))
    }
    fn keys(&self) -> Result<Vec<String>, StorageFault> {
        let length = self.0.length().map_err(|error| classify(&error))?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Some(key) = self.0.key(index).map_err(|error| classify(&error))? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
