#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the storage integration tests (tests/integration/storage).
#
# Usage:
#   eval "$(bash scripts/start-test-postgres.sh)"        # starts it, exports SAS_TEST_PG_URL and SAS_TEST_PG_DATA
#   bash scripts/start-test-postgres.sh stop "$SAS_TEST_PG_DATA"   # stops it and deletes its files
#
# It installs nothing: it needs Debian's PostgreSQL (`apt-get install -y postgresql`). Rather than depend on the
# packaged cluster (auto-created and started or not, depending on how apt ran, and bound to the fixed port 5432),
# it always runs its own `initdb` in a temporary directory, on 127.0.0.1 and a free port, with its Unix socket in
# that directory. So it behaves the same on a fresh CI machine and on a developer's machine where another server
# already listens on 5432. PostgreSQL refuses to run as root: as root, every server command runs as the `postgres`
# user created by the package; as any other user, it runs as that user.
#
# stdout carries only shell assignments (for `eval`); progress and errors go to stderr.
set -euo pipefail

log() { echo "start-test-postgres: $*" >&2; }
fail() { log "ERREUR: $*"; exit 1; }

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
[[ -n "$bindir" && -x "$bindir/initdb" && -x "$bindir/pg_ctl" ]] \
  || fail "PostgreSQL n'est pas installé (attendu dans /usr/lib/postgresql/<version>/bin). Installez-le avec: apt-get install -y postgresql"

if [[ "$(id -u)" == "0" ]]; then
  id postgres >/dev/null 2>&1 || fail "l'utilisateur système 'postgres' n'existe pas (paquet postgresql incomplet ?)"
  run_as_pg() { runuser -u postgres -- "$@"; }
  server_owner="postgres"
else
  run_as_pg() { "$@"; }
  server_owner="$(id -un)"
fi

if [[ "${1:-}" == "stop" ]]; then
  base="${2:-${SAS_TEST_PG_DATA:-}}"
  [[ -n "$base" && -d "$base/data" ]] || fail "dossier du serveur de test introuvable: '${base}'"
  run_as_pg "$bindir/pg_ctl" -D "$base/data" -m fast -w stop >&2 || true
  rm -rf -- "$base"
  log "serveur arrêté, $base supprimé"
  exit 0
fi

# A free TCP port on loopback, chosen by the kernel. Node is always there (the tests need it); python3 as a fallback.
free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1]);s.close()"
  else
    echo $(( 20000 + RANDOM % 20000 ))
  fi
}

base="$(mktemp -d "${TMPDIR:-/tmp}/sas-test-pg.XXXXXX")"
chmod 700 "$base"
[[ "$server_owner" == "postgres" && "$(id -u)" == "0" ]] && chown postgres:postgres "$base"
data="$base/data"
# Alphanumeric only: it goes into a URL and into a SQL literal without escaping.
password="$(tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24 || true)"
[[ ${#password} -eq 24 ]] || fail "impossible de générer un mot de passe"

log "initdb ($bindir) dans $data"
run_as_pg "$bindir/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --encoding=UTF8 --no-locale >"$base/initdb.log" 2>&1 \
  || { cat "$base/initdb.log" >&2; fail "initdb a échoué"; }

# The port may be taken between choosing it and binding it: retry a few times with another one.
started=""
for attempt in 1 2 3 4 5; do
  port="$(free_port)"
  # fsync off: a test database that is thrown away does not need durability, and the tests run faster.
  if run_as_pg "$bindir/pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$base -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >&2; then
    started="yes"
    break
  fi
  log "démarrage sur le port $port impossible (tentative $attempt), nouvel essai"
done
[[ -n "$started" ]] || { cat "$base/server.log" >&2 || true; fail "le serveur PostgreSQL n'a pas démarré"; }

run_as_pg "$bindir/psql" -h "$base" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE sas_test LOGIN PASSWORD '$password'" \
  -c "CREATE DATABASE sas_test OWNER sas_test" >&2 \
  || fail "création du rôle et de la base de test impossible"

log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') prêt sur 127.0.0.1:$port (arrêt: bash scripts/start-test-postgres.sh stop $base)"
echo "SAS_TEST_PG_URL=postgres://sas_test:$password@127.0.0.1:$port/sas_test"
echo "export SAS_TEST_PG_URL"
echo "SAS_TEST_PG_DATA=$base"
echo "export SAS_TEST_PG_DATA"
