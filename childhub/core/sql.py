"""Reads written out in SQL whose rows become model instances as the ORM would make them.

Composing a query through the ORM costs more than running it on the hottest pages (decision
0013). ``Columns`` names a model's columns under a table alias for such a query, and turns its
share of a row back into an instance with the database's converters applied (SQLite gives
dates and UUIDs as text, for one).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, Generic, TypeVar

from django.db import connection
from django.db.models import Model

M = TypeVar("M", bound=Model)


class Columns(Generic[M]):
    def __init__(self, model: type[M], alias: str) -> None:
        self.model = model
        fields = model._meta.concrete_fields
        self.names = [field.attname for field in fields]
        self._pk = self.names.index(model._meta.pk.attname)
        quote = connection.ops.quote_name
        self.sql = ", ".join(f"{alias}.{quote(field.column)}" for field in fields)
        self._converters: list[tuple[int, Any, list[Any]]] = []
        for index, field in enumerate(fields):
            column = field.get_col(alias)
            converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if converters:
                self._converters.append((index, column, converters))

    def __len__(self) -> int:
        return len(self.names)

    def load(self, values: Sequence[Any]) -> M | None:
        """The instance from its columns of a row (None when its primary key is NULL, as on the
        empty side of a LEFT JOIN)."""
        if values[self._pk] is None:
            return None
        row = list(values)
        for index, column, converters in self._converters:
            for converter in converters:
                row[index] = converter(row[index], column, connection)
        return self.model.from_db(connection.alias, self.names, row)


@cache
def columns(model: type[Model], alias: str) -> Columns[Any]:
    """The columns of a model under an alias (worked out once per process)."""
    return Columns(model, alias)
