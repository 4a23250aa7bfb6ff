#!/usr/bin/env bash
# Redis and PostgreSQL for n8n's queue mode, private to one run: Debian's packages (installed
# when missing), started on 127.0.0.1 on free ports with their data in a temp dir.
#   bash test/queue/services.sh start <dir>   -> prints the env to use (QUEUE_* and DB_POSTGRESDB_*)
#   bash test/queue/services.sh stop <dir>
set -euo pipefail
ACTION=${1:?start or stop}
DIR=${2:?state dir}

pg_bin() {
	local bin
	bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	[ -n "$bin" ] && echo "$bin"
}

if [ "$ACTION" = stop ]; then
	[ -f "$DIR/redis.pid" ] && kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
	if [ -f "$DIR/pg/postmaster.pid" ] && PG=$(pg_bin); then
		runuser -u postgres -- "$PG/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null 2>&1 || true
	fi
	exit 0
fi

# Debian's packages, as ../shared/vicidial-real does for MariaDB; no distro service is started.
if ! command -v redis-server >/dev/null || [ -z "$(pg_bin || true)" ]; then
	echo "installing redis-server and postgresql (apt)" >&2
	export DEBIAN_FRONTEND=noninteractive
	NO_START=0
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
		NO_START=1
	fi
	apt-get -o DPkg::Lock::Timeout=600 update >&2
	apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends redis-server postgresql >&2
	[ "$NO_START" = 1 ] && rm -f /usr/sbin/policy-rc.d
fi
PG=$(pg_bin)

free_port() {
	node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

mkdir -p "$DIR"
REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$DIR" --save '' --appendonly no \
	--daemonize yes --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log"
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
redis-cli -p "$REDIS_PORT" ping | grep -q PONG || { cat "$DIR/redis.log" >&2; exit 1; }

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user (or a created one).
id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" postgres
PG_PORT=$(free_port)
mkdir -p "$DIR/pg" "$DIR/pgsock"
chown postgres "$DIR" "$DIR/pg" "$DIR/pgsock"
chmod 700 "$DIR/pg"
runuser -u postgres -- "$PG/initdb" -D "$DIR/pg" -U n8n --auth=trust -E UTF8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
runuser -u postgres -- "$PG/pg_ctl" -D "$DIR/pg" -l "$DIR/pg/server.log" -w \
	-o "-p $PG_PORT -k $DIR/pgsock -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
runuser -u postgres -- "$PG/createdb" -h 127.0.0.1 -p "$PG_PORT" -U n8n n8n

echo "export QUEUE_BULL_REDIS_HOST=127.0.0.1 QUEUE_BULL_REDIS_PORT=$REDIS_PORT DB_TYPE=postgresdb DB_POSTGRESDB_HOST=127.0.0.1 DB_POSTGRESDB_PORT=$PG_PORT DB_POSTGRESDB_DATABASE=n8n DB_POSTGRESDB_USER=n8n DB_POSTGRESDB_PASSWORD=n8n"
