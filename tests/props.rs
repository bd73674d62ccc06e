//! Property tests over whole trees: whatever a contributor writes, every
//! finding points inside its file on character boundaries, every reporter
//! renders it, and two runs agree byte for byte.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::write;
use proptest::prelude::*;

/// Pieces of skill text, well-formed and not: frontmatter traps, links,
/// mentions, phases, fences with shell, private data, multibyte text, CRLF.
fn piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("# Title\n"),
        Just("## Phase 2 — Ärger\n"),
        Just("See [the runbook](references/runbook.md#before-you-start).\n"),
        Just("See [gone](references/gone.md#nope) and /demo:deplyo.\n"),
        Just("Go to Phase 9, then STOP GATE 3.\n"),
        Just("```bash\nkubectl apply -f x.yaml\nhelm upgrade app ./chart\n```\n"),
        Just("```bash\nfor f in $(ls); do echo $f; done\ndeclare -A m\n```\n"),
        Just("```sh\nif [ -n \"$X\" ; then\n```\n"),
        Just("```\nunterminated fence\n"),
        Just("Host 10.20.30.40, mail ops@corp.internal, key AKIAABCDEFGHIJKLMNOP.\n"),
        Just("日本語のテキスト — ünïcödé 🚀 text.\n"),
        Just("line with CRLF\r\n"),
        Just("<!-- skillc-disable-next-line XREF001 -->\n"),
        Just("<!-- skillc-disable nope -->\n"),
        Just("`references/missing.md` and `scripts/run.sh`\n"),
        Just("\t- tabbed: list: item\n"),
        Just("\u{feff}"),
        Just(""),
    ]
}

fn frontmatter() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\nname: deploy\ndescription: Deploys. Use when shipping.\n---\n".to_string()),
        Just("---\nname: deploy\ndescription: Deploys. Use when: shipping.\n---\n".to_string()),
        Just("---\nname: Deploy It\ndescription: [unclosed\n---\n".to_string()),
        Just("---\nname: deploy\n".to_string()),
        Just("---\n- a\n- b\n---\n".to_string()),
        Just("---\nname: deploy\ndescription: |\n  Multi\n  line ü\n---\n".to_string()),
        Just(String::new()),
    ]
}

fn skill() -> impl Strategy<Value = String> {
    (frontmatter(), prop::collection::vec(piece(), 0..12))
        .prop_map(|(fm, parts)| format!("{fm}{}", parts.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn spans_are_inside_files_and_runs_agree(a in skill(), b in skill(), r in skill()) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, ".claude-plugin/marketplace.json", r#"{"name":"m","owner":{"name":"o"},"plugins":[{"name":"demo","source":"./plugins/demo","description":"Demo: deploy, debug."}]}"#);
        write(root, "plugins/demo/.claude-plugin/plugin.json", r#"{"name":"demo","version":"1.0.0","description":"Demo: deploy, debug."}"#);
        write(root, "plugins/demo/skills/deploy/SKILL.md", &a);
        write(root, "plugins/demo/skills/debug/SKILL.md", &b);
        write(root, "plugins/demo/skills/deploy/references/runbook.md", &r);
        let session = skillc::engine::Session::default();
        let loaded = session.load(root).unwrap();
        let diags = session.check(&loaded);
        for d in &diags {
            for l in &d.labels {
                let text = loaded.db.text(l.file);
                let (s, e) = (l.span.start as usize, l.span.end as usize);
                prop_assert!(s <= e && e <= text.len(), "{} {:?} outside {} bytes", d.rule.id, l.span, text.len());
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{} {:?} splits a character", d.rule.id, l.span);
            }
        }
        let summary = skillc::rules::diag::Summary::of(&diags, loaded.db.len());
        for &format in <skillc::report::Format as clap::ValueEnum>::value_variants() {
            let options = skillc::report::HumanOptions { color: false, width: 100 };
            let paths = format.paths(root);
            let once = skillc::report::render(format, &diags, &loaded.db, summary, options, &paths);
            let again = skillc::report::render(format, &diags, &loaded.db, summary, options, &paths);
            prop_assert_eq!(&once, &again);
        }
        let second = session.check(&session.load(root).unwrap());
        prop_assert_eq!(
            diags.iter().map(|d| (d.rule.id, d.span(), d.message.clone())).collect::<Vec<_>>(),
            second.iter().map(|d| (d.rule.id, d.span(), d.message.clone())).collect::<Vec<_>>()
        );
    }
}

/// Pieces that tie two plugins together: anchor links into the other plugin,
/// another skill's phases, headings those point at.
fn linked_piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        piece(),
        Just(
            "Read [notes](../../../../ops/skills/upgrade/references/notes.md#steps), not [this](../../../../ops/skills/upgrade/references/notes.md#nope).\n"
        ),
        Just(
            "See [the runbook](../../../../demo/skills/deploy/references/runbook.md#phase-2--ärger).\n"
        ),
        Just(
            "Set up as [the guide](../../../../ops/GUIDE.md#steps) says ([not](../../../../ops/GUIDE.md#nope)).\n"
        ),
        Just("As in upgrade Phase 4, then deploy Phase 2.\n"),
        Just("## Phase 1 — Start\n"),
        Just("## Steps\n"),
        Just("Wait at STOP GATE 1.\n\n## STOP GATE 1 — approve\n"),
    ]
}

