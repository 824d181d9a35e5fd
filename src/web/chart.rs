//! Small line charts drawn with plotters on the page's canvases: the loss, the
//! metric, each layer's gradient size and the learning-rate schedule. The
//! history is bounded by the core (`history::LossHistory`), so drawing cost
//! does not grow with the run.

use crate::history::{rows, Row, MAX_LAYERS};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// One line of a chart.
pub struct Line {
    pub points: Vec<(f32, f32)>,
    pub color: RGBColor,
}

pub const TRAIN: RGBColor = RGBColor(150, 160, 168);
pub const TEST: RGBColor = RGBColor(31, 41, 51);

/// A chart's y axis: its range and how its labels read.
pub struct YAxis {
    pub range: (f32, f32),
    pub format: fn(&f32) -> String,
}

/// A chart as the page draws it: its lines over x ∈ [0, x_max], its y axis,
/// a dot at one point (where the run is), and whether y is drawn on a log
/// scale. Built from the run by `losses`, `metric`, `gradients`, `schedule`;
/// drawn on the page's canvases (`draw`) or any plotters backend (`draw_on`:
/// the export module's SVG and offscreen canvases).
pub struct Chart {
    pub lines: Vec<Line>,
    pub x_max: f32,
    pub y: YAxis,
    pub marker: Option<(f32, f32)>,
    pub log_y: bool,
}

/// Epochs past this are drawn on a log x axis, so the first epochs stay readable
/// however long the run (at full speed a run passes 10,000 epochs in seconds).
pub const LOG_X_FROM: f32 = 1000.0;
/// A loss that spans more than this factor is drawn on a log y axis (a diverging
/// run climbs through many decades).
pub const LOG_Y_SPAN: f32 = 1000.0;

/// An epoch as a short axis label: 250, 12k, 1.5M.
fn epoch_label(x: f32) -> String {
    let x = x.round();
    if x >= 1e6 {
        format!("{}M", crate::page::fmt_plain(x / 1e6))
    } else if x >= 1e4 {
        format!("{}k", (x / 1e3).round())
    } else {
        format!("{x}")
    }
}

/// Draws `chart` on the page's canvas `canvas_id`.
pub fn draw(canvas_id: &str, chart: &Chart) -> Result<(), String> {
    let backend = CanvasBackend::new(canvas_id).ok_or_else(|| format!("no canvas #{canvas_id}"))?;
    draw_on(&backend.into_drawing_area(), chart)
}

/// Draws `chart` on a plotters drawing area: past `LOG_X_FROM` epochs with a
/// logarithmic x axis (epoch + 1), and with `log_y` a logarithmic y axis (its
/// range must then be positive). The logarithms are taken here and the axes
/// stay linear in them: one chart type, so plotters' generic drawing code is
/// in the wasm once.
pub fn draw_on<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, c: &Chart) -> Result<(), String> {
    let (y, log_y) = (&c.y, c.log_y);
    let ink = crate::web::theme::ink();
    let rgb = |[r, g, b]: [u8; 3]| RGBColor(r, g, b);
    root.fill(&rgb(ink.paper)).map_err(|e| e.to_string())?;
    // About one label per 70 px, so long epoch numbers never run together.
    let x_labels = ((root.dim_in_pixel().0 as usize) / 70).clamp(2, 5);
    let x_max = c.x_max.max(1.0);
    let log_x = x_max > LOG_X_FROM;
    let fx = |x: f32| if log_x { (x + 1.0).log10() } else { x };
    let fy = |v: f32| if log_y { v.log10() } else { v };
    let x_label = |x: &f32| {
        epoch_label(if log_x {
            (*x * std::f32::consts::LN_10).exp() - 1.0
        } else {
            *x
        })
    };
    let y_label = |v: &f32| {
        (y.format)(&if log_y {
            (*v * std::f32::consts::LN_10).exp()
        } else {
            *v
        })
    };
    let mut chart = ChartBuilder::on(root)
        .margin_top(6)
        .margin_right(10)
        .x_label_area_size(20)
        .y_label_area_size(44)
        .build_cartesian_2d(fx(0.0)..fx(x_max), fy(y.range.0)..fy(y.range.1))
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_labels(x_labels)
        .y_labels(3)
        .disable_x_mesh()
        .light_line_style(rgb(ink.paper))
        .bold_line_style(rgb(ink.grid))
        .axis_style(rgb(ink.axis))
        .label_style(("sans-serif", 12).into_font().color(&rgb(ink.label)))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()
        .map_err(|e| e.to_string())?;
    for line in &c.lines {
        let pts = line.points.iter().map(|&(x, v)| (fx(x), fy(v)));
        // The test line is the ink's colour: dark on paper, light on a dark page.
        let color = if line.color == TEST {
            rgb(ink.test_line)
        } else {
            line.color
        };
        chart
            .draw_series(LineSeries::new(pts, color.stroke_width(2)))
            .map_err(|e| e.to_string())?;
    }
    if let Some((x, v)) = c.marker {
        chart
            .draw_series(std::iter::once(Circle::new(
                (fx(x), fy(v)),
                4,
                RGBColor(230, 120, 30).filled(),
            )))
            .map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())?;
    Ok(())
}

