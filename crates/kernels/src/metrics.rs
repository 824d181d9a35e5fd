//! Live metrics of a model's predictions: a confusion matrix with accuracy and
//! per-class / macro precision, recall and F1 for classification, and MSE, MAE
//! and R² for regression.

use serde::{Deserialize, Serialize};

/// Counts of (true class, predicted class) pairs over k classes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confusion {
    pub k: usize,
    /// (k, k) row-major: `counts[truth * k + predicted]`.
    pub counts: Vec<u32>,
}

impl Confusion {
    /// An empty k × k matrix.
    pub fn new(k: usize) -> Self {
        Self {
            k,
            counts: vec![0; k * k],
        }
    }

    /// Counts one example of class `truth` predicted as `predicted` (both < k).
    pub fn add(&mut self, truth: usize, predicted: usize) {
        assert!(
            truth < self.k && predicted < self.k,
            "class ({truth}, {predicted}) out of range for k = {}",
            self.k
        );
        self.counts[truth * self.k + predicted] += 1;
    }

    /// C[truth][predicted].
    fn at(&self, truth: usize, predicted: usize) -> u64 {
        u64::from(self.counts[truth * self.k + predicted])
    }

    /// Σ_j C[c][j]: examples whose true class is c (TP + FN).
    fn row_sum(&self, c: usize) -> u64 {
        (0..self.k).map(|j| self.at(c, j)).sum()
    }

    /// Σ_i C[i][c]: examples predicted as c (TP + FP).
    fn column_sum(&self, c: usize) -> u64 {
        (0..self.k).map(|i| self.at(i, c)).sum()
    }

    /// n = Σ_ij C[i][j], the number of examples counted.
    pub fn total(&self) -> u64 {
        self.counts.iter().map(|&c| u64::from(c)).sum()
    }

    /// accuracy = Σ_c C[c][c] / n (trace over total); 0 when empty.
    pub fn accuracy(&self) -> f32 {
        let trace: u64 = (0..self.k).map(|c| self.at(c, c)).sum();
        ratio(trace, self.total())
    }

    /// precision_c = TP / (TP + FP) = C[c][c] / Σ_i C[i][c]; 0 when nothing was predicted as c.
    pub fn precision(&self, c: usize) -> f32 {
        ratio(self.at(c, c), self.column_sum(c))
    }

    /// recall_c = TP / (TP + FN) = C[c][c] / Σ_j C[c][j]; 0 when no example is of class c.
    pub fn recall(&self, c: usize) -> f32 {
        ratio(self.at(c, c), self.row_sum(c))
    }

    /// F1_c = 2 P R / (P + R) = 2 TP / (2 TP + FP + FN); 0 when undefined (TP = 0).
    pub fn f1(&self, c: usize) -> f32 {
        let tp = self.at(c, c);
        let fp = self.column_sum(c) - tp;
        let fn_ = self.row_sum(c) - tp;
        ratio(2 * tp, 2 * tp + fp + fn_)
    }

    /// Classes that occur as a true or a predicted class: the labels sklearn
    /// averages over by default (a class absent from both is left out).
    fn present(&self) -> Vec<usize> {
        (0..self.k)
            .filter(|&c| self.row_sum(c) + self.column_sum(c) > 0)
            .collect()
    }

    /// (1/|C|) Σ_{c ∈ C} m(c) over the present classes C; 0 when empty.
    fn macro_mean(&self, m: impl Fn(usize) -> f32) -> f32 {
        let classes = self.present();
        if classes.is_empty() {
            return 0.0;
        }
        let sum: f64 = classes.iter().map(|&c| f64::from(m(c))).sum();
        (sum / classes.len() as f64) as f32
    }

    /// Mean of `precision(c)` over the classes present (sklearn `average='macro'`, zero_division=0).
    pub fn macro_precision(&self) -> f32 {
        self.macro_mean(|c| self.precision(c))
    }

