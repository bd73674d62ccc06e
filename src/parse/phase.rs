//! Phase structure in a markdown document: `Phase N` / `Phase N.M`
//! headings and bold openings, mentions of phases in the prose, and
//! numbered STOP GATEs. Found once per document at load; the phase rules
//! check them against each other across a skill.

use crate::parse::markdown::MdDoc;
use crate::source::Span;

/// A phase number: `9` is `(9, None)`, `9.1` is `(9, Some(1))`.
pub type PhaseNo = (u32, Option<u32>);

pub fn parse_no(s: &str) -> Option<PhaseNo> {
    match s.split_once('.') {
        Some((a, b)) => Some((a.parse().ok()?, Some(b.parse().ok()?))),
        None => Some((s.parse().ok()?, None)),
    }
}

pub fn show(n: PhaseNo) -> String {
    match n {
        (a, Some(b)) => format!("{a}.{b}"),
        (a, None) => a.to_string(),
    }
}

/// A phase declaration: its number and the span of `Phase N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseHeading {
    pub no: PhaseNo,
    pub span: Span,
}

/// A mention of a phase in prose or inline code (`see Phase 4.1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseMention {
    pub no: PhaseNo,
    /// `Phase N` or `Phases N`.
    pub span: Span,
    /// Where the match starts.
    pub at: u32,
    /// The word just before it that may name a skill (`cluster-install
    /// Phase 5`, `` `cozystack:cluster-install` Phase 5 ``,
    /// `cluster-install's Phase 5`); whether it does is the model's to say.
    pub named: Option<Span>,
}

/// A numbered STOP GATE: declared, or mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    pub no: u32,
    pub span: Span,
}

/// The phase structure of one document. Empty for most files.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PhaseFacts {
    /// `Phase N` headings outside "Example" sections, in order.
    pub headings: Box<[PhaseHeading]>,
    /// Phases declared by a bold paragraph opening (`**Phase 7 — Roadbook.**`).
    pub bold: Box<[PhaseHeading]>,
    /// Mentions of phases in prose and inline code that declare nothing.
    pub mentions: Box<[PhaseMention]>,
    /// Mentions of a phase's history (`formerly Phase 3`).
    pub historic: Box<[Span]>,
    /// STOP GATE declarations (a heading, a list item or a bold opening).
    pub gates: Box<[Gate]>,
    /// `STOP GATE k` anywhere in the prose, declarations included.
    pub gate_mentions: Box<[Gate]>,
}

impl PhaseFacts {
    fn is_empty(&self) -> bool {
        self.headings.is_empty()
            && self.bold.is_empty()
            && self.mentions.is_empty()
            && self.historic.is_empty()
            && self.gates.is_empty()
            && self.gate_mentions.is_empty()
    }

    /// Headings and bold openings: every phase the document declares.
    pub fn declared(&self) -> impl Iterator<Item = &PhaseHeading> {
        self.headings.iter().chain(self.bold.iter())
    }
}

/// The words of the title a phase declaration gives after a separator
/// (`## Phase 5: Checkpoint Gate`, `**Phase 7 — Roadbook.**`); `None` when
/// the heading only speaks of the phase (`### Phase 0 Exit Checklist`).
pub fn title_words(text: &str, span: Span) -> Option<std::collections::HashSet<String>> {
    let rest = text.get(span.end as usize..)?;
    let line = rest.split('\n').next().unwrap_or("");
    let line = line.split("**").next().unwrap_or(line).trim_start();
    let title = line.strip_prefix(['—', '–', '-', ':', '.', ')', '|'])?;
    let stop = [
        "the", "and", "for", "with", "from", "into", "only", "when", "phase",
    ];
    let words: std::collections::HashSet<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !stop.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.len() >= 4 => stem.to_string(),
            _ => w,
        })
        .collect();
    (!words.is_empty()).then_some(words)
}

