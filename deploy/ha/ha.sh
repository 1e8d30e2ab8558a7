# Functions to run neptun-chat highly available on one machine, on loopback: one etcd, three PostgreSQL 15
# nodes under Patroni (synchronous mode), HAProxy in front of the primary and of the service instances,
# PgBouncer in transaction pooling mode, and instances of the service jar. Sourced by deploy/ha/run and
# deploy/ha/failover-test; see deploy/ha/README.md.
#
# Every process it starts is recorded by its pid and stopped by ha_stop_all, which also removes the data
# folder. Ports are HA_PORT_BASE (default 25400) plus fixed offsets; none is 5432, and the machine's own
# PostgreSQL cluster is never touched.

HA_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HA_ROOT=$(cd "$HA_HOME/../.." && pwd)
HA_JAR="$HA_ROOT/bootstrap/target/neptun-chat.jar"
HA_PG_BIN=/usr/lib/postgresql/15/bin
HA_PYTHON=/usr/bin/python3        # Debian's, which the patroni package brings; the client needs only its stdlib
HA_DB=neptun
HA_DB_USER=neptun
HA_JAVA_OPTS=${HA_JAVA_OPTS:-"-Xmx256m -XX:+UseSerialGC"}
HA_NODES="1 2 3"
# The service's databaseTimeouts.statement (3 s by default), which PgBouncer sets on its server connections.
HA_STATEMENT_TIMEOUT_MS=3000

HA_PORT_BASE=${HA_PORT_BASE:-25400}
HA_ETCD_PORT=$((HA_PORT_BASE + 0))
HA_ETCD_PEER_PORT=$((HA_PORT_BASE + 1))
HA_HAPROXY_PG_PORT=$((HA_PORT_BASE + 30))
HA_HAPROXY_HTTP_PORT=$((HA_PORT_BASE + 31))
HA_HAPROXY_STATS_PORT=$((HA_PORT_BASE + 32))
HA_PGBOUNCER_PORT=$((HA_PORT_BASE + 40))
ha_pg_port() { echo $((HA_PORT_BASE + 10 + $1)); }        # node 1..3
ha_rest_port() { echo $((HA_PORT_BASE + 20 + $1)); }      # node 1..3: Patroni's REST API
ha_app_port() { echo $((HA_PORT_BASE + 50 + $1)); }       # instance 1..2
ha_admin_port() { echo $((HA_PORT_BASE + 60 + $1)); }     # instance 1..2

HA_DIR=                  # the data folder of this run, made by ha_prepare
HA_LOG=                  # where logs and results go (kept after the run)
declare -A HA_PIDS=()    # name -> pid of every process started here