    /// Mean of `recall(c)` over the classes present (sklearn `average='macro'`, zero_division=0).
    pub fn macro_recall(&self) -> f32 {
        self.macro_mean(|c| self.recall(c))
    }

    /// Mean of `f1(c)` over the classes present (sklearn `average='macro'`, zero_division=0):
    /// the mean of per-class F1, not the F1 of the macro precision and recall.
    pub fn macro_f1(&self) -> f32 {
        self.macro_mean(|c| self.f1(c))
    }
}

/// num / den as f32, 0 when den = 0.
fn ratio(num: u64, den: u64) -> f32 {
    if den == 0 {
        0.0
    } else {
        (num as f64 / den as f64) as f32
    }
}

/// The class a row of network outputs o (length K) stands for.
/// K = 1: class 1 if o ≥ threshold else 0 (threshold 0 for tanh outputs coding the
/// classes as −1/+1, 0.5 for sigmoid outputs coding them as 0/1).
/// K ≥ 2: argmax_k o_k, the first maximum winning ties; NaN never wins. Empty: 0.
pub fn predicted_class(outputs: &[f32], threshold: f32) -> usize {
    if let [o] = outputs {
        return usize::from(*o >= threshold);
    }
    let mut best = 0;
    for (k, &o) in outputs.iter().enumerate() {
        let b = outputs[best];
        if o > b || (b.is_nan() && !o.is_nan()) {
            best = k;
        }
    }
    best
}

/// The class of a target row t, by the same rules as `predicted_class`: one-hot rows
/// (K ≥ 2) give the index of their 1; single values ±1 (threshold 0) or 0/1
/// (threshold 0.5) give 0 or 1.
pub fn true_class(target: &[f32], threshold: f32) -> usize {
    predicted_class(target, threshold)
}

/// The confusion matrix of outputs against targets, both (n, n_out) row-major.
/// k is the number of classes: 2 when n_out = 1, else n_out (at least).
pub fn confusion(outputs: &[f32], targets: &[f32], n_out: usize, k: usize, threshold: f32) -> Confusion {
    assert!(n_out >= 1, "confusion needs at least one output");
    assert!(
        k >= if n_out == 1 { 2 } else { n_out },
        "{k} classes cannot hold the classes of {n_out} outputs"
    );
    let mut m = Confusion::new(k);
    for (o, t) in outputs.chunks_exact(n_out).zip(targets.chunks_exact(n_out)) {
        m.add(true_class(t, threshold), predicted_class(o, threshold));
    }
    m
}

/// Regression errors of one output per row against its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Regression {
    /// (1/n) Σ (o − t)² (not halved, unlike the training loss).
    pub mse: f32,
    /// (1/n) Σ |o − t|.
    pub mae: f32,
    /// 1 − SS_res / SS_tot with SS_res = Σ (o − t)², SS_tot = Σ (t − t̄)²; 0 when SS_tot = 0.
    pub r2: f32,
}

/// MSE, MAE and R² of outputs (n) against targets (n); all 0 for n = 0. Sums in f64.
pub fn regression(outputs: &[f32], targets: &[f32]) -> Regression {
    let n = outputs.len().min(targets.len());
    if n == 0 {
        return Regression {
            mse: 0.0,
            mae: 0.0,
            r2: 0.0,
        };
    }
    let pairs = || outputs.iter().zip(targets).map(|(&o, &t)| (f64::from(o), f64::from(t)));
    let (mut ss_res, mut abs, mut sum_t) = (0.0f64, 0.0f64, 0.0f64);
    for (o, t) in pairs() {
        ss_res += (o - t) * (o - t);
        abs += (o - t).abs();
        sum_t += t;
    }
    let mean_t = sum_t / n as f64;
    let ss_tot: f64 = pairs().map(|(_, t)| (t - mean_t) * (t - mean_t)).sum();
    let r2 = if ss_tot == 0.0 { 0.0 } else { 1.0 - ss_res / ss_tot };
    Regression {
        mse: (ss_res / n as f64) as f32,
        mae: (abs / n as f64) as f32,
        r2: r2 as f32,
    }
}

