"""Search: one full-text interface for every app, on PostgreSQL or SQLite FTS5."""
