//! Reading CSV text: detection, types, errors, arbitrary bytes.

use super::*;

fn read_str(s: &str) -> Result<Table, ImportError> {
    read(s.as_bytes(), ReadOptions::default())
}

#[test]
fn comma_header_and_types() {
    let t = read_str("x,y,label\n1,2.5,a\n-3,4e1,b\n0.5,,a\n").unwrap();
    assert_eq!((t.delimiter, t.has_header, t.rows), (b',', true, 3));
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["x", "y", "label"]);
    assert_eq!(t.columns[0].kind, ColumnKind::Numeric);
    assert_eq!(t.columns[0].values, vec![1.0, -3.0, 0.5]);
    assert_eq!(t.columns[1].missing, 1);
    assert_eq!(t.columns[2].kind, ColumnKind::Categorical);
    assert_eq!(t.columns[2].levels, vec!["a", "b"]);
    assert_eq!(
        t.columns[2].level_counts(),
        vec![("a".to_string(), 2), ("b".to_string(), 1)]
    );
    let s = t.columns[0].summary();
    assert_eq!((s.min, s.max, s.mean, s.distinct), (-3.0, 1.0, -0.5, 3));
}

#[test]
fn semicolon_and_tab_are_detected() {
    assert_eq!(read_str("a;b\n1,5;2\n3;4\n").unwrap().delimiter, b';');
    assert_eq!(read_str("a\tb\tc\n1\t2\t3\n").unwrap().delimiter, b'\t');
}

