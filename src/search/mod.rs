//! Tuning: searching a space of settings for the best objective by random
//! search or by TPE, and which searched dimension mattered.

mod domain;
mod importance;
mod normal;
mod parzen;
#[cfg(test)]
mod tests;
mod tpe;

pub use domain::{random, Domain, Observation};
pub use importance::importance;
pub use tpe::{visible, Tpe, LAG};
