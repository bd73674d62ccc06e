//! Cloud account and resource identifiers.

use super::*;

pub(super) fn cloud(text: &str, hits: &mut Vec<Hit>) {
    for m in
        crate::regex!(r"(?-u:\b)ocid1\.[a-z0-9]+\.[a-z0-9-]+\.[a-z0-9-]*\.[a-z0-9]{20,}(?-u:\b)")
            .find_iter(text)
    {
        push(hits, Kind::Cloud, "oci-ocid", text, m.range());
    }
    for c in
        crate::regex!(r"(?-u:\b)arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):").captures_iter(text)
    {
        let Some(acct) = c.get(1) else { continue };
        if matches!(
            acct.as_str(),
            "123456789012" | "000000000000" | "111122223333" | "444455556666"
        ) {
            continue;
        }
        push(hits, Kind::Cloud, "aws-account-id", text, acct.range());
    }
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
        let generic = v.starts_with("my")
            || v.contains("project")
            || v.contains("sample")
            || v.contains("demo")
            || v.contains("test");
        if !gcp || is_placeholder(v) || generic || PUBLIC_PROJECTS.contains(&v) {
            continue;
        }
        push(hits, Kind::Cloud, "gcp-project", text, id.range());
    }
    for c in crate::regex!(
        r"(?i)/subscriptions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
    )
    .captures_iter(text)
    {
        let Some(g) = c.get(1) else { continue };
        if g.as_str().chars().all(|c| c == '0' || c == '-') {
            continue;
        }
        push(hits, Kind::Cloud, "azure-subscription", text, g.range());
    }
}
