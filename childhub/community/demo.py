"""Demo content of the community: questions and answers, experience, a case discussion, helplines.

Written in several languages by the demo members, through the same actions members use.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from childhub.core.models import Topic

from . import actions
from .models import CaseSession, Contribution, Helpline, SafeguardingLead

COUNTRIES = ["AL", "BA", "BG", "HR", "XK", "MD", "ME", "MK", "RO", "RS"]

# (author e-mail, kind, language, country, title, body, topics, answers: [(author, body)])
THREADS: list[tuple[str, str, str, str, str, str, list[str], list[tuple[str, str]]]] = [
    (
        "verified@childhub.example",
        "question",
        "bs",
        "BA",
        "Kako pripremiti dijete za razgovor u policiji?",
        "Radimo sa djevojčicom od 12 godina koja treba dati izjavu. Šta vam je pomoglo da se dijete osjeća "
        "sigurno? Imate li listu koraka koju koristite s policijom?",
        ["juvenile-justice", "sexual-abuse"],
        [
            (
                "expert@childhub.example",
                "Dogovorite **jedan** razgovor u prostoriji prilagođenoj djeci, uz osobu od povjerenja. "
                "Objasnite djetetu svaki korak unaprijed i pitajte ga šta mu treba.",
            ),
            (
                "moderator@childhub.example",
                "Kod nas je pomogao zajednički protokol centra za socijalni rad i policije: ko vodi razgovor, "
                "ko je prisutan, i da se razgovor snima samo jednom.",
            ),
        ],
    ),
    (
        "expert@childhub.example",
        "question",
        "bg",
        "BG",
        "Как да подкрепим приемни родители при първото настаняване?",
        "Търсим добри практики за първите три месеца след настаняване на дете в приемно семейство.",
        ["alternative-care", "family-support"],
        [
            (
                "coordinator.rs@childhub.example",
                "Редовни посещения през първия месец и група за подкрепа на приемните родители.",
            )
        ],
    ),
    (
        "coordinator.rs@childhub.example",
        "question",
        "sr",
        "RS",
        "Како разговарати са децом о насиљу на интернету?",
        "Припремамо радионице за школе. Које материјале користите за децу од 10 до 14 година?",
        ["online-safety", "violence-against-children"],
        [
            (
                "verified@childhub.example",
                "Koristili smo kratke priče i igranje uloga; djeca najbolje reaguju kad sama predlože pravila.",
            )
        ],
    ),
    (
        "member@childhub.example",
        "question",
        "sq",
        "AL",
        "Si të flasim me fëmijët për dhunën në familje?",
        "Jam punonjëse sociale e re. Çfarë ju ka ndihmuar në bisedën e parë me një fëmijë?",
        ["violence-against-children"],
        [],
    ),
    (
        "verified@childhub.example",
        "question",
        "en",
        "",
        "How do you prevent burnout in a small child protection team?",
        "We are four social workers covering a large municipality. What has helped your team to keep going?",
        ["professional-wellbeing", "supervision"],
        [
            (
                "expert@childhub.example",
                "Regular group supervision, even one hour every two weeks, made the biggest difference for us.",
            )
        ],
    ),
    (
        "moderator@childhub.example",
        "post",
        "hr",
        "HR",
        "Što smo naučili iz obiteljskih konferencija",
        "U tri općine isprobali smo obiteljske grupne konferencije. Obitelji su same predložile planove, "
        "a djeca su sudjelovala u odlukama. Najvažnije je bilo dobro pripremiti sastanak.",
        ["family-support", "child-participation"],
        [("verified@childhub.example", "Hvala na ovome! Koliko dugo traje priprema?")],
    ),
    (
        "expert@childhub.example",
        "post",
        "ro",
        "MD",
        "Participarea copiilor în planificarea serviciilor",
        "Am organizat consultări cu copiii din centrele de plasament. Copiii au propus schimbări simple, "
        "dar importante, în programul zilnic.",
        ["child-participation", "alternative-care"],
        [],
    ),
]

CASE = {
    "author": "verified@childhub.example",
    "title": "A teenager returning home from kinship care",
    "body": "How would you prepare the return home, and who should lead it?",
    "fields": actions.CaseFields(
        age_band="13-15",
        gender="",
        region="a town in the north of the country",
        family_situation="Has lived with an aunt for two years while the mother worked abroad; the mother is back.",
        services_involved="Centre for social work, school psychologist.",
        what_was_done="Monthly visits, two meetings with the mother, the young person was asked what they want.",
        summary="Preparing a teenager's return home from kinship care.",
    ),
}


def seed(out: Any, *, scale: float = 1.0) -> None:
    helplines = _helplines()
    if Contribution.objects.exists():
        out.write(f"community: {Contribution.objects.count()} contributions (already there)")
        return
    people = {u.email: u for u in get_user_model().objects.filter(email__endswith="@childhub.example")}
    if "verified@childhub.example" not in people:
        out.write("community: no demo members, skipped")
        return
    topics = {t.slug: t for t in Topic.objects.all()}
    with transaction.atomic():
        for email, kind, language, country, title, body, slugs, answers in THREADS:
            root = actions.contribute(
                author=people[email],
                kind=kind,
                title=title,
                body=body,
                language=language,
                country=country,
                topics=[topics[s] for s in slugs if s in topics],
            )
            _publish(root)
            for answer_email, answer_body in answers:
                reply = actions.contribute(
                    author=people[answer_email],
                    parent=root,
                    body=answer_body,
                    language=language,
                    kind=Contribution.Kind.ANSWER if kind == "question" else Contribution.Kind.COMMENT,
                )
                _publish(reply)
        # An accepted answer, an anonymous question and a flag waiting for moderators.
        first = Contribution.objects.questions().top_level().order_by("pk").first()
        best = first.children.order_by("pk").first() if first else None
        if first is not None and best is not None:
            actions.accept_answer(question=first, answer=best)
        anonymous = actions.contribute(
            author=people["member@childhub.example"],
            kind=Contribution.Kind.QUESTION,
            language="en",
            country="AL",
            title="A colleague ignores signs of neglect: how do I raise it?",
            body="I do not want to name my service. How did you raise concerns about a colleague's work?",
            topics=[topics["supervision"]],
            is_anonymous=True,
        )
        _publish(anonymous)
        post = Contribution.objects.posts().top_level().order_by("pk").first()
        if post is not None:
            actions.flag(
                contribution=post,
                reporter=people["member@childhub.example"],
                reason="inappropriate",
                note="Please check the second paragraph.",
            )
        last = Contribution.objects.questions().top_level().order_by("-pk").first()
        if last is not None:
            actions.flag(
                contribution=last,
                reporter=people["verified@childhub.example"],
                reason="identifies-child",
                note="The service and the town together could identify the family.",
            )
        # A new member's first question waits for a moderator (pre-moderation), as in real life.
        actions.contribute(
            author=people["member@childhub.example"],
            kind=Contribution.Kind.QUESTION,
            language="sq",
            country="AL",
            title="Si të përgatis një seancë mbikëqyrjeje në grup?",
            body="Jam e re në rolin e mbikëqyrëses. Çfarë strukture përdorni për seancat në grup?",
            topics=[topics["supervision"]],
        )
        case = actions.contribute(
            author=people[CASE["author"]],
            kind=Contribution.Kind.CASE,
            title=CASE["title"],
            body=CASE["body"],
            language="en",
            country="BA",
            case=CASE["fields"],
        )
        _publish(case)
        coordinator = people.get("coordinator.rs@childhub.example")
        if coordinator is not None:
            start = (timezone.now() + timedelta(days=14)).replace(hour=10, minute=0, second=0, microsecond=0)
            CaseSession.objects.create(
                title="Supporting children after domestic violence: a case discussion",
                description="Bring a de-identified case; we will discuss safety planning and the child's voice.",
                language="sr-latn",
                country="RS",
                starts_at=start,
                ends_at=start + timedelta(minutes=90),
                time_zone="Europe/Belgrade",
                facilitator=coordinator,
                created_by=coordinator,
            )
        staff = people.get("staff@childhub.example")
        if staff is not None:
            for country in COUNTRIES:
                SafeguardingLead.objects.get_or_create(country=country, member=staff)
    out.write(f"community: {Contribution.objects.count()} contributions, {helplines} helplines")


def _publish(contribution: Contribution) -> None:
    """Demo texts were checked by hand: publish them even when their author is new."""
    if contribution.status != Contribution.Status.PUBLISHED:
        Contribution.objects.filter(pk=contribution.pk).update(status=Contribution.Status.PUBLISHED)
        actions.index_contribution(contribution_id=contribution.pk)


def _helplines() -> int:
    """The European child helpline (116 111) and emergency number (112) in each country of the hub."""
    for country in COUNTRIES:
        Helpline.objects.get_or_create(
            country=country, name="Child helpline", defaults={"number": "116 111", "order": 1}
        )
        Helpline.objects.get_or_create(
            country=country, name="Emergency services", defaults={"number": "112", "order": 2}
        )
    return Helpline.objects.count()
