# [=project_name]

[=description]

[![ci](https://github.com/[=github_org]/[=repo_name]/actions/workflows/ci.yml/badge.svg)](https://github.com/[=github_org]/[=repo_name]/actions/workflows/ci.yml)

```python
from [=package_name] import slugify

slugify("Hello, World!")  # "hello-world"
```

## Development

Python [=python_version] or newer.
[#if dependency_tool == "uv"]
Dependencies and environments are managed with [uv](https://docs.astral.sh/uv/):

```sh
uv sync                      # creates .venv with the package and the dev group
uv run pytest                # tests
uv run ruff check . && uv run ruff format --check .
uv run pre-commit install    # run ruff on every commit
```

Commit `uv.lock` after the first `uv sync`, and add dependencies with `uv add NAME`
(or `uv add --dev NAME` for tools).
[#else]
The environment is managed with conda (channel `[=conda_channel]`), see
`environment.yml`:

```sh
conda env create -f environment.yml
conda activate [=project_slug]
python -m pip install --no-deps -e .
pytest                       # tests
ruff check . && ruff format --check .
pre-commit install           # run ruff on every commit
```

Add a dependency to both `environment.yml` (for conda) and `dependencies` in
`pyproject.toml` (for people installing the package with pip), then
`conda env update -f environment.yml --prune`.
[/#if]

## Contributing and releases

Pull requests run the [CI workflow](.github/workflows/ci.yml) (lint and tests) and
need a [conventional commit](https://www.conventionalcommits.org/) title, such as
`feat: add a parser` or `fix: handle empty input`: squash-merged, it becomes the
commit message on `main`.

Releases follow from those messages. [release-please](https://github.com/googleapis/release-please)
keeps a release pull request open with the next version (a `fix:` bumps the patch, a
`feat:` the minor version, a `!` the major) and the changelog; merging it tags the
release, creates the GitHub release and attaches the sdist and wheel
([release workflow](.github/workflows/release.yml)).

## Template

Generated from the scaffold template `[=_template.name]` (version [=_template.version]). The
answers given are in `.scaffold-answers.yml`; `scaffold update` moves the project to a
newer template version and keeps your changes, and the
[scaffold-update workflow](.github/workflows/scaffold-update.yml) does so weekly.
