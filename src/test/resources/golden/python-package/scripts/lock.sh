#!/bin/sh
# Locks the dependencies: uv.lock, with uv.
# scaffold runs it once, before the project's first commit; run it again after changing the
# dependencies, and commit the lock file. Where the tool is missing it says what to do and
# succeeds: CI makes the lock file on the first pull request run.
set -u
if ! command -v uv >/dev/null 2>&1; then
  echo "next step: uv is not on PATH, so uv.lock was not made: install uv (https://docs.astral.sh/uv/),"
  echo "  then run 'uv lock' (or scripts/lock.sh) and commit uv.lock; until then CI makes it on the first pull request run"
  exit 0
fi
uv lock --quiet || echo "next step: 'uv lock' failed; run it again and commit uv.lock"
