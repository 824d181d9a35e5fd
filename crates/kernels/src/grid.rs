//! The picture grid: the network's output over DENSITY × DENSITY points of
//! the domain (the Playground's 100 × 100), and every hidden neuron's output
//! on every second point (THUMB × THUMB) for the small per-neuron heatmaps.
//!
//! Cell (i, j) is column i from the left, row j from the top; its centre is
//! x1 = −6 + 12 (i + ½) / n, x2 = 6 − 12 (j + ½) / n.

use crate::features::{compute_into, Feature};
use crate::forward::Forward;
use crate::network::Workspace;

/// Both coordinates of the plane lie in [−DOMAIN, DOMAIN]: the built-in
/// datasets' points and the pictures' grid (the Playground's ±6).
pub const DOMAIN: f32 = 6.0;
pub const DENSITY: usize = 100;
pub const THUMB_STEP: usize = 2;
pub const THUMB: usize = DENSITY / THUMB_STEP;

/// x1 of column i (or −x2 of row i) on an n-point grid.
pub fn coord(i: usize, n: usize) -> f32 {
    -DOMAIN + 2.0 * DOMAIN * (i as f32 + 0.5) / n as f32
}

/// Feature values of every grid point: (DENSITY², n_features), row-major from the top-left.
// Not inlined, here and in `evaluate`: their one caller is in nnplay, which is
// built for size, and a loop inlined there would be compiled for size too.
#[inline(never)]
pub fn inputs(features: &[Feature]) -> Vec<f32> {
    let nf = features.len();
    let mut out = vec![0.0; DENSITY * DENSITY * nf];
    for j in 0..DENSITY {
        let x2 = -coord(j, DENSITY);
        for i in 0..DENSITY {
            let x1 = coord(i, DENSITY);
            let k = (j * DENSITY + i) * nf;
            compute_into(features, x1, x2, &mut out[k..k + nf]);
        }
    }
    out
}

/// Fills `output` ((DENSITY², n_outputs)) with the network's outputs (through the
/// pictures' `fast_tanh`) and `neurons` ((hidden neurons, t²), layer by layer,
/// t = DENSITY / `step`) with each hidden neuron's output on every `step`-th point.
#[inline(never)]
pub fn evaluate(
    f: &dyn Forward,
    inputs: &[f32],
    ws: &mut Workspace,
    output: &mut [f32],
    neurons: &mut [f32],
    step: usize,
) {
    let net = f.net();
    let nf = net.n_inputs();
    let n_layers = net.layers.len();
    let thumb = DENSITY / step;
    let thumb_area = thumb * thumb;
    ws.prepare(net);
    // One picture row at a time through the network (vectorised across the row).
    for (j, (row_in, row_out)) in inputs
        .chunks_exact(DENSITY * nf)
        .zip(output.chunks_exact_mut(DENSITY * net.n_outputs()))
        .enumerate()
    {
        f.forward_block(row_in, ws, true);
        // (DENSITY, n_outputs) of this picture row: every output, for one-per-class pictures.
        let no = net.n_outputs();
        row_out.copy_from_slice(&ws.rows(n_layers)[..DENSITY * no]);
        if j % step != 0 {
            continue;
        }
        let mut n = 0;
        for l in 1..n_layers {
            let acts = ws.rows(l);
            let width = net.layers[l - 1].n_out;
            for k in 0..width {
                let t0 = n * thumb_area + (j / step) * thumb;
                for (t, a) in neurons[t0..t0 + thumb]
                    .iter_mut()
                    .zip(acts[k..].iter().step_by(width * step))
                {
                    *t = *a;
                }
                n += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::{Init, Network};

    #[test]
    fn coordinates_cover_the_domain_symmetrically() {
        assert!((coord(0, DENSITY) + 5.94).abs() < 1e-5);
        assert!((coord(DENSITY - 1, DENSITY) - 5.94).abs() < 1e-5);
        let feats = [Feature::X1, Feature::X2];
        let g = inputs(&feats);
        // top-left cell: x1 < 0, x2 > 0
        assert!(g[0] < 0.0 && g[1] > 0.0);
    }

    #[test]
    fn grid_matches_single_forward_passes() {
        let feats = [Feature::X1, Feature::X2, Feature::X1X2];
        let net = Network::new(
            &[3, 3, 2, 1],
            Activation::Tanh,
            Activation::Tanh,
            Init::PlaygroundUniform,
            4,
        );
        let g = inputs(&feats);
        let mut ws = Workspace::new(&net);
        let mut out = vec![0.0; DENSITY * DENSITY];
        let mut neurons = vec![0.0; 5 * THUMB * THUMB];
        evaluate(&net, &g, &mut ws, &mut out, &mut neurons, THUMB_STEP);
        let (i, j) = (38, 72);
        let x = [
            coord(i, DENSITY),
            -coord(j, DENSITY),
            coord(i, DENSITY) * -coord(j, DENSITY),
        ];
        let mut ws2 = Workspace::new(&net);
        let o = net.forward(&x, &mut ws2)[0];
        // Pictures use `fast_tanh` (within 4e-7 of tanh per neuron).
        assert!((out[j * DENSITY + i] - o).abs() < 4e-6);
        // second hidden layer, neuron 2 (index 4) at thumbnail (19, 36)
        assert!((neurons[4 * THUMB * THUMB + 36 * THUMB + 19] - ws2.acts[2][1]).abs() < 4e-6);
    }
}