/// What the UI shows about the current predictions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Metrics {
    /// Accuracy, macro precision / recall / F1, and the (k, k) confusion counts (row = true class).
    Classification {
        accuracy: f32,
        precision: f32,
        recall: f32,
        f1: f32,
        confusion: Vec<u32>,
        k: usize,
    },
    Regression {
        mse: f32,
        mae: f32,
        r2: f32,
    },
}

impl Metrics {
    /// The classification metrics of a confusion matrix (macro averages).
    pub fn of_classes(m: &Confusion) -> Self {
        Self::Classification {
            accuracy: m.accuracy(),
            precision: m.macro_precision(),
            recall: m.macro_recall(),
            f1: m.macro_f1(),
            confusion: m.counts.clone(),
            k: m.k,
        }
    }

    /// Regression metrics of scaled targets (t = (y − offset)·scale) in the target's own
    /// units: errors divided by the scale, MSE by its square; R² and classes unchanged.
    pub fn in_units(self, scale: f32) -> Self {
        match self {
            Self::Regression { mse, mae, r2 } if scale != 0.0 && scale.is_finite() => Self::Regression {
                mse: mse / (scale * scale),
                mae: mae / scale.abs(),
                r2,
            },
            other => other,
        }
    }

    /// The regression metrics.
    pub fn of_regression(r: &Regression) -> Self {
        Self::Regression {
            mse: r.mse,
            mae: r.mae,
            r2: r.r2,
        }
    }

