"""Small, dependency-free helpers; replace them with the package's own code."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str, separator: str = "-") -> str:
    """Turn ``text`` into a lower-case ASCII slug, e.g. ``"Hello, World!"`` -> ``"hello-world"``.

    Accents are removed, every run of other characters becomes one ``separator``, and
    separators at either end are dropped.
    """
    if not separator:
        raise ValueError("separator must not be empty")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub(separator, ascii_text.lower()).strip(separator)
