"""The child-identity guard: finds passages that may identify a child before a text is published."""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, gettext_noop
from stdnum.bg import egn
from stdnum.gr import amka
from stdnum.hr import oib
from stdnum.ro import cnp

from . import guard_words as words

logger = logging.getLogger(__name__)

NAME = "name"
BIRTH_DATE = "birth-date"
ADDRESS = "address"
SCHOOL = "school"
NATIONAL_ID = "national-id"
PHONE = "phone"
EMAIL = "email"
SOCIAL = "social-profile"
PHOTO = "photo"
KINDS = (NAME, BIRTH_DATE, ADDRESS, SCHOOL, NATIONAL_ID, PHONE, EMAIL, SOCIAL, PHOTO)

KIND_LABELS: dict[str, Promise] = {
    NAME: gettext_lazy("A name next to a word for a child"),
    BIRTH_DATE: gettext_lazy("An exact date of birth"),
    ADDRESS: gettext_lazy("A street address"),
    SCHOOL: gettext_lazy("The name of a school or kindergarten"),
    NATIONAL_ID: gettext_lazy("A national identity number"),
    PHONE: gettext_lazy("A phone number"),
    EMAIL: gettext_lazy("An e-mail address"),
    SOCIAL: gettext_lazy("A link to a social media profile"),
    PHOTO: gettext_lazy("A link to a photo or a shared file"),
}

