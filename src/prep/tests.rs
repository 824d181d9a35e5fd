//! Mapping, cleaning, scaling and splitting, checked by hand.

use super::*;
use crate::table::{read, ReadOptions};

fn table(s: &str) -> Table {
    read(s.as_bytes(), ReadOptions::default()).unwrap()
}

fn mapping(features: Vec<usize>, target: usize, task: Problem) -> Mapping {
    Mapping {
        features,
        target,
        task,
        missing: Missing::Mean,
        scaling: Scaling::None,
        clip_sigma: None,
        train_percent: 50,
        validation_percent: 0,
        seed: 1,
        strays: Strays::Missing,
        kinds: Vec::new(),
    }
}

#[test]
fn suggested_tasks() {
    let t = table("a,b,c,d\n1,0.5,x,1\n2,1.5,y,2\n3,2.5,x,1\n");
    assert_eq!(suggest_task(&t.columns[0]), Problem::Classification);
    assert_eq!(suggest_task(&t.columns[1]), Problem::Regression);
    assert_eq!(suggest_task(&t.columns[2]), Problem::Classification);
}

#[test]
fn missing_values_are_counted_and_filled_from_training_rows() {
    // x: 1, NA, 3, 5, NA, 7 — label alternates so the split is stratified.
    let t = table("x,label\n1,a\nNA,b\n3,a\n5,b\nNA,a\n7,b\n");
    let mut m = mapping(vec![0], 1, Problem::Classification);
    m.train_percent = 60;
    let p = prepare(&t, &m).unwrap();
    assert_eq!(p.report.imputed, vec![("x".to_string(), 2)]);
    let train_values: Vec<f32> = p
        .train
        .rows
        .iter()
        .map(|&r| [1.0, f32::NAN, 3.0, 5.0, f32::NAN, 7.0][r - 2])
        .filter(|v| v.is_finite())
        .collect();
    let mean = train_values.iter().sum::<f32>() / train_values.len() as f32;
    for s in [&p.train, &p.test] {
        for (k, &r) in s.rows.iter().enumerate() {
            if r == 3 || r == 6 {
                assert_eq!(s.x[k], mean, "row {r} filled with the training mean");
            }
        }
    }
    m.missing = Missing::DropRows;
    let p = prepare(&t, &m).unwrap();
    assert_eq!(p.report.dropped_missing_features, 2);
    assert_eq!(p.train.len() + p.test.len(), 4);
    m.missing = Missing::Median;
    assert!(prepare(&t, &m).is_ok());
}

#[test]
fn fill_values_by_hand() {
    assert_eq!(fill_value(&mut [1.0, 2.0, 9.0], Missing::Mean), 4.0);
    assert_eq!(fill_value(&mut [9.0, 1.0, 2.0, 4.0], Missing::Median), 3.0);
    assert_eq!(fill_value(&mut [2.0, 7.0, 7.0, 1.0], Missing::MostFrequent), 7.0);
}

