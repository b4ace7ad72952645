"""Climate model runs packaged as an image"""

from importlib.metadata import PackageNotFoundError, version

from climate_models.core import slugify

try:
    __version__ = version("rnd-climate-models")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "slugify"]
