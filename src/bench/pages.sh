#!/usr/bin/env bash
# The page benchmark (not a test): does a page of 100 cost the same at a million posts as at ten
# thousand?
#
#   src/bench/pages.sh                       (10,000, 100,000 and 1,000,000 posts)
#   SIZES="10000 100000" src/bench/pages.sh
#   DB=postgresql src/bench/pages.sh         (a throwaway PostgreSQL per size, as export.sh starts one)
#
# Builds the benchmark WAR like run.sh (BUILD=no reuses it) and, for each size in turn, starts Payara
# Micro on 127.0.0.1 (-Xmx$HEAP, a file H2 database under target/bench/pages, so the heap holds no
# table, or with DB=postgresql a new PostgreSQL cluster there on 127.0.0.1:$PGPORT) with that many
# generated posts, and drives with wrk, in ROUNDS interleaved rounds after a
# warm-up:
#   offset    GET /api/posts?limit=100&offset=N, N random in [0, 9900] (the first 10,000 rows)
#   cursor    GET /api/posts?limit=100&cursor=C, C a cursor after a random post anywhere in the table
#   baseline  GET /bench/baseline/posts?limit=100&offset=N, the same pages written by hand
# all in the default order (newest first). The cursors are made from one the server issued, with the
# keys of the generated posts (post X: id 1,000,000 + X, created 2026-10-01 minus X seconds), and
# checked against the server before use.
#
# Report: target/bench/pages/report.md (target/bench/pages-postgresql/ with DB=postgresql) — per kind and size the medians of requests/s, p99 and the
# server's CPU milliseconds per request, and that CPU against the smallest size's (target: at most
# 1.25). Raw figures: target/bench/pages/results.jsonl.
#
# Settings (environment): SIZES ("10000 100000 1000000"), HEAP (512m), PORT (28082), HZ (26902),
# ROUNDS (3), DURATION (10), WARMUP (60: each size boots a cold server), CONNECTIONS (8), THREADS (1), KINDS ("offset cursor
# baseline"), BUILD (yes), DB (h2 or postgresql), PGPORT (15633).
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=${SIZES:-"10000 100000 1000000"}
HEAP=${HEAP:-512m}
PORT=${PORT:-28082}
HZ=${HZ:-26902}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-60}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
KINDS=${KINDS:-"offset cursor baseline"}
BUILD=${BUILD:-yes}
DB=${DB:-h2}
PGPORT=${PGPORT:-15633}

WORK=target/bench/pages
WAR=target/bench/build/piston-ee-example.war
export PAYARA_MICRO=target/bench/build/payara-micro.jar
RESULTS=$WORK/results.jsonl
REPORT=$WORK/report.md
. src/bench/lib.sh
case $DB in
    h2) ;;
    postgresql) WORK=target/bench/pages-postgresql RESULTS=target/bench/pages-postgresql/results.jsonl
                REPORT=target/bench/pages-postgresql/report.md ;;
    *) echo "DB is h2 or postgresql" >&2; exit 2 ;;
esac

bash src/test/scripts/debian-packages.sh wrk 'command -v wrk' wrk
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
if [ "$BUILD" = yes ]; then
    echo "Building the benchmark WAR (mvn -B -q -Pbench package)..."
    mvn -B -q -Pbench package
fi
[ -f "$WAR" ] && [ -f "$PAYARA_MICRO" ] || { echo "$WAR is missing: run with BUILD=yes" >&2; exit 2; }
rm -rf "$WORK" && mkdir -p "$WORK"
trap 'bench_stop; [ "$DB" = h2 ] || bench_postgresql_stop "$WORK/postgresql"' EXIT

# paths <size>: the request paths of each kind, one file per kind ($WORK/<size>/<kind>.paths).
paths() {
    local size=$1 base=http://127.0.0.1:$PORT
    python3 - "$base" "$size" "$WORK/$size" <<'PY'
import base64, datetime, json, random, re, sys, urllib.request
base, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(size)
def get(path):
    with urllib.request.urlopen(base + path) as r:
        return r.headers.get("Link", ""), json.load(r)
def decode(token):
    return json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
def encode(cursor):
    return base64.urlsafe_b64encode(json.dumps(cursor, separators=(",", ":")).encode()).decode().rstrip("=")
link, _ = get("/api/posts?limit=1&cursor=")
issued = decode(re.search(r"cursor=([^&>]+)[^>]*>; rel=\"next\"", link).group(1))
assert issued["s"] == "-createdOn,-id" and len(issued["k"]) == 2, issued
def created(x):  # as the server writes it: the issued cursor shows the format
    t = datetime.datetime(2026, 10, 1, tzinfo=datetime.timezone.utc) - datetime.timedelta(seconds=x)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")
cursors = []
for x in random.sample(range(1, size - 100), 1000):
    cursors.append(encode({"s": issued["s"], "k": [created(x), 1_000_000 + x]}))
for token in cursors[:5]:  # the page after post X starts with post X + 1
    _, items = get("/api/posts?limit=100&cursor=" + token)
    x = decode(token)["k"][1] - 1_000_000
    assert items[0]["id"] == 1_000_000 + x + 1 and len(items) == 100, (x, items[0])
offsets = [random.randrange(0, 9901) for _ in range(1000)]
with open(out + "/offset.paths", "w") as f:
    f.writelines(f"/api/posts?limit=100&offset={n}\n" for n in offsets)
with open(out + "/baseline.paths", "w") as f:
    f.writelines(f"/bench/baseline/posts?limit=100&offset={n}\n" for n in offsets)
with open(out + "/cursor.paths", "w") as f:
    f.writelines(f"/api/posts?limit=100&cursor={c}\n" for c in cursors)
PY
}

