//! The drawn set: its changes, its link value, and training on it.

use super::codec::{decode, encode, DrawError};
use super::*;
use crate::config::Config;
use crate::trainer::Trainer;

fn two_classes() -> Drawn {
    let mut d = Drawn::new(2);
    for (x, y, label) in [(-3.0, -3.0, 0), (-2.5, -3.2, 0), (3.0, 3.0, 1), (2.5, 3.1, 1)] {
        assert!(d.update(Stroke::Add { x, y, label }));
    }
    d
}

#[test]
fn a_click_adds_one_point_in_hundredths_clamped_to_the_picture() {
    let mut d = Drawn::new(3);
    d.update(Stroke::Add {
        x: 1.234,
        y: -9.0,
        label: 2,
    });
    d.update(Stroke::Add {
        x: f32::NAN,
        y: 0.005,
        label: 7,
    });
    assert_eq!(
        d.marks[0],
        Mark {
            x: 123,
            y: -600,
            label: 2
        }
    );
    // A label beyond the classes is the last class; a position that is not a number is the centre.
    assert_eq!(d.marks[1], Mark { x: 0, y: 1, label: 2 });
}

#[test]
fn a_spray_adds_a_few_points_near_the_pointer_the_same_way_every_time() {
    let mut a = Drawn::new(2);
    let mut b = Drawn::new(2);
    for d in [&mut a, &mut b] {
        for k in 0..10 {
            d.update(Stroke::Spray {
                x: 1.0 + k as f32 * 0.1,
                y: -2.0,
                label: 1,
            });
        }
    }
    assert_eq!(a, b);
    assert_eq!(a.marks.len(), 10 * SPRAY_POINTS);
    assert!(a
        .marks
        .iter()
        .all(|m| (m.x - 145).abs() < 200 && (m.y + 200).abs() < 200));
    // Not all on one spot.
    assert!(a.marks.iter().any(|m| m.x != a.marks[0].x));
}

#[test]
fn erase_removes_only_the_points_near_the_pointer_and_clear_removes_all() {
    let mut d = two_classes();
    assert!(d.update(Stroke::Erase { x: -2.8, y: -3.0 }));
    assert_eq!(d.marks.len(), 2);
    assert!(d.marks.iter().all(|m| m.label == 1));
    assert!(!d.update(Stroke::Erase { x: 0.0, y: 0.0 }), "nothing near the centre");
    assert!(d.update(Stroke::Clear));
    assert!(d.marks.is_empty());
    assert!(!d.update(Stroke::Clear));
}

#[test]
fn the_set_stops_at_its_limit() {
    let mut d = Drawn::new(0);
    for i in 0..MAX_POINTS {
        assert!(d.update(Stroke::Add {
            x: (i % 100) as f32 / 10.0 - 5.0,
            y: 0.0,
            label: 200
        }));
    }
    assert!(d.is_full());
    assert!(!d.update(Stroke::Add {
        x: 0.0,
        y: 0.0,
        label: 0
    }));
    assert!(!d.update(Stroke::Spray {
        x: 0.0,
        y: 0.0,
        label: 0
    }));
    assert_eq!(d.marks.len(), MAX_POINTS);
}

#[test]
fn points_are_labelled_as_the_trainer_labels_built_in_sets() {
    let d = two_classes();
    let labels: Vec<f32> = d.points().iter().map(|p| p.label).collect();
    assert_eq!(labels, [-1.0, -1.0, 1.0, 1.0]);
    assert_eq!((d.points()[2].x1, d.points()[2].x2), (3.0, 3.0));
    let mut r = Drawn::new(0);
    r.update(Stroke::Add {
        x: 0.0,
        y: 0.0,
        label: value_label(-0.25),
    });
    r.update(Stroke::Add {
        x: 0.0,
        y: 0.0,
        label: value_label(3.0),
    });
    assert_eq!(r.points().iter().map(|p| p.label).collect::<Vec<_>>(), [-0.25, 1.0]);
    let mut k = Drawn::new(4);
    k.update(Stroke::Add {
        x: 0.0,
        y: 0.0,
        label: 3,
    });
    assert_eq!(k.points()[0].label, 3.0);
    // The shuffle depends on the seed only.
    let many = {
        let mut m = Drawn::new(2);
        (0..50).for_each(|i| {
            m.update(Stroke::Add {
                x: i as f32 / 10.0,
                y: 0.0,
                label: (i % 2) as u8,
            });
        });
        m
    };
    assert_eq!(many.shuffled(7), many.shuffled(7));
    assert_ne!(many.shuffled(7), many.shuffled(8));
}

