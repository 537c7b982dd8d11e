#!/usr/bin/env bash
# Allocations, thread-pool work items and CPU per echoed message of one server, read with
# dotnet-counters while the load console runs a fixed echo load against it (by default 100
# connections, 16 outstanding 32-byte messages each; CELL=connections,payload,outstanding picks
# another cell). Profile before optimising; numbers of one run only mean something next to another
# server's taken the same way, right after.
#
# usage: [CELL=100,32,16] bench/profile.sh NAME PORT -- SERVER COMMAND...
#   bench/profile.sh akka-io 9101 -- dotnet bench/ActorEcho.Bench/bin/Release/net10.0/ActorEcho.Bench.dll serve akka-io --port 9101
#   bench/profile.sh echo-tcp 8007 -- dotnet src/ActorEcho.Host/bin/Release/net10.0/ActorEcho.Host.dll --config hocon/load-test.conf
#   bench/profile.sh session-tcp 8888 -- dotnet src/ActorEcho.Host/bin/Release/net10.0/ActorEcho.Host.dll --config hocon/load-test.conf
# needs: dotnet tool install -g dotnet-counters; Release builds of the load console and the server.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"
name=$1; port=$2; shift 3
out=$(mktemp -d)
"$@" > "$out/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
IFS=, read -r conns payload outstanding <<< "${CELL:-100,32,16}"
load=(dotnet src/ActorEcho.Load/bin/Release/net10.0/ActorEcho.Load.dll --workload echo --port "$port" --connections "$conns" --outstanding "$outstanding" --payload "$payload" --no-live)
"${load[@]}" --duration 3s > /dev/null   # warm-up: JIT and tiering settle before counting
# --duration, not a signal: a background job of a script starts with SIGINT ignored.
dotnet-counters collect -p "$pid" --counters System.Runtime --refresh-interval 1 --format csv -o "$out/counters.csv" --duration 00:00:08 > /dev/null 2>&1 &
counters=$!
"${load[@]}" --duration 8s --json "$out/load.json" > /dev/null
wait $counters 2>/dev/null || true
python3 - "$name" "$out" "c=$conns payload=$payload o=$outstanding" <<'PY'
import csv, json, statistics, sys
name, out = sys.argv[1], sys.argv[2]
load = json.load(open(f"{out}/load.json"))
rows = list(csv.reader(open(f"{out}/counters.csv")))
def series(key):
    return [float(r[4]) for r in rows[1:] if len(r) > 4 and key in r[2] and r[4]]
def per_msg(values, scale=1.0):
    inner = values[1:-1]   # the first and last samples straddle the load's start and end
    return round(statistics.median(inner) * scale / load["msgs_per_s"], 2) if inner else None
cpu = [u + s for u, s in zip(series("cpu.mode=user"), series("cpu.mode=system"))]
print(f"{name} ({sys.argv[3]}): msgs/s={load['msgs_per_s']:.0f} errors={load['errors']} "
      f"alloc_bytes/msg={per_msg(series('gc.heap.total_allocated'))} "
      f"threadpool_items/msg={per_msg(series('thread_pool.work_item.count'))} "
      f"cpu_us/msg={per_msg(cpu, 1e6)}")
PY
