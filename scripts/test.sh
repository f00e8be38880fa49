#!/usr/bin/env bash
# Installs what is needed, then runs the whole test suite. Extra arguments go
# to pytest, e.g. scripts/test.sh -m "not browser" for the fast tests only.
# The tests run in 3 processes (pytest-xdist), one test file per process at a
# time, so a file's shared fixtures are built once: the browser tests mostly wait
# (for pages, timeouts, subprocesses), so 3 pay off on 2 cores. -n 0 runs them in
# this process, -n 4 in four.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
exec .venv/bin/python -m pytest -n 3 --dist loadfile --no-loadscope-reorder "$@"
