"""The next release version, from the conventional commits since the last release tag.

    python scripts/release_version.py next                 # 1.4.0
    python scripts/release_version.py dev --sha SHA        # 1.4.0.dev0+SHA, pull request builds
    python scripts/release_version.py image-tag --sha SHA  # 1.4.0.devN-SHA, N commits since the tag
    python scripts/release_version.py check                # exit 1 unless pyproject.toml has next
    python scripts/release_version.py set VERSION          # writes VERSION into pyproject.toml

Release tags are plain X.Y.Z, without a "v". The commits since the newest one (all commits before
the first release, which is 0.1.0 or 1.0.0) decide the bump: "BREAKING CHANGE" in a message or
a "!" after the type ("feat!: ...") makes a major release, "feat" a minor one, anything else a
patch. With no commit since the last tag, `next` is that tag. --message adds a message to those
of the commits, such as the pull request's title, which becomes the commit on main when the pull
request is squash-merged.

Only the standard library is used, so CI can run it before installing anything.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

RELEASE_TAG = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
SUBJECT = re.compile(r"^(?P<type>[A-Za-z]+)(\([^)]*\))?(?P<breaking>!)?: \S")
BREAKING = re.compile(r"^BREAKING[ -]CHANGE: ", re.MULTILINE)
PROJECT_VERSION = re.compile(r'^(version\s*=\s*")([^"]*)(")', re.MULTILINE)

MAJOR, MINOR, PATCH = 3, 2, 1


def bump_of(message: str) -> int:
    """How much one commit message asks the version to move: MAJOR, MINOR or PATCH."""
    subject = message.strip().splitlines()[0] if message.strip() else ""
    m = SUBJECT.match(subject)
    if (m and m.group("breaking")) or BREAKING.search(message):
        return MAJOR
    if m and m.group("type").lower() == "feat":
        return MINOR
    return PATCH


def parse_release(tag: str) -> tuple[int, int, int] | None:
    m = RELEASE_TAG.match(tag.strip())
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def next_version(last: tuple[int, int, int] | None, messages: list[str]) -> str:
    """The version after ``last`` (None before the first release, counted from 0.0.0)."""
    major, minor, patch = last or (0, 0, 0)
    if not messages:
        return f"{major}.{minor}.{patch}"
    bump = max(bump_of(m) for m in messages)
    if last is None:
        bump = max(bump, MINOR)  # the first release is 0.1.0 (1.0.0 if a commit says it breaks)
    if bump == MAJOR:
        return f"{major + 1}.0.0"
    if bump == MINOR:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def dev_version(version: str, sha: str) -> str:
    """A pull request build's version: PEP 440 orders it before ``version`` itself."""
    return f"{version}.dev0+{short(sha)}"


def image_tag(version: str, count: int, sha: str) -> str:
    """A pull request image's tag (a container tag cannot hold PEP 440's '+')."""
    return f"{version}.dev{count}-{short(sha)}"


def short(sha: str) -> str:
    if not re.fullmatch(r"[0-9a-fA-F]{4,40}", sha):
        raise ValueError(f"not a commit SHA: {sha!r}")
    return sha[:7].lower()


def read_version(pyproject: str) -> str:
    project = project_table(pyproject)
    m = PROJECT_VERSION.search(project)
    if not m:
        raise ValueError("pyproject.toml has no version in its [project] table")
    return m.group(2)


def write_version(pyproject: str, version: str) -> str:
    project = project_table(pyproject)
    if not PROJECT_VERSION.search(project):
        raise ValueError("pyproject.toml has no version in its [project] table")
    start = pyproject.index(project)
    updated = PROJECT_VERSION.sub(lambda m: m.group(1) + version + m.group(3), project, count=1)
    return pyproject[:start] + updated + pyproject[start + len(project) :]


def project_table(pyproject: str) -> str:
    m = re.search(r"^\[project\][ \t]*\n(?P<body>(?:(?!^\[).*\n?)*)", pyproject, re.MULTILINE)
    if not m:
        raise ValueError("pyproject.toml has no [project] table")
    return m.group("body")


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def last_release(rev: str) -> tuple[str | None, tuple[int, int, int] | None]:
    releases = [(parse_release(t), t) for t in git("tag", "--merged", rev).split()]
    found = sorted((v, t) for v, t in releases if v is not None)
    return (found[-1][1], found[-1][0]) if found else (None, None)


def commit_messages(since: str | None, rev: str) -> list[str]:
    span = f"{since}..{rev}" if since else rev
    out = git("log", "--format=%B%x00", span)
    return [m.strip() for m in out.split("\x00") if m.strip()]


def upcoming(rev: str, extra: list[str]) -> tuple[str, int]:
    """The next version and the number of commits since the last release tag."""
    tag, last = last_release(rev)
    messages = commit_messages(tag, rev)
    return next_version(last, messages + [m for m in extra if m.strip()]), len(messages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["next", "dev", "image-tag", "check", "set"])
    parser.add_argument("version", nargs="?", help="the version to write (set)")
    parser.add_argument("--rev", default="HEAD", help="the commit to release (default HEAD)")
    parser.add_argument("--sha", help="the commit to name in dev and image-tag versions")
    parser.add_argument("--message", action="append", default=[], help="one more commit message")
    parser.add_argument("--pyproject", default="pyproject.toml", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "set":
            if not args.version:
                parser.error("set needs a VERSION")
            text = args.pyproject.read_text(encoding="utf-8")
            args.pyproject.write_text(write_version(text, args.version), encoding="utf-8")
            return 0
        version, count = upcoming(args.rev, args.message)
        if args.command == "next":
            print(version)
        elif args.command == "dev":
            print(dev_version(version, args.sha or git("rev-parse", args.rev).strip()))
        elif args.command == "image-tag":
            print(image_tag(version, count, args.sha or git("rev-parse", args.rev).strip()))
        else:
            declared = read_version(args.pyproject.read_text(encoding="utf-8"))
            if declared != version:
                print(
                    f"{args.pyproject}: version {declared} is not the upcoming release {version} "
                    f'(from the commits since the last tag): set version = "{version}"',
                    file=sys.stderr,
                )
                return 1
            print(version)
        return 0
    except (ValueError, OSError, subprocess.CalledProcessError) as e:
        detail = getattr(e, "stderr", None) or str(e)
        print(f"release_version: {detail.strip()}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
