"""Factories for library resources, and small real files to upload in tests and demo data."""

from __future__ import annotations

import io
import math
import struct
import wave
import zipfile
from collections.abc import Callable

import factory
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from childhub.library.models import Resource


def make_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF with the given lines of (Latin-1) text in Helvetica."""

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 14 Tf 72 760 Td 18 TL " + " ".join(f"({esc(line)}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def make_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def make_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(out, format="PNG")
    return out.getvalue()


def make_mp3(size: int = 50_000) -> bytes:
    return b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * (size // 256)


def make_wav(seconds: float = 1.2, frequency: float = 523.25, rate: int = 16_000) -> bytes:
    """A short mono WAV: a soft chime (the note and its octave, fading out), 16-bit PCM."""
    count = int(seconds * rate)
    frames = bytearray()
    for n in range(count):
        t = n / rate
        envelope = min(1.0, t / 0.02) * math.exp(-3.0 * t / seconds)
        sample = 0.6 * math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(4 * math.pi * frequency * t)
        frames += struct.pack("<h", int(12_000 * envelope * sample))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(bytes(frames))
    return out.getvalue()


def _font(size: int, *, bold: bool = False) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """A font with Cyrillic and Greek letters if the system has one; else Pillow's own (Latin only)."""
    for name in ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf") if bold else ("DejaVuSans.ttf",):
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    return ImageFont.load_default(size=size), False


def _wrap(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def make_infographic(
    title: str,
    facts: list[str],
    *,
    bars: list[tuple[str, int]] | None = None,
    footer: str = "",
    colour: tuple[int, int, int] = (0, 110, 120),
    latin: Callable[[str], str] = str,
) -> bytes:
    """A PNG poster: the title on a coloured band, numbered facts on cards (or a bar chart), a footer.

    Without a system font covering the text's script, ``latin`` turns the text into Latin letters.
    """
    width, height = 960, 640
    image = Image.new("RGB", (width, height), (246, 247, 249))
    draw = ImageDraw.Draw(image)
    title_font, unicode_ok = _font(34, bold=True)
    text_font, _ = _font(24)
    small_font, _ = _font(18)
    convert = (lambda text: text) if unicode_ok else latin
    draw.rectangle((0, 0, width, 150), fill=colour)
    title_lines = _wrap(convert(title), title_font, width - 80)[:3]
    y = (150 - 42 * len(title_lines)) // 2
    for line in title_lines:
        draw.text((40, y), line, font=title_font, fill="white")
        y += 42
    if bars:
        top, base, step = 200, height - 80, (width - 80) // len(bars)
        highest = max(value for _, value in bars) or 1
        for index, (label, value) in enumerate(bars):
            x0 = 40 + index * step + step // 5
            x1 = 40 + (index + 1) * step - step // 5
            y0 = base - (base - top - 30) * value // highest
            draw.rectangle((x0, y0, x1, base), fill=colour)
            draw.text(((x0 + x1) // 2, y0 - 6), str(value), font=text_font, fill=(30, 30, 30), anchor="md")
            draw.text(((x0 + x1) // 2, base + 8), label, font=small_font, fill=(60, 60, 60), anchor="ma")
    card_w, card_h = (width - 120) // 2, 180
    for index, fact in enumerate(facts[:4]):
        x0 = 40 + (index % 2) * (card_w + 40)
        y0 = 180 + (index // 2) * (card_h + 30)
        draw.rounded_rectangle((x0, y0, x0 + card_w, y0 + card_h), radius=16, fill="white", outline=colour)
        draw.ellipse((x0 + 20, y0 + 20, x0 + 76, y0 + 76), fill=colour)
        draw.text((x0 + 48, y0 + 48), str(index + 1), font=text_font, fill="white", anchor="mm")
        ty = y0 + 90
        for line in _wrap(convert(fact), text_font, card_w - 40)[:3]:
            draw.text((x0 + 20, ty), line, font=text_font, fill=(30, 30, 30))
            ty += 28
    if footer:
        draw.text((40, height - 34), convert(footer), font=small_font, fill=(90, 90, 90))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "A practical guide for professionals."
    language = "en"
    kind = Resource.Kind.LINK
    url = "https://example.org/guide"
    status = Resource.Status.PUBLISHED
    access = Resource.Access.PUBLIC
    published_at = factory.LazyFunction(timezone.now)
