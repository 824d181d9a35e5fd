//! nnplay: a neural-network playground.
//!
//! Everything in this crate except `web` is the pure core: plain Rust with no
//! browser types, tested natively with `cargo test`. `web` is browser glue only.
//!
//! Data flow: `url::decode` -> `Config` -> `Trainer` (in the worker) ->
//! `protocol::Snapshot` -> pixels by `heatmap` -> canvas (in the UI).

// Tests build a setup by changing a default config one field at a time, like a user would.
#![cfg_attr(test, allow(clippy::field_reassign_with_default))]

pub mod advanced;
pub mod augment;
pub mod compact;
pub mod config;
pub mod control;
pub mod dataset;
pub mod describe;
pub mod drawn;
pub mod embed;
pub mod error;
pub mod export;
pub mod formula;
pub mod health;
pub mod help;
pub mod history;
pub mod i18n;
pub mod import_error;
pub mod importer;
pub mod lesson;
pub mod norm;
pub mod pace;
pub mod page;
pub mod params;
pub mod pca;
pub mod plane;
pub mod prep;
pub mod propose;
pub mod protocol;
pub mod prune;
pub mod quantize;
pub mod schedule;
pub mod search;
pub mod stopping;
pub mod table;
pub mod theme;
pub mod trainer;
pub mod url;

// The training core and the pictures, in a crate of their own
// (crates/kernels) that keeps opt-level 3 while this one is built for size.
pub use nnplay_kernels::{
    activation, blockwise, dropout, epoch, evaluate, features, forward, grid, head, heatmap, init, loss, matmul,
    metrics, network, optimizer, palette, regularization, rng, tanh,
};

#[cfg(target_arch = "wasm32")]
pub mod web;