fn linked_doc() -> impl Strategy<Value = String> {
    (frontmatter(), prop::collection::vec(linked_piece(), 0..10))
        .prop_map(|(fm, parts)| format!("{fm}{}", parts.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A narrowed run (one changed file) reports exactly what the full run
    /// narrowed to that file reports, though it reads and parses much less.
    #[test]
    fn narrowed_runs_report_what_full_runs_do(
        deploy in linked_doc(),
        runbook in linked_doc(),
        upgrade in linked_doc(),
        notes in linked_doc(),
        guide in linked_doc(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let files = [
            (".claude-plugin/marketplace.json", r#"{"name":"m","owner":{"name":"o"},"plugins":[{"name":"demo","source":"./plugins/demo"},{"name":"ops","source":"./plugins/ops"}]}"#.to_string()),
            ("plugins/demo/.claude-plugin/plugin.json", r#"{"name":"demo","description":"Demo: deploy."}"#.to_string()),
            ("plugins/ops/.claude-plugin/plugin.json", r#"{"name":"ops","description":"Ops: upgrade."}"#.to_string()),
            ("plugins/demo/skills/deploy/SKILL.md", deploy),
            ("plugins/demo/skills/deploy/references/runbook.md", runbook),
            ("plugins/ops/skills/upgrade/SKILL.md", upgrade),
            ("plugins/ops/skills/upgrade/references/notes.md", notes),
            ("plugins/ops/GUIDE.md", guide),
        ];
        for (rel, text) in &files {
            write(root, rel, text);
        }
        let session = skillc::engine::Session::default();
        let full = session.load(root).unwrap();
        let all = session.check(&full);
        for (path, _) in &files {
            let (narrowed, expected) =
                skillc::engine::scope::narrowed_and_full(root, &full, &all, path).unwrap();
            prop_assert_eq!(narrowed, expected, "{}", path);
        }
    }
}

/// Pieces of a hook command: placeholders, quotes, escapes, `$` that starts
/// nothing, comments, assignments, multibyte text, cluster calls.
fn command_piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("${CLAUDE_PLUGIN_ROOT}"),
        Just("$CLAUDE_PROJECT_DIR"),
        Just("\""),
        Just("'"),
        Just("\\"),
        Just("\\\""),
        Just("$"),
        Just("$("),
        Just(")"),
        Just("x=1 "),
        Just(" # c"),
        Just("kubectl apply -f x "),
        Just(" | "),
        Just("/hooks/x.sh"),
        Just("ü🚀"),
        Just("${user_config.token}"),
        Just(" "),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever a hook command holds, written with JSON escapes or not, a
    /// check finishes and every finding lies inside its file on character
    /// boundaries.
    #[test]
    fn any_hook_command_is_checked(parts in prop::collection::vec(command_piece(), 0..16), free in ".{0,40}") {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let cmd = format!("{}{free}", parts.concat());
        let json = serde_json::json!({ "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": cmd } ] } ] } });
        write(root, ".claude-plugin/marketplace.json", r#"{"name":"m","owner":{"name":"o"},"plugins":[{"name":"demo","source":"./plugins/demo","description":"Demo."}]}"#);
        write(root, "plugins/demo/.claude-plugin/plugin.json", r#"{"name":"demo","version":"1.0.0","description":"Demo."}"#);
        write(root, "plugins/demo/hooks/hooks.json", json.to_string());
        write(root, "plugins/demo/hooks/x.sh", "#!/bin/sh\necho ok\n");
        let session = skillc::engine::Session::default();
        let loaded = session.load(root).unwrap();
        for d in &session.check(&loaded) {
            for l in &d.labels {
                let text = loaded.db.text(l.file);
                let (s, e) = (l.span.start as usize, l.span.end as usize);
                prop_assert!(s <= e && e <= text.len(), "{} {:?} outside {} bytes", d.rule.id, l.span, text.len());
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{} {:?} splits a character", d.rule.id, l.span);
            }
        }
    }
}
