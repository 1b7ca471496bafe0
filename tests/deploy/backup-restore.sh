#!/usr/bin/env bash
# Backup and restore as docs/deploy.md tells the operator, on both databases, with the scripts in
# deploy/: the app runs and serves while the backup is taken; then the database is wiped, restored,
# every row of every table (agreements, versions, history, accounts, keys...) is compared with what
# was there, and the app starts on the restored database and serves its agreement page.
#
#   backup-restore.sh [CONFIGURATION]
#
# CONFIGURATION: publish the existing build of that configuration (the tests built it); with
# SLAADMIN_PUBLISHED, run the app published there. Needs
# SLAADMIN_TEST_POSTGRES (tests/run.sh starts the server), sqlite3, pg_dump, pg_restore, psql, curl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$here/lib.sh"
need sqlite3 pg_dump pg_restore psql curl python3 dotnet
server="$(test_postgres)"
configuration="${1:-}"
dir="$(mktemp -d /tmp/slaadmin-backup.XXXXXX)"
database="slaadmin_backup_$(date +%s)_$RANDOM"
maintenance="$(libpq_uri "$server" postgres)"
app_pid=""
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  psql -q "$maintenance" -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
password='Backup#Admin1403'

# Starts the published app on provider $1 and connection string $2, and waits until it is ready.
start_app() {
  port="$(free_port)"
  run_app "$app" "$port" "$1" "$2" "$password" "$dir/app.log"
  app_pid=$APP_PID
  wait_ready "http://127.0.0.1:$port/health/ready" || { tail -n 20 "$dir/app.log" >&2; die "the app did not become ready on $1"; }
}

stop_app() {
  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

# Signs in as the administrator (as a browser would, through the form) and prints the page at $1.
# The app believes X-Forwarded-Proto from loopback, so its Secure cookies come back over plain http.
signed_in_page() {
  local jar="$dir/cookies" base="http://localhost:$port" token
  rm -f "$jar"
  local curl_args=(-s -b "$jar" -c "$jar" -H "X-Forwarded-Proto: https")
  token="$(curl "${curl_args[@]}" "$base/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -n 1)"
  [ -n "$token" ] || die "no sign-in form at $base/Account/Login"
  [ "$(curl "${curl_args[@]}" -o /dev/null -w '%{http_code}' "$base/Account/Login" \
      --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
      --data-urlencode "Input.UserName=admin" --data-urlencode "Input.Password=$password")" = 302 ] || die "sign-in refused"
  curl "${curl_args[@]}" --fail "$base$1"
}

# Decodes the HTML character references the app writes Persian as.
html_text() { python3 -c 'import html, sys; print(html.unescape(sys.stdin.read()))'; }

