//! The Kanban board as pure view models: which cards show in which column and swimlane once
//! the filters apply (`layout`), how full each column is against its WIP limit, what a card
//! shows (`card`), and where a keyboard move, a menu choice or a drop lands (`moves`).
//!
//! It owns board arithmetic only. Changing the plan is `Project::move_task` (which also applies
//! the done rules) and the other project commands, run by the store; the words and pixels on
//! screen belong to the UI (`ui::board`, whose `geometry` holds the drag and scroll math).

mod card;
mod follow;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod follow_tests;
mod layout;
mod moves;
#[cfg(test)]
mod tests;

pub use card::*;
pub use follow::same_tags;
pub use layout::*;
pub use moves::*;
