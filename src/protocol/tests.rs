//! Every message survives the trip through bytes; the format is pinned by
//! hand-written bytes (postcard: varint variant index, then the fields in order);
//! bytes that are not a message give an error, never a panic.

use super::*;
use crate::importer::ColumnInfo;
use crate::metrics::Metrics;

fn request() -> MappingRequest {
    MappingRequest {
        features: vec![0, 2],
        target: 3,
        task: crate::dataset::Problem::Classification,
        missing: crate::prep::Missing::Median,
        scaling: crate::prep::Scaling::Standard,
        train_percent: 70,
        seed: 7,
        clip_sigma: 3.5,
        validation_percent: 10,
        strays: crate::prep::Strays::Stop,
        kinds: vec![(1, crate::table::ColumnKind::Categorical)],
        row_names: Some(0),
    }
}

fn to_worker_all() -> Vec<ToWorker> {
    vec![
        ToWorker::Configure {
            hash: "#seed=1&data=spiral".into(),
            run: 300,
        },
        ToWorker::Reset { run: 2 },
        ToWorker::Play,
        ToWorker::Pause,
        ToWorker::Step,
        ToWorker::Ack,
        ToWorker::SetWeight {
            layer: 1,
            to: 2,
            from: 3,
            value: -0.25,
        },
        ToWorker::SetBias {
            layer: 0,
            neuron: 5,
            value: f32::MIN_POSITIVE,
        },
        ToWorker::Resume {
            params: vec![0.5, -1.0, f32::MAX],
            epoch: 1e15,
        },
        ToWorker::Ping,
        ToWorker::CheckMapping { request: request() },
        ToWorker::UseCsv {
            request: request(),
            axes: (1, 0),
        },
        ToWorker::Projection,
    ]
}

fn from_worker_all() -> Vec<FromWorker> {
    let column = ColumnInfo {
        name: "petal, width".into(),
        kind: crate::table::ColumnKind::Numeric,
        min: -1.0,
        max: 2.5,
        mean: 0.75,
        missing: 3,
        distinct: 40,
        levels: vec![("a".into(), 1)],
        suggested_task: crate::dataset::Problem::Regression,
    };
    vec![
        FromWorker::Ready {
            protocol: PROTOCOL_VERSION,
        },
        FromWorker::Stopped {
            message: "loss is NaN at epoch 12".into(),
        },
        FromWorker::Finished {
            message: "early stopping".into(),
        },
        FromWorker::Error {
            message: "é ✓".into()
        },
        FromWorker::Pong,
        FromWorker::ImportProgress { fraction: 0.5 },
        FromWorker::TableRead {
            info: TableInfo {
                delimiter: b';',
                skipped: 1,
                has_header: true,
                rows: 100_000,
                columns: vec![column],
                preview: vec![vec!["1".into(), "".into()]],
                suggested_target: 0,
                target_why: "named like a label".into(),
                identifier: Some(1),
                left_out: vec![(1, "an identifier".into())],
            },
        },
        FromWorker::ImportFailed {
            message: "row 3, column 2".into(),
        },
        FromWorker::MappingChecked {
            report: MappingReport {
                n_features: 2,
                feature_names: vec!["x".into(), "y".into()],
                train_rows: 70,
                test_rows: 30,
                classes: vec![("yes".into(), 35), ("no".into(), 35)],
                dropped_missing_target: 1,
                dropped_missing_features: 0,
                imputed: vec![("x".into(), 4)],
                clipped: 2,
                strays: vec![crate::prep::StrayValues {
                    column: "age".into(),
                    count: 1,
                    first: vec![(17, "forty".into())],
                }],
            },
        },
        FromWorker::Projection {
            points: vec![0.0, 1.0, -1.0, 0.5],
        },
        FromWorker::CsvInUse {
            info: CsvInfo {
                feature_names: vec!["a".into()],
                classes: vec![],
                axes: (0, 0),
                x_range: (-1.0, 1.0),
                y_range: (0.0, 2.0),
                x_units: (1.0, 2.0),
                y_units: (3.0, 4.0),
                points: vec![1.0; 8],
            },
            hash: "#data=csv".into(),
        },
    ]
}

#[test]
fn every_message_round_trips() {
    for m in to_worker_all() {
        assert_eq!(from_bytes::<ToWorker>(&to_bytes(&m)), Ok(m));
    }
    for m in from_worker_all() {
        assert_eq!(from_bytes::<FromWorker>(&to_bytes(&m)), Ok(m));
    }
}

#[test]
fn snapshot_headers_round_trip_with_both_kinds_of_metrics() {
    let header = SnapshotHeader {
        run: 9,
        epoch: 123456.0,
        train_loss: 0.125,
        test_loss: f32::NAN,
        state: RunState::Playing,
        sizes: vec![2, 4, 2, 1],
        train_metrics: Metrics::Classification {
            accuracy: 0.75,
            precision: 0.5,
            recall: 1.0,
            f1: 2.0 / 3.0,
            confusion: vec![1, 2, 3, 4],
            k: 2,
        },
        test_metrics: Metrics::Regression {
            mse: 0.25,
            mae: 0.5,
            r2: -1.0,
        },
        learning_rate: 0.03,
    };
    let back: SnapshotHeader = from_bytes(&to_bytes(&header)).unwrap();
    assert!(back.test_loss.is_nan());
    assert_eq!(
        SnapshotHeader { test_loss: 0.0, ..back },
        SnapshotHeader {
            test_loss: 0.0,
            ..header
        }
    );
}

#[test]
fn the_format_is_the_documented_one() {
    // Variant 0, the string's length 19 then its bytes, then 300 as a varint (0xac 0x02).
    let mut configure = vec![0, 19];
    configure.extend_from_slice(b"#seed=1&data=spiral");
    configure.extend_from_slice(&[0xac, 0x02]);
    assert_eq!(to_bytes(&to_worker_all()[0]), configure);
    assert_eq!(to_bytes(&ToWorker::Play), vec![2]);
    // Variant 6, three varints, then the f32 little-endian.
    let mut set_weight = vec![6, 1, 2, 3];
    set_weight.extend_from_slice(&(-0.25f32).to_le_bytes());
    assert_eq!(to_bytes(&to_worker_all()[6]), set_weight);
    assert_eq!(to_bytes(&FromWorker::Ready { protocol: 4 }), vec![0, 4]);
}

#[test]
fn bytes_that_are_no_message_are_an_error_that_says_how_many() {
    // Variant 200 does not exist.
    let err = from_bytes::<ToWorker>(&[200, 1]).unwrap_err();
    assert!(err.starts_with("2 bytes do not form a message"), "{err}");
    // Cut short inside a string.
    let mut cut = to_bytes(&to_worker_all()[0]);
    cut.truncate(5);
    assert!(from_bytes::<ToWorker>(&cut).is_err());
    assert!(from_bytes::<FromWorker>(&[]).is_err());
    // A string that is not UTF-8.
    assert!(from_bytes::<FromWorker>(&[1, 2, 0xff, 0xfe]).is_err());
    // Every cut of every message is an error or a shorter message, never a panic.
    for m in to_worker_all() {
        let bytes = to_bytes(&m);
        for n in 0..bytes.len() {
            let _ = from_bytes::<ToWorker>(&bytes[..n]);
        }
    }
}
