//! Python source text for the generated scripts: f32 numbers written so that
//! NumPy reads back the same float32, arrays of them, and string literals.

/// `v` as a Python float literal that `np.float32(...)` turns back into `v`
/// exactly: the shortest digits that give `v` as an f32, when Python's reading
/// (the nearest f64, then the nearest f32) gives `v` again, else the digits of
/// `v` as an f64 (exact, so nothing rounds twice).
pub fn float(v: f32) -> String {
    if v.is_nan() {
        return "float(\"nan\")".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "float(\"inf\")" } else { "-float(\"inf\")" }.into();
    }
    let short = format!("{v:?}");
    match short.parse::<f64>() {
        Ok(d) if (d as f32).to_bits() == v.to_bits() => short,
        _ => format!("{:?}", f64::from(v)),
    }
}

/// A flat list literal: `[0.5, -1.25]`.
pub fn list(values: &[f32]) -> String {
    let items: Vec<String> = values.iter().map(|&v| float(v)).collect();
    format!("[{}]", items.join(", "))
}

/// A float32 array of shape (rows, cols) from row-major `values`, one row a
/// line indented by `indent` spaces; `cols` = 0 gives a 1-D array.
pub fn array(values: &[f32], cols: usize, indent: usize) -> String {
    if cols == 0 {
        return format!("np.array({}, dtype=np.float32)", list(values));
    }
    let pad = " ".repeat(indent + 4);
    let rows: Vec<String> = values.chunks(cols).map(|row| format!("{pad}{},", list(row))).collect();
    format!(
        "np.array([\n{}\n{}], dtype=np.float32).reshape(-1, {cols})",
        rows.join("\n"),
        " ".repeat(indent)
    )
}

/// A Python string literal (double quotes; UTF-8 text kept, control characters escaped).
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            // Line and paragraph separators end a line in some editors: escaped.
            '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A list of string literals: `["a", "b"]`.
pub fn strings<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| string(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every written float reads back (as Python does: the nearest f64, then the
    /// nearest f32) as the same bits, over values of every magnitude.
    #[test]
    fn floats_read_back_as_the_same_float32() {
        let mut x: u32 = 12345;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let v = f32::from_bits(x);
            if !v.is_finite() {
                continue;
            }
            let text = float(v);
            let back = text.parse::<f64>().unwrap() as f32;
            assert_eq!(back.to_bits(), v.to_bits(), "{v:e} written as {text}");
        }
        assert_eq!(float(0.1), "0.1");
        assert_eq!(float(-2.0), "-2.0");
        assert_eq!(float(1e-7), "1e-7");
        assert_eq!(float(f32::NAN), "float(\"nan\")");
    }

    #[test]
    fn arrays_and_strings() {
        assert_eq!(
            array(&[1.0, 2.0, 3.0, 4.0], 2, 0),
            "np.array([\n    [1.0, 2.0],\n    [3.0, 4.0],\n], dtype=np.float32).reshape(-1, 2)"
        );
        assert_eq!(array(&[0.5], 0, 0), "np.array([0.5], dtype=np.float32)");
        assert_eq!(string("a \"b\"\\\n\u{1}é"), "\"a \\\"b\\\"\\\\\\n\\x01é\"");
        assert_eq!(strings(&["x", "y=1"]), "[\"x\", \"y=1\"]");
    }
}
