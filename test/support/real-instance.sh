#!/usr/bin/env bash
# Starts a private copy of ../shared/vicidial-real (own MariaDB, own PHP port) so that
# several developers or helper sessions can run conformance checks at once without
# resetting each other's server. VICIdial's PHP reads only /etc/astguiclient.conf, so
# the instance runs in its own mount namespace where that path is a private file.
#   bash test/support/real-instance.sh <n>   (n = 1..9)   -> prints the env to use
#   bash test/support/real-instance.sh <n> stop
set -euo pipefail
N="${1:?instance number 1..9}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REAL_DIR="${VICIDIAL_REAL_DIR:-$HERE/../../../shared/vicidial-real}"
REAL_DIR="$(cd "$REAL_DIR" && pwd)"
export VICIDIAL_STATE="/tmp/vicidial-real-$N"
export VICIDIAL_DB_PORT="$((3306 + N))"
export VICIDIAL_PORT="$((8089 + N * 10))"
if [ "${2:-}" = stop ]; then
	bash "$REAL_DIR/stop.sh"
	exit 0
fi
mkdir -p "$VICIDIAL_STATE"
CONF="$VICIDIAL_STATE/astguiclient.conf"
[ -f "$CONF" ] || echo "# managed by vicidial-real harness (private instance $N)" >"$CONF"
[ -e /etc/astguiclient.conf ] || echo "# managed by vicidial-real harness" >/etc/astguiclient.conf
unshare -m --propagation private bash -c "mount --bind '$CONF' /etc/astguiclient.conf && bash '$REAL_DIR/start.sh'" >/dev/null
echo "export VICIDIAL_STATE=$VICIDIAL_STATE VICIDIAL_DB_PORT=$VICIDIAL_DB_PORT VICIDIAL_PORT=$VICIDIAL_PORT VICIDIAL_REAL_URL=http://127.0.0.1:$VICIDIAL_PORT"
