//! Small line charts drawn with plotters on the page's canvases: the loss, the
//! metric, each layer's gradient size and the learning-rate schedule. The
//! history is bounded by the core (`history::LossHistory`), so drawing cost
//! does not grow with the run.

use crate::history::{rows, Row};
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
pub struct YAxis<'a> {
    pub range: (f32, f32),
    pub format: &'a dyn Fn(&f32) -> String,
}

/// Lines over x ∈ [0, x_max]; `marker`: a dot at one point (where the run is).
pub fn draw(canvas_id: &str, lines: &[Line], x_max: f32, y: YAxis, marker: Option<(f32, f32)>) -> Result<(), String> {
    let backend = CanvasBackend::new(canvas_id).ok_or_else(|| format!("no canvas #{canvas_id}"))?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let mut chart = ChartBuilder::on(&root)
        .margin_top(6)
        .margin_right(10)
        .x_label_area_size(20)
        .y_label_area_size(44)
        .build_cartesian_2d(0f32..x_max.max(1.0), y.range.0..y.range.1)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_labels(5)
        .y_labels(3)
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 228, 232))
        .axis_style(RGBColor(170, 178, 186))
        .label_style(("sans-serif", 12).into_font().color(&RGBColor(95, 107, 118)))
        .x_label_formatter(&|x| format!("{}", x.round() as i64))
        .y_label_formatter(y.format)
        .draw()
        .map_err(|e| e.to_string())?;
    for line in lines {
        chart
            .draw_series(LineSeries::new(line.points.iter().copied(), line.color.stroke_width(2)))
            .map_err(|e| e.to_string())?;
    }
    if let Some(p) = marker {
        chart
            .draw_series(std::iter::once(Circle::new(p, 4, RGBColor(230, 120, 30).filled())))
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

/// Training loss in grey, test loss in black, per epoch.
pub fn draw_losses(canvas_id: &str, history: &[f32]) -> Result<(), String> {
    let (train, test) = (series(history, |r| r.train_loss()), series(history, |r| r.test_loss()));
    let max_loss = train.iter().chain(&test).fold(0.0f32, |m, p| m.max(p.1)).max(1e-3) * 1.05;
    draw(
        canvas_id,
        &[
            Line {
                points: train,
                color: TRAIN,
            },
            Line {
                points: test,
                color: TEST,
            },
        ],
        last_epoch(history),
        YAxis {
            range: (0.0, max_loss),
            format: &|y| format!("{y:.2}"),
        },
        None,
    )
}
