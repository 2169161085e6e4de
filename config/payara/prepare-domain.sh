#!/usr/bin/env bash
# Creates (or re-creates) a Payara domain for Sunshine Procurement from the files in config/payara
# and leaves it running, ready for deployment.
#
#   prepare-domain.sh --payara DIR --domain NAME --state DIR [--portbase N] [--db h2|postgres]
#                     [--pg-host H] [--pg-port P] [--pg-database DB] [--pg-user ROLE]
#                     [--pg-password-file F] [--demo FILE] [--test-server] [--secure-admin]
#
# --state DIR keeps the generated admin password file (never in the repository), under
#   storage/ the files users upload (-Dsunshine.storage.dir), the platform's master key
#   (master-key: 32 random bytes in Base64, made once and kept when the domain is re-created, so
#   that the private keys encrypted under it stay readable) and, under ca/, the platform CA's root
#   certificate and its key wrapped under the master key (-Dsunshine.ca.dir).
# --pg-password-file F holds the database role's password; it becomes the Payara password alias
#   sunshine-db-password, so domain.xml never carries it in clear.
# --test-server: a throw-away server for the test suite: the platform clock is adjustable and the
#   admin user has no password (the server listens on this machine only and lives for one run).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
config_dir=$(cd "$here/.." && pwd)
payara="" domain="" state="" portbase=8000 db=h2
pg_host=127.0.0.1 pg_port=5432 pg_database=sunshine pg_user=sunshine
demo="" test_server=false secure_admin=false pg_password_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --payara) payara=$2; shift 2 ;;
    --domain) domain=$2; shift 2 ;;
    --state) state=$2; shift 2 ;;
    --portbase) portbase=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --pg-host) pg_host=$2; shift 2 ;;
    --pg-port) pg_port=$2; shift 2 ;;
    --pg-database) pg_database=$2; shift 2 ;;
    --pg-user) pg_user=$2; shift 2 ;;
    --pg-password-file) pg_password_file=$2; shift 2 ;;
    --demo) demo=$2; shift 2 ;;
    --test-server) test_server=true; shift ;;
    --secure-admin) secure_admin=true; shift ;;
    *) echo "prepare-domain: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$payara" ] && [ -n "$domain" ] && [ -n "$state" ] || { echo "prepare-domain: --payara, --domain and --state are required" >&2; exit 2; }
case "$db" in h2|postgres) ;; *) echo "prepare-domain: --db is h2 or postgres" >&2; exit 2 ;; esac

asadmin="$payara/bin/asadmin"
admin_port=$((portbase + 48))
mkdir -p "$state"
pwfile="$state/admin-password"
if $test_server; then
  echo "AS_ADMIN_PASSWORD=" > "$pwfile"
elif [ ! -s "$pwfile" ] || grep -q '^AS_ADMIN_PASSWORD=$' "$pwfile"; then
  (umask 077; echo "AS_ADMIN_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)" > "$pwfile")
fi
as() { "$asadmin" --interactive=false --user admin --passwordfile "$pwfile" --port "$admin_port" "$@"; }

if [ -d "$payara/glassfish/domains/$domain" ]; then
  "$asadmin" --interactive=false stop-domain "$domain" >/dev/null 2>&1 || true
  "$asadmin" --interactive=false delete-domain "$domain" >/dev/null
fi
if $test_server; then
  "$asadmin" --interactive=false --user admin create-domain --nopassword=true \
    --portbase "$portbase" --checkports=true "$domain" >/dev/null
else
  "$asadmin" --interactive=false --user admin --passwordfile "$pwfile" create-domain \
    --portbase "$portbase" --checkports=true "$domain" >/dev/null
fi
domain_dir="$payara/glassfish/domains/$domain"

# The PostgreSQL driver goes into the domain's lib (copied there by the build).
driver=$(ls "$payara"/../postgresql-*.jar 2>/dev/null | head -1 || true)
if [ -n "$driver" ]; then cp "$driver" "$domain_dir/lib/"; fi

resources="$state/resources-$db.xml"
if [ "$db" = postgres ]; then
  sed -e "s|@PG_HOST@|$pg_host|" -e "s|@PG_PORT@|$pg_port|" -e "s|@PG_DATABASE@|$pg_database|" \
      -e "s|@PG_USER@|$pg_user|" "$here/resources-postgres.xml" > "$resources"
  if [ -n "$pg_password_file" ]; then
    sed -i 's|<property name="ApplicationName"|<property name="password" value="${ALIAS=sunshine-db-password}"/>\n    &|' "$resources"
  fi
