//! The URL keys of how the page shows and paces a run (no effect on the
//! numbers of the run): `speed=slow|steady|frame|fast|full` (written when not
//! the default, one epoch per frame), `opts=0` (the training options row
//! folded), `present=1` (the presenter view: large type for a projector) and
//! `embed=1` (the picture, Play and Reset only, for a slide) and
//! `theme=light|dark` (absent: the system's, followed live). Written only
//! when they differ from the default, so older links and the golden strings
//! stay as they were.

use super::{parse_bool, Warnings};
use crate::config::Config;
use crate::pace::Speed;
use crate::theme::Theme;

pub(super) fn encode(c: &Config, s: &mut String) {
    if c.speed != Speed::Frame {
        s.push_str(&format!("&speed={}", c.speed.key()));
    }
    if c.options_folded {
        s.push_str("&opts=0");
    }
    if c.present {
        s.push_str("&present=1");
    }
    if c.embed {
        s.push_str("&embed=1");
    }
    if c.theme != Theme::System {
        s.push_str(&format!("&theme={}", c.theme.key()));
    }
}

/// Reads one key; false if it is not one of this file's.
pub(super) fn decode_key(k: &str, v: &str, c: &mut Config, w: &mut Warnings) -> bool {
    match k {
        "speed" => match Speed::from_key(v) {
            Some(s) => c.speed = s,
            None => {
                let keys: Vec<&str> = Speed::ALL.iter().map(|s| s.key()).collect();
                w.push(k, v, crate::t!("w-one-of", all = keys.join(", "), default = "frame"))
            }
        },
        "opts" => match parse_bool(v) {
            Some(open) => c.options_folded = !open,
            None => w.push(k, v, crate::t!("w-expected-1-open")),
        },
        "present" | "embed" => match parse_bool(v) {
            Some(on) if k == "present" => c.present = on,
            Some(on) => c.embed = on,
            None => w.push(k, v, "expected 1 (on) or 0 (off); using 0"),
        },
        "theme" => match Theme::from_key(v) {
            Some(t) => c.theme = t,
            None => w.push(k, v, crate::t!("w-one-of", all = "light, dark", default = "system")),
        },
        _ => return false,
    }
    true
}
