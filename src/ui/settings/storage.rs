//! The storage meter: how much of the browser's storage the plans take, with a warning
//! before it runs out. The quota is measured once a session, when the meter is first shown.

use crate::store::AppState;
use leptos::prelude::*;

fn millions(characters: usize) -> String {
    format!("{:.2}", characters as f64 / 1_000_000.0)
}

/// Space used in browser storage, refreshed after every save.
#[component]
pub fn StorageSettings() -> impl IntoView {
    let state = AppState::expect();
    let usage = Memo::new(move |_| {
        state.save_state.track();
        state.storage_use()
    });
    view! {
        <section class="settings__section" aria-labelledby="settings-storage">
            <h3 id="settings-storage">"Storage"</h3>
            {move || match usage.get() {
                None => view! {
                    <p>"Browser storage is unavailable: nothing is saved in this browser. Export your plans to keep them."</p>
                }
                .into_any(),
                Some(usage) => {
                    let meter = usage.quota.map(|quota| view! {
                        <label for="storage-meter">"Storage used"</label>
                        <meter
                            id="storage-meter"
                            min="0"
                            max=quota
                            low=quota * 7 / 10
                            high=quota * 9 / 10
                            optimum="0"
                            value=usage.total
                        ></meter>
                    });
                    let sentence = match (usage.percent(), usage.quota) {
                        (Some(percent), Some(quota)) => format!(
                            "{percent} % of the {} million characters this browser allows ({} million used by your plans).",
                            millions(quota),
                            millions(usage.ours)
                        ),
                        _ => format!(
                            "{} million characters used ({} million by your plans).",
                            millions(usage.total),
                            millions(usage.ours)
                        ),
                    };
                    view! {
                        <div class="storage-meter">
                            {meter}
                            <span>{sentence}</span>
                        </div>
                        {usage.is_high().then(|| view! {
                            <p class="banner banner--warning" role="status">
                                "Storage is more than 70 % full. Export projects you no longer work on, then delete them here, so that saving keeps working."
                            </p>
                        })}
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
