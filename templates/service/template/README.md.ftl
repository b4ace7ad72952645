# [=project_name]

[=description]

[![ci](https://github.com/[=github_org]/[=repo_name]/actions/workflows/ci.yml/badge.svg)](https://github.com/[=github_org]/[=repo_name]/actions/workflows/ci.yml)

A small HTTP service on the JDK's built-in server (`com.sun.net.httpserver`), with no
runtime dependencies.

| endpoint | answer |
|---|---|
| `GET /health` | `200 {"status":"UP"}`, for load balancers and orchestrators |
| `GET /hello?name=Ada` | `200 {"message":"Hello, Ada!"}`, an example to replace |

## Run

Needs Java [=java_version] or newer and Maven 3.8 or newer.

```sh
mvn verify                                 # build and test
java -jar target/[=project_slug].jar       # listens on port [=port]
PORT=9090 java -jar target/[=project_slug].jar
curl http://localhost:[=port]/health
```
[#if use_docker]

## Docker

```sh
docker build -t [=project_slug] .
docker run --rm -p [=port]:[=port] [=project_slug]
```

The image builds the jar with Maven in a first stage and runs it on the Eclipse
Temurin [=java_version] JRE as an unprivileged user.
[/#if]

## Project layout

| path | what |
|---|---|
| `src/main/java/[=package_path]/Application.java` | `main`: reads `PORT`, starts the service, stops it on shutdown |
| `src/main/java/[=package_path]/HttpService.java` | the routes |
| `src/test/java/[=package_path]/HttpServiceTest.java` | tests that start the server on a free port and call it |
| `.github/workflows/ci.yml` | build and test[#if use_docker], then build and smoke-test the image[/#if], on every push to `main` and every pull request |
| `.github/workflows/scaffold-update.yml` | weekly pull request with updates of the project template |
| `.github/CODEOWNERS` | `@[=github_org]/[=owning_team]` reviews every change |

## Template

Generated from the scaffold template `[=_template.name]` (version [=_template.version]). The
answers given are in `.scaffold-answers.yml`; `scaffold update` moves the project to a
newer template version and keeps your changes.
