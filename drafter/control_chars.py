"""Control characters in user text: the ones XML cannot hold (dropped before writing a .docx
and when reading a report), and the ones a terminal would obey (shown as visible escapes)."""

from __future__ import annotations

import re

# XML 1.0 allows \t \n \r and everything from U+0020 except surrogates and U+FFFE/U+FFFF
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# C0 and C1 controls (ESC starts ANSI/OSC sequences), DEL, and the bidirectional overrides that
# reorder what a reader sees; tab and line feed are left alone
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CORE_PROPERTY_MAX = 255  # python-docx (and Word) refuse longer core properties


def xml_safe(text: str) -> str:
    return XML_ILLEGAL.sub("", text)


def visible(text: str) -> str:
    """「\\x1b[2J」 stays text on the screen instead of clearing it."""
    return TERMINAL_UNSAFE.sub(lambda m: ascii(m.group())[1:-1], text)


def core_property(text: str) -> str:
    return xml_safe(text)[:CORE_PROPERTY_MAX]