# Marked with gettext_noop so that they are collected, and translated at call time in the reader's language.
_SUGGESTIONS = {
    NAME: gettext_noop(
        "Use “the girl” or “the boy”, or an initial that is not the child's, instead of a name."
    ),
    BIRTH_DATE: gettext_noop("Give an age band (e.g. “8–10 years”) instead of a date of birth."),
    ADDRESS: gettext_noop("Say “a town in the north”, not a street."),
    SCHOOL: gettext_noop("Say “a primary school”, not its name."),
    NATIONAL_ID: gettext_noop("Remove the identity number."),
    PHONE: gettext_noop("Remove contact details."),
    EMAIL: gettext_noop("Remove contact details."),
    SOCIAL: gettext_noop("Remove contact details."),
    PHOTO: gettext_noop("Remove the link, and describe what matters in words."),
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    suggestion: str


def check_text(text: str, *, language: str) -> list[Finding]:
    """Passages of the text that may identify a child, sorted and non-overlapping.

    Dates, identity numbers, phone numbers, e-mail addresses, profile and photo links, streets and
    schools are looked for in every text; names next to a word for a child with the lists of the
    language plus English (one list serves bs, hr, sr, sr-latn and me in both scripts; a language
    without a list gets every list). Never raises: a failing check is logged without the text, and
    the others still report.
    """
    if not isinstance(text, str) or not text:
        return []
    lexicon = _lexicon(_groups_for(language))
    today = timezone.now().date()
    doc = _Doc(text)
    names: list[_Hit] = []  # the date check asks whether a child's name is in the date's sentence
    checks: list[tuple[str, Callable[[], Iterator[_Hit]]]] = [
        ("name", lambda: _names(doc, lexicon)),
        ("e-mail", lambda: _emails(text)),
        ("social", lambda: _social_profiles(text)),
        ("photo", lambda: _photo_links(text)),
        ("identity number", lambda: _identity_numbers(text, today)),
        ("date", lambda: _birth_dates(doc, lexicon, today, names)),
        ("phone", lambda: _phones(text)),
        ("address", lambda: _addresses(doc, lexicon)),
        ("school", lambda: _schools(doc, lexicon)),
    ]
    hits: list[_Hit] = []
    for label, check in checks:
        try:
            found = list(check())
        except Exception as error:  # a hint must never break publishing
            logger.error("The guard's %s check failed: %s", label, type(error).__name__)
            continue
        if label == "name":
            names.extend(found)
        hits.extend(found)
    suggestions: dict[str, str] = {}
    findings = []
    for start, end, kind in _without_overlaps(hits):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            if kind not in suggestions:
                suggestions[kind] = gettext(_SUGGESTIONS[kind])
            findings.append(Finding(kind, start, end, text[start:end], suggestions[kind]))
    return findings


# A candidate: (priority, start, end, kind). Where candidates overlap, the lower priority number
# wins, then the longer one: an e-mail address is not also a name, a school is not a person.
_Hit = tuple[int, int, int, str]
_PRIORITY = {
    EMAIL: 0,
    SOCIAL: 1,
    PHOTO: 1,
    NATIONAL_ID: 2,
    BIRTH_DATE: 3,
    PHONE: 4,
    ADDRESS: 6,
    SCHOOL: 7,
    NAME: 8,
}
_SPACED_ID_PRIORITY = 5  # digits written in groups look more like a phone number than an identity number


def _hit(kind: str, start: int, end: int, priority: int | None = None) -> _Hit:
    return (_PRIORITY[kind] if priority is None else priority, start, end, kind)


def _without_overlaps(hits: list[_Hit]) -> list[tuple[int, int, str]]:
    starts: list[int] = []
    chosen: list[tuple[int, int, str]] = []
    for _, start, end, kind in sorted(hits, key=lambda h: (h[0], h[1] - h[2], h[1])):
        if start >= end:
            continue
        at = bisect.bisect_right(starts, start)
        if at and chosen[at - 1][1] > start:
            continue
        if at < len(chosen) and chosen[at][0] < end:
            continue
        starts.insert(at, start)
        chosen.insert(at, (start, end, kind))
    return chosen


# ---------------------------------------------------------------------------------------- words


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lower case without accents, so that text typed without diacritics matches the lists."""
    lowered = word.lower()
    if lowered.isascii():
        return lowered
    bare = "".join(c for c in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def _folded(*texts: str) -> frozenset[str]:
    return frozenset(_fold(w) for text in texts for w in text.split())


@dataclass(frozen=True)
class _Keywords:
    """Single words, abbreviations that need their dot, and two-word entries such as "детска градина"."""

    single: frozenset[str]
    dotted: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    firsts: frozenset[str]

    @classmethod
    def of(cls, *texts: str) -> _Keywords:
        single, dotted, pairs = set(), set(), set()
        for entry in (w for text in texts for w in text.split()):
            if "_" in entry:
                first, second = entry.split("_", 1)
                pairs.add((_fold(first), _fold(second)))
            elif entry.endswith(".") and len(entry) > 1:
                dotted.add(_fold(entry[:-1]))
            else:
                single.add(_fold(entry))
        return cls(frozenset(single), frozenset(dotted), frozenset(pairs), frozenset(f for f, _ in pairs))

    def match(self, doc: _Doc, i: int) -> int | None:
        """The index of the token after the keyword starting at token i, or None."""
        if doc.kinds[i] != "w":
            return None
        key = doc.fold(i)
        nxt = i + 1
        if key in self.firsts and doc.is_word(nxt) and doc.inline(nxt) and (key, doc.fold(nxt)) in self.pairs:
            return nxt + 1
        has_dot = doc.value(nxt) == "." and doc.tight(nxt)
        if key in self.dotted and has_dot:
            return nxt + 1
        if key in self.single:
            return nxt
        return None


@dataclass(frozen=True)
class _Lexicon:
    children: frozenset[str]
    child_stems: tuple[str, ...]
    not_names: frozenset[str]
    streets_before: _Keywords
    streets_after: _Keywords
    schools_before: _Keywords
    schools_after: _Keywords
    school_acronyms: frozenset[str]
    school_adjectives: frozenset[str]
    school_kinds: _Keywords
    not_school_names: frozenset[str]

    def is_child_word(self, key: str) -> bool:
        key = _POSSESSIVE.sub("", key)
        if key in self.children:
            return True
        # A stem takes an inflection ("tanítványunkkal"), not a compound ("gyermekpszichológus").
        return key.startswith(self.child_stems) and any(
            key.startswith(stem) and len(key) - len(stem) <= _MAX_ENDING for stem in self.child_stems
        )


_MONTHS: dict[str, int] = {
    _fold(name): number for number, names in words.MONTHS.items() for name in names.split()
}
_NUMBER_WORDS = _Keywords.of(words.NUMBER_WORDS)
_NUMBER_SIGNS = frozenset("№#")
_POSSESSIVE = re.compile(r"['’]s$")
_MAX_ENDING = 6
_PARTICLES = _folded(words.NAME_PARTICLES)
_LAW_NOUNS = _folded(words.LAW_NOUNS)
_PLACE_PREPOSITIONS = _folded(words.PLACE_PREPOSITIONS)
_LINKING_WORDS = _folded(words.LINKING_WORDS)
_FUNCTION_WORDS = _folded(words.FUNCTION_WORDS)
_GENITIVE_LINKS = _folded(words.GENITIVE_LINKS)
_NAMING_VERBS = _folded(words.NAMING_VERBS)
_NAMING_VERBS_WITH_SE = _folded(words.NAMING_VERBS_WITH_SE)
_NAMING_WORDS_AFTER = _folded(words.NAMING_WORDS_AFTER)
_REFLEXIVES = frozenset({"se", "се", "ся"})
_AGE_WORDS = _folded(words.AGE_WORDS)
_NAME_WINDOW = 3  # words that count, after the function words stepped over
_MAX_WINDOW_STEPS = 8  # every word looked at, counted or not
_ORDINAL_ENDINGS = _folded(words.ORDINAL_ENDINGS)
_ORDINAL_WORDS = _folded(words.ORDINAL_WORDS, *(words.forms(s, e) for s, e in words.ORDINAL_STEMS.items()))
_ROMAN_NUMERAL = re.compile(r"[IVX]{1,5}")
_PLACE_ADJECTIVE = re.compile(r"[^\W\d_A-ZА-ЯЁЄІЇЂЉЊЋЏЃЌЅЈ]{3,}(?:sk|čk|ck|шк|ск|чк|цк)[^\W\d_]{1,3}")
_STREET_PREPOSITIONS = _folded(words.STREET_PREPOSITIONS)
_NUMBERED_NOT_STREETS = _folded(words.NUMBERED_NOT_STREETS, words.LAW_NOUNS)
_UNIT_WORDS = _folded(words.UNIT_WORDS)
_STREET_FOLLOWERS = _folded(words.STREET_PREPOSITIONS, words.STREET_FOLLOWERS, words.FUNCTION_WORDS)
_QUOTES = frozenset("„“”\"«»‘’‚'‹›")
_SENTENCE_ENDS = frozenset(".!?…")
_KEEP_SENTENCE_START = _QUOTES | frozenset("([{—–-•*·>")
_ALWAYS_NOT_NAMES = _folded(words.COMMON_NOT_NAMES, words.WEEKDAYS) | (
    frozenset(_MONTHS) - _folded(words.MONTHS_THAT_ARE_NAMES)
)


def _groups_for(language: str) -> tuple[str, ...]:
    code = str(language or "").strip().lower().replace("_", "-")
    group = words.LANGUAGE_GROUPS.get(code) or words.LANGUAGE_GROUPS.get(code.split("-")[0])
    if group is None:  # a language without lists of its own: be generous and use every list
        return tuple(words.GROUPS)
    return ("en",) if group == "en" else ("en", group)


@lru_cache(maxsize=32)
def _lexicon(groups: tuple[str, ...]) -> _Lexicon:
    lists = [words.GROUPS[g] for g in groups]
    # Street and school words are distinctive enough to look for in every text: a post in English
    # often gives a local address ("Bulevar Mihajla Pupina 165") or school ("OŠ Meša Selimović").
    every = list(words.GROUPS.values())
    adjectives = _folded(*(w.school_adjectives for w in every))
    kinds = _Keywords.of(*(w.school_kinds for w in every))
    schools_before = _Keywords.of(*(w.schools_before for w in every))
    schools_after = _Keywords.of(*(w.schools_after for w in every))
    not_names = _ALWAYS_NOT_NAMES | _folded(*(w.not_names for w in lists))
    child_entries = [entry for w in lists for entry in w.children.split()]
    return _Lexicon(
        children=frozenset(_fold(e) for e in child_entries if not e.endswith("*")),
        child_stems=tuple(sorted({_fold(e[:-1]) for e in child_entries if e.endswith("*")})),
        not_names=not_names,
        streets_before=_Keywords.of(*(w.streets_before for w in every)),
        streets_after=_Keywords.of(*(w.streets_after for w in every)),
        schools_before=schools_before,
        schools_after=schools_after,
        school_acronyms=frozenset(a for w in every for a in w.school_acronyms.split()),
        school_adjectives=adjectives,
        school_kinds=kinds,
        not_school_names=not_names | adjectives | kinds.single | schools_before.single | schools_after.single,
    )


# ----------------------------------------------------------------------------------- the tokens

_TOKEN = re.compile(
    r"(?P<w>(?:[^\W\d_]|[\u0300-\u036f])++(?:['’ʼ\-](?:[^\W\d_]|[\u0300-\u036f])++)*+)|(?P<n>[0-9]++)"
    r"|(?P<p>[.,;:!?…„“”\"«»‘’‚'‹›()\[\]{}—–\-•*·>/№#%])"
)


class _Doc:
    """The text as words ("w"), numbers ("n") and single punctuation marks ("p"), with sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(_TOKEN.finditer(text))
        self.kinds: list[str] = [m.lastgroup or "p" for m in matches]
        self.starts: list[int] = [m.start() for m in matches]
        self.ends: list[int] = [m.end() for m in matches]
        self.values: list[str] = [m.group() for m in matches]
        self._sentences: tuple[list[bool], list[int]] | None = None
        self._next_number: list[int] | None = None

    @property
    def sentence_start(self) -> list[bool]:
        """Whether each token opens a sentence (after . ! ? or a line break)."""
        return self._sentence_info()[0]

    @property
    def sentence(self) -> list[int]:
        """The number of the sentence each token belongs to."""
        return self._sentence_info()[1]

    def _sentence_info(self) -> tuple[list[bool], list[int]]:
        if self._sentences is None:
            opens, numbers = [False] * len(self.kinds), [0] * len(self.kinds)
            boundary, sentence, previous_end = True, 0, 0
            find = self.text.find
            for i, kind in enumerate(self.kinds):
                if find("\n", previous_end, self.starts[i]) != -1:
                    boundary = True
                if kind == "p":
                    value = self.values[i]
                    if value in _SENTENCE_ENDS:
                        boundary = True
                    elif value not in _KEEP_SENTENCE_START:
                        boundary = False
                elif boundary:
                    opens[i], boundary = True, False
                    sentence += 1
                numbers[i] = sentence
                previous_end = self.ends[i]
            self._sentences = (opens, numbers)
        return self._sentences

    def near_number(self, i: int, within: int) -> bool:
        """Whether a number token comes within `within` tokens from token i."""
        if self._next_number is None:
            upcoming = len(self.kinds) + 1_000_000  # no number follows
            following = [upcoming] * (len(self.kinds) + 1)
            for j in range(len(self.kinds) - 1, -1, -1):
                if self.kinds[j] == "n":
                    upcoming = j
                following[j] = upcoming
            self._next_number = following
        return i <= len(self.kinds) and self._next_number[min(i, len(self.kinds))] - i <= within

    def __len__(self) -> int:
        return len(self.kinds)

    def value(self, i: int) -> str:
        return self.values[i] if 0 <= i < len(self.values) else ""

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.kinds) and self.kinds[i] == "w"

    def is_number(self, i: int) -> bool:
        return 0 <= i < len(self.kinds) and self.kinds[i] == "n"

    def fold(self, i: int) -> str:
        return _fold(self.values[i])

    def tight(self, i: int) -> bool:
        """Token i follows the previous one with nothing between."""
        return 0 < i < len(self.starts) and self.starts[i] == self.ends[i - 1]

    def inline(self, i: int) -> bool:
        """Token i follows the previous one on the same line, with at most spaces between."""
        if not 0 < i < len(self.starts):
            return False
        gap = self.text[self.ends[i - 1] : self.starts[i]]
        return not gap or (len(gap) <= 3 and gap.isspace() and "\n" not in gap)


