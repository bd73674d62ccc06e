//! Small text helpers shared by every layer: the nearest spelling of a
//! word among candidates; the placeholder text of the scaffolds
//! ([`scaffold`]).

pub mod scaffold;

/// `n` and the word for it: `1 file`, `2 files` (`s` added), `2 fixes`
/// (a word ending in `x`, `s` or `ch` takes `es`).
pub fn counted(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else if word.ends_with('x') || word.ends_with('s') || word.ends_with("ch") {
        format!("{n} {word}es")
    } else {
        format!("{n} {word}s")
    }
}

/// The nearest candidate by edit distance, if it is close enough: one edit
/// for keys of three characters or fewer, two otherwise (the distance
/// Claude Code's validator uses for its typo hints).
pub fn suggest<'a>(key: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = if key.chars().count() <= 3 { 1 } else { 2 };
    let lower = key.to_ascii_lowercase();
    candidates
        .map(|c| (strsim::levenshtein(&lower, &c.to_ascii_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// The nearest of a small, closed set of words (the keys of a mapping, the
/// values of an enum): [`suggest`]'s match, else the one candidate that
/// shares a prefix of four characters or more with `word` (`mutate` →
/// `mutating`, `kube-ctx` → `kube-context`) when no other shares as long a
/// one.
pub fn suggest_among<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if let Some(s) = suggest(word, candidates.iter().copied()) {
        return Some(s);
    }
    let lower = word.to_ascii_lowercase();
    let common = |c: &str| {
        lower
            .bytes()
            .zip(c.to_ascii_lowercase().bytes())
            .take_while(|(a, b)| a == b)
            .count()
    };
    let best = candidates.iter().map(|c| common(c)).max()?;
    let mut at_best = candidates.iter().filter(|c| common(c) == best);
    match (at_best.next(), at_best.next()) {
        (Some(c), None) if best >= 4 => Some(c),
        _ => None,
    }
}

/// Whether `word` occurs in `text` with no name character on either side.
pub fn names_word(text: &str, word: &str) -> bool {
    let is_name = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let lower = text.to_lowercase();
    let word = word.to_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&word) {
        let start = from + i;
        let end = start + word.len();
        let before = lower[..start].chars().next_back();
        let after = lower[end..].chars().next();
        if !before.is_some_and(is_name) && !after.is_some_and(is_name) {
            return true;
        }
        from = start + word.len().max(1);
        while from < lower.len() && !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Whether `s` is kebab-case (`my-plugin`).
pub fn is_kebab(s: &str) -> bool {
    crate::regex!(r"^[a-z0-9]+(-[a-z0-9]+)*$").is_match(s)
}

/// A kebab-case rendering of `s`.
pub fn kebab(s: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            if prev_lower {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
            prev_lower = true;
        } else {
            if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
            prev_lower = false;
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::{counted, names_word, suggest_among};

    #[test]
    fn counted_words() {
        assert_eq!(counted(1, "fix"), "1 fix");
        assert_eq!(counted(2, "fix"), "2 fixes");
        assert_eq!(counted(0, "file"), "0 files");
        assert_eq!(counted(3, "generated file"), "3 generated files");
    }

    #[test]
    fn closed_sets_suggest_by_prefix_too() {
        let modes = ["read-only", "local", "mutating"];
        assert_eq!(suggest_among("mutate", &modes), Some("mutating"));
        assert_eq!(suggest_among("readonly", &modes), Some("read-only"));
        assert_eq!(suggest_among("write", &modes), None);
        let types = ["string", "kube-context", "ip", "ip-list"];
        assert_eq!(suggest_among("kube-ctx", &types), Some("kube-context"));
        assert_eq!(suggest_among("ipv4", &types), Some("ip"));
        assert_eq!(suggest_among("stopp", &["stop"]), Some("stop"));
        // Two candidates share the prefix: no guess.
        assert_eq!(
            suggest_among("kube-x", &["kube-context", "kube-config"]),
            None
        );
    }

    #[test]
    fn whole_words_only() {
        assert!(names_word("skills: debug, deploy", "debug"));
        assert!(!names_word("debugging tools", "debug"));
        assert!(!names_word("cluster-install-x", "cluster-install"));
        assert!(names_word("(cluster-install)", "cluster-install"));
        assert!(names_word("run cozystack:debug now", "debug"));
    }
}
