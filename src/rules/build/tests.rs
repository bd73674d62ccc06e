#![cfg(test)]
//! The build rules on small trees: where each finding points, what it
//! says, the fix it carries and what applying that fix leaves.

use super::{dangling_cross_reference, generated_file_drift, source_invalid};
use crate::engine::testing::{check_files, of_rule, render};
use crate::model::build::Loaded;
use crate::rules::RuleMeta;
use crate::rules::diag::Diagnostic;
use std::collections::BTreeMap;

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = list
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    crate::engine::testing::scaffold(&mut v);
    v
}

/// Check a tree; the findings of `rule`.
fn run(list: &[(&str, &str)], rule: &RuleMeta) -> (tempfile::TempDir, Loaded, Vec<Diagnostic>) {
    let (dir, loaded, diags) = check_files(&files(list));
    let hits = of_rule(&diags, rule).into_iter().cloned().collect();
    (dir, loaded, hits)
}

/// The text a finding points at.
fn at<'a>(loaded: &'a Loaded, d: &Diagnostic) -> &'a str {
    &loaded.db.text(d.file())[d.span().range()]
}

/// The files the fixes of `diags` change, by path, with their new text.
fn fixed(loaded: &Loaded, diags: &[Diagnostic]) -> BTreeMap<String, String> {
    let (edits, _) = crate::engine::fix::apply(diags, &loaded.db);
    edits
        .into_iter()
        .map(|(f, t)| (loaded.db.path(f).to_string(), t))
        .collect()
}

const SKILL: &str = "plugins/ops/skills/triage/skill.yaml";

/// A hand-written skill beside the source, to reference.
const POD_DEBUG: (&str, &str) = (
    "plugins/ops/skills/pod-debug/SKILL.md",
    "---\nname: pod-debug\ndescription: Debugs a pod. Use when a pod fails.\n---\n# Pod debug\n",
);

const NOTES: (&str, &str) = (
    "plugins/ops/skills/triage/references/notes.md",
    "# Notes\n\n## Before you start\n\nText.\n",
);

// ---------------------------------------------------------------- BLD004

