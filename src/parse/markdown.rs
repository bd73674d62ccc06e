//! One pulldown-cmark pass over a markdown body: headings with their GitHub
//! anchors, links, code blocks, inline code, prose runs, HTML, and the
//! `plugin:skill` and `references/…` mentions found in them. All spans are
//! file-absolute.

use super::mentions::{self, Mention, PathMention, Region};
use crate::source::Span;
use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};
use std::collections::HashMap;

/// A heading. Its text (markup dropped) is where it is written in the file
/// when it reads the same there (most headings); otherwise the document
/// keeps it ([`MdDoc::heading_text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    /// How many earlier headings of the document have the same slug (the
    /// GitHub anchor gets `-1`, `-2`, … for them).
    pub dup: u16,
    /// 1 + the index of its text in [`MdDoc::rendered`], or 0: the text is
    /// `text` of the file.
    rendered: u16,
    pub span: Span,
    text: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub dest: String,
    /// The whole link.
    pub span: Span,
    /// The destination text, when it could be located; else the whole link.
    pub dest_span: Span,
    pub image: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeBlock {
    /// First word of the info string (`bash`, `console`, …); empty if none.
    pub lang: compact_str::CompactString,
    pub span: Span,
    pub fenced: bool,
    /// The content, one span per text piece (lines of indented blocks).
    pub content: Vec<Span>,
}

/// What a markdown body holds. Every document of the tree is kept for the
/// whole run, so the lists are boxed slices (no growth slack, a word less
/// each) and headings keep no anchor of their own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MdDoc {
    pub headings: Box<[Heading]>,
    /// Texts of the headings whose text differs from what the file says at
    /// that place (inline code, entities, emphasis).
    rendered: Box<[Box<str>]>,
    pub links: Box<[Link]>,
    pub code_blocks: Box<[CodeBlock]>,
    /// Inline code contents (without the backticks).
    pub inline_code: Box<[Span]>,
    /// Prose text runs (outside code).
    pub text: Box<[Span]>,
    /// Raw HTML (comments included).
    pub html: Box<[Span]>,
    pub mentions: Box<[Mention]>,
    pub paths: Box<[PathMention]>,
}

impl MdDoc {
    /// Whether file offset `pos` lies inside a code block.
    pub fn in_code(&self, pos: usize) -> bool {
        self.code_blocks
            .iter()
            .any(|b| (b.span.start as usize..b.span.end as usize).contains(&pos))
    }
    /// Whether a heading has the anchor `anchor` (in any case): its GitHub
    /// anchor, or the id it sets explicitly (`## Title {#id}`).
    pub fn has_anchor(&self, anchor: &str, file_text: &str) -> bool {
        let a = anchor.to_lowercase();
        self.headings.iter().any(|h| {
            self.anchor(h, file_text) == a
                || explicit_id(self.heading_text(h, file_text))
                    .is_some_and(|id| id.eq_ignore_ascii_case(&a))
        })
    }
    /// The text of heading `h` (markup dropped); `file_text`: the text of the
    /// file it was parsed from.
    pub fn heading_text<'a>(&'a self, h: &Heading, file_text: &'a str) -> &'a str {
        match h.rendered.checked_sub(1) {
            Some(i) => self.rendered.get(usize::from(i)).map_or("", |t| t),
            None => file_text.get(h.text.range()).unwrap_or(""),
        }
    }
    /// The GitHub anchor (`#...`) of heading `h`, de-duplicated.
    pub fn anchor(&self, h: &Heading, file_text: &str) -> String {
        let slug = slug(self.heading_text(h, file_text));
        if h.dup > 0 {
            format!("{slug}-{}", h.dup)
        } else {
            slug
        }
    }
}

/// The id a heading sets with a trailing attribute block (`## Title {#id}`,
/// `## Title {#id .class}`), as Pandoc, kramdown and many site generators
/// read it.
pub fn explicit_id(heading_text: &str) -> Option<&str> {
    crate::regex!(r"\{\s*#([^\s}]+)[^}]*\}\s*$")
        .captures(heading_text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// GitHub's heading slug: lowercase, keep letters, digits, `-`, `_` and
/// spaces (which become `-`), drop everything else.
pub fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// Parse the markdown `body` of `file_text` (the body starts at byte `base`).
pub fn parse(file_text: &str, base: usize) -> MdDoc {
    let body = &file_text[base..];
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut pass = Pass::new(file_text);
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        let span = Span::new(base + range.start, base + range.end);
        match event {
            Event::Start(Tag::Heading { level, .. }) => pass.heading_start(level, span),
            Event::End(TagEnd::Heading(_)) => pass.heading_end(span),
            Event::Start(Tag::CodeBlock(kind)) => pass.code_block_start(kind, span),
            Event::End(TagEnd::CodeBlock) => pass.code_block_end(),
            // An email autolink (`<a@example.com>`) links to `mailto:`, as
            // CommonMark renders it; its destination is the bare address.
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                dest_url,
                ..
            }) => pass.link_start(&format!("mailto:{dest_url}").into(), span, false),
            Event::Start(Tag::Link { dest_url, .. }) => pass.link_start(&dest_url, span, false),
            Event::Start(Tag::Image { dest_url, .. }) => pass.link_start(&dest_url, span, true),
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => pass.link_end(span),
            Event::Text(t) => pass.text(&t, span),
            Event::Code(t) => pass.code(&t, span),
            Event::Html(_) | Event::InlineHtml(_) => pass.html.push(span),
            _ => {}
        }
    }
    pass.finish()
}

