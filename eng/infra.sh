#!/usr/bin/env bash
# Local infrastructure for CustomerPlatform without containers: PostgreSQL and RabbitMQ from Debian's
# packages, installed and started when missing, with the role, databases and broker user the services
# and tests expect.
#
#   eng/infra.sh up       install (if needed), start and provision; fast when everything is already up
#   eng/infra.sh status   report, change nothing (exit 0 only when both are ready)
#   eng/infra.sh down     stop both local servers
#   eng/infra.sh install  only install the missing packages (an image build step)
#
# Chromium (Debian's chromium, /usr/bin/chromium) is installed too: the end-to-end tests drive it headless
# through Playwright, which is told never to download a browser of its own.
#
# Settings (environment): CP_PG_HOST, CP_PG_PORT, CP_PG_USER, CP_PG_PASSWORD, CP_RABBIT_HOST,
# CP_RABBIT_PORT, CP_RABBIT_MANAGEMENT_PORT, CP_RABBIT_USER, CP_RABBIT_PASSWORD.
# Servers are installed, started and provisioned only when their host is this machine; a remote
# server is checked, never changed.
set -euo pipefail

PG_HOST="${CP_PG_HOST:-127.0.0.1}"
PG_PORT="${CP_PG_PORT:-5432}"
PG_USER="${CP_PG_USER:-customerplatform}"
PG_PASSWORD="${CP_PG_PASSWORD:-customerplatform}"
RABBIT_HOST="${CP_RABBIT_HOST:-127.0.0.1}"
RABBIT_PORT="${CP_RABBIT_PORT:-5672}"
RABBIT_MGMT_PORT="${CP_RABBIT_MANAGEMENT_PORT:-15672}"
RABBIT_USER="${CP_RABBIT_USER:-customerplatform}"
RABBIT_PASSWORD="${CP_RABBIT_PASSWORD:-customerplatform}"
DATABASES=(customersdb feedbackdb loyaltydb standardsdb gatewaydb)

log() { printf 'infra: %s\n' "$*"; }
die() { printf 'infra: error: %s\n' "$*" >&2; exit 1; }

is_local() { [[ "$1" == 127.* || "$1" == localhost || "$1" == ::1 ]]; }

as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@" 9>&-
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@" 9>&-
  else
    die "'$*' needs root: run as root or install sudo"
  fi
}

# psql as the postgres OS user over the local socket (peer authentication); cd / so it does not
# complain about a working directory it cannot read.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@" 9>&-)
  else
    (cd / && sudo -u postgres "$@" 9>&-)
  fi
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* yourself"
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  log "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || die "apt-get install $* failed"
}

# Polls "$@" every half second until it succeeds or $1 seconds pass.
wait_for() {
  local seconds=$1
  shift
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

tcp_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# ---------------------------------------------------------------- PostgreSQL

pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2 >/dev/null 2>&1; }

db_array_sql() {
  local list
  list=$(printf ",'%s'" "${DATABASES[@]}")
  printf 'ARRAY[%s]' "${list:1}"
}

# True when our role logs in with its password over TCP, may create databases and owns all five.
pg_provisioned() {
  local sql out
  sql="SELECT r.rolcreatedb AND (SELECT count(*) FROM pg_database d WHERE d.datname = ANY($(db_array_sql)) AND d.datdba = r.oid) = ${#DATABASES[@]} FROM pg_roles r WHERE r.rolname = current_user"
  out=$(PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=3 psql -X -q -A -t -h "$PG_HOST" -p "$PG_PORT" \
    -U "$PG_USER" -d postgres -c "$sql" 2>/dev/null) || return 1
  [[ "$out" == t ]]
}

pg_install() {
  if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || ! command -v psql >/dev/null 2>&1; then
    apt_install postgresql
  fi
  if [[ -z "$(pg_lsclusters -h 2>/dev/null)" ]]; then
    local version
    version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n1)
    log "creating PostgreSQL cluster $version/main"
    as_root pg_createcluster "$version" main >/dev/null || die "pg_createcluster failed"
  fi
}

