"""Library: documents, media, links and promising practices, found in any language."""
