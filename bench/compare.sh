#!/usr/bin/env bash
# bench/compare.sh: ActorEcho against baseline echo servers, side by side.
#
# Builds Release, then starts each server in turn on free loopback ports, measures it alone on its
# fresh process with 10,000 idle connections (server RSS per connection, then a probe each must
# answer) and a 10,000-connection burst (time until all are served), and leaves it up. Then the
# load console (src/ActorEcho.Load, every echoed byte verified) drives the echo matrix
#   connections 1 / 100 / 1,000  x  payload 32 B / 4 KiB  x  outstanding 1 / 16   (echo, msgs/s)
# cell by cell, every server in turn at each cell (the order rotating from cell to cell), so the
# runs a ratio compares are seconds apart, not minutes. Each server's CPU time (counted while its
# own load runs) and peak RSS come from /proc/PID.
#
# The servers (names for --only):
#   actorecho-echo     ActorEcho's RFC 862 echo endpoint (echo-tcp)
#   actorecho-session  ActorEcho's session endpoint (session-tcp): plain lines echoed through the full
#                      session protocol; also chat fan-out (one line to a room of 1,000) and UDP time
#                      queries on session-udp
#   akka-io            stock Akka.IO echo as the Akka.NET docs show it, default configuration
#   plain              one async Socket receive/send loop per connection
#   kestrel            Kestrel's ConnectionHandler, input pipe copied to output pipe
#   asyncio            Python asyncio streams echo
#   (actorecho = both ActorEcho ports, python = asyncio)
# Prints one table with ratios of each ActorEcho port against plain and against stock Akka.IO
# (also written to $OUT/table.md).
#
# Usage: bench/compare.sh [--quick] [--runs N] [--repeat N] [--no-build] [--only NAME[,NAME...]] [--out DIR]
#   --quick     2 s per cell and short idle/fan-out phases: a check in a few minutes
#   --runs N    N full comparisons one after the other (every server, fresh processes each time);
#               the table shows the median over the runs of each figure and of each ratio (ratios
#               are taken within a run, then the median of those), and the targets are checked on it
#   --repeat N  run every matrix cell N times and report the run with the median msgs/s
#   --no-build  use the existing Release builds
#   --only      run only these servers (see above; default all)
#   --out DIR   where logs, JSON results and the table go (default: a new temp directory)
#
# A server that is missing or does not start is reported as "not available" and the others run.
set -uo pipefail
cd "$(dirname "$0")/.."

# ================================================================================================
# The ActorEcho server command line. {SESSION_PORT}, {ECHO_PORT} and {UDP_PORT} are replaced by
# free loopback ports ({PORT} means {SESSION_PORT}). The built dll is started rather than
# `dotnet run`, so the process the script watches (CPU, RSS) is the server itself.
# Override without editing: ACTORECHO_CMD='dotnet path/to/Host.dll --my-flags ...' bench/compare.sh
AE_KEY=actorecho.server.endpoints
ACTORECHO_CMD=${ACTORECHO_CMD:-"dotnet src/ActorEcho.Host/bin/Release/net10.0/ActorEcho.Host.dll --config hocon/load-test.conf -D$AE_KEY.session-tcp.port={SESSION_PORT} -D$AE_KEY.session-udp.port={UDP_PORT} -D$AE_KEY.echo-tcp.port={ECHO_PORT} -D$AE_KEY.time-tcp.enabled=off -D$AE_KEY.time-udp.enabled=off -D$AE_KEY.daytime-tcp.enabled=off -D$AE_KEY.daytime-udp.enabled=off"}
# ================================================================================================

LOAD_DLL=src/ActorEcho.Load/bin/Release/net10.0/ActorEcho.Load.dll
BENCH_DLL=bench/ActorEcho.Bench/bin/Release/net10.0/ActorEcho.Bench.dll
HOST_DLL=src/ActorEcho.Host/bin/Release/net10.0/ActorEcho.Host.dll
ALL_SERVERS="actorecho-echo,actorecho-session,akka-io,plain,kestrel,asyncio"

