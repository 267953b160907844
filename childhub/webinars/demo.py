"""Demo webinars: the seed's two upcoming webinars and about forty past ones in five languages, with
about seventy presenters (demo members and guests), registrations, about a thousand attendances and
the survey answers, of which about 91 % found the webinar useful (the seed's figure). Safe to run
again: rows are found by title, and past webinars that have registrations are left as they are."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from childhub.accounts.models import Organisation
from childhub.core.models import Topic

from . import actions
from .models import FeedbackReceipt, FeedbackResponse, Material, Presence, Presenter, Registration, Webinar

# The answers to "Was this webinar useful for your work?", weighted so that about 91 % say 4 or 5.
USEFUL_WEIGHTS = {5: 57, 4: 34, 3: 6, 2: 2, 1: 1}
RESPONSE_RATE = 0.8
ATTENDANCE_RATE = 0.8
# Demo accounts people sign in with: their attendance goes through the action, so they get certificates.
SIGN_IN_ACCOUNTS = ("member@childhub.example", "verified@childhub.example", "expert@childhub.example")

# More guest presenters, so that the past webinars have about seventy between them.
GUEST_NAMES = {
    "en": (["Sarah", "James", "Emma", "David", "Laura", "Michael"], ["Clarke", "Evans", "Murray", "Shaw"]),
    "bg": (
        ["Елена", "Георги", "Десислава", "Николай", "Милена", "Стоян"],
        ["Петрова", "Колев", "Стоянова", "Атанасов"],
    ),
    "sq": (
        ["Blerina", "Arben", "Entela", "Gentian", "Mirela", "Ilir"],
        ["Hoxha", "Shehu", "Krasniqi", "Gashi"],
    ),
    "sr": (
        ["Јелена", "Марко", "Ивана", "Никола", "Снежана", "Душан"],
        ["Јовановић", "Петровић", "Илић", "Ђорђевић"],
    ),
    "ro": (
        ["Elena", "Andrei", "Cristina", "Mihai", "Raluca", "Bogdan"],
        ["Ionescu", "Popa", "Stan", "Dumitru"],
    ),
}

BUDAPEST = ZoneInfo("Europe/Budapest")

# (title, language of the text, language given in, hour in Budapest, description, presenter names, topics)
UPCOMING: list[tuple[str, str, str, int, str, list[str], list[str]]] = [
    (
        "Understanding the relationship between children's rights and the environment",
        "en",
        "en",
        15,
        "Climate change, pollution and the loss of nature affect children first and longest. This webinar "
        "looks at the UN Committee on the Rights of the Child's General Comment No. 26 and at what child "
        "protection professionals can do: listening to children, speaking up for them, and working with "
        "schools and municipalities.",
        ["Dr Lena Hoffmann", "Мария Иванова"],
        ["children-and-environment", "child-participation"],
    ),
    (
        "Can we talk about sexual abuse of children in a common language?",
        "en",
        "bg",
        11,
        "Professionals of different services often use different words for the same thing, and children "
        "use words of their own. In Bulgarian: how to agree on a shared vocabulary across social work, "
        "police, health and schools, and how to talk with children so they are understood.",
        ["Мария Иванова", "Ana Marković"],
        ["sexual-abuse", "multidisciplinary-work"],
    ),
]

GUEST_PRESENTERS = {
    "Dr Lena Hoffmann": "Researcher on children's rights and climate policy; former adviser to a UN agency.",
    "Prof. Ivan Dimitrov": "Child psychiatrist; trains teams who interview children in criminal proceedings.",
    "Arta Dervishi": "Trainer in child participation with twenty years of work in schools in Albania and Kosovo.",
    "Ioana Marinescu": "Social worker and supervisor of foster care services in Romania.",
    "Dragan Milić": "Lawyer specialised in juvenile justice, Belgrade.",
}

# Past webinars: (language, title) in five languages.
PAST_TITLES: dict[str, list[str]] = {
    "en": [
        "Supporting children who have experienced violence at home",
        "Child-friendly justice: interviewing children in criminal proceedings",
        "Online safety: what children tell us about their lives on the internet",
        "Burnout prevention for child protection professionals",
        "Children on the move: protection along the Balkan route",
        "Participation of children in decisions about their care",
        "Working together: multidisciplinary teams in child protection",
        "Family support services that keep children at home",
    ],
    "bg": [
        "Как да говорим с деца, преживели насилие",
        "Приемната грижа в България: какво научихме",
        "Деца в конфликт със закона: алтернативи на задържането",
        "Подкрепа за родителите на деца с увреждания",
        "Супервизия за социални работници",
        "Ранна интервенция и детско развитие",
        "Безопасност онлайн за тийнейджъри",
        "Деинституционализация: следващите стъпки",
    ],
    "sq": [
        "Pjesëmarrja e fëmijëve në vendimmarrje",
        "Mbrojtja e fëmijëve në lëvizje",
        "Puna me familjet në rrezik",
        "Siguria e fëmijëve në internet",
        "Drejtësia miqësore për fëmijët",
        "Parandalimi i dhunës në shkolla",
        "Kujdesi alternativ në Shqipëri dhe Kosovë",
        "Shëndeti mendor i adoleshentëve",
    ],
    "sr": [
        "Хранитељство: подршка хранитељским породицама",
        "Деца у покрету: заштита на балканској рути",
        "Вршњачко насиље у школама",
        "Мултисекторска сарадња у заштити деце",
        "Рад са децом у сукобу са законом",
        "Заштита деце од насиља на интернету",
        "Сагоревање на послу код социјалних радника",
        "Учешће деце у одлукама о збрињавању",
    ],
    "ro": [
        "Prevenirea separării copilului de familie",
        "Asistența maternală: lecții învățate",
        "Siguranța copiilor în mediul online",
        "Justiția prietenoasă copiilor",
        "Sprijin pentru copiii ai căror părinți lucrează în străinătate",
        "Echipe multidisciplinare în protecția copilului",
        "Sănătatea mintală a adolescenților",
        "Participarea copiilor la deciziile care îi privesc",
    ],
}
PAST_DESCRIPTION = {
    "en": "A recorded session of the hub with practitioners of the region: practice, questions and answers.",
    "bg": "Уебинар на мрежата с практици от региона: опит, въпроси и отговори.",
    "sq": "Një webinar i rrjetit me praktikues nga rajoni: përvoja, pyetje dhe përgjigje.",
    "sr": "Вебинар мреже са практичарима из региона: искуства, питања и одговори.",
    "ro": "Un webinar al rețelei cu practicieni din regiune: experiențe, întrebări și răspunsuri.",
}
ORGANISER_BY_LANGUAGE = {
    "en": "tdh-regional-office",
    "bg": "know-how-centre",
    "sq": "tdh-albania",
    "sr": "center-for-youth-integration",
    "ro": "tdh-romania",
}


def next_26_october(now: datetime) -> datetime:
    """The coming 26 October (next year's once this year's has passed)."""
    year = now.year if (now.month, now.day) < (10, 26) else now.year + 1
    return datetime(year, 10, 26, tzinfo=BUDAPEST)


def seed(out: Any, *, scale: float = 1.0) -> None:
    rng = random.Random(2027)
    organisations = {o.slug: o for o in Organisation.objects.all()}
    if not organisations:
        out.write("webinars: skipped (no organisations; seed accounts first)")
        return
    fallback = next(iter(organisations.values()))
    users = get_user_model().objects
    people = list(users.filter(email__endswith="@childhub.example", is_active=True).order_by("email"))
    by_name = {u.display_name: u for u in people}
    topics = {t.slug: t for t in Topic.objects.all()}

    with transaction.atomic():
        presenters = _presenters(by_name)
        pool = list(presenters.values()) + _guest_presenters()
        day = next_26_october(timezone.now())
        for title, language, given_in, hour, description, names, slugs in UPCOMING:
            start = day.replace(hour=hour).astimezone(UTC)
            webinar = _webinar(
                title=title,
                language=language,
                delivered_in=given_in,
                description=description,
                starts_at=start,
                organiser=organisations.get(ORGANISER_BY_LANGUAGE[given_in], fallback),
                capacity=100,
            )
            webinar.presenters.set([presenters[n] for n in names if n in presenters])
            webinar.topics.set([topics[s] for s in slugs if s in topics])
            for member in rng.sample(people, min(len(people), 12)):
                if not webinar.registrations.filter(member=member).exists():
                    actions.register(webinar=webinar, member=member)

        count = max(1, round(40 * scale))
        past = [(lang, t) for lang, titles in PAST_TITLES.items() for t in titles]
        now = timezone.now()
        for n in range(count):
            language, title = past[n % len(past)]
            if n >= len(past):
                title = f"{title} ({n // len(past) + 1})"
            start = (now - timedelta(days=21 * (n + 1))).astimezone(BUDAPEST)
            start = start.replace(hour=rng.choice([10, 11, 14, 15]), minute=0, second=0, microsecond=0)
            webinar = _webinar(
                title=title,
                language=language,
                delivered_in=language,
                description=PAST_DESCRIPTION[language],
                starts_at=start.astimezone(UTC),
                organiser=organisations.get(ORGANISER_BY_LANGUAGE[language], fallback),
                capacity=60,
            )
            if not webinar.presenters.exists():
                webinar.presenters.set([pool[(2 * n) % len(pool)], pool[(2 * n + 1) % len(pool)]])
                webinar.topics.set(rng.sample(list(topics.values()), min(2, len(topics))))
            if not webinar.registrations.exists() and people:
                registrations = Registration.objects.bulk_create(
                    Registration(
                        webinar=webinar,
                        member=member,
                        status=Registration.Status.CONFIRMED,
                        created_at=webinar.starts_at - timedelta(days=7),
                        confirmed_at=webinar.starts_at - timedelta(days=7),
                    )
                    for member in rng.sample(people, min(len(people), rng.randint(26, 36)))
                )
                _attendance_and_feedback(webinar, registrations, rng)
                if n % 4 == 0:
                    _recording(webinar)
    attended = Registration.objects.filter(attended=True).count()
    out.write(
        f"webinars: {Webinar.objects.count()} webinars, {Presenter.objects.count()} presenters, "
        f"{attended} attendances, {FeedbackResponse.objects.count()} survey answers"
    )


def _guest_presenters() -> list[Presenter]:
    made = []
    for first, last in GUEST_NAMES.values():
        for index, given in enumerate(first):
            for family in (last[index % len(last)], last[(index + 1) % len(last)]):
                name = f"{given} {family}"
                presenter, _ = Presenter.objects.get_or_create(name=name, member=None)
                made.append(presenter)
    return made


def _attendance_and_feedback(webinar: Webinar, registrations: list[Registration], rng: random.Random) -> None:
    """Who came (most stayed, some left early), and what those who answered the survey said."""
    came: list[Registration] = []
    presence: list[Presence] = []
    for registration in registrations:
        if rng.random() >= ATTENDANCE_RATE:
            continue
        stayed = webinar.duration_minutes if rng.random() < 0.9 else rng.randint(20, 60)
        joined = webinar.starts_at + timedelta(minutes=rng.randint(0, 4))
        left = min(joined + timedelta(minutes=stayed), webinar.ends_at)
        registration.present_minutes = int((left - joined).total_seconds() // 60)
        registration.attended = registration.present_minutes * 100 >= 75 * webinar.duration_minutes
        registration.survey_sent_at = webinar.ends_at + timedelta(minutes=10)
        presence.append(Presence(registration=registration, joined_at=joined, left_at=left, source="room"))
        came.append(registration)
    Presence.objects.bulk_create(presence)
    Registration.objects.bulk_update(came, ["present_minutes", "attended", "survey_sent_at"])
    scores, weights = list(USEFUL_WEIGHTS), list(USEFUL_WEIGHTS.values())
    responses, receipts = [], []
    for registration in came:
        if not registration.attended or rng.random() >= RESPONSE_RATE:
            continue
        receipts.append(FeedbackReceipt(registration=registration, webinar=webinar))
        anonymous = rng.random() < 0.5
        responses.append(
            FeedbackResponse(
                webinar=webinar,
                useful=rng.choices(scores, weights)[0],
                member=None if anonymous else registration.member,
                submitted_on=webinar.local_start.date(),
            )
        )
    FeedbackReceipt.objects.bulk_create(receipts)
    FeedbackResponse.objects.bulk_create(responses)
    for registration in came:
        if registration.attended and registration.member and registration.member.email in SIGN_IN_ACCOUNTS:
            registration.attended = False  # decided again by the action, which issues the certificate
            registration.webinar = webinar
            actions.record_presence(registration=registration, stretches=[], source="room")


def _recording(webinar: Webinar) -> None:
    staff = get_user_model().objects.filter(email="staff@childhub.example").first()
    if staff is None or Material.objects.filter(webinar=webinar).exists():
        return
    actions.add_material(
        webinar=webinar,
        kind=Material.Kind.RECORDING,
        added_by=staff,
        url=f"https://video.childhub.example/webinars/{webinar.pk}",
    )


def _presenters(by_name: dict[str, Any]) -> dict[str, Presenter]:
    found: dict[str, Presenter] = {}
    for name in ("Мария Иванова", "Ana Marković", "Amra Hodžić", "Ivana Horvat", "Andreea Popescu"):
        member = by_name.get(name)
        if member is None:
            continue
        presenter, _ = Presenter.objects.get_or_create(
            member=member, defaults={"name": name, "bio": getattr(member.profile, "bio", "")}
        )
        found[name] = presenter
    for name, bio in GUEST_PRESENTERS.items():
        presenter, _ = Presenter.objects.get_or_create(name=name, member=None, defaults={"bio": bio})
        found[name] = presenter
    return found


def _webinar(**fields: Any) -> Webinar:
    existing = Webinar.objects.filter(title=fields["title"], language=fields["language"]).first()
    if existing is not None:
        return existing
    return actions.create_webinar(
        created_by=None,
        data={
            **fields,
            "duration_minutes": 90,
            "time_zone": "Europe/Budapest",
            "backend": Webinar.Backend.BIGBLUEBUTTON,
            "status": Webinar.Status.PUBLISHED,
        },
    )