#[test]
fn the_link_value_round_trips_exactly() {
    let mut d = Drawn::new(5);
    for k in 0..300 {
        d.update(Stroke::Spray {
            x: (k % 24) as f32 / 2.0 - 6.0,
            y: (k / 24) as f32 - 6.0,
            label: (k % 5) as u8,
        });
    }
    d.update(Stroke::Add {
        x: 6.0,
        y: -6.0,
        label: 4,
    });
    let text = encode(&d);
    assert!(text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(decode(&text), Ok(d.clone()));
    // Five characters a point at most, for points sprayed at random.
    assert!(text.len() < 5 * 901, "{} characters", text.len());
    assert_eq!(decode(&encode(&Drawn::new(0))), Ok(Drawn::new(0)));
}

#[test]
fn a_full_set_of_scattered_points_fits_in_a_link() {
    let mut d = Drawn::new(16);
    for i in 0..MAX_POINTS {
        let (a, b) = ((i * 7919) % 1201, (i * 104_729) % 1201);
        d.update(Stroke::Add {
            x: a as f32 / 100.0 - 6.0,
            y: b as f32 / 100.0 - 6.0,
            label: (i % 16) as u8,
        });
    }
    let text = encode(&d);
    assert!(
        text.len() < crate::url::MAX_HASH_BYTES - 2000,
        "{} characters",
        text.len()
    );
    assert_eq!(decode(&text).map(|x| x.marks.len()), Ok(MAX_POINTS));
}

/// Raw bytes as a link value.
fn packed(bytes: &[u8]) -> String {
    crate::embed::pack(bytes)
}

#[test]
fn hostile_values_are_clear_errors() {
    assert_eq!(decode("!!!"), Err(DrawError::Unpack));
    assert_eq!(decode(""), Err(DrawError::Unpack));
    assert_eq!(decode(&packed(&[1, 2])), Err(DrawError::Format), "too short");
    assert_eq!(decode(&packed(&[9, 2, 0, 0])), Err(DrawError::Format), "version 9");
    assert_eq!(decode(&packed(&[1, 1, 0, 0])), Err(DrawError::Format), "one class");
    assert_eq!(decode(&packed(&[1, 17, 0, 0])), Err(DrawError::Format), "17 classes");
    assert_eq!(
        decode(&packed(&[1, 2, 0xff, 0xff])),
        Err(DrawError::Format),
        "65535 points"
    );
    assert_eq!(decode(&packed(&[1, 2, 1, 0, 0, 0])), Err(DrawError::Format), "cut");
    assert_eq!(
        decode(&packed(&[1, 2, 1, 0, 0, 0, 0, 0, 0, 0])),
        Err(DrawError::Format),
        "padded"
    );
    // x = 1201 − 600 = 601: outside.
    assert_eq!(
        decode(&packed(&[1, 2, 1, 0, 0xb1, 0x04, 0, 0, 0])),
        Err(DrawError::Point(1))
    );
    assert_eq!(
        decode(&packed(&[1, 2, 1, 0, 0, 0, 0, 0, 2])),
        Err(DrawError::Point(1)),
        "class 3 of 2"
    );
    assert_eq!(
        decode(&packed(&[1, 0, 1, 0, 0, 0, 0, 0, 201])),
        Err(DrawError::Point(1)),
        "value above 1"
    );
    // Every error names its problem in words.
    assert!(DrawError::Point(7).to_string().contains("point 7 "));
    assert!(DrawError::Format.to_string().contains("2000"));
}

#[test]
fn a_drawn_link_trains_and_replays_the_same_bits() {
    let mut c = Config::default();
    c.drawn = Some(two_classes());
    for k in 0..40 {
        let label = (k % 2) as u8;
        let x = if label == 0 { -3.0 } else { 3.0 };
        c.drawn.as_mut().expect("set").update(Stroke::Spray {
            x,
            y: (k / 2) as f32 * 0.3 - 3.0,
            label,
        });
    }
    let hash = crate::url::encode(&c);
    assert!(hash.starts_with("data=drawn&"), "{hash}");
    let d = crate::url::decode(&hash);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_eq!(d.config, c);
    let run = |c: &Config| {
        let mut t = Trainer::new(c.clone());
        let first = t.losses().0;
        for _ in 0..30 {
            t.train_epoch();
        }
        (first, t.losses(), t.train_points().len() + t.test_points().len())
    };
    let (first, last, n) = run(&c);
    assert_eq!(n, 124);
    assert!(last.0 < first * 0.5, "{first} → {last:?}");
    assert_eq!(run(&d.config).1 .0.to_bits(), last.0.to_bits());
}

#[test]
fn an_empty_drawn_set_trains_without_a_fault() {
    let mut c = Config::default();
    c.drawn = Some(Drawn::new(2));
    let mut t = Trainer::new(c);
    for _ in 0..3 {
        assert!(t.train_epoch().is_none());
    }
}

#[test]
fn regression_and_many_classes_keep_their_task_through_the_link() {
    for classes in [0, 6] {
        let mut c = Config::default();
        let mut d = Drawn::new(classes);
        d.update(Stroke::Add {
            x: 1.0,
            y: 1.0,
            label: 3,
        });
        c.set_dataset(d.problem().default_dataset());
        c.problem = d.problem();
        c.drawn = Some(d);
        let back = crate::url::decode(&crate::url::encode(&c));
        assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        assert_eq!(back.config.classes(), classes);
        assert_eq!(back.config, c);
    }
}

#[test]
fn a_malformed_draw_value_is_named_and_the_default_dataset_is_used() {
    let d = crate::url::decode("data=drawn&draw=AAAA&seed=3");
    assert_eq!(d.config.drawn, None);
    assert_eq!(d.config.dataset, Config::default().dataset);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].key, "draw");
    assert!(d.warnings[0].reason.contains("default dataset"), "{}", d.warnings[0]);
    let missing = crate::url::decode("data=drawn");
    assert!(
        missing.warnings[0].reason.contains("missing"),
        "{}",
        missing.warnings[0]
    );
    // Choosing a dataset leaves the drawn points.
    let mut c = Config::default();
    c.drawn = Some(two_classes());
    c.set_dataset(crate::dataset::DatasetKind::Xor);
    assert_eq!(c.drawn, None);
}
