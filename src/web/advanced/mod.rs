//! The advanced module (`src/bin/advanced`, loaded by `www/advanced_loader.js`
//! on the first touch of the advanced panel, or when a link has its keys). In
//! a worker it trains: the page's `Trainer` with `advanced::extras::Advanced`
//! installed. On the page it runs the panel: its controls write the setup's
//! advanced keys (`nnplayAdvancedBoot.set`), and at every drawn frame it
//! shows the network's sparsity, parameters and size, and, when the weights
//! are quantised, the float network beside the quantised one that the main
//! picture shows (rebuilt here from the page's run, `export::run::Run`);
//! with "Show augmented points", the epoch's augmented points (`dots.rs`).

mod dots;

use crate::advanced::summary::Summary;
use crate::advanced::{self, Method, Pruning, Settings};
use crate::export::run::Run;
use crate::metrics::Metrics;
use crate::protocol::ToWorker;
use crate::web::dom::{self, by_id, create, set_attr, set_hidden, set_text};
use std::cell::RefCell;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{
    CanvasRenderingContext2d, Element, Event, HtmlCanvasElement, HtmlInputElement, HtmlSelectElement, ImageData,
};

/// The float network's picture: pixels a side.
const SIDE: usize = 100;

/// The float network is drawn at most this often (ms).
const FLOAT_MS: f64 = 250.0;

/// The panel's memory: the page's run rebuilt here (for the figures and the
/// float comparison) and the link it was rebuilt for; when the float network was last drawn.
#[derive(Default)]
struct Panel {
    run: Option<(String, Run)>,
    float_drawn: f64,
    /// `figures` waits for the next frame.
    scheduled: bool,
    /// The augmented points' overlay.
    dots: dots::Dots,
}

thread_local! {
    static PANEL: RefCell<Panel> = RefCell::new(Panel::default());
}

pub fn start() {
    let global = js_sys::global();
    if let Ok(scope) = global.dyn_into::<web_sys::DedicatedWorkerGlobalScope>() {
        let extras = Box::new(advanced::extras::Advanced::default());
        let trainer = crate::trainer::Trainer::with_extras(crate::config::Config::default(), Some(extras));
        crate::web::worker::start(scope, trainer);
        return;
    }
    console_error_panic_hook::set_once();
    install_language();
    wire();
    dots::wire(figures);
    // Loaded by a touch of the panel: what the user set meanwhile counts.
    let first = js_sys::Reflect::get(&boot(), &"first".into())
        .ok()
        .and_then(|v| v.as_string());
    match first.as_deref() {
        Some("panel") => take_controls(),
        Some("norm") => take_norm_selects(None),
        _ => {}
    }
    sync_controls();
    // The page gets this module for its worker.
    let (glue, module) = crate::web::app::worker_link::own_module();
    if let Ok(ready) = js_sys::Reflect::get(&boot(), &"ready".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = ready.call2(&JsValue::NULL, &glue, &module);
    }
    figures();
}

fn boot() -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &"nnplayAdvancedBoot".into()).unwrap_or(JsValue::UNDEFINED)
}

fn install_language() {
    crate::web::l10n::install_module(crate::i18n::EN_ADVANCED, crate::i18n::ZH_ADVANCED);
}

/// The page's setup now (from its link).
fn config() -> crate::config::Config {
    crate::url::decode(&crate::web::location::read_hash()).config
}

