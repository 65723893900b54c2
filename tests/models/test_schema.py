"""The JSON Schema that editors read agrees with the facts model, checked with a real validator
(jsonschema, Draft 2020-12, formats asserted): whatever the model accepts, the schema accepts;
whatever the model rejects, the schema rejects, except the few rules JSON Schema cannot state
(listed in `inexpressible`)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from drafter.extract import extract_file, facts_yaml
from drafter.formats.yaml_io import load_yaml
from drafter.models.catalogue import catalogue
from drafter.models.facts import Facts, FieldProblem
from drafter.skeleton import schema_json, skeleton
from tests.conftest import EXAMPLES, ROOT, SEEDS

SCHEMA = json.loads(schema_json())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
BROKEN = sorted((ROOT / "tests" / "data" / "broken_facts").glob("*.yaml"))
# Broken files whose fault no JSON Schema can state (or that are not YAML at all).
BEYOND_SCHEMA = {
    "date_before_year": "compares two fields",
    "part_exceeds_whole": "compares two fields",
    "previous_part_exceeds_whole": "compares two fields",
    "duplicate_key": "not valid YAML",
    "syntax_unclosed_quote": "not valid YAML",
    "tab_indent": "not valid YAML",
}


def model_errors(data: Any) -> list[dict] | None:
    """None when the model accepts `data`, else pydantic's errors."""
    try:
        Facts.model_validate(data)
    except ValidationError as exc:
        return exc.errors()
    return None


def inexpressible(error: dict) -> bool:
    """A model error that JSON Schema cannot state: a rule across two fields (a part exceeding
    its whole, a date not after the year), or a float with no fraction where an integer is
    wanted (27.0 and 27 are one JSON number)."""
    if isinstance((error.get("ctx") or {}).get("error"), FieldProblem):
        return True
    value = error.get("input")
    return error["type"] == "int_type" and isinstance(value, float) and value.is_integer()