# measure <phase> <round> <size> <kind> <seconds>: one wrk run, recorded in results.jsonl.
measure() {
    local phase=$1 round=$2 size=$3 kind=$4 seconds=$5 load0 ticks line
    load0=$(bench_load)
    ticks=$(bench_cpu)
    line=$(BENCH_PATHS=$WORK/$size/$kind.paths BENCH_ACCEPT=application/json \
           wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -s src/bench/wrk.lua "http://127.0.0.1:$PORT" | tail -1)
    ticks=$(( $(bench_cpu) - ticks ))
    echo "{\"phase\":\"$phase\",\"round\":$round,\"size\":$size,\"kind\":\"$kind\",\"cpu_ticks\":$ticks," \
         "\"load\":[$load0,$(bench_load)],\"wrk\":$line}" >> "$RESULTS"
    python3 -c 'import json,sys; r=json.loads(sys.argv[1]); w=r["wrk"]
print("  %-6s %8d %-9s %7.0f req/s  p99 %7.2f ms  %6.2f CPU-ms/req  errors %d" % (r["phase"], r["size"], r["kind"],
      w["requests"] / w["duration_us"] * 1e6, w["p99_us"] / 1e3, r["cpu_ticks"] * 1000 / int(sys.argv[2]) / max(1, w["requests"]),
      sum(w[k] for k in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts"))))' \
        "$(tail -1 "$RESULTS")" "$(getconf CLK_TCK)"
}

for size in $SIZES; do
    mkdir -p "$WORK/$size"
    echo "Starting Payara Micro (-Xmx$HEAP) with $size posts ($DB) on 127.0.0.1:$PORT..."
    [ "$DB" = h2 ] || bench_postgresql "$WORK/postgresql" "$PGPORT"
    bench_start "$WORK/$size" "$WAR" "$HEAP" "$PORT" "$HZ" "jdbc:h2:file:$PWD/$WORK/$size/db" \
        "-Dblog.generated-posts=$size"
    bench_wait_posts "http://127.0.0.1:$PORT/api" "$size" "$WORK/$size/server.log"
    paths "$size"
    for kind in $KINDS; do measure warmup 0 "$size" "$kind" "$WARMUP"; done
    for round in $(seq 1 "$ROUNDS"); do
        for kind in $KINDS; do measure pages "$round" "$size" "$kind" "$DURATION"; done
    done
    bench_stop
    [ "$DB" = h2 ] || bench_postgresql_stop "$WORK/postgresql"
    [ "$DB" = h2 ] || rm -rf "$WORK/postgresql"
done

python3 - "$RESULTS" "$REPORT" "$(getconf CLK_TCK)" \
    "heap $HEAP, $ROUNDS rounds of $DURATION s, wrk -t$THREADS -c$CONNECTIONS, $([ "$DB" = h2 ] && echo file H2 || echo PostgreSQL)" <<'PY'
import json, statistics, sys
results, report, tick, settings = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rows = [json.loads(l) for l in open(results) if l.strip()]
rows = [r for r in rows if r["phase"] == "pages"]
sizes = sorted({r["size"] for r in rows})
kinds = list(dict.fromkeys(r["kind"] for r in rows))
def fig(kind, size):
    rs = [r for r in rows if r["kind"] == kind and r["size"] == size]
    cpu = statistics.median(r["cpu_ticks"] * 1000 / tick / max(1, r["wrk"]["requests"]) for r in rs)
    rps = statistics.median(r["wrk"]["requests"] / r["wrk"]["duration_us"] * 1e6 for r in rs)
    p99 = statistics.median(r["wrk"]["p99_us"] / 1e3 for r in rs)
    errors = sum(r["wrk"][k] for r in rs for k in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts"))
    load = statistics.median(sum(r["load"]) / 2 for r in rs)
    return cpu, rps, p99, errors, load
lines = ["# Pages of 100 by table size", "", settings, "",
         "| kind | posts | req/s | p99 ms | CPU-ms/request | × smallest | errors | load |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
for kind in kinds:
    first = fig(kind, sizes[0])[0]
    for size in sizes:
        cpu, rps, p99, errors, load = fig(kind, size)
        ratio = cpu / first
        lines.append(f"| {kind} | {size:,} | {rps:,.0f} | {p99:.1f} | {cpu:.2f} | {ratio:.2f}{'' if ratio <= 1.25 else ' (over 1.25)'} | {errors} | {load:.1f} |")
open(report, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
