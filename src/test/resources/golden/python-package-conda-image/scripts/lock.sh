#!/bin/sh
# Locks the dependencies: conda-linux-64.lock (an explicit spec), with conda-lock.
# scaffold runs it once, before the project's first commit; run it again after changing the
# dependencies, and commit the lock file. Where the tool is missing it says what to do and
# succeeds: CI makes the lock file on the first pull request run.
set -u
if ! command -v conda-lock >/dev/null 2>&1; then
  echo "next step: conda-lock is not on PATH, so conda-linux-64.lock was not made: install conda-lock"
  echo "  (https://github.com/conda/conda-lock), then run scripts/lock.sh and commit conda-linux-64.lock;"
  echo "  until then CI makes it on the first pull request run"
  exit 0
fi
conda-lock lock --kind explicit --platform linux-64 --file environment.yml \
  || echo "next step: conda-lock failed; run scripts/lock.sh again and commit conda-linux-64.lock"
