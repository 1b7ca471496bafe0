#!/usr/bin/env bash
# Two instances of the published app on one PostgreSQL database, behind Debian's nginx (its own
# nginx.conf) with the repository's site (deploy/nginx/slaadmin.conf, its ports and certificate
# templated) on loopback, TLS with a self-signed certificate for sla.test. Used by tests/SlaAdmin.BrowserTests/Deployment.
#
#   two-instances.sh start DIR [CONFIGURATION]   start everything; DIR/setup.env says where it is
#   two-instances.sh stop DIR                     stop it and drop its database
#
# CONFIGURATION: publish the existing build of that configuration (the tests built it) instead of a
# Release build; with SLAADMIN_PUBLISHED, run the app published there. Needs SLAADMIN_TEST_POSTGRES (tests/run.sh starts the server), nginx, openssl, curl.
# `start` also checks the edge with curl: HTTP is redirected to HTTPS, responses through the proxy
# carry HSTS (the app sees https from X-Forwarded-Proto) and the sticky route cookie.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$here/lib.sh"

command="${1:-}"
dir="${2:-}"
[ -n "$dir" ] || die "usage: $0 start|stop DIR [CONFIGURATION]"

stop() {
  [ -f "$dir/setup.env" ] || return 0
  . "$dir/setup.env"
  [ -f "$dir/nginx/nginx.pid" ] && nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -s stop 2>/dev/null || true
  local pid
  for pid in "$dir"/instance-*.pid; do
    [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true
  done
  sleep 1
  psql -q "$SERVER" -c "DROP DATABASE IF EXISTS \"$DATABASE\" WITH (FORCE)" >/dev/null || true
}

start() {
  local configuration="${1:-}"
  need nginx openssl curl psql python3 dotnet
  local server; server="$(test_postgres)"
  mkdir -p "$dir/nginx/logs" "$dir/nginx/temp"
  local database="slaadmin_deploy_$(date +%s)_$RANDOM"
  local connection; connection="$(npgsql_with_database "$server" "$database")"
  local https_port http_port port_1 port_2
  https_port="$(free_port)"; http_port="$(free_port)"; port_1="$(free_port)"; port_2="$(free_port)"
  local host=sla.test
  local password='Deploy#Admin1403'

  cat > "$dir/setup.env" <<ENV
DATABASE=$database
SERVER='$(libpq_uri "$server" postgres)'
CONNECTION='$connection'
BASE_URL=https://$host:$https_port
HTTP_URL=http://$host:$http_port
HOST=$host
PROXY_PORT=$https_port
INSTANCE_1=http://127.0.0.1:$port_1
INSTANCE_2=http://127.0.0.1:$port_2
ACCESS_LOG=$dir/nginx/logs/slaadmin.access.log
ADMIN_USER=admin
ADMIN_PASSWORD='$password'
ENV

  local app; app="$(published_app "$dir/app" "$configuration")"

  # The certificate an operator would get from their CA; here self-signed for sla.test.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$host" -addext "subjectAltName=DNS:$host" \
    -keyout "$dir/nginx/slaadmin.key" -out "$dir/nginx/slaadmin.crt" 2>/dev/null

  # The repository's site, with this run's ports, paths and name; every substitution must match.
  local site="$dir/nginx/slaadmin.conf" main="$dir/nginx/nginx.conf"
  cp "$root/deploy/nginx/slaadmin.conf" "$site"
  substitute() {
    grep -qF -- "$2" "$1" || die "$1 no longer has «$2»: update tests/deploy/two-instances.sh"
    FROM="$2" TO="$3" python3 -c 'import os, sys; p = sys.argv[1]; s = open(p).read(); open(p, "w").write(s.replace(os.environ["FROM"], os.environ["TO"]))' "$1"
  }
  substitute "$site" "server 127.0.0.1:5001" "server 127.0.0.1:$port_1"
  substitute "$site" "server 127.0.0.1:5002" "server 127.0.0.1:$port_2"
  substitute "$site" "listen 80;" "listen 127.0.0.1:$http_port;"
  substitute "$site" "listen 443 ssl http2;" "listen 127.0.0.1:$https_port ssl http2;"
  substitute "$site" "    listen [::]:80;"$'\n' ""
  substitute "$site" "    listen [::]:443 ssl http2;"$'\n' ""
  substitute "$site" "return 301 https://\$host\$request_uri;" "return 301 https://\$host:$https_port\$request_uri;"
  substitute "$site" "server_name sla.example.ir;" "server_name $host;"
  substitute "$site" "/etc/ssl/certs/slaadmin.crt" "$dir/nginx/slaadmin.crt"
  substitute "$site" "/etc/ssl/private/slaadmin.key" "$dir/nginx/slaadmin.key"
  substitute "$site" "/var/log/nginx/" "$dir/nginx/logs/"

  # Debian's own /etc/nginx/nginx.conf (its http defaults: ssl_protocols, gzip, ...) with the site as the
  # one enabled, and its pid, logs and temporary files in this folder.
  cp /etc/nginx/nginx.conf "$main"
  substitute "$main" "include /etc/nginx/sites-enabled/*;" "include $site; client_body_temp_path $dir/nginx/temp/body; proxy_temp_path $dir/nginx/temp/proxy;"
  substitute "$main" "pid /run/nginx.pid;" "pid $dir/nginx/nginx.pid;"
  substitute "$main" "/var/log/nginx/" "$dir/nginx/logs/"
  # Workers run as www-data, as on a server (the master, root, reads the key and opens the logs).
  [ "$(id -u)" -ne 0 ] || chown www-data "$dir/nginx/temp"
  nginx -t -q -p "$dir/nginx" -c "$dir/nginx/nginx.conf" || die "nginx refused the configuration"

  # Both instances at once on a database that does not exist yet: one creates it, they take turns to
  # migrate and seed.
  local n port
  for n in 1 2; do
    port="port_$n"
    run_app "$app" "${!port}" PostgreSql "$connection" "$password" "$dir/instance-$n.log"
    echo "$APP_PID" >"$dir/instance-$n.pid"
  done
  nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf"

  for n in 1 2; do
    port="port_$n"
    wait_ready "http://127.0.0.1:${!port}/health/ready" || { tail -n 20 "$dir/instance-$n.log" >&2; die "instance $n did not become ready"; }
  done
  local resolve=(--resolve "$host:$https_port:127.0.0.1" --resolve "$host:$http_port:127.0.0.1" --cacert "$dir/nginx/slaadmin.crt")
  wait_ready "https://$host:$https_port/health/ready" "${resolve[@]}" || die "nginx does not reach the app"

  # Logs are JSON lines whose timestamps a log collector reads: ISO 8601, Gregorian, UTC, today.
  python3 - "$dir/instance-1.log" <<'PY' || die "instance 1 does not log JSON lines with ISO 8601 UTC timestamps: $(head -c 300 "$dir/instance-1.log")"
import datetime, json, re, sys
stamp = json.loads(open(sys.argv[1]).readline())["Timestamp"]
match = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|\+00:00)", stamp)
assert match, stamp
when = datetime.datetime.fromisoformat(match.group(1)).replace(tzinfo=datetime.timezone.utc)
assert abs(datetime.datetime.now(datetime.timezone.utc) - when) < datetime.timedelta(hours=1), stamp
PY

  # The edge as a browser meets it.
  local redirect
  redirect="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "${resolve[@]}" "http://$host:$http_port/catalogue?q=1")"
  [ "$redirect" = "301 https://$host:$https_port/catalogue?q=1" ] || die "http is not redirected to https: $redirect"
  local headers; headers="$(curl -s -D - -o /dev/null "${resolve[@]}" "https://$host:$https_port/Account/Login")"
  grep -qi '^strict-transport-security: max-age=31536000' <<<"$headers" || die "no HSTS through the proxy (does the app see https?): $headers"
  grep -qi '^set-cookie: slaadmin_route=.*; Secure' <<<"$headers" || die "no sticky route cookie: $headers"
  grep -qi '^set-cookie: .*; secure' <<<"$(grep -i '^set-cookie: .AspNetCore' <<<"$headers")" || die "the app's cookies are not Secure: $headers"
  ! grep -qi '^server: .*kestrel' <<<"$headers" || die "Kestrel is disclosed: $headers"
  echo "ready: https://$host:$https_port (instances on $port_1 and $port_2)" >&2
}

case "$command" in
  start) start "${3:-}" ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR [CONFIGURATION]" ;;
esac