#[test]
fn bld004_points_at_the_reference_and_fixes_a_typo() {
    let source = "name: triage\ndescription: Triages an incident. Use when paged.\ntitle: Triage\nphases:\n  - id: look\n    title: Look\n    prose: |\n      Read the alerts first.\n      When it is a pod, run {skill:ops:pod-debg}.\n";
    let (_d, loaded, hits) = run(
        &[(SKILL, source), POD_DEBUG],
        &dangling_cross_reference::RULE,
    );
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(at(&loaded, &hits[0]), "{skill:ops:pod-debg}");
    assert_eq!(
        hits[0].help.as_deref(),
        Some("did you mean `{skill:ops:pod-debug}`?")
    );
    insta::assert_snapshot!("BLD004_skill_typo", render(&loaded, &hits));
    let new = fixed(&loaded, &hits);
    assert!(
        new[SKILL].contains("run {skill:ops:pod-debug}.\n"),
        "{}",
        new[SKILL]
    );
    // The fixed source resolves.
    let (_d, _l, again) = run(
        &[(SKILL, &new[SKILL]), POD_DEBUG],
        &dangling_cross_reference::RULE,
    );
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn bld004_every_kind_names_its_candidates() {
    let source = "name: triage
description: Triages an incident. Use when paged.
title: Triage
intro: Set {input:CTXX} first.
inputs:
  CTX: {type: kube-context, doc: The cluster., required: true}
phases:
  - id: look
    title: Look
    prose: |
      See {ref:references/notse.md} and {ref:references/notes.md#before-you-strat}.
      Then {phase:fix} waits for {gate:look}, then {gate:aprove}.
  - id: approve
    title: Approve
    gate: stop
  - id: fixup
    title: Fix up
    mode: mutating
references:
  - path: references/notes.md
    summary: Read {ref:references/notes.md#nothing-here} first.
guardrails:
  - Never skip {phase:lok}.
  - Ask {skill:pod-debug} and {skill:nowhere:x}.
";
    let (_d, loaded, hits) = run(
        &[(SKILL, source), POD_DEBUG, NOTES],
        &dangling_cross_reference::RULE,
    );
    let seen: Vec<(&str, Option<&str>, bool)> = hits
        .iter()
        .map(|d| (at(&loaded, d), d.help.as_deref(), d.fix.is_some()))
        .collect();
    assert_eq!(
        seen,
        [
            ("{input:CTXX}", Some("did you mean `{input:CTX}`?"), true),
            (
                "{ref:references/notse.md}",
                Some("did you mean `{ref:references/notes.md}`?"),
                true
            ),
            (
                "{ref:references/notes.md#before-you-strat}",
                Some("did you mean `{ref:references/notes.md#before-you-start}`?"),
                true
            ),
            (
                "{phase:fix}",
                Some("phases: `{phase:look}`, `{phase:approve}`, `{phase:fixup}`"),
                false
            ),
            ("{gate:look}", Some("gated phases: `{gate:approve}`"), false),
            (
                "{gate:aprove}",
                Some("did you mean `{gate:approve}`?"),
                true
            ),
            (
                "{ref:references/notes.md#nothing-here}",
                Some(
                    "anchors of that file: `{ref:references/notes.md#notes}`, `{ref:references/notes.md#before-you-start}`"
                ),
                false
            ),
            ("{phase:lok}", Some("did you mean `{phase:look}`?"), true),
            (
                "{skill:pod-debug}",
                Some("did you mean `{skill:ops:pod-debug}`?"),
                true
            ),
            (
                "{skill:nowhere:x}",
                Some("skills: `{skill:ops:pod-debug}`, `{skill:ops:triage}`"),
                false
            ),
        ],
        "{}",
        render(&loaded, &hits)
    );
    insta::assert_snapshot!("BLD004_every_kind", render(&loaded, &hits));
}

#[test]
fn bld004_two_close_candidates_get_a_hint_and_no_fix() {
    let source = "name: triage\ndescription: Triages an incident. Use when paged.\ntitle: Triage\nphases:\n  - id: step-a\n    title: A\n  - id: step-b\n    title: B\n    prose: Go back to {phase:step-c}.\n";
    let (_d, loaded, hits) = run(&[(SKILL, source)], &dangling_cross_reference::RULE);
    assert_eq!(hits.len(), 1);
    assert_eq!(at(&loaded, &hits[0]), "{phase:step-c}");
    assert!(hits[0].help.as_deref().unwrap().starts_with("did you mean"));
    assert!(hits[0].fix.is_none());
}

#[test]
fn bld004_in_a_folded_scalar_points_at_the_value() {
    // A folded scalar's lines are joined: the reference has no exact place.
    let source = "name: triage\ndescription: Triages an incident. Use when paged.\ntitle: Triage\nphases:\n  - id: look\n    title: Look\n    prose: >\n      Read the alerts,\n      then {phase:lok}.\n";
    let (_d, loaded, hits) = run(&[(SKILL, source)], &dangling_cross_reference::RULE);
    assert_eq!(hits.len(), 1);
    assert!(
        at(&loaded, &hits[0]).starts_with("Read the alerts,\n      then"),
        "{:?}",
        at(&loaded, &hits[0])
    );
    assert!(hits[0].fix.is_none(), "no exact place, no fix");
    // A quoted scalar with an escape has none either.
    let source = source.replace(
        "prose: >\n      Read the alerts,\n      then {phase:lok}.\n",
        "prose: \"Read the \\\"alerts\\\", then {phase:lok}.\"\n",
    );
    let (_d, loaded, hits) = run(&[(SKILL, &source)], &dangling_cross_reference::RULE);
    assert!(at(&loaded, &hits[0]).starts_with("\"Read the"));
    // Without the escape, the quoted text is exact.
    let source = source.replace("\\\"alerts\\\"", "alerts");
    let (_d, loaded, hits) = run(&[(SKILL, &source)], &dangling_cross_reference::RULE);
    assert_eq!(at(&loaded, &hits[0]), "{phase:lok}");
    assert!(hits[0].fix.is_some());
}

#[test]
fn bld004_in_a_prose_file_points_into_that_file() {
    let source = "name: triage\ndescription: Triages an incident. Use when paged.\ntitle: Triage\nphases:\n  - id: look\n    title: Look\n    prose-file: src/look.md\n";
    let prose = "---\ntitle: ignored\n---\nRead the alerts.\nThen {phase:lok} again.\n";
    let path = "plugins/ops/skills/triage/src/look.md";
    let (_d, loaded, hits) = run(
        &[(SKILL, source), (path, prose)],
        &dangling_cross_reference::RULE,
    );
    assert_eq!(hits.len(), 1);
    assert_eq!(loaded.db.path(hits[0].file()), path);
    assert_eq!(at(&loaded, &hits[0]), "{phase:lok}");
    insta::assert_snapshot!("BLD004_prose_file", render(&loaded, &hits));
    assert_eq!(
        fixed(&loaded, &hits)[path],
        "---\ntitle: ignored\n---\nRead the alerts.\nThen {phase:look} again.\n"
    );
}

#[test]
fn bld004_is_silent_when_everything_resolves() {
    let source = "name: triage\ndescription: Triages an incident. Use when paged.\ntitle: Triage\nintro: Set {input:CTX}.\ninputs:\n  CTX: {type: kube-context, doc: The cluster.}\nphases:\n  - id: look\n    title: Look\n    gate: stop\n    prose: |\n      See {ref:references/notes.md#before-you-start}, {gate:look}, {phase:look}.\n      Hand over to {skill:ops:pod-debug}.\nreferences:\n  - {path: references/notes.md, summary: Notes.}\n";
    let (_d, _l, hits) = run(
        &[(SKILL, source), POD_DEBUG, NOTES],
        &dangling_cross_reference::RULE,
    );
    assert!(hits.is_empty(), "{hits:?}");
}

// ---------------------------------------------------------------- BLD006

#[test]
fn bld006_reports_every_problem_at_once() {
    let source = "name: triage
description: Triages an incident. Use when paged.
titel: Triage
inputs:
  CTX:
    type: kube-ctx
    doc: The cluster.
    requird: true
  MODE: {type: enum, doc: How., values: [a, b], required: yes}
phases:
  - id: look
    title: Look
    mode: mutate
    gate: stopp
    scirpt: echo hi
    phases:
      - id: deeper
        titl: Deeper
  - id: fixup
    mode: mutating
references:
  - {path: references/notes.md, sumary: Notes.}
guardrails: Never skip.
";
    let (_d, loaded, hits) = run(&[(SKILL, source), NOTES], &source_invalid::RULE);
    let seen: Vec<(&str, &str, Option<&str>)> = hits
        .iter()
        .map(|d| (at(&loaded, d), d.message.as_str(), d.help.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            (
                "titel",
                "unknown key `titel` in skill.yaml",
                Some("did you mean `title`?")
            ),
            (
                "kube-ctx",
                "`type` must be one of string, path, kube-context, ip, ip-list, enum, int, bool; got `kube-ctx`",
                Some("did you mean `kube-context`?")
            ),
            (
                "requird",
                "unknown key `requird` in input `CTX`",
                Some("did you mean `required`?")
            ),
            ("yes", "`required` must be true or false, not `yes`", None),
            (
                "mutate",
                "`mode` must be one of read-only, local, mutating; got `mutate`",
                Some("did you mean `mutating`?")
            ),
            (
                "stopp",
                "`gate` must be one of stop; got `stopp`",
                Some("did you mean `stop`?")
            ),
            (
                "scirpt",
                "unknown key `scirpt` in phase `look`",
                Some("did you mean `script`?")
            ),
            (
                "titl",
                "unknown key `titl` in phase `deeper`",
                Some("did you mean `title`?")
            ),
            (
                "id",
                "phase `fixup` is missing `title`",
                Some("A phase needs `id` and `title`")
            ),
            (
                "sumary",
                "unknown key `sumary` in references[0]",
                Some("did you mean `summary`?")
            ),
            (
                "Never skip.",
                "`guardrails` must be a list, not `Never skip.`",
                None
            ),
        ],
        "{}",
        render(&loaded, &hits)
    );
    insta::assert_snapshot!("BLD006_every_problem", render(&loaded, &hits));
    for d in &hits {
        assert!(
            !d.help.as_deref().unwrap_or("").contains("schemas/"),
            "{d:?}"
        );
    }
    // Renames within two edits are fixed; `mutate` and `kube-ctx` are hints.
    let new = &fixed(&loaded, &hits)[SKILL];
    for want in [
        "\ntitle: Triage",
        "    required: true",
        "    gate: stop\n",
        "    script: echo",
        "        title: Deeper",
        "summary: Notes.",
    ] {
        assert!(new.contains(want), "{want}: {new}");
    }
    assert!(new.contains("mode: mutate\n") && new.contains("type: kube-ctx"));
}

#[test]
fn bld006_does_not_rename_onto_a_key_that_is_set() {
    let source = "name: triage\ndescription: Triages an incident. Use when paged.\ntitle: Triage\ntitel: Again\nphases:\n  - id: look\n    title: Look\n";
    let (_d, loaded, hits) = run(&[(SKILL, source)], &source_invalid::RULE);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].help.as_deref(), Some("did you mean `title`?"));
    assert!(hits[0].fix.is_none());
    assert_eq!(at(&loaded, &hits[0]), "titel");
}

#[test]
fn bld006_missing_and_mistyped_top_level_keys() {
    let source = "name: triage\nphases: look\ninputs: [CTX]\nfrontmatter: x\nsurprise: 1\n";
    let (_d, loaded, hits) = run(&[(SKILL, source)], &source_invalid::RULE);
    insta::assert_snapshot!("BLD006_missing_and_mistyped", render(&loaded, &hits));
    let messages: Vec<&str> = hits.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "skill.yaml is missing `description` and `title`",
            "`phases` must be a list, not `look`",
            "`inputs` must be a mapping of keys to values, not a list",
            "`frontmatter` must be a mapping of keys to values, not `x`",
            "unknown key `surprise` in skill.yaml",
        ]
    );
    assert_eq!(
        hits[4].help.as_deref(),
        Some(
            "skill.yaml has the keys name, description, frontmatter, title, intro, inputs, phases, references, guardrails, prelude"
        )
    );
}

