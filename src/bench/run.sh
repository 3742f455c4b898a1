#!/usr/bin/env bash
# The benchmark (not a test): what Piston EE costs against the same work written by hand.
#
#   src/bench/run.sh
#
# Builds the benchmark WAR (mvn -Pbench package: the example application plus the hand-written
# JAX-RS + JPA baseline of src/bench/java, in target/bench/build), installs wrk from Debian's
# packages where it is missing, and runs two Payara Micro servers in turn, on 127.0.0.1 only:
#
#  1. -Xmx512m, 10,000 generated posts (in-memory H2): GET one post as JSON, GET a page of 100 as
#     JSON, GET one as YAML, and POST a post with Basic authentication (PBKDF2-hashed passwords,
#     the framework's identity store), each against the framework (/api/posts) and the baseline
#     (/bench/baseline/posts), driven by wrk; and the floor: a constant small JSON object with no
#     database, through the framework (/api/floor, a handler of the benchmark WAR) and through plain
#     JAX-RS (/bench/floor), which is what the server itself spends on any request. After a warm-up,
#     ROUNDS interleaved rounds: in each, every endpoint is measured on both, the order alternating
#     from round to round.
#  2. -Xmx256m, 1,000,000 generated posts (file H2): the export of every post as CSV and as JSON,
#     framework (/api/export) and baseline (/bench/baseline/export), interleaved the same way.
#
# Before measuring, it checks that both answer the same bodies. The report, target/bench/report.md,
# has per endpoint the medians over the rounds of requests/s, p50/p99 latency, the server's CPU
# milliseconds per request, and the ratio framework/baseline; for the export rows/s, MB/s and CPU;
# the servers' peak resident memory and the load average during each measurement. Raw figures:
# target/bench/run/results.jsonl.
#
# Settings (environment): PORT (28080), HZ (26900), EXPORT_PORT (28081), EXPORT_HZ (26901); HEAP
# (512m), EXPORT_HEAP (256m); POSTS (10000), ROWS (1000000); ROUNDS (3), DURATION (10 s per
# measurement), WARMUP (15 s per endpoint and implementation), WARMUP_PASSES (2), CONNECTIONS (8),
# THREADS (1, wrk's); SERVERS ("payara", or "payara wildfly" for both side by side, or "wildfly":
# the same WAR on WildFly 39, configured as for the ITs, every measurement repeated on each);
# ENDPOINTS ("floor get-one get-page get-yaml post"), EXPORTS ("csv json"; empty skips the export
# server); EXPORT_WARMUP (yes); EXPORT_DB_OPTIONS (empty; H2 settings appended to the export
# database's URL, such as ";LAZY_QUERY_EXECUTION=TRUE"); BUILD (yes; "no" reuses the built WAR); JFR (empty; "yes" records
# both servers with Java Flight Recorder into target/bench/run/*.jfr).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-28080}
HZ=${HZ:-26900}
EXPORT_PORT=${EXPORT_PORT:-28081}
EXPORT_HZ=${EXPORT_HZ:-26901}
HEAP=${HEAP:-512m}
EXPORT_HEAP=${EXPORT_HEAP:-256m}
POSTS=${POSTS:-10000}
ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-15}
WARMUP_PASSES=${WARMUP_PASSES:-2}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
ENDPOINTS=${ENDPOINTS:-"floor get-one get-page get-yaml post"}
EXPORTS=${EXPORTS-"csv json"}
EXPORT_WARMUP=${EXPORT_WARMUP:-yes}
EXPORT_DB_OPTIONS=${EXPORT_DB_OPTIONS:-}
BUILD=${BUILD:-yes}
JFR=${JFR:-}
SERVERS=${SERVERS:-payara}

WORK=target/bench/run
WAR=target/bench/build/piston-ee-example.war
export PAYARA_MICRO=target/bench/build/payara-micro.jar
RESULTS=$WORK/results.jsonl
REPORT=target/bench/report.md
FIRST_ID=1000001
LAST_ID=$((1000000 + POSTS))
BODY='{"title":"A benchmark post","content":"Written by wrk, once per request, by the benchmark."}'
AUTHOR="Basic $(printf testuser:foobar | base64)"
. src/bench/lib.sh

bash src/test/scripts/debian-packages.sh wrk 'command -v wrk' wrk
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
if [ "$BUILD" = yes ]; then
    case " $SERVERS " in
        *" wildfly "*)
            echo "Building the benchmark WAR and a configured WildFly 39 (mvn -B -q -Pbench pre-integration-test)..."
            mvn -B -q -Pbench pre-integration-test -Dit.wildfly.skip=false -Dit.postgresql.skip=true \
                -Dit.chromium.install.skip=true -Dit.typescript.skip=true -Dinvoker.skip=true ;;
        *)
            echo "Building the benchmark WAR (mvn -B -q -Pbench package)..."
            mvn -B -q -Pbench package ;;
    esac
