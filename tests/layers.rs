#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The layer rule: each top-level module of `src/` imports only from the
//! layers below it (CLAUDE.md, "Layers"). This test reads every `crate::…`
//! path in the code (comments and `#[cfg(test)]` sections aside: tests may
//! drive a rule end to end through the engine and render what it reports) and fails on an upward or
//! sideways import.

use std::path::Path;

/// Bottom to top. A module may use the modules before it in this list.
const LAYERS: &[&str] = &[
    "text", "source", "load", "parse", "redact", "model", "compile", "rules", "engine", "report",
    "cli", "fuzz",
];

/// Crate-root items every layer may use: the macros defined in lib.rs.
const ROOT_ITEMS: &[&str] = &["regex", "declare_rule", "declare_family", "typed_object"];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == module)
}

/// The top-level module a file under `src/` belongs to.
fn module_of(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_string()
}

/// The code of a file without comments and without its test sections.
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        // A test section runs to the end of the file (`#![cfg(test)]`: the
        // whole file).
        if matches!(line.trim_start(), "#[cfg(test)]" | "#![cfg(test)]") {
            break;
        }
        let line = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_module_imports_only_from_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    let path_re = regex::Regex::new(r"\bcrate::([a-z_]+)").unwrap();
    let mut violations = Vec::new();
    let mut unknown = Vec::new();
    for file in &all {
        let rel = file.strip_prefix(&src).unwrap();
        let module = module_of(rel);
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(own) = rank(&module) else {
            unknown.push(rel.display().to_string());
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in code(&text).lines().enumerate() {
            for c in path_re.captures_iter(line) {
                let used = &c[1];
                if used == module || ROOT_ITEMS.contains(&used) {
                    continue;
                }
                match rank(used) {
                    Some(r) if r < own => {}
                    _ => violations.push(format!(
                        "{}:{}: `{module}` uses `crate::{used}`",
                        rel.display(),
                        n + 1
                    )),
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "modules missing from the layer table: {unknown:?}"
    );
    assert!(
        violations.is_empty(),
        "imports from a layer that is not below:\n{}",
        violations.join("\n")
    );
}

/// The test itself catches what it is for: a made-up upward import.
#[test]
fn an_upward_import_is_caught() {
    let text = "use crate::engine::config::Config;\n// crate::cli in a comment\n#[cfg(test)]\nuse crate::cli;\n";
    let code = code(text);
    assert!(code.contains("crate::engine"));
    assert!(!code.contains("crate::cli"));
    assert!(rank("engine") > rank("model"));
}
