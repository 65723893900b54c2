"""One strict, sandboxed Jinja environment: a missing fact or a reach into Python internals is a
clear error naming the template line, never a silent blank."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.models.facts import Facts
from drafter.render import sandbox
from drafter.render.environment import make_environment, render
from drafter.render.report import render_report

FACTS = Facts.model_validate({"meta": {"issuer": "示例县人民政府", "year": 2026}})


def override(tmp_path: Path, body: str) -> Path:
    (tmp_path / "opening.txt.j2").write_text(body, encoding="utf-8")
    return tmp_path


def test_undefined_fact_names_template_line(tmp_path):
    folder = override(tmp_path, "第一行\n{{ meta.no_such_fact }}\n")
    with pytest.raises(DrafterError) as info:
        render_report(FACTS, template_dirs=[folder])
    err = info.value
    assert "不存在的事实" in err.message and "no_such_fact" in err.message
    assert err.location.file.endswith("opening.txt.j2") and err.location.line == 2


def test_python_internals_are_refused(tmp_path):
    folder = override(tmp_path, "{{ meta.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(DrafterError) as info:
        render_report(FACTS, template_dirs=[folder])
    assert info.value.location.file.endswith("opening.txt.j2")
    assert "不允许" in info.value.message or "不存在" in info.value.message


def test_unsafe_method_call_is_refused(tmp_path):
    folder = override(tmp_path, "{{ ''.__class__.__base__.__subclasses__() }}\n")
    with pytest.raises(DrafterError):
        render_report(FACTS, template_dirs=[folder])


def test_syntax_error_names_line(tmp_path):
    folder = override(tmp_path, "ok\n{% if %}\n")
    with pytest.raises(DrafterError) as info:
        render_report(FACTS, template_dirs=[folder])
    assert "语法" in info.value.message and info.value.location.line == 2


def test_user_templates_override_builtin(tmp_path):
    folder = override(tmp_path, "@text source=opening | {{ year }}年，本单位自写开头。\n")
    document, _ = render_report(FACTS, template_dirs=[folder])
    assert document.paragraphs[0].text == "2026年，本单位自写开头。"
    assert document.paragraphs[0].source == ("opening",)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("{{ year }}年，没有段落标记。\n", 1, "没有段落标记"),
        ("@text | 第一段\n\n{{ year }}年，没有段落标记。\n", 1, "没有段落标记"),
        ("@text | 第一段\n@chapter | 第二段\n", 2, "未知的段落类别"),
        ("@text | 第一段\n\n@heading level=7 | 标题\n", 3, "level=1 到 level=4"),
        ("@heading level=1 section=nowhere | 标题\n", 1, "未知的章节"),
        ("@text colour=red | 正文\n", 1, "未知的段落属性"),
        ("@runin | 正文\n", 1, "紧接在一个标题之后"),
        ("@text | ok\n{{ 1/0 }}\n", 2, "ZeroDivisionError"),
        ("@text | ok\n\n{{ meta.issuer | no_such_filter }}\n", 3, "no_such_filter"),
        ("{% macro f(n) %}{{ f(n) }}{% endmacro %}\n{{ f(1) }}\n", 1, "递归"),
    ],
)
def test_invalid_structure_names_the_user_template_and_line(tmp_path, body, line, message):
    folder = override(tmp_path, body)
    with pytest.raises(DrafterError) as info:
        render_report(FACTS, template_dirs=[folder])
    assert message in info.value.message
    assert info.value.location.file.endswith("opening.txt.j2")
    assert info.value.location.line == line


def test_missing_template_folder(tmp_path):
    with pytest.raises(DrafterError, match="模板目录不存在"):
        render_report(FACTS, template_dirs=[tmp_path / "nope"])


def test_strict_undefined_in_plain_render():
    env = make_environment()
    env.loader.searchpath.insert(0, str(Path(__file__).parent))
    with pytest.raises(DrafterError):
        render(env, "report.txt.j2", {})


# ---- bounded sandbox (issue 11) -----------------------------------------------------------------
BUDGET_BREAKERS = {
    "endless-range": "{% for i in range(10**9) %}{% endfor %}",
    "string-times": "{{ 'x' * 10**10 }}",
    "list-times": "{{ [0] * 10**9 }}",
    "power": "{{ 10 ** 100000000 }}",
    "percent-width": "{{ '%0999999999d' % 1 }}",
    "format-width": "{{ '{:>9999999999}'.format(1) }}",
    "center": "{{ 'x' | center(10**10) }}",
    "namespace-doubling": (
        "{% set ns = namespace(s='x' * 100000) %}"
        "{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
    ),
    "output-flood": "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}",
}


@pytest.mark.parametrize("name", sorted(BUDGET_BREAKERS))
def test_template_budget(tmp_path, name):
    folder = override(tmp_path, "第一行\n" + BUDGET_BREAKERS[name] + "\n")
    start = time.perf_counter()
    with pytest.raises(DrafterError) as info:
        render_report(FACTS, template_dirs=[folder])
    assert time.perf_counter() - start < 5
    assert "模板超出限制" in info.value.message
    if name != "output-flood":  # measured where the output is joined: the top template
        assert info.value.location.file.endswith("opening.txt.j2")
        assert info.value.location.line == 2


def test_nested_loops_stop_at_the_clock(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.5)
    loops = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    folder = override(tmp_path, loops)
    start = time.perf_counter()
    with pytest.raises(DrafterError, match="秒"):
        render_report(FACTS, template_dirs=[folder])
    assert time.perf_counter() - start < 5


def test_template_not_utf8(tmp_path):
    (tmp_path / "opening.txt.j2").write_bytes("{{ year }}年开头".encode("gbk"))
    with pytest.raises(DrafterError, match="UTF-8") as info:
        render_report(FACTS, template_dirs=[tmp_path])
    assert info.value.location.file.endswith("opening.txt.j2")


def test_template_symlink_out_of_folder_refused(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    try:
        (folder / "opening.txt.j2").symlink_to(outside)
    except OSError:
        pytest.skip("cannot make symlinks here")
    with pytest.raises(DrafterError, match="模板目录之外"):
        render_report(FACTS, template_dirs=[folder])


def test_symlink_inside_folder_is_fine(tmp_path):
    (tmp_path / "mine.j2").write_text("@text | {{ year }}年，链接的开头。\n", encoding="utf-8")
    try:
        (tmp_path / "opening.txt.j2").symlink_to(tmp_path / "mine.j2")
    except OSError:
        pytest.skip("cannot make symlinks here")
    document, _ = render_report(FACTS, template_dirs=[tmp_path])
    assert document.paragraphs[0].text == "2026年，链接的开头。"
