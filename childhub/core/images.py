"""Uploaded images: checked by content, size-capped, re-encoded without metadata."""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000


def check_image(upload: UploadedFile, *, max_bytes: int | None = None) -> None:
    """Raise ValidationError (translated) unless the upload is a real, reasonably sized image."""
    limit = max_bytes or settings.PHOTO_MAX_BYTES
    if upload.size and upload.size > limit:
        raise ValidationError(
            _("The image is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Please upload a JPEG, PNG, WebP or GIF image."))
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."))
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("This file is not an image we can read.")) from exc
    finally:
        upload.seek(0)


def reencode_image(upload: UploadedFile, *, max_side: int = 800, name: str = "image") -> ContentFile:
    """A new JPEG of the image: orientation applied, at most max_side pixels, no metadata."""
    upload.seek(0)
    with Image.open(upload) as source:
        image = ImageOps.exif_transpose(source)
        if image.mode not in ("RGB", "L"):
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        image.thumbnail((max_side, max_side))
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name=f"{name}.jpg")
