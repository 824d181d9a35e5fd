//! nnplay: a neural-network playground.
//!
//! Everything in this crate except `web` is the pure core: plain Rust with no
//! browser types, tested natively with `cargo test`. `web` is browser glue only.
//!
//! Data flow: `url::decode` -> `Config` -> `Trainer` (in the worker) ->
//! `protocol::Snapshot` -> pixels by `heatmap` -> canvas (in the UI).

// Tests build a setup by changing a default config one field at a time, like a user would.
#![cfg_attr(test, allow(clippy::field_reassign_with_default))]

pub mod activation;
pub mod blockwise;
pub mod compact;
pub mod config;
pub mod control;
pub mod dataset;
pub mod dropout;
pub mod embed;
pub mod epoch;
pub mod error;
pub mod evaluate;
pub mod export;
pub mod features;
pub mod grid;
pub mod head;
pub mod health;
pub mod heatmap;
pub mod history;
pub mod import_error;
pub mod importer;
pub mod init;
pub mod loss;
pub mod matmul;
pub mod metrics;
pub mod network;
pub mod optimizer;
pub mod pace;
pub mod page;
pub mod params;
pub mod pca;
pub mod plane;
pub mod prep;
pub mod propose;
pub mod protocol;
pub mod regularization;
pub mod rng;
pub mod schedule;
pub mod search;
pub mod stopping;
pub mod table;
pub mod tanh;
pub mod trainer;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod web;
