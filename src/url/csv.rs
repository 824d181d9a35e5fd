//! The URL keys of imported data: its column names, the mapping, the inputs
//! and the picture's axes, and (for small files) the data itself.
//!
//! `data=csv&csvcol=a&csvcol=b&csvcol=label&csvfeat=0,1&csvtarget=2&csvtask=classification`
//! `&csvmissing=mean&csvscale=standard&csvclip=0&csvval=0&csvin=2&axes=0,1`
//! plus `csvstray=stop` (stray values stop the import; default: missing),
//! `csvtype=3:number,5:category` (columns read as another type), `csvid=K` (the column
//! naming rows in the predictions), `csvrow=N` (the row other features are held at), `csvout=K` (classes) and
//! `csvdata=…` (the file, deflated and base64url-encoded).

use super::{fmt_f32, parse_f32, parse_ranged, Warnings};
use crate::config::limits::VALIDATION_MAX;
use crate::config::{Config, CsvSetup, MAX_CSV_INPUTS};
use crate::dataset::Problem;
use crate::importer::MappingRequest;
use crate::prep::{Missing, Scaling, Strays};
use crate::table::ColumnKind;

pub(super) fn encode(c: &Config, s: &mut String) {
    let Some(csv) = &c.csv else { return };
    let m = &csv.mapping;
    for name in &csv.columns {
        s.push_str("&csvcol=");
        s.extend(form_urlencoded::byte_serialize(name.as_bytes()));
    }
    let feats: Vec<String> = m.features.iter().map(|f| f.to_string()).collect();
    s.push_str(&format!(
        "&csvfeat={}&csvtarget={}&csvtask={}&csvmissing={}&csvscale={}&csvclip={}&csvval={}&csvin={}&axes={},{}",
        feats.join(","),
        m.target,
        m.task.key(),
        m.missing.key(),
        m.scaling.key(),
        fmt_f32(m.clip_sigma),
        m.validation_percent,
        csv.inputs,
        csv.axes.0,
        csv.axes.1
    ));
    if m.strays != Strays::default() {
        s.push_str(&format!("&csvstray={}", m.strays.key()));
    }
    if !m.kinds.is_empty() {
        let kinds: Vec<String> = m.kinds.iter().map(|(k, kind)| format!("{k}:{}", kind.key())).collect();
        s.push_str(&format!("&csvtype={}", kinds.join(",")));
    }
    if let Some(k) = m.row_names {
        s.push_str(&format!("&csvid={k}"));
    }
    if let Some(r) = csv.hold_row {
        s.push_str(&format!("&csvrow={r}"));
    }
    if csv.outputs > 1 {
        s.push_str(&format!("&csvout={}", csv.outputs));
    }
    if let Some(d) = &csv.data {
        s.push_str(&format!("&csvdata={d}"));
    }
}

/// The imported-data keys as read, before they are checked together.
pub(super) struct Keys {
    requested: bool,
    inputs: Option<usize>,
    axes: (usize, usize),
    columns: Vec<String>,
    features: Option<Vec<u32>>,
    target: Option<u32>,
    task: Problem,
    missing: Missing,
    scaling: Scaling,
    clip: f32,
    validation: u32,
    strays: Strays,
    kinds: Vec<(u32, ColumnKind)>,
    row_names: Option<u32>,
    hold_row: Option<usize>,
    outputs: usize,
    data: Option<String>,
}

impl Default for Keys {
    fn default() -> Self {
        Self {
            requested: false,
            inputs: None,
            axes: (0, 1),
            columns: Vec::new(),
            features: None,
            target: None,
            task: Problem::Classification,
            missing: Missing::Mean,
            scaling: Scaling::Standard,
            clip: 0.0,
            validation: 0,
            strays: Strays::default(),
            kinds: Vec::new(),
            row_names: None,
            hold_row: None,
            outputs: 1,
            data: None,
        }
    }
}

