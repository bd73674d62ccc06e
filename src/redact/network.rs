//! Emails, IPv4 and IPv6 addresses and internal hostnames.

use super::*;

pub(super) fn emails(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
    let _ = cfg;
    let re = crate::regex!(
        r"(?-u:\b)[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?-u:\b)"
    );
    for c in re.captures_iter(text) {
        let (Some(all), Some(domain)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // `git@github.com:org/repo` is an SSH address, not an email.
        if text[all.end()..].starts_with(':') || all.as_str().starts_with("git@") {
            continue;
        }
        if is_example_domain(domain.as_str()) || all.as_str().starts_with('<') {
            continue;
        }
        push(hits, Kind::Email, "email", text, all.range());
    }
}

pub(super) fn ipv4(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
    // No digit.digit anywhere (most prose): nothing for the pattern below,
    // which has no literal to skip ahead with.
    let b = text.as_bytes();
    let dotted = text.match_indices('.').any(|(i, _)| {
        i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    });
    if !dotted {
        return;
    }
    let nets: Vec<(Ipv4Addr, u8)> = cfg
        .allow_networks
        .iter()
        .filter_map(|c| parse_cidr(c))
        .collect();
    let re = crate::regex!(r"(?-u:\b)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(/\d{1,2})?");
    for c in re.captures_iter(text) {
        let (Some(all), Some(last)) = (c.get(0), c.get(4)) else {
            continue;
        };
        let (s, e) = (all.start(), all.end());
        // Versions (`v1.2.3.4`, `image:1.2.3.4`) and longer dotted numbers are not addresses;
        // `http://10.0.0.1` and `host: 10.0.0.1` are.
        if s > 0 {
            let p = b[s - 1];
            let url_or_key = p == b':' && s >= 2 && matches!(b[s - 2], b'/' | b' ');
            if (p.is_ascii_alphanumeric() || matches!(p, b'.' | b':' | b'-' | b'_')) && !url_or_key
            {
                continue;
            }
        }
        if let Some(&n) = b.get(e) {
            let next_alnum = b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric);
            if (n == b'.' && b.get(e + 1).is_some_and(u8::is_ascii_digit))
                || ((n == b'-' || n == b'+') && next_alnum)
                || n.is_ascii_alphanumeric()
                || n == b'_'
            {
                continue;
            }
        }
        let Ok(ip) = text[s..last.end()].parse::<Ipv4Addr>() else {
            continue;
        };
        if c.get(5).is_some() {
            // A network, not a host: public ranges are public knowledge; a
            // private range is reported unless it is a listed notation.
            if cfg.allow_cidrs.iter().any(|a| a == all.as_str()) || !is_private_v4(ip) {
                continue;
            }
        }
        if ipv4_allowed(ip) || nets.iter().any(|(n, p)| in_net(ip, *n, *p)) {
            continue;
        }
        push(hits, Kind::Ipv4, "ipv4", text, s..last.end());
    }
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
        // File names (`values.local`), paths and emails are not hosts.
        let before = text[..all.start()].chars().next_back();
        if matches!(
            before,
            Some('@') | Some('/') | Some('.') | Some('$') | Some('{')
        ) && !denied
        {
            continue;
        }
        if host_allowed(host, cfg) && !denied {
            continue;
        }
        if text[all.end()..].starts_with(['(', '/']) && !denied {
            // `foo.local/` mid-path or a function call.
            if text[all.end()..].starts_with('(') {
                continue;
            }
        }
        // Code (`Environment.LOCAL`, `Icons.Default.Home`) is not a host name.
        if host.chars().any(|c| c.is_ascii_uppercase()) && !denied {
            continue;
        }
        let label = if denied {
            "denied-domain"
        } else if host.matches('.').count() == 1 {
            "generic-internal-host"
        } else {
            "internal-host"
        };
        push(hits, Kind::Host, label, text, all.range());
    }
}
