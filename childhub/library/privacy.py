"""Personal data held by the library: submissions, downloads, bookmarks, reading lists."""

from __future__ import annotations

from typing import Any

from childhub.core.privacy import register, rows

from .models import Bookmark, Collection, CollectionItem, Download, Resource, ResourceChange


def _forget_downloader(user: Any) -> None:
    Download.objects.filter(member=user).update(member=None)


register(
    "library.Resource",
    export=lambda u: rows(
        Resource.objects.filter(submitted_by=u), "id", "title", "language", "status", "created_at"
    ),
    # Resources stay in the library; the submitter is shown as a former member.
    erase=lambda u: None,
)
register(
    "library.ResourceChange",
    export=lambda u: rows(ResourceChange.objects.filter(actor=u), "resource_id", "action", "at"),
    erase=lambda u: None,  # the audit trail keeps the row, which now names a former member
)
register(
    "library.Download",
    export=lambda u: rows(Download.objects.filter(member=u), "resource_id", "language", "at"),
    # The download stays counted for impact figures, no longer linked to the person.
    erase=lambda u: _forget_downloader(u),
)
register(
    "library.Bookmark",
    export=lambda u: rows(Bookmark.objects.filter(member=u), "resource_id", "resource__title", "created_at"),
    erase=lambda u: Bookmark.objects.filter(member=u).delete() and None,
)
register(
    "library.Collection",
    export=lambda u: [
        {
            **row,
            "resources": list(
                CollectionItem.objects.filter(collection_id=row["id"]).values_list("resource_id", flat=True)
            ),
        }
        for row in rows(
            Collection.objects.filter(owner=u), "id", "title", "description", "is_shared", "created_at"
        )
    ],
    erase=lambda u: Collection.objects.filter(owner=u).delete() and None,
)
