//! Replay every saved fuzz input (`fuzz/regressions/<target>/*`) through its
//! harness in `skillc::fuzz`, on stable Rust: an input that once crashed a
//! target stays fixed. `scripts/fuzz.sh` adds new crashers here.

use std::path::Path;

#[test]
fn every_saved_input_passes_its_harness() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for (name, harness) in skillc::fuzz::TARGETS {
        let dir = root.join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            panic!("no regression inputs for `{name}` in {}", dir.display());
        };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        assert!(!files.is_empty(), "no regression inputs for `{name}`");
        for f in files {
            let Ok(data) = std::fs::read(&f) else {
                panic!("cannot read {}", f.display());
            };
            harness(&data);
            replayed += 1;
        }
    }
    assert!(replayed >= skillc::fuzz::TARGETS.len());
}
