"""Demo content of the library: resources in several languages, some as versions of one."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from childhub.accounts.models import Organisation, User
from childhub.core.models import Topic
from childhub.search.text import cyrillic_to_latin, strip_diacritics

from .actions import index_resource, process_resource_file
from .models import Download, Resource, ResourceAudience, ResourceCountry
from .tests.factories import make_pdf

# (key, language, kind, title, summary, topics, countries, organisation, year, url)
RESOURCES: list[tuple[str, str, str, str, str, list[str], list[str], str, int, str]] = [
    (
        "participation",
        "en",
        "document",
        "Supporting children's participation: a guide for professionals",
        "How to help children take part in the decisions that affect them, with practice examples from care, justice and schools.",
        ["child-participation"],
        ["AL", "BA", "RS"],
        "celcis",
        2019,
        "",
    ),
    (
        "participation",
        "bs",
        "document",
        "Podrška učešću djece: vodič za stručnjake",
        "Kako pomoći djeci da učestvuju u odlukama koje ih se tiču, s primjerima iz prakse u zaštiti, pravosuđu i školama.",
        ["child-participation"],
        ["BA"],
        "save-the-children-nwb",
        2020,
        "",
    ),
    (
        "participation",
        "bg",
        "document",
        "Подкрепа за участието на децата: наръчник за професионалисти",
        "Как да помогнем на децата да участват в решенията, които ги засягат.",
        ["child-participation"],
        ["BG"],
        "know-how-centre",
        2020,
        "",
    ),
    (
        "participation",
        "sq",
        "document",
        "Mbështetja e pjesëmarrjes së fëmijëve: udhëzues për profesionistët",
        "Si t'i ndihmojmë fëmijët të marrin pjesë në vendimet që i prekin.",
        ["child-participation"],
        ["AL", "XK"],
        "tdh-albania",
        2021,
        "",
    ),
    (
        "online",
        "sr",
        "document",
        "Заштита деце на интернету",
        "Водич за стручњаке и родитеље о безбедности деце на интернету и препознавању злостављања.",
        ["online-safety", "sexual-abuse"],
        ["RS"],
        "center-for-youth-integration",
        2022,
        "",
    ),
    (
        "online",
        "sr-latn",
        "document",
        "Zaštita dece na internetu",
        "Vodič za stručnjake i roditelje o bezbednosti dece na internetu i prepoznavanju zlostavljanja.",
        ["online-safety", "sexual-abuse"],
        ["RS", "ME"],
        "center-for-youth-integration",
        2022,
        "",
    ),
    (
        "burnout",
        "hr",
        "document",
        "Sagorijevanje na poslu u socijalnoj skrbi",
        "Kako prepoznati i spriječiti sagorijevanje stručnjaka koji rade s djecom i obiteljima.",
        ["professional-wellbeing", "supervision"],
        ["HR"],
        "brave-phone",
        2018,
        "",
    ),
    (
        "burnout",
        "hu",
        "document",
        "Kiégés a gyermekvédelemben",
        "A kiégés felismerése és megelőzése a gyermekvédelmi szakemberek körében.",
        ["professional-wellbeing"],
        ["HU"],
        "tdh-regional-office",
        2018,
        "",
    ),
    (
        "trafficking",
        "ro",
        "document",
        "Identificarea copiilor victime ale traficului",
        "Indicatori și pași practici pentru profesioniștii care lucrează cu copiii în situații de risc.",
        ["trafficking", "exploitation"],
        ["RO", "MD"],
        "tdh-romania",
        2021,
        "",
    ),
    (
        "trafficking",
        "en",
        "document",
        "Identifying child victims of trafficking",
        "Indicators and practical steps for professionals working with children at risk.",
        ["trafficking", "exploitation"],
        ["RO", "MD", "AL"],
        "tdh-regional-office",
        2021,
        "",
    ),
    (
        "juvenile",
        "mk",
        "link",
        "Правда за децата: водич низ постапката",
        "Правата на децата во судир со законот и улогата на стручните лица.",
        ["juvenile-justice"],
        ["MK"],
        "",
        2017,
        "https://example.org/juvenile-justice-mk",
    ),
    (
        "move",
        "el",
        "link",
        "Παιδιά σε μετακίνηση: οδηγός προστασίας",
        "Πρακτικός οδηγός για επαγγελματίες που εργάζονται με ασυνόδευτους ανηλίκους.",
        ["children-on-the-move"],
        ["GR"],
        "",
        2019,
        "https://example.org/children-on-the-move",
    ),
    (
        "move-uk",
        "uk",
        "link",
        "Діти, які були змушені покинути домівки",
        "Як підтримати дітей-біженців та їхні родини: поради для фахівців.",
        ["children-on-the-move", "mental-health"],
        ["UA", "MD"],
        "tdh-moldova",
        2023,
        "https://example.org/uk",
    ),
    (
        "webinar-env",
        "en",
        "video",
        "Children's rights and the environment (webinar recording)",
        "Recording of the ChildHub webinar on the relationship between children's rights and the environment.",
        ["children-and-environment"],
        [],
        "tdh-regional-office",
        2023,
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    ),
    (
        "supervision-podcast",
        "en",
        "audio",
        "Supervision that supports: a conversation",
        "Two supervisors talk about reflective supervision in busy child protection teams.",
        ["supervision", "professional-wellbeing"],
        [],
        "celcis",
        2022,
        "https://soundcloud.com/childhub/supervision-that-supports",
    ),
    (
        "practice-roma",
        "ro",
        "practice",
        "Mediatori școlari pentru copiii romi",
        "O practică promițătoare: mediatori comunitari care țin copiii romi la școală.",
        ["roma-children", "family-support"],
        ["RO"],
        "tdh-romania",
        2020,
        "",
    ),
    (
        "practice-mdt",
        "sq",
        "practice",
        "Ekipi multidisiplinar në nivel bashkie",
        "Si bashkëpunojnë punonjësit socialë, policia dhe shkolla për rastet e abuzimit.",
        ["multidisciplinary-work", "violence-against-children"],
        ["AL"],
        "tdh-albania",
        2019,
        "",
    ),
    (
        "law-bg",
        "bg",
        "link",
        "Закон за закрила на детето: основни права и процедури",
        "Преглед на закона и процедурите за професионалисти.",
        ["legislation-and-policy"],
        ["BG"],
        "know-how-centre",
        2016,
        "https://example.org/law-bg",
    ),
    (
        "care-bs",
        "bs",
        "document",
        "Hraniteljstvo: priručnik za centre za socijalni rad",
        "Kako pripremiti, podržati i pratiti hraniteljske porodice. Djeca u alternativnoj brizi.",
        ["alternative-care"],
        ["BA"],
        "save-the-children-nwb",
        2021,
        "",
    ),
    (
        "disability",
        "en",
        "document",
        "Children with disabilities in child protection",
        "Making child protection services accessible to children with disabilities.",
        ["children-with-disabilities"],
        [],
        "tdh-regional-office",
        2020,
        "",
    ),
]


def _ascii(text: str) -> str:
    """The demo PDFs use a standard font: write their text in plain Latin letters."""
    return strip_diacritics(cyrillic_to_latin(text)).encode("ascii", "ignore").decode()


def seed(out: Any, *, scale: float = 1.0) -> None:
    if Resource.objects.exists():
        out.write(f"library: {Resource.objects.count()} resources (already there)")
        return
    keys: dict[str, uuid.UUID] = {}
    staff = User.objects.filter(is_staff=True).first()
    organisations = {o.slug: o for o in Organisation.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    now = timezone.now()
    for n, (key, language, kind, title, summary, topic_slugs, countries, org, year, url) in enumerate(
        RESOURCES
    ):
        resource = Resource.objects.create(
            translation_key=keys.setdefault(key, uuid.uuid4()),
            language=language,
            kind=kind,
            title=title,
            summary=summary,
            organisation=organisations.get(org),
            year=year,
            url=url,
            licence=Resource.Licence.CC_BY_NC,
            access=Resource.Access.MEMBERS if n % 7 == 6 else Resource.Access.PUBLIC,
            status=Resource.Status.PUBLISHED,
            published_at=now,
            submitted_by=staff,
            authors=organisations[org].name if org in organisations else "",
            practice_context="Context of the practice." if kind == "practice" else "",
            practice_action=summary if kind == "practice" else "",
        )
        resource.topics.set([topics[s] for s in topic_slugs])
        ResourceCountry.objects.bulk_create(
            [ResourceCountry(resource=resource, country=c) for c in countries]
        )
        ResourceAudience.objects.create(resource=resource, profession="social-worker")
        if kind == "document":
            text = [_ascii(title), "ChildHub demo document", _ascii(summary[:90])]
            resource.file.save(f"{key}-{language}.pdf", ContentFile(make_pdf(text)), save=False)
            resource.file_type = "application/pdf"
            resource.file_size = resource.file.size
            resource.save()
            process_resource_file(resource_id=resource.pk)
        else:
            index_resource(resource_id=resource.pk)
        Download.objects.bulk_create(
            [Download(resource=resource, language=language) for _ in range((n * 7) % 23)]
        )
    resource_count = Resource.objects.count()
    out.write(
        f"library: {resource_count} resources in {Resource.objects.values('language').distinct().count()} languages"
    )
