//! nnplay's training core: the dense network's forward and backward passes
//! (one register-tiled kernel, `matmul`), the activations, losses, optimizers
//! and the epoch loop, and the pictures (`grid`, `features`, `heatmap`). Plain Rust with no browser types; `nnplay` re-exports
//! every module under its own name (`nnplay::network`, `nnplay::epoch`, ...).
//!
//! A crate of its own so that it keeps opt-level 3 in the release build while
//! the rest of the playground (page, importer, links) is built for size: see
//! the profiles in the workspace's Cargo.toml.

pub mod activation;
pub mod blockwise;
pub mod dropout;
pub mod epoch;
pub mod features;
pub mod grid;
pub mod heatmap;
pub mod init;
pub mod loss;
pub mod matmul;
pub mod network;
pub mod optimizer;
pub mod regularization;
pub mod rng;
pub mod tanh;
