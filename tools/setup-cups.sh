#!/usr/bin/env bash
# A local CUPS with a PDF-backed queue, for the real print-job test of the
# documents (tests/documents/test_cups.py). Run as root or with password-less sudo:
#
#   bash tools/setup-cups.sh
#
#   1. installs Debian's cups and printer-driver-cups-pdf when either is missing
#   2. starts cupsd when the scheduler is not running (no systemd needed)
#   3. gives the queue its own cups-pdf configuration
#      (/etc/cups/cups-pdf-CounterPDF.conf: output in /var/spool/cups-pdf/CounterPDF,
#      every file name starting with job_<id>-), leaving /etc/cups/cups-pdf.conf alone
#   4. adds the queue CounterPDF (device cups-pdf:/CounterPDF, which makes cups-pdf
#      read that configuration; the CUPS-PDF_opt.ppd of the package), enabled and
#      accepting jobs
#
# Running it again changes nothing. Environment: COUNTER_CUPS_QUEUE (default
# CounterPDF) and COUNTER_CUPS_PDF_DIR (default /var/spool/cups-pdf/$QUEUE); the
# test reads the same two variables.
set -euo pipefail
exec </dev/null

QUEUE=${COUNTER_CUPS_QUEUE:-CounterPDF}
OUT_DIR=${COUNTER_CUPS_PDF_DIR:-/var/spool/cups-pdf/$QUEUE}
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
QUEUE_CONF=/etc/cups/cups-pdf-$QUEUE.conf
export DEBIAN_FRONTEND=noninteractive

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}
installed() { dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'; }
scheduler_running() { lpstat -r 2>/dev/null | grep -q 'is running'; }

# ------------------------------------------------------------------ packages
MISSING=()
for pkg in cups cups-client printer-driver-cups-pdf; do
    installed "$pkg" || MISSING+=("$pkg")
done
if [ ${#MISSING[@]} -gt 0 ]; then
    echo "setup-cups: installing ${MISSING[*]}"
    LOG=$(mktemp "${TMPDIR:-/tmp}/setup-cups-apt.XXXXXX")
    if ! { as_root apt-get update -qq &&
        as_root apt-get install -y -qq --no-install-recommends "${MISSING[@]}"; } >"$LOG" 2>&1; then
        tail -30 "$LOG" >&2
        exit 1
    fi
else
    echo "setup-cups: cups and printer-driver-cups-pdf are installed"
fi
[ -f "$PPD" ] || {
    echo "setup-cups: $PPD is missing (printer-driver-cups-pdf changed?)" >&2
    exit 1
}

# ----------------------------------------------------------------- scheduler
if scheduler_running; then
    echo "setup-cups: the CUPS scheduler is running"
else
    echo "setup-cups: starting cupsd"
    # Not through systemd: CI machines and containers have none running.
    as_root cupsd
    for _ in $(seq 1 50); do
        scheduler_running && break
        sleep 0.2
    done
    scheduler_running || {
        echo "setup-cups: cupsd did not start; /var/log/cups/error_log says:" >&2
        as_root tail -20 /var/log/cups/error_log >&2 || true
        exit 1
    }
fi

# ------------------------------------------------------ the queue's cups-pdf.conf
WANT_CONF="# Written by tools/setup-cups.sh for the queue $QUEUE (Counter tests).
Out $OUT_DIR
AnonDirName $OUT_DIR
Label 2
Grp lpadmin
DecodeHexStrings 1"
if [ "$(as_root cat "$QUEUE_CONF" 2>/dev/null || true)" != "$WANT_CONF" ]; then
    printf '%s\n' "$WANT_CONF" | as_root tee "$QUEUE_CONF" >/dev/null
    echo "setup-cups: wrote $QUEUE_CONF"
fi
as_root mkdir -p "$OUT_DIR"
as_root chmod 0755 "$OUT_DIR"

# -------------------------------------------------------------------- queue
# cups-pdf reads /etc/cups/cups-pdf-NAME.conf for the device URI cups-pdf:/NAME
# (and the global cups-pdf.conf for a bare cups-pdf:/).
if lpstat -v "$QUEUE" 2>/dev/null | grep -q "cups-pdf:/$QUEUE\$"; then
    echo "setup-cups: queue $QUEUE exists"
else
    as_root lpadmin -p "$QUEUE" -E -v "cups-pdf:/$QUEUE" -P "$PPD" \
        -D "Counter test queue (PDF)" -o printer-error-policy=abort-job
    echo "setup-cups: added queue $QUEUE"
fi
# A queue stopped by an earlier failed job, or rejecting jobs, is set right.
as_root cupsenable "$QUEUE"
as_root cupsaccept "$QUEUE"
lpstat -p "$QUEUE" -a "$QUEUE"
echo "setup-cups: $QUEUE writes its PDFs to $OUT_DIR"