quick=0
runs=1
repeat=1
build=1
only="$ALL_SERVERS"
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    --only) only="$2"; shift ;;
    --out) out="$2"; shift ;;
    --repeat) repeat="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

case "$repeat" in ''|*[!0-9]*|0) echo "compare.sh: --repeat needs a positive whole number" >&2; exit 2 ;; esac
case "$runs" in ''|*[!0-9]*|0) echo "compare.sh: --runs needs a positive whole number" >&2; exit 2 ;; esac

# The servers to run, in the order asked, aliases expanded, duplicates dropped and unknown names refused
# before anything is built.
wanted=()
IFS=',' read -r -a asked <<< "$only"
for name in "${asked[@]}"; do
  case "$name" in
    actorecho) expanded=(actorecho-echo actorecho-session) ;;
    python) expanded=(asyncio) ;;
    actorecho-echo|actorecho-session|akka-io|plain|kestrel|asyncio) expanded=("$name") ;;
    *) echo "compare.sh: unknown server '$name' in --only; known: $ALL_SERVERS (actorecho = both ActorEcho ports, python = asyncio)" >&2; exit 2 ;;
  esac
  for e in "${expanded[@]}"; do
    [[ " ${wanted[*]} " == *" $e "* ]] || wanted+=("$e")
  done
done
[ "${#wanted[@]}" -gt 0 ] || { echo "compare.sh: --only names no server" >&2; exit 2; }
wants() {  # wants PATTERN: is a server matching the glob PATTERN among those to run?
  local w
  for w in "${wanted[@]}"; do [[ "$w" == $1 ]] && return 0; done
  return 1
}

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
results="$out/results.tsv"     # run <TAB> server <TAB> row <TAB> value <TAB> errors
status="$out/status.tsv"       # server <TAB> available|reason
loads="$out/loads.tsv"         # server <TAB> tag <TAB> load-console exit code <TAB> JSON file (tags of run K > 1 end in -runK)
: > "$results"
: > "$status"
: > "$loads"
CLK_TCK=$(getconf CLK_TCK)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- build ---------------------------------------------------------------------------------------
bench_ok=1; load_ok=1; host_ok=1
if [ "$build" = 1 ]; then
  # Only what the chosen servers need: a baseline-only run must not wait for (or fail on) the host.
  log "building Release: load console"
  dotnet build -c Release src/ActorEcho.Load > "$out/build-load.log" 2>&1 || load_ok=0
  # Always: besides the baselines it holds the idle client (the idle suite) every server is measured with.
  log "building Release: bench program"
  dotnet build -c Release bench/ActorEcho.Bench > "$out/build-bench.log" 2>&1 || bench_ok=0
  if wants 'actorecho-*'; then
    log "building Release: host"
    dotnet build -c Release src/ActorEcho.Host > "$out/build-host.log" 2>&1 || host_ok=0
  fi
fi
[ -f "$LOAD_DLL" ] || load_ok=0
[ -f "$BENCH_DLL" ] || bench_ok=0
[ -f "$HOST_DLL" ] || host_ok=0
if [ "$load_ok" = 0 ] || [ "$bench_ok" = 0 ]; then
  echo "compare.sh: the load console or the bench program did not build; see $out/build-load.log and $out/build-bench.log" >&2
  exit 1
fi

# --- helpers -------------------------------------------------------------------------------------
# free_ports, cpu_ticks, established, status_kb, json_field, stop_pid
. bench/lib.sh
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
run=1
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$1" "$2" "$3" "${4:-0}" >> "$results"; }

