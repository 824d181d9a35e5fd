//! The compact network diagram, for layers wider than `COMPACT_ABOVE`
//! neurons: each layer's neurons as one sheet of small tiles (each tile the
//! neuron's heatmap), and the weights between two layers as one picture of
//! the weight matrix (row = target neuron, column = source) instead of a curve
//! per weight. Pixels and hit-testing are computed here; the page only blits
//! the sheets and maps the pointer's offset to a neuron or a weight.

use crate::grid::DENSITY;
use crate::heatmap;

/// Layers (or inputs) with more neurons than this switch the diagram to its compact form.
pub const COMPACT_ABOVE: usize = 16;
/// A tile's side in pixels (also the side of a neuron's heatmap in compact mode).
pub const TILE: usize = 10;
/// Pixels between tiles.
pub const TILE_GAP: usize = 2;
/// Tiles per sheet column.
pub const TILE_ROWS: usize = 32;
/// Grid step of the neurons' heatmaps in compact mode (DENSITY / step = TILE).
pub const COMPACT_THUMB_STEP: usize = DENSITY / TILE;

/// Whether the network [inputs, hidden…, outputs] is drawn compactly.
pub fn is_compact(sizes: &[usize]) -> bool {
    let inner = &sizes[..sizes.len().saturating_sub(1)];
    inner.iter().any(|&n| n > COMPACT_ABOVE)
}

/// The grid step of the hidden neurons' heatmaps for this network (side = DENSITY / step).
pub fn thumb_step(sizes: &[usize]) -> usize {
    if is_compact(sizes) {
        COMPACT_THUMB_STEP
    } else {
        crate::grid::THUMB_STEP
    }
}

/// Pixels between a matrix picture and the columns beside it.
pub const MATRIX_MARGIN: usize = 6;
/// The narrowest matrix picture, and the narrowest column pitch (a layer's heading fits).
const MIN_MATRIX: usize = 24;
const MIN_PITCH: usize = 104;

/// The distance between the diagram's columns in compact mode: wide enough
/// for every weight of every matrix to have a pixel column of its own.
pub fn column_pitch(sizes: &[usize], node: usize) -> usize {
    (1..sizes.len())
        .map(|l| {
            let column = if l + 1 == sizes.len() {
                node
            } else {
                Sheet { n: sizes[l] }.size().0
            };
            column + sizes[l - 1].max(MIN_MATRIX) + 2 * MATRIX_MARGIN
        })
        .fold(MIN_PITCH, usize::max)
}

/// One layer's sheet of `n` tiles, column by column, `TILE_ROWS` to a column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sheet {
    pub n: usize,
}

impl Sheet {
    const PITCH: usize = TILE + TILE_GAP;

    pub fn rows(self) -> usize {
        self.n.clamp(1, TILE_ROWS)
    }

    pub fn cols(self) -> usize {
        self.n.div_ceil(TILE_ROWS).max(1)
    }

    /// Width and height in pixels.
    pub fn size(self) -> (usize, usize) {
        (
            self.cols() * Self::PITCH - TILE_GAP,
            self.rows() * Self::PITCH - TILE_GAP,
        )
    }

    /// Top-left pixel of tile k.
    pub fn origin(self, k: usize) -> (usize, usize) {
        ((k / TILE_ROWS) * Self::PITCH, (k % TILE_ROWS) * Self::PITCH)
    }

    /// The tile under pixel (x, y) of the sheet, if any (the gaps belong to no tile).
    pub fn tile_at(self, x: f64, y: f64) -> Option<usize> {
        if x < 0.0 || y < 0.0 {
            return None;
        }
        let (px, py) = (x as usize, y as usize);
        let (c, r) = (px / Self::PITCH, py / Self::PITCH);
        let inside = px % Self::PITCH < TILE && py % Self::PITCH < TILE;
        let k = c * TILE_ROWS + r;
        (inside && r < TILE_ROWS && k < self.n).then_some(k)
    }

    /// Paints every neuron's heatmap (`values`: (n, TILE²), row-major) into its tile;
    /// the gaps stay transparent. `rgba` is resized to the sheet; `mid`: the ramp's middle.
    pub fn paint(self, values: &[f32], mid: [u8; 3], rgba: &mut Vec<u8>) {
        let (w, h) = self.size();
        rgba.clear();
        rgba.resize(w * h * 4, 0);
        for (k, tile) in values.chunks_exact(TILE * TILE).take(self.n).enumerate() {
            let (x0, y0) = self.origin(k);
            for (j, row) in tile.chunks_exact(TILE).enumerate() {
                let at = ((y0 + j) * w + x0) * 4;
                for (px, &v) in rgba[at..at + TILE * 4].chunks_exact_mut(4).zip(row) {
                    let [r, g, b] = heatmap::color_on(v, mid);
                    px.copy_from_slice(&[r, g, b, 255]);
                }
            }
        }
    }
}

