#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `skillc build` on a golden tree: rendered files pinned by snapshots, a
//! fixed point, a clean check afterwards, and the write guarantees.

mod common;
use common::copy_dir;
use std::path::Path;
use std::process::{Command, Output};

fn skillc(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("SKILLC_DENY")
        .output()
        .unwrap()
}

fn golden() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/build/golden"),
        dir.path(),
    );
    dir
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr)
}

#[test]
fn golden_tree_renders_and_is_a_fixed_point() {
    let dir = golden();
    let root = dir.path();
    let first = skillc(root, &["build", "."]);
    assert_eq!(first.status.code(), Some(0), "{}", out(&first));
    insta::assert_snapshot!("build_first_run", out(&first));
    let skill = root.join("plugins/ops/skills/rollout");
    insta::assert_snapshot!(
        "golden_SKILL.md",
        std::fs::read_to_string(skill.join("SKILL.md")).unwrap()
    );
    for script in [
        "phase-1-checks.sh",
        "phase-1.1-nodes.sh",
        "phase-1.2-endpoint.sh",
        "phase-3-apply.sh",
    ] {
        let text = std::fs::read_to_string(skill.join("scripts").join(script)).unwrap();
        insta::assert_snapshot!(format!("golden_{script}"), text);
        let syntax = Command::new("bash")
            .arg("-n")
            .arg(skill.join("scripts").join(script))
            .status();
        if let Ok(s) = syntax {
            assert!(s.success(), "{script} does not pass bash -n");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(skill.join("scripts").join(script))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o755, "{script}");
        }
    }
    insta::assert_snapshot!(
        "golden_plugin.json",
        std::fs::read_to_string(root.join("plugins/ops/.claude-plugin/plugin.json")).unwrap()
    );
    insta::assert_snapshot!(
        "golden_marketplace.json",
        std::fs::read_to_string(root.join(".claude-plugin/marketplace.json")).unwrap()
    );

    // Fixed point: a second build changes nothing.
    let second = skillc(root, &["build", "."]);
    assert_eq!(out(&second), "build: up to date (7 generated files)\n");
    assert_eq!(
        skillc(root, &["build", ".", "--check"]).status.code(),
        Some(0)
    );
    // Round trip: the built tree checks clean.
    let check = skillc(
        root,
        &["check", ".", "--format", "concise", "--deny-warnings"],
    );
    assert_eq!(check.status.code(), Some(0), "{}", out(&check));
}

#[test]
fn check_and_diff_detect_drift_without_writing() {
    let dir = golden();
    let root = dir.path();
    assert_eq!(skillc(root, &["build", "."]).status.code(), Some(0));
    let skill_md = root.join("plugins/ops/skills/rollout/SKILL.md");
    let edited = std::fs::read_to_string(&skill_md)
        .unwrap()
        .replace("# Roll out a release", "# Roll out (edited)");
    std::fs::write(&skill_md, &edited).unwrap();
    std::fs::write(
        root.join("plugins/ops/skills/rollout/scripts/phase-9-old.sh"),
        "#!/usr/bin/env bash\n",
    )
    .unwrap();
    let check = skillc(root, &["build", ".", "--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(
        out(&check),
        "would update plugins/ops/skills/rollout/SKILL.md\nwould remove plugins/ops/skills/rollout/scripts/phase-9-old.sh\n"
    );
    let diff = skillc(root, &["build", ".", "--diff"]);
    assert_eq!(diff.status.code(), Some(1));
    insta::assert_snapshot!("build_diff", out(&diff));
    assert_eq!(
        std::fs::read_to_string(&skill_md).unwrap(),
        edited,
        "--check and --diff write nothing"
    );
    // `skillc check` reports the same drift.
    let c = skillc(root, &["check", ".", "--format", "concise"]);
    assert!(
        out(&c).contains(
            "plugins/ops/skills/rollout/skill.yaml:1:1: error[BLD007] [*] 2 generated files are out of date: SKILL.md (differs), scripts/phase-9-old.sh (stale)\n"
        ),
        "{}",
        out(&c)
    );
    assert_eq!(out(&c).matches("[BLD007]").count(), 1, "{}", out(&c));
    // Building repairs both.
    assert_eq!(skillc(root, &["build", "."]).status.code(), Some(0));
    assert!(
        !root
            .join("plugins/ops/skills/rollout/scripts/phase-9-old.sh")
            .exists()
    );
    assert_eq!(
        skillc(root, &["build", ".", "--check"]).status.code(),
        Some(0)
    );
}

#[test]
fn compile_errors_write_nothing() {
    let dir = golden();
    let root = dir.path();
    let src = root.join("plugins/ops/skills/rollout/skill.yaml");
    let text = std::fs::read_to_string(&src)
        .unwrap()
        .replace("{phase:checks} and tell", "{phase:gone} and tell");
    std::fs::write(&src, text).unwrap();
    let o = skillc(root, &["build", "."]);
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("BLD004"), "{}", out(&o));
    assert!(out(&o).contains("nothing was written"));
    assert!(!root.join("plugins/ops/skills/rollout/SKILL.md").exists());
}