/// The layers' Normalization selects in the page's diagram (the page draws
/// them; this module reads and sets them): (hidden layer, select).
fn norm_selects() -> Vec<(usize, HtmlSelectElement)> {
    let Ok(list) = dom::document().query_selector_all("select[data-kind=layer-norm]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|k| list.item(k)?.dyn_into::<HtmlSelectElement>().ok())
        .filter_map(|s| Some((s.get_attribute("data-l")?.parse().ok()?, s)))
        .collect()
}

/// What the layers' Normalization selects say (only `changed`, when given:
/// the others may be a rebuilt diagram's not yet set), into the setup's advanced keys.
fn take_norm_selects(changed: Option<&Element>) {
    let mut c = config();
    let before = c.advanced.clone();
    for (l, select) in norm_selects() {
        if changed.map_or(true, |e| e == select.unchecked_ref::<Element>()) {
            c.set_norm(l, &select.value());
        }
    }
    if c.advanced != before {
        if let Ok(set) = js_sys::Reflect::get(&boot(), &"set".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = set.call1(&JsValue::NULL, &c.advanced.into());
        }
    }
}

/// The layers' Normalization selects as the link sets them (the page
/// rebuilds its diagram's headings with every change of the network).
fn sync_norm_selects() {
    let c = config();
    for (l, select) in norm_selects() {
        let kind = c.norm_kind(l);
        if select.value() != kind {
            select.set_value(&kind);
        }
    }
}

/// The page's link now, and the settings its advanced keys give.
fn current() -> (String, Settings) {
    let hash = crate::web::location::read_hash();
    let config = crate::url::decode(&hash).config;
    (hash, advanced::parse(&config.advanced).0)
}

/// The epoch of the page's last drawn snapshot (0 before the first).
fn page_epoch() -> u64 {
    state_part(1)
        .and_then(|s| crate::web::wire::incoming_from_js(&s).ok())
        .and_then(|m| match m {
            crate::web::wire::Incoming::Snapshot(s) => Some(s.header.epoch as u64),
            _ => None,
        })
        .unwrap_or(0)
}

/// Part `k` of the page's `state()` ([link, snapshot, …]).
fn state_part(k: u32) -> Option<JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(&boot(), &"state".into()).ok()?.dyn_into().ok()?;
    let parts: js_sys::Array = f.call0(&JsValue::NULL).ok()?.dyn_into().ok()?;
    Some(parts.get(k)).filter(|v| !v.is_null() && !v.is_undefined())
}

/// Writes `s` as the setup's advanced keys (the page applies them like any edit).
fn apply(s: &Settings) {
    if let Ok(set) = js_sys::Reflect::get(&boot(), &"set".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = set.call1(&JsValue::NULL, &advanced::encode(s).into());
    }
}

fn select(id: &str) -> HtmlSelectElement {
    by_id(id)
}

/// The settings with the panel's controls read into them, where they differ
/// from `s` (a changed slider prunes at the epoch the page shows).
fn read_controls(mut s: Settings) -> Settings {
    let percent: f32 = by_id::<HtmlInputElement>("prune").value().parse().unwrap_or(0.0);
    let method = match select("prune-by").value().as_str() {
        "layer" => Method::PerLayer,
        "neuron" => Method::Neurons,
        _ => Method::Global,
    };
    if percent != s.prune.map_or(0.0, |p| p.percent) {
        let at = page_epoch();
        s.prune = (percent > 0.0).then_some(Pruning {
            percent,
            method,
            from: at,
            to: at,
        });
    } else if let Some(p) = s.prune.as_mut() {
        p.method = method;
    }
    let bits: u8 = select("quant").value().parse().unwrap_or(32);
    if bits != s.quant.map_or(32, |q| q.quant.bits) {
        s.quant = (bits < 32).then(|| {
            let mut q = s.quant.unwrap_or(advanced::Quantizing {
                quant: crate::quantize::Quant {
                    bits,
                    scheme: crate::quantize::Scheme::Symmetric,
                    granularity: crate::quantize::Granularity::PerTensor,
                },
                train: false,
                acts: false,
            });
            q.quant.bits = bits;
            q
        });
    }
    let list = select("aug").value();
    if list != augment_list(&s.augment) {
        let on = |a: &str| list.split(',').any(|w| w == a);
        let old = s.augment;
        let keep = |v: f32, default: f32| if v > 0.0 { v } else { default };
        s.augment = crate::augment::Augment {
            jitter: if on("jitter") { keep(old.jitter, 0.5) } else { 0.0 },
            rotate: if on("rotate") { keep(old.rotate, 30.0) } else { 0.0 },
            flip: on("flip"),
            mixup: if on("mixup") { keep(old.mixup, 0.4) } else { 0.0 },
        };
    }
    if let Some(q) = s.quant.as_mut() {
        q.acts = by_id::<HtmlInputElement>("quant-act").checked();
    }
    // The position applies to the layers' normalisation (none: nothing to place).
    if let Some(n) = s.norm.as_mut() {
        n.after = select("norm-at").value() == "after";
    }
    s
}

