//! Whether an address identifies an environment, or only illustrates one.
//!
//! There is no documentation range for private networks (RFC 5737 covers
//! public addresses only), so tutorials write `10.0.0.1` and
//! `192.168.1.100`, and an address on its own says nothing: every RFC 1918
//! address is in use in millions of networks. An address identifies an
//! environment when it is paired with something that is not generic: a
//! real host name on its line, or a role in configuration (a `host:`,
//! `server:`, `endpoint`, `nodes:` key or flag, an ssh target, a URL or an
//! address with a port, an /etc/hosts line). Textbook addresses (below)
//! never identify one, except beside a real host name.

use super::context::{key_before, line_at, parent_key};
use super::{is_example_domain, is_placeholder_domain};
use std::net::Ipv4Addr;

/// Addresses every tutorial uses: the home-router and VPC example networks
/// (`192.168.0.x`, `.1.x`, `.10.x`, `.100.x`; `10.0.x.x`, `10.1.x.x` and
/// `10.10.x.x` with a third octet up to 10; `172.16-31.0.x`/`.1.x`), product default
/// networks (VirtualBox 192.168.56.0/24, libvirt 192.168.122.0/24,
/// minikube 192.168.49.0/24 and 192.168.99.0/24, macOS vmnet
/// 192.168.64.0/24), repeated octets (`10.10.10.10`), counting octets
/// (`1.2.3.4`, `10.20.30.40`), and the Kubernetes documentation's
/// `80.11.12.10`.
pub fn textbook_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, d] = ip.octets();
    let private = match (a, b) {
        (10, 0 | 1 | 10) => c <= 10,
        (172, 16..=31) => c <= 1,
        (192, 168) => [0, 1, 10, 100, 56, 122, 49, 99, 64].contains(&c),
        _ => false,
    };
    let o = [a, b, c, d].map(i16::from);
    let step = o[1] - o[0];
    let counting = [1, -1, 10].contains(&step) && o.windows(2).all(|w| w[1] - w[0] == step);
    private || (a == b && b == c && c == d) || counting || ip == Ipv4Addr::new(80, 11, 12, 10)
}

/// Key words that give an address a role in an environment.
const ENDPOINT_WORDS: &[&str] = &[
    "host",
    "hosts",
    "hostname",
    "server",
    "servers",
    "endpoint",
    "endpoints",
    "address",
    "addresses",
    "addr",
    "ip",
    "ips",
    "ipaddress",
    "node",
    "nodes",
    "master",
    "masters",
    "controller",
    "controllers",
    "controlplane",
    "apiserver",
    "gateway",
    "gw",
    "upstream",
    "upstreams",
    "backend",
    "backends",
    "peer",
    "peers",
    "target",
    "targets",
    "vip",
    "nameserver",
    "nameservers",
    "dns",
    "resolver",
    "proxy",
    "remote",
    "url",
    "uri",
    "bind",
    "listen",
    "advertise",
    "advertised",
    "dest",
    "destination",
    "ssh",
    "scp",
    "ping",
    "curl",
    "wget",
    "nc",
    "telnet",
    "nmap",
    "mosh",
    "rsync",
    "sftp",
    "dig",
    "traceroute",
    "mtr",
];

fn endpoint_key(words: &[String]) -> bool {
    words.iter().any(|w| {
        let w = w.trim_end_matches(|c: char| c.is_ascii_digit());
        ENDPOINT_WORDS.contains(&w)
    }) || words
        .iter()
        .any(|w| matches!(w.as_str(), "-n" | "-e" | "-h"))
}

/// Whether the address at `range` of `text` has a role in an environment:
/// an ssh target or URL host, a port, an endpoint key or flag (on its line
/// or as the YAML parent of its list item), or the start of an /etc/hosts
/// line.
pub(super) fn has_role(text: &str, range: std::ops::Range<usize>) -> bool {
    let b = text.as_bytes();
    let (s, e) = (range.start, range.end);
    let after_port = b.get(e) == Some(&b':') && b.get(e + 1).is_some_and(u8::is_ascii_digit);
    if after_port || (s > 0 && b[s - 1] == b'@') || text[..s].ends_with("://") {
        return true;
    }
    if key_before(text, s).is_some_and(|k| endpoint_key(&k)) {
        return true;
    }
    let line = line_at(text, s);
    let head = text[line.start..s].trim_start();
    let item = head.is_empty() || head == "- " || head.trim_end_matches(['"', '\'']) == "-";
    if item && parent_key(text, line.start).is_some_and(|k| endpoint_key(&k)) {
        return true;
    }
    // /etc/hosts: the address first, then names only.
    head.is_empty()
        && crate::regex!(r"^[ \t]+[a-z0-9][a-z0-9.-]*(?:[ \t]+[a-z0-9][a-z0-9.-]*)*[ \t]*(?:#.*)?$")
            .is_match(&text[e..line.end])
}

