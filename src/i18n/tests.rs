use super::*;
use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use std::collections::BTreeSet;

fn ids_and_vars(files: &[(&str, &str)]) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for &(_, text) in files {
        let res = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        for entry in res.entries() {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                let mut patterns: Vec<&ast::Pattern<&str>> = m.value.iter().collect();
                patterns.extend(m.attributes.iter().map(|a| &a.value));
                for p in patterns {
                    collect_vars(p, &mut vars);
                }
                let attrs: Vec<String> = m.attributes.iter().map(|a| format!(".{}", a.id.name)).collect();
                vars.extend(attrs);
                out.push((m.id.name.to_string(), vars));
            }
        }
    }
    out
}

fn collect_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            collect_expr(expression, vars);
        }
    }
}

fn collect_expr(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => collect_inline(i, vars),
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, vars);
            for v in variants {
                collect_vars(&v.value, vars);
            }
        }
    }
}

fn collect_inline(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(format!("${}", id.name));
        }
        ast::InlineExpression::Placeable { expression } => collect_expr(expression, vars),
        _ => {}
    }
}

#[test]
fn both_catalogs_parse() {
    Catalog::parse(Lang::En, EN_MAIN).unwrap_or_else(|e| panic!("{e:?}"));
    Catalog::parse(Lang::Zh, ZH_MAIN).unwrap_or_else(|e| panic!("{e:?}"));
    Catalog::parse(Lang::En, EN_TEACH).unwrap_or_else(|e| panic!("{e:?}"));
    Catalog::parse(Lang::Zh, ZH_TEACH).unwrap_or_else(|e| panic!("{e:?}"));
    Catalog::parse(Lang::En, EN_SEARCH).unwrap_or_else(|e| panic!("{e:?}"));
    Catalog::parse(Lang::Zh, ZH_SEARCH).unwrap_or_else(|e| panic!("{e:?}"));
    Catalog::parse(Lang::En, EN_EXPORT).unwrap_or_else(|e| panic!("{e:?}"));
    Catalog::parse(Lang::Zh, ZH_EXPORT).unwrap_or_else(|e| panic!("{e:?}"));
    Catalog::parse(Lang::En, EN_ADVANCED).unwrap_or_else(|e| panic!("{e:?}"));
    Catalog::parse(Lang::Zh, ZH_ADVANCED).unwrap_or_else(|e| panic!("{e:?}"));
}

/// Every message exists in both languages, with the same variables and attributes.
#[test]
fn catalogs_are_complete_and_agree() {
    for (en_files, zh_files) in [
        (EN_MAIN, ZH_MAIN),
        (EN_SEARCH, ZH_SEARCH),
        (EN_LATE, ZH_LATE),
        (EN_TEACH, ZH_TEACH),
        (EN_EXPORT, ZH_EXPORT),
        (EN_ADVANCED, ZH_ADVANCED),
    ] {
        let en = ids_and_vars(en_files);
        let zh: std::collections::BTreeMap<_, _> = ids_and_vars(zh_files).into_iter().collect();
        let en_ids: BTreeSet<_> = en.iter().map(|(id, _)| id.clone()).collect();
        let missing: Vec<_> = en_ids.iter().filter(|id| !zh.contains_key(*id)).collect();
        assert!(missing.is_empty(), "missing in Chinese: {missing:?}");
        let extra: Vec<_> = zh.keys().filter(|id| !en_ids.contains(*id)).collect();
        assert!(extra.is_empty(), "only in Chinese: {extra:?}");
        for (id, vars) in &en {
            assert_eq!(&zh[id], vars, "{id}: variables and attributes differ");
        }
    }
}

#[test]
fn a_syntax_error_names_file_and_line() {
    let err = Catalog::parse(Lang::En, &[("x.ftl", "a = fine\nb = { $\n")])
        .err()
        .unwrap();
    assert_eq!(err[0].file, "x.ftl");
    assert_eq!(err[0].line, 2, "{err:?}");
    let dup = Catalog::parse(Lang::En, &[("x.ftl", "a = 1\n"), ("y.ftl", "a = 2\n")])
        .err()
        .unwrap();
    assert_eq!(dup[0].file, "y.ftl");
}

#[test]
fn messages_format_with_arguments_and_fall_back_to_english() {
    let en = Catalog::parse(
        Lang::En,
        &[("t.ftl", "hi = Hello { $name }\nonly-en = Only\n    .title = Tip\n")],
    )
    .unwrap();
    let zh = Catalog::parse(Lang::Zh, &[("t.ftl", "hi = 你好 { $name }\n")]).unwrap();
    install(en, Some(zh));
    assert_eq!(crate::t!("hi", name = "Ada"), "你好 Ada");
    assert_eq!(crate::t!("only-en"), "Only");
    assert_eq!(tr_attr("only-en", "title"), "Tip");
    assert_eq!(crate::t!("nowhere"), "nowhere");
    assert_eq!(lang(), Lang::Zh);
    install(Catalog::parse(Lang::En, EN_MAIN).unwrap(), None);
    assert_eq!(lang(), Lang::En);
}

