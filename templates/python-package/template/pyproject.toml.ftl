[build-system]
requires = ["hatchling>=1.26"]
build-backend = "hatchling.build"

[project]
name = "[=dist_name]"
# The next release's version: CI on main refuses one that the commits since the last tag do not
# make (see scripts/release_version.py).
version = "0.1.0"
description = "[=description?j_string]"
readme = "README.md"
requires-python = ">=[=python_version]"
authors = [{ name = "[=author_name?j_string]", email = "[=author_email?j_string]" }]
classifiers = [
    "Programming Language :: Python :: 3",
    "Programming Language :: Python :: [=python_version]",
    "Typing :: Typed",
]
dependencies = []

[project.urls]
Repository = "https://github.com/[=github_org]/[=repo_name]"
Releases = "https://github.com/[=github_org]/[=repo_name]/releases"
[#if dependency_tool == "uv"]

[dependency-groups]
dev = [
    "pre-commit>=4",
    "pytest>=8",
    "ruff>=0.8",
]
[/#if]

[tool.hatch.build.targets.wheel]
packages = ["src/[=package_name]"]

[tool.pytest.ini_options]
minversion = "8.0"
testpaths = ["tests"]
pythonpath = ["src", "scripts"]
addopts = ["-ra", "--strict-markers", "--strict-config"]

[tool.ruff]
line-length = 100
target-version = "[=python_tag]"
src = ["src", "scripts", "tests"]

[tool.ruff.lint]
select = ["E", "W", "F", "I", "B", "UP", "SIM", "RUF"]
