#!/usr/bin/env bash
# Checks the ways skillc is installed, before a release, on this machine:
#   crate    cargo package --list holds what the build needs and no test trees;
#            the maturin sdist likewise
#   wheel    pip builds the wheel; a fresh venv installs it and runs skillc
#   npm      the launcher and this platform's package, packed, installed from
#            the tarballs and run with npx
#   install  scripts/install.sh against a local mirror of release assets made
#            as the release workflow makes them: one good, one corrupted
#
#   scripts/package-check.sh [crate|wheel|npm|install]...   (default: all)
#
# Needs cargo, python3 with pip and maturin, node with npm, curl. Temporary
# files go to one folder that is removed on exit. Set CARGO_BUILD_JOBS to
# limit parallel compilation.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
host=$(rustc -vV | sed -n 's/^host: //p')
target_dir=${CARGO_TARGET_DIR:-$root/target}
clean=tests/fixtures/clean         # exit 0
defective=tests/fixtures/defective # exit 1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

steps=("$@")
[ "${#steps[@]}" -gt 0 ] || steps=(crate wheel npm install)

fail() {
  echo "package-check: FAIL: $*" >&2
  exit 1
}

# expect_exit CODE COMMAND...: runs the command and checks its exit code.
expect_exit() {
  local want=$1 got=0
  shift
  "$@" >"$work/out" 2>&1 || got=$?
  if [ "$got" != "$want" ]; then
    cat "$work/out" >&2
    fail "'$*' exited $got, expected $want"
  fi
}

release_binary() {
  cargo build --release --locked --quiet >&2
  echo "$target_dir/release/skillc"
}

check_crate() {
  local list="$work/package-list"
  # Packaging (without the verify build, which the release workflow's
  # `cargo publish --dry-run` does) shows cargo's warnings; --list does not.
  cargo package --locked --allow-dirty --no-verify --target-dir "$work/package" 2>"$work/package-err" ||
    { cat "$work/package-err" >&2; fail "cargo package"; }
  if grep -i warning "$work/package-err"; then
    fail "cargo package warns (above)"
  fi
  cargo package --locked --allow-dirty --list >"$list"
  for need in Cargo.toml Cargo.lock README.md src/main.rs src/lib.rs \
    schemas/plugin.schema.json schemas/marketplace.schema.json benches/check.rs; do
    grep -qx "$need" "$list" || fail "the crate lacks $need"
  done
  # Integration test sources are in (cargo warns about each one left out),
  # the data they read is not.
  local unwanted
  unwanted=$(awk '/^(target|fuzz|plugins|npm|scripts|\.github)\// || /\.snap$/ || (/^tests\// && !/\.rs$/)' "$list")
  [ -z "$unwanted" ] || fail "the crate holds files users do not need: $unwanted"
  echo "crate: $(wc -l <"$list") files"

  maturin sdist --out "$work/sdist" >/dev/null 2>&1 || fail "maturin sdist"
  local sdist
  sdist="$work/sdist/skillc-$version.tar.gz"
  # The sdist holds what the crate holds, plus pyproject.toml and PKG-INFO.
  unwanted=$(tar -tzf "$sdist" | sed "s|^skillc-$version/||" |
    awk '/^(target|fuzz|plugins|npm|scripts|\.github)\// || /\.snap$/ || (/^tests\// && !/\.rs$/)')
  [ -z "$unwanted" ] || fail "the sdist holds files users do not need: $unwanted"
  local size
  size=$(wc -c <"$sdist")
  [ "$size" -lt 2000000 ] || fail "the sdist is $size bytes"
  echo "sdist: $(tar -tzf "$sdist" | wc -l) files, $size bytes"
}

check_wheel() {
  local start=$SECONDS
  pip wheel . --no-deps --quiet -w "$work/wheels" || fail "pip wheel"
  echo "wheel: built in $((SECONDS - start)) s"
  start=$SECONDS
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet "$work"/wheels/skillc-"$version"-*.whl || fail "pip install"
  echo "wheel: venv and install in $((SECONDS - start)) s"
  "$work/venv/bin/skillc" --version | grep -qF "$version" || fail "skillc --version from the venv"
  expect_exit 0 "$work/venv/bin/skillc" check "$clean"
  expect_exit 1 "$work/venv/bin/skillc" check "$defective"
  echo "wheel: skillc $version runs from the venv"
}

