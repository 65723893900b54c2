from __future__ import annotations

import pytest
from pydantic import ValidationError

from drafter.models.catalogue import SLOT, catalogue, taxonomy
from drafter.models.facts import AREA_MODELS, Facts
from drafter.models.figures import metric_sentences, yoy_phrase

META = {"issuer": "示例县人民政府", "year": 2026}


def facts_with(area: str, metrics: dict) -> Facts:
    return Facts.model_validate({"meta": META, "measures": {"areas": {area: {"metrics": metrics}}}})


def test_minimal_facts_defaults():
    facts = Facts.model_validate({"meta": META})
    assert facts.meta.short_name == "示例县"
    assert facts.meta.signer_list == ["示例县人民政府"]
    assert facts.shortcomings.is_empty and facts.next_year.is_empty


@pytest.mark.parametrize(
    ("metrics", "fragment"),
    [
        ({"legal_aid_cases": -1}, "greater_than_equal"),
        ({"legal_aid_cases": 1.5}, "int"),
        ({"legal_aid_cases": True}, "int"),
        ({"legal_aid_cases": "12"}, "int"),
    ],
)
def test_counts_are_non_negative_integers(metrics, fragment):
    with pytest.raises(ValidationError) as info:
        facts_with("publicity", metrics)
    assert fragment in str(info.value)


@pytest.mark.parametrize("value", [-0.1, 100.5])
def test_rates_are_within_0_and_100(value):
    with pytest.raises(ValidationError):
        facts_with("supervision", {"suggestion_satisfaction": value})
    assert facts_with("supervision", {"suggestion_satisfaction": 98.5})


def test_part_never_exceeds_whole():
    with pytest.raises(ValidationError, match="不能大于"):
        facts_with("disputes", {"mediation_cases": 10, "mediation_success": 11})
    with pytest.raises(ValidationError, match="上年"):
        facts_with(
            "disputes",
            {
                "mediation_cases": {"value": 10, "previous": 5},
                "mediation_success": {"value": 9, "previous": 6},
            },
        )
    assert facts_with("disputes", {"mediation_cases": 10, "mediation_success": 10})


def test_derived_rates_cannot_be_typed():
    with pytest.raises(ValidationError, match="mediation_success_rate"):
        facts_with("disputes", {"mediation_success_rate": 97})


def test_rates_are_computed_from_counts():
    facts = facts_with("disputes", {"mediation_cases": 1178, "mediation_success": 1142})
    text = "".join(metric_sentences("disputes", facts.measures.areas.disputes.metrics))
    assert "调解成功率96.9%" in text  # 1142 / 1178 = 96.94 %
    assert "受理矛盾纠纷1178件" in text


def test_rate_left_out_when_whole_is_zero():
    facts = facts_with("disputes", {"litigation_cases": 0, "litigation_leader_appearances": 0})
    text = "".join(metric_sentences("disputes", facts.measures.areas.disputes.metrics))
    assert "出庭应诉率" not in text and "行政诉讼案件0件" in text


def test_clause_needs_all_its_slots():
    facts = facts_with("disputes", {"review_received": 10, "review_mediated": 3})
    text = "".join(metric_sentences("disputes", facts.measures.areas.disputes.metrics))
    assert text == "全年共收到行政复议申请10件。"


@pytest.mark.parametrize(
    ("value", "previous", "phrase"),
    [
        (225, 200, "同比增长12.5%"),
        (90, 100, "同比下降10%"),
        (100, 100, "与上年持平"),
        (5, 0, "上年为0"),
        (5, None, None),
        (184, 57, "同比增长222.8%"),
    ],
)
def test_year_on_year(value, previous, phrase):
    assert yoy_phrase(value, previous) == phrase


def test_year_on_year_goes_after_its_clause():
    facts = facts_with("publicity", {"legal_aid_cases": {"value": 656, "previous": 602}})
    text = "".join(metric_sentences("publicity", facts.measures.areas.publicity.metrics))
    assert "办理法律援助案件656件，同比增长9%" in text


def test_amounts_in_wan_and_yi():
    facts = facts_with("enforcement", {"enforcement_cases": 3, "enforcement_fines": 806600})
    text = "".join(metric_sentences("enforcement", facts.measures.areas.enforcement.metrics))
    assert "罚没金额80.66万元" in text


def test_every_metric_has_a_place_in_some_statement():
    slots = {
        slot
        for statements in catalogue().statements.values()
        for statement in statements
        for clause in statement
        for slot in SLOT.findall(clause)
    }
    metric_ids = {m.id for m in catalogue().metrics} | {r.id for r in catalogue().rates}
    assert metric_ids == slots


def test_every_area_has_a_facts_model_with_its_metrics():
    assert set(AREA_MODELS) == {a.id for a in taxonomy().areas}
    for area in taxonomy().areas:
        metrics_model = AREA_MODELS[area.id].model_fields["metrics"].annotation
        assert set(metrics_model.model_fields) == {m.id for m in catalogue().metrics_of(area.id)}


def test_statutory_ids_are_the_five_stable_ones():
    assert [s.id for s in taxonomy().statutory] == [
        "measures",
        "shortcomings",
        "leader_duty",
        "next_year",
        "other",
    ]
    assert [s.required for s in taxonomy().statutory] == [True, True, True, True, False]
