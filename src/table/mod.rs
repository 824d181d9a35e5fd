//! Reading a CSV file into typed columns: delimiter and header detection,
//! per-column types and summaries. Parsing is the `csv` crate's (RFC 4180
//! quoting, CRLF); this file decides what the cells mean. Arbitrary bytes
//! give a table or an `ImportError` that says where, never a panic.

use crate::import_error::ImportError;
use std::collections::HashMap;

/// Larger inputs are refused with a clear message (the page stays responsive).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
pub const MAX_ROWS: usize = 200_000;
pub const MAX_COLUMNS: usize = 256;
/// Rows shown in the preview table.
pub const PREVIEW_ROWS: usize = 8;
/// Cells that count as missing (compared case-insensitively after trimming).
pub const MISSING_MARKERS: [&str; 8] = ["", "na", "n/a", "nan", "null", "none", "?", "-"];
/// A column is numeric when at least this share of its present cells are numbers.
const NUMERIC_SHARE: f64 = 0.95;
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ColumnKind {
    Numeric,
    Categorical,
    /// Every cell is missing.
    Empty,
}

impl ColumnKind {
    /// The types a user can switch a column to.
    pub const CHOSEN: [ColumnKind; 2] = [Self::Numeric, Self::Categorical];

    /// The URL key (`csvtype=3:number`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Numeric => "number",
            Self::Categorical => "category",
            Self::Empty => "empty",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("kind", self.key())
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::CHOSEN.into_iter().find(|k| k.key() == s)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub kind: ColumnKind,
    /// Numeric value of every row (NaN where missing or not a number); empty for other kinds.
    pub values: Vec<f32>,
    /// Categorical code of every row (`MISSING_CODE` where missing); empty for numeric columns.
    pub codes: Vec<u32>,
    /// Category names, in order of first appearance.
    pub levels: Vec<String>,
    pub missing: usize,
    /// Present cells of a numeric column that are not numbers (stray values),
    /// and the first `STRAYS_NAMED` of them as (file row, text).
    pub not_numbers: usize,
    pub strays: Vec<(usize, String)>,
}

/// Stray values named per column (the rest are counted).
pub const STRAYS_NAMED: usize = 3;

pub const MISSING_CODE: u32 = u32::MAX;

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub min: f32,
    pub max: f32,
    pub mean: f32,
    pub missing: usize,
    /// Distinct present values, counted up to `DISTINCT_CAP` (then "at least").
    pub distinct: usize,
}

pub const DISTINCT_CAP: usize = 1000;

impl Column {
    pub fn summary(&self) -> Summary {
        match self.kind {
            ColumnKind::Numeric => {
                let present = self.values.iter().filter(|v| v.is_finite());
                let (mut min, mut max, mut sum, mut n) = (f32::INFINITY, f32::NEG_INFINITY, 0.0f64, 0usize);
                let mut seen = std::collections::HashSet::new();
                for &v in present {
                    min = min.min(v);
                    max = max.max(v);
                    sum += f64::from(v);
                    n += 1;
                    if seen.len() < DISTINCT_CAP {
                        seen.insert(v.to_bits());
                    }
                }
                Summary {
                    min,
                    max,
                    mean: if n > 0 { (sum / n as f64) as f32 } else { f32::NAN },
                    missing: self.missing,
                    distinct: seen.len(),
                }
            }
            _ => Summary {
                min: f32::NAN,
                max: f32::NAN,
                mean: f32::NAN,
                missing: self.missing,
                distinct: self.levels.len(),
            },
        }
    }

    /// Row counts of each level (categorical) or each distinct value (numeric, up to `cap`).
    pub fn level_counts(&self) -> Vec<(String, usize)> {
        let mut counts = vec![0usize; self.levels.len()];
        for &c in &self.codes {
            if c != MISSING_CODE {
                counts[c as usize] += 1;
            }
        }
        self.levels.iter().cloned().zip(counts).collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub delimiter: u8,
    pub has_header: bool,
    pub columns: Vec<Column>,
    pub rows: usize,
    /// The first rows as text, for the preview.
    pub preview: Vec<Vec<String>>,
    /// Leading lines left out before the table (metadata lines, a title).
    pub skipped: usize,
}

/// Overrides of what detection would choose.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ReadOptions {
    pub delimiter: Option<u8>,
    pub has_header: Option<bool>,
    /// Leading lines to leave out (None: detect them, `detect_skip`).
    pub skip: Option<usize>,
}

