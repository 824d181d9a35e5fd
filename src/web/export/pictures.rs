//! Export → Boundary PNG, Charts, Network SVG, History CSV. The pictures and
//! numbers are computed by pure code (`crate::export::{pictures,
//! network_svg, png, zip}`) from the page's run rebuilt here; this file only
//! measures the page's picture, draws the charts through plotters (the page's
//! own drawing code, `web::chart::draw_on`) and offers the files.
//!
//! Charts: one click gives one file, `nnplay-charts.zip`, holding each chart
//! the page shows (loss, metric, gradients, learning-rate schedule) as PNG and
//! as SVG (`nnplay-loss.png`, `nnplay-loss.svg`, …): a browser starts one
//! download per click without asking, so several files travel in one archive.

use super::{download, notice, page_run};
use crate::export::run::Run;
use crate::head::Task;
use crate::history::{rows, MAX_LAYERS};
use crate::web::chart::{self, Line, YAxis, LOG_X_FROM, LOG_Y_SPAN, TEST, TRAIN};
use crate::web::dom;
use base64::Engine;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

fn failed(message: String) {
    notice(Some((&crate::t!("pic-failed"), &[message])));
}

/// The boundary at twice the page's pixels a side (its canvas is its CSS size
/// times the device pixel ratio), with the points as the page draws them.
pub fn boundary_png() {
    let run = match page_run() {
        Ok(run) => run,
        Err(e) => return failed(e),
    };
    let canvas: HtmlCanvasElement = dom::by_id("boundary");
    let css = canvas.get_bounding_client_rect().width().max(1.0);
    let n = 2 * (canvas.width().max(100) as usize);
    let scale = (n as f64 / css) as f32 * crate::web::help::scale();
    let (png, m) = crate::export::pictures::boundary_png(&run.trainer, n, scale);
    download("nnplay-boundary.png", "image/png", &png);
    if m < n {
        notice(Some((
            &crate::t!("pic-boundary-title"),
            &[crate::t!("pic-boundary-coarser", n = n.to_string(), m = m.to_string())],
        )));
    }
}

/// The charts of the Charts item: (file name stem, the page's canvas of that chart).
const CHARTS: [(&str, &str); 4] = [
    ("loss", "loss-chart"),
    ("metric", "metric-chart"),
    ("gradients", "gradient-chart"),
    ("schedule", "schedule-plot"),
];

/// Colours of the layers in the gradient chart (`web::metrics_view`'s).
const LAYER_COLORS: [RGBColor; MAX_LAYERS] = [
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

/// An axis label of the schedule plot: 0, 0.03, 1.5, or 3e-4 (`web::metrics_view`'s).
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

/// An epoch as a short axis label: 250, 12k, 1.5M (`web::chart`'s).
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

/// `web::chart::draw_scaled` on any plotters backend (an SVG string, an
/// offscreen canvas): the page's chart code, repeated here so the page's own
/// wasm keeps drawing on its canvases only (made generic in the page, it grew
/// the first load by about 500 bytes). The charts' specifications (ranges,
/// labels, colours) repeat `web::app::draw` and `web::metrics_view` likewise.
fn draw_on<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    lines: &[Line],
    x_max: f32,
    y: YAxis,
    marker: Option<(f32, f32)>,
    log_y: bool,
) -> Result<(), String> {
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    // About one label per 70 px, so long epoch numbers never run together.
    let x_labels = ((root.dim_in_pixel().0 as usize) / 70).clamp(2, 5);
    let x_max = x_max.max(1.0);
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
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 228, 232))
        .axis_style(RGBColor(170, 178, 186))
        .label_style(("sans-serif", 12).into_font().color(&RGBColor(95, 107, 118)))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()
        .map_err(|e| e.to_string())?;
    for line in lines {
        let pts = line.points.iter().map(|&(x, v)| (fx(x), fy(v)));
        chart
            .draw_series(LineSeries::new(pts, line.color.stroke_width(2)))
            .map_err(|e| e.to_string())?;
    }
    if let Some((x, v)) = marker {
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

/// `web::chart::draw_losses` on any plotters backend.
fn draw_losses_on<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    history: &[f32],
) -> Result<(), String> {
    let (train, test) = (
        chart::series(history, |r| r.train_loss()),
        chart::series(history, |r| r.test_loss()),
    );
    let all = || train.iter().chain(&test).map(|p| p.1);
    let max_loss = all().fold(0.0f32, f32::max).max(1e-3) * 1.05;
    let min_loss = all().filter(|&l| l > 0.0).fold(f32::MAX, f32::min);
    let log_y = min_loss < f32::MAX && max_loss / min_loss > LOG_Y_SPAN;
    let plain = |y: &f32| crate::page::fmt_plain(*y);
    let two = |y: &f32| format!("{y:.2}");
    let y = if log_y {
        YAxis {
            range: (min_loss * 0.8, max_loss),
            format: &plain,
        }
    } else {
        YAxis {
            range: (0.0, max_loss),
            format: &two,
        }
    };
    let positive = |v: Vec<(f32, f32)>| v.into_iter().filter(|p| !log_y || p.1 > 0.0).collect();
    let lines = [
        Line {
            points: positive(train),
            color: TRAIN,
        },
        Line {
            points: positive(test),
            color: TEST,
        },
    ];
    draw_on(root, &lines, chart::last_epoch(history), y, None, log_y)
}