pg_start() {
  log "starting PostgreSQL"
  as_root service postgresql start >/dev/null || die "service postgresql start failed (see /var/log/postgresql/)"
  if ! wait_for 30 pg_ready; then
    local ports
    ports=$(pg_lsclusters -h 2>/dev/null | awk '{printf "%s%s/%s on port %s (%s)", sep, $1, $2, $3, $4; sep=", "}')
    die "PostgreSQL did not accept connections on $PG_HOST:$PG_PORT within 30 s; local clusters: ${ports:-none} (set CP_PG_PORT, or see /var/log/postgresql/)"
  fi
}

pg_provision() {
  log "provisioning PostgreSQL role '$PG_USER' and databases ${DATABASES[*]}"
  # \gexec runs each generated statement on its own: CREATE DATABASE cannot run inside a transaction.
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres \
    -v user="$PG_USER" -v password="$PG_PASSWORD" >/dev/null <<SQL || die "could not create the role or databases"
SELECT format('CREATE ROLE %I', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'user') FROM unnest($(db_array_sql)) AS d
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', d, :'user') FROM unnest($(db_array_sql)) AS d \gexec
SQL
  pg_provisioned || die "PostgreSQL: '$PG_USER' cannot log in with its password over $PG_HOST:$PG_PORT (check pg_hba.conf: host ... 127.0.0.1/32 scram-sha-256)"
}

pg_up() {
  if pg_ready && pg_provisioned; then
    log "PostgreSQL ready on $PG_HOST:$PG_PORT"
    return
  fi
  is_local "$PG_HOST" || die "PostgreSQL on $PG_HOST:$PG_PORT is not reachable as '$PG_USER' with its databases (a remote server is not provisioned by this script)"
  pg_install
  pg_ready || pg_start
  pg_provision
  log "PostgreSQL ready on $PG_HOST:$PG_PORT"
}

# ---------------------------------------------------------------- RabbitMQ

MGMT_URL="http://$RABBIT_HOST:$RABBIT_MGMT_PORT"

mgmt_get() { curl -fsS --max-time 3 -u "$RABBIT_USER:$RABBIT_PASSWORD" "$MGMT_URL$1" 2>/dev/null; }

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

# True when AMQP accepts connections and the management API knows our user as an administrator with
# full permissions on the default vhost.
rabbit_provisioned() {
  tcp_open "$RABBIT_HOST" "$RABBIT_PORT" || return 1
  mgmt_get /api/whoami | grep -q '"administrator"' || return 1
  local user
  user=$(urlencode "$RABBIT_USER")
  mgmt_get "/api/permissions/%2F/$user" | grep -q '"configure":"\.\*","write":"\.\*","read":"\.\*"'
}

mgmt_answers() { curl -fsS --max-time 3 -o /dev/null "$MGMT_URL/api/overview" 2>/dev/null || [[ $? -eq 22 ]]; }

rabbit_install() {
  [[ -x /usr/sbin/rabbitmq-server ]] || apt_install rabbitmq-server
  # The node is named rabbit@<short host name>, which has to resolve or the broker does not start.
  if ! getent hosts "$(hostname -s)" >/dev/null 2>&1 && ! grep -qs '^NODENAME=' /etc/rabbitmq/rabbitmq-env.conf; then
    log "host name '$(hostname -s)' does not resolve: naming the RabbitMQ node rabbit@localhost"
    echo 'NODENAME=rabbit@localhost' | as_root tee -a /etc/rabbitmq/rabbitmq-env.conf >/dev/null
  fi
}

rabbit_running() { tcp_open "$RABBIT_HOST" "$RABBIT_PORT"; }

rabbit_enable_management() {
  grep -qs rabbitmq_management /etc/rabbitmq/enabled_plugins && return
  log "enabling the rabbitmq_management plugin"
  if rabbit_running; then
    as_root rabbitmq-plugins enable rabbitmq_management >/dev/null || die "rabbitmq-plugins enable failed"
  else
    as_root rabbitmq-plugins enable --offline rabbitmq_management >/dev/null || die "rabbitmq-plugins enable failed"
  fi
}

rabbit_start() {
  log "starting RabbitMQ"
  # The init script waits for the node itself, for up to 10 minutes: bound it.
  as_root timeout 120 service rabbitmq-server start >/dev/null \
    || die "service rabbitmq-server start failed (see /var/log/rabbitmq/)"
  as_root rabbitmqctl -q await_startup --timeout 60 >/dev/null || die "RabbitMQ did not finish starting (see /var/log/rabbitmq/)"
}

