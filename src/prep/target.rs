//! The target column as labels: a class index per row (classes in order of
//! their value or level) or the number itself for regression; `None` where missing.

use super::{first_not_number, Strays, MAX_CLASSES};
use crate::dataset::Problem;
use crate::import_error::ImportError;
use crate::table::{Column, ColumnKind, MISSING_CODE};

/// (label per data row, class names); errors say which row and column.
pub(super) fn labels(
    target: &Column,
    task: Problem,
    strays: Strays,
    file_row: impl Fn(usize) -> usize,
) -> Result<(Vec<Option<f32>>, Vec<String>), ImportError> {
    let labelled = match (task, target.kind) {
        (_, ColumnKind::Empty) => {
            return Err(ImportError::EmptyColumn {
                column: target.name.clone(),
            })
        }
        (_, ColumnKind::Numeric) if target.not_numbers > 0 && strays == Strays::Stop => {
            return Err(first_not_number(target))
        }
        (Problem::Regression, ColumnKind::Numeric) => (
            target.values.iter().map(|v| v.is_finite().then_some(*v)).collect(),
            Vec::new(),
        ),
        (Problem::Regression, ColumnKind::Categorical) => {
            let (row, value) = target
                .codes
                .iter()
                .enumerate()
                .find(|(_, &c)| c != MISSING_CODE)
                .map(|(r, &c)| (file_row(r), target.levels[c as usize].clone()))
                .unwrap_or_default();
            return Err(ImportError::NotANumber {
                row,
                column: target.name.clone(),
                value,
            });
        }
        (Problem::Classification, ColumnKind::Numeric) => {
            let mut distinct: Vec<f32> = target.values.iter().copied().filter(|v| v.is_finite()).collect();
            distinct.sort_unstable_by(f32::total_cmp);
            distinct.dedup();
            if distinct.len() > MAX_CLASSES {
                return Err(ImportError::TooManyClasses {
                    column: target.name.clone(),
                    distinct: target.summary().distinct,
                    limit: MAX_CLASSES,
                });
            }
            let labels = target
                .values
                .iter()
                .map(|v| {
                    v.is_finite()
                        .then(|| distinct.iter().position(|d| d == v).unwrap_or(0) as f32)
                })
                .collect();
            (labels, distinct.iter().map(|d| d.to_string()).collect())
        }
        (Problem::Classification, ColumnKind::Categorical) => {
            // Labels that differ only by case are one class ("yes", "Yes"; cells are
            // already trimmed), named by their most frequent spelling.
            let mut keys: Vec<String> = Vec::new();
            let mut names: Vec<(String, usize)> = Vec::new();
            let mut class_of_level = Vec::with_capacity(target.levels.len());
            for (level, n) in target.level_counts() {
                let key = level.to_ascii_lowercase();
                match keys.iter().position(|k| *k == key) {
                    Some(k) => {
                        if n > names[k].1 {
                            names[k] = (level, n);
                        }
                        class_of_level.push(k);
                    }
                    None => {
                        keys.push(key);
                        names.push((level, n));
                        class_of_level.push(keys.len() - 1);
                    }
                }
            }
            if keys.len() > MAX_CLASSES {
                return Err(ImportError::TooManyClasses {
                    column: target.name.clone(),
                    distinct: keys.len(),
                    limit: MAX_CLASSES,
                });
            }
            (
                target
                    .codes
                    .iter()
                    // A code past the table's level cap has no class (never within the class limit).
                    .map(|&c| class_of_level.get(c as usize).map(|&k| k as f32))
                    .collect(),
                names.into_iter().map(|(name, _)| name).collect(),
            )
        }
    };
    Ok(labelled)
}
