//! The loss and the metrics of a network on one dataset, in one forward pass.

use crate::forward::Forward;
use crate::head::{Coding, Head};
use crate::metrics::{predicted_class, regression, true_class, Confusion, Metrics};
use crate::network::Workspace;

/// Rows per forward block.
const BLOCK: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// (1/n) Σ L(f(x), y)
    pub loss: f32,
    pub metrics: Metrics,
}

/// x: (n, n_inputs), y: (n, n_outputs) coded for `head`.
// Not inlined: its callers are in nnplay, which is built for size, and the
// per-row loop inlined there would be compiled for size too.
#[inline(never)]
pub fn evaluate(f: &dyn Forward, ws: &mut Workspace, x: &[f32], y: &[f32], head: &Head) -> Evaluation {
    let net = f.net();
    let (ni, no) = (net.n_inputs(), net.n_outputs());
    let n = x.len() / ni.max(1);
    let last = net.layers.len();
    let threshold = head.threshold();
    let k = if head.coding == Coding::Value { 0 } else { no.max(2) };
    let mut confusion = Confusion::new(k.max(1));
    let (mut outs, mut targets) = (Vec::new(), Vec::new());
    let mut total = 0.0f64;
    ws.prepare(net);
    for (xs, ys) in x.chunks(BLOCK * ni).zip(y.chunks(BLOCK * no)) {
        f.forward_block(xs, ws, false);
        for (o, t) in ws.rows(last).chunks_exact(no).zip(ys.chunks_exact(no)) {
            total += f64::from(head.loss.value(o, t));
            if k == 0 {
                outs.push(o[0]);
                targets.push(t[0]);
            } else {
                confusion.add(true_class(t, threshold), predicted_class(o, threshold));
            }
        }
    }
    Evaluation {
        loss: if n == 0 { 0.0 } else { (total / n as f64) as f32 },
        metrics: if k == 0 {
            Metrics::of_regression(&regression(&outs, &targets))
        } else {
            Metrics::of_classes(&confusion)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::epoch::mean_loss;
    use crate::head::Task;
    use crate::network::{Layer, Network};

    /// y = x through a linear 1 → 1 network: outputs equal the inputs.
    fn identity() -> Network {
        Network {
            layers: vec![Layer {
                n_in: 1,
                n_out: 1,
                weights: vec![1.0],
                biases: vec![0.0],
                activation: Activation::Linear,
            }],
        }
    }

    #[test]
    fn two_classes_by_hand() {
        let net = identity();
        let head = Task::Classes(2).head(Some(crate::loss::Loss::HalfSquaredError), Some(Activation::Linear));
        // outputs 0.5, −0.2, 0.9, −0.7 against targets +1, +1, −1, −1:
        // predicted 1, 0, 1, 0; true 1, 1, 0, 0 → accuracy 2/4.
        let (x, y) = ([0.5f32, -0.2, 0.9, -0.7], [1.0f32, 1.0, -1.0, -1.0]);
        let e = evaluate(&net, &mut Workspace::new(&net), &x, &y, &head);
        assert_eq!(e.metrics.headline(), 0.5);
        // ½(0.25 + 1.44 + 3.61 + 0.09)/4 = 0.67375
        assert!((e.loss - 0.67375).abs() < 1e-6);
        let ml = mean_loss(&net, &mut Workspace::new(&net), &x, &y, head.loss);
        assert_eq!(e.loss, ml);
        match e.metrics {
            Metrics::Classification { confusion, k, .. } => assert_eq!((k, confusion), (2, vec![1, 1, 1, 1])),
            _ => panic!("classification expected"),
        }
    }

    #[test]
    fn regression_by_hand() {
        let net = identity();
        let head = Task::Regression.head(None, None);
        // o = 1, 2, 3 vs t = 1, 2, 5: MSE 4/3, MAE 2/3, SS_tot = 8.67, R² = 1 − 4/8.667 = 0.5385
        let e = evaluate(
            &net,
            &mut Workspace::new(&net),
            &[1.0, 2.0, 3.0],
            &[1.0, 2.0, 5.0],
            &head,
        );
        match e.metrics {
            Metrics::Regression { mse, mae, r2 } => {
                assert!((mse - 4.0 / 3.0).abs() < 1e-6 && (mae - 2.0 / 3.0).abs() < 1e-6);
                assert!((r2 - (1.0 - 4.0 / (26.0 / 3.0))).abs() < 1e-6);
            }
            _ => panic!("regression expected"),
        }
    }
}