#[test]
fn bld006_plugin_yaml_reports_near_misses_only() {
    let plugin = "name: ops\nversion: 1.0.0\ndescripton: \"Ops. Skills: {skills}.\"\nhomepag: https://example.com\nx-team: platform\nauthor-team: ops\nauthor: {name: Example Author}\nmarketplace:\n  categroy: operations\n  tags: [ops]\n";
    let (_d, loaded, hits) = run(
        &[("plugins/ops/plugin.yaml", plugin)],
        &source_invalid::RULE,
    );
    let seen: Vec<(&str, &str, Option<&str>)> = hits
        .iter()
        .map(|d| (at(&loaded, d), d.message.as_str(), d.help.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            (
                "descripton",
                "unknown key `descripton` in plugin.yaml",
                Some("did you mean `description`?")
            ),
            (
                "homepag",
                "unknown key `homepag` in plugin.yaml",
                Some("did you mean `homepage`?")
            ),
            (
                "categroy",
                "unknown key `categroy` in `marketplace`",
                Some("did you mean `category`?")
            ),
        ],
        "{}",
        render(&loaded, &hits)
    );
    insta::assert_snapshot!("BLD006_plugin_yaml", render(&loaded, &hits));
    let new = &fixed(&loaded, &hits)["plugins/ops/plugin.yaml"];
    assert!(
        new.contains("\ndescription: \"Ops.") && new.contains("  category: operations"),
        "{new}"
    );
}

