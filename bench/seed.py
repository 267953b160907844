"""Bulk benchmark members, library resources, community posts and webinars, fast:
``python bench/seed.py --scale 1``.

Run by bench/run.py after ``manage.py migrate`` and ``manage.py seed_demo``, with the same
environment as the server (DATABASE_URL, REDIS_URL, ...). It adds 3,500 × scale members with
profiles across the region and beyond (professions, languages spoken, topics, experts, verified
professionals, mixed visibility), 20,000 × scale published library resources in a dozen
languages indexed for search (through the library's bulk indexing path), 100,000 × scale
community contributions, 100 × scale webinars (half past with attendance and feedback, half
upcoming with registrations) and two empty ones with 100 places for the registration burst,
2,000 × scale learners in the demo's three courses (made by ``manage.py seed_demo``) at every
stage, one signed-in bench member with a session, 300 signed-in searchers (200 of whom register
at once in the burst; all of them learners who post the quiz) and 1,000 posters, and prints one
JSON object on stdout: the session cookies, the pages and searches to load, and counts.

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
STAFF_EMAIL = "bench.staff@childhub.example"
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

# Optional and never shown: about three in four members give it (most of the field are women).
GENDERS = [("woman", 55), ("man", 20), ("another", 1), ("", 24)]
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
    # Gender from a sequence of its own, so that adding it kept every other pick of earlier runs.
    genders = random.Random(2029)
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
                gender=_weighted(genders, GENDERS),
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


def seed_resources(scale: float, rng: random.Random) -> dict[str, int | float]:
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


# --- Community --------------------------------------------------------------------------

CONTRIBUTIONS_PER_SCALE = 100_000
QUESTION_SHARE = 0.25  # of the contributions: ~25,000 questions at scale 1
POST_SHARE = 0.10  # ~10,000 experience posts; the rest are answers and comments on them
THREAD_ANSWERS = 50  # the question whose page is benchmarked
POSTERS = 1000  # verified members whose sessions take turns posting answers (10 posts an hour each)
ANSWER_TARGETS = 500  # published questions the posted answers are spread over
BENCH_ANSWER = (
    "In our centre we start with a short case conference with the school and the family, "
    "agree who talks with the child, and write down the next steps for everyone."
)
# language → (weight, questions, question details, answers, experience titles, experience texts)
COMMUNITY_TEXT: dict[str, tuple[int, list[str], list[str], list[str], list[str], list[str]]] = {
    "en": (
        30,
        [
            "How do you prepare a child for a court hearing?",
            "Which tools do you use to assess risk in a family?",
            "How do we talk with a teenager who refuses any help?",
            "Who should lead a case conference when several services are involved?",
            "What helps foster carers of children with disabilities?",
            "How do you report online grooming when the platform is abroad?",
        ],
        [
            "We work with a family where the services do not agree on who is responsible. "
            "What has worked for you, and which guidance do you follow?",
            "Our team is small and the waiting list grows every month. How do other centres decide "
            "what comes first without leaving children at risk?",
        ],
        [
            "We had good results with a child-friendly room and one person the child trusts who "
            "explains every step before it happens.",
            "Agree on one case manager and meet every two weeks; the family knows whom to call.",
            "Our municipality uses a short screening form; I can share the template in English.",
            "Ask the child what they want to happen and write it down in their own words.",
        ],
        ["What worked in our family conferences", "Lessons from closing a residential institution"],
        [
            "We tried family group conferences in three municipalities. Here is what we learned about "
            "preparation, the role of the coordinator and following up after the meeting.",
        ],
    ),
    "sr": (
        10,
        [
            "Како припремити дете за саслушање на суду?",
            "Који алати вам помажу у процени ризика у породици?",
            "Ко треба да води састанак када је укључено више служби?",
        ],
        ["Радимо са породицом у којој се службе не слажу ко је надлежан. Шта је вама помогло?"],
        [
            "Код нас је помогла соба прилагођена деци и једна особа од поверења.",
            "Договорите једног водитеља случаја и састанке сваке две недеље.",
        ],
        ["Шта је функционисало у нашим породичним конференцијама"],
        ["Искуство из три општине: припрема, улога координатора и праћење после састанка."],
    ),
    "sr-latn": (
        4,
        ["Kako da razgovaramo sa tinejdžerom koji odbija pomoć?"],
        ["Imamo malo osoblja, a lista čekanja raste. Kako drugi centri određuju prioritete?"],
        ["Pitajte dete šta želi i zapišite to njegovim rečima."],
        ["Iskustvo sa hraniteljskim porodicama"],
        ["Podrška hraniteljima dece sa smetnjama u razvoju: šta nam je pomoglo."],
    ),
    "bs": (
        5,
        ["Kako prijaviti online vrbovanje kada je platforma u inostranstvu?"],
        ["Policija kaže da ne može ništa dok platforma ne odgovori. Šta ste vi uradili?"],
        ["Kontaktirajte nacionalnu kontakt tačku; oni imaju direktne kanale sa platformama."],
        ["Naša iskustva sa dnevnim centrom"],
        ["Dnevni centar za djecu sa poteškoćama: šta smo naučili u prve dvije godine."],
    ),
    "hr": (
        6,
        ["Koji su vaši postupci kod sumnje na zanemarivanje?", "Kako uključiti djecu u planiranje?"],
        ["U školi imamo sve više slučajeva i trebamo jasniji postupak. Koje smjernice koristite?"],
        ["Imamo kratki protokol od jedne stranice i tim koji se sastaje tjedno."],
        ["Iskustvo s uključivanjem djece u planiranje skrbi"],
        ["Djeca su sudjelovala u izradi plana i to je promijenilo odnos prema stručnjacima."],
    ),
    "sq": (
        9,
        [
            "Si ta përgatisim fëmijën për seancën në gjykatë?",
            "Çfarë mjetesh përdorni për vlerësimin e rrezikut?",
        ],
        ["Punojmë me një familje ku shërbimet nuk bien dakord kush është përgjegjës. Çfarë ju ka ndihmuar?"],
        [
            "Na ka ndihmuar një dhomë miqësore për fëmijët dhe një person i besuar.",
            "Caktoni një menaxher rasti dhe takohuni çdo dy javë.",
        ],
        ["Çfarë funksionoi në konferencat tona familjare"],
        ["Përvoja nga tre bashki: përgatitja, roli i koordinatorit dhe ndjekja pas takimit."],
    ),
    "mk": (
        4,
        ["Како да разговараме со тинејџер кој одбива помош?"],
        ["Имаме малку вработени, а листата на чекање расте. Како другите центри одлучуваат?"],
        ["Прашајте го детето што сака и запишете го со неговите зборови."],
        ["Искуство со згрижувачки семејства"],
        ["Поддршка за згрижувачите на деца со попреченост: што ни помогна."],
    ),
    "bg": (
        7,
        ["Как подготвяте дете за изслушване в съда?", "Кой трябва да води срещата по случая?"],
        ["Работим със семейство, в което службите не са съгласни кой отговаря. Какво ви помогна?"],
        ["При нас помогна стая, пригодена за деца, и един човек, на когото детето има доверие."],
        ["Какво научихме от закриването на институция"],
        ["Опитът ни с преместването на децата в семейна среда и подкрепата за персонала."],
    ),
    "ro": (
        9,
        [
            "Cum pregătiți un copil pentru audierea în instanță?",
            "Ce instrumente folosiți pentru evaluarea riscului în familie?",
        ],
        ["Lucrăm cu o familie în care serviciile nu sunt de acord cine este responsabil. Ce v-a ajutat?"],
        [
            "Ne-a ajutat o cameră prietenoasă pentru copii și o persoană de încredere.",
            "Stabiliți un singur manager de caz și întâlniri la două săptămâni.",
        ],
        ["Ce a funcționat în conferințele noastre de familie"],
        ["Experiența din trei comune: pregătirea, rolul coordonatorului și urmărirea după întâlnire."],
    ),
    "hu": (
        3,
        ["Hogyan készítsük fel a gyermeket a bírósági meghallgatásra?"],
        ["Kevés a munkatárs, és nő a várólista. Más központok hogyan döntenek a sorrendről?"],
        ["Nálunk egy gyermekbarát szoba és egy megbízható felnőtt segített."],
        ["Tapasztalataink a nevelőszülőkkel"],
        ["A fogyatékossággal élő gyermekeket nevelő szülők támogatása: mi segített."],
    ),
    "el": (
        2,
        ["Πώς προετοιμάζετε ένα παιδί για την ακρόαση στο δικαστήριο;"],
        ["Δουλεύουμε με μια οικογένεια όπου οι υπηρεσίες διαφωνούν για την αρμοδιότητα. Τι σας βοήθησε;"],
        ["Μας βοήθησε ένα φιλικό προς τα παιδιά δωμάτιο και ένα πρόσωπο εμπιστοσύνης."],
        ["Τι μάθαμε από τα ασυνόδευτα παιδιά"],
        ["Η εμπειρία μας με την υποδοχή ασυνόδευτων παιδιών στα νησιά."],
    ),
    "uk": (
        2,
        ["Як підготувати дитину до допиту в суді?"],
        ["Ми працюємо з сім'єю, де служби не погоджуються, хто відповідає. Що вам допомогло?"],
        ["Нам допомогла кімната, дружня до дітей, і одна довірена особа."],
        ["Досвід підтримки дітей-переселенців"],
        ["Як ми організували психологічну підтримку для дітей, які переїхали через війну."],
    ),
}


def _community_status(rng: random.Random, roots: bool) -> str:
    from childhub.community.models import Contribution

    roll = rng.random()
    held, hidden = (0.025, 0.015) if roots else (0.02, 0.01)
    if roll < held:
        return Contribution.Status.HELD
    if roll < held + hidden:
        return Contribution.Status.HIDDEN
    return Contribution.Status.PUBLISHED


def seed_community(scale: float, rng: random.Random) -> dict[str, int | float]:
    """100,000 × scale contributions: a quarter questions, a tenth experience posts, the rest
    answers and comments spread over them (many on a few threads, none on some), with topics,
    votes, accepted answers and a few held or hidden; then the published questions and posts
    indexed for search through the community's bulk path."""
    from childhub.community.actions import index_new_contributions
    from childhub.community.models import Contribution, Vote

    if Contribution.objects.filter(author__email__endswith="@" + EMAIL_DOMAIN).exists():
        return {"contributions": Contribution.objects.count(), "community_skipped": 1}
    started = time.monotonic()
    total = max(10, round(CONTRIBUTIONS_PER_SCALE * scale))
    n_questions = round(total * QUESTION_SHARE)
    n_posts = round(total * POST_SHARE)
    n_replies = total - n_questions - n_posts
    authors = list(
        Profile.objects.filter(user__email__endswith="@" + EMAIL_DOMAIN, user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", "country", "is_expert")
    )
    topic_ids = list(Topic.objects.values_list("pk", flat=True))
    languages = list(COMMUNITY_TEXT)
    weights = [COMMUNITY_TEXT[code][0] for code in languages]
    now = timezone.now()
    five_years = 5 * 365 * 86400
    Q, A, P, C = (
        Contribution.Kind.QUESTION,
        Contribution.Kind.ANSWER,
        Contribution.Kind.POST,
        Contribution.Kind.COMMENT,
    )

    roots: list[Contribution] = []
    for index in range(n_questions + n_posts):
        kind = Q if index < n_questions else P
        language = rng.choices(languages, weights)[0]
        _w, questions, details, _answers, post_titles, post_texts = COMMUNITY_TEXT[language]
        author, country, expert = rng.choice(authors)
        status = _community_status(rng, roots=True)
        created = now - timedelta(seconds=rng.randint(3600, five_years))
        roots.append(
            Contribution(
                kind=kind,
                author_id=author,
                is_anonymous=kind == Q and rng.random() < 0.08,
                title=rng.choice(questions if kind == Q else post_titles),
                body=rng.choice(details if kind == Q else post_texts),
                language=language,
                country=country if country and rng.random() < 0.85 else "",
                status=status,
                by_expert=expert,
                announced_at=created if status == Contribution.Status.PUBLISHED else None,
                created_at=created,
            )
        )
    replies: list[Contribution] = []
    n_roots = len(roots)
    for _ in range(n_replies):
        # Skewed: a few threads get many replies, many get one or two, some none.
        root = roots[min(n_roots - 1, int(n_roots * rng.random() ** 1.6))]
        language = root.language
        _w, _q, _d, _answers, _t, _post_texts = COMMUNITY_TEXT[language]
        author, _country, expert = rng.choice(authors)
        status = _community_status(rng, roots=False)
        age = max(60, int((now - root.created_at).total_seconds()))
        created = root.created_at + timedelta(seconds=rng.randint(60, min(age, 90 * 86400)))
        replies.append(
            Contribution(
                kind=A if root.kind == Q else C,
                author_id=author,
                body=rng.choice(_answers if root.kind == Q else _post_texts),
                language=language,
                status=status,
                by_expert=expert,
                announced_at=created if status == Contribution.Status.PUBLISHED else None,
                created_at=created,
            )
        )
        replies[-1]._root = root  # type: ignore[attr-defined]
    with transaction.atomic():
        created_roots: list[Contribution] = []
        for batch in _batched(roots):
            created_roots += Contribution.objects.bulk_create(batch)
        if any(r.pk is None for r in created_roots):  # not every backend returns the keys
            pks = list(
                Contribution.objects.filter(author__email__endswith="@" + EMAIL_DOMAIN, parent=None)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            for root, pk in zip(roots, pks, strict=True):
                root.pk = pk
        for reply in replies:
            reply.parent_id = reply._root.pk  # type: ignore[attr-defined]
        for batch in _batched(replies):
            Contribution.objects.bulk_create(batch)
        Through = Contribution.topics.through
        topic_rows = [
            Through(contribution_id=root.pk, topic_id=t)
            for root in roots
            for t in rng.sample(topic_ids, k=rng.randint(1, min(3, len(topic_ids))))
        ]
        for batch in _batched(topic_rows):
            Through.objects.bulk_create(batch)
        # Votes on about a third of the published answers; a few answers accepted.
        answers = list(
            Contribution.objects.filter(
                kind=A, status=Contribution.Status.PUBLISHED, author__email__endswith="@" + EMAIL_DOMAIN
            ).values_list("pk", "parent_id", "author_id")
        )
        voters = [a[0] for a in authors]
        votes = []
        for pk, _parent, author in answers:
            if rng.random() < 0.35:
                for voter in rng.sample(voters, k=rng.randint(1, 6)):
                    if voter != author:
                        value = 1 if rng.random() < 0.85 else -1
                        votes.append(Vote(answer_id=pk, voter_id=voter, value=value))
        for batch in _batched(votes):
            Vote.objects.bulk_create(batch)
        first_answer: dict[int, int] = {}
        for pk, parent, _author in answers:
            first_answer.setdefault(parent, pk)
        accepted = [
            Contribution(pk=parent, accepted_answer_id=pk)
            for parent, pk in first_answer.items()
            if rng.random() < 0.15
        ]
        Contribution.objects.bulk_update(accepted, ["accepted_answer"], batch_size=500)
        seeded = time.monotonic()
        indexed = index_new_contributions([r.pk for r in roots])
    return {
        "questions": n_questions,
        "posts": n_posts,
        "replies": n_replies,
        "contribution_topics": len(topic_rows),
        "votes": len(votes),
        "accepted_answers": len(accepted),
        "community_indexed": indexed,
        "community_seconds": round(seeded - started, 2),
        "community_index_seconds": round(time.monotonic() - seeded, 2),
    }


def target_thread(rng: random.Random) -> dict[str, object]:
    """A question in English with exactly 50 published answers (some voted on, one accepted),
    and the published questions the bench posts answers to."""
    from childhub.community.actions import index_contribution
    from childhub.community.models import Contribution, Vote

    authors = list(
        User.objects.filter(email__endswith="@" + EMAIL_DOMAIN, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:2000]
    )
    title = "How do you prepare a child for a court hearing? (bench thread)"
    question = Contribution.objects.filter(title=title, parent=None).first()
    if question is None:
        now = timezone.now()
        asked = now - timedelta(days=40)
        question = Contribution.objects.create(
            kind=Contribution.Kind.QUESTION,
            author_id=authors[0],
            title=title,
            body=COMMUNITY_TEXT["en"][2][0],
            language="en",
            country="RS",
            announced_at=asked,
            created_at=asked,
        )
        question.topics.set(Topic.objects.order_by("pk")[:2])
        texts = COMMUNITY_TEXT["en"][3]
        answers = Contribution.objects.bulk_create(
            [
                Contribution(
                    kind=Contribution.Kind.ANSWER,
                    parent=question,
                    author_id=authors[1 + n],
                    body=f"{texts[n % len(texts)]} {BENCH_ANSWER}",
                    language="en",
                    announced_at=asked + timedelta(hours=n + 1),
                    created_at=asked + timedelta(hours=n + 1),
                )
                for n in range(THREAD_ANSWERS)
            ]
        )
        answers = list(question.children.order_by("pk"))
        Vote.objects.bulk_create(
            [
                Vote(answer=answer, voter_id=authors[100 + v], value=1 if v % 4 else -1)
                for n, answer in enumerate(answers)
                for v in range(n % 7)
            ]
        )
        question.accepted_answer = answers[3]
        question.save(update_fields=["accepted_answer"])
        index_contribution(contribution_id=question.pk)
    targets = list(
        Contribution.objects.filter(
            kind=Contribution.Kind.QUESTION,
            status=Contribution.Status.PUBLISHED,
            parent=None,
            language="en",
            author__email__endswith="@" + EMAIL_DOMAIN,
        )
        .exclude(pk=question.pk)
        .order_by("pk")
        .values_list("pk", flat=True)[:ANSWER_TARGETS]
    )
    return {
        "question_pk": question.pk,
        "question_answers": question.children.filter(status=Contribution.Status.PUBLISHED).count(),
        "answer_targets": targets,
        "answer_body": BENCH_ANSWER,
    }


def poster_sessions(count: int = POSTERS) -> list[tuple[int, str]]:
    """Signed-in sessions of ``count`` verified seeded members who accepted the policies in force.

    Members may post 10 times an hour, so the answer page is loaded with these sessions in turn,
    as many members answering at once would; verified professionals are not pre-moderated.
    """
    members = list(
        User.objects.filter(
            email__endswith="@" + EMAIL_DOMAIN, is_active=True, profile__verified_at__isnull=False
        ).order_by("-pk")[:count]
    )
    _accept_policies(members)
    return [(member.pk, session_for(member)) for member in members]


def community_counts() -> dict[str, int]:
    """Answers in the database by status (bench/run.py compares them before and after a POST page)."""
    from django.db.models import Count

    from childhub.community.models import Contribution

    rows = (
        Contribution.objects.filter(kind=Contribution.Kind.ANSWER)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {str(status): n for status, n in rows}


# --- Webinars ---------------------------------------------------------------------------

WEBINARS_PER_SCALE = 100  # about half past (with attendance and feedback), half upcoming
PRESENTERS_PER_SCALE = 70
WEBINAR_MARK = "A session of the ChildHub network, recorded for members who cannot attend live."
WEBINAR_BURST = 200  # members registering at once for the burst webinar
BURST_CAPACITY = 100
BURST_TITLE = "Registration burst: Safeguarding children in emergencies (bench)"
PROBE_TITLE = "Registration probe: Safeguarding children in emergencies (bench)"
# language → (weight, titles, description, time zone it is usually planned in)
WEBINAR_TEXT: dict[str, tuple[int, list[str], str, str]] = {
    "en": (
        30,
        [
            "Supporting children who have experienced violence at home",
            "Child-friendly justice: interviewing children in criminal proceedings",
            "Online safety: what children tell us about their lives on the internet",
            "Burnout prevention for child protection professionals",
            "Children on the move: protection along the Balkan route",
            "Participation of children in decisions about their care",
            "Working together: multidisciplinary teams in child protection",
            "Family support services that keep children at home",
        ],
        "Practitioners of the region present what works in their services, followed by questions "
        "and answers. For social workers, psychologists, teachers, police and the judiciary.",
        "Europe/Budapest",
    ),
    "sq": (
        10,
        [
            "Pjesëmarrja e fëmijëve në vendimmarrje",
            "Mbrojtja e fëmijëve në lëvizje",
            "Puna me familjet në rrezik",
            "Siguria e fëmijëve në internet",
            "Drejtësia miqësore për fëmijët",
        ],
        "Një webinar i rrjetit me praktikues nga rajoni: përvoja, pyetje dhe përgjigje.",
        "Europe/Tirane",
    ),
    "bg": (
        9,
        [
            "Как да говорим с деца, преживели насилие",
            "Приемната грижа в България: какво научихме",
            "Деца в конфликт със закона: алтернативи на задържането",
            "Супервизия за социални работници",
        ],
        "Уебинар на мрежата с практици от региона: опит, въпроси и отговори.",
        "Europe/Sofia",
    ),
    "sr": (
        9,
        [
            "Хранитељство: подршка хранитељским породицама",
            "Вршњачко насиље у школама",
            "Мултисекторска сарадња у заштити деце",
            "Заштита деце од насиља на интернету",
        ],
        "Вебинар мреже са практичарима из региона: искуства, питања и одговори.",
        "Europe/Belgrade",
    ),
    "ro": (
        10,
        [
            "Prevenirea separării copilului de familie",
            "Asistența maternală: lecții învățate",
            "Justiția prietenoasă copiilor",
            "Sănătatea mintală a adolescenților",
        ],
        "Un webinar al rețelei cu practicieni din regiune: experiențe, întrebări și răspunsuri.",
        "Europe/Bucharest",
    ),
    "hr": (
        6,
        ["Uključivanje djece u planiranje skrbi", "Postupanje kod sumnje na zanemarivanje"],
        "Webinar mreže s praktičarima iz regije: iskustva, pitanja i odgovori.",
        "Europe/Zagreb",
    ),
    "bs": (
        5,
        ["Dnevni centri za djecu sa poteškoćama", "Prijava online vrbovanja djece"],
        "Webinar mreže sa praktičarima iz regije: iskustva, pitanja i odgovori.",
        "Europe/Sarajevo",
    ),
    "mk": (
        4,
        ["Згрижувачки семејства: поддршка и обука", "Разговор со тинејџери кои одбиваат помош"],
        "Вебинар на мрежата со практичари од регионот: искуства, прашања и одговори.",
        "Europe/Skopje",
    ),
    "uk": (
        2,
        ["Психологічна підтримка дітей-переселенців"],
        "Вебінар мережі з фахівцями регіону: досвід, запитання та відповіді.",
        "Europe/Kyiv",
    ),
}
# The answers to "Was this webinar useful for your work?" (about 91 % say 4 or 5, as the demo).
USEFUL_WEIGHTS = {5: 57, 4: 34, 3: 6, 2: 2, 1: 1}


def seed_webinars(scale: float, rng: random.Random) -> dict[str, int | float]:
    """100 × scale webinars through the webinars models, in bulk: about half past (registrations,
    presence in the room, attendance, survey answers and their receipts), half upcoming
    (registrations, some full with a waiting list, a few cancelled), with about 70 × scale
    presenters (a third of them members), topics, reminders and a few versions in two languages."""
    from childhub.webinars.models import (
        DEFAULT_REMINDERS,
        FeedbackReceipt,
        FeedbackResponse,
        Presence,
        Presenter,
        Registration,
        Reminder,
        Webinar,
    )

    if Webinar.objects.filter(description__endswith=WEBINAR_MARK).exists():
        return {"webinars": Webinar.objects.filter(description__endswith=WEBINAR_MARK).count()}
    started = time.monotonic()
    count = max(2, round(WEBINARS_PER_SCALE * scale))
    n_presenters = max(2, round(PRESENTERS_PER_SCALE * scale))
    members = list(
        User.objects.filter(email__endswith="@" + EMAIL_DOMAIN, is_active=True)
        .order_by("pk")
        .values_list("pk", "display_name")
    )
    organisations = list(
        Organisation.objects.exclude(kind=Organisation.Kind.FUNDER).values_list("pk", flat=True)
    )
    topic_ids = list(Topic.objects.values_list("pk", flat=True))
    languages = list(WEBINAR_TEXT)
    weights = [WEBINAR_TEXT[code][0] for code in languages]
    now = timezone.now()
    S = Registration.Status

    # Presenters: a third are members (with their own profile), the rest guests with a short bio.
    presenter_members = rng.sample(members, k=min(len(members), n_presenters // 3))
    people = list(PEOPLE.values())
    presenters = [Presenter(member_id=pk, name=name, bio=rng.choice(BIOS)) for pk, name in presenter_members]
    while len(presenters) < n_presenters:
        _w, firsts, lasts, _spoken, _ui = rng.choice(people)
        presenters.append(Presenter(name=f"{rng.choice(firsts)} {rng.choice(lasts)}", bio=rng.choice(BIOS)))

    webinars: list[Webinar] = []
    key = uuid.uuid4()
    previous_language = ""
    for index in range(count):
        past = index < count // 2
        language = rng.choices(languages, weights)[0]
        if rng.random() < 0.15 and previous_language and previous_language != language:
            pass  # a version of the previous webinar in another language: the same key
        else:
            key = uuid.uuid4()
        previous_language = language
        _w, titles, description, zone = WEBINAR_TEXT[language]
        days = rng.uniform(3, 3 * 365) if past else rng.uniform(2, 180)
        start = now + (-1 if past else 1) * timedelta(days=days)
        start = start.replace(minute=rng.choice([0, 30]), second=0, microsecond=0)
        duration = rng.choice([60, 90, 90, 90, 120])
        external = rng.random() < 0.15
        webinars.append(
            Webinar(
                translation_key=key,
                language=language,
                delivered_in=language if rng.random() < 0.9 else "en",
                title=rng.choice(titles),
                description=f"{description}\n\n{WEBINAR_MARK}",
                organiser_id=rng.choice(organisations),
                starts_at=start,
                duration_minutes=duration,
                ends_at=start + timedelta(minutes=duration),  # Webinar.save() is not called by bulk_create
                time_zone=zone if rng.random() < 0.7 else "Europe/Budapest",
                capacity=rng.choice([50, 80, 100, 100, 150, 200, 300]),
                approval_required=rng.random() < 0.05,
                guests_allowed=rng.random() < 0.2,
                backend=Webinar.Backend.EXTERNAL if external else Webinar.Backend.BIGBLUEBUTTON,
                external_url=f"https://meet.example.org/childhub-{index}" if external else "",
                status=Webinar.Status.CANCELLED if rng.random() < 0.03 else Webinar.Status.PUBLISHED,
                # Planned a few weeks before (upcoming ones: announced already).
                created_at=start - timedelta(days=rng.randint(14, 90))
                if past
                else now - timedelta(days=days % 60),
            )
        )

    with transaction.atomic():
        created_presenters = Presenter.objects.bulk_create(presenters, batch_size=BATCH)
        if any(p.pk is None for p in created_presenters):  # not every backend returns the keys
            created_presenters = list(Presenter.objects.order_by("-pk")[: len(presenters)])[::-1]
        created: list[Webinar] = []
        for batch in _batched(webinars):
            created += Webinar.objects.bulk_create(batch)
        if any(w.pk is None for w in created):
            created = list(Webinar.objects.filter(description__endswith=WEBINAR_MARK).order_by("pk"))
        TopicLink = Webinar.topics.through
        PresenterLink = Webinar.presenters.through
        topic_rows, presenter_rows, reminder_rows = [], [], []
        for webinar in created:
            for topic in rng.sample(topic_ids, k=rng.randint(1, min(3, len(topic_ids)))):
                topic_rows.append(TopicLink(webinar_id=webinar.pk, topic_id=topic))
            for presenter in rng.sample(created_presenters, k=rng.randint(1, 3)):
                presenter_rows.append(PresenterLink(webinar_id=webinar.pk, presenter_id=presenter.pk))
            for minutes in DEFAULT_REMINDERS:
                reminder_rows.append(Reminder(webinar_id=webinar.pk, minutes_before=minutes))
        for model, rows in (
            (TopicLink, topic_rows),
            (PresenterLink, presenter_rows),
            (Reminder, reminder_rows),
        ):
            for batch in _batched(rows):
                model.objects.bulk_create(batch)

        # Registrations: distinct members per webinar (one active registration each).
        registrations: list[Registration] = []
        for webinar in created:
            is_past = webinar.ends_at <= now
            share = rng.uniform(0.4, 1.0) if is_past else rng.uniform(0.1, 1.25)
            wanted = min(len(members), max(1, round(webinar.capacity * share)))
            opened = webinar.created_at + timedelta(hours=1)
            until = min(now, webinar.starts_at)
            moments = sorted(opened + (until - opened) * rng.random() for _ in range(wanted))
            confirmed = 0
            for (pk, _name), created_at in zip(rng.sample(members, k=wanted), moments, strict=True):
                ended_at = None
                if rng.random() < 0.05:
                    status = S.CANCELLED
                    ended_at = created_at + (until - created_at) * rng.random()
                elif webinar.approval_required and not is_past and rng.random() < 0.5:
                    status = S.PENDING  # not decided yet
                elif confirmed < webinar.capacity:
                    status = S.CONFIRMED
                    confirmed += 1
                else:
                    status = S.WAITLISTED
                registrations.append(
                    Registration(
                        webinar_id=webinar.pk,
                        member_id=pk,
                        status=status,
                        created_at=created_at,
                        confirmed_at=created_at if status == S.CONFIRMED else None,
                        ended_at=ended_at,
                    )
                )
                registrations[-1]._webinar = webinar  # type: ignore[attr-defined]
        saved: list[Registration] = []
        for batch in _batched(registrations):
            saved += Registration.objects.bulk_create(batch)
        if any(r.pk is None for r in saved):
            pks = dict(Registration.objects.filter(webinar__in=created).values_list("token", "pk"))
            for registration in registrations:
                registration.pk = pks[registration.token]

        # The past ones: who came (most stayed, some left early or rejoined), attendance decided
        # from the share of the time present, the survey sent, and about 60 % of those who
        # attended answered it (half of them anonymously).
        presence, attended_rows, receipts, responses = [], [], [], []
        scores, score_weights = list(USEFUL_WEIGHTS), list(USEFUL_WEIGHTS.values())
        for registration in registrations:
            webinar = registration._webinar  # type: ignore[attr-defined]
            if webinar.ends_at > now or registration.status != S.CONFIRMED:
                continue
            if webinar.status != Webinar.Status.PUBLISHED or rng.random() >= 0.78:
                continue
            joined = webinar.starts_at + timedelta(minutes=rng.randint(0, 6))
            stayed = webinar.duration_minutes if rng.random() < 0.85 else rng.randint(15, 60)
            left = min(joined + timedelta(minutes=stayed), webinar.ends_at)
            if rng.random() < 0.1 and left - joined > timedelta(minutes=30):  # dropped out and rejoined
                gap = joined + (left - joined) / 2
                presence.append(
                    Presence(registration_id=registration.pk, joined_at=joined, left_at=gap, source="room")
                )
                presence.append(
                    Presence(
                        registration_id=registration.pk,
                        joined_at=gap + timedelta(minutes=3),
                        left_at=left,
                        source="room",
                    )
                )
                minutes = int((left - joined).total_seconds() // 60) - 3
            else:
                presence.append(
                    Presence(registration_id=registration.pk, joined_at=joined, left_at=left, source="room")
                )
                minutes = int((left - joined).total_seconds() // 60)
            registration.present_minutes = minutes
            registration.attended = minutes * 100 >= 75 * webinar.duration_minutes
            registration.survey_sent_at = webinar.ends_at + timedelta(minutes=10)
            attended_rows.append(registration)
            if registration.attended and rng.random() < 0.6:
                receipts.append(FeedbackReceipt(registration_id=registration.pk, webinar_id=webinar.pk))
                responses.append(
                    FeedbackResponse(
                        webinar_id=webinar.pk,
                        useful=rng.choices(scores, score_weights)[0],
                        member_id=None if rng.random() < 0.5 else registration.member_id,
                        submitted_on=(webinar.ends_at + timedelta(days=rng.randint(0, 5))).date(),
                    )
                )
        for batch in _batched(presence):
            Presence.objects.bulk_create(batch)
        for batch in _batched(receipts):
            FeedbackReceipt.objects.bulk_create(batch)
        for batch in _batched(responses):
            FeedbackResponse.objects.bulk_create(batch)
        Registration.objects.bulk_update(
            attended_rows, ["present_minutes", "attended", "survey_sent_at"], batch_size=500
        )
    return {
        "webinars": len(created),
        "webinars_past": sum(w.ends_at <= now for w in created),
        "presenters": len(created_presenters),
        "registrations": len(registrations),
        "presence": len(presence),
        "attended": sum(r.attended for r in attended_rows),
        "feedback": len(responses),
        "webinar_seconds": round(time.monotonic() - started, 2),
    }


def target_webinars() -> dict[str, object]:
    """A typical upcoming webinar page, and two upcoming webinars with 100 places and nobody
    registered yet: one for the registration burst, one for the probe and the burst's warm-up."""
    from django.db.models import Count

    from childhub.webinars import actions
    from childhub.webinars.models import Webinar

    organiser = Organisation.objects.exclude(kind=Organisation.Kind.FUNDER).order_by("pk").first()
    special = {}
    for name, title in (("burst", BURST_TITLE), ("probe", PROBE_TITLE)):
        webinar = Webinar.objects.filter(title=title).first()
        if webinar is None:
            start = (timezone.now() + timedelta(days=30)).replace(minute=0, second=0, microsecond=0)
            webinar = actions.create_webinar(
                created_by=None,
                data={
                    "title": title,
                    "language": "en",
                    "delivered_in": "en",
                    "description": f"{WEBINAR_TEXT['en'][2]}\n\n{WEBINAR_MARK}",
                    "organiser": organiser,
                    "starts_at": start,
                    "duration_minutes": 90,
                    "time_zone": "Europe/Budapest",
                    "capacity": BURST_CAPACITY,
                    "status": Webinar.Status.PUBLISHED,
                    "topics": list(Topic.objects.order_by("pk")[:2]),
                },
            )
        special[name] = webinar.pk
    page = (
        Webinar.objects.filter(
            description__endswith=WEBINAR_MARK,
            status=Webinar.Status.PUBLISHED,
            language="en",
            ends_at__gt=timezone.now(),
            approval_required=False,
        )
        .exclude(pk__in=special.values())
        .annotate(n_presenters=Count("presenters", distinct=True), n_registrations=Count("registrations"))
        .filter(n_presenters__gte=2, n_registrations__gte=20)
        .order_by("starts_at", "pk")
        .first()
    ) or Webinar.objects.listed().upcoming().exclude(pk__in=special.values()).first()
    return {
        "webinar_pk": page.pk if page else None,
        "webinar_burst_pk": special["burst"],
        "webinar_burst_capacity": BURST_CAPACITY,
        "webinar_probe_pk": special["probe"],
    }


def webinar_registrations(pk: int) -> dict[str, object]:
    """The registrations of one webinar by status, and members with more than one active
    registration for it (bench/run.py checks the registration burst with these)."""
    from django.db.models import Count

    from childhub.webinars.models import Registration, Webinar

    rows = Registration.objects.filter(webinar_id=pk)
    by_status = {str(s): n for s, n in rows.values_list("status").annotate(n=Count("pk")).order_by()}
    doubled = (
        rows.filter(status__in=Registration.ACTIVE, member__isnull=False)
        .values("member")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    # The messages to the registrants, which the background worker writes: by the task's state.
    from django_tasks_db.models import DBTaskResult

    registrations = set(rows.values_list("pk", flat=True))
    messages: dict[str, int] = {}
    for status, arguments in DBTaskResult.objects.filter(
        task_path="childhub.webinars.tasks.write_to_registrant"
    ).values_list("status", "args_kwargs"):
        if arguments["kwargs"]["registration_id"] in registrations:
            messages[str(status).lower()] = messages.get(str(status).lower(), 0) + 1
    return {
        "capacity": Webinar.objects.get(pk=pk).capacity,
        "by_status": by_status,
        "members": rows.exclude(member=None).values("member").distinct().count(),
        "members_with_two_active": doubled,
        "messages": messages,
    }


# --- Courses ----------------------------------------------------------------------------

COURSE_LEARNERS_PER_SCALE = 2000  # DESIGN.md §5: "3 courses with 2,000 learners"
SECOND_COURSE_SHARE = 0.2  # learners also enrolled in a second course
COURSE_WEIGHTS = {  # slug → share of the enrolments
    "supporting-childrens-participation": 50,
    "practicing-supervision": 25,
    "multidisciplinary-team": 25,
}
QUIZ_COURSE = "supporting-childrens-participation"  # the course of the lesson page and the quiz posts
BENCH_REFLECTION = (
    "I would explain the plan to the child before the meeting, ask where they would like to sit, "
    "and tell them afterwards how their view counted."
)


def _course_structure() -> dict[str, dict[str, object]]:
    """The demo's courses (childhub/courses/demo.py, made by ``manage.py seed_demo``): per slug,
    the original, its versions by language, its lessons in course order and the right answers
    to each quiz in each version (in the words of that version, as its learners send them)."""
    from childhub.courses.demo import COURSES, _right_answers
    from childhub.courses.models import Block, Course, Lesson
    from childhub.courses.queries import original_of

    slugs = [spec.slug for spec in COURSES]
    structure: dict[str, dict[str, object]] = {}
    for slug in slugs:
        versions = list(
            Course.objects.filter(slug=slug, status=Course.Status.PUBLISHED)
            .select_related("issuer", "co_issuer")
            .order_by("pk")
        )
        if not versions:
            continue
        original = original_of(versions)
        lessons = list(
            Lesson.objects.filter(module__course=original)
            .select_related("module")
            .prefetch_related("blocks")
            .order_by("module__position", "module__pk", "position", "pk")
        )
        quizzes = {
            (block.lesson.module.course_id, block.key): _right_answers(block)
            for block in Block.objects.filter(kind=Block.Kind.QUIZ, lesson__module__course__in=versions)
            .select_related("lesson__module")
            .prefetch_related("questions__choices")
        }
        structure[slug] = {
            "original": original,
            "versions": {v.language: v for v in versions},
            "lessons": lessons,
            "quizzes": quizzes,
        }
    return structure


def _quiz_answers(structure: dict[str, object], version_pk: int, block_key: uuid.UUID) -> dict:
    quizzes: dict = structure["quizzes"]  # type: ignore[assignment]
    original = structure["original"]
    return quizzes.get((version_pk, block_key)) or quizzes.get((original.pk, block_key), {})  # type: ignore[attr-defined]


def _wrong(answers: dict) -> dict:
    """The right answers with the first one changed: a failed attempt."""
    wrong = dict(answers)
    for key, value in wrong.items():
        if isinstance(value, int):
            wrong[key] = value + 1
        elif isinstance(value, list):
            wrong[key] = value[:-1] or [0, 1]
        elif isinstance(value, dict):
            wrong[key] = dict.fromkeys(value, "")
        else:
            wrong[key] = "I do not know"
        break
    return wrong


def seed_courses(scale: float, rng: random.Random, bench: User) -> dict[str, int | float]:
    """2,000 × scale learners in the demo's three courses, in bulk: each enrolled in one course
    (a fifth also in a second), reading the version in their interface language when there is
    one, at every stage: just enrolled, part-way (the lessons done with their progress rows,
    passed quiz attempts with failed ones before some of them, reflections written, the current
    lesson opened) or finished (with their certificate, issued without its PDF: the background
    worker that draws it does not run in the benchmark). The 300 searchers (whose sessions post
    the quiz) and the bench member are part-way through the course of the lesson page: its
    first lesson done, the quiz lesson open."""
    from childhub.courses.certificates import INTERFACE_LANGUAGES, signatory, source_of
    from childhub.courses.models import Block, Enrolment, Lesson, LessonProgress, QuizAttempt, Reflection
    from childhub.records.models import Certificate

    structure = _course_structure()
    if QUIZ_COURSE not in structure:
        return {"course_learners": 0, "courses_skipped": 1}
    keys = [s["original"].translation_key for s in structure.values()]  # type: ignore[attr-defined]
    existing = Enrolment.objects.filter(
        course_key__in=keys, learner__email__endswith="@" + EMAIL_DOMAIN
    ).count()
    if existing:
        return {"course_enrolments": existing, "courses_skipped": 1}
    started = time.monotonic()
    now = timezone.now()
    wanted = max(1, round(COURSE_LEARNERS_PER_SCALE * scale))
    members = list(
        User.objects.filter(email__endswith="@" + EMAIL_DOMAIN, is_active=True)
        .order_by("pk")
        .values_list("pk", "language", "display_name")
    )
    posting = members[:SEARCHERS]  # the searchers: their sessions post the quiz
    others = members[SEARCHERS:]
    learners = posting + rng.sample(others, k=min(len(others), max(0, wanted - len(posting))))
    slugs = list(structure)
    weights = [COURSE_WEIGHTS.get(slug, 10) for slug in slugs]
    quiz_lessons: list[Lesson] = structure[QUIZ_COURSE]["lessons"]  # type: ignore[assignment]
    first_quiz = _posting_quiz(quiz_lessons)

    # (learner pk, UI language, name, slug, version language, lessons done or None for "up to the
    # quiz lesson", with a failed attempt at the open quiz)
    plans: list[tuple[int, str, str, str, str, int | None, bool]] = []
    for pk, ui, name in learners[: len(posting)]:
        plans.append((pk, ui, name, QUIZ_COURSE, "en", None, rng.random() < 0.3))
    for pk, ui, name in learners[len(posting) :]:
        chosen = rng.choices(slugs, weights=weights)[0]
        courses = [chosen]
        if rng.random() < SECOND_COURSE_SHARE:
            courses.append(rng.choice([s for s in slugs if s != chosen]))
        for slug in courses:
            versions: dict = structure[slug]["versions"]  # type: ignore[assignment]
            language = ui if ui in versions and rng.random() < 0.85 else "en"
            n = len(structure[slug]["lessons"])  # type: ignore[arg-type]
            stage = rng.random()
            done = 0 if stage < 0.18 else n if stage > 0.85 else rng.randint(1, n - 1)
            plans.append((pk, ui, name, slug, language, done, rng.random() < 0.3))
    bench_plans = [
        (bench.pk, "en", bench.display_name, QUIZ_COURSE, "en", None, True),
        (bench.pk, "en", bench.display_name, "multidisciplinary-team", "en", 0, False),
    ]
    plans += [p for p in bench_plans if p[3] in structure]

    enrolments, timelines = [], []
    for pk, _ui, _name, slug, language, done, _failed in plans:
        s = structure[slug]
        lessons: list[Lesson] = s["lessons"]  # type: ignore[assignment]
        done = first_quiz if done is None else done
        enrolled_at = now - timedelta(days=rng.randint(1, 540), seconds=rng.randint(0, 86400))
        span = now - enrolled_at
        moments = sorted(enrolled_at + span * rng.random() for _ in range(done + 1))
        enrolments.append(
            Enrolment(
                learner_id=pk,
                course_key=s["original"].translation_key,  # type: ignore[attr-defined]
                language=language,
                enrolled_at=enrolled_at,
                completed_at=moments[done - 1] if done == len(lessons) else None,
            )
        )
        timelines.append((done, moments))
    saved: list[Enrolment] = []
    for batch in _batched(enrolments):
        saved += Enrolment.objects.bulk_create(batch)
    if any(e.pk is None for e in saved):
        pks = {
            (learner, key): pk
            for pk, learner, key in Enrolment.objects.filter(course_key__in=keys).values_list(
                "pk", "learner_id", "course_key"
            )
        }
        for enrolment in enrolments:
            enrolment.pk = pks[(enrolment.learner_id, enrolment.course_key)]

    progress, attempts, reflections, certificates, last_keys = [], [], [], [], []
    held_back = False
    for plan, enrolment, (done, moments) in zip(plans, enrolments, timelines, strict=True):
        pk, ui, name, slug, language, _done, failed = plan
        s = structure[slug]
        lessons = s["lessons"]  # type: ignore[assignment]
        version = s["versions"][language]  # type: ignore[index]
        for n, lesson in enumerate(lessons[:done]):
            at = moments[n]
            minimum = lesson.minimum_minutes * 60
            spent = max(minimum, rng.randint(90, 1500))
            progress.append(
                LessonProgress(
                    enrolment_id=enrolment.pk,
                    lesson_key=lesson.key,
                    first_viewed_at=max(enrolment.enrolled_at, at - timedelta(seconds=spent)),
                    seconds_spent=spent,
                    completed_at=at,
                )
            )
            for block in lesson.blocks.all():
                if block.kind == Block.Kind.QUIZ:
                    right = _quiz_answers(s, version.pk, block.key)
                    for f in range(rng.choices([0, 1, 2], weights=[70, 22, 8])[0]):
                        attempts.append(
                            QuizAttempt(
                                enrolment_id=enrolment.pk,
                                block_key=block.key,
                                answers=_wrong(right),
                                score=rng.choice([0, 25, 33, 50, 67]),
                                passed=False,
                                submitted_at=at - timedelta(minutes=10 * (f + 1)),
                            )
                        )
                    attempts.append(
                        QuizAttempt(
                            enrolment_id=enrolment.pk,
                            block_key=block.key,
                            answers=right,
                            score=100,
                            passed=True,
                            submitted_at=at,
                        )
                    )
                elif block.kind == Block.Kind.REFLECTION and (
                    lesson.completion_rule == Lesson.Rule.REFLECTION or rng.random() < 0.5
                ):
                    reflections.append(
                        Reflection(enrolment_id=enrolment.pk, block_key=block.key, text=BENCH_REFLECTION)
                    )
        current = lessons[done] if done < len(lessons) else None
        # The lesson after those done is open (a lesson complete when opened would be done).
        opened = _done is None or rng.random() < 0.7
        if current is not None and current.completion_rule != Lesson.Rule.VIEWED and opened:
            at = moments[done]
            progress.append(
                LessonProgress(
                    enrolment_id=enrolment.pk,
                    lesson_key=current.key,
                    first_viewed_at=at,
                    seconds_spent=rng.randint(0, current.minimum_minutes * 60 - 1)
                    if current.minimum_minutes
                    else rng.randint(0, 600),
                    completed_at=None,
                )
            )
            enrolment.last_lesson_key = current.key
            if failed:
                for block in current.blocks.all():
                    if block.kind == Block.Kind.QUIZ:
                        attempts.append(
                            QuizAttempt(
                                enrolment_id=enrolment.pk,
                                block_key=block.key,
                                answers=_wrong(_quiz_answers(s, version.pk, block.key)),
                                score=50,
                                passed=False,
                                submitted_at=at + (now - at) * rng.random(),
                            )
                        )
        elif done:
            enrolment.last_lesson_key = lessons[done - 1].key
        if enrolment.last_lesson_key:
            last_keys.append(enrolment)
        if enrolment.completed_at is not None:
            versions: dict = s["versions"]  # type: ignore[no-redef]
            cert_language = (
                language
                if language in INTERFACE_LANGUAGES
                else ui
                if ui in INTERFACE_LANGUAGES
                else settings.LANGUAGE_CODE
            )
            titled = versions.get(cert_language) or version
            original = s["original"]
            if slug == QUIZ_COURSE and not held_back:
                held_back = True  # completed a moment ago: --certificate-timing issues its certificate
                continue
            approval = bool(original.co_issuer_approves and original.co_issuer_id)  # type: ignore[attr-defined]
            pending = approval and rng.random() < 0.15
            certificates.append(
                Certificate(
                    member_id=pk,
                    holder_name=name,
                    source=source_of(enrolment),
                    kind=Certificate.Kind.COURSE_COMPLETION,
                    title=titled.title,
                    language=cert_language,
                    hours=titled.estimated_hours,
                    completed_on=timezone.localdate(enrolment.completed_at),
                    issuer_id=titled.issuer_id,
                    co_issuer_id=titled.co_issuer_id,
                    signatories=[
                        sig
                        for sig in (
                            signatory(titled.issuer_signatory, titled.issuer.name),
                            signatory(titled.co_issuer_signatory, titled.co_issuer.name)
                            if titled.co_issuer
                            else None,
                        )
                        if sig is not None
                    ],
                    status=Certificate.Status.PENDING if pending else Certificate.Status.VALID,
                    approved_at=None
                    if pending or not approval
                    else enrolment.completed_at + timedelta(days=2),
                    issued_at=enrolment.completed_at,
                )
            )
    for model, rows in (
        (LessonProgress, progress),
        (QuizAttempt, attempts),
        (Reflection, reflections),
        (Certificate, certificates),
    ):
        for batch in _batched(rows):
            model.objects.bulk_create(batch)
    Enrolment.objects.bulk_update(last_keys, ["last_lesson_key"], batch_size=500)
    return {
        "course_learners": len({p[0] for p in plans}),
        "course_enrolments": len(enrolments),
        "course_completed": sum(e.completed_at is not None for e in enrolments),
        "lesson_progress": len(progress),
        "quiz_attempts": len(attempts),
        "reflections": len(reflections),
        "course_certificates": len(certificates),
        "course_seconds": round(time.monotonic() - started, 2),
    }


def _posting_quiz(lessons: list) -> int:
    """The first quiz lesson of a module nobody waits for, whose questions have one answer each
    (single choice, true or false): the lesson page, and the quiz the bench posts."""
    from childhub.courses.models import Block, Lesson, Question

    simple = {Question.Kind.SINGLE, Question.Kind.TRUE_FALSE}
    for n, lesson in enumerate(lessons):
        if lesson.completion_rule != Lesson.Rule.QUIZ or lesson.module.prerequisites.exists():
            continue
        kinds = set(
            Question.objects.filter(block__lesson=lesson, block__kind=Block.Kind.QUIZ).values_list(
                "kind", flat=True
            )
        )
        if kinds and kinds <= simple:
            return n
    raise RuntimeError("no quiz with single-choice questions in an open module")


def target_courses() -> dict[str, object]:
    """The catalogue, the lesson page (the course's first simple quiz lesson, in English, where
    the bench member and the searchers are), and the quiz form the bench posts: the right
    answer to each question, as the lesson page's form sends it."""
    from django.urls import reverse
    from django.utils import translation

    from childhub.courses.models import Block

    structure = _course_structure().get(QUIZ_COURSE)
    with translation.override("en"):
        catalogue = reverse("courses:catalogue")
        if structure is None:
            return {"course_catalogue_path": catalogue}
        lessons: list = structure["lessons"]  # type: ignore[assignment]
        lesson = lessons[_posting_quiz(lessons)]
        block = lesson.blocks.get(kind=Block.Kind.QUIZ)
        slug = structure["original"].slug  # type: ignore[attr-defined]
        keys = {"slug": slug, "lesson_key": lesson.key}
        lesson_path = reverse("courses:lesson", kwargs=keys)
        quiz_path = reverse("courses:submit_quiz", kwargs={**keys, "block_key": block.key})
    data = {}
    for question in block.questions.prefetch_related("choices"):
        right = [n for n, choice in enumerate(question.choices.all()) if choice.correct]
        data[f"q-{question.key}"] = str(right[0])
    return {
        "course_catalogue_path": catalogue,
        "course_lesson_path": lesson_path,
        "course_lesson_title": lesson.title,
        "course_quiz_path": quiz_path,
        "course_quiz_block": str(block.key),
        "course_quiz_data": data,
    }


def quiz_attempts(block_key: str) -> dict[str, int]:
    """The attempts at one quiz (bench/run.py compares them before and after posting it)."""
    from childhub.courses.models import QuizAttempt

    rows = QuizAttempt.objects.filter(block_key=block_key)
    return {
        "attempts": rows.count(),
        "passed": rows.filter(passed=True).count(),
        "enrolments": rows.values("enrolment").distinct().count(),
    }


CERTIFICATE_DRAWS = 10


def _bench_logos(certificate: object) -> int:
    """Give the certificate's issuers (in memory only: the database is not changed) a logo each,
    a 600 × 240 PNG like a partner's, stored in the media folder in force. The demo's
    organisations have none, and a logo is read and scaled on every certificate."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image, ImageDraw

    count = 0
    for n, organisation in enumerate((certificate.issuer, certificate.co_issuer)):  # type: ignore[attr-defined]
        if organisation is None or organisation.logo:
            continue
        image = Image.new("RGBA", (600, 240), (255, 255, 255, 0))
        draw = ImageDraw.Draw(image)
        colour = [(31, 111, 139, 255), (196, 72, 38, 255)][n % 2]
        draw.ellipse((10, 20, 210, 220), fill=colour)
        draw.rectangle((240, 70, 590, 110), fill=colour)
        draw.rectangle((240, 130, 520, 160), fill=(91, 103, 112, 255))
        draw.text((250, 180), organisation.name[:40], fill=(29, 42, 56, 255))
        data = io.BytesIO()
        image.save(data, "PNG")
        organisation.logo.save(f"bench-logo-{organisation.pk}.png", ContentFile(data.getvalue()), save=False)
        count += 1
    return count


def certificate_timing(draws: int = CERTIFICATE_DRAWS) -> dict[str, object]:
    """Issue the certificate of the enrolment completed a moment ago (left without one by
    seed_courses) as completing the course does, then time drawing its PDF as the background
    task does (``records.actions.render_certificate_pdf``): one draw to warm up (reportlab and
    the fonts loaded), then ``draws`` more; then the same with a logo for each issuer (one draw
    to warm up the image decoder, then ``draws`` more). The PDFs and logos go to a temporary
    media folder, removed afterwards; the certificate is left without a PDF, as issued."""
    import shutil
    import statistics
    import tempfile

    from django.test.utils import override_settings

    from childhub.courses import certificates
    from childhub.courses.models import Enrolment
    from childhub.records import actions as records
    from childhub.records.models import Certificate

    backend = settings.TASKS["default"]["BACKEND"]
    sources = set(
        Certificate.objects.filter(source__startswith="courses.enrolment:").values_list("source", flat=True)
    )
    enrolment = next(
        (
            e
            for e in Enrolment.objects.filter(
                completed_at__isnull=False, learner__email__endswith="@" + EMAIL_DOMAIN
            ).order_by("pk")
            if certificates.source_of(e) not in sources
        ),
        None,
    )
    if enrolment is None:
        return {"error": "no completed enrolment without a certificate (seeded before?)"}

    def queued() -> list[dict]:
        if "django_tasks_db" not in backend:
            return []
        from django_tasks_db.models import DBTaskResult

        return list(
            DBTaskResult.objects.filter(task_path__endswith="render_certificate").values_list(
                "args_kwargs", flat=True
            )
        )

    started = time.perf_counter()
    certificate = certificates.issue_for_enrolment(enrolment_id=enrolment.pk)
    issue_ms = (time.perf_counter() - started) * 1000
    assert certificate is not None
    certificate = Certificate.objects.select_related("issuer", "co_issuer").get(pk=certificate.pk)
    enqueued = [
        row for row in queued() if (row or {}).get("kwargs", {}).get("certificate_id") == certificate.pk
    ]
    drawn_in_request = bool(certificate.pdf)

    def draw() -> tuple[list[float], list[float]]:
        walls, cpus = [], []
        for _ in range(draws + 1):
            wall, cpu = time.perf_counter(), time.process_time()
            records.render_certificate_pdf(certificate)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        return walls, cpus

    media = Path(tempfile.mkdtemp(prefix="certificates-", dir=BASE_DIR / "var" / "bench"))
    try:
        with override_settings(MEDIA_ROOT=str(media)):
            walls, cpus = draw()  # as seeded: the demo's organisations have no logos
            size = certificate.pdf.size
            logos = _bench_logos(certificate)
            logo_walls, logo_cpus = draw()
            logo_size = certificate.pdf.size
        Certificate.objects.filter(pk=certificate.pk).update(pdf="")  # as issued: the worker draws it
    finally:
        shutil.rmtree(media, ignore_errors=True)
    return {
        "course": certificate.title,
        "language": certificate.language,
        "signatories": len(certificate.signatories),
        "co_issuer": bool(certificate.co_issuer_id),
        "status": certificate.status,
        "issue_ms": round(issue_ms, 1),
        "drawn_in_request": drawn_in_request,
        "task_backend": backend,
        "enqueued": len(enqueued),
        "draws": draws,
        "first_ms": round(walls[0], 1),
        "median_ms": round(statistics.median(walls[1:]), 1),
        "min_ms": round(min(walls[1:]), 1),
        "max_ms": round(max(walls[1:]), 1),
        "median_cpu_ms": round(statistics.median(cpus[1:]), 1),
        "pdf_kb": round(size / 1024, 1),
        "logos": logos,
        "logo_first_ms": round(logo_walls[0], 1),
        "logo_median_ms": round(statistics.median(logo_walls[1:]), 1),
        "logo_max_ms": round(max(logo_walls[1:]), 1),
        "logo_median_cpu_ms": round(statistics.median(logo_cpus[1:]), 1),
        "logo_pdf_kb": round(logo_size / 1024, 1),
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


def bench_staff() -> User:
    """A staff member with two-factor authentication, who loads the impact dashboard."""
    from allauth.mfa.models import Authenticator

    user = User.objects.filter(email=STAFF_EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            STAFF_EMAIL, BENCH_PASSWORD, display_name="Bench Staff", language="en", is_staff=True
        )
        EmailAddress.objects.get_or_create(
            user=user, email=STAFF_EMAIL, defaults={"verified": True, "primary": True}
        )
        Profile.objects.get_or_create(user=user, defaults={"country": "HU", "profession": "ngo"})
        record_consent(member=user)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "bench"})
    return user


def impact_timing() -> dict[str, object]:
    """The impact figures of the last twelve months, computed once without the cache (what the
    dashboard's first visitor of a period waits for), and the members the public page must show."""
    from childhub.impact import queries
    from childhub.impact.forms import default_period

    started = time.monotonic()
    queries.report(queries.Period.of_days(*default_period()))
    return {
        "impact_report_ms": round((time.monotonic() - started) * 1000),
        "impact_members": User.objects.count(),
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
    members = list(
        User.objects.filter(email__endswith="@" + EMAIL_DOMAIN, is_active=True).order_by("pk")[:count]
    )
    _accept_policies(members)
    return [session_for(member) for member in members]


def _accept_policies(members: list[User]) -> None:
    """Record consent to the policies in force, so the consent middleware lets them through."""
    from childhub.accounts.models import Consent
    from childhub.core.queries import current_policy_versions

    now = timezone.now()
    Consent.objects.bulk_create(
        [
            Consent(member=member, kind=kind, version=version, accepted_at=now)
            for member in members
            for kind, version in current_policy_versions().items()
        ],
        ignore_conflicts=True,
    )


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
    parser.add_argument(
        "--count-answers", action="store_true", help="only print the number of answers by status (JSON)"
    )
    parser.add_argument(
        "--quiz-attempts", metavar="BLOCK_KEY", help="only print the attempts at one quiz (JSON)"
    )
    parser.add_argument(
        "--certificate-timing",
        action="store_true",
        help="only issue the certificate of a course completed a moment ago and time drawing its PDF (JSON)",
    )
    parser.add_argument(
        "--webinar-registrations",
        type=int,
        metavar="PK",
        help="only print the registrations of one webinar by status, and doubled members (JSON)",
    )
    args = parser.parse_args()
    if args.count_answers:
        print(json.dumps(community_counts()))
        return
    if args.webinar_registrations:
        print(json.dumps(webinar_registrations(args.webinar_registrations)))
        return
    if args.quiz_attempts:
        print(json.dumps(quiz_attempts(args.quiz_attempts)))
        return
    if args.certificate_timing:
        print(json.dumps(certificate_timing()))
        return
    rng = random.Random(2026)
    started = time.monotonic()
    counts: dict[str, int | float] = dict(seed_members(args.scale, rng))
    counts.update(seed_resources(args.scale, rng))
    counts.update(seed_community(args.scale, rng))
    # Its own random sequence: the pages picked below stay those of runs before webinars were seeded.
    counts.update(seed_webinars(args.scale, random.Random(2027)))
    thread = target_thread(rng)
    webinars = target_webinars()
    user = bench_member()
    # Its own random sequence too; after the bench member, who is one of the learners.
    counts.update(seed_courses(args.scale, random.Random(2028), user))
    courses = target_courses()
    posters = poster_sessions()
    if connection.vendor == "postgresql":
        # A live database is analysed by autovacuum soon after bulk changes; without statistics
        # the planner guesses one row per table and nested-loops over every member.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    searchers = searcher_sessions()
    searcher_pks = list(
        User.objects.filter(email__endswith="@" + EMAIL_DOMAIN, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:SEARCHERS]
    )
    result = {
        "counts": counts,
        "seconds": round(time.monotonic() - started, 2),
        "bench_member_pk": user.pk,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session_key": session_for(user),
        "staff_session": session_for(bench_staff()),
        **impact_timing(),
        "searcher_sessions": searchers,
        # The registration burst: as many members at once, each posting once (the searchers).
        "webinar_burst_sessions": searchers[:WEBINAR_BURST],
        "poster_pks": [pk for pk, _key in posters],
        "poster_sessions": [key for _pk, key in posters],
        **thread,
        **webinars,
        **courses,
        # The quiz posts: the searchers, part-way through the course of the quiz (seed_courses).
        "course_learner_pks": searcher_pks,
        "course_learner_sessions": searchers,
        "profile_pk": target_profile(rng),
        **target_resource(),
        "total_profiles": Profile.objects.count(),
        "public_listed": Profile.objects.listable_for({Visibility.PUBLIC}).count(),
        "member_listed": Profile.objects.listable_for({Visibility.PUBLIC, Visibility.MEMBERS}).count(),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
