//! Deterministic rendering of SKILL.md and phase scripts from a checked source.

use crate::model::typed_source::{Input, InputType, Mode, Phase, SkillSource};
use indexmap::IndexMap;
use serde_json::Value;
use std::fmt::Write;

/// A phase with its number and its gate number.
pub struct Numbered<'a> {
    pub number: String,
    pub depth: usize,
    pub phase: &'a Phase,
    pub gate: Option<usize>,
    /// Index path into the source (`[2, 0]` is phases[2].phases[0]).
    pub path: Vec<usize>,
}

/// Number phases in document order: 1, 2, 2.1, 2.2, 3 …; gates 1, 2, … in order.
pub fn number(phases: &[Phase]) -> Vec<Numbered<'_>> {
    fn walk<'a>(
        phases: &'a [Phase],
        prefix: &str,
        depth: usize,
        path: &[usize],
        gates: &mut usize,
        out: &mut Vec<Numbered<'a>>,
    ) {
        for (i, p) in phases.iter().enumerate() {
            let number = if prefix.is_empty() {
                (i + 1).to_string()
            } else {
                format!("{prefix}.{}", i + 1)
            };
            let gate = p.gate.map(|_| {
                *gates += 1;
                *gates
            });
            let mut here = path.to_vec();
            here.push(i);
            out.push(Numbered {
                number: number.clone(),
                depth,
                phase: p,
                gate,
                path: here.clone(),
            });
            walk(&p.phases, &number, depth + 1, &here, gates, out);
        }
    }
    let mut out = Vec::new();
    let mut gates = 0;
    walk(phases, "", 0, &[], &mut gates, &mut out);
    out
}

/// The script file name of a phase.
pub fn script_name(n: &Numbered<'_>) -> String {
    format!("phase-{}-{}.sh", n.number, n.phase.id)
}

/// A YAML scalar: plain when unambiguous, double-quoted otherwise.
pub fn yaml_scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && crate::regex!(r"^[A-Za-z][A-Za-z0-9 _./()-]*$").is_match(s)
        && !s.ends_with(' ')
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

fn yaml_value(out: &mut String, key: &str, v: &Value, indent: usize) {
    let pad = " ".repeat(indent);
    match v {
        Value::Null => {
            let _ = writeln!(out, "{pad}{key}: null");
        }
        Value::Bool(b) => {
            let _ = writeln!(out, "{pad}{key}: {b}");
        }
        Value::Number(n) => {
            let _ = writeln!(out, "{pad}{key}: {n}");
        }
        Value::String(s) => {
            let _ = writeln!(out, "{pad}{key}: {}", yaml_scalar(s));
        }
        Value::Array(items) => {
            let _ = writeln!(out, "{pad}{key}:");
            for i in items {
                let text = match i {
                    Value::String(s) => yaml_scalar(s),
                    other => other.to_string(),
                };
                let _ = writeln!(out, "{pad}  - {text}");
            }
        }
        Value::Object(map) => {
            let _ = writeln!(out, "{pad}{key}:");
            for (k, v) in map {
                yaml_value(out, k, v, indent + 2);
            }
        }
    }
}

