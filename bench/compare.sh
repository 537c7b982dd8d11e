#!/usr/bin/env bash
# bench/compare.sh: ActorEcho against baseline echo servers, side by side.
#
# Builds Release, then starts each server in turn (ActorEcho, a plain async-socket echo server,
# Kestrel's connection-handler echo, a Python asyncio echo server) on a free loopback port and
# drives it with the load console (src/ActorEcho.Load) over the same matrix:
#   connections 1 / 100 / 1,000  x  payload 32 B / 4 KiB  x  outstanding 1 / 16   (echo, msgs/s)
# plus 10,000 idle connections (server RSS per connection), a 10,000-connection burst (time until
# all are served), and, for ActorEcho only, chat fan-out (one line to a room of 1,000 ->
# deliveries/s) and UDP time queries/s. Each server's CPU time and peak RSS come from /proc/PID.
# Prints one table with ActorEcho/baseline ratios (also written to $OUT/table.md).
#
# Usage: bench/compare.sh [--quick] [--repeat N] [--no-build] [--only NAME[,NAME...]] [--out DIR]
#   --quick     2 s per cell and short idle/fan-out phases: a check in a few minutes
#   --repeat N  run every matrix cell N times and report the run with the median msgs/s
#   --no-build  use the existing Release builds
#   --only      run only these servers (actorecho, plain, kestrel, python)
#   --out DIR   where logs, JSON results and the table go (default: a new temp directory)
#
# A server that is missing or does not start is reported as "not available" and the others run.
set -uo pipefail
cd "$(dirname "$0")/.."

# ================================================================================================
# The ActorEcho server command line. {PORT} and {UDP_PORT} are replaced by free loopback ports.
# Override without editing: ACTORECHO_CMD='dotnet path/to/Host.dll --my-flags {PORT}' bench/compare.sh
ACTORECHO_CMD=${ACTORECHO_CMD:-"dotnet src/ActorEcho.Host/bin/Release/net10.0/ActorEcho.Host.dll --config hocon/load-test.conf -Dactorecho.server.endpoints.session-tcp.port={PORT} -Dactorecho.server.endpoints.session-udp.port={UDP_PORT} -Dactorecho.server.endpoints.echo-tcp.enabled=off -Dactorecho.server.endpoints.time-tcp.enabled=off -Dactorecho.server.endpoints.time-udp.enabled=off -Dactorecho.server.endpoints.daytime-tcp.enabled=off -Dactorecho.server.endpoints.daytime-udp.enabled=off"}
# ================================================================================================

LOAD_DLL=src/ActorEcho.Load/bin/Release/net10.0/ActorEcho.Load.dll
BENCH_DLL=bench/ActorEcho.Bench/bin/Release/net10.0/ActorEcho.Bench.dll
HOST_DLL=src/ActorEcho.Host/bin/Release/net10.0/ActorEcho.Host.dll

quick=0
repeat=1
build=1
only="actorecho,plain,kestrel,python"
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    --only) only="$2"; shift ;;
    --out) out="$2"; shift ;;
    --repeat) repeat="$2"; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

case "$repeat" in ''|*[!0-9]*|0) echo "compare.sh: --repeat needs a positive whole number" >&2; exit 2 ;; esac

if [ "$quick" = 1 ]; then
  CELL_DURATION=2s; IDLE_CONNS=10000; IDLE_DURATION=8s; BURST_CONNS=10000
  CHAT_DURATION=3s; UDP_DURATION=2s
else
  CELL_DURATION=10s; IDLE_CONNS=10000; IDLE_DURATION=15s; BURST_CONNS=10000
  CHAT_DURATION=10s; UDP_DURATION=10s
fi
CONNS=(1 100 1000)
PAYLOADS=(32 4096)
OUTSTANDING=(1 16)
READY_TIMEOUT=30   # seconds a server gets to start listening
STOP_TIMEOUT=10    # seconds a server gets to exit after SIGTERM

out=${out:-$(mktemp -d /tmp/actorecho-compare.XXXXXX)}
mkdir -p "$out"
results="$out/results.tsv"     # server <TAB> row <TAB> value <TAB> errors
status="$out/status.tsv"       # server <TAB> available|reason
: > "$results"
: > "$status"
CLK_TCK=$(getconf CLK_TCK)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- build ---------------------------------------------------------------------------------------
bench_ok=1; load_ok=1; host_ok=1
if [ "$build" = 1 ]; then
  log "building Release (load console, bench baselines, host)"
  dotnet build -c Release src/ActorEcho.Load > "$out/build-load.log" 2>&1 || load_ok=0
  dotnet build -c Release bench/ActorEcho.Bench > "$out/build-bench.log" 2>&1 || bench_ok=0
  dotnet build -c Release src/ActorEcho.Host > "$out/build-host.log" 2>&1 || host_ok=0
