name: ci

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: ${{ github.workflow }}-${{ github.ref }}
  cancel-in-progress: true

jobs:
  build:
    # The job name is the required status check of the default branch: keep it stable.
    name: build
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-java@v4
        with:
          distribution: temurin
          java-version: '[=java_version]'
          cache: maven
      - name: Build and test
        run: mvn -B -ntp verify
      - name: Keep the test reports
        if: failure()
        uses: actions/upload-artifact@v4
        with:
          name: surefire-reports
          path: target/surefire-reports/
          retention-days: 7
[#if use_docker]

  docker:
    name: docker
    needs: build
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v4
      - uses: docker/setup-buildx-action@v3
      - name: Build the image
        uses: docker/build-push-action@v6
        with:
          context: .
          push: false
          load: true
          tags: [=project_slug]:ci
          cache-from: type=gha
          cache-to: type=gha,mode=max
      - name: Smoke test the image
        run: |
          docker run -d --name [=project_slug] -p [=port]:[=port] [=project_slug]:ci
          for i in $(seq 1 30); do
            if curl -fsS http://localhost:[=port]/health; then exit 0; fi
            sleep 1
          done
          docker logs [=project_slug]
          exit 1
[/#if]
