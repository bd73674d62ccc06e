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
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        if entry.path().is_dir() {
            let (code, out) = run(&entry.path());
            assert!(
                code == 0 || code == 1,
                "{}: exit {code}\n{out}",
                entry.path().display()
            );
        }
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
    let mut trees: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    trees.sort();
    for tree in trees {
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
