"""Extractors: each reads a `Meeting` (turns parsed by spaCy) and returns contract items."""