#[test]
fn scaling_is_fitted_on_training_rows_only() {
    let csv: String = std::iter::once("x,y\n".to_string())
        .chain((0..100).map(|i| format!("{},{}\n", i * i, i)))
        .collect();
    let t = table(&csv);
    let mut m = mapping(vec![0], 1, Problem::Regression);
    m.scaling = Scaling::Standard;
    m.train_percent = 70;
    let p = prepare(&t, &m).unwrap();
    let (mean, std) = mean_std(p.train.x.iter().copied());
    assert!(
        mean.abs() < 1e-4 && (std - 1.0).abs() < 1e-4,
        "train is standardised: {mean} {std}"
    );
    let raw_train: Vec<f32> = p.train.rows.iter().map(|&r| ((r - 2) * (r - 2)) as f32).collect();
    let (raw_mean, _) = mean_std(raw_train.into_iter());
    assert!((p.feature_scaling[0].offset - raw_mean).abs() < 1e-2);
    let (test_mean, _) = mean_std(p.test.x.iter().copied());
    assert!(test_mean.abs() > 1e-3, "the test rows are not used for fitting");
    m.scaling = Scaling::MinMax;
    let p = prepare(&t, &m).unwrap();
    let (lo, hi) = p
        .train
        .x
        .iter()
        .fold((f32::MAX, f32::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    assert!((lo + 1.0).abs() < 1e-6 && (hi - 1.0).abs() < 1e-6);
}

#[test]
fn categorical_features_are_one_hot() {
    let t = table("city,size,label\nParis,1,y\nRome,2,n\nParis,3,y\nOslo,4,n\n");
    let p = prepare(&t, &mapping(vec![0, 1], 2, Problem::Classification)).unwrap();
    assert_eq!(p.feature_names, ["city=Paris", "city=Rome", "city=Oslo", "size"]);
    for (k, &r) in p.train.rows.iter().chain(&p.test.rows).enumerate() {
        let s = if k < p.train.len() { &p.train } else { &p.test };
        let i = if k < p.train.len() { k } else { k - p.train.len() };
        let row = &s.x[i * 4..(i + 1) * 4];
        let city = ["Paris", "Rome", "Paris", "Oslo"][r - 2];
        let hot = ["Paris", "Rome", "Oslo"].iter().position(|&c| c == city).unwrap();
        assert_eq!(row[hot], 1.0);
        assert_eq!(row[..3].iter().sum::<f32>(), 1.0);
    }
}

#[test]
fn stratified_split_keeps_class_proportions() {
    let csv: String = std::iter::once("x,label\n".to_string())
        .chain((0..200).map(|i| format!("{i},{}\n", if i % 4 == 0 { "rare" } else { "common" })))
        .collect();
    let t = table(&csv);
    let mut m = mapping(vec![0], 1, Problem::Classification);
    m.train_percent = 60;
    m.validation_percent = 20;
    let p = prepare(&t, &m).unwrap();
    assert_eq!((p.train.len(), p.validation.len(), p.test.len()), (120, 40, 40));
    let rare = |s: &Split| s.y.iter().filter(|&&y| p.classes[y as usize] == "rare").count();
    assert_eq!((rare(&p.train), rare(&p.validation), rare(&p.test)), (30, 10, 10));
    // Same seed, same split.
    assert_eq!(prepare(&t, &m).unwrap(), p);
}

#[test]
fn errors_name_the_place() {
    let t = table("age,label\n31,a\n42,b\nforty,a\n33,b\n34,a\n35,b\n36,a\n37,b\n38,a\n39,b\n40,a\n41,b\n43,a\n44,b\n45,a\n46,b\n47,a\n48,b\n49,a\n50,b\n51,a\n");
    let mut m = mapping(vec![0], 1, Problem::Classification);
    m.strays = Strays::Stop;
    let e = prepare(&t, &m).unwrap_err();
    assert_eq!(e.to_string(), "row 4, column 'age': 'forty' is not a number");
    let labels: String = std::iter::once("x,label\n".to_string())
        .chain((0..30).map(|i| format!("{i},L{i}\n")))
        .collect();
    let e = prepare(&table(&labels), &mapping(vec![0], 1, Problem::Classification)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "column 'label' has 30 distinct values; at most 16 classes"
    );
    let e = prepare(&table("x,y\n1,2\n"), &mapping(vec![], 1, Problem::Regression)).unwrap_err();
    assert_eq!(e, ImportError::NoFeatures);
    let e = prepare(&table("x,y\n1,2\n"), &mapping(vec![1], 1, Problem::Regression)).unwrap_err();
    assert_eq!(e.to_string(), "column 'y' cannot be both the target and a feature");
}

#[test]
fn clipping_counts_outliers() {
    let csv: String = std::iter::once("x,y\n".to_string())
        .chain((0..99).map(|i| format!("{},{i}\n", i % 3)))
        .chain(std::iter::once("1000,5\n".to_string()))
        .collect();
    let mut m = mapping(vec![0], 1, Problem::Regression);
    m.train_percent = 99;
    m.clip_sigma = Some(3.0);
    let p = prepare(&table(&csv), &m).unwrap();
    assert!(p.report.clipped >= 1);
    assert!(p.train.x.iter().chain(&p.test.x).all(|&v| v < 1000.0));
}

#[test]
fn labels_that_differ_only_by_case_or_spaces_are_one_class() {
    let t = table("x,bought\n1,yes\n2,Yes\n3, no\n4,No\n5,yes\n6,no \n");
    let p = prepare(&t, &mapping(vec![0], 1, Problem::Classification)).unwrap();
    assert_eq!(
        p.classes,
        ["yes", "no"],
        "two classes, each named by its most frequent spelling"
    );
    let all: Vec<f32> = p.train.y.iter().chain(&p.test.y).copied().collect();
    assert_eq!(all.len(), 6);
    assert!(all.iter().all(|&y| y == 0.0 || y == 1.0));
}

#[test]
fn stray_values_are_missing_by_default_and_named_in_the_report() {
    let t = table("age,label\n31,a\n42,b\nforty,a\n33,b\n34,a\n35,b\n36,a\n37,b\n38,a\n39,b\n40,a\n41,b\n43,a\n44,b\n45,a\n46,b\n47,a\n48,b\n49,a\n50,b\n51,a\n");
    let mut m = mapping(vec![0], 1, Problem::Classification);
    m.missing = Missing::DropRows;
    let p = prepare(&t, &m).unwrap();
    assert_eq!(
        p.report.strays,
        vec![StrayValues {
            column: "age".into(),
            count: 1,
            first: vec![(4, "forty".into())]
        }]
    );
    assert_eq!(p.report.dropped_missing_features, 1);
    assert_eq!(p.train.len() + p.test.len(), 20);
    m.missing = Missing::Mean;
    let p = prepare(&t, &m).unwrap();
    assert_eq!(p.report.imputed, vec![("age".to_string(), 1)]);
}

#[test]
fn every_column_that_blocks_a_mapping_is_named_at_once() {
    let mut csv = String::from("a,b,c,d,label\n");
    for r in 0..60 {
        csv.push_str(&format!(
            "{},{},v{r},,{}\n",
            if r == 5 { "x".to_string() } else { r.to_string() },
            r,
            r % 2
        ));
    }
    let mut m = mapping(vec![0, 1, 2, 3], 4, Problem::Classification);
    m.strays = Strays::Stop;
    let e = prepare(&table(&csv), &m).unwrap_err().to_string();
    assert_eq!(
        e,
        "3 problems: (1) row 7, column 'a': 'x' is not a number; (2) column 'c' has 60 distinct values; one-hot encoding takes at most 50; (3) column 'd' has no values"
    );
}

#[test]
fn a_switched_type_reads_text_as_numbers_and_numbers_as_categories() {
    // "size" codes 1–3 read as categories; the dates as days since the first.
    let t = table("size,when,y\n1,2024-01-01,a\n2,2024-01-03,b\n3,2024-01-02,a\n1,2024-01-05,b\n");
    let mut m = mapping(vec![0, 1], 2, Problem::Classification);
    m.train_percent = 90;
    m.kinds = vec![(0, ColumnKind::Categorical), (1, ColumnKind::Numeric)];
    let p = prepare(&t, &m).unwrap();
    assert_eq!(p.feature_names, ["size=1", "size=2", "size=3", "when"]);
    let mut days: Vec<f32> = p.train.x.chunks(4).chain(p.test.x.chunks(4)).map(|r| r[3]).collect();
    days.sort_by(f32::total_cmp);
    assert_eq!(days, [0.0, 1.0, 2.0, 4.0]);
}
