//! The loss chart, drawn with plotters on the page's canvas: training loss in
//! grey, test loss in black, per epoch. The history is bounded by the core
//! (`history::LossHistory`), so drawing cost does not grow with the run.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// `history`: (points, 3) = epoch, train, test.
pub fn draw(canvas_id: &str, history: &[f32]) -> Result<(), String> {
    let backend = CanvasBackend::new(canvas_id).ok_or_else(|| format!("no canvas #{canvas_id}"))?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let pts: Vec<(f32, f32, f32)> = history
        .chunks_exact(3)
        .filter(|c| c[1].is_finite() && c[2].is_finite())
        .map(|c| (c[0], c[1], c[2]))
        .collect();
    let last_epoch = pts.last().map_or(1.0, |p| p.0).max(10.0);
    let max_loss = pts.iter().fold(0.0f32, |m, p| m.max(p.1).max(p.2)).max(1e-3) * 1.05;
    let mut chart = ChartBuilder::on(&root)
        .margin_top(6)
        .margin_right(10)
        .x_label_area_size(20)
        .y_label_area_size(40)
        .build_cartesian_2d(0f32..last_epoch, 0f32..max_loss)
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
        .y_label_formatter(&|y| format!("{y:.2}"))
        .draw()
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(LineSeries::new(
            pts.iter().map(|p| (p.0, p.1)),
            RGBColor(150, 160, 168).stroke_width(2),
        ))
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(LineSeries::new(
            pts.iter().map(|p| (p.0, p.2)),
            RGBColor(31, 41, 51).stroke_width(2),
        ))
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    Ok(())
}