check_npm() {
  local binary
  binary=$(release_binary)
  bash scripts/npm-packages.sh "$version" "$host" "$binary" "$work/npm" >/dev/null
  mkdir -p "$work/packs" "$work/try"
  for dir in "$work"/npm/*/; do
    (cd "$work/packs" && npm pack --silent "$dir" >/dev/null)
  done
  local start=$SECONDS
  (
    cd "$work/try"
    npm init -y >/dev/null
    npm install --silent --no-audit --no-fund --offline "$work"/packs/skillc-cli-*.tgz "$work/packs/skillc-$version.tgz"
  ) || fail "npm install of the tarballs"
  echo "npm: installed from the tarballs in $((SECONDS - start)) s"
  (
    cd "$work/try"
    npx --no-install skillc --version | grep -qF "$version" || fail "npx skillc --version"
    expect_exit 0 npx --no-install skillc check "$root/$clean"
    expect_exit 1 npx --no-install skillc check "$root/$defective"
    expect_exit 2 npx --no-install skillc check "$work/no-such-dir"
    # A binary killed by SIGPIPE kills the launcher the same way.
    local status=0
    # shellcheck disable=SC2016 # $$ is the child shell's
    SKILLC_BINARY=/bin/sh ./node_modules/.bin/skillc -c 'kill -s PIPE $$' || status=$?
    [ "$status" = 141 ] || fail "the launcher turned SIGPIPE into exit $status"
  )
  echo "npm: npx skillc runs and exits as the binary does"
}

# The asset name install.sh asks for on this machine (a local linux-gnu
# build stands in for the release's musl binary).
mirror_target() {
  local arch
  arch=$(uname -m)
  case "$arch" in
    amd64) arch=x86_64 ;;
    arm64) arch=aarch64 ;;
  esac
  case "$(uname -s)" in
    Linux) echo "$arch-unknown-linux-musl" ;;
    Darwin) echo "$arch-apple-darwin" ;;
    *) fail "install.sh is for Linux and macOS" ;;
  esac
}

# mirror DIR: release assets for this machine, as the release workflow
# makes them.
mirror() {
  local dir=$1 binary target asset
  binary=$(release_binary)
  target=$(mirror_target)
  asset="skillc-v$version-$target.tar.gz"
  mkdir -p "$dir"
  tar -C "$(dirname "$binary")" -czf "$dir/$asset" skillc
  (
    cd "$dir"
    if command -v sha256sum >/dev/null; then
      sha256sum "$asset" >"$asset.sha256"
    else
      shasum -a 256 "$asset" >"$asset.sha256"
    fi
    cat ./*.sha256 >sha256sums.txt
  )
}

check_install() {
  mirror "$work/mirror"
  local start=$SECONDS
  SKILLC_DOWNLOAD_URL="file://$work/mirror" SKILLC_INSTALL_DIR="$work/bin" \
    sh scripts/install.sh "$version" 2>"$work/install-log" ||
    { cat "$work/install-log" >&2; fail "install.sh $version"; }
  echo "install: installed in $((SECONDS - start)) s"
  "$work/bin/skillc" --version | grep -qF "$version" || fail "the installed skillc does not run"
  rm -rf "${work:?}/bin"

  # "latest" reads the version from sha256sums.txt.
  SKILLC_DOWNLOAD_URL="file://$work/mirror" SKILLC_INSTALL_DIR="$work/bin" \
    sh scripts/install.sh 2>"$work/install-log" ||
    { cat "$work/install-log" >&2; fail "install.sh (latest)"; }
  grep -qF "installed skillc $version" "$work/install-log" || fail "install.sh (latest) did not find $version"

  # A corrupted checksum: refused, nothing installed.
  cp -R "$work/mirror" "$work/bad"
  awk '{ c = substr($1, 1, 1); print (c == "0" ? "1" : "0") substr($1, 2) "  " $2 }' \
    "$work/mirror/sha256sums.txt" >"$work/bad/sha256sums.txt"
  if cmp -s "$work/mirror/sha256sums.txt" "$work/bad/sha256sums.txt"; then
    fail "could not corrupt the checksum"
  fi
  if SKILLC_DOWNLOAD_URL="file://$work/bad" SKILLC_INSTALL_DIR="$work/bad-bin" \
    sh scripts/install.sh "$version" 2>"$work/install-log"; then
    fail "install.sh accepted a wrong checksum"
  fi
  grep -q "checksum mismatch" "$work/install-log" || { cat "$work/install-log" >&2; fail "no checksum message"; }
  [ ! -e "$work/bad-bin" ] || [ -z "$(ls -A "$work/bad-bin")" ] || fail "install.sh left files after a mismatch"
  echo "install: good mirror installs, corrupted checksum refused"
}

for step in "${steps[@]}"; do
  case "$step" in
    crate) check_crate ;;
    wheel) check_wheel ;;
    npm) check_npm ;;
    install) check_install ;;
    *) fail "unknown step $step (crate, wheel, npm, install)" ;;
  esac
done
echo "package-check: all passed (${steps[*]})"
