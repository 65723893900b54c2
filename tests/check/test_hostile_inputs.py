"""Readers and the checker never crash or hang: every hostile input gets a clear message or
findings and exit code 0, 1 or 2 — never a traceback. No XML entity is ever resolved."""

from __future__ import annotations

import io
import json
import os
import random
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.batch import Options, check_file
from drafter.formats.zip_limits import MAX_PART_BYTES
from drafter.reading.parser import parse_text
from tests.conftest import SEEDS
from tests.support import hostile

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
    elif name == "garbage.txt":  # bytes that only decode as garbage: not text, said so
        assert result.code == 2 and "文件内容不是文字" in result.out
    else:
        assert result.code in (0, 1)
    if name == "gbk.txt":
        assert "石家庄市栾城区人民政府" in result.out


@pytest.mark.parametrize(
    "data",
    [
        # a program: NUL bytes in runs, which read as UTF-16 as easily as any other encoding
        b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + bytes(range(256)) * 40 + b"\x00" * 512,
        random.Random(7).randbytes(6000),  # noise, with its share of NUL bytes
        random.Random(8).randbytes(6000).replace(b"\x00", b"\x01"),  # noise without any
        b"\x89PNG\r\n\x1a\n" + random.Random(9).randbytes(3000),  # a picture named .txt
    ],
    ids=["program", "noise", "noise-without-nul", "png"],
)
@pytest.mark.parametrize("name", ["报告.txt", "报告.html"])
def test_binary_named_as_text_is_not_read_as_text(tmp_path, cli, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("check", path, "--format", "json")
    assert result.code == 2, result.out
    (finding,) = json.loads(result.out)["reports"][0]["findings"]
    assert finding["code"] == "input-unreadable"
    assert "不是文字" in finding["message"] or "文字编码" in finding["message"]


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


# ---- the generated hostile corpus (tests/support/hostile.py), issue 11 -------------------------
GENERATED = {
    # name: (builder, words the input-unreadable finding must contain)
    "superscript-level.docx": (hostile.superscript_outline_level, None),  # read, not refused
    "corrupt-deflate.docx": (hostile.corrupt_deflate, "无法解压文档部件 word/document.xml"),
    "too-many-parts.docx": (hostile.too_many_parts, "文档部件过多"),
    "entity-bomb.docx": (hostile.entity_bomb, "不是有效的 XML"),  # refused, never expanded
    "deep-xml.docx": (hostile.deep_xml, "不是有效的 XML"),  # lxml stops at depth 256
    "no-content-types.docx": (lambda: hostile.minimal_docx(content_types=False), None),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_docx(tmp_path, cli, name):
    build, words = GENERATED[name]
    path = tmp_path / name
    path.write_bytes(build())
    start = time.perf_counter()
    result = cli("check", path, "--format", "json")
    assert time.perf_counter() - start < 20
    assert "Traceback" not in result.err
    report = json.loads(result.out)["reports"][0]
    if words is None:  # read: findings about the content, exit 0 or 1
        assert result.code in (0, 1) and report["statutory"], report
        assert all(f["code"] != "input-unreadable" for f in report["findings"])
    else:
        assert result.code == 2
        assert report["findings"][0]["code"] == "input-unreadable"
        assert words in report["findings"][0]["message"]


@pytest.mark.parametrize(
    ("name", "build", "words"),
    [
        ("bomb.docx", hostile.zip_bomb, "文档解压后过大"),
        ("footers.docx", hostile.many_compressed_parts, "文档解压后过大"),
        ("ratio.docx", lambda: hostile.many_compressed_parts(1, 8 << 20), "压缩比异常"),
    ],
)
def test_zip_bombs_refused_fast_and_small(tmp_path, name, build, words):
    """In a child capped at 2 GiB: refused in seconds, not 134 s and 5 GB."""
    path = tmp_path / name
    path.write_bytes(build())
    assert path.stat().st_size < 4 * 1024 * 1024
    start = time.perf_counter()
    done = hostile.run_limited("check", path, "--format", "json", timeout=60)
    assert time.perf_counter() - start < 30
    report = json.loads(done.stdout)["reports"][0]
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert words in report["findings"][0]["message"]


def test_entity_bomb_is_not_expanded(tmp_path, cli):
    path = tmp_path / "lol.docx"
    path.write_bytes(hostile.entity_bomb())
    result = cli("check", path, "--format", "json")
    assert "lollollol" not in result.out


def test_one_bad_file_does_not_stop_the_folder(tmp_path, cli, monkeypatch):
    """An unexpected exception (a bug) in one report is that report's finding, with its type;
    the other reports are still checked and counted."""
    from drafter import pipeline

    for n in range(3):
        (tmp_path / f"r{n}.txt").write_bytes(SEEDS[n].read_bytes())
    real = pipeline.read

    def broken(path, with_layout=False):
        if path.name == "r1.txt":
            raise ZeroDivisionError("boom")
        return real(path, with_layout=with_layout)

    monkeypatch.setattr(pipeline, "read", broken)
    result = cli("check", tmp_path, "--format", "json")
    reports = {Path(r["path"]).name: r for r in json.loads(result.out)["reports"]}
    assert result.code == 2 and "Traceback" not in result.err
    assert set(reports) == {"r0.txt", "r1.txt", "r2.txt"}
    message = reports["r1.txt"]["findings"][0]["message"]
    assert reports["r1.txt"]["findings"][0]["code"] == "input-unreadable"
    assert "内部错误" in message and "ZeroDivisionError" in message
    assert reports["r2.txt"]["statutory"]["measures"] == "section"


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_non_regular_inputs_refused(tmp_path, special):
    if special == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
    else:
        path = Path(special)
        if not path.exists():
            pytest.skip("no /dev/zero on this system")
    for verb in (["check", path], ["draft", path, "-o", tmp_path / "r.docx"]):
        done = hostile.run_limited(*verb, timeout=30)
        assert done.returncode == 2, done.stderr
        assert "不是普通文件" in (done.stdout + done.stderr).decode("utf-8")
    assert not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("big5.txt", "big5"),
        ("utf32.txt", "utf-32"),
        ("utf32le-nobom.txt", "utf-32-le"),
        ("utf16le-nobom.txt", "utf-16-le"),
        ("utf16be-nobom.txt", "utf-16-be"),
    ],
)
def test_encodings_detected(tmp_path, cli, name, encoding):
    text = SEEDS[0].read_text(encoding="utf-8")
    if encoding == "big5":  # a Big5 text holds only what Big5 can write
        text = "".join(c for c in text if c.encode("big5", errors="ignore") or c.isascii())
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    result = cli("check", path, "--format", "json")
    report = json.loads(result.out)["reports"][0]
    assert all(f["code"] != "input-unreadable" for f in report["findings"])
    assert report["year"] == 2024 and report["statutory"]["measures"] == "section"