def schema_problems(data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def assert_agree(data: Any) -> None:
    errors, problems = model_errors(data), schema_problems(data)
    if errors is None:
        assert not problems, f"the model accepts, the schema rejects: {problems}"
    elif not problems:
        unstated = [e for e in errors if not inexpressible(e)]
        assert not unstated, f"the model rejects, the schema accepts: {unstated}"


def test_schema_is_a_valid_draft_2020_12_schema():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_is_valid(path):
    data = load_yaml(path.read_text(encoding="utf-8"), str(path), lines=False)
    assert schema_problems(data) == []
    assert model_errors(data) is None


def test_skeleton_and_extracted_facts_files_are_valid():
    texts = [skeleton("示例县人民政府", 2026)]
    texts += [facts_yaml(extract_file(seed, None), seed.name) for seed in SEEDS]
    for text in texts:
        data = load_yaml(text, "<facts>", lines=False)
        assert schema_problems(data) == []
        assert model_errors(data) is None


STATABLE = [p for p in BROKEN if p.stem not in BEYOND_SCHEMA]


def test_beyond_schema_names_real_files():
    assert set(BEYOND_SCHEMA) <= {p.stem for p in BROKEN} and len(STATABLE) >= 15


@pytest.mark.parametrize("path", STATABLE, ids=[p.stem for p in STATABLE])
def test_broken_facts_files_are_rejected_by_the_schema_too(path):
    data = load_yaml(path.read_text(encoding="utf-8"), str(path), lines=False)
    assert model_errors(data) is not None
    assert schema_problems(data), f"{path.name} passes the schema"


@pytest.mark.parametrize(
    "metrics",
    [
        {"approvals_cancelled": 27},  # the case: a bare count
        {"approvals_cancelled": {"value": 27, "previous": 20}},
        {"approvals_cancelled": {"previous": 20}},
        {"approvals_cancelled": None},
    ],
)
def test_every_way_of_writing_a_metric_is_valid(metrics):
    area = catalogue().metric("approvals_cancelled").area
    data = {"meta": {"issuer": "示例县人民政府", "year": 2026}}
    data["measures"] = {"areas": {area: {"metrics": metrics}}}
    assert model_errors(data) is None
    assert schema_problems(data) == []


@pytest.mark.parametrize(
    "heading",
    [
        "法" * 40,
        "法" * 41,
        "  " + "法" * 40 + "\u3000",
        " " + "法" * 41,
        "深化理论武装。",
        "深化理论武装。。",
        "深化。理论武装",
        " 深化理论 。 ",
        "深化理论 。 。",
        "\u3000",
        "",
    ],
    ids=lambda h: f"{len(h)}:{h.strip()[:3]}{'。' if '。' in h else ''}",
)
def test_heading_rules_agree(heading):
    item = {"heading": heading, "text": "正文。"}
    assert_agree({"meta": {"issuer": "示例县人民政府", "year": 2026}, "other": {"items": [item]}})


@pytest.mark.parametrize(
    "value", [27, 0, -1, 27.5, 27.0, "27", True, None, {}, {"value": 1, "x": 2}, [1]]
)
def test_metric_values_agree(value):
    for metric in ("review_received", "enforcement_fines", "suggestion_satisfaction"):
        area = catalogue().metric(metric).area
        data = {"meta": {"issuer": "示例县人民政府", "year": 2026}}
        assert_agree({**data, "measures": {"areas": {area: {"metrics": {metric: value}}}}})


def test_editor_help_is_in_chinese_with_examples():
    metric = catalogue().metric("approvals_cancelled")
    entry = SCHEMA["$defs"][f"Metrics_{metric.area}"]["properties"][metric.id]
    assert entry["title"] == metric.name  # an editor's hover heading
    assert metric.name in entry["description"] and metric.name in entry["markdownDescription"]
    assert SCHEMA["$defs"]["Meta"]["properties"]["year"]["title"] == "报告所述年度"
    assert entry["examples"] and all(
        VALIDATOR.evolve(schema=entry).is_valid(x) for x in entry["examples"]
    )
    assert "两种写法" in SCHEMA["$defs"]["Highlight"]["markdownDescription"]


# ---- generated facts files ----------------------------------------------------------------------
# Facts files made of plausible values (some of them wrong: blank text, a 「。」 in a heading, a
# negative or fractional count, an impossible date, a part above its whole), then 0-2 edits that
# put anything at all somewhere or add an unknown key.
SPACES = " \u3000\t\n"  # whitespace on which the model's strip and the patterns' \s agree


def mostly(usual, sometimes):
    """`usual` eleven times in twelve: a generated file has many fields, and most files should
    be wrong in at most one place."""
    return st.integers(0, 11).flatmap(lambda i: sometimes if i == 0 else usual)


PLAIN = st.text(alphabet="法治政府建设abc1", min_size=1, max_size=12)
TRICKY = st.text(alphabet=st.sampled_from([*"法治政府abc1。", *SPACES]), max_size=45)
TEXT = mostly(PLAIN, TRICKY)
NUMBER = mostly(
    st.integers(0, 300),
    st.one_of(st.integers(-3, -1), st.floats(-1, 150, allow_nan=False), st.just(27.0)),
)
PERCENT = mostly(st.one_of(st.integers(0, 100), st.floats(0, 100)), NUMBER)
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    TRICKY,
    st.lists(st.integers(0, 3), max_size=2),
    st.dictionaries(st.sampled_from(["value", "text", "x"]), st.integers(0, 3), max_size=2),
)


def entries(required=None, **optional):
    return st.fixed_dictionaries(required or {}, optional=optional)


def metric_value(kind: str):
    pair = entries(value=NUMBER, previous=NUMBER)
    return st.one_of(NUMBER, NUMBER, pair, st.none()) if kind != "rate" else PERCENT


