//! Export → Boundary PNG, Charts, Network SVG, History CSV. The pictures and
//! numbers are computed by pure code (`crate::export::{pictures,
//! network_svg, png, zip}`) from the page's run rebuilt here; this file only
//! measures the page's picture, draws the charts through plotters (the page's
//! own chart specifications and drawing code, `web::chart`) and offers the files.
//!
//! Charts: one click gives one file, `nnplay-charts.zip`, holding each chart
//! the page shows (loss, metric, gradients, learning-rate schedule) as PNG and
//! as SVG (`nnplay-loss.png`, `nnplay-loss.svg`, …): a browser starts one
//! download per click without asking, so several files travel in one archive.

use super::{download, notice, page_run};
use crate::export::run::Run;
use crate::head::Task;
use crate::web::chart;
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

/// Chart `stem` of `run` on a plotters drawing area, as the page draws it
/// (the same specifications and drawing code, `web::chart`).
fn draw_chart<DB: DrawingBackend>(
    stem: &str,
    root: &DrawingArea<DB, plotters::coord::Shift>,
    run: &Run,
) -> Result<(), String> {
    let h = &run.history;
    let c = run.trainer.config();
    let spec = match stem {
        "loss" => chart::losses(h),
        "metric" => chart::metric(h, c.task() != Task::Regression),
        "gradients" => chart::gradients(h, c.layer_sizes().len().saturating_sub(1)),
        _ => chart::schedule(c, run.trainer.epoch()).0,
    };
    chart::draw_on(root, &spec)
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