/// Applies what the controls say, if it differs from the link.
fn take_controls() {
    let (_, s) = current();
    let new = read_controls(s.clone());
    if new != s {
        apply(&new);
    }
}

/// `aug`'s value for `a`: its parts in the link's order, joined by commas.
fn augment_list(a: &crate::augment::Augment) -> String {
    let parts = [
        (a.jitter > 0.0, "jitter"),
        (a.rotate > 0.0, "rotate"),
        (a.flip, "flip"),
        (a.mixup > 0.0, "mixup"),
    ];
    let on: Vec<&str> = parts.iter().filter(|(on, _)| *on).map(|(_, k)| *k).collect();
    on.join(",")
}

/// A checkbox `id` (its words in `{id}-text`) beside the field of the control
/// `select_id`, not in it: a checkbox's words are not a field's title.
pub(super) fn checkbox_beside(select_id: &str, id: &str) -> HtmlInputElement {
    let label: Element = create("label");
    set_attr(&label, "class", "check");
    label.set_id(&format!("{id}-field"));
    let input: HtmlInputElement = create("input");
    input.set_type("checkbox");
    input.set_id(id);
    let text: Element = create("span");
    text.set_id(&format!("{id}-text"));
    label.append_child(&input).expect("append");
    label.append_child(&text).expect("append");
    if let Some(field) = by_id::<Element>(select_id).parent_element() {
        let _ = field.insert_adjacent_element("afterend", &label);
    }
    input
}

/// The panel's "Where to normalize" field (this module's own: the page's
/// first load has no room for it), made once, its words set again with the language.
fn norm_at_field() {
    let doc = dom::document();
    if doc.get_element_by_id("norm-at").is_none() {
        let field: Element = create("div");
        set_attr(&field, "class", "field");
        set_attr(&field, "data-help", "help-norm-at");
        let label: Element = create("label");
        set_attr(&label, "for", "norm-at");
        label.set_id("norm-at-label");
        let select: HtmlSelectElement = create("select");
        select.set_id("norm-at");
        for v in ["before", "after"] {
            let o: web_sys::HtmlOptionElement = create("option");
            o.set_value(v);
            select.append_child(&o).expect("append");
        }
        field.append_child(&label).expect("append");
        field.append_child(&select).expect("append");
        let bar: Element = by_id("advanced-bar");
        let figures = bar.query_selector(".adv-figures").ok().flatten();
        let _ = bar.insert_before(&field, figures.as_ref().map(|f| f.unchecked_ref::<web_sys::Node>()));
        dom::on(&select, "change", |_: Event| take_controls());
        let acts = checkbox_beside("quant", "quant-act");
        dom::on(&acts, "change", |_: Event| take_controls());
    }
    set_text(&by_id::<Element>("quant-act-text"), &crate::t!("adv-quant-act"));
    set_text(&by_id::<Element>("norm-at-label"), &crate::t!("adv-norm-at"));
    let at = select("norm-at");
    for (k, id) in ["adv-norm-before", "adv-norm-after"].iter().enumerate() {
        if let Some(o) = at.item(k as u32) {
            set_text(&o, &crate::t!(id));
        }
    }
}

