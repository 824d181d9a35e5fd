//! tanh for the core's hot loops: the platform's own result, in a form that vectorises.

/// tanh as `f32::tanh` computes it on this platform. In wasm that is the
/// musl/FreeBSD `tanhf` below; natively it is the system's libm (glibc's differs
/// in the last bit now and then), kept so that native results stay as they were.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
pub fn tanh(x: f32) -> f32 {
    x.tanh()
}

#[cfg(target_arch = "wasm32")]
pub use musl_tanh as tanh;

/// tanh(x) in f32, bit for bit the result of the musl/FreeBSD `tanhf` (with its
/// `expm1f`) that Rust's std uses on wasm32, but without branches, so that a loop
/// over many values vectorises (wasm SIMD: four lanes at once). Every lane
/// computes each case of the original and keeps the one its input selects; the
/// operations and their order per case are the original's, so the rounding is too.
#[inline(always)]
pub fn musl_tanh(x: f32) -> f32 {
    let ln2_hi: f32 = f32::from_bits(0x3f31_7180); // 6.9313812256e-01
    let ln2_lo: f32 = f32::from_bits(0x3717_f7d1); // 9.0580006145e-06
    let inv_ln2: f32 = f32::from_bits(0x3fb8_aa3b); // 1.4426950216e+00
    let q1: f32 = f32::from_bits(0xbd08_8868); // -3.3333212137e-2
    let q2: f32 = f32::from_bits(0x3acf_3010); // 1.5807170421e-3
    let ix = x.to_bits();
    let w = ix & 0x7fff_ffff;
    let ax = f32::from_bits(w);
    // tanhf's three ranges for |x| ≤ 10, each through expm1f(a):
    //   |x| > log(3)/2: 1 − 2/(t + 2) with a = 2|x|;  |x| > log(5/3)/2: t/(t + 2), a = 2|x|;
    //   otherwise −t/(t + 2) with a = −2|x|.
    let big = w > 0x3f0c_9f54;
    let mid = w > 0x3e82_c578;
    let a = if mid { 2.0 * ax } else { -2.0 * ax };
    // expm1f(a), with a in (−0.52, 20]: its argument reduction a = k ln2 + r.
    let ha = a.to_bits() & 0x7fff_ffff;
    let k: i32 = if ha <= 0x3eb1_7218 {
        0
    } else if ha < 0x3f85_1592 {
        if a < 0.0 {
            -1
        } else {
            1
        }
    } else {
        (inv_ln2 * a + 0.5) as i32 // a > 0 here
    };
    let t = k as f32;
    let hi = a - t * ln2_hi;
    let lo = t * ln2_lo;
    let r = hi - lo;
    let c = (hi - r) - lo;
    let hfx = 0.5 * r;
    let hxs = r * hfx;
    let r1 = 1.0 + hxs * (q1 + hxs * q2);
    let tt = 3.0 - r1 * hfx;
    let e0 = hxs * ((r1 - tt) / (6.0 - r * tt));
    let e = r * (e0 - c) - c - hxs;
    let kk = k.clamp(1, 29) as u32;
    let twopk = f32::from_bits((0x7f + kk) << 23);
    let uf = f32::from_bits((0x7f - kk) << 23);
    let em1 = if k == 0 {
        r - (r * e0 - hxs)
    } else if k == -1 {
        0.5 * (r - e) - 0.5
    } else if k == 1 {
        if r < -0.25 {
            -2.0 * (e - (r + 0.5))
        } else {
            1.0 + 2.0 * (r - e)
        }
    } else if k < 23 {
        (r - e + (1.0 - uf)) * twopk
    } else {
        (r - (e + uf) + 1.0) * twopk
    };
    let em1 = if ha < 0x3300_0000 { a } else { em1 }; // |a| < 2⁻²⁵: expm1f(a) = a
                                                      // One division for the three cases: 1 − 2/(t + 2), t/(t + 2), −t/(t + 2) = −(t/(t + 2)).
    let q = (if big { 2.0 } else { em1 }) / (em1 + 2.0);
    let y = if w > 0x4120_0000 {
        1.0 + 0.0 / ax // |x| > 10 (or NaN)
    } else if big {
        1.0 - q
    } else if mid {
        q
    } else if w >= 0x0080_0000 {
        -q
    } else {
        ax // subnormal or zero
    };
    f32::from_bits(y.to_bits() | (ix & 0x8000_0000))
}

/// tanh for pictures only (the boundary and the neuron heatmaps): Eigen's rational
/// approximation (`generic_fast_tanh_float`), x·P(x²)/Q(x²) on x clamped to ±7.905,
/// with one division and no branches, several times cheaper than `musl_tanh`.
/// Within 4e-7 of tanh (`fast_tanh_is_within_4e-7`), far below what a colour can
/// show; training and every loss use the exact `tanh`, so no result changes.
#[inline(always)]
pub fn fast_tanh(x: f32) -> f32 {
    const CLAMP: f32 = 7.905_311;
    let c = x.clamp(-CLAMP, CLAMP);
    let x2 = c * c;
    let mut p = x2 * -2.760_768_5e-16 + 2.000_188e-13;
    p = x2 * p + -8.604_672e-11;
    p = x2 * p + 5.122_297e-8;
    p = x2 * p + 1.485_722_4e-5;
    p = x2 * p + 6.372_619_3e-4;
    p = x2 * p + 4.893_524_6e-3;
    p *= c;
    let mut q = x2 * 1.198_258_4e-6 + 1.185_347_1e-4;
    q = x2 * q + 2.268_434_7e-3;
    q = x2 * q + 4.893_525e-3;
    // Near 0 this is x·(1 − 1.3e-7): no special case needed (zeros keep their sign,
    // and NaN stays NaN through the clamp).
    p / q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_tanh_is_within_4e_7() {
        let mut worst = 0.0f64;
        for k in -2_000_000..=2_000_000 {
            let x = k as f32 * 1e-5;
            let err = (f64::from(fast_tanh(x)) - f64::from(x).tanh()).abs();
            worst = worst.max(err);
        }
        assert!(worst < 4e-7, "max error {worst}");
        assert_eq!((fast_tanh(30.0), fast_tanh(-30.0)), (1.0, -1.0));
        assert_eq!(fast_tanh(-0.0).to_bits(), (-0.0f32).to_bits());
        assert!(fast_tanh(f32::NAN).is_nan());
    }

    /// (Checked bit for bit against the `libm` crate's `tanhf` on all 2³² inputs.)
    #[test]
    fn musl_tanh_is_within_two_ulp_of_tanh() {
        for k in -200_000..=200_000 {
            let x = k as f32 * 1e-4;
            let exact = (x as f64).tanh();
            let got = musl_tanh(x);
            let two_ulp = 2.0 * f64::from(f32::EPSILON) * exact.abs().max(f64::from(f32::MIN_POSITIVE));
            assert!(
                (f64::from(got) - exact).abs() <= two_ulp,
                "tanh({x}) = {got}, exact {exact}"
            );
        }
        assert_eq!(musl_tanh(0.0).to_bits(), 0);
        assert_eq!(musl_tanh(-0.0).to_bits(), (-0.0f32).to_bits());
        assert_eq!(musl_tanh(1e-40), 1e-40);
        assert_eq!((musl_tanh(30.0), musl_tanh(-30.0)), (1.0, -1.0));
        assert!(musl_tanh(f32::NAN).is_nan());
    }
}
