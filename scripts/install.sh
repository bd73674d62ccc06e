#!/bin/sh
# Installs the skillc release binary for this machine (Linux or macOS).
#
#   curl -fsSL https://raw.githubusercontent.com/skillc/skillc/main/scripts/install.sh | sh
#   curl -fsSL .../install.sh | sh -s -- 0.1.0        # a given version
#
# Environment:
#   SKILLC_VERSION       version to install (default: the first argument, else
#                        the latest release)
#   SKILLC_INSTALL_DIR   where to put the binary (default: $HOME/.local/bin)
#   SKILLC_DOWNLOAD_URL  folder holding one release's assets, in place of
#                        https://github.com/skillc/skillc/releases/download/vVERSION
#                        (a mirror; file:// works with curl)
#
# The archive's sha256 is checked against the release's sha256sums.txt; on a
# mismatch nothing is installed.
set -eu

repo_url=https://github.com/skillc/skillc

say() {
  printf 'skillc-install: %s\n' "$*" >&2
}

die() {
  say "$*"
  exit 1
}

# fetch URL FILE
fetch() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$2" "$1" || die "download failed: $1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1" || die "download failed: $1"
  else
    die "needs curl or wget"
  fi
}

# sha256 FILE: prints the file's hash.
sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d ' ' -f 1
  else
    die "needs sha256sum or shasum to verify the download"
  fi
}

detect_target() {
  os=$(uname -s)
  arch=$(uname -m)
  case "$os" in
    Linux) os=unknown-linux-musl ;;
    Darwin)
      os=apple-darwin
      # An x86_64 shell under Rosetta on Apple silicon: take the native binary.
      if [ "$arch" = x86_64 ] && [ "$(sysctl -n sysctl.proc_translated 2>/dev/null || true)" = 1 ]; then
        arch=arm64
      fi
      ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT)
      say "on Windows, download skillc-vVERSION-x86_64-pc-windows-msvc.zip from"
      say "$repo_url/releases, or run 'pip install skillc' or 'npx skillc'."
      exit 1
      ;;
    *) die "no release binary for $os; try 'pip install skillc' or 'cargo install skillc --locked'" ;;
  esac
  case "$arch" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) die "no release binary for $arch on $(uname -s); try 'pip install skillc' or 'cargo install skillc --locked'" ;;
  esac
  echo "$arch-$os"
}

# sum_line SUMS NAME [SUFFIX]: the "HASH NAME" line of a sha256sums file
# for NAME, or with SUFFIX the first whose name is NAME...SUFFIX
# (sha256sum's "*NAME" binary mark is dropped).
sum_line() {
  awk -v pre="$2" -v suf="${3:-}" '{
    n = $2; sub(/^\*/, "", n)
    if (suf == "" ? n == pre : (length(n) > length(pre) + length(suf) &&
        index(n, pre) == 1 && substr(n, length(n) - length(suf) + 1) == suf)) {
      print $1, n; exit
    }
  }' "$1"
}

main() {
  version=${SKILLC_VERSION:-${1:-latest}}
  version=${version#v}
  install_dir=${SKILLC_INSTALL_DIR:-${HOME:?HOME is not set}/.local/bin}
  target=$(detect_target)

  tmp=$(mktemp -d 2>/dev/null || mktemp -d -t skillc)
  trap 'rm -rf "$tmp"' EXIT
  trap 'exit 1' HUP INT TERM

  # The version is read from sha256sums.txt, which lists every asset by its
  # full name (skillc-vVERSION-TARGET.tar.gz): for "latest" it comes through
  # GitHub's releases/latest/download redirect, which needs no API call and
  # no parsing of redirect headers, and the assets are then taken from that
  # version's own folder so a release published meanwhile cannot mix in.
  if [ -n "${SKILLC_DOWNLOAD_URL:-}" ]; then
    base=${SKILLC_DOWNLOAD_URL%/}
    fetch "$base/sha256sums.txt" "$tmp/sha256sums.txt"
  elif [ "$version" = latest ]; then
    fetch "$repo_url/releases/latest/download/sha256sums.txt" "$tmp/sha256sums.txt"
  else
    base=$repo_url/releases/download/v$version
    fetch "$base/sha256sums.txt" "$tmp/sha256sums.txt"
  fi

  if [ "$version" = latest ]; then
    line=$(sum_line "$tmp/sha256sums.txt" skillc-v "-$target.tar.gz")
    [ -n "$line" ] || die "the latest release has no archive for $target"
    asset=${line#* }
    version=${asset#skillc-v}
    version=${version%-"$target".tar.gz}
    base=${base:-$repo_url/releases/download/v$version}
  else
    asset=skillc-v$version-$target.tar.gz
    line=$(sum_line "$tmp/sha256sums.txt" "$asset")
    [ -n "$line" ] || die "release v$version has no archive for $target"
  fi
  expected=${line%% *}

  say "downloading $base/$asset"
  fetch "$base/$asset" "$tmp/$asset"
  actual=$(sha256 "$tmp/$asset")
  if [ "$actual" != "$expected" ]; then
    die "checksum mismatch for $asset: expected $expected, got $actual; nothing installed"
  fi

  mkdir "$tmp/x"
  tar -xzf "$tmp/$asset" -C "$tmp/x" skillc || die "could not unpack skillc from $asset"
  chmod 755 "$tmp/x/skillc"
  "$tmp/x/skillc" --version >/dev/null 2>&1 || die "the downloaded skillc does not run on this machine"

  # Copied next to its destination, then renamed over it: a running or
  # half-written skillc is never seen at the final path.
  mkdir -p "$install_dir"
  cp "$tmp/x/skillc" "$install_dir/.skillc.$$"
  mv -f "$install_dir/.skillc.$$" "$install_dir/skillc"

  say "installed skillc $version to $install_dir/skillc"
  case ":$PATH:" in
    *":$install_dir:"*) ;;
    *)
      say "$install_dir is not on PATH; add it, for example:"
      say "  echo 'export PATH=\"$install_dir:\$PATH\"' >> ~/.profile"
      ;;
  esac
}

main "$@"