rabbit_provision() {
  log "provisioning RabbitMQ user '$RABBIT_USER'"
  if as_root rabbitmqctl -q list_users | awk '{print $1}' | grep -qxF "$RABBIT_USER"; then
    as_root rabbitmqctl -q change_password "$RABBIT_USER" "$RABBIT_PASSWORD" >/dev/null
  else
    as_root rabbitmqctl -q add_user "$RABBIT_USER" "$RABBIT_PASSWORD" >/dev/null
  fi || die "could not create the RabbitMQ user"
  as_root rabbitmqctl -q set_user_tags "$RABBIT_USER" administrator >/dev/null || die "could not tag the RabbitMQ user"
  as_root rabbitmqctl -q set_permissions -p / "$RABBIT_USER" '.*' '.*' '.*' >/dev/null || die "could not grant permissions on vhost /"
}

rabbit_up() {
  if rabbit_provisioned; then
    log "RabbitMQ ready on $RABBIT_HOST:$RABBIT_PORT (management $MGMT_URL)"
    return
  fi
  is_local "$RABBIT_HOST" || die "RabbitMQ on $RABBIT_HOST is not reachable as '$RABBIT_USER' with management on $MGMT_URL (a remote server is not provisioned by this script)"
  rabbit_install
  rabbit_enable_management
  rabbit_running || rabbit_start
  wait_for 60 mgmt_answers || die "the RabbitMQ management API did not answer on $MGMT_URL within 60 s"
  rabbit_provision
  wait_for 10 rabbit_provisioned || die "RabbitMQ: '$RABBIT_USER' cannot use the management API on $MGMT_URL"
  log "RabbitMQ ready on $RABBIT_HOST:$RABBIT_PORT (management $MGMT_URL)"
}

# ---------------------------------------------------------------- commands

# Serialises concurrent callers (eng/run.sh and eng/test.sh started together).
take_lock() {
  { exec 9>"${TMPDIR:-/tmp}/customerplatform-infra-$EUID.lock"; } 2>/dev/null || return 0
  flock -w 300 9 || die "another eng/infra.sh has held the lock for 5 minutes"
}

# The browser the public survey page's end-to-end test drives; installed here so a fresh machine's test command has it.
browser_install() {
  command -v chromium >/dev/null 2>&1 || apt_install chromium
}

# Debian's python3 with python3-pika: the Loyalty tests prove the third-party AMQP contract and the webhook
# signature docs from non-.NET clients (consumer.py, receiver.py).
third_party_client_install() {
  /usr/bin/python3 -c 'import pika' >/dev/null 2>&1 || apt_install python3 python3-pika
}

cmd_up() {
  take_lock
  browser_install
  third_party_client_install
  pg_up
  rabbit_up
}

cmd_install() {
  take_lock
  if is_local "$PG_HOST"; then pg_install; fi
  if is_local "$RABBIT_HOST"; then rabbit_install; fi
  browser_install
  third_party_client_install
  log "PostgreSQL, RabbitMQ, Chromium and python3-pika are installed"
}

cmd_status() {
  local rc=0
  if pg_ready && pg_provisioned; then log "PostgreSQL: ready on $PG_HOST:$PG_PORT"
  elif pg_ready; then log "PostgreSQL: running, not provisioned for '$PG_USER'"; rc=1
  else log "PostgreSQL: down"; rc=1; fi
  if rabbit_provisioned; then log "RabbitMQ: ready on $RABBIT_HOST:$RABBIT_PORT (management $MGMT_URL)"
  elif rabbit_running; then log "RabbitMQ: running, not provisioned for '$RABBIT_USER'"; rc=1
  else log "RabbitMQ: down"; rc=1; fi
  return $rc
}

cmd_down() {
  if is_local "$RABBIT_HOST" && [[ -x /etc/init.d/rabbitmq-server ]]; then
    log "stopping RabbitMQ"
    as_root service rabbitmq-server stop >/dev/null || true
  fi
  if is_local "$PG_HOST" && [[ -x /etc/init.d/postgresql ]]; then
    log "stopping PostgreSQL"
    as_root service postgresql stop >/dev/null || true
  fi
}

case "${1:-}" in
  up) cmd_up ;;
  install) cmd_install ;;
  status) cmd_status ;;
  down) cmd_down ;;
  *) echo "usage: $0 up|status|down|install" >&2; exit 2 ;;
esac
