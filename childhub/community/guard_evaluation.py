"""Measure the child-identity guard on a labelled corpus: recall and false-positive rate.

A corpus is a JSON Lines file, one text per line::

    {"language": "bs", "identifies": true, "kinds": ["name", "school"], "text": "..."}

A text counts as caught when the guard reports at least one finding in it, whatever its kind;
recall is the share of identifying texts caught, the false-positive rate the share of the other
texts with at least one finding. Per kind, a text listing the kind counts only when the guard
reports a finding of that kind (this tells which pattern missed, not whether the text was held).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .guard import Finding

TARGET_RECALL = 0.95
TARGET_FALSE_POSITIVE_RATE = 0.10

KINDS = frozenset(
    {"name", "birth-date", "address", "school", "national-id", "phone", "email", "social-profile", "photo"}
)

Checker = Callable[..., list[Finding]]


class CorpusError(ValueError):
    """A corpus line that is not a well-formed labelled text."""


@dataclass(frozen=True)
class LabelledText:
    line: int
    language: str
    identifies: bool
    kinds: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Outcome:
    item: LabelledText
    findings: tuple[Finding, ...]

    @property
    def flagged(self) -> bool:
        return bool(self.findings)

    @property
    def found_kinds(self) -> set[str]:
        return {f.kind for f in self.findings}


@dataclass
class Tally:
    identifying: int = 0
    caught: int = 0
    clean: int = 0
    flagged: int = 0

    @property
    def recall(self) -> float | None:
        return self.caught / self.identifying if self.identifying else None

    @property
    def false_positive_rate(self) -> float | None:
        return self.flagged / self.clean if self.clean else None

    def add(self, outcome: Outcome) -> None:
        if outcome.item.identifies:
            self.identifying += 1
            self.caught += outcome.flagged
        else:
            self.clean += 1
            self.flagged += outcome.flagged


@dataclass
class Evaluation:
    outcomes: list[Outcome] = field(default_factory=list)
    overall: Tally = field(default_factory=Tally)
    by_language: dict[str, Tally] = field(default_factory=dict)
    # Per kind: `identifying` texts listing the kind, `caught` those with a finding of that kind.
    by_kind: dict[str, Tally] = field(default_factory=dict)

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.item.identifies and not o.flagged]

    @property
    def false_alarms(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.item.identifies and o.flagged]

    @property
    def kind_misses(self) -> list[Outcome]:
        """Identifying texts caught, but without a finding of every kind they list."""
        return [
            o for o in self.outcomes if o.item.identifies and o.flagged and set(o.item.kinds) - o.found_kinds
        ]

    @property
    def meets_targets(self) -> bool:
        recall = self.overall.recall
        fpr = self.overall.false_positive_rate
        return (recall is None or recall >= TARGET_RECALL) and (
            fpr is None or fpr <= TARGET_FALSE_POSITIVE_RATE
        )


def parse_corpus(lines: Iterable[str]) -> list[LabelledText]:
    """Read labelled texts from JSON Lines; blank lines and lines starting with # are skipped."""
    items: list[LabelledText] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusError(f"line {number}: not JSON ({error.msg})") from error
        if not isinstance(data, dict):
            raise CorpusError(f"line {number}: expected a JSON object")
        language, identifies, kinds, text = (data.get(k) for k in ("language", "identifies", "kinds", "text"))
        if not isinstance(language, str) or not language:
            raise CorpusError(f"line {number}: 'language' must be a language code")
        if not isinstance(identifies, bool):
            raise CorpusError(f"line {number}: 'identifies' must be true or false")
        if not isinstance(text, str) or not text.strip():
            raise CorpusError(f"line {number}: 'text' must be a non-empty string")
        if kinds is None:
            kinds = []
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise CorpusError(f"line {number}: 'kinds' must be a list of strings")
        unknown = sorted(set(kinds) - KINDS)
        if unknown:
            raise CorpusError(f"line {number}: unknown kinds {', '.join(unknown)}")
        if identifies and not kinds:
            raise CorpusError(f"line {number}: an identifying text must list its kinds")
        if not identifies and kinds:
            raise CorpusError(f"line {number}: a text that does not identify a child lists no kinds")
        items.append(LabelledText(number, language, identifies, tuple(kinds), text))
    return items


def load_corpus(path: str | Path) -> list[LabelledText]:
    with open(path, encoding="utf-8") as handle:
        return parse_corpus(handle)


def evaluate(corpus: Sequence[LabelledText], check: Checker | None = None) -> Evaluation:
    """Run the guard (or `check`, called as check(text, language=...)) on every labelled text."""
    if check is None:
        from . import guard

        check = guard.check_text
    result = Evaluation()
    for item in corpus:
        outcome = Outcome(item, tuple(check(item.text, language=item.language)))
        result.outcomes.append(outcome)
        result.overall.add(outcome)
        result.by_language.setdefault(item.language, Tally()).add(outcome)
        for kind in item.kinds:
            tally = result.by_kind.setdefault(kind, Tally())
            tally.identifying += 1
            tally.caught += kind in outcome.found_kinds
    return result


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def _row(label: str, tally: Tally) -> str:
    return (
        f"{label:<10} {tally.identifying:>5} {tally.caught:>6} {_percent(tally.recall):>8}   "
        f"{tally.clean:>5} {tally.flagged:>7} {_percent(tally.false_positive_rate):>8}"
    )


def _excerpt(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def format_report(
    evaluation: Evaluation, *, verbose: bool = False, language_order: Sequence[str] = ()
) -> str:
    """A plain-text report: per-language and overall figures, and with `verbose` every error."""
    order = [code for code in language_order if code in evaluation.by_language]
    order += sorted(code for code in evaluation.by_language if code not in order)
    lines = [
        f"{'language':<10} {'ident':>5} {'caught':>6} {'recall':>8}   "
        f"{'clean':>5} {'flagged':>7} {'FP rate':>8}",
        *(_row(code, evaluation.by_language[code]) for code in order),
        _row("overall", evaluation.overall),
        "",
        "Per kind (texts listing the kind / those with a finding of that kind):",
        *(
            f"  {kind:<15} {tally.caught:>3} / {tally.identifying:<3} {_percent(tally.recall):>8}"
            for kind, tally in sorted(evaluation.by_kind.items())
        ),
        "",
        f"Targets: recall ≥ {TARGET_RECALL:.0%}, false-positive rate ≤ {TARGET_FALSE_POSITIVE_RATE:.0%} — "
        + ("met" if evaluation.meets_targets else "NOT met"),
    ]
    if verbose:
        lines += ["", f"Misses ({len(evaluation.misses)}):"]
        for outcome in evaluation.misses:
            item = outcome.item
            lines.append(
                f"  line {item.line} [{item.language}] {','.join(item.kinds)}: {_excerpt(item.text)}"
            )
        lines += ["", f"False alarms ({len(evaluation.false_alarms)}):"]
        for outcome in evaluation.false_alarms:
            item = outcome.item
            found = "; ".join(f"{f.kind} {f.text!r}" for f in outcome.findings)
            lines.append(f"  line {item.line} [{item.language}] {found}: {_excerpt(item.text)}")
        lines += ["", f"Caught, but a listed kind not found ({len(evaluation.kind_misses)}):"]
        for outcome in evaluation.kind_misses:
            item = outcome.item
            missing = ",".join(k for k in item.kinds if k not in outcome.found_kinds)
            lines.append(f"  line {item.line} [{item.language}] missing {missing}: {_excerpt(item.text)}")
    return "\n".join(lines)
