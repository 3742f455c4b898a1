#!/usr/bin/env bash
# JPA shared (second-level) cache benchmark (not a test): the example WAR as built (shared cache off,
# <shared-cache-mode>NONE</shared-cache-mode>) against the same WAR with the cache on (ALL), each on
# one Payara Micro over an H2 TCP server, the database a cluster uses. Reports requests/s and the
# server's CPU milliseconds per request (less disturbed by other processes than the rate) for a
# post and for a page of 50 posts, read anonymously with wrk (Debian's wrk package).
#
#   mvn -B package -DskipTests && src/bench/shared-cache.sh
#
# Settings (environment): MODES ("NONE ALL"), SECONDS_EACH (20), POSTS (1000 generated posts),
# PORT (18490, HTTP), DB (18491, H2), HZ (16992, Hazelcast). Every process is stopped when the
# script ends.
set -euo pipefail
cd "$(dirname "$0")/../.."

MODES=${MODES:-"NONE ALL"}
SECONDS_EACH=${SECONDS_EACH:-20}
POSTS=${POSTS:-1000}
PORT=${PORT:-18490}
DB=${DB:-18491}
HZ=${HZ:-16992}
WORK=target/bench-shared-cache
H2=~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar

[ -f target/piston-ee-example.war ] && [ -f target/payara-micro.jar ] || { echo "run 'mvn -B package -DskipTests' first" >&2; exit 2; }
command -v wrk > /dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done' EXIT

for MODE in $MODES; do
  D=$WORK/$MODE && mkdir -p "$D/tmp" "$D/war/WEB-INF/classes/META-INF"
  cp target/piston-ee-example.war "$D/piston-ee-example.war"
  (cd "$D/war" && unzip -q -o ../piston-ee-example.war WEB-INF/classes/META-INF/persistence.xml \
     && sed -i "s|<shared-cache-mode>NONE</shared-cache-mode>|<shared-cache-mode>$MODE</shared-cache-mode>|" \
          WEB-INF/classes/META-INF/persistence.xml \
     && grep -q "<shared-cache-mode>$MODE</shared-cache-mode>" WEB-INF/classes/META-INF/persistence.xml \
     && zip -q ../piston-ee-example.war WEB-INF/classes/META-INF/persistence.xml)
  java -Dh2.bindAddress=127.0.0.1 -cp "$H2" org.h2.tools.Server -tcp -tcpPort "$DB" -ifNotExists > "$D/h2.log" 2>&1 &
  H2PID=$! && PIDS+=("$H2PID")
  { cat server-config/payara/preboot.asadmin
    echo "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:tcp://127.0.0.1:$DB/mem:piston;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
    echo "set hazelcast-runtime-configuration.start-port=$HZ"
    echo "set hazelcast-runtime-configuration.tcpip-members=127.0.0.1:$HZ"
    echo "set hazelcast-runtime-configuration.cluster-group-name=piston-bench-$PORT"; } > "$D/preboot.asadmin"
  java -Xmx384m -Dblog.generated-posts="$POSTS" -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false \
       -Djava.io.tmpdir="$PWD/$D/tmp" -jar target/payara-micro.jar --deploy "$D/piston-ee-example.war" --contextroot / \
       --port "$PORT" --nocluster --disablephonehome --prebootcommandfile "$D/preboot.asadmin" > "$D/payara.log" 2>&1 &
  PID=$! && PIDS+=("$PID")
  URL=http://127.0.0.1:$PORT/api/posts
  until curl -s -f -o /dev/null "$URL"; do sleep 2; kill -0 "$PID"; done
  ID=$(curl -s "$URL?limit=1" | sed 's/^\[{"id":\([0-9]*\).*/\1/')
  wrk -t2 -c4 -d"${SECONDS_EACH}s" "$URL/$ID" > /dev/null   # warm-up
  for path in "/$ID" "?limit=50"; do
    before=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    out=$(wrk -t2 -c4 -d"${SECONDS_EACH}s" "$URL$path")
    after=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    echo "shared cache $MODE  GET /api/posts$path  $rate req/s  $(awk "BEGIN {printf \"%.2f\", ($after - $before) * 10 / $requests}") CPU-ms/request"
  done
  kill "$PID" "$H2PID"; wait "$PID" 2> /dev/null || true; wait "$H2PID" 2> /dev/null || true
done
