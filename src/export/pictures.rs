//! Pictures and numbers of a run, computed here (the page only offers the
//! files): the boundary at any resolution with the data points over it, as
//! PNG (`boundary_png`), and the loss and metric history as CSV
//! (`history_csv`). The boundary is the network's output over an n × n grid
//! of the picture's plane, coloured by the page's own painters
//! (`heatmap::paint`, `heatmap::paint_classes`) and computed by the page's
//! picture pass (`Network::forward_rows_picture`), so it is the page's
//! picture at more pixels.

use crate::config::Config;
use crate::dataset::{Point, Problem, DOMAIN};
use crate::features::compute_into;
use crate::grid;
use crate::heatmap;
use crate::history::{rows, MAX_LAYERS};
use crate::network::Workspace;
use crate::plane::Plane;
use crate::trainer::Trainer;

/// Multiply-adds one boundary picture may take (a grid of n² rows through the
/// network); past it the grid is computed coarser and scaled up smoothly, as
/// the page scales its 100 × 100 grid. About a second in the browser.
pub const WORK_BUDGET: f64 = 4e8;

/// The grid side that fits the budget for a picture of `n` pixels a side (at
/// least the page's own 100).
pub fn grid_side(t: &Trainer, n: usize) -> usize {
    let macs: usize = t.network().layers.iter().map(|l| (l.n_in + 1) * l.n_out).sum();
    let fits = (WORK_BUDGET / macs.max(1) as f64).sqrt() as usize;
    n.min(fits.max(grid::DENSITY))
}

/// The network's inputs at grid row `j` (from the top) of an n-point grid: (n, inputs).
fn row_inputs(t: &Trainer, j: usize, n: usize, out: &mut Vec<f32>) {
    out.clear();
    match t.imported() {
        Some((_, plane)) => {
            let y = Plane::at(plane.y_range, n - 1 - j, n);
            for i in 0..n {
                out.extend_from_slice(&plane.base);
                let k = out.len() - plane.base.len();
                out[k + plane.axes.0] = Plane::at(plane.x_range, i, n);
                out[k + plane.axes.1] = y;
            }
        }
        None => {
            let feats = &t.config().features;
            let x2 = -grid::coord(j, n);
            out.resize(n * feats.len(), 0.0);
            for (i, row) in out.chunks_exact_mut(feats.len()).enumerate() {
                compute_into(feats, grid::coord(i, n), x2, row);
            }
        }
    }
}

/// The picture's values over an n × n grid, as the snapshot's `output`: one
/// signed value per pixel for two classes (−1 … 1) and regression, the k class
/// probabilities per pixel for k > 2 classes.
pub fn grid_output(t: &Trainer, n: usize) -> Vec<f32> {
    let net = t.network();
    let c = t.config();
    let head = c.head();
    let no = net.n_outputs();
    let last = net.layers.len();
    let mut ws = Workspace::new(net);
    ws.prepare(net);
    let mut inputs = Vec::new();
    let channels = c.picture_channels();
    let mut out = Vec::with_capacity(n * n * channels);
    for j in 0..n {
        row_inputs(t, j, n, &mut inputs);
        net.forward_rows_picture(&inputs, &mut ws);
        let rows = &ws.rows(last)[..n * no];
        if channels > 1 {
            out.extend_from_slice(rows);
        } else if no > 1 || c.classes() == 2 {
            // Two classes (one tanh or sigmoid output, or two softmax outputs): the signed value.
            out.extend(rows.chunks_exact(no).map(|o| head.signed(o)));
        } else {
            out.extend_from_slice(rows);
        }
    }
    out
}

