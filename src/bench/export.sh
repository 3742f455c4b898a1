#!/usr/bin/env bash
# Export benchmark (not a test): streams every post out of the example application's unpaged export,
# /api/export (admins only), in each streamed format, from a Payara Micro started with a small heap,
# and reports rows/s, MB/s, the server's CPU seconds (a figure other processes on the machine disturb
# less than the elapsed time) and its peak resident memory during each export.
#
#   mvn -B package -DskipTests && src/bench/export.sh
#   mvn -B package -DskipTests && DB=postgresql src/bench/export.sh
#
# Settings (environment): WAR (target/piston-ee-example.war), ROWS (1000000), HEAP (256m), FORMATS ("json csv yaml xml django"; also pickle),
# PORT (18480), HZ (16980, Hazelcast) and JFR (empty; "yes" records the exports with Java Flight
# Recorder into target/bench/export/export.jfr). The posts are generated at start-up into a file H2
# database under target/bench/export (blog.generated-posts); an in-memory one would live in the same small
# heap. The server is stopped when the script ends.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-1000000}
HEAP=${HEAP:-256m}
FORMATS=${FORMATS:-"json csv yaml xml django"}
PORT=${PORT:-18480}
HZ=${HZ:-16980}
JFR=${JFR:-}
WARMUP=${WARMUP:-yes}
DB=${DB:-h2}
PGPORT=${PGPORT:-15632}
WORK=target/bench/export
BASE="http://127.0.0.1:$PORT/api"
. src/bench/lib.sh

WAR=${WAR:-target/piston-ee-example.war}
[ -f "$WAR" ] && [ -f target/payara-micro.jar ] || { echo "run 'mvn -B package -DskipTests' first" >&2; exit 2; }
rm -rf "$WORK" && mkdir -p "$WORK"
RECORD=()
[ -n "$JFR" ] && RECORD=("-XX:StartFlightRecording=filename=$WORK/export.jfr,settings=profile,dumponexit=true")
SAMPLER=
case $DB in
    h2) trap 'kill $SAMPLER 2>/dev/null || true; bench_stop' EXIT ;;
    postgresql)
        trap 'kill $SAMPLER 2>/dev/null || true; bench_stop; bench_postgresql_stop target/bench/export-postgresql' EXIT
        bench_postgresql target/bench/export-postgresql "$PGPORT" ;;
    *) echo "DB is h2 or postgresql" >&2; exit 2 ;;
esac
bench_start "$WORK" "$WAR" "$HEAP" "$PORT" "$HZ" "jdbc:h2:file:$PWD/$WORK/db" \
    "${RECORD[@]}" "-Dblog.generated-posts=$ROWS"

echo "Generating $ROWS posts ($DB) in a server with -Xmx$HEAP..."
bench_wait_posts "$BASE" "$ROWS" "$WORK/server.log"

declare -A MARKER=([json]='"resource_uri"' [csv]=$'\r\n' [yaml]='resource_uri:' [xml]='<resource>' [django]='"model"'
                  [pickle]='resource_uri')

# The server's largest resident set (kB) while one export runs, sampled every 0.2 s into a file.
sample() {
    local peak=0 rss
    while rss=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status" 2>/dev/null); do
        [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" > "$1"
        sleep 0.2
    done
}

if [ "$WARMUP" = yes ]; then
    for format in $FORMATS; do
        echo "Warming up: $format" && curl -sf -u admin:adminpass "$BASE/export?format=$format" -o /dev/null
    done
fi

printf '%-7s %10s %12s %9s %10s %8s %9s %9s\n' format rows bytes seconds rows/s MB/s 'CPU s' 'RSS MB'
for format in $FORMATS; do
    sample "$WORK/rss-$format" & SAMPLER=$!
    ticks=$(bench_cpu)
    start=$(date +%s.%N)
    read -r items bytes < <(curl -sf -u admin:adminpass "$BASE/export?format=$format" | python3 -c "$BENCH_COUNT" "${MARKER[$format]}")
    end=$(date +%s.%N)
    ticks=$(( $(bench_cpu) - ticks ))
    kill $SAMPLER 2>/dev/null; wait $SAMPLER 2>/dev/null || true
    [ "$format" = csv ] && items=$((items - 1))
    python3 -c "
rows, size, took, cpu, rss = $items, $bytes, $end - $start, $ticks / $(getconf CLK_TCK), $(cat "$WORK/rss-$format")
print(f'%-7s %10d %12d %9.1f %10.0f %8.1f %9.1f %9.0f' % ('$format', rows, size, took, rows / took, size / 1e6 / took, cpu, rss / 1024))"
    [ "$items" -ge "$ROWS" ] || { echo "$format: $items rows, expected at least $ROWS" >&2; exit 1; }
done
if grep -q OutOfMemoryError "$WORK/server.log"; then echo "the server ran out of memory" >&2; exit 1; fi
kill -0 $SERVER && echo "The server (-Xmx$HEAP) is still up; no OutOfMemoryError in its log."
