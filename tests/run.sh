#!/usr/bin/env bash
# Runs every test of SlaAdmin on a fresh Debian machine with the .NET SDK:
#  1. installs Debian's chromium (browser journeys), PostgreSQL (multi-instance tests), and nginx,
#     sqlite3, openssl, curl, python3 (deployment tests: tests/deploy) if absent;
#  2. starts a throwaway PostgreSQL cluster on a free loopback port;
#  3. runs `dotnet test SlaAdmin.sln` (or the project given first: tests/run.sh tests/SlaAdmin.IntegrationTests --filter …).
# A test whose prerequisite is missing fails; nothing is skipped silently.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
# The deployment tests (tests/deploy): nginx in front of two instances, TLS, backups.
for tool in nginx sqlite3 openssl curl python3; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if ((${#missing[@]})); then
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

pgbin="$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")"
pgdir="$(mktemp -d /tmp/slaadmin-pg.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$pgdir"
  pg() { runuser -u postgres -- "$@"; }
else
  pg() { "$@"; }
fi
pg "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 >/dev/null
pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
  -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null
trap 'pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null || true; rm -rf "$pgdir"' EXIT
export SLAADMIN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

target=SlaAdmin.sln
if [ $# -gt 0 ] && [ -e "$1" ]; then target="$1"; shift; fi
dotnet test "$target" "$@"