/// The phase structure of a document whose body starts at `body_start`;
/// `None` when it has none.
pub fn facts(md: &MdDoc, text: &str, body_start: usize) -> Option<Box<PhaseFacts>> {
    // Where the document says "phase" in any case: one scan of the text
    // tells whether there is anything to look for, and which prose runs to
    // run the mention patterns on.
    let said: Vec<usize> = crate::regex!(r"(?i)phase")
        .find_iter(text)
        .map(|m| m.start())
        .collect();
    let gated = text.contains("STOP GATE");
    if said.is_empty() && !gated {
        return None;
    }
    // Declarations need the word in the body (in any case: `## PHASE 5`
    // declares as `## Phase 5` does).
    let in_body = said.iter().any(|&at| at >= body_start);
    let (headings, bold) = if in_body {
        (headings(md, text), bold(md, text, body_start))
    } else {
        (Vec::new(), Vec::new())
    };
    let (mentions, historic) = mentions(md, text, &said, |at| {
        headings
            .iter()
            .chain(bold.iter())
            .any(|h| h.span.start as usize == at)
    });
    let (gates, gate_mentions) = if gated {
        (gates(md, text, body_start), gate_mentions(md, text))
    } else {
        (Vec::new(), Vec::new())
    };
    let facts = PhaseFacts {
        headings: headings.into(),
        bold: bold.into(),
        mentions: mentions.into(),
        historic: historic.into(),
        gates: gates.into(),
        gate_mentions: gate_mentions.into(),
    };
    (!facts.is_empty()).then(|| Box::new(facts))
}

/// Phase headings, in order. A phase heading starts with `Phase N` (after
/// optional markup); headings under an "Example" section describe someone
/// else's phases.
fn headings(md: &MdDoc, text: &str) -> Vec<PhaseHeading> {
    if !md
        .headings
        .iter()
        .any(|h| find_phase(md.heading_text(h, text)).is_some())
    {
        return Vec::new();
    }
    let re = crate::regex!(r"^#{1,6}\s+(?:\*\*|__)?(?i:phase)\s+(\d+(?:\.\d+)?)(?-u:\b)");
    let mut stack: Vec<(u8, bool)> = Vec::new();
    let in_example: Vec<bool> = md
        .headings
        .iter()
        .map(|h| {
            while stack.last().is_some_and(|(l, _)| *l >= h.level) {
                stack.pop();
            }
            let inherited = stack.iter().any(|(_, e)| *e);
            let example = md
                .heading_text(h, text)
                .as_bytes()
                .windows(7)
                .any(|w| w.eq_ignore_ascii_case(b"example"));
            stack.push((h.level, example));
            inherited
        })
        .collect();
    md.headings
        .iter()
        .zip(in_example)
        .filter(|(_, ex)| !ex)
        .filter_map(|(h, _)| {
            let src = text.get(h.span.range())?;
            find_phase(src)?;
            let c = re.captures(src)?;
            let m = c.get(1)?;
            let whole = c.get(0)?;
            let start = h.span.start as usize
                + whole.start()
                + find_phase(&src[whole.start()..]).unwrap_or(0);
            Some(PhaseHeading {
                no: parse_no(m.as_str())?,
                span: Span::new(start, h.span.start as usize + m.end()),
            })
        })
        .collect()
}

/// Where `text` first says "phase", in any case.
fn find_phase(text: &str) -> Option<usize> {
    text.as_bytes()
        .windows(5)
        .position(|w| w.eq_ignore_ascii_case(b"phase"))
}

/// Phases declared by a bold paragraph opening (`**Phase 7 — Roadbook.**`).
fn bold(md: &MdDoc, text: &str, body_start: usize) -> Vec<PhaseHeading> {
    let re = crate::regex!(r"(?m)^[ \t]*(?:\*\*|__)(?i:phase)\s+(\d+(?:\.\d+)?)\s*[—–:.-]");
    let body = &text[body_start..];
    re.captures_iter(body)
        .filter_map(|c| {
            let m = c.get(1)?;
            let all = c.get(0)?;
            let start = body_start + all.start() + find_phase(all.as_str())?;
            if md.in_code(start) {
                return None;
            }
            Some(PhaseHeading {
                no: parse_no(m.as_str())?,
                span: Span::new(start, body_start + m.end()),
            })
        })
        .collect()
}

