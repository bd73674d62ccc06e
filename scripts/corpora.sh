#!/usr/bin/env bash
# Run skillc over the public marketplaces in ../shared/corpora (opt-in).
# Fails on a crash or an exit code of 2; prints each tree's summary.
set -uo pipefail
cd "$(dirname "$0")/.."
corpora=${1:-../shared/corpora}
if [ ! -d "$corpora" ]; then
  echo "no corpora at $corpora; nothing to do"
  exit 0
fi
cargo build --release --quiet || exit 1
status=0
for tree in "$corpora"/*/; do
  name=$(basename "$tree")
  out=$(./target/release/skillc check "$tree" --format concise 2>&1)
  rc=$?
  summary=$(printf '%s\n' "$out" | tail -n 1)
  printf '%-28s exit %s  %s\n' "$name" "$rc" "$summary"
  if [ "$rc" -ge 2 ]; then
    printf '%s\n' "$out" | tail -n 20
    status=1
  fi
done
# The opt-in tests: every tree runs, and the cozystack validator's checks are covered.
cargo test --quiet --test corpora -- --ignored || status=1
exit "$status"
