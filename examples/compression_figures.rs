//! The README's compression figures (issue 17): test accuracy against
//! sparsity (pruning) and against bits (quantisation), on the spiral and on a
//! three-class set, trained by the advanced module's trainer
//! (`Trainer::with_extras` with `Advanced`) as the page trains them.
//!
//! Each data set's network is trained for `EPOCHS` epochs from its link
//! (`SETS`, fixed seed). Then:
//! - pruning: `prune=S&prune-by=M&prune-from=EPOCHS` (all at once at epoch
//!   `EPOCHS`), measured right after pruning and after `TUNE` more epochs of
//!   fine-tuning with the removed weights held at 0. `S` is the share of the
//!   weights (global, layer) or of the hidden neurons (neuron); the CSV has the
//!   share of zero weights too. Each setting is a fresh run of its link, so it
//!   replays bit for bit on the page.
//! - quantisation: `quant=B&quant-scheme=…&quant-per=…` set on the trained
//!   network (post-training, the weights as trained), and quantisation-aware
//!   fine-tuning: `quant-train=1` set at epoch `EPOCHS` and `TUNE` more epochs
//!   (forward and backward on the quantised weights, the step on the floats).
//!   32 bits is the float network (and its own `TUNE` more epochs).
//!
//! Accuracy is on the test points, of the network the page shows (the
//! quantised one when quantising). Writes docs/compression.csv,
//! docs/compression-sparsity.svg and docs/compression-bits.svg.
//!
//!   cargo run --release --offline --example compression_figures

use nnplay::advanced::extras::Advanced;
use nnplay::metrics::Metrics;
use nnplay::protocol::ToWorker;
use nnplay::trainer::Trainer;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::fmt::Write as _;

/// Epochs of the trained network, and of fine-tuning after compressing it.
const EPOCHS: u64 = 300;
const TUNE: u64 = 100;
/// Each setting is measured on the runs of these seeds (data and initial
/// weights); the figures show the mean.
const SEEDS: [u32; 3] = [1, 2, 3];

/// (name in the CSV, title, link without the seed, classes) of the two data
/// sets: Adam at 0.01, tanh, two hidden layers of 16, batches of 10, half the
/// points for training.
const SETS: [(&str, &str, &str, u32); 2] = [
    (
        "spiral",
        "spiral (2 classes)",
        "data=spiral&noise=0&train=50&batch=10&lr=0.01&act=tanh&net=16,16&in=x1,x2,sinx1,sinx2&opt=adam",
        2,
    ),
    (
        "arms3",
        "three arms (3 classes)",
        "data=arms&classes=3&noise=0&train=50&batch=10&lr=0.01&act=tanh&net=16,16&in=x1,x2,sinx1,sinx2&opt=adam",
        3,
    ),
];

const SPARSITY: [u32; 12] = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99];
/// (link value, legend) of the pruning methods.
const METHODS: [(&str, &str); 3] = [
    ("global", "global (smallest |w| in the network)"),
    ("layer", "layer (smallest |w| in each layer)"),
    ("neuron", "neuron (whole hidden neurons)"),
];
const BITS: [u8; 5] = [32, 8, 4, 2, 1];
/// (quant-scheme, quant-per, legend) of the quantisers.
const QUANTS: [(&str, &str, &str); 4] = [
    ("sym", "tensor", "symmetric, per tensor"),
    ("sym", "neuron", "symmetric, per neuron"),
    ("affine", "tensor", "affine, per tensor"),
    ("affine", "neuron", "affine, per neuron"),
];
const COLORS: [RGBColor; 4] = [
    RGBColor(31, 119, 180),
    RGBColor(230, 110, 0),
    RGBColor(44, 160, 44),
    RGBColor(200, 30, 40),
];

/// One measured setting: the accuracy right after compressing and after fine-tuning.
struct Row {
    set: usize,
    seed: u32,
    /// "prune" or "quant".
    study: &'static str,
    /// The method (prune-by) or the quantiser (scheme-per).
    how: String,
    /// Percent removed, or bits.
    level: u32,
    /// Share of the weights that are 0 right after compressing.
    zeros: f32,
    /// Layers whose weights are all 0 right after compressing: the network's
    /// output no longer depends on its inputs.
    empty: usize,
    after: f32,
    tuned: f32,
}

