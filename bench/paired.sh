#!/usr/bin/env bash
# bench/paired.sh: two servers (or two builds, or two settings of one server) on one echo cell,
# in alternating rounds A B A B ..., each round a fresh process, warmed up, then measured. On a
# shared machine the load drifts over minutes; alternating puts both sides under the same drift,
# so the ratio of their medians means something where one run of each would not.
#
# Usage: bench/paired.sh [--rounds N] [--cell C,PAYLOAD,OUTSTANDING] [--duration 8s] [--warmup 3s] [--idle N] A B
#   A, B       a server: akka-io | actorecho-echo | actorecho-session | NAME=COMMAND
#              In a COMMAND, {PORT} is the port the load goes to; {PORT2} (TCP) and {PORT3} (UDP)
#              are further free ports for servers that bind several endpoints.
#   --rounds   rounds per side (default 3)
#   --cell     connections, payload bytes, messages outstanding per connection (default 100,32,16)
#   --duration measured load per round (default 8s); --warmup: unmeasured load before it (default 3s)
#   --idle N   instead of an echo cell: N idle connections held for --duration (as compare.sh's idle
#              phase), then a one-byte probe on each; per round the server's RSS growth per held
#              connection (KiB) and how many answered the probe
#
# Per round: verified msgs/s and p99 from the load console, and the server's CPU (utime+stime from
# /proc/PID/stat) over the measured load, per message. Summary: the median of each side and B/A.
# Every load run is bounded by its duration and the load console's 10 s timeouts; errors are shown.
#
# Examples:
#   bench/paired.sh akka-io actorecho-echo
#   H=src/ActorEcho.Host/bin/Release/net10.0/ActorEcho.Host.dll
#   E="--config hocon/load-test.conf -Dactorecho.server.endpoints.echo-tcp.port={PORT} -Dactorecho.server.endpoints.session-tcp.port={PORT2} -Dactorecho.server.endpoints.session-udp.port={PORT3}"
#   bench/paired.sh --cell 100,4096,16 "before=dotnet /tmp/before/ActorEcho.Host.dll $E" "after=dotnet $H $E"
set -uo pipefail
cd "$(dirname "$0")/.."

LOAD_DLL=src/ActorEcho.Load/bin/Release/net10.0/ActorEcho.Load.dll
BENCH_DLL=bench/ActorEcho.Bench/bin/Release/net10.0/ActorEcho.Bench.dll
HOST_DLL=src/ActorEcho.Host/bin/Release/net10.0/ActorEcho.Host.dll
AE=actorecho.server.endpoints
AE_OFF="-D$AE.time-tcp.enabled=off -D$AE.time-udp.enabled=off -D$AE.daytime-tcp.enabled=off -D$AE.daytime-udp.enabled=off"

rounds=3; cell=100,32,16; duration=8s; warmup=3s; idle=0
while [ $# -gt 2 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --cell) cell=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    *) echo "paired.sh: unknown option '$1' (see the header of $0)" >&2; exit 2 ;;
  esac
done
[ $# -eq 2 ] || { echo "paired.sh: name two servers, A and B (see the header of $0)" >&2; exit 2; }
IFS=, read -r conns payload outstanding <<< "$cell"

# NAME=COMMAND, or one of the servers compare.sh knows, started the way compare.sh starts them.
spec_name() { case "$1" in *=*) echo "${1%%=*}" ;; *) echo "$1" ;; esac; }
spec_cmd() {
  case "$1" in
    *=*) echo "${1#*=}" ;;
    akka-io) echo "dotnet $BENCH_DLL serve akka-io --port {PORT}" ;;
    actorecho-echo) echo "dotnet $HOST_DLL --config hocon/load-test.conf -D$AE.echo-tcp.port={PORT} -D$AE.session-tcp.port={PORT2} -D$AE.session-udp.port={PORT3} $AE_OFF" ;;
    actorecho-session) echo "dotnet $HOST_DLL --config hocon/load-test.conf -D$AE.session-tcp.port={PORT} -D$AE.echo-tcp.port={PORT2} -D$AE.session-udp.port={PORT3} $AE_OFF" ;;
    *) echo "paired.sh: unknown server '$1'" >&2; return 1 ;;
  esac
}
a_name=$(spec_name "$1"); a_cmd=$(spec_cmd "$1") || exit 2
b_name=$(spec_name "$2"); b_cmd=$(spec_cmd "$2") || exit 2

out=$(mktemp -d /tmp/actorecho-paired.XXXXXX)
rows="$out/rows.tsv"
: > "$rows"
. bench/lib.sh  # free_ports, cpu_ticks, status_kb, json_field, stop_pid

pid=""
stop() {
  [ -n "$pid" ] || return 0
  stop_pid "$pid" 10
  pid=""
}
trap stop EXIT
trap 'stop; exit 130' INT TERM