@st.composite
def metrics(draw, area_id: str):
    """An area's metrics; mostly each part kept within its whole (the model checks that)."""
    listed = catalogue().metrics_of(area_id)
    values = draw(entries(**{m.id: metric_value(m.kind) for m in listed}))
    for m in listed:
        part, whole = values.get(m.id), values.get(m.part_of or "")
        if isinstance(part, int) and isinstance(whole, int) and draw(st.integers(0, 3)):
            values[m.id] = min(part, whole)
    return values


ITEM = st.one_of(TEXT, entries({"text": TEXT}, heading=TEXT, carried_over=st.booleans()))
FIGURE = entries({"label": TEXT}, value=NUMBER, unit=TEXT, previous=NUMBER)
HIGHLIGHT = st.one_of(
    TEXT,
    entries(
        {"text": TEXT},
        heading=TEXT,
        carried_over=st.booleans(),
        figures=st.lists(FIGURE, max_size=2),
    ),
)


def area(area_id: str):
    return entries(
        {"metrics": metrics(area_id)},
        heading=TEXT,
        intro=TEXT,
        highlights=st.lists(HIGHLIGHT, max_size=2),
        last_year_plans=st.lists(TEXT, max_size=2),
    )


# Areas whose metrics have every kind (count, amount, rate) and parts of wholes.
SAMPLE_AREAS = ["disputes", "enforcement", "supervision"]
AREAS = st.fixed_dictionaries({a: mostly(area(a), st.none()) for a in SAMPLE_AREAS})
PART = entries(heading=TEXT, intro=TEXT, items=st.lists(ITEM, max_size=2))


@st.composite
def meta(draw):
    year = draw(mostly(st.integers(2000, 2100), st.integers(1995, 2105)))
    wrong = [f"{year}-12-31", f"{year + 1}-02-30", f"{year + 1}-1-5", "20270115"]
    return draw(
        entries(
            {"issuer": TEXT, "year": st.just(year)},
            issuer_short=TEXT,
            kind=mostly(
                st.sampled_from(["government", "department", "joint"]),
                st.sampled_from(["Government", " joint"]),
            ),
            addressee=TEXT,
            signers=st.lists(TEXT, max_size=2),
            date=mostly(st.just(f"{year + 1}-03-20"), st.sampled_from(wrong)),
            title=TEXT,
        )
    )


PLAUSIBLE = entries(
    {
        "meta": meta(),
        "measures": entries(
            {"areas": AREAS}, intro=TEXT, last_year_plans=st.lists(TEXT, max_size=2)
        ),
    },
    schema_version=mostly(st.just(1), st.sampled_from([2, "1"])),
    opening=TEXT,
    shortcomings=entries(heading=TEXT, intro=TEXT, items=st.lists(ITEM, max_size=2), causes=TEXT),
    leader_duty=PART,
    next_year=PART,
    other=PART,
)


def containers(node, found):
    if isinstance(node, dict | list):
        found.append(node)
        for child in node.values() if isinstance(node, dict) else node:
            containers(child, found)
    return found


@st.composite
def facts_files(draw):
    data = draw(PLAUSIBLE)
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
        node = draw(st.sampled_from(containers(data, [])))
        if isinstance(node, list):
            node.append(draw(JUNK))
        elif node and draw(st.booleans()):
            node[draw(st.sampled_from(sorted(node)))] = draw(JUNK)
        else:
            node["unknown_key"] = draw(JUNK)
    return data


FACTS = facts_files()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FACTS)
def test_schema_and_model_agree_on_generated_facts(data):
    assert_agree(data)


def test_generated_facts_cover_both_answers():
    """The generator is worth something only if it produces files of both kinds."""
    answers = set()

    @settings(max_examples=200, deadline=None, database=None)
    @given(FACTS)
    def collect(data):
        answers.add(model_errors(data) is None)

    collect()
    assert answers == {True, False}
