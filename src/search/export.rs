//! A search's trials as CSV and JSON downloads: one row per trial with its
//! settings, objective (mean and spread over repeats), losses, metric, epochs,
//! wall time and state.

use super::run::Run;
use super::trial::TrialOutcome;

fn num(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// An f32 as its shortest text (the page shows the same digits).
fn num32(v: f32) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

fn row(o: &TrialOutcome) -> [String; 8] {
    [
        num(o.objective),
        num(o.spread),
        num32(o.train_loss),
        num32(o.test_loss),
        num32(o.test_metric),
        o.epochs.to_string(),
        format!("{:.0}", o.wall_ms),
        o.state.label().to_string(),
    ]
}

pub fn csv(r: &Run) -> String {
    let mut head: Vec<String> = vec!["trial".into()];
    head.extend(r.space.dims.iter().map(|(s, _)| field(&s.label())));
    head.extend(
        [
            "objective",
            "spread",
            "train_loss",
            "test_loss",
            "test_metric",
            "epochs",
            "wall_ms",
            "state",
            "message",
        ]
        .map(String::from),
    );
    let mut out = head.join(",") + "\n";
    for (k, t) in r.trials.iter().enumerate() {
        let Some(o) = &t.outcome else { continue };
        let mut cells = vec![k.to_string()];
        cells.extend(t.values.iter().map(|v| field(&v.text())));
        cells.extend(row(o));
        cells.push(field(&o.message));
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    let mut q = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            c if (c as u32) < 0x20 => q.push_str(&format!("\\u{:04x}", c as u32)),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

fn jnum32(v: f32) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        "null".into()
    }
}

fn jnum(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        "null".into()
    }
}

pub fn json(r: &Run) -> String {
    let mut link = crate::url::encode(&r.base);
    r.spec.encode(&mut link);
    let mut out = format!(
        "{{\"link\":{},\"objective\":{},\"trials\":[",
        quote(&link),
        quote(r.objective.key())
    );
    let mut first = true;
    for (k, t) in r.trials.iter().enumerate() {
        let Some(o) = &t.outcome else { continue };
        if !first {
            out.push(',');
        }
        first = false;
        let settings: Vec<String> = r
            .space
            .dims
            .iter()
            .zip(&t.values)
            .map(|((s, _), v)| format!("{}:{}", quote(s.key()), quote(&v.text())))
            .collect();
        let curve: Vec<String> = o
            .curve
            .iter()
            .map(|p| format!("[{},{},{}]", p[0], jnum32(p[1]), jnum32(p[2])))
            .collect();
        out.push_str(&format!(
            "{{\"trial\":{k},\"settings\":{{{}}},\"objective\":{},\"spread\":{},\"train_loss\":{},\"test_loss\":{},\
             \"test_metric\":{},\"epochs\":{},\"wall_ms\":{},\"state\":{},\"message\":{},\"curve\":[{}]}}",
            settings.join(","),
            jnum(o.objective),
            jnum(o.spread),
            jnum32(o.train_loss),
            jnum32(o.test_loss),
            jnum32(o.test_metric),
            o.epochs,
            jnum(o.wall_ms),
            quote(&o.state.label()),
            quote(&o.message),
            curve.join(",")
        ));
    }
    out.push_str("]}");
    out
}
