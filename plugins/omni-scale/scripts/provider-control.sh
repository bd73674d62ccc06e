#!/usr/bin/env bash
# provider-control.sh: status, logs and restart of the Omni Proxmox
# infrastructure provider.
#
# The provider is managed as a Docker Compose service (not a systemd unit):
# service `omni-infra-provider-proxmox` in the Compose project
# /opt/omni-infra-provider-proxmox (compose.yaml, config.yaml, provider.env).
# Override with --dir/--service or PROVIDER_DIR/PROVIDER_SERVICE.
#
# Exit codes: 0 ok (status: the container is running), 1 the provider is not
# running or a command failed, 2 bad usage.
set -euo pipefail

dir="${PROVIDER_DIR:-/opt/omni-infra-provider-proxmox}"
service="${PROVIDER_SERVICE:-omni-infra-provider-proxmox}"
provider_id="${PROVIDER_ID:-proxmox}"

usage() {
  cat <<'EOF'
Usage: provider-control.sh [--restart] [--logs N | --raw] [--dir DIR] [--service NAME]

Manages the Omni Proxmox infrastructure provider running as a Docker Compose
service. Without options, prints the container state, the last error logged
and the provider's status in Omni.

Options:
  --restart       restart the service, then print the status (or the logs/raw
                  output when combined with --logs or --raw)
  --logs N        print the last N log lines (N a positive integer)
  --raw           print the raw JSON status from `docker compose ps`
  --dir DIR       Compose project directory
                  (default: $PROVIDER_DIR or /opt/omni-infra-provider-proxmox)
  --service NAME  Compose service name
                  (default: $PROVIDER_SERVICE or omni-infra-provider-proxmox)
  -h, --help      show this help

Environment: PROVIDER_DIR, PROVIDER_SERVICE, PROVIDER_ID (provider id in
Omni, default proxmox).
EOF
}

die_usage() {
  echo "provider-control.sh: $1" >&2
  usage >&2
  exit 2
}

restart=0
raw=0
logs_set=0
logs=""

while [ $# -gt 0 ]; do
  case "$1" in
    --restart)
      restart=1
      ;;
    --raw)
      raw=1
      ;;
    --logs)
      if [ $# -lt 2 ]; then
        die_usage "--logs needs a number of lines"
      fi
      logs_set=1
      logs="$2"
      shift
      ;;
    --logs=*)
      logs_set=1
      logs="${1#--logs=}"
      ;;
    --dir)
      if [ $# -lt 2 ] || [ -z "$2" ]; then
        die_usage "--dir needs a directory"
      fi
      dir="$2"
      shift
      ;;
    --service)
      if [ $# -lt 2 ] || [ -z "$2" ]; then
        die_usage "--service needs a name"
      fi
      service="$2"
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      die_usage "unknown argument: $1"
      ;;
  esac
  shift
done

if [ "$logs_set" -eq 1 ]; then
  case "$logs" in
    '' | *[!0-9]*)
      die_usage "--logs needs a positive integer (1-9999999), got '$logs'"
      ;;
  esac
  if [ "${#logs}" -gt 7 ] || [ "$logs" -lt 1 ]; then
    die_usage "--logs needs a positive integer (1-9999999), got '$logs'"
  fi
  logs=$((10#$logs))
fi
if [ "$logs_set" -eq 1 ] && [ "$raw" -eq 1 ]; then
  die_usage "--logs and --raw cannot be combined"
fi

if ! command -v docker >/dev/null 2>&1; then
  echo "provider-control.sh: docker is not installed on this host" >&2
  exit 1
fi

compose_file=""
for candidate in compose.yaml compose.yml docker-compose.yaml docker-compose.yml; do
  if [ -f "$dir/$candidate" ]; then
    compose_file="$dir/$candidate"
    break
  fi
done
if [ -z "$compose_file" ]; then
  echo "provider-control.sh: no compose file in $dir (set --dir or PROVIDER_DIR)" >&2
  exit 1
fi

dc() {
  docker compose -f "$compose_file" "$@"
}

if [ "$restart" -eq 1 ]; then
  echo "restarting $service ..." >&2
  dc restart "$service" >&2
fi

if [ "$raw" -eq 1 ]; then
  dc ps --all --format json "$service"
  exit 0
fi

if [ "$logs_set" -eq 1 ]; then
  dc logs --no-color --tail "$logs" "$service"
  exit 0
fi

echo "service:  $service"
echo "project:  $compose_file"
state=$(dc ps --all --format '{{.State}}' "$service" | head -n 1 || true)
status=$(dc ps --all --format '{{.Status}}' "$service" | head -n 1 || true)
echo "state:    ${state:-absent}"
echo "status:   ${status:-no container}"

last_error=$(dc logs --no-color --tail 500 "$service" 2>&1 | grep -E '"level":"(error|fatal)"' | tail -n 1 || true)
if [ -n "$last_error" ]; then
  echo "last error in the last 500 log lines:"
  printf '  %s\n' "$last_error"
else
  echo "last error: none in the last 500 log lines"
fi

if command -v omnictl >/dev/null 2>&1; then
  echo "omni:"
  if ! omnictl get infraproviderstatuses "$provider_id" 2>&1 | sed 's/^/  /'; then
    echo "  provider $provider_id is not registered or omnictl is not authenticated"
  fi
else
  echo "omni:     omnictl not installed; skipped the registration check"
fi

if [ "$state" = "running" ]; then
  exit 0
fi
exit 1
