#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Opt-in tests over the public marketplaces in `../shared/corpora`
//! (`cargo test --test corpora -- --ignored`). They are ignored by default
//! because a fresh clone does not have the corpora.

mod common;
use common::copy_dir;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpora() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora")
}

/// The trees under `dir`, in order.
fn trees(dir: &Path) -> Vec<PathBuf> {
    let mut trees: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    trees.sort();
    trees
}

fn run(path: &Path) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args(["check", path.to_str().unwrap(), "--format", "concise"])
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8(o.stdout).unwrap(),
    )
}

/// No tree crashes skillc or makes it exit 2.
#[test]
#[ignore = "needs ../shared/corpora"]
fn every_corpus_runs() {
    let dir = corpora();
    assert!(dir.is_dir(), "no corpora at {}", dir.display());
    for tree in trees(&dir) {
        let (code, out) = run(&tree);
        assert!(
            code == 0 || code == 1,
            "{}: exit {code}\n{out}",
            tree.display()
        );
    }
}

/// The cozystack marketplace's own validator checked three things: every
/// `references/<file>.md` a SKILL.md mentions exists, every `plugin:skill`
/// mention resolves, and every description names every skill. Break each in
/// a copy and check skillc reports it with file, line and column.
#[test]
#[ignore = "needs ../shared/corpora"]
fn cozystack_validator_checks_are_covered() {
    let src = corpora().join("cozystack");
    assert!(src.is_dir());
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("cozystack");
    copy_dir(&src, &root);
    let skills = root.join("plugins/cozystack/skills");

    // Baseline: none of the three checks fires on the published tree.
    let (_, before) = run(&root);
    for id in ["XREF004", "XREF005", "XREF009"] {
        assert!(
            !before.contains(&format!("[{id}]")),
            "{id} on the clean corpus:\n{before}"
        );
    }

    // 1. A referenced file disappears.
    std::fs::remove_file(skills.join("debug/references/classification.md")).unwrap();
    // 2. A skill is renamed (directory and name): mentions of the old name dangle.
    std::fs::rename(skills.join("talos-reset"), skills.join("talos-recover")).unwrap();
    let sk = skills.join("talos-recover/SKILL.md");
    let text = std::fs::read_to_string(&sk).unwrap().replacen(
        "name: talos-reset",
        "name: talos-recover",
        1,
    );
    std::fs::write(&sk, text).unwrap();
    // 3. A description stops naming a skill.
    let pj = root.join("plugins/linstor/.claude-plugin/plugin.json");
    let text = std::fs::read_to_string(&pj)
        .unwrap()
        .replace("recover", "repair");
    std::fs::write(&pj, text).unwrap();

    let (code, out) = run(&root);
    assert_eq!(code, 1, "{out}");
    let line_re = regex::Regex::new(r"^[^:]+:\d+:\d+: (error|warning|info)\[").unwrap();
    let has = |needle: &str| {
        out.lines()
            .any(|l| l.contains(needle) && line_re.is_match(l))
    };
    assert!(
        has("warning[XREF009] `references/classification.md`"),
        "{out}"
    );
    assert!(has("error[XREF004] `cozystack:talos-reset`"), "{out}");
    assert!(has("skill `talos-recover`"), "{out}");
    assert!(
        has("plugins/linstor/.claude-plugin/plugin.json")
            && has("does not name its skill `recover`"),
        "{out}"
    );
}

/// A narrowed run (`--files F`) reports exactly what the full run narrowed to
/// `F` reports, for a spread of files of every corpus: the narrowed run
/// leaves most markdown bodies and shell unparsed, so this checks it never
/// leaves out one a reported finding depends on.
#[test]
#[ignore = "needs ../shared/corpora"]
fn narrowed_runs_match_the_full_run() {
    use skillc::engine::Session;
    let dir = corpora();
    assert!(dir.is_dir(), "no corpora at {}", dir.display());
    for tree in trees(&dir) {
        let session = Session::default();
        let full = session.load(&tree).unwrap();
        let all = session.check(&full);
        let mut paths: Vec<String> = full
            .project
            .docs
            .iter()
            .map(|d| d.path.to_string())
            .collect();
        paths.sort();
        let step = (paths.len() / 60).max(1);
        for path in paths.iter().step_by(step) {
            let (narrowed, expected) =
                skillc::engine::scope::narrowed_and_full(&tree, &full, &all, path).unwrap();
            assert_eq!(narrowed, expected, "{}: {path}", tree.display());
        }
    }
}

