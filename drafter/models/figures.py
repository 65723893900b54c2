"""Derived figures: rates from counts and year-on-year changes, computed once, never typed.

Also the writing of numbers the way 公文 write them (GB/T 15835 and common practice; the words
and thresholds are data in templates/numbers.yaml): 「6万人次」, 「385万元」, 「96.9%」,
「同比增长12.5%」, 「与上年持平」, 「上年为0件」, and no 「同比增长20%」 twice in one sentence."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Literal

from drafter.models.catalogue import SLOT, catalogue
from drafter.models.data import DataModel
from drafter.resources import data_model

if TYPE_CHECKING:
    from pydantic import BaseModel  # the facts' metrics of one area


class Magnitude(DataModel):
    word: str
    value: int


class CountRules(DataModel):
    magnitudes: list[Magnitude]  # largest first
    exact_from: int
    round_from: int
    places: int


class AmountRules(DataModel):
    magnitudes: list[Magnitude]
    places: int


class ChangeWords(DataModel):
    up: str
    down: str
    first: str
    again: str
    together: str
    flat: str
    zero: str


class NumberWords(DataModel):
    counts: CountRules
    amounts: AmountRules
    percent: dict[Literal["places"], int]
    ranges: dict[Literal["dash"], str]
    change: ChangeWords
    examples: dict[str, list]


number_words = data_model(NumberWords, "numbers.yaml")


def format_number(value: float | int | Decimal, places: int = 2) -> str:
    """12 → "12"; 80.66 → "80.66"; 0.5 → "0.5" (half-up, trailing zeros dropped)."""
    quantum = Decimal(1).scaleb(-places)
    text = format(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_percent(value: float, places: int | None = None) -> str:
    if places is None:
        places = number_words().percent["places"]
    return f"{format_number(value, places)}%"


def format_count(value: float | int, unit: str = "") -> str:
    """60000 → "6万"; 12345 → "12345"; 1234567 → "123.46万" (then the unit)."""
    rules = number_words().counts
    if value >= rules.exact_from:
        for magnitude in rules.magnitudes:
            if value < magnitude.value:
                continue
            scaled = Decimal(str(value)) / magnitude.value
            exact = scaled == scaled.quantize(Decimal(1).scaleb(-rules.places))
            if exact or value >= rules.round_from:
                return format_number(scaled, rules.places) + magnitude.word + unit
            break
    return format_number(value) + unit


def format_amount(yuan: float | int) -> str:
    """Amounts in 元 as reports write them: 806600 → "80.66万元", 3.2e8 → "3.2亿元"."""
    rules = number_words().amounts
    for magnitude in rules.magnitudes:
        if yuan >= magnitude.value:
            scaled = Decimal(str(yuan)) / magnitude.value
            return f"{format_number(scaled, rules.places)}{magnitude.word}元"
    return f"{format_number(yuan)}元"


def format_value(value: float | int, unit: str) -> str:
    return format_amount(value) if unit == "元" else format_count(value, unit)


def _magnitude(text: str) -> str:
    return "" if text[-1:].isdigit() else text[-1:]


def format_range(low: float, high: float, unit: str) -> str:
    """Both ends keep their 「万」 and 「%」; the unit is said once when both ends share a
    magnitude: 「5万～10万人次」, 「15%～30%」, 「3000～5000元」, 「5000元～2万元」."""
    dash = number_words().ranges["dash"]
    if unit == "%":
        return f"{format_percent(low)}{dash}{format_percent(high)}"
    left, right = format_value(low, unit), format_value(high, unit)
    bare_left, bare_right = left.removesuffix(unit), right.removesuffix(unit)
    if _magnitude(bare_left) == _magnitude(bare_right):
        left = bare_left
    return f"{left}{dash}{right}"


def rate(part: float, whole: float) -> float | None:
    return None if not whole else part * 100 / whole


@dataclass(frozen=True)
class Change:
    """A year-on-year change, worded in its sentence by `change_words`."""

    kind: Literal["up", "down", "flat", "zero"]
    percent: str = ""  # 「12.5%」 for up and down
    previous: str = ""  # 「3件」 for zero


def year_on_year(value: float, previous: float | None, unit: str = "") -> Change | None:
    """None when there is no previous figure. A rate from or to zero means nothing: the
    previous figure is given instead."""
    if previous is None:
        return None
    if not value and not previous:
        return Change("flat")
    if not value or not previous:
        return Change("zero", previous=format_value(previous, unit))
    change = (value - previous) * 100 / previous
    percent = format_percent(abs(change))
    if percent == format_percent(0):
        return Change("flat")
    return Change("up" if change > 0 else "down", percent=percent)


def change_words(change: Change, form: Literal["first", "again", "together"] = "first") -> str:
    words = number_words().change
    if change.kind == "flat":
        return words.flat
    if change.kind == "zero":
        return words.zero.format(previous=change.previous)
    verb = words.up if change.kind == "up" else words.down
    return getattr(words, form).format(verb=verb, percent=change.percent)


def yoy_phrase(value: float, previous: float | None, unit: str = "") -> str | None:
    """ "同比增长12.5%" / "同比下降3%" / "与上年持平" / "上年为0件"; None without a previous."""
    change = year_on_year(value, previous, unit)
    return change_words(change) if change else None


@dataclass(frozen=True)
class SlotValue:
    text: str  # as written in the clause: 「6万」, 「385万元」, 「96.9%」
    change: Change | None = None


def slot_figures(metrics: BaseModel) -> dict[str, SlotValue]:
    """Every metric and derived rate of one area that has a value."""
    cat = catalogue()
    values: dict[str, SlotValue] = {}
    raw: dict[str, float] = {}
    for name in type(metrics).model_fields:
        entry = getattr(metrics, name)
        if entry is None or getattr(entry, "value", 0) is None:
            continue  # nothing, or only last year's figure: not written
        metric = cat.metric(name)
        if metric.kind == "rate":
            values[name] = SlotValue(format_percent(entry))
            continue
        raw[name] = entry.value
        text = format_amount(entry.value) if metric.kind == "amount" else format_count(entry.value)
        values[name] = SlotValue(text, year_on_year(entry.value, entry.previous, metric.unit))
    for r in cat.rates:
        if r.part in raw and r.whole in raw:
            value = rate(raw[r.part], raw[r.whole])
            if value is not None:
                values[r.id] = SlotValue(format_percent(value))
    return values


def slot_values(metrics: BaseModel) -> dict[str, tuple[str, str | None]]:
    """(text, year-on-year phrase) of every metric and rate with a value (for the form)."""
    return {
        name: (v.text, change_words(v.change) if v.change else None)
        for name, v in slot_figures(metrics).items()
    }


Clause = tuple[str, tuple[Change, ...]]  # a clause's text and the changes of its figures


def _sentence(clauses: list[Clause]) -> str:
    """Clauses with their changes, worded once: neighbours with the same change share one
    「同比均增长20%」; after the first 「同比」 a sentence says only 「增长15%」."""
    out: list[str] = []
    said = False  # 「同比」 already in this sentence
    i = 0
    while i < len(clauses):
        text, changes = clauses[i]
        j = i + 1
        if len(changes) == 1 and changes[0].kind in ("up", "down"):
            while j < len(clauses) and clauses[j][1] == changes:
                j += 1
        if j - i > 1:  # a run of the same change
            out += [t for t, _ in clauses[i:j]]
            out.append(change_words(changes[0], "again" if said else "together"))
            said = True
        else:
            out.append(text)
            for change in changes:
                out.append(change_words(change, "again" if said else "first"))
                said = said or change.kind in ("up", "down")
        i = j
    return "，".join(out) + "。"


def metric_sentences(area_id: str, metrics: BaseModel) -> list[str]:
    """The area's statements with every clause whose slots all have values; one sentence each.

    A year-on-year change goes after the clause of the metric it belongs to: 「受理184件，同比增长15%」.
    """
    values = slot_figures(metrics)
    sentences = []
    for statement in catalogue().statements.get(area_id, []):
        clauses: list[Clause] = []
        for clause in statement:
            slots = SLOT.findall(clause)
            if not all(s in values for s in slots):
                continue
            text = SLOT.sub(lambda m: values[m.group(1)].text, clause)
            changes = tuple(c for s in slots if (c := values[s].change) is not None)
            clauses.append((text, changes))
        if clauses:
            sentences.append(_sentence(clauses))
    return sentences
