//! The search's charts as SVG markup, computed here and set by the glue:
//! the best value so far over trials, parallel coordinates, one slice per
//! setting, each setting's importance, and chosen trials' loss curves.
//! Colours and text only through SVG attributes (the page's CSP allows no
//! inline styles); every text is escaped.

use super::domain::Domain;
use super::importance::importance;
use super::run::Run;
use super::setting::Value;
use super::trial::TrialState;
use std::fmt::Write;

pub const W: f64 = 360.0;
pub const H: f64 = 200.0;
/// Plot margins: left, right, top, bottom.
const M: (f64, f64, f64, f64) = (48.0, 12.0, 14.0, 30.0);

/// `s` safe inside SVG text and attributes.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A short number for an axis.
fn short(v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let a = v.abs();
    if a != 0.0 && !(0.001..10_000.0).contains(&a) {
        format!("{v:.1e}")
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A colour from good (0: dark blue) to poor (1: orange), readable on white.
pub fn ramp(t: f64) -> String {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 1.0 };
    let (a, b) = ([8.0, 69.0, 148.0], [230.0, 120.0, 20.0]);
    let c: Vec<u8> = (0..3).map(|i| (a[i] + (b[i] - a[i]) * t).round() as u8).collect();
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Opens a chart whose name is the message `title`.
fn open(out: &mut String, title: &str, w: f64, h: f64) {
    let title = crate::t!(title);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>",
        escape(&title)
    );
}

fn text(out: &mut String, x: f64, y: f64, anchor: &str, s: &str) {
    let _ = write!(
        out,
        "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" font-size=\"10\" fill=\"#444\">{}</text>",
        escape(s)
    );
}

/// A frame with y labels `lo`/`hi` and an x caption.
fn frame(out: &mut String, lo: f64, hi: f64, x_caption: &str) {
    let (l, r, t, b) = M;
    let _ = write!(
        out,
        "<path d=\"M{l} {t}V{}H{}\" fill=\"none\" stroke=\"#999\"/>",
        H - b,
        W - r
    );
    text(out, l - 4.0, t + 8.0, "end", &short(hi));
    text(out, l - 4.0, H - b, "end", &short(lo));
    text(out, (l + W - r) / 2.0, H - 8.0, "middle", x_caption);
}

/// Finite values' (min, max), widened when equal.
fn bounds(v: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    let (lo, hi) = v
        .filter(|x| x.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
    if lo > hi {
        return None;
    }
    Some(if lo == hi { (lo - 0.5, hi + 0.5) } else { (lo, hi) })
}

/// The y pixel of `v` in `lo ..= hi`.
fn y_of(v: f64, lo: f64, hi: f64) -> f64 {
    let (_, _, t, b) = M;
    H - b - (v - lo) / (hi - lo) * (H - t - b)
}

/// (trial, objective) of the trials with a value, in trial order.
fn values(r: &Run) -> Vec<(usize, f64, bool)> {
    r.trials
        .iter()
        .enumerate()
        .filter_map(|(k, t)| t.outcome.as_ref().map(|o| (k, o)))
        .filter(|(_, o)| o.objective.is_finite())
        .map(|(k, o)| (k, o.objective, o.state == TrialState::Done))
        .collect()
}

/// Trial k's colour position (0: the best value, 1: the poorest).
fn shade(r: &Run, v: f64) -> f64 {
    match bounds(values(r).into_iter().map(|(_, v, _)| v)) {
        Some((lo, hi)) if r.objective.maximise() => (hi - v) / (hi - lo),
        Some((lo, hi)) => (v - lo) / (hi - lo),
        None => 0.5,
    }
}

/// The objective of each trial as a dot, and the best so far as a step line.
pub fn history(r: &Run) -> String {
    let mut out = String::new();
    open(&mut out, "chart-history", W, H);
    let pts = values(r);
    let (l, right, _, _) = M;
    if let Some((lo, hi)) = bounds(pts.iter().map(|p| p.1)) {
        frame(&mut out, lo, hi, &crate::t!("trial-axis", total = r.total.to_string()));
        let x_of = |k: usize| l + (k as f64 + 0.5) / f64::from(r.total.max(1)) * (W - l - right);
        let mut line = String::new();
        let mut best: Option<f64> = None;
        for &(k, v, done) in &pts {
            let fill = if done { "#1f5fa8" } else { "none" };
            let _ = write!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"{fill}\" stroke=\"#1f5fa8\"/>",
                x_of(k),
                y_of(v, lo, hi)
            );
            if done {
                let better = best.map_or(true, |b| if r.objective.maximise() { v > b } else { v < b });
                if better {
                    let y = y_of(v, lo, hi);
                    if best.is_some() {
                        let _ = write!(line, "H{:.1}V{y:.1}", x_of(k));
                    } else {
                        let _ = write!(line, "M{:.1} {y:.1}", x_of(k));
                    }
                    best = Some(v);
                }
            }
        }
        if best.is_some() {
            let _ = write!(line, "H{:.1}", W - right);
            let _ = write!(
                out,
                "<path d=\"{line}\" fill=\"none\" stroke=\"#e07814\" stroke-width=\"2\"/>"
            );
        }
    } else {
        text(&mut out, W / 2.0, H / 2.0, "middle", &crate::t!("no-trial-yet"));
    }
    out.push_str("</svg>");
    out
}

/// Position 0 ..= 1 of trial value `x` on domain `d` (log ranges on a log scale).
fn along(d: &Domain, x: f64) -> f64 {
    let t = match *d {
        Domain::Choice { n } => (x + 0.5) / n as f64,
        Domain::Real { lo, hi, log: true } => (x / lo).ln() / (hi / lo).ln(),
        Domain::Real { lo, hi, .. } => (x - lo) / (hi - lo),
        Domain::Int { lo, hi, log } => {
            let (a, b) = (lo as f64, hi as f64);
            if log {
                (x / a).ln() / (b / a).ln()
            } else {
                (x - a) / (b - a).max(1.0)
            }
        }
    };
    t.clamp(0.0, 1.0)
}

/// One axis per searched domain then the objective; one line per trial, coloured by its objective.
pub fn parallel(r: &Run) -> String {
    let domains = r.space.domains();
    let names = axis_names(r);
    let w = W.max(110.0 * (domains.len() + 1) as f64);
    let mut out = String::new();
    open(&mut out, "chart-parallel", w, H);
    let pts = values(r);
    let Some((lo, hi)) = bounds(pts.iter().map(|p| p.1)) else {
        text(&mut out, w / 2.0, H / 2.0, "middle", &crate::t!("no-trial-yet"));
        out.push_str("</svg>");
        return out;
    };
    let n_axes = domains.len() + 1;
    let (_, _, t, b) = M;
    let x_of = |a: usize| 40.0 + a as f64 * (w - 80.0) / (n_axes - 1).max(1) as f64;
    let y_at = |u: f64| H - b - u * (H - t - b);
    for (a, name) in names
        .iter()
        .chain(std::iter::once(&crate::t!("objective-axis")))
        .enumerate()
    {
        let x = x_of(a);
        let _ = write!(out, "<path d=\"M{x:.1} {t}V{}\" stroke=\"#999\"/>", H - b);
        text(&mut out, x, H - 10.0, "middle", name);
    }
    // Poorest first, so the best lines are drawn on top.
    let mut order: Vec<(f64, u32)> = pts.iter().map(|p| (-shade(r, p.1), p.0 as u32)).collect();
    super::order::sort(&mut order);
    for (k, v) in order.iter().map(|&(_, k)| {
        (
            k as usize,
            r.trials[k as usize].outcome.as_ref().map_or(f64::NAN, |o| o.objective),
        )
    }) {
        let x = &r.trials[k].x;
        let mut d = String::new();
        for (a, dom) in domains.iter().enumerate() {
            let _ = write!(
                d,
                "{}{:.1} {:.1}",
                if a == 0 { "M" } else { "L" },
                x_of(a),
                y_at(along(dom, x[a]))
            );
        }
        let _ = write!(d, "L{:.1} {:.1}", x_of(n_axes - 1), y_of(v, lo, hi));
        let _ = write!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-opacity=\"0.75\"/>",
            ramp(shade(r, v))
        );
    }
    text(&mut out, x_of(n_axes - 1) + 4.0, t + 8.0, "start", &short(hi));
    text(&mut out, x_of(n_axes - 1) + 4.0, H - b, "start", &short(lo));
    out.push_str("</svg>");
    out
}

