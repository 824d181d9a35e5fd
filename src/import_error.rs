//! What can go wrong when importing a CSV, each with the place it happened.
//! Rows are numbered as in the file (the header, if any, is row 1).

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    NoRows,
    TooManyRows {
        limit: usize,
    },
    TooManyColumns {
        columns: usize,
        limit: usize,
    },
    RaggedRow {
        row: usize,
        fields: usize,
        expected: usize,
    },
    NotUtf8 {
        row: usize,
        column: usize,
    },
    Malformed {
        row: usize,
        message: String,
    },
    NotANumber {
        row: usize,
        column: String,
        value: String,
    },
    NoFeatures,
    NoSuchColumn {
        name: String,
    },
    TargetIsFeature {
        column: String,
    },
    EmptyColumn {
        column: String,
    },
    TooManyClasses {
        column: String,
        distinct: usize,
        limit: usize,
    },
    TooFewClasses {
        column: String,
    },
    TooManyLevels {
        column: String,
        distinct: usize,
        limit: usize,
    },
    NoRowsLeft {
        dropped: usize,
    },
    BadSplit {
        train: u32,
        validation: u32,
    },
    /// Several problems at once (every column that blocks a mapping).
    Several(Vec<ImportError>),
}

impl ImportError {
    /// One error, or all of them as `Several`.
    pub fn all(mut errors: Vec<ImportError>) -> Self {
        if errors.len() == 1 {
            errors.remove(0)
        } else {
            Self::Several(errors)
        }
    }
}

/// 1284 -> "1,284"
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn clip(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Self::TooLarge { bytes, limit } => crate::t!(
                "e-too-large",
                n = thousands(*bytes),
                mb = (limit / (1024 * 1024)).to_string()
            ),
            Self::Empty => crate::t!("e-empty"),
            Self::NoRows => crate::t!("e-no-rows"),
            Self::TooManyRows { limit } => crate::t!("e-too-many-rows", limit = thousands(*limit)),
            Self::TooManyColumns { columns, limit } => crate::t!(
                "e-too-many-columns",
                columns = columns.to_string(),
                limit = limit.to_string()
            ),
            Self::RaggedRow { row, fields, expected } => crate::t!(
                "e-ragged",
                row = thousands(*row),
                fields = fields.to_string(),
                expected = expected.to_string()
            ),
            Self::NotUtf8 { row, column } => {
                crate::t!("e-not-utf8", row = thousands(*row), column = column.to_string())
            }
            Self::Malformed { row, message } => {
                crate::t!("e-malformed", row = thousands(*row), message = message.as_str())
            }
            Self::NotANumber { row, column, value } => crate::t!(
                "e-not-a-number",
                row = thousands(*row),
                column = clip(column),
                value = clip(value)
            ),
            Self::NoFeatures => crate::t!("e-no-features"),
            Self::NoSuchColumn { name } => crate::t!("e-no-such-column", column = clip(name)),
            Self::TargetIsFeature { column } => crate::t!("e-target-is-feature", column = clip(column)),
            Self::EmptyColumn { column } => crate::t!("e-empty-column", column = clip(column)),
            Self::TooManyClasses {
                column,
                distinct,
                limit,
            } => crate::t!(
                "e-too-many-classes",
                column = clip(column),
                n = thousands(*distinct),
                limit = limit.to_string()
            ),
            Self::TooFewClasses { column } => crate::t!("e-too-few-classes", column = clip(column)),
            Self::TooManyLevels {
                column,
                distinct,
                limit,
            } => crate::t!(
                "e-too-many-levels",
                column = clip(column),
                n = thousands(*distinct),
                limit = limit.to_string()
            ),
            Self::NoRowsLeft { dropped } => crate::t!("e-no-rows-left", n = thousands(*dropped)),
            Self::BadSplit { train, validation } => crate::t!(
                "e-bad-split",
                train = train.to_string(),
                validation = validation.to_string()
            ),
            Self::Several(errors) => {
                let mut text = crate::t!("e-several", n = errors.len().to_string());
                for (i, e) in errors.iter().enumerate() {
                    text.push_str(&format!("{}({}) {e}", if i > 0 { "; " } else { "" }, i + 1));
                }
                text
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ImportError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_the_place() {
        assert_eq!(thousands(1284), "1,284");
        assert_eq!(thousands(12), "12");
        assert_eq!(thousands(1_000_000), "1,000,000");
        let e = ImportError::NotANumber {
            row: 1284,
            column: "age".into(),
            value: "n/a?".into(),
        };
        assert_eq!(e.to_string(), "row 1,284, column 'age': 'n/a?' is not a number");
        let e = ImportError::TooManyClasses {
            column: "label".into(),
            distinct: 214,
            limit: 8,
        };
        assert_eq!(
            e.to_string(),
            "column 'label' has 214 distinct values; at most 8 classes"
        );
        assert_eq!(
            ImportError::RaggedRow {
                row: 17,
                fields: 5,
                expected: 6
            }
            .to_string(),
            "row 17 has 5 fields, expected 6"
        );
    }
}
