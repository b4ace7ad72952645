"""Helpers for the data platform's pipelines"""

from importlib.metadata import PackageNotFoundError, version

from data_tools.core import slugify

try:
    __version__ = version("data-tools")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "slugify"]
