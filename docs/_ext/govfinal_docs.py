"""Sphinx extension: reference pages generated from govfinal itself, so they cannot drift.

Directives (usable in MyST pages as ```` ```{rule-catalogue} ```` and so on):

``rule-catalogue``
    Every rule of :data:`govfinal.RULES`, one section per code range, one row
    per rule: code, severity, name, title, formula and tables. Each row is a
    link target ``rule-<code>`` (lower case), which the ``rule`` role uses.
``schema-reference``
    The data file format, from :func:`govfinal.io.schema.json_schema`: one
    section per object, in reading order from ``FinalAccount``, with each
    key's type, whether it is required, its default and its description.
``cli-help``
    The help of the ``govfinal`` command and of each subcommand, from the
    argument parser in :mod:`govfinal.cli`.
``glossary-table``
    The standard glossary (专业名词解释) in Chinese and English, from the
    package data the renderer uses.
``terms-table``
    The names of the figures in Chinese and English, from :mod:`govfinal.terms`.
``export-table``
    What ``import govfinal`` provides, each name linked to its documentation.

Role ``rule``: ``{rule}`S808``` links to the rule's row in the catalogue; an
unknown code is an error.

The extension also writes a jieba user dictionary of govfinal's Chinese terms
for the search index (see ``html_search_options`` in ``conf.py``), and warns
about a Python cross-reference written in a page (not in a docstring) that
resolves to nothing, so that links in the pages cannot silently rot.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging

logger = logging.getLogger(__name__)

Cell = str | nodes.Node | Sequence[nodes.Node]

# -- small docutils helpers -----------------------------------------------------------


def _paragraph(cell: Cell) -> nodes.paragraph:
    if isinstance(cell, str):
        return nodes.paragraph(text=cell)
    if isinstance(cell, nodes.paragraph):
        return cell
    paragraph = nodes.paragraph()
    if isinstance(cell, nodes.Node):
        paragraph += cell
    else:
        paragraph.extend(cell)
    return paragraph


def _row(cells: Iterable[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, list | tuple) and cell and isinstance(cell[0], nodes.paragraph):
            entry.extend(cell)
        else:
            entry += _paragraph(cell)
        row += entry
    return row


def _table(
    headers: Sequence[str], rows: Iterable[Sequence[Cell]], widths: Sequence[int]
) -> nodes.table:
    table = nodes.table(classes=["govfinal-generated"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row(headers)
    group += head
    body = nodes.tbody()
    body.extend(_row(row) for row in rows)
    group += body
    return table


def _literal(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def _section(directive: Directive, title: str, ident: str) -> nodes.section:
    section = nodes.section(ids=[ident], names=[nodes.fully_normalize_name(title)])
    section += nodes.title(title, title)
    directive.state.document.note_implicit_target(section, section)
    return section


def _py_ref(target: str, text: str, kind: str = "obj") -> addnodes.pending_xref:
    ref = addnodes.pending_xref(
        "", refdomain="py", reftype=kind, reftarget=target, refexplicit=True, refwarn=False
    )
    ref += _literal(text)
    return ref


class _GeneratedDirective(Directive):
    has_content = False
    required_arguments = 0
    optional_arguments = 0

    @property
    def env(self) -> BuildEnvironment:
        return self.state.document.settings.env  # type: ignore[no-any-return]

    def note_target(self, label: str, node_id: str, title: str) -> None:
        """Make ``label`` a target of ``{ref}`` (and so of the ``rule`` role)."""
        std = self.env.get_domain("std")
        std.note_hyperlink_target(label, self.env.docname, node_id, title)  # type: ignore[attr-defined]


# -- the rule catalogue -----------------------------------------------------------------

RULE_AREAS: dict[str, tuple[str, str]] = {
    "T": ("T1xx", "收入支出决算总表: totals, grand totals and their balance"),
    "F": ("F2xx", "支出功能分类: codes, roll-ups of 类/款/项, per-line identities"),
    "B": ("B3xx", "一般公共预算财政拨款基本支出 by economic class"),
    "C": ("C4xx", "财政拨款 by fund type and its tables"),
    "P": ("P5xx", "“三公”经费"),
    "O": ("O6xx", "机关运行经费, 政府采购, 国有资产, profile and performance summary"),
    "R": ("R7xx", "Comparatives: stated growth, change, variance, execution, reasons"),
    "S": ("S8xx", "Performance self-evaluation (绩效自评)"),
    "N": ("N9xx", "The narrative's statements (情况说明) against the facts"),
}
"""Code ranges, by the code's letter: the section heading of each in the catalogue."""


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def rule_label(code: str) -> str:
    """The link target of a rule's row in the catalogue."""
    return f"rule-{code.lower()}"