/// Values on an m × m grid (`channels` per cell) at n × n, bilinear between cell centres.
pub fn resample(values: &[f32], m: usize, channels: usize, n: usize) -> Vec<f32> {
    if m == n {
        return values.to_vec();
    }
    let at = |i: usize| {
        let x = ((i as f32 + 0.5) * m as f32 / n as f32 - 0.5).clamp(0.0, (m - 1) as f32);
        let lo = (x.floor() as usize).min(m - 1);
        (lo, (lo + 1).min(m - 1), x - lo as f32)
    };
    let mut out = Vec::with_capacity(n * n * channels);
    for j in 0..n {
        let (j0, j1, fy) = at(j);
        for i in 0..n {
            let (i0, i1, fx) = at(i);
            for ch in 0..channels {
                let v = |jj: usize, ii: usize| values[(jj * m + ii) * channels + ch];
                let top = v(j0, i0) + (v(j0, i1) - v(j0, i0)) * fx;
                let bottom = v(j1, i0) + (v(j1, i1) - v(j1, i0)) * fx;
                out.push(top + (bottom - top) * fy);
            }
        }
    }
    out
}

/// The training and test points as the page draws them, in the −6 … 6 frame:
/// the generated points, or the imported rows on the picture's plane (an even
/// sample of at most `MAX_POINTS` of each).
pub fn points(t: &Trainer) -> (Vec<Point>, Vec<Point>) {
    const MAX_POINTS: usize = 4000;
    let Some((p, plane)) = t.imported() else {
        return (t.train_points().to_vec(), t.test_points().to_vec());
    };
    let n = p.n_features();
    let k = p.classes.len();
    let frame = |v: f32, (lo, hi): (f32, f32)| -DOMAIN + 2.0 * DOMAIN * (v - lo) / (hi - lo).max(1e-9);
    let on_plane = |s: &crate::prep::Split| -> Vec<Point> {
        let rows = s.x.len() / n.max(1);
        let step = rows.div_ceil(MAX_POINTS).max(1);
        s.x.chunks_exact(n.max(1))
            .zip(&s.y)
            .step_by(step)
            .map(|(row, &y)| Point {
                x1: frame(row[plane.axes.0], plane.x_range),
                x2: frame(row[plane.axes.1], plane.y_range),
                label: match p.task {
                    Problem::Classification if k <= 2 => 2.0 * y - 1.0,
                    _ => y,
                },
            })
            .collect()
    };
    (on_plane(&p.train), on_plane(&p.test))
}

/// One point as the page draws it: a disc of radius `r` filled with `fill`,
/// under a rim of width `w` centred on its edge (a canvas arc filled, then
/// stroked), anti-aliased by coverage.
fn dot(rgba: &mut [u8], n: usize, (cx, cy): (f32, f32), r: f32, w: f32, fill: [u8; 3], rim: [u8; 3]) {
    let reach = r + w;
    let lo = |c: f32| (c - reach).floor().max(0.0) as usize;
    let hi = |c: f32| ((c + reach).ceil().max(0.0) as usize).min(n);
    for y in lo(cy)..hi(cy) {
        for x in lo(cx)..hi(cx) {
            let d = ((x as f32 + 0.5 - cx).powi(2) + (y as f32 + 0.5 - cy).powi(2)).sqrt();
            let outer = (r + w / 2.0 - d + 0.5).clamp(0.0, 1.0);
            let inner = (r - w / 2.0 - d + 0.5).clamp(0.0, 1.0);
            let px = &mut rgba[(y * n + x) * 4..(y * n + x) * 4 + 3];
            for c in 0..3 {
                let v = f32::from(px[c]) + (f32::from(rim[c]) - f32::from(px[c])) * outer;
                px[c] = (v + (f32::from(fill[c]) - v) * inner).round() as u8;
            }
        }
    }
}

/// A point's colour: its class's for more than two classes, else the value's.
fn point_color(p: &Point, classes: usize) -> [u8; 3] {
    if classes > 2 {
        heatmap::CLASS_COLORS[p.label as usize % heatmap::CLASS_COLORS.len()]
    } else {
        heatmap::color(p.label)
    }
}

