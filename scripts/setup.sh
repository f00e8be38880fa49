#!/usr/bin/env bash
# Prepares a fresh machine for a11y-audit: a virtual environment in .venv with
# the package installed (plus extras, e.g. "test"), and a Chromium browser.
# Used by scripts/demo.sh and scripts/test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

extras="${1:-}"
python="${PYTHON:-python3}"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() {
  command -v apt-get >/dev/null || return 1
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v "$python" >/dev/null || ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "a11y-audit needs Python 3.11 or newer (set PYTHON=/path/to/python3.11 to choose one)." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "== creating the virtual environment in .venv"
  if ! "$python" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    echo "== python venv is missing; installing python3-venv"
    apt_install python3-venv || { echo "Could not create a virtual environment. On Debian: sudo apt-get install python3-venv" >&2; exit 1; }
    "$python" -m venv .venv
  fi
fi

echo "== installing a11y-audit${extras:+ with [$extras]}"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}"

if ! .venv/bin/a11y-audit doctor >/dev/null 2>&1; then
  echo "== no browser found; installing Chromium"
  if ! apt_install chromium; then
    echo "   (apt-get not available or failed; trying Playwright's own Chromium)"
    .venv/bin/python -m playwright install chromium || true
  fi
  if ! .venv/bin/a11y-audit doctor; then
    echo "Could not install a browser automatically. See the message above, or install Chromium or Chrome" >&2
    echo "yourself and set A11Y_AUDIT_BROWSER=/path/to/chrome." >&2
    exit 3
  fi
fi
.venv/bin/a11y-audit doctor

if [ "$extras" = "test" ] && ! command -v chromedriver >/dev/null; then
  echo "== installing chromium-driver (for the tests of the Selenium backend)"
  apt_install chromium-driver || echo "   (could not install chromium-driver: the Selenium tests will be skipped)"
fi

if [ "$extras" = "test" ]; then
  .venv/bin/python scripts/test_assets.py || echo "   (could not fetch React from the npm registry: its fixture tests will be skipped)"
fi

if [ "$extras" = "test" ] && ! command -v redis-server >/dev/null; then
  echo "== installing redis-server (for the tests of the distributed executor)"
  apt_install redis-server || echo "   (could not install redis-server: the Celery tests will be skipped)"
fi
if [ "$extras" = "test" ] && ! command -v pg_ctl >/dev/null && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "== installing postgresql (for the tests of the store in PostgreSQL)"
  apt_install postgresql || echo "   (could not install postgresql: the PostgreSQL tests will be skipped)"
fi