class RuleCatalogue(_GeneratedDirective):
    """The rule registry as tables, one section per code range."""

    def run(self) -> list[nodes.Node]:
        from govfinal import RULES, Severity

        rules = list(RULES.values())
        nouns = {"error": "error", "warning": "warning", "info": "notice"}
        counts = ", ".join(
            _plural(
                sum(1 for rule in rules if rule.severity is severity),
                nouns.get(severity.value, severity.value),
            )
            for severity in Severity
        )
        intro = nodes.paragraph()
        intro += nodes.Text(
            f"govfinal runs {len(rules)} rules: {counts}. This catalogue is generated from "
        )
        intro += _literal("govfinal.RULES")
        intro += nodes.Text(" when the documentation is built.")
        output: list[nodes.Node] = [intro]
        letters = sorted(
            {rule.code[0] for rule in rules},
            key=lambda c: list(RULE_AREAS).index(c) if c in RULE_AREAS else 99,
        )
        for letter in letters:
            codes, area = RULE_AREAS.get(letter, (f"{letter}xxx", "Other rules"))
            if letter not in RULE_AREAS:
                logger.warning(
                    "rule-catalogue: no heading for rule codes %s…",
                    letter,
                    location=(self.env.docname, self.lineno),
                )
            section = _section(self, f"{codes}: {area}", f"rules-{codes.lower()}")
            modules = sorted({r.function.__module__ for r in rules if r.code[0] == letter})
            where = nodes.paragraph()
            where += nodes.Text("Defined in ")
            for index, module in enumerate(modules):
                if index:
                    where += nodes.Text(", ")
                where += _literal(f"src/{module.replace('.', '/')}.py")
            where += nodes.Text(".")
            section += where
            rows = []
            for rule in (r for r in rules if r.code[0] == letter):
                label = rule_label(rule.code)
                self.note_target(label, label, f"{rule.code} {rule.title_en}")
                anchor = nodes.inline(ids=[label])
                anchor += nodes.strong(rule.code, rule.code)
                title = [
                    nodes.paragraph(text=rule.title_zh),
                    nodes.paragraph(text=rule.title_en),
                    _paragraph(_literal(rule.name)),
                ]
                rows.append(
                    [anchor, rule.severity.value, title, rule.formula, "、".join(rule.tables)]
                )
            section += _table(
                ["Code", "Severity", "Title and name", "Formula", "Tables"],
                rows,
                [8, 8, 24, 36, 24],
            )
            output.append(section)
        return output


