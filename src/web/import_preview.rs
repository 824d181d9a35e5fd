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
        format!(" · {} missing", thousands(c.missing as usize))
    } else {
        String::new()
    };
    match c.kind {
        ColumnKind::Numeric => format!(
            "numeric · {}–{} · mean {}{missing} · {} distinct",
            fmt_stat(c.min),
            fmt_stat(c.max),
            fmt_stat(c.mean),
            if c.distinct >= crate::table::DISTINCT_CAP as u32 {
                format!("{}+", c.distinct)
            } else {
                c.distinct.to_string()
            }
        ),
        ColumnKind::Categorical => {
            let shown: Vec<String> = c.levels.iter().take(4).map(|(l, n)| format!("{l} ({n})")).collect();
            let more = if c.distinct as usize > shown.len() { ", …" } else { "" };
            format!(
                "categorical · {} values{missing}: {}{more}",
                c.distinct,
                shown.join(", ")
            )
        }
        ColumnKind::Empty => "empty".into(),
    }
}

/// A column's type select: the detected type, or the other one to switch to.
fn kind_select(k: usize, c: &ColumnInfo, chosen: ColumnKind) -> HtmlSelectElement {
    let sel: HtmlSelectElement = create("select");
    sel.set_class_name("col-kind");
    let _ = sel.set_attribute("aria-label", &format!("Type of {}", c.name));
    let _ = sel.set_attribute("data-column", &k.to_string());
    for kind in ColumnKind::CHOSEN {
        let label = if kind == c.kind {
            format!("{} (detected)", kind.label())
        } else {
            kind.label().to_string()
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
            let role = if k == target { "target · " } else { "" };
            let switched = if chosen != c.kind {
                format!(" · read as {}", chosen.label().to_lowercase())
            } else {
                String::new()
            };
            let out = match im.left_out(k) {
                Some(why) if !features.get(k).copied().unwrap_or(false) && k != target => {
                    format!(" · not ticked: {why}")
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