# The servers of the current run that are up: name -> pid, and the port the load goes to.
declare -A PID_OF PORT_OF UDP_PORT_OF
server_pid=""   # set by start_server
stop_pid_logged() {  # stop_pid_logged PID: stop_pid with the script's timeout, saying so when it had to kill
  stop_pid "$1" "$STOP_TIMEOUT" || log "server $1 ignored SIGTERM for ${STOP_TIMEOUT}s; killed it"
}
stop_server() {
  [ -n "$server_pid" ] || return 0
  stop_pid_logged "$server_pid"
  server_pid=""
}
stop_all() {
  local name
  stop_server
  for name in "${!PID_OF[@]}"; do stop_pid_logged "${PID_OF[$name]}"; done
  PID_OF=(); PORT_OF=(); UDP_PORT_OF=()
}
trap stop_all EXIT
trap 'stop_all; exit 130' INT TERM

# start_server NAME COMMAND PORT: runs COMMAND (exec'd, so $server_pid is the server itself) and
# waits, bounded, until PORT accepts a TCP connection. A single-endpoint baseline may instead say
# LISTENING; ActorEcho binds several endpoints, so only a connect to the measured one counts there.
start_server() {
  local name=$1 cmd=$2 port=$3 logf="$out/$1-server.log" trust_listening=1
  [ "$run" -gt 1 ] && logf="$out/$1-server-run$run.log"
  [[ "$name" == actorecho-* ]] && trust_listening=0
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
    if { [ "$trust_listening" = 1 ] && grep -q 'LISTENING' "$logf" 2>/dev/null; } || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  printf '%s\tnot listening after %ss (see %s)\n' "$name" "$READY_TIMEOUT" "$logf" >> "$status"
  stop_server
  return 1
}

# load NAME TAG ARGS...: one load-console run; the JSON lands in $out/NAME-TAG.json. Every run is
# listed in $loads with its exit code (0 = every connection made and every reply verified). Each
# run is bounded: by -d, or by -c connections for burst, and by the connect and reply timeouts.
load() {
  local name=$1 tag=$2; shift 2
  [ "$run" -gt 1 ] && tag="$tag-run$run"
  local json="$out/$name-$tag.json" rc
  rm -f "$json"
  dotnet "$LOAD_DLL" --no-live --json "$json" --connect-timeout 10s --reply-timeout 10s "$@" \
    > "$out/$name-$tag.log" 2>&1
  rc=$?
  printf '%s\t%s\t%s\t%s\n' "$name" "$tag" "$rc" "$json" >> "$loads"
  echo "$json"
}

