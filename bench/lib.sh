# bench/lib.sh: helpers the bench scripts share (sourced by compare.sh and paired.sh).

free_ports() {  # two distinct free loopback TCP ports (held together, so they cannot coincide) and one UDP port
  python3 -c '
import socket
tcp = [socket.socket() for _ in range(2)]
for s in tcp: s.bind(("127.0.0.1", 0))
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); udp.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in tcp + [udp]])
for s in tcp + [udp]: s.close()'
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
stop_pid() {  # stop_pid PID SECONDS: SIGTERM, wait up to SECONDS for it to exit, then SIGKILL; returns 1 if it had to be killed
  local p=$1 killed=0
  if kill -0 "$p" 2>/dev/null; then
    kill -TERM "$p" 2>/dev/null
    for _ in $(seq 1 $(($2 * 10))); do
      kill -0 "$p" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$p" 2>/dev/null; then
      kill -KILL "$p" 2>/dev/null
      killed=1
    fi
  fi
  wait "$p" 2>/dev/null
  return $killed
}
