import pytest

import climate_models
from climate_models import slugify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello, World!", "hello-world"),
        ("  spaces   everywhere  ", "spaces-everywhere"),
        ("Crème brûlée", "creme-brulee"),
        ("already-a-slug", "already-a-slug"),
        ("", ""),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_slugify_with_another_separator() -> None:
    assert slugify("Hello World", separator="_") == "hello_world"


def test_slugify_rejects_an_empty_separator() -> None:
    with pytest.raises(ValueError, match="separator"):
        slugify("x", separator="")


def test_package_has_a_version() -> None:
    assert isinstance(climate_models.__version__, str)
