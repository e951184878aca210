//! Ironplan: an offline project planner in one static web page.
//!
//! Three layers, arrows pointing down: [`ui`] → [`store`] → [`model`]. See ARCHITECTURE.md.

pub mod model;
pub mod store;
pub mod ui;
