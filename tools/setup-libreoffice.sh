#!/usr/bin/env bash
# Install LibreOffice Calc without a GUI (soffice --headless), used by the
# relief register export test to prove real spreadsheet software reads the
# .xlsx. Idempotent: does nothing when soffice is already on PATH.
# Debian/Ubuntu; run as root or with password-less sudo.
set -euo pipefail

if command -v soffice >/dev/null 2>&1; then
    echo "soffice present: $(command -v soffice)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo -n"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui
command -v soffice >/dev/null 2>&1 || { echo "soffice still missing after install" >&2; exit 1; }
echo "installed: $(command -v soffice)"