/// One labelled finding (see tests/labels/README.md).
struct Label {
    rule: String,
    path: String,
    line: u64,
    verdict: String,
}

fn labels(tree: &str) -> Vec<Label> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/labels/{tree}.tsv"));
    let Ok(text) = std::fs::read_to_string(&file) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 4, "{}: bad line {l:?}", file.display());
            assert!(
                ["true", "false", "nd", "fixed"].contains(&f[3]),
                "{}: bad verdict in {l:?}",
                file.display()
            );
            Label {
                rule: f[0].into(),
                path: f[1].into(),
                line: f[2].parse().unwrap(),
                verdict: f[3].into(),
            }
        })
        .collect()
}

/// The labels of every corpus still describe what skillc reports, cover
/// every rule that reports a warning or an error, and say that at least
/// 95% of what it reports is true, averaged over rules.
#[test]
#[ignore = "needs ../shared/corpora"]
#[allow(clippy::print_stderr)] // the per-rule table, for whoever runs it
fn labelled_findings_hold() {
    use std::collections::BTreeMap;
    let dir = corpora();
    assert!(dir.is_dir(), "no corpora at {}", dir.display());
    // Per rule, over every tree: (true, all) of the labels of current findings.
    let mut per_rule: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut problems = Vec::new();
    for tree in trees(&dir) {
        let name = tree.file_name().unwrap().to_string_lossy().to_string();
        let o = Command::new(env!("CARGO_BIN_EXE_skillc"))
            .args(["check", tree.to_str().unwrap(), "--format", "json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let found: Vec<(String, String, u64, String)> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap().to_string(),
                    d["path"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap(),
                    d["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let labels = labels(&name);
        let reported = |l: &Label| {
            found
                .iter()
                .any(|f| f.0 == l.rule && f.1 == l.path && f.2 == l.line)
        };
        // The current severity of a labelled finding (the worst, when
        // several share its rule, path and line).
        let severity = |l: &Label| {
            found
                .iter()
                .filter(|f| f.0 == l.rule && f.1 == l.path && f.2 == l.line)
                .map(|f| f.3.as_str())
                .min_by_key(|s| match *s {
                    "error" => 0,
                    "warning" => 1,
                    _ => 2,
                })
        };
        for l in &labels {
            let still = reported(l);
            if (l.verdict == "fixed") == still {
                problems.push(format!(
                    "{name}: {} {}:{} labelled {} but {}",
                    l.rule,
                    l.path,
                    l.line,
                    l.verdict,
                    if still { "reported" } else { "not reported" }
                ));
            }
            // The measure is of warnings and errors: a finding now reported
            // as a note is what its label asked for, or style.
            if l.verdict != "fixed" && severity(l).is_some_and(|s| s != "info") {
                let e = per_rule.entry(l.rule.clone()).or_default();
                e.0 += usize::from(l.verdict == "true");
                e.1 += 1;
            }
        }
        let mut firing: BTreeMap<&str, usize> = BTreeMap::new();
        for f in found.iter().filter(|f| f.3 != "info") {
            *firing.entry(&f.0).or_default() += 1;
        }
        for (rule, n) in firing {
            let have = labels
                .iter()
                .filter(|l| l.rule == rule && l.verdict != "fixed")
                .count();
            if have < n.min(3) {
                problems.push(format!(
                    "{name}: {rule} reports {n}, {have} labelled (need {})",
                    n.min(3)
                ));
            }
        }
    }
    let share: f64 = per_rule
        .values()
        .map(|(t, n)| *t as f64 / *n as f64)
        .sum::<f64>()
        / per_rule.len().max(1) as f64;
    let table: String = per_rule
        .iter()
        .map(|(r, (t, n))| format!("{r}: {t}/{n}\n"))
        .collect();
    eprintln!("rule-balanced true share {:.1}%\n{table}", share * 100.0);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        share >= 0.95,
        "rule-balanced true share {:.1}%\n{table}",
        share * 100.0
    );
}
