#!/usr/bin/env bash
# Shared by the benchmark scripts (sourced, not run): starting and watching a Payara Micro on
# loopback, and reading what the server spent from /proc.

# The JVM options shipped for Payara Micro besides the heap (the pom's payara.micro.jvm; measured in
# docs/deploying.md#jvm-options); BENCH_PAYARA_JAVA replaces them (src/bench/settings.sh's variants).
BENCH_PAYARA_JAVA=${BENCH_PAYARA_JAVA-"-XX:+UseParallelGC"}

# bench_start <work dir> <war> <heap> <http port> <hazelcast port> <database URL> [java option...]
# Starts Payara Micro with the project's loopback settings (see SERVER-FACTS / the pom) and its own
# Hazelcast port and cluster name; sets SERVER to its pid. Its log is <work dir>/server.log.
# BENCH_PREBOOT (a file) is appended to the pre-boot commands and BENCH_PAYARA_ARGS (words) to Payara
# Micro's arguments: bench_postgresql sets both; src/bench/settings.sh's variant sets BENCH_PREBOOT.
bench_start() {
    local work=$1 war=$2 heap=$3 port=$4 hz=$5 db=$6
    shift 6
    mkdir -p "$work/tmp"
    sed -e "s|jdbc:h2:mem:piston;DB_CLOSE_DELAY=-1|$db|" \
        -e "s|127.0.0.1:6900|127.0.0.1:$hz|; s|start-port=6900|start-port=$hz|" \
        server-config/payara/preboot.asadmin > "$work/preboot.asadmin"
    echo "set hazelcast-runtime-configuration.cluster-group-name=piston-bench-$port" >> "$work/preboot.asadmin"
    [ -z "${BENCH_PREBOOT:-}" ] || cat "$BENCH_PREBOOT" >> "$work/preboot.asadmin"
    local shipped
    read -r -a shipped <<< "$BENCH_PAYARA_JAVA"
    # shellcheck disable=SC2086 # words on purpose
    set -- "$@" -- ${BENCH_PAYARA_ARGS:-}
    local options=() extra=() seen=
    for arg in "$@"; do
        if [ -n "$seen" ]; then extra+=("$arg"); elif [ "$arg" = -- ]; then seen=yes; else options+=("$arg"); fi
    done
    java "-Xmx$heap" "-Xms$heap" "${shipped[@]}" "${options[@]}" -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false \
         "-Djava.io.tmpdir=$work/tmp" \
         -jar "${PAYARA_MICRO:-target/payara-micro.jar}" --deploy "$war" --contextroot / --port "$port" \
         --nocluster --disablephonehome --prebootcommandfile "$work/preboot.asadmin" "${extra[@]}" > "$work/server.log" 2>&1 &
    SERVER=$!
}

# bench_postgresql <dir> <port>: a new throwaway PostgreSQL cluster in <dir> on 127.0.0.1:<port>
# (src/test/scripts/postgresql.sh, the ITs' one: user and database piston), and BENCH_PREBOOT and
# BENCH_PAYARA_ARGS set so that bench_start's Payara Micro uses it (server-config/payara/postgresql.asadmin
# with that port, and PostgreSQL's JDBC driver from the local Maven repository, fetched if missing).
# bench_postgresql_stop <dir> stops it.
bench_postgresql() {
    local dir=$1 port=$2 version=42.7.14 jar
    jar=${M2_REPO:-$HOME/.m2/repository}/org/postgresql/postgresql/$version/postgresql-$version.jar
    [ -f "$jar" ] || mvn -B -q dependency:get "-Dartifact=org.postgresql:postgresql:$version" >&2
    bash src/test/scripts/postgresql.sh init "$dir" "$port" >&2
    sed "s|portNumber=5432|portNumber=$port|" server-config/payara/postgresql.asadmin > "$dir/preboot-postgresql.asadmin"
    BENCH_PREBOOT=$PWD/$dir/preboot-postgresql.asadmin
    BENCH_PAYARA_ARGS="--addlibs $jar"
}
bench_postgresql_stop() { bash src/test/scripts/postgresql.sh stop "$1" >&2 || true; }