fi
[ -f "$LOAD_DLL" ] || load_ok=0
[ -f "$BENCH_DLL" ] || bench_ok=0
[ -f "$HOST_DLL" ] || host_ok=0
if [ "$load_ok" = 0 ]; then
  echo "compare.sh: the load console did not build; see $out/build-load.log" >&2
  exit 1
fi

# --- helpers -------------------------------------------------------------------------------------
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
free_udp_port() {
  python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
cpu_ticks() {  # utime+stime of PID in clock ticks (fields 14 and 15 of /proc/PID/stat)
  [ -r "/proc/$1/stat" ] || { echo 0; return; }
  sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}
established() {  # server-side established TCP connections on local port $1 (ss from iproute2; 0 without it)
  if command -v ss > /dev/null; then ss -Htn state established "( sport = :$1 )" | wc -l; else echo 0; fi
}
status_kb() {  # a "VmXXX:  N kB" field of /proc/PID/status
  awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status" 2>/dev/null || echo 0
}
json_field() {  # json_field FILE KEY
  python3 -c 'import json,sys; v=json.load(open(sys.argv[1])).get(sys.argv[2]); print("" if v is None else v)' "$1" "$2" 2>/dev/null
}
json_errors() {  # total "errors" over several JSON files (a missing file counts as one error)
  python3 -c '
import json, sys
total = 0
for f in sys.argv[1:]:
    try: total += json.load(open(f)).get("errors", 0)
    except (OSError, ValueError): total += 1
print(total)' "$@"
}
json_median() {  # the JSON file whose msgs_per_s is the median of the given runs
  python3 -c '
import json, sys
def rate(f):
    try: return json.load(open(f)).get("msgs_per_s") or 0
    except (OSError, ValueError): return 0
runs = sorted(sys.argv[1:], key=rate)
print(runs[len(runs) // 2])' "$@"
}
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-0}" >> "$results"; }

server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null
    for _ in $(seq 1 $((STOP_TIMEOUT * 10))); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$server_pid" 2>/dev/null; then
      log "server $server_pid ignored SIGTERM for ${STOP_TIMEOUT}s; killing it"
      kill -KILL "$server_pid" 2>/dev/null
    fi
  fi
  wait "$server_pid" 2>/dev/null
  server_pid=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

# start_server NAME COMMAND PORT: runs COMMAND (exec'd, so $server_pid is the server itself) and
# waits, bounded, until it prints LISTENING or accepts a TCP connection on PORT.
start_server() {
  local name=$1 cmd=$2 port=$3 logf="$out/$1-server.log"
  log "starting $name: $cmd"
  bash -c "exec $cmd" > "$logf" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 $((READY_TIMEOUT * 10))); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      wait "$server_pid" 2>/dev/null; local rc=$?
      server_pid=""
      printf '%s\texited with %s before listening (see %s)\n' "$name" "$rc" "$logf" >> "$status"
      return 1
    fi
    if grep -q 'LISTENING' "$logf" 2>/dev/null || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  printf '%s\tnot listening after %ss (see %s)\n' "$name" "$READY_TIMEOUT" "$logf" >> "$status"
  stop_server
  return 1
}

# load NAME TAG ARGS...: one load-console run; the JSON lands in $out/NAME-TAG.json.
load() {
  local name=$1 tag=$2; shift 2
  local json="$out/$name-$tag.json"
  rm -f "$json"
  dotnet "$LOAD_DLL" --no-live --json "$json" --connect-timeout 10s --reply-timeout 10s "$@" \
    > "$out/$name-$tag.log" 2>&1
  echo "$json"
}

# --- one server ----------------------------------------------------------------------------------
run_server() {
  local name=$1 cmd=$2
  local port udp_port
  port=$(free_port); udp_port=$(free_udp_port)
  cmd=${cmd//\{PORT\}/$port}; cmd=${cmd//\{UDP_PORT\}/$udp_port}
  start_server "$name" "$cmd" "$port" || { log "$name: not available"; return; }
  printf '%s\tavailable\n' "$name" >> "$status"
  local pid=$server_pid json

  # Idle first, on a fresh process: RSS growth per held connection, before any traffic. "Held"
  # ends when the server's established connections start to fall (the load console closing them):
  # an RSS sample counts only if the count read right after it had not fallen yet. The peak
  # including the close is recorded as its own row.
  local rss_before rss_max rss rss_close est est_max=0 held=1 connected
  rss_before=$(status_kb "$pid" VmRSS)
  log "$name: $IDLE_CONNS idle connections for $IDLE_DURATION"
  load "$name" idle -w idle --port "$port" -c "$IDLE_CONNS" -d "$IDLE_DURATION" > /dev/null &
  local load_pid=$! ; rss_max=$rss_before; rss_close=$rss_before
  while kill -0 "$load_pid" 2>/dev/null; do
    rss=$(status_kb "$pid" VmRSS)
    [ "${rss:-0}" -gt "$rss_close" ] && rss_close=$rss
    if [ "$held" = 1 ]; then
      est=$(established "$port")
      [ "$est" -gt "$est_max" ] && est_max=$est
      if [ "$est_max" -gt 0 ] && [ "$est" -lt $((est_max - est_max / 100)) ]; then
        held=0
      elif [ "${rss:-0}" -gt "$rss_max" ]; then
        rss_max=$rss
      fi
    fi
    sleep 0.2
  done
  wait "$load_pid"
  json="$out/$name-idle.json"
  connected=$(json_field "$json" connected)
  if [ -n "$connected" ] && [ "$connected" -gt 0 ]; then
    record "$name" "idle KiB/conn" "$(awk -v a="$rss_max" -v b="$rss_before" -v n="$connected" 'BEGIN{printf "%.2f", (a-b)/n}')" "$(json_field "$json" errors)"
    record "$name" "idle KiB/conn incl. close" "$(awk -v a="$rss_close" -v b="$rss_before" -v n="$connected" 'BEGIN{printf "%.2f", (a-b)/n}')" "$(json_field "$json" errors)"
  fi
  record "$name" "idle connected" "${connected:-0}" "$(json_field "$json" errors)"

  log "$name: burst of $BURST_CONNS connections"
  json=$(load "$name" burst -w burst --port "$port" -c "$BURST_CONNS")
  record "$name" "burst ms" "$(json_field "$json" all_connected_ms)" "$(json_field "$json" errors)"

  local matrix_ticks=0 matrix_msgs=0 c s o r t0 t1 msgs errs runs
  for c in "${CONNS[@]}"; do
    for s in "${PAYLOADS[@]}"; do
      for o in "${OUTSTANDING[@]}"; do
        log "$name: echo c=$c payload=$s outstanding=$o for $CELL_DURATION x $repeat"
        t0=$(cpu_ticks "$pid")
        runs=()
        for r in $(seq 1 "$repeat"); do
          json=$(load "$name" "echo-c$c-s$s-o$o-r$r" -w echo --port "$port" -c "$c" --payload "$s" -o "$o" -d "$CELL_DURATION")
          runs+=("$json")
          msgs=$(json_field "$json" messages); matrix_msgs=$((matrix_msgs + ${msgs:-0}))
        done
        t1=$(cpu_ticks "$pid")
        json=$(json_median "${runs[@]}"); errs=$(json_errors "${runs[@]}")
        record "$name" "echo c=$c ${s}B o=$o" "$(json_field "$json" msgs_per_s)" "$errs"
        record "$name" "p99 c=$c ${s}B o=$o" "$(json_field "$json" p99_us)" "$errs"
        matrix_ticks=$((matrix_ticks + t1 - t0))
      done
    done
  done
  record "$name" "cpu s (matrix)" "$(awk -v t="$matrix_ticks" -v h="$CLK_TCK" 'BEGIN{printf "%.2f", t/h}')"
  if [ "$matrix_msgs" -gt 0 ]; then
    record "$name" "cpu us/msg (matrix)" "$(awk -v t="$matrix_ticks" -v h="$CLK_TCK" -v m="$matrix_msgs" 'BEGIN{printf "%.2f", t/h*1e6/m}')"
  fi

  if [ "$name" = actorecho ]; then
    log "$name: chat fan-out, one sender in a room of 1000, for $CHAT_DURATION"
    # 60 ms between lines keeps the sender under the server's 20 lines/s chat rate limit.
    json=$(load "$name" chat -w chat --port "$port" -c 1000 --room-size 1000 --senders 1 --think-time 60ms -d "$CHAT_DURATION")
    record "$name" "chat fan-out deliveries/s" "$(json_field "$json" msgs_per_s)" "$(json_field "$json" errors)"
    # The sustained rate above is bounded by the sender's pace; how fast one line reaches all 999
    # others is the fan-out cost itself.
    record "$name" "chat fan-out p99 delivery us" "$(json_field "$json" p99_us)" "$(json_field "$json" errors)"
    log "$name: UDP time queries for $UDP_DURATION"
    json=$(load "$name" udp -w udp --udp-port "$udp_port" --udp-mode time -c 16 -d "$UDP_DURATION")
    record "$name" "udp time queries/s" "$(json_field "$json" msgs_per_s)" "$(json_field "$json" errors)"
  fi

  record "$name" "peak RSS MiB" "$(awk -v k="$(status_kb "$pid" VmHWM)" 'BEGIN{printf "%.1f", k/1024}')"
  stop_server
}

# --- the servers ---------------------------------------------------------------------------------
IFS=',' read -r -a wanted <<< "$only"
for name in "${wanted[@]}"; do
  case "$name" in
    actorecho)
      if [ "$host_ok" = 1 ]; then run_server actorecho "$ACTORECHO_CMD"
      else printf 'actorecho\thost not built (%s missing or build failed, see %s)\n' "$HOST_DLL" "$out/build-host.log" >> "$status"; fi ;;
    plain|kestrel)
      if [ "$bench_ok" = 1 ]; then run_server "$name" "dotnet $BENCH_DLL serve $name --port {PORT}"
      else printf '%s\tbench project did not build (see %s)\n' "$name" "$out/build-bench.log" >> "$status"; fi ;;
    python)
      if command -v python3 > /dev/null; then run_server python "python3 bench/Baselines/asyncio_echo.py --port {PORT}"
      else printf 'python\tpython3 not installed\n' >> "$status"; fi ;;
    *) echo "compare.sh: unknown server '$name' in --only" >&2 ;;
  esac
