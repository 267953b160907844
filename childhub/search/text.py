"""Text normalisation shared by both search backends.

Serbian is written in two scripts, and many people type without diacritics; the index keeps
each text as written plus a Latin transliteration, and queries are expanded the same way.
"""

from __future__ import annotations

import re
import unicodedata

# Serbian/Macedonian Cyrillic → Latin (Gaj's alphabet; Macedonian letters in their usual form).
_CYR_TO_LAT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "ђ": "đ",
    "е": "e",
    "ж": "ž",
    "з": "z",
    "и": "i",
    "ј": "j",
    "к": "k",
    "л": "l",
    "љ": "lj",
    "м": "m",
    "н": "n",
    "њ": "nj",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "ћ": "ć",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "č",
    "џ": "dž",
    "ш": "š",
    "ѓ": "gj",
    "ќ": "kj",
    "ѕ": "dz",
}
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Languages whose readers read both scripts of the same words.
SOUTH_SLAVIC = {"sr", "sr-latn", "bs", "hr", "me"}

# Irregular forms no stemmer joins: "child" and "children", ijekavian and ekavian, all cases.
_CHILD = [
    "dijete",
    "djeteta",
    "djetetu",
    "djetetom",
    "djeca",
    "djece",
    "djeci",
    "djecom",
    "dete",
    "deteta",
    "detetu",
    "detetom",
    "deca",
    "dece",
    "deci",
    "decom",
]
_LEMMAS = dict.fromkeys(_CHILD, "dete")
_LEMMA_WORDS = re.compile(r"\b(?:" + "|".join(_CHILD) + r")\b", re.IGNORECASE)

WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
MAX_TERM_LENGTH = 40


# One table for str.translate (the whole text in one pass, in C): small letters as above,
# capitals capitalised ("Љ" → "Lj"). Indexing an answered question transliterates every answer.
_TRANSLITERATION = {ord(cyr): lat for cyr, lat in _CYR_TO_LAT.items()} | {
    ord(cyr.upper()): lat.capitalize() for cyr, lat in _CYR_TO_LAT.items()
}


def cyrillic_to_latin(text: str) -> str:
    return text.translate(_TRANSLITERATION)


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "dj").replace("Đ", "Dj"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def index_text(text: str, language: str) -> str:
    """The text as written, plus the forms other readers type (Latin script, lemmas)."""
    extra = other_forms(text, language)
    return f"{text}\n{extra}" if extra else text


def other_forms(text: str, language: str) -> str:
    """The forms of a text other readers type: Latin script of Serbian Cyrillic, lemmas."""
    extra = []
    latin = cyrillic_to_latin(text) if _CYRILLIC.search(text) else text
    if (language in SOUTH_SLAVIC or language == "mk") and latin is not text:
        extra.append(latin)
    lemmas = {_LEMMAS[word.lower()] for word in _LEMMA_WORDS.findall(latin)}
    if lemmas:
        extra.append(" ".join(sorted(lemmas)))
    return "\n".join(extra)


def query_terms(query: str) -> list[str]:
    """Words of a query of any length or content: letters and digits only, bounded."""
    terms: list[str] = []
    for word in WORD.findall(query[:2000]):
        word = word.replace("_", "")[:MAX_TERM_LENGTH]
        if word and word.lower() not in {t.lower() for t in terms}:
            terms.append(word)
        if len(terms) >= MAX_TERMS:
            break
    return terms


def term_variants(term: str) -> list[str]:
    """A term as typed, in Latin script, and its lemma."""
    variants = [term]
    latin = cyrillic_to_latin(term)
    if latin != term:
        variants.append(latin)
    lemma = _LEMMAS.get(latin.lower())
    if lemma and lemma not in variants:
        variants.append(lemma)
    return variants


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The text folded for matching (Latin script, no diacritics, lower case), and for each
    folded character the position of the original character it came from."""
    folded: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        for piece in strip_diacritics(cyrillic_to_latin(char)).lower():
            folded.append(piece)
            positions.append(index)
    return "".join(folded), positions


def needles(terms: list[str]) -> set[str]:
    """Folded forms to look for: each term, its Latin form, and every form of its lemma."""
    out: set[str] = set()
    for term in terms:
        for variant in term_variants(term):
            out.add(strip_diacritics(cyrillic_to_latin(variant)).lower())
        lemma = _LEMMAS.get(cyrillic_to_latin(term).lower())
        if lemma:
            out.update(form for form, base in _LEMMAS.items() if base == lemma)
    return {n for n in out if n}


def highlight_spans(
    text: str, terms: list[str], *, start_marker: str, stop_marker: str, words: int = 30
) -> str:
    """A passage of the text around the first match, with every matching word marked."""
    folded, positions = _folded_with_positions(text)
    spans: list[tuple[int, int]] = []
    for needle in needles(terms):
        for match in re.finditer(r"(?<!\w)" + re.escape(needle) + r"\w*", folded):
            spans.append((positions[match.start()], positions[match.end() - 1] + 1))
    if not spans:
        return " ".join(text.split()[:words])
    spans.sort()
    first = spans[0][0]
    window_start = max(text.rfind(" ", 0, max(first - 80, 0)) + 1, 0) if first > 80 else 0
    window_end = len(text)
    cut = text[window_start:]
    word_ends = [m.end() for m in re.finditer(r"\S+", cut)]
    if len(word_ends) > words:
        window_end = window_start + word_ends[words - 1]
    out, cursor = [], window_start
    for start, end in spans:
        if start < cursor or start >= window_end:
            continue
        out.append(text[cursor:start])
        out.append(start_marker + text[start:end] + stop_marker)
        cursor = end
    out.append(text[cursor:window_end])
    prefix = "…" if window_start > 0 else ""
    suffix = "…" if window_end < len(text) else ""
    return prefix + "".join(out).strip() + suffix
