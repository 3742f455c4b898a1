#!/usr/bin/env bash
# The soak (not a test): does the example application hold up under hours of mixed traffic?
#
#   mvn -B package -DskipTests && src/bench/soak.sh            (10 minutes)
#   DURATION=1800 src/bench/soak.sh                             (30 minutes)
#
# Starts the example WAR on Payara Micro (loopback only, -Xmx$HEAP, a file H2 database under
# target/bench/soak, so the heap holds no table) with $POSTS generated posts, warms up for $WARMUP s,
# then drives $CONNECTIONS connections for $DURATION s with src/bench/soak/Soak.java: anonymous,
# Basic and bearer reads, pages, creates and deletes, conditional updates racing each other (412),
# unconditional updates (409) against the per-user update throttle (429), and OAuth password grants.
# Before and after the measured run it forces a full GC (jcmd GC.run) and reads the heap in use.
#
# Report: target/bench/soak/report.md — per kind of request its count, statuses, unexpected answers
# (anything but the kind's expected statuses: 429, 412 and 409 are expected where they are the point),
# p50/p99/max latency over the run and over its first and last tenth; the heap after a full GC at
# start and end (flat within 10 % passes); the server's CPU time and the load average. Raw figures:
# target/bench/soak/results.json; the live objects by class at start and end (after the full GCs):
# histogram-start.txt and histogram-end.txt. Exits 1 if any answer was unexpected or the heap grew over 10 %.
#
# Settings (environment): DURATION (600), WARMUP (60), CONNECTIONS (64), HEAP (512m), POSTS (10000),
# PORT (18580), HZ (16985).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-600}
WARMUP=${WARMUP:-60}
CONNECTIONS=${CONNECTIONS:-64}
HEAP=${HEAP:-512m}
POSTS=${POSTS:-10000}
PORT=${PORT:-18580}
HZ=${HZ:-16985}
WORK=target/bench/soak
BASE="http://127.0.0.1:$PORT"
. src/bench/lib.sh

[ -f target/piston-ee-example.war ] && [ -f target/payara-micro.jar ] || { echo "run 'mvn -B package -DskipTests' first" >&2; exit 2; }
rm -rf "$WORK" && mkdir -p "$WORK/classes"
javac -d "$WORK/classes" src/bench/soak/Soak.java
bench_start "$WORK" target/piston-ee-example.war "$HEAP" "$PORT" "$HZ" "jdbc:h2:file:$PWD/$WORK/db" \
    "-Dblog.generated-posts=$POSTS"
trap bench_stop EXIT
echo "Starting Payara Micro with $POSTS generated posts..."
bench_wait_posts "$BASE/api" "$POSTS" "$WORK/server.log"
FIRST=1000001
LAST=$((1000000 + POSTS))

# heap_used: the heap in use after a full GC, in KiB (G1's "garbage-first heap ... used NK").
heap_used() {
    jcmd "$SERVER" GC.run > /dev/null
    sleep 2
    jcmd "$SERVER" GC.heap_info | awk '/heap/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") {sub("K,?", "", $(i+1)); print $(i+1); exit}}'
}

echo "Warming up for $WARMUP s..."
java -cp "$WORK/classes" Soak "$BASE" "$WARMUP" "$CONNECTIONS" "$FIRST" "$LAST" > "$WORK/warmup.json"
HEAP_START=$(heap_used)
jcmd "$SERVER" GC.class_histogram > "$WORK/histogram-start.txt"
CPU_START=$(bench_cpu)
echo "Soaking for $DURATION s with $CONNECTIONS connections (heap after a full GC: $HEAP_START KiB)..."
LOAD_SAMPLES="$WORK/load.txt"
( while sleep 30; do bench_load >> "$LOAD_SAMPLES"; done ) &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true; bench_stop' EXIT
java -cp "$WORK/classes" Soak "$BASE" "$DURATION" "$CONNECTIONS" "$FIRST" "$LAST" > "$WORK/results.json"
CPU_END=$(bench_cpu)
HEAP_END=$(heap_used)
jcmd "$SERVER" GC.class_histogram > "$WORK/histogram-end.txt"
kill $SAMPLER 2>/dev/null || true
RSS=$(bench_peak_rss)

python3 - "$WORK/results.json" "$WORK/report.md" "$HEAP_START" "$HEAP_END" "$((CPU_END - CPU_START))" "$RSS" \
    "$LOAD_SAMPLES" "$DURATION" "$CONNECTIONS" "$HEAP" "$POSTS" <<'PY'
import datetime, json, os, statistics, subprocess, sys
results, report, heap_start, heap_end, cpu, rss, loads, duration, connections, heap, posts = sys.argv[1:]
data = json.load(open(results))
heap_start, heap_end = int(heap_start), int(heap_end)
growth = (heap_end - heap_start) / heap_start * 100
load = [float(x) for x in open(loads).read().split()] if os.path.exists(loads) else []
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
total = sum(k["count"] for k in data["kinds"].values())
unexpected = sum(k["unexpected"] for k in data["kinds"].values())
ms = lambda p, key: "–" if p is None else f'{p[key]:.1f}'
lines = [
    "# Soak",
    "",
    f"{datetime.date.today()}, commit {commit}: the example WAR on Payara Micro, -Xmx{heap}, {posts} generated posts "
    f"(file H2), {connections} connections for {int(duration) // 60} min after a warm-up.",
    "",
    f"**{total:,} requests, {total / int(duration):,.0f}/s; {unexpected} unexpected answers. "
    f"Heap after a full GC: {heap_start / 1024:.0f} MiB at start, {heap_end / 1024:.0f} MiB at end ({growth:+.1f} %: "
    f"{'flat' if abs(growth) <= 10 else 'NOT flat'} within 10 %).**",
    "",
    f"Server CPU {int(cpu) / os.sysconf('SC_CLK_TCK'):.0f} s ({int(cpu) / os.sysconf('SC_CLK_TCK') / int(duration) * 100:.0f} % of one core), "
    f"peak resident memory {int(rss) / 1024:.0f} MiB, load average {statistics.median(load) if load else 0:.1f} (median; the load driver runs on the same 2 cores).",
    "",
    "| kind | requests | statuses | unexpected | p50 ms | p99 ms | max ms | p99 first tenth | p99 last tenth |",
    "|---|---:|---|---:|---:|---:|---:|---:|---:|",
]
for name, k in data["kinds"].items():
    statuses = ", ".join(f"{s}: {c:,}" for s, c in k["statuses"].items())
    lines.append(f"| {name} | {k['count']:,} | {statuses} | {k['unexpected']} | {ms(k['all'], 'p50_ms')} | "
                 f"{ms(k['all'], 'p99_ms')} | {ms(k['all'], 'max_ms')} | {ms(k['first_tenth'], 'p99_ms')} | "
                 f"{ms(k['last_tenth'], 'p99_ms')} |")
samples = [(n, k["sample"]) for n, k in data["kinds"].items() if "sample" in k]
if samples:
    lines += ["", "Unexpected answers, one sample per kind:", ""] + [f"- {n}: `{s}`" for n, s in samples]
open(report, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(1 if unexpected or abs(growth) > 10 else 0)
PY
