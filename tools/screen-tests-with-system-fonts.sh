#!/usr/bin/env bash
# The screen tests again, with common system fonts installed.
#
#   bash tools/screen-tests-with-system-fonts.sh [extra pytest args]
#
# CI runs the screen tests once with only the bundled font (the README's test
# command) and once through this script: it installs DejaVu, the URW fonts
# Ghostscript brings and WenQuanYi (fontconfig may then pick a system face
# for a family or a fallback character), refreshes fontconfig's cache and runs
# every test that takes screenshots and checks the layout. The shots go to
# /tmp/counter-shots/layout/system/ (COUNTER_FONT_SET=system). Root or
# password-less sudo is needed for apt-get; the fonts stay installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

FONTS=(fonts-dejavu-core fonts-urw-base35 fonts-wqy-microhei)
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}
missing=()
for pkg in "${FONTS[@]}"; do
    dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing system fonts: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi
fc-cache -f >/dev/null 2>&1 || true
echo "fontconfig families: $(fc-list : family | wc -l)"

PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
mapfile -t SCREEN_TESTS < <(
    { find tests/ui -name 'test_*screens*.py'; echo tests/ui/test_screenshots.py; } | sort -u
)
echo "+ ${SCREEN_TESTS[*]}"
COUNTER_FONT_SET=system QT_QPA_PLATFORM=offscreen exec "$PY" -m pytest -q "${SCREEN_TESTS[@]}" "$@"
