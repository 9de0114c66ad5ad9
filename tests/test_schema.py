"""The JSON Schema of data files, generated from the model classes."""

from __future__ import annotations

import enum
import json
import re
import typing
from typing import Any

import attrs
import pytest
from kexie_2023 import build_report

import govfinal.io
from govfinal import FinalAccount
from govfinal.io.schema import DECIMAL_PATTERN, SCHEMA_DIALECT, json_schema
from tests.checks.base import base_report


def reachable_classes() -> dict[str, type]:
    """Every attrs class reachable from FinalAccount through its init fields' types."""
    found: dict[str, type] = {}
    pending: list[Any] = [FinalAccount]
    while pending:
        hint = pending.pop()
        if isinstance(hint, type) and attrs.has(hint):
            if hint.__name__ in found:
                continue
            found[hint.__name__] = hint
            hints = typing.get_type_hints(hint)
            pending.extend(hints[field.name] for field in attrs.fields(hint) if field.init)
        else:
            pending.extend(typing.get_args(hint))
    return found


def init_fields(cls: type) -> list[attrs.Attribute[Any]]:
    return [field for field in attrs.fields(cls) if field.init]


SCHEMA = json_schema()
DEFS: dict[str, Any] = SCHEMA["$defs"]


def test_the_schema_is_json() -> None:
    text = json.dumps(SCHEMA, ensure_ascii=False)
    assert json.loads(text) == SCHEMA
    assert SCHEMA["$schema"] == SCHEMA_DIALECT
    assert SCHEMA["$ref"] == "#/$defs/FinalAccount"
    assert json_schema() == SCHEMA and json_schema() is not json_schema()  # a fresh dict


def test_every_reachable_class_has_a_definition_with_every_field() -> None:
    classes = reachable_classes()
    assert set(DEFS) == set(classes)
    assert len(classes) >= 25
    for name, cls in classes.items():
        definition = DEFS[name]
        assert definition["type"] == "object"
        assert definition["additionalProperties"] is False
        assert list(definition["properties"]) == [
            *_file_only(cls),
            *(f.alias or f.name for f in init_fields(cls)),
        ]


def _file_only(cls: type) -> list[str]:
    """The keys of a file that are not fields: a statement's kind, the format's version."""
    return ["kind"] if hasattr(cls, "KIND") else ["format_version"] if cls is FinalAccount else []


def test_every_property_has_a_description() -> None:
    for name, definition in DEFS.items():
        assert definition.get("description"), name
        for key, schema in definition["properties"].items():
            assert schema.get("description"), f"{name}.{key}"


def test_descriptions_come_from_the_docstrings() -> None:
    unit = DEFS["BudgetUnit"]["properties"]
    assert unit["name"]["description"] == "full official name (单位名称)."
    assert "决算年度" in unit["fiscal_year"]["description"]
    # A wrapped entry is joined into one line, markup removed.
    general_budget = DEFS["FunctionLine"]["properties"]["general_budget"]["description"]
    assert general_budget == (
        "一般公共预算财政拨款: its row of the 一般公共预算财政拨款支出决算表, with the "
        "narrative's comparatives for this line."
    )
    assert DEFS["FunctionLine"]["properties"]["code"]["description"] == '科目编码, e.g. "2060101".'


def test_required_fields() -> None:
    assert DEFS["BudgetUnit"]["required"] == ["name", "fiscal_year"]
    assert DEFS["FunctionLine"]["required"] == ["code", "name"]
    assert DEFS["FinalAccount"]["required"] == ["unit"]
    assert "required" not in DEFS["Income"]
    for name, cls in reachable_classes().items():
        required = [f.name for f in init_fields(cls) if f.default is attrs.NOTHING]
        required = (["kind"] if hasattr(cls, "KIND") else []) + required
        assert DEFS[name].get("required", []) == required


def test_function_tree_has_only_its_init_fields() -> None:
    assert list(DEFS["FunctionTree"]["properties"]) == ["lines", "narrative_order"]
    lines = DEFS["FunctionTree"]["properties"]["lines"]
    assert lines["type"] == "array"
    assert lines["items"] == {"$ref": "#/$defs/FunctionLine"}
    assert DEFS["FunctionTree"]["properties"]["narrative_order"]["items"]["type"] == "string"


