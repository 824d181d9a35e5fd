//! Post-training quantisation (issue 17, the pure part): weights stored in
//! `bits` bits instead of 32, then read back as floats ("fake quantisation",
//! what the network computes with after quantising).
//!
//! Per group (the whole tensor, or one output neuron's incoming weights):
//! - symmetric, b ≥ 2: s = max|w| / (2^(b−1) − 1), q = clamp(round(w/s), ±(2^(b−1) − 1)),
//!   ŵ = q·s; every |w − ŵ| ≤ s/2 (0 is exact).
//! - affine, b ≥ 2: s = (max − min)/(2^b − 1), z = round(−min/s),
//!   q = clamp(round(w/s) + z, 0, 2^b − 1), ŵ = (q − z)·s; |w − ŵ| ≤ s
//!   (≤ s/2 inside the grid; its ends can miss min or max by s/2 from z's rounding).
//! - binary (b = 1, either scheme): ŵ = sign(w)·α with α = mean|w| (the scaling
//!   of XNOR-Net, Rastegari et al. 2016), the α minimising Σ(w − ŵ)² for signs fixed.
//!
//! Biases stay in float (they are few). The model's size counts the packed
//! weights, one f32 scale per group (and one zero point byte for affine), and the biases.

use crate::network::Network;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Symmetric,
    Affine,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    PerTensor,
    /// One scale per output neuron (a row of `Layer::weights`).
    PerNeuron,
}

/// A quantisation setting: bits 1 (binary), 2, 4 or 8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quant {
    pub bits: u8,
    pub scheme: Scheme,
    pub granularity: Granularity,
}

/// The step between neighbouring values of one group (0: all equal / empty).
pub fn step(values: &[f32], bits: u8, scheme: Scheme) -> f32 {
    if values.is_empty() || bits < 2 {
        return 0.0;
    }
    match scheme {
        Scheme::Symmetric => {
            let m = values.iter().fold(0.0f32, |m, w| m.max(w.abs()));
            m / ((1u32 << (bits - 1)) - 1) as f32
        }
        Scheme::Affine => {
            let (lo, hi) = values.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &w| {
                (lo.min(w), hi.max(w))
            });
            (hi - lo) / ((1u32 << bits) - 1) as f32
        }
    }
}

/// Quantises one group in place (ŵ for every w).
pub fn quantize_group(values: &mut [f32], bits: u8, scheme: Scheme) {
    if values.is_empty() {
        return;
    }
    if bits <= 1 {
        let alpha = values.iter().map(|w| w.abs()).sum::<f32>() / values.len() as f32;
        for w in values.iter_mut() {
            *w = if *w < 0.0 { -alpha } else { alpha };
        }
        return;
    }
    let s = step(values, bits, scheme);
    if s == 0.0 || !s.is_finite() {
        return; // one value (or none distinct): stored exactly with its scale
    }
    match scheme {
        Scheme::Symmetric => {
            let top = ((1u32 << (bits - 1)) - 1) as f32;
            for w in values.iter_mut() {
                *w = (*w / s).round().clamp(-top, top) * s;
            }
        }
        Scheme::Affine => {
            let lo = values.iter().fold(f32::INFINITY, |a, &w| a.min(w));
            let z = (-lo / s).round();
            let top = ((1u32 << bits) - 1) as f32;
            for w in values.iter_mut() {
                *w = (((*w / s).round() + z).clamp(0.0, top) - z) * s;
            }
        }
    }
}

/// Activations in `bits` bits over a calibrated range [lo, hi] (affine,
/// unsigned, as activation fake-quantisation is done): s = (hi − lo)/(2^b − 1),
/// v̂ = lo + clamp(round((v − lo)/s), 0, 2^b − 1)·s, so |v − v̂| ≤ s/2 inside
/// the range, lo and hi are exact, and values outside are clamped to it.
/// One bit: lo or hi, whichever is nearer.
pub fn quantize_range(values: &mut [f32], bits: u8, lo: f32, hi: f32) {
    let top = ((1u32 << bits.clamp(1, 16)) - 1) as f32;
    let s = (hi - lo) / top;
    if !(s > 0.0 && s.is_finite()) {
        values.iter_mut().for_each(|v| *v = lo);
        return;
    }
    for v in values.iter_mut() {
        *v = lo + ((*v - lo) / s).round().clamp(0.0, top) * s;
    }
}

impl Quant {
    /// The network with its weights quantised (biases unchanged).
    pub fn apply(&self, net: &Network) -> Network {
        let mut q = net.clone();
        for l in &mut q.layers {
            match self.granularity {
                Granularity::PerTensor => quantize_group(&mut l.weights, self.bits, self.scheme),
                Granularity::PerNeuron => {
                    for row in l.weights.chunks_mut(l.n_in.max(1)) {
                        quantize_group(row, self.bits, self.scheme);
                    }
                }
            }
        }
        q
    }

    /// Bytes to store the quantised model: packed weights, scales (and zero
    /// points), float biases.
    pub fn model_bytes(&self, net: &Network) -> usize {
        net.layers
            .iter()
            .map(|l| {
                let groups = match self.granularity {
                    Granularity::PerTensor => 1,
                    Granularity::PerNeuron => l.n_out,
                };
                let per_group = 4 + usize::from(self.scheme == Scheme::Affine && self.bits > 1);
                (l.weights.len() * usize::from(self.bits)).div_ceil(8) + groups * per_group + 4 * l.biases.len()
            })
            .sum()
    }
}

