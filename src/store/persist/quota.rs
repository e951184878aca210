//! How much the browser lets the origin store: a full quota recognised in every browser's
//! words, and the quota measured once by filling a scratch key.

use super::{used_characters, KeyValue, StorageFault};

/// True for the ways browsers report a full storage quota: `QuotaExceededError` (code 22, the
/// standard, and Chromium's), `QUOTA_EXCEEDED_ERR` (the legacy constant name older Safari and
/// WebKit report) and Firefox's `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
pub fn is_quota_error(name: &str, code: u32) -> bool {
    matches!(
        name,
        "QuotaExceededError" | "QUOTA_EXCEEDED_ERR" | "NS_ERROR_DOM_QUOTA_REACHED"
    ) || code == 22
        || code == 1014
}

/// The scratch key [`measure_quota`] fills. It is outside the `ironplan:` prefix, so other tabs
/// take no notice of it; opening storage removes one a killed probe left behind.
pub const QUOTA_PROBE_KEY: &str = "ironplan-quota-probe";

/// Beyond this many characters storage counts as unlimited, and is not probed further.
const PROBE_CEILING: usize = 1 << 27;

/// Measures the origin's quota in characters: fills the scratch key with ever more filler (a
/// binary search, to within 0.2 %), adds what is already stored, and removes the key again.
/// `None` when storage takes more than [`PROBE_CEILING`] characters: as good as unlimited.
/// About a dozen writes of megabytes, so run it once per session, when the meter is shown.
pub fn measure_quota(store: &mut (impl KeyValue + ?Sized)) -> Result<Option<usize>, StorageFault> {
    store.remove(QUOTA_PROBE_KEY)?;
    let (_, used) = used_characters(store)?;
    let probed = probe_free_space(store);
    store.remove(QUOTA_PROBE_KEY)?;
    Ok(probed?.map(|free| used + QUOTA_PROBE_KEY.len() + free))
}

/// The most filler characters that fit under the probe key, or `None` past the ceiling.
fn probe_free_space(store: &mut (impl KeyValue + ?Sized)) -> Result<Option<usize>, StorageFault> {
    let mut fits = |characters: usize| match store.fill(QUOTA_PROBE_KEY, characters) {
        Ok(()) => Ok(true),
        Err(StorageFault::QuotaExceeded) => Ok(false),
        Err(fault) => Err(fault),
    };
    let (mut low, mut high) = (0, 1 << 20);
    while fits(high)? {
        low = high;
        high *= 2;
        if high > PROBE_CEILING {
            return Ok(None);
        }
    }
    while high - low > (low / 500).max(1024) {
        let middle = low + (high - low) / 2;
        if fits(middle)? {
            low = middle;
        } else {
            high = middle;
        }
    }
    Ok(Some(low))
}
