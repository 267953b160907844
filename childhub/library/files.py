"""What an uploaded file really is (by its content), embeds, and PDF previews and text."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlparse

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, UnidentifiedImageError

MAX_BYTES = {
    "document": 50 * 1024 * 1024,
    "image": 10 * 1024 * 1024,
    "audio": 200 * 1024 * 1024,
    "video": 500 * 1024 * 1024,
}

OOXML = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "document"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "document"),
}
ODF_EPUB = {
    b"application/epub+zip": "application/epub+zip",
    b"application/vnd.oasis.opendocument.text": "application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
    b"application/vnd.oasis.opendocument.presentation": "application/vnd.oasis.opendocument.presentation",
}


@dataclass(frozen=True)
class Sniffed:
    mime: str
    family: str  # document, image, audio or video


def sniff(upload: UploadedFile) -> Sniffed | None:
    """The real type of an upload from its first bytes (and its structure for ZIP formats)."""
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return Sniffed("application/pdf", "document")
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return Sniffed("application/msword", "document")
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return Sniffed("audio/mpeg", "audio")
    if head.startswith(b"OggS"):
        return Sniffed("audio/ogg", "audio")
    if head.startswith(b"fLaC"):
        return Sniffed("audio/flac", "audio")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Sniffed("audio/wav", "audio")
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"M4A ", b"M4B "):
            return Sniffed("audio/mp4", "audio")
        return Sniffed("video/mp4", "video")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return Sniffed("video/webm", "video")
    try:
        with Image.open(upload) as image:
            fmt = image.format
        upload.seek(0)
        if fmt in {"JPEG", "PNG", "WEBP", "GIF"}:
            return Sniffed(f"image/{fmt.lower()}", "image")
    except (UnidentifiedImageError, OSError):
        upload.seek(0)
    return None


def _sniff_zip(upload: UploadedFile) -> Sniffed | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                declared = archive.read("mimetype").strip()
                if declared in ODF_EPUB:
                    return Sniffed(ODF_EPUB[declared], "document")
            if "[Content_Types].xml" in names:
                for prefix, (mime, family) in OOXML.items():
                    if any(name.startswith(prefix) for name in names):
                        return Sniffed(mime, family)
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def readable(upload: UploadedFile, kind: Sniffed) -> bool:
    """Whether a recognised file also opens: a PDF parses, an image decodes, an archive tests."""
    upload.seek(0)
    try:
        if kind.mime == "application/pdf":
            import pypdfium2 as pdfium

            document = pdfium.PdfDocument(upload.read())
            pages = len(document)
            document.close()
            return pages > 0
        if kind.family == "image":
            with Image.open(upload) as image:
                image.verify()
            return True
        if kind.mime != "application/msword" and kind.family == "document":
            with zipfile.ZipFile(upload) as archive:
                return archive.testzip() is None
        return True
    except Exception:  # any failure to open means the file is damaged
        return False
    finally:
        upload.seek(0)


@dataclass(frozen=True)
class Embed:
    provider: str
    src: str


def embed_for(url: str) -> Embed | None:
    """The privacy-preserving player address of a YouTube, Vimeo or SoundCloud link."""
    try:
        parsed = urlparse(url)
    except ValueError:
        return None
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if host in {"youtube.com", "youtu.be", "youtube-nocookie.com"}:
        video = parse_qs(parsed.query).get("v", [""])[0] if host == "youtube.com" else parsed.path.strip("/")
        video = video.removeprefix("embed/").split("/")[0]
        if re.fullmatch(r"[\w-]{6,20}", video or ""):
            return Embed("youtube", f"https://www.youtube-nocookie.com/embed/{video}")
    if host in {"vimeo.com", "player.vimeo.com"}:
        match = re.search(r"(\d{5,12})", parsed.path)
        if match:
            return Embed("vimeo", f"https://player.vimeo.com/video/{match.group(1)}?dnt=1")
    if host == "soundcloud.com" and parsed.path.strip("/"):
        query = urlencode(
            {"url": f"https://soundcloud.com{parsed.path}", "auto_play": "false", "visual": "false"}
        )
        return Embed("soundcloud", f"https://w.soundcloud.com/player/?{query}")
    return None


EMBED_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://w.soundcloud.com"]


@dataclass
class PdfExtract:
    text: str
    preview: ContentFile | None


def extract_pdf(data: bytes, *, max_pages: int = 300) -> PdfExtract:
    """The text of a PDF (for search) and a JPEG of its first page (for the preview)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        parts = []
        for index in range(min(len(document), max_pages)):
            page = document[index]
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        preview = None
        if len(document):
            first = document[0]
            bitmap = first.render(scale=0.8)
            image = bitmap.to_pil().convert("RGB")
            image.thumbnail((600, 800))
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=80)
            preview = ContentFile(out.getvalue(), name="preview.jpg")
            first.close()
        return PdfExtract(text="\n".join(parts).replace("\x00", "").strip(), preview=preview)
    finally:
        document.close()