/// The boundary as the page shows it, n × n RGBA pixels: the output coloured by
/// the page's painters, the training points with a white rim and (when the
/// setup shows them) the test points with a dark one. `scale`: the picture's
/// pixels per CSS pixel of the page's picture (the page draws a point 3.2 CSS
/// pixels wide). Returns the pixels and the side of the grid computed.
pub fn boundary_rgba(t: &Trainer, n: usize, scale: f32) -> (Vec<u8>, usize) {
    let c = t.config();
    let m = grid_side(t, n);
    let channels = c.picture_channels();
    let values = resample(&grid_output(t, m), m, channels, n);
    let mut rgba = vec![0u8; n * n * 4];
    if channels > 1 {
        heatmap::paint_classes(&values, channels, heatmap::NEUTRAL, &mut rgba);
    } else {
        heatmap::paint(&values, c.discretize, heatmap::NEUTRAL, &mut rgba);
    }
    let (train, test) = points(t);
    let classes = c.classes();
    let to_px = |v: f32| (v + DOMAIN) / (2.0 * DOMAIN) * n as f32;
    let r = 3.2 * scale;
    for p in &train {
        let at = (to_px(p.x1), n as f32 - to_px(p.x2));
        dot(&mut rgba, n, at, r, scale, point_color(p, classes), [255, 255, 255]);
    }
    if c.show_test_data {
        for p in &test {
            let at = (to_px(p.x1), n as f32 - to_px(p.x2));
            dot(
                &mut rgba,
                n,
                at,
                r,
                1.6 * scale,
                point_color(p, classes),
                [0x1f, 0x29, 0x33],
            );
        }
    }
    (rgba, m)
}

/// `boundary_rgba` as a PNG file.
pub fn boundary_png(t: &Trainer, n: usize, scale: f32) -> (Vec<u8>, usize) {
    let (rgba, m) = boundary_rgba(t, n, scale);
    (super::png::encode(n, n, &rgba), m)
}

/// The history's column names: epoch, the losses, the metric (accuracy for
/// classes, R² for regression) on both sets, each weight layer's gradient RMS.
pub fn history_header(c: &Config) -> Vec<String> {
    let metric = match c.task() {
        crate::head::Task::Regression => "r2",
        crate::head::Task::Classes(_) => "accuracy",
    };
    let layers = (c.layer_sizes().len() - 1).min(MAX_LAYERS);
    let mut h: Vec<String> = ["epoch", "train_loss", "test_loss"].map(String::from).to_vec();
    h.push(format!("train_{metric}"));
    h.push(format!("test_{metric}"));
    h.extend((1..layers).map(|l| format!("grad_rms_layer_{l}")));
    h.push("grad_rms_output".into());
    h
}

