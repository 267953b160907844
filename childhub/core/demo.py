"""Demo content of the core: the policy pages, in several languages."""

from __future__ import annotations

from typing import Any

from .actions import publish_policy_version
from .models import PolicyPage

POLICIES: dict[str, dict[str, tuple[str, str]]] = {
    "terms": {
        "en": (
            "Terms of use",
            "ChildHub is a professional network for people who work with and for children.\n\n"
            "By joining you agree to use the hub for professional learning and exchange, to "
            "respect colleagues, and to publish only what you have the right to share.\n\n"
            "You keep the rights to what you write; you allow the hub to show it to members "
            "and, where you choose, to the public.\n\n"
            "Accounts are personal. Staff may suspend an account that breaks these terms, the "
            "Ethical Charter or the Child Protection Policy.",
        ),
        "bg": (
            "Условия за ползване",
            "ChildHub е професионална мрежа за хора, които работят с деца и за деца.\n\n"
            "С присъединяването си се съгласявате да използвате платформата за професионално "
            "обучение и обмен, да уважавате колегите си и да публикувате само това, което имате "
            "право да споделяте.\n\n"
            "Профилите са лични. Екипът може да спре профил, който нарушава тези условия, "
            "Етичната харта или Политиката за закрила на детето.",
        ),
        "sr-latn": (
            "Uslovi korišćenja",
            "ChildHub je profesionalna mreža za ljude koji rade sa decom i za decu.\n\n"
            "Pridruživanjem pristajete da platformu koristite za profesionalno učenje i razmenu, "
            "da poštujete kolege i da objavljujete samo ono što imate pravo da podelite.\n\n"
            "Nalozi su lični. Tim može da suspenduje nalog koji krši ove uslove, Etičku povelju "
            "ili Politiku zaštite deteta.",
        ),
        "sq": (
            "Kushtet e përdorimit",
            "ChildHub është një rrjet profesional për njerëzit që punojnë me fëmijët dhe për "
            "fëmijët.\n\nDuke u bashkuar, ju pranoni ta përdorni platformën për mësim dhe "
            "shkëmbim profesional, të respektoni kolegët dhe të publikoni vetëm atë që keni të "
            "drejtë ta ndani.",
        ),
    },
    "charter": {
        "en": (
            "Ethical Charter",
            "Members of ChildHub act in the best interests of the child in everything they "
            "share.\n\nWe respect confidentiality: we never publish information that could "
            "identify a child or a family.\n\nWe respect each other's professions, countries and "
            "languages, and we disagree with arguments, not with people.\n\nWe share knowledge "
            "freely and say where it comes from.",
        ),
        "bg": (
            "Етична харта",
            "Членовете на ChildHub действат в най-добрия интерес на детето във всичко, което "
            "споделят.\n\nПазим поверителност: никога не публикуваме информация, по която може "
            "да бъде разпознато дете или семейство.",
        ),
        "sr-latn": (
            "Etička povelja",
            "Članovi ChildHub-a postupaju u najboljem interesu deteta u svemu što dele.\n\n"
            "Poštujemo poverljivost: nikada ne objavljujemo podatke po kojima se može "
            "prepoznati dete ili porodica.",
        ),
    },
    "child-protection": {
        "en": (
            "Child Protection Policy",
            "ChildHub never becomes the place where a child is identified.\n\nWhen you ask "
            "for advice about a case, describe it without names, exact dates of birth, "
            "addresses, schools, identity numbers, phone numbers or photos of the child. Use an "
            "age band and a region instead.\n\nIf you believe a child is at risk now, contact "
            "your national child helpline or the police first; then tell the hub's "
            "safeguarding lead through the 'child may be at risk now' flag.\n\nCase "
            "discussions are open only to verified professionals, and their details are "
            "redacted after the retention period.",
        ),
        "bg": (
            "Политика за закрила на детето",
            "ChildHub никога не става място, където дете може да бъде разпознато.\n\nКогато "
            "търсите съвет по случай, описвайте го без имена, точни дати на раждане, адреси, "
            "училища, ЕГН, телефонни номера или снимки на детето.\n\nАко смятате, че дете е в "
            "опасност сега, първо се свържете с националната телефонна линия за деца или с "
            "полицията.",
        ),
        "sr-latn": (
            "Politika zaštite deteta",
            "ChildHub nikada ne postaje mesto gde se dete može prepoznati.\n\nKada tražite "
            "savet o slučaju, opišite ga bez imena, tačnih datuma rođenja, adresa, škola, JMBG-a, "
            "brojeva telefona ili fotografija deteta.\n\nAko mislite da je dete sada u "
            "opasnosti, prvo se obratite nacionalnoj liniji za decu ili policiji.",
        ),
    },
}


def seed(out: Any, *, scale: float = 1.0) -> None:
    created = 0
    for kind, texts in POLICIES.items():
        if not PolicyPage.objects.filter(kind=kind).exists():
            publish_policy_version(kind=kind, texts=texts, version=1)
            created += 1
    out.write(f"core: {created} policies published")
