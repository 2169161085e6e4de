#!/usr/bin/env bash
# The auction benchmark, in one command: the platform's accepted bids per second against pgbench's
# TPS for the same transaction on the same PostgreSQL, and the WebSocket fan-out of a new best price.
#
#   bench/auction/run.sh [AUCTIONS] [BIDDERS_PER_AUCTION] [SECONDS] [WATCHERS]
#                        (defaults 20 10 60 1000: 200 bidders over 20 auctions, 1,000 watchers)
#   bench/auction/run.sh stop      stops what a KEEP=1 run left (domain, databases)
#
# It starts its own platform and stops it at the end: a Payara domain "sunshine-bench" in the
# Payara that ./sunshine run unpacked under .run/ (unpacked here if missing), HTTP on PORTBASE+80,
# on a fresh PostgreSQL database (DB, dropped first, and again at the end unless KEEP=1), with the
# demo city plus AUCTIONS+1 reverse auctions from a generated demo file (see README.md); then
#   1. set-up over the REST API (Bench.java setup): suppliers register, agency1 verifies them, they
#      sign in and enrol, BIDDERS_PER_AUCTION per auction and one for the watch auction;
#   2. pgbench with pgbench-bid.sql on a scratch database, same clients and duration;
#   3. the floor: the cheapest answers this Payara gives at the bid load's concurrency (ab);
#   4. the bid load (Bench.java load) once the auctions are open: WARMUP s, then SECONDS measured;
#   5. the WebSocket fan-out (Bench.java watch) on the watch auction: WATCHERS connections, one
#      bidder at WATCH_RATE bids/s for WATCH_SECONDS s;
# and prints the report, also written to bench/auction/results/<date>.md.
#
# Environment: PORTBASE (29000), DB (sunshine_bench_auction), WARMUP (10), UNDERCUT (5: a bid
# undercuts the best it knows by 1..UNDERCUT steps), DECREMENT (0.01: the bench auctions' step in
# yuan, set in the bench database before any bid — see README.md; "default" keeps the published
# 0.5 % rule, which allows at most ~200 accepted bids per auction), START_IN (minutes from the
# demo load to the auctions' start; enough for the set-up), WATCH_RATE (5), WATCH_SECONDS (30),
# WATCH_WARMUP (5: the fan-out of the bids of the first seconds is reported apart, and with the rest),
# FLOOR_SECONDS (20: each measure of the floor, phase 3), SETUP_THREADS (4), KEEP=1 (leave the
# platform running and the databases in place).
# Needs: JDK 17 (java, javac), Maven with a warm ~/.m2 (offline build), psql and pgbench, a
# PostgreSQL at 127.0.0.1:5432 where user postgres may connect (as the test suite uses it), jq,
# ab (Debian apache2-utils).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
stop_only=false
if [ "${1:-}" = stop ]; then stop_only=true; shift; fi
auctions=${1:-20}
per_auction=${2:-10}
seconds=${3:-60}
watchers=${4:-1000}
portbase=${PORTBASE:-29000}
db=${DB:-sunshine_bench_auction}
scratch=${db}_pgbench
warmup=${WARMUP:-10}
undercut=${UNDERCUT:-5}
decrement=${DECREMENT:-0.01}
watch_rate=${WATCH_RATE:-5}
watch_seconds=${WATCH_SECONDS:-30}
watch_warmup=${WATCH_WARMUP:-5}
floor_seconds=${FLOOR_SECONDS:-20}
setup_threads=${SETUP_THREADS:-4}
suppliers=$((auctions * per_auction + 1))
# the set-up signs every supplier up and in (two PBKDF2 hashes each, ~0.3–1 s on 2 cores)
start_in=${START_IN:-$((3 + suppliers / 30))}
http=$((portbase + 80))
admin_port=$((portbase + 48))
url="http://localhost:$http"
payara="$root/.run/payara6"
state="$root/.run/bench-auction"
work="$root/bench/auction/target"
domain=sunshine-bench
stamp=$(date +%Y-%m-%d-%H%M)
report="$root/bench/auction/results/$stamp.md"
command_line="bench/auction/run.sh $auctions $per_auction $seconds $watchers"

