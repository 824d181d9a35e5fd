//! Typed errors of the core; turned into strings only at the page's edge.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// A weight or bias index outside the network.
    NoSuchParameter {
        layer: u32,
        to: u32,
        from: Option<u32>,
        sizes: Vec<usize>,
    },
    /// A value that is not a finite number.
    NotFinite { what: &'static str },
    /// A weight outside ±limit.
    OutOfRange { value: f32, limit: f32 },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSuchParameter { layer, to, from, sizes } => {
                let what = match from {
                    Some(from) => format!("weight {from}→{to} of layer {layer}"),
                    None => format!("bias of neuron {to} in layer {layer}"),
                };
                write!(f, "there is no {what} in a network of sizes {sizes:?}")
            }
            Self::NotFinite { what } => write!(f, "{what} must be a finite number"),
            Self::OutOfRange { value, limit } => write!(f, "{value} is outside the allowed range ±{limit:e}"),
        }
    }
}

impl std::error::Error for Error {}