#[cfg(unix)]
#[test]
fn never_writes_through_a_symlink_out_of_the_tree() {
    let dir = golden();
    let root = dir.path();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(
        outside.path(),
        root.join("plugins/ops/skills/rollout/scripts"),
    )
    .unwrap();
    let o = skillc(root, &["build", "."]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[test]
fn new_scaffolds_sources_that_build_and_check_clean() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".claude-plugin")).unwrap();
    std::fs::write(root.join(".claude-plugin/marketplace.json"), "{\"name\": \"m\", \"description\": \"M.\", \"owner\": {\"name\": \"O\"}, \"plugins\": []}\n").unwrap();
    assert_eq!(
        skillc(root, &["new", "plugin", "ops"]).status.code(),
        Some(0)
    );
    assert_eq!(
        skillc(root, &["new", "skill", "ops", "deploy"])
            .status
            .code(),
        Some(0)
    );
    let skill_yaml =
        std::fs::read_to_string(root.join("plugins/ops/skills/deploy/skill.yaml")).unwrap();
    assert!(skill_yaml.starts_with("# yaml-language-server: $schema="));
    // Each modeline resolves, offline, to the schema this skillc ships.
    for (file, schema) in [
        ("plugins/ops/skills/deploy/skill.yaml", "skill.schema.json"),
        ("plugins/ops/plugin.yaml", "plugin-source.schema.json"),
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let target = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# yaml-language-server: $schema="))
            .unwrap();
        assert!(!target.contains("://"), "{target}");
        let resolved = root.join(file).parent().unwrap().join(target);
        let shipped = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("schemas")
                .join(schema),
        )
        .unwrap();
        assert_eq!(
            std::fs::read_to_string(&resolved).unwrap(),
            shipped,
            "{target}"
        );
    }
    // The copies are not checked as part of the marketplace.
    let c = skillc(root, &["check", ".", "--format", "json"]);
    assert!(!out(&c).contains(".skillc/"), "{}", out(&c));
    assert_eq!(
        skillc(root, &["new", "skill", "ops", "deploy"])
            .status
            .code(),
        Some(2),
        "refuses to overwrite"
    );
    assert_eq!(
        skillc(root, &["new", "skill", "nope", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(
        skillc(root, &["new", "plugin", "Bad_Name"]).status.code(),
        Some(2)
    );
    let b = skillc(root, &["build", "."]);
    assert_eq!(b.status.code(), Some(0), "{}", out(&b));
    let c = skillc(root, &["check", ".", "--format", "concise"]);
    assert_eq!(c.status.code(), Some(0), "{}", out(&c));
}

/// The JSON Schemas in `schemas/` accept this repository's sources and the
/// golden tree, so editors agree with the compiler.
#[test]
fn schemas_accept_the_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let load = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(root.join("schemas").join(name)).unwrap())
            .unwrap()
    };
    let skill = jsonschema::validator_for(&load("skill.schema.json")).unwrap();
    let plugin = jsonschema::validator_for(&load("plugin-source.schema.json")).unwrap();
    let mut seen = 0;
    for base in ["plugins", "tests/build/golden/plugins"] {
        for entry in walk(&root.join(base)) {
            let name = entry.file_name().unwrap().to_string_lossy().to_string();
            let validator = match name.as_str() {
                "skill.yaml" => &skill,
                "plugin.yaml" => &plugin,
                _ => continue,
            };
            let text = std::fs::read_to_string(&entry).unwrap();
            let doc = skillc::parse::yaml::parse(&text, 0).unwrap();
            let value: serde_json::Value =
                skillc::parse::yaml_de::from_node(doc.root.as_ref().unwrap()).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", entry.display());
            seen += 1;
        }
    }
    assert!(seen >= 5, "expected the repository's sources, saw {seen}");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// `schemas/skillc.schema.json` accepts the `skillc init` template with every
