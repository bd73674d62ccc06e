//! Small text helpers shared by every layer: the nearest spelling of a
//! word among candidates.

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
