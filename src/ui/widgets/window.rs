//! Windowed rendering of long lists: which items of a scrolled list of fixed-height slots are
//! on screen. The Board's columns and the Tasks table render only these, plus a margin, so the
//! page holds a few hundred elements whatever the plan size.

/// The items of a long list to render: indexes `first..last`, with empty space standing in for
/// the items above and below, so the list scrolls as if every item were there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListWindow {
    /// First rendered index.
    pub first: usize,
    /// One past the last rendered index.
    pub last: usize,
    /// Height of the space above the first rendered item, in px.
    pub before_px: u32,
    /// Height of the space below the last rendered item, in px.
    pub after_px: u32,
}

impl ListWindow {
    /// How many items are rendered.
    pub fn len(&self) -> usize {
        self.last - self.first
    }

    /// True when nothing is rendered.
    pub fn is_empty(&self) -> bool {
        self.first == self.last
    }
}

/// The window of a list of `count` fixed-height slots of `slot` px (item plus gap), scrolled
/// `scroll_top` px down in a viewport `viewport` px high, with `overscan` extra items either
/// side so fast scrolling shows no gap. Always within `0..=count`, and
/// `before_px + rendered * slot + after_px == count * slot`.
pub fn list_window(
    scroll_top: f64,
    viewport: u32,
    slot: u32,
    count: usize,
    overscan: usize,
) -> ListWindow {
    if slot == 0 || count == 0 {
        return ListWindow::default();
    }
    let slot_px = u64::from(slot);
    let top = if scroll_top.is_finite() && scroll_top > 0.0 {
        scroll_top as u64
    } else {
        0
    };
    let first_seen = usize::try_from(top / slot_px).unwrap_or(usize::MAX);
    let last_seen =
        usize::try_from((top + u64::from(viewport)).div_ceil(slot_px)).unwrap_or(usize::MAX);
    let on_screen = usize::try_from(u64::from(viewport).div_ceil(slot_px)).unwrap_or(0);
    let last = last_seen.saturating_add(overscan).min(count);
    // Scrolled past the end (the list just shrank): show the last screenful.
    let first = first_seen
        .saturating_sub(overscan)
        .min(count.saturating_sub(on_screen + overscan))
        .min(last);
    let px = |cards: usize| u32::try_from(cards as u64 * slot_px).unwrap_or(u32::MAX);
    ListWindow {
        first,
        last,
        before_px: px(first),
        after_px: px(count - last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_covers_the_viewport_plus_overscan() {
        let window = list_window(0.0, 400, 100, 1000, 2);
        assert_eq!((window.first, window.last), (0, 6));
        assert_eq!((window.before_px, window.after_px), (0, 994 * 100));
        let window = list_window(1050.0, 400, 100, 1000, 2);
        assert_eq!((window.first, window.last), (8, 17));
        assert_eq!(window.before_px, 800);
        assert_eq!(window.len(), 9);
        let short = list_window(0.0, 400, 100, 3, 2);
        assert_eq!((short.first, short.last, short.after_px), (0, 3, 0));
        assert!(list_window(0.0, 400, 100, 0, 2).is_empty());
    }

    #[test]
    fn a_window_scrolled_past_a_shrunken_list_shows_its_end() {
        let window = list_window(50_000.0, 400, 100, 10, 1);
        assert_eq!(window.last, 10);
        assert!(window.first < 10 && window.first >= 4);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
        #[test]
        fn the_window_always_accounts_for_every_slot(
            scroll in 0.0f64..200_000.0,
            viewport in 0u32..2000,
            slot in 1u32..300,
            count in 0usize..5000,
            overscan in 0usize..5,
        ) {
            let window = list_window(scroll, viewport, slot, count, overscan);
            prop_assert!(window.first <= window.last);
            prop_assert!(window.last <= count);
            prop_assert_eq!(
                u64::from(window.before_px) + window.len() as u64 * u64::from(slot) + u64::from(window.after_px),
                count as u64 * u64::from(slot)
            );
            // Everything in the viewport is rendered, unless scrolled past the end.
            let first_seen = (scroll as u64 / u64::from(slot)) as usize;
            if first_seen < count {
                prop_assert!(window.first <= first_seen);
                let last_seen = ((scroll as u64 + u64::from(viewport)).div_ceil(u64::from(slot)) as usize).min(count);
                prop_assert!(window.last >= last_seen);
            }
        }
        }
    }
}
