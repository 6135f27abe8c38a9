#!/usr/bin/env bash
# Set up a fresh Debian machine: Apertium packages, .venv/, PyTorch CPU, toolkit[dev,argos,bench,cluster].
# Idempotent: re-running only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="apertium apertium-fr-es apertium-eng-spa apertium-fra-cat apertium-eo-fr apertium-eo-en apertium-oci-fra apertium-es-pt apertium-es-gl apertium-spa-ita gettext omegat chromium"
missing=""
for pkg in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "Missing Debian packages:$missing" >&2
    echo "Run as root:  apt-get update && apt-get install -y$missing" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends $missing
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# torch first, pinned: this takes the CPU build; argostranslate would otherwise pull CUDA.
if ! .venv/bin/python -c "import torch" 2>/dev/null; then
  .venv/bin/python -m pip install --quiet "torch==2.13.0"
fi
.venv/bin/python -m pip install --quiet -e ".[dev,argos,bench,cluster]"
