#!/usr/bin/env bash
# Run every fuzz target (or those named) for SECONDS each, seeding the corpora
# from this repository's own plugins, and copy whatever crashes into
# fuzz/regressions/<target>/ so `cargo test` replays it from then on.
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#
#   bash scripts/fuzz.sh                 # every target, 300 s each
#   SECONDS_EACH=60 bash scripts/fuzz.sh markdown shell
set -euo pipefail
cd "$(dirname "$0")/.."
each="${SECONDS_EACH:-300}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(frontmatter yaml markdown shell json redact tree)
fi
seed() {
  local dir="fuzz/corpus/$1" pattern="$2" f
  mkdir -p "$dir"
  find plugins schemas -type f -name "$pattern" | while IFS= read -r f; do
    cp "$f" "$dir/$(printf '%s' "$f" | cksum | cut -d' ' -f1)"
  done
}
seed frontmatter '*.md'
seed markdown '*.md'
seed redact '*.md'
seed yaml '*.yaml'
seed shell '*.sh'
seed json '*.json'
mkdir -p fuzz/corpus/tree
status=0
for t in "${targets[@]}"; do
  echo "fuzz: $t for ${each}s" >&2
  mkdir -p "fuzz/artifacts/$t" "fuzz/regressions/$t"
  if ! cargo +nightly fuzz run -O "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$each" -rss_limit_mb=2048 -max_len=65536 -timeout=20 \
    -artifact_prefix="fuzz/artifacts/$t/"; then
    status=1
  fi
  for a in fuzz/artifacts/"$t"/*; do
    [ -f "$a" ] || continue
    cp "$a" "fuzz/regressions/$t/"
    echo "fuzz: $t: kept $(basename "$a") in fuzz/regressions/$t/" >&2
  done
done
exit "$status"