def _looks_like_name(word: str) -> bool:
    """A capital followed by lower-case letters, in any script: "Ana", "Петровић", "Μαρία", "Ana-Marija"."""
    head = word.split("-", 1)[0]
    return len(head) >= 2 and head[0].isupper() and head[1:].islower()


# ----------------------------------------------------------------------------------------- names


def _names(doc: _Doc, lex: _Lexicon) -> Iterator[_Hit]:
    """Capitalised words near a word for a child (up to three words away, stepping over articles,
    possessives, and a genitive link right after the word for a child: "the daughter of my neighbour,
    Sofia", "Внучката на съседката ми, Деница"), or named by a naming verb in a sentence about a child."""
    word_indices = [i for i, kind in enumerate(doc.kinds) if kind == "w"]
    candidate = [False] * len(doc)
    place = [False] * len(doc)
    for i in word_indices:
        value = doc.values[i]
        if _looks_like_name(value):
            key = doc.fold(i)
            # "from Tuzla", "в Стара Загора", "u Banja Luci", "in the Zagreb area": a place, all of it
            place[i] = (
                doc.is_word(i - 1) and doc.inline(i) and (place[i - 1] or _after_place_preposition(doc, i))
            )
            candidate[i] = not (
                key in lex.not_names
                or lex.is_child_word(key)
                or place[i]
                or _PLATFORM_WORD.fullmatch(value) is not None
                # „Спасете децата“: an organisation; "Семейного кодекса": a law
                or (doc.value(i - 1) in _QUOTES and doc.tight(i))
                or (doc.is_word(i + 1) and doc.inline(i + 1) and doc.fold(i + 1) in _LAW_NOUNS)
            )
    if not any(candidate):
        return
    # A capitalised word that opens a sentence may just be capitalised there: it counts when the
    # text uses it mid-sentence too, when a second capitalised word follows ("Marko Petrović"), or
    # when an apposition with a word for a child follows ("Luka, the 12-year-old boy").
    used_mid_sentence = {doc.values[i] for i in word_indices if candidate[i] and not doc.sentence_start[i]}

    def counts(i: int) -> bool:
        if not candidate[i]:
            return False
        if not doc.sentence_start[i] or doc.values[i] in used_mid_sentence:
            return True
        nxt = i + 1
        if nxt < len(doc) and candidate[nxt] and doc.inline(nxt) and not doc.sentence_start[nxt]:
            return True
        return _apposition_of_child(doc, lex, i)

    sentence, opens = doc.sentence, doc.sentence_start
    keys = [doc.fold(i) for i in word_indices]
    # What each word is to the name window: 0 counts, 1 is stepped over, 2 stops it, 3 is a genitive
    # link (stepped over right after the word for a child, else counted or stopping as its kind says).
    roles = [0] * len(word_indices)
    is_child = [False] * len(word_indices)
    child_sentences = set()
    for position, i in enumerate(word_indices):
        key = keys[position]
        title = doc.values[i][0].isupper() and not opens[i]
        child = lex.is_child_word(key)
        if child and not title:
            is_child[position] = True  # not part of a title: "the Rights of the Child", "Save the Children"
            child_sentences.add(sentence[i])
        if key in _GENITIVE_LINKS and doc.is_word(i + 1):
            roles[position] = 3
        elif key in _LINKING_WORDS or (child and title):
            roles[position] = 2  # "Δικαιώματα του Παιδιού, το παιδί": past a title's child word, the title
        elif key in _FUNCTION_WORDS:
            roles[position] = 1
    if not child_sentences:
        return
    marked = [False] * len(doc)
    decided: dict[int, bool] = {}
    for position, i in enumerate(word_indices):
        if not is_child[position]:
            continue
        for step in (-1, 1):
            counted, at = 0, position
            for _ in range(_MAX_WINDOW_STEPS):
                at += step
                if not 0 <= at < len(word_indices) or counted >= _NAME_WINDOW:
                    break
                j = word_indices[at]
                if sentence[j] != sentence[i]:
                    break
                role = roles[at]
                if role == 3:
                    if step == 1 and counted == 0:
                        continue
                    role = 2 if keys[at] in _LINKING_WORDS else 1 if keys[at] in _FUNCTION_WORDS else 0
                if role == 2:
                    break
                if role == 1:
                    continue
                counted += 1
                if candidate[j] and not marked[j]:
                    if j not in decided:
                        decided[j] = counts(j)
                    marked[j] = decided[j]
    for j in _named_by_verb(doc, word_indices, child_sentences):
        if candidate[j]:
            marked[j] = True
    i = 0
    while i < len(doc):
        if not marked[i]:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 4 and candidate[end] and doc.inline(end) and doc.is_word(end):
            end += 1
        yield _hit(NAME, doc.starts[i], doc.ends[end - 1])
        i = end


def _apposition_closes(doc: _Doc, j: int) -> bool:
    """Whether a comma, a dash or a bracket closes the apposition that token j is in, before the sentence
    ends: "Ana, djevojčica od 9 godina, plače", not "Thanks, the boy is fine"."""
    for k in range(j + 1, min(j + 20, len(doc))):
        value = doc.values[k]
        if value in ",—–)":
            return True
        if value in _SENTENCE_ENDS or not doc.inline(k):
            return False
    return False


def _after_place_preposition(doc: _Doc, i: int) -> bool:
    """Whether token i follows a place preposition, perhaps with an article between ("in the Zagreb area")."""
    j = i - 1
    if doc.fold(j) in _PLACE_PREPOSITIONS:
        return True
    return (
        doc.fold(j) in _FUNCTION_WORDS
        and doc.is_word(j - 1)
        and doc.inline(j)
        and doc.fold(j - 1) in _PLACE_PREPOSITIONS
    )