# bench_start_wildfly <work dir> <war> <heap> <http port> <database URL> [java option...]
# Starts WildFly 39 as the build configures it for the ITs (standalone-microprofile.xml with
# server-config/wildfly/*.cli; src/bench/run.sh builds it with SERVERS=wildfly) from a copy of its
# standalone directory in <work dir>: the WAR deployed as ROOT.war, at / as on Payara Micro, the
# default data source (ExampleDS) on the given database, every socket on 127.0.0.1 with the port offset <http port> - 8080. Sets SERVER to
# the pid of the java process (standalone.sh runs it as its child, so CPU and memory are read from
# that one) and WRAPPER to standalone.sh's. Its log is <work dir>/server.log.
bench_start_wildfly() {
    local work=$1 war=$2 heap=$3 port=$4 db=$5 home=${WILDFLY_HOME:-target/bench/build/wildfly-39.0.1.Final}
    shift 5
    [ -x "$home/bin/standalone.sh" ] || { echo "$home is missing: build it with SERVERS=wildfly and BUILD=yes" >&2; return 1; }
    rm -rf "$work" && mkdir -p "$work"
    cp -r "$home/standalone" "$work/base"
    rm -rf "$work/base/data" "$work/base/tmp" "$work/base/log"
    sed -i -e "s|<connection-url>jdbc:h2:mem:test;[^<]*</connection-url>|<connection-url>$db</connection-url>|" \
        "$work/base/configuration/standalone-microprofile.xml"
    cp "$war" "$work/base/deployments/ROOT.war"
    JAVA_OPTS="-Xmx$heap -Xms$heap -Djava.net.preferIPv4Stack=true $*" \
        "$home/bin/standalone.sh" -c standalone-microprofile.xml "-Djboss.server.base.dir=$PWD/$work/base" \
        -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 \
        "-Djboss.socket.binding.port-offset=$((port - 8080))" > "$work/server.log" 2>&1 &
    WRAPPER=$!
    SERVER=
    for _ in $(seq 1 100); do
        # the server's java, not the "java -version" probes standalone.sh runs first
        SERVER=$(pgrep -P "$WRAPPER" -f -- '-D\[Standalone\]' || true)
        [ -n "$SERVER" ] && return 0
        sleep 0.2
    done
    echo "WildFly did not start; see $work/server.log" >&2
    return 1
}

# bench_stop: stops the server started by bench_start or bench_start_wildfly (by its pid) and waits
# until it has gone (WildFly's java is not this shell's child, so it is watched, not waited for).
bench_stop() {
    if [ -n "${SERVER:-}" ]; then
        kill "$SERVER" 2>/dev/null || true
        wait "${WRAPPER:-$SERVER}" 2>/dev/null || true
        while kill -0 "$SERVER" 2>/dev/null; do sleep 0.2; done
        SERVER=
        WRAPPER=
    fi
}

# bench_wait_posts <api base URL> <posts> <log>: waits until /api/stats counts at least that many
# posts (the example generates them at start-up with blog.generated-posts).
bench_wait_posts() {
    local base=$1 want=$2 log=$3 posts=0
    for _ in $(seq 1 900); do
        posts=$(curl -sf "$base/stats" 2>/dev/null \
                | python3 -c 'import json,sys; print(json.load(sys.stdin)["posts"])' 2>/dev/null || echo 0)
        [ "$posts" -ge "$want" ] && return 0
        kill -0 "$SERVER" 2>/dev/null || { echo "the server stopped; see $log" >&2; return 1; }
        sleep 2
    done
    echo "the server did not have $want posts in time; see $log" >&2
    return 1
}

# bench_endpoint <name> <impl>: the request wrk (src/bench/wrk.lua) sends for an endpoint of the
# framework or of the hand-written baseline, as BENCH_* variables; reads the calling script's
# FIRST_ID and LAST_ID (the generated posts' ids), BODY (a post to create) and AUTHOR (its Authorization).
bench_endpoint() {
    local name=$1 impl=$2 api=/api/posts
    [ "$impl" = baseline ] && api=/bench/baseline/posts
    unset BENCH_BODY BENCH_AUTH BENCH_TYPE
    export BENCH_METHOD=GET BENCH_ACCEPT=application/json BENCH_FIRST_ID=$FIRST_ID BENCH_LAST_ID=$LAST_ID
    case $name in
        floor) export BENCH_PATH=/api/floor
               if [ "$impl" = baseline ]; then BENCH_PATH=/bench/floor; fi ;;
        get-one) export BENCH_PATH="$api/{id}" ;;
        get-page) export BENCH_PATH="$api?limit=100" ;;
        get-yaml) export BENCH_PATH="$api/{id}" BENCH_ACCEPT=application/yaml ;;
        post) export BENCH_PATH=$api BENCH_METHOD=POST BENCH_BODY="$BODY" BENCH_AUTH="$AUTHOR" \
                     BENCH_TYPE=application/json ;;
        *) echo "unknown endpoint $name" >&2; exit 2 ;;
    esac
}

# bench_cpu: the server's CPU time so far, in clock ticks (user + system, every thread).
bench_cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }

# bench_peak_rss: the server's largest resident set so far (VmHWM), in kB.
bench_peak_rss() { awk '/^VmHWM/ {print $2}' "/proc/$SERVER/status"; }

# bench_load: the 1-minute load average.
bench_load() { cut -d' ' -f1 /proc/loadavg; }

# Counts the items in a streamed body read from stdin (the marker each item carries once) and its
# bytes: python3 -c "$BENCH_COUNT" '<marker>'.
BENCH_COUNT='
import sys
marker, tail, items, size = sys.argv[1].encode(), b"", 0, 0
while chunk := sys.stdin.buffer.read(1 << 20):
    size += len(chunk)
    data = tail + chunk
    items += data.count(marker)
    tail = data[-(len(marker) - 1):]
    items -= tail.count(marker)
print(items, size)
'
