"""Bulk benchmark members, fast: ``python bench/seed.py --scale 1``.

Run by bench/run.py after ``manage.py migrate`` and ``manage.py seed_demo``, with the same
environment as the server (DATABASE_URL, REDIS_URL, ...). It adds 3,500 × scale members with
profiles across the region and beyond (professions, languages spoken, topics, experts, verified
professionals, mixed visibility), one signed-in bench member with a session, and prints one JSON
object on stdout: the bench member's session cookie, the profile to load, and counts.

Everything goes through the project's models with bulk_create in batches; every member gets the
same precomputed password hash (hashing per member would take minutes with Argon2).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from importlib import import_module  # noqa: E402

from allauth.account.models import EmailAddress  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from childhub.accounts.actions import record_consent  # noqa: E402
from childhub.accounts.models import Organisation, Profile, User, Visibility  # noqa: E402
from childhub.core.models import Language, Topic  # noqa: E402

MEMBERS_PER_SCALE = 3500
BATCH = 2000
EMAIL_DOMAIN = "bench.childhub.example"
BENCH_EMAIL = "bench.member@childhub.example"
BENCH_PASSWORD = "bench-member-password-2026"

# country → (weight, first names, last names, languages spoken (first is the usual one), UI language)
PEOPLE: dict[str, tuple[int, list[str], list[str], list[str], str]] = {
    "AL": (
        11,
        ["Elira", "Arben", "Drita", "Besnik", "Mirela", "Ermal", "Blerta", "Gentian", "Anila", "Klodian"],
        ["Hoxha", "Krasniqi", "Shehu", "Leka", "Çela", "Dervishi", "Kola", "Marku", "Basha", "Muça"],
        ["sq", "en", "it"],
        "sq",
    ),
    "XK": (
        7,
        ["Albina", "Valon", "Fjolla", "Driton", "Arta", "Besa", "Labinot", "Vjosa", "Fatos", "Donika"],
        ["Berisha", "Gashi", "Morina", "Rexhepi", "Hajdari", "Bytyqi", "Kastrati", "Zeqiri"],
        ["sq", "en", "sr-latn", "de"],
        "sq",
    ),
    "BA": (
        10,
        ["Amra", "Emir", "Lejla", "Nermin", "Selma", "Jasmina", "Adnan", "Amela", "Haris", "Mirza"],
        ["Hodžić", "Kovačević", "Begić", "Delić", "Mujić", "Softić", "Hadžić", "Omerović", "Ibrahimović"],
        ["bs", "hr", "sr-latn", "en"],
        "bs",
    ),
    "BG": (
        10,
        ["Мария", "Георги", "Десислава", "Николай", "Елена", "Иван", "Петя", "Димитър", "Радостина"],
        ["Иванова", "Петров", "Димитрова", "Стоянов", "Георгиева", "Николова", "Христов", "Тодорова"],
        ["bg", "en", "ru"],
        "bg",
    ),
    "HR": (
        9,
        ["Ivana", "Marko", "Petra", "Tomislav", "Ana", "Luka", "Maja", "Josip", "Martina", "Ivan"],
        ["Horvat", "Babić", "Novak", "Jurić", "Knežević", "Kovačić", "Marić", "Vuković", "Pavlović"],
        ["hr", "en", "de"],
        "hr",
    ),
    "MD": (
        8,
        ["Ana", "Ion", "Natalia", "Victor", "Elena", "Sergiu", "Tatiana", "Vasile", "Olga"],
        ["Rusu", "Ceban", "Lungu", "Popa", "Cojocaru", "Ciobanu", "Munteanu", "Sârbu"],
        ["ro", "ru", "en"],
        "ro",
    ),
    "ME": (
        4,
        ["Milica", "Nikola", "Jelena", "Marko", "Tijana", "Vladimir", "Ivana"],
        ["Vuković", "Radović", "Popović", "Đukanović", "Kaluđerović", "Šćepanović"],
        ["sr-latn", "me", "en"],
        "sr-latn",
    ),
    "MK": (
        7,
        ["Марија", "Александар", "Ивана", "Горан", "Елена", "Стефан", "Билјана", "Дејан"],
        ["Стојанова", "Николовски", "Трајковска", "Петровски", "Јованова", "Димитриевски"],
        ["mk", "en", "sq"],
        "mk",
    ),
    "RO": (
        12,
        ["Andreea", "Mihai", "Ioana", "Radu", "Elena", "Alexandru", "Cristina", "Bogdan", "Roxana"],
        ["Popescu", "Ionescu", "Constantin", "Stan", "Dumitru", "Gheorghe", "Stoica", "Matei", "Florea"],
        ["ro", "en", "hu", "fr"],
        "ro",
    ),
    "RS": (
        12,
        ["Јелена", "Милош", "Ana", "Stefan", "Драгана", "Marija", "Никола", "Milica", "Немања"],
        ["Петровић", "Јовановић", "Marković", "Nikolić", "Илић", "Đorđević", "Stojanović", "Павловић"],
        ["sr", "sr-latn", "en", "hu"],
        "sr",
    ),
    "HU": (
        3,
        ["Katalin", "Péter", "Zsófia", "Gábor", "Eszter", "László"],
        ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga"],
        ["hu", "en", "de"],
        "hu",
    ),
    "UA": (
        2,
        ["Олена", "Андрій", "Наталія", "Олег", "Ірина"],
        ["Коваленко", "Шевченко", "Бондаренко", "Ткаченко"],
        ["uk", "ru", "en"],
        "uk",
    ),
    "GR": (
        1,
        ["Μαρία", "Γιώργος", "Ελένη", "Νίκος"],
        ["Παπαδοπούλου", "Νικολάου", "Γεωργίου", "Οικονόμου"],
        ["el", "en"],
        "el",
    ),
    "SI": (1, ["Nina", "Matej", "Tjaša"], ["Novak", "Horvat", "Kranjc"], ["en", "hr"], "en"),
    "AT": (1, ["Lena", "Thomas", "Sabine"], ["Gruber", "Huber", "Wagner"], ["de", "en"], "en"),
    "DE": (1, ["Anna", "Jonas", "Katrin"], ["Müller", "Schmidt", "Weber"], ["de", "en"], "en"),
    "CH": (1, ["Laura", "Reto", "Corinne"], ["Meier", "Keller", "Frei"], ["de", "fr", "en"], "en"),
    "IT": (1, ["Giulia", "Marco", "Chiara"], ["Rossi", "Bianchi", "Ricci"], ["it", "en"], "en"),
    "TR": (1, ["Ayşe", "Mehmet", "Elif"], ["Yılmaz", "Kaya", "Demir"], ["tr", "en"], "en"),
    "GB": (1, ["Fiona", "James", "Sarah"], ["MacLeod", "Smith", "Campbell"], ["en"], "en"),
    "FR": (1, ["Claire", "Julien"], ["Martin", "Bernard"], ["fr", "en"], "en"),
    "NL": (1, ["Sanne", "Daan"], ["de Vries", "Jansen"], ["en"], "en"),
    "US": (1, ["Emily", "Michael"], ["Johnson", "Brown"], ["en"], "en"),
}

PROFESSIONS = [
    ("social-worker", 30),
    ("psychologist", 14),
    ("education", 12),
    ("ngo", 12),
    ("police", 6),
    ("judiciary", 5),
    ("health", 7),
    ("public-administration", 7),
    ("student", 4),
    ("other", 3),
]
JOB_TITLES = [
    "Case manager",
    "Head of unit",
    "Counsellor",
    "Researcher",
    "Trainer",
    "Social worker",
    "School psychologist",
    "Programme officer",
    "Juvenile judge",
    "Child protection officer",
    "Project coordinator",
    "Family support worker",
    "Paediatric nurse",
    "Inspector",
    "",
]
BIOS = [
    "I work with families at risk and coordinate case conferences with schools, health services "
    "and the police. I am interested in supervision for front-line workers.",
    "Psychologist in a day centre for children with disabilities. I train colleagues on "
    "child participation and on talking with children about difficult experiences.",
    "Since 2015 I have worked on alternative care reform: closing institutions, developing foster "
    "care and supporting young people leaving care.",
    "Police inspector in the juvenile unit. I look for practical guidance on child-friendly "
    "interviews and on multidisciplinary work in cases of abuse.",
    "I teach at a primary school and coordinate our school's child protection policy.",
    "NGO programme officer working on children on the move and trafficking prevention along the "
    "Balkan route.",
]


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _levels(rng: random.Random) -> dict[str, str]:
    """Visibility of each profile part: mostly members, some public, a few private."""
    name = _weighted(rng, [(Visibility.MEMBERS, 70), (Visibility.PUBLIC, 25), (Visibility.PRIVATE, 5)])
    levels = {"name_visibility": name}
    for part in Profile.VISIBLE_FIELDS:
        if part == "name":
            continue
        if name == Visibility.PUBLIC:
            level = _weighted(
                rng, [(Visibility.PUBLIC, 60), (Visibility.MEMBERS, 32), (Visibility.PRIVATE, 8)]
            )
        elif name == Visibility.MEMBERS:
            level = _weighted(rng, [(Visibility.MEMBERS, 88), (Visibility.PRIVATE, 12)])
        else:
            level = Visibility.PRIVATE
        levels[f"{part}_visibility"] = level
    return levels


def _batched(rows: list, size: int = BATCH):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


@transaction.atomic
def seed_members(scale: float, rng: random.Random) -> dict[str, int]:
    count = max(1, round(MEMBERS_PER_SCALE * scale))
    existing = User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).count()
    if existing:
        return {"members": existing, "skipped": 1}

    languages = {lang.code: lang for lang in Language.objects.all()}
    topics = list(Topic.objects.all())
    countries = list(PEOPLE)
    weights = [PEOPLE[c][0] for c in countries]
    now = timezone.now()

    # Member organisations: a few per region country (more at larger scales), plus the partners.
    organisations: dict[str, list[Organisation]] = {}
    per_country = max(3, round(4 * scale))
    org_kinds = [
        "Centre for Social Work",
        "Children's Rights Association",
        "Family Support Service",
        "Institute of Psychology",
    ]
    new_orgs = []
    for country in countries[:13]:  # the region, Hungary, Ukraine, Greece
        for i in range(per_country):
            kind = rng.choice(org_kinds)
            new_orgs.append(
                Organisation(
                    kind=Organisation.Kind.MEMBER,
                    name=f"{kind} {country} {i + 1}",
                    slug=f"bench-{country.lower()}-{i + 1}",
                    country=country,
                    description=f"A {kind.lower()} working with children and families.",
                )
            )
    Organisation.objects.bulk_create(new_orgs, batch_size=BATCH)
    for org in Organisation.objects.exclude(kind=Organisation.Kind.FUNDER):
        organisations.setdefault(org.country, []).append(org)

    password = make_password(BENCH_PASSWORD)  # one hash for every bench member
    users, plans = [], []
    for n in range(count):
        country = rng.choices(countries, weights=weights)[0]
        _w, firsts, lasts, spoken, ui = PEOPLE[country]
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        joined = now - timedelta(days=rng.randint(0, 9 * 365), seconds=rng.randint(0, 86400))
        active = rng.random() > 0.01
        users.append(
            User(
                email=f"m{n:06d}@{EMAIL_DOMAIN}",
                display_name=name,
                language=ui if rng.random() < 0.8 else "en",
                password=password,
                is_active=active,
                date_joined=joined,
                last_login=joined + timedelta(days=rng.randint(0, 300)) if rng.random() < 0.7 else None,
            )
        )
        plans.append((country, spoken))
    User.objects.bulk_create(users, batch_size=BATCH)
    ids = dict(User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).values_list("email", "pk"))

    profiles, spoken_rows, topic_rows, expert_topic_rows, expert_lang_rows, emails = [], [], [], [], [], []
    Spoken = Profile.languages.through
    Interest = Profile.topics.through
    ExpertTopic = Profile.expert_topics.through
    ExpertLanguage = Profile.expert_languages.through
    for user, (country, spoken) in zip(users, plans, strict=True):
        pk = ids[user.email]
        expert = rng.random() < 0.04
        verified = expert or rng.random() < 0.22
        has_org = organisations.get(country) and rng.random() < 0.55
        profiles.append(
            Profile(
                user_id=pk,
                profession=_weighted(rng, PROFESSIONS),
                job_title=rng.choice(JOB_TITLES),
                organisation=rng.choice(organisations[country]) if has_org else None,
                country=country if rng.random() < 0.97 else "",
                bio=rng.choice(BIOS) if rng.random() < 0.6 else "",
                verified_at=user.date_joined + timedelta(days=rng.randint(1, 200)) if verified else None,
                is_expert=expert,
                **_levels(rng),
            )
        )
        langs = [spoken[0], *rng.sample(spoken[1:], k=rng.randint(0, len(spoken) - 1))]
        for code in dict.fromkeys(langs):
            spoken_rows.append(Spoken(profile_id=pk, language_id=languages[code].pk))
        chosen_topics = rng.sample(topics, k=rng.randint(1, 5))
        for topic in chosen_topics:
            topic_rows.append(Interest(profile_id=pk, topic_id=topic.pk))
        if expert:
            for topic in chosen_topics[:3]:
                expert_topic_rows.append(ExpertTopic(profile_id=pk, topic_id=topic.pk))
            for code in dict.fromkeys(langs[:2]):
                expert_lang_rows.append(ExpertLanguage(profile_id=pk, language_id=languages[code].pk))
        emails.append(EmailAddress(user_id=pk, email=user.email, verified=True, primary=True))

    Profile.objects.bulk_create(profiles, batch_size=BATCH)
    for model, rows in (
        (Spoken, spoken_rows),
        (Interest, topic_rows),
        (ExpertTopic, expert_topic_rows),
        (ExpertLanguage, expert_lang_rows),
        (EmailAddress, emails),
    ):
        for batch in _batched(rows):
            model.objects.bulk_create(batch)
    return {
        "members": count,
        "organisations": len(new_orgs),
        "languages_spoken": len(spoken_rows),
        "topics_of_interest": len(topic_rows),
        "experts": sum(p.is_expert for p in profiles),
        "verified": sum(p.verified_at is not None for p in profiles),
        "public_names": sum(p.name_visibility == Visibility.PUBLIC for p in profiles),
    }


def bench_member() -> User:
    """The member the load signs in as: English interface, a profile, current policies accepted."""
    user = User.objects.filter(email=BENCH_EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            BENCH_EMAIL, BENCH_PASSWORD, display_name="Bench Member", language="en"
        )
        EmailAddress.objects.get_or_create(
            user=user, email=BENCH_EMAIL, defaults={"verified": True, "primary": True}
        )
    Profile.objects.get_or_create(
        user=user, defaults={"country": "RS", "profession": "social-worker", "job_title": "Case manager"}
    )
    record_consent(member=user)
    return user


def session_for(user: User) -> str:
    """A signed-in session, as django.contrib.auth.login() would store it (no login POST needed)."""
    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.set_expiry(60 * 60 * 24)
    store.create()
    return str(store.session_key)


def target_profile(rng: random.Random) -> int:
    """A typical profile a member opens: name visible to members, with a country, languages and topics."""
    candidates = list(
        Profile.objects.filter(
            user__email__endswith="@" + EMAIL_DOMAIN,
            user__is_active=True,
            name_visibility=Visibility.MEMBERS,
            country_visibility=Visibility.MEMBERS,
            languages_visibility=Visibility.MEMBERS,
            topics_visibility=Visibility.MEMBERS,
            is_expert=False,
        )
        .exclude(bio="")
        .exclude(organisation=None)
        .order_by("pk")
        .values_list("pk", flat=True)[:200]
    )
    if not candidates:
        candidates = list(
            Profile.objects.filter(name_visibility=Visibility.PUBLIC).values_list("pk", flat=True)[:1]
        )
    return int(rng.choice(candidates))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    rng = random.Random(2026)
    started = time.monotonic()
    counts = seed_members(args.scale, rng)
    user = bench_member()
    result = {
        "counts": counts,
        "seconds": round(time.monotonic() - started, 2),
        "bench_member_pk": user.pk,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session_key": session_for(user),
        "profile_pk": target_profile(rng),
        "total_profiles": Profile.objects.count(),
        "public_listed": Profile.objects.listable_for({Visibility.PUBLIC}).count(),
        "member_listed": Profile.objects.listable_for({Visibility.PUBLIC, Visibility.MEMBERS}).count(),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
