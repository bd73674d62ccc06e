#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Compiled skills run the way Claude Code runs them (see
//! `common/harness.rs`): following SKILL.md literally, one Bash call per Run
//! block from a fresh shell, every phase runs; every cluster call names the
//! context it was given; a stop gate comes before every mutating phase and
//! shows the command that runs next; a missing input stops a script before
//! it runs anything. Over every compiled skill in `plugins/`, and over the
//! skill a newcomer makes with `skillc new`.

mod common;

use common::harness::{self, BAD_INPUT, CONTEXT, Sandbox, Skill};
use std::path::Path;
use std::process::Command;

fn skills(root: &Path) -> Vec<Skill> {
    harness::compiled_skills(root)
        .iter()
        .map(|d| Skill::read(d))
        .collect()
}

fn bundled() -> Vec<Skill> {
    let skills = skills(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(
        skills.len() >= 5,
        "the bundled marketplace has compiled skills"
    );
    skills
}

/// Run every phase of every skill in order; the problems found and how many
/// phases ran.
fn run_all(skills: &[Skill]) -> (Vec<String>, usize) {
    let mut problems = Vec::new();
    let mut runs = 0;
    for skill in skills {
        let sandbox = Sandbox::new();
        let values = sandbox.values(skill);
        let has_context = skill.inputs.iter().any(|i| i.kind == "kubeconfig context");
        for phase in &skill.phases {
            let Some(cmd) = &phase.run else { continue };
            let at = format!("{} phase {}", skill.dir.display(), phase.number);
            if cmd.contains('$') && !cmd.contains("${CLAUDE_SKILL_DIR}") {
                problems.push(format!("{at}: the Run block reads a shell variable: {cmd}"));
            }
            let ran = sandbox.run(&sandbox.fill(skill, cmd, &values));
            runs += 1;
            if ran.code == BAD_INPUT || ran.stderr.contains("nothing was run") {
                problems.push(format!(
                    "{at}: stopped at its inputs: {}",
                    ran.stderr.trim()
                ));
            }
            if ran.stderr.contains("unbound variable") {
                problems.push(format!("{at}: {}", ran.stderr.trim()));
            }
            for call in &ran.calls {
                if has_context
                    && harness::reaches_cluster(call)
                    && !harness::names_context(call, CONTEXT)
                {
                    problems.push(format!(
                        "{at}: `{}` does not name the context",
                        call.join(" ")
                    ));
                }
            }
        }
    }
    (problems, runs)
}

/// Every mutating phase has a gate at or before it that names it; the first
/// phase a gate holds back is shown with its exact command.
fn gate_problems(skills: &[Skill]) -> Vec<String> {
    let mut problems = Vec::new();
    for skill in skills {
        for (i, phase) in skill.phases.iter().enumerate() {
            if !phase.mutating {
                continue;
            }
            let Some(gate) = skill.phases[..=i].iter().rev().find(|p| p.gate) else {
                problems.push(format!(
                    "{}: mutating phase {} has no gate before it",
                    skill.dir.display(),
                    phase.number
                ));
                continue;
            };
            let Some(stop) = gate.text.lines().find(|l| l.starts_with("**Stop here.**")) else {
                problems.push(format!(
                    "{}: gate without a stop: {}",
                    skill.dir.display(),
                    gate.text
                ));
                continue;
            };
            if let Some(cmd) = &phase.run {
                let first = format!("phase {} runs `{cmd}`", phase.number);
                let later = regex::Regex::new(&format!(
                    r"then phases? (?:[0-9.]+, )*{}(?:,| as)",
                    regex::escape(&phase.number)
                ))
                .unwrap();
                if !stop.contains(&first) && !later.is_match(stop) {
                    problems.push(format!(
                        "{}: the gate before phase {} does not name it: {stop}",
                        skill.dir.display(),
                        phase.number
                    ));
                }
            }
        }
    }
    problems
}

/// Each required input left out alone, then all at once, then the
/// placeholders left unfilled: the script exits [`BAD_INPUT`] before any
/// tool runs, naming every problem. How many inputs were checked.
fn missing_inputs_stop(skills: &[Skill]) -> usize {
    let mut checked = 0;
    for skill in skills {
        let sandbox = Sandbox::new();
        let values = sandbox.values(skill);
        for phase in &skill.phases {
            let Some(cmd) = &phase.run else { continue };
            let required: Vec<&str> = skill
                .inputs
                .iter()
                .filter(|i| i.required && cmd.contains(&format!(" {}='<", i.name)))
                .map(|i| i.name.as_str())
                .collect();
            if required.is_empty() {
                continue;
            }
            for name in &required {
                let mut some = values.clone();
                some.remove(*name);
                let ran = sandbox.run(&sandbox.fill(skill, cmd, &some));
                assert_eq!(ran.code, BAD_INPUT, "{}: {}", ran.command, ran.stderr);
                assert!(ran.calls.is_empty(), "{}: ran {:?}", ran.command, ran.calls);
                assert!(
                    ran.stderr.contains(&format!("{name} is required")),
                    "{}",
                    ran.stderr
                );
                checked += 1;
            }
            let ran = sandbox.run(&sandbox.fill(skill, cmd, &Default::default()));
            assert_eq!(ran.code, BAD_INPUT, "{}", ran.stderr);
            for name in &required {
                assert!(
                    ran.stderr.contains(&format!("{name} is required")),
                    "all at once: {}",
                    ran.stderr
                );
            }
            let raw = sandbox.run(&sandbox.substitute(skill, cmd));
            assert_eq!(raw.code, BAD_INPUT, "{}", raw.stderr);
            assert!(
                raw.stderr.contains("still holds its placeholder"),
                "{}",
                raw.stderr
            );
            assert!(raw.calls.is_empty());
        }
    }
    checked
}

#[test]
fn every_phase_of_every_compiled_skill_runs_as_written() {
    let (problems, runs) = run_all(&bundled());
    assert!(runs >= 50, "ran {runs} phases");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_stop_gate_shows_what_runs_before_every_mutating_phase() {
    let problems = gate_problems(&bundled());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_missing_input_stops_a_script_before_it_runs_anything() {
    let checked = missing_inputs_stop(&bundled());
    assert!(checked >= 20, "checked {checked} inputs");
}

fn skillc(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args(args)
        .current_dir(root)
        .output()
        .unwrap()
}

fn text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The newcomer's path: `new marketplace`, `new plugin`, `new skill`, an
/// edit that adds a gated mutating phase, `build`, `check`; the skill it
/// makes runs in the harness like the bundled ones.
#[test]
fn the_newcomer_path_makes_a_skill_that_runs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for args in [
        &["new", "marketplace", "demo"][..],
        &["new", "plugin", "ops"],
        &["new", "skill", "ops", "deploy"],
    ] {
        let o = skillc(root, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o));
    }
    let path = root.join("plugins/ops/skills/deploy/skill.yaml");
    // The edit the scaffold suggests: its commented mutating phase, enabled.
    let yaml = std::fs::read_to_string(&path).unwrap();
    let enabled: String = yaml
        .lines()
        .map(|l| match l.strip_prefix('#') {
            Some(rest) if rest.starts_with("  - id: apply") || rest.starts_with("    ") => {
                rest.to_string()
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(enabled.contains("  - id: apply\n    title:"), "{enabled}");
    std::fs::write(&path, enabled + "\n").unwrap();
    let b = skillc(root, &["build", "."]);
    assert_eq!(b.status.code(), Some(0), "{}", text(&b));
    let c = skillc(root, &["check", ".", "--format", "concise"]);
    let report = text(&c);
    for line in report.lines().filter(|l| l.contains('[')) {
        assert!(
            line.contains("[GEN012]"),
            "only the scaffold's placeholders are left: {report}"
        );
    }
    let skills = skills(root);
    assert_eq!(skills.len(), 1);
    let (problems, runs) = run_all(&skills);
    assert_eq!(runs, 2);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let problems = gate_problems(&skills);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(missing_inputs_stop(&skills), 2);
}

/// Each input type checks what it says, every problem is reported at once
/// with exit 64, docs are quoted as written, and a list reaches the body as
/// its items separated by single spaces.
#[test]
fn typed_inputs_keep_their_promise() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::write(
        root,
        ".claude-plugin/marketplace.json",
        "{\"name\": \"m\", \"description\": \"M.\", \"owner\": {\"name\": \"O\"}, \"plugins\": []}\n",
    );
    common::write(
        root,
        "plugins/ops/plugin.yaml",
        "name: ops\nversion: 1.0.0\ndescription: Ops {skills}.\nauthor: {name: Ops}\n",
    );
    common::write(
        root,
        "plugins/ops/skills/probe/skill.yaml",
        r#"name: probe
description: Probes addresses. Use when checking reachability.
title: Probe
inputs:
  CTX: {type: kube-context, doc: "The cluster's context.", required: true}
  ADDR: {type: ip, doc: One address., required: true}
  ADDRS: {type: ip-list, doc: More addresses., required: true}
  COUNT: {type: int, doc: How many., required: true}
  QUIET: {type: bool, doc: Less output., default: "false"}
  MODE: {type: enum, values: [fast, slow], default: fast, doc: How.}
  LABEL: {type: string, doc: A label., required: true}
phases:
  - id: probe
    title: Probe
    script: |
      for ip in $ADDRS; do echo "item=$ip"; done
      echo "$CTX $ADDR $COUNT $QUIET $MODE $LABEL"
"#,
    );
    let b = skillc(root, &["build", "."]);
    assert_eq!(b.status.code(), Some(0), "{}", text(&b));
    let c = skillc(root, &["check", ".", "--format", "concise"]);
    assert_eq!(
        c.status.code(),
        Some(0),
        "SH004 is quiet on the list loop: {}",
        text(&c)
    );
    let script = root.join("plugins/ops/skills/probe/scripts/phase-1-probe.sh");
    let run = |args: &[&str]| {
        let o = Command::new("bash")
            .arg(&script)
            .args(args)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .output()
            .unwrap();
        (o.status.code(), text(&o))
    };
    let (code, out) = run(&[
        "CTX=prod",
        "ADDR=192.0.2.1",
        "ADDRS=192.0.2.1, 192.0.2.2 192.0.2.3",
        "COUNT=0",
        "LABEL=a b",
    ]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("item=192.0.2.1\nitem=192.0.2.2\nitem=192.0.2.3\n"),
        "{out}"
    );
    assert!(out.contains("prod 192.0.2.1 0 false fast a b"), "{out}");
    let (code, out) = run(&[
        "CTX= ",
        "ADDR=999.1.1.1",
        "ADDRS=192.0.2.1,300.0.0.1",
        "COUNT=-5",
        "QUIET=maybe",
        "MODE=medium",
        "LABEL=\t",
    ]);
    assert_eq!(code, Some(BAD_INPUT), "{out}");
    for want in [
        "CTX is required (kube-context): The cluster's context.",
        "ADDR must be an IPv4 address",
        "'300.0.0.1' is not one",
        "COUNT must be a whole number",
        "QUIET must be true or false",
        "MODE must be one of: fast, slow",
        "LABEL is required",
        "nothing was run",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}");
    }
    // Arguments only: the environment does not fill an input.
    let o = Command::new("bash")
        .arg(&script)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("CTX", "from-env")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(BAD_INPUT));
    assert!(text(&o).contains("CTX is required"));
    // An unknown argument is bad input too.
    let (code, out) = run(&["CTXX=prod"]);
    assert_eq!(code, Some(BAD_INPUT), "{out}");
    assert!(out.contains("unexpected argument 'CTXX'"), "{out}");
}
