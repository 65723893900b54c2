"""Readers and the checker never crash or hang: every hostile input gets a clear message or
findings and exit code 0, 1 or 2 — never a traceback. No XML entity is ever resolved."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.check.engine import Options, check_file
from drafter.formats.zip_limits import MAX_PART_BYTES
from drafter.reading.parser import parse_text
from tests.conftest import SEEDS

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000
CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zipped(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


def valid_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("某县2025年度法治政府建设情况报告")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


XXE = zipped(
    {
        "[Content_Types].xml": CONTENT_TYPES,
        "word/document.xml": (
            '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            f"<w:document {W}><w:body><w:p><w:r><w:t>标题&xxe;</w:t></w:r></w:p></w:body></w:document>"
        ),
    }
)


def bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        with z.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(MAX_PART_BYTES // len(chunk) + 8):
                handle.write(chunk)
    return buffer.getvalue()


CASES = {
    "word97.doc": (OLE, "97-2003"),
    "wps.wps": (b"anything", "WPS"),
    "encrypted.docx": (OLE, "加密"),
    "truncated.docx": (None, "不是有效的 .docx"),
    "random.docx": (bytes(range(256)) * 40, "不是有效的 .docx"),
    "no-document-part.docx": (zipped({"[Content_Types].xml": CONTENT_TYPES}), "没有正文部件"),
    "bomb.docx": (None, "压缩炸弹"),
    "empty.docx": (b"", "空"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unreadable_docx_and_friends(tmp_path, cli, name):
    data, message = CASES[name]
    if name == "truncated.docx":
        data = valid_docx()[:1500]
    if name == "bomb.docx":
        data = bomb()
        assert len(data) < 2 * 1024 * 1024  # small on disk, huge unpacked
    path = tmp_path / name
    path.write_bytes(data)
    start = time.perf_counter()
    result = cli("check", path, "--format", "json")
    assert time.perf_counter() - start < 20
    assert result.code == 2 and "Traceback" not in result.err
    report = json.loads(result.out)["reports"][0]
    assert report["findings"][0]["code"] == "input-unreadable"
    assert message in report["findings"][0]["message"]


def test_xml_external_entity_is_never_resolved(tmp_path, cli):
    path = tmp_path / "xxe.docx"
    path.write_bytes(XXE)
    result = cli("check", path, "--format", "json")
    assert result.code in (0, 1, 2) and "Traceback" not in result.err
    assert "root:" not in result.out


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        (
            "one-long-line.txt",
            ("法治政府建设" * 175_000).encode("utf-8"),
        ),  # about 1 MB, no line break
        ("gbk.txt", SEEDS[0].read_text(encoding="utf-8").encode("gbk")),
        ("utf16.txt", SEEDS[1].read_text(encoding="utf-8").encode("utf-16")),
        ("garbage.txt", bytes(range(256)) * 100),
        ("empty.md", b""),
    ],
)
def test_odd_text_files(tmp_path, cli, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    start = time.perf_counter()
    result = cli("check", path)
    assert time.perf_counter() - start < 20
    assert "Traceback" not in result.err
    if name.startswith("empty"):  # no Chinese text: not a report, said so
        assert result.code == 2 and "不像一份报告" in result.out
    else:
        assert result.code in (0, 1)
    if name == "gbk.txt":
        assert "石家庄市栾城区人民政府" in result.out


def test_folder_with_unreadable_files_checks_the_rest(tmp_path, cli):
    (tmp_path / "a.txt").write_bytes(SEEDS[2].read_bytes())
    (tmp_path / "b.docx").write_bytes(b"junk")
    (tmp_path / "notes.xlsx").write_bytes(b"PK")  # not searched for
    (tmp_path / "c.rtf").write_bytes(b"junk")
    result = cli("check", tmp_path, "--format", "json")
    assert result.code == 2
    reports = {Path(r["path"]).name: r for r in json.loads(result.out)["reports"]}
    assert set(reports) == {"a.txt", "b.docx", "c.rtf"}
    assert reports["a.txt"]["statutory"]["measures"] == "section"
    for name in ("b.docx", "c.rtf"):
        assert reports[name]["findings"][0]["code"] == "input-unreadable"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=2000))
def test_random_text_never_raises(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("t") / "r.txt"
    path.write_bytes(text.encode("utf-8", errors="replace"))
    check_file(path, Options())
    parse_text(text)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".docx", ".md"]))
def test_random_bytes_never_raise(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("b") / f"r{suffix}"
    path.write_bytes(data)
    result = check_file(path, Options())
    assert result.readable or result.findings[0].code == "input-unreadable"