def _apposition_of_child(doc: _Doc, lex: _Lexicon, i: int) -> bool:
    """Whether the name at token i is followed by ", (article) (age) <word for a child>"."""
    j = i + 1
    if doc.value(j) != "," or not doc.inline(j):
        return False
    for _ in range(6):
        j += 1
        if j >= len(doc) or not doc.inline(j):
            return False
        kind, key = doc.kinds[j], doc.fold(j) if doc.kinds[j] == "w" else doc.values[j]
        if kind == "w" and lex.is_child_word(key):
            return _apposition_closes(doc, j)
        if (
            kind == "n"
            or (kind == "p" and key in "-–()")
            or (kind == "w" and (key in _FUNCTION_WORDS or key in _AGE_WORDS or doc.value(j - 1) in "-–"))
        ):
            continue
        return False
    return False


def _named_by_verb(doc: _Doc, word_indices: list[int], child_sentences: set[int]) -> Iterator[int]:
    """Capitalised words given as a name by a naming verb in a sentence about a child: "koju svi zovu
    Nejra", "që e quajnë Endri", "казва се Иван", "a Zsófi nevű kislány"."""
    for position, i in enumerate(word_indices):
        if doc.sentence[i] not in child_sentences:
            continue
        key = doc.fold(i)
        if key in _NAMING_VERBS or key in _NAMING_VERBS_WITH_SE:
            reflexive = key in _NAMING_VERBS or (
                position > 0 and doc.fold(word_indices[position - 1]) in _REFLEXIVES
            )
            at = position + 1
            while at < len(word_indices) and at - position <= 3:
                j = word_indices[at]
                if doc.sentence[j] != doc.sentence[i]:
                    break
                if _looks_like_name(doc.values[j]):
                    if reflexive:
                        yield j
                    break
                fold = doc.fold(j)
                if fold in _REFLEXIVES:
                    reflexive = True
                elif fold not in _FUNCTION_WORDS:
                    break
                at += 1
        elif key in _NAMING_WORDS_AFTER and position > 0:
            j = word_indices[position - 1]
            if doc.sentence[j] == doc.sentence[i] and doc.inline(i) and j == i - 1:
                yield j


# ------------------------------------------------------------------------- addresses and schools


def _number_sign_end(doc: _Doc, i: int) -> int | None:
    """After "nr.", "br.", "No.", "№" and the like at token i, or None."""
    if i >= len(doc) or not doc.inline(i):
        return None
    if doc.values[i] in _NUMBER_SIGNS:
        return i + 1
    end = _NUMBER_WORDS.match(doc, i)
    if end is not None and doc.value(end) == "." and doc.tight(end):
        end += 1
    return end


def _house_number_end(doc: _Doc, i: int) -> int | None:
    """After a house number at token i ("12", ", 12a", "nr. 5", "№ 15", "12/3"), or None."""
    j = i
    if doc.value(j) == "," and doc.inline(j):
        j += 1
    sign_end = _number_sign_end(doc, j)
    if sign_end is not None:
        j = sign_end
    if not doc.is_number(j) or not doc.inline(j) or len(doc.values[j]) > 4:
        return None
    nxt = j + 1
    if doc.tight(nxt) and (
        doc.values[nxt] == "%" or (doc.values[nxt] in ".,:" and doc.is_number(nxt + 1) and doc.tight(nxt + 1))
    ):
        return None  # a percentage, a decimal number or a date
    if doc.tight(nxt) and doc.is_word(nxt) and len(doc.values[nxt]) == 1:
        return nxt + 1
    if doc.tight(nxt) and doc.values[nxt] in "/-" and doc.is_number(nxt + 1) and doc.tight(nxt + 1):
        return nxt + 2
    return nxt


def _street_before_name(doc: _Doc, keyword: int, after: int) -> int | None:
    """After "<street word> <name> <number>" when the street word is at token `keyword`."""
    j, names, lower_before_capital, capital = after, 0, 0, False
    while j < len(doc) and doc.inline(j) and names <= 5:
        if names:
            end = _house_number_end(doc, j)
            if end is not None:
                capitalised_keyword = doc.values[keyword][0].isupper() and not doc.sentence_start[keyword]
                if (capital and lower_before_capital <= 1) or capitalised_keyword:
                    return end
                return None
        kind, value = doc.kinds[j], doc.values[j]
        if kind == "p" and value in _QUOTES:
            j += 1
        elif kind == "n" and doc.value(j + 1) == "." and doc.tight(j + 1) and doc.is_word(j + 2):
            j, names, capital = j + 2, names + 1, True  # an ordinal, as in "ulica 27. marta"
        elif kind == "w" and doc.fold(j) in _PARTICLES and doc.is_word(j + 1):
            j += 1
        elif kind == "w":
            is_capital = _looks_like_name(value) or (len(value) == 1 and value.isupper())
            if not is_capital and not capital:
                lower_before_capital += 1
            capital = capital or is_capital
            names += 1
            j += 1
            if is_capital and len(value) <= 3 and doc.value(j) == "." and doc.tight(j):
                j += 1  # an initial or abbreviation: "M. Tita", "Sv. Save"
        else:
            return None
    return None


def _capitalised_before(doc: _Doc, i: int, limit: int, not_names: frozenset[str]) -> int | None:
    """The first of up to `limit` capitalised words right before token i, if one of them is a name."""
    j, named = i, False
    while (
        j - 1 >= 0
        and i - j < limit
        and doc.is_word(j - 1)
        and doc.inline(j)
        and _looks_like_name(doc.values[j - 1])
    ):
        j -= 1
        named = named or doc.fold(j) not in not_names
    return j if named and j < i else None


def _addresses(doc: _Doc, lex: _Lexicon) -> Iterator[_Hit]:
    for i in range(len(doc)):
        if doc.kinds[i] != "w":
            continue
        after = lex.streets_before.match(doc, i)
        if after is not None and doc.near_number(after, 14):
            end = _street_before_name(doc, i, after)
            if end is not None:
                yield _hit(ADDRESS, doc.starts[i], doc.ends[end - 1])
                continue
        if doc.fold(i) in _STREET_PREPOSITIONS and doc.near_number(i, 5):
            end = _bare_street_end(doc, lex, i)
            if end is not None:
                yield _hit(ADDRESS, doc.starts[i + 1], doc.ends[end - 1])
                continue
        after = lex.streets_after.match(doc, i)
        if after is None:
            continue
        first = _capitalised_before(doc, i, 3, lex.not_names)
        if first is None:
            continue
        end = _house_number_end(doc, after)
        if end is not None:  # "Kossuth utca 5", "Baker Street 12"
            yield _hit(ADDRESS, doc.starts[first], doc.ends[end - 1])
        elif doc.is_number(first - 1) and doc.inline(first) and len(doc.values[first - 1]) <= 4:
            yield _hit(ADDRESS, doc.starts[first - 1], doc.ends[after - 1])  # "12 Baker Street"


