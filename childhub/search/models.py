"""One row per searchable thing (a resource, a question, a webinar…), in its own language."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    kind = models.CharField(max_length=40)  # e.g. "library.resource"
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=10)
    access = models.CharField(max_length=10, default="public")  # a profile Visibility level
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    # PostgreSQL only: the weighted tsvector in the language's configuration.
    vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_document_per_object")]
        indexes = [models.Index(fields=["kind", "language"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} ({self.language})"