/// commented example switched on, and rejects a misspelt key like skillc does.
#[test]
fn config_schema_matches_the_template() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schemas/skillc.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    // Uncomment example lines (`# key = value`, `# [table]`), keep prose comments.
    let full: String = skillc::cli::INIT_TEMPLATE
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.contains(" = ") || rest.starts_with('[') => {
                rest.split("   #").next().unwrap().to_string()
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        skillc::engine::config::Config::parse("skillc.toml", &full).is_ok(),
        "{full}"
    );
    let value: serde_json::Value = toml::from_str(&full).unwrap();
    assert!(value["overrides"].is_array(), "{full}");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{full}");
    let mut typo = value.clone();
    typo["shell"]["bash-verison"] = "3.2".into();
    assert!(!validator.is_valid(&typo));
}

/// A plugin directory builds on its own (no marketplace around it), and
/// writes only inside it.
#[test]
fn single_plugin_builds() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/build/golden/plugins/ops");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ops");
    std::fs::create_dir(&root).unwrap();
    copy_dir(&golden, &root);
    let b = skillc(&root, &["build", "."]);
    assert_eq!(b.status.code(), Some(0), "{}", out(&b));
    let pj = std::fs::read_to_string(root.join(".claude-plugin/plugin.json")).unwrap();
    assert!(pj.contains("\"name\": \"ops\""), "{pj}");
    assert!(root.join("skills/rollout/SKILL.md").is_file());
    let c = skillc(&root, &["build", ".", "--check"]);
    assert_eq!(c.status.code(), Some(0), "{}", out(&c));
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "wrote outside the plugin");
}

