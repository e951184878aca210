//! Ironplan: an offline project planner in one static web page.
//!
//! Three layers, arrows pointing down: [`ui`] → [`store`] → [`model`]. See ARCHITECTURE.md.
//! Beside them, [`heap_count`], for measurements only.

pub mod heap_count;
pub mod model;
pub mod store;
pub mod ui;
