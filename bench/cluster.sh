#!/usr/bin/env bash
# Cross-node chat on this machine: the same chat load against one node and against a cluster of
# three nodes (three host processes on loopback, the load console's --targets spreading every room
# over the three), then the time from a SIGKILL of one node until the survivors stop listing its
# user. Prints one table; bench/README.md ("Cluster figures") records a run.
#
#   bench/cluster.sh            about 3 minutes
#   bench/cluster.sh --quick    shorter phases, one kill: about 1 minute
#
# Everything runs on 127.0.0.1 (free ports picked by the OS), every load run is bounded by its
# duration or message count and by the load console's timeouts, and every server is stopped at the
# end (SIGTERM, then SIGKILL if it is still there after 20 s).
set -euo pipefail
cd "$(dirname "$0")/.."

PACED_DURATION=15s
KILLS=3
if [ "${1:-}" = --quick ]; then PACED_DURATION=5s; KILLS=1; fi

HOST_DLL=src/ActorEcho.Host/bin/Release/net10.0/ActorEcho.Host.dll
LOAD_DLL=src/ActorEcho.Load/bin/Release/net10.0/ActorEcho.Load.dll
dotnet build src/ActorEcho.Host -c Release -v q -nologo >/dev/null
dotnet build src/ActorEcho.Load -c Release -v q -nologo >/dev/null

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

log() { printf '[cluster.sh] %s\n' "$*" >&2; }

# Only the session port; limits lifted as for every load run (hocon/load-test.conf).
NODE_ARGS=(--config hocon/load-test.conf -Dactorecho.server.endpoints.session-tcp.port=0)
for e in session-udp echo-tcp time-tcp time-udp daytime-tcp daytime-udp; do
  NODE_ARGS+=("-Dactorecho.server.endpoints.$e.enabled=off")
done

# start NAME ARGS...: starts a host, waits until it listens; sets $session_port and $pid.
start() {
  local name=$1; shift
  local out="$work/$name.log"
  dotnet "$HOST_DLL" "${NODE_ARGS[@]}" "$@" >"$out" 2>&1 &
  pid=$!; pids+=("$pid")
  for _ in $(seq 1 120); do
    grep -q "ActorEcho ready" "$out" && break
    kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; exit 1; }
    sleep 0.25
  done
  session_port=$(grep -o 'Listening: session-tcp tcp 127.0.0.1:[0-9]*' "$out" | grep -o '[0-9]*$')
  log "$name: pid $pid, session port $session_port"
}

# client.py: the session protocol from Python, for readiness and for timing a death.
cat >"$work/client.py" <<'PY'
import socket, sys, time

def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    return s, s.makefile("rb")

def command(conn, line):
    s, f = conn
    s.sendall((line + "\n").encode())
    return f.readline().decode().rstrip("\n")

mode = sys.argv[1]
if mode == "ready":
    # Every node lists N sessions in /who (one probe per node) and N nodes in /stats: the cluster
    # has formed and every hub follows every other. Bounded: 60 s.
    ports = [int(p) for p in sys.argv[2].split(",")]
    conns = [connect(p) for p in ports]
    deadline = time.time() + 60
    while time.time() < deadline:
        if all(command(c, "/who").startswith(f"WHO * {len(ports)}:") and command(c, "/stats").endswith(f"nodes={len(ports)}") for c in conns):
            sys.exit(0)
        time.sleep(0.2)
    sys.exit("cluster not ready within 60 s")
elif mode == "death":
    # A watcher on one node, the victim on another, both in a room; prints the seconds from the
    # moment the victim's node is SIGKILLed (the pid) until the watcher reads "* victim left".
    watcher_port, victim_port, pid = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    watcher, victim = connect(watcher_port), connect(victim_port)
    assert command(watcher, "/nick watcher") == "OK nick watcher"
    assert command(victim, "/nick victim") == "OK nick victim"
    command(watcher, "/join probe")
    deadline = time.time() + 10
    while not command(victim, "/rooms").startswith("ROOMS 1: probe(1)") and time.time() < deadline:
        time.sleep(0.1)
    assert command(victim, "/join probe").startswith("OK joined probe (2")
    assert watcher[1].readline().decode().startswith("[probe] * victim joined")
    import os, signal
    start = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    watcher[0].settimeout(60)
    line = watcher[1].readline().decode().rstrip("\n")
    assert line == "[probe] * victim left", line
    print(f"{time.monotonic() - start:.1f}")
