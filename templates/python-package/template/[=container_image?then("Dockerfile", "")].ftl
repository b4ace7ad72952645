# The package, installed from its wheel into a slim Python image.
#   docker build -t [=repo_name] .
#   docker run --rm [=repo_name]
ARG PYTHON_VERSION=[=python_version]

FROM python:${PYTHON_VERSION}-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
RUN python -m pip install --no-cache-dir build==1.2.2 \
    && python -m build --wheel --outdir /dist

FROM python:${PYTHON_VERSION}-slim
LABEL org.opencontainers.image.title="[=dist_name]" \
      org.opencontainers.image.description="[=description?j_string]" \
      org.opencontainers.image.source="https://github.com/[=github_org]/[=repo_name]"
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
COPY --from=build /dist/ /tmp/dist/
RUN python -m pip install --no-cache-dir /tmp/dist/*.whl \
    && rm -rf /tmp/dist \
    && useradd --create-home --uid 10001 app
USER app
WORKDIR /home/app
CMD ["python", "-c", "import [=package_name]; print('[=dist_name]', [=package_name].__version__)"]