/// Each domain's name (a listed input feature is its own domain).
fn axis_names(r: &Run) -> Vec<String> {
    let mut names = Vec::new();
    for (s, v) in &r.space.dims {
        match v {
            super::setting::Values::Keys(k) if *s == super::setting::Setting::Features => {
                names.extend(k.iter().map(|f| f.to_string()))
            }
            _ => names.push(s.label().to_lowercase()),
        }
    }
    names
}

/// The objective against each searched domain, side by side.
pub fn slices(r: &Run) -> String {
    let domains = r.space.domains();
    let names = axis_names(r);
    let cell = 200.0;
    let w = cell * domains.len().max(1) as f64;
    let mut out = String::new();
    open(&mut out, "chart-slices", w, H);
    let pts = values(r);
    if let Some((lo, hi)) = bounds(pts.iter().map(|p| p.1)) {
        let (_, _, t, b) = M;
        for (a, (dom, name)) in domains.iter().zip(&names).enumerate() {
            let x0 = a as f64 * cell + 40.0;
            let span = cell - 52.0;
            let _ = write!(
                out,
                "<path d=\"M{x0} {t}V{}H{}\" fill=\"none\" stroke=\"#999\"/>",
                H - b,
                x0 + span
            );
            text(&mut out, x0 + span / 2.0, H - 8.0, "middle", name);
            if a == 0 {
                text(&mut out, x0 - 4.0, t + 8.0, "end", &short(hi));
                text(&mut out, x0 - 4.0, H - b, "end", &short(lo));
            }
            for &(k, v, _) in &pts {
                let _ = write!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"{}\"/>",
                    x0 + along(dom, r.trials[k].x[a]) * span,
                    y_of(v, lo, hi),
                    ramp(shade(r, v))
                );
            }
            if let Domain::Choice { n } = *dom {
                for i in 0..n {
                    let label = choice_label(r, a, i);
                    text(
                        &mut out,
                        x0 + (i as f64 + 0.5) / n as f64 * span,
                        H - b + 11.0,
                        "middle",
                        &label,
                    );
                }
            }
        }
    } else {
        text(&mut out, w / 2.0, H / 2.0, "middle", &crate::t!("no-trial-yet"));
    }
    out.push_str("</svg>");
    out
}

