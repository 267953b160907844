"""Demo content of accounts: the seed's partners and funders, and about 60 members."""

from __future__ import annotations

import random
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from childhub.core.models import Language, Topic
from childhub.core.queries import current_policy_versions

from .actions import record_consent
from .models import CoordinatorAssignment, Membership, Organisation, Profile, Visibility
from .tests.factories import OrganisationFactory, ProfileFactory, UserFactory

DEMO_PASSWORD = "childhub-demo-2026"
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"  # demo only: printed by `make run`

PARTNERS = [
    ("tdh-regional-office", "Terre des hommes Regional Office for Europe", "HU", "https://www.tdh.org"),
    ("tdh-albania", "Terre des hommes Albania", "AL", ""),
    ("tdh-kosovo", "Terre des hommes Kosovo", "XK", ""),
    ("tdh-moldova", "Terre des hommes Moldova", "MD", ""),
    ("tdh-romania", "Terre des hommes Romania", "RO", ""),
    ("brave-phone", "Brave Phone", "HR", ""),
    ("know-how-centre", "Know How Centre for Alternative Care for Children", "BG", ""),
    ("center-for-youth-integration", "Center for Youth Integration", "RS", ""),
    ("save-the-children-nwb", "Save the Children North West Balkans", "BA", ""),
    ("celcis", "CELCIS, University of Strathclyde", "GB", "https://www.celcis.org"),
]
FUNDERS = [
    ("european-commission-daphne", "European Commission (DAPHNE programme)"),
    ("austrian-development-cooperation", "Austrian Development Cooperation"),
    ("oak-foundation", "Oak Foundation"),
    ("kanton-zurich-lottery-fund", "Kanton Zürich Lottery Fund"),
    ("unicef", "UNICEF"),
]

# Names as members of each country write them, with the languages they use.
PEOPLE: dict[str, tuple[list[str], list[str]]] = {
    "AL": (["Elira Hoxha", "Arben Krasniqi", "Drita Shehu", "Besnik Leka", "Mirela Çela"], ["sq", "en"]),
    "XK": (["Albina Berisha", "Valon Gashi", "Fjolla Morina", "Driton Rexhepi"], ["sq", "en"]),
    "BA": (
        ["Amra Hodžić", "Emir Kovačević", "Lejla Begić", "Nermin Delić", "Selma Mujić", "Jasmina Softić"],
        ["bs", "hr", "sr-latn"],
    ),
    "BG": (
        ["Мария Иванова", "Георги Петров", "Десислава Димитрова", "Николай Стоянов", "Елена Георгиева"],
        ["bg", "en"],
    ),
    "HR": (["Ivana Horvat", "Marko Babić", "Petra Novak", "Tomislav Jurić", "Ana Knežević"], ["hr", "en"]),
    "MD": (["Ana Rusu", "Ion Ceban", "Natalia Lungu", "Victor Popa"], ["ro", "ru"]),
    "ME": (["Milica Vuković", "Nikola Radović", "Jelena Popović"], ["sr-latn", "en"]),
    "MK": (
        ["Марија Стојанова", "Александар Николовски", "Ивана Трајковска", "Горан Петровски"],
        ["mk", "en"],
    ),
    "RO": (
        ["Andreea Popescu", "Mihai Ionescu", "Ioana Constantin", "Radu Stan", "Elena Dumitru"],
        ["ro", "en"],
    ),
    "RS": (
        [
            "Јелена Петровић",
            "Милош Јовановић",
            "Ana Marković",
            "Stefan Nikolić",
            "Драгана Илић",
            "Marija Đorđević",
        ],
        ["sr", "sr-latn", "en"],
    ),
    "HU": (["Katalin Nagy", "Péter Kovács", "Zsófia Tóth"], ["hu", "en"]),
    "UA": (["Олена Коваленко", "Андрій Шевченко"], ["uk", "ru", "en"]),
    "GR": (["Μαρία Παπαδοπούλου", "Γιώργος Νικολάου"], ["el", "en"]),
}
UI_LANGUAGE = {
    "AL": "sq",
    "XK": "sq",
    "BA": "bs",
    "BG": "bg",
    "HR": "hr",
    "MD": "ro",
    "ME": "sr-latn",
    "MK": "mk",
    "RO": "ro",
    "RS": "sr",
    "HU": "hu",
    "UA": "uk",
    "GR": "el",
}
PARTNER_BY_COUNTRY = {
    "AL": "tdh-albania",
    "XK": "tdh-kosovo",
    "MD": "tdh-moldova",
    "RO": "tdh-romania",
    "HR": "brave-phone",
    "BG": "know-how-centre",
    "RS": "center-for-youth-integration",
    "BA": "save-the-children-nwb",
    "HU": "tdh-regional-office",
}

# Short bios, each in a language its writers use.
BIOS = {
    "AL": "Punoj si punonjëse sociale në njësinë për mbrojtjen e fëmijëve. Më interesojnë pjesëmarrja e fëmijëve dhe puna në ekip multidisiplinar.",
    "XK": "Punoj me fëmijët në konflikt me ligjin dhe me familjet e tyre.",
    "BA": "Radim u centru za socijalni rad. Zanima me podrška porodicama i zaštita djece od nasilja.",
    "BG": "Работя като психолог с деца, преживели насилие, и водя супервизии за социални работници.",
    "HR": "Savjetnica sam na telefonu za djecu. Bavim se online sigurnošću i mentalnim zdravljem mladih.",
    "MD": "Lucrez ca asistent social comunitar și sprijin familiile în situații de risc.",
    "ME": "Radim kao pedagog u osnovnoj školi i vodim program prevencije vršnjačkog nasilja.",
    "MK": "Работам како социјален работник во центар за социјална работа во Скопје.",
    "RO": "Sunt psiholog într-un centru de consiliere pentru copii și adolescenți.",
    "RS": "Радим у центру за социјални рад на пословима заштите деце без родитељског старања.",
    "HU": "Gyermekvédelmi szakemberként dolgozom, a szakmai kiégés megelőzésével foglalkozom.",
    "UA": "Працюю з дітьми, які були змушені покинути свої домівки, та з їхніми родинами.",
    "GR": "Εργάζομαι ως κοινωνική λειτουργός σε δομή φιλοξενίας ασυνόδευτων ανηλίκων.",
    "GB": "I lead the online learning team and co-issue the certificates of our courses.",
}