/// The weight matrix (n_out, n_in) as pixels, one per weight: row = target neuron.
pub fn paint_matrix(weights: &[f32], mid: [u8; 3], rgba: &mut Vec<u8>) {
    rgba.clear();
    rgba.extend(weights.iter().flat_map(|&v| {
        let [r, g, b] = heatmap::color_on(v, mid);
        [r, g, b, 255]
    }));
}

/// The weight (to, from) under the point (x, y) of a matrix picture drawn
/// `w` × `h` pixels large, with `n_in` columns and `n_out` rows.
pub fn matrix_cell(x: f64, y: f64, w: f64, h: f64, n_in: usize, n_out: usize) -> Option<(usize, usize)> {
    if !(0.0..w).contains(&x) || !(0.0..h).contains(&y) || n_in == 0 || n_out == 0 {
        return None;
    }
    let from = ((x / w * n_in as f64) as usize).min(n_in - 1);
    let to = ((y / h * n_out as f64) as usize).min(n_out - 1);
    Some((to, from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_layers_or_inputs_make_the_diagram_compact() {
        assert!(!is_compact(&[2, 16, 16, 1]));
        assert!(is_compact(&[2, 17, 1]));
        assert!(is_compact(&[64, 4, 10]));
        assert!(!is_compact(&[2, 4, 16]), "outputs are drawn as nodes");
        assert_eq!(thumb_step(&[2, 64, 1]) * TILE, DENSITY);
    }

    #[test]
    fn columns_leave_a_pixel_for_every_weight() {
        // 64 neurons into the output nodes (40 px wide): 40 + 64 + 12.
        assert_eq!(column_pitch(&[64, 64, 10], 40), 116);
        assert_eq!(column_pitch(&[100, 64, 10], 40), 22 + 100 + 12);
        assert_eq!(column_pitch(&[2, 4, 1], 40), MIN_PITCH);
    }

    #[test]
    fn tiles_fill_columns_of_32_and_the_pointer_finds_them() {
        let s = Sheet { n: 64 };
        assert_eq!((s.rows(), s.cols()), (32, 2));
        assert_eq!(s.size(), (22, 382));
        assert_eq!(s.origin(33), (12, 12));
        assert_eq!(s.tile_at(13.0, 14.0), Some(33));
        assert_eq!(s.tile_at(10.5, 3.0), None, "a gap");
        assert_eq!(s.tile_at(3.0, 390.0), None, "below the sheet");
        let small = Sheet { n: 20 };
        assert_eq!(small.tile_at(1.0, 12.0 * 19.0 + 1.0), Some(19));
        assert_eq!(small.tile_at(1.0, 12.0 * 20.0 + 1.0), None);
        for k in 0..64 {
            let (x, y) = s.origin(k);
            assert_eq!(s.tile_at(x as f64 + 9.9, y as f64 + 0.1), Some(k));
        }
    }

    #[test]
    fn a_sheet_paints_each_tile_from_its_neuron() {
        let s = Sheet { n: 33 };
        let mut values = vec![0.0; 33 * TILE * TILE];
        values[32 * TILE * TILE..].fill(1.0); // the 33rd neuron: all +1
        let mut rgba = Vec::new();
        s.paint(&values, heatmap::NEUTRAL, &mut rgba);
        let (w, _) = s.size();
        let px = |x: usize, y: usize| &rgba[(y * w + x) * 4..(y * w + x) * 4 + 4];
        assert_eq!(px(12, 0)[..3], heatmap::POSITIVE);
        assert_eq!(px(0, 0)[..3], heatmap::NEUTRAL);
        assert_eq!(px(10, 0)[3], 0, "gaps are transparent");
    }

    #[test]
    fn every_weight_of_a_matrix_can_be_pointed_at() {
        let (n_in, n_out) = (64, 10);
        let (w, h) = (64.0, 382.0);
        let mut seen = std::collections::HashSet::new();
        for x in 0..64 {
            for y in 0..382 {
                seen.insert(matrix_cell(x as f64 + 0.5, y as f64 + 0.5, w, h, n_in, n_out).unwrap());
            }
        }
        assert_eq!(seen.len(), n_in * n_out);
        assert_eq!(matrix_cell(-1.0, 3.0, w, h, n_in, n_out), None);
        assert_eq!(matrix_cell(63.9, 381.9, w, h, n_in, n_out), Some((9, 63)));
        let mut rgba = Vec::new();
        paint_matrix(&[1.0, -1.0], heatmap::NEUTRAL, &mut rgba);
        assert_eq!(rgba, [0x08, 0x77, 0xbd, 255, 0xf5, 0x93, 0x22, 255]);
    }
}
