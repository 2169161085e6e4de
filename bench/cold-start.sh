#!/usr/bin/env bash
# Cold start of the platform and its memory, measured on the domain that `./sunshine run` made.
#
#   bench/cold-start.sh [ROUNDS]
#
# Each round stops the domain, starts it (a cold JVM; the EAR is already deployed), and times
# start-domain until /health/ready answers UP. Then it reads the server's resident memory
# (RSS) idle, and again after 200 requests to the home page and the API. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
asadmin=.run/payara6/bin/asadmin
[ -x "$asadmin" ] || { echo "run ./sunshine run first" >&2; exit 1; }
http=$(sed -n 's/^http_port=//p' .run/state/ports 2>/dev/null || echo 8080)
url="http://localhost:$http"

server_pid() { pgrep -f 'com.sun.enterprise.glassfish.bootstrap.ASMain.*-domainname sunshine' | head -1 || true; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$(server_pid)/status"; }

results=()
for i in $(seq 1 "$rounds"); do
  "$asadmin" --interactive=false stop-domain sunshine >/dev/null 2>&1 || true
  t0=$(date +%s.%N)
  "$asadmin" --interactive=false start-domain sunshine >/dev/null
  until curl -fsS "$url/health/ready" 2>/dev/null | grep -q '"status":"UP"'; do sleep 0.2; done
  t1=$(date +%s.%N)
  s=$(echo "$t1 - $t0" | bc)
  results+=("$s")
  printf 'round %d: cold start to /health/ready UP in %.1f s\n' "$i" "$s"
done
sleep 5
idle=$(rss_mb)
for _ in $(seq 1 100); do curl -fsS "$url/" >/dev/null; curl -fsS "$url/api/v1/calendar/deadline?from=2026-04-28&workingDays=3" >/dev/null; done
warm=$(rss_mb)
sorted=$(printf '%s\n' "${results[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (rounds + 1) / 2 ))p")
printf '\nmedian cold start: %.1f s over %d rounds (min %.1f, max %.1f)\n' "$median" "$rounds" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)"
printf 'server RSS: %s MB idle after start, %s MB after 200 requests (heap limit -Xmx512m)\n' "$idle" "$warm"
printf 'machine: %s cores, %s\n' "$(nproc)" "$(java -version 2>&1 | head -1)"
