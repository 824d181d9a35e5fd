//! The metrics read-outs: accuracy, precision, recall and F1 (or MSE, MAE and
//! R² for regression) for training and test data, the confusion matrices as
//! heat tables, the metric chart, the per-layer gradient chart and the
//! learning-rate schedule's plot with the run's position on it.

use crate::config::Config;
use crate::heatmap;
use crate::history::MAX_LAYERS;
use crate::metrics::Metrics;
use crate::protocol::Snapshot;
use crate::web::chart;
use crate::web::dom::{by_id, create, set_attr, set_hidden, set_text};
use web_sys::{Element, HtmlElement};

fn pct(v: f32) -> String {
    format!("{:.1}%", v * 100.0)
}

pub fn draw(c: &Config, s: &Snapshot, class_names: &[String]) {
    let h = &s.header;
    let classification = matches!(h.train_metrics, Metrics::Classification { .. });
    set_hidden(&by_id::<Element>("class-metrics"), !classification);
    set_hidden(&by_id::<Element>("regression-metrics"), classification);
    for (prefix, m) in [("train", &h.train_metrics), ("test", &h.test_metrics)] {
        match m {
            Metrics::Classification {
                accuracy,
                precision,
                recall,
                f1,
                ..
            } => {
                for (name, v) in [
                    ("accuracy", accuracy),
                    ("precision", precision),
                    ("recall", recall),
                    ("f1", f1),
                ] {
                    let el: Element = by_id(&format!("{prefix}-{name}"));
                    set_text(&el, &pct(*v));
                    set_attr(&el, "data-value", &v.to_string());
                }
            }
            Metrics::Regression { mse, mae, r2 } => {
                for (name, v) in [("mse", mse), ("mae", mae), ("r2", r2)] {
                    let el: Element = by_id(&format!("{prefix}-{name}"));
                    set_text(&el, &format!("{v:.3}"));
                    set_attr(&el, "data-value", &v.to_string());
                }
            }
        }
    }
    confusion_tables(h, class_names);
    set_text(
        &by_id::<Element>("metric-chart-title"),
        &crate::t!(if classification {
            "metric-chart-acc"
        } else {
            "metric-chart-r2"
        }),
    );
    let result = chart::draw("metric-chart", &chart::metric(&s.history, classification));
    gradient_chart(s);
    schedule_plot(c, h.epoch as u64);
    if let Err(e) = result {
        web_sys::console::error_1(&e.into());
    }
}

/// Train and test confusion matrices: rows are true classes, columns predictions;
/// a cell's shade is its share of its row.
fn confusion_tables(h: &crate::protocol::SnapshotHeader, names: &[String]) {
    let box_: Element = by_id("confusion-matrix");
    // Rebuilt only when a count changed (snapshots come at display rate; counts settle).
    let key: String = [&h.train_metrics, &h.test_metrics]
        .iter()
        .filter_map(|m| match m {
            Metrics::Classification { confusion, .. } => Some(format!("{confusion:?}")),
            Metrics::Regression { .. } => None,
        })
        .collect::<Vec<_>>()
        .join("|");
    // Drawn again in another language.
    let key = format!("{key}|{}", crate::i18n::lang().code());
    if box_.get_attribute("data-counts").as_deref() == Some(key.as_str()) {
        return;
    }
    set_attr(&box_, "data-counts", &key);
    box_.set_text_content(None);
    for (set, m) in [("training", &h.train_metrics), ("test", &h.test_metrics)] {
        let Metrics::Classification { confusion, k, .. } = m else {
            continue;
        };
        let k = *k;
        let table: HtmlElement = create("table");
        table.set_class_name("confusion");
        set_attr(&table, "data-set", set);
        let caption: HtmlElement = create("caption");
        set_text(&caption, &crate::t!(set));
        table.append_child(&caption).expect("append");
        let head: HtmlElement = create("tr");
        head.append_child(&create::<HtmlElement>("th")).expect("append");
        for j in 0..k {
            let th: HtmlElement = create("th");
            set_text(&th, names.get(j).map_or("?", |s| s.as_str()));
            head.append_child(&th).expect("append");
        }
        table.append_child(&head).expect("append");
        for i in 0..k {
            let tr: HtmlElement = create("tr");
            let th: HtmlElement = create("th");
            set_text(&th, names.get(i).map_or("?", |s| s.as_str()));
            tr.append_child(&th).expect("append");
            let row = &confusion[i * k..(i + 1) * k];
            let total: u32 = row.iter().sum::<u32>().max(1);
            for (j, &n) in row.iter().enumerate() {
                let td: HtmlElement = create("td");
                set_text(&td, &n.to_string());
                let share = n as f32 / total as f32;
                // Diagonal cells (right) in the class colour, the others in grey.
                let color = if i == j {
                    if k == 2 {
                        heatmap::css_on(if i == 0 { -share } else { share }, crate::web::theme::mid())
                    } else {
                        heatmap::class_css(i)
                    }
                } else {
                    "#9aa5ae".into()
                };
                let _ = td.style().set_property("--cell", &color);
                let _ = td.style().set_property("--share", &format!("{:.0}%", share * 100.0));
                if share > 0.55 {
                    td.set_class_name("strong");
                }
                tr.append_child(&td).expect("append");
            }
            table.append_child(&tr).expect("append");
        }
        box_.append_child(&table).expect("append");
    }
}

/// log10 of each layer's gradient RMS per epoch: vanishing gradients sink, exploding ones climb.
fn gradient_chart(s: &Snapshot) {
    let layers = s.header.sizes.len().saturating_sub(1).min(MAX_LAYERS);
    let result = chart::draw("gradient-chart", &chart::gradients(&s.history, layers));
    if let Err(e) = result {
        web_sys::console::error_1(&e.into());
    }
    let legend: Element = by_id("gradient-legend");
    let lang = crate::i18n::lang().code();
    if legend.child_element_count() as usize != layers || legend.get_attribute("data-lang").as_deref() != Some(lang) {
        legend.set_text_content(None);
        set_attr(&legend, "data-lang", lang);
        for (l, color) in chart::LAYER_COLORS.iter().enumerate().take(layers) {
            let li: HtmlElement = create("li");
            let sw: HtmlElement = create("span");
            sw.set_class_name("swatch");
            let _ = sw
                .style()
                .set_property("background", &format!("rgb({},{},{})", color.0, color.1, color.2));
            li.append_child(&sw).expect("append");
            let name = if l + 1 == layers {
                crate::t!("output-node")
            } else {
                crate::t!("layer-l", l = (l + 1).to_string())
            };
            li.append_child(&web_sys::window().unwrap().document().unwrap().create_text_node(&name))
                .expect("append");
            legend.append_child(&li).expect("append");
        }
    }
}

/// The learning rate over the coming epochs, with a dot where the run is.
pub fn schedule_plot(c: &Config, epoch: u64) {
    let (plot, lr_now) = chart::schedule(c, epoch);
    let result = chart::draw("schedule-plot", &plot);
    if let Err(e) = result {
        web_sys::console::error_1(&e.into());
    }
    set_text(&by_id::<Element>("lr-now"), &crate::page::fmt_plain(lr_now));
}