fn wire() {
    norm_at_field();
    let prune: HtmlInputElement = by_id("prune");
    // While dragging: the number beside the slider; on release: the pruning itself.
    dom::on(&prune, "input", |_: Event| show_prune_value());
    for id in ["prune", "prune-by", "quant", "aug"] {
        dom::on(&by_id::<Element>(id), "change", |_: Event| take_controls());
    }
    let doc = dom::document();
    // The page sends this while its loop holds its state: read it a frame later.
    dom::on(&doc, "nnplay-progress", |_: Event| {
        if !PANEL.with(|p| std::mem::replace(&mut p.borrow_mut().scheduled, true)) {
            dom::request_frame(|| {
                PANEL.with(|p| p.borrow_mut().scheduled = false);
                figures();
            });
        }
    });
    dom::on(&dom::window(), "hashchange", |_: Event| sync_controls());
    dom::on(&doc, "change", |e: Event| {
        let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
        if let Some(t) = target.filter(|t| t.get_attribute("data-kind").as_deref() == Some("layer-norm")) {
            take_norm_selects(Some(&t));
        }
    });
    dom::on(&doc, "nnplay-lang", |_: Event| {
        install_language();
        norm_at_field();
        dots::label_text();
        PANEL.with(|p| p.borrow_mut().float_drawn = f64::NEG_INFINITY);
        figures();
    });
}

fn show_prune_value() {
    let v = by_id::<HtmlInputElement>("prune").value();
    set_text(&by_id::<Element>("prune-value"), &crate::t!("adv-percent", value = v));
}

/// The controls as the link sets them.
fn sync_controls() {
    sync_norm_selects();
    let (_, s) = current();
    let prune: HtmlInputElement = by_id("prune");
    prune.set_value(&s.prune.map_or(0.0, |p| p.percent).to_string());
    show_prune_value();
    // Without pruning the method stays as chosen: it applies when the slider moves.
    if let Some(p) = s.prune {
        select("prune-by").set_value(p.method.key());
    }
    select("quant").set_value(&s.quant.map_or(32, |q| q.quant.bits).to_string());
    let acts: HtmlInputElement = by_id("quant-act");
    acts.set_checked(s.quant.is_some_and(|q| q.acts));
    // Activations are quantised with the weights' bits: off while the weights are float.
    acts.set_disabled(s.quant.is_none());
    let at = select("norm-at");
    at.set_value(if s.norm.as_ref().is_some_and(|n| n.after) {
        "after"
    } else {
        "before"
    });
    // Where to normalize means something once a layer normalises.
    at.set_disabled(s.norm.is_none());
    let list = augment_list(&s.augment);
    let aug = select("aug");
    aug.set_value(&list);
    if aug.selected_index() < 0 {
        // A combination the list does not name: the link's own words.
        let option: web_sys::HtmlOptionElement = create("option");
        option.set_value(&list);
        option.set_text(&list.replace(',', ", "));
        let _ = aug.add_with_html_option_element(&option);
        aug.set_value(&list);
    }
}

/// The figures beside the controls, from the page's last drawn weights.
fn figures() {
    sync_norm_selects();
    let (hash, s) = current();
    PANEL.with(|p| {
        let mut p = p.borrow_mut();
        // The page's run is rebuilt when its setup changed; otherwise only its
        // weights are new (measured again only when the float network is drawn).
        let mut weights = None;
        match (&p.run, state_part(1).map(|v| crate::web::wire::incoming_from_js(&v))) {
            (Some((h, _)), Some(Ok(crate::web::wire::Incoming::Snapshot(snap)))) if *h == hash => {
                weights = Some((snap.params, snap.header.epoch));
            }
            _ => {
                p.run = crate::web::export::page_state_of(&boot())
                    .ok()
                    .map(|(run, _)| (hash, run))
            }
        }
        let now = dom::now_ms();
        let float_due = now - p.float_drawn >= FLOAT_MS;
        let epoch = weights.as_ref().map(|w| w.1 as u64);
        let p = &mut *p;
        if let Some((hash, run)) = p.run.as_mut() {
            let epoch = epoch.unwrap_or(run.trainer.epoch());
            dots::draw(&mut p.dots, Some(&run.trainer), hash, &s, epoch);
            if show(run, weights, &s, float_due) {
                p.float_drawn = now;
            }
        } else {
            dots::draw(&mut p.dots, None, "", &s, 0);
        }
    });
}

