//! Fuzz harnesses. Each takes arbitrary bytes, runs one stage of skillc on
//! them and asserts what must hold for any input: no panic, every span inside
//! its text and on character boundaries, redaction idempotent, runs
//! deterministic. `fuzz/fuzz_targets/*` call these under cargo-fuzz, and
//! `tests/fuzz_regressions.rs` replays every saved input in
//! `fuzz/regressions/<target>/` on stable Rust, so a crash found once stays
//! fixed.

use crate::source::Span;

/// A harness: arbitrary bytes in, a panic when an invariant breaks.
pub type Harness = fn(&[u8]);

/// The harnesses by target name, as `fuzz/fuzz_targets` and the regression
/// test know them.
pub const TARGETS: &[(&str, Harness)] = &[
    ("frontmatter", frontmatter),
    ("yaml", yaml),
    ("markdown", markdown),
    ("shell", shell),
    ("json", json),
    ("redact", redact),
    ("tree", tree),
];

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Panics unless `span` lies inside `text` on character boundaries.
fn inside(text: &str, span: Span, what: &str) {
    let (s, e) = (span.start as usize, span.end as usize);
    assert!(
        s <= e && e <= text.len(),
        "{what}: {span:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s) && text.is_char_boundary(e),
        "{what}: {span:?} splits a character"
    );
}

fn yaml_node(text: &str, n: &crate::parse::yaml::YamlNode) {
    use crate::parse::yaml::YamlKind;
    // Iterative: the harness must not be what overflows the stack.
    let mut stack = vec![n];
    while let Some(n) = stack.pop() {
        inside(text, n.span, "yaml node");
        match &n.kind {
            YamlKind::Seq(items) => stack.extend(items),
            YamlKind::Map(entries) => {
                for (k, v) in entries {
                    stack.push(k);
                    stack.push(v);
                }
            }
            YamlKind::Scalar { .. } | YamlKind::Alias => {}
        }
    }
}

fn yaml_doc(text: &str, doc: &crate::parse::yaml::YamlDoc) {
    if let Some(root) = &doc.root {
        yaml_node(text, root);
    }
    for (a, b, _) in &doc.duplicate_keys {
        inside(text, *a, "duplicate key");
        inside(text, *b, "first key");
    }
}

/// Frontmatter splitting and the strict-then-lenient YAML parse.
pub fn frontmatter(data: &[u8]) {
    use crate::parse::frontmatter::{FrontmatterState, split};
    let text = text(data);
    let (state, body) = split(&text, 0);
    assert!(
        body <= text.len() && text.is_char_boundary(body),
        "body start {body}"
    );
    match &state {
        FrontmatterState::Missing => {}
        FrontmatterState::NotAtStart { span } | FrontmatterState::Unclosed { span } => {
            inside(&text, *span, "frontmatter")
        }
        FrontmatterState::Present(fm) => {
            inside(&text, fm.span, "frontmatter");
            inside(&text, fm.yaml_span, "frontmatter yaml");
            if let Some(doc) = fm.doc() {
                // The lenient retry parses rewritten text; its spans map back.
                yaml_doc(&text, doc);
            }
            match &fm.parse {
                crate::parse::frontmatter::YamlParse::Lenient { error, fixed, .. } => {
                    inside(&text, error.span, "yaml error");
                    for (s, _) in fixed {
                        inside(&text, *s, "lenient fix");
                    }
                }
                crate::parse::frontmatter::YamlParse::Invalid(e) => {
                    inside(&text, e.span, "yaml error")
                }
                crate::parse::frontmatter::YamlParse::Strict(_) => {}
            }
        }
    }
}

/// YAML parsing (skill.yaml, plugin.yaml) and typed deserialisation.
pub fn yaml(data: &[u8]) {
    let text = text(data);
    match crate::parse::yaml::parse(&text, 0) {
        Ok(doc) => {
            yaml_doc(&text, &doc);
            if let Some(root) = &doc.root {
                let _ = crate::parse::yaml_de::from_node::<crate::model::typed_source::SkillSource>(
                    root,
                );
                let _ = crate::parse::yaml_de::from_node::<crate::model::typed_source::PluginSource>(
                    root,
                );
            }
        }
        Err(e) => inside(&text, e.span, "yaml error"),
    }
}

/// The markdown model: headings, links, code blocks, text runs, mentions.
pub fn markdown(data: &[u8]) {
    let text = text(data);
    let md = crate::parse::markdown::parse(&text, 0);
    for h in &md.headings {
        inside(&text, h.span, "heading");
    }
    for l in &md.links {
        inside(&text, l.span, "link");
        inside(&text, l.dest_span, "link destination");
    }
    for b in &md.code_blocks {
        inside(&text, b.span, "code block");
        for c in &b.content {
            inside(&text, *c, "code block line");
        }
    }
    for s in md.inline_code.iter().chain(&md.text).chain(&md.html) {
        inside(&text, *s, "text run");
    }
    for m in &md.mentions {
        inside(&text, m.span, "mention");
    }
    for p in &md.paths {
        inside(&text, p.span, "path mention");
    }
}

fn shell_block(text: &str, b: &crate::parse::shell::ShellBlock) {
    inside(text, b.span, "shell block");
    for c in b.commands() {
        inside(text, c.span(), "command");
        inside(text, c.name_span(), "command name");
        for a in c.args().iter() {
            inside(text, a.span(), "word");
        }
    }
    for (_, s) in b.constructs() {
        inside(text, s, "construct");
    }
    for (s, _) in b.split_loops() {
        inside(text, s, "loop");
    }
    for s in b.xtrace() {
        inside(text, s, "xtrace");
    }
    for (s, _) in b.comments() {
        inside(text, s, "comment");
    }
    for (_, s) in b.used() {
        inside(text, s, "variable use");
    }
    if let Some((s, _)) = b.syntax_error() {
        inside(text, s, "syntax error");
    }
}

