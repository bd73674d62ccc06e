//! Cloud account and resource identifiers.

use super::values::ascending_run;
use super::*;

pub(super) fn cloud(text: &str, hits: &mut Vec<Hit>) {
    oci_ocids(text, hits);
    aws_accounts(text, hits);
    gcp_projects(text, hits);
    azure_subscriptions(text, hits);
}

/// OCI OCIDs whose unique part is random (not `aaaa…`, `xxxx…`, a run).
fn oci_ocids(text: &str, hits: &mut Vec<Hit>) {
    for c in
        crate::regex!(r"(?-u:\b)ocid1\.[a-z0-9]+\.[a-z0-9-]+\.[a-z0-9-]*\.([a-z0-9]{20,})(?-u:\b)")
            .captures_iter(text)
    {
        let (Some(all), Some(unique)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if !is_placeholder(unique.as_str()) && entropy(unique.as_str()) >= 3.0 {
            push(hits, Kind::Cloud, "oci-ocid", text, all.range());
        }
    }
}

/// Whether a run of digits is made up: one digit repeated
/// (`000000000000`), a counting run (`123456789012`), or a block repeated
/// (`111122223333`, `123412341234`).
pub(super) fn fake_digits(d: &str) -> bool {
    let b = d.as_bytes();
    let counting = |step: i8| {
        b.windows(2)
            .all(|w| (w[1] as i8 - w[0] as i8 - step) % 10 == 0)
    };
    let blocks = (1..=4).any(|n| {
        b.len().is_multiple_of(n) && b.len() / n >= 2 && {
            let chunks: Vec<&[u8]> = b.chunks(n).collect();
            chunks.windows(2).all(|w| w[0] == w[1])
                || (n >= 2 && chunks.iter().all(|c| c.iter().all(|x| *x == c[0])))
        }
    });
    counting(1) || counting(-1) || blocks || ascending_run(d) >= 6
}

/// AWS account ids in ARNs, unless made up ([`fake_digits`]) or the
/// documentation's (`123456789012`, `111122223333`, `444455556666`).
fn aws_accounts(text: &str, hits: &mut Vec<Hit>) {
    for c in
        crate::regex!(r"(?-u:\b)arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):").captures_iter(text)
    {
        let Some(acct) = c.get(1) else { continue };
        if !fake_digits(acct.as_str()) {
            push(hits, Kind::Cloud, "aws-account-id", text, acct.range());
        }
    }
}

/// Words that make up descriptive project names (`my-project`,
/// `staging`, `prod-analytics`), which GCP project ids only resemble.
const PROJECT_WORDS: &[&str] = &[
    "my",
    "your",
    "our",
    "the",
    "project",
    "projects",
    "proj",
    "prj",
    "id",
    "name",
    "staging",
    "stage",
    "production",
    "prod",
    "dev",
    "development",
    "develop",
    "test",
    "testing",
    "qa",
    "uat",
    "sandbox",
    "demo",
    "sample",
    "example",
    "app",
    "application",
    "web",
    "api",
    "service",
    "services",
    "backend",
    "frontend",
    "data",
    "analytics",
    "default",
    "main",
    "shared",
    "common",
    "core",
    "platform",
    "infra",
    "infrastructure",
    "cloud",
    "gcp",
    "google",
    "company",
    "org",
    "team",
    "acme",
    "foo",
    "bar",
    "new",
    "old",
    "hello",
    "world",
    "host",
    "network",
    "security",
    "logging",
    "monitoring",
    "billing",
    "ml",
    "ai",
    "build",
    "ci",
    "cd",
    "ops",
    "devops",
    "site",
    "global",
    "central",
    "primary",
    "secondary",
    "local",
    "personal",
    "other",
    "target",
    "source",
    "destination",
    "dest",
    "src",
    "dst",
];

/// Whether `w` is one or more [`PROJECT_WORDS`] run together
/// (`myproject`, `prodanalytics`).
fn made_of_words(w: &str) -> bool {
    // ends[i]: w[..i] splits into words.
    let mut ends = vec![false; w.len() + 1];
    ends[0] = true;
    for i in 1..=w.len() {
        ends[i] = PROJECT_WORDS
            .iter()
            .any(|p| w[..i].ends_with(p) && ends[i - p.len()]);
    }
    ends[w.len()]
}

/// GCP projects in resource paths (`projects/<id>/locations/…`), unless
/// the id is made of descriptive words only ([`PROJECT_WORDS`], alone or
/// run together, and made-up numbers), a placeholder or a public image
/// project.
fn gcp_projects(text: &str, hits: &mut Vec<Hit>) {
    for c in crate::regex!(r"(?-u:\b)projects/([a-z][a-z0-9-]{4,28}[a-z0-9])(?:/|(?-u:\b))")
        .captures_iter(text)
    {
        let Some(id) = c.get(1) else { continue };
        let v = id.as_str();
        // Only GCP-shaped paths: `projects/<id>/locations|zones|…`.
        let rest = &text[id.end()..];
        let gcp = [
            "/locations/",
            "/zones/",
            "/regions/",
            "/global/",
            "/secrets/",
            "/topics/",
            "/subscriptions/",
            "/instances/",
            "/serviceAccounts/",
            "/datasets/",
            "/buckets/",
        ]
        .iter()
        .any(|s| rest.starts_with(s));
        const PUBLIC_PROJECTS: &[&str] = &[
            "ubuntu-os-cloud",
            "debian-cloud",
            "cos-cloud",
            "centos-cloud",
            "rhel-cloud",
            "rocky-linux-cloud",
            "windows-cloud",
            "fedora-coreos-cloud",
            "suse-cloud",
            "ubuntu-os-pro-cloud",
            "ml-images",
            "deeplearning-platform-release",
            "gce-uefi-images",
            "cloud-marketplace",
        ];
        // `my-project-12345` is a placeholder; `acme-prod-4471` has the
        // random digits GCP adds to a taken name.
        let words = v.split('-').all(|w| {
            made_of_words(w)
                || (w.chars().all(|c| c.is_ascii_digit()) && (w.len() < 2 || fake_digits(w)))
        });
        if !gcp || is_placeholder(v) || words || PUBLIC_PROJECTS.contains(&v) {
            continue;
        }
        push(hits, Kind::Cloud, "gcp-project", text, id.range());
    }
}

/// Azure subscription GUIDs in resource ids, unless made up (zeros, a
/// counting run, `12345678-1234-…`).
fn azure_subscriptions(text: &str, hits: &mut Vec<Hit>) {
    for c in crate::regex!(
        r"(?i)/subscriptions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
    )
    .captures_iter(text)
    {
        let Some(g) = c.get(1) else { continue };
        let hex: String = g.as_str().chars().filter(|c| *c != '-').collect();
        if is_placeholder(&hex) || entropy(&hex) < 3.0 {
            continue;
        }
        push(hits, Kind::Cloud, "azure-subscription", text, g.range());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_up_digits() {
        for d in [
            "123456789012",
            "000000000000",
            "111111111111",
            "111122223333",
            "444455556666",
            "123412341234",
            "987654321098",
            "210987654321",
        ] {
            assert!(fake_digits(d), "{d}");
        }
        for d in ["493817265012", "702118394455"] {
            assert!(!fake_digits(d), "{d}");
        }
    }
}
