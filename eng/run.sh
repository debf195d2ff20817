#!/usr/bin/env bash
# Runs the whole platform on this machine without Aspire or containers: local PostgreSQL and RabbitMQ
# (eng/infra.sh), then the four services and the gateway from their Release build output, configured
# with the same keys the Aspire app host injects. Prints the gateway URL, the operator key and a demo
# business's API key; Ctrl-C stops everything it started.
#
#   eng/run.sh [--no-build]
#
# Settings (environment): CP_GATEWAY_PORT (5100), CP_INTERNAL_SIGNING_KEY and CP_OPERATOR_KEY (random
# per run when unset), CP_START_TIMEOUT (180 s), OTEL_EXPORTER_OTLP_ENDPOINT (passed through), and the
# CP_PG_* / CP_RABBIT_* settings of eng/infra.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

usage() { sed -n '2,12s/^# \{0,1\}//p' "$0"; }
log() { printf 'run: %s\n' "$*"; }
die() { printf 'run: error: %s\n' "$*" >&2; exit 1; }

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; printf "run: error: unknown argument '%s'\n" "$arg" >&2; exit 2 ;;
  esac
done

PG_HOST="${CP_PG_HOST:-127.0.0.1}"
PG_PORT="${CP_PG_PORT:-5432}"
PG_USER="${CP_PG_USER:-customerplatform}"
PG_PASSWORD="${CP_PG_PASSWORD:-customerplatform}"
# TLS costs loopback connections a third of the services' CPU (bench/README.md); a remote server may want Require.
PG_SSL_MODE="${CP_PG_SSL_MODE:-Disable}"
RABBIT_HOST="${CP_RABBIT_HOST:-127.0.0.1}"
RABBIT_PORT="${CP_RABBIT_PORT:-5672}"
RABBIT_USER="${CP_RABBIT_USER:-customerplatform}"
RABBIT_PASSWORD="${CP_RABBIT_PASSWORD:-customerplatform}"
GATEWAY_PORT="${CP_GATEWAY_PORT:-5100}"
START_TIMEOUT="${CP_START_TIMEOUT:-180}"

# name, project folder, port, database
APPS=(
  "customers Customers 5101 customersdb"
  "feedback Feedback 5102 feedbackdb"
  "loyalty Loyalty 5103 loyaltydb"
  "standards Standards 5104 standardsdb"
  "gateway Gateway $GATEWAY_PORT gatewaydb"
)

urlencode() {
  local s=$1 out='' c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      [a-zA-Z0-9._~-]) out+=$c ;;
      *) printf -v c '%%%02X' "'$c"; out+=$c ;;
    esac
  done
  printf '%s' "$out"
}

