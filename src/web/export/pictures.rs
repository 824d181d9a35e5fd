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
use crate::web::chart::{self, Line, YAxis, TEST, TRAIN};
use crate::web::dom;
use crate::web::metrics_view::{short, LAYER_COLORS};
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
        "loss" => chart::draw_losses_on(root, h),
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
            chart::draw_on(root, &lines, chart::last_epoch(h), y, None, false)
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
            chart::draw_on(root, &lines, chart::last_epoch(h), y, None, false)
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
            chart::draw_on(root, &lines, horizon as f32, y, Some((epoch as f32, now)), false)
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
