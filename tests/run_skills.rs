//! Every compiled skill in `plugins/` run the way Claude Code runs it (see
//! `common/harness.rs`): following SKILL.md literally, one Bash call per Run
//! block from a fresh shell, every phase runs; every cluster call names the
//! context it was given; a stop gate comes before every mutating phase and
//! shows the command that runs next; a missing input stops a script before
//! it runs anything.

mod common;

use common::harness::{self, BAD_INPUT, CONTEXT, Sandbox, Skill};
use std::path::Path;

fn skills() -> Vec<Skill> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let skills: Vec<Skill> = harness::compiled_skills(root)
        .iter()
        .map(|d| Skill::read(d))
        .collect();
    assert!(
        skills.len() >= 5,
        "the bundled marketplace has compiled skills"
    );
    skills
}

#[test]
fn every_phase_of_every_compiled_skill_runs_as_written() {
    let mut problems = Vec::new();
    let mut runs = 0;
    for skill in skills() {
        let sandbox = Sandbox::new();
        let values = sandbox.values(&skill);
        let has_context = skill.inputs.iter().any(|i| i.kind == "kubeconfig context");
        for phase in &skill.phases {
            let Some(cmd) = &phase.run else { continue };
            assert!(
                !cmd.contains("$CTX") && !cmd.contains("${CTX"),
                "a Run block reads no shell variable: {cmd}"
            );
            let ran = sandbox.run(&sandbox.fill(&skill, cmd, &values));
            runs += 1;
            eprintln!(
                "{} phase {}: exit {}{} after {} tool calls",
                skill.dir.file_name().unwrap().to_string_lossy(),
                phase.number,
                ran.code,
                if ran.timed_out {
                    " (still polling, stopped)"
                } else {
                    ""
                },
                ran.calls.len()
            );
            let at = format!("{} phase {}", skill.dir.display(), phase.number);
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
    assert!(runs >= 50, "ran {runs} phases");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_stop_gate_shows_what_runs_before_every_mutating_phase() {
    for skill in skills() {
        for (i, phase) in skill.phases.iter().enumerate() {
            if !phase.mutating {
                continue;
            }
            // The nearest gate at or before the phase.
            let gate = skill.phases[..=i]
                .iter()
                .rev()
                .find(|p| p.gate)
                .unwrap_or_else(|| {
                    panic!(
                        "{}: mutating phase {} has no gate before it",
                        skill.dir.display(),
                        phase.number
                    )
                });
            assert!(gate.text.contains("**Stop here.**"), "{}", gate.text);
            // The gate names every phase it holds back; the first with its
            // exact command.
            let stop = gate
                .text
                .lines()
                .find(|l| l.starts_with("**Stop here.**"))
                .unwrap();
            if let Some(cmd) = &phase.run {
                let first = format!("phase {} runs `{cmd}`", phase.number);
                let later = regex::Regex::new(&format!(
                    r"then phases? (?:[0-9.]+, )*{}(?:,| as)",
                    regex::escape(&phase.number)
                ))
                .unwrap();
                assert!(
                    stop.contains(&first) || later.is_match(stop),
                    "{}: the gate before phase {} does not name it:\n{stop}",
                    skill.dir.display(),
                    phase.number,
                );
            }
        }
    }
}

#[test]
fn a_missing_input_stops_a_script_before_it_runs_anything() {
    let mut checked = 0;
    for skill in skills() {
        let sandbox = Sandbox::new();
        let values = sandbox.values(&skill);
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
            // Each left out alone, then all at once.
            for name in &required {
                let mut some = values.clone();
                some.remove(*name);
                let ran = sandbox.run(&sandbox.fill(&skill, cmd, &some));
                assert_eq!(ran.code, BAD_INPUT, "{}: {}", ran.command, ran.stderr);
                assert!(ran.calls.is_empty(), "{}: ran {:?}", ran.command, ran.calls);
                assert!(
                    ran.stderr.contains(&format!("{name} is required")),
                    "{}",
                    ran.stderr
                );
                checked += 1;
            }
            let none = std::collections::BTreeMap::new();
            let ran = sandbox.run(&sandbox.fill(&skill, cmd, &none));
            assert_eq!(ran.code, BAD_INPUT, "{}", ran.stderr);
            for name in &required {
                assert!(
                    ran.stderr.contains(&format!("{name} is required")),
                    "all at once: {}",
                    ran.stderr
                );
            }
            // An unfilled placeholder is not a value.
            let raw = sandbox.run(&sandbox.substitute(&skill, cmd));
            assert_eq!(raw.code, BAD_INPUT, "{}", raw.stderr);
            assert!(
                raw.stderr.contains("still holds its placeholder"),
                "{}",
                raw.stderr
            );
            assert!(raw.calls.is_empty());
        }
    }
    assert!(checked >= 20, "checked {checked} inputs");
}
