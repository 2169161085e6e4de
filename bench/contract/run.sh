#!/usr/bin/env bash
# The contract benchmark (issue 6), in one command: contracts drafted and signed per second by the
# platform's code (ContractDocument.render + two PadesSigner signatures, as Contracts.draft and
# Contracts.sign do, without the database) against bare PDFBox create-and-sign of the same
# document, in one JVM on this machine; the ratio platform / bare (target ≥ 0.8).
#
#   bench/contract/run.sh [CONTRACTS] [ROUNDS] [WARMUP]   (defaults 40 3 30)
#
# Each round runs CONTRACTS contracts per path on 1 thread, then on 2 threads (THREADS), the two
# paths one after the other, the first path alternating round by round. Then the platform's
# PdfSignatureVerifier checks the last output of every measured run, and pdfsig (poppler) the last
# output of each path, with the bench's platform root as the only trusted CA.
# Prints the report, also written to bench/contract/results/<date>.md.
#
# Environment: THREADS (1,2), LINES (12: the contract's item lines; 12 make 5 A4 pages),
# FONT (/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc), JAVA_OPTS (none).
# Needs: JDK 17, Maven with a warm ~/.m2 (offline build of the ejb module, never install),
# poppler-utils (pdfsig) and libnss3-tools (certutil) for the by-hand check.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
contracts=${1:-40}
rounds=${2:-3}
warmup=${3:-30}
threads=${THREADS:-1,2}
lines=${LINES:-12}
font=${FONT:-/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}
work="$root/bench/contract/target"
stamp=$(date +%Y-%m-%d-%H%M)
report="$root/bench/contract/results/$stamp.md"
command_line="bench/contract/run.sh $contracts $rounds $warmup"

say() { printf '\033[1;33m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }
for tool in java mvn; do command -v "$tool" >/dev/null || die "$tool is required"; done
[ -r "$font" ] || die "the font $font is missing (Debian package fonts-wqy-zenhei)"
mkdir -p "$work" "$root/bench/contract/results"
rm -f "$work/summary.properties" "$work"/*.pdf

# --- the ejb module, built offline when its classes are missing or older than a source ------------
if [ ! -d ejb/target/classes ] || [ -n "$(find ejb/src/main pom.xml ejb/pom.xml -newer ejb/target/classes -type f -print -quit)" ]; then
  say "building the ejb module (offline, no install)"
  mvn -B -o -q -DskipTests -Dspotless.check.skip=true -pl ejb -am package
  touch ejb/target/classes
fi
if [ ! -s "$work/classpath.txt" ] || [ ejb/pom.xml -nt "$work/classpath.txt" ] || [ pom.xml -nt "$work/classpath.txt" ]; then
  mvn -B -o -q -pl ejb dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
fi
cp="$(cat "$work/classpath.txt"):$root/ejb/target/classes"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "measuring: $rounds rounds × $contracts contracts per path, threads $threads, after $warmup warm-up contracts per path"
t0=$(date +%s)
status=0
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$cp" bench/contract/ContractBench.java --contracts "$contracts" --rounds "$rounds" \
  --warmup "$warmup" --threads "$threads" --lines "$lines" --font "$font" --out "$work" \
  --summary "$work/summary.properties" > "$work/bench.md" 2> >(grep -v '^SLF4J' >&2) || status=$?
seconds=$(( $(date +%s) - t0 ))
[ -s "$work/summary.properties" ] || die "the bench failed (exit $status)"

# --- by hand: pdfsig on the last output of each path, the bench's root as the only trusted CA ----
pdfsig_out="pdfsig (poppler-utils) or certutil (libnss3-tools) is missing: not checked by hand."
if command -v pdfsig >/dev/null && command -v certutil >/dev/null; then
  nss="$work/nss"
  rm -rf "$nss"; mkdir -p "$nss"
  certutil -N -d "sql:$nss" --empty-password
  certutil -A -d "sql:$nss" -n "bench platform root" -t "C,C,C" -i "$work/root.pem"
  pdfsig_out=$(for p in platform bare; do
    echo "\$ pdfsig -nssdir sql:bench/contract/target/nss bench/contract/target/$p.pdf"
    pdfsig -nssdir "sql:$nss" "$work/$p.pdf" 2>/dev/null \
      | grep -E '^Signature #|Common Name|Signature Type|Signed Ranges|document signed|Signature Validation|Certificate Validation'
  done)
fi
valid=$(grep -c 'Signature is Valid' <<<"$pdfsig_out" || true)
trusted=$(grep -c 'Certificate is Trusted' <<<"$pdfsig_out" || true)

get() { sed -n "s/^$1=//p" "$work/summary.properties" | tail -1; }
verdict() { if [ "$(echo "$1" | bc)" = 1 ]; then echo met; else echo "NOT met"; fi; }
{
  echo "# Contract benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "\`$command_line\` (THREADS=$threads LINES=$lines), $seconds s in all."
  echo
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Contract: reverse auction, $lines item lines, $(get pages) A4 pages; font $(basename "$font")."
  echo
  echo "## Summary"
  echo
  echo "| figure | value | target |"
  echo "|---|---|---|"
  IFS=, read -ra tcs <<<"$threads"
  for t in "${tcs[@]}"; do
    echo "| $t thread(s): platform / bare PDFBox contracts/s | $(get platform_per_s_$t) / $(get bare_per_s_$t) | |"
    echo "| $t thread(s): ratio platform / bare | **$(get ratio_$t)** | ≥ 0.8: $(verdict "$(get ratio_$t) >= 0.8") |"
  done
  echo "| outputs verified by PdfSignatureVerifier (2 valid, trusted, intact signatures) | $(get verified) of $(( $(get verified) + $(get verify_failures) )) | all |"
  echo "| pdfsig: signatures valid / certificate trusted (2 files × 2 signatures) | $valid / $trusted | 4 / 4 |"
  echo
  cat "$work/bench.md"
  echo "### By hand: pdfsig"
  echo
  echo '```'
  echo "$pdfsig_out"
  echo '```'
} > "$report"
cat "$report"
say "report written to ${report#$root/}"
exit "$status"
