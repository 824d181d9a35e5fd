//! What `prepare` fitted on the training rows besides the scaling, recovered
//! for exports that replay the pipeline elsewhere (Export → NumPy): each mapped
//! column's fill-in value and each input's clip bounds. The same functions on
//! the same training rows in the same order give `prepare`'s own values, bit
//! for bit; they stay out of `Prepared` so that the page's first download does
//! not carry them.

use super::{columns, fill_value, mean_std, most_frequent_code, prepare, Mapping, Prepared, Scaling};
use crate::import_error::ImportError;
use crate::table::{ColumnKind, Table};

#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    /// The fill-in value of each mapped feature column, in the mapping's order:
    /// a number, or a one-hot column's level code.
    pub fills: Vec<f32>,
    /// (low, high) of each network input when outliers are clipped (one-hot
    /// inputs are not: (−∞, ∞)).
    pub clips: Option<Vec<(f32, f32)>>,
}

/// The fitted values of `p`, which `prepare(table, m)` gave.
pub fn fitted(table: &Table, m: &Mapping, p: &Prepared) -> Result<Fitted, ImportError> {
    let columns = columns(table, m);
    let header = table.skipped + usize::from(table.has_header);
    // Split rows are file rows (`Table::file_row`): back to data rows, in training order.
    let train_rows: Vec<usize> = p.train.rows.iter().map(|&r| r - 1 - header).collect();
    let mapped = |f: usize| {
        columns.get(f).ok_or(ImportError::NoSuchColumn {
            name: format!("#{}", f + 1),
        })
    };
    let mut fills = Vec::with_capacity(m.features.len());
    let mut numeric = Vec::new();
    for &f in &m.features {
        let c = mapped(f)?;
        if c.kind == ColumnKind::Categorical {
            fills.push(most_frequent_code(c, &train_rows) as f32);
            numeric.resize(numeric.len() + c.levels.len(), false);
        } else {
            let mut v: Vec<f32> = train_rows
                .iter()
                .map(|&r| c.values[r])
                .filter(|v| v.is_finite())
                .collect();
            fills.push(fill_value(&mut v, m.missing));
            numeric.push(true);
        }
    }
    let clips = match m.clip_sigma {
        None => None,
        Some(k) => {
            // The training inputs filled in, neither clipped nor scaled: what the bounds are fitted on.
            let plain = prepare(
                table,
                &Mapping {
                    clip_sigma: None,
                    scaling: Scaling::None,
                    ..m.clone()
                },
            )?;
            let n = plain.n_features();
            let bounds = (0..n)
                .map(|j| {
                    if numeric.get(j) == Some(&true) {
                        let (mean, std) = mean_std(plain.train.x.iter().skip(j).step_by(n).copied());
                        (mean - k * std, mean + k * std)
                    } else {
                        (f32::NEG_INFINITY, f32::INFINITY)
                    }
                })
                .collect();
            Some(bounds)
        }
    };
    Ok(Fitted { fills, clips })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Problem;
    use crate::prep::{Missing, Strays};
    use crate::table::{read, ReadOptions, MISSING_CODE};

    /// Every prepared input rebuilt from the file's cells with the fitted values
    /// (fill, clip, then the scaling) is the prepared input, bit for bit.
    #[test]
    fn the_fitted_values_rebuild_every_prepared_input() {
        let mut csv = String::from("a,b,c,y\n");
        for k in 0..90u32 {
            let a = if k % 7 == 3 {
                "NA".to_string()
            } else {
                format!("{}", (k * 37 % 101) as f32 / 7.0)
            };
            let b = ["red", "green", "", "blue"][(k * 5 % 4) as usize];
            let c = if k % 11 == 0 {
                "?".to_string()
            } else {
                format!("{}", k * k % 50)
            };
            csv.push_str(&format!("{a},{b},{c},{}\n", ["p", "q", "r"][(k % 3) as usize]));
        }
        let table = read(csv.as_bytes(), ReadOptions::default()).unwrap();
        for missing in Missing::ALL {
            for clip_sigma in [None, Some(1.2)] {
                let m = Mapping {
                    features: vec![0, 1, 2],
                    target: 3,
                    task: Problem::Classification,
                    missing,
                    scaling: Scaling::Standard,
                    clip_sigma,
                    train_percent: 60,
                    validation_percent: 10,
                    seed: 4,
                    strays: Strays::Missing,
                    kinds: Vec::new(),
                };
                let p = prepare(&table, &m).unwrap();
                let f = fitted(&table, &m, &p).unwrap();
                let n = p.n_features();
                for s in [&p.train, &p.validation, &p.test] {
                    for (k, x) in s.x.chunks_exact(n).enumerate() {
                        let r = s.rows[k] - 2;
                        let (a, b, c) = (&table.columns[0], &table.columns[1], &table.columns[2]);
                        let or = |v: f32, fill: f32| if v.is_finite() { v } else { fill };
                        let code = if b.codes[r] == MISSING_CODE {
                            f.fills[1] as u32
                        } else {
                            b.codes[r]
                        };
                        let mut raw = vec![or(a.values[r], f.fills[0])];
                        raw.extend((0..b.levels.len() as u32).map(|l| f32::from(u8::from(l == code))));
                        raw.push(or(c.values[r], f.fills[2]));
                        for (j, v) in raw.iter_mut().enumerate() {
                            if let Some(clips) = &f.clips {
                                *v = v.clamp(clips[j].0, clips[j].1);
                            }
                            *v = p.feature_scaling[j].apply(*v);
                        }
                        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                        assert_eq!(bits(&raw), bits(x), "{missing:?} {clip_sigma:?} row {}", s.rows[k]);
                    }
                }
            }
        }
    }
}
