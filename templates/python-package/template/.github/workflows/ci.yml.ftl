name: ci

on:
  pull_request:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: ${{ github.workflow }}-${{ github.ref }}
  cancel-in-progress: true

jobs:
  test:
    # The job name is the required status check of the default branch: keep it stable.
    name: test
    runs-on: ubuntu-latest
    timeout-minutes: 15
[#if dependency_tool == "uv"]
    steps:
      - uses: actions/checkout@v4
      - uses: astral-sh/setup-uv@v6
        with:
          enable-cache: true
      - name: Install the project and its dev group (Python from .python-version)
        run: uv sync
      - name: Lint
        run: |
          uv run ruff check .
          uv run ruff format --check .
      - name: Test
        run: uv run pytest
[#else]
    defaults:
      run:
        shell: bash -el {0}   # a login shell activates the conda environment
    steps:
      - uses: actions/checkout@v4
      - uses: conda-incubator/setup-miniconda@v3
        with:
          miniforge-version: latest
          environment-file: environment.yml
          activate-environment: [=project_slug]
          auto-activate-base: false
      - name: Install the package
        run: python -m pip install --no-deps -e .
      - name: Lint
        run: |
          ruff check .
          ruff format --check .
      - name: Test
        run: pytest
[/#if]

  # Release notes and version bumps are computed from commit messages, so pull request
  # titles (which become the squash-merge commit) must be conventional commits.
  pr-title:
    name: pr-title
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      pull-requests: read
    steps:
      - uses: amannn/action-semantic-pull-request@v5
        env:
          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