/// The loss and metric history (`history::LossHistory::flat`) as CSV, a row per
/// recorded epoch, the numbers as Rust prints an f32 (shortest exact form).
pub fn history_csv(history: &[f32], c: &Config) -> String {
    let header = history_header(c);
    let layers = header.len() - 5;
    let mut s = header.join(",");
    s.push('\n');
    for r in rows(history) {
        let mut cells = vec![
            format!("{}", r.epoch() as u64),
            format!("{}", r.train_loss()),
            format!("{}", r.test_loss()),
            format!("{}", r.train_metric()),
            format!("{}", r.test_metric()),
        ];
        cells.extend((0..layers).map(|l| format!("{}", r.grad(l))));
        s.push_str(&cells.join(","));
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::ToWorker;

    fn trained(hash: &str, epochs: usize) -> Trainer {
        let mut t = Trainer::new(Config::default());
        t.handle(ToWorker::Configure {
            hash: hash.into(),
            run: 0,
        });
        for _ in 0..epochs {
            t.handle(ToWorker::Step);
        }
        t
    }

    /// At the page's own 100 × 100 the grid is the snapshot's output, bit for bit.
    #[test]
    fn the_grid_at_the_pages_density_is_the_snapshots() {
        for hash in [
            "data=spiral&net=6,4&seed=3",
            "data=blobs&classes=4&net=5&seed=2",
            "data=plane&net=3",
        ] {
            let mut t = trained(hash, 5);
            let s = t.snapshot();
            let ours = grid_output(&t, grid::DENSITY);
            assert_eq!(ours.len(), s.output.len(), "{hash}");
            assert!(
                ours.iter().zip(&s.output).all(|(a, b)| a.to_bits() == b.to_bits()),
                "{hash}"
            );
        }
    }

    #[test]
    fn resampling_keeps_values_at_the_same_place() {
        // A 2 × 2 grid scaled to 4 × 4: corners keep their values, between them the mean.
        let v = [0.0, 1.0, 2.0, 3.0];
        let r = resample(&v, 2, 1, 4);
        assert_eq!(&r[..4], &[0.0, 0.25, 0.75, 1.0]);
        assert_eq!(r[15], 3.0);
        assert_eq!(resample(&v, 2, 1, 2), v);
    }

    #[test]
    fn the_boundary_png_has_the_size_asked_and_the_pages_colours() {
        let t = trained("data=circle&net=4,2&seed=1&test=1", 20);
        let (png, m) = boundary_png(&t, 240, 2.0);
        assert_eq!(crate::export::png::size(&png), Some((240, 240)));
        assert_eq!(m, 240, "a small network is computed at every pixel");
        let (rgba, _) = boundary_rgba(&t, 240, 2.0);
        // A pixel far from every point has the page's colour of the output there.
        let out = grid_output(&t, 240);
        let (train, test) = points(&t);
        let to_px = |v: f32| (v + DOMAIN) / (2.0 * DOMAIN) * 240.0;
        let far = (0..240 * 240)
            .find(|&k| {
                let (x, y) = ((k % 240) as f32 + 0.5, (k / 240) as f32 + 0.5);
                train
                    .iter()
                    .chain(&test)
                    .all(|p| (to_px(p.x1) - x).hypot(240.0 - to_px(p.x2) - y) > 12.0)
            })
            .unwrap();
        assert_eq!(rgba[far * 4..far * 4 + 3], heatmap::color(out[far]));
        // The centre of a training point (one with no other near it) is its class's colour.
        let alone = |p: &Point| {
            train
                .iter()
                .chain(&test)
                .filter(|q| (to_px(q.x1) - to_px(p.x1)).hypot(to_px(q.x2) - to_px(p.x2)) < 9.0)
                .count()
                == 1
        };
        let p = *train.iter().find(|p| alone(p)).unwrap();
        let (x, y) = (to_px(p.x1) as usize, (240.0 - to_px(p.x2)) as usize);
        let k = (y.min(239) * 240 + x.min(239)) * 4;
        assert_eq!(rgba[k..k + 3], heatmap::color(p.label));
    }

    #[test]
    fn a_wide_network_is_computed_coarser_within_the_budget() {
        let t = trained("data=spiral&net=64,64,64,64&act=relu&seed=1", 0);
        let m = grid_side(&t, 2000);
        assert!((grid::DENSITY..2000).contains(&m), "{m}");
        let macs: usize = t.network().layers.iter().map(|l| (l.n_in + 1) * l.n_out).sum();
        assert!((m * m * macs) as f64 <= WORK_BUDGET);
    }

    #[test]
    fn history_csv_has_a_named_column_for_each_number() {
        let t = trained("data=circle&net=4,2&seed=1", 12);
        let flat = t.history().flat();
        let text = history_csv(&flat, t.config());
        let mut lines = text.lines();
        assert_eq!(
            lines.next().unwrap(),
            "epoch,train_loss,test_loss,train_accuracy,test_accuracy,grad_rms_layer_1,grad_rms_layer_2,grad_rms_output"
        );
        let body: Vec<&str> = lines.collect();
        assert_eq!(body.len(), rows(&flat).count());
        let last: Vec<f32> = body.last().unwrap().split(',').map(|v| v.parse().unwrap()).collect();
        let r = rows(&flat).last().unwrap();
        assert_eq!(last[0], r.epoch());
        assert_eq!(last[1].to_bits(), r.train_loss().to_bits(), "exact");
        assert_eq!(last[7].to_bits(), r.grad(2).to_bits());
        let reg = trained("data=plane&net=3", 2);
        assert!(history_csv(&reg.history().flat(), reg.config())
            .starts_with("epoch,train_loss,test_loss,train_r2,test_r2,grad_rms_layer_1,grad_rms_output\n"));
    }
}
