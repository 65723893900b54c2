"""`drafter tui`: the form. The only package that imports textual."""
