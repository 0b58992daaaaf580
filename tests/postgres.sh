#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test run, reachable only through a unix socket in its own folder.
#   tests/postgres.sh start DIR   installs Debian's postgresql when missing, starts a cluster in DIR, prints its connection string
#   tests/postgres.sh replica DIR PRIMARY_DIR [DELAY]   a streaming standby of the cluster in PRIMARY_DIR, applying each
#                                 commit DELAY late (e.g. 1500ms, for tests of replica lag); prints its connection string
#   tests/postgres.sh stop DIR    stops it and removes DIR
# PG_DURABLE=1 keeps fsync and full-page writes (for benchmarks); commits still return before their WAL is flushed,
# which is what SQLite's synchronous = NORMAL does in WAL mode.
# PostgreSQL refuses to run as root, so as root the cluster runs as the postgres user the package creates.
set -euo pipefail

cmd=${1:?usage: tests/postgres.sh start|replica|stop DIR}
dir=${2:?usage: tests/postgres.sh start|replica|stop DIR}

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
    if [ -z "$(bin_dir)" ]; then
        sudo=""
        if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
        if { [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; } && command -v apt-get >/dev/null; then
            echo "postgres.sh: installing Debian's postgresql package" >&2
            $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
                || { $sudo apt-get update -q >&2 && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
        fi
        if [ -z "$(bin_dir)" ]; then
            echo "postgres.sh: PostgreSQL is missing. Install Debian's package: sudo apt-get install postgresql" >&2
            exit 1
        fi
    fi
    bin=$(bin_dir)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # No TCP at all (listen_addresses empty): only this folder's socket. Durability is not wanted for a throwaway cluster.
    durability="-c fsync=off -c full_page_writes=off"
    if [ "${PG_DURABLE:-0}" = 1 ]; then durability="-c shared_buffers=512MB"; fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' $durability -c synchronous_commit=off -c max_connections=300" >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=$dir;Username=postgres;Database=postgres"
    ;;
replica)
    primary=${3:?usage: tests/postgres.sh replica DIR PRIMARY_DIR [DELAY]}
    delay=${4:-0}
    bin=$(bin_dir)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    # initdb's trust rules admit replication over the socket; -R writes the standby's connection back to the primary.
    as_owner "$bin/pg_basebackup" -h "$primary" -U postgres -D "$dir/data" -R -X stream >"$dir/basebackup.log" 2>&1 \
        || { cat "$dir/basebackup.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c full_page_writes=off -c hot_standby=on -c recovery_min_apply_delay=$delay -c max_connections=300" >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=$dir;Username=postgres;Database=postgres"
    ;;
stop)
    bin=$(bin_dir)
    if [ -n "$bin" ] && [ -d "$dir/data" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: tests/postgres.sh start|replica|stop DIR" >&2
    exit 2
    ;;
esac