fi
[ -f "$WAR" ] && [ -f "$PAYARA_MICRO" ] || { echo "$WAR is missing: run with BUILD=yes" >&2; exit 2; }
rm -rf "$WORK" && mkdir -p "$WORK"
trap bench_stop EXIT

# start <server> <work dir> <heap> <http port> <hazelcast port> <database URL> [java option...]: the
# WAR on Payara Micro ("payara") or WildFly 39 ("wildfly"), on 127.0.0.1.
start() {
    local server=$1 work=$2 heap=$3 port=$4 hz=$5 db=$6
    shift 6
    case $server in
        payara) bench_start "$work" "$WAR" "$heap" "$port" "$hz" "$db" "$@" ;;
        wildfly) bench_start_wildfly "$work" "$WAR" "$heap" "$port" "$db" "$@" ;;
        *) echo "unknown server $server (payara or wildfly)" >&2; exit 2 ;;
    esac
}

# measure <kind> <round> <endpoint> <impl> <seconds>: one wrk run, recorded in results.jsonl.
measure() {
    local kind=$1 round=$2 name=$3 impl=$4 seconds=$5 load0 ticks line
    bench_endpoint "$name" "$impl"
    load0=$(bench_load)
    ticks=$(bench_cpu)
    line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -s src/bench/wrk.lua "http://127.0.0.1:$PORT" | tail -1)
    ticks=$(( $(bench_cpu) - ticks ))
    echo "{\"kind\":\"$kind\",\"platform\":\"$PLATFORM\",\"round\":$round,\"endpoint\":\"$name\",\"impl\":\"$impl\",\"cpu_ticks\":$ticks," \
         "\"load\":[$load0,$(bench_load)],\"wrk\":$line}" >> "$RESULTS"
    python3 -c 'import json,sys; r=json.loads(sys.argv[1]); w=r["wrk"]