/// Bytes of the float model: 4 per parameter.
pub fn float_bytes(net: &Network) -> usize {
    4 * net.param_count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::Init;

    #[test]
    fn activations_land_on_the_ranges_grid_within_half_a_step() {
        let values: Vec<f32> = (0..=200).map(|k| -1.5 + 0.02 * k as f32).collect();
        for bits in [1u8, 2, 4, 8] {
            let (lo, hi) = (-1.0f32, 1.0f32);
            let mut q = values.clone();
            quantize_range(&mut q, bits, lo, hi);
            let levels = (1u32 << bits) as f32;
            let s = (hi - lo) / (levels - 1.0);
            for (v, q) in values.iter().zip(&q) {
                // On the grid lo + k·s, inside [lo, hi], and as near as the grid allows.
                let k = (q - lo) / s;
                assert!(
                    (k - k.round()).abs() < 1e-4 && (lo..=hi).contains(q),
                    "{bits} bits: {v} → {q}"
                );
                assert!((v.clamp(lo, hi) - q).abs() <= s / 2.0 + 1e-6, "{bits} bits: {v} → {q}");
            }
            let mut ends = [lo, hi];
            quantize_range(&mut ends, bits, lo, hi);
            assert_eq!(ends, [lo, hi]);
        }
        // One bit: the nearer end.
        let mut v = [-0.2f32, 0.3];
        quantize_range(&mut v, 1, -1.0, 1.0);
        assert_eq!(v, [-1.0, 1.0]);
        // An empty range: every value is its one level.
        let mut v = [0.5f32, 2.0];
        quantize_range(&mut v, 4, 0.7, 0.7);
        assert_eq!(v, [0.7, 0.7]);
    }

    fn net() -> Network {
        Network::new(&[2, 8, 8, 1], Activation::Tanh, Activation::Tanh, Init::HeNormal, 7)
    }

    /// Every scheme stays within its error bound, uses at most 2^b values per
    /// group, and symmetric keeps 0 exact.
    #[test]
    fn quantise_dequantise_error_is_within_the_bound() {
        let base = net();
        for bits in [2u8, 4, 8] {
            for scheme in [Scheme::Symmetric, Scheme::Affine] {
                for granularity in [Granularity::PerTensor, Granularity::PerNeuron] {
                    let q = Quant {
                        bits,
                        scheme,
                        granularity,
                    }
                    .apply(&base);
                    for (l, ql) in base.layers.iter().zip(&q.layers) {
                        let groups: Vec<(&[f32], &[f32])> = match granularity {
                            Granularity::PerTensor => vec![(&l.weights[..], &ql.weights[..])],
                            Granularity::PerNeuron => l.weights.chunks(l.n_in).zip(ql.weights.chunks(l.n_in)).collect(),
                        };
                        for (w, wq) in groups {
                            let s = step(w, bits, scheme);
                            let bound = match scheme {
                                Scheme::Symmetric => s / 2.0,
                                Scheme::Affine => s,
                            } * (1.0 + 1e-5);
                            for (a, b) in w.iter().zip(wq) {
                                assert!(
                                    (a - b).abs() <= bound,
                                    "{bits} bits {scheme:?} {granularity:?}: {a} → {b}, step {s}"
                                );
                            }
                            let mut distinct: Vec<f32> = wq.to_vec();
                            distinct.sort_by(|a, b| a.partial_cmp(b).unwrap());
                            distinct.dedup();
                            assert!(distinct.len() <= 1 << bits);
                        }
                        assert_eq!(l.biases, ql.biases);
                    }
                }
            }
        }
        let mut with_zero = vec![0.0, 0.3, -0.7];
        quantize_group(&mut with_zero, 4, Scheme::Symmetric);
        assert_eq!(with_zero[0], 0.0);
    }

    #[test]
    fn hand_computed_four_bit_values() {
        // Symmetric 4 bits: s = 0.7/7 = 0.1; 0.34 → 3·0.1, −0.7 → −7·0.1, 0.05 → round(0.5) = 1 → 0.1.
        let mut v = vec![0.34, -0.7, 0.05];
        quantize_group(&mut v, 4, Scheme::Symmetric);
        let want = [0.3, -0.7, 0.1];
        for (a, b) in v.iter().zip(want) {
            assert!((a - b).abs() < 1e-6, "{v:?}");
        }
        // Affine 2 bits on [−1, 2]: s = 1, z = 1; values −1, 0, 1, 2 exact; 0.4 → 0.
        let mut v = vec![-1.0, 2.0, 0.4, 1.6];
        quantize_group(&mut v, 2, Scheme::Affine);
        assert_eq!(v, vec![-1.0, 2.0, 0.0, 2.0]);
    }

    #[test]
    fn binary_keeps_signs_at_the_mean_magnitude() {
        let mut v = vec![0.5, -1.5, 1.0, -0.2];
        quantize_group(&mut v, 1, Scheme::Affine);
        assert_eq!(v, vec![0.8, -0.8, 0.8, -0.8]);
    }

    #[test]
    fn model_bytes_count_packed_weights_scales_and_biases() {
        let n = net(); // 2-8-8-1: 16 + 64 + 8 = 88 weights, 17 biases
        assert_eq!(float_bytes(&n), 4 * (88 + 17));
        let q = Quant {
            bits: 4,
            scheme: Scheme::Symmetric,
            granularity: Granularity::PerTensor,
        };
        // Weights 16 + 64 + 8 at half a byte each, one scale per layer, biases 17 · 4.
        assert_eq!(q.model_bytes(&n), (8 + 32 + 4) + 3 * 4 + 17 * 4);
        let q = Quant {
            bits: 8,
            scheme: Scheme::Affine,
            granularity: Granularity::PerNeuron,
        };
        // Weights 16 + 64 + 8 bytes; groups 8 + 8 + 1 with 5 bytes each; biases 17 · 4.
        assert_eq!(q.model_bytes(&n), 88 + 17 * 5 + 17 * 4);
    }
}
