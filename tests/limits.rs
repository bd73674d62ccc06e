//! One test per limit: hostile input gets a diagnostic (or is taken in its
//! stride) and never a panic, a stack overflow, a hang or unbounded memory.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::write;

/// A one-plugin marketplace with `files` added; the findings as `RULE path`.
fn check_with(files: &[(&str, Vec<u8>)], config: skillc::engine::config::Config) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        ".claude-plugin/marketplace.json",
        br#"{"name":"m","owner":{"name":"o"},"plugins":[{"name":"demo","source":"./plugins/demo","description":"Demo: deploy."}]}"#,
    );
    write(
        root,
        "plugins/demo/.claude-plugin/plugin.json",
        br#"{"name":"demo","version":"1.0.0","description":"Demo: deploy."}"#,
    );
    for (rel, body) in files {
        write(root, rel, body);
    }
    let session = skillc::engine::Session::new(config);
    let loaded = session.load(root).unwrap();
    let diags = session.check(&loaded);
    diags
        .iter()
        .map(|d| format!("{} {} {}", d.rule.id, loaded.db.path(d.file()), d.message))
        .collect()
}

fn check(files: &[(&str, Vec<u8>)]) -> Vec<String> {
    check_with(files, skillc::engine::config::Config::default())
}

const SKILL: &str = "plugins/demo/skills/deploy/SKILL.md";
const HEAD: &str = "---\nname: deploy\ndescription: Deploys the demo. Use when shipping.\n---\n";

fn skill(body: &str) -> Vec<(&'static str, Vec<u8>)> {
    vec![(SKILL, format!("{HEAD}{body}").into_bytes())]
}