/// Shows the figures of `run` with the page's new `weights` (params, epoch;
/// None: the run's own) under settings `s`, and the float network when the
/// weights are quantised and `float_due`; true when it drew that.
fn show(run: &mut Run, weights: Option<(Vec<f32>, f64)>, s: &Settings, float_due: bool) -> bool {
    let mut net = run.trainer.network().clone();
    if let Some((params, _)) = &weights {
        let _ = net.set_params(params);
    }
    let sum = Summary::of(&net, s);
    let pct = format!("{:.1}", 100.0 * sum.sparsity);
    set_text(&by_id::<Element>("sparsity"), &crate::t!("adv-percent", value = pct));
    set_text(
        &by_id::<Element>("param-count"),
        &crate::t!(
            "adv-params-value",
            n = sum.params.to_string(),
            all = sum.all_params.to_string()
        ),
    );
    set_text(
        &by_id::<Element>("model-bytes"),
        &crate::t!(
            "adv-bytes-value",
            bytes = sum.bytes.to_string(),
            float = sum.float_bytes.to_string()
        ),
    );
    let figure = float_figure();
    // The float network is rebuilt here without the worker's normalisation
    // layers (their γ, β and statistics stay there): shown only without them.
    let no_float = s.quant.is_none() || s.norm.is_some();
    set_hidden(&figure, no_float);
    if no_float || !float_due {
        return false;
    }
    // The float network: the page's weights in a trainer without the advanced module's work.
    if let Some((params, epoch)) = weights {
        run.trainer.handle(ToWorker::Resume { params, epoch });
    }
    let scores = run.trainer.scores();
    let metric = match &scores.test {
        Metrics::Classification { accuracy, .. } => {
            crate::t!("adv-float-accuracy", value = format!("{:.1}", 100.0 * accuracy))
        }
        Metrics::Regression { r2, .. } => crate::t!("adv-float-r2", value = format!("{r2:.3}")),
    };
    set_text(
        &by_id::<Element>("float-figures"),
        &crate::t!(
            "adv-float-figures",
            loss = format!("{:.3}", scores.test_loss),
            metric = metric
        ),
    );
    let (rgba, _) = crate::export::pictures::boundary_rgba(&run.trainer, SIDE, SIDE as f32 / 300.0);
    let canvas: HtmlCanvasElement = by_id("float-boundary");
    if let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    {
        if let Ok(img) = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), SIDE as u32, SIDE as u32) {
            let _ = ctx.put_image_data(&img, 0.0, 0.0);
        }
    }
    true
}

/// The float network's figure in the panel, made on first use.
fn float_figure() -> Element {
    if let Some(f) = dom::document().get_element_by_id("float-figure") {
        return f;
    }
    let figure: Element = create("figure");
    figure.set_id("float-figure");
    set_attr(&figure, "class", "float-figure");
    let canvas: HtmlCanvasElement = create("canvas");
    canvas.set_id("float-boundary");
    canvas.set_width(SIDE as u32);
    canvas.set_height(SIDE as u32);
    set_attr(&canvas, "data-testid", "float-boundary");
    set_attr(&canvas, "role", "img");
    set_attr(
        &canvas,
        "aria-label",
        &crate::i18n::tr_attr("adv-float-picture", "aria-label"),
    );
    let caption: Element = create("figcaption");
    let title: Element = create("strong");
    set_text(&title, &crate::t!("adv-float-title"));
    let numbers: Element = create("span");
    numbers.set_id("float-figures");
    set_attr(&numbers, "data-testid", "float-figures");
    set_text(&numbers, &crate::t!("adv-float-wait"));
    caption.append_child(&title).expect("append");
    caption.append_child(&numbers).expect("append");
    figure.append_child(&canvas).expect("append");
    figure.append_child(&caption).expect("append");
    by_id::<Element>("advanced-bar").append_child(&figure).expect("append");
    figure
}