/// One column of a flat history as (epoch, value) pairs, e.g. `series(h, Row::train_loss)`.
pub fn series(history: &[f32], value: impl Fn(&Row) -> f32) -> Vec<(f32, f32)> {
    rows(history)
        .map(|r| (r.epoch(), value(&r)))
        .filter(|p| p.1.is_finite())
        .collect()
}

/// The last epoch of a history (at least 10, so short runs do not stretch).
pub fn last_epoch(history: &[f32]) -> f32 {
    rows(history).last().map_or(1.0, |r| r.epoch()).max(10.0)
}

/// Training loss in grey, test loss in black, per epoch. A loss that climbed
/// through decades (a diverging run) is drawn on a log scale.
pub fn losses(history: &[f32]) -> Chart {
    let (train, test) = (series(history, |r| r.train_loss()), series(history, |r| r.test_loss()));
    let all = || train.iter().chain(&test).map(|p| p.1);
    let max_loss = all().fold(0.0f32, f32::max).max(1e-3) * 1.05;
    let min_loss = all().filter(|&l| l > 0.0).fold(f32::MAX, f32::min);
    let log_y = min_loss < f32::MAX && max_loss / min_loss > LOG_Y_SPAN;
    let y = if log_y {
        YAxis {
            range: (min_loss * 0.8, max_loss),
            format: |y| crate::page::fmt_plain(*y),
        }
    } else {
        YAxis {
            range: (0.0, max_loss),
            format: |y| format!("{y:.2}"),
        }
    };
    let positive = |v: Vec<(f32, f32)>| v.into_iter().filter(|p| !log_y || p.1 > 0.0).collect();
    Chart {
        lines: vec![
            Line {
                points: positive(train),
                color: TRAIN,
            },
            Line {
                points: positive(test),
                color: TEST,
            },
        ],
        x_max: last_epoch(history),
        y,
        marker: None,
        log_y,
    }
}

/// Accuracy (classification, 0–100 %) or R² (from its lowest value, at most −1) per epoch.
pub fn metric(history: &[f32], classification: bool) -> Chart {
    let (train, test) = (
        series(history, |r| r.train_metric()),
        series(history, |r| r.test_metric()),
    );
    let y = if classification {
        YAxis {
            range: (0.0, 1.0),
            format: |y| format!("{:.0}%", y * 100.0),
        }
    } else {
        let lo = train.iter().chain(&test).fold(0.0f32, |m, p| m.min(p.1)).max(-1.0);
        YAxis {
            range: (lo, 1.0),
            format: |y| format!("{y:.1}"),
        }
    };
    Chart {
        lines: vec![
            Line {
                points: train,
                color: TRAIN,
            },
            Line {
                points: test,
                color: TEST,
            },
        ],
        x_max: last_epoch(history),
        y,
        marker: None,
        log_y: false,
    }
}

/// Colours of the layers in the gradient chart, from the first hidden layer to the output.
pub const LAYER_COLORS: [RGBColor; MAX_LAYERS] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(23, 190, 207),
    RGBColor(188, 189, 34),
    RGBColor(57, 59, 121),
];

/// log10 of each of `layers` layers' gradient RMS per epoch: vanishing
/// gradients sink, exploding ones climb.
pub fn gradients(history: &[f32], layers: usize) -> Chart {
    let layers = layers.min(MAX_LAYERS);
    let mut lo = f32::MAX;
    let mut hi = f32::MIN;
    let lines: Vec<Line> = (0..layers)
        .map(|l| {
            let points: Vec<(f32, f32)> = rows(history)
                .filter(|r| r.epoch() > 0.0 && r.grad(l) > 0.0)
                .map(|r| (r.epoch(), r.grad(l).log10()))
                .collect();
            for p in &points {
                lo = lo.min(p.1);
                hi = hi.max(p.1);
            }
            Line {
                points,
                color: LAYER_COLORS[l],
            }
        })
        .collect();
    if lo > hi {
        (lo, hi) = (-4.0, 0.0);
    }
    Chart {
        lines,
        x_max: last_epoch(history),
        y: YAxis {
            range: (lo.floor() - 0.1, hi.ceil() + 0.1),
            format: |y| format!("1e{}", y.round() as i32),
        },
        marker: None,
        log_y: false,
    }
}

/// An axis label: 0, 0.03, 1.5, or 3e-4 for small rates.
fn short(v: f32) -> String {
    if v == 0.0 {
        "0".into()
    } else if v.abs() >= 0.01 {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        format!("{v:.0e}")
    }
}

/// The learning rate of `c` over the coming epochs, with a dot at `epoch`; and the rate now.
pub fn schedule(c: &crate::config::Config, epoch: u64) -> (Chart, f32) {
    let horizon = (epoch + 50).max(300);
    let base = c.learning_rate;
    let points: Vec<(f32, f32)> = c
        .schedule
        .curve(horizon, 240)
        .into_iter()
        .map(|(e, m)| (e, m * base))
        .collect();
    let now = c.schedule.learning_rate(base, epoch);
    let top = points.iter().fold(base, |m, p| m.max(p.1)) * 1.1;
    let chart = Chart {
        lines: vec![Line {
            points,
            color: RGBColor(31, 119, 180),
        }],
        x_max: horizon as f32,
        y: YAxis {
            range: (0.0, top),
            format: |y| short(*y),
        },
        marker: Some((epoch as f32, now)),
        log_y: false,
    };
    (chart, now)
}
