//! A column read as the other type, when the user switches it: text as
//! numbers (dates become days since the column's first date; cells that are
//! neither are stray values), or numbers as categories (one level per
//! distinct value).

use super::{parse_cell, Column, ColumnKind, MISSING_CODE, STRAYS_NAMED};

/// Days since 1970-01-01 of a date written as files write them: "2024-03-05",
/// "2024/03/05", "05.03.2024", "03/05/2024" (month first unless the first
/// number exceeds 12), optionally followed by a time ("2024-03-05T10:00", "2024-03-05 10:00").
pub fn parse_date(s: &str) -> Option<i32> {
    let t = s.trim();
    let date = t.split(['T', ' ']).next()?;
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let [a, b, c] = parts[..] else { return None };
    let num = |p: &str| (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<i32>().ok())?;
    let (a, b, c, wide_a) = (num(a)?, num(b)?, num(c)?, a.len() == 4);
    let (y, m, d) = if wide_a {
        (a, b, c)
    } else if c < 1000 {
        return None;
    } else if date.contains('.') || a > 12 {
        (c, b, a)
    } else {
        (c, a, b)
    };
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    ((1..=9999).contains(&y) && (1..=days_in_month).contains(&d)).then(|| days_from_civil(y, m, d))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400; // [0, 399]
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// Whether most present levels of a text column are dates.
pub fn is_date_column(c: &Column) -> bool {
    c.kind == ColumnKind::Categorical
        && !c.levels.is_empty()
        && c.levels.iter().filter(|l| parse_date(l).is_some()).count() * 10 >= c.levels.len() * 9
}

impl Column {
    /// This column read as `kind` (itself when it already is one, or is empty).
    /// `file_row` maps a data row to its row in the file, for naming stray values.
    pub fn as_kind(&self, kind: ColumnKind, decimal_comma: bool, file_row: impl Fn(usize) -> usize) -> Column {
        match (self.kind, kind) {
            (ColumnKind::Categorical, ColumnKind::Numeric) => self.as_numbers(decimal_comma, file_row),
            (ColumnKind::Numeric, ColumnKind::Categorical) => self.as_categories(),
            _ => self.clone(),
        }
    }

    /// Text as numbers: a date column as days since its first date, otherwise each
    /// cell's number; cells that are neither count as stray values.
    fn as_numbers(&self, decimal_comma: bool, file_row: impl Fn(usize) -> usize) -> Column {
        let dates = is_date_column(self);
        let level_value: Vec<Option<f32>> = self
            .levels
            .iter()
            .map(|l| {
                if dates {
                    parse_date(l).map(|d| d as f32)
                } else {
                    parse_cell(l, decimal_comma)
                }
            })
            .collect();
        let first = if dates {
            level_value.iter().flatten().copied().fold(f32::INFINITY, f32::min)
        } else {
            0.0
        };
        let (mut not_numbers, mut strays) = (0, Vec::new());
        let values = self
            .codes
            .iter()
            .enumerate()
            .map(|(r, &code)| {
                if code == MISSING_CODE {
                    return f32::NAN;
                }
                match level_value.get(code as usize).copied().flatten() {
                    Some(v) => v - first,
                    None => {
                        not_numbers += 1;
                        if strays.len() < STRAYS_NAMED {
                            let text = self.levels.get(code as usize).cloned().unwrap_or_default();
                            strays.push((file_row(r), text));
                        }
                        f32::NAN
                    }
                }
            })
            .collect();
        Column {
            name: self.name.clone(),
            kind: ColumnKind::Numeric,
            values,
            codes: Vec::new(),
            levels: Vec::new(),
            missing: self.missing,
            not_numbers,
            strays,
        }
    }

    /// Numbers as categories, one level per distinct value in order of first
    /// appearance; stray values of the numeric reading are missing.
    fn as_categories(&self) -> Column {
        let mut levels: Vec<f32> = Vec::new();
        let codes = self
            .values
            .iter()
            .map(|&v| {
                if !v.is_finite() {
                    return MISSING_CODE;
                }
                match levels.iter().position(|&l| l == v) {
                    Some(k) => k as u32,
                    None => {
                        levels.push(v);
                        (levels.len() - 1) as u32
                    }
                }
            })
            .collect();
        Column {
            name: self.name.clone(),
            kind: ColumnKind::Categorical,
            values: Vec::new(),
            codes,
            levels: levels.iter().map(|v| v.to_string()).collect(),
            missing: self.missing + self.not_numbers,
            not_numbers: 0,
            strays: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read, ReadOptions};

    #[test]
    fn dates_as_files_write_them() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2000-03-01"), Some(11_017));
        assert_eq!(parse_date("2024-02-29T10:00:00"), Some(19_782));
        assert_eq!(parse_date("2024/02/29"), parse_date("2024-02-29"));
        assert_eq!(parse_date("29.02.2024"), parse_date("2024-02-29"));
        assert_eq!(parse_date("02/29/2024"), parse_date("2024-02-29"));
        assert_eq!(parse_date("29/02/2024"), parse_date("2024-02-29"));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("1,5"), None);
        assert_eq!(parse_date("12"), None);
        assert_eq!(parse_date("a-b-c"), None);
    }

    #[test]
    fn a_text_column_as_numbers_and_a_numeric_one_as_categories() {
        let t = read(
            b"when,size,n\n2024-01-01,S,3\n2024-01-11,M,1\n,L,3\n2024-01-03,M,x\n2024-01-02,S,1\n2024-01-05,M,1\n2024-01-04,S,1\n2024-01-06,M,1\n2024-01-07,S,1\n2024-01-08,M,1\n2024-01-09,S,1\n2024-01-10,M,1\n2024-01-12,S,1\n2024-01-13,M,1\n2024-01-14,S,1\n2024-01-15,M,1\n2024-01-16,S,1\n2024-01-17,M,1\n2024-01-18,S,1\n2024-01-19,M,1\n2024-01-20,S,1\n",
            ReadOptions::default(),
        )
        .unwrap();
        let row = |r: usize| r + 2;
        let when = &t.columns[0];
        assert!(is_date_column(when));
        let days = when.as_kind(ColumnKind::Numeric, false, row);
        assert_eq!(days.kind, ColumnKind::Numeric);
        assert_eq!(&days.values[..2], &[0.0, 10.0]);
        assert!(days.values[2].is_nan());
        assert_eq!(days.not_numbers, 0);
        let size = t.columns[1].as_kind(ColumnKind::Numeric, false, row);
        assert_eq!(size.not_numbers, 21);
        assert_eq!(size.strays[0], (2, "S".to_string()));
        let n = &t.columns[2];
        assert_eq!((n.kind, n.not_numbers), (ColumnKind::Numeric, 1));
        let cats = n.as_kind(ColumnKind::Categorical, false, row);
        assert_eq!(cats.levels, ["3", "1"]);
        assert_eq!(&cats.codes[..4], &[0, 1, 0, MISSING_CODE]);
        assert_eq!(cats.missing, 1);
    }
}
