# Shared by the deployment scripts in tests/deploy: sourced, not run.
# A prerequisite that is missing stops the script with a message (the test then fails).

die() { echo "error: $*" >&2; exit 1; }

need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed: run the tests with tests/run.sh, which installs it."
  done
}

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The throwaway server tests/run.sh starts, as an Npgsql connection string.
test_postgres() {
  [ -n "${SLAADMIN_TEST_POSTGRES:-}" ] || die "SLAADMIN_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts a PostgreSQL server."
  printf '%s' "$SLAADMIN_TEST_POSTGRES"
}

# An Npgsql connection string ("Host=..;Port=..;Username=..;Database=..") as a libpq URI for psql,
# pg_dump and pg_restore, with the database replaced by $2 when given.
libpq_uri() {
  python3 - "$1" "${2:-}" <<'PY'
import sys, urllib.parse
parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
keys = {k.strip().lower(): v.strip() for k, v in parts.items()}
user = keys.get("username") or keys.get("user id") or keys.get("user") or "postgres"
password = keys.get("password")
auth = urllib.parse.quote(user, safe="") + (":" + urllib.parse.quote(password, safe="") if password else "")
database = sys.argv[2] or keys.get("database", "postgres")
print(f"postgresql://{auth}@{keys.get('host', '127.0.0.1')}:{keys.get('port', '5432')}/{urllib.parse.quote(database, safe='')}")
PY
}

# The same Npgsql connection string with another database.
npgsql_with_database() {
  printf '%s' "$1" | python3 -c 'import sys
parts = [p for p in sys.stdin.read().split(";") if p and not p.strip().lower().startswith("database=")]
print(";".join(parts + ["Database=" + sys.argv[1]]))' "$2"
}

# Prints the folder of the published app: $SLAADMIN_PUBLISHED when set (the tests publish once for
# all the scripts), otherwise a publish into $1: from the existing build of configuration $2 when given,
# or a Release build as an operator would make.
published_app() {
  if [ -n "${SLAADMIN_PUBLISHED:-}" ]; then
    [ -f "$SLAADMIN_PUBLISHED/SlaAdmin.Web.dll" ] || die "SLAADMIN_PUBLISHED=$SLAADMIN_PUBLISHED holds no published app"
    printf '%s' "$SLAADMIN_PUBLISHED"
    return
  fi
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  echo "publishing the app" >&2
  if [ -n "${2:-}" ]; then
    dotnet publish "$root/src/SlaAdmin.Web" -c "$2" --no-build -o "$1" --nologo -v q >/dev/null
  else
    dotnet publish "$root/src/SlaAdmin.Web" -c Release -o "$1" --nologo -v q >/dev/null
  fi
  printf '%s' "$1"
}

# Starts the published app of folder $1 on loopback port $2 as an operator's unit does (Production),
# on provider $3 with connection string $4, its first administrator "admin" with password $5, logging
# to $6. Sets APP_PID.
run_app() {
  (
    cd "$1"
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" \
    Database__Provider="$3" ConnectionStrings__Default="$4" \
    Bootstrap__AdminUserName=admin Bootstrap__AdminPassword="$5" DOTNET_NOLOGO=1 \
    exec dotnet SlaAdmin.Web.dll >>"$6" 2>&1
  ) &
  APP_PID=$!
}

# Waits (at most two minutes) until the URL $1 answers 200; extra curl arguments after it.
wait_ready() {
  local url="$1" i
  shift
  for ((i = 0; i < 240; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url" || true)" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}
