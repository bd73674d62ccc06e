//! `cargo bench`: time `skillc check` (load + every rule) on generated
//! marketplaces of growing size, and on this repository's own plugins.
//!
//! The trees come from `examples/gen-corpus.rs`: plugins with manifests
//! listed in a marketplace, skills whose SKILL.md carries frontmatter, phases,
//! links with anchors, cross-plugin mentions and fenced shell with context
//! flags, reference files, commands and agents. The content is valid, so the
//! findings column must read 0 and the time is the cost of checking.
//! `scripts/bench.sh` compares whole runs of the binary with ripgrep.
//!
//! `cargo bench -- --keep DIR` leaves the largest tree in DIR for profiling.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "../examples/gen-corpus.rs"]
mod gen_corpus;

use std::path::Path;
use std::time::{Duration, Instant};

struct Timing {
    min: Duration,
    median: Duration,
    /// Median of the load (walk, read, parse) part alone.
    load: Duration,
    files: usize,
    findings: usize,
}

/// Timed checks of `root` (its skillc.toml applies, as in a real run);
/// with `focus`, narrowed to that file as `--files` does.
fn time(root: &Path, runs: usize, focus: Option<&str>) -> Timing {
    let config = match std::fs::read_to_string(root.join("skillc.toml")) {
        Ok(text) => {
            skillc::engine::config::Config::parse("skillc.toml", &text).expect("valid config")
        }
        Err(_) => skillc::engine::config::Config::default(),
    };
    let mut session = skillc::engine::Session::new(config);
    session.options.focus = focus.map(|f| [f.to_string()].into_iter().collect());
    let mut times = Vec::with_capacity(runs);
    let mut loads = Vec::with_capacity(runs);
    let (mut files, mut findings) = (0, 0);
    for _ in 0..runs {
        let start = Instant::now();
        let loaded = session.load(root).expect("loads");
        loads.push(start.elapsed());
        let mut diags = session.check(&loaded);
        if let Some(f) = focus {
            let changes = skillc::engine::scope::Changes {
                files: [f.to_string()].into_iter().collect(),
                base: None,
            };
            diags.retain(|d| changes.keeps(d, &loaded.db, &loaded.project));
        }
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

/// The first reference file of a skill under `root`: what a pre-commit run
/// typically checks.
fn a_reference(root: &Path) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    for plugin in std::fs::read_dir(root.join("plugins")).ok()?.flatten() {
        let Ok(skills) = std::fs::read_dir(plugin.path().join("skills")) else {
            continue;
        };
        for skill in skills.flatten() {
            let Ok(refs) = std::fs::read_dir(skill.path().join("references")) else {
                continue;
            };
            found.extend(
                refs.flatten()
                    .map(|r| r.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "md"))
                    .map(|p| skillc::source::rel_path(root, &p)),
            );
        }
    }
    found.sort();
    found.into_iter().next()
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
    // Each tree in full, then narrowed to one changed reference file.
    let both = |label: &str, root: &Path, runs: usize| {
        report(label, time(root, runs, None));
        if let Some(f) = a_reference(root) {
            report("  --files 1 reference", time(root, runs, Some(&f)));
        }
    };
    let own = Path::new(env!("CARGO_MANIFEST_DIR"));
    both("this repository", own, 15);
    for (plugins, skills) in [(5, 5), (20, 10), (50, 20)] {
        let dir = tempfile::tempdir().unwrap();
        gen_corpus::generate(dir.path(), plugins, skills, 2, 0);
        let runs = if plugins * skills > 500 { 5 } else { 11 };
        both(&format!("generated {plugins}x{skills}"), dir.path(), runs);
        if let Some(target) = keep.as_ref().filter(|_| plugins == 50) {
            let _ = std::fs::remove_dir_all(target);
            gen_corpus::generate(target, plugins, skills, 2, 0);
        }
    }
}
