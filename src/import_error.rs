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
        match self {
            Self::TooLarge { bytes, limit } => write!(
                f,
                "the file has {} bytes; at most {} MB can be imported",
                thousands(*bytes),
                limit / (1024 * 1024)
            ),
            Self::Empty => write!(f, "the file is empty"),
            Self::NoRows => write!(f, "the file has a header but no data rows"),
            Self::TooManyRows { limit } => write!(
                f,
                "the file has more than {} rows, the most that can be imported",
                thousands(*limit)
            ),
            Self::TooManyColumns { columns, limit } => {
                write!(f, "the file has {columns} columns; at most {limit} can be imported")
            }
            Self::RaggedRow { row, fields, expected } => {
                write!(f, "row {} has {fields} fields, expected {expected}", thousands(*row))
            }
            Self::NotUtf8 { row, column } => {
                write!(
                    f,
                    "row {}, column {column} is not UTF-8 text (save the file as UTF-8)",
                    thousands(*row)
                )
            }
            Self::Malformed { row, message } => write!(f, "row {} cannot be read: {message}", thousands(*row)),
            Self::NotANumber { row, column, value } => write!(
                f,
                "row {}, column '{}': '{}' is not a number",
                thousands(*row),
                clip(column),
                clip(value)
            ),
            Self::NoFeatures => write!(f, "choose at least one feature column"),
            Self::NoSuchColumn { name } => write!(f, "there is no column '{}'", clip(name)),
            Self::TargetIsFeature { column } => {
                write!(f, "column '{}' cannot be both the target and a feature", clip(column))
            }
            Self::EmptyColumn { column } => write!(f, "column '{}' has no values", clip(column)),
            Self::TooManyClasses {
                column,
                distinct,
                limit,
            } => write!(
                f,
                "column '{}' has {} distinct values; at most {limit} classes",
                clip(column),
                thousands(*distinct)
            ),
            Self::TooFewClasses { column } => write!(
                f,
                "column '{}' has only one class; a classifier needs two",
                clip(column)
            ),
            Self::TooManyLevels {
                column,
                distinct,
                limit,
            } => write!(
                f,
                "column '{}' has {} distinct values; one-hot encoding takes at most {limit}",
                clip(column),
                thousands(*distinct)
            ),
            Self::NoRowsLeft { dropped } => {
                write!(
                    f,
                    "no rows are left after dropping {} rows with missing values",
                    thousands(*dropped)
                )
            }
            Self::BadSplit { train, validation } => {
                write!(f, "training {train}% and validation {validation}% leave no test data")
            }
            Self::Several(errors) => {
                write!(f, "{} problems: ", errors.len())?;
                for (i, e) in errors.iter().enumerate() {
                    write!(f, "{}({}) {e}", if i > 0 { "; " } else { "" }, i + 1)?;
                }
                Ok(())
            }
        }
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
