//! Emails, IPv4 and IPv6 addresses and internal hostnames.

use super::context::in_bad_example;
use super::environment::{has_role, real_host_on_line, textbook_v4};
use super::*;
use std::collections::HashSet;

/// Everything shaped like an email: the local part and the domain.
fn email_re() -> &'static regex::Regex {
    crate::regex!(
        r"(?-u:\b)([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?-u:\b)"
    )
}

/// The byte ranges of everything shaped like an email in `text` (what the
/// email detector looks at, before it judges).
pub fn email_ranges(text: &str) -> Vec<Range<usize>> {
    email_re().find_iter(text).map(|m| m.range()).collect()
}

pub(super) fn emails(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
    for c in email_re().captures_iter(text) {
        let (Some(all), Some(local), Some(domain)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        // `git@github.com:org/repo` is an SSH address, not an email.
        if text[all.end()..].starts_with(':') || all.as_str().starts_with("git@") {
            continue;
        }
        if is_example_domain(domain.as_str())
            || is_placeholder_domain(domain.as_str())
            || all.as_str().starts_with('<')
            || role_mailbox(local.as_str())
            || placeholder_person(local.as_str())
        {
            continue;
        }
        if !cfg.session
            && (in_url(text, all.start()) || ssh_login(text, all.start(), local.as_str()))
        {
            continue;
        }
        push(hits, Kind::Email, "email", text, all.range());
    }
}

/// Words of mailboxes that belong to a function, not a person
/// (`support@`, `noreply@`, `data-team@`, `mcp-review@`): published to be
/// written to.
const ROLE_WORDS: &[&str] = &[
    "support",
    "help",
    "helpdesk",
    "info",
    "contact",
    "hello",
    "hi",
    "team",
    "security",
    "privacy",
    "abuse",
    "noreply",
    "donotreply",
    "notifications",
    "notification",
    "feedback",
    "sales",
    "press",
    "media",
    "legal",
    "admin",
    "administrator",
    "webmaster",
    "postmaster",
    "hostmaster",
    "ops",
    "devops",
    "sre",
    "oncall",
    "platform",
    "oss",
    "opensource",
    "ospo",
    "community",
    "maintainers",
    "developers",
    "partners",
    "partnerships",
    "bugs",
    "issues",
    "review",
    "reviews",
    "careers",
    "jobs",
    "billing",
    "accounts",
    "marketing",
    "office",
    "enquiries",
    "inquiries",
    "general",
    "alerts",
    "reports",
    "compliance",
    "dpo",
    "gdpr",
];

fn role_mailbox(local: &str) -> bool {
    let l = local.to_ascii_lowercase();
    l == "no-reply"
        || l == "do-not-reply"
        || l.split(['-', '.', '_', '+'])
            .any(|w| ROLE_WORDS.contains(&w))
}

/// Local parts that stand for anyone (`someone@`, `jane.doe@`, `first.last@`).
const PLACEHOLDER_PEOPLE: &[&str] = &[
    "someone",
    "somebody",
    "anyone",
    "friend",
    "them",
    "they",
    "me",
    "you",
    "your",
    "yourname",
    "user",
    "username",
    "name",
    "first",
    "last",
    "firstname",
    "lastname",
    "john",
    "jane",
    "doe",
    "johndoe",
    "janedoe",
    "jdoe",
    "alice",
    "bob",
    "carol",
    "dave",
    "eve",
    "mallory",
    "test",
    "tester",
    "foo",
    "bar",
    "baz",
    "example",
    "email",
    "nobody",
    "person",
    "human",
    "recipient",
    "sender",
    "customer",
    "employee",
    "member",
];

fn placeholder_person(local: &str) -> bool {
    let l = local.to_ascii_lowercase();
    l.split(['.', '_', '-', '+'])
        .all(|w| PLACEHOLDER_PEOPLE.contains(&w) || w.chars().all(|c| c.is_ascii_digit()))
        || l.starts_with("your")
}

/// `https://user:pass@host`: credentials of a URL, not an email.
fn in_url(text: &str, at: usize) -> bool {
    let line = super::context::line_at(text, at);
    let token_start = text[line.start..at]
        .rfind(|c: char| c.is_whitespace() || "\"'`(<[=".contains(c))
        .map_or(line.start, |i| line.start + i + 1);
    text[token_start..at].contains("://")
}

/// `ssh root@db1.acme.io`: a login on a host, not an email.
fn ssh_login(text: &str, at: usize, local: &str) -> bool {
    let line = super::context::line_at(text, at);
    let before = &text[line.start..at];
    matches!(
        local,
        "root" | "ubuntu" | "ec2-user" | "centos" | "debian" | "core" | "pi" | "fedora" | "rocky"
    ) || crate::regex!(r"(?-u:\b)(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id)(?-u:\b)").is_match(before)
}

/// An IPv4 literal that may be private data: its range, the address and
/// the prefix length when written as a network.
struct V4 {
    range: Range<usize>,
    ip: Ipv4Addr,
    prefix: Option<u8>,
}

/// IPv4 addresses that are not allowed outright. In a session (what
/// `skillc redact` reads) each is reported; in published text only those
/// that identify an environment (see [`super::environment`]), every
/// occurrence of them, and the private networks holding one.
pub(super) fn ipv4(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
    let found = v4_candidates(text, cfg);
    if cfg.session {
        for v in found {
            push(hits, Kind::Ipv4, "ipv4", text, v.range);
        }
        return;
    }
    let host_in = |v: &&V4| v.prefix.is_none();
    let mut env: HashSet<Ipv4Addr> = found
        .iter()
        .filter(host_in)
        .filter(|v| {
            real_host_on_line(text, v.range.clone())
                || (!textbook_v4(v.ip) && has_role(text, v.range.clone()))
        })
        .map(|v| v.ip)
        .collect();
    // Once the text shows a real environment, a textbook address with a
    // role in the same /24 is part of it.
    let net24 = |ip: Ipv4Addr| u32::from(ip) >> 8;
    let nets: HashSet<u32> = env.iter().map(|ip| net24(*ip)).collect();
    let more: Vec<Ipv4Addr> = found
        .iter()
        .filter(host_in)
        .filter(|v| {
            !env.contains(&v.ip) && nets.contains(&net24(v.ip)) && has_role(text, v.range.clone())
        })
        .map(|v| v.ip)
        .collect();
    env.extend(more);
    for v in found {
        let report = match v.prefix {
            None => env.contains(&v.ip),
            Some(p) => {
                real_host_on_line(text, v.range.clone())
                    || (p >= 16 && env.iter().any(|h| in_net(*h, v.ip, p)))
            }
        };
        if report {
            push(hits, Kind::Ipv4, "ipv4", text, v.range);
        }
    }
}

fn v4_candidates(text: &str, cfg: &RedactConfig) -> Vec<V4> {
    // No digit.digit anywhere (most prose): nothing for the pattern below,
    // which has no literal to skip ahead with.
    let b = text.as_bytes();
    let dotted = text.match_indices('.').any(|(i, _)| {
        i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    });
    if !dotted {
        return Vec::new();
    }
    let nets: Vec<(Ipv4Addr, u8)> = cfg
        .allow_networks
        .iter()
        .filter_map(|c| parse_cidr(c))
        .collect();
    let re = crate::regex!(r"(?-u:\b)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(/\d{1,2})?");
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let (Some(all), Some(last)) = (c.get(0), c.get(4)) else {
            continue;
        };
        let (s, e) = (all.start(), all.end());
        if !standalone(b, s, e) {
            continue;
        }
        let Ok(ip) = text[s..last.end()].parse::<Ipv4Addr>() else {
            continue;
        };
        // `10.1.2.3/24` is an interface's address, a host (and so are
        // `/32` and nonsense such as `/40`); `10.1.2.0/24` is a network.
        let prefix = c
            .get(5)
            .and_then(|p| p.as_str()[1..].parse::<u8>().ok())
            .filter(|p| *p < 32 && u32::from(ip) & (u32::MAX >> p) == 0);
        if prefix.is_some() {
            // A network, not a host: public ranges are public knowledge; a
            // private range is reported unless it is a listed notation.
            if cfg.allow_cidrs.iter().any(|a| a == all.as_str()) || !is_private_v4(ip) {
                continue;
            }
        }
        if ipv4_allowed(ip) || nets.iter().any(|(n, p)| in_net(ip, *n, *p)) {
            continue;
        }
        out.push(V4 {
            range: s..last.end(),
            ip,
            prefix,
        });
    }
    out
}

