//! Small values the browser keeps beside the plans, through gloo-storage: the storage quota
//! measured once per browser tab (sessionStorage), and per-project memos such as the calendar
//! export's sequence numbers (localStorage).
//!
//! Plans themselves go through [`super::persist`], which needs raw, revision-checked text writes
//! and the exception codes of a full store, which gloo-storage does not offer. These values are
//! small JSON that gloo-storage reads and writes as they are. Its handles throw when storage is
//! blocked, so every call first checks that the browser gives the store at all; without it the
//! value is simply not kept. On the host nothing is kept.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// The sessionStorage key of the measured quota.
const QUOTA_KEY: &str = "ironplan-quota";

/// The quota measured earlier in this tab (`Some(None)` when it could not be measured), or
/// `None` when it has not been measured yet.
pub fn cached_quota() -> Option<Option<usize>> {
    web::session_get(QUOTA_KEY)
}

/// Keeps the measured quota for the rest of the tab's session, so a reload does not probe again.
pub fn remember_quota(quota: Option<usize>) {
    web::session_set(QUOTA_KEY, &quota);
}

/// A per-project memo kept in localStorage under `ironplan-<name>:<project>`.
pub fn project_memo<T: DeserializeOwned>(name: &str, project: impl std::fmt::Display) -> Option<T> {
    web::local_get(&format!("ironplan-{name}:{project}"))
}

/// Stores a per-project memo; failures (a full or blocked store) only lose the memo.
pub fn remember_project_memo<T: Serialize>(name: &str, project: impl std::fmt::Display, value: &T) {
    web::local_set(&format!("ironplan-{name}:{project}"), value);
}

#[cfg(target_arch = "wasm32")]
mod web {
    use gloo_storage::{LocalStorage, SessionStorage, Storage};
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    fn has_session() -> bool {
        web_sys::window()
            .and_then(|window| window.session_storage().ok().flatten())
            .is_some()
    }

    fn has_local() -> bool {
        web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .is_some()
    }

    pub fn session_get<T: DeserializeOwned>(key: &str) -> Option<T> {
        has_session()
            .then(|| SessionStorage::get(key).ok())
            .flatten()
    }

    pub fn session_set<T: Serialize>(key: &str, value: &T) {
        if has_session() {
            let _ = SessionStorage::set(key, value);
        }
    }

    pub fn local_get<T: DeserializeOwned>(key: &str) -> Option<T> {
        has_local().then(|| LocalStorage::get(key).ok()).flatten()
    }

    pub fn local_set<T: Serialize>(key: &str, value: &T) {
        if has_local() {
            let _ = LocalStorage::set(key, value);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod web {
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    pub fn session_get<T: DeserializeOwned>(_key: &str) -> Option<T> {
        None
    }

    pub fn session_set<T: Serialize>(_key: &str, _value: &T) {}

    pub fn local_get<T: DeserializeOwned>(_key: &str) -> Option<T> {
        None
    }

    pub fn local_set<T: Serialize>(_key: &str, _value: &T) {}
}
