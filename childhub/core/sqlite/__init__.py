"""Django's SQLite backend, with writers queued on a lock the kernel hands over (see base.py)."""
