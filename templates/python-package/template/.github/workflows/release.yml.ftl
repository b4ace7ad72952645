# Release by conventional commits: release-please keeps a release pull request open
# that bumps the version in pyproject.toml and updates CHANGELOG.md from the
# `feat:` / `fix:` / `feat!:` commits on main. Merging it tags vX.Y.Z, creates the
# GitHub release, and the `publish` job attaches the built sdist and wheel.
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
  release-please:
    name: release-please
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: write
      pull-requests: write
    outputs:
      release_created: ${{ steps.release.outputs.release_created }}
      tag_name: ${{ steps.release.outputs.tag_name }}
    steps:
      - uses: googleapis/release-please-action@v4
        id: release
        with:
          config-file: release-please-config.json
          manifest-file: .release-please-manifest.json

  publish:
    name: publish
    needs: release-please
    if: needs.release-please.outputs.release_created == 'true'
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: write   # upload the release assets
      id-token: write   # PyPI trusted publishing
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ needs.release-please.outputs.tag_name }}
      - uses: actions/setup-python@v5
        with:
          python-version: '[=python_version]'
      - name: Build the sdist and wheel
        run: |
          python -m pip install --upgrade build
          python -m build
      - name: Attach them to the GitHub release
        run: gh release upload "$TAG" dist/* --clobber
        env:
          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
          TAG: ${{ needs.release-please.outputs.tag_name }}
      - name: Publish to PyPI
        if: vars.PUBLISH_TO_PYPI == 'true'
        uses: pypa/gh-action-pypi-publish@release/v1
