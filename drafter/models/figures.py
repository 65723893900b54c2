"""Derived figures: rates from counts and year-on-year phrases, computed once, never typed.

Also the formatting of numbers the way reports write them (GB/T 15835: Arabic numerals; rates
with at most one decimal; amounts in 万元 / 亿元)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pydantic import BaseModel

from drafter.models.catalogue import SLOT, catalogue


def format_number(value: float | int, places: int = 2) -> str:
    """12 → "12"; 80.66 → "80.66"; 0.5 → "0.5" (half-up, trailing zeros dropped)."""
    quantum = Decimal(1).scaleb(-places)
    text = format(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_percent(value: float, places: int = 1) -> str:
    return f"{format_number(value, places)}%"


def format_amount(yuan: float | int) -> str:
    """Amounts in 元 as reports write them: 806600 → "80.66万元", 3.2e8 → "3.2亿元"."""
    if yuan >= 1e8:
        return f"{format_number(yuan / 1e8)}亿元"
    if yuan >= 1e4:
        return f"{format_number(yuan / 1e4)}万元"
    return f"{format_number(yuan)}元"


def rate(part: float, whole: float) -> float | None:
    return None if not whole else part * 100 / whole


def yoy_phrase(value: float, previous: float | None) -> str | None:
    """ "同比增长12.5%" / "同比下降3%" / "与上年持平"; None when there is nothing to compare."""
    if not previous:  # no figure, or 0: a growth rate from zero means nothing
        return None
    change = (value - previous) * 100 / previous
    if format_number(abs(change), 1) == "0":
        return "与上年持平"
    verb = "增长" if change > 0 else "下降"
    return f"同比{verb}{format_percent(abs(change))}"


def slot_values(metrics: BaseModel) -> dict[str, tuple[str, str | None]]:
    """Every metric and derived rate of one area that has a value: (text, year-on-year phrase)."""
    cat = catalogue()
    values: dict[str, tuple[str, str | None]] = {}
    raw: dict[str, float] = {}
    for name in type(metrics).model_fields:
        entry = getattr(metrics, name)
        if entry is None or getattr(entry, "value", 0) is None:
            continue  # nothing, or only last year's figure: not written
        metric = cat.metric(name)
        if metric.kind == "rate":
            values[name] = (format_percent(entry), None)
            continue
        raw[name] = entry.value
        text = format_amount(entry.value) if metric.kind == "amount" else format_number(entry.value)
        values[name] = (text, yoy_phrase(entry.value, entry.previous))
    for r in cat.rates:
        if r.part in raw and r.whole in raw:
            value = rate(raw[r.part], raw[r.whole])
            if value is not None:
                values[r.id] = (format_percent(value), None)
    return values


def metric_sentences(area_id: str, metrics: BaseModel) -> list[str]:
    """The area's statements with every clause whose slots all have values; one sentence each.

    A year-on-year phrase goes after the clause of the metric it belongs to: 「受理184件，同比增长7%」.
    """
    values = slot_values(metrics)
    sentences = []
    for statement in catalogue().statements.get(area_id, []):
        clauses = []
        for clause in statement:
            slots = SLOT.findall(clause)
            if not all(s in values for s in slots):
                continue
            text = SLOT.sub(lambda m: values[m.group(1)][0], clause)
            phrases = [values[s][1] for s in slots if values[s][1]]
            clauses.append(text + "".join(f"，{p}" for p in phrases))
        if clauses:
            sentences.append("，".join(clauses) + "。")
    return sentences
