"""Content: schemas and loaders for levels/ and shared content, and the `check` command."""