idle_round() {  # idle_round NAME N PORT: RSS growth per held connection while they are held
  local name=$1 n=$2 port=$3 before peak rss log="$out/$1-$2-idle.log" json="$out/$1-$2.json"
  sleep 1
  before=$(status_kb "$pid" VmRSS); peak=$before
  dotnet "$BENCH_DLL" idle --port "$port" --connections "$idle" --hold "$duration" --json "$json" > "$log" 2>&1 &
  local client=$!
  while kill -0 "$client" 2>/dev/null; do
    grep -q PROBING "$log" 2>/dev/null && break
    rss=$(status_kb "$pid" VmRSS); [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    sleep 0.2
  done
  wait "$client"
  local connected answered errs
  connected=$(json_field "$json" connected); answered=$(json_field "$json" answered); errs=$(json_field "$json" errors)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$n" \
    "$(awk -v a="$peak" -v b="$before" -v c="${connected:-0}" 'BEGIN{ if (c > 0) printf "%.2f", (a-b)/c; else print "nan" }')" \
    "${connected:-0}" "${answered:-0}" "${errs:-1}" | tee -a "$rows" >&2
}

round() {  # round NAME COMMAND N
  local name=$1 cmd=$2 n=$3 p1 p2 p3 t0 t1 json load
  read -r p1 p2 p3 < <(free_ports)
  cmd=${cmd//\{PORT\}/$p1}; cmd=${cmd//\{PORT2\}/$p2}; cmd=${cmd//\{PORT3\}/$p3}
  bash -c "exec $cmd" > "$out/$name-$n-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$p1") 2>/dev/null && break; sleep 0.1; done
  if [ "$idle" -gt 0 ]; then idle_round "$name" "$n" "$p1"; stop; return; fi
  load=(dotnet "$LOAD_DLL" --no-live -w echo --port "$p1" -c "$conns" --payload "$payload" -o "$outstanding" --connect-timeout 10s --reply-timeout 10s)
  "${load[@]}" -d "$warmup" > /dev/null 2>&1
  json="$out/$name-$n.json"
  t0=$(cpu_ticks "$pid")
  "${load[@]}" -d "$duration" --json "$json" > "$out/$name-$n-load.log" 2>&1
  t1=$(cpu_ticks "$pid")
  stop
  local msgs rate p99 errs
  msgs=$(json_field "$json" messages); rate=$(json_field "$json" msgs_per_s); p99=$(json_field "$json" p99_us); errs=$(json_field "$json" errors)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$n" "${rate:-0}" "${p99:-0}" \
    "$(awk -v t=$((t1 - t0)) -v h="$(getconf CLK_TCK)" -v m="${msgs:-0}" 'BEGIN{ if (m > 0) printf "%.2f", t/h*1e6/m; else print "nan" }')" "${errs:-1}" | tee -a "$rows" >&2
}

if [ "$idle" -gt 0 ]; then
  echo "paired: $idle idle connections held $duration, then probed; $rounds rounds per side; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  echo -e "server\tround\tKiB/conn\tconnected\tanswered\terrors" >&2
else
  echo "paired: cell c=$conns payload=$payload o=$outstanding, $rounds rounds per side, $duration measured after $warmup warm-up; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  echo -e "server\tround\tmsgs/s\tp99 us\tcpu us/msg\terrors" >&2
fi
for n in $(seq 1 "$rounds"); do
  round "$a_name" "$a_cmd" "$n"
  round "$b_name" "$b_cmd" "$n"
done

if [ "$idle" -gt 0 ]; then
python3 - "$rows" "$a_name" "$b_name" "$idle" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import csv, statistics, sys
rows, a, b, idle, load = sys.argv[1:6]
data = {a: [], b: []}
for r in csv.reader(open(rows), delimiter="\t"):
    data[r[0]].append((float(r[2]), int(r[3]), int(r[4]), int(float(r[5]))))
def med(name): return statistics.median(x[0] for x in data[name])
def answered(name): return min(x[2] for x in data[name])
errors = sum(x[3] for n in data for x in data[n])
pairs = [f"{y[0] / x[0]:.2f}" for x, y in zip(data[a], data[b]) if x[0]]
print(f"idle {idle}: {a} {med(a):.2f} KiB/conn (fewest answered {answered(a):,}) | {b} {med(b):.2f} KiB/conn (fewest answered {answered(b):,}) | "
      f"{b}/{a}: {med(b)/med(a):.2f} (pairs {' '.join(pairs)}); errors {errors}; load average at end {load}")
PY
echo "logs and JSON: $out" >&2
exit 0
fi
python3 - "$rows" "$a_name" "$b_name" "$cell" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import csv, statistics, sys
rows, a, b, cell, load = sys.argv[1:6]
data = {a: [], b: []}
for r in csv.reader(open(rows), delimiter="\t"):
    data[r[0]].append((float(r[2]), float(r[3]), float(r[4]), int(float(r[5]))))
def med(name, i): return statistics.median(x[i] for x in data[name])
errors = sum(x[3] for n in data for x in data[n])
pairs = [f"{y[0] / x[0]:.2f}" for x, y in zip(data[a], data[b]) if x[0]]
print(f"cell {cell}: {a} {med(a,0):,.0f} msgs/s p99 {med(a,1):,.0f} us cpu {med(a,2):.2f} us/msg | "
      f"{b} {med(b,0):,.0f} msgs/s p99 {med(b,1):,.0f} us cpu {med(b,2):.2f} us/msg | "
      f"{b}/{a}: msgs/s {med(b,0)/med(a,0):.2f} (pairs {' '.join(pairs)}), cpu/msg {med(b,2)/med(a,2):.2f}, "
      f"p99 {med(b,1)/med(a,1):.2f}; errors {errors}; load average at end {load}")
PY
echo "logs and JSON: $out" >&2