#[test]
fn language_tags() {
    assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("ZH_hans"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(Lang::from_tag(""), None);
    assert_eq!(Lang::from_browser(&["fr-FR", "zh-TW", "en"]), Lang::Zh);
    assert_eq!(Lang::from_browser::<&str>(&[]), Lang::En);
}

/// Every `t!("id")`, `tr_attr("id", …)` and `data-l10n-id="id"` of the code
/// and the page names a message of the English catalog (the page's files
/// with the search panel's), and index.html's English `<title>` is the
/// catalog's (no drift).
#[test]
fn every_id_in_the_code_and_the_page_exists() {
    let mut files: Vec<(&str, &str)> = EN_MAIN.to_vec();
    files.extend_from_slice(EN_SEARCH);
    files.extend_from_slice(EN_LATE);
    files.extend_from_slice(EN_TEACH);
    files.extend_from_slice(EN_EXPORT);
    files.extend_from_slice(EN_ADVANCED);
    let en = Catalog::parse(Lang::En, &files).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let mut sources = vec![
        std::fs::read_to_string(format!("{root}/index.html")).unwrap(),
        std::fs::read_to_string(format!("{root}/www/search_panel.html")).unwrap(),
    ];
    let mut dirs = vec![std::path::PathBuf::from(format!("{root}/src"))];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.to_string_lossy().contains("/i18n/") {
                sources.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    let mut missing = Vec::new();
    for text in &sources {
        for marker in ["t!(\"", "tr_attr(\"", "data-l10n-id=\""] {
            for (i, _) in text.match_indices(marker) {
                // `t!(` itself, not the end of `format!(`.
                if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[i + marker.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                if !en.has(id) {
                    missing.push(id.to_string());
                }
            }
        }
    }
    assert!(missing.is_empty(), "ids without an English message: {missing:?}");
    let html = &sources[0];
    let title = html.split("<title data-l10n-id=\"page-title\">").nth(1).unwrap();
    assert_eq!(
        &title[..title.find('<').unwrap()],
        en.message("page-title", None).unwrap()
    );
}

/// Every choice the page labels by its link key (`i18n::keyed`) has its message.
#[test]
fn every_choice_has_a_label() {
    let mut files: Vec<(&str, &str)> = EN_MAIN.to_vec();
    files.extend_from_slice(EN_SEARCH);
    files.extend_from_slice(EN_TEACH);
    let en = Catalog::parse(Lang::En, &files).unwrap();
    let mut ids: Vec<String> = Vec::new();
    let mut add = |prefix: &str, keys: Vec<&str>| ids.extend(keys.into_iter().map(|k| format!("{prefix}-{k}")));
    add("ctl", crate::control::Control::ALL.map(|c| c.key()).to_vec());
    add("preset", crate::control::Preset::ALL.map(|c| c.key()).to_vec());
    add("picture", crate::page::Picture::ALL.map(|c| c.key()).to_vec());
    add("delimiter", crate::importer::Delimiter::ALL.map(|c| c.key()).to_vec());
    add("first-row", crate::importer::FirstRow::ALL.map(|c| c.key()).to_vec());
    add("strays", crate::prep::Strays::ALL.map(|c| c.key()).to_vec());
    add("missing", crate::prep::Missing::ALL.map(|c| c.key()).to_vec());
    add("scaling", crate::prep::Scaling::ALL.map(|c| c.key()).to_vec());
    add("speed", crate::pace::Speed::ALL.map(|c| c.key()).to_vec());
    add("sched", crate::schedule::Schedule::KEYS.to_vec());
    add("kind", crate::table::ColumnKind::CHOSEN.map(|c| c.key()).to_vec());
    add("problem", crate::dataset::Problem::ALL.map(|c| c.key()).to_vec());
    add("target", crate::dataset::Problem::ALL.map(|c| c.key()).to_vec());
    add("ds", crate::dataset::DatasetKind::ALL.map(|c| c.key()).to_vec());
    add("act", crate::activation::Activation::ALL.map(|c| c.key()).to_vec());
    add("act", vec!["softmax"]);
    add(
        "reg",
        crate::regularization::Regularization::ALL.map(|c| c.key()).to_vec(),
    );
    add("init", crate::init::Init::ALL.map(|c| c.key()).to_vec());
    add("loss", crate::loss::Loss::ALL.map(|c| c.key()).to_vec());
    add("loss-explained", crate::loss::Loss::ALL.map(|c| c.key()).to_vec());
    add("opt", crate::optimizer::Optimizer::KEYS.to_vec());
    add(
        "param",
        vec![
            "mom", "b1", "b2", "eps", "rho", "wd", "severy", "sfactor", "speriod", "smin", "swarm",
        ],
    );
    add("strategy", crate::search::spec::Strategy::ALL.map(|c| c.key()).to_vec());
    add(
        "objective",
        crate::search::objective::Objective::ALL.map(|c| c.key()).to_vec(),
    );
    add("pruner", crate::search::pruner::Pruner::ALL.map(|c| c.key()).to_vec());
    add(
        "setting",
        crate::search::setting::Setting::ALL.map(|c| c.key()).to_vec(),
    );
    let missing: Vec<_> = ids.iter().filter(|id| !en.has(id)).collect();
    assert!(missing.is_empty(), "choices without a label: {missing:?}");
}