    /// The one number to show first: accuracy, or R² for regression.
    pub fn headline(&self) -> f32 {
        match self {
            Self::Classification { accuracy, .. } => *accuracy,
            Self::Regression { r2, .. } => *r2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f64) -> bool {
        (f64::from(a) - b).abs() < 1e-6
    }

    /// The 3-class example: rows true class, columns predicted class.
    ///     [5 1 0]   row sums 6 6 6
    ///     [2 3 1]   column sums 7 6 5
    ///     [0 2 4]   n = 18, trace 12
    fn three_classes() -> Confusion {
        let mut m = Confusion::new(3);
        for (truth, predicted, times) in [
            (0, 0, 5),
            (0, 1, 1),
            (1, 0, 2),
            (1, 1, 3),
            (1, 2, 1),
            (2, 1, 2),
            (2, 2, 4),
        ] {
            for _ in 0..times {
                m.add(truth, predicted);
            }
        }
        m
    }

    #[test]
    fn three_class_confusion_by_hand() {
        let m = three_classes();
        assert_eq!(m.counts, vec![5, 1, 0, 2, 3, 1, 0, 2, 4]);
        assert_eq!(m.total(), 18);
        // trace / n = 12 / 18
        assert!(close(m.accuracy(), 2.0 / 3.0));
        // precision = diagonal / column sum: 5/7, 3/6, 4/5
        for (c, p) in [5.0 / 7.0, 0.5, 0.8].into_iter().enumerate() {
            assert!(close(m.precision(c), p), "precision {c}");
        }
        // recall = diagonal / row sum: 5/6, 3/6, 4/6
        for (c, r) in [5.0 / 6.0, 0.5, 4.0 / 6.0].into_iter().enumerate() {
            assert!(close(m.recall(c), r), "recall {c}");
        }
        // F1 = 2TP / (2TP + FP + FN): 10/(10+2+1), 6/(6+3+3), 8/(8+1+2)
        for (c, f) in [10.0 / 13.0, 0.5, 8.0 / 11.0].into_iter().enumerate() {
            assert!(close(m.f1(c), f), "f1 {c}");
        }
        // Macro means. Checked with exact fractions in plain Python, which also agree with
        // sklearn's precision/recall/f1_score(average='macro'): 47/70, 2/3, 571/858.
        assert!(close(m.macro_precision(), (5.0 / 7.0 + 0.5 + 0.8) / 3.0)); // 0.671428…
        assert!(close(m.macro_recall(), (5.0 / 6.0 + 0.5 + 4.0 / 6.0) / 3.0)); // 0.666666…
        assert!(close(m.macro_f1(), (10.0 / 13.0 + 0.5 + 8.0 / 11.0) / 3.0)); // 0.665501…
    }

    #[test]
    fn zero_division_gives_zero() {
        // Empty: everything 0.
        let empty = Confusion::new(3);
        assert_eq!(empty.accuracy(), 0.0);
        assert_eq!((empty.precision(0), empty.recall(0), empty.f1(0)), (0.0, 0.0, 0.0));
        assert_eq!(
            (empty.macro_precision(), empty.macro_recall(), empty.macro_f1()),
            (0.0, 0.0, 0.0)
        );

        // y_true [0, 1], y_pred [0, 0]: nothing predicted as 1.
        //     [1 0]
        //     [1 0]
        let mut m = Confusion::new(2);
        m.add(0, 0);
        m.add(1, 0);
        assert_eq!(m.precision(1), 0.0); // 0/0
        assert_eq!(m.recall(1), 0.0); // 0/1
        assert_eq!(m.f1(1), 0.0); // 0/(0+0+1)
        assert!(close(m.precision(0), 0.5)); // 1/2
        assert!(close(m.recall(0), 1.0)); // 1/1
        assert!(close(m.f1(0), 2.0 / 3.0)); // 2/(2+1+0)
                                            // sklearn zero_division=0: macro precision (0.5 + 0)/2, recall (1 + 0)/2, F1 (2/3 + 0)/2
        assert!(close(m.macro_precision(), 0.25));
        assert!(close(m.macro_recall(), 0.5));
        assert!(close(m.macro_f1(), 1.0 / 3.0));
    }

    #[test]
    fn macro_average_skips_classes_absent_from_truth_and_predictions() {
        // k = 3 but class 2 never occurs (sklearn's default labels are the classes seen):
        //     [1 1 0]
        //     [0 2 0]
        //     [0 0 0]
        let mut m = Confusion::new(3);
        m.add(0, 0);
        m.add(0, 1);
        m.add(1, 1);
        m.add(1, 1);
        // precision 1/1, 2/3 → 5/6; recall 1/2, 2/2 → 3/4; F1 2/(2+0+1), 4/(4+1+0) → (2/3 + 4/5)/2
        assert!(close(m.macro_precision(), 5.0 / 6.0));
        assert!(close(m.macro_recall(), 0.75));
        assert!(close(m.macro_f1(), (2.0 / 3.0 + 0.8) / 2.0));
    }

    #[test]
    fn argmax_first_maximum_wins_ties() {
        assert_eq!(predicted_class(&[0.2, 0.7, 0.7], 0.5), 1);
        assert_eq!(predicted_class(&[0.5, 0.5], 0.5), 0);
        assert_eq!(predicted_class(&[-1.0, -1.0, -1.0], 0.0), 0);
        assert_eq!(predicted_class(&[0.1, 0.2, 0.9], 0.5), 2);
        assert_eq!(predicted_class(&[f32::NAN, 0.2, 0.1], 0.5), 1);
        assert_eq!(true_class(&[0.0, 0.0, 1.0, 0.0], 0.5), 2);
    }

    #[test]
    fn one_output_thresholds() {
        // ±1 coding, threshold 0: 0 itself counts as class 1 (o ≥ threshold).
        assert_eq!(predicted_class(&[0.0], 0.0), 1);
        assert_eq!(predicted_class(&[-0.01], 0.0), 0);
        assert_eq!(true_class(&[-1.0], 0.0), 0);
        assert_eq!(true_class(&[1.0], 0.0), 1);
        // 0/1 coding, threshold 0.5.
        assert_eq!(predicted_class(&[0.5], 0.5), 1);
        assert_eq!(predicted_class(&[0.49], 0.5), 0);
        assert_eq!(true_class(&[0.0], 0.5), 0);
        assert_eq!(true_class(&[1.0], 0.5), 1);
    }

    #[test]
    fn two_classes_plus_minus_one_threshold_zero() {
        // outputs  0.3  0.8  −0.2  0.0  −0.7  → predicted 1 1 0 1 0
        // targets   1    1    1   −1   −1     → true      1 1 1 0 0
        let m = confusion(&[0.3, 0.8, -0.2, 0.0, -0.7], &[1.0, 1.0, 1.0, -1.0, -1.0], 1, 2, 0.0);
        // (0,0): row 5; (0,1): row 4; (1,0): row 3; (1,1): rows 1, 2
        assert_eq!(m.counts, vec![1, 1, 1, 2]);
        assert!(close(m.accuracy(), 0.6)); // 3/5
        assert!(close(m.precision(1), 2.0 / 3.0)); // 2 / (1 + 2)
        assert!(close(m.recall(1), 2.0 / 3.0)); // 2 / (1 + 2)
        assert!(close(m.precision(0), 0.5)); // 1 / (1 + 1)
    }

    #[test]
    fn two_classes_zero_one_threshold_half() {
        // outputs 0.9 0.5 0.49 0.1 → predicted 1 1 0 0
        // targets 1   0   1    0   → true      1 0 1 0
        let m = confusion(&[0.9, 0.5, 0.49, 0.1], &[1.0, 0.0, 1.0, 0.0], 1, 2, 0.5);
        // (0,0): row 4; (0,1): row 2; (1,0): row 3; (1,1): row 1
        assert_eq!(m.counts, vec![1, 1, 1, 1]);
        assert!(close(m.accuracy(), 0.5));
        assert!(close(m.macro_f1(), 0.5)); // each class 2/(2+1+1)
    }

    #[test]
    fn one_hot_rows_use_argmax() {
        // (n=3, n_out=3): predicted 0, 2, 2; true 0, 1, 2
        let outputs = [0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.0, 0.1, 0.9];
        let targets = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0];
        let m = confusion(&outputs, &targets, 3, 3, 0.5);
        assert_eq!(m.counts, vec![1, 0, 0, 0, 0, 1, 0, 0, 1]);
        assert!(close(m.accuracy(), 2.0 / 3.0));
    }

