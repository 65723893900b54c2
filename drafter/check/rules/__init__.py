"""One module per kind of check. Each exposes `check(ctx) -> Iterable[Finding]`; the engine
runs them all. The codes they emit, with severity, description and examples, are declared once in
`templates/rules/codes.yaml`."""
