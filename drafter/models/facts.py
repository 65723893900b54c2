"""The facts of one year's report: what the writer supplies, validated.

Each topic area's metrics model is generated from the metric catalogue (`templates/metrics.yaml`),
so the JSON Schema names every metric with its Chinese name and unit, and an unknown metric is an
error with a suggestion. Derived rates are not fields: they are computed (see `metrics.py`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    WithJsonSchema,
    create_model,
    model_validator,
)

from drafter.models.catalogue import catalogue, taxonomy
from drafter.models.language import frame

SCHEMA_VERSION = 1
FieldPath = tuple[
    str | int, ...
]  # a field of the facts file: ("measures", "areas", "rules", "intro")


class FieldProblem(ValueError):
    """A cross-field problem that belongs to one field (pydantic keeps it in the error's ctx)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def short_label(description: str) -> str:
    """A field's description, first phrase only: 「审结行政复议案件（件）」 → 「审结行政复议案件」."""
    return description.split("，")[0].split("（")[0].split("：")[0]


def _title(name: str, field: Any) -> str:
    """Field titles in the JSON Schema (an editor's hover heading) in Chinese."""
    return short_label(field.description) if field.description else name


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, field_title_generator=_title
    )


# JSON Schema has no "strip, then check": a pattern says "some non-space character" instead.
NOT_BLANK = r"\S"
NonEmpty = Annotated[str, Field(min_length=1, json_schema_extra={"pattern": NOT_BLANK})]
MULTILINE = {"multiline": True}  # a paragraph of text: forms give it a text area
HEADING_MAX = 40
# The heading rules below as one pattern over the unstripped text: at most HEADING_MAX characters
# between the surrounding spaces, and no 「。」 except at its end.
HEADING_PATTERN = rf"^\s*(?=[\s\S]{{0,{HEADING_MAX}}}?\s*$)[^。]*。*\s*$"


def _heading_phrase(value: str | None) -> str | None:
    """A heading is one phrase: the report writes it as 「（一）标题。正文」, so a 「。」 inside it
    would end the heading early."""
    if value is not None and "。" in value.rstrip("。"):
        raise ValueError("小标题只能是一个短语，中间不能有句号“。”")
    return value.rstrip("。") if value else value


HeadingText = Annotated[
    str | None,
    Field(max_length=HEADING_MAX),
    AfterValidator(_heading_phrase),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": HEADING_PATTERN},
                {"type": "null"},
            ],
            "markdownDescription": f"一个短语，不超过 {HEADING_MAX} 字，中间不能有句号“。”",
        }
    ),
]


def _text_shorthand(value: Any) -> Any:
    """Let a list item be a plain string: `- 文字` means `- text: 文字`."""
    return {"text": value} if isinstance(value, str) else value


def _or_text(example: str):
    """JSON Schema of a model that `_text_shorthand` also accepts as a plain string."""

    def schema(cls, core_schema, handler):
        text = {
            "type": "string",
            "minLength": 1,
            "pattern": NOT_BLANK,
            "description": "只有正文时可直接写一段文字",
        }
        return {
            "anyOf": [handler(core_schema), text],
            "title": cls.__name__,
            "description": cls.__doc__,
            "markdownDescription": f"{cls.__doc__}。两种写法：\n\n```yaml\n{example}\n```",
        }

    return classmethod(schema)


DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _written_date(value: Any) -> Any:
    """A date is written 2027-01-15; a number is not taken for a Unix timestamp."""
    if isinstance(value, str) and not re.match(DATE_PATTERN, value):
        raise ValueError(f"应为日期，如 2027-01-15，现在是 {value!r}")
    if isinstance(value, int | float):
        raise ValueError(f"应为日期，如 2027-01-15，现在是 {value!r}")
    return value


WrittenDate = Annotated[
    dt.date | None,
    BeforeValidator(_written_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date", "pattern": DATE_PATTERN},
                {"type": "null"},
            ]
        }
    ),
]


