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
    # The job name is a required status check of the default branch: keep it stable.
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
        run: |
          # uv.lock is made by scaffold, or by the lock job on the first pull request run
          if [ -f uv.lock ]; then uv sync --locked; else uv lock && uv sync --locked; fi
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
          activate-environment: [=project_slug]
          auto-activate-base: false
      - name: Install the environment (from conda-linux-64.lock once it exists)
        run: |
          if [ -f conda-linux-64.lock ]; then
            conda install --yes --name [=project_slug] --file conda-linux-64.lock
          else
            conda env update --name [=project_slug] --file environment.yml
          fi
          python -m pip install --no-deps -e .
      - name: Lint
        run: |
          ruff check .
          ruff format --check .
      - name: Test
        run: pytest
[/#if]

  # The first pull request of a project made where [=(dependency_tool == "uv")?then("uv", "conda-lock")] was not installed has no lock
  # file: this job makes it and pushes it to the pull request's branch.
  lock:
    name: lock
    if: github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: write   # push the lock file to the pull request's branch
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.head_ref }}
      - name: Is the lock file there?
        id: present
        run: |
          if [ -f [=(dependency_tool == "uv")?then("uv.lock", "conda-linux-64.lock")] ]; then echo "missing=false" >> "$GITHUB_OUTPUT"; else echo "missing=true" >> "$GITHUB_OUTPUT"; fi
[#if dependency_tool == "uv"]
      - uses: astral-sh/setup-uv@v6
        if: steps.present.outputs.missing == 'true'
      - name: Lock
        if: steps.present.outputs.missing == 'true'
        run: uv lock
[#else]
      - uses: conda-incubator/setup-miniconda@v3
        if: steps.present.outputs.missing == 'true'
        with:
          miniforge-version: latest
      - name: Lock
        if: steps.present.outputs.missing == 'true'
        shell: bash -el {0}
        run: |
          conda install --yes --name base --channel conda-forge conda-lock
          conda-lock lock --kind explicit --platform linux-64 --file environment.yml
[/#if]
      - name: Commit the lock file to the pull request's branch
        if: steps.present.outputs.missing == 'true'
        run: |
          git config user.name "github-actions[bot]"
          git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
          git add [=(dependency_tool == "uv")?then("uv.lock", "conda-linux-64.lock")]
          git commit -m "build: lock the dependencies"
          git push

  # The next version comes from the conventional commits since the last release tag (and, on a
  # pull request, from its title, which becomes the commit on main). pyproject.toml must hold it:
  # on main, a version that is not the upcoming tag is refused before anything is released.
  version:
    name: version
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # the tags and the commits since the last one
      - uses: actions/setup-python@v5
        with:
          python-version: '3.12'
      - name: Check the version in pyproject.toml
        env:
          PR_TITLE: ${{ github.event.pull_request.title }}
        run: |
          if [ -n "$PR_TITLE" ]; then
            python scripts/release_version.py check --message "$PR_TITLE"
          else
            python scripts/release_version.py check
          fi

  # Pull request builds carry VERSION.dev0+SHA, so they never pass for a release.
  build:
    name: build
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-python@v5
        with:
          python-version: '[=python_version]'
      - name: Build the sdist and wheel as VERSION.dev0+SHA
        env:
          PR_TITLE: ${{ github.event.pull_request.title }}
          SHA: ${{ github.event.pull_request.head.sha }}
        run: |
          dev="$(python scripts/release_version.py dev --sha "$SHA" --message "$PR_TITLE")"
          python scripts/release_version.py set "$dev"
          python -m pip install --upgrade build
          python -m build
      - uses: actions/upload-artifact@v4
        with:
          name: dist
          path: dist/
[#if container_image]

  # The image is linted and built on every pull request, tagged VERSION.devN-SHA (N: commits
  # since the last release); the release workflow pushes release images.
  image:
    name: image
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: hadolint/hadolint-action@v3.1.0
        with:
          dockerfile: Dockerfile
      - name: Version the package and name the image
        id: tag
        env:
          PR_TITLE: ${{ github.event.pull_request.title }}
          SHA: ${{ github.event.pull_request.head.sha }}
        run: |
          python3 scripts/release_version.py set "$(python3 scripts/release_version.py dev --sha "$SHA" --message "$PR_TITLE")"
          echo "tag=$(python3 scripts/release_version.py image-tag --sha "$SHA" --message "$PR_TITLE")" >> "$GITHUB_OUTPUT"
      - uses: docker/setup-buildx-action@v3
      - uses: docker/build-push-action@v6
        with:
          context: .
          push: false
          tags: [=image_name]:${{ steps.tag.outputs.tag }}
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