#[test]
fn file_size_cap_is_configurable_and_skips_the_file() {
    let big = format!(
        "# Deploy\n\n{}\n\n```bash\nkubectl apply -f x.yaml\n```\n",
        "word ".repeat(400)
    );
    let files = skill(&big);
    // Under the default cap the file is read and its defect found.
    assert!(check(&files).iter().any(|f| f.starts_with("SH001")));
    let config =
        skillc::engine::config::Config::parse("skillc.toml", "max-file-size = 1000\n").unwrap();
    let found = check_with(&files, config);
    let capped: Vec<&String> = found.iter().filter(|f| f.contains(SKILL)).collect();
    assert_eq!(capped.len(), 1, "{found:?}");
    assert!(
        capped[0].starts_with("GEN") && capped[0].contains("1000"),
        "{capped:?}"
    );
    // Units are accepted, and nonsense is a configuration error.
    assert!(
        skillc::engine::config::Config::parse("skillc.toml", "max-file-size = \"2 MiB\"\n").is_ok()
    );
    for bad in [
        "max-file-size = 0\n",
        "max-file-size = \"lots\"\n",
        "max-file-size = \"2 GiB\"\n",
    ] {
        assert!(
            skillc::engine::config::Config::parse("skillc.toml", bad).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn yaml_aliases_are_never_expanded() {
    // A billion laughs: nine levels of ten aliases each.
    let mut bomb = String::from("a0: &a0 [\"lol\"]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    let fm = format!(
        "---\nname: deploy\ndescription: Deploys. Use when shipping.\n{bomb}---\n# Deploy\n"
    );
    let found = check(&[(SKILL, fm.into_bytes())]);
    assert!(found.iter().all(|f| !f.starts_with("GEN001")), "{found:?}");
    let doc = skillc::parse::yaml::parse(&bomb, 0).unwrap();
    // Ten maps entries whose values hold at most ten aliases each.
    let mut nodes = 0;
    let mut stack = vec![doc.root.as_ref().unwrap()];
    while let Some(n) = stack.pop() {
        nodes += 1;
        match &n.kind {
            skillc::parse::yaml::YamlKind::Seq(v) => stack.extend(v),
            skillc::parse::yaml::YamlKind::Map(m) => m.iter().for_each(|(k, v)| {
                stack.push(k);
                stack.push(v);
            }),
            _ => {}
        }
    }
    assert!(nodes < 200, "{nodes} nodes: aliases were expanded");
}

#[test]
fn deep_yaml_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let fm = format!(
        "---\nname: deploy\ndescription: Deploys. Use when shipping.\nx: {deep}\n---\n# Deploy\n"
    );
    let found = check(&[(SKILL, fm.into_bytes())]);
    let deep = |f: &String| f.contains("nesting deeper than") || f.contains("recursion limit");
    assert!(found.iter().any(deep), "{found:?}");
    let block: String = (0..2_000)
        .map(|i| format!("{}-\n", "  ".repeat(i)))
        .collect();
    let src = format!("name: build\nsteps:\n{block}");
    let found = check(&[("plugins/demo/skills/build/skill.yaml", src.into_bytes())]);
    assert!(found.iter().any(deep), "{found:?}");
}

#[test]
fn deep_json_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let found = check(&[("plugins/demo/.mcp.json", deep.into_bytes())]);
    assert!(
        found.iter().any(|f| f.contains("nesting deeper than")),
        "{found:?}"
    );
    let deep = format!(
        "{{\"a\":{}1{}}}",
        "{\"b\":".repeat(100_000),
        "}".repeat(100_000)
    );
    let found = check(&[("plugins/demo/hooks/hooks.json", deep.into_bytes())]);
    assert!(
        found.iter().any(|f| f.contains("nesting deeper than")),
        "{found:?}"
    );
}

#[test]
fn deep_markdown_is_taken_in_stride() {
    let quotes = format!("{} deep\n", ">".repeat(100_000));
    let lists: String = (0..5_000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    let emphasis = format!("{}x{}\n", "*_".repeat(50_000), "_*".repeat(50_000));
    let links = format!("{}x{}\n", "[".repeat(50_000), "](y)".repeat(50_000));
    for body in [quotes, lists, emphasis, links] {
        let _ = check(&skill(&body));
    }
}

#[test]
fn deep_shell_is_taken_in_stride() {
    let subst = format!("echo {}x{}\n", "\"$(".repeat(5_000), ")\"".repeat(5_000));
    let nested_c = format!(
        "{}kubectl get pods{}\n",
        "bash -c '".repeat(2_000),
        "'".repeat(2_000)
    );
    let ifs: String = format!(
        "{}true\n{}",
        "if true; then\n".repeat(5_000),
        "fi\n".repeat(5_000)
    );
    for code in [subst, nested_c, ifs] {
        let _ = check(&skill(&format!("```bash\n{code}```\n")));
        let _ = check(&[("plugins/demo/scripts/run.sh", code.into_bytes())]);
    }
}

#[test]
fn huge_single_line_is_checked() {
    // Just under the default markdown cap, all on one line.
    let line = "kubectl --context prod get pods 10.143.27.88:80 ".repeat(20_000);
    let found = check(&skill(&format!("# Deploy\n\n{line}\n")));
    assert!(
        found.iter().any(|f| f.starts_with("RD001")),
        "private IP on a long line"
    );
}

#[test]
fn special_files_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        ".claude-plugin/marketplace.json",
        br#"{"name":"m","owner":{"name":"o"},"plugins":[]}"#,
    );
    std::fs::create_dir_all(root.join("docs")).unwrap();
    // A FIFO named like markdown would block a naive reader forever.
    let fifo = root.join("docs/pipe.md");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !status.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let root = root.to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let session = skillc::engine::Session::default();
        let loaded = session.load(&root).unwrap();
        let found = session.check(&loaded);
        let _ = tx.send(found.iter().map(|d| d.rule.id).collect::<Vec<_>>());
    });
    // A blocked read never answers; a minute is far beyond any real run.
    let found = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the check returned");
    assert!(found.contains(&"GEN009"), "{found:?}");
}

/// A brace followed by a character beyond U+00FF once sent tree-sitter-bash's
/// scanner into C's `isdigit` out of range, and the process died with
/// SIGSEGV. Code blocks, scripts and hook commands all hold such text.
#[test]
fn wide_characters_after_a_brace_do_not_crash_the_parser() {
    let line = "echo ${\u{F6582}_:@ x {\u{10FFFF} ${\u{1F680}}\n";
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, ".claude-plugin/marketplace.json", br#"{"name":"m","owner":{"name":"o"},"plugins":[{"name":"demo","source":"./plugins/demo","description":"Demo: deploy."}]}"#);
    write(
        root,
        "plugins/demo/.claude-plugin/plugin.json",
        br#"{"name":"demo","version":"1.0.0","description":"Demo: deploy."}"#,
    );
    write(
        root,
        SKILL,
        format!("{HEAD}```bash\n{}```\n", line.repeat(50)).as_bytes(),
    );
    write(
        root,
        "plugins/demo/scripts/run.sh",
        line.repeat(50).as_bytes(),
    );
    let hooks = serde_json::json!({ "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": line.repeat(5) } ] } ] } });
    write(
        root,
        "plugins/demo/hooks/hooks.json",
        hooks.to_string().as_bytes(),
    );
    for _ in 0..3 {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_skillc"))
            .args(["check", "--format", "json"])
            .arg(root)
            .output()
            .unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
    }
}