def _number(ge: float, le: float | None = None) -> Any:
    """An optional integer or decimal within bounds. The JSON Schema is written out: for bounds
    on a union pydantic writes `ge`/`le`, which are not JSON Schema keywords."""
    bounds = {"minimum": ge} if le is None else {"minimum": ge, "maximum": le}
    return Annotated[
        StrictInt | StrictFloat | None,
        Field(ge=ge, le=le),
        WithJsonSchema({"anyOf": [{"type": "number", **bounds}, {"type": "null"}]}),
    ]


# no county counts a trillion cases or spends a quadrillion yuan; the bounds also keep 10^40
# and .inf out of the number formatting
MAX_COUNT = 10**12
MAX_AMOUNT = 10**15
OptionalNumber = _number(ge=0, le=MAX_AMOUNT)


class Figure(_Model):
    """A free figure of a highlight, e.g. 培训 7171 人次."""

    label: NonEmpty = Field(description="指标名称，如“培训”")
    value: OptionalNumber = Field(default=None, description="本年数值（空着不写入报告）")
    unit: str = Field(default="", description="单位，如“人次”")
    previous: OptionalNumber = Field(default=None, description="上年数值")


class Item(_Model):
    """条目"""

    heading: HeadingText = Field(default=None, description="小标题（不含序号），可省略")
    text: NonEmpty = Field(description="正文段落", json_schema_extra=MULTILINE)
    carried_over: StrictBool = Field(
        default=False, description="沿用上年内容（未更新时起草会提醒）"
    )

    _shorthand = model_validator(mode="before")(_text_shorthand)
    __get_pydantic_json_schema__ = _or_text(
        "- heading: 小标题（可省略）\n  text: 正文……\n- 只有正文的一段文字"
    )


class Highlight(Item):
    """亮点工作"""

    heading: HeadingText = Field(default=None, description="小标题（不含序号），如“深化理论武装”")
    figures: list[Figure] = Field(default_factory=list, description="可选：补充数字")

    __get_pydantic_json_schema__ = _or_text(
        "- heading: 深化理论武装\n  text: 严格落实“第一议题”制度……\n- 只有正文的一段文字"
    )


class Count(_Model):
    value: StrictInt | None = Field(
        default=None, ge=0, le=MAX_COUNT, description="本年数值（空着不写入报告）"
    )
    previous: StrictInt | None = Field(
        default=None, ge=0, le=MAX_COUNT, description="上年数值（用于同比）"
    )


class Amount(_Model):
    value: OptionalNumber = Field(default=None, description="本年金额（元，空着不写入报告）")
    previous: OptionalNumber = Field(default=None, description="上年金额（元）")


def _scalar_shorthand(value: Any) -> Any:
    """`review_received: 197` means `review_received: {value: 197}` (any scalar, so that a wrong
    one is reported as a wrong number rather than a wrong object)."""
    return value if isinstance(value, dict) or value is None else {"value": value}


NonNegative = Annotated[StrictInt, Field(ge=0)]
CountField = Annotated[
    Count | None,
    BeforeValidator(_scalar_shorthand, json_schema_input_type=NonNegative | Count | None),
]
AmountField = Annotated[
    Amount | None,
    BeforeValidator(
        _scalar_shorthand, json_schema_input_type=Annotated[float, Field(ge=0)] | Amount | None
    ),
]
RateField = _number(ge=0, le=100)
FIELD_TYPES = {"count": CountField, "amount": AmountField, "rate": RateField}
# What an editor shows on hover and offers on completion, per kind of metric.
FIELD_HELP = {
    "count": (
        [184, {"value": 184, "previous": 57}],
        "计数（非负整数）。写成 `184`，或写成 `{value: 184, previous: 57}`（previous 为上年数值，"
        "自动写出同比）。",
    ),
    "amount": (
        [806600, {"value": 806600, "previous": 520000}],
        "金额，单位元（非负数）。写成 `806600`，或 `{value: 806600, previous: 520000}`。",
    ),
    "rate": ([98.5], "百分比，0 到 100 之间，如 `98.5`。"),
}