else
  cp "$here/resources-h2.xml" "$resources"
fi

extra=""
# Each domain gets a temporary directory of its own: Payara's REST admin writes an uploaded
# deployment archive to java.io.tmpdir under its plain file name (/tmp/sunshine.ear), so two
# checkouts deploying at the same time on one machine deleted each other's upload ("File source
# doesn't exist").
mkdir -p "$state/tmp"
tmp_dir=$(cd "$state/tmp" && pwd)
extra+="create-jvm-options -Djava.io.tmpdir=${tmp_dir//:/\\:}"$'\n'
[ -n "$demo" ] && extra+="create-jvm-options -Dsunshine.demo.file=${demo//:/\\:}"$'\n'
$test_server && extra+="create-jvm-options -Dsunshine.clock.adjustable=true"$'\n'
# issue 4 part "ocds": the open-data tests check that the ocid prefix comes from configuration
$test_server && extra+="create-jvm-options -Dsunshine.ocds.prefix=ocds-t3st01"$'\n'
# test data, not an arrangement: years the shipped calendar does not cover yet (see the file)
test_calendar="$(cd "$config_dir/.." && pwd)/system-tests/src/test/resources/calendar/test-only-future-years.csv"
$test_server && extra+="create-jvm-options -Dsunshine.calendar.extra=${test_calendar//:/\\:}"$'\n'
# The master key: generated once per state directory, readable by its owner only, handed to
# Payara as the password alias sunshine-master-key (domain.xml and the JVM command line carry
# only the alias reference; see domain.asadmin for how the application reads it).
master_key_file="$state/master-key"
if [ ! -s "$master_key_file" ]; then
  (umask 077; head -c 32 /dev/urandom | base64 -w0 > "$master_key_file")
fi
chmod 600 "$master_key_file"
ca_dir="$(cd "$state" && pwd)/ca"
mkdir -p "$ca_dir" && chmod 700 "$ca_dir"
commands="$state/domain.asadmin"
storage_dir="$(cd "$state" && pwd)/storage"
mkdir -p "$storage_dir" && chmod 700 "$storage_dir"
awk -v cfg="$config_dir" -v res="$resources" -v extra="$extra" -v storage="$storage_dir" -v ca="$ca_dir" '
  /@EXTRA_JVM_OPTIONS@/ { printf "%s", extra; next }
  { gsub(/@CONFIG_DIR@/, cfg); gsub(/@RESOURCES@/, res); gsub(/@STORAGE_DIR@/, storage); gsub(/@CA_DIR@/, ca); print }' "$here/domain.asadmin" \
  | sed -e 's/^#.*//' -e '/^[[:space:]]*$/d' > "$commands"

"$asadmin" --interactive=false start-domain "$domain" >/dev/null
# create_alias NAME FILE: the password alias NAME holds the content of FILE (via a temporary
# password file readable by the owner only, removed at once).
create_alias() {
  local alias_file="$state/alias-password"
  (umask 077; { cat "$pwfile"; echo "AS_ADMIN_ALIASPASSWORD=$(cat "$2")"; } > "$alias_file")
  "$asadmin" --interactive=false --user admin --passwordfile "$alias_file" --port "$admin_port" \
    create-password-alias "$1" >/dev/null
  rm -f "$alias_file"
}
if [ -n "$pg_password_file" ]; then
  create_alias sunshine-db-password "$pg_password_file"
fi
create_alias sunshine-master-key "$master_key_file"
if ! out=$(as multimode --file "$commands" 2>&1) || grep -qiE "not found|failed|error" <<<"$out"; then
  echo "$out" >&2
  echo "prepare-domain: the domain set-up failed (commands in $commands)" >&2
  exit 1
fi
as list-jdbc-resources | grep -q '^jdbc/sunshine' || { echo "prepare-domain: jdbc/sunshine missing" >&2; exit 1; }

if $secure_admin; then
  as enable-secure-admin >/dev/null
fi
as restart-domain "$domain" >/dev/null
echo "domain $domain ready: admin port $admin_port, HTTP $((portbase + 80)), HTTPS $((portbase + 81)), database $db"
