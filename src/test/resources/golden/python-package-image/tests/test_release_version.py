"""Tests of scripts/release_version.py, with which CI versions releases and pull request builds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import release_version as rv

PYPROJECT = """[build-system]
requires = ["hatchling"]

[project]
name = "demo"
version = "1.2.3"

[tool.other]
version = "9.9.9"
"""


@pytest.mark.parametrize(
    ("message", "bump"),
    [
        ("fix: handle empty input", rv.PATCH),
        ("feat: add a parser", rv.MINOR),
        ("feat(cli): add --json", rv.MINOR),
        ("feat!: drop Python 3.8", rv.MAJOR),
        ("refactor(core)!: rename slugify", rv.MAJOR),
        ("fix: new format\n\nBREAKING CHANGE: old files are not read", rv.MAJOR),
        ("docs: explain the release", rv.PATCH),
        ("Update README.md", rv.PATCH),
        ("", rv.PATCH),
    ],
)
def test_bump_of_a_message(message: str, bump: int) -> None:
    assert rv.bump_of(message) == bump


@pytest.mark.parametrize(
    ("last", "messages", "expected"),
    [
        ((1, 2, 3), ["fix: a"], "1.2.4"),
        ((1, 2, 3), ["fix: a", "feat: b"], "1.3.0"),
        ((1, 2, 3), ["feat: b", "fix: c\n\nBREAKING CHANGE: d"], "2.0.0"),
        ((1, 2, 3), ["chore: tidy"], "1.2.4"),
        ((1, 2, 3), [], "1.2.3"),
        (None, ["Start the project", "feat: initial project"], "0.1.0"),
        (None, ["Initial project from python-package 0.1.0"], "0.1.0"),
        (None, ["fix: first"], "0.1.0"),
        (None, ["feat!: first"], "1.0.0"),
    ],
)
def test_next_version(last, messages, expected) -> None:
    assert rv.next_version(last, messages) == expected


def test_release_tags_have_no_v_prefix() -> None:
    assert rv.parse_release("1.2.3") == (1, 2, 3)
    assert rv.parse_release("v1.2.3") is None
    assert rv.parse_release("1.2.3rc1") is None


def test_dev_versions_of_pull_request_builds() -> None:
    sha = "0123456789abcdef0123456789abcdef01234567"
    assert rv.dev_version("1.3.0", sha) == "1.3.0.dev0+0123456"
    assert rv.image_tag("1.3.0", 4, sha) == "1.3.0.dev4-0123456"
    with pytest.raises(ValueError, match="SHA"):
        rv.dev_version("1.3.0", "not-a-sha")


def test_version_in_pyproject_is_read_and_written_in_the_project_table_only() -> None:
    assert rv.read_version(PYPROJECT) == "1.2.3"
    written = rv.write_version(PYPROJECT, "1.3.0.dev0+0123456")
    assert rv.read_version(written) == "1.3.0.dev0+0123456"
    assert 'version = "9.9.9"' in written
    with pytest.raises(ValueError, match="no version"):
        rv.read_version('[project]\nname = "x"\n')


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def commit(repo: Path, message: str) -> None:
    (repo / "log.txt").write_text(message, encoding="utf-8")
    subprocess.run(["git", "add", "log.txt"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, check=True)


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key, value in {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(tmp_path),
    }.items():
        monkeypatch.setenv(key, value)
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT.replace("1.2.3", "0.1.0"), encoding="utf-8")
    return tmp_path


@needs_git
def test_the_commits_since_the_last_tag_decide(repo: Path, capsys: pytest.CaptureFixture) -> None:
    commit(repo, "Start the project")
    commit(repo, "feat: initial project")
    assert rv.main(["check"]) == 0
    assert capsys.readouterr().out.strip() == "0.1.0"

    subprocess.run(["git", "tag", "0.1.0"], check=True)
    subprocess.run(["git", "tag", "v9.0.0"], check=True)  # not a release tag: ignored
    assert rv.upcoming("HEAD", []) == ("0.1.0", 0)
    commit(repo, "fix: a bug")
    commit(repo, "docs: a word")
    assert rv.upcoming("HEAD", []) == ("0.1.1", 2)
    assert rv.upcoming("HEAD", ["feat: the pull request's title"]) == ("0.2.0", 2)


@needs_git
def test_check_refuses_a_version_that_is_not_the_upcoming_one(
    repo: Path, capsys: pytest.CaptureFixture
) -> None:
    commit(repo, "feat: initial project")
    subprocess.run(["git", "tag", "0.1.0"], check=True)
    commit(repo, "feat!: a new interface")
    assert rv.main(["check"]) == 1
    assert 'set version = "1.0.0"' in capsys.readouterr().err
    assert rv.main(["set", "1.0.0"]) == 0
    assert rv.main(["check"]) == 0


@needs_git
def test_image_tag_counts_the_commits_since_the_tag(
    repo: Path, capsys: pytest.CaptureFixture
) -> None:
    commit(repo, "feat: initial project")
    subprocess.run(["git", "tag", "0.1.0"], check=True)
    commit(repo, "fix: one")
    assert rv.main(["image-tag", "--sha", "abcdef1234"]) == 0
    assert capsys.readouterr().out.strip() == "0.1.1.dev1-abcdef1"
