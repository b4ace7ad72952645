"""[=description?j_string]"""

from importlib.metadata import PackageNotFoundError, version

from [=package_name].core import slugify

try:
    __version__ = version("[=dist_name]")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "slugify"]