/// A narrowed check (`--files F`) compiles only the typed sources whose
/// findings it can report and parses only the scripts they read, yet reports
/// what the full check narrowed to `F` reports, for every file of a built
/// tree with drift, a stale script and a defect in a script a phase reads.
#[test]
fn narrowed_checks_of_built_trees_report_what_full_checks_do() {
    let dir = golden();
    let root = dir.path();
    copy_dir(&root.join("plugins/ops"), &root.join("plugins/ops2"));
    let yaml = root.join("plugins/ops2/plugin.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, text.replacen("name: ops", "name: ops2", 1)).unwrap();
    assert_eq!(skillc(root, &["build", "."]).status.code(), Some(0));
    let skill_md = root.join("plugins/ops/skills/rollout/SKILL.md");
    let text = std::fs::read_to_string(&skill_md).unwrap();
    std::fs::write(&skill_md, text + "\nEdited by hand.\n").unwrap();
    let script = root.join("plugins/ops2/skills/rollout/src/endpoint.sh");
    let text = std::fs::read_to_string(&script).unwrap();
    std::fs::write(
        &script,
        text + "kubectl delete ns demo\necho \"$NOT_AN_INPUT\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("plugins/ops2/skills/rollout/scripts/phase-9-old.sh"),
        "#!/usr/bin/env bash\n",
    )
    .unwrap();

    let all = narrowing_matches(root);
    for plugin in ["plugins/ops/", "plugins/ops2/"] {
        assert!(
            all.iter()
                .any(|d| d.starts_with("BLD") && d.contains(plugin)),
            "no build finding in {plugin}: {all:?}"
        );
    }
    // The same plugin at the root of a tree: no plugin directory holds the
    // change, the typed source's directory does.
    let solo = tempfile::tempdir().unwrap();
    copy_dir(&root.join("plugins/ops2"), solo.path());
    let all = narrowing_matches(solo.path());
    assert!(
        all.iter()
            .any(|d| d.starts_with("BLD001") && d.ends_with("src/endpoint.sh")),
        "{all:?}"
    );
}

/// Every file of the tree at `root` as the only change: the narrowed check
/// reports what the full one narrowed to it does. The full check's findings.
fn narrowing_matches(root: &Path) -> Vec<String> {
    let session = skillc::engine::Session::default();
    let full = session.load(root).unwrap();
    let all = session.check(&full);
    let paths: Vec<String> = walk(root)
        .iter()
        .map(|p| skillc::source::rel_path(root, p))
        .collect();
    assert!(paths.len() > 5, "{paths:?}");
    for path in &paths {
        let (narrowed, expected) =
            skillc::engine::scope::narrowed_and_full(root, &full, &all, path).unwrap();
        assert_eq!(narrowed, expected, "{path}");
    }
    all.iter()
        .map(|d| format!("{} {}", d.rule.id, full.db.path(d.file())))
        .collect()
}

/// A prelude opens the phase scripts that call its functions or read its
/// variables (with guards for the inputs it uses), stays out of the others,
/// and is checked once: an undeclared variable, a context-less kubectl that a
/// mutating phase runs, and a syntax error each give one finding on it.
#[test]
fn prelude_is_shared_by_the_phases_that_use_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, text: &str| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        ".claude-plugin/marketplace.json",
        r#"{"name": "m", "description": "M.", "owner": {"name": "O"}, "plugins": []}"#,
    );
    write(
        "plugins/api/plugin.yaml",
        "name: api\nversion: 1.0.0\ndescription: \"API: {skills}.\"\n",
    );
    let skill = |prelude: &str| {
        format!(
            r#"name: calls
description: "Calls the API. Use when: calling."
title: Call the API
inputs:
  HOST: {{type: string, doc: The API host., required: true}}
  CTX: {{type: kube-context, doc: The cluster., required: true}}
prelude: |
{prelude}
phases:
  - id: tools
    title: Tools
    script: |
      command -v curl
  - id: fetch
    title: Fetch
    script: |
      api_get /version
  - id: apply
    title: Apply
    mode: mutating
    gate: stop
    script: |
      echo "$BASE"
      kubectl --context "$CTX" apply -f app.yaml
"#
        )
    };
    let good = "  BASE=\"https://$HOST/api\"\n  api_get() {\n    curl -fsS \"$BASE$1\"\n  }";
    write("plugins/api/skills/calls/skill.yaml", &skill(good));
    let o = skillc(root, &["build", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let script = |name: &str| {
        std::fs::read_to_string(root.join("plugins/api/skills/calls/scripts").join(name)).unwrap()
    };
    let fetch = script("phase-2-fetch.sh");
    assert!(fetch.contains("api_get() {"), "{fetch}");
    assert!(
        fetch.contains("    HOST=*) HOST=${_arg#HOST=} ;;"),
        "{fetch}"
    );
    assert!(
        fetch.contains("_fail 'HOST is required (string): The API host.'"),
        "{fetch}"
    );
    assert!(
        fetch.find("api_get() {").unwrap() < fetch.find("api_get /version").unwrap(),
        "{fetch}"
    );
    let tools = script("phase-1-tools.sh");
    assert!(
        !tools.contains("api_get")
            && !tools.contains("HOST=''")
            && !tools.contains("HOST is required"),
        "{tools}"
    );
    // Reading a prelude variable is using the prelude too.
    assert!(script("phase-3-apply.sh").contains("BASE=\"https://$HOST/api\""));
    let c = skillc(root, &["check", ".", "--format", "concise"]);
    assert_eq!(c.status.code(), Some(0), "{}", out(&c));

    let bad = "  api_get() {\n    curl -fsS \"https://$HOST$API_PATH$1\"\n    kubectl delete pod x\n  }\n  BASE=x\n  if true; then";
    write("plugins/api/skills/calls/skill.yaml", &skill(bad));
    let c = skillc(root, &["check", ".", "--format", "concise"]);
    let text = out(&c);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("skill.yaml:")).collect();
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains("[BLD001]") && l.contains("$API_PATH"))
            .count(),
        1,
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("[BLD002]")
                && l.contains("the prelude, which mutating phase 3 uses,")),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("[BLD003]") && l.contains("prelude:")),
        "{text}"
    );
    // Findings point into the prelude (lines 8 to 14 of skill.yaml); the
    // rest is drift, since the prelude changed.
    for l in lines.iter().filter(|l| !l.contains("[BLD007]")) {
        let line: usize = l.split(':').nth(1).unwrap().parse().unwrap();
        assert!((8..=14).contains(&line), "{l}");
    }
}