done

# --- the table -----------------------------------------------------------------------------------
machine="$(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/^MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), Linux $(uname -r), .NET $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}'), $(python3 --version)"
conditions="mode: $([ "$quick" = 1 ] && echo quick || echo full), cell ${CELL_DURATION} x ${repeat}; load average at start ${loadavg_start}, at end $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" "$status" "$out/table.md" "$machine" "$conditions" <<'PY'
import csv, sys
results, status_file, table_file, machine, conditions = sys.argv[1:6]
servers = ["actorecho", "plain", "kestrel", "python"]
titles = {"actorecho": "ActorEcho", "plain": "plain socket", "kestrel": "Kestrel", "python": "asyncio"}
status = {}
for row in csv.reader(open(status_file), delimiter="\t"):
    if row: status[row[0]] = row[1]
values, errors, order = {}, {}, []
for row in csv.reader(open(results), delimiter="\t"):
    if not row: continue
    server, key, value, err = row[0], row[1], row[2], row[3] if len(row) > 3 else "0"
    if key not in order: order.append(key)
    values[(server, key)] = value
    errors[(server, key)] = err

def num(v):
    try: return float(v)
    except (TypeError, ValueError): return None

ae_only = {"chat fan-out deliveries/s", "chat fan-out p99 delivery us", "udp time queries/s"}
lower_better = lambda k: k.startswith(("p99", "idle KiB", "burst ms", "cpu", "peak RSS")) or k.endswith(" us")
def cell(server, key):
    if status.get(server, "") != "available":
        return "n/a"
    if key in ae_only and server != "actorecho":
        return "n/a"
    v = values.get((server, key))
    if v is None or v == "":
        return "-"
    n = num(v)
    text = f"{n:,.0f}" if n is not None and abs(n) >= 100 else (f"{n:,.2f}" if n is not None else v)
    e = num(errors.get((server, key)))
    if e and key != "idle connected":
        text += f" ({int(e)} err)"
    return text