say() { printf '\033[1;33m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }
pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -Atq -X "$@"; }
asadmin() { "$payara/bin/asadmin" --interactive=false --user admin --passwordfile "$state/admin-password" --port "$admin_port" "$@"; }

for tool in java javac mvn psql pgbench jq curl ab bc; do
  command -v "$tool" >/dev/null || die "$tool is required"
done
pg -d postgres -c 'SELECT 1' >/dev/null || die "PostgreSQL at 127.0.0.1:5432 does not let user postgres in"

stop_all() {
  if [ "${KEEP:-}" = 1 ]; then
    say "KEEP=1: the platform stays up at $url (stop: $payara/bin/asadmin stop-domain $domain)"
    return
  fi
  say "stopping the bench platform and dropping its databases"
  "$payara/bin/asadmin" --interactive=false stop-domain "$domain" >/dev/null 2>&1 || true
  pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" \
    -c "DROP ROLE IF EXISTS $db" >/dev/null 2>&1 || true
}
if $stop_only; then KEEP= stop_all; exit 0; fi
trap stop_all EXIT

mkdir -p "$work" "$state" "$root/bench/auction/results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rm -f "$work/summary.properties"

# --- the platform -------------------------------------------------------------------------------
say "building the EAR (offline, no install)"
mvn -B -o -q -DskipTests -Dspotless.check.skip=true -pl ear -am package
if [ ! -x "$payara/bin/asadmin" ]; then
  v=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -1)
  mvn -B -o -q -N dependency:unpack -Dartifact="fish.payara.distributions:payara:$v:zip" -DoutputDirectory="$root/.run"
fi
driver=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' pom.xml | head -1)
if [ ! -f "$root/.run/postgresql-$driver.jar" ]; then
  mvn -B -o -q -N dependency:copy -Dartifact="org.postgresql:postgresql:$driver" -DoutputDirectory="$root/.run"
fi

# The demo city plus the bench auctions: copies of the demo's reverse auction (60 desktops,
# ceiling 312,000.00), published 14 days ago like it, starting START_IN minutes after the load,
# without its enrolled demo suppliers (only the bench bidders enrol).
say "bench demo file: $auctions auctions + 1 watch auction, starting $start_in min after the load"
jq --argjson n "$auctions" --argjson start "$start_in" '
  (.requirements[] | select(.method == "REVERSE_AUCTION" and .state == "PUBLISHED")) as $t
  | .budgetLines += [{"unit": "滨江市教育局", "code": "滨财预〔{year}〕900号-01", "name": "竞价基准测试指标",
      "functionalCode": "2050299", "economicCode": "31002", "fundingSource": "GENERAL_PUBLIC_BUDGET",
      "approved": "90000000.00"}]
  | .requirements += [range(0; $n + 1) as $i
      | (if $i < $n then "竞价基准\($i + 1 | tostring | if length < 2 then "0" + . else . end)" else "竞价基准推送" end) as $name
      | $t | del(.project.enrolled) | .line = "滨财预〔{year}〕900号-01" | .title = ($name + "需求")
      | .project.title = $name | .project.auctionStartsInMinutes = $start]
