//! The mapping proposed for a freshly read table, as a data person would
//! choose it: the target by its name or its values, and columns that would
//! only hurt as features (identifiers, dates, categories with too many values)
//! left out, each with its reason in words. The user can override all of it.

use crate::prep::{suggest_task, ONE_HOT_MAX};
use crate::table::{is_date_column, Column, ColumnKind, Table};

/// Column names that say "this is what to predict" (compared word by word, lower case).
const TARGET_WORDS: [&str; 9] = [
    "label",
    "class",
    "target",
    "species",
    "y",
    "outcome",
    "diagnosis",
    "variety",
    "churn",
];
/// Column names of identifiers.
const ID_WORDS: [&str; 4] = ["id", "index", "key", "uuid"];
/// Classes a proposed target may have (text or whole numbers).
const TARGET_CLASSES: std::ops::RangeInclusive<usize> = 2..=crate::prep::MAX_CLASSES;

#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub target: usize,
    /// Why this target, in one line ("named like a label").
    pub why: String,
    /// Columns left out of the features by default, with the reason.
    pub left_out: Vec<(usize, String)>,
}

fn words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Distinct present values (text case-folded; counted exactly up to
/// `DISTINCT_CAP` for numbers, and where it matters, for few levels, for text).
fn distinct(c: &Column) -> usize {
    match c.kind {
        ColumnKind::Numeric => c.summary().distinct,
        _ if c.levels.len() > 4 * crate::prep::MAX_CLASSES => c.levels.len(),
        _ => (0..c.levels.len())
            .filter(|&i| !c.levels[..i].iter().any(|l| l.eq_ignore_ascii_case(&c.levels[i])))
            .count(),
    }
}

fn whole_numbers(c: &Column) -> bool {
    c.kind == ColumnKind::Numeric && c.values.iter().filter(|v| v.is_finite()).all(|v| v.fract() == 0.0)
}

/// An identifier: whole numbers in increasing order, or named like one with a
/// different value in every row, or text with a different value in every row.
fn is_identifier(c: &Column, rows: usize) -> bool {
    let present = rows - c.missing;
    if present < 10 {
        return false;
    }
    match c.kind {
        ColumnKind::Numeric => {
            let named = words(&c.name).any(|w| ID_WORDS.contains(&w.as_str()));
            let mut v = c.values.iter().filter(|v| v.is_finite());
            let mut last = f32::NEG_INFINITY;
            let increasing = whole_numbers(c) && v.all(|&x| std::mem::replace(&mut last, x) < x);
            // A count up (1001, 1002, …, gaps allowed), not a sorted measurement.
            let s = c.summary();
            let counting = f64::from(s.max - s.min) < 2.0 * present as f64;
            (increasing && counting) || (named && s.distinct >= present.min(crate::table::DISTINCT_CAP))
        }
        ColumnKind::Categorical => c.levels.len() == present,
        ColumnKind::Empty => false,
    }
}

/// Why a column is left out of the features by default, if it is.
fn left_out(c: &Column, rows: usize) -> Option<String> {
    if c.kind == ColumnKind::Empty {
        return Some(crate::t!("why-no-values"));
    }
    if is_date_column(c) {
        return Some(crate::t!("why-dates"));
    }
    if is_identifier(c, rows) {
        return Some(crate::t!("why-identifier"));
    }
    (c.kind == ColumnKind::Categorical && c.levels.len() > ONE_HOT_MAX).then(|| {
        crate::t!(
            "why-too-many-levels",
            n = c.levels.len().to_string(),
            max = ONE_HOT_MAX.to_string()
        )
    })
}

/// The table's identifier column, if it has one (the first): what names a row in downloads.
pub fn identifier(t: &Table) -> Option<usize> {
    t.columns.iter().position(|c| is_identifier(c, t.rows))
}

pub fn propose(t: &Table) -> Proposal {
    let cols = &t.columns;
    let left: Vec<Option<String>> = cols.iter().map(|c| left_out(c, t.rows)).collect();
    let usable = |k: usize| left[k].is_none();
    let last = |f: &dyn Fn(usize, &Column) -> bool| (0..cols.len()).rev().find(|&k| f(k, &cols[k]));
    // (column, why, whether the why says it is a number to predict)
    let (target, why, predicts) = if let Some(k) = last(&|_, c| {
        c.kind != ColumnKind::Empty
            && !is_identifier(c, t.rows)
            && words(&c.name).any(|w| TARGET_WORDS.contains(&w.as_str()))
    }) {
        (k, crate::t!("why-label"), false)
    } else if let Some(k) =
        last(&|k, c| usable(k) && c.kind == ColumnKind::Categorical && TARGET_CLASSES.contains(&distinct(c)))
    {
        (
            k,
            crate::t!("why-text-classes", n = distinct(&cols[k]).to_string()),
            false,
        )
    } else if let Some(k) = last(&|k, c| usable(k) && c.kind == ColumnKind::Numeric) {
        let c = &cols[k];
        let n = distinct(c);
        if whole_numbers(c) && TARGET_CLASSES.contains(&n) {
            (k, crate::t!("why-whole-classes", n = n.to_string()), false)
        } else {
            (k, crate::t!("why-last-numeric"), true)
        }
    } else {
        let k = last(&|_, c| c.kind != ColumnKind::Empty).unwrap_or(0);
        (k, crate::t!("why-last-column"), false)
    };
    let task = cols.get(target).map(suggest_task);
    let why = match task {
        Some(crate::dataset::Problem::Regression) if !predicts => crate::t!("why-predict", why = why),
        _ => why,
    };
    Proposal {
        target,
        why,
        left_out: left
            .into_iter()
            .enumerate()
            .filter(|&(k, _)| k != target)
            .filter_map(|(k, r)| r.map(|r| (k, r)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read, ReadOptions};

    fn table(csv: &str) -> Table {
        read(csv.as_bytes(), ReadOptions::default()).unwrap()
    }

    #[test]
    fn a_column_named_like_a_label_is_the_target_wherever_it_is() {
        let p = propose(&table("species,a,year\nx,1,2001\ny,2,2002\nx,3,2003\n"));
        assert_eq!((p.target, p.why.as_str()), (0, "named like a label"));
    }

    #[test]
    fn else_the_last_text_column_with_few_values_not_a_year() {
        let p = propose(&table("kind,a,year\nx,1,2001\ny,2,2002\nx,3,2003\nz,4,2004\n"));
        assert_eq!(p.target, 0);
        assert_eq!(p.why, "text with 3 values: classes");
    }

    #[test]
    fn identifiers_dates_and_wide_categories_are_left_out_with_reasons() {
        let mut csv = String::from("id,signup,city,age,plan,paid\n");
        for r in 0..60 {
            csv.push_str(&format!(
                "{},2024-01-{:02},c{},{},{},{}\n",
                r + 1,
                r % 28 + 1,
                r % 55,
                20 + r % 40,
                ["basic", "pro", "team"][r % 3],
                ["yes", "No", "no"][r % 3]
            ));
        }
        let p = propose(&table(&csv));
        assert_eq!(p.target, 5, "{p:?}");
        let out: Vec<usize> = p.left_out.iter().map(|l| l.0).collect();
        assert_eq!(out, [0, 1, 2]);
        assert!(p.left_out[1].1.starts_with("dates"));
        assert!(p.left_out[2].1.contains("55 values"), "{:?}", p.left_out[2]);
    }

    #[test]
    fn the_last_number_is_the_target_and_whole_numbers_with_few_values_are_classes() {
        let p = propose(&table("a,b,digit\n0.5,1.5,3\n0.7,2.5,9\n0.1,0.5,3\n"));
        assert_eq!(
            (p.target, p.why.as_str()),
            (2, "the last column; whole numbers with 2 values: classes")
        );
        let p = propose(&table("a,b,price\n0.5,1.5,3.5\n0.7,2.5,9.1\n0.1,0.5,3.2\n"));
        assert_eq!(
            (p.target, p.why.as_str()),
            (2, "the last numeric column: a number to predict")
        );
    }

    #[test]
    fn a_sorted_measurement_is_not_an_identifier() {
        let mut csv = String::from("n,price,y\n");
        for r in 0..40 {
            csv.push_str(&format!("{},{},{}\n", 101 + 2 * r, 20_000 + 297 * r, r % 2));
        }
        let p = propose(&table(&csv));
        assert_eq!(p.left_out.iter().map(|l| l.0).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn the_sample_files_get_their_intended_targets() {
        for (file, target, task) in [
            ("fruit.csv", "fruit", crate::dataset::Problem::Classification),
            ("houses.csv", "price_keur", crate::dataset::Problem::Regression),
            ("moons.csv", "class", crate::dataset::Problem::Classification),
        ] {
            let bytes = std::fs::read(format!("{}/www/samples/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let t = read(&bytes, ReadOptions::default()).unwrap();
            let p = propose(&t);
            assert_eq!(t.columns[p.target].name, target, "{file}: {p:?}");
            assert_eq!(suggest_task(&t.columns[p.target]), task, "{file}");
            assert!(p.left_out.is_empty(), "{file}: {p:?}");
        }
    }
}
