#!/usr/bin/env bash
# Starts a throw-away RabbitMQ broker (AMQP 0-9-1, the Hub Santé's protocol) for the tests and the training
# environment, the same way scripts/start-test-postgres.sh starts PostgreSQL.
#
# Usage:
#   eval "$(bash scripts/start-test-rabbitmq.sh)"          # starts it, exports SAS_TEST_AMQP_URL and SAS_TEST_AMQP_DATA
#   bash scripts/start-test-rabbitmq.sh stop "$SAS_TEST_AMQP_DATA"   # stops it and deletes its files
#   bash scripts/start-test-rabbitmq.sh pause|resume "$SAS_TEST_AMQP_DATA"   # an outage: the broker stops serving
#     (connections cut, port closed) then comes back on the same port with its durable queues and persistent messages
#
# It installs nothing: it needs Debian's broker (`apt-get install -y rabbitmq-server`). There is no systemd on these
# machines, so the broker runs in the foreground of a background job, with every directory in a temporary folder
# owned by the `rabbitmq` user (Debian's wrapper drops root to that user). `guest` may connect from loopback only,
# which is all the tests use. stdout carries only shell assignments (for `eval`); progress goes to stderr.
set -euo pipefail

log() { echo "start-test-rabbitmq: $*" >&2; }
fail() { log "ERREUR: $*"; exit 1; }

command -v rabbitmq-server >/dev/null 2>&1 \
  || fail "RabbitMQ n'est pas installé. Installez-le avec: apt-get install -y rabbitmq-server"

ctl() { HOME="$base" rabbitmqctl -n "$node" "$@"; }

if [[ "${1:-}" == "stop" ]]; then
  base="${2:-${SAS_TEST_AMQP_DATA:-}}"
  [[ -n "$base" && -f "$base/node" ]] || fail "dossier du broker de test introuvable: '${base}'"
  node="$(cat "$base/node")"
  ctl stop >/dev/null 2>&1 || true
  rm -rf -- "$base"
  log "broker arrêté, $base supprimé"
  exit 0
fi

if [[ "${1:-}" == "pause" || "${1:-}" == "resume" ]]; then
  base="${2:-${SAS_TEST_AMQP_DATA:-}}"
  [[ -n "$base" && -f "$base/node" ]] || fail "dossier du broker de test introuvable: '${base}'"
  node="$(cat "$base/node")"
  if [[ "$1" == "pause" ]]; then
    ctl stop_app >/dev/null
    log "broker en pause (plus de connexions AMQP)"
  else
    ctl start_app >/dev/null
    ctl await_startup >/dev/null
    log "broker de retour"
  fi
  exit 0
fi

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"; }

base="$(mktemp -d "${TMPDIR:-/tmp}/sas-test-amqp.XXXXXX")"
mkdir -p "$base/mnesia" "$base/log"
echo '[].' > "$base/plugins"
port="$(free_port)"
dist="$(free_port)"
node="sastest$port@localhost"
echo "$node" > "$base/node"
if id rabbitmq >/dev/null 2>&1; then chown -R rabbitmq:rabbitmq "$base"; fi

HOME="$base" RABBITMQ_NODENAME="$node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port" \
  RABBITMQ_DIST_PORT="$dist" RABBITMQ_MNESIA_BASE="$base/mnesia" RABBITMQ_LOG_BASE="$base/log" \
  RABBITMQ_ENABLED_PLUGINS_FILE="$base/plugins" RABBITMQ_FEATURE_FLAGS_FILE="$base/feature_flags" \
  setsid rabbitmq-server >"$base/out.log" 2>&1 < /dev/null &

# await_startup fails at once while the node has not registered with epmd yet: poll until it answers.
ready=""
for _ in $(seq 1 90); do
  if ctl await_startup >/dev/null 2>&1; then ready="yes"; break; fi
  sleep 1
done
if [[ -z "$ready" ]]; then
  cat "$base/out.log" >&2 || true
  bash "$0" stop "$base" || true
  fail "le broker RabbitMQ n'a pas démarré"
fi
log "RabbitMQ prêt sur 127.0.0.1:$port (arrêt: bash scripts/start-test-rabbitmq.sh stop $base)"
echo "SAS_TEST_AMQP_URL=amqp://guest:guest@127.0.0.1:$port"
echo "export SAS_TEST_AMQP_URL"
echo "SAS_TEST_AMQP_DATA=$base"
echo "export SAS_TEST_AMQP_DATA"
