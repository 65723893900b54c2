"""Many reports' contributions → one `StructureModel`, deterministic to the byte."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable

from drafter.learn.mining import ReportFacts
from drafter.models.catalogue import taxonomy
from drafter.models.slots import SLOT
from drafter.models.structure import MetricSeen, SectionModel, Seen, StructureModel

TOP_HEADINGS, TOP_PHRASINGS, TOP_METRICS = 8, 10, 12


def _ranked(counter: Counter, limit: int) -> list[tuple[object, int]]:
    """Most reports first; ties in a fixed (text) order so output never depends on input order."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[:limit]


def build_model(reports: Iterable[tuple[str, ReportFacts]]) -> StructureModel:
    reports = sorted(reports, key=lambda r: r[0])
    n = len(reports)
    sections = []
    tax = taxonomy()
    for kind, defs in (("statutory", tax.statutory), ("area", tax.areas)):
        for section in defs:
            sid = section.id
            if kind == "statutory":
                present = [r for _, r in reports if r.status.get(sid) in ("section", "mentioned")]
                as_section = sum(1 for _, r in reports if r.status.get(sid) == "section")
            else:
                present = [r for _, r in reports if sid in r.headings]
                as_section = len(present)
            positions = [r.position[sid] for _, r in reports if sid in r.position]
            headings = Counter(h for _, r in reports for h in r.headings.get(sid, ()))
            phrasings = Counter(p for _, r in reports for p in r.phrasings.get(sid, ()))
            metrics = Counter(m for _, r in reports for m in r.metrics.get(sid, ()))
            support = round(len(present) / n, 2) if n else 0.0
            sections.append(
                SectionModel(
                    id=sid,
                    name=section.name,
                    kind=kind,
                    required=section.required if kind == "statutory" else support > 0.5,
                    support=support,
                    as_section=round(as_section / n, 2) if n else 0.0,
                    position=round(statistics.median(positions), 2) if positions else None,
                    heading=section.heading,
                    headings=[Seen(text=t, reports=c) for t, c in _ranked(headings, TOP_HEADINGS)],
                    phrasings=[
                        Seen(text=t, reports=c)
                        for t, c in _ranked(phrasings, TOP_PHRASINGS)
                        if c > 1 or SLOT.search(t)
                    ],
                    metrics=[
                        MetricSeen(name=name, unit=unit, reports=c)
                        for (name, unit), c in _ranked(metrics, TOP_METRICS)
                    ],
                )
            )
    statutory = [s for s in sections if s.kind == "statutory"]
    # topic areas in the order reports put them (unseen areas last, in taxonomy order)
    order = {a.id: i for i, a in enumerate(tax.areas)}
    areas = sorted(
        (s for s in sections if s.kind == "area"),
        key=lambda s: (s.position is None, s.position or 0.0, order[s.id]),
    )
    return StructureModel(
        reports=n, sources=[name for name, _ in reports], sections=statutory + areas
    )
