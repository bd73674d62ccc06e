//! What a value looks like on its own: a placeholder, words, a run of the
//! keyboard, or random enough to be a generated secret.

/// Values that are obviously not real: templates, variables, examples,
/// instructions.
pub fn is_placeholder(v: &str) -> bool {
    let t = v.trim_matches(['"', '\'', '`', ',', ';']);
    if t.is_empty()
        || t.starts_with('<')
        || t.starts_with("${")
        || t.starts_with('$')
        || t.starts_with("{{")
        || t.starts_with('%')
    {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    PLACEHOLDER_WORDS.iter().any(|p| lower.contains(p))
        || t.chars().all(|c| c == t.chars().next().unwrap_or(' '))
        || ascending_run(t) >= 5
}

/// Words that make a value a placeholder or an instruction wherever they
/// appear in it (`your-api-key-here`, `generate-with-openssl-rand-base64-32`).
const PLACEHOLDER_WORDS: &[&str] = &[
    "example",
    "changeme",
    "change-me",
    "change_me",
    "placeholder",
    "redacted",
    "your",
    "xxxx",
    "****",
    "...",
    "…",
    "dummy",
    "secret-here",
    "-here",
    "_here",
    "todo",
    "replace",
    "openssl",
    "generate",
    "sample",
    "fake",
    "insert",
];

/// Shannon entropy in bits per character.
pub fn entropy(s: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    let n = s.chars().count() as f64;
    for c in s.chars() {
        *counts.entry(c).or_insert(0u32) += 1;
    }
    counts
        .values()
        .map(|c| {
            let p = *c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

/// How many of lower case, upper case, digits and symbols `s` mixes
/// (separators, `-`, `_` and `.`, are no symbols: a UUID mixes two).
pub fn classes(s: &str) -> usize {
    let has = |f: fn(&char) -> bool| usize::from(s.chars().any(|c| f(&c)));
    has(char::is_ascii_lowercase)
        + has(char::is_ascii_uppercase)
        + has(char::is_ascii_digit)
        + has(|c| !c.is_ascii_alphanumeric() && !matches!(c, '-' | '_' | '.'))
}

/// The longest run of characters that each follow the one before
/// (`abcde`, `12345`): keyboard filler, not randomness.
pub fn ascending_run(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut best, mut run) = (usize::from(!b.is_empty()), 1);
    for w in b.windows(2) {
        let next = w[0].is_ascii_alphanumeric() && w[1] == w[0] + 1;
        run = if next { run + 1 } else { 1 };
        best = best.max(run);
    }
    best
}

/// Whether `s` reads as words (`MySecretPassword123`, `SuperSecret!`,
/// `use-a-strong-password`): its runs of letters are long (four letters on
/// average; random strings switch case and digits every one or two
/// characters), a quarter of the letters are vowels, and no run has five
/// consonants in a row.
pub fn is_wordlike(s: &str) -> bool {
    let runs = letter_runs(s);
    let letters: usize = runs.iter().map(|r| r.len()).sum();
    if runs.is_empty() || letters * 2 < s.chars().filter(char::is_ascii_alphanumeric).count() {
        return false;
    }
    let vowels = runs
        .iter()
        .flat_map(|r| r.chars())
        .filter(|c| "aeiouyAEIOUY".contains(*c))
        .count();
    let clusters = runs.iter().any(|r| {
        r.split(|c: char| "aeiouyAEIOUY".contains(c))
            .any(|cons| cons.len() >= 5)
    });
    letters >= 4 * runs.len() && vowels * 4 >= letters && !clusters
}

/// Runs of letters, split where a lower-case letter is followed by an
/// upper-case one (`MySecret` is `My`, `Secret`).
fn letter_runs(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut prev_lower = false;
    for (i, c) in s.char_indices() {
        let letter = c.is_ascii_alphabetic();
        if let Some(st) = start
            && (!letter || (prev_lower && c.is_ascii_uppercase()))
        {
            out.push(&s[st..i]);
            start = None;
        }
        if letter && start.is_none() {
            start = Some(i);
        }
        prev_lower = c.is_ascii_lowercase();
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// Whether `s` looks generated: at least 16 characters, 3.5 bits of
/// Shannon entropy per character or more, three character classes or more
/// (lower, upper, digits, symbols), no words and no keyboard runs. A
/// random 16-character string of letters and digits has about 3.7 bits;
/// `MySecretPassword123` has 3.9 but is words.
pub fn looks_generated(s: &str) -> bool {
    s.len() >= 16 && entropy(s) >= 3.5 && classes(s) >= 3 && !is_wordlike(s) && ascending_run(s) < 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_not_random() {
        for w in [
            "MySecretPassword123",
            "SuperSecret!",
            "password123",
            "generate-with-openssl-rand-base64-32",
            "use-a-strong-password",
            "CorrectHorseBatteryStaple",
        ] {
            assert!(is_wordlike(w), "{w}");
            assert!(!looks_generated(w), "{w}");
        }
        for r in [
            "h7Tq9zLm2Xv4Pw8s",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzK3q9",
            "9f86d081884c7d659a2feaa0c55ad015",
            "Qm3xT9vLp2RkWz7N",
        ] {
            assert!(!is_wordlike(r), "{r}");
        }
        assert!(looks_generated("h7Tq9zLm2Xv4Pw8s"));
        // Two classes only (hex): random, but not the high-confidence kind.
        assert!(!looks_generated("9f86d081884c7d659a2feaa0c55ad015"));
    }

    #[test]
    fn runs_and_placeholders() {
        assert_eq!(ascending_run("1234567890abcdef"), 9);
        assert_eq!(ascending_run("h7Tq9z"), 1);
        for p in [
            "1234567890abcdef",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "your-api-key-here",
            "xxxxxxxxxxxxxxxx",
            "<token>",
            "${TOKEN}",
            "$TOKEN",
            "generate-with-openssl-rand-base64-32",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        assert!(!is_placeholder("h7Tq9zLm2Xv4Pw8s"));
    }
}
