//! The host integration tests, in one binary so the crate links once (as ripgrep does): model
//! scenarios and plan files, the scheduler's properties, the figures, bad files, MS Project XML
//! against the shared corpus, and the architecture's rules. `tests/web.rs` runs apart, in the browser. Host only:
//! `cargo test --test it`, or one module with `cargo test --test it model::`.

#![cfg(not(target_arch = "wasm32"))]

// The unit tests' builder, shared: `testing.rs` names model items as `crate::model::…`, which
// this alias makes true here too.
use ironplan::model;
#[allow(dead_code)]
#[path = "../../src/model/testing.rs"]
mod testing;

mod architecture;
mod bad_files;
mod health;
mod mspdi;
mod scenarios;
mod schedule;
