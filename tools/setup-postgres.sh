#!/usr/bin/env bash
# Prepare a local PostgreSQL server for the Counter test suite (Debian/Ubuntu).
#
#   bash tools/setup-postgres.sh
#
# Idempotent: a second run changes nothing. Needs root (or password-less sudo)
# only when it has to install, start or reconfigure the server. It
#   1. installs Debian's postgresql package when no server answers and none is
#      installed (root + apt-get only),
#   2. starts the local cluster on the port if it is installed but stopped
#      (pg_ctlcluster --skip-systemctl-redirect VERSION NAME start) and waits
#      until pg_isready answers on 127.0.0.1,
#   3. makes sure the superuser of COUNTER_TEST_PG_URL (default
#      postgresql://postgres@127.0.0.1:5432/postgres) connects over TCP without
#      a password prompt: PGPASSWORD if you set one, else a `trust` line for
#      that user on 127.0.0.1/::1 is added (test machines only!),
#   4. creates the group role counter_clerk (NOLOGIN) if missing,
#   5. puts these lines BEFORE every existing rule of pg_hba.conf, so that clerk
#      login roles (members of counter_clerk, and so of counter_supervisor and
#      counter_admin) must give their real password even where the server
#      trusts everyone else on loopback:
#        host all +counter_clerk 127.0.0.1/32 scram-sha-256
#        host all +counter_clerk ::1/128 scram-sha-256
#      (the first change keeps pg_hba.conf.counter-orig, every change keeps
#      pg_hba.conf.counter-prev), reloads the server, and
#   6. proves it: a throw-away member of counter_clerk is refused with a wrong
#      password and accepted with the right one.
set -euo pipefail

log() { printf '[setup-postgres] %s\n' "$*"; }
die() {
    printf '[setup-postgres] ERROR: %s\n' "$*" >&2
    exit 1
}

ADMIN_URL="${COUNTER_TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
# host, port, user and database of the admin URL (python3 only to split the URL)
read -r PG_HOST PG_PORT PG_USER PG_DB < <(
    python3 - "$ADMIN_URL" <<'EOF'
import sys
from urllib.parse import urlsplit, unquote
u = urlsplit(sys.argv[1])
print(u.hostname or "127.0.0.1", u.port or 5432, unquote(u.username or "postgres"),
      unquote(u.path.lstrip("/")) or "postgres")
EOF
)
if [ -z "${PGPASSWORD:-}" ]; then
    pw=$(python3 -c 'import sys; from urllib.parse import urlsplit, unquote; p = urlsplit(sys.argv[1]).password; print(unquote(p) if p else "")' "$ADMIN_URL")
    if [ -n "$pw" ]; then export PGPASSWORD="$pw"; fi
fi
case "$PG_HOST" in
127.0.0.1 | localhost | ::1) LOCAL=1 ;;
*) LOCAL=0 ;;
esac
log "admin: user=$PG_USER host=$PG_HOST port=$PG_PORT db=$PG_DB (COUNTER_TEST_PG_URL)"

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        die "this step needs root: $*"
    fi
}

server_answers() {
    if command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3
    else
        timeout 3 bash -c "exec 3<>/dev/tcp/$PG_HOST/$PG_PORT" 2>/dev/null
    fi
}

wait_ready() {
    for _ in $(seq 1 60); do
        if server_answers; then
            log "pg_isready: $PG_HOST:$PG_PORT accepting connections"
            return 0
        fi
        sleep 1
    done
    return 1
}

admin_psql() {
    psql -X -q -w -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" "$@"
}

admin_connects() { admin_psql -Atc 'SELECT 1' >/dev/null 2>&1; }

# ---------------------------------------------------------------- 1. install
if ! server_answers && ! command -v pg_ctlcluster >/dev/null 2>&1; then
    [ "$LOCAL" = 1 ] || die "no PostgreSQL answers at $PG_HOST:$PG_PORT"
    command -v apt-get >/dev/null 2>&1 || die "no PostgreSQL server and no apt-get: install PostgreSQL 15+"
    log "no server answers and none is installed: apt-get install postgresql"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        postgresql postgresql-client >/dev/null
fi

