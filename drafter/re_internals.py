"""CPython's private regex modules, read by reading/prefilter.py (parse trees) and
regex_store.py (compiled programs): `re._parser`, `re._compiler`, `re._constants` and
`re._casefix` in 3.11 to 3.13, `sre_parse`, `sre_compile` and `sre_constants` in 3.10."""

from __future__ import annotations

__all__ = ["EXTRA_CASES", "compiler", "constants", "parser"]

try:  # Python 3.11+
    from re import _compiler as compiler
    from re import _constants as constants
    from re import _parser as parser
    from re._casefix import _EXTRA_CASES

    EXTRA_CASES: dict[int, tuple[int, ...]] | None = _EXTRA_CASES
except ImportError:  # Python 3.10: the same modules under their old names
    import sre_compile as compiler  # type: ignore[no-redef]
    import sre_constants as constants  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

    # the characters besides its other case that `re` matches to a letter ignoring case
    EXTRA_CASES = getattr(compiler, "_ignorecase_fixes", None)
