#!/usr/bin/env bash
# Time to import N catalogue rows over the API, on the platform that `./sunshine run` started.
#
#   bench/catalogue-import.sh [ROWS]        (default 10000)
#
# Generates a valid CSV of about ROWS items under the goods root (codes A90…, names tagged with
# the run), signs in as the demo administrator, posts it, polls the job until it ends and prints
# the time from POST to DONE and the rows per second. A second run with the same ROWS updates
# nothing (same codes, new names: every row is an update). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000}
http=$(sed -n 's/^http_port=//p' .run/state/ports 2>/dev/null || echo 8080)
url="http://localhost:$http"
curl -fsS "$url/health/ready" >/dev/null || { echo "start the platform first: ./sunshine run" >&2; exit 1; }

csv=$(mktemp --suffix=.csv)
trap 'rm -f "$csv"' EXIT
python3 - "$rows" "$(date +%s)" > "$csv" <<'PY'
import sys
rows, tag = int(sys.argv[1]), sys.argv[2]
print("code,name,parent")
n = 0
for top in range(90, 100):
    root = f"A{top}000000"
    print(f"{root},基准大类 {tag},A"); n += 1
    for g in range(1, 100):
        group = f"A{top}{g:02d}0000"
        print(f"{group},基准类 {tag} {g},{root}"); n += 1
        for i in range(1, 100):
            if n >= rows:
                sys.exit(0)
            print(f"A{top}{g:02d}{i:02d}00,基准品目 {tag} {g}-{i},{group}"); n += 1
PY
lines=$(($(wc -l < "$csv") - 1))
token=$(curl -fsS -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"Demo#2026"}' "$url/api/v1/auth/token" |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')

t0=$(date +%s.%N)
location=$(curl -fsS -D - -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
  --data-binary @"$csv" "$url/api/v1/catalogue/imports" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
while :; do
  job=$(curl -fsS -H "Authorization: Bearer $token" "$location")
  status=$(printf '%s' "$job" | python3 -c 'import sys, json; print(json.load(sys.stdin)["status"])')
  case "$status" in DONE|REFUSED|FAILED) break ;; esac
  sleep 0.2
done
t1=$(date +%s.%N)
s=$(echo "$t1 - $t0" | bc)
echo "$job"
printf '%s: %d rows in %.2f s (%.0f rows/s)\n' "$status" "$lines" "$s" "$(echo "$lines / $s" | bc -l)"