/// Shell as a script file and as a fenced block inside markdown (where its
/// offsets map back through the block's pieces).
pub fn shell(data: &[u8]) {
    let parser = crate::parse::shell::ShellParser::default();
    let script = std::sync::Arc::new(text(data));
    shell_block(&script, &parser.script(&script, 0));
    for lang in ["bash", "console"] {
        let file = std::sync::Arc::new(format!(
            "# Run\n\n- step\n\n  ```{lang}\n  {}\n  ```\n",
            script.replace('\n', "\n  ")
        ));
        let md = crate::parse::markdown::parse(&file, 0);
        for b in &md.code_blocks {
            if let Some(block) = parser.code_block(&file, b) {
                shell_block(&file, &block);
            }
        }
    }
}

/// JSON manifests (with comments and trailing commas, as Claude Code reads them).
pub fn json(data: &[u8]) {
    let text = text(data);
    match crate::parse::json::parse(&text, 0) {
        Ok(doc) => {
            let mut stack = vec![&doc.root];
            while let Some(n) = stack.pop() {
                inside(&text, n.span, "json node");
                match &n.kind {
                    crate::parse::json::JsonKind::Array(items) => stack.extend(items),
                    crate::parse::json::JsonKind::Object(members) => {
                        for m in members {
                            inside(&text, m.key_span, "json key");
                            stack.push(&m.value);
                        }
                    }
                    _ => {}
                }
            }
        }
        Err(e) => inside(&text, e.span, "json error"),
    }
}

/// Detection spans, and `redact` idempotent: a second pass changes nothing.
pub fn redact(data: &[u8]) {
    use crate::redact::replace::{Mapping, redact};
    let text = text(data);
    // What `skillc redact` runs with: a session, where every address is
    // someone's (published text's context tests are not idempotent under
    // replacement, and `redact` does not use them).
    let cfg = crate::redact::RedactConfig::session();
    for c in [&cfg, &crate::redact::RedactConfig::default()] {
        let mut end = 0;
        for h in &crate::redact::detect(&text, c) {
            assert!(h.range.start >= end, "overlapping hits");
            inside(&text, Span::new(h.range.start, h.range.end), "hit");
            end = h.range.end;
        }
    }
    let (once, _) = redact(&text, &cfg, &[], &mut Mapping::default());
    let (twice, again) = redact(&once, &cfg, &[], &mut Mapping::default());
    assert_eq!(twice, once, "redact is not idempotent");
    assert!(again.is_empty(), "a second redact replaced {again:?}");
}

/// A whole marketplace: the input is split on NUL bytes into a skill, a
/// reference, a command, a plugin.json and a skill.yaml; the tree is
/// checked, reported in every format, built in memory and checked again.
pub fn tree(data: &[u8]) {
    let text = text(data);
    let mut parts = text.split('\0');
    let mut next = || parts.next().unwrap_or("").to_string();
    let files = [
        ("plugins/demo/skills/deploy/SKILL.md", next()),
        ("plugins/demo/skills/deploy/references/runbook.md", next()),
        ("plugins/demo/commands/go.md", next()),
        ("plugins/demo/.claude-plugin/plugin.json", next()),
        ("plugins/demo/skills/build/skill.yaml", next()),
    ];
    let Ok(dir) = tempfile_dir() else {
        return;
    };
    let root = dir.as_path();
    let marketplace = r#"{"name":"m","owner":{"name":"o"},"plugins":[{"name":"demo","source":"./plugins/demo"}]}"#;
    let mut all = vec![(".claude-plugin/marketplace.json", marketplace.to_string())];
    all.extend(files.iter().map(|(p, t)| (*p, t.clone())));
    for (rel, body) in &all {
        if body.is_empty() && rel.ends_with("skill.yaml") {
            continue;
        }
        let p = root.join(rel);
        if let Some(parent) = p.parent()
            && std::fs::create_dir_all(parent).is_err()
        {
            return;
        }
        if std::fs::write(&p, body).is_err() {
            return;
        }
    }
    let session = crate::engine::Session::default();
    let Ok(loaded) = session.load(root) else {
        let _ = std::fs::remove_dir_all(root);
        return;
    };
    let diags = session.check(&loaded);
    for d in &diags {
        for l in &d.labels {
            inside(loaded.db.text(l.file), l.span, d.rule.id);
        }
    }
    let summary = crate::rules::diag::Summary::of(&diags, loaded.db.len());
    for &format in <crate::report::Format as clap::ValueEnum>::value_variants() {
        let options = crate::report::HumanOptions {
            color: false,
            width: 80,
        };
        let paths = format.paths(&loaded.root);
        let _ = crate::report::render(format, &diags, &loaded.db, summary, options, &paths);
    }
    let _ = session.plan_build(&loaded);
    let again = session.check(&loaded);
    assert_eq!(diags.len(), again.len(), "a second run differs");
    // A narrowed run reads and parses less, but reports the same.
    for (rel, _) in &all {
        if let Ok((narrowed, full)) =
            crate::engine::scope::narrowed_and_full(root, &loaded, &diags, rel)
        {
            assert_eq!(narrowed, full, "narrowed to {rel}");
        }
    }
    let _ = std::fs::remove_dir_all(root);
}

/// A fresh directory under the system temp dir (tempfile is a dev-dependency
/// only, and the fuzz crate links the library without it).
fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!(
        "skillc-fuzz-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