def _bare_street_end(doc: _Doc, lex: _Lexicon, i: int) -> int | None:
    """After "<place preposition> <Capitalised words> <house number>" with the preposition at token i
    ("u Ilici 152", "at Kneza Miloša 7a"), or None: not after a word for an article, a table or a class
    ("u Zakonu 12", "in Article 12"), not a year ("u Vukovaru 1991"), not a quantity ("u Zagrebu 12 djece",
    "in Tuzla 5 km"), not a date ("u Mostaru 15. svibnja")."""
    j = i + 1
    while (
        j < len(doc) and j - i <= 3 and doc.is_word(j) and doc.inline(j) and _looks_like_name(doc.values[j])
    ):
        key = doc.fold(j)
        if key in _NUMBERED_NOT_STREETS or key in lex.not_school_names or key in _MONTHS:
            return None
        j += 1
    if j == i + 1 or not doc.is_number(j) or not doc.inline(j):
        return None
    number = doc.values[j]
    if len(number) > 4 or number.startswith("0") or (len(number) == 4 and 1900 <= int(number) <= 2100):
        return None
    end = _house_number_end(doc, j)
    if end is None:
        return None
    nxt = end
    if (doc.value(nxt) in "%€$" and doc.inline(nxt)) or (doc.value(nxt) in ("-", "–") and doc.tight(nxt)):
        return None  # "5 %", "9-vjeçare", "13-годишно"
    if (
        doc.value(nxt) == "."
        and doc.tight(nxt)
        and doc.is_word(nxt + 1)
        and doc.inline(nxt + 1)
        and not doc.values[nxt + 1][0].isupper()
    ):
        return None  # an ordinal: "15. svibnja", "3. razred"
    if doc.is_word(nxt) and doc.inline(nxt):
        key = doc.fold(nxt)
        if key in _UNIT_WORDS or key not in _STREET_FOLLOWERS:
            return None  # a quantity: "12 djece", "5 km", "3 times"
    return end


def _ordinal_start(doc: _Doc, i: int, *, bare: bool = False) -> int | None:
    """The number of an ordinal ending right before token i ("3ο", "5th", "5.", "119-то"), or None."""
    if i - 1 < 0 or not doc.inline(i):
        return None
    j = i - 1
    if doc.is_word(j) and doc.fold(j) in _ORDINAL_ENDINGS and doc.tight(j):
        j -= 1
        if doc.value(j) == "-" and doc.tight(j):
            j -= 1
        return j if doc.is_number(j) and len(doc.values[j]) <= 3 else None
    if doc.value(j) == "." and doc.tight(j) and doc.is_number(j - 1) and len(doc.values[j - 1]) <= 3:
        return j - 1
    if bare and doc.is_number(j) and len(doc.values[j]) <= 3:
        return j
    return None


def _capitalised_run_end(doc: _Doc, lex: _Lexicon, i: int) -> int | None:
    """After a school's own name at token i: capitalised words, perhaps in quotes."""
    if i >= len(doc) or not doc.inline(i):
        return None
    j, quoted = i, False
    if doc.values[j] in _QUOTES:
        j, quoted = j + 1, True
    last, named = None, False
    while j < len(doc) and j - i < 8 and doc.inline(j) and doc.kinds[j] == "w":
        value = doc.values[j]
        if _looks_like_name(value):
            last, named = j, named or doc.fold(j) not in lex.not_school_names
        elif not (doc.fold(j) in _PARTICLES and doc.is_word(j + 1) and _looks_like_name(doc.values[j + 1])):
            break
        j += 1
    if last is None or not named:
        return None
    end = last + 1
    if quoted and doc.value(end) in _QUOTES and doc.inline(end):
        end += 1
    return end


def _school_name_end(doc: _Doc, lex: _Lexicon, after: int, acronym: bool) -> int | None:
    """After the number or the name that follows a school word ending before token `after`."""
    j = after
    for skipped in range(4):  # "School No. 5", "Școala Gimnazială nr. 3", "школа №5"
        sign_end = _number_sign_end(doc, j)
        if sign_end is not None and doc.is_number(sign_end) and doc.inline(sign_end):
            return sign_end + 1
        if acronym and skipped == 0 and doc.is_number(j) and doc.inline(j):
            return j + 1  # "ДГ 12"
        if not (doc.is_word(j) and doc.inline(j)):
            break
        j += 1
    j = after
    kind_end = lex.school_kinds.match(doc, j) if doc.is_word(j) and doc.inline(j) else None
    if kind_end is not None:  # "Școala Gimnazială Ion Creangă", "школа имени Пушкина"
        j = kind_end
        if doc.value(j) == "." and doc.tight(j):
            j += 1
    elif (
        doc.is_number(j)
        and doc.inline(j)
        and doc.value(j + 1) == "-"
        and doc.is_word(j + 2)
        and doc.tight(j + 2)
    ):
        j += 3  # "Shkolla 9-vjeçare Naim Frashëri"
    return _capitalised_run_end(doc, lex, j)


def _ordinal_word_start(doc: _Doc, i: int) -> int | None:
    """A capitalised ordinal word ("Treće", "Drugoj", "Първа", "Третьей") or a Roman numeral with its dot
    ("XV.") right before token i, as in a school's name, or None."""
    if not doc.inline(i):
        return None
    j = i - 1
    if doc.is_word(j) and _PLACE_ADJECTIVE.fullmatch(doc.values[j]) and doc.inline(j):
        j -= 1  # "Petoj beogradskoj gimnaziji", "Първа английска гимназия"
    if doc.is_word(j) and doc.values[j][0].isupper() and doc.fold(j) in _ORDINAL_WORDS:
        return None if doc.sentence_start[j] else j  # "Druga škola je bolja": another school
    if (
        doc.value(j) == "."
        and doc.tight(j)
        and doc.is_word(j - 1)
        and _ROMAN_NUMERAL.fullmatch(doc.values[j - 1])
        and (doc.values[j - 1] != "I" or not doc.sentence_start[j - 1])
    ):
        return j - 1
    return None


def _school_start(doc: _Doc, lex: _Lexicon, i: int) -> tuple[int, bool]:
    """Where a school's name starts when its school word is token i, and whether that start alone
    names the school: an ordinal ("5. osnovna škola") or a capitalised word ("Drugu osnovnu školu")."""
    j = i
    while (
        j - 1 >= 0
        and i - j < 2
        and doc.is_word(j - 1)
        and doc.inline(j)
        and doc.fold(j - 1) in lex.school_adjectives
    ):
        j -= 1
    ordinal = _ordinal_start(doc, j)
    if ordinal is not None:
        return ordinal, True
    ordinal = _ordinal_word_start(doc, j)
    if ordinal is not None:
        return ordinal, True
    before = j - 1
    if (
        j < i
        and doc.is_word(before)
        and doc.inline(j)
        and _looks_like_name(doc.values[before])
        and doc.fold(before) not in lex.not_school_names
    ):
        return before, True
    return j, False


