"""One module per kind of check. Each exposes `CODES` (code → severity) and
`check(ctx) -> Iterable[Finding]`; the engine runs them all."""
