"""Django's SQLite backend, with write transactions queued on a file lock.

SQLite lets one writer in at a time. A worker that finds the database locked waits in SQLite's
busy handler, which sleeps in steps of 1, 2, 5 … 25, 50 and 100 ms and looks again, so it wakes
long after the lock was freed: with a few members posting at once, the workers spent their time
asleep (posting an answer: 1.2 of 2 cores used, p95 770 ms). Here each write transaction
(``BEGIN IMMEDIATE``, as ``transaction_mode`` asks) first takes an exclusive ``flock`` on a file
beside the database, and gives it back when it commits or rolls back: the kernel wakes the next
writer as soon as it is free. A write outside a transaction (Django's autocommit: a task
enqueued after a commit, a single save) is a transaction of its own, and takes the lock for that
one statement. Readers never take it (WAL lets them read meanwhile), and an in-memory database
(the tests') has no file to lock.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from django.db.backends.sqlite3 import base

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class WriteQueuedCursor(base.SQLiteCursorWrapper):
    """Django's cursor; a write run in autocommit waits its turn on the lock first."""

    database: DatabaseWrapper

    def execute(self, query: str, params: Any = None) -> Any:
        if self.database.writes_alone(query):
            with self.database.write_turn():
                return super().execute(query, params)
        return super().execute(query, params)

    def executemany(self, query: str, param_list: Any) -> Any:
        if self.database.writes_alone(query):
            with self.database.write_turn():
                return super().executemany(query, param_list)
        return super().executemany(query, param_list)


class DatabaseWrapper(base.DatabaseWrapper):
    _write_lock: IO[bytes] | None = None
    _holds_write_lock = False

    def create_cursor(self, name: str | None = None) -> Any:
        cursor = self.connection.cursor(factory=WriteQueuedCursor)
        cursor.database = self
        return cursor

    def writes_alone(self, query: str) -> bool:
        """A write that is a transaction of its own: in autocommit, not inside BEGIN … COMMIT."""
        return (
            self._write_lock is not None
            and not self._holds_write_lock
            and self.connection.in_transaction is False
            and query.lstrip()[:7].upper().startswith(WRITES)
        )

    @contextmanager
    def write_turn(self) -> Iterator[None]:
        self._take_write_lock()
        try:
            yield
        finally:
            self._give_back_write_lock()

    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        connection = super().get_new_connection(conn_params)
        if self._write_lock is None and not self.is_in_memory_db():
            self._write_lock = open(f"{self.settings_dict['NAME']}.write-lock", "ab")  # noqa: SIM115
        return connection

    def _start_transaction_under_autocommit(self) -> None:
        self._take_write_lock()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # (not in django-stubs)
        except BaseException:
            self._give_back_write_lock()
            raise

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]  # (not in django-stubs)
        finally:
            self._give_back_write_lock()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]  # (not in django-stubs)
        finally:
            self._give_back_write_lock()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]  # (not in django-stubs)
        finally:
            self._give_back_write_lock()
            if self._write_lock is not None:
                self._write_lock.close()
                self._write_lock = None

    def _take_write_lock(self) -> None:
        if self._write_lock is not None and getattr(self, "transaction_mode", None) == "IMMEDIATE":
            fcntl.flock(self._write_lock, fcntl.LOCK_EX)
            self._holds_write_lock = True

    def _give_back_write_lock(self) -> None:
        if self._holds_write_lock and self._write_lock is not None:
            self._holds_write_lock = False
            fcntl.flock(self._write_lock, fcntl.LOCK_UN)
