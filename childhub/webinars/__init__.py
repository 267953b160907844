"""Webinars: from announcement to recording, attendance, feedback and certificates."""