class MetricsBase(BaseModel):
    """Base of the per-area metrics models: a part never exceeds its whole."""

    model_config = ConfigDict(extra="forbid", field_title_generator=_title)

    @model_validator(mode="after")
    def _parts(self) -> MetricsBase:
        for metric in catalogue().metrics:
            part = getattr(self, metric.id, None)
            whole = getattr(self, metric.part_of, None) if metric.part_of else None
            if part is None or whole is None:
                continue
            for attr, when in (("value", "本年"), ("previous", "上年")):
                p, w = getattr(part, attr), getattr(whole, attr)
                if p is not None and w is not None and p > w:
                    whole_name = catalogue().metric(metric.part_of).name
                    raise FieldProblem(
                        metric.id,
                        f"{when}“{metric.name}”（{p}）不能大于“{whole_name}”（{w}）",
                    )
        return self


def _metrics_model(area_id: str) -> type[BaseModel]:
    fields = {
        m.id: (
            FIELD_TYPES[m.kind],
            Field(
                default=None,
                description=f"{m.name}（{m.unit}）",
                examples=FIELD_HELP[m.kind][0],
                json_schema_extra={
                    "markdownDescription": f"**{m.name}**（{m.unit}）：{FIELD_HELP[m.kind][1]}"
                },
            ),
        )
        for m in catalogue().metrics_of(area_id)
    }
    model = create_model(f"Metrics_{area_id}", __base__=MetricsBase, **fields)  # type: ignore[call-overload]
    model.__doc__ = f"{taxonomy().area(area_id).name}：常用指标"
    return model


def _area_model(area_id: str) -> type[BaseModel]:
    section = taxonomy().area(area_id)
    metrics = _metrics_model(area_id)
    model = create_model(  # type: ignore[call-overload]
        f"Area_{area_id}",
        __base__=_Model,
        heading=(str | None, Field(default=None, description=f"标题，默认“{section.heading}”")),
        intro=(
            str | None,
            Field(default=None, description="领域总述（可选）", json_schema_extra=MULTILINE),
        ),
        highlights=(list[Highlight], Field(default_factory=list, description="亮点工作，每项一段")),
        last_year_plans=(
            list[str],
            Field(
                default_factory=list,
                description="去年在本领域的工作安排（对照说明落实情况，不写入报告）",
            ),
        ),
        metrics=(metrics, Field(default_factory=metrics, description="常用指标（可选）")),
    )
    model.__doc__ = section.name
    return model


AREA_MODELS: dict[str, type[BaseModel]] = {a.id: _area_model(a.id) for a in taxonomy().areas}

Areas = create_model(  # type: ignore[call-overload]
    "Areas",
    __base__=_Model,
    **{
        area_id: (model | None, Field(default=None, description=taxonomy().area(area_id).name))
        for area_id, model in AREA_MODELS.items()
    },
)


DOCUMENT_NUMBER = re.compile(r"^\S+〔\d{4}〕[1-9]\d*号$")


class Official(_Model):
    """作为公文印发时的版头和版记（GB/T 9704—2012 7.2、7.4），用 drafter draft --official 时写入。"""

    mark: str | None = Field(
        default=None,
        description="发文机关标志，如“示例县人民政府文件”；省略时为发文机关全称加“文件”",
    )
    number: str | None = Field(
        default=None,
        description="发文字号，如“示政报〔2027〕3号”（年份用六角括号，序号不编虚位、不加“第”）",
    )
    signer: str | None = Field(
        default=None, description="签发人姓名（报告是上行文，写在发文字号右侧：“签发人：张某某”）"
    )
    cc: list[NonEmpty] = Field(default_factory=list, description="抄送机关，可多个")
    printed_by: str | None = Field(
        default=None,
        description="印发机关，一般为办公室，如“示例县人民政府办公室”；省略时为发文机关",
    )
    printed_on: dt.date | None = Field(default=None, description="印发日期；省略时为成文日期")

    @model_validator(mode="after")
    def _number_form(self) -> Official:
        if self.number is not None and not DOCUMENT_NUMBER.match(self.number):
            raise FieldProblem(
                "number",
                f"发文字号“{self.number}”的写法不对：年份用六角括号〔〕，序号不编虚位，如“示政报〔2027〕3号”",
            )
        return self


