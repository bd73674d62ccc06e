//! The `icon-invalid` rule (DR004).

use crate::declare_rule;
use crate::model::value::Present;
use crate::parse::image::ImageFormat;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::{FileId, Span};

/// The icon's side in pixels: at least this…
pub const MIN_SIDE: u32 = 512;
/// …and at most this.
pub const MAX_SIDE: u32 = 2048;
/// The icon's largest size in bytes (2 MB).
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;

/// Where the directory looks for an icon when plugin.json names none, in
/// order (`*` any extension).
pub const ICON_PLACES: &[&str] = &[
    ".claude-plugin/icon.png",
    ".claude-plugin/icon.svg",
    "icon.png",
    "icon.svg",
    "assets/icon.*",
    "assets/logo.*",
    "images/icon.*",
];

declare_rule! {
    /// A plugin has no icon, or not a square PNG or JPEG of 512–2048 px under 2 MB.
    ///
    /// ## What it does
    /// Takes the icon plugin.json's `icon` names (a path in the plugin), or
    /// else the first of `.claude-plugin/icon.png`, `.claude-plugin/icon.svg`,
    /// `icon.png`, `icon.svg`, `assets/icon.*`, `assets/logo.*` and
    /// `images/icon.*`, and reads its header: it must be a PNG or a JPEG,
    /// square, 512 to 2048 pixels a side, and at most 2 MB. Reports a
    /// plugin with no icon at all, and an icon that is missing, unreadable,
    /// SVG, WebP or another format, or of the wrong size. An `icon` that is
    /// a URL is not fetched. Off unless the `directory` profile is on.
    ///
    /// ## Why it matters
    /// The directory shows the icon beside the plugin's name; without one,
    /// or with one it cannot use, the listing gets a placeholder. Claude
    /// Code's validator (`claude plugin validate --profile directory`)
    /// reports `ICON_MISSING` and `ICON_INVALID` as warnings.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "icon": "https://example.com/demo/icon.png" }
    /// ```
    pub static RULE = { id: "DR004", name: "icon-invalid", family: Directory, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::listed(cx) {
        let dir = &l.plugin.dir;
        let named = l
            .manifest
            .and_then(|(file, pm)| pm.icon.spanned().map(|(v, span)| (file, v, span)));
        if let Some((file, icon, span)) = named {
            // A URL: DR006 checks its scheme; it is not fetched.
            if crate::regex!(r"^[A-Za-z][A-Za-z0-9+.-]*:").is_match(icon) {
                continue;
            }
            let Some(path) = crate::source::join(dir, icon).filter(|p| {
                dir.is_empty() || p.starts_with(&format!("{dir}/"))
            }) else {
                out.push(
                    Diagnostic::new(&RULE, file, span, format!("icon `{icon}` leaves the plugin"))
                        .help("put the icon inside the plugin, e.g. \"./assets/icon.png\""),
                );
                continue;
            };
            icon_file(cx, &path, file, span, out);
            continue;
        }
        match found(cx, dir) {
            Some(path) => icon_file(cx, &path, l.file, l.span, out),
            None => out.push(
                Diagnostic::new(
                    &RULE,
                    l.file,
                    l.span,
                    format!("plugin `{}` has no icon", l.plugin.name),
                )
                .help(format!(
                    "add a square PNG of 512 to 2048 px under 2 MB as {}, or name one in plugin.json's `icon`",
                    super::in_dir(dir, "assets/icon.png")
                )),
            ),
        }
    }
}

/// The first icon found in the places the directory looks.
fn found(cx: &Context<'_>, dir: &str) -> Option<String> {
    ICON_PLACES.iter().find_map(|place| {
        let path = super::in_dir(dir, place);
        match path.strip_suffix('*') {
            None => cx.project.has_file(&path).then_some(path),
            Some(prefix) => cx
                .project
                .files
                .starting_with(prefix)
                .find(|f| !f[prefix.len()..].contains('/'))
                .map(str::to_string),
        }
    })
}

/// Report what is wrong with the icon at `path`, at `file`/`span`.
fn icon_file(cx: &Context<'_>, path: &str, file: FileId, span: Span, out: &mut Vec<Diagnostic>) {
    const HELP: &str = "use a square PNG or JPEG of 512 to 2048 px, under 2 MB";
    if !cx.project.has_file(path) {
        out.push(
            Diagnostic::new(&RULE, file, span, format!("icon `{path}` does not exist")).help(HELP),
        );
        return;
    }
    let image = match cx.project.image(path) {
        Ok(i) => i,
        Err(why) => {
            out.push(
                Diagnostic::new(&RULE, file, span, format!("icon `{path}` cannot be read: {why}"))
                    .help(HELP),
            );
            return;
        }
    };
    let format = image.header.format;
    let mut problems = Vec::new();
    let what = match (format, image.header.size) {
        (ImageFormat::Png | ImageFormat::Jpeg, Some((w, h))) => {
            if w != h {
                problems.push("not square".to_string());
            }
            if w.max(h) > MAX_SIDE || w.min(h) < MIN_SIDE {
                problems.push(format!("not {MIN_SIDE} to {MAX_SIDE} px a side"));
            }
            format!("a {w}×{h} px {}", format.as_str())
        }
        (ImageFormat::Png | ImageFormat::Jpeg, None) => {
            problems.push("its size cannot be read from its header".into());
            format!("a {}", format.as_str())
        }
        (ImageFormat::Unknown, _) => {
            problems.push("the directory accepts PNG and JPEG".into());
            "not a PNG or JPEG".into()
        }
        _ => {
            problems.push("the directory accepts PNG and JPEG".into());
            format!("a {}", format.as_str())
        }
    };
    if image.bytes > MAX_BYTES {
        problems.push(format!("{} bytes, more than 2 MB", image.bytes));
    }
    if problems.is_empty() {
        return;
    }
    out.push(
        Diagnostic::new(
            &RULE,
            file,
            span,
            format!("icon `{path}` is {what}: {}", problems.join(", ")),
        )
        .help(HELP),
    );
}
