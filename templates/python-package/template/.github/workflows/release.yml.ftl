# Release by conventional commits: every merge to main is released as the version that the
# commits since the last tag make (scripts/release_version.py: `fix:` and others a patch,
# `feat:` a minor version, `BREAKING CHANGE` or `feat!:` a major one). pyproject.toml must
# already hold that version (the pull request's `version` check says which): a main whose
# version is not the upcoming tag is refused and nothing is released. The release is tagged
# X.Y.Z (no "v"), with the sdist and wheel attached[#if container_image] and the container image pushed[/#if].
#
# To publish to PyPI as well, configure a trusted publisher for this repository on
# PyPI and set the repository variable PUBLISH_TO_PYPI to 'true'.
name: release

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: release
  cancel-in-progress: false

jobs:
  version:
    name: version
    runs-on: ubuntu-latest
    timeout-minutes: 5
    outputs:
      version: ${{ steps.next.outputs.version }}
      released: ${{ steps.next.outputs.released }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-python@v5
        with:
          python-version: '3.12'
      - name: The upcoming tag, which pyproject.toml must hold
        id: next
        run: |
          version="$(python scripts/release_version.py check)"
          echo "version=$version" >> "$GITHUB_OUTPUT"
          if git rev-parse -q --verify "refs/tags/$version" >/dev/null; then
            echo "released=true" >> "$GITHUB_OUTPUT"
          else
            echo "released=false" >> "$GITHUB_OUTPUT"
          fi

  publish:
    name: publish
    needs: version
    if: needs.version.outputs.released == 'false'
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: write   # tag the release and upload its assets
      id-token: write   # PyPI trusted publishing
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: '[=python_version]'
      - name: Build the sdist and wheel
        run: |
          python -m pip install --upgrade build
          python -m build
      - name: Tag the release and attach them
        run: gh release create "$VERSION" dist/* --target "$GITHUB_SHA" --title "$VERSION" --generate-notes
        env:
          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
          VERSION: ${{ needs.version.outputs.version }}
      - name: Publish to PyPI
        if: vars.PUBLISH_TO_PYPI == 'true'
        uses: pypa/gh-action-pypi-publish@release/v1
[#if container_image]

  image:
    name: image
    needs: [version, publish]
    runs-on: ubuntu-latest
    timeout-minutes: 20
    permissions:
      contents: read
      packages: write   # push to GitHub's container registry
    steps:
      - uses: actions/checkout@v4
      - uses: docker/setup-buildx-action@v3
      - uses: docker/login-action@v3
        with:
          registry: [=image_registry?keep_before("/")]
          # GitHub's registry takes the workflow's token; for another, set the secrets
          # REGISTRY_USERNAME and REGISTRY_PASSWORD.
          username: ${{ secrets.REGISTRY_USERNAME || github.actor }}
          password: ${{ secrets.REGISTRY_PASSWORD || secrets.GITHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          context: .
          push: true
          tags: |
            [=image_name]:${{ needs.version.outputs.version }}
            [=image_name]:latest
[/#if]
