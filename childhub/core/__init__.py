"""Core: the site's frame, languages, the shared taxonomy and cross-app helpers."""
