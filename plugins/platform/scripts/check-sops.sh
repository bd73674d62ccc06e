#!/usr/bin/env bash
# check-sops.sh: Claude Code PreToolUse hook for the Bash tool.
#
# Blocks a `git commit` when a file that must be SOPS-encrypted would be
# committed in plaintext. The rules (skills/platform-bootstrap/references/
# sops.md) say these paths are always encrypted:
#   *.sops.yaml / *.sops.yml        anywhere (except the .sops.yaml config)
#   secrets/*.yaml / secrets/*.yml  directly inside any secrets/ directory
#   *.secret.yaml / *.secret.yml    anywhere
# A file counts as encrypted when its content to be committed (the staged
# blob, i.e. what `git diff --cached` adds; the working-tree file for
# tracked changes picked up by `git commit -a`) has a top-level `sops:` key
# and at least one `ENC[` value.
#
# Input: the hook JSON on stdin (tool_input.command, cwd); read with jq when
# it is installed, with a sed fallback otherwise.
# Exit: 0 allow, 2 block (stderr is shown to Claude).
set -euo pipefail

input=$(cat)

command_line=""
cwd=""
if command -v jq >/dev/null 2>&1; then
  command_line=$(printf '%s' "$input" | jq -r '.tool_input.command // empty' 2>/dev/null || true)
  cwd=$(printf '%s' "$input" | jq -r '.cwd // empty' 2>/dev/null || true)
else
  flat=$(printf '%s' "$input" | tr '\n' ' ')
  command_line=$(printf '%s' "$flat" \
    | sed -n -E 's/.*"command"[[:space:]]*:[[:space:]]*"(([^"\\]|\\.)*)".*/\1/p' | head -n 1)
  command_line=$(printf '%s' "$command_line" \
    | sed -e 's/\\"/"/g' -e 's/\\n/ /g' -e 's/\\t/ /g' -e 's/\\\\/\\/g')
  cwd=$(printf '%s' "$flat" \
    | sed -n -E 's/.*"cwd"[[:space:]]*:[[:space:]]*"(([^"\\]|\\.)*)".*/\1/p' | head -n 1)
fi

# Fast path: anything that is not a git commit passes untouched.
case "$command_line" in
  *git*commit*) ;;
  *) exit 0 ;;
esac
commit_re='(^|[;&|(`[:space:]])git(([[:space:]]+-[Cc][[:space:]]+[^[:space:]]+)|([[:space:]]+-[^[:space:]]+))*[[:space:]]+commit([[:space:]]|;|$)'
if ! printf '%s\n' "$command_line" | grep -Eq "$commit_re"; then
  exit 0
fi

strip_quotes() {
  local v="$1"
  v="${v#\"}"
  v="${v%\"}"
  v="${v#\'}"
  v="${v%\'}"
  case "$v" in
    \~) v="$HOME" ;;
    \~/*) v="$HOME/${v#\~/}" ;;
  esac
  printf '%s' "$v"
}

resolve() {
  # resolve $2 against base directory $1
  case "$2" in
    /*) printf '%s' "$2" ;;
    *) printf '%s/%s' "$1" "$2" ;;
  esac
}

target="${cwd:-$PWD}"
cd_dir=$(printf '%s\n' "$command_line" \
  | sed -n -E 's/^(.*[;&|(`[:space:]])?cd[[:space:]]+([^[:space:];&|)]+).*/\2/p' | head -n 1)
if [ -n "$cd_dir" ]; then
  target=$(resolve "$target" "$(strip_quotes "$cd_dir")")
fi
c_dir=$(printf '%s\n' "$command_line" \
  | sed -n -E 's/.*git[[:space:]]+-C[[:space:]]+([^[:space:];&|)]+).*/\1/p' | head -n 1)
if [ -n "$c_dir" ]; then
  target=$(resolve "$target" "$(strip_quotes "$c_dir")")
fi

if ! git -C "$target" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  exit 0
fi

commit_all=0
if printf '%s\n' "$command_line" \
  | grep -Eq 'commit([[:space:]]+[^[:space:]]+)*[[:space:]]+(-[A-Za-z]*a[A-Za-z]*|--all)([[:space:]]|;|$)'; then
  commit_all=1
fi

must_be_encrypted() {
  local path="$1"
  local base="${path##*/}"
  case "$base" in
    .sops.yaml | .sops.yml) return 1 ;;
  esac
  printf '%s\n' "$path" | grep -Eq '(^|/)secrets/[^/]+\.ya?ml$|\.secret\.ya?ml$|\.sops\.ya?ml$'
}

is_encrypted() {
  # $1: where the committed content comes from (staged|worktree), $2: path
  local content
  if [ "$1" = "staged" ]; then
    content=$(git -C "$target" show ":$2" 2>/dev/null || true)
  else
    content=$(cat "$target/$2" 2>/dev/null || true)
  fi
  printf '%s\n' "$content" | grep -q '^sops:' || return 1
  printf '%s\n' "$content" | grep -q 'ENC\[' || return 1
  return 0
}

offenders=()
worktree_checked=()

if [ "$commit_all" -eq 1 ]; then
  while IFS= read -r -d '' path; do
    worktree_checked+=("$path")
    if must_be_encrypted "$path" && ! is_encrypted worktree "$path"; then
      offenders+=("$path (modified, committed by -a)")
    fi
  done < <(git -C "$target" diff -z --name-only --diff-filter=ACMR)
fi

while IFS= read -r -d '' path; do
  if [ "${#worktree_checked[@]}" -gt 0 ]; then
    seen=0
    for done_path in "${worktree_checked[@]}"; do
      if [ "$done_path" = "$path" ]; then
        seen=1
        break
      fi
    done
    if [ "$seen" -eq 1 ]; then
      continue
    fi
  fi
  if must_be_encrypted "$path" && ! is_encrypted staged "$path"; then
    offenders+=("$path (staged)")
  fi
done < <(git -C "$target" diff --cached -z --name-only --diff-filter=ACMR)

if [ "${#offenders[@]}" -eq 0 ]; then
  exit 0
fi

{
  echo "Commit blocked by the platform plugin (check-sops): these files must be SOPS-encrypted before they are committed:"
  for entry in "${offenders[@]}"; do
    echo "  - $entry"
  done
  echo "A file is encrypted when it has a top-level 'sops:' key and ENC[...] values."
  echo "Encrypt each one in place, stage it again, then retry the commit:"
  for entry in "${offenders[@]}"; do
    file="${entry% (*}"
    printf "  sops --encrypt --in-place '%s' && git add '%s'\n" "$file" "$file"
  done
  echo "If a plaintext secret was ever committed or pushed, rotate it. Rules: references/sops.md of /platform:platform-bootstrap."
} >&2
exit 2
