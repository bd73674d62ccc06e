//! The suppression comments users write, read out of their text:
//! `<!-- skillc-disable-next-line ID[, ID…] -->`, `<!-- skillc-disable ID -->`
//! and `<!-- skillc-enable ID -->` in markdown HTML, and
//! `# skillc: disable=ID[,ID…]` in shell comments. What they cover (lines,
//! blocks, ranges) is the engine's business.

use std::ops::Range;

/// What a markdown suppression comment does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Directive {
    /// Silence the next line (or the fenced block that starts there).
    DisableNextLine,
    /// Silence from here until an `enable` of one of the same ids.
    Disable,
    /// End a `disable` range.
    Enable,
}

/// One suppression comment: what it does, the ids it names, and where it
/// is in the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub directive: Directive,
    pub ids: Vec<String>,
    pub range: Range<usize>,
}

/// The suppression comments in a piece of markdown HTML.
pub fn markdown(html: &str) -> Vec<Suppression> {
    if !html.contains("skillc-") {
        return Vec::new();
    }
    let re = crate::regex!(
        r"<!--\s*skillc-(disable-next-line|disable|enable)\s+([A-Za-z0-9_,\s-]+?)\s*-->"
    );
    re.captures_iter(html)
        .filter_map(|c| {
            let directive = match c.get(1)?.as_str() {
                "disable-next-line" => Directive::DisableNextLine,
                "disable" => Directive::Disable,
                _ => Directive::Enable,
            };
            let ids = c
                .get(2)?
                .as_str()
                .split([',', ' ', '\t', '\n'])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            Some(Suppression {
                directive,
                ids,
                range: c.get(0)?.range(),
            })
        })
        .collect()
}

/// The ids a shell comment disables (`# skillc: disable=SH001,RD001`).
pub fn shell(comment: &str) -> Option<Vec<String>> {
    let c = crate::regex!(r"skillc:\s*disable=([A-Za-z0-9_,-]+)").captures(comment)?;
    Some(
        c.get(1)?
            .as_str()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_name_their_ids() {
        let found = markdown("<!-- skillc-disable-next-line XREF001, broken-anchor -->");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].directive, Directive::DisableNextLine);
        assert_eq!(found[0].ids, ["XREF001", "broken-anchor"]);
        assert!(markdown("<!-- a comment -->").is_empty());
        assert_eq!(
            shell("# skillc: disable=SH001,RD001"),
            Some(vec!["SH001".to_string(), "RD001".to_string()])
        );
        assert_eq!(shell("# just a comment"), None);
    }
}
