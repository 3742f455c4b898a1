#!/usr/bin/env bash
# Measures one change of Payara Micro's settings against the shipped ones: two Payara Micro servers
# with the same benchmark WAR side by side on 127.0.0.1, "shipped" (server-config/payara/preboot.asadmin
# and the shipped JVM options, src/bench/lib.sh's BENCH_PAYARA_JAVA) and "variant" (the same plus
# VARIANT_PREBOOT's pre-boot commands and VARIANT_JAVA's JVM options, or with VARIANT_JAVA instead of
# the shipped JVM options), driven by wrk in turn, endpoint by
# endpoint, the order alternating between rounds, so both see the same machine. Prints, per endpoint,
# the medians of the server CPU-ms per request and p99 latency of each, and the variant/shipped ratio.
#
#   VARIANT_PREBOOT=/tmp/pool.asadmin src/bench/settings.sh
#   VARIANT_JAVA="-XX:+UseSerialGC" VARIANT_REPLACES_JAVA=yes ENDPOINTS="floor get-one post" src/bench/settings.sh
#
# Settings: VARIANT_PREBOOT (a file), VARIANT_JAVA, SHIPPED_JAVA (the shipped JVM options),
# VARIANT_REPLACES_JAVA (no; yes starts the variant with VARIANT_JAVA instead of SHIPPED_JAVA), ENDPOINTS (floor get-one post), ROUNDS (5), DURATION
# (10), WARMUP (20), CONNECTIONS (8), THREADS (1), HEAP (512m), POSTS (10000), BUILD (no: reuses
# target/bench/build from src/bench/run.sh; yes builds it). Raw figures: target/bench/settings/results.jsonl.
set -euo pipefail
cd "$(dirname "$0")/../.."

VARIANT_PREBOOT=${VARIANT_PREBOOT:-}
VARIANT_JAVA=${VARIANT_JAVA:-}
VARIANT_REPLACES_JAVA=${VARIANT_REPLACES_JAVA:-no}
ENDPOINTS=${ENDPOINTS:-floor get-one post}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
HEAP=${HEAP:-512m}
POSTS=${POSTS:-10000}
BUILD=${BUILD:-no}

WORK=target/bench/settings
WAR=target/bench/build/piston-ee-example.war
export PAYARA_MICRO=target/bench/build/payara-micro.jar
FIRST_ID=1000001
LAST_ID=$((1000000 + POSTS))
BODY='{"title":"A benchmark post","content":"Written by wrk, once per request, by the benchmark."}'
AUTHOR="Basic $(printf testuser:foobar | base64)"
. src/bench/lib.sh
SHIPPED_JAVA=${SHIPPED_JAVA-$BENCH_PAYARA_JAVA}

command -v wrk >/dev/null || { echo "wrk is missing: run src/bench/run.sh once, or apt-get install wrk" >&2; exit 2; }
[ "$BUILD" = yes ] && mvn -B -q -Pbench package
[ -f "$WAR" ] && [ -f "$PAYARA_MICRO" ] || { echo "$WAR is missing: run with BUILD=yes" >&2; exit 2; }
rm -rf "$WORK" && mkdir -p "$WORK"

declare -A PID PORT
stop_all() { for name in "${!PID[@]}"; do SERVER=${PID[$name]}; bench_stop; done; }
trap stop_all EXIT

variant_java=$VARIANT_JAVA
[ "$VARIANT_REPLACES_JAVA" = yes ] || variant_java="$SHIPPED_JAVA $VARIANT_JAVA"
PORT[shipped]=28090
PORT[variant]=28091
BENCH_PAYARA_JAVA=$SHIPPED_JAVA BENCH_PREBOOT= bench_start "$WORK/shipped" "$WAR" "$HEAP" 28090 26910 \
    "jdbc:h2:file:$PWD/$WORK/shipped-db/bench" "-Dblog.generated-posts=$POSTS"
PID[shipped]=$SERVER
BENCH_PAYARA_JAVA=$variant_java BENCH_PREBOOT=$VARIANT_PREBOOT bench_start "$WORK/variant" "$WAR" "$HEAP" \
    28091 26911 "jdbc:h2:file:$PWD/$WORK/variant-db/bench" "-Dblog.generated-posts=$POSTS"
PID[variant]=$SERVER
for name in shipped variant; do
    SERVER=${PID[$name]}
    bench_wait_posts "http://127.0.0.1:${PORT[$name]}/api" "$POSTS" "$WORK/$name/server.log"
done

# run <kind> <round> <endpoint> <server> <seconds>
run() {
    local kind=$1 round=$2 name=$3 server=$4 seconds=$5 ticks line
    bench_endpoint "$name" framework
    SERVER=${PID[$server]}
    ticks=$(bench_cpu)
    line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -s src/bench/wrk.lua "http://127.0.0.1:${PORT[$server]}" | tail -1)
    ticks=$(( $(bench_cpu) - ticks ))
    echo "{\"kind\":\"$kind\",\"round\":$round,\"endpoint\":\"$name\",\"server\":\"$server\",\"cpu_ticks\":$ticks,\"load\":$(bench_load),\"wrk\":$line}" \
        >> "$WORK/results.jsonl"
}

echo "shipped: ${SHIPPED_JAVA:-(no JVM options)}; variant: ${variant_java:-(no JVM options)} ${VARIANT_PREBOOT:++ $VARIANT_PREBOOT}"
for name in $ENDPOINTS; do for server in shipped variant; do run warmup 0 "$name" "$server" "$WARMUP"; done; done
for round in $(seq 1 "$ROUNDS"); do
    order="shipped variant"
    [ $((round % 2)) -eq 0 ] && order="variant shipped"
    for name in $ENDPOINTS; do for server in $order; do run measure "$round" "$name" "$server" "$DURATION"; done; done
done

python3 - "$WORK/results.jsonl" "$(getconf CLK_TCK)" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
tck = int(sys.argv[2])
print("| Endpoint | CPU-ms/request shipped | variant | ratio | p99 ms shipped | variant | errors |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name in dict.fromkeys(r["endpoint"] for r in rows):
    cpu, p99, ratios, errors = {}, {}, [], 0
    for r in rows:
        if r["kind"] != "measure" or r["endpoint"] != name:
            continue
        w = r["wrk"]
        cpu.setdefault(r["server"], {})[r["round"]] = r["cpu_ticks"] * 1000 / tck / max(1, w["requests"])
        p99.setdefault(r["server"], []).append(w["p99_us"] / 1000)
        errors += sum(w[k] for k in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts"))
    ratios = [cpu["variant"][k] / cpu["shipped"][k] for k in cpu["shipped"] if k in cpu["variant"]]
    print("| %s | %.3f | %.3f | %.2f | %.1f | %.1f | %d |" % (name, statistics.median(cpu["shipped"].values()),
          statistics.median(cpu["variant"].values()), statistics.median(ratios), statistics.median(p99["shipped"]),
          statistics.median(p99["variant"]), errors))
loads = [r["load"] for r in rows if r["kind"] == "measure"]
print("\nLoad average during the rounds: %.1f to %.1f" % (min(loads), max(loads)))
PY
