#!/usr/bin/env bash
# Build the Linux bundle from installer/counter.spec, prove it works, and
# compile the NSIS installer script.
#
#   bash tools/build_bundle.sh
#
#   1. installs PyInstaller into .venv when it is missing
#   2. pyinstaller installer/counter.spec -> dist/counter/ (onedir)
#   3. dist/counter/counter-app --self-check, offscreen (fresh demo database in
#      a temporary directory, main window, receipt PDF, Qt's Chinese dialogs)
#   4. makensis installer/counter.nsi (Debian's nsis installed when missing)
#      with a small stub payload: the script is compiled for real into
#      dist/Counter-<version>-setup-stub.exe (a Linux bundle cannot run on
#      Windows; the Windows runner packs the real one: installer/BUILD.md)
# Prints the time of each stage and the bundle size; exits non-zero on the
# first failure. PYTHON overrides the interpreter (default .venv/bin/python).
set -euo pipefail
exec </dev/null

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PY=${PYTHON:-$ROOT/.venv/bin/python}
DIST=$ROOT/dist
WORK=$ROOT/build/pyinstaller
START=$(date +%s)
STAGE_START=$START

stage() {
    local now
    now=$(date +%s)
    printf '[build_bundle +%ss] %s\n' "$((now - START))" "$*"
    STAGE_START=$now
}
took() { printf '[build_bundle] %s took %ss\n' "$1" "$(($(date +%s) - STAGE_START))"; }
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

[ -x "$PY" ] || {
    echo "no $PY: create the venv first (README.md)" >&2
    exit 1
}
VERSION=$("$PY" -c 'import counter_app; print(counter_app.__version__)')

stage "1/4 PyInstaller"
if ! "$PY" -m PyInstaller --version >/dev/null 2>&1; then
    "$PY" -m pip install -q 'pyinstaller>=6.3'
fi
echo "PyInstaller $("$PY" -m PyInstaller --version)"

stage "2/4 pyinstaller installer/counter.spec -> dist/counter"
rm -rf "$DIST/counter"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
    installer/counter.spec 2>&1 | grep -v -E "WARNING: (Library not found|Hidden import .* not found|Library .* required via ctypes)" || true
[ -x "$DIST/counter/counter-app" ] || {
    echo "pyinstaller did not produce dist/counter/counter-app" >&2
    exit 1
}
for plugin in iconengines/libqsvgicon.so imageformats/libqsvg.so; do  # the window icon's SVG
    [ -f "$DIST/counter/_internal/PySide6/Qt/plugins/$plugin" ] || {
        echo "the bundle lacks Qt's $plugin (installer/counter.spec PLUGINS)" >&2
        exit 1
    }
done
took "bundle build"
echo "bundle size: $(du -sh "$DIST/counter" | cut -f1) (dist/counter)"

stage "3/4 dist/counter/counter-app --self-check (offscreen)"
QT_QPA_PLATFORM=offscreen "$DIST/counter/counter-app" --self-check
took "self-check"

stage "4/4 makensis installer/counter.nsi (stub payload)"
if ! command -v makensis >/dev/null 2>&1; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nsis >/dev/null
fi
PAYLOAD=$ROOT/build/nsis-payload
rm -rf "$PAYLOAD"
mkdir -p "$PAYLOAD/_internal/counter_app/resources/translations"
printf 'stub payload of the installer compiled on Linux (tools/build_bundle.sh)\r\n' >"$PAYLOAD/counter-app.exe"
cp counter_app/resources/translations/*.qm "$PAYLOAD/_internal/counter_app/resources/translations/"
# the installer's icon, as the bundle carries it (rendered by the spec from the SVG)
ICON=$DIST/counter/_internal/counter_app/resources/icons/counter.ico
[ -s "$ICON" ] || {
    echo "the bundle has no $ICON (installer/counter.spec renders it)" >&2
    exit 1
}
SETUP=$DIST/Counter-$VERSION-setup-stub.exe
rm -f "$SETUP"
makensis -V2 -WX -DVERSION="$VERSION" -DSOURCE_DIR="$PAYLOAD" -DOUTFILE="$SETUP" -DICON="$ICON" \
    installer/counter.nsi
[ "$(head -c 2 "$SETUP")" = "MZ" ] || {
    echo "makensis did not write a Windows executable: $SETUP" >&2
    exit 1
}
took "makensis"
echo "installer: ${SETUP#"$ROOT"/} ($(du -h "$SETUP" | cut -f1))"
stage "done in $(($(date +%s) - START))s"