#[test]
fn bld006_unquoted_colons_get_the_quoting_of_sk003() {
    let source = "name: triage\ndescription: Triages an incident. Use when: paged.\ntitle: Triage\ninputs:\n  CTX:\n    type: kube-context\n    doc: The context: prod or staging.\nphases:\n  - id: look\n    title: Look\n    prose: |\n      Note: this line is fine inside a block.\n";
    let (_d, loaded, hits) = run(&[(SKILL, source)], &source_invalid::RULE);
    let seen: Vec<&str> = hits.iter().map(|d| at(&loaded, d)).collect();
    assert_eq!(
        seen,
        [
            "Triages an incident. Use when: paged.",
            "The context: prod or staging."
        ]
    );
    assert_eq!(
        hits[1].help.as_deref(),
        Some("wrap the value in double quotes: \"The context: prod or staging.\"")
    );
    insta::assert_snapshot!("BLD006_yaml_quoting", render(&loaded, &hits));
    let new = &fixed(&loaded, &hits)[SKILL];
    assert!(
        new.contains("doc: \"The context: prod or staging.\"\n"),
        "{new}"
    );
    assert!(
        new.contains("      Note: this line is fine inside a block.\n"),
        "{new}"
    );
    let (_d, _l, again) = run(&[(SKILL, new)], &source_invalid::RULE);
    assert!(again.is_empty(), "{again:?}");
    // plugin.yaml too.
    let plugin = "name: ops\nversion: 1.0.0\ndescription: Use when: operating.\n";
    let (_d, loaded, hits) = run(
        &[("plugins/ops/plugin.yaml", plugin)],
        &source_invalid::RULE,
    );
    assert_eq!(hits.len(), 1);
    assert_eq!(at(&loaded, &hits[0]), "Use when: operating.");
    assert!(hits[0].fix.is_some());
}

