//! A drawn set as a link value (`draw=`): the bytes below, deflated and
//! base64url-encoded like a small CSV file (`embed`).
//!
//! ```text
//! version (1) · classes (0: regression) · n (u16 LE) · n × x · n × y (u16 LE, hundredths + 600) · n × label
//! ```
//! Columns rather than rows: each column deflates well on its own.

use super::{Drawn, Mark, EDGE, MAX_CLASSES, MAX_POINTS};
use std::fmt;

const VERSION: u8 = 1;
const HEADER: usize = 4;

/// Why a `draw=` value cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DrawError {
    /// Not base64url, or not deflated data.
    Unpack,
    Version(u8),
    Classes(u8),
    TooMany(usize),
    /// The byte count does not fit the point count: (expected, found).
    Length(usize, usize),
    /// Point `.0` (from 1) lies outside the picture.
    Position(usize),
    /// Point `.0` (from 1) has label `.1`, larger than the set allows.
    Label(usize, u8),
}

impl fmt::Display for DrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |v: usize| v.to_string();
        let text = match *self {
            Self::Unpack => crate::t!("draw-error-unpack"),
            Self::Version(v) => crate::t!("draw-error-version", version = n(v.into())),
            Self::Classes(k) => crate::t!("draw-error-classes", classes = n(k.into()), max = n(MAX_CLASSES)),
            Self::TooMany(k) => crate::t!("draw-error-too-many", count = n(k), max = n(MAX_POINTS)),
            Self::Length(want, got) => crate::t!("draw-error-length", expected = n(want), found = n(got)),
            Self::Position(i) => crate::t!("draw-error-position", point = n(i)),
            Self::Label(i, l) => crate::t!("draw-error-label", point = n(i), label = n(l.into())),
        };
        f.write_str(&text)
    }
}

/// The link value of a set.
pub fn encode(d: &Drawn) -> String {
    let n = d.marks.len().min(MAX_POINTS);
    let marks = &d.marks[..n];
    let mut bytes = Vec::with_capacity(HEADER + 5 * n);
    bytes.extend([VERSION, d.classes]);
    bytes.extend((n as u16).to_le_bytes());
    for v in marks.iter().map(|m| m.x).chain(marks.iter().map(|m| m.y)) {
        bytes.extend(((v + EDGE) as u16).to_le_bytes());
    }
    bytes.extend(marks.iter().map(|m| m.label));
    crate::embed::pack(&bytes)
}

/// The set of a link value, or why there is none.
pub fn decode(text: &str) -> Result<Drawn, DrawError> {
    let bytes = crate::embed::unpack(text).map_err(|_| DrawError::Unpack)?;
    let header = bytes.get(..HEADER).ok_or(DrawError::Length(HEADER, bytes.len()))?;
    if header[0] != VERSION {
        return Err(DrawError::Version(header[0]));
    }
    let classes = header[1];
    if classes == 1 || usize::from(classes) > MAX_CLASSES {
        return Err(DrawError::Classes(classes));
    }
    let n = usize::from(u16::from_le_bytes([header[2], header[3]]));
    if n > MAX_POINTS {
        return Err(DrawError::TooMany(n));
    }
    let expected = HEADER + 5 * n;
    if bytes.len() != expected {
        return Err(DrawError::Length(expected, bytes.len()));
    }
    let mut d = Drawn {
        classes,
        marks: Vec::with_capacity(n),
    };
    let coord = |k: usize| i32::from(u16::from_le_bytes([bytes[k], bytes[k + 1]])) - i32::from(EDGE);
    for i in 0..n {
        let (x, y) = (coord(HEADER + 2 * i), coord(HEADER + 2 * (n + i)));
        if x.abs() > i32::from(EDGE) || y.abs() > i32::from(EDGE) {
            return Err(DrawError::Position(i + 1));
        }
        let label = bytes[HEADER + 4 * n + i];
        if label > d.max_label() {
            return Err(DrawError::Label(i + 1, label));
        }
        d.marks.push(Mark {
            x: x as i16,
            y: y as i16,
            label,
        });
    }
    Ok(d)
}
