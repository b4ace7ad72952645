# conda env create -f environment.yml && conda activate [=project_slug]
# then install the package itself: python -m pip install --no-deps -e .
name: [=project_slug]
channels:
  - [=conda_channel]
  - nodefaults
dependencies:
  - python=[=python_version]
  - pip
  # runtime dependencies of the package go here (and in pyproject.toml)
  # development tools
  - pre-commit>=4
  - pytest>=8
  - ruff>=0.8
