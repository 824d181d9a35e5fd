//! The data points under the big picture: the built-in set's training and
//! test points, an even sample of imported data on its picture plane, or
//! imported data on its first two principal components.

use super::*;

impl App {
    /// Draws the points over the big picture: on the picture plane, or on the
    /// principal components when imported data is shown that way.
    pub(super) fn draw_points(&self) {
        if self.picture != Picture::Plane && self.config.csv.is_some() {
            return self.draw_pca();
        }
        let names = self.csv_info.as_ref().filter(|_| self.config.csv.is_some()).map(|i| {
            let name = |k: u32| i.feature_names.get(k as usize).map_or("", |s| s.as_str());
            (name(i.axes.0), name(i.axes.1))
        });
        self.boundary.draw_points(
            &self.train,
            &self.test,
            self.config.show_test_data,
            names,
            self.config.classes(),
        );
    }

    /// Points on their principal components, spread over the picture.
    fn draw_pca(&self) {
        let pts = &self.pca_points;
        let range = |k: usize| {
            let (lo, hi) = pts
                .chunks_exact(4)
                .fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(p[k]), hi.max(p[k])));
            let pad = ((hi - lo) * 0.05).max(1e-3);
            (lo - pad, hi + pad)
        };
        let (rx, ry) = (range(0), range(1));
        let frame = |v: f32, (lo, hi): (f32, f32)| -6.0 + 12.0 * (v - lo) / (hi - lo).max(1e-9);
        let classes = self.config.problem == crate::dataset::Problem::Classification;
        let shown: Vec<Point> = pts
            .chunks_exact(4)
            .map(|p| {
                let label = match self.picture {
                    Picture::PcaPrediction if classes && self.config.classes() > 2 => p[3],
                    Picture::PcaPrediction if classes => p[3].signum(),
                    Picture::PcaPrediction => p[3],
                    _ => p[2],
                };
                Point {
                    x1: frame(p[0], rx),
                    x2: frame(p[1], ry),
                    label,
                }
            })
            .collect();
        self.boundary.draw_points(
            &shown,
            &[],
            false,
            Some(("principal component 1", "principal component 2")),
            self.config.classes(),
        );
    }

    /// The points to draw: generated for built-in data, from the worker for imported data
    /// (their plane coordinates mapped onto the picture's −6…6 frame).
    pub(super) fn load_points(&mut self) {
        let c = &self.config;
        match (&self.csv_info, &c.csv) {
            (Some(info), Some(_)) => {
                let frame = |v: f32, (lo, hi): (f32, f32)| -6.0 + 12.0 * (v - lo) / (hi - lo).max(1e-9);
                self.train.clear();
                self.test.clear();
                // Thousands of dots say no more than a few thousand, and cost frames: draw an even sample.
                let n = info.points.len() / 4;
                let step = n.div_ceil(MAX_POINTS_DRAWN).max(1);
                for p in info.points.chunks_exact(4).step_by(step) {
                    let point = Point {
                        x1: frame(p[0], info.x_range),
                        x2: frame(p[1], info.y_range),
                        label: p[2],
                    };
                    if p[3] == 0.0 {
                        self.train.push(point);
                    } else {
                        self.test.push(point);
                    }
                }
            }
            _ => {
                let points = c.dataset.generate_k(c.noise, c.seed, c.classes);
                // Validation points are held out: the picture shows training and test points.
                (self.train, _, self.test) = split3(&points, c.train_ratio, c.validation);
            }
        }
    }
}