/// At most this many leading lines are skipped.
pub const MAX_SKIP: usize = 20;

pub fn is_missing(s: &str) -> bool {
    let t = s.trim();
    MISSING_MARKERS.iter().any(|m| t.eq_ignore_ascii_case(m))
}

pub fn parse_number(s: &str) -> Option<f32> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() < 1e30)
        .map(|v| v as f32)
}

/// A number as files write it for people: decimal commas in semicolon files
/// ("5,1"), thousands grouped by the other mark ("57,500", "1,234.5"; "57.500,25"
/// with decimal commas) and a currency sign before or after ("$57,500", "12 €").
/// A group mark must be followed by exactly three digits, so "1,5" in a comma
/// file stays text rather than becoming 15.
pub fn parse_cell(s: &str, decimal_comma: bool) -> Option<f32> {
    parse_number(s).or_else(|| {
        let mut t = s.trim();
        for sign in ["$", "€", "£", "¥"] {
            t = t.strip_prefix(sign).unwrap_or(t);
            t = t.strip_suffix(sign).unwrap_or(t).trim();
        }
        let (group, decimal) = if decimal_comma { (b'.', b',') } else { (b',', b'.') };
        let mut plain = Vec::with_capacity(t.len());
        // Digits since the last mark; whether a group mark was seen; past the decimal mark.
        let (mut run, mut grouped, mut fraction) = (0usize, false, false);
        for (i, &b) in t.as_bytes().iter().enumerate() {
            match b {
                b'0'..=b'9' => {
                    plain.push(b);
                    run += 1;
                }
                b'-' if i == 0 => plain.push(b),
                _ if b == group && !fraction && run > 0 && run <= 3 && (!grouped || run == 3) => {
                    grouped = true;
                    run = 0;
                }
                _ if b == decimal && !fraction && (!grouped || run == 3) => {
                    plain.push(b'.');
                    fraction = true;
                }
                _ => return None,
            }
        }
        if grouped && !fraction && run != 3 {
            return None;
        }
        parse_number(std::str::from_utf8(&plain).ok()?)
    })
}

/// What the CSV reader could not read, in short. (Reading bytes in memory
/// with `flexible` rows, it fails only on what the crate cannot parse at all;
/// its own long messages, with their I/O wording, are not carried.)
fn reader_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!("{len} fields, expected {expected_len}"),
        csv::ErrorKind::Utf8 { err, .. } => format!("field {} is not UTF-8", err.field() + 1),
        _ => "unreadable record".to_string(),
    }
}

fn reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

/// The delimiter whose first rows split into the same number (> 1) of fields most often.
pub fn detect_delimiter(bytes: &[u8]) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for d in DELIMITERS {
        let counts: Vec<usize> = reader(bytes, d)
            .byte_records()
            .take(20)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        // The most common field count (a metadata first line does not decide it).
        let Some(first) = counts
            .iter()
            .copied()
            .max_by_key(|&c| (counts.iter().filter(|&&x| x == c).count(), c))
        else {
            continue;
        };
        let consistent = counts.iter().filter(|&&c| c == first).count();
        if first > 1 && (consistent > best.2 || (consistent == best.2 && first > best.1)) {
            best = (d, first, consistent);
        }
    }
    best.0
}

fn is_blank(rec: &csv::ByteRecord) -> bool {
    rec.len() == 1 && rec.get(0).is_some_and(|f| f.iter().all(|b| b.is_ascii_whitespace()))
}

