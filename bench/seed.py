"""Bulk benchmark members and library resources, fast: ``python bench/seed.py --scale 1``.

Run by bench/run.py after ``manage.py migrate`` and ``manage.py seed_demo``, with the same
environment as the server (DATABASE_URL, REDIS_URL, ...). It adds 3,500 × scale members with
profiles across the region and beyond (professions, languages spoken, topics, experts, verified
professionals, mixed visibility), 20,000 × scale published library resources in a dozen
languages indexed for search (through the library's bulk indexing path), one signed-in bench
member with a session and 300 signed-in searchers, and prints one JSON object on stdout: the
session cookies, the profile, resource and searches to load, and counts.

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
import uuid
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
from django.db import connection, transaction  # noqa: E402
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


# --- Library ----------------------------------------------------------------------------

RESOURCES_PER_SCALE = 20_000
SEARCHERS = 300  # members whose sessions take turns on the search pages
RARE_WORD = "ombudsperson"  # in about one resource in a thousand: the "rare word" search
# language → (weight, title patterns with {subject}, subjects by topic slug, summary sentences)
LIBRARY_TEXT: dict[str, tuple[int, list[str], dict[str, str], list[str]]] = {
    "en": (
        30,
        [
            "{subject}: a guide for professionals",
            "Working with children: {subject}",
            "{subject} in practice",
            "Toolkit on {subject}",
            "{subject}: lessons from the region",
            "Training manual: {subject}",
        ],
        {
            "violence-against-children": "violence against children",
            "sexual-abuse": "preventing sexual abuse",
            "trafficking": "child trafficking",
            "online-safety": "children's safety online",
            "juvenile-justice": "child-friendly justice",
            "alternative-care": "foster and kinship care",
            "children-on-the-move": "children on the move",
            "child-participation": "children's participation",
            "family-support": "supporting families",
            "mental-health": "children's mental health",
        },
        [
            "How professionals can recognise and respond when children are at risk.",
            "Practice examples from social work, schools, health services and the police.",
            "The guide explains the law, the referral pathways and the role of each service.",
            "It was tested with case managers and children's groups in several countries.",
            "Includes checklists, case studies and questions for supervision.",
            "Children and families were consulted on every chapter.",
        ],
    ),
    "bs": (
        8,
        [
            "{subject}: vodič za stručnjake",
            "Rad s djecom: {subject}",
            "{subject} u praksi",
            "Priručnik: {subject}",
        ],
        {
            "violence-against-children": "nasilje nad djecom",
            "sexual-abuse": "prevencija seksualnog zlostavljanja",
            "trafficking": "trgovina djecom",
            "online-safety": "sigurnost djece na internetu",
            "alternative-care": "hraniteljstvo",
            "family-support": "podrška porodicama",
            "child-participation": "učešće djece",
            "mental-health": "mentalno zdravlje djece",
        },
        [
            "Kako stručnjaci mogu prepoznati djecu u riziku i reagovati na vrijeme.",
            "Primjeri iz prakse centara za socijalni rad, škola i policije.",
            "Vodič objašnjava zakon, puteve upućivanja i ulogu svake službe.",
            "Uključuje kontrolne liste i studije slučaja za superviziju.",
        ],
    ),
    "hr": (
        6,
        ["{subject}: priručnik za stručnjake", "{subject} u praksi", "Smjernice: {subject}"],
        {
            "violence-against-children": "nasilje nad djecom",
            "online-safety": "sigurnost djece na internetu",
            "juvenile-justice": "pravosuđe prilagođeno djeci",
            "alternative-care": "udomiteljstvo",
            "family-support": "podrška obiteljima",
            "mental-health": "mentalno zdravlje djece",
        },
        [
            "Kako stručnjaci mogu prepoznati djecu u riziku i pravodobno reagirati.",
            "Primjeri dobre prakse iz škola, zdravstva i socijalne skrbi.",
            "Smjernice su izrađene u suradnji s djecom i roditeljima.",
        ],
    ),
    "sr": (
        8,
        [
            "{subject}: водич за стручњаке",
            "Рад са децом: {subject}",
            "{subject} у пракси",
            "Приручник: {subject}",
        ],
        {
            "violence-against-children": "насиље над децом",
            "sexual-abuse": "превенција сексуалног злостављања",
            "trafficking": "трговина децом",
            "online-safety": "безбедност деце на интернету",
            "juvenile-justice": "правосуђе по мери детета",
            "alternative-care": "хранитељство",
            "family-support": "подршка породицама",
            "mental-health": "ментално здравље деце",
        },
        [
            "Како стручњаци могу да препознају децу у ризику и да реагују на време.",
            "Примери из праксе центара за социјални рад, школа и полиције.",
            "Водич објашњава закон, путеве упућивања и улогу сваке службе.",
        ],
    ),
    "sr-latn": (
        4,
        ["{subject}: vodič za stručnjake", "{subject} u praksi"],
        {
            "violence-against-children": "nasilje nad decom",
            "online-safety": "bezbednost dece na internetu",
            "family-support": "podrška porodicama",
            "child-participation": "učešće dece",
        },
        [
            "Kako stručnjaci mogu da prepoznaju decu u riziku.",
            "Primeri iz prakse centara za socijalni rad i škola.",
        ],
    ),
    "sq": (
        8,
        ["{subject}: udhëzues për profesionistët", "Puna me fëmijët: {subject}", "{subject} në praktikë"],
        {
            "violence-against-children": "dhuna ndaj fëmijëve",
            "trafficking": "trafikimi i fëmijëve",
            "online-safety": "siguria e fëmijëve në internet",
            "child-participation": "pjesëmarrja e fëmijëve",
            "children-on-the-move": "fëmijët në lëvizje",
            "family-support": "mbështetja e familjeve",
        },
        [
            "Si mund të njohin profesionistët fëmijët në rrezik dhe të veprojnë në kohë.",
            "Shembuj nga puna sociale, shkollat dhe policia.",
            "Udhëzuesi shpjegon ligjin dhe rolin e çdo shërbimi.",
        ],
    ),
    "bg": (
        6,
        ["{subject}: наръчник за професионалисти", "Работа с деца: {subject}", "{subject} на практика"],
        {
            "violence-against-children": "насилие над деца",
            "online-safety": "безопасност на децата онлайн",
            "alternative-care": "приемна грижа",
            "child-participation": "участие на децата",
            "family-support": "подкрепа за семействата",
        },
        [
            "Как професионалистите да разпознават децата в риск и да реагират навреме.",
            "Примери от социалната работа, училищата и здравеопазването.",
        ],
    ),
    "mk": (
        4,
        ["{subject}: водич за професионалци", "{subject} во пракса"],
        {
            "violence-against-children": "насилство врз децата",
            "online-safety": "безбедност на децата на интернет",
            "family-support": "поддршка на семејствата",
        },
        [
            "Како професионалците да ги препознаат децата во ризик.",
            "Примери од социјалната работа и училиштата.",
        ],
    ),
    "ro": (
        8,
        ["{subject}: ghid pentru profesioniști", "Lucrul cu copiii: {subject}", "{subject} în practică"],
        {
            "violence-against-children": "violența asupra copiilor",
            "trafficking": "traficul de copii",
            "online-safety": "siguranța copiilor pe internet",
            "alternative-care": "îngrijirea alternativă",
            "child-participation": "participarea copiilor",
            "family-support": "sprijinul familiilor",
        },
        [
            "Cum pot profesioniștii să recunoască copiii aflați în pericol și să intervină la timp.",
            "Exemple din asistența socială, școli și poliție.",
            "Ghidul explică legea și rolul fiecărui serviciu.",
        ],
    ),
    "hu": (
        4,
        ["{subject}: útmutató szakembereknek", "{subject} a gyakorlatban"],
        {
            "violence-against-children": "gyermekek elleni erőszak",
            "online-safety": "gyermekek biztonsága az interneten",
            "family-support": "családok támogatása",
        },
        [
            "Hogyan ismerhetik fel a szakemberek a veszélyeztetett gyermekeket.",
            "Példák a szociális munkából és az iskolákból.",
        ],
    ),
    "el": (
        3,
        ["{subject}: οδηγός για επαγγελματίες", "{subject} στην πράξη"],
        {
            "violence-against-children": "βία κατά των παιδιών",
            "children-on-the-move": "παιδιά σε κίνηση",
            "online-safety": "ασφάλεια των παιδιών στο διαδίκτυο",
        },
        [
            "Πώς οι επαγγελματίες αναγνωρίζουν τα παιδιά σε κίνδυνο.",
            "Παραδείγματα από την κοινωνική εργασία και τα σχολεία.",
        ],
    ),
    "uk": (
        3,
        ["{subject}: посібник для фахівців", "{subject} на практиці"],
        {
            "children-on-the-move": "діти в русі",
            "mental-health": "психічне здоров'я дітей",
            "family-support": "підтримка сімей",
        },
        ["Як фахівці можуть розпізнати дітей у групі ризику.", "Приклади із соціальної роботи та шкіл."],
    ),
}
AUTHORS = [
    "M. Petrović",
    "A. Hoxha",
    "I. Popescu",
    "E. Ivanova",
    "J. Smith",
    "L. Horvat",
    "S. Begić",
    "K. Nagy",
    "D. Stojanovska",
    "R. Dumitru",
    "N. Papadopoulou",
    "O. Kovalenko",
]


def seed_resources(scale: float, rng: random.Random) -> dict[str, int]:
    """20,000 × scale published resources, indexed for search through the library's bulk path."""
    from childhub.library.actions import index_new_resources
    from childhub.library.models import Resource, ResourceAudience, ResourceCountry

    count = max(1, round(RESOURCES_PER_SCALE * scale))
    if Resource.objects.filter(authors__startswith="Bench:").exists():
        return {"resources": Resource.objects.filter(authors__startswith="Bench:").count(), "skipped": 1}
    started = time.monotonic()
    topics = {t.slug: t for t in Topic.objects.all()}
    organisations = list(Organisation.objects.values_list("pk", flat=True))
    languages = list(LIBRARY_TEXT)
    weights = [LIBRARY_TEXT[code][0] for code in languages]
    kinds = [(k, w) for k, w in zip(Resource.Kind.values, [50, 15, 5, 5, 15, 10], strict=True)]
    regions = ["AL", "BA", "BG", "HR", "XK", "MD", "ME", "MK", "RO", "RS", "GR", "HU", "UA"]
    professions = Profile.Profession.values
    now = timezone.now()
    resources: list[Resource] = []
    topic_slugs: list[list[str]] = []
    key = uuid.uuid4()
    for index in range(count):
        language = rng.choices(languages, weights)[0]
        _w, patterns, subjects, sentences = LIBRARY_TEXT[language]
        slug = rng.choice(list(subjects))
        title = rng.choice(patterns).format(subject=subjects[slug])
        title = title[:1].upper() + title[1:]
        summary = " ".join(rng.sample(sentences, k=min(len(sentences), rng.randint(2, 4))))
        if rng.random() < 0.001:
            summary += f" With a chapter on the {RARE_WORD}'s role."
        if rng.random() > 0.3:  # most are alone in their language; some are versions of one
            key = uuid.uuid4()
        published = now - timedelta(days=rng.randint(0, 3650), minutes=index)
        resources.append(
            Resource(
                translation_key=key,
                language=language,
                kind=_weighted(rng, kinds),
                title=f"{title} ({published.year})" if rng.random() < 0.3 else title,
                summary=summary,
                authors="Bench: " + ", ".join(rng.sample(AUTHORS, k=rng.randint(1, 3))),
                organisation_id=rng.choice(organisations) if organisations and rng.random() < 0.8 else None,
                year=rng.randint(2005, 2026) if rng.random() < 0.9 else None,
                licence=rng.choice(Resource.Licence.values),
                access=Resource.Access.PUBLIC if rng.random() < 0.7 else Resource.Access.MEMBERS,
                url=f"https://example.org/library/{index}" if rng.random() < 0.3 else "",
                status=Resource.Status.PUBLISHED,
                created_at=published - timedelta(days=rng.randint(0, 30)),
                published_at=published,
            )
        )
        others = [s for s in topics if s != slug]
        topic_slugs.append([slug, *rng.sample(others, k=rng.randint(0, 2))])
    with transaction.atomic():
        created: list[Resource] = []
        for batch in _batched(resources):
            created += Resource.objects.bulk_create(batch)
        if any(r.pk is None for r in created):  # not every backend returns the keys
            created = list(Resource.objects.filter(authors__startswith="Bench:").order_by("pk"))
        through = Resource.topics.through
        topic_rows = [
            through(resource_id=r.pk, topic_id=topics[s].pk)
            for r, slugs in zip(created, topic_slugs, strict=True)
            for s in slugs
            if s in topics
        ]
        country_rows = [
            ResourceCountry(resource_id=r.pk, country=c)
            for r in created
            for c in rng.sample(regions, k=rng.randint(1, 3))
        ]
        audience_rows = [
            ResourceAudience(resource_id=r.pk, profession=p)
            for r in created
            for p in rng.sample(professions, k=rng.randint(0, 2))
        ]
        for model, rows in (
            (through, topic_rows),
            (ResourceCountry, country_rows),
            (ResourceAudience, audience_rows),
        ):
            for batch in _batched(rows):
                model.objects.bulk_create(batch)
        seeded = time.monotonic()
        indexed = index_new_resources([r.pk for r in created])
    return {
        "resources": len(created),
        "resource_topics": len(topic_rows),
        "resource_countries": len(country_rows),
        "resource_audiences": len(audience_rows),
        "indexed": indexed,
        "resource_seconds": round(seeded - started, 2),
        "index_seconds": round(time.monotonic() - seeded, 2),
    }


