"""The package's public names: every one is listed once, and each imports when first used."""

from __future__ import annotations

import pytest

import govfinal


def test_every_public_name_has_a_module_and_resolves() -> None:
    lazy = set(govfinal._EXPORTS)
    assert set(govfinal.__all__) == lazy | {"__version__", "render"}
    for name in govfinal.__all__:
        assert getattr(govfinal, name) is not None
    assert set(govfinal.__all__) <= set(dir(govfinal))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        govfinal.no_such_name  # noqa: B018


def test_render_stays_the_function_after_its_subpackage_is_imported() -> None:
    import govfinal.render.tables  # a later import of the subpackage

    assert callable(govfinal.render)
    assert govfinal.render.__module__ == "govfinal.render"