ha_log() { printf '[ha %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
ha_fail() { ha_log "FAILED: $*"; exit 1; }
ha_now() { date +%s.%N; }

# ---------------------------------------------------------------- tools

ha_as_root() { if [ "$(id -u)" = 0 ]; then env DEBIAN_FRONTEND=noninteractive "$@"; else sudo env DEBIAN_FRONTEND=noninteractive "$@"; fi; }

# Installs the Debian packages that are missing (patroni brings python3-psycopg2 and an etcd client).
ha_install() {
  local missing=()
  command -v patroni >/dev/null && command -v patronictl >/dev/null || missing+=(patroni)
  command -v etcd >/dev/null || missing+=(etcd-server)
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v curl >/dev/null || missing+=(curl)
  [ -x "$HA_PG_BIN/postgres" ] || missing+=(postgresql-15)
  if [ ${#missing[@]} -gt 0 ]; then
    ha_log "installing ${missing[*]}"
    ha_as_root apt-get install -y -q "${missing[@]}" >"$HA_LOG/apt.log" 2>&1 ||
      { ha_as_root apt-get update -q >>"$HA_LOG/apt.log" 2>&1 && ha_as_root apt-get install -y -q "${missing[@]}" >>"$HA_LOG/apt.log" 2>&1; } ||
      { tail -n 20 "$HA_LOG/apt.log" >&2; ha_fail "apt-get install ${missing[*]}"; }
  fi
  [ -x "$HA_PYTHON" ] || ha_fail "$HA_PYTHON is missing"
  getent passwd postgres >/dev/null || ha_fail "no user postgres (PostgreSQL refuses to run as root)"
  command -v java >/dev/null || ha_fail "java is missing"
}

ha_build_jar() {
  if [ ! -f "$HA_JAR" ]; then
    ha_log "building the jar"
    (cd "$HA_ROOT" && timeout 600 ./mvnw -q -B -ntp -DskipTests package) >"$HA_LOG/build.log" 2>&1 ||
      { tail -n 40 "$HA_LOG/build.log" >&2; ha_fail "build"; }
  fi
}

# ---------------------------------------------------------------- the run's folder and ports

ha_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ha_prepare() {
  local port ports=("$HA_ETCD_PORT" "$HA_ETCD_PEER_PORT" "$HA_HAPROXY_PG_PORT" "$HA_HAPROXY_HTTP_PORT"
    "$HA_HAPROXY_STATS_PORT" "$HA_PGBOUNCER_PORT")
  for n in $HA_NODES; do ports+=("$(ha_pg_port "$n")" "$(ha_rest_port "$n")"); done
  for i in 1 2; do ports+=("$(ha_app_port "$i")" "$(ha_admin_port "$i")"); done
  for port in "${ports[@]}"; do
    ha_port_free "$port" || ha_fail "port $port is taken (another run? set HA_PORT_BASE)"
  done
  HA_DIR=$(mktemp -d /tmp/neptun-ha.XXXXXX)
  chown postgres: "$HA_DIR"
  chmod 700 "$HA_DIR"
}

# Fills @NAME@ placeholders of a template: ha_render TEMPLATE OUT NAME=value...
ha_render() {
  local template=$1 out=$2; shift 2
  local script=() pair
  for pair in "$@"; do
    local value=${pair#*=}
    value=${value//\\/\\\\}; value=${value//|/\\|}; value=${value//&/\\&}; value=${value//$'\n'/\\n}
    script+=(-e "s|@${pair%%=*}@|${value}|g")
  done
  sed "${script[@]}" "$template" >"$out"
  ! grep -q '@[A-Z_]*@' "$out" || ha_fail "unfilled placeholder in $out"
}

# Starts a process in the background and records it: ha_spawn NAME LOGFILE command... (the log is appended to,
# so a process started again keeps its earlier log)
ha_spawn() {
  local name=$1 logfile=$2; shift 2
  "$@" >>"$logfile" 2>&1 &
  HA_PIDS[$name]=$!
  disown "$!"
}

ha_alive() { [ -n "${HA_PIDS[$1]:-}" ] && kill -0 "${HA_PIDS[$1]}" 2>/dev/null; }

# Waits up to SECONDS for a command to succeed: ha_wait SECONDS WHAT command...
ha_wait() {
  local seconds=$1 what=$2; shift 2
  local deadline=$(($(date +%s) + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || ha_fail "$what: not within ${seconds}s"
    sleep 0.5
  done
}

# Runs a command up to TIMES times, a second apart, until it succeeds: ha_retry TIMES WHAT command...
ha_retry() {
  local times=$1 what=$2 attempt
  shift 2
  for attempt in $(seq 1 "$times"); do
    "$@" && return 0
    [ "$attempt" = "$times" ] || { ha_log "$what: attempt $attempt failed, trying again"; sleep 1; }
  done
  ha_fail "$what: $times attempts failed"
}

# ---------------------------------------------------------------- etcd and the PostgreSQL nodes

ha_start_etcd() {
  mkdir -p "$HA_DIR/etcd" && chmod 700 "$HA_DIR/etcd"
  ha_spawn etcd "$HA_LOG/etcd.log" etcd --name e1 --data-dir "$HA_DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$HA_ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$HA_ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$HA_ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$HA_ETCD_PEER_PORT" \
    --initial-cluster "e1=http://127.0.0.1:$HA_ETCD_PEER_PORT" --listen-metrics-urls ""
  ha_wait 30 "etcd on $HA_ETCD_PORT" curl -fsS --max-time 2 "http://127.0.0.1:$HA_ETCD_PORT/health"
}

ha_node_dir() { echo "$HA_DIR/node$1"; }

ha_configure_node() {
  local n=$1 dir
  dir=$(ha_node_dir "$n")
  mkdir -p "$dir" && chown postgres: "$dir" && chmod 700 "$dir"
  ha_render "$HA_HOME/conf/patroni.yml.in" "$dir/patroni.yml" NAME="node$n" PG_PORT="$(ha_pg_port "$n")" \
    REST_PORT="$(ha_rest_port "$n")" ETCD_PORT="$HA_ETCD_PORT" NODE_DIR="$dir"
  chown postgres: "$dir/patroni.yml"
}

# Patroni runs as postgres: runuser's child is the agent (python3 /usr/bin/patroni), which starts the postmaster.
ha_start_node() {
  local n=$1
  ha_spawn "node$n" "$HA_LOG/node$n.log" runuser -u postgres -- patroni "$(ha_node_dir "$n")/patroni.yml"
}

ha_agent_pid() { pgrep -P "${HA_PIDS[node$1]:-0}" 2>/dev/null | head -n 1 || true; }

# The postmaster of node N, only if the pid in its postmaster.pid is really a postgres on that data folder.
ha_postmaster_pid() {
  local dir pid
  dir="$(ha_node_dir "$1")/data"
  pid=$(head -n 1 "$dir/postmaster.pid" 2>/dev/null) || return 0
  [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$dir" && echo "$pid"
  return 0
}

ha_rest() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$(ha_rest_port "$1")$2" 2>/dev/null || true; }
ha_is_primary() { [ "$(ha_rest "$1" /primary)" = 200 ]; }
ha_is_sync() { [ "$(ha_rest "$1" /sync)" = 200 ]; }
ha_is_replica() { [ "$(ha_rest "$1" /replica)" = 200 ]; }

ha_primary() { # the node number of the leader, or nothing
  local n
  for n in $HA_NODES; do ha_is_primary "$n" && { echo "$n"; return 0; }; done
  return 0
}
ha_sync_standby() {
  local n
  for n in $HA_NODES; do ha_is_sync "$n" && { echo "$n"; return 0; }; done
  return 0
}

# The cluster as the leader sees it: one node answers 200 on /primary, every other one on /replica, one of
# them is the synchronous standby (/sync), and the leader's pg_stat_replication has every other node
# streaming, one of them as "sync". Patroni's roles alone are not enough: a replica that runs but does not
# stream yet (not connected to the leader, or still replaying) already answers /replica.
ha_cluster_ready() { # nodes...
  local n primary="" replicas=0 others=$(($# - 1))
  for n in "$@"; do
    if ha_is_primary "$n"; then [ -z "$primary" ] || return 1; primary=$n; elif ha_is_replica "$n"; then replicas=$((replicas + 1)); fi
  done
  [ -n "$primary" ] && [ "$replicas" = "$others" ] && [ -n "$(ha_sync_standby)" ] || return 1
  [ "$(ha_psql_node "$primary" "select count(*) filter (where state = 'streaming') || ' ' ||
    count(*) filter (where state = 'streaming' and sync_state = 'sync') from pg_stat_replication" postgres)" = "$others 1" ]
}

# Starts etcd and the nodes, and returns once the cluster is whole (see ha_cluster_ready). Each wait is
# bounded and polls the state it needs rather than sleeping: on a busy machine start-up takes longer.
ha_start_cluster() {
  local n
  ha_start_etcd
  for n in $HA_NODES; do ha_configure_node "$n"; done
  # The first node bootstraps the cluster; the others then copy it (pg_basebackup) and follow.
  ha_start_node 1
  ha_wait 120 "node1 leading" ha_is_primary 1
  for n in 2 3; do ha_start_node "$n"; done
  ha_wait 120 "three nodes streaming, one of them the synchronous standby" ha_cluster_ready $HA_NODES
}

ha_patronictl() { runuser -u postgres -- patronictl -c "$(ha_node_dir 1)/patroni.yml" "$@"; }

# The death of node N: its Patroni agent, its postmaster and the postmaster's children, all at once with
# SIGKILL. (Killing the postmaster alone only makes the agent restart it in place, on the same node.)
ha_kill_node() {
  local n=$1 agent postmaster children
  agent=$(ha_agent_pid "$n")
  postmaster=$(ha_postmaster_pid "$n")
  children=$( [ -n "$postmaster" ] && pgrep -P "$postmaster" || true)
  [ -n "$agent" ] && [ -n "$postmaster" ] || ha_fail "node$n: no agent ($agent) or postmaster ($postmaster) to kill"
  # shellcheck disable=SC2086
  kill -KILL $agent $postmaster $children 2>/dev/null || true
  ha_wait 10 "node$n gone" ha_node_gone "$n" "$agent" "$postmaster"
}
ha_node_gone() { ! kill -0 "$2" 2>/dev/null && ! kill -0 "$3" 2>/dev/null; }

# Stops node N cleanly: Patroni stops PostgreSQL itself when its agent gets SIGTERM.
ha_stop_node() {
  local n=$1 agent postmaster
  agent=$(ha_agent_pid "$n")
  if [ -n "$agent" ]; then
    kill -TERM "$agent" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$agent" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$agent" 2>/dev/null || true
  fi
  postmaster=$(ha_postmaster_pid "$n")
  if [ -n "$postmaster" ]; then
    kill -QUIT "$postmaster" 2>/dev/null || true # immediate shutdown
    for _ in $(seq 1 50); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$postmaster" $(pgrep -P "$postmaster" 2>/dev/null) 2>/dev/null || true
  fi
  [ -n "${HA_PIDS[node$n]:-}" ] && kill -TERM "${HA_PIDS[node$n]}" 2>/dev/null || true
  unset "HA_PIDS[node$n]"
}

# psql on a node directly (the primary is found through HAProxy instead: ha_psql).
ha_psql_node() { # node sql [database]
  timeout 30 psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(ha_pg_port "$1")" -U postgres -d "${3:-$HA_DB}" -c "$2"
}
ha_psql() { # sql [database]
  timeout 30 psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$HA_HAPROXY_PG_PORT" -U postgres -d "${2:-$HA_DB}" -c "$1"
}

# ---------------------------------------------------------------- HAProxy and PgBouncer

ha_start_haproxy() {
  local n i pg_servers="" http_servers=""
  for n in $HA_NODES; do
    pg_servers+="    server node$n 127.0.0.1:$(ha_pg_port "$n") check port $(ha_rest_port "$n")"$'\n'
  done
  for i in 1 2; do
    http_servers+="    server instance$i 127.0.0.1:$(ha_app_port "$i") check port $(ha_admin_port "$i")"$'\n'
  done
  ha_render "$HA_HOME/conf/haproxy.cfg.in" "$HA_DIR/haproxy.cfg" HAPROXY_PG_PORT="$HA_HAPROXY_PG_PORT" \
    HAPROXY_HTTP_PORT="$HA_HAPROXY_HTTP_PORT" HAPROXY_STATS_PORT="$HA_HAPROXY_STATS_PORT" \
    PG_SERVERS="${pg_servers%$'\n'}" HTTP_SERVERS="${http_servers%$'\n'}"
  /usr/sbin/haproxy -c -q -f "$HA_DIR/haproxy.cfg" || ha_fail "haproxy.cfg"
  ha_spawn haproxy "$HA_LOG/haproxy.log" /usr/sbin/haproxy -db -f "$HA_DIR/haproxy.cfg"
  # HAProxy takes every server for up until its checks have failed: wait until only the primary is.
  ha_wait 60 "HAProxy routing to the primary alone" ha_pg_routed
}

# HAProxy has the primary up and every other node down. A node on its way down ("UP 1/2": one check failed
# of the two that mark it down) still takes connections, and HAProxy cuts them when it is marked down
# (shutdown-sessions): a connection opened then to a standby is closed under its client.
ha_pg_routed() {
  local states primary
  primary=$(ha_primary)
  [ -n "$primary" ] || return 1
  states=$(curl -fsS --max-time 2 "http://127.0.0.1:$HA_HAPROXY_STATS_PORT/;csv" |
    awk -F, -v primary="node$primary" '$1 == "postgres_primary" && $2 ~ /^node/ {
      print $2, ($2 == primary ? ($18 == "UP" ? "ok" : "no") : ($18 == "DOWN" ? "ok" : "no"))}') || return 1
  [ "$(grep -c ' ok$' <<<"$states")" = "$(wc -w <<<"$HA_NODES")" ]
}

# PgBouncer refuses to run as root: it runs as postgres too.
ha_start_pgbouncer() {
  local dir="$HA_DIR/pgbouncer"
  mkdir -p "$dir"
  printf '"%s" ""\n"postgres" ""\n' "$HA_DB_USER" >"$dir/userlist.txt"
  ha_render "$HA_HOME/conf/pgbouncer.ini.in" "$dir/pgbouncer.ini" DATABASE="$HA_DB" \
    HAPROXY_PG_PORT="$HA_HAPROXY_PG_PORT" PGBOUNCER_PORT="$HA_PGBOUNCER_PORT" DIR="$dir" STATEMENT_TIMEOUT_MS="$HA_STATEMENT_TIMEOUT_MS"
  chown -R postgres: "$dir"
  ha_spawn pgbouncer "$HA_LOG/pgbouncer.out" runuser -u postgres -- /usr/sbin/pgbouncer "$dir/pgbouncer.ini"
  ha_wait 60 "PgBouncer, its server connections with statement_timeout ${HA_STATEMENT_TIMEOUT_MS}ms" ha_pgbouncer_ready
}
ha_pgbouncer_ready() {
  [ "$(timeout 5 psql -X -q -A -t -h 127.0.0.1 -p "$HA_PGBOUNCER_PORT" -U "$HA_DB_USER" -d "$HA_DB" -c "show statement_timeout")" = "$((HA_STATEMENT_TIMEOUT_MS / 1000))s" ]
}

# Runs SQL on the primary through HAProxy unless a query says it is done: ha_sql_done CHECK SQL. Succeeds
# when the check finds a row afterwards.
ha_sql_done() {
  [ "$(ha_psql "$1" postgres)" = 1 ] || ha_psql "$2" postgres >/dev/null || true
  [ "$(ha_psql "$1" postgres)" = 1 ]
}

ha_primary_through_haproxy() { [ "$(ha_psql "select pg_is_in_recovery()" postgres)" = f ]; }

# The database and its owner, created on the primary through HAProxy. The first connections are retried (a
# few times, each step bounded): each step may be repeated, since it first looks whether it is done.
ha_create_database() {
  ha_wait 60 "the primary reached through HAProxy" ha_primary_through_haproxy
  ha_retry 5 "create role $HA_DB_USER" ha_sql_done "select 1 from pg_roles where rolname = '$HA_DB_USER'" \
    "create role $HA_DB_USER login"
  ha_retry 5 "create database $HA_DB" ha_sql_done "select 1 from pg_database where datname = '$HA_DB'" \
    "create database $HA_DB owner $HA_DB_USER"
}

# JDBC URLs: straight to the primary through HAProxy, or through PgBouncer, which keeps no server-side
# prepared statement from one transaction to the next: pgJDBC must not prepare them (prepareThreshold=0).
ha_url_direct() { echo "jdbc:postgresql://127.0.0.1:$HA_HAPROXY_PG_PORT/$HA_DB"; }
# pgJDBC's own choice of the primary among the nodes, without HAProxy (deploy/ha/run --multihost).
ha_url_multihost() {
  echo "jdbc:postgresql://127.0.0.1:$(ha_pg_port 1),127.0.0.1:$(ha_pg_port 2),127.0.0.1:$(ha_pg_port 3)/$HA_DB?targetServerType=primary"
}
ha_url_pgbouncer() { echo "jdbc:postgresql://127.0.0.1:$HA_PGBOUNCER_PORT/$HA_DB?prepareThreshold=0"; }

# ---------------------------------------------------------------- the service

ha_cli() { # runs a command of the jar against DATABASE_URL; prints its last line
  DATABASE_URL=${HA_CLI_URL:-$(ha_url_direct)} DATABASE_USER=$HA_DB_USER \
    timeout 120 java -Xshare:auto -XX:TieredStopAtLevel=1 -jar "$HA_JAR" "$@" 2>>"$HA_LOG/cli.log" | tail -n 1
}

# HA_INSTANCE_ENV: more settings for the instances, as NAME=value words (e.g. "SESSION_CACHE_TTL=2s").
# The per-user rate limit is off: every client of the test is one user, and the test measures failover.
ha_start_instance() { # number url
  local i=$1 url=$2
  # shellcheck disable=SC2086
  ha_spawn "instance$i" "$HA_LOG/instance$i.log" env DATABASE_URL="$url" DATABASE_USER="$HA_DB_USER" \
    PORT="$(ha_app_port "$i")" ADMIN_PORT="$(ha_admin_port "$i")" RATE_LIMIT_PER_SECOND=0 ${HA_INSTANCE_ENV:-} java $HA_JAVA_OPTS -jar "$HA_JAR" server
}

ha_instance_healthy() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$(ha_admin_port "$1")/healthcheck"; }

ha_wait_instance() {
  local i=$1
  for _ in $(seq 1 240); do # up to 2 minutes: a JVM starts slowly on a busy machine
    ha_alive "instance$i" || { tail -n 30 "$HA_LOG/instance$i.log" >&2; ha_fail "instance$i exited"; }
    ha_instance_healthy "$i" 2>/dev/null && return 0
    sleep 0.5
  done
  ha_fail "instance$i not healthy"
}

ha_stop_instance() {
  local i=$1 pid=${HA_PIDS[instance$1]:-}
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  unset "HA_PIDS[instance$i]"
}

# Answers per instance so far, from HAProxy's statistics: "instance1 2xx 4xx 5xx instance2 2xx 4xx 5xx".
ha_http_counts() {
  curl -fsS --max-time 2 "http://127.0.0.1:$HA_HAPROXY_STATS_PORT/;csv" 2>/dev/null | awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $1 == "neptun_http" && $2 ~ /^instance/ { printf "%s %s %s %s ", $2, $col["hrsp_2xx"], $col["hrsp_4xx"], $col["hrsp_5xx"] }'
}
# What the instances answered between two ha_http_counts: "instance1 2xx=.. 4xx=.. 5xx=..; instance2 ...".
ha_http_delta() { # before after
  awk -v before="$1" -v after="$2" 'BEGIN {
    n = split(before, b, " "); split(after, a, " ")
    for (i = 1; i + 3 <= n; i += 4)
      printf "%s%s 2xx=%d 4xx=%d 5xx=%d", (i > 1 ? "; " : ""), a[i], a[i+1] - b[i+1], a[i+2] - b[i+2], a[i+3] - b[i+3]
  }'
}

ha_instances_routed() { # numbers...: HAProxy has every one of these instances up
  local csv i
  csv=$(curl -fsS --max-time 2 "http://127.0.0.1:$HA_HAPROXY_STATS_PORT/;csv") || return 1
  for i in "$@"; do
    awk -F, -v s="instance$i" '$1 == "neptun_http" && $2 == s && $18 == "UP" {found = 1} END {exit !found}' <<<"$csv" || return 1
  done
}

# ---------------------------------------------------------------- stopping everything

ha_stop_all() {
  set +e # a cleanup goes on past any failure
  local name
  for name in load instance1 instance2; do
    [ -n "${HA_PIDS[$name]:-}" ] || continue
    kill -TERM "${HA_PIDS[$name]}" 2>/dev/null || true
  done
  ha_stop_instance 1
  ha_stop_instance 2
  for name in pgbouncer haproxy; do
    [ -n "${HA_PIDS[$name]:-}" ] || continue
    if [ "$name" = pgbouncer ]; then
      pkill -TERM -P "${HA_PIDS[$name]}" 2>/dev/null || true # runuser's child, the pgbouncer itself
    fi
    kill -TERM "${HA_PIDS[$name]}" 2>/dev/null || true
  done
  local agent
  for n in $HA_NODES; do # all agents at once, so that the nodes stop side by side
    agent=$( [ -n "${HA_PIDS[node$n]:-}" ] && ha_agent_pid "$n" || true)
    [ -z "$agent" ] || kill -TERM "$agent" 2>/dev/null || true
  done
  for n in $HA_NODES; do
    if [ -n "${HA_PIDS[node$n]:-}" ] || [ -n "$(ha_postmaster_pid "$n" 2>/dev/null)" ]; then ha_stop_node "$n"; fi
  done
  if [ -n "${HA_PIDS[etcd]:-}" ]; then
    kill -TERM "${HA_PIDS[etcd]}" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "${HA_PIDS[etcd]}" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "${HA_PIDS[etcd]}" 2>/dev/null || true
  fi
  for name in pgbouncer haproxy; do
    [ -n "${HA_PIDS[$name]:-}" ] && kill -KILL "${HA_PIDS[$name]}" 2>/dev/null || true
  done
  if [ -n "$HA_DIR" ] && [ -d "$HA_DIR" ]; then
    rm -rf "$HA_DIR"
  fi
}
