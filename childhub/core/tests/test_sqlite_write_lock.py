"""The SQLite backend queues writers on a file lock (childhub/core/sqlite): a write transaction
holds it from BEGIN to COMMIT or ROLLBACK, and reading never takes it."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db.utils import ConnectionHandler


@pytest.fixture
def database(tmp_path: Path, django_db_blocker: Any) -> Iterator[tuple[Any, Path]]:
    path = tmp_path / "hub.sqlite3"
    handler = ConnectionHandler(
        {
            "default": {
                "ENGINE": "childhub.core.sqlite",
                "NAME": str(path),
                "OPTIONS": {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"},
            }
        }
    )
    with django_db_blocker.unblock():
        connection = handler["default"]
        connection.cursor().execute("CREATE TABLE note (text TEXT)")
        yield connection, Path(f"{path}.write-lock")
        connection.close()


def _free(lock_file: Path) -> bool:
    """Whether another writer could take the lock now (without waiting for it)."""
    with lock_file.open("ab") as other:
        try:
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(other, fcntl.LOCK_UN)
        return True


def test_a_write_transaction_holds_the_lock_until_it_commits(database):
    connection, lock_file = database
    assert _free(lock_file)
    connection._start_transaction_under_autocommit()  # what atomic() does on SQLite
    connection.cursor().execute("INSERT INTO note VALUES ('kept')")
    assert not _free(lock_file)
    connection.commit()
    assert _free(lock_file)
    assert connection.cursor().execute("SELECT text FROM note").fetchall() == [("kept",)]


def test_a_rolled_back_transaction_gives_the_lock_back(database):
    connection, lock_file = database
    connection._start_transaction_under_autocommit()
    connection.cursor().execute("INSERT INTO note VALUES ('dropped')")
    connection.rollback()
    assert _free(lock_file)
    assert connection.cursor().execute("SELECT COUNT(*) FROM note").fetchone() == (0,)


def test_reading_never_takes_the_lock(database):
    connection, lock_file = database
    with lock_file.open("ab") as writer:
        fcntl.flock(writer, fcntl.LOCK_EX)  # another process is writing
        assert connection.cursor().execute("SELECT COUNT(*) FROM note").fetchone() == (0,)
        fcntl.flock(writer, fcntl.LOCK_UN)


def test_a_write_in_autocommit_holds_the_lock_while_it_runs(database):
    """A write outside atomic() (an enqueued task, a single save) is its own transaction: it
    waits its turn on the lock too, instead of sleeping in SQLite's busy handler."""
    connection, lock_file = database
    connection.ensure_connection()
    connection.connection.create_function("lock_free", 0, lambda: int(_free(lock_file)))
    cursor = connection.cursor()
    cursor.execute("INSERT INTO note VALUES (lock_free())")
    cursor.executemany("INSERT INTO note VALUES (lock_free() || %s)", [("a",), ("b",)])
    cursor.execute("  update note SET text = text || lock_free()")
    assert cursor.execute("SELECT text, lock_free() FROM note").fetchall() == [
        ("00", 1),  # held while writing, free while reading
        ("0a0", 1),
        ("0b0", 1),
    ]
    assert _free(lock_file)  # and given back after each
