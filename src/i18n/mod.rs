//! The page's words, in English and Simplified Chinese, kept in Project
//! Fluent translation files (`i18n/en/*.ftl`, `i18n/zh/*.ftl`) and formatted by
//! `fluent-bundle`. Pure: the glue (`web::l10n`) fills the DOM and fetches the
//! other language on demand.
//!
//! Code asks for a message by its id: `t!("play")`, or with arguments
//! `t!("epochs-left", n = fmt_plain(x))`. Numbers are best passed already
//! formatted (as strings): the page formats them one way in both languages.
//! A message missing from the active language falls back to English, then to
//! its id (a test keeps both catalogs complete, so neither happens).

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::cell::RefCell;
use std::fmt;

mod lang;
mod link;
pub use lang::Lang;
pub use link::{lang_part, link_lang, relink};

/// The English files of the playground's page, embedded in its wasm (so
/// without comments: `i18n/zh/` has the same ids, with the sections named). The other
/// language's files of the same names are fetched when the page switches.
pub const MAIN_FILES: &[&str] = &["page.ftl", "draw.ftl", "help.ftl"];

/// The embedded English text of `MAIN_FILES` (same order).
pub const EN_MAIN: &[(&str, &str)] = &[
    ("page.ftl", include_str!("../../i18n/en/page.ftl")),
    ("draw.ftl", include_str!("../../i18n/en/draw.ftl")),
    ("help.ftl", include_str!("../../i18n/en/help.ftl")),
];

/// Every translation file, both languages, for the tests (and for a module
/// small enough to carry both).
pub const ZH_MAIN: &[(&str, &str)] = &[
    ("page.ftl", include_str!("../../i18n/zh/page.ftl")),
    ("draw.ftl", include_str!("../../i18n/zh/draw.ftl")),
    ("help.ftl", include_str!("../../i18n/zh/help.ftl")),
];

/// The files of the teach module (lessons, the lesson editor, the QR code):
/// both languages, embedded in that module only.
pub const EN_TEACH: &[(&str, &str)] = &[("lessons.ftl", include_str!("../../i18n/en/lessons.ftl"))];
pub const ZH_TEACH: &[(&str, &str)] = &[("lessons.ftl", include_str!("../../i18n/zh/lessons.ftl"))];
/// The search panel's own words (its module embeds both languages, with the
/// page's files: its controls share the page's names).
/// The English words the page fetches when first needed (`web::help`): the
/// explanations, the article under the playground, the import panel's. Natively
/// (tests, tools) they are part of the catalog from the start.
#[cfg(not(target_arch = "wasm32"))]
pub const EN_LATE: &[(&str, &str)] = &[("explain.ftl", include_str!("../../i18n/en/explain.ftl"))];
#[cfg(not(target_arch = "wasm32"))]
pub const ZH_LATE: &[(&str, &str)] = &[("explain.ftl", include_str!("../../i18n/zh/explain.ftl"))];

/// The export module's own words (model files, code, pictures, links; with the page's files).
pub const EN_EXPORT: &[(&str, &str)] = &[("export.ftl", include_str!("../../i18n/en/export.ftl"))];
pub const ZH_EXPORT: &[(&str, &str)] = &[("export.ftl", include_str!("../../i18n/zh/export.ftl"))];
/// The advanced module's words (`src/web/advanced`).
pub const EN_ADVANCED: &[(&str, &str)] = &[("advanced.ftl", include_str!("../../i18n/en/advanced.ftl"))];
pub const ZH_ADVANCED: &[(&str, &str)] = &[("advanced.ftl", include_str!("../../i18n/zh/advanced.ftl"))];

pub const EN_SEARCH: &[(&str, &str)] = &[("search.ftl", include_str!("../../i18n/en/search.ftl"))];
pub const ZH_SEARCH: &[(&str, &str)] = &[("search.ftl", include_str!("../../i18n/zh/search.ftl"))];

/// A translation file that does not parse: the file, the line and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogError {
    pub file: String,
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}: {}", self.file, self.line, self.problem)
    }
}