    #[test]
    fn regression_by_hand() {
        // o 1 2 4, t 1 3 2: errors 0 −1 2
        let r = regression(&[1.0, 2.0, 4.0], &[1.0, 3.0, 2.0]);
        assert!(close(r.mse, 5.0 / 3.0)); // (0 + 1 + 4) / 3
        assert!(close(r.mae, 1.0)); // (0 + 1 + 2) / 3
                                    // t̄ = 2, SS_tot = 1 + 1 + 0 = 2, SS_res = 5: R² = 1 − 5/2
        assert!(close(r.r2, -1.5));
        // Perfect predictions: R² = 1.
        let p = regression(&[0.5, -1.0], &[0.5, -1.0]);
        assert_eq!((p.mse, p.mae, p.r2), (0.0, 0.0, 1.0));
    }

    #[test]
    fn constant_targets_give_r2_zero_and_empty_gives_zeros() {
        // o 1 3, t 2 2: MSE (1 + 1)/2, MAE (1 + 1)/2, SS_tot = 0 → R² 0
        let r = regression(&[1.0, 3.0], &[2.0, 2.0]);
        assert_eq!((r.mse, r.mae, r.r2), (1.0, 1.0, 0.0));
        let e = regression(&[], &[]);
        assert_eq!((e.mse, e.mae, e.r2), (0.0, 0.0, 0.0));
    }

    #[test]
    fn metrics_headline() {
        let m = Metrics::of_classes(&three_classes());
        assert!(close(m.headline(), 2.0 / 3.0));
        match &m {
            Metrics::Classification { confusion, k, f1, .. } => {
                assert_eq!(*k, 3);
                assert_eq!(confusion.len(), 9);
                assert!(close(*f1, 571.0 / 858.0));
            }
            Metrics::Regression { .. } => panic!("expected classification"),
        }
        let r = Metrics::of_regression(&regression(&[1.0, 2.0, 4.0], &[1.0, 3.0, 2.0]));
        assert!(close(r.headline(), -1.5));
    }
}