#[test]
fn no_header_when_the_first_row_is_numbers() {
    let t = read_str("1,2\n3,4\n").unwrap();
    assert!(!t.has_header);
    assert_eq!(t.rows, 2);
    assert_eq!(t.columns[1].name, "column 2");
    let forced = read(
        "1,2\n3,4\n".as_bytes(),
        ReadOptions {
            has_header: Some(true),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(forced.columns[0].name, "1");
}

#[test]
fn quoting_crlf_and_bom() {
    let t = read(
        "\u{feff}name,\"note, with comma\"\r\n\"O\"\"Brien\",\"line\nbreak\"\r\n".as_bytes(),
        ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(t.columns[0].name, "name");
    assert_eq!(t.columns[1].name, "note, with comma");
    assert_eq!(t.columns[0].levels, vec!["O\"Brien"]);
    assert_eq!(t.columns[1].levels, vec!["line\nbreak"]);
}

#[test]
fn semicolon_files_may_use_decimal_commas() {
    let t = read_str("a;b\n5,1;2\n-0,5;3\n").unwrap();
    assert_eq!(t.columns[0].values, vec![5.1, -0.5]);
    // In comma files a comma is always a delimiter.
    assert_eq!(read_str("a,b\n1,2\n").unwrap().columns.len(), 2);
}

#[test]
fn ragged_rows_say_where() {
    let e = read_str("a,b,c\n1,2,3\n1,2\n").unwrap_err();
    assert_eq!(e.to_string(), "row 3 has 2 fields, expected 3");
}

#[test]
fn missing_markers_and_odd_numbers() {
    let t = read_str("v\n1\nNA\nn/a\n?\n2\n").unwrap();
    assert_eq!(t.columns[0].missing, 3);
    assert_eq!(t.columns[0].kind, ColumnKind::Numeric);
    let t = read_str("v\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\nabc\n").unwrap();
    let c = &t.columns[0];
    assert_eq!((c.kind, c.not_numbers), (ColumnKind::Numeric, 1));
    assert_eq!(c.strays, vec![(23, "abc".to_string())]);
}

#[test]
fn empty_and_blank_inputs_are_errors() {
    assert_eq!(read_str("").unwrap_err(), ImportError::Empty);
    assert_eq!(read_str(" \n\n").unwrap_err(), ImportError::Empty);
    assert_eq!(read_str("a,b\n").unwrap_err(), ImportError::NoRows);
}

#[test]
fn invalid_utf8_says_where() {
    let e = read(b"a,b\n1,\xff\xfe\n", ReadOptions::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 2, column 2 is not UTF-8 text (save the file as UTF-8)"
    );
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #[test]
    fn arbitrary_bytes_give_a_table_or_an_error(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let _ = read(&bytes, ReadOptions::default());
    }

    #[test]
    fn csv_like_text_gives_a_table_or_an_error(s in "[a-c0-9,;\t\"\r\n. -]{0,300}") {
        if let Ok(t) = read(s.as_bytes(), ReadOptions::default()) {
            proptest::prop_assert!(t.rows > 0);
            for c in &t.columns {
                proptest::prop_assert!(c.values.len() == t.rows || c.codes.len() == t.rows);
            }
        }
    }
}

#[test]
fn a_metadata_line_of_another_width_is_skipped() {
    // As some dataset packages ship a file: a line with counts and class names first.
    let t = read_str("150,4,setosa,versicolor,virginica,extra\nsepal,petal,species\n5.1,1.4,setosa\n7.0,4.7,versicolor\n6.3,6.0,virginica\n").unwrap();
    assert_eq!(t.skipped, 1);
    assert!(t.has_header);
    assert_eq!(t.columns[2].name, "species");
    assert_eq!(t.rows, 3);
}

#[test]
fn a_line_of_numbers_before_the_header_is_skipped_even_at_the_same_width() {
    let t = read_str("3,2,yes\nage,income,bought\n31,57000,yes\n45,32000,no\n28,41000,yes\n").unwrap();
    assert_eq!(t.skipped, 1);
    assert_eq!(t.columns[0].name, "age");
    assert_eq!(
        t.columns[0].kind,
        ColumnKind::Numeric,
        "no stray word in a numeric column"
    );
    assert_eq!(t.rows, 3);
}

#[test]
fn skipping_is_detected_only_when_needed_and_can_be_chosen() {
    assert_eq!(read_str("a,b\n1,2\n3,4\n").unwrap().skipped, 0);
    assert_eq!(
        read_str("1,2\n3,4\n5,6\n").unwrap().skipped,
        0,
        "numbers throughout: data, not metadata"
    );
    let chosen = read(
        "title line\nnotes\nx,y\n1,2\n3,4\n".as_bytes(),
        ReadOptions {
            skip: Some(2),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        (chosen.skipped, chosen.columns[0].name.as_str(), chosen.rows),
        (2, "x", 2)
    );
    let none = read(
        "x,y\n1,2\n".as_bytes(),
        ReadOptions {
            skip: Some(5),
            has_header: Some(true),
            ..Default::default()
        },
    );
    assert!(
        none.is_err(),
        "skipping every line leaves no rows: an error, not a panic"
    );
}

#[test]
fn numbers_written_for_people_are_numbers() {
    let t = read_str("income,price,note\n\"57,500\",$12,a\n\"1,234,567.5\",12 €,b\n800,\"$1,000\",c\n").unwrap();
    assert_eq!(t.columns[0].kind, ColumnKind::Numeric);
    assert_eq!(t.columns[0].values, [57_500.0, 1_234_567.5, 800.0]);
    assert_eq!(t.columns[1].values, [12.0, 12.0, 1000.0]);
    // Not groups of three: still text ("1,5" is no thousand-grouped number in a comma file).
    let odd = read_str("x,y\n\"1,5\",1\n\"2,55\",2\n\"3,5\",3\n").unwrap();
    assert_eq!(odd.columns[0].kind, ColumnKind::Categorical);
    // Semicolon files: decimal commas, and dots group thousands.
    let eu = read_str("a;b\n\"57.500,25\";1\n2,5;2\n").unwrap();
    assert_eq!(eu.columns[0].values, [57_500.25, 2.5]);
}

#[test]
fn a_metadata_line_of_the_same_width_with_text_over_numbers_is_skipped() {
    // scikit-learn's iris.csv: rows, columns and class names, then rows of numbers.
    let t = read(
        b"150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,2\n",
        ReadOptions::default(),
    )
    .unwrap();
    assert_eq!((t.skipped, t.rows, t.has_header), (1, 4, false));
    assert!(t
        .columns
        .iter()
        .all(|c| c.kind == ColumnKind::Numeric && c.not_numbers == 0));
    // One stray word in the first data row is data, not a metadata line.
    let t = read(b"a,b,c\n1,x,3\n4,5,6\n7,8,9\n", ReadOptions::default()).unwrap();
    assert_eq!((t.skipped, t.rows), (0, 3));
    let t = read(b"1,x,3\n4,5,6\n7,8,9\n", ReadOptions::default()).unwrap();
    assert_eq!(t.skipped, 0);
}