# ------------------------------------------------------- 2. find and start it
CL_VER="" CL_NAME="" CL_STATUS=""
if [ "$LOCAL" = 1 ] && command -v pg_lsclusters >/dev/null 2>&1; then
    # pg_lsclusters -h: version name port status owner datadir logfile
    read -r CL_VER CL_NAME CL_STATUS < <(
        pg_lsclusters -h | awk -v port="$PG_PORT" '$3 == port { print $1, $2, $4; exit }'
    ) || true
    if [ -z "$CL_VER" ] && ! server_answers; then
        if [ -n "$(pg_lsclusters -h)" ]; then
            pg_lsclusters >&2
            die "no cluster on port $PG_PORT: start one of those above or set COUNTER_TEST_PG_URL"
        fi
        ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
        [ -n "$ver" ] || die "PostgreSQL is not installed (no /usr/lib/postgresql/*)"
        log "no cluster on port $PG_PORT: pg_createcluster $ver main"
        as_root pg_createcluster --port "$PG_PORT" --locale C.UTF-8 "$ver" main >/dev/null
        CL_VER=$ver CL_NAME=main CL_STATUS=down
    fi
fi
if [ -n "$CL_VER" ]; then
    log "local cluster $CL_VER/$CL_NAME on port $PG_PORT: $CL_STATUS"
    if [ "$CL_STATUS" != online ]; then
        log "starting: pg_ctlcluster --skip-systemctl-redirect $CL_VER $CL_NAME start"
        as_root pg_ctlcluster --skip-systemctl-redirect "$CL_VER" "$CL_NAME" start
    fi
fi
wait_ready || die "PostgreSQL at $PG_HOST:$PG_PORT does not answer after 60 s"

# ----------------------------------------------------------- pg_hba.conf edit
HBA=""
if [ -n "$CL_VER" ]; then
    HBA="/etc/postgresql/$CL_VER/$CL_NAME/pg_hba.conf"
    if admin_connects; then
        HBA=$(admin_psql -Atc 'SHOW hba_file')
    fi
    as_root test -f "$HBA" || die "pg_hba.conf not found at $HBA"
fi

BEGIN_MARK="# BEGIN counter-app tests (tools/setup-postgres.sh): clerk logins need a real password"
END_MARK="# END counter-app tests"