#[test]
fn bld006_yaml_that_quoting_cannot_repair_points_at_the_error() {
    let source = "name: triage\ndescription: \"Triages\ntitle: Triage\n";
    let (_d, loaded, hits) = run(&[(SKILL, source)], &source_invalid::RULE);
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0]
            .message
            .starts_with("skill.yaml is not valid YAML: "),
        "{}",
        hits[0].message
    );
    assert!(hits[0].fix.is_none());
    assert!(!hits[0].help.as_deref().unwrap_or("").contains("schemas/"));
    let _ = at(&loaded, &hits[0]);
    // In a flow mapping, quoting the mapping whole is no repair: the help
    // says what to quote.
    let source = "name: triage\ndescription: Triages an incident. Use when paged.\ntitle: Triage\ninputs:\n  CTX: {type: kube-context, doc: The context: prod, required: true}\nphases:\n  - id: look\n    title: Look\n";
    let (_d, loaded, hits) = run(&[(SKILL, source)], &source_invalid::RULE);
    assert_eq!(hits.len(), 1);
    assert!(hits[0].fix.is_none());
    insta::assert_snapshot!("BLD006_flow_mapping", render(&loaded, &hits));
}

#[test]
fn bld006_is_silent_on_a_valid_source() {
    let source = "name: triage\ndescription: Triages an incident. Use when paged.\ntitle: Triage\nintro:\nprelude:\nfrontmatter: {model: sonnet}\ninputs:\n  CTX: {type: kube-context, doc: The cluster., required: TRUE, default: ~}\nphases:\n  - id: look\n    title: 3.2\n    gate:\n    mode: local\n    phases: []\nreferences: []\nguardrails: [Stay calm.]\n";
    let (_d, _l, hits) = run(&[(SKILL, source)], &source_invalid::RULE);
    assert!(hits.is_empty(), "{hits:?}");
    let plugin = "name: ops\nversion: 1.0.0\ndescription: Ops.\nx-team: platform\nmarketplace: {category: operations, x-rank: 1}\n";
    let (_d, _l, hits) = run(
        &[("plugins/ops/plugin.yaml", plugin)],
        &source_invalid::RULE,
    );
    assert!(hits.is_empty(), "{hits:?}");
}

