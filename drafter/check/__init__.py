"""`drafter check`: read a draft the way real reports are read, and report what a careful
reviewer would. Rule kinds live in `rules/`, one per module; their knowledge in
`templates/rules/*.yaml` and `templates/taxonomy.yaml`."""