# Rewrite pg_hba.conf with our block before the first rule; $1=1 adds `trust`
# lines for the admin user (kept on later runs once present).
write_hba() {
    local want_trust=$1 old new
    old=$(mktemp) new=$(mktemp)
    as_root cat "$HBA" >"$old"
    awk -v begin="$BEGIN_MARK" -v end="$END_MARK" -v user="$PG_USER" -v want_trust="$want_trust" '
        function norm(s) { gsub(/[ \t]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s); return s }
        { lines[NR] = $0 }
        END {
            trust = want_trust
            inblock = 0; n = 0
            for (i = 1; i <= NR; i++) {
                l = norm(lines[i])
                if (l == begin) { inblock = 1; continue }
                if (inblock) {
                    if (l == end) inblock = 0
                    else if (l ~ /^host all [^ ]+ (127\.0\.0\.1\/32|::1\/128) trust$/) trust = 1
                    continue
                }
                # the same lines added by hand elsewhere: keep only ours
                if (l == "host all +counter_clerk 127.0.0.1/32 scram-sha-256" ||
                    l == "host all +counter_clerk ::1/128 scram-sha-256") continue
                kept[++n] = lines[i]
            }
            first = n + 1
            for (i = 1; i <= n; i++) if (kept[i] !~ /^[ \t]*(#|$)/) { first = i; break }
            for (i = 1; i < first; i++) print kept[i]
            print begin
            print "host    all    +counter_clerk    127.0.0.1/32    scram-sha-256"
            print "host    all    +counter_clerk    ::1/128         scram-sha-256"
            if (trust) {
                print "# the test suite connects as " user " without a password"
                print "host    all    " user "    127.0.0.1/32    trust"
                print "host    all    " user "    ::1/128         trust"
            }
            print end
            for (i = first; i <= n; i++) print kept[i]
        }' "$old" >"$new"
    if cmp -s "$old" "$new"; then
        log "pg_hba.conf already has the counter_clerk scram-sha-256 lines first: unchanged"
        rm -f "$old" "$new"
        return 0
    fi
    as_root test -e "$HBA.counter-orig" || as_root cp -p "$HBA" "$HBA.counter-orig"
    as_root cp -p "$HBA" "$HBA.counter-prev"
    # write in place: keeps owner and mode
    as_root sh -c 'cat "$1" > "$2"' _ "$new" "$HBA"
    log "pg_hba.conf updated (backups: $HBA.counter-orig, $HBA.counter-prev); diff:"
    diff -u "$old" "$new" | sed -n '3,$p' | sed 's/^/    /' || true
    rm -f "$old" "$new"
}

reload_server() {
    if admin_connects; then
        admin_psql -Atc 'SELECT pg_reload_conf()' >/dev/null
    else
        as_root pg_ctlcluster --skip-systemctl-redirect "$CL_VER" "$CL_NAME" reload
    fi
    sleep 1 # the postmaster rereads pg_hba.conf asynchronously
    log "server reloaded"
}

# ------------------------------------------- 3. admin connects without prompt
if admin_connects; then
    log "$PG_USER connects over TCP without a password prompt${PGPASSWORD:+ (PGPASSWORD)}"
else
    [ -n "$HBA" ] || die "cannot connect as $PG_USER to $PG_HOST:$PG_PORT; set PGPASSWORD or COUNTER_TEST_PG_URL"
    log "$PG_USER cannot connect over TCP without a password: adding trust lines for it on loopback"
    write_hba 1
    reload_server
    admin_connects || die "still cannot connect as $PG_USER: $(admin_psql -Atc 'SELECT 1' 2>&1 || true)"
fi
super=$(admin_psql -Atc "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
[ "$super" = t ] || die "$PG_USER is not a superuser; the tests create databases and roles"

# ---------------------------------------------------- 4. the counter_clerk role
admin_psql <<'SQL'
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'counter_clerk') THEN
        CREATE ROLE counter_clerk NOLOGIN;
        RAISE NOTICE 'created role counter_clerk';
    END IF;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- created concurrently
END
$$;
SQL
log "group role counter_clerk exists"

# ------------------------------------------------ 5. scram lines, then reload
if [ -z "$HBA" ]; then
    log "WARNING: $PG_HOST:$PG_PORT is not a local Debian cluster; make sure its pg_hba.conf"
    log "         has 'host all +counter_clerk <net> scram-sha-256' before any trust line"
else
    write_hba 0
    errors=$(admin_psql -Atc "SELECT line_number || ': ' || error FROM pg_hba_file_rules WHERE error IS NOT NULL")
    if [ -n "$errors" ]; then
        as_root sh -c 'cat "$1" > "$2"' _ "$HBA.counter-prev" "$HBA"
        die "pg_hba.conf has errors, restored the previous one: $errors"
    fi
    reload_server
    log "first rules of $HBA:"
    admin_psql -At -F ' ' -c "SELECT line_number, type, array_to_string(database, ','),
            array_to_string(user_name, ','), coalesce(address, ''), auth_method
        FROM pg_hba_file_rules ORDER BY line_number LIMIT 6" | sed 's/^/    /'
fi

# ------------------------------------ 6. prove clerks need their real password
probe="counter_setup_probe_$$"
secret="probe-$RANDOM-$RANDOM"
cleanup_probe() { admin_psql -c "DROP ROLE IF EXISTS $probe" >/dev/null 2>&1 || true; }
trap cleanup_probe EXIT
admin_psql -c "CREATE ROLE $probe LOGIN PASSWORD '$secret' IN ROLE counter_clerk" >/dev/null
clerk_login() {
    PGPASSWORD="$1" psql -X -q -w -h "$PG_HOST" -p "$PG_PORT" -U "$probe" -d "$PG_DB" \
        -Atc 'SELECT 1' >/dev/null 2>&1
}
ok=0
for _ in 1 2 3 4 5; do
    if ! clerk_login "wrong-$secret" && clerk_login "$secret"; then
        ok=1
        break
    fi
    sleep 1
done
cleanup_probe
trap - EXIT
[ "$ok" = 1 ] || die "a counter_clerk member is not refused with a wrong password (or not accepted with the right one) over TCP; check pg_hba.conf and password_encryption"
log "a counter_clerk member needs its real password over TCP: OK"
log "done: PostgreSQL ready for the tests at $PG_HOST:$PG_PORT"
