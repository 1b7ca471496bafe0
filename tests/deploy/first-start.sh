#!/usr/bin/env bash
# The published app's first start on a PostgreSQL server whose database does not exist, with an
# account that may not create it: the process stops (non-zero exit) and says what the operator must
# run, both as a Critical JSON log line (what a log collector sees) and in the error it exits with.
# (Creation where the account may is tested by two-instances.sh and DatabaseCreationTests.)
#
#   first-start.sh [CONFIGURATION]   (as in backup-restore.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
need psql python3 dotnet
server="$(test_postgres)"
dir="$(mktemp -d /tmp/slaadmin-first-start.XXXXXX)"
maintenance="$(libpq_uri "$server" postgres)"
account="slaadmin_nocreate_$RANDOM$RANDOM"
database="slaadmin_missing_$RANDOM$RANDOM"
cleanup() {
  psql -q "$maintenance" -c "DROP ROLE IF EXISTS \"$account\"" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
psql -q "$maintenance" -c "CREATE ROLE \"$account\" LOGIN NOCREATEDB"

app="$(published_app "$dir/app" "${1:-}")"
connection="$(npgsql_with_database "$server" "$database" | sed -E 's/(^|;)User(name| Id)?=[^;]*/\1Username='"$account"'/I')"
run_app "$app" "$(free_port)" PostgreSql "$connection" 'Unused#Pass1403' "$dir/app.log"
status=0
for _ in $(seq 120); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; die "the app kept running without its database"; fi
wait "$APP_PID" || status=$?
[ "$status" -ne 0 ] || die "the app exited with 0 without its database"

python3 - "$dir/app.log" "CREATE DATABASE \"$database\" OWNER \"$account\"" <<'PY' || { cat "$dir/app.log" >&2; die "the app did not say what to create, in the log and at exit"; }
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
wanted = sys.argv[2]
logged = [json.loads(l) for l in lines if l.startswith("{")]
assert any(e["LogLevel"] == "Critical" and wanted in e["Message"] and "اجازهٔ ساختن آن را ندارد" in e["Message"] for e in logged), "no Critical log line"
assert any(l.startswith("Unhandled exception.") and wanted in l for l in lines), "no error at exit"
PY
echo "first start without the right to create the database: exit $status, told to run CREATE DATABASE \"$database\" OWNER \"$account\"" >&2
