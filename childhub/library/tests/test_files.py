import io

from django.core.files.uploadedfile import SimpleUploadedFile

from childhub.library.files import embed_for, extract_pdf, sniff
from childhub.library.tests.factories import make_docx, make_mp3, make_pdf, make_png


def _upload(data: bytes, name: str = "file.bin") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_files_are_recognised_by_their_content_not_their_name():
    assert sniff(_upload(make_pdf(["Hello"]), "guide.docx")).mime == "application/pdf"
    assert sniff(_upload(make_docx(), "guide.pdf")).family == "document"
    assert sniff(_upload(make_png(), "a.pdf")).mime == "image/png"
    assert sniff(_upload(make_mp3(), "a.pdf")).mime == "audio/mpeg"


def test_unknown_or_disguised_files_are_not_recognised():
    assert sniff(_upload(b"MZ\x90\x00 this is a windows program", "guide.pdf")) is None
    assert sniff(_upload(b"plain text pretending", "guide.pdf")) is None
    broken_zip = b"PK\x03\x04" + b"\x00" * 100
    assert sniff(_upload(broken_zip, "guide.docx")) is None


def test_embeds_use_the_privacy_preserving_players():
    assert (
        embed_for("https://www.youtube.com/watch?v=dQw4w9WgXcQ").src
        == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )
    assert embed_for("https://youtu.be/dQw4w9WgXcQ").provider == "youtube"
    assert embed_for("https://vimeo.com/76979871").src == "https://player.vimeo.com/video/76979871?dnt=1"
    assert embed_for("https://soundcloud.com/childhub/episode-1").src.startswith(
        "https://w.soundcloud.com/player/?url="
    )
    assert embed_for("https://example.org/video") is None
    assert embed_for("https://www.youtube.com/watch?v=<script>") is None


def test_pdf_text_and_first_page_preview_are_extracted():
    result = extract_pdf(make_pdf(["Supervision in child protection", "A practical guide"]))
    assert "Supervision in child protection" in result.text
    from PIL import Image

    preview = Image.open(io.BytesIO(result.preview.read()))
    assert preview.format == "JPEG"
    assert preview.width > 100
