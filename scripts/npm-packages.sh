#!/usr/bin/env bash
# Writes the npm packages for one release binary, ready for `npm pack` or
# `npm publish`:
#   OUTDIR/cli-OS-CPU/  the platform package @skillc/cli-OS-CPU with bin/skillc
#   OUTDIR/skillc/      the launcher package skillc, its version and its
#                       optionalDependencies set to VERSION
#
#   scripts/npm-packages.sh VERSION TARGET BINARY OUTDIR
#   scripts/npm-packages.sh 0.1.0 x86_64-unknown-linux-musl target/release/skillc dist/npm
#
# Run once per target into the same OUTDIR; the launcher package is the same
# each time.
set -euo pipefail

if [ "$#" -ne 4 ]; then
  echo "usage: $0 VERSION TARGET BINARY OUTDIR" >&2
  exit 2
fi
version=${1#v}
target=$2
binary=$3
outdir=$4
root=$(cd "$(dirname "$0")/.." && pwd)

if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$ ]]; then
  echo "npm-packages.sh: not a version: $version" >&2
  exit 2
fi
if [ ! -f "$binary" ]; then
  echo "npm-packages.sh: no binary at $binary" >&2
  exit 2
fi

# Rust target triple -> npm's os and cpu. The linux-gnu triples are accepted
# for local builds; releases ship the static musl ones.
exe=skillc
case "$target" in
  x86_64-unknown-linux-musl | x86_64-unknown-linux-gnu) os=linux cpu=x64 ;;
  aarch64-unknown-linux-musl | aarch64-unknown-linux-gnu) os=linux cpu=arm64 ;;
  x86_64-apple-darwin) os=darwin cpu=x64 ;;
  aarch64-apple-darwin) os=darwin cpu=arm64 ;;
  x86_64-pc-windows-msvc) os=win32 cpu=x64 exe=skillc.exe ;;
  *)
    echo "npm-packages.sh: no npm package for target $target" >&2
    exit 2
    ;;
esac

fill() {
  sed -e "s/@@VERSION@@/$version/g" -e "s/@@OS@@/$os/g" -e "s/@@CPU@@/$cpu/g" \
    -e "s/@@TARGET@@/$target/g" -e "s/@@EXE@@/$exe/g" "$1"
}

pkg="$outdir/cli-$os-$cpu"
rm -rf "$pkg"
mkdir -p "$pkg/bin"
fill "$root/npm/platform/package.json.tmpl" >"$pkg/package.json"
fill "$root/npm/platform/README.md.tmpl" >"$pkg/README.md"
cp "$binary" "$pkg/bin/$exe"
chmod 755 "$pkg/bin/$exe"

main="$outdir/skillc"
rm -rf "$main"
mkdir -p "$main/bin"
cp "$root/npm/skillc/README.md" "$main/README.md"
cp "$root/npm/skillc/bin/skillc.js" "$main/bin/skillc.js"
chmod 755 "$main/bin/skillc.js"
# The version of the package and of every platform package it depends on.
node -e '
  const fs = require("fs");
  const [src, dst, version] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(src, "utf8"));
  pkg.version = version;
  for (const name of Object.keys(pkg.optionalDependencies)) {
    pkg.optionalDependencies[name] = version;
  }
  fs.writeFileSync(dst, JSON.stringify(pkg, null, 2) + "\n");
' "$root/npm/skillc/package.json" "$main/package.json" "$version"

echo "$pkg"
echo "$main"
