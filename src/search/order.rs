//! The one sort of the search code: every ordering (table columns, pruning
//! thresholds, chart layers, settings) sorts (key, id) pairs through here, so
//! the wasm carries one instance of the sort, not one per comparison.

/// Sorts (key, id) pairs by key, then id; a NaN key sorts last.
pub fn sort(v: &mut [(f64, u32)]) {
    for p in v.iter_mut() {
        if p.0.is_nan() {
            p.0 = f64::INFINITY;
        }
    }
    v.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

/// The indices of `keys` in ascending order of their keys (ties: the earlier first; NaN last).
pub fn argsort(keys: impl Iterator<Item = f64>) -> Vec<usize> {
    let mut v: Vec<(f64, u32)> = keys.enumerate().map(|(i, x)| (x, i as u32)).collect();
    sort(&mut v);
    v.into_iter().map(|p| p.1 as usize).collect()
}

/// The values sorted (ascending, NaN last).
pub fn sorted(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut v: Vec<(f64, u32)> = values.map(|x| (x, 0)).collect();
    sort(&mut v);
    v.into_iter().map(|p| p.0).collect()
}