/// The label of choice `i` of domain `a`.
fn choice_label(r: &Run, a: usize, i: usize) -> String {
    let mut d = 0;
    for (s, v) in &r.space.dims {
        use super::setting::Values;
        let here = match v {
            Values::Keys(k) if *s == super::setting::Setting::Features => k.len(),
            _ => 1,
        };
        if a < d + here {
            return match v {
                Values::Numbers(n) => Value::Number(n[i]).text(),
                Values::Keys(_) if *s == super::setting::Setting::Features => ["off", "on"][i].into(),
                Values::Keys(k) => k[i].into(),
                Values::Shapes(sh) => Value::Shape(sh[i].clone()).text(),
                Values::Range(..) => String::new(),
            };
        }
        d += here;
    }
    String::new()
}

/// Each domain's share of the objective's variance (`importance`), as bars.
pub fn importance_bars(r: &Run) -> String {
    let names = axis_names(r);
    let h = 24.0 + 22.0 * names.len() as f64;
    let mut out = String::new();
    open(&mut out, "chart-importance", W, h);
    let observed: Vec<super::domain::Observation> = r
        .trials
        .iter()
        .filter_map(|t| {
            let o = t.outcome.as_ref()?;
            Some(super::domain::Observation {
                values: t.x.clone(),
                objective: o.objective,
            })
        })
        .collect();
    let shares = importance(&r.space.domains(), &observed);
    for (i, (name, share)) in names.iter().zip(shares).enumerate() {
        let y = 12.0 + 22.0 * i as f64;
        text(&mut out, 118.0, y + 12.0, "end", name);
        let _ = write!(
            out,
            "<rect x=\"124\" y=\"{y}\" width=\"{:.1}\" height=\"16\" fill=\"#1f5fa8\"/>",
            share * (W - 180.0)
        );
        text(
            &mut out,
            128.0 + share * (W - 180.0),
            y + 12.0,
            "start",
            &format!("{:.0} %", share * 100.0),
        );
    }
    out.push_str("</svg>");
    out
}

/// Distinct colours for overlaid curves.
const CURVE_COLORS: [&str; 6] = ["#1f5fa8", "#e07814", "#2a9d4a", "#c2185b", "#6a3d9a", "#555"];

/// Test (solid) and training (dashed) loss per epoch of the `shown` trials.
pub fn curves(r: &Run, shown: &[u32]) -> String {
    let mut out = String::new();
    open(&mut out, "chart-curves", W, H);
    let chosen: Vec<(u32, &[[f32; 3]])> = shown
        .iter()
        .filter_map(|&k| Some((k, r.trials.get(k as usize)?.outcome.as_ref()?.curve.as_slice())))
        .collect();
    let all = || chosen.iter().flat_map(|(_, c)| c.iter());
    let ys = bounds(all().flat_map(|p| [f64::from(p[1]), f64::from(p[2])]));
    let last = all().map(|p| f64::from(p[0])).fold(1.0, f64::max);
    let Some((lo, hi)) = ys else {
        text(&mut out, W / 2.0, H / 2.0, "middle", &crate::t!("tick-trials"));
        out.push_str("</svg>");
        return out;
    };
    frame(&mut out, lo, hi, &crate::t!("epoch-axis"));
    let trial_word = crate::t!("trial-word");
    let (l, right, _, _) = M;
    for (i, (k, c)) in chosen.iter().enumerate() {
        let color = CURVE_COLORS[i % CURVE_COLORS.len()];
        for (col, dash) in [(2, ""), (1, " stroke-dasharray=\"4 3\"")] {
            let mut d = String::new();
            for p in c.iter().filter(|p| p[col].is_finite()) {
                let x = l + f64::from(p[0]) / last * (W - l - right);
                let _ = write!(
                    d,
                    "{}{x:.1} {:.1}",
                    if d.is_empty() { "M" } else { "L" },
                    y_of(f64::from(p[col]).clamp(lo, hi), lo, hi)
                );
            }
            let _ = write!(out, "<path d=\"{d}\" fill=\"none\" stroke=\"{color}\"{dash}/>");
        }
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"10\" fill=\"{color}\">{} {k}</text>",
            W - right,
            24.0 + 12.0 * i as f64,
            escape(&trial_word)
        );
    }
    out.push_str("</svg>");
    out
}
