"""The 版头 and 版记 of a report sent as a 公文 (GB/T 9704—2012 7.2, 7.4), resolved from the
facts: defaults filled in, dates written the way 公文 write them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from drafter.models.facts import Facts, Official
from drafter.render.filters import cn_date

MISSING_NUMBER = "【待填写：发文字号】"


@dataclass(frozen=True)
class Frame:
    mark: str  # 发文机关标志: 「示例县人民政府文件」
    number: str  # 发文字号: 「示政报〔2027〕3号」
    signer: str | None  # 签发人
    cc: list[str] = field(default_factory=list)  # 抄送机关
    printed_by: str = ""  # 印发机关
    printed_on: str = ""  # 「2027年1月16日印发」

    @property
    def cc_line(self) -> str | None:
        return f"抄送：{'，'.join(self.cc)}。" if self.cc else None


def frame(facts: Facts, today: dt.date) -> tuple[Frame, list[str]]:
    """The frame and the warnings a writer should see (no 发文字号 yet)."""
    meta = facts.meta
    official = meta.official or Official()
    warnings = []
    if not official.number:
        warnings.append(
            f"没有填写发文字号，版头中写入{MISSING_NUMBER}：在 meta.official.number 中填写，如“示政报〔{meta.year + 1}〕3号”"
        )
    printed = official.printed_on or meta.date or today
    return (
        Frame(
            mark=official.mark or f"{meta.issuer}文件",
            number=official.number or MISSING_NUMBER,
            signer=official.signer,
            cc=list(official.cc),
            printed_by=official.printed_by or meta.issuer,
            printed_on=f"{cn_date(printed)}印发",
        ),
        warnings,
    )