' config/demo/demo-data.json > "$work/bench-demo-data.json"
mkdir -p "$work/documents"
cp config/demo/documents/* "$work/documents/"

say "fresh database $db and domain $domain (ports $portbase..$((portbase + 99)))"
"$payara/bin/asadmin" --interactive=false stop-domain "$domain" >/dev/null 2>&1 || true
pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
(umask 077; printf '%s' "$password" > "$state/db-password")
pg -d postgres -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db') THEN CREATE ROLE $db LOGIN; END IF; END\$\$;" \
  -c "ALTER ROLE $db LOGIN NOSUPERUSER PASSWORD '$password'" \
  -c "CREATE DATABASE $db OWNER $db ENCODING 'UTF8' TEMPLATE template0" >/dev/null
config/payara/prepare-domain.sh --payara "$payara" --domain "$domain" --state "$state" \
  --portbase "$portbase" --db postgres --pg-database "$db" --pg-user "$db" \
  --pg-password-file "$state/db-password" --demo "$work/bench-demo-data.json" >&2
# the registration guard (20 per client address per hour) would stop the set-up's sign-ups
asadmin create-jvm-options "-Dsunshine.registration.per-address-per-hour=100000" >/dev/null
asadmin restart-domain "$domain" >/dev/null
say "deploying"
t0=$(date +%s)
asadmin deploy --force=true --name sunshine --contextroot / "$root/ear/target/sunshine.ear" >/dev/null
for _ in $(seq 1 180); do curl -fsS "$url/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$url/health/ready" >/dev/null || die "the platform did not become ready; see $payara/glassfish/domains/$domain/logs/server.log"
say "platform up at $url after $(( $(date +%s) - t0 )) s"

if [ "$decrement" != default ]; then
  # The lot rule an agency may set over the API ({"decrementKind":"AMOUNT","decrementValue":…}),
  # written here into the bench database because the demo loader publishes with the default
  # 0.5 % of the ceiling, which caps an auction at ~200 accepted bids. Before any bid.
  n=$(pg -d "$db" -c "UPDATE auction SET decrement_kind = 'AMOUNT', decrement_value = $decrement
        WHERE project_id IN (SELECT id FROM procurement_project WHERE title LIKE '竞价基准%') AND bid_count = 0
        RETURNING id" | wc -l)
  [ "$n" = $((auctions + 1)) ] || die "expected $((auctions + 1)) bench auctions, set the decrement of $n"
  pg -d "$db" -c "UPDATE project_lot SET auction_rules = '{\"decrementKind\":\"AMOUNT\",\"decrementValue\":\"$decrement\"}'
        WHERE project_id IN (SELECT id FROM procurement_project WHERE title LIKE '竞价基准%')" >/dev/null
fi

# --- 1. set-up -----------------------------------------------------------------------------------
say "set-up over the REST API: $suppliers suppliers"
javac -d "$work/classes" bench/auction/Bench.java
bench() { java -cp "$work/classes" Bench "$@"; }
t0=$(date +%s)
bench setup --url "$url" --bidders "$per_auction" --threads "$setup_threads" --out "$work/setup.txt"
setup_seconds=$(( $(date +%s) - t0 ))

# --- 2. pgbench ----------------------------------------------------------------------------------
max_conn=$(pg -d postgres -c "SHOW max_connections")
reserved=$(pg -d postgres -c "SHOW superuser_reserved_connections")
used=$(pg -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")
clients=$((auctions * per_auction))
room=$((max_conn - reserved - used - 2))
pg_note=""
if [ "$clients" -gt "$room" ]; then
  pg_note="pgbench ran $room clients, not $clients: PostgreSQL allows $max_conn connections ($used in use)"
  say "$pg_note"
  clients=$room
fi
say "pgbench: $clients clients over $auctions auctions, ${seconds} s, -M prepared"
pg -d postgres -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" -c "CREATE DATABASE $scratch" >/dev/null
pg -d "$scratch" <<SQL
CREATE TABLE bench_auction (id INTEGER PRIMARY KEY, best_amount NUMERIC(18,2) NOT NULL,
    bid_count INTEGER NOT NULL DEFAULT 0, last_bid_at TIMESTAMP WITH TIME ZONE);
CREATE TABLE bench_bid (id BIGSERIAL PRIMARY KEY, auction_id INTEGER NOT NULL REFERENCES bench_auction (id),
    seq INTEGER NOT NULL, bidder_id INTEGER NOT NULL, amount NUMERIC(18,2) NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT bench_bid_seq UNIQUE (auction_id, seq));
INSERT INTO bench_auction (id, best_amount) SELECT g, 312000.00 FROM generate_series(1, $auctions) g;
SQL
pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$clients" -j 2 -T "$seconds" -D "auctions=$auctions" \
  -f bench/auction/pgbench-bid.sql "$scratch" > "$work/pgbench.txt" 2>&1 || { cat "$work/pgbench.txt" >&2; die "pgbench failed"; }
pg_tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$work/pgbench.txt")
pg_lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$work/pgbench.txt")
pg_rows=$(pg -d "$scratch" -c "SELECT count(*) FROM bench_bid")
[ -n "$pg_tps" ] || { cat "$work/pgbench.txt" >&2; die "no TPS in pgbench's output"; }
say "pgbench: $pg_tps TPS (average latency $pg_lat ms, $pg_rows bid rows)"

# --- 3. the floor --------------------------------------------------------------------------------
# The cheapest answers this Payara gives, at the bid load's concurrency, measured with ab (C, one
# thread, keep-alive: a lighter client than the bench's) on this same machine: a static file of
# the web application, and a REST request refused for want of a token (401 from the platform's
# authentication mechanism; nothing looked up, nothing audited). A bid cannot be answered faster
# than either, so they bound what the latency and ratio targets can reach on this machine.
# Measured while the auctions are still closed and the platform otherwise idle (as pgbench).
floor() { # name url → "rps p50 p99"
  ab -q -k -c "$bidders" -t 5 -n 10000000 "$2" > /dev/null 2>&1 || true
  ab -q -k -c "$bidders" -t "$floor_seconds" -n 10000000 "$2" > "$work/floor-$1.txt" 2>&1 \
    || { cat "$work/floor-$1.txt" >&2; die "ab failed on $2"; }
  printf '%s %s %s\n' "$(sed -n 's/^Requests per second: *\([0-9.]*\).*/\1/p' "$work/floor-$1.txt")" \
    "$(sed -n 's/^  50% *\([0-9]*\)$/\1/p' "$work/floor-$1.txt")" "$(sed -n 's/^  99% *\([0-9]*\)$/\1/p' "$work/floor-$1.txt")"
}
bidders=$((auctions * per_auction))
say "floor: ab at $bidders connections, ${floor_seconds} s each"
read -r static_rps static_p50 static_p99 <<< "$(floor static "$url/resources/sunshine/sunshine.css")"
read -r unauth_rps unauth_p50 unauth_p99 <<< "$(floor unauthenticated "$url/api/v1/auctions")"
say "floor: static file $static_rps/s (p99 $static_p99 ms), 401 $unauth_rps/s (p99 $unauth_p99 ms)"

