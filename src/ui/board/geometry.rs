//! The Board's pixel math, pure and tested on the host: where a dragged card lands in a list,
//! how fast a list scrolls near its edges, and which slots of a windowed list to render with
//! the drop placeholder in place. The windowing itself is `widgets::window`.

use crate::model::TaskId;
use crate::ui::widgets::window::ListWindow;

/// Where a dragged card lands in a list of `count` slots of `slot` px, when the pointer is
/// `offset` px below the top of the list's content: before the card whose upper half it is
/// over, after the card whose lower half it is over.
pub fn drop_index(offset: f64, slot: u32, count: usize) -> usize {
    if slot == 0 || !offset.is_finite() || offset <= 0.0 {
        return 0;
    }
    let index = (offset / f64::from(slot) + 0.5).floor();
    if index >= count as f64 {
        count
    } else {
        index as usize
    }
}

/// How fast to scroll while dragging near an edge, in px per frame: negative within `edge` px
/// of `start`, positive within `edge` px of `end`, up to `max_speed` at (or past) the edge
/// itself, and zero in between.
pub fn edge_speed(position: f64, start: f64, end: f64, edge: f64, max_speed: f64) -> f64 {
    if !(position.is_finite() && start.is_finite() && end.is_finite()) || edge <= 0.0 {
        return 0.0;
    }
    let edge = edge.min((end - start).max(0.0) / 2.0);
    if edge <= 0.0 {
        return 0.0;
    }
    if position < start + edge {
        -max_speed * ((start + edge - position) / edge).min(1.0)
    } else if position > end - edge {
        max_speed * ((position - (end - edge)) / edge).min(1.0)
    } else {
        0.0
    }
}

/// One rendered slot of a column list: a card, or the placeholder showing where a dragged
/// card will land.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoardSlot {
    Card(TaskId),
    Placeholder,
}

/// The slots inside `window` of a list made of `cards` with the placeholder inserted at
/// `placeholder` (an index in `0..=cards.len()`), so the window counts `cards.len() + 1`
/// slots while a drag hovers the list.
pub fn window_slots(
    cards: &[TaskId],
    placeholder: Option<usize>,
    window: &ListWindow,
) -> Vec<BoardSlot> {
    (window.first..window.last)
        .filter_map(|at| match placeholder {
            Some(hole) if at == hole => Some(BoardSlot::Placeholder),
            Some(hole) if at > hole => cards.get(at - 1).copied().map(BoardSlot::Card),
            _ => cards.get(at).copied().map(BoardSlot::Card),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::widgets::window::list_window;

    #[test]
    fn drop_index_splits_each_card_at_its_middle() {
        assert_eq!(drop_index(-20.0, 100, 3), 0);
        assert_eq!(drop_index(10.0, 100, 3), 0);
        assert_eq!(drop_index(60.0, 100, 3), 1);
        assert_eq!(drop_index(149.0, 100, 3), 1);
        assert_eq!(drop_index(151.0, 100, 3), 2);
        assert_eq!(drop_index(10_000.0, 100, 3), 3);
        assert_eq!(drop_index(f64::NAN, 100, 3), 0);
    }

    #[test]
    fn edge_speed_grows_towards_the_edges() {
        assert_eq!(edge_speed(300.0, 0.0, 600.0, 50.0, 20.0), 0.0);
        assert_eq!(edge_speed(0.0, 0.0, 600.0, 50.0, 20.0), -20.0);
        assert_eq!(edge_speed(25.0, 0.0, 600.0, 50.0, 20.0), -10.0);
        assert_eq!(edge_speed(575.0, 0.0, 600.0, 50.0, 20.0), 10.0);
        assert_eq!(edge_speed(900.0, 0.0, 600.0, 50.0, 20.0), 20.0);
        assert_eq!(edge_speed(5.0, 0.0, 0.0, 50.0, 20.0), 0.0);
    }

    #[test]
    fn window_slots_insert_the_placeholder() {
        let mut ids = crate::model::SequentialIds::default();
        let cards: Vec<TaskId> = (0..4).map(|_| TaskId::new(&mut ids)).collect();
        let window = list_window(0.0, 1000, 100, 5, 0);
        let slots = window_slots(&cards, Some(1), &window);
        assert_eq!(
            slots,
            vec![
                BoardSlot::Card(cards[0]),
                BoardSlot::Placeholder,
                BoardSlot::Card(cards[1]),
                BoardSlot::Card(cards[2]),
                BoardSlot::Card(cards[3]),
            ]
        );
        let window = list_window(0.0, 1000, 100, 4, 0);
        assert_eq!(window_slots(&cards, None, &window).len(), 4);
    }
}
