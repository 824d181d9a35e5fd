_MISSING = {"", "na", "n/a", "nan", "null", "none", "?", "-"}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _is_missing(cell):
    return cell is None or cell.strip().translate(_ASCII_LOWER) in _MISSING


def _plain_number(text):
    """A number as Rust's f64 parser reads it, or None (not finite or beyond 1e30 too)."""
    t = text.strip()
    body = t[1:] if t[:1] in ("+", "-") else t
    mantissa, _, exponent = body.replace("E", "e").partition("e")
    whole, dot, fraction = mantissa.partition(".")
    digits = "0123456789"
    if not (whole or fraction) or any(ch not in digits for ch in whole + fraction):
        return None
    if "e" in body:
        e = exponent[1:] if exponent[:1] in ("+", "-") else exponent
        if not e or any(ch not in digits for ch in e):
            return None
    v = float(t)
    if v != v or abs(v) >= 1e30:
        return None
    return np.float32(v)


def _number(cell):
    """A cell as a number as people write them: "57,500", "$12", "5,1" in a semicolon file."""
    v = _plain_number(cell)
    if v is not None:
        return v
    t = cell.strip()
    for sign in ("$", "€", "£", "¥"):
        if t.startswith(sign):
            t = t[len(sign):]
        if t.endswith(sign):
            t = t[: -len(sign)]
        t = t.strip()
    group, decimal = (".", ",") if DECIMAL_COMMA else (",", ".")
    plain, run, grouped, fraction = [], 0, False, False
    for i, ch in enumerate(t):
        if "0" <= ch <= "9":
            plain.append(ch)
            run += 1
        elif ch == "-" and i == 0:
            plain.append(ch)
        elif ch == group and not fraction and 0 < run <= 3 and (not grouped or run == 3):
            grouped, run = True, 0
        elif ch == decimal and not fraction and (not grouped or run == 3):
            plain.append(".")
            fraction = True
        else:
            return None
    if grouped and not fraction and run != 3:
        return None
    return _plain_number("".join(plain))


def _date(cell):
    """Days since 1970-01-01 of "2024-03-05", "2024/03/05", "05.03.2024", "03/05/2024", or None."""
    import datetime

    date = cell.strip().replace("T", " ").split(" ")[0]
    parts = date.replace("/", "-").replace(".", "-").split("-")
    if len(parts) != 3 or not all(p and all("0" <= ch <= "9" for ch in p) for p in parts):
        return None
    a, b, c = (int(p) for p in parts)
    if len(parts[0]) == 4:
        y, m, d = a, b, c
    elif c < 1000:
        return None
    elif "." in date or a > 12:
        y, m, d = c, b, a
    else:
        y, m, d = c, a, b
    try:
        return (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days
    except (ValueError, OverflowError):
        return None


def _cell(row, column):
    """The column's cell of a row: a dict (csv.DictReader) or a list (csv.reader)."""
    if not isinstance(row, dict):
        return row[column["index"]] if column["index"] < len(row) else None
    name = column["name"]
    if name in row:
        return row[name]
    for key, value in row.items():
        if isinstance(key, str) and key.strip() == name:
            return value
    values = list(row.values())
    return values[column["index"]] if column["index"] < len(values) else None


def _value(column, cell):
    """A numeric column's value of a cell (None: missing or not a number)."""
    if _is_missing(cell):
        return None
    if column["read"] == "date":
        d = _date(cell)
        return None if d is None else np.float32(d) - np.float32(column["first"])
    return _number(cell)


def _level(column, cell, positions):
    """A one-hot column's level of a cell (None: missing, not a number, or not seen in the file)."""
    if _is_missing(cell):
        return None
    if column["read"] == "number-category":
        v = _number(cell)
        return None if v is None else positions.get(float(v))
    return positions.get(cell.strip())


def prepare_rows(rows):
    """The network's inputs (n, len(INPUTS)) of the file's rows, cleaned as in the page."""
    rows = list(rows)
    X = np.zeros((len(rows), len(INPUTS)), dtype=np.float32)
    j = 0
    for column in COLUMNS:
        cells = [_cell(row, column) for row in rows]
        if column["read"] in ("number", "date"):
            for i, cell in enumerate(cells):
                v = _value(column, cell)
                X[i, j] = column["fill"] if v is None else v
            j += 1
        else:
            if column["read"] == "number-category":
                positions = {float(np.float32(level)): k for k, level in enumerate(column["levels"])}
            else:
                positions = {level: k for k, level in enumerate(column["levels"])}
            for i, cell in enumerate(cells):
                k = _level(column, cell, positions)
                X[i, j + (column["fill"] if k is None else k)] = 1
            j += len(column["levels"])
    if CLIP_LOW is not None:
        X = np.minimum(np.maximum(X, CLIP_LOW), CLIP_HIGH)
    return (X - OFFSET) * SCALE


def predict_rows(rows):
    """predict() of the file's rows (csv.DictReader dicts or csv.reader lists): one row per row."""
    return predict(prepare_rows(rows))


def _records(path):
    """The file's data rows as lists, read as the page reads them."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        records = [r for r in csv.reader(f, delimiter=DELIMITER) if r and not (len(r) == 1 and not r[0].strip())]
    return records[SKIPPED_LINES + (1 if HEADER else 0):]


def _main(argv):
    if len(argv) != 2:
        print("usage: python %s data.csv   (a file like the imported one)" % argv[0], file=sys.stderr)
        return 2
    _print(predict_rows(_records(argv[1])))
    return 0

