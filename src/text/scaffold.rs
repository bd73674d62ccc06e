//! The placeholder text of skillc's scaffolds (`skillc new plugin`, `new
//! skill`, `new marketplace`, and the marketplace `skillc init` writes), and
//! how to find it left as the scaffold wrote it. The scaffolds write these
//! strings and GEN012 (`scaffold-placeholder`) looks for them, so the two
//! cannot drift apart.

use std::ops::Range;

/// The `author.name` of a new plugin and the `owner.name` of a new
/// marketplace.
pub const PERSON: &str = "Your Name";

/// The prose of a new skill's first phase.
pub const PHASE_PROSE: &str = "Say what to look at and what a healthy result looks like.";

/// The description of a new plugin source (`{skills}` expands to its
/// skills when it is built).
pub fn plugin_description(name: &str) -> String {
    format!("{} Skills: {{skills}}.", purpose(name))
}

/// The description of a new marketplace.
pub fn marketplace_description(name: &str) -> String {
    purpose(name)
}

/// The description of a new skill source.
pub fn skill_description(name: &str) -> String {
    format!("What {name} does, in one or two sentences. Use when …")
}

fn purpose(name: &str) -> String {
    format!("What {name} is for.")
}

/// Which placeholder a scaffold wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// [`PERSON`].
    Person,
    /// `What NAME is for.` (a plugin's or a marketplace's description).
    Purpose,
    /// `What NAME does, in one or two sentences. Use when …`.
    SkillDescription,
    /// [`PHASE_PROSE`].
    PhaseProse,
}

impl Placeholder {
    /// What to write in its place.
    pub fn instead(self) -> &'static str {
        match self {
            Placeholder::Person => "the name of the person, team or organisation that maintains it",
            Placeholder::Purpose => {
                "a sentence on what it offers and to whom; users choose what to install from it"
            }
            Placeholder::SkillDescription => {
                "what the skill does and when to use it (`Use when …`), in the words a user would ask with: Claude picks skills by it"
            }
            Placeholder::PhaseProse => {
                "what to look at in this phase and what a healthy result looks like"
            }
        }
    }
}

/// A placeholder found in a value: its byte range there, and which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub what: Placeholder,
}

/// In a person's name (`author.name`, `owner.name`): [`PERSON`], the whole
/// value.
pub fn in_person(value: &str) -> Option<Found> {
    let trimmed = value.trim();
    (trimmed == PERSON).then(|| {
        let start = value.len() - value.trim_start().len();
        Found {
            range: start..start + trimmed.len(),
            what: Placeholder::Person,
        }
    })
}

/// In a description: a skill's scaffold sentence anywhere in it, or
/// `What NAME is for.` as the whole description or before the scaffold's
/// ` Skills: …` (as a built plugin.json has it). NAME is any name (the
/// plugin may have been renamed since).
pub fn in_description(value: &str) -> Option<Found> {
    let skill = crate::regex!(
        r"What [A-Za-z0-9][-A-Za-z0-9._]* does, in one or two sentences\. Use when …"
    );
    if let Some(m) = skill.find(value) {
        return Some(Found {
            range: m.range(),
            what: Placeholder::SkillDescription,
        });
    }
    let purpose =
        crate::regex!(r"^\s*(What [A-Za-z0-9][-A-Za-z0-9._]* is for\.)(?:\s*$|\s+Skills:)");
    let m = purpose.captures(value)?.get(1)?;
    Some(Found {
        range: m.range(),
        what: Placeholder::Purpose,
    })
}

/// In prose (a phase's `prose`, a SKILL.md body): [`PHASE_PROSE`].
pub fn in_prose(value: &str) -> Option<Found> {
    let start = value.find(PHASE_PROSE)?;
    Some(Found {
        range: start..start + PHASE_PROSE.len(),
        what: Placeholder::PhaseProse,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaffold_text_is_found() {
        let d = plugin_description("ops");
        let f = in_description(&d).unwrap();
        assert_eq!(
            (&d[f.range.clone()], f.what),
            ("What ops is for.", Placeholder::Purpose)
        );
        let built = "What ops is for. Skills: deploy, rollout.";
        assert_eq!(in_description(built).unwrap().range, 0..16);
        assert_eq!(
            in_description("What ops is for. Skills: .").unwrap().range,
            0..16
        );
        let m = marketplace_description("acme-tools");
        assert_eq!(in_description(&m).unwrap().range, 0..m.len());
        let s = skill_description("deploy");
        assert_eq!(
            in_description(&s).map(|f| (f.range, f.what)),
            Some((0..s.len(), Placeholder::SkillDescription))
        );
        assert_eq!(in_person(" Your Name ").unwrap().range, 1..10);
        let prose = format!("Intro.\n\n{PHASE_PROSE}\n");
        assert_eq!(in_prose(&prose).unwrap().range, 8..8 + PHASE_PROSE.len());
    }

    #[test]
    fn real_text_is_not() {
        for d in [
            "What ops is for. It deploys the app.",
            "Explains what ops is for.",
            "Deploys the app. Use when shipping a release.",
            "What the deploy skill does, in short.",
            "What deploy does, in one or two sentences.",
        ] {
            assert_eq!(in_description(d), None, "{d}");
        }
        for n in ["Your Name Ltd", "Jane Doe", "your name", ""] {
            assert_eq!(in_person(n), None, "{n}");
        }
        assert_eq!(in_prose("Say what to look at."), None);
    }
}
