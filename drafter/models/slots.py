"""The slots of typical phrasings (`templates/phrasing_slots.yaml`): learning replaces a
report's own place names, organ words, local platform names and figures with slots; the form
fills what it knows (year, place, level) and leaves the rest as a marked placeholder that the
checker reports (【待填：…】, templates/rules/placeholders.yaml)."""

from __future__ import annotations

import re

from drafter.models.data import DataModel, at_least
from drafter.resources import data_model

NUMBER = re.compile(r"\d+(?:\.\d+)?")
SLOT = re.compile(r"\{([a-z]+)\}")
FILLED = ("year", "place", "level")  # what the form knows from the facts
NUMBER_LABEL = "数字"


class Slot(DataModel):
    slot: str
    label: str
    regex: str  # may hold {place} and {level}
    issuer: str  # the issuer the examples are read with
    fires: list[str] = at_least(1)
    quiet: list[str] = at_least(1)


class PhrasingSlots(DataModel):
    unit: str
    slots: list[Slot]

    def places(self, issuer: str | None) -> list[str]:
        """「重庆市开州区人民政府」 → 开州区, 重庆市, 开州, 重庆 (longest first)."""
        units = re.findall(self.unit, issuer or "")
        names = set(units) | {u[:-1] for u in units if len(u) > 2}
        return sorted(names, key=lambda n: (-len(n), n))

    def level(self, issuer: str | None) -> str | None:
        units = re.findall(self.unit, issuer or "")
        return units[-1][-1] if units else None

    def pattern(self, slot: Slot, issuer: str | None) -> re.Pattern | None:
        """The slot's regex for one report's issuer (None when it needs what the issuer lacks)."""
        places, level = self.places(issuer), self.level(issuer)
        if ("{place}" in slot.regex and not places) or ("{level}" in slot.regex and not level):
            return None
        regex = slot.regex.replace("{place}", "|".join(map(re.escape, places)))
        return re.compile(regex.replace("{level}", re.escape(level or "")))

    def generalise(self, text: str, issuer: str | None, year: int | None) -> str:
        """A report's clause as a phrasing anyone can use: 「2023年开州区…」 → 「{year}年{place}…」."""
        for slot in self.slots:
            pattern = self.pattern(slot, issuer)
            if pattern is not None:
                text = pattern.sub("\0" + slot.slot + "\1", text)
        text = NUMBER.sub(lambda m: "{year}" if year and m.group() == str(year) else "{n}", text)
        return text.replace("\0", "{").replace("\1", "}")

    def fill(self, phrasing: str, issuer: str | None, year: int | None) -> str:
        """The phrasing for this report: known slots filled, the rest 【待填：名称】."""
        units = re.findall(self.unit, issuer or "")
        known = {
            "year": str(year) if year else None,
            "place": units[-1] if units else None,  # the issuer's own: 「示例县」
            "level": self.level(issuer),
        }
        labels = {s.slot: s.label for s in self.slots} | {"n": NUMBER_LABEL, "year": "年度"}

        def value(match: re.Match) -> str:
            name = match.group(1)
            return known.get(name) or f"【待填：{labels.get(name, name)}】"

        return SLOT.sub(value, phrasing)


phrasing_slots = data_model(PhrasingSlots, "phrasing_slots.yaml")
