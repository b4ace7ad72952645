"""A research project with a container image"""

from importlib.metadata import PackageNotFoundError, version

from template_test.core import slugify

try:
    __version__ = version("acme-rnd-template-test")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "slugify"]
