//! One pulldown-cmark pass over a markdown body: headings with their GitHub
//! anchors, links, code blocks, inline code, prose runs, HTML, and the
//! `plugin:skill` and `references/…` mentions found in them. All spans are
//! file-absolute.

use super::mentions::{self, Mention, PathMention, Region};
use crate::source::Span;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub span: Span,
    /// The GitHub anchor (`#...`) of this heading, de-duplicated.
    pub anchor: String,
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
    pub lang: String,
    pub span: Span,
    pub fenced: bool,
    /// The content, one span per text piece (lines of indented blocks).
    pub content: Vec<Span>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MdDoc {
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub code_blocks: Vec<CodeBlock>,
    /// Inline code contents (without the backticks).
    pub inline_code: Vec<Span>,
    /// Prose text runs (outside code).
    pub text: Vec<Span>,
    /// Raw HTML (comments included).
    pub html: Vec<Span>,
    pub mentions: Vec<Mention>,
    pub paths: Vec<PathMention>,
}

impl MdDoc {
    /// Whether file offset `pos` lies inside a code block.
    pub fn in_code(&self, pos: usize) -> bool {
        self.code_blocks
            .iter()
            .any(|b| (b.span.start as usize..b.span.end as usize).contains(&pos))
    }
    pub fn has_anchor(&self, anchor: &str) -> bool {
        let a = anchor.to_lowercase();
        self.headings.iter().any(|h| h.anchor == a)
    }
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
    let mut doc = MdDoc::default();
    let mut heading: Option<(u8, usize, String)> = None;
    let mut code: Option<CodeBlock> = None;
    let mut links: Vec<(String, usize, bool)> = Vec::new();
    let mut slugs: HashMap<String, usize> = HashMap::new();
    let mut regions: Vec<Region> = Vec::new();

    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        let span = Span::new(base + range.start, base + range.end);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((heading_level(level), span.start as usize, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, start, text)) = heading.take() {
                    let mut anchor = slug(&text);
                    let n = slugs.entry(anchor.clone()).or_insert(0);
                    if *n > 0 {
                        anchor = format!("{anchor}-{n}");
                    }
                    *n += 1;
                    doc.headings.push(Heading {
                        level,
                        text: text.trim().to_string(),
                        span: Span::new(start, span.end as usize),
                        anchor,
                    });
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
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
                code = Some(CodeBlock {
                    lang,
                    span,
                    fenced,
                    content: Vec::new(),
                });
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(block) = code.take() {
                    for c in &block.content {
                        regions.push(Region::code_block(*c));
                    }
                    doc.code_blocks.push(block);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                links.push((dest_url.to_string(), span.start as usize, false));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                links.push((dest_url.to_string(), span.start as usize, true));
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if let Some((dest, start, image)) = links.pop() {
                    let whole = Span::new(start, span.end as usize);
                    let dest_span = locate(file_text, whole, &dest).unwrap_or(whole);
                    doc.links.push(Link {
                        dest,
                        span: whole,
                        dest_span,
                        image,
                    });
                }
            }
            Event::Text(t) => {
                if let Some(block) = &mut code {
                    block.content.push(span);
                } else {
                    if let Some((_, _, h)) = &mut heading {
                        h.push_str(&t);
                    }
                    doc.text.push(span);
                    regions.push(Region::prose(span));
                }
            }
            Event::Code(t) => {
                if let Some((_, _, h)) = &mut heading {
                    h.push_str(&t);
                }
                let inner = inline_code_content(file_text, span);
                doc.inline_code.push(inner);
                regions.push(Region::inline_code(inner));
            }
            Event::Html(_) | Event::InlineHtml(_) => doc.html.push(span),
            _ => {}
        }
    }
    doc.links.sort_by_key(|l| l.span);
    let link_spans: Vec<Span> = doc.links.iter().map(|l| l.span).collect();
    for r in &regions {
        mentions::scan(file_text, r, &link_spans, &mut doc.mentions, &mut doc.paths);
    }
    // Every doc of the tree is kept for the whole run: no growth slack.
    doc.headings.shrink_to_fit();
    doc.links.shrink_to_fit();
    doc.code_blocks.shrink_to_fit();
    doc.inline_code.shrink_to_fit();
    doc.text.shrink_to_fit();
    doc.html.shrink_to_fit();
    doc.mentions.shrink_to_fit();
    doc.paths.shrink_to_fit();
    doc
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_github_anchors() {
        let text = "# Phase 1 — Install `helm`\n\n## Notes\n\n## Notes\n";
        let doc = parse(text, 0);
        let anchors: Vec<&str> = doc.headings.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(anchors, ["phase-1--install-helm", "notes", "notes-1"]);
        assert_eq!(doc.headings[0].text, "Phase 1 — Install helm");
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
