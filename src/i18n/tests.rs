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
}

/// Every message exists in both languages, with the same variables and attributes.
#[test]
fn catalogs_are_complete_and_agree() {
    for (en_files, zh_files) in [(EN_MAIN, ZH_MAIN), (EN_TEACH, ZH_TEACH)] {
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
