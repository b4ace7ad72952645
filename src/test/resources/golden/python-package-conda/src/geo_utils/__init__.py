"""Geospatial utilities for research notebooks"""

from importlib.metadata import PackageNotFoundError, version

from geo_utils.core import slugify

try:
    __version__ = version("geo-utils")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "slugify"]