def test_types() -> None:
    income = DEFS["IncomeSources"]["properties"]["general_budget"]
    assert income["type"] == ["number", "string"]
    assert income["pattern"] == DECIMAL_PATTERN
    staff = DEFS["Staff"]["properties"]
    assert staff["in_service"]["type"] == "integer" and staff["in_service"]["minimum"] == 0
    assert staff["stated_total"]["minimum"] == 0
    assert DEFS["BudgetUnit"]["properties"]["fiscal_year"]["minimum"] == 1949
    kind = DEFS["BudgetUnit"]["properties"]["kind"]
    assert kind["type"] == "string"
    assert kind["enum"] == [member.value for member in govfinal.UnitKind]
    assert DEFS["Indicator"]["properties"]["comparator"]["enum"] == [
        "≥",
        ">",
        "=",
        "≤",
        "<",
        "定性",
    ]
    figure = DEFS["ThreePublicExpenses"]["properties"]["total"]
    assert figure["$ref"] == "#/$defs/Figure"
    texts = DEFS["Profile"]["properties"]["functions"]
    assert texts == {**texts, "type": "array", "items": {"type": "string"}}


def test_no_property_allows_null() -> None:
    def walk(node: object) -> None:
        if isinstance(node, dict):
            assert node.get("type") != "null"
            assert "null" not in (node.get("type") or [])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(SCHEMA)


def test_every_enum_is_a_model_enum() -> None:
    values = {
        tuple(member.value for member in kind)
        for cls in reachable_classes().values()
        for kind in typing.get_type_hints(cls).values()
        for kind in (kind, *typing.get_args(kind))
        if isinstance(kind, type) and issubclass(kind, enum.Enum)
    }
    found = {
        tuple(schema["enum"])
        for definition in DEFS.values()
        for schema in definition["properties"].values()
        if "enum" in schema
    }
    assert found == values


@pytest.mark.parametrize("text", ["58.95", "-6.47", "0", "1E+3", "1,234.50", ".5", "+3."])
def test_decimal_pattern_accepts(text: str) -> None:
    assert re.fullmatch(DECIMAL_PATTERN, text)
    govfinal.to_decimal(text)  # the loader takes it too


@pytest.mark.parametrize("text", ["abc", "NaN", "Infinity", "", "1.2.3", "12,34"])
def test_decimal_pattern_refuses(text: str) -> None:
    assert not re.fullmatch(DECIMAL_PATTERN, text)


@pytest.mark.parametrize("build", [build_report, base_report], ids=["seed", "base"])
def test_documents_validate(build: Any) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    validator.check_schema(SCHEMA)
    document = json.loads(govfinal.io.dumps(build(), format="json"))
    assert [error.message for error in validator.iter_errors(document)] == []


def test_invalid_documents_do_not_validate() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    document = json.loads(govfinal.io.dumps(base_report(), format="json"))
    document["income"]["opening_balanse"] = "1.00"
    document["income"]["opening_balance"] = "abc"
    document["unit"]["kind"] = "公司"
    document["profile"]["staff"]["retirees"] = -1
    document["functions"]["lines"][0]["code"] = "2061"
    del document["functions"]["lines"][1]["name"]
    errors = {tuple(error.absolute_path): error for error in validator.iter_errors(document)}
    assert set(errors) == {
        ("income",),
        ("income", "opening_balance"),
        ("unit", "kind"),
        ("profile", "staff", "retirees"),
        ("functions", "lines", 0, "code"),
        ("functions", "lines", 1),
    }


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("assets", "building_area", -500),
        ("assets", "fixed_assets_original_value", "-12.5"),
        ("profile.staff", "in_service", 10**12 + 1),
    ],
)
def test_the_schema_refuses_what_the_model_refuses(section: str, key: str, value: object) -> None:
    """Negative areas and asset values, and counts above MAX_COUNT, fail the schema as they
    fail loading (issue 11 items 4 and 15): the schema and the loader agree."""
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(govfinal.io.dumps(build_report(), format="json"))
    target = document
    for step in section.split("."):
        target = target[step]
    target[key] = value
    errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(document))
    assert [tuple(error.absolute_path) for error in errors] == [(*section.split("."), key)]
    with pytest.raises(govfinal.io.LoadError):
        govfinal.io.loads(json.dumps(document), format="json")