# URL-safe random text of the given length.
random_key() { head -c 96 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=' | cut -c "1-$1"; }

port_in_use() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

declare -A PIDS=()
stopping=0

# Stops the apps this script started, and only those: SIGTERM (graceful shutdown), then SIGKILL after 15 s.
cleanup() {
  local status=$?
  trap '' INT TERM
  stopping=1
  if ((${#PIDS[@]} > 0)); then
    log "stopping ${!PIDS[*]}"
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    local deadline=$((SECONDS + 15))
    for pid in "${PIDS[@]}"; do
      while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    log "stopped"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$ROOT/eng/infra.sh" up

if ((build)); then
  log "building (Release)"
  dotnet build CustomerPlatform.Ci.slnf -c Release -nologo -v quiet || die "build failed"
fi

SIGNING_KEY="${CP_INTERNAL_SIGNING_KEY:-$(random_key 48)}"
OPERATOR_KEY="${CP_OPERATOR_KEY:-cpop_$(random_key 40)}"
MESSAGING="amqp://$(urlencode "$RABBIT_USER"):$(urlencode "$RABBIT_PASSWORD")@$RABBIT_HOST:$RABBIT_PORT/"

for app in "${APPS[@]}"; do
  read -r name project port _ <<<"$app"
  dll="$ROOT/src/$project/bin/Release/net10.0/CustomerPlatform.$project.dll"
  [[ -f "$dll" ]] || die "$dll not found: build first (eng/run.sh without --no-build)"
  ! port_in_use "$port" || die "port $port ($name) is already in use: is another eng/run.sh running?"
done

# Starts one app from its bin folder with the variables Aspire would inject; its output is prefixed
# with its name. $! is the app's own pid (the subshell execs dotnet); the prefixer is a process
# substitution that ignores Ctrl-C, so the apps' shutdown lines still show, and ends with their output.
start_app() {
  local name=$1 project=$2 port=$3 db=$4
  shift 4
  local dir="$ROOT/src/$project/bin/Release/net10.0"
  (
    cd "$dir"
    exec env \
      ASPNETCORE_URLS="http://127.0.0.1:$port" \
      OTEL_SERVICE_NAME="$name" \
      InternalAuth__SigningKey="$SIGNING_KEY" \
      "ConnectionStrings__$db=Host=$PG_HOST;Port=$PG_PORT;Database=$db;Username=$PG_USER;Password=$PG_PASSWORD;SSL Mode=$PG_SSL_MODE" \
      ConnectionStrings__messaging="$MESSAGING" \
      "$@" \
      dotnet "CustomerPlatform.$project.dll"
  ) > >(trap '' INT TERM; exec sed -u "s/^/[$name] /") 2>&1 &
  PIDS[$name]=$!
}

for app in "${APPS[@]}"; do
  read -r name project port db <<<"$app"
  extra=()
  if [[ $name == feedback ]]; then
    # Survey links in invitations start with the gateway's address (the page is served through it).
    extra=(Feedback__PublicBaseUrl="http://127.0.0.1:$GATEWAY_PORT")
  elif [[ $name == gateway ]]; then
    extra=(
      Platform__OperatorKey="$OPERATOR_KEY"
      services__customers__http__0=http://127.0.0.1:5101
      services__feedback__http__0=http://127.0.0.1:5102
      services__loyalty__http__0=http://127.0.0.1:5103
      services__standards__http__0=http://127.0.0.1:5104
    )
  fi
  log "starting $name on http://127.0.0.1:$port"
  start_app "$name" "$project" "$port" "$db" "${extra[@]}"
done

log "waiting for /health (up to ${START_TIMEOUT} s)"
deadline=$((SECONDS + START_TIMEOUT))
for app in "${APPS[@]}"; do
  read -r name _ port _ <<<"$app"
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null; do
    kill -0 "${PIDS[$name]}" 2>/dev/null || die "$name exited during start-up (see its [$name] lines above)"
    ((SECONDS < deadline)) || die "$name did not report healthy on http://127.0.0.1:$port/health within ${START_TIMEOUT} s"
    sleep 0.5
  done
done

GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
demo_key=""
response=$(curl -sS --max-time 10 -X POST "$GATEWAY/api/v1/businesses" \
  -H "Authorization: Bearer $OPERATOR_KEY" -H 'Content-Type: application/json' \
  -d '{"name":"Demo Bakery"}' -w '\n%{http_code}' 2>&1) || true
code=${response##*$'\n'}
body=${response%$'\n'*}
if [[ $code == 2?? ]]; then
  demo_key=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["apiKey"]["key"])' <<<"$body" 2>/dev/null) || demo_key=""
fi
[[ -n $demo_key ]] || log "warning: could not create the demo business (HTTP $code): $body"

cat <<EOF

  CustomerPlatform is running (Ctrl-C stops it)
    gateway        $GATEWAY
    operator key   $OPERATOR_KEY
    demo API key   ${demo_key:-(none)}

  export CP_API_KEY=${demo_key:-<api key>}    # then the walk-through in README.md

EOF

# Runs until Ctrl-C or SIGTERM (their traps exit through cleanup); if an app stops by itself, the
# rest are stopped too.
while :; do
  wait -n "${PIDS[@]}" && status=0 || status=$?
  for name in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
      unset "PIDS[$name]"
      log "$name exited (code $status): stopping the others"
    fi
  done
  exit 1
done