/// Phase mentions in the prose runs and inline code, and the historical
/// ones; `said`: where the text says "phase" (runs without one are
/// skipped). A mention inside a historical one, or starting where a
/// declaration does (`declares(at)`), is not a mention.
fn mentions(
    md: &MdDoc,
    text: &str,
    said: &[usize],
    declares: impl Fn(usize) -> bool,
) -> (Vec<PhaseMention>, Vec<Span>) {
    let re = crate::regex!(r"(?-u:\b)(?:Phases?|PHASES?)\s+(\d+(?:\.\d+)?)(?-u:\b)");
    let before =
        crate::regex!(r"(?:[A-Za-z0-9][A-Za-z0-9_-]*:)?([a-z0-9][a-z0-9-]*)(?:'s|’s)?[`*_\s]*$");
    let hist = crate::regex!(
        r"(?i)(?-u:\b)(?:used\s+to\s+be|formerly|previously|was\s+once|the\s+old|renamed\s+from|folded\s+into|what\s+was)\s+(?:the\s+)?(?:old\s+)?Phase\s+\d+(?:\.\d+)?"
    );
    let mut mentions = Vec::new();
    let mut historic = Vec::new();
    if said.is_empty() {
        return (mentions, historic);
    }
    for run in md.text.iter().chain(md.inline_code.iter()) {
        let Some(src) = text.get(run.range()) else {
            continue;
        };
        let first = said.partition_point(|&at| at < run.start as usize);
        if said.get(first).is_none_or(|&at| at + 5 > run.end as usize) {
            continue;
        }
        let base = run.start as usize;
        let in_run = historic.len();
        historic.extend(
            hist.find_iter(src)
                .map(|m| Span::new(base + m.start(), base + m.end())),
        );
        for c in re.captures_iter(src) {
            let (Some(all), Some(num)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let (num_start, num_end) = (base + num.start(), base + num.end());
            if historic[in_run..]
                .iter()
                .any(|h| num_start >= h.start as usize && num_end <= h.end as usize)
            {
                continue;
            }
            let phase_at = base + all.start() + find_phase(all.as_str()).unwrap_or(0);
            if declares(phase_at) {
                continue;
            }
            let Some(no) = parse_no(num.as_str()) else {
                continue;
            };
            let at = base + all.start();
            let mut from = at.saturating_sub(80);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let named = before
                .captures(&text[from..at])
                .and_then(|b| b.get(1))
                .map(|m| Span::new(from + m.start(), from + m.end()));
            mentions.push(PhaseMention {
                no,
                span: Span::new(phase_at, num_end),
                at: at as u32,
                named,
            });
        }
    }
    (mentions, historic)
}

/// STOP GATE declarations: a heading that names one, or a line that opens
/// with one (after a quote, list marker or bold markup).
fn gates(md: &MdDoc, text: &str, body_start: usize) -> Vec<Gate> {
    let re = crate::regex!(
        r"(?m)^[ \t]*(?:#{1,6}[ \t]+.*?STOP GATE[ \t]+(\d+)(?-u:\b)|(?:>[ \t]*|[-*][ \t]+)?(?:\*\*|__)?STOP GATE[ \t]+(\d+)(?:[ \t]*(?:[—–:.)-]|\*\*|__|$)))"
    );
    // Called only when the text says "STOP GATE": the pattern is anchored
    // per line and has no literal prefix for the regex engine to skip
    // ahead with.
    let body = &text[body_start..];
    if body_start > 0 && !body.contains("STOP GATE") {
        return Vec::new();
    }
    re.captures_iter(body)
        .filter_map(|c| {
            let n = c.get(1).or_else(|| c.get(2))?;
            let start = body_start + n.start();
            if md.in_code(start) {
                return None;
            }
            let all = c.get(0).map_or(n.start(), |a| a.start());
            let gate_at = body_start + all + body[all..].find("STOP").unwrap_or(0);
            Some(Gate {
                no: n.as_str().parse().ok()?,
                span: Span::new(gate_at, body_start + n.end()),
            })
        })
        .collect()
}

/// Every `STOP GATE k` in the prose runs.
fn gate_mentions(md: &MdDoc, text: &str) -> Vec<Gate> {
    let re = crate::regex!(r"STOP GATE[ \t]+(\d+)(?-u:\b)");
    let mut out = Vec::new();
    for run in md.text.iter() {
        let Some(src) = text.get(run.range()) else {
            continue;
        };
        let base = run.start as usize;
        out.extend(re.captures_iter(src).filter_map(|c| {
            let (all, n) = (c.get(0)?, c.get(1)?);
            Some(Gate {
                no: n.as_str().parse().ok()?,
                span: Span::new(base + all.start(), base + all.end()),
            })
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::markdown;

    fn of(text: &str) -> PhaseFacts {
        let md = markdown::parse(text, 0);
        facts(&md, text, 0).map(|f| *f).unwrap_or_default()
    }

    #[test]
    fn a_document_without_phases_has_none() {
        let md = markdown::parse("# Title\n\nPlain prose.\n", 0);
        assert_eq!(facts(&md, "# Title\n\nPlain prose.\n", 0), None);
    }

    #[test]
    fn headings_and_bold_openings_declare_phases() {
        let text = "## Phase 1 — Plan\n\n**Phase 2.1 — Check.** Then go.\n\n## **Phase 3** Ship\n";
        let f = of(text);
        let nos: Vec<PhaseNo> = f.declared().map(|h| h.no).collect();
        assert_eq!(nos, vec![(1, None), (3, None), (2, Some(1))]);
        assert_eq!(&text[f.headings[1].span.range()], "Phase 3");
        assert!(f.mentions.is_empty(), "declarations are not mentions");
    }

    #[test]
    fn declarations_are_read_in_any_case() {
        let text = "# PHASE 5 - Final\n\n## phase 6: after\n\n__PHASE 7 — Done.__ Go.\n\nSee PHASE 5 and Phase 6.\n";
        let f = of(text);
        let nos: Vec<PhaseNo> = f.declared().map(|h| h.no).collect();
        assert_eq!(nos, vec![(5, None), (6, None), (7, None)]);
        assert_eq!(&text[f.headings[0].span.range()], "PHASE 5");
        let mentioned: Vec<PhaseNo> = f.mentions.iter().map(|m| m.no).collect();
        assert_eq!(mentioned, vec![(5, None), (6, None)]);
    }

    #[test]
    fn example_sections_and_code_declare_nothing() {
        let text = "## Example\n\n### Phase 9 — theirs\n\n```\n**Phase 8 — code.**\n```\n";
        assert!(of(text).declared().next().is_none());
    }

    #[test]
    fn mentions_keep_the_word_before_them() {
        let text = "Run `demo:deploy` Phase 4 first, then Phases 5.\n";
        let f = of(text);
        assert_eq!(f.mentions.len(), 2);
        let m = f.mentions[0];
        assert_eq!(m.no, (4, None));
        assert_eq!(&text[m.span.range()], "Phase 4");
        assert_eq!(&text[m.named.expect("named").range()], "deploy");
        assert_eq!(&text[f.mentions[1].span.range()], "Phases 5");
    }

    #[test]
    fn historical_mentions_are_not_mentions() {
        let text = "This was formerly Phase 3; see Phase 2.\n";
        let f = of(text);
        assert_eq!(f.historic.len(), 1);
        assert_eq!(&text[f.historic[0].range()], "formerly Phase 3");
        let nos: Vec<PhaseNo> = f.mentions.iter().map(|m| m.no).collect();
        assert_eq!(nos, vec![(2, None)]);
    }

    #[test]
    fn stop_gates_are_declared_and_mentioned() {
        let text = "## STOP GATE 1 — approve\n\n- **STOP GATE 2:** check\n\nWait at STOP GATE 3.\n\n```\nSTOP GATE 4 —\n```\n";
        let f = of(text);
        let declared: Vec<u32> = f.gates.iter().map(|g| g.no).collect();
        assert_eq!(declared, vec![1, 2]);
        let mentioned: Vec<u32> = f.gate_mentions.iter().map(|g| g.no).collect();
        assert_eq!(mentioned, vec![1, 2, 3]);
    }
}