/// Whether `b[s..e]` stands alone: versions (`v1.2.3.4`, `image:1.2.3.4`,
/// `1.2.3.4-rc1`) and longer dotted numbers are not addresses;
/// `http://10.0.0.1` and `host: 10.0.0.1` are.
fn standalone(b: &[u8], s: usize, e: usize) -> bool {
    if s > 0 {
        let p = b[s - 1];
        let url_or_key = p == b':' && s >= 2 && matches!(b[s - 2], b'/' | b' ');
        if (p.is_ascii_alphanumeric() || matches!(p, b'.' | b':' | b'-' | b'_')) && !url_or_key {
            return false;
        }
    }
    if let Some(&n) = b.get(e) {
        let next_alnum = b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric);
        if (n == b'.' && b.get(e + 1).is_some_and(u8::is_ascii_digit))
            || ((n == b'-' || n == b'+') && next_alnum)
            || n.is_ascii_alphanumeric()
            || n == b'_'
        {
            return false;
        }
    }
    true
}

pub(super) fn ipv6(text: &str, hits: &mut Vec<Hit>) {
    // Every match holds two colons with at most four hex digits between
    // them. Prose and YAML (`key: value`, `https://`) have none; the pattern
    // below has no literal to skip ahead with and would try every colon.
    let b = text.as_bytes();
    let close_colons = text.match_indices(':').any(|(i, _)| {
        b[i + 1..]
            .iter()
            .take(5)
            .position(|&c| !c.is_ascii_hexdigit())
            .is_some_and(|k| b[i + 1 + k] == b':')
    });
    if !close_colons {
        return;
    }
    let re = crate::regex!(r"(?i)[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}");
    for m in re.find_iter(text) {
        let raw = m.as_str();
        let v = if raw.ends_with("::") {
            raw
        } else {
            raw.trim_end_matches(':')
        };
        let (s, e) = (m.start(), m.start() + v.len());
        if s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b':' || b[s - 1] == b'.') {
            continue;
        }
        if b.get(e)
            .is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'.')
        {
            continue;
        }
        // Timestamps (`12:30:45`) and MACs are not addresses: require a letter or `::`.
        if !v.contains("::") && !v.chars().any(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        if v.split(':').any(|g| g.len() == 2) && v.split(':').count() == 6 && !v.contains("::") {
            continue;
        }
        let Ok(ip) = v.parse::<Ipv6Addr>() else {
            continue;
        };
        if ipv6_allowed(ip) || v.len() < 6 {
            continue;
        }
        // A public prefix (`2606:4700::/32`) is public knowledge.
        let ula_or_local =
            (ip.segments()[0] & 0xfe00) == 0xfc00 || (ip.segments()[0] & 0xffc0) == 0xfe80;
        if text[e..].starts_with('/') && !ula_or_local {
            continue;
        }
        push(hits, Kind::Ipv6, "ipv6", text, s..e);
    }
}

