//! Merging the order of a list that two people rearranged: board columns, tasks (board and
//! outline order), and the other lists of things with ids.
//!
//! Each side's moves are found against the base as the items outside the longest run both
//! orders share. Items nobody moved keep the base order; an item moved on one side goes where
//! that side put it, after its nearest neighbour above; new items do the same. Two items put in
//! the same gap by different sides are ordered by id, so the result does not depend on which
//! side is "mine". An item both sides moved to different places is disputed: the caller asks
//! which side wins (and reports a conflict).

use std::collections::{HashMap, HashSet};

/// One of the two edited copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Mine,
    Theirs,
}

impl Side {
    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Mine => Side::Theirs,
            Side::Theirs => Side::Mine,
        }
    }
}

/// An item both sides moved to different places: its key and the nearest item above it that
/// both sides hold, on each side (`None` at the top).
pub(super) struct Disputed<'a> {
    pub key: &'a str,
    pub mine_after: Option<&'a str>,
    pub theirs_after: Option<&'a str>,
}

/// The merged order of the items in `keep`. `choose` decides each disputed item.
pub(super) fn merge_order<'a>(
    base: &'a [String],
    mine: &'a [String],
    theirs: &'a [String],
    keep: &HashSet<&str>,
    choose: &mut dyn FnMut(Disputed<'a>) -> Side,
) -> Vec<String> {
    let base_index: HashMap<&str, usize> = index_of(base);
    let mine_index = index_of(mine);
    let theirs_index = index_of(theirs);
    let moved_mine = moved(&base_index, mine);
    let moved_theirs = moved(&base_index, theirs);
    let shared: HashSet<&str> = mine
        .iter()
        .map(String::as_str)
        .filter(|key| theirs_index.contains_key(key))
        .collect();
    let above = |sequence: &'a [String], at: usize| -> Option<&'a str> {
        sequence[..at]
            .iter()
            .rev()
            .map(String::as_str)
            .find(|key| shared.contains(key))
    };

    let mut placement: HashMap<&str, Side> = HashMap::new();
    // Items both sides moved to the same place, after the same shared item.
    let mut both: Vec<(&str, Option<&str>)> = Vec::new();
    for key in mine.iter().chain(theirs).map(String::as_str) {
        if !keep.contains(key) || placement.contains_key(key) {
            continue;
        }
        let in_base = base_index.contains_key(key);
        let by_mine = mine_index.contains_key(key) && (!in_base || moved_mine.contains(key));
        let by_theirs = theirs_index.contains_key(key) && (!in_base || moved_theirs.contains(key));
        let side = match (by_mine, by_theirs) {
            (false, false) => continue,
            (true, false) => Side::Mine,
            (false, true) => Side::Theirs,
            (true, true) => {
                let mine_after = above(mine, mine_index[key]);
                let theirs_after = above(theirs, theirs_index[key]);
                if mine_after == theirs_after {
                    both.push((key, mine_after));
                    continue;
                } else {
                    choose(Disputed {
                        key,
                        mine_after,
                        theirs_after,
                    })
                }
            }
        };
        placement.insert(key, side);
    }

    let moved_by_both: HashSet<&str> = both.iter().map(|(key, _)| *key).collect();
    let mut result: Vec<&str> = base
        .iter()
        .map(String::as_str)
        .filter(|key| {
            keep.contains(key) && !placement.contains_key(key) && !moved_by_both.contains(key)
        })
        .collect();
    for (key, after) in both {
        let at = after
            .and_then(|after| result.iter().position(|item| *item == after))
            .map_or(0, |index| index + 1);
        result.insert(at, key);
    }
    let mut present: HashSet<&str> = result.iter().copied().collect();
    let mut placed_by: HashMap<&str, Side> = HashMap::new();
    for side in [Side::Mine, Side::Theirs] {
        let sequence = match side {
            Side::Mine => mine,
            Side::Theirs => theirs,
        };
        let mut previous: Option<&str> = None;
        for key in sequence.iter().map(String::as_str) {
            if placement.get(key) == Some(&side) {
                let mut at = previous
                    .and_then(|previous| result.iter().position(|item| *item == previous))
                    .map_or(0, |index| index + 1);
                while at < result.len()
                    && placed_by.get(result[at]) == Some(&side.other())
                    && result[at] < key
                {
                    at += 1;
                }
                result.insert(at, key);
                present.insert(key);
                placed_by.insert(key, side);
            }
            // The other side's moved items are placed by that side: anchoring to them could
            // go round in a circle when the sides disagree about their relative order.
            if present.contains(key) && placed_by.get(key) != Some(&side.other()) {
                previous = Some(key);
            }
        }
    }
    result.into_iter().map(str::to_string).collect()
}

