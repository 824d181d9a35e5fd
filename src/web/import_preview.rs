//! The preview table of an imported file: one column per file column, its
//! header holding the feature checkbox (named by the column), the type and the
//! summary; then the first rows. Text only: nothing from the file becomes HTML.

use crate::import_error::thousands;
use crate::importer::ColumnInfo;
use crate::page::ImportModel;
use crate::table::ColumnKind;
use crate::web::dom::{by_id, create};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

fn fmt_stat(v: f32) -> String {
    if !v.is_finite() {
        "–".into()
    } else if v.abs() >= 1e4 || (v != 0.0 && v.abs() < 1e-3) {
        format!("{v:.2e}")
    } else {
        format!("{}", (v * 1000.0).round() / 1000.0)
    }
}

fn column_meta(c: &ColumnInfo) -> String {
    let missing = if c.missing > 0 {
        crate::t!("col-missing", n = thousands(c.missing as usize))
    } else {
        String::new()
    };
    match c.kind {
        ColumnKind::Numeric => crate::t!(
            "col-numeric",
            min = fmt_stat(c.min),
            max = fmt_stat(c.max),
            mean = fmt_stat(c.mean),
            missing = missing,
            distinct = if c.distinct >= crate::table::DISTINCT_CAP as u32 {
                format!("{}+", c.distinct)
            } else {
                c.distinct.to_string()
            }
        ),
        ColumnKind::Categorical => {
            let shown: Vec<String> = c.levels.iter().take(4).map(|(l, n)| format!("{l} ({n})")).collect();
            let more = if c.distinct as usize > shown.len() { ", …" } else { "" };
            crate::t!(
                "col-categorical",
                n = c.distinct.to_string(),
                missing = missing,
                levels = format!("{}{more}", shown.join(", "))
            )
        }
        ColumnKind::Empty => crate::t!("col-empty"),
    }
}

/// A column's type select: the detected type, or the other one to switch to.
fn kind_select(k: usize, c: &ColumnInfo, chosen: ColumnKind) -> HtmlSelectElement {
    let sel: HtmlSelectElement = create("select");
    sel.set_class_name("col-kind");
    let _ = sel.set_attribute("aria-label", &crate::t!("col-type", name = c.name.as_str()));
    let _ = sel.set_attribute("data-column", &k.to_string());
    for kind in ColumnKind::CHOSEN {
        let label = if kind == c.kind {
            crate::t!("detected", kind = kind.label())
        } else {
            kind.label()
        };
        crate::web::dom::add_option(&sel, kind.key(), &label);
    }
    sel.set_value(chosen.key());
    sel
}

pub fn render(im: &ImportModel) {
    let Some(info) = &im.info else { return };
    let (features, target) = (&im.features, im.target);
    {
        let table: Element = by_id("import-preview");
        table.set_text_content(None);
        let thead: Element = create("thead");
        let tr: Element = create("tr");
        for (k, c) in info.columns.iter().enumerate() {
            let th: HtmlElement = create("th");
            if k == target {
                th.set_class_name("target");
            }
            let name: HtmlElement = create("label");
            name.set_class_name("col-name");
            let cb: HtmlInputElement = create("input");
            cb.set_type("checkbox");
            cb.set_checked(features.get(k).copied().unwrap_or(false));
            cb.set_disabled(k == target || c.kind == ColumnKind::Empty);
            cb.set_attribute("data-column", &k.to_string()).expect("attr");
            name.append_child(&cb).expect("append");
            name.append_child(&crate::web::dom::document().create_text_node(&c.name))
                .expect("append");
            th.append_child(&name).expect("append");
            let chosen = im.kind(k).unwrap_or(c.kind);
            if c.kind != ColumnKind::Empty {
                th.append_child(&kind_select(k, c, chosen)).expect("append");
            }
            let meta: HtmlElement = create("div");
            meta.set_class_name("col-meta");
            let role = if k == target {
                crate::t!("col-target")
            } else {
                String::new()
            };
            let switched = if chosen != c.kind {
                crate::t!("read-as", kind = chosen.label())
            } else {
                String::new()
            };
            let out = match im.left_out(k) {
                Some(why) if !features.get(k).copied().unwrap_or(false) && k != target => {
                    crate::t!("not-ticked", why = why)
                }
                _ => String::new(),
            };
            meta.set_text_content(Some(&format!("{role}{}{switched}{out}", column_meta(c))));
            th.append_child(&meta).expect("append");
            tr.append_child(&th).expect("append");
        }
        thead.append_child(&tr).expect("append");
        table.append_child(&thead).expect("append");
        let tbody: Element = create("tbody");
        for row in &info.preview {
            let tr: Element = create("tr");
            for (k, cell) in row.iter().enumerate() {
                let td: Element = create("td");
                if k == target {
                    td.set_class_name("target");
                }
                td.set_text_content(Some(cell));
                tr.append_child(&td).expect("append");
            }
            tbody.append_child(&tr).expect("append");
        }
        table.append_child(&tbody).expect("append");
    }
}