def test_damaged_utf8_is_still_read(tmp_path, cli):
    data = bytearray(SEEDS[0].read_bytes())
    data[100], data[5000] = 0xFF, 0x80  # two flipped bytes in a download
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(data))
    report = json.loads(cli("check", path, "--format", "json").out)["reports"][0]
    assert report["year"] == 2024 and report["statutory"]["measures"] == "section"


def test_undecodable_text_says_so(tmp_path, cli):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x80\xff" * 500 + b"\x81")  # no encoding reads this
    result = cli("check", path, "--format", "json")
    finding = json.loads(result.out)["reports"][0]["findings"][0]
    assert result.code == 2 and finding["code"] == "input-unreadable"
    assert "无法识别文件的文字编码" in finding["message"]


def test_markdown_spaces_are_linear(tmp_path, cli):
    path = tmp_path / "spaces.md"
    path.write_bytes(hostile.markdown_spaces(1_000_000))
    start = time.perf_counter()
    result = cli("check", path)
    assert time.perf_counter() - start < 10
    assert result.code in (0, 1)


@pytest.mark.parametrize(
    "text", ["某县关于2025年度法治政府建设情况", "某县2025年法治政府建设工作情况"]
)
def test_title_like_last_line(text):
    """Found by bench/fuzz.py: a title without 「报告」 on the last line (nothing below it)."""
    assert parse_text(text).title == [text]
