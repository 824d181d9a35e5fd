//! The one kernel of the network's dense layers: z += Mᵀ-style sums of a
//! row-major matrix against one or two vectors, vectorised over the output
//! columns, with every sum in a fixed order so that the results are the same
//! bits natively and in wasm, whatever the blocking.

/// z[j] += Σ_r m[r][j]·x[r·stride], r = 0, 1, … in order, with m (k, n) row-major
/// and n = z.len(). One rounding per product and per sum (no FMA), so the same
/// bits natively and in wasm; blocks of 16, 8 and 4 columns keep their sums in
/// registers across r, vectorised over j.
#[inline(always)]
pub fn matvec_acc(m: &[f32], x: &[f32], stride: usize, z: &mut [f32]) {
    let n = z.len();
    let mut j = 0;
    while j + 16 <= n {
        matvec_block::<16>(m, x, stride, z, j);
        j += 16;
    }
    if j + 8 <= n {
        matvec_block::<8>(m, x, stride, z, j);
        j += 8;
    }
    if j + 4 <= n {
        matvec_block::<4>(m, x, stride, z, j);
        j += 4;
    }
    matvec_acc_from(m, x, stride, z, j);
}

/// The columns j0.. of `matvec_acc`, one at a time (fewer than 4 are left).
#[inline(always)]
fn matvec_acc_from(m: &[f32], x: &[f32], stride: usize, z: &mut [f32], j0: usize) {
    let n = z.len();
    for j in j0..n {
        let mut acc = z[j];
        if stride == 1 {
            m.chunks_exact(n).zip(x).for_each(|(row, &xr)| acc += row[j] * xr);
        } else {
            m.chunks_exact(n)
                .zip(x.iter().step_by(stride))
                .for_each(|(row, &xr)| acc += row[j] * xr);
        }
        z[j] = acc;
    }
}

#[inline(always)]
fn matvec_block<const N: usize>(m: &[f32], x: &[f32], stride: usize, z: &mut [f32], j: usize) {
    let n = z.len();
    let mut acc: [f32; N] = z[j..j + N].try_into().unwrap();
    let mut add = |row: &[f32], xr: f32| {
        let w: &[f32; N] = row[j..j + N].try_into().unwrap();
        for q in 0..N {
            acc[q] += w[q] * xr;
        }
    };
    // (Contiguous inputs, the forward pass, without `step_by`'s bookkeeping.)
    if stride == 1 {
        m.chunks_exact(n).zip(x).for_each(|(row, &xr)| add(row, xr));
    } else {
        m.chunks_exact(n)
            .zip(x.iter().step_by(stride))
            .for_each(|(row, &xr)| add(row, xr));
    }
    z[j..j + N].copy_from_slice(&acc);
}

/// `matvec_acc` for two vectors against the same matrix: z_k[j] += Σ_r m[r][j]·x_k[r·stride]
/// for k = 0, 1. Each sum runs in the same order as `matvec_acc`'s (so the same bits);
/// each load of m serves both.
#[inline(always)]
pub fn matvec2_acc(m: &[f32], x: [&[f32]; 2], stride: usize, z: [&mut [f32]; 2]) {
    let [z0, z1] = z;
    let n = z0.len();
    let mut j = 0;
    // Blocks of 8 columns: 2 × 8 sums stay in registers (16 would spill).
    while j + 8 <= n {
        matvec2_block::<8>(m, x, stride, [&mut *z0, &mut *z1], j);
        j += 8;
    }
    if j + 4 <= n {
        matvec2_block::<4>(m, x, stride, [&mut *z0, &mut *z1], j);
        j += 4;
    }
    if j < n {
        matvec_acc_from(m, x[0], stride, z0, j);
        matvec_acc_from(m, x[1], stride, z1, j);
    }
}

#[inline(always)]
fn matvec2_block<const N: usize>(m: &[f32], x: [&[f32]; 2], stride: usize, z: [&mut [f32]; 2], j: usize) {
    let n = z[0].len();
    let mut a0: [f32; N] = z[0][j..j + N].try_into().unwrap();
    let mut a1: [f32; N] = z[1][j..j + N].try_into().unwrap();
    let mut add = |row: &[f32], x0: f32, x1: f32| {
        let w: &[f32; N] = row[j..j + N].try_into().unwrap();
        for q in 0..N {
            a0[q] += w[q] * x0;
            a1[q] += w[q] * x1;
        }
    };
    if stride == 1 {
        m.chunks_exact(n)
            .zip(x[0].iter().zip(x[1]))
            .for_each(|(row, (&x0, &x1))| add(row, x0, x1));
    } else {
        m.chunks_exact(n)
            .zip(x[0].iter().step_by(stride).zip(x[1].iter().step_by(stride)))
            .for_each(|(row, (&x0, &x1))| add(row, x0, x1));
    }
    z[0][j..j + N].copy_from_slice(&a0);
    z[1][j..j + N].copy_from_slice(&a1);
}