// ---------------------------------------------------------------- BLD007

const SOURCE: &str = "name: deploy\ndescription: Deploys the demo app. Use when shipping a release.\ntitle: Deploy\nphases:\n  - id: check\n    title: Check\n    script: |\n      echo checking\n";

#[test]
fn bld007_is_one_finding_per_source() {
    let (_d, loaded, hits) = run(
        &[
            ("plugins/demo/skills/deploy/skill.yaml", SOURCE),
            (
                "plugins/demo/skills/deploy/SKILL.md",
                "---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\n# Deploy (edited by hand)\n",
            ),
            (
                "plugins/demo/skills/deploy/scripts/phase-9-gone.sh",
                "#!/usr/bin/env bash\n",
            ),
        ],
        &generated_file_drift::RULE,
    );
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        hits[0].message,
        "3 generated files are out of date: SKILL.md (differs), scripts/phase-1-check.sh (missing), scripts/phase-9-gone.sh (stale)"
    );
    let help = hits[0].help.as_deref().unwrap();
    assert!(help.starts_with("run `skillc build`"), "{help}");
    assert!(hits[0].fixable());
    insta::assert_snapshot!("BLD007", render(&loaded, &hits));
}

#[test]
fn bld007_lists_a_plugins_marketplace_entry_with_its_plugin_yaml() {
    let plugin = "name: demo\nversion: 2.0.0\ndescription: The demo plugin.\n";
    let (_d, loaded, hits) = run(
        &[
            ("plugins/demo/plugin.yaml", plugin),
            (
                "plugins/demo/skills/deploy/SKILL.md",
                "---\nname: deploy\ndescription: Deploys. Use when shipping.\n---\n# Deploy\n",
            ),
        ],
        &generated_file_drift::RULE,
    );
    assert_eq!(hits.len(), 1, "{}", render(&loaded, &hits));
    assert_eq!(loaded.db.path(hits[0].file()), "plugins/demo/plugin.yaml");
    assert_eq!(
        hits[0].message,
        "2 generated files are out of date: .claude-plugin/plugin.json (differs), marketplace entry `demo` (differs)"
    );
    insta::assert_snapshot!("BLD007_plugin_yaml", render(&loaded, &hits));
}

#[test]
fn bld007_a_marketplace_reformatted_by_hand_is_its_own_finding() {
    let plugin = "name: demo\nversion: 1.0.0\ndescription: The demo plugin.\n";
    let plugin_json = "{\n  \"name\": \"demo\",\n  \"version\": \"1.0.0\",\n  \"description\": \"The demo plugin.\"\n}\n";
    let marketplace = "{\"name\": \"demo-marketplace\", \"owner\": {\"name\": \"Example Owner\"},\n \"plugins\": [{\"name\": \"demo\", \"source\": \"./plugins/demo\", \"description\": \"The demo plugin.\", \"version\": \"1.0.0\"}]}\n";
    let (_d, loaded, hits) = run(
        &[
            ("plugins/demo/plugin.yaml", plugin),
            ("plugins/demo/.claude-plugin/plugin.json", plugin_json),
            (".claude-plugin/marketplace.json", marketplace),
        ],
        &generated_file_drift::RULE,
    );
    assert_eq!(hits.len(), 1, "{}", render(&loaded, &hits));
    assert_eq!(
        loaded.db.path(hits[0].file()),
        ".claude-plugin/marketplace.json"
    );
    assert_eq!(
        hits[0].message,
        "1 generated file is out of date: marketplace.json (differs)"
    );
}