/// Render the frontmatter block.
pub fn frontmatter(src: &SkillSource) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(out, "name: {}", yaml_scalar(&src.name));
    let _ = writeln!(
        out,
        "description: {}",
        serde_json::to_string(&src.description.trim()).unwrap_or_default()
    );
    let mut extra: IndexMap<String, Value> = src.frontmatter.clone();
    // Provenance lives in metadata, never in the body Claude reads.
    let mut meta = match extra.shift_remove("metadata") {
        Some(Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    meta.insert("generated-by".into(), Value::String("skillc".into()));
    meta.insert("source".into(), Value::String("skill.yaml".into()));
    for (k, v) in &extra {
        yaml_value(&mut out, k, v, 0);
    }
    yaml_value(&mut out, "metadata", &Value::Object(meta), 0);
    out.push_str("---\n");
    out
}

/// Render SKILL.md. `prose` holds each phase's resolved prose, by number.
pub fn skill_md(
    src: &SkillSource,
    phases: &[Numbered<'_>],
    intro: &str,
    prose: &IndexMap<String, String>,
) -> String {
    let mut out = frontmatter(src);
    let _ = writeln!(out, "\n# {}\n", src.title.trim());
    if !intro.trim().is_empty() {
        let _ = writeln!(out, "{}\n", intro.trim());
    }
    inputs_table(&mut out, src);
    for n in phases {
        phase_section(&mut out, n, prose.get(&n.number));
    }
    guardrails(&mut out, src);
    references_table(&mut out, src);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `## Inputs`: a row per input, when there are any.
fn inputs_table(out: &mut String, src: &SkillSource) {
    if src.inputs.is_empty() {
        return;
    }
    out.push_str("## Inputs\n\nThe phase scripts read these from the environment and stop when a required one is missing or malformed.\n\n");
    out.push_str(
        "| Input | Type | Required | Default | Description |\n| --- | --- | --- | --- | --- |\n",
    );
    for (name, i) in &src.inputs {
        let ty = if i.kind == InputType::Enum {
            format!(
                "one of {}",
                i.values
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            i.kind.as_str().to_string()
        };
        let default = i
            .default
            .as_ref()
            .map_or(String::new(), |d| format!("`{d}`"));
        let _ = writeln!(
            out,
            "| `{name}` | {ty} | {} | {default} | {} |",
            if i.required { "yes" } else { "no" },
            i.doc.trim().replace('|', "\\|")
        );
    }
    out.push('\n');
}

/// A phase's heading, mode, gate, prose (resolved) and the command that
/// runs its script.
fn phase_section(out: &mut String, n: &Numbered<'_>, prose: Option<&String>) {
    let hashes = "#".repeat((n.depth + 2).min(6));
    let gate = n
        .gate
        .map_or(String::new(), |g| format!(" (STOP GATE {g})"));
    let _ = writeln!(
        out,
        "{hashes} Phase {} — {}{gate}\n",
        n.number,
        n.phase.title.trim()
    );
    let mode = match n.phase.mode {
        Mode::ReadOnly => "Mode: read-only.",
        Mode::Local => "Mode: local (changes only this machine).",
        Mode::Mutating => "Mode: **mutating** — changes shared systems; run it only as written.",
    };
    let _ = writeln!(out, "{mode}\n");
    if n.gate.is_some() {
        let _ = writeln!(
            out,
            "**Stop here.** Present what this phase will do and wait for the operator's explicit approval before running it.\n"
        );
    }
    if let Some(p) = prose
        && !p.trim().is_empty()
    {
        let _ = writeln!(out, "{}\n", p.trim());
    }
    if n.phase.script.is_some() || n.phase.script_file.is_some() {
        let _ = writeln!(
            out,
            "Run:\n\n```bash\nbash \"${{CLAUDE_SKILL_DIR}}/scripts/{}\"\n```\n",
            script_name(n)
        );
    }
}

/// `## Guardrails`, when there are any.
fn guardrails(out: &mut String, src: &SkillSource) {
    if src.guardrails.is_empty() {
        return;
    }
    out.push_str("## Guardrails\n\n");
    for g in &src.guardrails {
        let _ = writeln!(out, "- {}", g.trim());
    }
    out.push('\n');
}

/// `## References`: a row per reference file, when there are any.
fn references_table(out: &mut String, src: &SkillSource) {
    if src.references.is_empty() {
        return;
    }
    out.push_str("## References\n\n| File | What it holds |\n| --- | --- |\n");
    for r in &src.references {
        let _ = writeln!(
            out,
            "| [{}]({}) | {} |",
            r.path,
            r.path,
            r.summary.trim().replace('|', "\\|")
        );
    }
    out.push('\n');
}

fn validation(name: &str, input: &Input) -> String {
    let mut v = String::new();
    let guard = |body: String| format!("if [ -n \"${{{name}:-}}\" ]; then\n{body}fi\n");
    match input.kind {
        InputType::Ip => {
            v.push_str(&guard(format!(
                "  _re='^([0-9]{{1,3}}\\.){{3}}[0-9]{{1,3}}$'\n  [[ ${name} =~ $_re ]] || {{ echo \"{name} must be an IPv4 address, got '${name}'\" >&2; exit 2; }}\n"
            )));
        }
        InputType::IpList => {
            v.push_str(&guard(format!(
                "  _re='^([0-9]{{1,3}}\\.){{3}}[0-9]{{1,3}}$'\n  IFS=', ' read -r -a _items <<< \"${name}\"\n  for _ip in \"${{_items[@]}}\"; do\n    [[ $_ip =~ $_re ]] || {{ echo \"{name} must list IPv4 addresses, got '$_ip'\" >&2; exit 2; }}\n  done\n"
            )));
        }
        InputType::Int => {
            v.push_str(&guard(format!(
                "  _re='^-?[0-9]+$'\n  [[ ${name} =~ $_re ]] || {{ echo \"{name} must be an integer, got '${name}'\" >&2; exit 2; }}\n"
            )));
        }
        InputType::Bool => {
            v.push_str(&guard(format!(
                "  case \"${name}\" in true|false) ;; *) echo \"{name} must be true or false, got '${name}'\" >&2; exit 2 ;; esac\n"
            )));
        }
        InputType::Enum => {
            let alts = input.values.join("|");
            let shown = input.values.join(", ");
            v.push_str(&guard(format!(
                "  case \"${name}\" in {alts}) ;; *) echo \"{name} must be one of: {shown}; got '${name}'\" >&2; exit 2 ;; esac\n"
            )));
        }
        InputType::KubeContext => {
            v.push_str(&format!("[ -n \"${{{name}:-}}\" ] || {{ echo \"{name} must name a kubeconfig context\" >&2; exit 2; }}\n"));
        }
        InputType::String | InputType::Path => {}
    }
    v
}

/// Render a phase script.
pub fn script(
    src: &SkillSource,
    n: &Numbered<'_>,
    prelude: Option<&str>,
    body: &str,
    uses: &[&str],
) -> String {
    let mut out = String::from("#!/usr/bin/env bash\n");
    let _ = writeln!(
        out,
        "# Phase {} ({}) of skill `{}`: {}",
        n.number,
        n.phase.id,
        src.name,
        n.phase.title.trim()
    );
    out.push_str(
        "# Generated by skillc from skill.yaml; edit the source and run `skillc build`.\n",
    );
    out.push_str("set -euo pipefail\n\n");
    let mut guards = String::new();
    let mut checks = String::new();
    for (name, input) in &src.inputs {
        if !uses.contains(&name.as_str()) {
            continue;
        }
        if let Some(d) = &input.default {
            let _ = writeln!(
                guards,
                "{name}=\"${{{name}:-{}}}\"",
                d.replace('"', "\\\"").replace('$', "\\$")
            );
        } else if input.required {
            // Inside `${VAR:?message}` only plain characters are safe.
            let doc: String = input
                .doc
                .trim()
                .trim_end_matches('.')
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || " ,.;:()/+-_".contains(c) {
                        c
                    } else {
                        ' '
                    }
                })
                .collect();
            let _ = writeln!(guards, ": \"${{{name}:?{name} is required: {doc}}}\"");
        } else {
            let _ = writeln!(guards, "{name}=\"${{{name}:-}}\"");
        }
        checks.push_str(&validation(name, input));
    }
    if !guards.is_empty() || !checks.is_empty() {
        out.push_str(&guards);
        out.push_str(&checks);
        out.push('\n');
    }
    if let Some(p) = prelude {
        out.push_str("# The skill's prelude.\n");
        out.push_str(p.trim_end());
        out.push_str("\n\n");
    }
    out.push_str(body.trim_end());
    out.push('\n');
    out
}