def _schools(doc: _Doc, lex: _Lexicon) -> Iterator[_Hit]:
    for i in range(len(doc)):
        if doc.kinds[i] != "w":
            continue
        acronym = doc.values[i] in lex.school_acronyms
        after: int | None
        if acronym:
            after = i + 1
            while doc.value(after) in lex.school_acronyms and doc.inline(after):
                after += 1  # "МБОУ СОШ", "JU OŠ"
        else:
            after = lex.schools_before.match(doc, i)
        if after is not None:
            start, has_ordinal = _school_start(doc, lex, i)
            end = _school_name_end(doc, lex, after, acronym)
            if end is None and has_ordinal:
                end = after  # "5. osnovna škola", "119-то СОУ", "Drugu osnovnu školu"
            if end is None and acronym:
                bare = _ordinal_start(doc, i, bare=True)
                start, end = (start, None) if bare is None else (bare, after)  # "119 СОУ"
            if end is not None:
                yield _hit(SCHOOL, doc.starts[start], doc.ends[end - 1])
                continue
        after = lex.schools_after.match(doc, i)
        if after is None:
            continue
        first = i
        named = False
        while first - 1 >= 0 and i - first < 4 and doc.is_word(first - 1) and doc.inline(first):
            value, key = doc.values[first - 1], doc.fold(first - 1)
            if _POSSESSIVE.search(value) and not doc.values[i][0].isupper():
                break  # "Ana's school" is about Ana, not a school's name
            if _looks_like_name(value):
                named = named or key not in lex.not_school_names
            elif key not in lex.school_adjectives:
                break
            first -= 1
        ordinal = _ordinal_start(doc, first)
        if ordinal is not None:
            yield _hit(SCHOOL, doc.starts[ordinal], doc.ends[after - 1])  # "3ο Δημοτικό Σχολείο"
        elif named and first < i:
            yield _hit(SCHOOL, doc.starts[first], doc.ends[after - 1])  # "Petőfi Sándor Általános Iskola"


# ----------------------------------------------------------------------------------------- dates

_SPACE = r"[ \u00a0]"
_NUMERIC_DMY = re.compile(
    rf"(?<![0-9.])([0-9]{{1,2}})(?:\.{_SPACE}?|/|-)([0-9]{{1,2}})(?:\.{_SPACE}?|/|-)((?:19|20)[0-9]{{2}})(?![0-9])"
)
_NUMERIC_YMD = re.compile(
    rf"(?<![0-9.])((?:19|20)[0-9]{{2}})(?:\.{_SPACE}?|/|-)([0-9]{{1,2}})(?:\.{_SPACE}?|/|-)([0-9]{{1,2}})(?![0-9])"
)
_WORD_DMY = re.compile(
    rf"(?<![0-9.])([0-9]{{1,2}})(?:st|nd|rd|th|-?(?:го|ого|ти|ви|ри|ми|я))?\.?{_SPACE}{{0,2}}(?:of{_SPACE}+)?"
    rf"([^\W\d_]{{3,12}})\.?,?{_SPACE}{{1,2}}((?:19|20)[0-9]{{2}})(?![0-9])",
    re.IGNORECASE,
)
_WORD_MDY = re.compile(
    rf"(?<![^\W\d_])([^\W\d_]{{3,12}})\.?{_SPACE}{{1,2}}([0-9]{{1,2}})(?:st|nd|rd|th)?,?{_SPACE}{{1,2}}"
    rf"((?:19|20)[0-9]{{2}})(?![0-9])",
    re.IGNORECASE,
)
_WORD_YMD = re.compile(
    rf"(?<![0-9.])((?:19|20)[0-9]{{2}})\.?{_SPACE}{{1,2}}([^\W\d_]{{3,12}})\.?{_SPACE}{{1,2}}([0-9]{{1,2}})(?![0-9])"
)
_BORN = re.compile(
    r"(?<![^\W\d_])(?:born|birth\w*|dob|d\.o\.b|rođen\w*|rodjen\w*|rođendan\w*|рођен\w*|роден\w*|рожден\w*|"
    r"раждане|раѓа\w*|родил\w*|рождения|народився|народилася|народилась|народження|născu\w*|nascu\w*|"
    r"nașter\w*|naşter\w*|naster\w*|lindur\w*|lindi|datëlind\w*|datelind\w*|γεννήθηκ\w*|γεννηθηκ\w*|"
    r"γέννησ\w*|γεννησ\w*|γεννημέν\w*|született|születés\w*|szül\.|родивш\w*|народжен\w*|рођ\w*)"
    r"(?![^\W\d_])",  # a whole word: not the "dob" of "dobro"
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
_OPENERS = _QUOTES | frozenset("([")
_SENTENCE_BREAK = re.compile(r"[.!?…]+\s+|\n")
# An age: "7-year-old", "(7)", "aged 7", "od 9 godina", "9 éves", "13-годишно", "7 лет", "9 ani", "χρονών".
_AGE = re.compile(
    r"(?<![\w.])(?:[0-9]{1,2}[ \u00a0]?-?[ \u00a0]?(?:years?|yrs?|godin\w*|godišnj\w*|godisnj\w*|god\.|"
    r"годин\w*|годишн\w*|години|лет\w*|год\w*|рок\w*|річн\w*|рік|ani\b|an\b|anișor\w*|vjeç\w*|vjec\w*|"
    r"vjet\w*|éves\w*|eves\w*|év\w*|χρον\w*|ετών|ετων)|\([0-9]{1,2}\)|aged?[ \u00a0][0-9]{1,2}(?![0-9]))",
    re.IGNORECASE,
)
_EVENT_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(stem) for stem in sorted(_folded(words.EVENT_WORDS), key=len, reverse=True))
    + ")",
    re.IGNORECASE,
)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _birth_dates(doc: _Doc, lex: _Lexicon, today: dt.date, names: list[_Hit]) -> Iterator[_Hit]:
    """Full dates that are birth dates: after a word for "born" (or right before one: "2013. május 3-án
    született"), whatever the year; or of the last 19 years in a sentence that speaks of a child (a word
    for a child, an age, a child's name), unless an event word comes right before the date ("the hearing
    on 12 March 2025 about the boy")."""
    text = doc.text
    earliest_child_year = today.year - 19
    context: _DateContext | None = None
    for match, date in _full_dates(text):
        start, end = match.span()
        if _BORN.search(text, max(0, start - 40), start) or _BORN.search(text, end, end + 20):
            yield _hit(BIRTH_DATE, start, end)
            continue
        if not (date.year >= earliest_child_year and date <= today):
            continue
        if context is None:
            context = _DateContext(doc, lex, names)
        if context.about_a_child(start, end) and not _EVENT_BEFORE.search(_fold(_words_before(text, start))):
            yield _hit(BIRTH_DATE, start, end)


def _words_before(text: str, start: int) -> str:
    """The last three words before `start` (at most 60 characters back), for the event-word check."""
    return " ".join(_WORD.findall(text, max(0, start - 60), start)[-3:])


class _DateContext:
    """Where the sentences of a text start and end, and where its words for a child, ages and names are,
    so that each date asks about its own sentence in logarithmic time."""

    def __init__(self, doc: _Doc, lex: _Lexicon, names: list[_Hit]) -> None:
        text = doc.text
        self.ends = [m.end() for m in _SENTENCE_BREAK.finditer(text) if _breaks_sentence(text, m)]
        marks = [
            doc.starts[i]
            for i, kind in enumerate(doc.kinds)
            if kind == "w"
            and lex.is_child_word(doc.fold(i))
            and (not doc.values[i][0].isupper() or doc.sentence_start[i])
        ]
        marks.extend(m.start() for m in _AGE.finditer(text))
        marks.extend(hit[1] for hit in names)
        self.marks = sorted(marks)

    def about_a_child(self, start: int, end: int) -> bool:
        at = bisect.bisect_right(self.ends, start)
        sentence_start = self.ends[at - 1] if at else 0
        after = bisect.bisect_left(self.ends, end)
        sentence_end = self.ends[after] if after < len(self.ends) else 1 << 62
        first = bisect.bisect_left(self.marks, sentence_start)
        return first < len(self.marks) and self.marks[first] < sentence_end


