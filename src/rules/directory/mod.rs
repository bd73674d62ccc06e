//! Directory-submission checks (formats.md §13.4, §16 "Directory-submission
//! profile"): what Anthropic's plugin directory asks of a plugin before it
//! lists it, as `claude plugin validate --profile directory` checks it.
//! Off by default: `profile = "directory"` in skillc.toml or `--profile
//! directory` turns them on. They apply to plugins only (not to a
//! project's `.claude/` or to loose skills), and read the README, the
//! license and the icon through the model's queries
//! ([`crate::model::listing`]).

use crate::model::manifest::PluginManifest;
use crate::model::value::Present;
use crate::model::{Plugin, PluginKind};
use crate::rules::Context;
use crate::source::{FileId, Span};

crate::declare_family! {
    readme_missing,
    readme_too_short,
    license_missing,
    icon_invalid,
    privacy_policy_missing,
    listing_url_scheme,
    too_many_config_files,
    identifier_not_ascii,
}

/// A plugin the directory would list, with where findings about it go.
pub struct Listed<'a> {
    pub plugin: &'a Plugin,
    /// Its plugin.json, typed, when it has one.
    pub manifest: Option<(FileId, &'a PluginManifest)>,
    /// Where a finding about the plugin as a whole goes: the `name` of its
    /// plugin.json (its opening brace without one), else its marketplace
    /// entry.
    pub file: FileId,
    pub span: Span,
}

/// Every plugin of the tree (not `.claude/` projects or loose skills), once
/// per directory, with a place to report at.
pub fn listed<'a>(cx: &Context<'a>) -> Vec<Listed<'a>> {
    let project = cx.project;
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for p in &project.plugins {
        if p.synthetic || p.kind != PluginKind::Plugin || !seen.insert(p.dir.as_str()) {
            continue;
        }
        let manifest = project
            .manifest(p)
            .and_then(|jf| Some((jf.file, jf.plugin()?)));
        let place = match manifest {
            Some((file, pm)) => Some((
                file,
                pm.name
                    .value_span()
                    .unwrap_or_else(|| crate::rules::manifest::brace(pm.span)),
            )),
            None => p.entry.map(|i| {
                let e = &project.entries[i];
                (e.file, e.name.as_ref().map_or(e.span, |(_, s)| *s))
            }),
        };
        let Some((file, span)) = place else { continue };
        out.push(Listed {
            plugin: p,
            manifest,
            file,
            span,
        });
    }
    out
}

/// `f` in the plugin directory `dir` (`""` for the root).
pub fn in_dir(dir: &str, f: &str) -> String {
    crate::rules::manifest::in_dir(dir, f)
}

/// The README names the directory accepts, in the order it looks.
pub const README_NAMES: &[&str] = &[
    "README.md",
    "readme.md",
    "Readme.md",
    "README.markdown",
    "README",
    "README.txt",
    "docs/README.md",
];

/// The plugin's README: the first accepted name in its directory, else one
/// at the root of the checked tree (the repository's README counts for a
/// plugin in a subfolder).
pub fn readme(cx: &Context<'_>, p: &Plugin) -> Option<String> {
    let find = |dir: &str| {
        README_NAMES
            .iter()
            .map(|n| in_dir(dir, n))
            .find(|f| cx.project.has_file(f))
    };
    find(&p.dir).or_else(|| if p.dir.is_empty() { None } else { find("") })
}

/// Whether `value` is an `http://` or `https://` URL with a host.
pub fn is_http_url(value: &str) -> bool {
    crate::regex!(r"(?i)^https?://[^\s/?#]+[^\s]*$").is_match(value)
}

#[cfg(test)]
mod tests {
    //! The directory rules over whole plugins: silent without the profile,
    //! README and license lookups, icons read from real image headers.

    use crate::engine::testing::{
        check_listing, check_listing_profile, of_rule, render, write_listing,
    };
    use crate::rules::Profile;
    use crate::rules::diag::Diagnostic;