/// `check --fix` repairs a typed reference in the source and rebuilds what
/// it renders: afterwards the tree is clean and built.
#[test]
fn fix_repairs_a_reference_typo_and_rebuilds() {
    let dir = golden();
    let root = dir.path();
    assert_eq!(skillc(root, &["build", "."]).status.code(), Some(0));
    let src = root.join("plugins/ops/skills/rollout/skill.yaml");
    let good = std::fs::read_to_string(&src).unwrap();
    std::fs::write(
        &src,
        good.replace("{phase:checks} and tell", "{phase:chekcs} and tell"),
    )
    .unwrap();
    let c = skillc(root, &["check", ".", "--format", "concise"]);
    assert!(
        out(&c).contains(
            "skill.yaml:48:35: error[BLD004] [*] `{phase:chekcs}` does not resolve: no phase has id `chekcs`"
        ),
        "{}",
        out(&c)
    );
    // Dry: the fix's diff and the drift's, each counted.
    let d = skillc(root, &["check", ".", "--fix", "--dry-run"]);
    assert_eq!(d.status.code(), Some(1), "{}", out(&d));
    assert!(
        out(&d).contains("would apply 1 fix to 1 file; nothing was written"),
        "{}",
        out(&d)
    );
    let f = skillc(root, &["check", ".", "--fix", "--format", "concise"]);
    assert_eq!(f.status.code(), Some(0), "{}", out(&f));
    assert_eq!(std::fs::read_to_string(&src).unwrap(), good);
    // What it rendered before the typo is what it renders now: nothing to
    // rebuild, and none claimed.
    assert!(out(&f).contains("applied 1 fix to 1 file\n"), "{}", out(&f));
    // Generated files drifted by hand: --fix rebuilds them and says so.
    let md = root.join("plugins/ops/skills/rollout/SKILL.md");
    let text = std::fs::read_to_string(&md).unwrap();
    std::fs::write(&md, format!("{text}\nhand edit\n")).unwrap();
    let f = skillc(root, &["check", ".", "--fix", "--format", "concise"]);
    assert_eq!(f.status.code(), Some(0), "{}", out(&f));
    assert!(
        out(&f).contains("applied 0 fixes to 0 files and rebuilt 1 generated file\n"),
        "{}",
        out(&f)
    );
    assert_eq!(std::fs::read_to_string(&md).unwrap(), text);
    assert_eq!(
        skillc(root, &["build", ".", "--check"]).status.code(),
        Some(0)
    );
}