# Every row of every table, sorted, one file (SQLite).
sqlite_rows() {
  local table
  for table in $(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
    echo "== $table"
    # The search index's WITHOUT ROWID shadow tables are ordered by their key instead.
    sqlite3 "$1" ".mode quote" "SELECT * FROM \"$table\" ORDER BY rowid" 2>/dev/null \
      || sqlite3 "$1" ".mode quote" "SELECT * FROM \"$table\" ORDER BY 1"
  done
}

# Every row of every table of the public schema, sorted, one file (PostgreSQL).
postgres_rows() {
  local table
  for table in $(psql -At "$1" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"); do
    echo "== $table"
    psql -At "$1" -c "COPY (SELECT * FROM \"$table\" t ORDER BY t::text) TO STDOUT"
  done
}

# The restored rows equal the ones backed up, and agreements, versions and history are among them.
same_rows() {
  local table
  for table in Agreements AgreementVersions History; do
    [ "$(awk -v t="== $table" '$0 == t { on = 1; next } /^== / { on = 0 } on' "$1" | wc -l)" -gt 0 ] || die "no $table rows in $1: nothing to compare"
  done
  diff -u "$1" "$2" >"$dir/rows.diff" || { head -n 40 "$dir/rows.diff" >&2; die "restored rows differ from the backed-up ones ($3)"; }
  echo "$3: $(grep -vc '^== ' "$2") rows in $(grep -c '^== ' "$2") tables restored identical" >&2
}

# Thirty history rows for service 1, written while the app runs. The app writes history only from its
# interactive editors (a browser's work), so a second writer adds them through SQL: the arguments are
# the client command, $history_at the timestamp literal in that database's dialect.
write_history() {
  "$@" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
        INSERT INTO \"History\" (\"At\", \"By\", \"Subject\", \"ServiceId\", \"Field\", \"OldValue\", \"NewValue\")
        SELECT $history_at, 'admin', 'Service', 1, 'تعریف خدمت', 'تعریف پیشین ' || i, 'تعریف تازهٔ ي ك ' || i FROM n"
}

# The agreement page of the first agreement on the running app names its service.
serves_agreement() {
  local title="$1" page
  page="$(signed_in_page /agreements/1 | html_text)"
  grep -qF -- "$title" <<<"$page" || die "the restored app's /agreements/1 does not show «$title» ($2)"
}

app="$(published_app "$dir/app" "$configuration")"
export SLAADMIN_APP="$app" # the scripts check SQLite files with the app (check-sqlite)

# SQLite: the online backup while the app runs and answers requests.
db="$dir/sqlite/slaadmin.db"
start_app Sqlite "Data Source=$db"
title="$(sqlite3 "$db" 'SELECT s.Title FROM Agreements a JOIN Services s ON s.Id = a.EServiceId WHERE a.Id = 1')"
[ -n "$title" ] || die "no agreement 1 in the SQLite database"
serves_agreement "$title" "SQLite, before the backup"
history_at="'2026-12-02 05:00:00+00:00'" write_history sqlite3 "$db"
( for _ in $(seq 20); do curl -s -o /dev/null "http://127.0.0.1:$port/health/ready"; done ) &
traffic=$!
"$root/deploy/slaadmin-backup" sqlite "$db" "$dir/backup.db" >&2
wait "$traffic"
sqlite_rows "$db" >"$dir/sqlite-before.txt"
stop_app
rm -f "$db" "$db-wal" "$db-shm"
"$root/deploy/slaadmin-restore" sqlite "$dir/backup.db" "$db" >&2
sqlite_rows "$db" >"$dir/sqlite-after.txt"
same_rows "$dir/sqlite-before.txt" "$dir/sqlite-after.txt" SQLite
start_app Sqlite "Data Source=$db"
serves_agreement "$title" "SQLite, after the restore"
stop_app

# PostgreSQL: pg_dump while the app runs; the database dropped and created empty; pg_restore.
uri="$(libpq_uri "$server" "$database")"
start_app PostgreSql "$(npgsql_with_database "$server" "$database")"
title="$(psql -At "$uri" -c 'SELECT s."Title" FROM "Agreements" a JOIN "Services" s ON s."Id" = a."EServiceId" WHERE a."Id" = 1')"
[ -n "$title" ] || die "no agreement 1 in the PostgreSQL database"
history_at="TIMESTAMPTZ '2026-12-02 05:00:00+00:00'" write_history psql -q "$uri" -c
"$root/deploy/slaadmin-backup" postgres "$uri" "$dir/backup.dump" >&2
postgres_rows "$uri" >"$dir/postgres-before.txt"
stop_app
psql -q "$maintenance" -c "DROP DATABASE \"$database\" WITH (FORCE)" -c "CREATE DATABASE \"$database\" ENCODING 'UTF8'"
"$root/deploy/slaadmin-restore" postgres "$dir/backup.dump" "$uri" >&2
postgres_rows "$uri" >"$dir/postgres-after.txt"
same_rows "$dir/postgres-before.txt" "$dir/postgres-after.txt" PostgreSQL
start_app PostgreSql "$(npgsql_with_database "$server" "$database")"
serves_agreement "$title" "PostgreSQL, after the restore"
stop_app
echo "backup and restore: both databases restored and served" >&2
