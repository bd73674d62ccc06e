//! Write a deterministic marketplace for benchmarks:
//! `cargo run --release --example gen-corpus -- OUT --plugins N --skills N --refs N [--defects K]`.
//!
//! The content is valid (links with anchors, mentions across plugins, shell
//! with context flags, manifests and a marketplace listing every plugin), so a
//! correct `skillc check` reports nothing and its time is the cost of
//! checking. `--defects K` makes every K-th skill defective.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr,
    dead_code
)]

use std::fmt::Write as _;
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A marketplace of `plugins` plugins with `skills` skills each, `refs`
/// reference files per skill; every `defect_every`-th skill (0: none) carries
/// a missing context flag, a broken link and an unknown mention.
pub fn generate(root: &Path, plugins: usize, skills: usize, refs: usize, defect_every: usize) {
    let mut entries = Vec::new();
    for p in 0..plugins {
        let plugin = format!("plugin-{p}");
        let names: Vec<String> = (0..skills).map(|s| format!("skill-{s}")).collect();
        let description = format!("Operations for area {p}. Skills: {}.", names.join(", "));
        entries.push(format!(
            "    {{ \"name\": \"{plugin}\", \"source\": \"./plugins/{plugin}\", \"description\": \"{description}\", \"category\": \"infrastructure\" }}"
        ));
        write(
            root,
            &format!("plugins/{plugin}/.claude-plugin/plugin.json"),
            &format!(
                "{{\n  \"name\": \"{plugin}\",\n  \"version\": \"1.{p}.0\",\n  \"description\": \"{description}\",\n  \"author\": {{ \"name\": \"Bench\" }},\n  \"license\": \"MIT\"\n}}\n"
            ),
        );
        for (s, name) in names.iter().enumerate() {
            let other = format!("plugin-{}:skill-{}", (p + 1) % plugins, (s + 1) % skills);
            let mut md = format!(
                "---\nname: {name}\ndescription: Handles task {s} of area {p}. Use when task {s} is needed.\nallowed-tools: Bash Read Grep\n---\n\n# {name}\n\nRead [the runbook](references/runbook.md#before-you-start) first. Then hand over to /{other}.\n"
            );
            for phase in 1..=6 {
                let _ = write!(
                    md,
                    "\n## Phase {phase} — Step {phase}\n\nThis step checks the state left by Phase {prev}.\n\n```bash\nkubectl --context \"$CTX\" -n ns-{p} get deploy app-{s} -o wide\nhelm --kube-context \"$CTX\" status release-{s} -n ns-{p}\nkubectl --context \"$CTX\" -n ns-{p} get pods -o name | while IFS= read -r pod; do\n  kubectl --context \"$CTX\" -n ns-{p} logs \"$pod\" --tail=20\ndone\n```\n",
                    prev = phase.max(2) - 1
                );
            }
            if defect_every > 0 && s % defect_every == defect_every / 2 {
                // Defects, as real trees have them.
                md.push_str("\n```bash\nkubectl apply -f manifests/\n```\n\nSee [missing](references/gone.md) and /plugin-0:no-such-skill.\n");
            }
            write(
                root,
                &format!("plugins/{plugin}/skills/{name}/SKILL.md"),
                &md,
            );
            write(
                root,
                &format!("plugins/{plugin}/skills/{name}/references/runbook.md"),
                &format!(
                    "# Runbook for {name}\n\n## Before you start\n\nCheck access with `kubectl --context \"$CTX\" auth can-i get pods`.\n\n## Rollback\n\nUse `helm --kube-context \"$CTX\" rollback release-{s}`.\n"
                ),
            );
            for r in 1..refs {
                write(
                    root,
                    &format!("plugins/{plugin}/skills/{name}/references/topic-{r}.md"),
                    &format!(
                        "# Topic {r} of {name}\n\nBack to [the runbook](runbook.md#rollback).\n\n```bash\nkubectl --context \"$CTX\" -n ns-{p} describe deploy app-{s}\n```\n"
                    ),
                );
            }
        }
        write(
            root,
            &format!("plugins/{plugin}/commands/status.md"),
            &format!(
                "---\ndescription: Show the status of area {p}\n---\n\nRun /{plugin}:skill-0 in read-only mode.\n"
            ),
        );
        write(
            root,
            &format!("plugins/{plugin}/agents/reviewer.md"),
            "---\nname: reviewer\ndescription: Reviews changes for safety. Use before applying anything.\ntools: Read, Grep\n---\n\nYou review changes.\n",
        );
    }
    write(
        root,
        ".claude-plugin/marketplace.json",
        &format!(
            "{{\n  \"name\": \"bench\",\n  \"owner\": {{ \"name\": \"Bench\" }},\n  \"metadata\": {{ \"description\": \"Generated for benchmarks.\" }},\n  \"plugins\": [\n{}\n  ]\n}}\n",
            entries.join(",\n")
        ),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = None;
    let (mut plugins, mut skills, mut refs, mut defects) = (10, 10, 1, 0);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut num = |name: &str| -> usize {
            it.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{name} needs a number"))
        };
        match a.as_str() {
            "--plugins" => plugins = num("--plugins"),
            "--skills" => skills = num("--skills"),
            "--refs" => refs = num("--refs").max(1),
            "--defects" => defects = num("--defects"),
            other if out.is_none() && !other.starts_with('-') => out = Some(other.to_string()),
            other => panic!("unknown argument `{other}`"),
        }
    }
    let out = out.expect("usage: gen-corpus OUT --plugins N --skills N --refs N [--defects K]");
    let root = Path::new(&out);
    if root.exists() {
        std::fs::remove_dir_all(root).unwrap();
    }
    generate(root, plugins, skills, refs, defects);
    eprintln!(
        "wrote {plugins} plugins, {} skills, {} files to {out}",
        plugins * skills,
        plugins * (3 + skills * (1 + refs)) + 1
    );
}
