"""What `drafter check` of a folder imports: the readers of the kinds it reads, not the facts
model, the YAML parser (the project's data comes from the cache once warm), the PDF and web-page
readers or python-docx."""

from __future__ import annotations

import json
import subprocess
import sys

from bench.corpus import as_docx
from tests.conftest import ROOT, SEEDS

PROBE = """
import sys
from drafter.cli import main
code = main(["check", "--no-progress", "--format", "json", *sys.argv[1:]])
unwanted = ("drafter.models.facts", "drafter.formats.yaml_io", "drafter.formats.pdf_reader",
            "drafter.formats.html_reader", "ruamel", "docx", "textual")
print(sorted(m for m in sys.modules if m.startswith(unwanted)), file=sys.stderr)
"""


def test_a_folder_check_imports_only_what_it_reads(tmp_path):
    (tmp_path / "a.docx").write_bytes(as_docx(SEEDS[0].read_text(encoding="utf-8")))
    (tmp_path / "b.txt").write_bytes(SEEDS[1].read_bytes())
    runs = [
        subprocess.run(
            [sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True, text=True, cwd=ROOT
        )
        for _ in range(2)  # the first may fill the cache of the project's data
    ]
    assert [r["title"] is not None for r in json.loads(runs[1].stdout)["reports"]] == [True, True]
    assert runs[1].stderr.strip().splitlines()[-1] == "[]", runs[1].stderr