def ratio(key, base):
    if key in ae_only: return "n/a"
    a, b = num(values.get(("actorecho", key))), num(values.get((base, key)))
    if status.get("actorecho") != "available" or status.get(base) != "available" or a is None or not b:
        return "n/a"
    return f"{a / b:.2f}"

head = ["measure"] + [titles[s] for s in servers] + ["AE/plain", "AE/Kestrel", "AE/asyncio"]
lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
for key in order + [k for k in ["chat fan-out deliveries/s", "chat fan-out p99 delivery us", "udp time queries/s"] if k not in order]:
    label = key + (" (lower is better)" if lower_better(key) else "")
    lines.append("| " + " | ".join([label] + [cell(s, key) for s in servers] +
                                   [ratio(key, b) for b in ("plain", "kestrel", "python")]) + " |")
notes = []
for s in servers:
    if status.get(s, "") != "available":
        notes.append(f"- {titles[s]}: not available" + (f" ({status[s]})" if s in status else " (not run)"))
targets = []
if status.get("actorecho") == "available" and status.get("plain") == "available":
    cells = [k for k in order if k.startswith("echo c=100 ")]
    bad = [k for k in cells if (num(ratio(k, "plain")) or 0) < 0.9]
    targets.append(f"- every 100-connection cell >= 0.9x plain: {'PASS' if not bad else 'FAIL (' + ', '.join(bad) + ')'}")
    mem = num(ratio("idle KiB/conn", "plain"))
    targets.append(f"- idle memory per connection below plain: {'PASS' if mem is not None and mem < 1 else 'FAIL'}")
else:
    targets.append("- targets (100-connection cells >= 0.9x plain; idle KiB/conn below plain): not checked, ActorEcho not available")
text = "\n".join(lines + [""] + notes + targets + [f"- machine: {machine}", f"- {conditions}"]) + "\n"
open(table_file, "w").write(text)
print(text)
PY
log "logs, JSON and table.md are in $out"
