//! `skillc redact`: replace every detector hit with a stable placeholder.
//! The same value maps to the same placeholder throughout a run, and every
//! placeholder is something the detectors accept, so redacting twice changes
//! nothing the second time.

use super::{Hit, Kind, RedactConfig, detect};
use std::collections::HashMap;

/// Value → placeholder, shared by all files of one run.
#[derive(Debug, Default)]
pub struct Mapping {
    seen: HashMap<(Kind, String), String>,
    counts: HashMap<Kind, usize>,
}

impl Mapping {
    fn placeholder(&mut self, hit: &Hit) -> String {
        let key = (hit.kind, hit.value.clone());
        if let Some(p) = self.seen.get(&key) {
            return p.clone();
        }
        let n = {
            let c = self.counts.entry(hit.kind).or_insert(0);
            *c += 1;
            *c
        };
        let p = match hit.kind {
            Kind::Ipv4 => match n {
                1..=254 => format!("192.0.2.{n}"),
                255..=508 => format!("198.51.100.{}", n - 254),
                509..=762 => format!("203.0.113.{}", n - 508),
                _ => "<REDACTED:ipv4>".to_string(),
            },
            Kind::Ipv6 => format!("2001:db8::{n:x}"),
            Kind::Host => format!("host{n}.example.com"),
            Kind::Email => format!("user{n}@example.com"),
            Kind::Cloud => match hit.label {
                "aws-account-id" => "123456789012".to_string(),
                "gcp-project" => format!("example-project-{n}"),
                "azure-subscription" => "00000000-0000-0000-0000-000000000000".to_string(),
                label => format!("<REDACTED:{label}>"),
            },
            Kind::Secret => format!("<REDACTED:{}>", hit.label),
            Kind::PersonalPath => "user".to_string(),
            Kind::DeniedName => "<REDACTED>".to_string(),
        };
        self.seen.insert(key, p.clone());
        p
    }
}

/// One replacement made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub kind: Kind,
    pub label: &'static str,
    /// Byte offset in the original text.
    pub offset: usize,
    pub original: String,
    pub replacement: String,
}