/// `skillc build` shows every problem of a source at once, in plain words,
/// and `check --fix` quotes what strict YAML needs quoted.
#[test]
fn source_problems_are_reported_together_and_quoting_is_fixed() {
    let dir = golden();
    let root = dir.path();
    let src = root.join("plugins/ops/skills/rollout/skill.yaml");
    let good = std::fs::read_to_string(&src).unwrap();
    let typos = good
        .replace("title: Roll out a release", "titel: Roll out a release")
        .replace(
            "    gate: stop\n    prose-file",
            "    gate: stopp\n    prose-file",
        )
        .replace("{type: ip, doc:", "{type: ipv4, doc:");
    std::fs::write(&src, &typos).unwrap();
    let b = skillc(root, &["build", "."]);
    assert_eq!(b.status.code(), Some(1));
    assert!(out(&b).contains("nothing was written"), "{}", out(&b));
    assert_eq!(out(&b).matches("error[BLD006]").count(), 3, "{}", out(&b));
    let c = skillc(root, &["check", ".", "--format", "human"]);
    let text = out(&c);
    for want in [
        "unknown key `titel` in skill.yaml",
        "help: did you mean `title`?",
        "`gate` must be one of stop; got `stopp`",
        "`type` must be one of string, path, kube-context, ip, ip-list, enum, int, bool; got `ipv4`",
        "help: did you mean `ip`?",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    assert!(!text.contains("schemas/"), "{text}");
    // An unquoted `: `: the quoting is the fix.
    let colon = good.replace(
        "doc: The cluster's context., required",
        "doc: The context: prod., required",
    );
    let colon = colon.replace(
        "  CTX: {type: kube-context, doc: The context: prod., required: true}",
        "  CTX:\n    type: kube-context\n    doc: The context: prod.\n    required: true",
    );
    std::fs::write(&src, &colon).unwrap();
    let c = skillc(root, &["check", ".", "--format", "concise"]);
    assert!(
        out(&c).contains("error[BLD006] [*] skill.yaml is not valid YAML: an unquoted value holds `: `, which starts a mapping"),
        "{}",
        out(&c)
    );
    let f = skillc(root, &["check", ".", "--fix", "--format", "concise"]);
    assert_eq!(f.status.code(), Some(0), "{}", out(&f));
    let fixed = std::fs::read_to_string(&src).unwrap();
    assert!(
        fixed.contains("    doc: \"The context: prod.\"\n"),
        "{fixed}"
    );
}

/// A small built tree for the source-map tests: one plugin, one skill with a
/// read-only phase, a reference and a gated mutating phase.
fn mapped_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, text: &str| common::write(root, rel, text);
    write(".git/HEAD", "ref: refs/heads/main\n");
    write(
        ".claude-plugin/marketplace.json",
        "{\"name\": \"m\", \"description\": \"M.\", \"owner\": {\"name\": \"O\"}, \"plugins\": []}\n",
    );
    write(
        "plugins/ops/plugin.yaml",
        "name: ops\nversion: 1.0.0\ndescription: \"Ops: {skills}.\"\nauthor: {name: Ops}\n",
    );
    write(
        "plugins/ops/skills/look/references/notes.md",
        "# Notes\n\nText.\n",
    );
    write(
        "plugins/ops/skills/look/skill.yaml",
        "name: look\ndescription: Looks at a cluster. Use when asked what runs.\ntitle: Look\ninputs:\n  CTX: {type: kube-context, doc: The context., required: true}\nreferences:\n  - {path: references/notes.md, summary: Notes.}\nphases:\n  - id: list\n    title: List\n    prose: |\n      Read {ref:references/notes.md#notes} first.\n    script: |\n      kubectl --context \"$CTX\" get pods\n      for f in $(ls /tmp); do echo \"$f\"; done\n  - id: fix\n    title: Fix\n    mode: mutating\n    gate: stop\n    script: |\n      kubectl --context \"$CTX\" delete pod x\n",
    );
    let b = skillc(root, &["build", "."]);
    assert_eq!(b.status.code(), Some(0), "{}", out(&b));
    dir
}

fn findings(root: &Path) -> Vec<(String, String, usize)> {
    let c = skillc(root, &["check", ".", "--format", "json"]);
    let v: serde_json::Value =
        serde_json::from_slice(&c.stdout).unwrap_or_else(|_| panic!("{}", out(&c)));
    let list = v
        .get("diagnostics")
        .or_else(|| v.get("findings"))
        .unwrap_or(&v);
    list.as_array()
        .unwrap_or_else(|| panic!("{v}"))
        .iter()
        .map(|d| {
            (
                d["rule"]
                    .as_str()
                    .or(d["code"].as_str())
                    .unwrap_or("")
                    .to_string(),
                d["file"]
                    .as_str()
                    .or(d["path"].as_str())
                    .unwrap_or("")
                    .to_string(),
                d["line"]
                    .as_u64()
                    .or(d["start"]["line"].as_u64())
                    .unwrap_or(0) as usize,
            )
        })
        .collect()
}