fn index_of(sequence: &[String]) -> HashMap<&str, usize> {
    sequence
        .iter()
        .enumerate()
        .map(|(index, key)| (key.as_str(), index))
        .collect()
}

/// The items of `sequence` that sit elsewhere than in the base: those outside the longest
/// subsequence in base order.
fn moved<'a>(base_index: &HashMap<&str, usize>, sequence: &'a [String]) -> HashSet<&'a str> {
    let common: Vec<(&str, usize)> = sequence
        .iter()
        .filter_map(|key| base_index.get(key.as_str()).map(|at| (key.as_str(), *at)))
        .collect();
    let positions: Vec<usize> = common.iter().map(|(_, at)| *at).collect();
    let stays = longest_increasing(&positions);
    common
        .iter()
        .zip(stays)
        .filter(|(_, stays)| !stays)
        .map(|((key, _), _)| *key)
        .collect()
}

/// Marks a longest strictly increasing subsequence of `values` (patience sorting).
fn longest_increasing(values: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (index, value) in values.iter().enumerate() {
        let at = tails.partition_point(|tail| values[*tail] < *value);
        if at > 0 {
            previous[index] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(index);
        } else {
            tails[at] = index;
        }
    }
    let mut marked = vec![false; values.len()];
    let mut current = tails.last().copied();
    while let Some(index) = current {
        marked[index] = true;
        current = previous[index];
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    fn merged(base: &str, mine: &str, theirs: &str) -> String {
        let (base, mine, theirs) = (list(base), list(mine), list(theirs));
        let keep: HashSet<&str> = mine.iter().chain(&theirs).map(String::as_str).collect();
        merge_order(&base, &mine, &theirs, &keep, &mut |_| Side::Mine).join(" ")
    }

    #[test]
    fn a_move_on_one_side_is_taken() {
        assert_eq!(merged("a b c d", "a b c d", "b c a d"), "b c a d");
        assert_eq!(merged("a b c d", "d a b c", "a b c d"), "d a b c");
    }

    #[test]
    fn moves_on_both_sides_of_different_items_are_both_taken() {
        assert_eq!(merged("a b c d e", "b a c d e", "a b c e d"), "b a c e d");
    }

    #[test]
    fn new_items_go_after_their_neighbour_and_ties_are_ordered_by_key() {
        assert_eq!(merged("a b", "a x b", "a b y"), "a x b y");
        assert_eq!(merged("a b", "a n b", "a m b"), "a m n b");
        assert_eq!(merged("a b", "a m b", "a n b"), "a m n b");
    }

    #[test]
    fn deleted_items_leave_the_order() {
        let (base, mine, theirs) = (list("a b c"), list("a c"), list("a b c"));
        let keep: HashSet<&str> = ["a", "c"].into_iter().collect();
        let order = merge_order(&base, &mine, &theirs, &keep, &mut |_| Side::Mine);
        assert_eq!(order, list("a c"));
    }

    #[test]
    fn an_item_moved_to_two_places_goes_where_the_chosen_side_put_it() {
        let (base, mine, theirs) = (
            list("a b c d e f"),
            list("b c d e f a"),
            list("b c a d e f"),
        );
        let keep: HashSet<&str> = ["a", "b", "c", "d", "e", "f"].into_iter().collect();
        let mut disputed = Vec::new();
        let order = merge_order(&base, &mine, &theirs, &keep, &mut |item| {
            disputed.push(item.key.to_string());
            Side::Theirs
        });
        assert_eq!(disputed, vec!["a".to_string()]);
        assert_eq!(order, list("b c a d e f"));
    }
}