def _breaks_sentence(text: str, match: re.Match[str]) -> bool:
    """A line break, ! ? …, or a full stop before a capital: not the dot of "5. oktobra 2024"."""
    mark = match.group()
    if "\n" in mark or mark[0] != ".":
        return True
    nxt = match.end()
    while nxt < len(text) and text[nxt] in _OPENERS:
        nxt += 1
    return nxt >= len(text) or text[nxt].isupper()


def _full_dates(text: str) -> Iterator[tuple[re.Match[str], dt.date]]:
    for match in _NUMERIC_DMY.finditer(text):
        a, b, year = (int(g) for g in match.groups())
        date = _date(year, b, a) or _date(year, a, b)  # day first, as in the region; else American
        if date:
            yield match, date
    for match in _NUMERIC_YMD.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        date = _date(year, month, day)
        if date:
            yield match, date
    for pattern, order in ((_WORD_DMY, "dmy"), (_WORD_MDY, "mdy"), (_WORD_YMD, "ymd")):
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups(), strict=True))
            month_number = _MONTHS.get(_fold(parts["m"]))
            named_date = _date(int(parts["y"]), month_number, int(parts["d"])) if month_number else None
            if named_date:
                yield match, named_date


# ------------------------------------------------------------------------------ identity numbers

_DIGIT_RUN = re.compile(r"(?<![0-9+])[0-9]++(?:[ \-][0-9]++)*+")
_DIGIT_GROUP = re.compile(r"[0-9]+")
_ALBANIAN_ID = re.compile(r"(?<!\w)[A-Z][0-9]{8}[A-Z](?!\w)")
_LABELLED_KOSOVO_ID = re.compile(
    r"(?i)(?:numri personal|nr\.? personal|personal (?:id )?number|lični broj|licni broj|лични број)"
    r"[^0-9\n]{0,15}?([0-9]{10})(?![0-9])"
)
_ID_LENGTHS = frozenset({10, 11, 13})


def _born_before(born: dt.date, today: dt.date) -> bool:
    return born.year >= 1900 and born <= today


def _is_egn(number: str, today: dt.date) -> bool:
    """Bulgaria's ЕГН, with a birth date that has happened."""
    return egn.is_valid(number) and _born_before(egn.get_birth_date(number), today)


def _is_cnp(number: str, today: dt.date) -> bool:
    """Romania's CNP, with a birth date that has happened."""
    return cnp.is_valid(number) and _born_before(cnp.get_birth_date(number), today)


def _is_amka(number: str, today: dt.date) -> bool:
    """Greece's social security number, given at birth."""
    return amka.is_valid(number) and amka.get_birth_date(number) <= today


def _is_jmbg(number: str, today: dt.date) -> bool:
    """JMBG/EMBG of the former Yugoslav countries (BA, ME, MK, RS; Kosovo and Croatia issued them too):
    DDMMYYY RR BBB K, with K from mod-11 weights 7..2 over the first twelve digits."""
    if len(number) != 13 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    year = int(number[4:7])
    year += 1000 if year >= 800 else 2000
    born = _date(year, int(number[2:4]), int(number[0:2]))
    if born is None or not _born_before(born, today):
        return False
    weights = (7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    check = 11 - sum(w * d for w, d in zip(weights, digits, strict=False)) % 11
    return digits[12] == (0 if check > 9 else check)


def _is_idnp(number: str) -> bool:
    """Moldova's IDNP: 13 digits, weights 7, 3, 1 repeating, mod 10. Personal numbers start with 2,
    which we require so that a random 13-digit number is flagged less often."""
    if len(number) != 13 or not number.isdigit() or number[0] != "2":
        return False
    total = sum(w * int(d) for w, d in zip((7, 3, 1) * 4, number, strict=False))
    return total % 10 == int(number[12])


def _is_snils(number: str) -> bool:
    """Russia's СНИЛС, given at birth: nine digits weighted 9..1, mod 101 (100 and 101 become 00)."""
    if len(number) != 11 or not number.isdigit() or int(number[:9]) <= 1001998:
        return False
    total = sum((9 - k) * int(d) for k, d in enumerate(number[:9]))
    return total % 101 % 100 == int(number[9:])


def _is_identity_number(number: str, today: dt.date) -> bool:
    if len(number) == 10:
        return _is_egn(number, today)
    if len(number) == 11:
        return oib.is_valid(number) or _is_amka(number, today) or _is_snils(number)
    if len(number) == 13:
        return _is_jmbg(number, today) or _is_cnp(number, today) or _is_idnp(number)
    return False


def _is_albanian_id(value: str) -> bool:
    """Albania's NID (letter, 8 digits, letter): its check letter is not public, so this is a format
    check of the birth date inside it (month + 50 for women)."""
    month, day = int(value[2:4]), int(value[4:6])
    return (1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31


def _identity_numbers(text: str, today: dt.date) -> Iterator[_Hit]:
    for run in _DIGIT_RUN.finditer(text):
        groups = [
            (g.start() + run.start(), g.end() + run.start()) for g in _DIGIT_GROUP.finditer(run.group())
        ]
        first = 0
        while first < len(groups):
            found = None
            if groups[first][1] - groups[first][0] >= 2:  # numbers are not written starting with a lone digit
                length = 0
                for last in range(first, min(first + 4, len(groups))):
                    length += groups[last][1] - groups[last][0]
                    if length > 13:
                        break
                    if length in _ID_LENGTHS:
                        start, end = groups[first][0], groups[last][1]
                        number = re.sub(r"[^0-9]", "", text[start:end])
                        if _is_identity_number(number, today):
                            found = last
                            priority = _PRIORITY[NATIONAL_ID] if last == first else _SPACED_ID_PRIORITY
                            yield _hit(NATIONAL_ID, start, end, priority)
            first = found + 1 if found is not None else first + 1
    for match in _ALBANIAN_ID.finditer(text):
        if _is_albanian_id(match.group()):
            yield _hit(NATIONAL_ID, *match.span())
    for match in _LABELLED_KOSOVO_ID.finditer(text):
        yield _hit(NATIONAL_ID, *match.span(1))


# ---------------------------------------------------------------------------------------- phones

PHONE_REGIONS = ("AL", "BA", "BG", "HR", "XK", "MD", "ME", "MK", "RO", "RS", "HU", "GR", "UA", "RU")
# phonenumbers' matcher is thorough but slow (about 2 ms per candidate for all regions), so
# candidates are found here first, and only those that fit a region's numbering plan are given to it.
_PHONE_RUN = re.compile(r"(?<![\w+])\+?\(?[0-9][0-9 \u00a0\-./()]*+")
_DATE_LIKE = re.compile(r"[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{1,4}\.?")
# Budgets per text, so that a table of numbers stays fast; a post with more phone numbers than this
# is not about one child.
_MAX_PLAN_CHECKS = 1500
_MAX_MATCHER_CALLS = 48


@dataclass(frozen=True)
class _Plan:
    region: str
    trunk: str  # the national prefix written before national numbers ("0", "06", "8"), or ""
    lengths: frozenset[int]
    pattern: re.Pattern[str]


def _numbering_plans() -> list[_Plan]:
    plans = []
    for region in PHONE_REGIONS:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if metadata is None or metadata.general_desc is None:
            continue
        general = metadata.general_desc
        plans.append(
            _Plan(
                region=region,
                trunk=metadata.national_prefix_for_parsing or "",
                lengths=frozenset(general.possible_length or ()),
                pattern=re.compile(general.national_number_pattern or "(?!)"),
            )
        )
    return plans


_PLANS = _numbering_plans()


@lru_cache(maxsize=4096)
def _regions_for(candidate: str) -> tuple[str, ...]:
    digits = re.sub(r"[^0-9]", "", candidate)
    if candidate.startswith("+") or digits.startswith("00"):
        return ("BA",) if 8 <= len(digits) <= 17 else ()  # international: any region reads it
    regions = []
    for plan in _PLANS:
        if plan.trunk:
            if not digits.startswith(plan.trunk):
                continue
            national = digits[len(plan.trunk) :]
        else:
            national = digits
        if len(national) in plan.lengths and plan.pattern.fullmatch(national):
            regions.append(plan.region)
    return tuple(regions)


@lru_cache(maxsize=4096)
def _matched_phones(candidate: str, region: str) -> tuple[tuple[int, int], ...]:
    matcher = phonenumbers.PhoneNumberMatcher(candidate, region, leniency=phonenumbers.Leniency.VALID)
    return tuple((m.start, m.end) for m in matcher)


def _phone_candidates(text: str) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """Stretches of digits and separators that fit a region's numbering plan, with those regions: the
    longest that fits from each chunk of a run, of up to six space-separated chunks with 8 to 15 digits."""
    checks = 0
    for run in _PHONE_RUN.finditer(text):
        if sum(c.isdigit() for c in run.group()) < 8:
            continue
        chunks = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"\S+", run.group())]
        before = [0]  # digits before each chunk
        for start, end in chunks:
            before.append(before[-1] + sum(c.isdigit() for c in text[start:end]))
        first = 0
        while first < len(chunks):
            taken = None
            for last in range(min(first + 6, len(chunks)) - 1, first - 1, -1):
                if not 8 <= before[last + 1] - before[first] <= 15:
                    continue
                checks += 1
                if checks > _MAX_PLAN_CHECKS:
                    return
                start, end = chunks[first][0], chunks[last][1]
                candidate = text[start:end].rstrip(".-/(")
                regions = () if _DATE_LIKE.fullmatch(candidate) else _regions_for(candidate)
                if regions:
                    taken = last
                    yield start, candidate, regions
                    break
            first = taken + 1 if taken is not None else first + 1


