//! Tuning: searching a space of settings for the best objective by random
//! search or by TPE, and which searched dimension mattered.

mod domain;
#[cfg(test)]
mod tests;

pub use domain::{random, Domain, Observation};
