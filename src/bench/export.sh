#!/usr/bin/env bash
# Export benchmark (not a test): streams ROWS posts out of the example application, in each streamed
# format, from a Payara Micro started with a small heap, and reports rows/s and MB/s.
#
#   mvn -B package -DskipTests && src/bench/export.sh
#
# Settings (environment): ROWS (1000000), HEAP (256m), FORMATS ("json csv yaml xml django"),
# PORT (18480) and HZ (16980, Hazelcast). The posts are generated at start-up into a file H2
# database under target/bench (blog.generated-posts); an in-memory one would live in the same small
# heap. The server is stopped when the script ends.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-1000000}
HEAP=${HEAP:-256m}
FORMATS=${FORMATS:-"json csv yaml xml django"}
PORT=${PORT:-18480}
HZ=${HZ:-16980}
WORK=target/bench
BASE="http://127.0.0.1:$PORT/api"

[ -f target/piston-ee.war ] && [ -f target/payara-micro.jar ] || { echo "run 'mvn -B package -DskipTests' first" >&2; exit 2; }
rm -rf "$WORK" && mkdir -p "$WORK/tmp"
sed -e "s|jdbc:h2:mem:piston;DB_CLOSE_DELAY=-1|jdbc:h2:file:$PWD/$WORK/db|" \
    -e "s|127.0.0.1:6900|127.0.0.1:$HZ|; s|start-port=6900|start-port=$HZ|" \
    server-config/payara/preboot.asadmin > "$WORK/preboot.asadmin"
echo "set hazelcast-runtime-configuration.cluster-group-name=piston-bench-$PORT" >> "$WORK/preboot.asadmin"

java "-Xmx$HEAP" -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false \
     "-Djava.io.tmpdir=$WORK/tmp" "-Dblog.generated-posts=$ROWS" \
     -jar target/payara-micro.jar --deploy target/piston-ee.war --contextroot / --port "$PORT" \
     --nocluster --disablephonehome --prebootcommandfile "$WORK/preboot.asadmin" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

echo "Generating $ROWS posts in a server with -Xmx$HEAP..."
for _ in $(seq 1 600); do
    posts=$(curl -sf "$BASE/stats" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["posts"])' 2>/dev/null || echo 0)
    [ "$posts" -ge "$ROWS" ] && break
    kill -0 $SERVER 2>/dev/null || { echo "the server stopped; see $WORK/server.log" >&2; exit 1; }
    sleep 2
done
[ "$posts" -ge "$ROWS" ] || { echo "the posts were not generated in time; see $WORK/server.log" >&2; exit 1; }

# Counts the items in a streamed body (the marker each item carries once) and its bytes.
count='
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
declare -A MARKER=([json]='"resource_uri"' [csv]=$'\r\n' [yaml]='resource_uri:' [xml]='<resource>' [django]='"model"')

printf '%-7s %10s %12s %9s %10s %8s\n' format rows bytes seconds rows/s MB/s
for format in $FORMATS; do
    start=$(date +%s.%N)
    read -r items bytes < <(curl -sf "$BASE/posts?format=$format" | python3 -c "$count" "${MARKER[$format]}")
    end=$(date +%s.%N)
    [ "$format" = csv ] && items=$((items - 1))
    python3 -c "
rows, size, took = $items, $bytes, $end - $start
print(f'%-7s %10d %12d %9.1f %10.0f %8.1f' % ('$format', rows, size, took, rows / took, size / 1e6 / took))"
    [ "$items" -ge "$ROWS" ] || { echo "$format: $items rows, expected at least $ROWS" >&2; exit 1; }
done
if grep -q OutOfMemoryError "$WORK/server.log"; then echo "the server ran out of memory" >&2; exit 1; fi
kill -0 $SERVER && echo "The server (-Xmx$HEAP) is still up; no OutOfMemoryError in its log."
