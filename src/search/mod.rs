//! Hyper-parameter search: many trials of the playground's setup with some
//! settings varied, by grid, random or Bayesian (TPE) search, run by a pool of
//! workers and replayable from a link; and which searched setting mattered.

pub mod charts;
mod domain;
pub mod export;
mod importance;
mod normal;
pub mod objective;
pub mod order;
pub mod panel;
mod parzen;
pub mod pruner;
pub mod run;
pub mod setting;
pub mod space;
pub mod spec;
mod tpe;
pub mod trial;

pub use domain::{random, Domain, Observation};
pub use importance::importance;
pub use objective::{Objective, Scores};
pub use run::Run;
pub use spec::{SearchSpec, Strategy};
pub use tpe::{visible, Tpe, LAG};

#[cfg(test)]
mod run_tests;
#[cfg(test)]
mod tests;