/// Top-level domains of real host names (a dotted word on another ending
/// is more likely code, `ip.addr`, or a file, `values.yaml`).
const TLDS: &[&str] = &[
    "com",
    "net",
    "org",
    "io",
    "dev",
    "app",
    "ai",
    "co",
    "cloud",
    "tech",
    "info",
    "biz",
    "me",
    "xyz",
    "us",
    "uk",
    "de",
    "fr",
    "nl",
    "eu",
    "ru",
    "jp",
    "cn",
    "in",
    "br",
    "au",
    "ca",
    "ch",
    "se",
    "no",
    "fi",
    "dk",
    "pl",
    "cz",
    "it",
    "es",
    "be",
    "at",
    "work",
    "site",
    "online",
    "space",
    "network",
    "host",
    "tools",
    "systems",
    "lan",
    "local",
    "internal",
    "home",
    "corp",
    "intranet",
    "private",
    "localdomain",
    "edu",
    "gov",
    "int",
    "mil",
];

/// Whether a real host name stands on the line of byte `pos`: a lower-case
/// dotted name on a known top-level domain, not an example or placeholder
/// domain, and not the value itself.
pub(super) fn real_host_on_line(text: &str, range: std::ops::Range<usize>) -> bool {
    let line = line_at(text, range.start);
    let re =
        crate::regex!(r"(?-u:\b)(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+([a-z]{2,13})(?-u:\b)");
    re.captures_iter(&text[line.clone()]).any(|c| {
        let (Some(m), Some(tld)) = (c.get(0), c.get(1)) else {
            return false;
        };
        let at = line.start + m.start();
        let prev = text[..at].chars().next_back();
        TLDS.contains(&tld.as_str())
            && !matches!(prev, Some('.' | '/' | '_' | '$' | '{' | '-'))
            && !text[line.start + m.end()..].starts_with(['(', '_'])
            && !is_example_domain(m.as_str())
            && !is_placeholder_domain(m.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_addresses() {
        for t in [
            "192.168.1.100",
            "192.168.0.1",
            "10.0.0.1",
            "10.0.1.0",
            "10.10.10.10",
            "172.16.0.1",
            "10.0.0.12",
            "192.168.56.10",
            "192.168.100.10",
            "1.2.3.4",
            "10.20.30.40",
            "80.11.12.10",
        ] {
            assert!(textbook_v4(t.parse().unwrap()), "{t}");
        }
        for r in [
            "192.168.3.20",
            "10.17.100.11",
            "10.0.30.163",
            "172.20.5.9",
            "45.33.32.156",
        ] {
            assert!(!textbook_v4(r.parse().unwrap()), "{r}");
        }
    }

    fn role(text: &str, ip: &str) -> bool {
        let s = text.find(ip).unwrap();
        has_role(text, s..s + ip.len())
    }

    #[test]
    fn roles() {
        for t in [
            "ssh root@10.17.1.2",
            "curl -k https://10.17.1.2/api",
            "bind 10.17.1.2:8006",
            "  host: \"10.17.1.2\"",
            "cozystack_api_server_host: \"10.17.1.2\"",
            "talosctl -n 10.17.1.2 get links",
            "nodes:\n  - 10.17.1.2\n",
            "10.17.1.2 db1 db1.lab\n",
            "Verified on node 10.17.1.2 today",
            "psql -h 10.17.1.2 -U app",
        ] {
            assert!(role(t, "10.17.1.2"), "{t}");
        }
        for t in [
            "X-Forwarded-For: 10.17.1.2",
            "ip.addr == 10.17.1.2",
            "The range ends at 10.17.1.2, see below.",
            "| Omni | 10.17.1.2 |",
            "10.17.1.2 is the gateway, unless told otherwise.",
            "static IP (e.g. \"10.17.1.2/25\")",
        ] {
            assert!(!role(t, "10.17.1.2"), "{t}");
        }
    }

    #[test]
    fn host_names_beside() {
        let on = |t: &str| {
            let s = t.find("10.17").unwrap();
            real_host_on_line(t, s..s + 9)
        };
        assert!(on("| Omni | 10.17.1.2 | omni.spaceships.work |"));
        assert!(on("pve.lab.home -> 10.17.1.2"));
        for t in [
            "web1.example.com ansible_host=10.17.1.2",
            "see values.yaml for 10.17.1.2",
            "ip.addr == 10.17.1.2",
            "db.company.com at 10.17.1.2",
        ] {
            assert!(!on(t), "{t}");
        }
    }
}