/// A fresh run of set `set`'s link with seed `seed` and the advanced keys `keys`.
fn trainer(set: usize, seed: u32, keys: &str) -> Trainer {
    let decoded = nnplay::url::decode(&format!("{}&seed={seed}", SETS[set].2));
    assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
    let mut config = decoded.config;
    config.advanced = keys.into();
    let mut t = Trainer::with_extras(config, Some(Box::new(Advanced::default())));
    // Keys the advanced module cannot use reach the page as an error: here a bug.
    let (out, _) = t.handle(ToWorker::Configure {
        hash: nnplay::url::encode(t.config()),
        run: 1,
    });
    assert!(out.is_empty(), "{keys}: {out:?}");
    t
}

/// Sets the advanced keys of a run without restarting it.
fn configure(t: &mut Trainer, keys: &str) {
    let mut config = t.config().clone();
    config.advanced = keys.into();
    let (out, _) = t.handle(ToWorker::Configure {
        hash: nnplay::url::encode(&config),
        run: 1,
    });
    assert!(out.is_empty(), "{keys}: {out:?}");
}

fn train(t: &mut Trainer, epochs: u64) {
    for _ in 0..epochs {
        if let Some(stopped) = t.train_epoch() {
            eprintln!("epoch {}: {stopped:?}", t.epoch());
        }
    }
}

/// Test accuracy (percent) of what the page shows.
fn accuracy(t: &mut Trainer) -> f32 {
    match t.scores().test {
        Metrics::Classification { accuracy, .. } => 100.0 * accuracy,
        Metrics::Regression { .. } => unreachable!("both sets are classification"),
    }
}

/// (share of the weights that are 0, layers with no weight left).
fn zeros(t: &Trainer) -> (f32, usize) {
    let layers = &t.network().layers;
    let weights = layers.iter().flat_map(|l| &l.weights);
    let n = weights.clone().count();
    let zero = weights.filter(|w| **w == 0.0).count();
    let empty = layers.iter().filter(|l| l.weights.iter().all(|w| *w == 0.0)).count();
    (zero as f32 / n as f32, empty)
}

fn measure(set: usize, seed: u32, rows: &mut Vec<Row>) {
    let mut base = trainer(set, seed, "");
    train(&mut base, EPOCHS);
    let float = accuracy(&mut base);
    let mut longer = trainer(set, seed, "");
    train(&mut longer, EPOCHS + TUNE);
    let float_tuned = accuracy(&mut longer);
    eprintln!(
        "{} seed {seed}: {float:.1} % after {EPOCHS} epochs, {float_tuned:.1} % after {}",
        SETS[set].0,
        EPOCHS + TUNE
    );

    for (method, _) in METHODS {
        for s in SPARSITY {
            let ((zero, empty), after, tuned) = if s == 0 {
                ((0.0, 0), float, float_tuned)
            } else {
                let mut t = trainer(set, seed, &format!("prune={s}&prune-by={method}&prune-from={EPOCHS}"));
                train(&mut t, EPOCHS);
                let (zero, after) = (zeros(&t), accuracy(&mut t));
                train(&mut t, TUNE);
                (zero, after, accuracy(&mut t))
            };
            eprintln!(
                "  prune {method} {s}: {after:.1} → {tuned:.1} ({:.1} % zeros, {empty} empty layers)",
                100.0 * zero
            );
            rows.push(Row {
                set,
                seed,
                study: "prune",
                how: method.into(),
                level: s,
                zeros: zero,
                empty,
                after,
                tuned,
            });
        }
    }

    for (scheme, per, _) in QUANTS {
        for bits in BITS {
            let (after, tuned) = if bits == 32 {
                (float, float_tuned)
            } else {
                let keys = format!("quant={bits}&quant-scheme={scheme}&quant-per={per}");
                configure(&mut base, &keys);
                let after = accuracy(&mut base);
                configure(&mut base, "");
                let mut t = trainer(set, seed, "");
                train(&mut t, EPOCHS);
                configure(&mut t, &format!("{keys}&quant-train=1"));
                train(&mut t, TUNE);
                (after, accuracy(&mut t))
            };
            eprintln!("  quant {scheme}-{per} {bits}: {after:.1} → {tuned:.1}");
            rows.push(Row {
                set,
                seed,
                study: "quant",
                how: format!("{scheme}-{per}"),
                level: u32::from(bits),
                zeros: 0.0,
                empty: 0,
                after,
                tuned,
            });
        }
    }
}