# --- 4. the bid load -----------------------------------------------------------------------------
say "bid load"
bench load --url "$url" --setup "$work/setup.txt" --seconds "$seconds" --warmup "$warmup" \
  --undercut "$undercut" --summary "$work/summary.properties" > "$work/load.md"
platform_rows=$(pg -d "$db" -c "SELECT count(*) || ' accepted bid rows, ' || (SELECT count(*) FROM auction_log l JOIN auction a ON a.id = l.auction_id JOIN procurement_project p ON p.id = a.project_id WHERE p.title LIKE '竞价基准%') || ' log entries' FROM auction_bid b JOIN auction a ON a.id = b.auction_id JOIN procurement_project p ON p.id = a.project_id WHERE p.title LIKE '竞价基准%'")

# --- 5. WebSocket fan-out ------------------------------------------------------------------------
say "WebSocket fan-out: $watchers watchers"
if ! bench watch --url "$url" --setup "$work/setup.txt" --watchers "$watchers" --rate "$watch_rate" \
    --seconds "$watch_seconds" --warmup "$watch_warmup" --summary "$work/summary.properties" > "$work/watch.md"; then
  echo "The WebSocket phase failed (see the output above)." > "$work/watch.md"
fi

# --- report --------------------------------------------------------------------------------------
get() { sed -n "s/^$1=//p" "$work/summary.properties" | tail -1; }
accepted=$(get accepted_per_s)
refused=$(get refused_per_s)
share=$(echo "scale=6; if ($accepted + $refused > 0) $accepted / ($accepted + $refused) else 0" | bc)
ratio_bound=$(printf "%.2f" "$(echo "scale=6; $static_rps * $share / $pg_tps" | bc)")
p99=$(get accept_p99_ms)
fanout=$(get fanout_p99_ms)
fanout_all=$(get fanout_all_p99_ms)
ratio=$(printf "%.3f" "$(echo "scale=6; $accepted / $pg_tps" | bc)")
pg_tps=$(printf "%.1f" "$pg_tps")
verdict() { if [ "$(echo "$1" | bc)" = 1 ]; then echo met; else echo "NOT met"; fi; }
{
  echo "# Auction benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "\`$command_line\` (WARMUP=$warmup UNDERCUT=$undercut DECREMENT=$decrement WATCH_RATE=$watch_rate WATCH_SECONDS=$watch_seconds WATCH_WARMUP=$watch_warmup)"
  echo
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(pg -d postgres -c 'SELECT version()' | cut -d, -f1), load average before the run: $load_before, after it: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Set-up: $suppliers suppliers registered, verified, signed in and enrolled over REST in $setup_seconds s."
  echo
  echo "## Summary"
  echo
  echo "| figure | value | target |"
  echo "|---|---|---|"
  echo "| platform accepted bids/s ($((auctions * per_auction)) bidders, $auctions auctions) | $accepted | |"
  echo "| pgbench TPS, same transaction shape ($clients clients) | $pg_tps (average latency $pg_lat ms) | |"
  echo "| ratio platform / pgbench | **$ratio** | ≥ 0.6: $(verdict "$ratio >= 0.6") |"
  echo "| accepted-bid latency p99 | **$p99 ms** | < 50 ms: $( [ "$p99" = – ] && echo "no data" || verdict "$p99 < 50") |"
  echo "| WebSocket fan-out p99 ($watchers watchers, after the first $watch_warmup s of bids; every bid: ${fanout_all:-–} ms) | **${fanout:-–} ms** | < 250 ms: $( [ -z "$fanout" ] || [ "$fanout" = – ] && echo "no data" || verdict "$fanout < 250") |"
  echo
  [ -n "$pg_note" ] && { echo "Note: $pg_note."; echo; }
  echo "### The floor of this machine"
  echo
  echo "The cheapest answers this Payara gives at the same $bidders connections, measured with \`ab -k\` (a lighter"
  echo "client than the bench's) on the same machine, $floor_seconds s each after 5 s of warm-up, before the load (the"
  echo "auctions still closed, the platform otherwise idle):"
  echo
  echo "| request | requests/s | p50 | p99 |"
  echo "|---|---|---|---|"
  echo "| a static file of the web application (\`/resources/sunshine/sunshine.css\`) | $static_rps | $static_p50 ms | $static_p99 ms |"
  echo "| a REST request without a token (401, nothing looked up or audited) | $unauth_rps | $unauth_p50 ms | $unauth_p99 ms |"
  echo
  echo "No bid can be answered faster than these. A bid path as cheap as the static file would still have a p99"
  echo "of about $static_p99 ms here (target < 50 ms); with the accepted share of this load ($(printf "%.3f" "$share") of bids), it"
  echo "would accept at most $(printf "%.0f" "$(echo "$static_rps * $share" | bc)") bids a second: a ratio of at most **$ratio_bound** (target ≥ 0.6)."
  echo
  cat "$work/load.md"
  echo "Database after the load: $platform_rows in the bench auctions."
  echo
  echo "### pgbench (\`bench/auction/pgbench-bid.sql\`)"
  echo
  echo '```'
  grep -E '^(transaction type|scaling|query mode|number of clients|number of threads|duration|number of transactions|latency|initial connection|tps)' "$work/pgbench.txt"
  echo '```'
  echo
  cat "$work/watch.md"
} > "$report"
cat "$report"
say "report written to ${report#$root/}"
