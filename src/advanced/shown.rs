//! What the pictures and the measurements run when the advanced trainer
//! changes the network they show (`Forward`): the weights quantised (the
//! network given), the normalisation layers in evaluation mode, and the
//! hidden layers' outputs quantised to a few bits over ranges calibrated on
//! the training data (post-training quantisation of activations: each layer's
//! range is its outputs' minimum and maximum over the calibration rows, fed
//! the quantised outputs of the layer before, as the quantised network runs).

use super::normed::{layer_eval, Norms};
use crate::forward::Forward;
use crate::network::{Network, Workspace};
use crate::quantize::quantize_range;
use std::borrow::Cow;

pub struct Shown<'a> {
    pub net: Cow<'a, Network>,
    /// The normalisation layers (None: none).
    pub norms: Option<&'a Norms>,
    /// The hidden layers' outputs in this many bits over these ranges (None: float).
    pub acts: Option<(u8, Vec<(f32, f32)>)>,
}

impl Shown<'_> {
    /// Every layer's outputs for the rows x: [layer 0's, …], hidden ones quantised.
    fn layers(&self, x: &[f32]) -> Vec<Vec<f32>> {
        let mut out: Vec<Vec<f32>> = Vec::with_capacity(self.net.layers.len());
        for l in 0..self.net.layers.len() {
            let a = out.last().map_or(x, |v| &v[..]);
            let mut next = layer_eval(self.norms, &self.net, l, a);
            if let Some((bits, ranges)) = &self.acts {
                if let Some(&(lo, hi)) = ranges.get(l) {
                    quantize_range(&mut next, *bits, lo, hi);
                }
            }
            out.push(next);
        }
        out
    }

    /// Quantises the hidden layers' outputs to `bits` over their ranges on the rows x.
    pub fn calibrate(&mut self, x: &[f32], bits: u8) {
        let hidden = self.net.layers.len().saturating_sub(1);
        let mut ranges = Vec::with_capacity(hidden);
        let mut a = x.to_vec();
        for l in 0..hidden {
            a = layer_eval(self.norms, &self.net, l, &a);
            let (lo, hi) = a.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &v| {
                (lo.min(v), hi.max(v))
            });
            let range = if lo <= hi { (lo, hi) } else { (0.0, 0.0) };
            quantize_range(&mut a, bits, range.0, range.1);
            ranges.push(range);
        }
        self.acts = Some((bits, ranges));
    }
}

impl Forward for Shown<'_> {
    fn net(&self) -> &Network {
        &self.net
    }

    fn forward_block(&self, x: &[f32], ws: &mut Workspace, _picture: bool) {
        let rows = x.len() / self.net.n_inputs();
        for (l, a) in self.layers(x).iter().enumerate() {
            ws.rows_mut(l + 1, rows).copy_from_slice(a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::init::Init;

    const X: [f32; 8] = [0.5, -1.0, 2.0, 0.3, -0.7, 0.9, 1.1, 0.4];

    #[test]
    fn hidden_outputs_take_few_levels_and_the_output_stays_float() {
        let net = Network::new(
            &[2, 5, 4, 1],
            Activation::Relu,
            Activation::Tanh,
            Init::PlaygroundUniform,
            7,
        );
        let mut shown = Shown {
            net: Cow::Borrowed(&net),
            norms: None,
            acts: None,
        };
        // Without quantised activations: the network's own forward pass.
        let mut ws = Workspace::new(&net);
        shown.forward_block(&X, &mut ws, false);
        let float = ws.rows(3).to_vec();
        let mut plain = Workspace::new(&net);
        net.forward(&X[..2], &mut plain);
        assert!((float[0] - plain.acts[3][0]).abs() < 1e-6);
        shown.calibrate(&X, 2);
        let (_, ranges) = shown.acts.clone().unwrap();
        assert_eq!(ranges.len(), 2);
        shown.forward_block(&X, &mut ws, false);
        for l in 1..=2 {
            let (lo, hi) = ranges[l - 1];
            let mut levels: Vec<f32> = ws.rows(l).to_vec();
            levels.sort_by(f32::total_cmp);
            levels.dedup();
            // 2 bits: at most four values, the calibration rows' extremes among them.
            assert!(levels.len() <= 4, "layer {l}: {levels:?}");
            assert!(levels.iter().all(|v| (lo..=hi).contains(v)));
            assert!(levels.contains(&lo) && levels.contains(&hi));
        }
        assert_ne!(ws.rows(3), &float[..], "the output follows the quantised hidden layers");
        // Eight bits: close to float.
        shown.calibrate(&X, 8);
        shown.forward_block(&X, &mut ws, false);
        assert!(ws.rows(3).iter().zip(&float).all(|(a, b)| (a - b).abs() < 0.02));
    }
}
