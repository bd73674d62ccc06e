#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end tests of the `skillc` binary: subcommands, formats, exit codes,
//! fixture trees and bad input.

mod common;
use common::copy_dir;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn skillc(args: &[&str]) -> Output {
    skillc_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// skillc run from `dir` (human and concise paths are relative to it).
fn skillc_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args(args)
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .env_remove("SKILLC_DENY")
        .env_remove("GITHUB_WORKSPACE")
        .current_dir(dir)
        .output()
        .expect("skillc runs")
}

/// Where the first SARIF result of `rule` in `log` lies: its artifact location.
fn sarif_location<'a>(log: &'a serde_json::Value, rule: &str) -> &'a serde_json::Value {
    let result = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == rule)
        .unwrap_or_else(|| panic!("no {rule} result"));
    &result["locations"][0]["physicalLocation"]["artifactLocation"]
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

#[test]
fn clean_tree_is_silent() {
    for format in ["concise", "human", "json"] {
        let o = skillc(&["check", &fixture("clean"), "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stdout(&o));
        if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
            assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0);
            assert_eq!(v["summary"]["errors"], 0);
        } else {
            assert!(
                stdout(&o).starts_with("No problems found"),
                "{}",
                stdout(&o)
            );
        }
    }
}

#[test]
fn defective_tree_concise() {
    let o = skillc(&["check", &fixture("defective"), "--format", "concise"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("defective_concise", stdout(&o));
}

#[test]
fn defective_tree_human() {
    let o = skillc(&[
        "check",
        &fixture("defective"),
        "--format",
        "human",
        "--color",
        "never",
    ]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("defective_human", stdout(&o));
}

#[test]
fn defective_tree_json() {
    let o = skillc(&["check", &fixture("defective"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], 1);
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    for d in diags {
        for key in [
            "rule",
            "name",
            "severity",
            "message",
            "help",
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "offset",
            "length",
            "labels",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        assert!(
            !d["path"].as_str().unwrap().starts_with('/'),
            "paths are relative"
        );
    }
    // The version mismatch labels both files.
    let mk025 = diags.iter().find(|d| d["rule"] == "MK025").unwrap();
    assert_eq!(
        mk025["labels"][0]["path"],
        "plugins/ops/.claude-plugin/plugin.json"
    );
    insta::assert_snapshot!("defective_json", stdout(&o));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let o = skillc(&["check", &fixture("defective"), "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let run = &log["runs"][0];
    assert!(run["tool"]["driver"]["rules"].as_array().unwrap().len() > 100);
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "MK025")
        .unwrap();
    // Relative to the repository root, as code scanning resolves it.
    assert_eq!(
        *sarif_location(&log, "MK025"),
        serde_json::json!({
            "uri": "tests/fixtures/defective/.claude-plugin/marketplace.json",
            "uriBaseId": "%SRCROOT%"
        })
    );
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
    assert_eq!(
        result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tests/fixtures/defective/plugins/ops/.claude-plugin/plugin.json"
    );
    // A clean run is valid SARIF too.
    let clean = skillc(&["check", &fixture("clean"), "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&stdout(&clean)).unwrap();
    assert!(validator.is_valid(&log));
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn github_annotations() {
    let o = skillc(&["check", &fixture("defective"), "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("defective_github", stdout(&o));
    for line in stdout(&o).lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
        let message = line.splitn(3, "::").nth(2).unwrap();
        assert!(!message.contains('\n'));
    }
}

#[test]
fn output_is_deterministic() {
    let a = skillc(&["check", &fixture("defective"), "--format", "json"]);
    let b = skillc(&["check", &fixture("defective"), "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn warnings_pass_unless_denied() {
    // XREF005 is info by default: notes never fail a check.
    let o = skillc(&[
        "check",
        &fixture("warnings-only"),
        "--format",
        "concise",
        "--deny-warnings",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("info[XREF005]"));
    // Raised to a warning, it fails only when warnings are denied.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(&fixture("warnings-only")), dir.path());
    std::fs::write(
        dir.path().join("skillc.toml"),
        "[rules]\nXREF005 = \"warn\"\n",
    )
    .unwrap();
    let root = dir.path().to_str().unwrap();
    let o = skillc(&["check", root, "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("warning[XREF005]"));
    assert!(!stderr(&o).contains("--deny-warnings"), "{}", stderr(&o));
    let o = skillc(&["check", root, "--format", "concise", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1));
    // Why a run with no errors failed is said.
    assert!(
        stderr(&o).contains("failing on 2 warnings because of --deny-warnings"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn quiet_prints_nothing_when_clean() {
    let o = skillc(&["check", &fixture("clean"), "--quiet"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
}

#[test]
fn bad_config_is_exit_2_with_suggestion() {
    let o = skillc(&["check", &fixture("bad-config")]);
    assert_eq!(o.status.code(), Some(2));
    insta::assert_snapshot!("bad_config", stderr(&o).replace('\\', "/"));
}

#[test]
fn config_turns_rules_off() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(&fixture("warnings-only")), dir.path());
    std::fs::write(
        dir.path().join("skillc.toml"),
        "[rules]\ndescription-misses-skill = \"off\"\n",
    )
    .unwrap();
    let o = skillc(&[
        "check",
        dir.path().to_str().unwrap(),
        "--format",
        "concise",
        "--deny-warnings",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(!stdout(&o).contains("XREF005"), "{}", stdout(&o));
}

#[test]
fn missing_path_and_bad_flags_are_exit_2() {
    let o = skillc(&["check", "no/such/path"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("does not exist"));
    let o = skillc(&["check", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    let o = skillc(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn version_and_help() {
    let o = skillc(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("skillc "));
    let o = skillc(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("help", stdout(&o));
}

#[test]
fn rules_table_and_json() {
    let o = skillc(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let table = stdout(&o);
    for id in ["GEN001", "MK022", "SK003", "AS009", "XREF004", "PH003"] {
        assert!(table.contains(id), "{id}");
    }
    let o = skillc(&["rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.len() > 100);
    // The README's rules section is exactly `skillc rules --format markdown`.
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let md = stdout(&skillc(&["rules", "--format", "markdown"]));
    assert!(
        readme.contains(&md),
        "README's rules table is stale: run `cargo run -- rules --format markdown`"
    );
    for id in &ids {
        assert!(readme.contains(&format!("| {id} |")), "README lacks {id}");
    }
}

#[test]
fn explain_by_id_and_name() {
    let by_id = skillc(&["explain", "XREF004"]);
    let by_name = skillc(&["explain", "unknown-skill-mention"]);
    assert_eq!(by_id.status.code(), Some(0));
    assert_eq!(by_id.stdout, by_name.stdout);
    insta::assert_snapshot!("explain_xref004", stdout(&by_id));
    let json = skillc(&["explain", "xref004", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v["name"], "unknown-skill-mention");
    let bad = skillc(&["explain", "XREF04"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("did you mean `XREF004`"));
}

/// The build rules explain what their findings now carry: where they point,
/// the "did you mean", the fix; never a `schemas/` folder an installed
/// skillc does not have.
#[test]
fn explain_the_build_diagnostics() {
    let text = |id: &str| stdout(&skillc(&["explain", id]));
    let bld004 = text("BLD004");
    assert!(bld004.contains("`--fix` fixes it"), "{bld004}");
    assert!(bld004.contains("heading anchor"), "{bld004}");
    let bld006 = text("BLD006");
    assert!(bld006.contains("`mode: mutate` → `mutating`"), "{bld006}");
    assert!(bld006.contains("`--fix` fixes it"), "{bld006}");
    let bld007 = text("BLD007");
    assert!(bld007.contains("One finding per source"), "{bld007}");
    for t in [&bld004, &bld006, &bld007] {
        assert!(!t.contains("schemas/"), "{t}");
    }
}

#[test]
fn single_skill_and_single_plugin() {
    let o = skillc(&[
        "check",
        &format!("{}/plugins/ops/skills/Debug/SKILL.md", fixture("defective")),
        "--format",
        "concise",
    ]);
    // An Agent Skills spec rule: a warning for Claude Code (the default
    // target), an error for agent-skills.
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("plugins/ops/skills/Debug/SKILL.md:2:7: warning[AS005]"),
        "{}",
        stdout(&o)
    );
    let o = skillc(&[
        "check",
        &format!("{}/plugins/ops/skills/Debug/SKILL.md", fixture("defective")),
        "--format",
        "concise",
        "--target",
        "agent-skills",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("Debug/SKILL.md:2:7: error[AS005]"),
        "{}",
        stdout(&o)
    );
    let o = skillc(&[
        "check",
        &format!("{}/plugins/ops", fixture("clean")),
        "--format",
        "concise",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn this_repository_is_clean() {
    let o = skillc(&["check", ".", "--format", "concise", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

/// Bad input becomes diagnostics, never a crash.
#[test]
fn bad_input_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let skill = root.join("skills/deploy");
    std::fs::create_dir_all(&skill).unwrap();
    // BOM + CRLF.
    std::fs::write(
        skill.join("SKILL.md"),
        "\u{feff}---\r\nname: deploy\r\ndescription: Deploys. Use when shipping.\r\n---\r\n",
    )
    .unwrap();
    // Invalid UTF-8.
    let other = root.join("skills/latin");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(
        other.join("SKILL.md"),
        b"---\nname: latin\ndescription: caf\xe9\n---\n",
    )
    .unwrap();
    // Empty file.
    let empty = root.join("skills/empty");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("SKILL.md"), "").unwrap();
    // A symlink loop and a link out of the tree.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(".", root.join("skills/loop")).unwrap();
        std::os::unix::fs::symlink("/etc/hostname", root.join("skills/deploy/outside.md")).unwrap();
    }
    // Malformed JSON.
    std::fs::create_dir_all(root.join(".claude-plugin")).unwrap();
    std::fs::write(
        root.join(".claude-plugin/plugin.json"),
        "{\"name\": \"p\",,}",
    )
    .unwrap();

    let o = skillc(&["check", root.to_str().unwrap(), "--format", "concise"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}\n{}", stderr(&o));
    for expected in [
        "error[GEN003]",
        "error[GEN008]",
        "warning[SK001]",
        "error[GEN001]",
    ] {
        assert!(out.contains(expected), "missing {expected} in\n{out}");
    }
    #[cfg(unix)]
    {
        assert!(
            out.contains("[GEN009]") || out.contains("[GEN005]"),
            "{out}"
        );
        assert!(out.contains("outside.md:1:1: warning[GEN005]"), "{out}");
    }
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

/// `--shellcheck` maps shellcheck's block positions into the markdown file.
#[cfg(unix)]
#[test]
fn shellcheck_findings_map_to_markdown() {
    use std::os::unix::fs::PermissionsExt;
    let bin = tempfile::tempdir().unwrap();
    // A stand-in for shellcheck: one SC2086 at line 2, columns 6-10 of its input.
    let fake = bin.path().join("shellcheck");
    std::fs::write(
        &fake,
        "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'version: 0.10.0'; exit 0; fi\ncat >/dev/null\necho '{\"comments\":[{\"file\":\"-\",\"line\":2,\"endLine\":2,\"column\":6,\"endColumn\":10,\"level\":\"info\",\"code\":2086,\"message\":\"Double quote to prevent globbing and word splitting.\"}]}'\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let tree = tempfile::tempdir().unwrap();
    let skill = tree.path().join("skills/deploy");
    std::fs::create_dir_all(&skill).unwrap();
    std::fs::write(
        skill.join("SKILL.md"),
        "---\nname: deploy\ndescription: Deploys the app. Use when shipping.\n---\n\n- Step:\n\n  ```bash\n  set -e\n  echo $DIR\n  ```\n",
    )
    .unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args(["check", ".", "--format", "concise", "--shellcheck"])
        .current_dir(tree.path())
        .env("PATH", path)
        .output()
        .unwrap();
    let out = stdout(&o);
    // Line 10 of the markdown, after the list item's two-space indent.
    assert!(
        out.contains("skills/deploy/SKILL.md:10:8: info[SH010] SC2086: Double quote"),
        "{out}"
    );
    insta::assert_snapshot!("SH010", out);

    // Without shellcheck on PATH: a notice, no failure.
    let o = Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args([
            "check",
            tree.path().to_str().unwrap(),
            "--format",
            "concise",
            "--shellcheck",
        ])
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("shellcheck is not installed"));
}

fn skillc_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args(args)
        .env_remove("SKILLC_DENY")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

const LEAKY: &str = concat!(
    "ssh root@10.1.2.3 && ping 10.1.2.3 && ping 10.9.8.7\nmail ivo@brandt-ops.de\n",
    "export AWS_ACCESS_KEY_ID=AKIA",
    "ZDOC9IS0J8HT9LGM\ncd /home/akozlov/infra && ssh db1.prod.internal\n"
);

#[test]
fn redact_stdin_to_stdout() {
    let o = skillc_stdin(&["redact"], LEAKY);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("redact_stdout", stdout(&o));
    insta::assert_snapshot!("redact_report", stderr(&o));
    // The report never prints a secret.
    assert!(!stderr(&o).contains("ZDOC9IS0J8HT9LGM"));
    // Redacting the output again changes nothing, and check finds nothing.
    let again = skillc_stdin(&["redact", "--check"], &stdout(&o));
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
}

#[test]
fn redact_check_json_and_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.md");
    std::fs::write(&file, LEAKY).unwrap();
    let f = file.to_str().unwrap();
    let o = skillc(&["redact", "--check", f]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        LEAKY,
        "--check writes nothing"
    );
    let o = skillc(&["redact", "--check", "--report", "json", f]);
    let v: serde_json::Value = serde_json::from_str(&stderr(&o)).unwrap();
    let entries = v.as_array().unwrap();
    assert_eq!(entries.len(), 7);
    assert_eq!(entries[0]["kind"], "ipv4");
    assert_eq!(entries[0]["line"], 1);
    assert_eq!(entries[0]["column"], 10);
    assert_eq!(entries[0]["replacement"], "192.0.2.1");
    assert!(
        entries
            .iter()
            .all(|e| e["kind"] != "secret" || e.get("original").is_none())
    );

    let o = skillc(&["redact", "--in-place", f]);
    assert_eq!(o.status.code(), Some(0));
    let redacted = std::fs::read_to_string(&file).unwrap();
    assert!(redacted.contains("ssh root@192.0.2.1 && ping 192.0.2.1 && ping 192.0.2.2"));
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let o = skillc(&["redact", "--check", f]);
    assert_eq!(o.status.code(), Some(0));
    // A redacted skill is clean for the redaction rules.
    let tree = tempfile::tempdir().unwrap();
    let skill = tree.path().join("skills/notes");
    std::fs::create_dir_all(&skill).unwrap();
    std::fs::write(
        skill.join("SKILL.md"),
        format!("---\nname: notes\ndescription: Notes. Use when reading notes.\n---\n{redacted}"),
    )
    .unwrap();
    let o = skillc(&[
        "check",
        tree.path().to_str().unwrap(),
        "--format",
        "concise",
    ]);
    assert!(!stdout(&o).contains("[RD"), "{}", stdout(&o));
}

#[test]
fn redact_keeps_what_a_file_publishes_not_a_session() {
    // A markdown file's frontmatter author and byline are published on
    // purpose; the same lines from a session (git log) are someone's.
    let md = "---\nname: notes\nauthor: Ivo Brandt <ivo@brandt-ops.de>\n---\n**Maintainer:** Kim <kim@oyelaran.dev>, lab ssh root@10.143.27.88\n\nAsk ivo@brandt-ops.de or dana.whitfield@fastmail.fm.\n";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.md");
    std::fs::write(&file, md).unwrap();
    let o = skillc(&["redact", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    // The byline's address stays, not the rest of its line.
    assert_eq!(
        stdout(&o),
        md.replace("dana.whitfield@fastmail.fm", "user1@example.com")
            .replace("10.143.27.88", "192.0.2.1")
    );
    let log = "commit 4f2a\nAuthor: Ivo Brandt <ivo@brandt-ops.de>\n\n    ping 192.168.1.100\n";
    let o = skillc_stdin(&["redact"], log);
    assert_eq!(
        stdout(&o),
        "commit 4f2a\nAuthor: Ivo Brandt <user1@example.com>\n\n    ping 192.0.2.1\n"
    );
}

#[test]
fn redact_usage_errors() {
    assert_eq!(skillc(&["redact", "no/such/file"]).status.code(), Some(2));
    assert_eq!(
        skillc(&["redact", "README.md", "CLAUDE.md"]).status.code(),
        Some(2)
    );
    assert_eq!(skillc(&["redact", "--in-place"]).status.code(), Some(2));
    #[cfg(unix)]
    {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.md");
        std::fs::write(&target, "10.1.2.3\n").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let o = skillc(&["redact", "--in-place", link.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "10.1.2.3\n");
    }
}

#[test]
fn deny_list_from_the_environment() {
    let tree = tempfile::tempdir().unwrap();
    let skill = tree.path().join("skills/notes");
    std::fs::create_dir_all(&skill).unwrap();
    std::fs::write(skill.join("SKILL.md"), "---\nname: notes\ndescription: Notes. Use when reading notes.\n---\nThe Umbrella cluster.\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args([
            "check",
            tree.path().to_str().unwrap(),
            "--format",
            "concise",
        ])
        .env("SKILLC_DENY", "umbrella, other")
        .output()
        .unwrap();
    assert!(
        stdout(&o).contains("error[RD008] deny-listed name `Umbrella`"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn overrides_apply_by_path_only() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(&fixture("warnings-only")), dir.path());
    std::fs::write(
        dir.path().join("skillc.toml"),
        "[[overrides]]\npaths = [\".claude-plugin\"]\nrules = { description-misses-skill = \"off\" }\n",
    )
    .unwrap();
    let o = skillc(&["check", dir.path().to_str().unwrap(), "--format", "concise"]);
    let out = stdout(&o);
    assert!(!out.contains("marketplace.json"), "{out}");
    assert!(
        out.contains("plugins/ops/.claude-plugin/plugin.json"),
        "{out}"
    );
}

#[test]
fn config_is_found_above_a_checked_subtree_with_its_globs_rebased() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    copy_dir(Path::new(&fixture("defective")), &create(&repo));
    std::fs::write(
        repo.join("skillc.toml"),
        "exclude = [\"plugins/ops\", \"plugins/ops/agents\"]\n[rules]\nAG009 = \"off\"\n[[overrides]]\npaths = [\"plugins/ops/skills/deploy/**\"]\nrules = { PH001 = \"off\" }\n",
    )
    .unwrap();
    // A plugin, a skill's SKILL.md and a subdirectory: each is checked with
    // the repository's config, its globs read from the repository root. An
    // excluded path is checked when asked for; exclusions below it hold.
    for target in [
        "plugins/ops",
        "plugins/ops/skills/deploy/SKILL.md",
        "plugins/ops/skills",
    ] {
        let o = skillc(&[
            "check",
            repo.join(target).to_str().unwrap(),
            "--format",
            "concise",
        ]);
        let out = stdout(&o);
        assert_eq!(o.status.code(), Some(1), "{target}: {out}");
        assert!(out.contains("PH003"), "{target}: {out}");
        assert!(!out.contains("PH001"), "{target}: {out}");
        assert!(!out.contains("AG009"), "{target}: {out}");
        assert!(!out.contains("agents/"), "{target}: {out}");
    }
    let o = skillc(&["check", repo.to_str().unwrap(), "--format", "concise"]);
    assert!(!stdout(&o).contains("plugins/ops/"), "{}", stdout(&o));
    // A marketplace in a subdirectory of a repository gets the repository's
    // config (its globs still relative to the config file)...
    std::fs::write(
        dir.path().join("skillc.toml"),
        "[rules]\nAG009 = \"off\"\n[[overrides]]\npaths = [\"repo/plugins/ops/skills/deploy/**\"]\nrules = { PH001 = \"off\" }\n",
    )
    .unwrap();
    std::fs::remove_file(repo.join("skillc.toml")).unwrap();
    create(&dir.path().join(".git"));
    let ops = repo.join("plugins/ops");
    let o = skillc(&["check", ops.to_str().unwrap(), "--format", "concise"]);
    let out = stdout(&o);
    assert!(!out.contains("PH001") && !out.contains("AG009"), "{out}");
    assert!(out.contains("PH003"), "{out}");
    // ...but the search stops at the repository root: a config above it is
    // not this tree's.
    create(&repo.join(".git"));
    let o = skillc(&["check", ops.to_str().unwrap(), "--format", "concise"]);
    let out = stdout(&o);
    assert!(out.contains("PH001") && out.contains("AG009"), "{out}");
}

fn create(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    dir.to_path_buf()
}

#[test]
fn init_writes_a_valid_config_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    let o = skillc(&["init", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(dir.path().join("skillc.toml")).unwrap();
    assert_eq!(written, skillc::cli::INIT_TEMPLATE);
    // The written file is accepted by check on an empty tree.
    let o = skillc(&["check", path, "--format", "concise"]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    // A second init refuses to clobber it.
    std::fs::write(dir.path().join("skillc.toml"), "exclude = []\n").unwrap();
    let o = skillc(&["init", path]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("skillc.toml")).unwrap(),
        "exclude = []\n"
    );
}

/// The rule ids of a check's findings, sorted, and its exit code.
fn findings(path: &str) -> (Option<i32>, Vec<String>) {
    let o = skillc(&["check", path, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut ids: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    (o.status.code(), ids)
}

#[test]
fn new_marketplace_writes_a_minimal_marketplace_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_str().unwrap();
    let file = dir.path().join(".claude-plugin/marketplace.json");
    // Names Claude Code refuses (or reserves) are exit 2, and nothing is written.
    for bad in [
        "bad name",
        "a/b",
        "..",
        "_x",
        "claude-official",
        "inline",
        "org",
        "",
    ] {
        let o = skillc(&["new", "marketplace", bad, "--root", root]);
        assert_eq!(o.status.code(), Some(2), "{bad}: {}", stdout(&o));
        assert!(stderr(&o).contains("marketplace name"), "{}", stderr(&o));
        assert!(!file.exists(), "{bad}");
    }
    let o = skillc(&["new", "marketplace", "acme-tools", "--root", root]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("created .claude-plugin/marketplace.json"));
    let written = std::fs::read_to_string(&file).unwrap();
    let json: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(json["name"], "acme-tools");
    assert_eq!(json["owner"]["name"], skillc::text::scaffold::PERSON);
    assert_eq!(json["plugins"], serde_json::json!([]));
    assert!(
        json.get("$schema").is_none(),
        "no schema that does not resolve"
    );
    // It checks with no error: the placeholders and the empty list are
    // the only findings.
    assert_eq!(
        findings(root),
        (
            Some(0),
            vec!["GEN012".into(), "GEN012".into(), "MK010".into()]
        )
    );
    // A second run refuses to overwrite it.
    let o = skillc(&["new", "marketplace", "other", "--root", root]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), written);
    // A plugin and a skill built into it: listed, and only the
    // placeholders are left to fill in.
    for args in [
        &["new", "plugin", "ops", "--root", root][..],
        &["new", "skill", "ops", "deploy", "--root", root],
        &["build", root],
    ] {
        let o = skillc(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(json["plugins"][0]["name"], "ops");
    assert_eq!(json["plugins"][0]["source"], "./plugins/ops");
    let (code, ids) = findings(root);
    assert_eq!(code, Some(0));
    assert_eq!(ids, vec!["GEN012"; 6], "{ids:?}");
}

#[test]
fn init_writes_a_marketplace_named_after_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = create(&dir.path().join("My Tools"));
    let path = folder.to_str().unwrap();
    let o = skillc(&["init", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("marketplace `my-tools`"),
        "{}",
        stdout(&o)
    );
    let file = folder.join(".claude-plugin/marketplace.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(json["name"], "my-tools");
    assert_eq!(findings(path).0, Some(0));

    // A marketplace already there is kept as it is.
    let kept = create(&dir.path().join("kept"));
    create(&kept.join(".claude-plugin"));
    std::fs::write(kept.join(".claude-plugin/marketplace.json"), "{}\n").unwrap();
    let o = skillc(&["init", kept.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(kept.join(".claude-plugin/marketplace.json")).unwrap(),
        "{}\n"
    );
    assert!(!stdout(&o).contains("marketplace"), "{}", stdout(&o));

    // A plugin at the root, or a folder name Claude Code would refuse:
    // skillc.toml only, and a note that says why.
    let plugin = create(&dir.path().join("solo"));
    create(&plugin.join(".claude-plugin"));
    std::fs::write(
        plugin.join(".claude-plugin/plugin.json"),
        "{\"name\": \"solo\"}\n",
    )
    .unwrap();
    let refused = create(&dir.path().join("claude-official"));
    for (folder, why) in [(&plugin, "is a plugin"), (&refused, "official")] {
        let o = skillc(&["init", folder.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stdout(&o).contains(why), "{}", stdout(&o));
        assert!(folder.join("skillc.toml").is_file());
        assert!(!folder.join(".claude-plugin/marketplace.json").exists());
    }
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_skillc()"),
        ("zsh", "#compdef skillc"),
        ("fish", "complete -c skillc"),
    ] {
        let o = skillc(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0));
        let out = stdout(&o);
        assert!(out.contains(marker), "{shell}: {out}");
        assert!(out.contains("explain"), "{shell} completes subcommands");
    }
    assert_eq!(skillc(&["completions", "tcsh"]).status.code(), Some(2));
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn files_narrow_the_report_but_names_resolve_tree_wide() {
    let all = stdout(&skillc(&[
        "check",
        &fixture("defective"),
        "--format",
        "concise",
    ]));
    assert!(all.contains("plugins/ops/agents/reviewer.md"), "{all}");
    let root = fixture("defective");
    // An edited reference: its own findings, and the cross-file findings of
    // its plugin (the broken anchor into it lives in SKILL.md).
    let reference = format!("{root}/plugins/ops/skills/deploy/references/checks.md");
    let o = skillc(&["check", &root, "--format", "concise", "--files", &reference]);
    let o_reference = o.clone();
    let out = stdout(&o);
    let paths: std::collections::BTreeSet<&str> = out
        .lines()
        .filter(|l| l.contains(": "))
        .filter_map(|l| l.split(':').next())
        .collect();
    assert!(out.contains("error[XREF002]"), "{out}");
    // Local findings of other files are left out; cross-file ones of the plugin stay.
    assert!(
        !out.contains("[AG009]") && !out.contains("[PJ012]"),
        "{out}"
    );
    assert!(!paths.contains("README.md"), "{out}");
    for line in out
        .lines()
        .filter(|l| !l.contains("references/checks.md") && l.contains("["))
    {
        let id = &line[line.find('[').unwrap() + 1..line.find(']').unwrap()];
        assert!(
            ["XREF", "PH", "BLD", "MK", "PP"]
                .iter()
                .any(|p| id.starts_with(p)),
            "local finding of an unchanged file: {line}"
        );
    }
    // A renamed or edited SKILL.md can break mentions anywhere: cross-references
    // are then reported tree-wide.
    let skill = format!("{root}/plugins/ops/skills/Debug/SKILL.md");
    let out = stdout(&skillc(&[
        "check", &root, "--format", "concise", "--files", &skill,
    ]));
    assert!(out.contains("README.md:3:22: info[XREF007]"), "{out}");
    assert!(out.contains("[AS005]"), "{out}");
    assert_eq!(o.status.code(), Some(1));
    // A directory stands for the files below it.
    let dir = format!("{root}/plugins/ops/skills/deploy/references");
    let out = stdout(&skillc(&[
        "check", &root, "--format", "concise", "--files", &dir,
    ]));
    assert_eq!(out, stdout(&o_reference), "{out}");
    // A file outside the tree affects nothing.
    let o = skillc(&[
        "check",
        &root,
        "--format",
        "concise",
        "--files",
        "Cargo.toml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn since_requires_a_version_bump() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(Path::new(&fixture("clean")), root);
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "base"]);
    let path = root.to_str().unwrap();
    // Nothing changed: clean, and no bump needed.
    let o = skillc(&["check", path, "--since", "main", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // An edit to a skill without a bump.
    let skill = root.join("plugins/ops/skills/deploy/SKILL.md");
    let text = std::fs::read_to_string(&skill).unwrap();
    std::fs::write(&skill, format!("{text}\nOne more line.\n")).unwrap();
    let o = skillc_in(
        root,
        &["check", ".", "--since", "main", "--format", "concise"],
    );
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("PJ040", stdout(&o));
    // A lower version is named as such; a higher one passes.
    let pj = root.join("plugins/ops/.claude-plugin/plugin.json");
    let manifest = std::fs::read_to_string(&pj).unwrap();
    std::fs::write(&pj, manifest.replace("\"1.2.0\"", "\"1.1.9\"")).unwrap();
    let out = stdout(&skillc(&[
        "check", path, "--since", "main", "--format", "concise",
    ]));
    assert!(out.contains("went down from `1.2.0` to `1.1.9`"), "{out}");
    std::fs::write(&pj, manifest.replace("\"1.2.0\"", "\"1.2.1\"")).unwrap();
    let o = skillc(&["check", path, "--since", "main", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // Committed on a branch: the merge base is what counts.
    git(root, &["checkout", "-q", "-b", "topic"]);
    git(root, &["commit", "-q", "-am", "fix"]);
    let o = skillc(&["check", path, "--since", "main", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // An unknown revision is a usage error.
    let o = skillc(&["check", path, "--since", "no-such-ref"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-ref"), "{}", stderr(&o));
}

#[test]
fn baseline_hides_known_findings_and_reports_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(Path::new(&fixture("defective")), root);
    let path = root.to_str().unwrap();
    let base = root.join("skillc-baseline.json");
    let base_s = base.to_str().unwrap();
    let o = skillc(&["check", path, "--write-baseline", base_s]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(&base).unwrap();
    assert!(written.contains("\"rule\": \"XREF001\""), "{written}");
    // Deterministic: a second write is byte-identical.
    skillc(&["check", path, "--write-baseline", base_s]);
    assert_eq!(std::fs::read_to_string(&base).unwrap(), written);

    let o = skillc(&["check", path, "--baseline", base_s, "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).starts_with("No problems found"),
        "{}",
        stdout(&o)
    );
    // How many it hid is said, so a clean report is not mistaken for a
    // clean tree.
    let recorded = written.matches("\"rule\":").count();
    assert!(
        stderr(&o).contains(&format!("hid {recorded} finding")),
        "{}",
        stderr(&o)
    );

    // A new finding is reported, even a second copy of a known one; moving
    // known findings down the file does not resurface them.
    let skill = root.join("plugins/ops/skills/deploy/SKILL.md");
    let text = std::fs::read_to_string(&skill).unwrap();
    let (head, body) = text.split_at(text.find("\n# ").unwrap() + 1);
    std::fs::write(
        &skill,
        format!("{head}Intro line.\n\n{body}\nSee [x](references/runbok.md).\n"),
    )
    .unwrap();
    let o = skillc(&["check", path, "--baseline", base_s, "--format", "concise"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    let findings: Vec<&str> = out.lines().filter(|l| l.contains("[")).collect();
    assert_eq!(findings.len(), 1, "{out}");
    assert!(findings[0].contains("error[XREF001]"), "{out}");

    // Fixed findings are noted so the baseline can shrink.
    std::fs::write(&skill, &text).unwrap();
    std::fs::remove_file(root.join("README.md")).unwrap();
    let o = skillc(&["check", path, "--baseline", base_s, "--format", "concise"]);
    assert!(
        stderr(&o).contains("it records is gone (run with --write-baseline to shrink it)"),
        "{}",
        stderr(&o)
    );

    // Errors: a baseline outside the tree, a file that is not a baseline.
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("b.json");
    let o = skillc(&["check", path, "--write-baseline", target.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!target.exists());
    std::fs::write(&base, "{\"version\": 1, \"findings\": [{\"rule\": 1}]}").unwrap();
    let o = skillc(&["check", path, "--baseline", base_s]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a skillc baseline"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn fix_applies_safe_fixes_and_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(Path::new(&fixture("clean")), root);
    let skill = root.join("plugins/ops/skills/deploy/SKILL.md");
    let clean = std::fs::read_to_string(&skill).unwrap();
    let broken = clean
        .replace(
            "description: \"Deploys the service to a Kubernetes cluster. Use when: shipping a release.\"",
            "description: Deploys the service to a Kubernetes cluster. Use when: shipping a release.",
        )
        .replace("# Deploy\n", "# Deploy\n\nIf it fails, run /ops:rolback.\n");
    assert_ne!(broken, clean);
    std::fs::write(&skill, &broken).unwrap();
    let path = root.to_str().unwrap();
    let o = skillc(&["check", path, "--format", "concise"]);
    let out = stdout(&o);
    assert!(
        out.contains("[SK003]") && out.contains("[XREF004]"),
        "{out}"
    );

    let o = skillc(&["check", path, "--fix", "--dry-run"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    insta::assert_snapshot!("fix_dry_run", stdout(&o));
    assert_eq!(std::fs::read_to_string(&skill).unwrap(), broken);

    let o = skillc(&["check", path, "--fix", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}\n{}", stdout(&o), stderr(&o));
    assert!(
        stderr(&o).contains("applied 2 fixes to 1 file\n"),
        "{}",
        stderr(&o)
    );
    let fixed = std::fs::read_to_string(&skill).unwrap();
    assert!(fixed.contains("run /ops:rollback."), "{fixed}");
    assert!(
        fixed.contains("description: \"Deploys the service"),
        "{fixed}"
    );
    // Nothing left to fix: a second run changes nothing.
    let o = skillc(&["check", path, "--fix", "--dry-run"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&skill).unwrap(), fixed);
    assert_eq!(skillc(&["check", path, "--dry-run"]).status.code(), Some(2));
}

#[test]
fn excluded_subtrees_are_not_walked_and_links_into_them_are_not_dangling() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(&fixture("clean")), dir.path());
    let root = dir.path();
    std::fs::create_dir_all(root.join("vendor/lib")).unwrap();
    // A broken file there would be reported if the subtree were read.
    std::fs::write(root.join("vendor/lib/broken.json"), "{ nope").unwrap();
    std::fs::write(root.join("vendor/lib/README.md"), "# Vendored\n").unwrap();
    let readme = root.join("README.md");
    let mut text = std::fs::read_to_string(&readme).unwrap_or_default();
    text.push_str("\nSee [the vendored notes](vendor/lib/README.md) and [gone](vendor2/x.md).\n");
    std::fs::write(&readme, text).unwrap();
    std::fs::write(root.join("skillc.toml"), "exclude = [\"vendor\"]\n").unwrap();
    let o = skillc(&["check", root.to_str().unwrap(), "--format", "concise"]);
    let out = stdout(&o);
    assert!(!out.contains("vendor/lib"), "{out}");
    assert!(
        out.contains("XREF001") && out.contains("vendor2/x.md"),
        "{out}"
    );
}

/// `--select`, `--extend-select` and `--ignore` choose rules by id, prefix
/// or name; an unknown one is a usage error.
#[test]
fn rules_are_chosen_on_the_command_line() {
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "tests/fixtures/defective", "--format", "json"];
        args.extend_from_slice(extra);
        let o = skillc(&args);
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_default();
        let mut ids: Vec<String> = v["diagnostics"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|d| d["rule"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default();
        ids.sort();
        ids.dedup();
        (o.status.code(), ids)
    };
    let (_, all) = run(&[]);
    assert!(all.len() > 3, "{all:?}");
    let (_, only) = run(&["--select", "XREF,AS005"]);
    assert!(!only.is_empty());
    assert!(
        only.iter().all(|i| i.starts_with("XREF") || i == "AS005"),
        "{only:?}"
    );
    let (_, by_name) = run(&["--select", "skill-name-format"]);
    assert_eq!(by_name, ["AS005"]);
    let (_, ignored) = run(&["--ignore", "XREF"]);
    assert!(
        ignored.iter().all(|i| !i.starts_with("XREF")),
        "{ignored:?}"
    );
    assert_eq!(
        ignored.len() + only.len() - 1,
        all.len(),
        "{ignored:?} {only:?} {all:?}"
    );
    let (_, extended) = run(&["--select", "AS005", "--extend-select", "AS009"]);
    assert!(extended.contains(&"AS005".to_string()));
    let (code, _) = run(&["--select", "XREF04X"]);
    assert_eq!(code, Some(2));
    let o = skillc(&["check", "tests/fixtures/defective", "--ignore", "ZZ9"]);
    assert!(
        stderr(&o).contains("unknown rule or prefix `ZZ9`"),
        "{}",
        stderr(&o)
    );
}

/// `--statistics` counts findings per rule, most first, and marks the rules
/// `--fix` can fix; findings `--fix` can fix are marked and counted.
#[test]
fn statistics_and_fixable_markers() {
    let o = skillc(&["check", "tests/fixtures/defective", "--statistics"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let counts: Vec<usize> = out
        .lines()
        .map(|l| l.split('\t').next().unwrap().trim().parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{out}");
    assert!(
        out.lines()
            .any(|l| l.contains("SK003") && l.contains("[*]")),
        "{out}"
    );
    let json = skillc(&[
        "check",
        "tests/fixtures/defective",
        "--statistics",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let total: u64 = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, counts.iter().sum::<usize>());
    let concise = stdout(&skillc(&[
        "check",
        "tests/fixtures/defective",
        "--format",
        "concise",
    ]));
    assert!(concise.contains("warning[SK003] [*] "), "{concise}");
    assert!(concise.contains("1 fixable with `--fix`"), "{concise}");
    let table = stdout(&skillc(&["rules"]));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("SK003") && l.contains("[*]")),
        "{table}"
    );
}

/// The directory-submission rules (DR) are off by default; `profile =
/// "directory"` in skillc.toml and `--profile directory` turn them on, and
/// `--select` runs one alone.
#[test]
fn directory_profile_turns_dr_rules_on() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(&fixture("clean")), dir.path());
    let root = dir.path().to_str().unwrap();
    let dr_ids = |o: &Output| -> Vec<String> {
        let mut ids: Vec<String> = stdout(o)
            .lines()
            .filter_map(|l| {
                let i = l.find("[DR")?;
                Some(l[i + 1..i + 6].to_string())
            })
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let o = skillc(&["check", root, "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(dr_ids(&o).is_empty(), "{}", stdout(&o));

    let flag = skillc(&[
        "check",
        root,
        "--format",
        "concise",
        "--profile",
        "directory",
    ]);
    assert_eq!(flag.status.code(), Some(1), "{}", stdout(&flag));
    assert_eq!(dr_ids(&flag), ["DR002", "DR004"], "{}", stdout(&flag));

    std::fs::write(dir.path().join("skillc.toml"), "profile = \"directory\"\n").unwrap();
    let config = skillc(&["check", root, "--format", "concise"]);
    assert_eq!(config.status.code(), Some(1));
    assert_eq!(stdout(&config), stdout(&flag));

    // `--select` runs one rule of the profile without it.
    std::fs::remove_file(dir.path().join("skillc.toml")).unwrap();
    let one = skillc(&["check", root, "--format", "concise", "--select", "DR002"]);
    assert_eq!(dr_ids(&one), ["DR002"], "{}", stdout(&one));

    // An unknown profile is a configuration error.
    std::fs::write(dir.path().join("skillc.toml"), "profile = \"dir\"\n").unwrap();
    let bad = skillc(&["check", root]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("unknown profile `dir`"),
        "{}",
        stderr(&bad)
    );
    let bad_flag = skillc(&["check", root, "--profile", "dir"]);
    assert_eq!(bad_flag.status.code(), Some(2));

    // `skillc rules` says they are off by default.
    let table = stdout(&skillc(&["rules"]));
    let row = table.lines().find(|l| l.starts_with("DR001")).unwrap();
    assert!(row.contains("off:error"), "{row}");
    let md = stdout(&skillc(&["rules", "--format", "markdown"]));
    assert!(md.contains("| DR004 | `icon-invalid` | off; warning with profile directory |"));
}

/// A reader that closes the pipe early (`skillc rules | head -1`) ends the
/// run quietly: no "internal error", and status 141, as for a process
/// SIGPIPE ended.
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_quietly() {
    let clean = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean");
    let runs: Vec<Vec<String>> = vec![
        vec!["rules".into()],
        vec!["rules".into(), "--format".into(), "json".into()],
        vec!["explain".into(), "SH001".into()],
        vec![
            "check".into(),
            "--format".into(),
            "json".into(),
            clean.display().to_string(),
        ],
    ];
    for args in runs {
        // The reader is gone before skillc writes a byte.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let o = Command::new(env!("CARGO_BIN_EXE_skillc"))
            .args(&args)
            .stdout(writer)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("internal error"), "{args:?}: {err}");
        assert_eq!(o.status.code(), Some(141), "{args:?}: {err}");
    }
}

/// A full run over a folder with nothing Claude Code loads is a wrong path,
/// exit 2 with a message, not "No problems found in 0 files".
#[test]
fn a_tree_with_nothing_to_check_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("a.md"), "# Notes\n").unwrap();
    for p in [&empty, &notes] {
        let o = skillc(&["check", p.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{p:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("nothing to check"),
            "{p:?}"
        );
    }
    // One skill is something to check; the summary says "file", not "files".
    let skill = dir.path().join("skills/s");
    std::fs::create_dir_all(&skill).unwrap();
    std::fs::write(
        skill.join("SKILL.md"),
        "---\nname: s\ndescription: Says hi. Use when greeting.\n---\nSay hi.\n",
    )
    .unwrap();
    let o = skillc(&[
        "check",
        "--format",
        "concise",
        dir.path().join("skills").to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("in 1 file."),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn paths_follow_the_reader_with_the_marketplace_in_a_subfolder() {
    // A repository holding its marketplace in `market/`.
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    copy_dir(Path::new(&fixture("defective")), &repo.join("market"));
    git(repo, &["init", "-q", "-b", "main"]);
    let line = |out: &str, needle: &str| -> String {
        out.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle} in {out}"))
            .to_string()
    };
    // GitHub resolves `file=` from the repository root, whatever was checked
    // and wherever skillc ran.
    for (cwd, path) in [
        (repo.to_path_buf(), "market/plugins/ops"),
        (repo.join("market"), "plugins/ops"),
    ] {
        let o = skillc_in(&cwd, &["check", path, "--format", "github"]);
        assert_eq!(o.status.code(), Some(1));
        let l = line(&stdout(&o), "title=PH003");
        assert!(
            l.contains("file=market/plugins/ops/skills/deploy/SKILL.md,"),
            "{l}"
        );
        let sarif: serde_json::Value =
            serde_json::from_slice(&skillc_in(&cwd, &["check", path, "--format", "sarif"]).stdout)
                .unwrap();
        assert_eq!(
            *sarif_location(&sarif, "PH003"),
            serde_json::json!({
                "uri": "market/plugins/ops/skills/deploy/SKILL.md",
                "uriBaseId": "%SRCROOT%"
            })
        );
    }
    // People get paths relative to where they are, for click-to-open.
    let o = skillc_in(repo, &["check", "market", "--format", "concise"]);
    let l = line(&stdout(&o), "[PH003]");
    assert!(
        l.starts_with("market/plugins/ops/skills/deploy/SKILL.md:"),
        "{l}"
    );
    let o = skillc_in(
        &repo.join("market/plugins"),
        &["check", "ops", "--format", "concise"],
    );
    let l = line(&stdout(&o), "[PH003]");
    assert!(l.starts_with("ops/skills/deploy/SKILL.md:"), "{l}");
    let o = skillc_in(&repo.join("market"), &["check", ".", "--format", "human"]);
    assert!(
        stdout(&o).contains("╭─[plugins/ops/skills/deploy/SKILL.md:"),
        "{}",
        stdout(&o)
    );
    // From inside the loaded tree, above the file: `../`.
    let o = skillc_in(
        &repo.join("market/plugins/ops"),
        &["check", "../..", "--format", "concise"],
    );
    let l = line(&stdout(&o), "[MK011]");
    assert!(
        l.starts_with("../../.claude-plugin/marketplace.json:"),
        "{l}"
    );
    // From beside it: absolute.
    let elsewhere = tempfile::tempdir().unwrap();
    let market = repo.canonicalize().unwrap().join("market");
    let o = skillc_in(
        elsewhere.path(),
        &["check", market.to_str().unwrap(), "--format", "concise"],
    );
    let l = line(&stdout(&o), "[MK011]");
    let abs = market.join(".claude-plugin/marketplace.json");
    assert!(l.starts_with(&format!("{}:", abs.display())), "{l}");
    // JSON keeps paths relative to the loaded tree, wherever skillc runs.
    let json = |cwd: &Path, path: &str| {
        let out = skillc_in(cwd, &["check", path, "--format", "json"]).stdout;
        String::from_utf8(out).unwrap()
    };
    assert_eq!(
        json(repo, "market"),
        json(&repo.join("market/plugins"), "..")
    );
}

#[test]
fn staged_mode_sees_deletions_and_renames() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(Path::new(&fixture("clean")), root);
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "base"]);
    // Nothing staged: nothing to report.
    let o = skillc_in(root, &["check", ".", "--staged", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // A commit that only deletes a referenced file: pre-commit passes no file
    // names (`--files` with none), the index still shows the deletion.
    git(
        root,
        &[
            "rm",
            "-q",
            "plugins/ops/skills/deploy/references/runbook.md",
        ],
    );
    let o = skillc_in(
        root,
        &["check", ".", "--staged", "--files", "--format", "concise"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("link target `references/runbook.md` does not exist"),
        "{}",
        stdout(&o)
    );
    // Without --staged the same change goes unseen (what pre-commit did).
    let o = skillc_in(root, &["check", ".", "--files", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    git(root, &["reset", "-q", "--hard"]);
    // A staged rename: the old name's mentions break.
    git(
        root,
        &["mv", "plugins/ops/skills/deploy", "plugins/ops/skills/ship"],
    );
    let o = skillc_in(
        root,
        &[
            "check",
            ".",
            "--staged",
            "--deny-warnings",
            "--format",
            "concise",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("link target `skills/deploy/SKILL.md` does not exist"),
        "{}",
        stdout(&o)
    );
    // --staged and --since are one or the other.
    let o = skillc_in(root, &["check", ".", "--staged", "--since", "main"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn since_in_a_shallow_clone_says_to_fetch_history() {
    let dir = tempfile::tempdir().unwrap();
    let origin = dir.path().join("origin");
    copy_dir(Path::new(&fixture("clean")), &origin);
    git(&origin, &["init", "-q", "-b", "main"]);
    git(&origin, &["add", "."]);
    git(&origin, &["commit", "-q", "-m", "one"]);
    git(&origin, &["commit", "-q", "--allow-empty", "-m", "two"]);
    let url = format!("file://{}", origin.display());
    git(
        dir.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let o = skillc_in(
        &dir.path().join("shallow"),
        &["check", ".", "--since", "HEAD~1"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("shallow clone"), "{err}");
    assert!(err.contains("fetch-depth: 0"), "{err}");
}

#[test]
fn schema_prints_every_bundled_schema() {
    let o = skillc(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let list = stdout(&o);
    for (name, file) in [
        ("plugin", "plugin.schema.json"),
        ("marketplace", "marketplace.schema.json"),
        ("skill", "skill.schema.json"),
        ("plugin-source", "plugin-source.schema.json"),
        ("config", "skillc.schema.json"),
    ] {
        assert!(list.contains(name) && list.contains(file), "{list}");
        let o = skillc(&["schema", name]);
        assert_eq!(o.status.code(), Some(0));
        let shipped = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("schemas")
                .join(file),
        )
        .unwrap();
        assert_eq!(stdout(&o), shipped, "{name}");
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert!(v["$id"].as_str().unwrap().ends_with(file));
    }
    // Every schema in schemas/ is bundled.
    let files = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas"))
        .unwrap()
        .count();
    assert_eq!(list.lines().count(), files, "{list}");
    let o = skillc(&["schema", "skil"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `skill`"),
        "{}",
        stderr(&o)
    );
}