/// A shell finding in a read-only phase's script is reported at its line in
/// skill.yaml, never in the generated script; its help names the source.
#[test]
fn findings_in_generated_files_are_reported_at_their_source() {
    let dir = mapped_tree();
    let root = dir.path();
    let f = findings(root);
    assert_eq!(
        f,
        vec![(
            "SH004".to_string(),
            "plugins/ops/skills/look/skill.yaml".to_string(),
            15
        )],
        "{f:?}"
    );
    let c = skillc(root, &["check", ".", "--format", "human"]);
    let text = out(&c);
    assert!(
        text.contains("`phase-1-list.sh` is generated from `skill.yaml`"),
        "{text}"
    );
    assert!(!text.contains("scripts/phase-1-list.sh:"), "{text}");
}

/// Deleting a reference gives the missing file and the link to it, in
/// skill.yaml; nothing in the generated SKILL.md, and no BLD007 while the
/// build cannot run.
#[test]
fn a_deleted_reference_is_reported_once_at_the_source() {
    let dir = mapped_tree();
    let root = dir.path();
    std::fs::remove_file(root.join("plugins/ops/skills/look/references/notes.md")).unwrap();
    let f = findings(root);
    let rules: Vec<&str> = f.iter().map(|(r, _, _)| r.as_str()).collect();
    assert_eq!(rules, ["BLD004", "BLD004", "SH004"], "{f:?}");
    assert!(
        f.iter().all(|(_, file, _)| file.ends_with("skill.yaml")),
        "{f:?}"
    );
}

/// Renaming a skill's folder: the name finding, the plugin's manifests out
/// of date; nothing from the generated SKILL.md or scripts of the old build.
#[test]
fn a_renamed_skill_folder_reports_at_the_sources() {
    let dir = mapped_tree();
    let root = dir.path();
    std::fs::rename(
        root.join("plugins/ops/skills/look"),
        root.join("plugins/ops/skills/peek"),
    )
    .unwrap();
    let f = findings(root);
    for (rule, file, _) in &f {
        assert!(
            file.ends_with("skill.yaml") || file.ends_with("plugin.yaml"),
            "{rule} in a generated file: {f:?}"
        );
    }
    assert!(f.iter().any(|(r, _, _)| r == "BLD005"), "{f:?}");
    assert!(f.len() <= 4, "{f:?}");
}

/// A script that reads a Claude Code placeholder is BLD001; `$SKILL_DIR`
/// is computed by the script and works from anywhere.
#[test]
fn scripts_find_their_own_files_without_claude_code_variables() {
    let dir = mapped_tree();
    let root = dir.path();
    let path = root.join("plugins/ops/skills/look/skill.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let bad = yaml.replace(
        "      kubectl --context \"$CTX\" get pods\n",
        "      cat \"$CLAUDE_SKILL_DIR/references/notes.md\"\n      kubectl --context \"$CTX\" get pods\n",
    );
    std::fs::write(&path, &bad).unwrap();
    let c = skillc(root, &["check", ".", "--format", "concise"]);
    let text = out(&c);
    assert!(
        text.contains("error[BLD001] `$CLAUDE_SKILL_DIR` is not set when the script runs"),
        "{text}"
    );
    let good = yaml.replace(
        "      kubectl --context \"$CTX\" get pods\n",
        "      cat \"$SKILL_DIR/references/notes.md\"\n      kubectl --context \"$CTX\" get pods\n",
    );
    std::fs::write(&path, &good).unwrap();
    let b = skillc(root, &["build", "."]);
    assert_eq!(b.status.code(), Some(0), "{}", out(&b));
    let elsewhere = tempfile::tempdir().unwrap();
    let o = Command::new("bash")
        .arg(root.join("plugins/ops/skills/look/scripts/phase-1-list.sh"))
        .arg("CTX=x")
        .current_dir(elsewhere.path())
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("# Notes"),
        "{}",
        out(&o)
    );
}

/// allowed-tools grants each of the skill's own scripts, after what the
/// author wrote, and nothing else.
#[test]
fn allowed_tools_grant_the_skills_own_scripts() {
    let dir = mapped_tree();
    let md = std::fs::read_to_string(dir.path().join("plugins/ops/skills/look/SKILL.md")).unwrap();
    let line = md
        .lines()
        .find(|l| l.starts_with("allowed-tools:"))
        .unwrap();
    assert_eq!(
        line,
        r#"allowed-tools: "Bash(bash \"${CLAUDE_SKILL_DIR}/scripts/phase-1-list.sh\":*) Bash(bash \"${CLAUDE_SKILL_DIR}/scripts/phase-2-fix.sh\":*)""#
    );
    assert!(
        md.contains("\nbash \"${CLAUDE_SKILL_DIR}/scripts/phase-1-list.sh\" CTX='<CTX>'\n"),
        "{md}"
    );
}

