//! `cargo bench`: time `skillc check` (load + every rule) on generated
//! marketplaces of growing size, and on this repository's own plugins.
//!
//! The generator writes a realistic tree: plugins with manifests listed in a
//! marketplace, skills whose SKILL.md carries frontmatter, phases, links with
//! anchors, cross-plugin mentions and fenced shell (kubectl and helm with and
//! without a context), reference files, commands and agents. A fraction of the
//! content is defective, so rules report findings as they would in real use.
//!
//! `cargo bench -- --keep DIR` leaves the largest tree in DIR for profiling.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A marketplace of `plugins` plugins with `skills` skills each.
fn generate(root: &Path, plugins: usize, skills: usize) {
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
                    "\n## Phase {phase} — Step {phase}\n\nThis step checks the state left by Phase {prev}.\n\n```bash\nkubectl --context \"$CTX\" -n ns-{p} get deploy app-{s} -o wide\nhelm --kube-context \"$CTX\" status release-{s} -n ns-{p}\nfor pod in $(kubectl --context \"$CTX\" -n ns-{p} get pods -o name); do\n  kubectl --context \"$CTX\" -n ns-{p} logs \"$pod\" --tail=20\ndone\n```\n",
                    prev = phase.max(2) - 1
                );
            }
            if s % 7 == 3 {
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

struct Timing {
    min: Duration,
    median: Duration,
    /// Median of the load (walk, read, parse) part alone.
    load: Duration,
    files: usize,
    findings: usize,
}

/// Timed checks of `root` (its skillc.toml applies, as in a real run).
fn time(root: &Path, runs: usize) -> Timing {
    let config = match std::fs::read_to_string(root.join("skillc.toml")) {
        Ok(text) => skillc::config::Config::parse("skillc.toml", &text).expect("valid config"),
        Err(_) => skillc::config::Config::default(),
    };
    let mut times = Vec::with_capacity(runs);
    let mut loads = Vec::with_capacity(runs);
    let (mut files, mut findings) = (0, 0);
    for _ in 0..runs {
        let start = Instant::now();
        let loaded = skillc::load::load(root, &config).expect("loads");
        loads.push(start.elapsed());
        let diags = skillc::check::run(&loaded, &config);
        times.push(start.elapsed());
        files = loaded.db.len();
        findings = diags.len();
    }
    times.sort();
    loads.sort();
    Timing {
        min: times[0],
        median: times[runs / 2],
        load: loads[runs / 2],
        files,
        findings,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    println!(
        "{:<28} {:>7} {:>9} {:>10} {:>10} {:>10} {:>10}",
        "tree", "files", "findings", "min", "median", "load", "files/s"
    );
    let report = |label: &str, t: Timing| {
        println!(
            "{label:<28} {:>7} {:>9} {:>8.1}ms {:>8.1}ms {:>8.1}ms {:>10.0}",
            t.files,
            t.findings,
            t.min.as_secs_f64() * 1e3,
            t.median.as_secs_f64() * 1e3,
            t.load.as_secs_f64() * 1e3,
            t.files as f64 / t.median.as_secs_f64()
        );
    };
    let own = Path::new(env!("CARGO_MANIFEST_DIR"));
    report("this repository", time(own, 15));
    for (plugins, skills) in [(5, 5), (20, 10), (50, 20)] {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), plugins, skills);
        let runs = if plugins * skills > 500 { 5 } else { 11 };
        report(
            &format!("generated {plugins}x{skills}"),
            time(dir.path(), runs),
        );
        if let Some(target) = keep.as_ref().filter(|_| plugins == 50) {
            let _ = std::fs::remove_dir_all(target);
            generate(target, plugins, skills);
        }
    }
}
