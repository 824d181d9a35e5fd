//! The one kernel of the network's dense layers: z += x·m for a block of rows
//! at once (the forward pass, the input gradient and the weight gradient are all
//! this product), register-tiled, with every sum in a fixed order so that the
//! results are the same bits natively and in wasm, whatever the tiling.

/// The left factor x (rows, k) of `matmul_acc`, as it is stored.
#[derive(Clone, Copy)]
pub enum Lhs<'a> {
    /// x itself, row-major (rows, k): a block of inputs or deltas, one row per sample.
    Rows(&'a [f32]),
    /// x's transpose, row-major (k, rows): the deltas (samples, neurons) read as
    /// (neurons, samples) for the weight gradient, without copying them.
    Transposed(&'a [f32]),
}

/// z (rows, n) += x (rows, k) · m (k, n), all row-major:
/// z[s][j] ← z[s][j] + Σ_r x[s][r]·m[r][j], r = 0, 1, … in order, one rounding
/// per product and per sum (no FMA). Each element's sum is the same whatever the
/// tiling, so the same bits natively and in wasm as a plain loop in that order
/// (`tests::matmul_acc_matches_the_plain_loop_bit_for_bit`).
///
/// Tiles of 4 rows × 8 columns keep their 32 sums in registers (8 SIMD128
/// vectors) across r: each load of m serves 4 rows, each x[s][r] 8 columns.
/// The rows left over go 2 and then 1 at a time (small minibatches, such as
/// the Playground's 10, leave 2).
// One copy, not inlined: the three callers share it, and a call per layer and
// block costs nothing next to the block.
#[inline(never)]
pub fn matmul_acc(x: Lhs, m: &[f32], k: usize, z: &mut [f32]) {
    if k == 0 || m.is_empty() {
        return;
    }
    let n = m.len() / k;
    let rows = z.len() / n;
    let m = &m[..k * n];
    let mut s = 0;
    // The four x values of each r for the rows s.., in the layout x comes in.
    macro_rules! blocks {
        ($r:literal, $xs:expr) => {
            while rows - s >= $r {
                row_block::<$r, _>($xs, m, &mut z[s * n..(s + $r) * n]);
                s += $r;
            }
        };
    }
    match x {
        Lhs::Rows(x) => {
            let x = &x[..rows * k];
            let four = |s: usize| {
                let xs: [&[f32]; 4] = std::array::from_fn(|a| &x[(s + a) * k..][..k]);
                move |r: usize| -> [f32; 4] { std::array::from_fn(|a| xs[a][r]) }
            };
            let two = |s: usize| {
                let (x0, x1) = (&x[s * k..][..k], &x[(s + 1) * k..][..k]);
                x0.iter().zip(x1).map(|(&a, &b)| [a, b, 0.0, 0.0])
            };
            blocks!(4, (0..k).map(four(s)));
            blocks!(2, two(s));
            blocks!(1, x[s * k..][..k].iter().map(|&v| [v; 4]));
        }
        Lhs::Transposed(xt) => {
            let cols = || xt.chunks_exact(rows).take(k);
            let four = |s: usize| move |c: &[f32]| -> [f32; 4] { c[s..s + 4].try_into().unwrap() };
            let one = |s: usize| move |c: &[f32]| -> [f32; 4] { [c[s]; 4] };
            blocks!(4, cols().map(four(s)));
            blocks!(1, cols().map(one(s)));
        }
    }
}

/// R rows of `matmul_acc`, their x values per r from `xs` (the first R lanes):
/// columns in tiles of 8, then 4, then one at a time.
#[inline(always)]
fn row_block<const R: usize, X: Iterator<Item = [f32; 4]> + Clone>(xs: X, m: &[f32], z: &mut [f32]) {
    let n = z.len() / R;
    let mut j = 0;
    while j + 8 <= n {
        tile::<R, 8, X>(xs.clone(), m, z, j);
        j += 8;
    }
    if j + 4 <= n {
        tile::<R, 4, X>(xs.clone(), m, z, j);
        j += 4;
    }
    while j < n {
        tile::<R, 1, X>(xs.clone(), m, z, j);
        j += 1;
    }
}

/// Columns j..j + N of R rows: z[a][j + q] += Σ_r x[a][r]·m[r][j + q].
#[inline(always)]
fn tile<const R: usize, const N: usize, X: Iterator<Item = [f32; 4]>>(xs: X, m: &[f32], z: &mut [f32], j: usize) {
    let n = z.len() / R;
    assert!(j + N <= n);
    let mut acc: [[f32; N]; R] = std::array::from_fn(|a| z[a * n + j..][..N].try_into().unwrap());
    for (row, x) in m.chunks_exact(n).zip(xs) {
        let w: &[f32; N] = row[j..j + N].try_into().unwrap();
        for (acc, &xr) in acc.iter_mut().zip(&x) {
            for q in 0..N {
                acc[q] += w[q] * xr;
            }
        }
    }
    for (a, acc) in acc.iter().enumerate() {
        z[a * n + j..][..N].copy_from_slice(acc);
    }
}

#[cfg(test)]
mod tests {
    use super::{matmul_acc, Lhs};

    /// Values of mixed sign and magnitude, so that another order of the sums
    /// would round differently.
    fn values(len: usize, seed: u32) -> Vec<f32> {
        let mut s = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
        (0..len)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                let scale = [1.0, 1e-3, 37.0, 0.1][(s >> 30) as usize];
                ((s >> 8) as f32 / (1u32 << 24) as f32 - 0.5) * scale
            })
            .collect()
    }

    /// The plain loop: each element summed over r = 0, 1, … in order.
    fn reference(x: &[f32], m: &[f32], k: usize, z: &mut [f32]) {
        let n = m.len() / k;
        for (zs, xs) in z.chunks_exact_mut(n).zip(x.chunks_exact(k)) {
            for (j, zj) in zs.iter_mut().enumerate() {
                let mut acc = *zj;
                for r in 0..k {
                    acc += xs[r] * m[r * n + j];
                }
                *zj = acc;
            }
        }
    }

    fn check(rows: usize, k: usize, n: usize) {
        let seed = (rows * 1_000_003 + k * 1009 + n) as u32;
        let (x, m) = (values(rows * k, seed), values(k * n, seed + 1));
        let mut want = values(rows * n, seed + 2);
        let mut got = want.clone();
        reference(&x, &m, k, &mut want);
        matmul_acc(Lhs::Rows(&x), &m, k, &mut got);
        // The same x stored transposed, (k, rows).
        let xt: Vec<f32> = (0..k * rows).map(|i| x[(i % rows) * k + i / rows]).collect();
        let mut got_t = values(rows * n, seed + 2);
        matmul_acc(Lhs::Transposed(&xt), &m, k, &mut got_t);
        let bits = |v: &[f32]| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&got), bits(&want), "rows {rows}, k {k}, n {n}");
        assert_eq!(bits(&got_t), bits(&want), "transposed x: rows {rows}, k {k}, n {n}");
        assert_eq!(bits(&got_t), bits(&want), "transposed x: rows {rows}, k {k}, n {n}");
    }

    #[test]
    fn matmul_acc_matches_the_plain_loop_bit_for_bit() {
        // Every column count through 131 (tiles of 8 and 4 and single columns),
        // every row count through 131 (tiles of 4 and single rows), odd depths.
        for n in 1..=131 {
            for rows in [1, 2, 3, 4, 5, 7, 9] {
                for k in [1, 2, 3, 17] {
                    check(rows, k, n);
                }
            }
        }
        for rows in 1..=131 {
            for n in [1, 3, 4, 8, 13, 128] {
                for k in [1, 5, 64] {
                    check(rows, k, n);
                }
            }
        }
        for k in 1..=131 {
            check(6, k, 12);
        }
    }

    #[test]
    fn the_reference_order_is_visible_in_the_bits() {
        // The test above could not catch a reordered sum if reordering never
        // changed a bit: summing the same products backwards does.
        let (k, n) = (64, 8);
        let (x, m) = (values(k, 5), values(k * n, 6));
        let mut forward = vec![0.0; n];
        reference(&x, &m, k, &mut forward);
        let backward: Vec<f32> = (0..n)
            .map(|j| (0..k).rev().fold(0.0f32, |acc, r| acc + x[r] * m[r * n + j]))
            .collect();
        assert_ne!(forward, backward);
    }

    #[test]
    fn empty_products_leave_z_alone() {
        let mut z = vec![1.5; 6];
        matmul_acc(Lhs::Rows(&[]), &[], 0, &mut z);
        assert_eq!(z, vec![1.5; 6]);
    }
}
