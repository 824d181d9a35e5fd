//! nnplay's training core: the dense network's forward and backward passes
//! (one register-tiled kernel, `matmul`), the activations, losses, optimizers,
//! the epoch loop, the loss and metrics of a dataset in one pass (`evaluate`,
//! with the output layer's coding, `head`, and `metrics`), and the pictures
//! (`grid`, `features`, `heatmap`). Plain Rust with no browser types; `nnplay`
//! re-exports every module under its own name (`nnplay::network`, ...).
//!
//! A crate of its own so that it keeps opt-level 3 in the release build while
//! the rest of the playground (page, importer, links) is built for size: see
//! the profiles in the workspace's Cargo.toml.

pub mod activation;
pub mod blockwise;
pub mod dropout;
pub mod epoch;
pub mod evaluate;
pub mod features;
pub mod forward;
pub mod grid;
pub mod head;
pub mod heatmap;
pub mod init;
pub mod loss;
pub mod matmul;
pub mod metrics;
pub mod network;
pub mod optimizer;
pub mod palette;
pub mod regularization;
pub mod rng;
pub mod tanh;