/// Leading lines that are not part of the table, as some dataset packages
/// ship them: lines whose field count differs from the table's (the most
/// common count of the first 25 lines), a line of numbers right before a
/// header row, or a first line of the table's width whose text sits in columns
/// that are numbers in every later line (scikit-learn's
/// "150,4,setosa,versicolor,virginica" before rows of numbers).
pub fn detect_skip(bytes: &[u8], delimiter: u8) -> usize {
    // Per line: which fields are numbers, and whether some field is blank.
    let lines: Vec<(Vec<bool>, bool)> = reader(bytes, delimiter)
        .byte_records()
        .filter_map(Result::ok)
        .filter(|r| !is_blank(r))
        .take(25)
        .map(|r| {
            let number = |f: &[u8]| std::str::from_utf8(f).ok().and_then(parse_number).is_some();
            let blank = r.iter().any(|f| f.iter().all(u8::is_ascii_whitespace));
            (r.iter().map(number).collect(), blank)
        })
        .collect();
    if lines.len() < 3 {
        return 0;
    }
    let width = |l: &(Vec<bool>, bool)| l.0.len();
    let later = &lines[1..];
    let same = |w: usize| later.iter().filter(|l| width(l) == w).count();
    let table_width = later
        .iter()
        .map(width)
        .max_by_key(|&w| (same(w), w))
        .unwrap_or(width(&lines[0]));
    let leading = lines
        .iter()
        .take_while(|l| width(l) != table_width)
        .count()
        .min(MAX_SKIP);
    if leading > 0 && leading < lines.len() - 1 {
        return leading;
    }
    let (first, second) = (&lines[0], &lines[1]);
    let has_number = |l: &(Vec<bool>, bool)| l.0.iter().any(|&n| n);
    // A line with numbers, then a header (all text), then rows with numbers again.
    let all_text = !second.1 && !has_number(second);
    if has_number(first) && all_text && lines[2..].iter().any(has_number) {
        return 1;
    }
    // Numbers and text in the first line, with text where every later line has numbers.
    let numeric_below = |c: usize| later.iter().all(|l| l.0.get(c) == Some(&true));
    let mismatched = (0..width(first)).filter(|&c| !first.0[c] && numeric_below(c)).count();
    usize::from(has_number(first) && mismatched >= 2)
}

/// A header when no cell of the first row is a number while some later row has numbers.
fn detect_header(rows: &[Vec<String>]) -> bool {
    let Some(first) = rows.first() else { return false };
    let first_has_number = first.iter().any(|c| parse_number(c).is_some());
    let later_has_number = rows[1..].iter().any(|r| r.iter().any(|c| parse_number(c).is_some()));
    if first_has_number {
        return false;
    }
    // All text: a header if its cells are distinct and not repeated below.
    later_has_number || {
        let distinct: std::collections::HashSet<&String> = first.iter().collect();
        distinct.len() == first.len() && !rows[1..].iter().any(|r| r == first)
    }
}

fn text(record: &csv::ByteRecord, row: usize) -> Result<Vec<String>, ImportError> {
    record
        .iter()
        .enumerate()
        .map(|(c, f)| {
            std::str::from_utf8(f)
                .map(|s| s.to_string())
                .map_err(|_| ImportError::NotUtf8 { row, column: c + 1 })
        })
        .collect()
}

pub fn read(bytes: &[u8], opts: ReadOptions) -> Result<Table, ImportError> {
    read_with_progress(bytes, opts, &mut |_| {})
}

