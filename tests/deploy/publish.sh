#!/usr/bin/env bash
# Publishes the app once for all the deployment scripts: publish.sh OUT [CONFIGURATION]
# (the existing build of CONFIGURATION, or a Release build). They then run it with SLAADMIN_PUBLISHED=OUT.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
[ -n "${1:-}" ] || die "usage: $0 OUT [CONFIGURATION]"
unset SLAADMIN_PUBLISHED
published_app "$1" "${2:-}" >/dev/null