def target_resource() -> dict[str, object]:
    """A typical public resource page, a two-facet list address, and the search words."""
    from childhub.library.models import Resource

    resource = (
        Resource.objects.filter(authors__startswith="Bench:", access=Resource.Access.PUBLIC, language="en")
        .exclude(organisation=None)
        .order_by("pk")
        .first()
    )
    return {
        "resource_pk": resource.pk if resource else None,
        "library_facets": "topic=online-safety&language=en",
        "common_word": "children",
        "rare_word": RARE_WORD,
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


def searcher_sessions(count: int = SEARCHERS) -> list[str]:
    """Signed-in sessions of ``count`` seeded members who accepted the policies in force.

    Library search is rate-limited per member (60 a minute), so the search pages are loaded
    with these sessions in turn, as many members searching at once would.
    """
    from childhub.accounts.models import Consent
    from childhub.core.queries import current_policy_versions

    members = list(
        User.objects.filter(email__endswith="@" + EMAIL_DOMAIN, is_active=True).order_by("pk")[:count]
    )
    now = timezone.now()
    Consent.objects.bulk_create(
        [
            Consent(member=member, kind=kind, version=version, accepted_at=now)
            for member in members
            for kind, version in current_policy_versions().items()
        ],
        ignore_conflicts=True,
    )
    return [session_for(member) for member in members]


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
    counts.update(seed_resources(args.scale, rng))
    user = bench_member()
    if connection.vendor == "postgresql":
        # A live database is analysed by autovacuum soon after bulk changes; without statistics
        # the planner guesses one row per table and nested-loops over every member.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    result = {
        "counts": counts,
        "seconds": round(time.monotonic() - started, 2),
        "bench_member_pk": user.pk,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session_key": session_for(user),
        "searcher_sessions": searcher_sessions(),
        "profile_pk": target_profile(rng),
        **target_resource(),
        "total_profiles": Profile.objects.count(),
        "public_listed": Profile.objects.listable_for({Visibility.PUBLIC}).count(),
        "member_listed": Profile.objects.listable_for({Visibility.PUBLIC, Visibility.MEMBERS}).count(),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