class Meta(_Model):
    issuer: NonEmpty = Field(description="发文机关全称，如“示例县人民政府”")
    issuer_short: str | None = Field(
        default=None, description="简称，用于正文，如“示例县”；省略时由全称推出"
    )
    kind: Literal["government", "department", "joint"] = Field(
        default="government",
        description="报告主体：government 政府；department 政府部门；joint 党委和政府联合",
        json_schema_extra={"markdownEnumDescriptions": ["政府", "政府部门", "党委和政府联合"]},
    )
    year: StrictInt = Field(ge=2000, le=2100, description="报告所述年度，如 2026")
    addressee: str | None = Field(default=None, description="主送机关，如“示例市人民政府”（可选）")
    signers: list[NonEmpty] = Field(
        default_factory=list, description="落款机关，可多个；省略时为发文机关"
    )
    date: WrittenDate = Field(
        default=None,
        description="成文日期，如 2027-01-15；省略时为当天",
        examples=["2027-01-15"],
    )
    title: str | None = Field(default=None, description="标题（可选，省略时自动生成）")
    official: Official | None = Field(
        default=None, description="版头和版记（可选，用 draft --official 时写入）"
    )

    @model_validator(mode="after")
    def _date_after_year(self) -> Meta:
        if self.date is not None and self.date.year <= self.year:
            raise FieldProblem(
                "date", f"成文日期 {self.date.isoformat()} 应在报告年度 {self.year} 年之后"
            )
        return self

    @property
    def short_name(self) -> str:
        if self.issuer_short:
            return self.issuer_short
        for suffix in frame().issuer_short.suffixes:
            if self.issuer.endswith(suffix) and len(self.issuer) > len(suffix):
                return self.issuer[: -len(suffix)]
        return self.issuer

    @property
    def signer_list(self) -> list[str]:
        return self.signers or [self.issuer]


class Measures(_Model):
    intro: str | None = Field(
        default=None, description="本部分总述（可选）", json_schema_extra=MULTILINE
    )
    last_year_plans: list[str] = Field(
        default_factory=list, description="去年的工作安排中未归入具体领域的条目（不写入报告）"
    )
    areas: Areas = Field(default_factory=Areas, description="按专题领域填写的举措、亮点和指标")  # type: ignore[valid-type]


class Part(_Model):
    """A statutory content written as an optional intro and a list of items."""

    heading: str | None = Field(default=None, description="标题（可选，省略时用默认标题）")
    intro: str | None = Field(default=None, description="总述（可选）", json_schema_extra=MULTILINE)
    items: list[Item] = Field(default_factory=list, description="条目，每条一段")

    @property
    def is_empty(self) -> bool:
        return not self.intro and not self.items


class Shortcomings(Part):
    causes: str | None = Field(
        default=None, description="原因分析（可选）", json_schema_extra=MULTILINE
    )

    @property
    def is_empty(self) -> bool:
        return super().is_empty and not self.causes


class Facts(_Model):
    """一年度《法治政府建设情况报告》的事实数据。"""

    schema_version: Literal[1] = Field(default=SCHEMA_VERSION, description="事实文件格式版本")
    meta: Meta = Field(description="报告基本信息")
    opening: str | None = Field(
        default=None, description="开头段（可选，省略时自动生成）", json_schema_extra=MULTILINE
    )
    measures: Measures = Field(default_factory=Measures, description="主要举措和成效")
    shortcomings: Shortcomings = Field(default_factory=Shortcomings, description="存在的不足和原因")
    leader_duty: Part = Field(
        default_factory=Part, description="党政主要负责人履行推进法治建设第一责任人职责情况"
    )
    next_year: Part = Field(default_factory=Part, description="下一年度主要安排")
    other: Part = Field(default_factory=Part, description="其他需要报告的情况（可选）")

    def area(self, area_id: str) -> BaseModel | None:
        return getattr(self.measures.areas, area_id)