/// Reads one key if it is an imported-data key (`true`), with a warning for a bad value.
pub(super) fn decode_key(k: &str, v: &str, keys: &mut Keys, w: &mut Warnings) -> bool {
    match k {
        "data" if v == "csv" => keys.requested = true,
        "csvin" => match v.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_CSV_INPUTS).contains(&n) => keys.inputs = Some(n),
            _ => w.push(
                k,
                v,
                crate::t!("w-expected-1-max", max_csv_inputs = MAX_CSV_INPUTS.to_string()),
            ),
        },
        "csvcol" if keys.columns.len() < crate::table::MAX_COLUMNS => keys.columns.push(v.to_string()),
        "csvcol" => w.push(
            k,
            v,
            crate::t!("w-too-many", max = crate::table::MAX_COLUMNS.to_string()),
        ),
        "csvfeat" => match v
            .split(',')
            .map(|f| f.trim().parse::<u32>())
            .collect::<Result<Vec<u32>, _>>()
        {
            Ok(f) if !f.is_empty() && f.len() <= crate::table::MAX_COLUMNS => keys.features = Some(f),
            _ => w.push(k, v, crate::t!("w-expected-column")),
        },
        "csvtarget" => match v.trim().parse::<u32>() {
            Ok(t) => keys.target = Some(t),
            Err(_) => w.push(k, v, crate::t!("w-expected-a")),
        },
        "csvtask" if Problem::from_key(v).is_some() => keys.task = Problem::from_key(v).expect("checked"),
        "csvmissing" if Missing::from_key(v).is_some() => keys.missing = Missing::from_key(v).expect("checked"),
        "csvscale" if Scaling::from_key(v).is_some() => keys.scaling = Scaling::from_key(v).expect("checked"),
        "csvstray" if Strays::from_key(v).is_some() => keys.strays = Strays::from_key(v).expect("checked"),
        "csvid" => match v.trim().parse::<u32>() {
            Ok(k) => keys.row_names = Some(k),
            Err(_) => w.push(k, v, crate::t!("w-expected-a-column")),
        },
        "csvtype" => match v
            .split(',')
            .map(|item| {
                let (k, kind) = item.split_once(':')?;
                Some((k.trim().parse::<u32>().ok()?, ColumnKind::from_key(kind.trim())?))
            })
            .collect::<Option<Vec<_>>>()
        {
            Some(kinds) if kinds.len() <= crate::table::MAX_COLUMNS => keys.kinds = kinds,
            _ => w.push(k, v, crate::t!("w-expected-column-types")),
        },
        "csvtask" | "csvmissing" | "csvscale" | "csvstray" => w.push(k, v, crate::t!("w-not-one")),
        "csvclip" => match parse_f32(v) {
            Some(x) if (0.0..=100.0).contains(&x) => keys.clip = x,
            _ => w.push(k, v, crate::t!("w-expected-0")),
        },
        "csvval" => keys.validation = parse_ranged(k, v, 0, VALIDATION_MAX, 0, w),
        "csvdata" => keys.data = Some(v.to_string()),
        "csvout" => keys.outputs = parse_ranged(k, v, 1, crate::prep::MAX_CLASSES as u32, 1, w) as usize,
        "csvrow" => match v.trim().parse::<usize>() {
            Ok(r) if r >= 1 => keys.hold_row = Some(r),
            _ => w.push(k, v, crate::t!("w-expected-a-row")),
        },
        "axes" => match v
            .split_once(',')
            .map(|(a, b)| (a.trim().parse::<usize>(), b.trim().parse::<usize>()))
        {
            Some((Ok(a), Ok(b))) => keys.axes = (a, b),
            _ => w.push(k, v, crate::t!("w-expected-two")),
        },
        _ => return false,
    }
    true
}

/// Checks the keys together. `Some(true)`: the config trains on the imported
/// data; `Some(false)`: the link asked for it but its setup is incomplete
/// (warned); `None`: the link did not ask for imported data.
pub(super) fn finish(mut keys: Keys, c: &mut Config, w: &mut Warnings) -> Option<bool> {
    if !keys.requested {
        return None;
    }
    let n_cols = keys.columns.len() as u32;
    match (keys.inputs, keys.features.take(), keys.target) {
        (Some(inputs), Some(features), Some(target))
            if n_cols > 0 && target < n_cols && features.iter().all(|&f| f < n_cols && f != target) =>
        {
            let clamp = |a: usize| a.min(inputs - 1);
            let problem = keys.task;
            let mapping = MappingRequest {
                features,
                target,
                task: keys.task,
                missing: keys.missing,
                scaling: keys.scaling,
                train_percent: c.train_ratio,
                seed: c.seed,
                clip_sigma: keys.clip,
                validation_percent: keys.validation,
                strays: keys.strays,
                kinds: keys.kinds.into_iter().filter(|&(k, _)| k < n_cols).collect(),
                row_names: keys.row_names.filter(|&k| k < n_cols),
            };
            c.csv = Some(CsvSetup {
                columns: keys.columns,
                mapping,
                inputs,
                axes: (clamp(keys.axes.0), clamp(keys.axes.1)),
                hold_row: keys.hold_row,
                outputs: keys.outputs,
                data: keys.data,
            });
            c.problem = problem;
            Some(true)
        }
        _ => {
            w.push("data", "csv", crate::t!("w-the-imported"));
            Some(false)
        }
    }
}