def rule_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: dict[str, Any] | None = None,
    content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{rule}`S808``` : a link to the rule's row in the catalogue."""
    from govfinal import RULES

    code = text.strip().upper()
    if code not in RULES:
        message = inliner.reporter.error(f"unknown govfinal rule {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    rule = RULES[code]
    ref = addnodes.pending_xref(
        "",
        refdomain="std",
        reftype="ref",
        reftarget=rule_label(code),
        refexplicit=True,
        refwarn=True,
    )
    ref += nodes.abbreviation(code, code, explanation=f"{rule.title_zh} ({rule.title_en})")
    return [ref], []


# -- the data file format, from the JSON Schema -------------------------------------------


def _schema_order(schema: dict[str, Any]) -> list[str]:
    """Class names in reading order: breadth first from the root, by property order."""
    definitions: dict[str, Any] = schema["$defs"]
    root = schema["$ref"].rsplit("/", 1)[-1]
    order, queue = [root], [root]
    while queue:
        current = queue.pop(0)
        for prop in definitions[current].get("properties", {}).values():
            for ref in _refs(prop):
                if ref not in order:
                    order.append(ref)
                    queue.append(ref)
    order.extend(sorted(set(definitions) - set(order)))
    return order


def _refs(prop: dict[str, Any]) -> list[str]:
    if "$ref" in prop:
        return [prop["$ref"].rsplit("/", 1)[-1]]
    if "items" in prop:
        return _refs(prop["items"])
    if "oneOf" in prop:  # a choice of objects (a statement, by its kind)
        return [ref for choice in prop["oneOf"] for ref in _refs(choice)]
    return []


def _schema_id(name: str) -> str:
    return f"schema-{name.lower()}"


def _type_cell(prop: dict[str, Any]) -> list[nodes.Node]:
    """A property's type, in words, with links to the objects it holds."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return [nodes.reference(name, name, refid=_schema_id(name))]
    if "oneOf" in prop:  # the objects it may be, each told by its own ``kind``
        choices: list[nodes.Node] = [nodes.Text("one of ")]
        for index, choice in enumerate(prop["oneOf"]):
            if index:
                choices.append(nodes.Text(", "))
            choices.extend(_type_cell(choice))
        if all("$ref" in choice for choice in prop["oneOf"]):
            choices.extend([nodes.Text(", chosen by its "), _literal("kind")])
        return choices
    if "const" in prop:
        return [nodes.Text("exactly "), _literal(json.dumps(prop["const"], ensure_ascii=False))]
    kind = prop.get("type")
    if kind == "string" and prop.get("format") == "date":
        return [
            nodes.Text("date: a TOML date ("),
            _literal("2024-12-31"),
            nodes.Text("), in JSON a string ("),
            _literal('"2024-12-31"'),
            nodes.Text(")"),
        ]
    if kind == "array":
        return [nodes.Text("array of "), *_type_cell(prop["items"])] + (
            [nodes.Text(" (pattern "), _literal(prop["items"]["pattern"]), nodes.Text(")")]
            if "pattern" in prop["items"]
            else []
        )
    if "enum" in prop:
        parts: list[nodes.Node] = [nodes.Text("one of ")]
        for index, value in enumerate(prop["enum"]):
            if index:
                parts.append(nodes.Text(", "))
            parts.append(_literal(str(value)))
        return parts
    if kind == ["number", "string"]:
        return [nodes.Text("decimal (a number, or a string of digits)")]
    words = {"integer": "integer", "string": "string", "boolean": "boolean"}.get(
        str(kind), str(kind)
    )
    parts = [nodes.Text(words)]
    for key, sign in (
        ("minimum", "≥"),
        ("exclusiveMinimum", ">"),
        ("maximum", "≤"),
        ("exclusiveMaximum", "<"),
    ):
        if key in prop:
            parts.append(nodes.Text(f" {sign} {prop[key]}"))
    if "minLength" in prop:
        parts.append(nodes.Text(f", at least {prop['minLength']} character(s)"))
    if "pattern" in prop:
        parts.extend([nodes.Text(", pattern "), _literal(prop["pattern"])])
    return parts


class SchemaReference(_GeneratedDirective):
    """The data file's objects and keys, from the JSON Schema."""

    def run(self) -> list[nodes.Node]:
        from govfinal.io.schema import SCHEMA_DIALECT, json_schema

        schema = json_schema()
        definitions = schema["$defs"]
        intro = nodes.paragraph()
        intro += nodes.Text(
            f"The {len(definitions)} objects below, from the root FinalAccount on, are generated "
            f"when the documentation is built from the JSON Schema ({SCHEMA_DIALECT}) that "
        )
        intro += _literal("govfinal.io.schema.json_schema()")
        intro += nodes.Text(
            " returns. Under each object's name, where it appears in a file, as a TOML table."
        )
        output: list[nodes.Node] = [intro]
        places = _schema_places(schema)
        for name in _schema_order(schema):
            definition = definitions[name]
            section = _section(self, name, _schema_id(name))
            if definition.get("description"):
                section += nodes.paragraph(text=definition["description"])
            if places.get(name):
                section += self._places(places[name])
            required = set(definition.get("required", ()))
            rows = []
            for key, prop in definition.get("properties", {}).items():
                default = prop.get("default")
                rows.append(
                    [
                        _literal(key),
                        _type_cell(prop),
                        "yes" if key in required else "",
                        _literal(str(default)) if default is not None else "",
                        prop.get("description", ""),
                    ]
                )
            if rows:
                section += _table(
                    ["Key", "Type", "Required", "Default", "Description"], rows, [16, 24, 8, 10, 42]
                )
            else:
                section += nodes.paragraph(text="No keys.")
            output.append(section)
        return output

    @staticmethod
    def _places(paths: list[str], shown: int = 8) -> nodes.paragraph:
        paragraph = nodes.paragraph()
        paragraph += nodes.Text("In a file: ")
        for index, path in enumerate(paths[:shown]):
            if index:
                paragraph += nodes.Text(", ")
            paragraph += _literal(path)
        if len(paths) > shown:
            paragraph += nodes.Text(f" and {len(paths) - shown} more places")
        paragraph += nodes.Text(".")
        return paragraph


def _schema_places(schema: dict[str, Any], depth: int = 8) -> dict[str, list[str]]:
    """Where each object appears in a file, as TOML tables (``[[functions.lines]]``).

    An object that govfinal writes as an inline table (a statement's ``place``)
    is shown so: ``[[statements]] place = { … }``.
    """
    from govfinal.io.toml_writer import INLINE_KEYS

    definitions: dict[str, Any] = schema["$defs"]
    places: dict[str, list[str]] = {}

    def note(target: str, place: str) -> None:
        found = places.setdefault(target, [])
        if place not in found:  # the same table reached through several kinds of object
            found.append(place)

    def walk(name: str, path: str, table: str, level: int) -> None:
        if level > depth:
            return
        for key, prop in definitions[name].get("properties", {}).items():
            child = f"{path}.{key}" if path else key
            if "$ref" in prop:
                target = prop["$ref"].rsplit("/", 1)[-1]
                shown = f"{table} {key} = {{ … }}" if key in INLINE_KEYS else f"[{child}]"
                note(target, shown)
                walk(target, child, shown, level + 1)
            elif prop.get("type") == "array" and _refs(prop.get("items", {})):
                for target in _refs(prop["items"]):  # one table, or one per kind of object
                    note(target, f"[[{child}]]")
                    walk(target, child, f"[[{child}]]", level + 1)

    walk(schema["$ref"].rsplit("/", 1)[-1], "", "", 0)
    return places


# -- the command line --------------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse has no public way to list subparsers
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


@contextlib.contextmanager
def _columns(width: int) -> Any:
    """Make argparse wrap help at ``width`` columns, whatever the terminal."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


class CliHelp(_GeneratedDirective):
    """``govfinal --help`` and each subcommand's help, as the parser prints them."""

    def run(self) -> list[nodes.Node]:
        from govfinal import cli

        with _columns(88):
            parser = cli._parser()
            output: list[nodes.Node] = []
            section = _section(self, "govfinal", "cli-govfinal")
            section += self._help_block(parser)
            output.append(section)
            for name, sub in _subcommands(parser).items():
                section = _section(self, f"govfinal {name}", f"cli-{name}")
                section += self._help_block(sub)
                output.append(section)
        return output

    @staticmethod
    def _help_block(parser: argparse.ArgumentParser) -> nodes.literal_block:
        text = parser.format_help().rstrip()
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return block


# -- glossary and terms --------------------------------------------------------------------


class GlossaryTable(_GeneratedDirective):
    """The standard glossary (专业名词解释) in both languages."""

    def run(self) -> list[nodes.Node]:
        from govfinal.render.glossary import standard_glossary

        chinese, english = standard_glossary("zh"), standard_glossary("en")
        if len(chinese) != len(english):
            logger.warning(
                "glossary-table: %d Chinese entries but %d English ones",
                len(chinese),
                len(english),
                location=(self.env.docname, self.lineno),
            )
        rows = []
        for zh, en in zip(chinese, english, strict=False):
            english_term = re.sub(r"\s*\(.*\)\s*$", "", en.term)
            rows.append(
                [
                    zh.term,
                    english_term,
                    [nodes.paragraph(text=zh.text), nodes.paragraph(text=en.text)],
                ]
            )
        return [_table(["中文", "English", "Meaning (释义)"], rows, [18, 18, 64])]


class TermsTable(_GeneratedDirective):
    """The name of each figure in Chinese and English (govfinal.terms.TERMS)."""

    def run(self) -> list[nodes.Node]:
        from govfinal.terms import TERMS

        rows = [[zh, en, _literal(key)] for key, (zh, en) in TERMS.items()]
        return [_table(["中文", "English", "key"], rows, [40, 40, 20])]


# -- what ``import govfinal`` gives ------------------------------------------------------

DOCUMENTED_MODULES = (
    "govfinal.model",
    "govfinal.checks",
    "govfinal.derive",
    "govfinal.io",
    "govfinal.render",
    "govfinal.scoring",
    "govfinal.money",
    "govfinal.ratios",
    "govfinal.classification",
    "govfinal.errors",
    "govfinal.address",
)
"""The modules whose members the API pages document, where each export is linked."""


def _home(name: str, obj: object) -> str | None:
    for module_name in DOCUMENTED_MODULES:
        module = importlib.import_module(module_name)
        if name in getattr(module, "__all__", ()) and getattr(module, name, None) is obj:
            return module_name
    return None


def _attribute_doc(module_name: str, name: str) -> str:
    """The docstring written under a module-level assignment, in the module or its submodules."""
    candidates = [module_name, *sorted(m for m in sys.modules if m.startswith(module_name + "."))]
    for candidate in candidates:
        try:
            docs = ModuleAnalyzer.for_module(candidate).find_attr_docs()
        except Exception:  # no source: try the next module
            continue
        lines = docs.get(("", name))
        if lines:
            return " ".join(line.strip() for line in lines if line.strip())
    return ""


def _summary(name: str, obj: object, home: str | None) -> str:
    if inspect.isclass(obj) or inspect.isroutine(obj):
        doc = inspect.getdoc(obj) or ""
    elif home is not None:
        doc = _attribute_doc(home, name)
    else:
        doc = ""
    first = doc.split("\n\n", 1)[0].replace("\n", " ")
    return re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", first).replace("``", "")


class ExportTable(_GeneratedDirective):
    """Each name in ``govfinal.__all__``, linked to where it is documented."""

    def run(self) -> list[nodes.Node]:
        import govfinal

        rows = []
        for name in govfinal.__all__:
            obj = getattr(govfinal, name)
            if name == "__version__":
                rows.append([_literal(name), f"the version of govfinal ({obj})", ""])
                continue
            home = _home(name, obj)
            if home is None:
                logger.warning(
                    "export-table: govfinal.%s is not documented in any API module",
                    name,
                    location=(self.env.docname, self.lineno),
                )
                rows.append([_literal(name), "", ""])
                continue
            rows.append(
                [_py_ref(f"{home}.{name}", name), _summary(name, obj, home), _literal(home)]
            )
        return [_table(["Name", "What it is", "Documented in"], rows, [22, 58, 20])]


# -- search: a jieba dictionary of govfinal's terms ---------------------------------------------

CORE_TERMS = (
    "部门决算",
    "部门预算",
    "决算",
    "预算单位",
    "单位概况",
    "情况说明",
    "专业名词解释",
    "部门决算表",
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "支出功能分类",
    "支出经济分类",
    "功能分类",
    "经济分类",
    "类款项",
    "财政拨款",
    "一般公共预算",
    "政府性基金",
    "国有资本经营",
    "三公经费",
    "三公",
    "因公出国",
    "公务用车",
    "公务接待",
    "机关运行经费",
    "政府采购",
    "国有资产",
    "绩效自评",
    "预算绩效",
    "绩效目标",
    "自评表",
    "评分规则",
    "评价等级",
    "占比",
    "增减",
    "增长率",
    "预决算差异率",
    "执行率",
    "年初预算",
    "全年预算",
    "上年决算",
    "四舍五入",
    "人员经费",
    "公用经费",
    "基本支出",
    "项目支出",
    "结转和结余",
)
"""Terms the search must find whole, in addition to those of the package's tables."""

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def search_terms() -> list[str]:
    """The Chinese words of govfinal's terms, for jieba's user dictionary."""
    from govfinal import ECONOMIC_CODES, FUNCTION_CODES, RULES
    from govfinal.render.glossary import standard_glossary
    from govfinal.terms import TERMS

    phrases: list[str] = list(CORE_TERMS)
    phrases += [zh for zh, _en in TERMS.values()]
    phrases += [entry.term for entry in standard_glossary("zh")]
    phrases += [rule.title_zh for rule in RULES.values()]
    phrases += [name for code, name in FUNCTION_CODES.items() if len(code) == 3]
    phrases += [name for code, name in ECONOMIC_CODES.items() if len(code) == 3]
    words: dict[str, None] = {}
    for phrase in phrases:
        for run in _HAN_RUN.findall(phrase):
            if len(run) <= 8:  # longer runs would swallow the words inside them
                words[run] = None
    return sorted(words)


def _write_search_dictionary(app: Sphinx, config: Config) -> None:
    if "dict" in config.html_search_options:
        return  # set by hand in conf.py
    path = Path(app.doctreedir) / "govfinal-search-words.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"{word}\n" for word in search_terms())
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    config.html_search_options = {**config.html_search_options, "dict": str(path)}


# -- cross-references written in the pages must resolve -------------------------------------


def _warn_unresolved_page_reference(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Node
) -> None:
    if node.get("refdomain") != "py":
        return
    source = node.source or ""
    if source.endswith(".md"):
        logger.warning(
            "unresolved Python reference %r in a page",
            node["reftarget"],
            location=node,
            type="govfinal",
            subtype="ref",
        )


def _napoleon_except_attributes(app: Sphinx) -> None:
    """Let napoleon parse the docstrings of classes and functions only.

    Napoleon reads the first line of an attribute's or property's docstring as
    ``type: description`` (a Google-style convention govfinal does not use), so
    "人员经费: published, else Σ…" would lose its first words to a "Type" field.
    """
    from sphinx.ext import napoleon

    for listener in list(app.events.listeners.get("autodoc-process-docstring", [])):
        if listener.handler is napoleon._process_docstring:
            app.disconnect(listener.id)

            def process(
                app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
            ) -> None:
                if what not in ("attribute", "property", "data"):
                    napoleon._process_docstring(app, what, name, obj, options, lines)

            app.connect("autodoc-process-docstring", process, priority=listener.priority)
            return
    logger.warning("govfinal_docs: sphinx.ext.napoleon is not loaded before this extension")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives, the role and the event handlers."""
    app.setup_extension("sphinx.ext.napoleon")
    _napoleon_except_attributes(app)
    app.add_directive("rule-catalogue", RuleCatalogue)
    app.add_directive("schema-reference", SchemaReference)
    app.add_directive("cli-help", CliHelp)
    app.add_directive("glossary-table", GlossaryTable)
    app.add_directive("terms-table", TermsTable)
    app.add_directive("export-table", ExportTable)
    app.add_role("rule", rule_role)
    app.connect("config-inited", _write_search_dictionary)
    app.connect("missing-reference", _warn_unresolved_page_reference)
    return {
        "version": "1",
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": 1,
    }