/// A mutating phase needs a stop gate: on it, on the phase that contains
/// it, or on an approval phase just before it that runs nothing; a gated
/// review that runs a script does not cover the phase after it.
#[test]
fn mutating_phases_need_a_gate_before_them() {
    let dir = mapped_tree();
    let root = dir.path();
    let path = root.join("plugins/ops/skills/look/skill.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let check = |text: &str| {
        std::fs::write(&path, text).unwrap();
        let c = skillc(
            root,
            &["check", ".", "--format", "concise", "--select", "BLD008"],
        );
        out(&c)
    };
    let ungated = yaml.replace("    gate: stop\n", "");
    assert!(
        check(&ungated).contains(
            "warning[BLD008] mutating phase 2 (`fix`) runs without a stop gate before it"
        )
    );
    // An approval phase that runs nothing, just before it.
    let approval = ungated.replace(
        "  - id: fix\n",
        "  - id: plan\n    title: Plan\n    gate: stop\n    prose: Show the plan.\n  - id: fix\n",
    );
    assert!(!check(&approval).contains("BLD008"), "{}", check(&approval));
    // A gated review that runs a script stops before the review, too early.
    let review = ungated.replace(
        "  - id: fix\n",
        "  - id: review\n    title: Review\n    gate: stop\n    script: |\n      echo review\n  - id: fix\n",
    );
    assert!(check(&review).contains("mutating phase 3 (`fix`)"));
    // A gate on the enclosing phase covers its sub-phases.
    let nested = ungated.replace(
        "  - id: fix\n    title: Fix\n    mode: mutating\n",
        "  - id: change\n    title: Change\n    gate: stop\n    phases:\n      - id: fix\n        title: Fix\n        mode: mutating\n",
    )
    .replace("    script: |\n      kubectl --context \"$CTX\" delete pod x\n", "        script: |\n          kubectl --context \"$CTX\" delete pod x\n");
    assert!(!check(&nested).contains("BLD008"), "{}", check(&nested));
}

/// A finding in a prose line of the generated SKILL.md that a resolved
/// reference changed still points at its exact text in skill.yaml; its fix
/// edits skill.yaml, and `--fix` then rebuilds what it renders.
#[test]
fn a_fix_in_generated_prose_edits_the_source_and_rebuilds() {
    let dir = mapped_tree();
    let root = dir.path();
    let path = root.join("plugins/ops/skills/look/skill.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let typo = yaml.replace(
        "Read {ref:references/notes.md#notes} first.",
        "Read {ref:references/notes.md#notes} first, then `/ops:loook`.",
    );
    std::fs::write(&path, &typo).unwrap();
    assert_eq!(skillc(root, &["build", "."]).status.code(), Some(0));
    let c = skillc(
        root,
        &["check", ".", "--format", "concise", "--select", "XREF004"],
    );
    let text = out(&c);
    let col = typo.lines().nth(11).unwrap().find("/ops:loook").unwrap() + 1;
    assert!(
        text.contains(&format!(
            "plugins/ops/skills/look/skill.yaml:12:{col}: error[XREF004] [*]"
        )),
        "{text}"
    );
    let f = skillc(
        root,
        &[
            "check",
            ".",
            "--fix",
            "--format",
            "concise",
            "--select",
            "XREF004,BLD007",
        ],
    );
    assert_eq!(f.status.code(), Some(0), "{}", out(&f));
    assert!(
        out(&f).contains("applied 1 fix to 1 file and rebuilt 1 generated file (2 files written)"),
        "{}",
        out(&f)
    );
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("then `/ops:look`."), "{fixed}");
    let md = std::fs::read_to_string(root.join("plugins/ops/skills/look/SKILL.md")).unwrap();
    assert!(md.contains("then `/ops:look`."), "{md}");
}
