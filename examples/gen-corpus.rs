//! Write a deterministic marketplace for benchmarks:
//! `cargo run --release --example gen-corpus -- OUT --plugins N --skills N --refs N [--defects K]`.
//!
//! The content is valid (links with anchors, mentions across plugins, shell
//! with context flags, manifests and a marketplace listing every plugin), so a
//! correct `skillc check` reports nothing and its time is the cost of
//! checking. `--defects K` makes every K-th skill defective.
//!
//! Its shape follows public marketplaces: prose paragraphs, lists and tables
//! around the code, about 4 KB per markdown file and about a tenth of the
//! markdown inside shell blocks (public trees measure 2–14 %), in blocks of a
//! few kinds (pipelines, loops, conditionals, substitutions, `jq`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr,
    dead_code
)]

use std::fmt::Write as _;
use std::path::Path;

/// Deterministic filler prose: sentences drawn from a fixed vocabulary.
struct Prose(u64);

const WORDS: &[&str] = &[
    "the",
    "cluster",
    "release",
    "check",
    "before",
    "after",
    "every",
    "node",
    "state",
    "value",
    "config",
    "change",
    "review",
    "apply",
    "only",
    "when",
    "then",
    "with",
    "without",
    "each",
    "namespace",
    "service",
    "volume",
    "backup",
    "restore",
    "upgrade",
    "rollout",
    "status",
    "health",
    "probe",
    "image",
    "version",
    "secret",
    "store",
    "access",
    "owner",
    "team",
    "request",
    "limit",
    "quota",
    "policy",
    "network",
    "route",
    "gateway",
    "certificate",
    "renewal",
    "window",
    "maintenance",
    "drain",
    "cordon",
    "schedule",
    "replica",
    "leader",
    "election",
    "timeout",
    "retry",
    "budget",
    "disruption",
    "alert",
    "metric",
    "dashboard",
    "log",
    "trace",
    "event",
    "report",
    "summary",
    "plan",
    "step",
    "task",
    "input",
    "output",
    "safe",
    "careful",
    "quick",
    "slow",
    "stable",
    "known",
    "expected",
    "current",
    "desired",
    "is",
    "are",
    "stays",
    "keeps",
    "needs",
    "shows",
    "waits",
    "fails",
    "passes",
    "holds",
    "and",
    "or",
    "but",
    "so",
    "for",
    "from",
    "into",
    "onto",
    "over",
    "under",
    "on",
    "in",
    "of",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "our",
    "your",
];

impl Prose {
    fn new(seed: u64) -> Self {
        Prose(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> usize {
        // xorshift64
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }
    fn sentence(&mut self) -> String {
        let n = 8 + self.next() % 10;
        let mut words: Vec<&str> = (0..n).map(|_| WORDS[self.next() % WORDS.len()]).collect();
        let first = words[0];
        let cap = first[..1].to_uppercase() + &first[1..];
        words[0] = &cap;
        format!("{}.", words.join(" "))
    }
    fn paragraph(&mut self) -> String {
        let n = 3 + self.next() % 3;
        let mut out: Vec<String> = (0..n).map(|_| self.sentence()).collect();
        // Inline code, as real prose has it.
        let i = self.next() % out.len();
        out[i].push_str(" Use `--dry-run=server` first.");
        out.join(" ") + "\n"
    }
    fn list(&mut self) -> String {
        (0..3 + self.next() % 3)
            .map(|_| format!("- {}\n", self.sentence()))
            .collect()
    }
    fn table(&mut self) -> String {
        let mut t = String::from("| Setting | Meaning | Default |\n| --- | --- | --- |\n");
        for i in 0..4 + self.next() % 3 {
            let _ = writeln!(
                t,
                "| `setting-{i}` | {} | `{}` |",
                self.sentence(),
                self.next() % 100
            );
        }
        t
    }
}

/// A shell block of one of several shapes, all clean.
fn block(kind: usize, p: usize, s: usize) -> String {
    let body = match kind % 5 {
        0 => format!(
            "kubectl --context \"$CTX\" -n ns-{p} get deploy app-{s} -o wide\nhelm --kube-context \"$CTX\" status release-{s} -n ns-{p}\nkubectl --context \"$CTX\" -n ns-{p} get pods -o name | while IFS= read -r pod; do\n  kubectl --context \"$CTX\" -n ns-{p} logs \"$pod\" --tail=20\ndone\n"
        ),
        1 => format!(
            "for ns in ns-{p} ns-{p}-system; do\n  kubectl --context \"$CTX\" -n \"$ns\" get events --sort-by=.lastTimestamp | tail -n 20\ndone\n"
        ),
        2 => format!(
            "if ! helm --kube-context \"$CTX\" -n ns-{p} status release-{s} >/dev/null 2>&1; then\n  echo \"release-{s} is not installed\"\n  exit 1\nfi\n"
        ),
        3 => format!(
            "kubectl --context \"$CTX\" -n ns-{p} get deploy app-{s} -o json \\\n  | jq -r '.status.conditions[] | select(.type == \"Available\") | .status'\n"
        ),
        _ => format!(
            "# Wait for the rollout, then show the image.\nkubectl --context \"$CTX\" -n ns-{p} rollout status deploy/app-{s} --timeout=120s\nimage=$(kubectl --context \"$CTX\" -n ns-{p} get deploy app-{s} -o jsonpath='{{.spec.template.spec.containers[0].image}}')\nprintf 'running %s\\n' \"$image\"\n"
        ),
    };
    format!("\n```bash\n{body}```\n")
}

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
            let mut prose = Prose::new((p * 1_000 + s) as u64 + 1);
            let mut md = format!(
                "---\nname: {name}\ndescription: Handles task {s} of area {p}. Use when task {s} is needed.\nallowed-tools: Bash Read Grep\n---\n\n# {name}\n\nRead [the runbook](references/runbook.md#before-you-start) first. Then hand over to /{other}.\n\n{}\n## When to use\n\n{}",
                prose.paragraph(),
                prose.list()
            );
            for phase in 1..=6 {
                let _ = write!(
                    md,
                    "\n## Phase {phase} — Step {phase}\n\nThis step checks the state left by Phase {prev}. {}\n{}",
                    prose.paragraph(),
                    prose.paragraph(),
                    prev = phase.max(2) - 1
                );
                if phase % 2 == 1 {
                    md.push_str(&block(p + s + phase, p, s));
                }
                if phase == 4 {
                    md.push('\n');
                    md.push_str(&prose.table());
                }
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
                    "# Runbook for {name}\n\n{}\n## Before you start\n\nCheck access with `kubectl --context \"$CTX\" auth can-i get pods`.\n\n{}\n{}{}\n## Rollback\n\nUse `helm --kube-context \"$CTX\" rollback release-{s}`.\n\n{}",
                    prose.paragraph(),
                    prose.paragraph(),
                    prose.list(),
                    block(p + s + 3, p, s),
                    prose.paragraph()
                ),
            );
            for r in 1..refs {
                write(
                    root,
                    &format!("plugins/{plugin}/skills/{name}/references/topic-{r}.md"),
                    &format!(
                        "# Topic {r} of {name}\n\nBack to [the runbook](runbook.md#rollback).\n\n{}\n## Settings\n\n{}\n{}\n## Checks\n\n{}{}\n{}",
                        prose.paragraph(),
                        prose.table(),
                        prose.paragraph(),
                        prose.list(),
                        block(p + s + r, p, s),
                        prose.paragraph()
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