    /// A plugin the directory accepts: README of enough words, a license, an
    /// icon named by URL, a privacy policy for its remote server.
    const GOOD: &str = concat!(
        "==> plugins/demo/.claude-plugin/plugin.json <==\n",
        "{ \"name\": \"demo\", \"version\": \"1.0.0\", \"description\": \"The demo plugin.\", \"author\": { \"name\": \"A\", \"url\": \"https://example.com/a\" },\n",
        "  \"license\": \"MIT\", \"homepage\": \"https://example.com/demo\", \"icon\": \"https://example.com/demo/icon.png\",\n",
        "  \"privacyPolicyUrl\": \"https://example.com/privacy\" }\n",
        "==> plugins/demo/.mcp.json <==\n",
        "{ \"mcpServers\": { \"docs\": { \"type\": \"http\", \"url\": \"https://mcp.example.com/mcp\" } } }\n",
        "==> plugins/demo/README.md <==\n",
        "# demo\n\n",
        "The demo plugin deploys a web service to a staging cluster and checks\n",
        "that it answers. It adds one skill, which asks for the cluster context,\n",
        "renders the manifests, shows the plan and waits for your approval before it\n",
        "applies anything. Install it from the marketplace and run the skill.\n",
    );

    fn dr(diags: &[Diagnostic]) -> Vec<&'static str> {
        let mut v: Vec<_> = diags
            .iter()
            .map(|d| d.rule.id)
            .filter(|id| id.starts_with("DR"))
            .collect();
        v.sort();
        v
    }

    fn dr_profile(listing: &str) -> Vec<&'static str> {
        let (_d, _l, diags) = check_listing_profile(listing, Profile::Directory);
        dr(&diags)
    }

    /// Off by default: a bare plugin gets no DR finding without the profile,
    /// and DR001, DR002 (no: no README to count), DR003, DR004 with it.
    #[test]
    fn off_without_the_profile() {
        let bare = "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: Deploys. Use when asked to deploy.\n---\nDeploy.\n";
        let (_d, _l, diags) = check_listing(bare);
        assert_eq!(dr(&diags), Vec::<&str>::new());
        assert_eq!(dr_profile(bare), ["DR001", "DR003", "DR004"]);
    }

    #[test]
    fn a_complete_plugin_is_silent() {
        assert_eq!(dr_profile(GOOD), Vec::<&str>::new());
    }

    /// A README or license at the root of the tree counts for a plugin in a
    /// subfolder; other accepted names count too.
    #[test]
    fn root_readme_and_license_count() {
        let words = "word ".repeat(40);
        let listing = format!(
            "==> README <==\n{words}\n==> COPYING <==\nGPL\n==> plugins/demo/.claude-plugin/plugin.json <==\n{{ \"name\": \"demo\", \"icon\": \"https://example.com/i.png\" }}\n"
        );
        assert_eq!(dr_profile(&listing), Vec::<&str>::new());
        let listing = format!(
            "==> plugins/demo/docs/README.md <==\n{words}\n==> plugins/demo/LICENSE-MIT <==\nMIT\n==> plugins/demo/.claude-plugin/plugin.json <==\n{{ \"name\": \"demo\", \"icon\": \"https://example.com/i.png\" }}\n"
        );
        assert_eq!(dr_profile(&listing), Vec::<&str>::new());
    }

    /// Markup, code blocks and link targets are not words.
    #[test]
    fn readme_words_are_prose_words() {
        let listing = "==> plugins/demo/README.md <==\n# Demo\n\n[link](https://example.com/a/very/long/path) **bold** `code`\n\n```sh\none two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix twentyseven twentyeight twentynine thirty thirtyone thirtytwo thirtythree thirtyfour thirtyfive thirtysix thirtyseven thirtyeight thirtynine forty\n```\n\n| a | b |\n| --- | --- |\n| - | * |\n==> plugins/demo/LICENSE <==\nMIT\n";
        let (_d, loaded, diags) = check_listing_profile(listing, Profile::Directory);
        let hits: Vec<_> = of_rule(&diags, &super::readme_too_short::RULE)
            .into_iter()
            .cloned()
            .collect();
        assert_eq!(hits.len(), 1);
        assert!(
            hits[0].message.contains("has 6 words"),
            "{}",
            hits[0].message
        );
        insta::assert_snapshot!(render(&loaded, &hits));
    }

    /// A README that is not UTF-8 is unreadable.
    #[test]
    fn unreadable_readme() {
        let dir = write_listing("==> plugins/demo/LICENSE <==\nMIT\n");
        std::fs::write(dir.path().join("plugins/demo/README.txt"), b"\xff\xfe bad").unwrap();
        let config = crate::engine::config::Config {
            profile: Some(Profile::Directory),
            ..Default::default()
        };
        let (_l, diags) = crate::engine::testing::check_with(dir.path(), config);
        let hits = of_rule(&diags, &super::readme_too_short::RULE);
        assert_eq!(hits.len(), 1);
        assert!(
            hits[0].message.contains("cannot be read"),
            "{}",
            hits[0].message
        );
    }

    /// A PNG header of `w`×`h`, padded to `len` bytes.
    fn png(w: u32, h: u32, len: usize) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        b.extend_from_slice(&13u32.to_be_bytes());
        b.extend_from_slice(b"IHDR");
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0]);
        b.resize(len.max(b.len()), 0);
        b
    }

    /// A JPEG header of `w`×`h` (SOI, APP0, SOF0).
    fn jpeg(w: u16, h: u16) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        b.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08]);
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&[0x03; 10]);
        b
    }

    /// The DR004 findings of a plugin with `icon` written at `path` (and named
    /// by plugin.json when `field`).
    fn icon_findings(path: &str, bytes: &[u8], field: bool) -> Vec<String> {
        let manifest = if field {
            format!("{{ \"name\": \"demo\", \"license\": \"MIT\", \"icon\": \"./{path}\" }}")
        } else {
            "{ \"name\": \"demo\", \"license\": \"MIT\" }".to_string()
        };
        let dir = write_listing(&format!(
            "==> plugins/demo/.claude-plugin/plugin.json <==\n{manifest}\n"
        ));
        let abs = dir.path().join("plugins/demo").join(path);
        std::fs::create_dir_all(abs.parent().unwrap()).unwrap();
        std::fs::write(&abs, bytes).unwrap();
        let config = crate::engine::config::Config {
            profile: Some(Profile::Directory),
            ..Default::default()
        };
        let (_l, diags) = crate::engine::testing::check_with(dir.path(), config);
        of_rule(&diags, &super::icon_invalid::RULE)
            .iter()
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn icons_are_read_from_their_headers() {
        // Good: a square PNG or JPEG, named or in a place the directory looks.
        assert_eq!(
            icon_findings("assets/icon.png", &png(512, 512, 100), false),
            Vec::<String>::new()
        );
        assert_eq!(
            icon_findings("assets/logo.jpg", &jpeg(1024, 1024), false),
            Vec::<String>::new()
        );
        assert_eq!(
            icon_findings(".claude-plugin/icon.png", &png(2048, 2048, 100), false),
            Vec::<String>::new()
        );
        assert_eq!(
            icon_findings("art/mark.jpeg", &jpeg(600, 600), true),
            Vec::<String>::new()
        );
        // Bad.
        assert_eq!(
            icon_findings("icon.png", &png(300, 200, 100), false),
            [
                "icon `plugins/demo/icon.png` is a 300×200 px PNG: not square, not 512 to 2048 px a side"
            ]
        );
        assert_eq!(
            icon_findings("images/icon.webp", b"RIFF\0\0\0\0WEBPVP8 ", false),
            ["icon `plugins/demo/images/icon.webp` is a WebP: the directory accepts PNG and JPEG"]
        );
        assert_eq!(
            icon_findings(
                "icon.svg",
                b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                false
            ),
            ["icon `plugins/demo/icon.svg` is a SVG: the directory accepts PNG and JPEG"]
        );
        assert_eq!(
            icon_findings("assets/icon.png", &png(512, 512, 3 * 1024 * 1024), true),
            [
                "icon `plugins/demo/assets/icon.png` is a 512×512 px PNG: 3145728 bytes, more than 2 MB"
            ]
        );
        assert_eq!(
            icon_findings("assets/icon.png", b"not an image", true),
            [
                "icon `plugins/demo/assets/icon.png` is not a PNG or JPEG: the directory accepts PNG and JPEG"
            ]
        );
        // Named but absent, or outside the plugin.
        let (_d, _l, diags) = check_listing_profile(
            "==> plugins/demo/.claude-plugin/plugin.json <==\n{ \"name\": \"demo\", \"license\": \"MIT\", \"icon\": \"./gone.png\" }\n==> plugins/demo/x <==\n",
            Profile::Directory,
        );
        let msgs: Vec<_> = of_rule(&diags, &super::icon_invalid::RULE)
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(msgs, ["icon `plugins/demo/gone.png` does not exist"]);
    }

    /// A remote server or an `http` hook needs a privacy policy; a local
    /// server does not.
    #[test]
    fn privacy_policy_for_remote_servers_and_http_hooks() {
        let base = "==> plugins/demo/.claude-plugin/plugin.json <==\n{ \"name\": \"demo\", \"license\": \"MIT\", \"icon\": \"https://example.com/i.png\" }\n==> plugins/demo/README.md <==\n";
        let words = "word ".repeat(40);
        let local = format!(
            "{base}{words}\n==> plugins/demo/.mcp.json <==\n{{ \"local\": {{ \"command\": \"${{CLAUDE_PLUGIN_ROOT}}/bin/s\" }} }}\n"
        );
        assert_eq!(dr_profile(&local), Vec::<&str>::new());
        let hook = format!(
            "{base}{words}\n==> plugins/demo/hooks/hooks.json <==\n{{ \"hooks\": {{ \"Stop\": [{{ \"hooks\": [{{ \"type\": \"http\", \"url\": \"https://hooks.example.com/stop\" }}] }}] }} }}\n"
        );
        let (_d, loaded, diags) = check_listing_profile(&hook, Profile::Directory);
        let hits: Vec<_> = of_rule(&diags, &super::privacy_policy_missing::RULE)
            .into_iter()
            .cloned()
            .collect();
        assert_eq!(hits.len(), 1);
        insta::assert_snapshot!(render(&loaded, &hits));
    }

    #[test]
    fn listing_urls() {
        let listing = "==> plugins/demo/.claude-plugin/plugin.json <==\n{ \"name\": \"demo\", \"license\": \"MIT\", \"author\": { \"name\": \"A\", \"url\": \"mailto:a@example.com\" },\n  \"homepage\": \"example.com\", \"privacyPolicyUrl\": \"file:///privacy.html\", \"icon\": \"data:image/png;base64,AAAA\" }\n";
        let (_d, _l, diags) = check_listing_profile(listing, Profile::Directory);
        let msgs: Vec<_> = of_rule(&diags, &super::listing_url_scheme::RULE)
            .iter()
            .map(|d| d.message.clone())
            .collect();
        // `example.com` is PJ014's.
        assert_eq!(
            msgs,
            [
                "`author.url` `mailto:a@example.com` is not an http(s) URL",
                "`privacyPolicyUrl` `file:///privacy.html` is not an http(s) URL",
                "`icon` `data:image/png;base64,AAAA` is not an http(s) URL",
            ]
        );
    }

    /// 16 files of each kind pass; inline configs do not count.
    #[test]
    fn sixteen_files_pass() {
        let list = |n: usize| {
            (1..=n)
                .map(|i| format!("\"./h/{i}.json\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let listing = format!(
            "==> plugins/demo/.claude-plugin/plugin.json <==\n{{ \"name\": \"demo\", \"hooks\": [{}, {{ \"Stop\": [] }}], \"mcpServers\": [{}] }}\n",
            list(16),
            list(18)
        );
        let (_d, _l, diags) = check_listing_profile(&listing, Profile::Directory);
        let msgs: Vec<_> = of_rule(&diags, &super::too_many_config_files::RULE)
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(
            msgs,
            [
                "`./h/17.json` is MCP file 17 of 18; the directory reads at most 16",
                "`./h/18.json` is MCP file 18 of 18; the directory reads at most 16",
            ]
        );
    }

    /// Commands, agents and plugin names; `.claude/` projects are not plugins.
    #[test]
    fn non_ascii_names() {
        let listing = "==> plugins/démo/.claude-plugin/plugin.json <==\n{ \"name\": \"démo\" }\n==> plugins/démo/commands/ship‑it.md <==\nShip.\n==> plugins/démo/agents/helper.md <==\n---\nname: hélper\ndescription: Helps.\n---\nHelp.\n==> .claude/skills/café/SKILL.md <==\n---\nname: café\ndescription: Coffee. Use when asked.\n---\nCoffee.\n";
        let (_d, loaded, diags) = check_listing_profile(listing, Profile::Directory);
        let hits: Vec<_> = of_rule(&diags, &super::identifier_not_ascii::RULE)
            .into_iter()
            .cloned()
            .collect();
        insta::assert_snapshot!(render(&loaded, &hits));
        let msgs: Vec<_> = hits.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
    }
}
