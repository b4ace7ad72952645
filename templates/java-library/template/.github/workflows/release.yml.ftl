# Releases are made by pushing a tag: git tag v1.2.3 && git push origin v1.2.3
# The version in pom.xml on main stays a -SNAPSHOT; the tag gives the released version.
name: release

on:
  push:
    tags: ['v*']

permissions:
  contents: read

concurrency:
  group: release-${{ github.ref }}
  cancel-in-progress: false

jobs:
  release:
    name: release
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: write   # create the GitHub release
      packages: write   # publish to GitHub Packages
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-java@v4
        with:
          distribution: temurin
          java-version: '[=java_version]'
          cache: maven
          server-id: github   # matches <distributionManagement> in pom.xml
      - name: Check the tag
        run: |
          if ! [[ "$GITHUB_REF_NAME" =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
            echo "::error::tag $GITHUB_REF_NAME is not v<major>.<minor>.<patch>[-<pre-release>]"
            exit 1
          fi
      - name: Set the version from the tag
        run: mvn -B -ntp org.codehaus.mojo:versions-maven-plugin:2.23.0:set -DnewVersion="${GITHUB_REF_NAME#v}" -DgenerateBackupPoms=false
      - name: Build, test and publish to GitHub Packages
        run: mvn -B -ntp -Prelease deploy
        env:
          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
      - name: Create the GitHub release
        run: |
          prerelease=""
          if [[ "$GITHUB_REF_NAME" == *-* ]]; then prerelease="--prerelease"; fi
          gh release create "$GITHUB_REF_NAME" target/*.jar --verify-tag --generate-notes --title "$GITHUB_REF_NAME" $prerelease
        env:
          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