def _phones(text: str) -> Iterator[_Hit]:
    calls = 0
    for start, candidate, regions in _phone_candidates(text):
        for region in regions:
            if calls >= _MAX_MATCHER_CALLS:
                return
            calls += 1
            spans = _matched_phones(candidate, region)
            for match_start, match_end in spans:
                yield _hit(PHONE, start + match_start, start + match_end)
            if spans:
                break


# --------------------------------------------------------------------- e-mail and social profiles

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@(?:[\w-]{1,63}\.){1,8}[^\W\d_]{2,24}(?![\w-])")
_SOCIAL = re.compile(
    r"(?<![\w.@/-])(?:https?://)?(?:(?:www|m|mobile|web|vm|vt)\.)?"
    r"(facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|tiktok\.com|twitter\.com|x\.com|vk\.com|"
    r"vkontakte\.ru|ok\.ru|t\.me|telegram\.me|youtube\.com|linkedin\.com|snapchat\.com|threads\.net)"
    r"/([\w@.%~+\-/=?&#]{1,200})",
    re.IGNORECASE,
)
# Where the profile is not simply the first part of the path.
_PROFILE_PATHS = {
    "tiktok.com": re.compile(r"@\w"),
    "youtube.com": re.compile(r"(?:@|c/|channel/|user/)\w", re.IGNORECASE),
    "linkedin.com": re.compile(r"in/\w", re.IGNORECASE),
}


# A platform's name, with an inflection when it is long enough to be a stem ("Instagramu", "Инстаграме",
# "Facebookul", "Instagram-profilu"); short names ("ig", "fb", "vk") stand alone.
_PLATFORM = (
    "(?:(?:"
    + "|".join(re.escape(p) for p in sorted(words.PLATFORMS.split(), key=len, reverse=True) if len(p) >= 6)
    + r")[\w'’\-]{0,8}|(?:"
    + "|".join(re.escape(p) for p in words.PLATFORMS.split() if len(p) < 6)
    + r")(?![\w-]))"
)
_PLATFORM_WORD = re.compile(_PLATFORM, re.IGNORECASE)
_HANDLE = r"(@[\w.]{1,30}\w)"
_HANDLE_AFTER_PLATFORM = re.compile(rf"(?<!\w){_PLATFORM}[^@\n]{{0,30}}?(?<![\w.]){_HANDLE}", re.IGNORECASE)
_HANDLE_BEFORE_PLATFORM = re.compile(rf"(?<![\w.@]){_HANDLE}[^@\n]{{0,30}}?(?<!\w){_PLATFORM}", re.IGNORECASE)
_PHOTO_HOST_LINK = re.compile(
    r"(?<![\w.@/-])(?:https?://)?(?:[\w-]{1,63}\.){0,3}(?:"
    + "|".join(re.escape(host) for host in words.PHOTO_HOSTS.split())
    + r")/[\w@.%~+\-/=?&#]{1,300}",
    re.IGNORECASE,
)
_IMAGE_LINK = re.compile(
    r"(?<![\w.@/-])(?:https?://|www\.)[^\s<>\"'()]{1,300}?\.(?:jpe?g|png|gif|heic|webp|bmp)(?![\w])",
    re.IGNORECASE,
)


def _emails(text: str) -> Iterator[_Hit]:
    if "@" not in text:
        return
    for match in _EMAIL.finditer(text):
        yield _hit(EMAIL, *match.span())


def _social_profiles(text: str) -> Iterator[_Hit]:
    for match in _SOCIAL.finditer(text):
        host, path = match.group(1).lower(), match.group(2)
        trimmed = path.rstrip(".,;:!?")
        needed = _PROFILE_PATHS.get(host)
        if not re.match(r"[@\w]", trimmed) or (needed is not None and not needed.match(trimmed)):
            continue
        yield _hit(SOCIAL, match.start(), match.end(2) - (len(path) - len(trimmed)))
    if "@" in text:
        for pattern in (_HANDLE_AFTER_PLATFORM, _HANDLE_BEFORE_PLATFORM):
            for match in pattern.finditer(text):
                yield _hit(SOCIAL, *match.span(1))


def _photo_links(text: str) -> Iterator[_Hit]:
    """Links to a shared photo or file: image hosts, shared drives, and addresses of image files."""
    for pattern in (_PHOTO_HOST_LINK, _IMAGE_LINK):
        for match in pattern.finditer(text):
            start, end = match.span()
            while end > start and text[end - 1] in ".,;:!?":
                end -= 1
            yield _hit(PHOTO, start, end)