/// `read`, calling `progress` with the fraction done (0 … 1) now and then.
pub fn read_with_progress(
    bytes: &[u8],
    opts: ReadOptions,
    progress: &mut dyn FnMut(f32),
) -> Result<Table, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    let delimiter = opts.delimiter.unwrap_or_else(|| detect_delimiter(bytes));
    let skip = opts.skip.unwrap_or_else(|| detect_skip(bytes, delimiter)).min(MAX_SKIP);

    // Pass 1: shape, header and the text of the first rows.
    let mut skipped = 0usize;
    let mut head: Vec<Vec<String>> = Vec::new();
    let mut n_records = 0usize;
    let mut width = 0usize;
    for (i, rec) in reader(bytes, delimiter).byte_records().enumerate() {
        let row = i + 1;
        let rec = rec.map_err(|e| ImportError::Malformed {
            row,
            message: reader_error(&e),
        })?;
        if i % 4096 == 0 {
            let at = rec.position().map_or(0, |p| p.byte()) as f32 / bytes.len().max(1) as f32;
            progress(0.3 * at);
        }
        if is_blank(&rec) {
            continue; // blank line
        }
        if skipped < skip {
            skipped += 1;
            continue; // a leading line that is not part of the table
        }
        if n_records == 0 {
            width = rec.len();
            if width > MAX_COLUMNS {
                return Err(ImportError::TooManyColumns {
                    columns: width,
                    limit: MAX_COLUMNS,
                });
            }
        } else if rec.len() != width {
            return Err(ImportError::RaggedRow {
                row,
                fields: rec.len(),
                expected: width,
            });
        }
        if head.len() < 21 {
            head.push(text(&rec, row)?);
        }
        n_records += 1;
        if n_records > MAX_ROWS + 1 {
            return Err(ImportError::TooManyRows { limit: MAX_ROWS });
        }
    }
    let has_header = opts.has_header.unwrap_or_else(|| detect_header(&head));
    let rows = n_records.saturating_sub(usize::from(has_header));
    if rows == 0 {
        return Err(ImportError::NoRows);
    }
    let names: Vec<String> = if has_header {
        head[0]
            .iter()
            .enumerate()
            .map(|(c, n)| {
                if n.trim().is_empty() {
                    format!("column {}", c + 1)
                } else {
                    n.trim().to_string()
                }
            })
            .collect()
    } else {
        (1..=width).map(|c| format!("column {c}")).collect()
    };

    // Pass 2: the cells, typed per column.
    let mut numbers: Vec<Vec<f32>> = vec![Vec::with_capacity(rows); width];
    let mut codes: Vec<Vec<u32>> = vec![Vec::with_capacity(rows); width];
    let mut dicts: Vec<HashMap<String, u32>> = vec![HashMap::new(); width];
    let mut levels: Vec<Vec<String>> = vec![Vec::new(); width];
    let mut missing = vec![0usize; width];
    let mut not_numbers = vec![0usize; width];
    let mut strays: Vec<Vec<(usize, String)>> = vec![Vec::new(); width];
    let mut file_row = 0usize;
    for (i, rec) in reader(bytes, delimiter).byte_records().enumerate() {
        let rec = rec.map_err(|e| ImportError::Malformed {
            row: i + 1,
            message: reader_error(&e),
        })?;
        if i % 4096 == 0 {
            let at = rec.position().map_or(0, |p| p.byte()) as f32 / bytes.len().max(1) as f32;
            progress(0.3 + 0.7 * at);
        }
        if is_blank(&rec) {
            continue;
        }
        file_row += 1;
        if file_row <= skipped || (has_header && file_row == skipped + 1) {
            continue;
        }
        for (c, field) in rec.iter().enumerate() {
            let s = std::str::from_utf8(field).map_err(|_| ImportError::NotUtf8 {
                row: i + 1,
                column: c + 1,
            })?;
            if is_missing(s) {
                missing[c] += 1;
                numbers[c].push(f32::NAN);
                codes[c].push(MISSING_CODE);
                continue;
            }
            match parse_cell(s, delimiter == b';') {
                Some(v) => numbers[c].push(v),
                None => {
                    numbers[c].push(f32::NAN);
                    not_numbers[c] += 1;
                    if strays[c].len() < STRAYS_NAMED {
                        strays[c].push((i + 1, s.to_string()));
                    }
                }
            }
            let t = s.trim();
            let code = match dicts[c].get(t) {
                Some(&k) => k,
                None => {
                    // Past the cap, a column is numeric or too varied to be classes anyway.
                    if levels[c].len() >= 4 * DISTINCT_CAP {
                        MISSING_CODE - 1
                    } else {
                        let k = levels[c].len() as u32;
                        levels[c].push(t.to_string());
                        dicts[c].insert(t.to_string(), k);
                        k
                    }
                }
            };
            codes[c].push(code);
        }
    }

    let columns = (0..width)
        .map(|c| {
            let present = rows - missing[c];
            let numeric = present - not_numbers[c];
            let kind = if present == 0 {
                ColumnKind::Empty
            } else if numeric as f64 >= NUMERIC_SHARE * present as f64 {
                ColumnKind::Numeric
            } else {
                ColumnKind::Categorical
            };
            let (values, codes, levels) = match kind {
                ColumnKind::Numeric => (std::mem::take(&mut numbers[c]), Vec::new(), Vec::new()),
                _ => (
                    Vec::new(),
                    std::mem::take(&mut codes[c]),
                    std::mem::take(&mut levels[c]),
                ),
            };
            Column {
                name: names[c].clone(),
                kind,
                values,
                codes,
                levels,
                missing: missing[c],
                not_numbers: if kind == ColumnKind::Numeric { not_numbers[c] } else { 0 },
                strays: if kind == ColumnKind::Numeric {
                    std::mem::take(&mut strays[c])
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let preview = head
        .into_iter()
        .skip(usize::from(has_header))
        .take(PREVIEW_ROWS)
        .collect();
    Ok(Table {
        delimiter,
        has_header,
        columns,
        rows,
        preview,
        skipped,
    })
}

impl Table {
    /// The file row (1-based, as in error messages) of data row `r`, counting
    /// skipped leading lines and the header (blank lines are not counted).
    pub fn file_row(&self, r: usize) -> usize {
        r + 1 + self.skipped + usize::from(self.has_header)
    }

    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

mod convert;
pub use convert::{is_date_column, parse_date};

#[cfg(test)]
mod tests;
