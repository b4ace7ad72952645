# [=project_name]

[=description]

[![ci](https://github.com/[=github_org]/[=repo_name]/actions/workflows/ci.yml/badge.svg)](https://github.com/[=github_org]/[=repo_name]/actions/workflows/ci.yml)

```python
from [=package_name] import slugify

slugify("Hello, World!")  # "hello-world"
```

## Names

| | |
|---|---|
| repository | `[=github_org]/[=repo_name]` |
| distribution (`pip install`) | `[=dist_name]` |
| import package | `[=package_name]` |
[#if container_image]
| container image | `[=image_name]` |
[/#if]

## Development

Python [=python_version] or newer.
[#if dependency_tool == "uv"]
Dependencies and environments are managed with [uv](https://docs.astral.sh/uv/):

```sh
uv sync --locked             # creates .venv with the package and the dev group, as uv.lock pins them
uv run pytest                # tests
uv run ruff check . && uv run ruff format --check .
uv run pre-commit install    # run ruff on every commit
```

Add dependencies with `uv add NAME` (or `uv add --dev NAME` for tools), which updates
`uv.lock`; commit both files. Without `uv.lock` (uv was not installed when the project was
made), run `uv lock` (or `scripts/lock.sh`) and commit it; until then the `lock` job of CI makes it on the first pull
request and pushes it to its branch.
[#else]
The environment is managed with conda (channel `[=conda_channel]`), see
`environment.yml`, and pinned by `conda-linux-64.lock` (an explicit spec made by
[conda-lock](https://github.com/conda/conda-lock)):

```sh
conda create --name [=project_slug] --file conda-linux-64.lock   # or: conda env create -f environment.yml
conda activate [=project_slug]
python -m pip install --no-deps -e .
pytest                       # tests
ruff check . && ruff format --check .
pre-commit install           # run ruff on every commit
```

Add a dependency to both `environment.yml` (for conda) and `dependencies` in
`pyproject.toml` (for people installing the package with pip), then lock again with
`scripts/lock.sh` (`conda-lock lock --kind explicit --platform linux-64 --file environment.yml`). Without
`conda-linux-64.lock` (conda-lock was not installed when the project was made), the `lock` job
of CI makes it on the first pull request and pushes it to its branch.
[/#if]
[#if container_image]

## Container image

The `Dockerfile` installs the package from its wheel into `python:[=python_version]-slim`:

```sh
docker build -t [=repo_name] . && docker run --rm [=repo_name]
```

CI lints it with [hadolint](https://github.com/hadolint/hadolint) and builds it on every pull
request, tagged `VERSION.devN-SHA` (N: the commits since the last release); each release pushes
`[=image_name]:VERSION` and `:latest`.
[/#if]

## Contributing and releases

Pull requests run the [CI workflow](.github/workflows/ci.yml) (lint, tests, the version check and
a build) and need a [conventional commit](https://www.conventionalcommits.org/) title, such as
`feat: add a parser` or `fix: handle empty input`: squash-merged, it becomes the commit message
on `main`.

Every merge to `main` is a release, and its version follows from those messages: since the last
tag, a `BREAKING CHANGE` (or `feat!:`) bumps the major version, a `feat:` the minor one, anything
else the patch. Set that version in `pyproject.toml` in the pull request; its `version` check
says which (`python scripts/release_version.py next`), and on `main` a version that is not the
upcoming tag is refused. The [release workflow](.github/workflows/release.yml) then tags `X.Y.Z`
(no `v`), creates the GitHub release and attaches the sdist and wheel. Pull request builds are
versioned `VERSION.dev0+SHA`.

## Template

Generated from the scaffold template `[=_template.name]` (version [=_template.version]). The
answers given are in `.scaffold-answers.yml`; `scaffold update` moves the project to a
newer template version and keeps your changes, and the
[scaffold-update workflow](.github/workflows/scaffold-update.yml) does so weekly.
