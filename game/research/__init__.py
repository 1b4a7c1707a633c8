"""Research data: the event schema (one source), export bundles and researcher tools."""
