"""Sphinx configuration of the govfinal documentation.

Build it from the repository root::

    python -m pip install -e '.[docs]'
    sphinx-build -W --keep-going -b html docs docs/_build/html

The pages are MyST Markdown. The rule catalogue, the data-file reference, the
command-line help, the glossary and the table of exports are generated at
build time from the package itself (``docs/_ext/govfinal_docs.py``), so they
cannot drift from the code. Every code example in the pages is executed by
``python -m pytest docs`` (``docs/conftest.py``).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import govfinal

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

# -- project -------------------------------------------------------------------------

project = "govfinal"
author = "govfinal developers"
copyright = "govfinal developers (MIT licence)"
release = govfinal.__version__
version = release

# -- general -------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "govfinal_docs",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]
language = "en"

myst_enable_extensions = ["colon_fence", "deflist", "dollarmath", "fieldlist"]
myst_heading_anchors = 3

# -- API documentation (autodoc, Google-style docstrings) -----------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True  # attrs fields: field lists, not duplicate attribute entries
napoleon_use_rtype = False

# -- HTML ----------------------------------------------------------------------------

html_theme = "furo"
html_title = f"govfinal {release}"
html_short_title = "govfinal"
html_static_path: list[str] = []
html_copy_source = False
html_show_sourcelink = False

# The search index splits Chinese text into words with jieba (installed by the
# docs extra). jieba's own dictionary does not know compound terms such as
# 部门决算 or 支出功能分类, which would then never be found as a whole; the
# extension writes a user dictionary of govfinal's terms (from govfinal.terms,
# the glossary, the rule titles and the classification tables) at build time
# and points html_search_options["dict"] at it.
html_search_language = "zh"
html_search_options: dict[str, str] = {}

try:  # jieba reports on stderr how it builds its dictionary; the build log needs none of it
    import jieba

    jieba.setLogLevel(logging.WARNING)
except ImportError:  # without jieba, the Chinese search index holds only the Latin words
    pass