/// The heading being read.
struct OpenHeading {
    level: u8,
    start: usize,
    /// Its text so far.
    text: String,
    /// The span of its one text piece: `None` before the first,
    /// `Some(None)` after several, or code.
    piece: Option<Option<Span>>,
}

/// The pass over one body: what it found so far, and what is open at the
/// current event.
struct Pass<'f> {
    file_text: &'f str,
    headings: Vec<Heading>,
    rendered: Vec<Box<str>>,
    links: Vec<Link>,
    code_blocks: Vec<CodeBlock>,
    inline_code: Vec<Span>,
    text_runs: Vec<Span>,
    html: Vec<Span>,
    heading: Option<OpenHeading>,
    code: Option<CodeBlock>,
    /// Links and images open: destination, start, whether an image.
    open_links: Vec<(String, usize, bool)>,
    /// How many headings so far have each slug.
    slugs: HashMap<String, usize>,
    /// Where mentions are looked for once the pass is done.
    regions: Vec<Region>,
}

impl<'f> Pass<'f> {
    fn new(file_text: &'f str) -> Self {
        Pass {
            file_text,
            headings: Vec::new(),
            rendered: Vec::new(),
            links: Vec::new(),
            code_blocks: Vec::new(),
            inline_code: Vec::new(),
            text_runs: Vec::new(),
            html: Vec::new(),
            heading: None,
            code: None,
            open_links: Vec::new(),
            slugs: HashMap::new(),
            regions: Vec::new(),
        }
    }

    fn heading_start(&mut self, level: HeadingLevel, span: Span) {
        self.heading = Some(OpenHeading {
            level: heading_level(level),
            start: span.start as usize,
            text: String::new(),
            piece: None,
        });
    }

    fn heading_end(&mut self, span: Span) {
        let Some(OpenHeading {
            level,
            start,
            text,
            piece,
        }) = self.heading.take()
        else {
            return;
        };
        let n = self.slugs.entry(slug(&text)).or_insert(0);
        let dup = u16::try_from(*n).unwrap_or(u16::MAX);
        *n += 1;
        let trimmed = text.trim();
        // Where the trimmed text is in the file, when it is there as is.
        let at = piece.flatten().and_then(|p| {
            let lead = text.len() - text.trim_start().len();
            let s = Span::new(
                p.start as usize + lead,
                p.start as usize + lead + trimmed.len(),
            );
            (self.file_text.get(s.range()) == Some(trimmed)).then_some(s)
        });
        let (text, rendered_at) = match at {
            Some(s) => (s, 0),
            None => {
                self.rendered.push(trimmed.into());
                let i = u16::try_from(self.rendered.len()).unwrap_or(u16::MAX);
                (Span::default(), i)
            }
        };
        self.headings.push(Heading {
            level,
            dup,
            rendered: rendered_at,
            span: Span::new(start, span.end as usize),
            text,
        });
    }

    fn code_block_start(&mut self, kind: CodeBlockKind<'_>, span: Span) {
        let (lang, fenced) = match kind {
            CodeBlockKind::Fenced(info) => (
                info.split(|c: char| c.is_whitespace() || c == ',' || c == '{')
                    .next()
                    .unwrap_or("")
                    .to_string(),
                true,
            ),
            CodeBlockKind::Indented => (String::new(), false),
        };
        self.code = Some(CodeBlock {
            lang: lang.into(),
            span,
            fenced,
            content: Vec::new(),
        });
    }

    fn code_block_end(&mut self) {
        if let Some(block) = self.code.take() {
            for c in &block.content {
                self.regions.push(Region::code_block(*c));
            }
            self.code_blocks.push(block);
        }
    }

    /// A link or an image (`image`) opens.
    fn link_start(&mut self, dest: &CowStr<'_>, span: Span, image: bool) {
        self.open_links
            .push((dest.to_string(), span.start as usize, image));
    }