fn csv(rows: &[Row]) -> String {
    let mut s = format!(
        "# examples/compression_figures.rs: {EPOCHS} epochs, then compressed (after); tuned: {TUNE} more epochs \
         (prune: the removed weights held at 0; quant: quantisation-aware)\n\
         dataset,seed,study,method,level,zero_weights,empty_layers,accuracy_after,accuracy_tuned\n"
    );
    for r in rows {
        writeln!(
            s,
            "{},{},{},{},{},{:.4},{},{:.2},{:.2}",
            SETS[r.set].0, r.seed, r.study, r.how, r.level, r.zeros, r.empty, r.after, r.tuned
        )
        .unwrap();
    }
    s
}

/// The mean over the seeds of (after, tuned) of set `set`'s `study` by `how`,
/// at each level from the lowest.
fn means(rows: &[Row], set: usize, study: &str, how: &str) -> Vec<(u32, f32, f32)> {
    let mine: Vec<&Row> = rows
        .iter()
        .filter(|r| r.set == set && r.study == study && r.how == how)
        .collect();
    let mut levels: Vec<u32> = mine.iter().map(|r| r.level).collect();
    levels.sort_unstable();
    levels.dedup();
    levels
        .into_iter()
        .map(|level| {
            let at: Vec<&&Row> = mine.iter().filter(|r| r.level == level).collect();
            let n = at.len() as f32;
            let after = at.iter().map(|r| r.after).sum::<f32>() / n;
            let tuned = at.iter().map(|r| r.tuned).sum::<f32>() / n;
            (level, after, tuned)
        })
        .collect()
}

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// One panel: a line per (series, solid: tuned / dashed: after) over x.
struct Panel {
    title: String,
    x_desc: &'static str,
    x_range: std::ops::Range<f32>,
    x_labels: usize,
    x_label: fn(&f32) -> String,
    /// Accuracy of always answering the commonest class.
    chance: f32,
    series: Vec<(RGBColor, Points)>,
}

/// A line's points: (x, accuracy right after compressing, after fine-tuning).
type Points = Vec<(f32, f32, f32)>;

fn draw_panel(area: &Area, p: &Panel) -> Result<(), Box<dyn std::error::Error>> {
    let mut chart = ChartBuilder::on(area)
        .caption(&p.title, ("sans-serif", 19))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(52)
        .build_cartesian_2d(p.x_range.clone(), 30f32..101f32)?;
    chart
        .configure_mesh()
        .x_desc(p.x_desc)
        .y_desc("test accuracy (%)")
        .x_labels(p.x_labels)
        .y_labels(8)
        .x_label_formatter(&p.x_label)
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style(("sans-serif", 14))
        .axis_desc_style(("sans-serif", 15))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    let grey = RGBColor(120, 120, 120);
    let chance = [(p.x_range.start, p.chance), (p.x_range.end, p.chance)];
    chart.draw_series(DashedLineSeries::new(chance, 2, 4, grey.stroke_width(1)))?;
    let x_text = p.x_range.start + 0.01 * (p.x_range.end - p.x_range.start);
    chart.draw_series([Text::new(
        "chance",
        (x_text, p.chance + 2.5),
        ("sans-serif", 13).into_font().color(&grey),
    )])?;
    for (color, points) in &p.series {
        let after = points.iter().map(|&(x, a, _)| (x, a));
        chart.draw_series(DashedLineSeries::new(after, 6, 4, color.mix(0.8).stroke_width(2)))?;
        let tuned: Vec<(f32, f32)> = points.iter().map(|&(x, _, t)| (x, t)).collect();
        chart.draw_series(LineSeries::new(tuned.iter().copied(), color.stroke_width(2)))?;
        chart.draw_series(tuned.iter().map(|&xy| Circle::new(xy, 3, color.filled())))?;
    }
    Ok(())
}

