//! Files and encodings: JSON syntax, BOM, size, UTF-8, symlinks; and the
//! scaffolds' placeholder text left as is.

crate::declare_family! {
    json_invalid,
    json_root_not_object,
    byte_order_mark,
    file_too_large,
    symlink_escapes,
    not_utf8,
    unreadable_path,
    duplicate_json_key,
    unused_suppression,
    scaffold_placeholder,
}

#[cfg(test)]
mod tests {
    //! Encoding, size and symlink rules need trees that cannot be written as
    //! doc examples; they are built here.
    use crate::engine::testing::{check_files, of_rule, render};
    use crate::rules::RuleMeta;

    fn skill(name: &str, body: &str) -> (String, String) {
        (
            format!("plugins/demo/skills/{name}/SKILL.md"),
            format!(
                "---\nname: {name}\ndescription: Deploys the demo app. Use when shipping a release.\n---\n{body}"
            ),
        )
    }

    fn base() -> Vec<(String, String)> {
        let mut files = vec![skill("deploy", "# Deploy\n")];
        crate::engine::testing::scaffold(&mut files);
        files
    }

    fn snapshot_one(rule: &RuleMeta, dir: &std::path::Path) {
        let (loaded, diags) =
            crate::engine::testing::check_with(dir, crate::engine::config::Config::default());
        let hits: Vec<_> = of_rule(&diags, rule).into_iter().cloned().collect();
        assert_eq!(
            hits.len(),
            1,
            "{}: {:?}",
            rule.id,
            diags
                .iter()
                .map(|d| (&d.rule.id, &d.message))
                .collect::<Vec<_>>()
        );
        let rendered = render(&loaded, &hits);
        let rendered = crate::regex!(r"/[^\s`]*\.tmp[A-Za-z0-9]+").replace_all(&rendered, "<tmp>");
        insta::assert_snapshot!(rule.id, rendered);
    }

    #[test]
    fn clean_base_is_silent() {
        let (_d, _l, diags) = check_files(&base());
        assert!(
            diags.is_empty(),
            "{:?}",
            diags.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }

    #[test]
    fn gen008_not_utf8() {
        let dir = tempfile::tempdir().unwrap();
        crate::engine::testing::write_tree(dir.path(), &base());
        std::fs::write(
            dir.path().join("plugins/demo/skills/deploy/notes.md"),
            b"caf\xe9\n",
        )
        .unwrap();
        snapshot_one(&super::not_utf8::RULE, dir.path());
    }

    #[test]
    fn gen004_too_large() {
        let dir = tempfile::tempdir().unwrap();
        crate::engine::testing::write_tree(dir.path(), &base());
        let big = format!(
            "---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\n{}",
            "x".repeat(1024 * 1024 + 10)
        );
        std::fs::write(dir.path().join("plugins/demo/skills/deploy/SKILL.md"), big).unwrap();
        snapshot_one(&super::file_too_large::RULE, dir.path());
    }

    /// The loader's limit is not a reference file's: one over 1 MiB is read
    /// and checked like any other file, and GEN004 says nothing.
    #[test]
    fn gen004_leaves_reference_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        crate::engine::testing::write_tree(dir.path(), &base());
        let big = format!(
            "# Notes\n\n{}\nexport GITHUB_TOKEN=ghp_R7x2Kq9LmP4vN8sT1wZ6yB3cD5fG0hJ2kL9m\n",
            "x".repeat(1024 * 1024 + 10)
        );
        for path in [
            "plugins/demo/skills/deploy/references/notes.md",
            "plugins/demo/README.md",
            "docs/commands/history.md",
        ] {
            let file = dir.path().join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, &big).unwrap();
        }
        let (_loaded, diags) = crate::engine::testing::check_with(
            dir.path(),
            crate::engine::config::Config::default(),
        );
        let ids: Vec<(&str, crate::rules::diag::Severity)> =
            diags.iter().map(|d| (d.rule.id, d.severity)).collect();
        // The reference and the README are read: their token is found.
        assert_eq!(
            diags.iter().filter(|d| d.rule.id == "RD006").count(),
            2,
            "{ids:?}"
        );
        // `docs/commands/` looks like a command folder, so it is capped at
        // 1 MiB, but no loader reads it: only an info says it was skipped.
        let too_large = of_rule(&diags, &super::file_too_large::RULE);
        assert_eq!(too_large.len(), 1, "{ids:?}");
        assert_eq!(too_large[0].severity, crate::rules::diag::Severity::Info);
    }

    #[cfg(unix)]
    #[test]
    fn gen005_symlink_escapes_and_gen009_loop() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("notes.md"), "# Notes\n").unwrap();
        let dir = tempfile::tempdir().unwrap();
        crate::engine::testing::write_tree(dir.path(), &base());
        std::os::unix::fs::symlink(
            outside.path().join("notes.md"),
            dir.path().join("plugins/demo/skills/deploy/notes.md"),
        )
        .unwrap();
        snapshot_one(&super::symlink_escapes::RULE, dir.path());

        let dir = tempfile::tempdir().unwrap();
        crate::engine::testing::write_tree(dir.path(), &base());
        std::os::unix::fs::symlink("..", dir.path().join("plugins/demo/skills/deploy/loop"))
            .unwrap();
        snapshot_one(&super::unreadable_path::RULE, dir.path());
    }

    #[test]
    fn bom_on_json_is_a_warning_and_on_a_skill_an_error() {
        let mut files = base();
        let skill = files
            .iter_mut()
            .find(|(p, _)| p.ends_with("SKILL.md"))
            .unwrap();
        skill.1.insert(0, '\u{feff}');
        let (_d, _l, diags) = check_files(&files);
        let hits = of_rule(&diags, &super::byte_order_mark::RULE);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].severity, crate::rules::diag::Severity::Error);
    }
}
