"""Run the child-identity guard on a text from standard input, or evaluate it on a labelled corpus.

    echo "Our pupil Amina from OŠ Musa Ćazim Ćatić …" | python manage.py scan_text --language bs
    python manage.py scan_text --corpus childhub/community/corpus/guard_corpus.jsonl --verbose

The first prints {"language": ..., "findings": [{"kind", "start", "end", "text"}, ...]} as JSON;
offsets count characters of the text as read (after UTF-8 decoding, without a byte-order mark).
"""

from __future__ import annotations

import codecs
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from childhub.community import guard
from childhub.community.guard_evaluation import CorpusError, evaluate, format_report, load_corpus
from childhub.core.languages import CONTENT_LANGUAGES, INTERFACE_LANGUAGES

MAX_CHARACTERS = 100_000
_CHUNK = 64 * 1024


def known_languages() -> list[str]:
    return list(dict.fromkeys([*INTERFACE_LANGUAGES, *CONTENT_LANGUAGES]))


def normalise_language(value: str) -> str:
    code = value.strip().lower().replace("_", "-")
    if code not in known_languages():
        raise CommandError(f"Unknown language {value!r}; use one of: {', '.join(known_languages())}.")
    return code


def read_stdin(limit: int) -> tuple[str, bool]:
    """Up to `limit` characters of standard input as UTF-8 (invalid bytes replaced); and whether
    there was more."""
    stream: Any = sys.stdin
    if stream is None:  # no standard input at all
        return "", False
    buffer = getattr(stream, "buffer", None)
    parts: list[str] = []
    length = 0
    if buffer is None:  # a text stream (io.StringIO in tests)
        text = stream.read(limit + 1)
        text = text.removeprefix("\ufeff")
        return text[:limit], len(text) > limit
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
    while length <= limit:
        chunk = buffer.read(_CHUNK)
        if not chunk:
            parts.append(decoder.decode(b"", final=True))
            break
        piece = decoder.decode(chunk)
        parts.append(piece)
        length += len(piece)
    text = "".join(parts)
    if len(text) > limit:
        # Read the rest without keeping it, so that a writer on the other end of a pipe is not cut off.
        while buffer.read(_CHUNK):
            pass
    return text[:limit], len(text) > limit


class Command(BaseCommand):
    help = (
        "Check a text from standard input with the child-identity guard and print the findings as "
        "JSON; or, with --corpus, measure the guard's recall and false-positive rate on a labelled corpus."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--language",
            default=None,
            help="language of the text (an interface or content language code; default en). "
            "With --corpus, evaluate only the texts in this language.",
        )
        parser.add_argument("--corpus", metavar="PATH", help="evaluate a labelled JSON Lines corpus")
        parser.add_argument(
            "--verbose", action="store_true", help="with --corpus, list every miss and false alarm"
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="with --corpus, fail when the targets (recall, false-positive rate) are not met",
        )

    def handle(
        self,
        *args: Any,
        language: str | None,
        corpus: str | None,
        verbose: bool,
        check: bool,
        **options: Any,
    ) -> None:
        code = normalise_language(language) if language is not None else None
        if corpus:
            self._evaluate(corpus, code, verbose=verbose, check=check)
            return
        code = code or "en"
        text, truncated = read_stdin(MAX_CHARACTERS)
        if truncated:
            self.stderr.write(
                f"Note: the input is longer than {MAX_CHARACTERS:,} characters; "
                f"only the first {MAX_CHARACTERS:,} were checked."
            )
        findings = guard.check_text(text, language=code) if text.strip() else []
        payload = {
            "language": code,
            "findings": [{"kind": f.kind, "start": f.start, "end": f.end, "text": f.text} for f in findings],
        }
        self.stdout.write(json.dumps(payload, ensure_ascii=False))

    def _evaluate(self, path: str, language: str | None, *, verbose: bool, check: bool) -> None:
        try:
            items = load_corpus(path)
        except OSError as error:
            raise CommandError(f"Cannot read the corpus {path}: {error.strerror or error}") from error
        except CorpusError as error:
            raise CommandError(f"{path}: {error}") from error
        if language is not None:
            items = [item for item in items if item.language == language]
        if not items:
            raise CommandError("The corpus holds no texts" + (f" in {language!r}." if language else "."))
        result = evaluate(items)
        self.stdout.write(f"Corpus: {path} — texts: {len(items)}\n")
        self.stdout.write(format_report(result, verbose=verbose, language_order=known_languages()))
        if check and not result.meets_targets:
            raise CommandError("The guard does not meet its targets on this corpus.")
