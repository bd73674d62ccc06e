//! The ways skillc is installed and run outside cargo agree with the crate:
//! one version everywhere, the pre-commit hooks see deletions, and the
//! action runs one check whose SARIF upload cannot fail the job.

use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const VERSION: &str = env!("CARGO_PKG_VERSION");

#[test]
fn the_pre_commit_mirror_pins_this_version() {
    let py = read("pre-commit-mirror/pyproject.toml");
    assert!(py.contains(&format!("version = \"{VERSION}\"")), "{py}");
    assert!(py.contains(&format!("\"skillc=={VERSION}\"")), "{py}");
}

/// The hooks as `(id, block)` pairs.
fn hooks(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(id) = line.strip_prefix("- id: ") {
            out.push((id.to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1 += line;
            last.1.push('\n');
        }
    }
    out
}

#[test]
fn every_hook_runs_on_every_commit_and_reads_the_index() {
    let main = hooks(&read(".pre-commit-hooks.yaml"));
    let mirror = hooks(&read("pre-commit-mirror/.pre-commit-hooks.yaml"));
    let ids: Vec<&str> = main.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "skillc",
            "skillc-build",
            "skillc-system",
            "skillc-build-system"
        ]
    );
    for (id, block) in main.iter().chain(&mirror) {
        // A commit that only deletes or renames a file matches no file
        // filter: the hook must run anyway.
        assert!(block.contains("  always_run: true\n"), "{id}: {block}");
        if id.starts_with("skillc-build") {
            assert!(block.contains("  entry: skillc build --check\n"), "{id}");
        } else {
            assert!(
                block.contains("  entry: skillc check --staged --files\n"),
                "{id}: {block}"
            );
        }
        let language = if id.ends_with("-system") {
            "system"
        } else {
            "python"
        };
        assert!(
            block.contains(&format!("  language: {language}\n")),
            "{id}: {block}"
        );
    }
    // The mirror's hooks are the python hooks of this repository.
    assert_eq!(mirror, main[..2].to_vec());
}

#[test]
fn the_action_checks_once_and_its_upload_cannot_fail_the_job() {
    let action = read("action.yml");
    let runs: Vec<&str> = action
        .lines()
        .filter(|l| l.trim_start().starts_with("skillc check "))
        .collect();
    assert_eq!(runs.len(), 1, "{runs:?}");
    assert!(runs[0].contains("--format sarif"), "{}", runs[0]);
    let upload = action
        .split("- name: ")
        .find(|s| s.starts_with("Upload SARIF"))
        .unwrap();
    assert!(
        upload.contains("uses: github/codeql-action/upload-sarif@v4"),
        "{upload}"
    );
    assert!(upload.contains("continue-on-error: true"), "{upload}");
    assert!(
        upload.contains("github.event.pull_request.head.repo.full_name != github.repository"),
        "{upload}"
    );
    // The binary comes from the release; cargo only when asked.
    let install = action
        .split("- name: ")
        .find(|s| s.starts_with("Install skillc"))
        .unwrap();
    let cargo = install.find("cargo install").unwrap();
    let opt_in = install.find("elif [ \"$COMPILE\" = true ]").unwrap();
    assert!(opt_in < cargo, "{install}");
    assert!(
        install.contains("releases/download/v$VERSION/"),
        "{install}"
    );
    assert!(install.contains("sha256"), "{install}");
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(action.contains(target), "{target}");
    }
}

/// The five release targets, as the action downloads them.
const TARGETS: [&str; 5] = [
    "x86_64-unknown-linux-musl",
    "aarch64-unknown-linux-musl",
    "x86_64-apple-darwin",
    "aarch64-apple-darwin",
    "x86_64-pc-windows-msvc",
];

#[test]
fn the_release_builds_what_the_action_and_install_script_download() {
    let release = read(".github/workflows/release.yml");
    let action = read("action.yml");
    let install = read("scripts/install.sh");
    for target in TARGETS {
        assert!(
            release.contains(&format!("target: {target},")),
            "release.yml does not build {target}"
        );
        assert!(action.contains(target), "action.yml misses {target}");
    }
    // install.sh composes ARCH-OS.
    for part in ["unknown-linux-musl", "apple-darwin", "x86_64", "aarch64"] {
        assert!(install.contains(part), "install.sh misses {part}");
    }
    // One asset name: skillc-vVERSION-TARGET.(tar.gz|zip), a .sha256 beside.
    assert!(
        release.contains("asset=\"skillc-v$VERSION-$TARGET\""),
        "release.yml"
    );
    assert!(
        action.contains("asset=\"skillc-v$VERSION-$TARGET.$ext\""),
        "action.yml"
    );
    assert!(action.contains("\"$url.sha256\""), "action.yml");
}

#[test]
fn the_npm_packages_carry_this_version() {
    let main: serde_json::Value = serde_json::from_str(&read("npm/skillc/package.json")).unwrap();
    assert_eq!(main["version"], VERSION);
    let optional = main["optionalDependencies"].as_object().unwrap();
    assert_eq!(optional.len(), TARGETS.len());
    for (name, version) in optional {
        assert!(name.starts_with("@skillc/cli-"), "{name}");
        assert_eq!(version, VERSION, "{name}");
    }
}
