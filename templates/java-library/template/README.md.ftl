# [=project_name]

[=description]

[![ci](https://github.com/[=github_org]/[=repo_name]/actions/workflows/ci.yml/badge.svg)](https://github.com/[=github_org]/[=repo_name]/actions/workflows/ci.yml)

## Use it

```xml
<dependency>
  <groupId>[=group_id]</groupId>
  <artifactId>[=project_slug]</artifactId>
  <version>[=version?remove_ending("-SNAPSHOT")]</version>
</dependency>
```

Releases are published to GitHub Packages
(`https://maven.pkg.github.com/[=github_org]/[=repo_name]`); see
[Working with the Apache Maven registry](https://docs.github.com/packages/working-with-a-github-packages-registry/working-with-the-apache-maven-registry)
for the `settings.xml` a consumer needs.

```java
import [=package_name].[=class_name];

String greeting = [=class_name].greet("Ada"); // "Hello, Ada!"
```

## Build

Needs Java [=java_version] or newer and Maven 3.8 or newer.

```sh
mvn verify
```

## Release

`main` carries a `-SNAPSHOT` version. To release, tag a commit of `main`:

```sh
git tag v[=version?remove_ending("-SNAPSHOT")]
git push origin v[=version?remove_ending("-SNAPSHOT")]
```

The [release workflow](.github/workflows/release.yml) sets the version from the tag,
builds and tests, publishes the jars (with sources and javadoc) to GitHub Packages
and creates a GitHub release with generated notes. Tags with a pre-release part
(`v1.2.0-rc.1`) make pre-releases.

## Project layout

| path | what |
|---|---|
| `src/main/java/[=package_path]/` | the library |
| `src/test/java/[=package_path]/` | JUnit Jupiter tests |
| `.github/workflows/ci.yml` | build and test on every push to `main` and every pull request |
| `.github/workflows/release.yml` | release on `v*` tags |
| `.github/workflows/scaffold-update.yml` | weekly pull request with updates of the project template |
| `.github/CODEOWNERS` | `@[=github_org]/[=owning_team]` reviews every change |

## Template

Generated from the scaffold template `[=_template.name]` (version [=_template.version]). The
answers given are in `.scaffold-answers.yml`; `scaffold update` moves the project to a
newer template version and keeps your changes.
[#if license != "none"]

## License

[#if license == "MIT"]MIT[#else]Apache License 2.0[/#if], see [LICENSE](LICENSE).
[/#if]
