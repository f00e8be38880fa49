#!/usr/bin/env bash
# Installs what is needed, then audits the bundled demo sites (served on
# 127.0.0.1, no network needed) and writes reports to reports/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/a11y-audit demo "$@"