# The named demo logins (role, e-mail, name, country).
ROLES = [
    ("staff", "staff@childhub.example", "Hub Staff", "HU"),
    ("coordinator", "coordinator.rs@childhub.example", "Ana Marković", "RS"),
    ("moderator", "moderator@childhub.example", "Petra Novak", "HR"),
    ("verified", "verified@childhub.example", "Amra Hodžić", "BA"),
    ("expert", "expert@childhub.example", "Мария Иванова", "BG"),
    ("editor", "editor.celcis@childhub.example", "Fiona MacLeod", "GB"),
    ("member", "member@childhub.example", "Elira Hoxha", "AL"),
]


def _slug_email(name: str, n: int) -> str:
    return f"demo{n:03d}@childhub.example"


def _with_mfa(user: Any) -> None:
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
        RecoveryCodes.activate(user)


def seed(out: Any, *, scale: float = 1.0) -> None:
    rng = random.Random(2026)
    organisations = {}
    for slug, name, country, website in PARTNERS:
        organisations[slug] = OrganisationFactory(
            slug=slug,
            name=name,
            country=country,
            website=website,
            kind=Organisation.Kind.PARTNER,
            description=f"{name} is a ChildHub partner.",
        )
    for slug, name in FUNDERS:
        OrganisationFactory(slug=slug, name=name, country="", kind=Organisation.Kind.FUNDER)

    languages = {lang.code: lang for lang in Language.objects.all()}
    topics = list(Topic.objects.all())
    professions = [p for p, _ in Profile.Profession.choices]
    has_policies = bool(current_policy_versions())

    def make(email: str, name: str, country: str, *, public: bool) -> Profile:
        spoken = PEOPLE.get(country, ([], ["en"]))[1]
        user = UserFactory(
            email=email, display_name=name, language=UI_LANGUAGE.get(country, "en"), password=DEMO_PASSWORD
        )
        level = Visibility.PUBLIC if public else Visibility.MEMBERS
        profile = ProfileFactory(
            user=user,
            country=country,
            profession=rng.choice(professions),
            name_visibility=level,
            country_visibility=level,
            profession_visibility=level,
            organisation_visibility=level,
            languages_visibility=level,
            topics_visibility=level,
            bio_visibility=level,
            job_title=rng.choice(["Case manager", "Head of unit", "Counsellor", "Researcher", "Trainer", ""]),
            organisation=organisations.get(PARTNER_BY_COUNTRY.get(country, "")),
            bio=BIOS.get(country, ""),
        )
        if not profile.languages.exists():
            profile.languages.set([languages[c] for c in spoken if c in languages])
            profile.topics.set(rng.sample(topics, 3))
        if has_policies:
            record_consent(member=user)
        return profile

    n = 0
    for country, (names, _langs) in PEOPLE.items():
        for name in names:
            n += 1
            make(_slug_email(name, n), name, country, public=n % 3 != 0)

    roles = {}
    for role, email, name, country in ROLES:
        roles[role] = make(email, name, country, public=True)
    staff = roles["staff"].user
    staff.is_staff = staff.is_superuser = True
    staff.save(update_fields=["is_staff", "is_superuser"])
    roles["moderator"].user.is_moderator = True
    roles["moderator"].user.save(update_fields=["is_moderator"])
    CoordinatorAssignment.objects.get_or_create(member=roles["coordinator"].user, country="RS")
    for role in ("staff", "coordinator", "moderator"):
        _with_mfa(roles[role].user)
    now = timezone.now()
    Profile.objects.filter(pk__in=[roles["verified"].pk, roles["expert"].pk, roles["coordinator"].pk]).update(
        verified_at=now
    )
    expert = roles["expert"]
    expert.is_expert = True
    expert.save(update_fields=["is_expert"])
    expert.expert_topics.set(
        Topic.objects.filter(slug__in=["sexual-abuse", "child-participation", "alternative-care"])
    )
    expert.expert_languages.set([languages["bg"], languages["en"]])
    for profile in rng.sample(list(Profile.objects.filter(user__email__startswith="demo")), 6):
        profile.is_expert = True
        profile.verified_at = profile.verified_at or now
        profile.save(update_fields=["is_expert", "verified_at"])
        profile.expert_topics.set(rng.sample(topics, 2))
        profile.expert_languages.set(profile.languages.all())
    Membership.objects.get_or_create(
        organisation=organisations["celcis"],
        member=roles["editor"].user,
        defaults={"role": Membership.Role.EDITOR},
    )
    for org in organisations.values():
        for profile in Profile.objects.filter(organisation=org).select_related("user")[:3]:
            Membership.objects.get_or_create(organisation=org, member=profile.user)
    out.write(
        f"accounts: {len(PARTNERS)} partners, {len(FUNDERS)} funders, {Profile.objects.count()} members"
    )


def logins() -> list[tuple[str, str]]:
    return [(role, email) for role, email, _name, _country in ROLES]
