"""Request types for views: a signed-in member's request carries a real User."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.utils.http import content_disposition_header

if TYPE_CHECKING:
    from childhub.accounts.models import User


class MemberRequest(HttpRequest):
    """The request of a view behind login_required."""

    user: User  # type: ignore[assignment]


def mfa_setup_redirect(request: HttpRequest) -> HttpResponse:
    """Send a staff member, moderator or coordinator without MFA to set it up, saying why."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    messages.warning(request, _("Set up two-factor authentication to use your coordinator or staff powers."))
    return redirect("mfa_activate_totp")


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def file_response(
    request: HttpRequest, stored: FieldFile, *, content_type: str, filename: str, attachment: bool
) -> HttpResponseBase:
    """Serve a stored file, honouring a single byte range (so audio and video can seek).

    On object storage (S3) the client is sent to a signed address that serves ranges itself.
    """
    if not isinstance(stored.storage, FileSystemStorage):
        return HttpResponseRedirect(stored.url)
    size = stored.size
    disposition = "attachment" if attachment else "inline"
    match = _RANGE.match(request.headers.get("Range", "").strip())
    if match and (match.group(1) or match.group(2)):
        start_text, end_text = match.groups()
        if start_text:
            start = int(start_text)
            end = min(int(end_text), size - 1) if end_text else size - 1
        else:
            start, end = max(size - int(end_text), 0), size - 1
        if start >= size or start > end:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        handle = stored.open("rb")
        handle.seek(start)
        partial = StreamingHttpResponse(
            _chunks(handle, end - start + 1), status=206, content_type=content_type
        )
        partial["Content-Range"] = f"bytes {start}-{end}/{size}"
        partial["Content-Length"] = str(end - start + 1)
        partial["Accept-Ranges"] = "bytes"
        partial["Content-Disposition"] = content_disposition_header(attachment, filename) or disposition
        return partial
    whole = FileResponse(
        stored.open("rb"), content_type=content_type, as_attachment=attachment, filename=filename
    )
    whole["Accept-Ranges"] = "bytes"
    return whole


def _chunks(handle: Any, length: int, size: int = 64 * 1024) -> Iterator[bytes]:
    try:
        while length > 0:
            data = handle.read(min(size, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        handle.close()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class CsvDownload:
    """A CSV file to download that spreadsheet programs open safely: UTF-8 with a byte-order mark
    (so Cyrillic, Greek, ë and č survive), and no cell that would run as a formula (a cell starting
    with =, +, -, @ is kept as text with a leading apostrophe)."""

    def __init__(self, filename: str) -> None:
        self.response = HttpResponse(content_type="text/csv; charset=utf-8")
        self.response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
        self.response.write("\ufeff")
        self._writer = csv.writer(self.response)

    def row(self, *values: object) -> None:
        self._writer.writerow([_cell(value) for value in values])


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