/// Chart `stem` of `run` on a plotters drawing area, as the page draws it
/// (`web::app::draw`, `web::metrics_view`).
fn draw_chart<DB: DrawingBackend>(
    stem: &str,
    root: &DrawingArea<DB, plotters::coord::Shift>,
    run: &Run,
) -> Result<(), String> {
    let h = &run.history;
    let c = run.trainer.config();
    match stem {
        "loss" => draw_losses_on(root, h),
        "metric" => {
            let classification = c.task() != Task::Regression;
            let (train, test) = (
                chart::series(h, |r| r.train_metric()),
                chart::series(h, |r| r.test_metric()),
            );
            let lo = train.iter().chain(&test).fold(0.0f32, |m, p| m.min(p.1)).max(-1.0);
            let percent = |y: &f32| format!("{:.0}%", y * 100.0);
            let plain = |y: &f32| format!("{y:.1}");
            let y = if classification {
                YAxis {
                    range: (0.0, 1.0),
                    format: &percent,
                }
            } else {
                YAxis {
                    range: (lo, 1.0),
                    format: &plain,
                }
            };
            let lines = [
                Line {
                    points: train,
                    color: TRAIN,
                },
                Line {
                    points: test,
                    color: TEST,
                },
            ];
            draw_on(root, &lines, chart::last_epoch(h), y, None, false)
        }
        "gradients" => {
            let layers = c.layer_sizes().len().saturating_sub(1).min(MAX_LAYERS);
            let (mut lo, mut hi) = (f32::MAX, f32::MIN);
            let lines: Vec<Line> = (0..layers)
                .map(|l| {
                    let points: Vec<(f32, f32)> = rows(h)
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
            let power = |y: &f32| format!("1e{}", y.round() as i32);
            let y = YAxis {
                range: (lo.floor() - 0.1, hi.ceil() + 0.1),
                format: &power,
            };
            draw_on(root, &lines, chart::last_epoch(h), y, None, false)
        }
        _ => {
            let epoch = run.trainer.epoch();
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
            let label = |y: &f32| short(*y);
            let lines = [Line {
                points,
                color: RGBColor(31, 119, 180),
            }];
            let y = YAxis {
                range: (0.0, top),
                format: &label,
            };
            draw_on(root, &lines, horizon as f32, y, Some((epoch as f32, now)), false)
        }
    }
}

/// Chart `stem` as (PNG bytes, SVG text), at the size of the page's canvas `id`.
fn chart_files(stem: &str, id: &str, run: &Run) -> Result<(Vec<u8>, String), String> {
    let (w, h) = dom::document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlCanvasElement>(e).ok())
        .map_or((360, 150), |c| (c.width().max(120), c.height().max(60)));
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        draw_chart(stem, &root, run)?;
    }
    let canvas: HtmlCanvasElement = dom::create("canvas");
    canvas.set_width(w);
    canvas.set_height(h);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2d canvas")?;
    draw_chart(stem, &backend.into_drawing_area(), run)?;
    let url = canvas
        .to_data_url()
        .map_err(|_| "canvas.toDataURL failed".to_string())?;
    let png = url
        .split_once(',')
        .and_then(|(_, b64)| base64::engine::general_purpose::STANDARD.decode(b64).ok())
        .ok_or("canvas.toDataURL gave no PNG")?;
    Ok((png, svg))
}

pub fn charts() {
    let run = match page_run() {
        Ok(run) => run,
        Err(e) => return failed(e),
    };
    let mut files = Vec::new();
    for (stem, id) in CHARTS {
        match chart_files(stem, id, &run) {
            Ok((png, svg)) => {
                files.push((format!("nnplay-{stem}.png"), png));
                files.push((format!("nnplay-{stem}.svg"), svg.into_bytes()));
            }
            Err(e) => return failed(e),
        }
    }
    download(
        "nnplay-charts.zip",
        "application/zip",
        &crate::export::zip::store(&files),
    );
}

pub fn network_svg() {
    match page_run() {
        Ok(mut run) => {
            let svg = crate::export::network_svg::network_svg(&mut run.trainer);
            download("nnplay-network.svg", "image/svg+xml", svg.as_bytes());
        }
        Err(e) => failed(e),
    }
}

pub fn history_csv() {
    match page_run() {
        Ok(run) => {
            let csv = crate::export::pictures::history_csv(&run.history, run.trainer.config());
            download("nnplay-history.csv", "text/csv", csv.as_bytes());
        }
        Err(e) => failed(e),
    }
}
