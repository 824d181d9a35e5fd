//! A drawn set as a link value (`draw=`): the bytes below, deflated and
//! base64url-encoded like a small CSV file (`embed`).
//!
//! ```text
//! version (1) · classes (0: regression) · n (u16 LE) · n × x · n × y (u16 LE, hundredths + 600) · n × label
//! ```
//! Columns rather than rows: each column deflates well on its own.

use super::{say, Drawn, Mark, EDGE, MAX_CLASSES, MAX_POINTS};
use std::fmt;

const VERSION: u8 = 1;
const HEADER: usize = 4;

/// Why a `draw=` value cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DrawError {
    /// Not base64url, or not deflated data.
    Unpack,
    /// The bytes are not a set: an unknown version or class count, more than
    /// `MAX_POINTS` points, or a byte count that does not fit the point count.
    Format,
    /// Point `.0` (from 1) lies outside the picture or has a label the set does not have.
    Point(usize),
}

impl fmt::Display for DrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match *self {
            Self::Unpack => say("draw-error-unpack", &[]),
            Self::Format => say("draw-error-format", &[("max", MAX_POINTS)]),
            Self::Point(i) => say("draw-error-point", &[("point", i)]),
        })
    }
}

/// The link value of a set.
pub fn encode(d: &Drawn) -> String {
    let n = d.marks.len().min(MAX_POINTS);
    let marks = &d.marks[..n];
    let mut bytes = Vec::with_capacity(HEADER + 5 * n);
    bytes.extend_from_slice(&[VERSION, d.classes]);
    bytes.extend_from_slice(&(n as u16).to_le_bytes());
    for v in marks.iter().map(|m| m.x).chain(marks.iter().map(|m| m.y)) {
        bytes.extend_from_slice(&((v + EDGE) as u16).to_le_bytes());
    }
    for m in marks {
        bytes.push(m.label);
    }
    crate::embed::pack(&bytes)
}

/// The set of a link value, or why there is none.
pub fn decode(text: &str) -> Result<Drawn, DrawError> {
    let bytes = crate::embed::unpack(text).map_err(|_| DrawError::Unpack)?;
    let header = bytes.get(..HEADER).ok_or(DrawError::Format)?;
    let (classes, n) = (header[1], usize::from(u16::from_le_bytes([header[2], header[3]])));
    if header[0] != VERSION
        || classes == 1
        || usize::from(classes) > MAX_CLASSES
        || n > MAX_POINTS
        || bytes.len() != HEADER + 5 * n
    {
        return Err(DrawError::Format);
    }
    let mut d = Drawn {
        classes,
        marks: Vec::with_capacity(n),
    };
    let coord = |k: usize| i32::from(u16::from_le_bytes([bytes[k], bytes[k + 1]])) - i32::from(EDGE);
    for i in 0..n {
        let (x, y) = (coord(HEADER + 2 * i), coord(HEADER + 2 * (n + i)));
        let label = bytes[HEADER + 4 * n + i];
        if x.abs() > i32::from(EDGE) || y.abs() > i32::from(EDGE) || label > d.max_label() {
            return Err(DrawError::Point(i + 1));
        }
        d.marks.push(Mark {
            x: x as i16,
            y: y as i16,
            label,
        });
    }
    Ok(d)
}