/// One language's messages.
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Catalog {
    /// Parses `files` (name, text) into one catalog. A syntax error or an id
    /// defined twice is an error naming the file and line.
    pub fn parse(lang: Lang, files: &[(&str, &str)]) -> Result<Catalog, Vec<CatalogError>> {
        let mut bundle = FluentBundle::new(vec![lang.identifier()]);
        // No Unicode isolation marks around arguments: the page shows plain text.
        bundle.set_use_isolating(false);
        let mut errors = Vec::new();
        for &(file, text) in files {
            let line_of = |pos: usize| text[..pos.min(text.len())].matches('\n').count() + 1;
            let resource = match FluentResource::try_new(text.to_string()) {
                Ok(r) => r,
                Err((r, parse_errors)) => {
                    errors.extend(parse_errors.into_iter().map(|e| CatalogError {
                        file: file.into(),
                        line: line_of(e.pos.start),
                        problem: e.kind.to_string(),
                    }));
                    r
                }
            };
            if let Err(add_errors) = bundle.add_resource(resource) {
                errors.extend(add_errors.into_iter().map(|e| CatalogError {
                    file: file.into(),
                    line: 0,
                    problem: e.to_string(),
                }));
            }
        }
        if errors.is_empty() {
            Ok(Catalog { lang, bundle })
        } else {
            Err(errors)
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` (its value), or None when this catalog lacks it.
    pub fn message(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(self.bundle.format_pattern(pattern, args, &mut errors).into_owned())
    }

    /// The attribute `attr` of message `id` (Fluent's `.attr = …`), used for
    /// an element's `aria-label`, `title` or `placeholder`.
    pub fn attribute(&self, id: &str, attr: &str) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.get_attribute(attr)?.value();
        let mut errors = Vec::new();
        Some(self.bundle.format_pattern(pattern, None, &mut errors).into_owned())
    }

    /// The names of `id`'s attributes.
    pub fn attributes(&self, id: &str) -> Vec<String> {
        self.bundle
            .get_message(id)
            .map(|m| m.attributes().map(|a| a.id().to_string()).collect())
            .unwrap_or_default()
    }
}

struct Active {
    current: Catalog,
    /// English, for a message the current language lacks.
    english: Option<Catalog>,
}

thread_local! {
    static ACTIVE: RefCell<Option<Active>> = const { RefCell::new(None) };
}

/// Makes `english` the fallback and `current` (None: English itself) the language
/// every `t!` answers in from now on.
pub fn install(english: Catalog, current: Option<Catalog>) {
    let active = match current {
        Some(current) => Active {
            current,
            english: Some(english),
        },
        None => Active {
            current: english,
            english: None,
        },
    };
    ACTIVE.with(|a| *a.borrow_mut() = Some(active));
}

/// The embedded English catalog of the page.
fn english() -> Catalog {
    Catalog::parse(Lang::En, EN_MAIN).unwrap_or_else(|_| unreachable!("the embedded English catalog parses (tested)"))
}

/// Installs English and, unless `texts` is empty, Chinese from `texts` (the
/// Chinese `MAIN_FILES`, same order). A file that does not parse leaves
/// English installed and is the error (file and line).
pub fn install_main(texts: &[String]) -> Result<(), String> {
    let english = english();
    if texts.is_empty() {
        install(english, None);
        return Ok(());
    }
    let files: Vec<(&str, &str)> = MAIN_FILES
        .iter()
        .copied()
        .zip(texts.iter().map(String::as_str))
        .collect();
    match Catalog::parse(Lang::Zh, &files) {
        Ok(zh) => {
            install(english, Some(zh));
            Ok(())
        }
        Err(e) => {
            install(english, None);
            Err(e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))
        }
    }
}

/// Installs the embedded English files of the page (until `install` says otherwise).
fn ensure_installed() {
    ACTIVE.with(|a| {
        if a.borrow().is_none() {
            // Natively (tests, tools) the search panel's words too; its module
            // installs them itself in the browser.
            #[cfg(not(target_arch = "wasm32"))]
            let files: &[(&str, &str)] = &[EN_MAIN, EN_SEARCH, EN_LATE, EN_EXPORT].concat();
            #[cfg(target_arch = "wasm32")]
            let files = EN_MAIN;
            let english = Catalog::parse(Lang::En, files)
                .unwrap_or_else(|_| unreachable!("the embedded English catalog parses (tested)"));
            *a.borrow_mut() = Some(Active {
                current: english,
                english: None,
            });
        }
    });
}

/// The language `t!` answers in.
pub fn lang() -> Lang {
    ensure_installed();
    ACTIVE.with(|a| a.borrow().as_ref().map_or(Lang::En, |a| a.current.lang()))
}

/// Runs `f` with the active catalog and the English fallback.
pub fn with<R>(f: impl FnOnce(&Catalog, Option<&Catalog>) -> R) -> R {
    ensure_installed();
    ACTIVE.with(|a| {
        let a = a.borrow();
        let a = a.as_ref().expect("installed above");
        f(&a.current, a.english.as_ref())
    })
}

/// The message `id` in the active language (English when it lacks it, else the id).
pub fn tr(id: &str, args: Option<&FluentArgs>) -> String {
    with(|current, english| {
        current
            .message(id, args)
            .or_else(|| english.and_then(|e| e.message(id, args)))
            .unwrap_or_else(|| id.to_string())
    })
}

/// The attribute `attr` of message `id` in the active language.
pub fn tr_attr(id: &str, attr: &str) -> String {
    with(|current, english| {
        current
            .attribute(id, attr)
            .or_else(|| english.and_then(|e| e.attribute(id, attr)))
            .unwrap_or_else(|| format!("{id}.{attr}"))
    })
}

/// The message `{prefix}-{key}`: the label of a choice by its link key
/// (`keyed("act", "relu")` is `act-relu`).
pub fn keyed(prefix: &str, key: &str) -> String {
    tr(&format!("{prefix}-{key}"), None)
}

/// Arguments for `tr`: `args(&[("n", "3".into())])`.
pub fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut a = FluentArgs::new();
    for (k, v) in pairs {
        a.set(*k, v.clone());
    }
    a
}

/// `t!("id")` or `t!("id", name = value, …)`: the message in the active
/// language. Values are anything `Into<FluentValue>` (strings, numbers).
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::tr($id, None)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), ::fluent_bundle::FluentValue::from($value)); )+
        $crate::i18n::tr($id, Some(&args))
    }};
}

// Native only: the tests read the files' syntax trees with fluent-syntax, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

/// Adds a file fetched after start-up (the explanations, `help::FILE`) to the
/// active catalog, when that catalog is in `lang`. False when another language
/// is active by now, or the file does not parse or repeats an id.
pub fn add(lang: Lang, file_text: &str) -> bool {
    ensure_installed();
    ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        let Some(c) = a.as_mut().map(|a| &mut a.current).filter(|c| c.lang == lang) else {
            return false;
        };
        FluentResource::try_new(file_text.to_string()).is_ok_and(|r| c.bundle.add_resource(r).is_ok())
    })
}
