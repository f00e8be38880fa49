#!/usr/bin/env bash
# Installs what is needed, then runs the whole test suite. Extra arguments go
# to pytest, e.g. scripts/test.sh -m "not browser" for the fast tests only.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