/// Redact `text`, skipping hits inside `exempt` byte ranges.
pub fn redact(
    text: &str,
    cfg: &RedactConfig,
    exempt: &[std::ops::Range<usize>],
    map: &mut Mapping,
) -> (String, Vec<Replacement>) {
    let hits: Vec<Hit> = detect(text, cfg)
        .into_iter()
        .filter(|h| {
            !exempt
                .iter()
                .any(|e| e.start <= h.range.start && h.range.end <= e.end)
        })
        .collect();
    let mut reps: Vec<Replacement> = hits
        .iter()
        .map(|h| Replacement {
            kind: h.kind,
            label: h.label,
            offset: h.range.start,
            original: h.value.clone(),
            replacement: map.placeholder(h),
        })
        .collect();
    // Splice back to front so earlier offsets stay valid.
    let mut out = text.to_string();
    for (h, r) in hits.iter().zip(&reps).rev() {
        out.replace_range(h.range.clone(), &r.replacement);
    }
    reps.sort_by_key(|r| r.offset);
    (out, reps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_placeholders_and_idempotence() {
        let cfg = RedactConfig::session();
        let text = concat!(
            "ssh root@10.1.2.3; ping 10.1.2.3 and 10.9.9.9; mail ivo@brandt-ops.de; ",
            "db.prod.internal; AKIA",
            "ZDOC9IS0J8HT9LGM; /home/akozlov/x"
        );
        let mut map = Mapping::default();
        let (once, reps) = redact(text, &cfg, &[], &mut map);
        assert_eq!(
            once,
            "ssh root@192.0.2.1; ping 192.0.2.1 and 192.0.2.2; mail user1@example.com; host1.example.com; <REDACTED:aws-access-key>; /home/user/x"
        );
        assert_eq!(reps.len(), 7);
        let (twice, again) = redact(&once, &cfg, &[], &mut Mapping::default());
        assert_eq!(twice, once);
        assert!(again.is_empty());
        assert!(detect(&once, &cfg).is_empty());
        assert!(detect(&once, &RedactConfig::default()).is_empty());
    }

    #[test]
    fn sessions_redact_what_published_text_may_keep() {
        // Textbook addresses and single host names are someone's in a
        // session; placeholders and documentation values are no one's.
        let text = "ping 192.168.1.100\nnc statsd.local\npassword: password123\nAKIAIOSFODNN7EXAMPLE ops@example.com\n";
        let (out, reps) = redact(text, &RedactConfig::session(), &[], &mut Mapping::default());
        assert_eq!(
            out,
            "ping 192.0.2.1\nnc host1.example.com\npassword: <REDACTED:possible-credential>\nAKIAIOSFODNN7EXAMPLE ops@example.com\n"
        );
        assert_eq!(reps.len(), 3);
        let (_, none) = redact(text, &RedactConfig::default(), &[], &mut Mapping::default());
        assert!(none.is_empty(), "{none:?}");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::redact::detect;
    use proptest::prelude::*;

    /// Pieces of text: private data, safe look-alikes, and noise.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            (1u8..255, 0u8..255, 1u8..255).prop_map(|(a, b, c)| format!("10.{a}.{b}.{c}")),
            (0u8..255, 1u8..255).prop_map(|(a, b)| format!("192.168.{a}.{b}")),
            (1u8..255).prop_map(|a| format!("192.0.2.{a}")),
            "[a-z]{2,8}\\.(prod|corp|lab)\\.internal",
            "[a-z]{3,8}@(acme|corp)\\.io",
            "AKIA[A-Z0-9]{16}",
            "ghp_[A-Za-z0-9]{36}",
            "/home/[a-z]{4,9}/work",
            "v[0-9]\\.[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]",
            "[a-z]{1,10}",
            Just("2001:db8::1".to_string()),
            Just("fd00:10:244::7".to_string()),
            Just("user@example.com".to_string()),
            Just("password=h7Tq9zLm2Xv4Pw8s".to_string()),
            Just("<your-token>".to_string()),
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (
                fragment(),
                prop_oneof![Just(" "), Just("\n"), Just(", "), Just(": "), Just("\t")],
            ),
            0..24,
        )
        .prop_map(|parts| parts.into_iter().map(|(f, s)| format!("{f}{s}")).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn redact_is_idempotent(t in text()) {
            let cfg = RedactConfig::session();
            let (once, _) = redact(&t, &cfg, &[], &mut Mapping::default());
            let (twice, reps) = redact(&once, &cfg, &[], &mut Mapping::default());
            prop_assert_eq!(&twice, &once);
            prop_assert!(reps.is_empty());
        }

        #[test]
        fn nothing_is_found_after_redact(t in text()) {
            let cfg = RedactConfig::session();
            let (once, _) = redact(&t, &cfg, &[], &mut Mapping::default());
            let left = detect(&once, &cfg);
            prop_assert!(left.is_empty(), "{:?} in {:?}", left, once);
            // Published text reports less than a session: nothing either.
            let left = detect(&once, &RedactConfig::default());
            prop_assert!(left.is_empty(), "{:?} in {:?}", left, once);
        }

        #[test]
        fn the_same_value_gets_the_same_placeholder(a in 1u8..255, b in 1u8..255) {
            let t = format!("10.0.{a}.{b} and again 10.0.{a}.{b}");
            let (out, reps) = redact(&t, &RedactConfig::session(), &[], &mut Mapping::default());
            prop_assert_eq!(reps.len(), 2);
            prop_assert_eq!(&reps[0].replacement, &reps[1].replacement);
            prop_assert_eq!(out, "192.0.2.1 and again 192.0.2.1");
        }
    }
}