    fn link_end(&mut self, span: Span) {
        if let Some((dest, start, image)) = self.open_links.pop() {
            let whole = Span::new(start, span.end as usize);
            let dest_span = locate(self.file_text, whole, &dest).unwrap_or(whole);
            self.links.push(Link {
                dest,
                span: whole,
                dest_span,
                image,
            });
        }
    }

    /// Text: content of a code block, or prose (and maybe of a heading).
    fn text(&mut self, t: &CowStr<'_>, span: Span) {
        if let Some(block) = &mut self.code {
            block.content.push(span);
            return;
        }
        if let Some(h) = &mut self.heading {
            h.text.push_str(t);
            // One piece that reads as written; a second makes it none.
            h.piece = match h.piece {
                None => Some(Some(span)),
                Some(_) => Some(None),
            };
        }
        self.text_runs.push(span);
        self.regions.push(Region::prose(span));
    }

    /// Inline code.
    fn code(&mut self, t: &CowStr<'_>, span: Span) {
        if let Some(h) = &mut self.heading {
            h.text.push_str(t);
            h.piece = Some(None);
        }
        let inner = inline_code_content(self.file_text, span);
        self.inline_code.push(inner);
        self.regions.push(Region::inline_code(inner));
    }

    /// The document: links sorted, mentions found in the regions.
    fn finish(mut self) -> MdDoc {
        self.links.sort_by_key(|l| l.span);
        let link_spans: Vec<Span> = self.links.iter().map(|l| l.span).collect();
        let mut mentions = Vec::new();
        let mut paths = Vec::new();
        for r in &self.regions {
            mentions::scan(self.file_text, r, &link_spans, &mut mentions, &mut paths);
        }
        MdDoc {
            headings: self.headings.into(),
            rendered: self.rendered.into(),
            links: self.links.into(),
            code_blocks: self.code_blocks.into(),
            inline_code: self.inline_code.into(),
            text: self.text_runs.into(),
            html: self.html.into(),
            mentions: mentions.into(),
            paths: paths.into(),
        }
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The span of `dest` written inside a link's source text.
fn locate(text: &str, link: Span, dest: &str) -> Option<Span> {
    if dest.is_empty() {
        return None;
    }
    let src = text.get(link.range())?;
    let i = src.rfind(dest)?;
    Some(Span::new(
        link.start as usize + i,
        link.start as usize + i + dest.len(),
    ))
}

/// Strip the backtick fences (and one padding space) from an inline code span.
fn inline_code_content(text: &str, span: Span) -> Span {
    let src = text.get(span.range()).unwrap_or("");
    let ticks = src.len() - src.trim_start_matches('`').len();
    let tail = src.len() - src.trim_end_matches('`').len();
    if ticks == 0 || ticks + tail > src.len() {
        return span;
    }
    let mut start = span.start as usize + ticks;
    let mut end = span.end as usize - tail;
    let inner = &text[start..end];
    if inner.len() >= 2
        && inner.starts_with(' ')
        && inner.ends_with(' ')
        && !inner.trim().is_empty()
    {
        start += 1;
        end -= 1;
    }
    Span::new(start, end)
}

/// How many words the prose of a markdown text holds: words of text and
/// inline code outside code blocks; markup, link targets and HTML do not
/// count. A word has a letter or a digit.
pub fn prose_words(text: &str) -> usize {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut in_code = 0usize;
    let mut words = 0;
    for event in Parser::new_ext(text, opts) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_code == 0 => {
                words += t
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count();
            }
            _ => {}
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_github_anchors() {
        let text = "# Phase 1 — Install `helm`\n\n## Notes\n\n## Notes\n";
        let doc = parse(text, 0);
        let anchors: Vec<String> = doc.headings.iter().map(|h| doc.anchor(h, text)).collect();
        assert_eq!(anchors, ["phase-1--install-helm", "notes", "notes-1"]);
        assert_eq!(
            doc.heading_text(&doc.headings[0], text),
            "Phase 1 — Install helm"
        );
        assert_eq!(doc.heading_text(&doc.headings[1], text), "Notes");
        // Only the heading with inline code keeps a text of its own.
        assert_eq!(doc.rendered.len(), 1);
    }

    #[test]
    fn links_code_and_spans() {
        let text = "---\nx: 1\n---\nSee [ref](references/a.md#top) and `inline`.\n\n- item\n\n  ```bash\n  kubectl get pods\n  ```\n";
        let doc = parse(text, 12);
        assert_eq!(doc.links[0].dest, "references/a.md#top");
        assert_eq!(&text[doc.links[0].dest_span.range()], "references/a.md#top");
        assert_eq!(&text[doc.inline_code[0].range()], "inline");
        let block = &doc.code_blocks[0];
        assert_eq!(block.lang, "bash");
        assert_eq!(&text[block.content[0].range()], "kubectl get pods\n");
    }
}