pub(super) fn hosts(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
    // Only private suffixes and denied domains are reported: without either
    // in the text, the general host pattern (which matches every dotted
    // word) has nothing to find.
    static PRIVATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let re = format!(r"(?i)\.(?:{})(?-u:\b)", PRIVATE_SUFFIXES.join("|"));
        regex::Regex::new(&re).unwrap_or_else(|e| panic!("built-in pattern `{re}`: {e}"))
    });
    if cfg.deny_domains.is_empty() && !PRIVATE.is_match(text) {
        return;
    }
    let re = crate::regex!(
        r"(?i)(?-u:\b)(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+([a-z][a-z0-9-]{1,62})(?-u:\b)"
    );
    for c in re.captures_iter(text) {
        let (Some(all), Some(tld)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let host = all.as_str();
        let t = tld.as_str().to_ascii_lowercase();
        let denied = !cfg.deny_domains.is_empty() && {
            let h = host.to_ascii_lowercase();
            cfg.deny_domains
                .iter()
                .any(|d| under(&h, &d.to_ascii_lowercase()))
        };
        if !PRIVATE_SUFFIXES.contains(&t.as_str()) && !denied {
            continue;
        }
        // File names (`values.local`) and paths are not hosts, nor the tail
        // of a longer word (`_acme-challenge.lab.home`). An email's domain
        // is: the email, which is longer, wins when it is one.
        let before = text[..all.start()].chars().next_back();
        if matches!(before, Some('/' | '.' | '$' | '{' | '-' | '_')) && !denied {
            continue;
        }
        if !denied && (host_allowed(host, cfg) || is_placeholder_domain(host)) {
            continue;
        }
        // A function call (`config.local()`) or code (`Environment.LOCAL`,
        // `Icons.Default.Home`) is not a host name.
        if !denied
            && (text[all.end()..].starts_with('(') || host.chars().any(|c| c.is_ascii_uppercase()))
        {
            continue;
        }
        // One name on the suffix (`statsd.local`, `nas.home`, `cozy.local`)
        // names a service, not a network; a name shown as what not to do
        // is no leak. A session reports both.
        if !denied
            && !cfg.session
            && (host.matches('.').count() == 1 || in_bad_example(text, all.start()))
        {
            continue;
        }
        let label = if denied {
            "denied-domain"
        } else {
            "internal-host"
        };
        push(hits, Kind::Host, label, text, all.range());
    }
}