print("  %-7s %-8s %-9s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  %5.2f CPU-ms/req  errors %d" % (r["kind"], r["endpoint"],
      r["impl"], w["requests"] / w["duration_us"] * 1e6, w["p50_us"] / 1e3, w["p99_us"] / 1e3,
      r["cpu_ticks"] * 1000 / int(sys.argv[2]) / max(1, w["requests"]),
      sum(w[k] for k in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts"))))' \
        "$(tail -1 "$RESULTS")" "$(getconf CLK_TCK)"
}

# interleaved <rounds> <names> <command> <kind> [argument]: runs "<command> <kind> <round> <name> <impl>
# [argument]" for every name and both implementations, round after round, the order of the two
# alternating between rounds; 0 rounds is one warm-up pass (recorded as round 0).
interleaved() {
    local rounds=$1 names=$2 command=$3 kind=$4 round order name impl
    shift 4
    for round in $(seq "$((rounds > 0 ? 1 : 0))" "$rounds"); do
        [ "$round" -gt 0 ] && echo "Round $round of $rounds ($kind)..."
        order="framework baseline"
        [ $((round % 2)) -eq 0 ] && [ "$round" -gt 0 ] && order="baseline framework"
        for name in $names; do
            for impl in $order; do "$command" "$kind" "$round" "$name" "$impl" "$@"; done
        done
    done
}

# Both implementations must answer the same (resource_uri aside, which names each one's own path).
same_answers() {
    local base=http://127.0.0.1:$PORT
    python3 src/bench/same.py "$base" "$FIRST_ID" "$LAST_ID" "$BODY" || {
        echo "the baseline does not answer what the framework does: the comparison would be unfair" >&2
        exit 1
    }
}

for PLATFORM in $SERVERS; do
    RECORD=()
    [ -n "$JFR" ] && RECORD=("-XX:FlightRecorderOptions:stackdepth=512" "-XX:StartFlightRecording=filename=$WORK/http-$PLATFORM.jfr,settings=profile,dumponexit=true")
    echo "Starting $PLATFORM (-Xmx$HEAP) with $POSTS posts on 127.0.0.1:$PORT..."
    # A file database, as a real one is outside the heap: in memory, every post written grew the
    # server's heap until a full collection paused it for 0.2-0.6 s, the POST's p99 in whichever round it fell.
    start "$PLATFORM" "$WORK/http-$PLATFORM" "$HEAP" "$PORT" "$HZ" "jdbc:h2:file:$PWD/$WORK/http-$PLATFORM-db/bench" \
        "${RECORD[@]}" "-Dblog.generated-posts=$POSTS"
    bench_wait_posts "http://127.0.0.1:$PORT/api" "$POSTS" "$WORK/http-$PLATFORM/server.log"
    same_answers
    if [ -n "$ENDPOINTS" ]; then
        # Two passes over every endpoint: after one, the first round still ran the framework 15-25 %
        # slower than the next ones (the JIT recompiles shared code as each new endpoint's types appear).
        echo "Warming up ($WARMUP_PASSES passes of $WARMUP s per endpoint and implementation)..."
        for _ in $(seq 1 "$WARMUP_PASSES"); do interleaved 0 "$ENDPOINTS" measure warmup "$WARMUP"; done
        interleaved "$ROUNDS" "$ENDPOINTS" measure http "$DURATION"
    fi
    echo "{\"kind\":\"server\",\"platform\":\"$PLATFORM\",\"server\":\"http\",\"heap\":\"$HEAP\",\"peak_rss_kb\":$(bench_peak_rss)}" >> "$RESULTS"
    bench_stop
done

# export <kind> <round> <format> <impl>: one export of every post, recorded in results.jsonl.
export_once() {
    local kind=$1 round=$2 format=$3 impl=$4 url marker load0 ticks start end items bytes
    url=http://127.0.0.1:$EXPORT_PORT/api/export?format=$format
    [ "$impl" = baseline ] && url=http://127.0.0.1:$EXPORT_PORT/bench/baseline/export?format=$format
    marker='"resource_uri"'
    [ "$format" = csv ] && marker=$'\r\n'
    load0=$(bench_load)
    ticks=$(bench_cpu)
    start=$(date +%s.%N)
    read -r items bytes < <(curl -sf -u admin:adminpass "$url" | python3 -c "$BENCH_COUNT" "$marker")
    end=$(date +%s.%N)
    ticks=$(( $(bench_cpu) - ticks ))
    [ "$format" = csv ] && items=$((items - 1))
    [ "$items" -ge "$ROWS" ] || { echo "$impl $format export: $items rows, expected at least $ROWS" >&2; exit 1; }
    echo "{\"kind\":\"$kind\",\"platform\":\"$PLATFORM\",\"round\":$round,\"format\":\"$format\",\"impl\":\"$impl\",\"rows\":$items," \
         "\"bytes\":$bytes,\"seconds\":$(python3 -c "print($end - $start)"),\"cpu_ticks\":$ticks," \
         "\"load\":[$load0,$(bench_load)]}" >> "$RESULTS"
    python3 -c 'import json,sys; r=json.loads(sys.argv[1])
print("  %-6s %-4s %-9s %9d rows %6.1f s %9.0f rows/s %6.1f MB/s %6.1f CPU-s" % (r["kind"], r["format"], r["impl"],
      r["rows"], r["seconds"], r["rows"] / r["seconds"], r["bytes"] / 1e6 / r["seconds"],
      r["cpu_ticks"] / int(sys.argv[2])))' "$(tail -1 "$RESULTS")" "$(getconf CLK_TCK)"
}

if [ -n "$EXPORTS" ]; then
    for PLATFORM in $SERVERS; do
        RECORD=()
        [ -n "$JFR" ] && RECORD=("-XX:FlightRecorderOptions:stackdepth=512" "-XX:StartFlightRecording=filename=$WORK/export-$PLATFORM.jfr,settings=profile,dumponexit=true")
        echo "Starting $PLATFORM (-Xmx$EXPORT_HEAP) with $ROWS posts on 127.0.0.1:$EXPORT_PORT (generating them takes a while)..."
        start "$PLATFORM" "$WORK/export-$PLATFORM" "$EXPORT_HEAP" "$EXPORT_PORT" "$EXPORT_HZ" \
            "jdbc:h2:file:$PWD/$WORK/export-$PLATFORM/db$EXPORT_DB_OPTIONS" "${RECORD[@]}" "-Dblog.generated-posts=$ROWS"
        bench_wait_posts "http://127.0.0.1:$EXPORT_PORT/api" "$ROWS" "$WORK/export-$PLATFORM/server.log"
        if [ "$EXPORT_WARMUP" = yes ]; then
            echo "Warming up (one export per format and implementation)..."
            interleaved 0 "$EXPORTS" export_once warmup
        fi
        interleaved "$ROUNDS" "$EXPORTS" export_once export
        if grep -q OutOfMemoryError "$WORK/export-$PLATFORM/server.log"; then
            echo "the export server ran out of memory on $PLATFORM" >&2
            exit 1
        fi
        echo "{\"kind\":\"server\",\"platform\":\"$PLATFORM\",\"server\":\"export\",\"heap\":\"$EXPORT_HEAP\",\"peak_rss_kb\":$(bench_peak_rss)}" >> "$RESULTS"
        bench_stop
    done
fi

python3 src/bench/report.py "$RESULTS" "$REPORT" \
    "$SERVERS; heap $HEAP (export $EXPORT_HEAP), $POSTS posts (export: $ROWS), $ROUNDS rounds of $DURATION s, wrk -t$THREADS -c$CONNECTIONS"
cat "$REPORT"
