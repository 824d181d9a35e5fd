//! Explanations for a learner: which one a part of the page shows (a control's
//! from `Control::help_id`, a metric's or an optimizer setting's from here),
//! the glossary's terms, and where the one tooltip goes so that it stays in
//! the window and never covers what it explains. The texts themselves are in
//! `i18n/*/help.ftl`, read at show time so they follow the page's language.

use crate::control::Control;

/// The file of the explanations and the glossary, in `i18n/<lang>/`: fetched
/// when first needed, not embedded (the page's first load stays small).
pub const FILE: &str = "explain.ftl";

/// Explanations of things that are not controls: the metrics, the presenter
/// view and the advanced panel's controls (named by the page's `data-help`
/// attributes) and the optimizer's settings.
pub const TOPICS: [&str; 16] = [
    "help-accuracy",
    "help-precision",
    "help-recall",
    "help-f1",
    "help-mse",
    "help-mae",
    "help-r2",
    "help-momentum",
    "help-betas",
    "help-present",
    "help-prune",
    "help-prune-by",
    "help-quant",
    "help-aug",
    "help-norm",
    "help-norm-at",
];

/// The glossary, in its order: (term id, definition id). Some definitions are
/// a control's explanation, so they are written once.
pub const GLOSSARY: [(&str, &str); 22] = [
    ("term-epoch", "gloss-epoch"),
    ("term-batch", "help-batch"),
    ("term-lr", "help-lr"),
    ("term-loss", "gloss-loss"),
    ("term-gradient", "gloss-gradient"),
    ("term-optimizer", "help-opt"),
    ("term-schedule", "help-sched"),
    ("term-neuron", "gloss-neuron"),
    ("term-layer", "gloss-layer"),
    ("term-weight", "gloss-weight"),
    ("term-bias", "gloss-bias"),
    ("term-activation", "help-act"),
    ("term-softmax", "gloss-softmax"),
    ("term-feature", "help-in"),
    ("term-overfitting", "gloss-overfitting"),
    ("term-regularization", "gloss-regularization"),
    ("term-dropout", "help-drop"),
    ("term-validation", "help-val"),
    ("term-test", "gloss-test"),
    ("term-early-stopping", "help-es"),
    ("term-precision", "help-precision"),
    ("term-recall", "help-recall"),
];

/// What an element explains, from its nearest marked ancestor: its
/// `data-help` id (set by the page itself: a metric, a feature), else an
/// optimizer setting's box (`data-param`), else a `data-control` key.
pub fn topic<'a>(help: Option<&'a str>, param: Option<&str>, control: Option<&str>) -> Option<&'a str> {
    if help.is_some() {
        return help;
    }
    match param {
        Some("mom") => return Some("help-momentum"),
        Some("b1" | "b2") => return Some("help-betas"),
        _ => {}
    }
    let c = Control::from_key(control?)?;
    c.explained_on_hover().then(|| c.help_id())
}

/// A box on the page, in CSS pixels of the window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Space kept between the tooltip, the control and the window's edges.
pub const GAP: f64 = 6.0;