PY

load() {
  local json="$work/$1.json"; shift
  dotnet "$LOAD_DLL" --no-live --json "$json" --connect-timeout 10s "$@" >"$work/load.out" 2>&1 || { cat "$work/load.out" >&2; }
  python3 -c "import json,sys; d=json.load(open('$json')); print(d['msgs_per_s'], d.get('p99_us',0), d.get('p99_last_delivery_us',0), d['errors'], d['messages'])"
}

results=()
measure() {
  local label=$1 targets=$2
  log "$label: paced fan-out (room of 300, 5 senders every 60 ms, $PACED_DURATION)"
  read -r rate p99 p99last errs msgs < <(load "$label-paced" -w chat $targets -c 300 --room-size 300 --senders 5 --think-time 60ms --payload 100 -d "$PACED_DURATION" --reply-timeout 30s)
  results+=("$label|paced: room 300, 5 senders x 16.7 lines/s|$rate|$p99|$p99last|$errs|$msgs")
  log "$label: burst (room of 30, 5 senders, 20,000 lines at once)"
  read -r rate p99 p99last errs msgs < <(load "$label-burst" -w chat $targets -c 30 --room-size 30 --senders 5 --think-time 0 --payload 100 --messages 20000 --reply-timeout 60s)
  results+=("$label|burst: room 30, 5 senders, 20,000 lines|$rate|$p99|$p99last|$errs|$msgs")
}

log "single node (no cluster flags)"
start single
single_pid=$pid
measure "1 node" "--port $session_port"
kill -TERM "$single_pid"; wait "$single_pid" || true

# Cluster ports the OS says are free now (load-test.conf logs at Warning, so the port a node picked
# for --cluster-port 0 would not show in its log).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
c1=$(free_port)
seed="127.0.0.1:$c1"
log "three nodes (node 1 --cluster-port $c1; nodes 2 and 3 --seed $seed)"
start n1 --cluster-port "$c1"; p1=$session_port
start n2 --cluster-port "$(free_port)" --seed "$seed"; p2=$session_port
start n3 --cluster-port "$(free_port)" --seed "$seed"; p3=$session_port; pid3=$pid
python3 "$work/client.py" ready "$p1,$p2,$p3"
measure "3 nodes" "--targets 127.0.0.1:$p1,127.0.0.1:$p2,127.0.0.1:$p3"

deaths=()
for k in $(seq 1 "$KILLS"); do
  log "SIGKILL $k of $KILLS: node 3 (pid $pid3), watcher on node 1"
  deaths+=("$(python3 "$work/client.py" death "$p1" "$p3" "$pid3")")
  if [ "$k" -lt "$KILLS" ]; then
    start "n3-$k" --cluster-port "$(free_port)" --seed "$seed"; p3=$session_port; pid3=$pid
    python3 "$work/client.py" ready "$p1,$p2,$p3"
  fi
done

printf '\n%-8s | %-42s | %14s | %14s | %19s | %6s\n' nodes workload "deliveries/s" "p99 delivery" "p99 last delivery" errors
printf '%s\n' "---------+--------------------------------------------+----------------+----------------+---------------------+-------"
for r in "${results[@]}"; do
  IFS='|' read -r label workload rate p99 p99last errs msgs <<<"$r"
  printf '%-8s | %-42s | %14s | %11s ms | %16s ms | %6s\n' "$label" "$workload" "$(printf '%.0f' "$rate")" \
    "$(awk -v u="$p99" 'BEGIN{printf "%.1f", u/1000}')" "$(awk -v u="$p99last" 'BEGIN{printf "%.1f", u/1000}')" "$errs"
done
printf '\nSIGKILL of a node until the survivors stop listing its user: %s s\n' "${deaths[*]}"