/// What guessing without looking at the inputs scores on the test rows: the
/// training data's most frequent class, or its mean value. A model is only
/// useful where it beats this.
#[derive(Clone, Debug, PartialEq)]
pub enum Baseline {
    /// The class (index) always guessed and the test accuracy it gets.
    Majority { class: usize, accuracy: f32 },
    /// The training mean always guessed and the test MSE it gets (in the target's training scale).
    Mean { mean: f32, mse: f32 },
}

/// The baseline of labelled rows `(label, is_test)`: classes are labels 0, 1, …
/// (or ±1 for two classes, `classes` = 2), else numbers. None without test or training rows.
pub fn baseline(rows: impl Iterator<Item = (f32, bool)> + Clone, classes: usize) -> Option<Baseline> {
    let train = rows.clone().filter(|r| !r.1).map(|r| r.0);
    let test = rows.filter(|r| r.1).map(|r| r.0);
    let n_test = test.clone().count();
    if n_test == 0 || train.clone().next().is_none() {
        return None;
    }
    if classes >= 2 {
        // ±1 for two classes is class 0 / 1.
        let class = |v: f32| if classes == 2 { usize::from(v > 0.0) } else { v as usize };
        let mut counts = vec![0usize; classes];
        train.for_each(|v| counts[class(v).min(classes - 1)] += 1);
        let best = (0..classes).max_by_key(|&k| (counts[k], std::cmp::Reverse(k)))?;
        let hits = test.filter(|&v| class(v) == best).count();
        Some(Baseline::Majority {
            class: best,
            accuracy: hits as f32 / n_test as f32,
        })
    } else {
        let n = train.clone().count();
        let mean = (train.map(f64::from).sum::<f64>() / n as f64) as f32;
        let mse = test.map(|v| f64::from(v - mean).powi(2)).sum::<f64>() / n_test as f64;
        Some(Baseline::Mean { mean, mse: mse as f32 })
    }
}

#[cfg(test)]
mod baseline_tests {
    use super::*;

    #[test]
    fn regression_metrics_in_the_targets_units() {
        // z-scores of a target with std 10: scale 0.1.
        let m = Metrics::Regression {
            mse: 0.04,
            mae: 0.15,
            r2: 0.9,
        }
        .in_units(0.1);
        let Metrics::Regression { mse, mae, r2 } = m else {
            panic!()
        };
        assert!((mse - 4.0).abs() < 1e-4 && (mae - 1.5).abs() < 1e-5 && r2 == 0.9);
    }

    #[test]
    fn the_majority_class_and_the_mean_by_hand() {
        // Training: two of class 1, one of class 0; test: 1, 0, 1, 1 -> 3 of 4 right.
        let rows = [
            (1.0, false),
            (-1.0, false),
            (1.0, false),
            (1.0, true),
            (-1.0, true),
            (1.0, true),
            (1.0, true),
        ];
        assert_eq!(
            baseline(rows.iter().copied(), 2),
            Some(Baseline::Majority {
                class: 1,
                accuracy: 0.75
            })
        );
        let rows = [(2.0, false), (2.0, false), (1.0, false), (0.0, true), (2.0, true)];
        assert_eq!(
            baseline(rows.iter().copied(), 3),
            Some(Baseline::Majority {
                class: 2,
                accuracy: 0.5
            })
        );
        // Mean 2; test errors 1 and 3: MSE (1 + 9) / 2.
        let rows = [(1.0, false), (3.0, false), (1.0, true), (5.0, true)];
        assert_eq!(
            baseline(rows.iter().copied(), 0),
            Some(Baseline::Mean { mean: 2.0, mse: 5.0 })
        );
        assert_eq!(baseline([(1.0, false)].iter().copied(), 2), None);
    }
}