/// Where the tooltip (w × h) goes for a control at `anchor` in a window of
/// `view_w` × `view_h`: its top-left corner. Below the control when it fits
/// there, else above, else on the side with more room; aligned with the
/// control's left edge and moved left to stay in the window. It never
/// overlaps the control unless the window has no room above nor below.
pub fn place(anchor: Rect, w: f64, h: f64, view_w: f64, view_h: f64) -> (f64, f64) {
    let below = anchor.y + anchor.h + GAP;
    let above = anchor.y - GAP - h;
    let room_below = view_h - below - GAP;
    let room_above = anchor.y - 2.0 * GAP;
    let y = if h <= room_below || (h > room_above && room_below >= room_above) {
        below
    } else {
        above
    };
    let x = anchor.x.min(view_w - GAP - w).max(GAP);
    (x, y.max(GAP).min((view_h - GAP - h).max(GAP)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    const EN: &str = include_str!("../i18n/en/explain.ftl");
    const ZH: &str = include_str!("../i18n/zh/explain.ftl");

    fn overlaps(a: Rect, x: f64, y: f64, w: f64, h: f64) -> bool {
        x < a.x + a.w && a.x < x + w && y < a.y + a.h && a.y < y + h
    }

    #[test]
    fn every_control_topic_and_glossary_entry_is_explained_in_both_languages() {
        for (lang, text) in [(Lang::En, EN), (Lang::Zh, ZH)] {
            let cat = Catalog::parse(lang, &[(FILE, text)]).expect("catalog parses");
            let ids = Control::ALL
                .map(Control::help_id)
                .into_iter()
                .chain(TOPICS)
                .chain(GLOSSARY.iter().flat_map(|(t, d)| [*t, *d]));
            for id in ids {
                let text = cat.message(id, None).unwrap_or_else(|| panic!("{lang:?} lacks {id}"));
                assert!(!text.trim().is_empty() && text.len() < 400, "{lang:?} {id}: {text}");
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_ids() {
        let ids = |text: &str| {
            let mut ids: Vec<String> = text
                .lines()
                .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.to_string()))
                .collect();
            ids.sort_unstable();
            ids
        };
        assert_eq!(ids(EN), ids(ZH));
        // Every id is one the page asks for.
        let asked: Vec<&str> = Control::ALL
            .map(Control::help_id)
            .into_iter()
            .chain(TOPICS)
            .chain(GLOSSARY.iter().flat_map(|(t, d)| [*t, *d]))
            .collect();
        // (The file also carries the page's late words: the article's, the import panel's.)
        let explanations = ids(EN)
            .into_iter()
            .filter(|id| ["help-", "term-", "gloss-"].iter().any(|p| id.starts_with(p)));
        assert!(explanations.into_iter().all(|id| asked.contains(&id.as_str())));
    }

    #[test]
    fn the_fetched_file_joins_the_catalog_of_the_active_language() {
        // The page's embedded catalog, as in the browser (natively the late words are in from the start).
        crate::i18n::install(Catalog::parse(Lang::En, crate::i18n::EN_MAIN).unwrap(), None);
        assert_eq!(crate::t!("term-epoch"), "term-epoch", "not embedded");
        assert!(!crate::i18n::add(Lang::Zh, ZH), "English is active");
        assert!(!crate::i18n::add(Lang::En, "broken = {"), "does not parse");
        assert!(crate::i18n::add(Lang::En, EN));
        assert_eq!(crate::t!("term-epoch"), "Epoch");
        assert!(crate::t!("help-reg").contains("λ·½Σw²"));
    }

    #[test]
    fn the_glossary_has_15_to_25_distinct_terms() {
        let mut terms: Vec<&str> = GLOSSARY.iter().map(|(t, _)| *t).collect();
        terms.sort_unstable();
        terms.dedup();
        assert_eq!(terms.len(), GLOSSARY.len());
        assert!((15..=25).contains(&terms.len()));
    }

    #[test]
    fn topics_come_from_the_nearest_mark() {
        assert_eq!(topic(Some("help-recall"), None, Some("metrics")), Some("help-recall"));
        assert_eq!(topic(Some("help-lr"), None, None), Some("help-lr"));
        assert_eq!(topic(None, Some("mom"), Some("opt")), Some("help-momentum"));
        assert_eq!(topic(None, Some("b2"), Some("opt")), Some("help-betas"));
        assert_eq!(topic(None, Some("eps"), Some("opt")), Some("help-opt"));
        assert_eq!(topic(None, None, Some("drop")), Some("help-drop"));
        // Areas explain their parts, not themselves; unknown keys explain nothing.
        assert_eq!(topic(None, None, Some("diagram")), None);
        assert_eq!(topic(None, None, Some("nope")), None);
        assert_eq!(topic(None, None, None), None);
    }

    #[test]
    fn the_tooltip_goes_below_then_above_and_stays_in_the_window() {
        let (vw, vh) = (1440.0, 900.0);
        let (w, h) = (300.0, 80.0);
        let top = Rect {
            x: 100.0,
            y: 50.0,
            w: 120.0,
            h: 30.0,
        };
        assert_eq!(place(top, w, h, vw, vh), (100.0, 86.0));
        let bottom = Rect {
            x: 1400.0,
            y: 850.0,
            w: 30.0,
            h: 30.0,
        };
        let (x, y) = place(bottom, w, h, vw, vh);
        assert_eq!((x, y), (vw - GAP - w, 850.0 - GAP - h));
        // A sweep of controls over the window: inside, and never on the control.
        for ax in (0..1440).step_by(97) {
            for ay in (0..870).step_by(53) {
                let a = Rect {
                    x: ax as f64,
                    y: ay as f64,
                    w: 140.0,
                    h: 30.0,
                };
                let (x, y) = place(a, w, h, vw, vh);
                assert!(x >= GAP && x + w <= vw - GAP + 1e-9, "{a:?} -> {x}");
                assert!(y >= GAP && y + h <= vh - GAP + 1e-9, "{a:?} -> {y}");
                assert!(!overlaps(a, x, y, w, h), "{a:?} covered by ({x}, {y})");
            }
        }
        // A tooltip taller than the window starts at its top.
        assert_eq!(place(top, w, 2000.0, vw, vh).1, GAP);
    }
}
