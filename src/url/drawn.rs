//! The URL keys of a drawn dataset: `data=drawn&draw=…`, the points packed by
//! `drawn::codec`. A `draw=` value that cannot be read is named in a warning
//! and the default dataset is used.

use super::Warnings;
use crate::config::Config;
use crate::drawn::codec;

pub(super) fn encode(c: &Config, s: &mut String) {
    if let (None, Some(d)) = (&c.csv, &c.drawn) {
        s.push_str("&draw=");
        s.push_str(&codec::encode(d));
    }
}

/// The drawn-data keys as read: whether `data=drawn` came, and the `draw=` value.
#[derive(Default)]
pub(super) struct Keys {
    requested: bool,
    points: Option<String>,
}

/// Reads one key if it is a drawn-data key (`true`).
pub(super) fn decode_key(k: &str, v: &str, keys: &mut Keys) -> bool {
    match k {
        "data" if v == "drawn" => keys.requested = true,
        "draw" => keys.points = Some(v.to_string()),
        _ => return false,
    }
    true
}

/// Whether the config trains on the link's drawn points (its problem follows them).
pub(super) fn finish(keys: Keys, c: &mut Config, w: &mut Warnings) -> bool {
    if !keys.requested && keys.points.is_none() {
        return false;
    }
    let problem = match keys.points.as_deref().map(codec::decode) {
        Some(Ok(d)) => {
            c.set_dataset(d.problem().default_dataset());
            c.problem = d.problem();
            c.drawn = Some(d);
            return true;
        }
        Some(Err(e)) => e.to_string(),
        None => crate::t!("draw-error-missing"),
    };
    w.push(
        "draw",
        keys.points.as_deref().unwrap_or(""),
        crate::t!("draw-error-fallback", problem = problem),
    );
    false
}