# --- one server: idle and burst on a fresh process ------------------------------------------------
start_and_prepare() {
  local name=$1 cmd=$2
  local port session_port echo_port udp_port
  read -r session_port echo_port udp_port < <(free_ports)
  cmd=${cmd//\{PORT\}/$session_port}; cmd=${cmd//\{SESSION_PORT\}/$session_port}
  cmd=${cmd//\{ECHO_PORT\}/$echo_port}; cmd=${cmd//\{UDP_PORT\}/$udp_port}
  # Both ActorEcho runs start the same server; which endpoint the load goes to is what differs.
  port=$session_port
  [ "$name" = actorecho-echo ] && port=$echo_port
  start_server "$name" "$cmd" "$port" || { log "$name: not available"; return; }
  printf '%s\tavailable\n' "$name" >> "$status"
  local pid=$server_pid json

  # Idle first, on a fresh process: RSS growth per held connection, before any traffic. The bench
  # program's idle client (bench/ActorEcho.Bench/Idle) opens the connections, holds them silent,
  # then sends each a one-byte probe that must come back. "Held" ends when it starts probing, or
  # when the server's established connections start to fall: an RSS sample counts only if neither
  # had happened when it was read. The peak including probe and close is recorded as its own row.
  local rss_before rss_max rss rss_close est est_max=0 held=1 connected idle_tag=idle
  [ "$run" -gt 1 ] && idle_tag="idle-run$run"
  local idle_log="$out/$name-$idle_tag.log" idle_json="$out/$name-$idle_tag.json"
  rss_before=$(status_kb "$pid" VmRSS)
  log "$name: $IDLE_CONNS idle connections for $IDLE_DURATION, then a probe on each"
  rm -f "$idle_json"
  dotnet "$BENCH_DLL" idle --port "$port" --connections "$IDLE_CONNS" --hold "$IDLE_DURATION" --json "$idle_json" > "$idle_log" 2>&1 &
  local load_pid=$! ; rss_max=$rss_before; rss_close=$rss_before
  while kill -0 "$load_pid" 2>/dev/null; do
    rss=$(status_kb "$pid" VmRSS)
    [ "${rss:-0}" -gt "$rss_close" ] && rss_close=$rss
    if [ "$held" = 1 ]; then
      est=$(established "$port")
      [ "$est" -gt "$est_max" ] && est_max=$est
      if grep -q PROBING "$idle_log" 2>/dev/null || { [ "$est_max" -gt 0 ] && [ "$est" -lt $((est_max - est_max / 100)) ]; }; then
        held=0
      elif [ "${rss:-0}" -gt "$rss_max" ]; then
        rss_max=$rss
      fi
    fi
    sleep 0.2
  done
  wait "$load_pid"
  printf '%s\t%s\t%s\t%s\n' "$name" "$idle_tag" "$?" "$idle_json" >> "$loads"
  json=$idle_json
  connected=$(json_field "$json" connected)
  if [ -n "$connected" ] && [ "$connected" -gt 0 ]; then
    record "$name" "idle KiB/conn" "$(awk -v a="$rss_max" -v b="$rss_before" -v n="$connected" 'BEGIN{printf "%.2f", (a-b)/n}')" "$(json_field "$json" errors)"
    record "$name" "idle KiB/conn incl. probe and close" "$(awk -v a="$rss_close" -v b="$rss_before" -v n="$connected" 'BEGIN{printf "%.2f", (a-b)/n}')" "$(json_field "$json" errors)"
  fi
  record "$name" "idle connected" "${connected:-0}" "$(json_field "$json" errors)"
  record "$name" "idle answered the probe after the hold" "$(json_field "$json" answered)" "$(json_field "$json" errors)"

  log "$name: burst of $BURST_CONNS connections"
  json=$(load "$name" burst -w burst --port "$port" -c "$BURST_CONNS")
  record "$name" "burst ms" "$(json_field "$json" all_connected_ms)" "$(json_field "$json" errors)"

  # Stays up for the matrix, which takes the servers in turn at each cell.
  PID_OF[$name]=$pid; PORT_OF[$name]=$port; UDP_PORT_OF[$name]=$udp_port
  server_pid=""
}

# --- the echo matrix: cell by cell, every server in turn at each cell --------------------------------
# The machine's speed drifts over minutes (other tenants of the host); taking the servers one after
# the other at each cell, instead of each server's whole matrix in turn, puts a few seconds rather
# than many minutes between the runs a ratio compares. The order rotates from cell to cell, so no
# server always goes first. A server's CPU is counted only while its own load runs.
run_matrix() {
  local up=() name
  for name in "${wanted[@]}"; do [ -n "${PID_OF[$name]:-}" ] && up+=("$name"); done
  [ "${#up[@]}" -gt 0 ] || return 0
  declare -A ticks msgs_total
  for name in "${up[@]}"; do ticks[$name]=0; msgs_total[$name]=0; done
  local c s o r i k t0 t1 msgs errs json cell_no=0 runs
  for c in "${CONNS[@]}"; do
    for s in "${PAYLOADS[@]}"; do
      for o in "${OUTSTANDING[@]}"; do
        log "echo c=$c payload=$s outstanding=$o for $CELL_DURATION x $repeat: ${up[*]}"
        for ((k = 0; k < ${#up[@]}; k++)); do
          i=$(( (k + cell_no) % ${#up[@]} )); name=${up[$i]}
          kill -0 "${PID_OF[$name]}" 2>/dev/null || log "$name: the server is gone (pid ${PID_OF[$name]})"
          t0=$(cpu_ticks "${PID_OF[$name]}")
          runs=()
          for r in $(seq 1 "$repeat"); do
            json=$(load "$name" "echo-c$c-s$s-o$o-r$r" -w echo --port "${PORT_OF[$name]}" -c "$c" --payload "$s" -o "$o" -d "$CELL_DURATION")
            runs+=("$json")
            msgs=$(json_field "$json" messages); msgs_total[$name]=$(( ${msgs_total[$name]} + ${msgs:-0} ))
          done
          t1=$(cpu_ticks "${PID_OF[$name]}")
          ticks[$name]=$(( ${ticks[$name]} + t1 - t0 ))
          json=$(json_median "${runs[@]}"); errs=$(json_errors "${runs[@]}")
          record "$name" "echo c=$c ${s}B o=$o" "$(json_field "$json" msgs_per_s)" "$errs"
          record "$name" "p99 c=$c ${s}B o=$o" "$(json_field "$json" p99_us)" "$errs"
        done
        cell_no=$((cell_no + 1))
      done
    done
  done
  for name in "${up[@]}"; do
    record "$name" "cpu s (matrix)" "$(awk -v t="${ticks[$name]}" -v h="$CLK_TCK" 'BEGIN{printf "%.2f", t/h}')"
    if [ "${msgs_total[$name]}" -gt 0 ]; then
      record "$name" "cpu us/msg (matrix)" "$(awk -v t="${ticks[$name]}" -v h="$CLK_TCK" -v m="${msgs_total[$name]}" 'BEGIN{printf "%.2f", t/h*1e6/m}')"
    fi
  done
}

# --- after the matrix: the session port's chat and UDP, peak RSS, stop --------------------------------
finish_server() {
  local name=$1 pid=${PID_OF[$1]} port=${PORT_OF[$1]} json
  if [ "$name" = actorecho-session ]; then
    log "$name: chat fan-out, one sender in a room of 1000, for $CHAT_DURATION"
    # 60 ms between lines keeps the sender under the server's 20 lines/s chat rate limit.
    json=$(load "$name" chat -w chat --port "$port" -c 1000 --room-size 1000 --senders 1 --think-time 60ms -d "$CHAT_DURATION")
    record "$name" "chat fan-out deliveries/s" "$(json_field "$json" msgs_per_s)" "$(json_field "$json" errors)"
    # The sustained rate above is bounded by the sender's pace; how fast one line reaches all 999
    # others is the fan-out cost itself.
    record "$name" "chat fan-out p99 delivery us" "$(json_field "$json" p99_us)" "$(json_field "$json" errors)"
    log "$name: UDP time queries for $UDP_DURATION"
    json=$(load "$name" udp -w udp --udp-port "${UDP_PORT_OF[$name]}" --udp-mode time -c 16 -d "$UDP_DURATION")
    record "$name" "udp time queries/s" "$(json_field "$json" msgs_per_s)" "$(json_field "$json" errors)"
  fi

  record "$name" "peak RSS MiB" "$(awk -v k="$(status_kb "$pid" VmHWM)" 'BEGIN{printf "%.1f", k/1024}')"
  stop_pid_logged "$pid"
  unset "PID_OF[$name]"
}

# --- the servers ---------------------------------------------------------------------------------
for run in $(seq 1 "$runs"); do
[ "$runs" -gt 1 ] && log "run $run of $runs"
for name in "${wanted[@]}"; do
  case "$name" in
    actorecho-*)
      if [ "$host_ok" = 1 ]; then start_and_prepare "$name" "$ACTORECHO_CMD"
      else printf '%s\thost not built (%s missing or build failed, see %s)\n' "$name" "$HOST_DLL" "$out/build-host.log" >> "$status"; fi ;;
    akka-io|plain|kestrel)
      if [ "$bench_ok" = 1 ]; then start_and_prepare "$name" "dotnet $BENCH_DLL serve $name --port {PORT}"
      else printf '%s\tbench project did not build (see %s)\n' "$name" "$out/build-bench.log" >> "$status"; fi ;;
    asyncio)
      if command -v python3 > /dev/null; then start_and_prepare asyncio "python3 bench/Baselines/asyncio_echo.py --port {PORT}"
      else printf 'asyncio\tpython3 not installed\n' >> "$status"; fi ;;
  esac
done
run_matrix
for name in "${wanted[@]}"; do
  [ -n "${PID_OF[$name]:-}" ] && finish_server "$name"
done
stop_all
done

# --- the table -----------------------------------------------------------------------------------
machine="$(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/^MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), Linux $(uname -r), .NET $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}'), $(python3 --version)"
conditions="mode: $([ "$quick" = 1 ] && echo quick || echo full), cell ${CELL_DURATION} x ${repeat}, $runs run(s)$([ "$runs" -gt 1 ] && echo ', each figure and each ratio the median over the runs'); load average at start ${loadavg_start}, at end $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" "$status" "$loads" "$out/table.md" "$machine" "$conditions" "$(IFS=,; echo "${wanted[*]}")" <<'PY'
import csv, json, statistics, sys
results, status_file, loads_file, table_file, machine, conditions, wanted = sys.argv[1:8]
titles = {"actorecho-echo": "ActorEcho echo-tcp", "actorecho-session": "ActorEcho session-tcp",
          "akka-io": "stock Akka.IO", "plain": "plain socket", "kestrel": "Kestrel", "asyncio": "asyncio"}
# Only the servers asked for get a column, in the script's order.
servers = [s for s in titles if s in wanted.split(",")]
# Ratio columns: each ActorEcho port against plain and against stock Akka.IO, and stock Akka.IO
# against plain (what Akka.IO itself costs before ActorEcho adds anything).
ratio_pairs = [(a, b) for a in ("actorecho-echo", "actorecho-session") for b in ("plain", "akka-io")] + [("akka-io", "plain")]
ratio_pairs = [(a, b) for a, b in ratio_pairs if a in servers and b in servers]
short = {"actorecho-echo": "echo-tcp", "actorecho-session": "session-tcp", "akka-io": "Akka.IO", "plain": "plain"}
status = {}
for row in csv.reader(open(status_file), delimiter="\t"):
    # A server counts as available when any run started it.
    if row and status.get(row[0]) != "available": status[row[0]] = row[1]

def num(v):
    try: return float(v)
    except (TypeError, ValueError): return None

# Per run: values and errors; the table shows medians over the runs.
runs, order = {}, []
for row in csv.reader(open(results), delimiter="\t"):
    if not row: continue
    run, server, key, value, err = row[0], row[1], row[2], row[3], row[4] if len(row) > 4 else "0"
    if key not in order: order.append(key)
    runs.setdefault(run, {})[(server, key)] = (value, err)
run_ids = sorted(runs, key=int)
def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None
def value(server, key):
    return med([num(runs[r].get((server, key), (None, 0))[0]) for r in run_ids])
def errors(server, key):
    return sum(num(runs[r].get((server, key), (None, 0))[1]) or 0 for r in run_ids)

session_only = ["chat fan-out deliveries/s", "chat fan-out p99 delivery us", "udp time queries/s"]
lower_better = lambda k: k.startswith(("p99", "idle KiB", "burst ms", "cpu", "peak RSS")) or k.endswith(" us")
available = lambda s: status.get(s, "") == "available"
def cell(server, key):
    if not available(server) or (key in session_only and server != "actorecho-session"):
        return "n/a"
    v = value(server, key)
    if v is None:
        return "-"
    text = f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.2f}"
    e = errors(server, key)
    if e and not key.startswith("idle connected") and not key.startswith("idle answered"):
        text += f" ({int(e)} err)"
    return text
def ratio_value(key, a, b):
    # Within each run, then the median over the runs: the servers of one run shared its machine state.
    if key in session_only or not available(a) or not available(b): return None
    per_run = []
    for r in run_ids:
        x, y = num(runs[r].get((a, key), (None, 0))[0]), num(runs[r].get((b, key), (None, 0))[0])
        if x is not None and y: per_run.append(x / y)
    return med(per_run)
def ratio(key, a, b):
    v = ratio_value(key, a, b)
    return "n/a" if v is None else f"{v:.2f}"

head = ["measure"] + [titles[s] for s in servers] + [f"{short[a]}/{short[b]}" for a, b in ratio_pairs]
lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
rows = order + [k for k in session_only if k not in order and "actorecho-session" in servers]
for key in rows:
    label = key + (" (lower is better)" if lower_better(key) else "")
    lines.append("| " + " | ".join([label] + [cell(s, key) for s in servers] +
                                   [ratio(key, a, b) for a, b in ratio_pairs]) + " |")
notes = []
for s in servers:
    if not available(s):
        notes.append(f"- {titles[s]}: not available" + (f" ({status[s]})" if s in status else " (not run)"))

# Every load-console run counts: a failed verification, a refused or dropped connection, a missing
# summary or a non-zero exit.
load_runs, failed, total_errors = 0, [], 0
for row in csv.reader(open(loads_file), delimiter="\t"):
    if len(row) < 4: continue
    load_runs += 1
    try: e = int(json.load(open(row[3])).get("errors", 0))
    except (OSError, ValueError): e = 1
    total_errors += e
    if e or row[2] != "0": failed.append(f"{row[0]} {row[1]} (exit {row[2]}, {e} errors)")
checks = [f"- load runs: {load_runs}, errors: {total_errors}" +
          ("" if not failed else "; runs with errors or a non-zero exit: " + ", ".join(failed))]

# The targets of issue 12, on the medians above (ratios within each run, median over the runs).
def verdict(bad): return "PASS" if not bad else "FAIL (" + ", ".join(bad) + ")"
cells = lambda conns: [k for k in order if k.startswith(tuple(f"echo c={c} " for c in conns))]
for ae, floor in (("actorecho-echo", 1.0), ("actorecho-session", 0.9)):
    if ae not in servers: continue
    if available(ae) and available("akka-io"):
        bad = [f"{k} {ratio(k, ae, 'akka-io')}" for k in cells((100, 1000)) if (ratio_value(k, ae, "akka-io") or 0) < floor]
        checks.append(f"- {titles[ae]}: every 100- and 1,000-connection cell >= {floor}x stock Akka.IO: {verdict(bad)}")
        mem = ratio_value("idle KiB/conn", ae, "akka-io")
        checks.append(f"- {titles[ae]}: idle memory per held connection <= stock Akka.IO's: {'PASS' if mem is not None and mem <= 1 else 'FAIL'} ({ratio('idle KiB/conn', ae, 'akka-io')})")
    else:
        checks.append(f"- {titles[ae]}: Akka.IO targets not checked (needs it and stock Akka.IO)")
    answered = value(ae, "idle answered the probe after the hold")
    checks.append(f"- {titles[ae]}: every held connection answered the probe after the hold: {'PASS' if answered is not None and answered >= 10000 else 'FAIL'}")
    if available(ae) and available("plain"):
        if ae == "actorecho-echo":
            bad = [f"{k} {ratio(k, ae, 'plain')}" for k in cells((100,)) if (ratio_value(k, ae, "plain") or 0) < 0.85]
            checks.append(f"- {titles[ae]}: every 100-connection cell >= 0.85x plain: {verdict(bad)}")
        bad = [f"{k} {ratio(k, ae, 'plain')}" for k in order if k.startswith("p99 c=100 ") and (ratio_value(k, ae, "plain") or 99) > 1.5]
        checks.append(f"- {titles[ae]}: p99 at 100 connections <= 1.5x plain's: {verdict(bad)}")
text = "\n".join(lines + [""] + notes + checks + [f"- machine: {machine}", f"- {conditions}"]) + "\n"
open(table_file, "w").write(text)
print(text)
PY
log "logs, JSON and table.md are in $out"