/// The legend under the panels: one entry per series, then the two line styles.
fn draw_legend(area: &Area, names: &[&str], after: &str, tuned: &str) -> Result<(), Box<dyn std::error::Error>> {
    let font = ("sans-serif", 15).into_font().color(&BLACK);
    let (w, _) = area.dim_in_pixel();
    let columns = names.len().min(4) as i32;
    let step = (w as i32 - 40) / columns;
    for (i, name) in names.iter().enumerate() {
        let (x, y) = (30 + step * (i as i32 % columns), 12 + 22 * (i as i32 / columns));
        area.draw(&PathElement::new([(x, y), (x + 24, y)], COLORS[i].stroke_width(3)))?;
        area.draw(&Text::new(name.to_string(), (x + 30, y - 8), font.clone()))?;
    }
    let y = 12 + 22 * ((names.len() as i32 - 1) / columns + 1);
    let grey = RGBColor(90, 90, 90);
    area.draw(&PathElement::new([(30, y), (54, y)], grey.stroke_width(2)))?;
    area.draw(&Circle::new((42, y), 3, grey.filled()))?;
    area.draw(&Text::new(tuned.to_string(), (60, y - 8), font.clone()))?;
    let x = 30 + step * 2;
    for dash in 0..3 {
        let x0 = x + dash * 10;
        area.draw(&PathElement::new([(x0, y), (x0 + 6, y)], grey.stroke_width(2)))?;
    }
    area.draw(&Text::new(after.to_string(), (x + 30, y - 8), font))?;
    Ok(())
}

fn figure(
    path: &str,
    panels: [Panel; 2],
    names: &[&str],
    after: &str,
    tuned: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::new(path, (1000, 500)).into_drawing_area();
    root.fill(&WHITE)?;
    let (top, bottom) = root.split_vertically(420);
    for (area, p) in top.split_evenly((1, 2)).iter().zip(&panels) {
        draw_panel(area, p)?;
    }
    draw_legend(&bottom, names, after, tuned)?;
    root.present()?;
    Ok(())
}

fn percent_label(x: &f32) -> String {
    format!("{x:.0}")
}

/// Bits at evenly spaced positions 0..=4 (32, 8, 4, 2, 1).
fn bits_label(x: &f32) -> String {
    let i = x.round();
    if (x - i).abs() > 0.01 || !(0.0..5.0).contains(&i) {
        return String::new();
    }
    match BITS[i as usize] {
        32 => "32 (float)".into(),
        b => b.to_string(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let started = std::time::Instant::now();
    let mut rows = Vec::new();
    for set in 0..SETS.len() {
        for seed in SEEDS {
            measure(set, seed, &mut rows);
        }
    }
    std::fs::create_dir_all("docs")?;
    std::fs::write("docs/compression.csv", csv(&rows))?;

    let title = |set: usize| format!("{}, mean of {} seeds", SETS[set].1, SEEDS.len());
    let chance = |set: usize| 100.0 / SETS[set].3 as f32;
    let sparsity = |set: usize| Panel {
        title: title(set),
        x_desc: "sparsity (% of weights removed; neuron: % of hidden neurons)",
        x_range: -1f32..101f32,
        x_labels: 11,
        x_label: percent_label,
        chance: chance(set),
        series: METHODS
            .iter()
            .zip(COLORS)
            .map(|((m, _), c)| {
                let points = means(&rows, set, "prune", m);
                (c, points.into_iter().map(|(s, a, t)| (s as f32, a, t)).collect())
            })
            .collect(),
    };
    figure(
        "docs/compression-sparsity.svg",
        [sparsity(0), sparsity(1)],
        &METHODS.map(|m| m.1),
        "right after pruning",
        &format!("after {TUNE} epochs of fine-tuning"),
    )?;
    let bits = |set: usize| Panel {
        title: title(set),
        x_desc: "bits per weight",
        x_range: -0.25f32..4.25f32,
        x_labels: 5,
        x_label: bits_label,
        chance: chance(set),
        series: QUANTS
            .iter()
            .zip(COLORS)
            .map(|((s, p, _), c)| {
                let points = means(&rows, set, "quant", &format!("{s}-{p}"));
                let at = |bits: u32| BITS.iter().position(|b| u32::from(*b) == bits).unwrap_or(0) as f32;
                // From 32 bits down, left to right.
                (c, points.into_iter().rev().map(|(b, a, t)| (at(b), a, t)).collect())
            })
            .collect(),
    };
    figure(
        "docs/compression-bits.svg",
        [bits(0), bits(1)],
        &QUANTS.map(|q| q.2),
        "post-training (the trained weights quantised)",
        &format!("quantisation-aware fine-tuning, {TUNE} epochs"),
    )?;
    println!(
        "docs/compression.csv, docs/compression-sparsity.svg, docs/compression-bits.svg in {:.0} s",
        started.elapsed().as_secs_f32()
    );
    Ok(())
}
