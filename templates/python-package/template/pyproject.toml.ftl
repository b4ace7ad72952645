[build-system]
requires = ["hatchling>=1.26"]
build-backend = "hatchling.build"

[project]
name = "[=project_slug]"
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
Changelog = "https://github.com/[=github_org]/[=repo_name]/blob/main/CHANGELOG.md"
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
pythonpath = ["src"]
addopts = ["-ra", "--strict-markers", "--strict-config"]

[tool.ruff]
line-length = 100
target-version = "[=python_tag]"
src = ["src", "tests"]

[tool.ruff.lint]
select = ["E", "W", "F", "I", "B", "UP", "SIM", "RUF"]
