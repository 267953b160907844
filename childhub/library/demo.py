"""Demo content of the library: about 170 resources of every kind, topic and language.

Most come in translation groups (versions of one resource that share a translation key), the
rest from the topic × genre tables at the end (the bulk, multiplied by ``--scale``). Documents
get a real PDF (previewed and read for search), images a drawn infographic, some audio a short
WAV; videos and the other audio are YouTube, Vimeo or SoundCloud links.
"""

from __future__ import annotations

import hashlib
import textwrap
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from childhub.accounts.models import Organisation, User
from childhub.core.countries import REGION, country_name
from childhub.core.models import Topic
from childhub.search.text import cyrillic_to_latin, strip_diacritics

from .actions import _store_file, index_resource, process_resource_file
from .models import Download, Resource, ResourceAudience, ResourceChange, ResourceCountry
from .tests.factories import make_infographic, make_pdf, make_wav

PUBLIC, MEMBERS = Resource.Access.PUBLIC, Resource.Access.MEMBERS
BULK_SIZE = 54  # generated resources at scale 1


@dataclass(frozen=True)
class V:
    """One language version: its own title and summary, and what differs from the work."""

    title: str
    summary: str
    org: str | None = None
    year: int | None = None
    countries: tuple[str, ...] | None = None
    url: str = ""
    practice: tuple[str, str, str] | None = None  # context, what was done, results
    transcript: str = ""
    facts: tuple[str, ...] = ()  # the lines an infographic shows


@dataclass(frozen=True)
class Work:
    """A resource and its versions (the same translation key)."""

    key: str
    kind: str
    topics: tuple[str, ...]
    org: str
    year: int
    countries: tuple[str, ...]
    versions: dict[str, V]
    audiences: tuple[str, ...] = ("social-worker",)
    access: str = PUBLIC
    licence: str = Resource.Licence.CC_BY_NC
    contact: str = ""
    wav: bool = False  # audio: a generated clip instead of a SoundCloud link
    authors: str = ""


WORKS: list[Work] = [
    # --- Translation groups ------------------------------------------------------------------
    Work(
        "participation",
        "document",
        ("child-participation",),
        "celcis",
        2019,
        ("AL", "BA", "RS"),
        {
            "en": V(
                "Supporting children's participation: a guide for professionals",
                "How to help children take part in the decisions that affect them, with practice examples from care, justice and schools.",
            ),
            "bs": V(
                "Podrška učešću djece: vodič za stručnjake",
                "Kako pomoći djeci da učestvuju u odlukama koje ih se tiču, s primjerima iz prakse u zaštiti, pravosuđu i školama.",
                org="save-the-children-nwb",
                year=2020,
                countries=("BA",),
            ),
            "bg": V(
                "Подкрепа за участието на децата: наръчник за професионалисти",
                "Как да помогнем на децата да участват в решенията, които ги засягат, с примери от грижата, правосъдието и училищата.",
                org="know-how-centre",
                year=2020,
                countries=("BG",),
            ),
            "sq": V(
                "Mbështetja e pjesëmarrjes së fëmijëve: udhëzues për profesionistët",
                "Si t'i ndihmojmë fëmijët të marrin pjesë në vendimet që i prekin, me shembuj nga kujdesi, drejtësia dhe shkollat.",
                org="tdh-albania",
                year=2021,
                countries=("AL", "XK"),
            ),
            "mk": V(
                "Поддршка на учеството на децата: водич за стручни лица",
                "Како да им помогнеме на децата да учествуваат во одлуките што ги засегаат, со примери од праксата во згрижувањето, правосудството и училиштата.",
                org="",
                year=2021,
                countries=("MK",),
            ),
            "ro": V(
                "Sprijinirea participării copiilor: ghid pentru profesioniști",
                "Cum îi ajutăm pe copii să ia parte la deciziile care îi privesc, cu exemple din protecția copilului, justiție și școli.",
                org="tdh-romania",
                year=2022,
                countries=("RO", "MD"),
            ),
        },
        audiences=("social-worker", "education", "ngo"),
        licence=Resource.Licence.CC_BY,
    ),
    Work(
        "online",
        "document",
        ("online-safety", "sexual-abuse"),
        "center-for-youth-integration",
        2022,
        ("RS",),
        {
            "sr": V(
                "Заштита деце на интернету",
                "Водич за стручњаке и родитеље о безбедности деце на интернету и препознавању злостављања.",
            ),
            "sr-latn": V(
                "Zaštita dece na internetu",
                "Vodič za stručnjake i roditelje o bezbednosti dece na internetu i prepoznavanju zlostavljanja.",
                countries=("RS", "ME"),
            ),
            "en": V(
                "Protecting children online",
                "A guide for professionals and parents on children's safety on the internet and on recognising online grooming and abuse.",
                countries=("RS", "ME", "BA"),
            ),
            "hr": V(
                "Zaštita djece na internetu",
                "Vodič za stručnjake i roditelje o sigurnosti djece na internetu i prepoznavanju zlostavljanja putem interneta.",
                org="brave-phone",
                year=2023,
                countries=("HR",),
            ),
            "mk": V(
                "Заштита на децата на интернет",
                "Водич за стручни лица и родители за безбедноста на децата на интернет и за препознавање на злоупотреба.",
                org="",
                year=2023,
                countries=("MK",),
            ),
            "uk": V(
                "Захист дітей в інтернеті",
                "Посібник для фахівців і батьків про безпеку дітей в інтернеті та про те, як розпізнати онлайн-грумінг і насильство.",
                org="",
                year=2024,
                countries=("UA",),
            ),
        },
        audiences=("social-worker", "education", "police"),
    ),
    Work(
        "burnout",
        "document",
        ("professional-wellbeing", "supervision"),
        "brave-phone",
        2018,
        ("HR",),
        {
            "hr": V(
                "Sagorijevanje na poslu u socijalnoj skrbi",
                "Kako prepoznati i spriječiti sagorijevanje stručnjaka koji rade s djecom i obiteljima.",
            ),
            "hu": V(
                "Kiégés a gyermekvédelemben",
                "A kiégés felismerése és megelőzése a gyermekvédelmi szakemberek körében.",
                org="tdh-regional-office",
                countries=("HU",),
            ),
            "en": V(
                "Burnout in social care: recognise it, prevent it",
                "How professionals who work with children and families can recognise the early signs of burnout, and what teams and managers can do to prevent it.",
                countries=(),
            ),
            "bg": V(
                "Прегаряне в социалната работа",
                "Как да разпознаем и предотвратим прегарянето при специалистите, които работят с деца и семейства.",
                org="know-how-centre",
                year=2019,
                countries=("BG",),
            ),
            "ro": V(
                "Epuizarea profesională în asistența socială",
                "Cum recunoaștem și prevenim epuizarea profesioniștilor care lucrează cu copiii și familiile.",
                org="tdh-romania",
                year=2019,
                countries=("RO",),
            ),
        },
        audiences=("social-worker", "psychologist"),
        access=MEMBERS,
    ),
    Work(
        "trafficking",
        "document",
        ("trafficking", "exploitation"),
        "tdh-romania",
        2021,
        ("RO", "MD"),
        {
            "ro": V(
                "Identificarea copiilor victime ale traficului",
                "Indicatori și pași practici pentru profesioniștii care lucrează cu copiii în situații de risc.",
            ),
            "en": V(
                "Identifying child victims of trafficking",
                "Indicators and practical steps for professionals working with children at risk.",
                org="tdh-regional-office",
                countries=("RO", "MD", "AL"),
            ),
            "ru": V(
                "Выявление детей — жертв торговли людьми",
                "Индикаторы и практические шаги для специалистов, работающих с детьми из групп риска.",
                org="tdh-moldova",
                countries=("MD",),
            ),
            "sq": V(
                "Identifikimi i fëmijëve viktima të trafikimit",
                "Tregues dhe hapa praktikë për profesionistët që punojnë me fëmijë në rrezik.",
                org="tdh-albania",
                year=2022,
                countries=("AL",),
            ),
            "uk": V(
                "Виявлення дітей, постраждалих від торгівлі людьми",
                "Індикатори та практичні кроки для фахівців, які працюють з дітьми в ситуаціях ризику.",
                org="tdh-moldova",
                year=2023,
                countries=("UA", "MD"),
            ),
        },
        audiences=("social-worker", "police", "ngo"),
    ),
    Work(
        "juvenile",
        "document",
        ("juvenile-justice",),
        "",
        2017,
        ("MK",),
        {
            "mk": V(
                "Правда за децата: водич низ постапката",
                "Правата на децата во судир со законот и на децата жртви и сведоци и улогата на стручните лица во секоја фаза од постапката.",
            ),
            "en": V(
                "Justice for children: a guide through the proceedings",
                "The rights of children in conflict with the law and of child victims and witnesses, and the role of social workers, psychologists and lawyers at each stage.",
                org="tdh-regional-office",
                countries=("MK", "XK", "AL"),
            ),
            "sr-latn": V(
                "Pravosuđe za decu: vodič kroz postupak",
                "Prava dece u sukobu sa zakonom i dece žrtava i svedoka, i uloga socijalnih radnika, psihologa i advokata u svakoj fazi postupka.",
                org="center-for-youth-integration",
                year=2018,
                countries=("RS",),
            ),
            "sq": V(
                "Drejtësi për fëmijët: udhëzues përgjatë procedurës",
                "Të drejtat e fëmijëve në konflikt me ligjin dhe të fëmijëve viktima e dëshmitarë, si dhe roli i punonjësve socialë, psikologëve dhe avokatëve në çdo fazë.",
                org="tdh-kosovo",
                year=2018,
                countries=("XK",),
            ),
            "bg": V(
                "Правосъдие за децата: пътеводител през производството",
                "Правата на децата в конфликт със закона и на децата жертви и свидетели и ролята на социалните работници, психолозите и адвокатите на всеки етап.",
                org="know-how-centre",
                year=2019,
                countries=("BG",),
            ),
        },
        audiences=("judiciary", "police", "social-worker"),
    ),
    Work(
        "move",
        "document",
        ("children-on-the-move",),
        "",
        2019,
        ("GR",),
        {
            "el": V(
                "Παιδιά σε μετακίνηση: οδηγός προστασίας",
                "Πρακτικός οδηγός για επαγγελματίες που εργάζονται με ασυνόδευτους ανηλίκους.",
            ),
            "en": V(
                "Children on the move: a protection guide",
                "A practical guide for professionals who work with unaccompanied and separated children at borders, in reception centres and in communities.",
                org="tdh-regional-office",
                countries=("GR", "MK", "RS", "HU"),
            ),
            "sr": V(
                "Деца у покрету: водич за заштиту",
                "Практичан водич за стручњаке који раде са децом без пратње и децом раздвојеном од породица на границама, у прихватним центрима и у заједници.",
                org="center-for-youth-integration",
                year=2020,
                countries=("RS",),
            ),
            "bg": V(
                "Деца в движение: наръчник за закрила",
                "Практическо ръководство за специалисти, които работят с непридружени и разделени деца.",
                org="know-how-centre",
                year=2020,
                countries=("BG",),
            ),
            "mk": V(
                "Деца во движење: водич за заштита",
                "Практичен водич за стручни лица кои работат со деца без придружба и деца разделени од семејствата.",
                year=2020,
                countries=("MK",),
            ),
            "hu": V(
                "Úton lévő gyermekek: védelmi útmutató",
                "Gyakorlati útmutató szakembereknek, akik kísérő nélküli és családjuktól elszakított gyermekekkel dolgoznak.",
                org="tdh-regional-office",
                year=2020,
                countries=("HU",),
            ),
        },
        audiences=("social-worker", "police", "ngo"),
        licence=Resource.Licence.CC_BY_SA,
    ),
    Work(
        "refugee-children",
        "link",
        ("children-on-the-move", "mental-health"),
        "tdh-moldova",
        2023,
        ("UA", "MD"),
        {
            "uk": V(
                "Діти, які були змушені покинути домівки",
                "Як підтримати дітей-біженців та їхні родини: поради для фахівців.",
            ),
            "ru": V(
                "Дети, вынужденные покинуть дом",
                "Как поддержать детей-беженцев и их семьи: советы для специалистов.",
                countries=("MD",),
            ),
            "ro": V(
                "Copiii care au fost nevoiți să-și părăsească locuința",
                "Cum îi sprijinim pe copiii refugiați și familiile lor: sfaturi pentru profesioniști.",
                org="tdh-romania",
                countries=("RO", "MD"),
            ),
            "en": V(
                "Children who had to leave their homes",
                "How to support refugee children and their families: advice for professionals.",
                countries=("UA", "MD", "RO", "HU"),
            ),
            "hu": V(
                "Otthonukat elhagyni kényszerült gyermekek",
                "Hogyan támogassuk a menekült gyermekeket és családjaikat: tanácsok szakembereknek.",
                org="tdh-regional-office",
                countries=("HU",),
            ),
        },
        audiences=("social-worker", "psychologist", "education"),
    ),
    Work(
        "webinar-environment",
        "video",
        ("children-and-environment",),
        "tdh-regional-office",
        2023,
        (),
        {
            "en": V(
                "Children's rights and the environment (webinar recording)",
                "Recording of the ChildHub webinar on the relationship between children's rights and the environment.",
                url="https://www.youtube.com/watch?v=Xk3vQ9pL2mA",
                transcript="Moderator: Welcome to this ChildHub webinar. Today we ask what a healthy environment has to do with child protection, and what professionals can do about it.",
            ),
            "ro": V(
                "Drepturile copiilor și mediul (înregistrare webinar)",
                "Înregistrarea webinarului ChildHub despre legătura dintre drepturile copiilor și mediu, cu subtitrare în limba română.",
                url="https://www.youtube.com/watch?v=p7RtW2nYc4E",
                countries=("RO", "MD"),
            ),
            "sr-latn": V(
                "Prava deteta i životna sredina (snimak vebinara)",
                "Snimak ChildHub vebinara o vezi između prava deteta i zaštite životne sredine, sa titlovima na srpskom.",
                url="https://youtu.be/Lm8sD3fHq1Z",
                countries=("RS", "ME"),
            ),
            "el": V(
                "Τα δικαιώματα του παιδιού και το περιβάλλον (βιντεοσκόπηση σεμιναρίου)",
                "Βιντεοσκόπηση του διαδικτυακού σεμιναρίου του ChildHub για τη σχέση ανάμεσα στα δικαιώματα του παιδιού και στο περιβάλλον, με ελληνικούς υπότιτλους.",
                url="https://www.youtube.com/watch?v=Vb6nK0tRw5U",
                countries=("GR",),
            ),
        },
        audiences=("ngo", "education", "public-administration"),
        licence=Resource.Licence.CC_BY,
    ),
    Work(
        "supervision-podcast",
        "audio",
        ("supervision", "professional-wellbeing"),
        "celcis",
        2022,
        (),
        {
            "en": V(
                "Supervision that supports: a conversation",
                "Two supervisors talk about reflective supervision in busy child protection teams.",
                url="https://soundcloud.com/childhub/supervision-that-supports",
            ),
            "hr": V(
                "Supervizija koja podržava: razgovor",
                "Dvije supervizorice razgovaraju o refleksivnoj superviziji u opterećenim timovima za zaštitu djece.",
                url="https://soundcloud.com/childhub/supervizija-koja-podrzava",
                org="brave-phone",
                countries=("HR",),
            ),
            "bg": V(
                "Супервизия, която подкрепя: разговор",
                "Две супервизорки разговарят за рефлексивната супервизия в натоварените екипи за закрила на детето.",
                url="https://soundcloud.com/childhub/supervizia-koyato-podkrepya",
                org="know-how-centre",
                year=2023,
                countries=("BG",),
            ),
        },
        audiences=("social-worker", "psychologist"),
    ),
    Work(
        "listening-podcast",
        "audio",
        ("violence-against-children", "sexual-abuse"),
        "brave-phone",
        2024,
        (),
        {
            "en": V(
                "Listening to children — ChildHub podcast, episode 1",
                "A child helpline counsellor explains how to listen to a child who discloses abuse: what to say, what not to ask, and what to do next.",
                transcript="Counsellor: When a child tells you about abuse, the first thing is to stay calm and to believe them. Say “Thank you for telling me”, do not promise to keep it a secret, and tell the child what you will do next.",
            ),
            "sr-latn": V(
                "Slušati decu — ChildHub podkast, epizoda 1",
                "Savetnica sa linije za pomoć deci objašnjava kako saslušati dete koje govori o zlostavljanju: šta reći, šta ne pitati i šta uraditi posle razgovora.",
                countries=("RS", "ME"),
                org="center-for-youth-integration",
                transcript="Savetnica: Kada vam dete kaže da trpi zlostavljanje, najvažnije je da ostanete mirni i da mu verujete. Recite „Hvala ti što si mi rekao“, ne obećavajte da ćete čuvati tajnu i objasnite detetu šta ćete sledeće uraditi.",
            ),
            "ro": V(
                "Să-i ascultăm pe copii — podcastul ChildHub, episodul 1",
                "O consilieră de la linia de asistență pentru copii explică cum ascultăm un copil care dezvăluie un abuz: ce spunem, ce nu întrebăm și ce facem după aceea.",
                countries=("RO", "MD"),
                org="tdh-romania",
                transcript="Consiliera: Când un copil vă spune că este abuzat, cel mai important este să rămâneți calm și să-l credeți. Spuneți „Îți mulțumesc că mi-ai spus”, nu promiteți că păstrați secretul și explicați-i copilului ce veți face în continuare.",
            ),
            "sq": V(
                "T'i dëgjojmë fëmijët — podkasti i ChildHub, episodi 1",
                "Një këshilltare e linjës së ndihmës për fëmijët shpjegon si ta dëgjojmë një fëmijë që rrëfen abuzim: çfarë të themi, çfarë të mos pyesim dhe çfarë të bëjmë më pas.",
                countries=("AL", "XK"),
                org="tdh-albania",
                transcript="Këshilltarja: Kur një fëmijë ju tregon për abuzim, gjëja e parë është të qëndroni të qetë dhe ta besoni. Thoni „Faleminderit që më tregove“, mos premtoni se do ta mbani sekret dhe i tregoni fëmijës çfarë do të bëni më pas.",
            ),
        },
        audiences=("education", "social-worker", "health"),
        wav=True,
        licence=Resource.Licence.CC_BY_NC_ND,
    ),
    Work(
        "practice-roma-mediators",
        "practice",
        ("roma-children", "family-support"),
        "tdh-romania",
        2020,
        ("RO",),
        {
            "ro": V(
                "Mediatori școlari pentru copiii romi",
                "O practică promițătoare: mediatori din comunitate care îi ajută pe copiii romi să rămână la școală.",
                practice=(
                    "În mai multe comunități din județul Dolj, copiii romi abandonau școala înainte de clasa a V-a, iar părinții aveau puțin contact cu profesorii.",
                    "Am format zece mediatori școlari din comunitate, care vizitează familiile, însoțesc copiii la școală și organizează întâlniri între părinți și profesori.",
                    "În doi ani, absenteismul a scăzut cu o treime, iar 46 de copii care abandonaseră școala s-au întors la cursuri.",
                ),
            ),
            "en": V(
                "School mediators for Roma children",
                "A promising practice: mediators from the community who help Roma children stay in school.",
                practice=(
                    "In several communities in Dolj county, Roma children were leaving school before the fifth grade, and parents had little contact with teachers.",
                    "We trained ten school mediators from the community, who visit families, accompany children to school and organise meetings between parents and teachers.",
                    "Within two years, absences fell by a third, and 46 children who had dropped out went back to school.",
                ),
            ),
            "hu": V(
                "Iskolai mediátorok roma gyermekekért",
                "Ígéretes gyakorlat: a közösségből származó mediátorok segítik a roma gyermekeket abban, hogy iskolában maradjanak.",
                practice=(
                    "Több Dolj megyei közösségben a roma gyermekek az ötödik osztály előtt elhagyták az iskolát, a szülők pedig alig tartották a kapcsolatot a tanárokkal.",
                    "Tíz, a közösségből származó iskolai mediátort képeztünk ki, akik meglátogatják a családokat, elkísérik a gyerekeket az iskolába, és szülő–tanár találkozókat szerveznek.",
                    "Két év alatt egyharmadával csökkent a hiányzás, és 46, korábban lemorzsolódott gyermek tért vissza az iskolába.",
                ),
            ),
            "bg": V(
                "Образователни медиатори за ромските деца",
                "Обещаваща практика: медиатори от общността помагат на ромските деца да останат в училище.",
                practice=(
                    "В няколко общности в окръг Долж ромските деца напускаха училище преди пети клас, а родителите имаха малко контакт с учителите.",
                    "Обучихме десет образователни медиатори от общността, които посещават семействата, придружават децата до училище и организират срещи между родители и учители.",
                    "За две години отсъствията намаляха с една трета, а 46 деца, отпаднали от училище, се върнаха в клас.",
                ),
            ),
        },
        audiences=("education", "social-worker", "ngo"),
        contact="Andreea Popescu, Terre des hommes Romania — education@tdh-romania.example",
        access=MEMBERS,
    ),
    Work(
        "practice-mdt",
        "practice",
        ("multidisciplinary-work", "violence-against-children"),
        "tdh-albania",
        2019,
        ("AL",),
        {
            "sq": V(
                "Ekipi multidisiplinar në nivel bashkie",
                "Si bashkëpunojnë punonjësit socialë, policia dhe shkolla për rastet e abuzimit.",
                practice=(
                    "Në bashkinë e Elbasanit, rastet e abuzimit raportoheshin në institucione të ndryshme, por askush nuk i ndiqte deri në fund.",
                    "Njësia për mbrojtjen e fëmijëve ngriti një ekip me punonjës socialë, policinë, shkollat dhe qendrën shëndetësore, që mblidhet çdo muaj dhe harton një plan të përbashkët për çdo fëmijë.",
                    "Brenda një viti, 112 raste u menaxhuan me plan individual dhe koha nga raportimi deri te ndërhyrja u përgjysmua.",
                ),
            ),
            "en": V(
                "A multidisciplinary team at municipal level",
                "How social workers, police and schools work together on cases of child abuse.",
                practice=(
                    "In the municipality of Elbasan, cases of abuse were reported to different institutions, but no one followed them through.",
                    "The child protection unit set up a team of social workers, police, schools and the health centre that meets every month and agrees a joint plan for every child.",
                    "Within a year, 112 cases were managed with an individual plan, and the time from report to intervention was halved.",
                ),
            ),
            "mk": V(
                "Мултидисциплинарен тим на ниво на општина",
                "Како соработуваат социјалните работници, полицијата и училиштето во случаи на злоупотреба на деца.",
                practice=(
                    "Во општината Елбасан случаите на злоупотреба се пријавуваа во различни институции, но никој не ги следеше до крај.",
                    "Единицата за заштита на децата формираше тим од социјални работници, полиција, училишта и здравствениот дом, кој се состанува секој месец и договара заеднички план за секое дете.",
                    "За една година, 112 случаи беа водени со индивидуален план, а времето од пријавата до интервенцијата се преполови.",
                ),
            ),
            "bs": V(
                "Multidisciplinarni tim na nivou općine",
                "Kako socijalni radnici, policija i škola sarađuju u slučajevima zlostavljanja djece.",
                practice=(
                    "U općini Elbasan slučajevi zlostavljanja prijavljivani su različitim institucijama, ali ih niko nije pratio do kraja.",
                    "Jedinica za zaštitu djece formirala je tim socijalnih radnika, policije, škola i doma zdravlja koji se sastaje svakog mjeseca i dogovara zajednički plan za svako dijete.",
                    "U roku od godinu dana 112 slučajeva vođeno je prema individualnom planu, a vrijeme od prijave do intervencije prepolovljeno je.",
                ),
            ),
        },
        audiences=("social-worker", "police", "education", "health"),
        contact="Elira Hoxha, Terre des hommes Albania — mdt@tdh-albania.example",
    ),
    Work(
        "foster-care",
        "document",
        ("alternative-care",),
        "save-the-children-nwb",
        2021,
        ("BA",),
        {
            "bs": V(
                "Hraniteljstvo: priručnik za centre za socijalni rad",
                "Kako pripremiti, podržati i pratiti hraniteljske porodice. Djeca u alternativnoj brizi.",
            ),
            "en": V(
                "Foster care: a handbook for social work centres",
                "How to prepare, support and monitor foster families, so that children in alternative care grow up in a safe family environment.",
                countries=("BA", "ME", "RS"),
            ),
            "hr": V(
                "Udomiteljstvo: priručnik za centre za socijalnu skrb",
                "Kako pripremiti, podržati i pratiti udomiteljske obitelji kako bi djeca u alternativnoj skrbi odrastala u sigurnom obiteljskom okruženju.",
                countries=("HR",),
            ),
            "mk": V(
                "Згрижувачко семејство: прирачник за центрите за социјална работа",
                "Како да се подготват, поддржат и следат згрижувачките семејства, за децата во алтернативна грижа да растат во безбедна семејна средина.",
                year=2022,
                countries=("MK",),
            ),
            "me": V(
                "Hraniteljstvo: priručnik za centre za socijalni rad u Crnoj Gori",
                "Kako pripremiti, podržati i pratiti hraniteljske porodice, da bi djeca u alternativnom staranju odrastala u sigurnom porodičnom okruženju.",
                year=2022,
                countries=("ME",),
            ),
            "bg": V(
                "Приемна грижа: наръчник за социалните служби",
                "Как да подготвим, подкрепим и наблюдаваме приемните семейства, така че децата в алтернативна грижа да растат в сигурна семейна среда.",
                org="know-how-centre",
                year=2022,
                countries=("BG",),
            ),
        },
        audiences=("social-worker", "public-administration"),
    ),
    Work(
        "disability",
        "document",
        ("children-with-disabilities",),
        "tdh-regional-office",
        2020,
        (),
        {
            "en": V(
                "Children with disabilities in child protection",
                "Making child protection services accessible to children with disabilities.",
            ),
            "bg": V(
                "Децата с увреждания в системата за закрила",
                "Как да направим услугите за закрила на детето достъпни за децата с увреждания.",
                org="know-how-centre",
                countries=("BG",),
            ),
            "ro": V(
                "Copiii cu dizabilități în sistemul de protecție",
                "Cum facem serviciile de protecție a copilului accesibile copiilor cu dizabilități.",
                org="tdh-romania",
                year=2021,
                countries=("RO",),
            ),
            "el": V(
                "Παιδιά με αναπηρία και προστασία του παιδιού",
                "Πώς οι υπηρεσίες προστασίας του παιδιού γίνονται προσβάσιμες στα παιδιά με αναπηρία.",
                org="",
                year=2021,
                countries=("GR",),
            ),
            "tr": V(
                "Çocuk koruma sisteminde engelli çocuklar",
                "Çocuk koruma hizmetlerinin engelli çocuklar için erişilebilir hâle getirilmesi üzerine bir rehber.",
                org="",
                year=2022,
                countries=("TR",),
            ),
        },
        audiences=("social-worker", "health", "education"),
    ),
    Work(
        "crc-summary",
        "document",
        ("legislation-and-policy", "child-participation"),
        "tdh-regional-office",
        2014,
        (),
        {
            "en": V(
                "The Convention on the Rights of the Child: a summary for professionals",
                "The 54 articles of the UN Convention in plain language, with what each of them means for the daily work of social workers, teachers, police officers and judges.",
            ),
            "uk": V(
                "Конвенція ООН про права дитини: стислий виклад для фахівців",
                "54 статті Конвенції простою мовою і те, що кожна з них означає для щоденної роботи соціальних працівників, учителів, поліцейських і суддів.",
                year=2015,
                countries=("UA",),
            ),
            "ru": V(
                "Конвенция ООН о правах ребёнка: краткое изложение для специалистов",
                "54 статьи Конвенции простым языком и то, что каждая из них означает для повседневной работы социальных работников, педагогов, полицейских и судей.",
                org="tdh-moldova",
                year=2015,
                countries=("MD",),
            ),
            "ro": V(
                "Convenția ONU cu privire la drepturile copilului: rezumat pentru profesioniști",
                "Cele 54 de articole ale Convenției pe înțelesul tuturor și ce înseamnă fiecare pentru munca de zi cu zi a asistenților sociali, profesorilor, polițiștilor și judecătorilor.",
                org="tdh-moldova",
                year=2015,
                countries=("MD", "RO"),
            ),
            "el": V(
                "Η Σύμβαση για τα Δικαιώματα του Παιδιού: σύνοψη για επαγγελματίες",
                "Τα 54 άρθρα της Σύμβασης του ΟΗΕ σε απλή γλώσσα και τι σημαίνει το καθένα για την καθημερινή δουλειά κοινωνικών λειτουργών, εκπαιδευτικών, αστυνομικών και δικαστών.",
                year=2016,
                countries=("GR",),
            ),
            "de": V(
                "Die UN-Kinderrechtskonvention: eine Zusammenfassung für Fachkräfte",
                "Die 54 Artikel der Konvention in einfacher Sprache und was jeder von ihnen für die tägliche Arbeit von Sozialarbeit, Schule, Polizei und Justiz bedeutet.",
                year=2016,
                countries=("AT", "CH", "DE"),
            ),
        },
        audiences=("social-worker", "education", "police", "judiciary"),
        licence=Resource.Licence.CC_BY,
    ),
    Work(
        "first-aid",
        "document",
        ("mental-health", "children-on-the-move"),
        "tdh-moldova",
        2022,
        ("UA", "MD"),
        {
            "uk": V(
                "Перша психологічна допомога дітям після кризи",
                "Як підтримати дитину в перші дні після війни, втрати чи евакуації: прості кроки для вчителів, соціальних працівників і волонтерів.",
            ),
            "en": V(
                "Psychological first aid for children after a crisis",
                "How to support a child in the first days after war, loss or evacuation: simple steps for teachers, social workers and volunteers.",
                countries=("UA", "MD", "RO", "HU"),
            ),
            "ru": V(
                "Первая психологическая помощь детям после кризиса",
                "Как поддержать ребёнка в первые дни после войны, утраты или эвакуации: простые шаги для педагогов, социальных работников и волонтёров.",
                countries=("MD",),
            ),
            "ro": V(
                "Primul ajutor psihologic pentru copii după o criză",
                "Cum sprijinim un copil în primele zile după război, pierderea unei persoane dragi sau evacuare: pași simpli pentru profesori, asistenți sociali și voluntari.",
                org="tdh-romania",
                countries=("RO", "MD"),
            ),
            "hu": V(
                "Pszichológiai elsősegély gyermekeknek krízis után",
                "Hogyan támogassunk egy gyermeket a háború, a veszteség vagy a kitelepítés utáni első napokban: egyszerű lépések tanároknak, szociális munkásoknak és önkénteseknek.",
                org="tdh-regional-office",
                countries=("HU",),
            ),
        },
        audiences=("psychologist", "education", "ngo"),
        licence=Resource.Licence.CC_BY,
    ),
    Work(
        "positive-parenting",
        "document",
        ("family-support", "violence-against-children"),
        "save-the-children-nwb",
        2017,
        ("BA",),
        {
            "en": V(
                "Positive parenting: materials for parent groups",
                "Eight sessions for groups of parents on everyday discipline without violence, with handouts and guidance for facilitators.",
                countries=("BA", "RS", "ME", "MK"),
            ),
            "sr": V(
                "Позитивно родитељство: материјали за групе родитеља",
                "Осам радионица за групе родитеља о свакодневном васпитању без насиља, са материјалима за учеснике и упутствима за водитеље.",
                org="center-for-youth-integration",
                countries=("RS",),
            ),
            "bs": V(
                "Pozitivno roditeljstvo: materijali za grupe roditelja",
                "Osam radionica za grupe roditelja o svakodnevnom odgoju bez nasilja, s materijalima za učesnike i uputama za voditelje.",
            ),
            "me": V(
                "Pozitivno roditeljstvo: materijali za roditeljske grupe",
                "Osam radionica za grupe roditelja o svakodnevnom vaspitanju bez nasilja, sa materijalima za učesnike i uputstvima za voditelje.",
                year=2018,
                countries=("ME",),
            ),
            "mk": V(
                "Позитивно родителство: материјали за групи родители",
                "Осум работилници за групи родители за секојдневно воспитување без насилство, со материјали за учесниците и упатства за водителите.",
                org="",
                year=2018,
                countries=("MK",),
            ),
            "sq": V(
                "Prindërimi pozitiv: materiale për grupet e prindërve",
                "Tetë seanca për grupe prindërish mbi disiplinën e përditshme pa dhunë, me fletëpalosje dhe udhëzime për lehtësuesit.",
                org="tdh-kosovo",
                year=2019,
                countries=("XK", "AL"),
            ),
        },
        audiences=("social-worker", "psychologist", "ngo"),
        licence=Resource.Licence.CC_BY_SA,
    ),
    Work(
        "signs-of-abuse",
        "image",
        ("violence-against-children", "sexual-abuse"),
        "tdh-regional-office",
        2020,
        (),
        {
            "en": V(
                "Signs that a child may be experiencing abuse",
                "An infographic for teachers and other professionals: the physical, behavioural and emotional signs to watch for, and who to call.",
                facts=(
                    "Unexplained injuries",
                    "A sudden change in behaviour",
                    "Fear of going home",
                    "Call the child helpline 116 111",
                ),
            ),
            "sq": V(
                "Shenjat që një fëmijë mund të jetë duke u abuzuar",
                "Infografikë për mësuesit dhe profesionistët e tjerë: shenjat fizike, të sjelljes dhe emocionale që duhen vënë re, dhe kë të telefononi.",
                org="tdh-albania",
                countries=("AL", "XK"),
                facts=(
                    "Lëndime të pashpjeguara",
                    "Ndryshim i papritur në sjellje",
                    "Frikë për të shkuar në shtëpi",
                    "Telefononi linjën 116 111",
                ),
            ),
            "mk": V(
                "Знаци дека детето можеби трпи злоупотреба",
                "Инфографик за наставници и други стручни лица: физичките, однесувачките и емоционалните знаци на кои треба да се внимава и кого да повикате.",
                org="",
                countries=("MK",),
                facts=(
                    "Необјаснети повреди",
                    "Нагла промена во однесувањето",
                    "Страв од одење дома",
                    "Јавете се на 116 111",
                ),
            ),
            "sr": V(
                "Знаци да дете можда трпи злостављање",
                "Инфографик за наставнике и друге стручњаке: физички знаци, знаци у понашању и емоционални знаци на које треба обратити пажњу и кога позвати.",
                org="center-for-youth-integration",
                countries=("RS",),
                facts=(
                    "Необјашњене повреде",
                    "Нагла промена понашања",
                    "Страх од одласка кући",
                    "Позовите 116 111",
                ),
            ),
            "hu": V(
                "Jelek, amelyek gyermekbántalmazásra utalhatnak",
                "Infografika pedagógusoknak és más szakembereknek: a testi, viselkedési és érzelmi jelek, amelyekre figyelni kell, és hogy kit hívjunk.",
                countries=("HU",),
                facts=(
                    "Megmagyarázatlan sérülések",
                    "Hirtelen viselkedésváltozás",
                    "Félelem a hazamenéstől",
                    "Hívja a 116 111-es számot",
                ),
            ),
            "ro": V(
                "Semne că un copil ar putea fi abuzat",
                "Infografic pentru profesori și alți profesioniști: semnele fizice, comportamentale și emoționale la care trebuie să fim atenți și pe cine sunăm.",
                org="tdh-romania",
                countries=("RO", "MD"),
                facts=(
                    "Răni inexplicabile",
                    "O schimbare bruscă de comportament",
                    "Frica de a merge acasă",
                    "Sunați la 116 111",
                ),
            ),
        },
        audiences=("education", "health", "social-worker"),
        licence=Resource.Licence.CC_BY,
    ),
    Work(
        "climate-film",
        "video",
        ("children-and-environment", "child-participation"),
        "tdh-regional-office",
        2025,
        (),
        {
            "en": V(
                "Climate change through children's eyes",
                "A short film in which children from five countries of the region talk about heat waves, floods and what they want adults to do.",
                url="https://vimeo.com/9123456780",
            ),
            "hu": V(
                "A klímaváltozás gyermekszemmel",
                "Rövidfilm, amelyben a régió öt országának gyermekei beszélnek a hőhullámokról, az árvizekről és arról, mit várnak a felnőttektől.",
                url="https://vimeo.com/9123456781",
                countries=("HU",),
            ),
            "hr": V(
                "Klimatske promjene očima djece",
                "Kratki film u kojem djeca iz pet zemalja regije govore o toplinskim valovima, poplavama i o tome što očekuju od odraslih.",
                url="https://vimeo.com/9123456782",
                org="brave-phone",
                countries=("HR",),
            ),
            "bs": V(
                "Klimatske promjene očima djece (verzija za BiH)",
                "Kratki film u kojem djeca iz pet zemalja regiona govore o toplotnim talasima, poplavama i o tome šta očekuju od odraslih.",
                url="https://vimeo.com/9123456783",
                org="save-the-children-nwb",
                countries=("BA",),
            ),
        },
        audiences=("education", "ngo"),
        licence=Resource.Licence.CC_BY_NC_ND,
    ),
    # --- Single resources: laws, studies, practices, media -------------------------------------
    Work(
        "law-bg",
        "link",
        ("legislation-and-policy",),
        "know-how-centre",
        2016,
        ("BG",),
        {
            "bg": V(
                "Закон за закрила на детето: основни права и процедури",
                "Преглед на основните права на детето по закона и на процедурите при сигнал за дете в риск — за социални работници, учители и полицаи.",
                url="https://example.org/know-how-centre/zakon-za-zakrila-na-deteto",
            )
        },
        audiences=("social-worker", "education", "police"),
        licence=Resource.Licence.PUBLIC_DOMAIN,
    ),
    Work(
        "law-rs",
        "link",
        ("legislation-and-policy", "violence-against-children"),
        "center-for-youth-integration",
        2015,
        ("RS",),
        {
            "sr-latn": V(
                "Porodični zakon: odredbe o zaštiti deteta od nasilja",
                "Pregled odredbi Porodičnog zakona o pravu deteta na zaštitu od nasilja, merama zaštite i ulozi centra za socijalni rad.",
                url="https://example.org/cim/porodicni-zakon-zastita-od-nasilja",
            )
        },
        audiences=("social-worker", "judiciary"),
        licence=Resource.Licence.PUBLIC_DOMAIN,
    ),
    Work(
        "law-hr",
        "link",
        ("legislation-and-policy", "family-support", "child-participation"),
        "brave-phone",
        2023,
        ("HR",),
        {
            "hr": V(
                "Obiteljski zakon: što stručnjaci trebaju znati",
                "Sažetak najvažnijih odredbi o roditeljskoj skrbi, mjerama za zaštitu dobrobiti djeteta i pravu djeteta da izrazi svoje mišljenje.",
                url="https://example.org/brave-phone/obiteljski-zakon",
            )
        },
        audiences=("social-worker", "judiciary", "psychologist"),
        licence=Resource.Licence.PUBLIC_DOMAIN,
    ),
    Work(
        "law-ro",
        "link",
        ("legislation-and-policy",),
        "tdh-romania",
        2012,
        ("RO",),
        {
            "ro": V(
                "Legea nr. 272/2004 privind protecția și promovarea drepturilor copilului: ghid de aplicare",
                "Ghid pentru profesioniștii din direcțiile de asistență socială: obligațiile de semnalare, măsurile de protecție specială și termenele prevăzute de lege.",
                url="https://example.org/tdh-romania/legea-272-2004",
            )
        },
        audiences=("social-worker", "public-administration"),
        licence=Resource.Licence.PUBLIC_DOMAIN,
    ),
    Work(
        "law-al",
        "link",
        ("legislation-and-policy", "multidisciplinary-work"),
        "tdh-albania",
        2017,
        ("AL",),
        {
            "sq": V(
                "Ligji për të drejtat dhe mbrojtjen e fëmijës: përmbledhje për profesionistët",
                "Përmbledhje e ligjit nr. 18/2017, me rolin e njësive për mbrojtjen e fëmijëve dhe hapat që ndiqen kur një fëmijë është në rrezik.",
                url="https://example.org/tdh-albania/ligji-18-2017",
            )
        },
        audiences=("social-worker", "public-administration"),
        licence=Resource.Licence.PUBLIC_DOMAIN,
    ),
    Work(
        "law-mk",
        "link",
        ("legislation-and-policy", "juvenile-justice"),
        "",
        2013,
        ("MK",),
        {
            "mk": V(
                "Закон за правда за децата: преглед за практичари",
                "Преглед на законот со посебен осврт на алтернативните мерки, правата на децата жртви и сведоци и улогата на центрите за социјална работа.",
                url="https://example.org/pravda-za-decata",
            )
        },
        audiences=("judiciary", "social-worker", "police"),
        licence=Resource.Licence.PUBLIC_DOMAIN,
    ),
    Work(
        "law-md",
        "link",
        ("legislation-and-policy", "multidisciplinary-work"),
        "tdh-moldova",
        2014,
        ("MD",),
        {
            "ru": V(
                "Закон о специальной защите детей, находящихся в ситуации риска: комментарий",
                "Комментарий к закону Республики Молдова: кто обязан сообщать о ребёнке в ситуации риска, как действует межведомственный механизм и какие сроки установлены.",
                url="https://example.org/tdh-moldova/zakon-140",
            )
        },
        audiences=("social-worker", "public-administration", "police"),
        licence=Resource.Licence.PUBLIC_DOMAIN,
    ),
    Work(
        "law-hu",
        "link",
        ("legislation-and-policy",),
        "tdh-regional-office",
        2012,
        ("HU",),
        {
            "hu": V(
                "A gyermekvédelmi törvény legfontosabb rendelkezései",
                "Összefoglaló a gyermekvédelmi törvényről: a jelzőrendszer, az alapellátás és a szakellátás feladatai, valamint a gyermek jogai az eljárásban.",
                url="https://example.org/tdh/gyermekvedelmi-torveny",
            )
        },
        audiences=("social-worker", "public-administration"),
        licence=Resource.Licence.PUBLIC_DOMAIN,
    ),
    Work(
        "law-ua",
        "link",
        ("legislation-and-policy", "violence-against-children"),
        "",
        2024,
        ("UA",),
        {
            "uk": V(
                "Як діяти у випадках насильства над дитиною: порядок взаємодії",
                "Стислий огляд порядку взаємодії служб у справах дітей, поліції, шкіл і закладів охорони здоров’я, коли є підозра на насильство над дитиною.",
                url="https://example.org/poryadok-vzayemodiyi",
            )
        },
        audiences=("social-worker", "police", "education", "health"),
        licence=Resource.Licence.PUBLIC_DOMAIN,
    ),
    Work(
        "study-residential",
        "document",
        ("alternative-care", "violence-against-children"),
        "tdh-regional-office",
        2013,
        ("AL", "BA", "BG", "MK", "RO", "RS"),
        {
            "en": V(
                "Violence against children in residential care in South East Europe: a regional study",
                "Based on visits to 40 residential institutions and interviews with children and staff in six countries, the study describes the forms of violence children experience in care and what protects them.",
            )
        },
        audiences=("public-administration", "social-worker", "student"),
        access=MEMBERS,
        authors="Ana Marković, Fiona MacLeod, Mihai Ionescu",
    ),
    Work(
        "study-teen-mental-health",
        "document",
        ("mental-health",),
        "",
        2022,
        ("GR",),
        {
            "el": V(
                "Η ψυχική υγεία των εφήβων μετά την πανδημία: έρευνα σε σχολεία",
                "Έρευνα σε 1.500 μαθητές γυμνασίου και λυκείου για το άγχος, τη μοναξιά και την αναζήτηση βοήθειας μετά τα χρόνια της πανδημίας.",
            )
        },
        audiences=("psychologist", "education", "health"),
        authors="Μαρία Παπαδοπούλου",
    ),
    Work(
        "study-peer-violence-me",
        "document",
        ("violence-against-children", "child-participation"),
        "save-the-children-nwb",
        2018,
        ("ME",),
        {
            "me": V(
                "Vršnjačko nasilje u školama u Crnoj Gori: rezultati istraživanja",
                "Istraživanje među učenicima osnovnih i srednjih škola o tome koliko često doživljavaju vršnjačko nasilje, kome se obraćaju i šta bi im pomoglo.",
            )
        },
        audiences=("education", "psychologist"),
        authors="Milica Vuković, Nikola Radović",
    ),
    Work(
        "study-seasonal-work",
        "document",
        ("exploitation", "family-support"),
        "",
        2019,
        ("TR",),
        {
            "tr": V(
                "Mevsimlik tarım işçisi ailelerin çocukları: saha araştırması",
                "Mevsimlik tarım işlerinde çalışan ailelerin çocuklarının eğitime erişimi, çalışma koşulları ve ihtiyaç duydukları destekler üzerine bir saha araştırması.",
            )
        },
        audiences=("ngo", "public-administration", "student"),
        access=MEMBERS,
    ),
    Work(
        "study-burnout-de",
        "document",
        ("professional-wellbeing", "supervision"),
        "",
        2016,
        ("AT", "CH", "DE"),
        {
            "de": V(
                "Belastung und Supervision von Fachkräften im Kinderschutz",
                "Eine Befragung von 800 Fachkräften aus Jugendämtern und freien Trägern zeigt, wie Fallbelastung, Supervision und Teamklima mit Burnout zusammenhängen.",
            )
        },
        audiences=("social-worker", "student"),
        licence=Resource.Licence.ALL_RIGHTS,
    ),
    Work(
        "study-street-children",
        "document",
        ("exploitation", "roma-children"),
        "tdh-romania",
        2015,
        ("RO",),
        {
            "fr": V(
                "Les enfants en situation de rue à Bucarest : une étude qualitative",
                "Des entretiens avec des enfants et des jeunes vivant dans la rue à Bucarest sur leur parcours, leurs stratégies de survie et leur rapport aux services sociaux.",
            )
        },
        audiences=("ngo", "social-worker", "student"),
        access=MEMBERS,
    ),
    Work(
        "practice-chat",
        "practice",
        ("mental-health", "online-safety"),
        "brave-phone",
        2021,
        ("HR",),
        {
            "hr": V(
                "Savjetovanje djece putem chata",
                "Kako smo uz telefonsko savjetovanje uveli i chat, jer mnoga djeca i mladi lakše pišu nego govore o onome što ih muči.",
                practice=(
                    "Sve manje djece i mladih javljalo se na telefon, a istraživanje među učenicima pokazalo je da bi radije pisali.",
                    "Otvorili smo chat savjetovalište koje radi svaki radni dan od 17 do 21 sat. Savjetnici su prošli dodatnu edukaciju o pisanoj komunikaciji i procjeni rizika.",
                    "U prvoj godini vodili smo više od 3.000 razgovora; trećina se odnosila na anksioznost i samoozljeđivanje, a u 40 slučajeva dijete je uz pristanak upućeno hitnim službama.",
                ),
            )
        },
        audiences=("psychologist", "ngo"),
        contact="Petra Novak, Brave Phone — savjetovanje@brave-phone.example",
    ),
    Work(
        "practice-family-centre",
        "practice",
        ("family-support", "alternative-care"),
        "know-how-centre",
        2016,
        ("BG",),
        {
            "bg": V(
                "Център за подкрепа на семейството в малка община",
                "Как общински център за подкрепа на семейството предотвратява изоставянето на деца и подпомага връщането им в семейството.",
                practice=(
                    "В общината всяка година няколко деца бяха настанявани в институции заради бедност и липса на подкрепа за родителите.",
                    "Създадохме консултативен център със социален работник, психолог и юрист, които работят с родителите в дома им, а при нужда и с училището и личния лекар.",
                    "За три години новите настанявания извън семейството намаляха наполовина, а 17 деца се върнаха при родителите си.",
                ),
            )
        },
        audiences=("social-worker", "public-administration"),
        contact="Мария Иванова, Know How Centre — family@knowhow.example",
    ),
    Work(
        "practice-mobile-teams",
        "practice",
        ("mental-health", "children-on-the-move"),
        "tdh-moldova",
        2023,
        ("UA",),
        {
            "uk": V(
                "Мобільні бригади соціально-психологічної допомоги",
                "Як мобільні команди психологів і соціальних працівників підтримують дітей і батьків у громадах, які прийняли внутрішньо переміщених осіб.",
                practice=(
                    "Після 2022 року в невеликі громади прибули тисячі переміщених сімей, а найближчі служби психологічної допомоги були за десятки кілометрів.",
                    "Три мобільні бригади (психолог, соціальний працівник і водій) щотижня відвідують громади, проводять групові заняття для дітей, консультують батьків і скеровують до спеціалістів.",
                    "За рік підтримку отримали понад 1 200 дітей; більшість батьків повідомили, що діти краще сплять і легше повертаються до навчання.",
                ),
            )
        },
        audiences=("psychologist", "social-worker", "ngo"),
        contact="Олена Коваленко — mobile.teams@tdh-moldova.example",
    ),
    Work(
        "practice-peer-teams",
        "practice",
        ("child-participation",),
        "center-for-youth-integration",
        2020,
        ("RS",),
        {
            "sr": V(
                "Вршњачки тимови за учешће деце у локалној заједници",
                "Деца и млади из осам општина сами су истражили шта им недостаје у заједници и представили своје предлоге локалној самоуправи.",
                practice=(
                    "Деца ретко имају прилику да утичу на одлуке општине, иако се многе тичу управо њих: паркова, превоза до школе и безбедности на улици.",
                    "Формирали смо вршњачке тимове од по десеторо деце узраста од 12 до 17 година. Уз подршку ментора спровели су анкете међу вршњацима и припремили предлоге за општинско веће.",
                    "Шест општина усвојило је бар један предлог деце, а у две је основан стални дечји савет.",
                ),
            )
        },
        audiences=("ngo", "public-administration", "education"),
        contact="Јелена Петровић, Центар за интеграцију младих — ucesce@cim.example",
    ),
    Work(
        "practice-diversion",
        "practice",
        ("juvenile-justice",),
        "tdh-kosovo",
        2016,
        ("XK",),
        {
            "en": V(
                "Diversion for children in conflict with the law",
                "How educational measures and mediation with victims keep children who commit minor offences out of court, and help them make amends.",
                practice=(
                    "Most children in conflict with the law in Kosovo had committed minor offences, yet they waited months for a court hearing and rarely received support.",
                    "Together with the probation service and the prosecution, we set up a referral path to educational measures: mediation with the victim, community work and counselling for the child and the family.",
                    "Over two years, 214 children completed a diversion measure; fewer than one in ten came into contact with the police again within a year.",
                ),
            )
        },
        audiences=("judiciary", "social-worker", "police"),
        contact="Valon Gashi, Terre des hommes Kosovo — justice@tdh-kosovo.example",
        access=MEMBERS,
    ),
    Work(
        "practice-safe-zones",
        "practice",
        ("children-on-the-move", "alternative-care"),
        "",
        2018,
        ("GR",),
        {
            "el": V(
                "Ασφαλείς ζώνες για ασυνόδευτους ανηλίκους",
                "Προσωρινοί χώροι φιλοξενίας μέσα σε δομές προσφύγων, όπου τα ασυνόδευτα παιδιά βρίσκουν ασφάλεια, φροντίδα και ενημέρωση για τα δικαιώματά τους.",
                practice=(
                    "Πολλά ασυνόδευτα παιδιά περίμεναν εβδομάδες για θέση σε ξενώνα και έμεναν στο μεταξύ μαζί με ενήλικες που δεν γνώριζαν.",
                    "Δημιουργήσαμε χωριστές ασφαλείς ζώνες με 24ωρη παρουσία φροντιστών, κοινωνικό λειτουργό, διερμηνείς και καθημερινές δραστηριότητες για τα παιδιά.",
                    "Περισσότερα από 600 παιδιά φιλοξενήθηκαν με ασφάλεια, και τα περισσότερα μεταφέρθηκαν σε κατάλληλους ξενώνες μέσα σε δύο μήνες.",
                ),
            )
        },
        audiences=("social-worker", "ngo"),
        contact="Γιώργος Νικολάου — safezones@childhub.example",
    ),
    Work(
        "practice-parents-disability",
        "practice",
        ("children-with-disabilities", "family-support"),
        "tdh-moldova",
        2019,
        ("MD",),
        {
            "ru": V(
                "Группы поддержки для родителей детей с инвалидностью",
                "Родители детей с инвалидностью встречаются раз в месяц, чтобы обмениваться опытом и узнавать о своих правах и услугах в районе.",
                practice=(
                    "Многие родители детей с инвалидностью в сельских районах чувствовали себя одинокими и не знали, на какие услуги имеют право.",
                    "Социальные работники и психолог организовали ежемесячные встречи в шести районах; на некоторые встречи приглашались врачи, учителя и юристы.",
                    "Около 150 семей регулярно участвуют во встречах; 40 детей начали посещать обычную школу с поддержкой ассистента.",
                ),
            )
        },
        audiences=("social-worker", "health", "education"),
        contact="Natalia Lungu, Terre des hommes Moldova — parents@tdh-moldova.example",
    ),
    Work(
        "practice-supervision-group",
        "practice",
        ("supervision", "professional-wellbeing"),
        "tdh-regional-office",
        2024,
        ("HU",),
        {
            "hu": V(
                "Szupervíziós csoport pályakezdő gyermekvédelmi szakembereknek",
                "Havi csoportos szupervízió pályakezdő esetmenedzsereknek, hogy ne maradjanak egyedül a nehéz esetekkel.",
                practice=(
                    "A pályakezdő esetmenedzserek közel fele két éven belül elhagyta a gyermekvédelmet, sokan a kiégés és a magány miatt.",
                    "Külső szupervizor vezetésével havonta háromórás csoportos szupervíziót tartunk, ahol a résztvevők saját eseteiket hozzák, és egymástól is tanulnak.",
                    "Az első év végén a résztvevők kevesebb stresszről számoltak be, és a csoportból senki sem hagyta el a pályát.",
                ),
            )
        },
        audiences=("social-worker",),
        contact="Katalin Nagy — szupervizio@tdh.example",
    ),
    Work(
        "video-interviewing",
        "video",
        ("juvenile-justice", "sexual-abuse"),
        "celcis",
        2021,
        (),
        {
            "en": V(
                "Interviewing children: a demonstration",
                "A recorded mock interview with a child witness, with commentary on open questions, pacing and how to close the interview safely.",
                url="https://youtu.be/Qe4TnB7yHs2",
                transcript="Interviewer: Tell me everything about that day, from the beginning. Take your time. — Commentary: the open invitation lets the child choose the words; the interviewer waits and does not suggest details.",
            )
        },
        audiences=("police", "judiciary", "psychologist"),
        access=MEMBERS,
        licence=Resource.Licence.ALL_RIGHTS,
    ),
    Work(
        "helplines-map",
        "image",
        ("violence-against-children", "mental-health"),
        "brave-phone",
        2025,
        ("AL", "BA", "BG", "HR", "XK", "MD", "ME", "MK", "RO", "RS"),
        {
            "en": V(
                "Child helplines 116 111 in South East Europe",
                "A one-page overview of the child helplines of the region: how children can reach them and what happens when they call.",
                facts=(
                    "Free and confidential for every child",
                    "Phone, chat and e-mail in ten countries",
                    "Trained counsellors, also in the evening",
                    "116 111: the same number everywhere",
                ),
            )
        },
        audiences=("education", "ngo", "health"),
        licence=Resource.Licence.CC_BY,
    ),
]

# --- The bulk: a topic phrase and a genre make a title, in each interface language ----------------

TOPIC_ORDER = [
    "violence-against-children",
    "sexual-abuse",
    "trafficking",
    "exploitation",
    "online-safety",
    "juvenile-justice",
    "alternative-care",
    "children-on-the-move",
    "child-participation",
    "children-with-disabilities",
    "roma-children",
    "family-support",
    "mental-health",
    "professional-wellbeing",
    "supervision",
    "multidisciplinary-work",
    "legislation-and-policy",
    "children-and-environment",
]

# Each topic as a title begins, in TOPIC_ORDER (Serbian Latin is transliterated from Cyrillic).
TOPIC_PHRASES: dict[str, list[str]] = {
    "en": [
        "Violence against children",
        "Child sexual abuse",
        "Child trafficking",
        "Child labour and exploitation",
        "Children's safety online",
        "Child-friendly justice",
        "Foster care and family-type care",
        "Unaccompanied and separated children",
        "Child participation",
        "Inclusion of children with disabilities",
        "Roma children's access to services",
        "Support for families at risk",
        "Children's mental health",
        "Burnout among child protection professionals",
        "Reflective supervision",
        "Multidisciplinary case management",
        "Child protection legislation",
        "Children's rights and climate change",
    ],
    "sq": [
        "Dhuna ndaj fëmijëve",
        "Abuzimi seksual i fëmijëve",
        "Trafikimi i fëmijëve",
        "Puna e fëmijëve dhe shfrytëzimi",
        "Siguria e fëmijëve në internet",
        "Drejtësia miqësore për fëmijët",
        "Kujdesi në familje kujdestare",
        "Fëmijët e pashoqëruar dhe të ndarë nga familja",
        "Pjesëmarrja e fëmijëve",
        "Përfshirja e fëmijëve me aftësi të kufizuara",
        "Qasja e fëmijëve romë në shërbime",
        "Mbështetja për familjet në rrezik",
        "Shëndeti mendor i fëmijëve",
        "Djegia profesionale e punonjësve të mbrojtjes së fëmijëve",
        "Supervizioni reflektues",
        "Menaxhimi multidisiplinar i rastit",
        "Legjislacioni për mbrojtjen e fëmijëve",
        "Të drejtat e fëmijëve dhe ndryshimet klimatike",
    ],
    "bg": [
        "Насилие над деца",
        "Сексуално насилие над деца",
        "Трафик на деца",
        "Детски труд и експлоатация",
        "Безопасност на децата в интернет",
        "Правосъдие, съобразено с децата",
        "Приемна грижа и грижа от семеен тип",
        "Непридружени и разделени деца",
        "Участие на децата",
        "Приобщаване на деца с увреждания",
        "Достъп на ромските деца до услуги",
        "Подкрепа за семейства в риск",
        "Психично здраве на децата",
        "Професионално прегаряне",
        "Рефлексивна супервизия",
        "Мултидисциплинарна работа по случай",
        "Законодателство за закрила на детето",
        "Правата на децата и климатичните промени",
    ],
    "bs": [
        "Nasilje nad djecom",
        "Seksualno zlostavljanje djece",
        "Trgovina djecom",
        "Dječiji rad i eksploatacija",
        "Sigurnost djece na internetu",
        "Pravosuđe prilagođeno djeci",
        "Hraniteljstvo i porodični smještaj",
        "Djeca bez pratnje i razdvojena djeca",
        "Učešće djece",
        "Inkluzija djece s poteškoćama u razvoju",
        "Pristup romske djece uslugama",
        "Podrška porodicama u riziku",
        "Mentalno zdravlje djece",
        "Sagorijevanje stručnjaka u zaštiti djece",
        "Refleksivna supervizija",
        "Multidisciplinarno vođenje slučaja",
        "Zakonodavstvo o zaštiti djece",
        "Prava djece i klimatske promjene",
    ],
    "el": [
        "Βία κατά των παιδιών",
        "Σεξουαλική κακοποίηση παιδιών",
        "Εμπορία παιδιών",
        "Παιδική εργασία και εκμετάλλευση",
        "Ασφάλεια των παιδιών στο διαδίκτυο",
        "Φιλική προς το παιδί δικαιοσύνη",
        "Αναδοχή και φροντίδα οικογενειακού τύπου",
        "Ασυνόδευτα και χωρισμένα παιδιά",
        "Συμμετοχή των παιδιών",
        "Ένταξη παιδιών με αναπηρία",
        "Πρόσβαση των παιδιών Ρομά σε υπηρεσίες",
        "Στήριξη οικογενειών σε κίνδυνο",
        "Ψυχική υγεία των παιδιών",
        "Επαγγελματική εξουθένωση",
        "Αναστοχαστική εποπτεία",
        "Διεπιστημονική διαχείριση περιστατικών",
        "Νομοθεσία για την προστασία του παιδιού",
        "Δικαιώματα του παιδιού και κλιματική αλλαγή",
    ],
    "hr": [
        "Nasilje nad djecom",
        "Seksualno zlostavljanje djece",
        "Trgovanje djecom",
        "Dječji rad i iskorištavanje",
        "Sigurnost djece na internetu",
        "Pravosuđe prilagođeno djeci",
        "Udomiteljstvo",
        "Djeca bez pratnje i odvojena djeca",
        "Sudjelovanje djece",
        "Uključivanje djece s teškoćama u razvoju",
        "Dostupnost usluga romskoj djeci",
        "Podrška obiteljima u riziku",
        "Mentalno zdravlje djece",
        "Sagorijevanje stručnjaka u zaštiti djece",
        "Refleksivna supervizija",
        "Multidisciplinarno vođenje slučaja",
        "Zakonodavstvo o zaštiti djece",
        "Prava djece i klimatske promjene",
    ],
    "hu": [
        "Gyermekek elleni erőszak",
        "Gyermekek szexuális bántalmazása",
        "Gyermekkereskedelem",
        "Gyermekmunka és kizsákmányolás",
        "Gyermekek biztonsága az interneten",
        "Gyermekbarát igazságszolgáltatás",
        "Nevelőszülői ellátás",
        "Kísérő nélküli és családjuktól elszakított gyermekek",
        "Gyermeki részvétel",
        "Fogyatékossággal élő gyermekek befogadása",
        "Roma gyermekek hozzáférése a szolgáltatásokhoz",
        "Veszélyeztetett családok támogatása",
        "Gyermekek mentális egészsége",
        "Szakmai kiégés",
        "Reflektív szupervízió",
        "Multidiszciplináris esetkezelés",
        "Gyermekvédelmi jogszabályok",
        "Gyermeki jogok és klímaváltozás",
    ],
    "mk": [
        "Насилство врз деца",
        "Сексуална злоупотреба на деца",
        "Трговија со деца",
        "Детски труд и експлоатација",
        "Безбедност на децата на интернет",
        "Правда прилагодена на децата",
        "Згрижувачки семејства",
        "Деца без придружба и разделени деца",
        "Учество на децата",
        "Вклучување на деца со попреченост",
        "Пристап на ромските деца до услуги",
        "Поддршка на семејства во ризик",
        "Ментално здравје на децата",
        "Професионално согорување",
        "Рефлексивна супервизија",
        "Мултидисциплинарно водење на случаи",
        "Законодавство за заштита на децата",
        "Правата на децата и климатските промени",
    ],
    "ro": [
        "Violența împotriva copiilor",
        "Abuzul sexual asupra copiilor",
        "Traficul de copii",
        "Munca copiilor și exploatarea",
        "Siguranța copiilor pe internet",
        "Justiția prietenoasă copiilor",
        "Asistența maternală și îngrijirea de tip familial",
        "Copiii neînsoțiți și separați",
        "Participarea copiilor",
        "Incluziunea copiilor cu dizabilități",
        "Accesul copiilor romi la servicii",
        "Sprijinul pentru familiile în situație de risc",
        "Sănătatea mintală a copiilor",
        "Epuizarea profesională",
        "Supervizarea reflexivă",
        "Managementul de caz multidisciplinar",
        "Legislația privind protecția copilului",
        "Drepturile copiilor și schimbările climatice",
    ],
    "ru": [
        "Насилие в отношении детей",
        "Сексуальное насилие над детьми",
        "Торговля детьми",
        "Детский труд и эксплуатация",
        "Безопасность детей в интернете",
        "Правосудие, дружественное к детям",
        "Приёмные семьи и уход семейного типа",
        "Несопровождаемые и разлучённые с семьёй дети",
        "Участие детей",
        "Инклюзия детей с инвалидностью",
        "Доступ детей-ромов к услугам",
        "Поддержка семей группы риска",
        "Психическое здоровье детей",
        "Профессиональное выгорание",
        "Рефлексивная супервизия",
        "Междисциплинарное ведение случая",
        "Законодательство о защите детей",
        "Права детей и изменение климата",
    ],
    "sr": [
        "Насиље над децом",
        "Сексуално злостављање деце",
        "Трговина децом",
        "Дечји рад и експлоатација",
        "Безбедност деце на интернету",
        "Правосуђе прилагођено деци",
        "Хранитељство и породични смештај",
        "Деца без пратње и раздвојена деца",
        "Учешће деце",
        "Инклузија деце са сметњама у развоју",
        "Приступ ромске деце услугама",
        "Подршка породицама у ризику",
        "Ментално здравље деце",
        "Сагоревање стручњака у заштити деце",
        "Рефлексивна супервизија",
        "Мултидисциплинарно вођење случаја",
        "Законодавство о заштити деце",
        "Права деце и климатске промене",
    ],
    "uk": [
        "Насильство щодо дітей",
        "Сексуальне насильство над дітьми",
        "Торгівля дітьми",
        "Дитяча праця та експлуатація",
        "Безпека дітей в інтернеті",
        "Правосуддя, дружнє до дитини",
        "Прийомні сім’ї та догляд сімейного типу",
        "Діти без супроводу та розлучені з сім’єю",
        "Участь дітей",
        "Інклюзія дітей з інвалідністю",
        "Доступ ромських дітей до послуг",
        "Підтримка сімей у складних життєвих обставинах",
        "Психічне здоров’я дітей",
        "Професійне вигорання",
        "Рефлексивна супервізія",
        "Міждисциплінарне ведення випадку",
        "Законодавство про захист дітей",
        "Права дітей і зміна клімату",
    ],
}

# Genres: (name, kind); then per language the title ({t} topic, {c} country) and the summary.
GENRES = [
    ("report", "document"),
    ("handbook", "document"),
    ("training", "document"),
    ("study", "document"),
    ("policy", "document"),
    ("faq", "document"),
    ("infographic", "image"),
    ("webinar", "video"),
]
GENRE_TEXTS: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            "{t}: country report — {c}",
            "An overview of the situation, the services available and the main gaps, with recommendations for practitioners and decision makers.",
        ),
        (
            "{t}: a handbook for practitioners",
            "Step-by-step guidance, checklists and case examples for social workers, psychologists, teachers and police officers.",
        ),
        (
            "{t}: training module",
            "Materials for a one-day training: session plans, exercises, presentation notes and an evaluation form.",
        ),
        (
            "{t}: findings of a regional study",
            "Key findings from interviews and focus groups with professionals, parents and children, and what they mean for everyday practice.",
        ),
        (
            "{t}: policy brief",
            "Recommendations for ministries and local authorities, based on evidence from the region and on international standards.",
        ),
        (
            "{t}: ten questions and answers",
            "A short introduction for professionals who are new to the topic, with suggestions for further reading.",
        ),
        (
            "{t}: key facts",
            "The main figures and messages on one page, ready to print for the office or to share with colleagues.",
        ),
        (
            "{t}: webinar recording",
            "Recording of a ChildHub webinar with practitioners and researchers from the region, including the questions from participants.",
        ),
    ],
    "sq": [
        (
            "{t}: raport për vendin — {c}",
            "Një pasqyrë e situatës, e shërbimeve në dispozicion dhe e mangësive kryesore, me rekomandime për praktikuesit dhe vendimmarrësit.",
        ),
        (
            "{t}: manual për praktikuesit",
            "Udhëzime hap pas hapi, lista kontrolli dhe shembuj rastesh për punonjësit socialë, psikologët, mësuesit dhe policinë.",
        ),
        (
            "{t}: modul trajnimi",
            "Materiale për një trajnim njëditor: plane seancash, ushtrime, shënime për prezantimin dhe një formular vlerësimi.",
        ),
        (
            "{t}: gjetjet e një studimi rajonal",
            "Gjetjet kryesore nga intervistat dhe grupet e fokusit me profesionistë, prindër dhe fëmijë, dhe çfarë nënkuptojnë ato për praktikën e përditshme.",
        ),
        (
            "{t}: dokument politikash",
            "Rekomandime për ministritë dhe autoritetet vendore, bazuar në të dhëna nga rajoni dhe në standardet ndërkombëtare.",
        ),
        (
            "{t}: dhjetë pyetje dhe përgjigje",
            "Një hyrje e shkurtër për profesionistët që sapo njihen me këtë temë, me sugjerime për lexim të mëtejshëm.",
        ),
        (
            "{t}: faktet kryesore",
            "Shifrat dhe mesazhet kryesore në një faqe, gati për t'u printuar për zyrën ose për t'u ndarë me kolegët.",
        ),
        (
            "{t}: regjistrimi i webinarit",
            "Regjistrimi i një webinari të ChildHub me praktikues dhe studiues nga rajoni, përfshirë pyetjet e pjesëmarrësve.",
        ),
    ],
    "bg": [
        (
            "{t}: национален доклад — {c}",
            "Преглед на ситуацията, наличните услуги и основните пропуски, с препоръки към специалистите и институциите.",
        ),
        (
            "{t}: наръчник за специалисти",
            "Указания стъпка по стъпка, контролни списъци и примерни случаи за социални работници, психолози, учители и полицаи.",
        ),
        (
            "{t}: обучителен модул",
            "Материали за еднодневно обучение: планове на сесиите, упражнения, бележки към презентацията и формуляр за оценка.",
        ),
        (
            "{t}: резултати от регионално проучване",
            "Основни изводи от интервюта и фокус групи със специалисти, родители и деца и какво означават те за ежедневната практика.",
        ),
        (
            "{t}: аналитична записка",
            "Препоръки към министерствата и местните власти, основани на данни от региона и на международните стандарти.",
        ),
        (
            "{t}: десет въпроса и отговора",
            "Кратко въведение за специалисти, които тепърва навлизат в темата, с предложения за допълнително четене.",
        ),
        (
            "{t}: основни факти",
            "Най-важните данни и послания на една страница — за разпечатване в офиса или за споделяне с колеги.",
        ),
        (
            "{t}: запис на уебинар",
            "Запис на уебинар на ChildHub със специалисти и изследователи от региона, включително въпросите на участниците.",
        ),
    ],
    "bs": [
        (
            "{t}: izvještaj za zemlju — {c}",
            "Pregled stanja, dostupnih usluga i glavnih nedostataka, s preporukama za stručnjake i donosioce odluka.",
        ),
        (
            "{t}: priručnik za praktičare",
            "Smjernice korak po korak, kontrolne liste i primjeri slučajeva za socijalne radnike, psihologe, nastavnike i policiju.",
        ),
        (
            "{t}: modul za obuku",
            "Materijali za jednodnevnu obuku: planovi sesija, vježbe, bilješke za prezentaciju i evaluacijski upitnik.",
        ),
        (
            "{t}: nalazi regionalnog istraživanja",
            "Ključni nalazi intervjua i fokus grupa sa stručnjacima, roditeljima i djecom te šta oni znače za svakodnevnu praksu.",
        ),
        (
            "{t}: sažetak za kreatore politika",
            "Preporuke ministarstvima i lokalnim vlastima, zasnovane na podacima iz regiona i na međunarodnim standardima.",
        ),
        (
            "{t}: deset pitanja i odgovora",
            "Kratak uvod za stručnjake koji se tek upoznaju s temom, s prijedlozima za dalje čitanje.",
        ),
        (
            "{t}: ključne činjenice",
            "Najvažniji podaci i poruke na jednoj stranici, spremni za printanje ili dijeljenje s kolegama.",
        ),
        (
            "{t}: snimak webinara",
            "Snimak ChildHub webinara sa stručnjacima i istraživačima iz regiona, uključujući pitanja učesnika.",
        ),
    ],
    "el": [
        (
            "{t}: εθνική έκθεση — {c}",
            "Επισκόπηση της κατάστασης, των διαθέσιμων υπηρεσιών και των βασικών κενών, με συστάσεις για επαγγελματίες και φορείς χάραξης πολιτικής.",
        ),
        (
            "{t}: εγχειρίδιο για επαγγελματίες",
            "Οδηγίες βήμα προς βήμα, λίστες ελέγχου και παραδείγματα περιπτώσεων για κοινωνικούς λειτουργούς, ψυχολόγους, εκπαιδευτικούς και αστυνομικούς.",
        ),
        (
            "{t}: εκπαιδευτική ενότητα",
            "Υλικό για μονοήμερη εκπαίδευση: σχέδια συνεδριών, ασκήσεις, σημειώσεις παρουσίασης και φόρμα αξιολόγησης.",
        ),
        (
            "{t}: ευρήματα περιφερειακής έρευνας",
            "Τα βασικά ευρήματα από συνεντεύξεις και ομάδες εστίασης με επαγγελματίες, γονείς και παιδιά, και τι σημαίνουν για την καθημερινή πρακτική.",
        ),
        (
            "{t}: σύνοψη πολιτικής",
            "Συστάσεις προς υπουργεία και τοπικές αρχές, βασισμένες σε στοιχεία από την περιοχή και στα διεθνή πρότυπα.",
        ),
        (
            "{t}: δέκα ερωτήσεις και απαντήσεις",
            "Σύντομη εισαγωγή για επαγγελματίες που έρχονται πρώτη φορά σε επαφή με το θέμα, με προτάσεις για περαιτέρω μελέτη.",
        ),
        (
            "{t}: βασικά στοιχεία",
            "Τα σημαντικότερα στοιχεία και μηνύματα σε μία σελίδα, έτοιμα για εκτύπωση ή για να τα μοιραστείτε με συναδέλφους.",
        ),
        (
            "{t}: βιντεοσκόπηση διαδικτυακού σεμιναρίου",
            "Βιντεοσκόπηση διαδικτυακού σεμιναρίου του ChildHub με επαγγελματίες και ερευνητές από την περιοχή, μαζί με τις ερωτήσεις των συμμετεχόντων.",
        ),
    ],
    "hr": [
        (
            "{t}: izvješće za državu — {c}",
            "Pregled stanja, dostupnih usluga i glavnih nedostataka, s preporukama za stručnjake i donositelje odluka.",
        ),
        (
            "{t}: priručnik za stručnjake u praksi",
            "Smjernice korak po korak, kontrolni popisi i primjeri slučajeva za socijalne radnike, psihologe, učitelje i policiju.",
        ),
        (
            "{t}: modul za edukaciju",
            "Materijali za jednodnevnu edukaciju: planovi radionica, vježbe, bilješke za prezentaciju i evaluacijski obrazac.",
        ),
        (
            "{t}: rezultati regionalnog istraživanja",
            "Ključni rezultati intervjua i fokusnih grupa sa stručnjacima, roditeljima i djecom te što oni znače za svakodnevnu praksu.",
        ),
        (
            "{t}: preporuke za javne politike",
            "Preporuke ministarstvima i lokalnim vlastima, temeljene na podacima iz regije i na međunarodnim standardima.",
        ),
        (
            "{t}: deset pitanja i odgovora",
            "Kratki uvod za stručnjake koji se tek upoznaju s temom, s prijedlozima za daljnje čitanje.",
        ),
        (
            "{t}: ključne činjenice",
            "Najvažniji podaci i poruke na jednoj stranici, spremni za ispis ili dijeljenje s kolegama.",
        ),
        (
            "{t}: snimka webinara",
            "Snimka ChildHub webinara sa stručnjacima i istraživačima iz regije, uključujući pitanja sudionika.",
        ),
    ],
    "hu": [
        (
            "{t}: országjelentés — {c}",
            "Áttekintés a helyzetről, az elérhető szolgáltatásokról és a legfontosabb hiányosságokról, ajánlásokkal a szakemberek és a döntéshozók számára.",
        ),
        (
            "{t}: kézikönyv szakembereknek",
            "Lépésről lépésre útmutató, ellenőrzőlisták és esetpéldák szociális munkásoknak, pszichológusoknak, pedagógusoknak és rendőröknek.",
        ),
        (
            "{t}: képzési modul",
            "Anyagok egynapos képzéshez: foglalkozástervek, gyakorlatok, előadásjegyzetek és értékelőlap.",
        ),
        (
            "{t}: egy regionális kutatás eredményei",
            "A szakemberekkel, szülőkkel és gyermekekkel készült interjúk és fókuszcsoportok fő eredményei, és azok jelentősége a mindennapi gyakorlatban.",
        ),
        (
            "{t}: szakpolitikai összefoglaló",
            "Ajánlások minisztériumoknak és helyi önkormányzatoknak, a régió tapasztalatai és a nemzetközi normák alapján.",
        ),
        (
            "{t}: tíz kérdés és válasz",
            "Rövid bevezető azoknak a szakembereknek, akik most ismerkednek a témával, további olvasnivalókkal.",
        ),
        (
            "{t}: a legfontosabb tények",
            "A legfontosabb adatok és üzenetek egy oldalon — kinyomtatható az irodába, vagy megosztható a kollégákkal.",
        ),
        (
            "{t}: webinárium felvétele",
            "A ChildHub webináriumának felvétele a régió szakembereivel és kutatóival, a résztvevők kérdéseivel együtt.",
        ),
    ],
    "mk": [
        (
            "{t}: национален извештај — {c}",
            "Преглед на состојбата, достапните услуги и главните недостатоци, со препораки за стручните лица и донесувачите на одлуки.",
        ),
        (
            "{t}: прирачник за стручни лица",
            "Упатства чекор по чекор, листи за проверка и примери на случаи за социјални работници, психолози, наставници и полиција.",
        ),
        (
            "{t}: модул за обука",
            "Материјали за еднодневна обука: планови на сесии, вежби, белешки за презентацијата и образец за евалуација.",
        ),
        (
            "{t}: наоди од регионално истражување",
            "Клучни наоди од интервјуа и фокус-групи со стручни лица, родители и деца и што значат тие за секојдневната пракса.",
        ),
        (
            "{t}: краток документ за политики",
            "Препораки до министерствата и локалните власти, засновани на докази од регионот и на меѓународните стандарди.",
        ),
        (
            "{t}: десет прашања и одговори",
            "Краток вовед за стручните лица кои допрва се запознаваат со темата, со предлози за понатамошно читање.",
        ),
        (
            "{t}: клучни факти",
            "Најважните податоци и пораки на една страница, подготвени за печатење или за споделување со колегите.",
        ),
        (
            "{t}: снимка од вебинар",
            "Снимка од вебинар на ChildHub со стручни лица и истражувачи од регионот, вклучително и прашањата на учесниците.",
        ),
    ],
    "ro": [
        (
            "{t}: raport de țară — {c}",
            "O imagine de ansamblu asupra situației, a serviciilor disponibile și a principalelor lacune, cu recomandări pentru practicieni și factorii de decizie.",
        ),
        (
            "{t}: ghid pentru practicieni",
            "Îndrumări pas cu pas, liste de verificare și studii de caz pentru asistenți sociali, psihologi, profesori și polițiști.",
        ),
        (
            "{t}: modul de formare",
            "Materiale pentru o formare de o zi: planuri de sesiune, exerciții, note pentru prezentare și un formular de evaluare.",
        ),
        (
            "{t}: rezultatele unui studiu regional",
            "Principalele concluzii ale interviurilor și focus-grupurilor cu profesioniști, părinți și copii și ce înseamnă ele pentru practica de zi cu zi.",
        ),
        (
            "{t}: notă de politici publice",
            "Recomandări pentru ministere și autoritățile locale, bazate pe date din regiune și pe standardele internaționale.",
        ),
        (
            "{t}: zece întrebări și răspunsuri",
            "O scurtă introducere pentru profesioniștii care abia încep să lucreze cu această temă, cu sugestii de lecturi suplimentare.",
        ),
        (
            "{t}: date esențiale",
            "Cifrele și mesajele principale pe o singură pagină, gata de tipărit pentru birou sau de trimis colegilor.",
        ),
        (
            "{t}: înregistrarea webinarului",
            "Înregistrarea unui webinar ChildHub cu practicieni și cercetători din regiune, inclusiv întrebările participanților.",
        ),
    ],
    "ru": [
        (
            "{t}: национальный доклад — {c}",
            "Обзор ситуации, доступных услуг и основных пробелов с рекомендациями для специалистов и лиц, принимающих решения.",
        ),
        (
            "{t}: руководство для специалистов",
            "Пошаговые рекомендации, контрольные списки и примеры случаев для социальных работников, психологов, педагогов и сотрудников полиции.",
        ),
        (
            "{t}: учебный модуль",
            "Материалы для однодневного тренинга: планы занятий, упражнения, заметки к презентации и анкета для оценки.",
        ),
        (
            "{t}: результаты регионального исследования",
            "Основные выводы интервью и фокус-групп со специалистами, родителями и детьми и их значение для повседневной практики.",
        ),
        (
            "{t}: аналитическая записка",
            "Рекомендации министерствам и местным органам власти, основанные на данных из региона и международных стандартах.",
        ),
        (
            "{t}: десять вопросов и ответов",
            "Краткое введение для специалистов, которые только начинают работать с этой темой, со списком литературы для дальнейшего чтения.",
        ),
        (
            "{t}: главные факты",
            "Основные цифры и выводы на одной странице — для печати в офисе или для рассылки коллегам.",
        ),
        (
            "{t}: запись вебинара",
            "Запись вебинара ChildHub с практиками и исследователями из региона, включая вопросы участников.",
        ),
    ],
    "sr": [
        (
            "{t}: извештај за земљу — {c}",
            "Преглед стања, доступних услуга и главних недостатака, са препорукама за стручњаке и доносиоце одлука.",
        ),
        (
            "{t}: приручник за практичаре",
            "Смернице корак по корак, контролне листе и примери случајева за социјалне раднике, психологе, наставнике и полицију.",
        ),
        (
            "{t}: модул за обуку",
            "Материјали за једнодневну обуку: планови сесија, вежбе, белешке за презентацију и упитник за евалуацију.",
        ),
        (
            "{t}: налази регионалног истраживања",
            "Кључни налази интервјуа и фокус група са стручњацима, родитељима и децом и шта они значе за свакодневну праксу.",
        ),
        (
            "{t}: сажетак за креаторе политика",
            "Препоруке министарствима и локалним властима, засноване на подацима из региона и на међународним стандардима.",
        ),
        (
            "{t}: десет питања и одговора",
            "Кратак увод за стручњаке који се тек упознају са темом, са предлозима за даље читање.",
        ),
        (
            "{t}: кључне чињенице",
            "Најважнији подаци и поруке на једној страни, спремни за штампу или дељење са колегама.",
        ),
        (
            "{t}: снимак вебинара",
            "Снимак ChildHub вебинара са стручњацима и истраживачима из региона, укључујући питања учесника.",
        ),
    ],
    "uk": [
        (
            "{t}: національна доповідь — {c}",
            "Огляд ситуації, доступних послуг і головних прогалин із рекомендаціями для фахівців та осіб, які ухвалюють рішення.",
        ),
        (
            "{t}: посібник для фахівців",
            "Покрокові рекомендації, контрольні списки та приклади випадків для соціальних працівників, психологів, учителів і поліцейських.",
        ),
        (
            "{t}: навчальний модуль",
            "Матеріали для одноденного тренінгу: плани занять, вправи, нотатки до презентації та анкета для оцінювання.",
        ),
        (
            "{t}: результати регіонального дослідження",
            "Основні висновки інтерв’ю та фокус-груп із фахівцями, батьками й дітьми та їхнє значення для щоденної практики.",
        ),
        (
            "{t}: аналітична записка",
            "Рекомендації міністерствам і місцевій владі, що ґрунтуються на даних з регіону та міжнародних стандартах.",
        ),
        (
            "{t}: десять запитань і відповідей",
            "Короткий вступ для фахівців, які лише починають працювати з цією темою, з переліком літератури для подальшого читання.",
        ),
        (
            "{t}: головні факти",
            "Основні цифри й висновки на одній сторінці — для друку в офісі або для поширення серед колег.",
        ),
        (
            "{t}: запис вебінару",
            "Запис вебінару ChildHub із практиками та дослідниками з регіону, включно із запитаннями учасників.",
        ),
    ],
}
TOPIC_PHRASES["sr-latn"] = [cyrillic_to_latin(t) for t in TOPIC_PHRASES["sr"]]
GENRE_TEXTS["sr-latn"] = [(cyrillic_to_latin(t), cyrillic_to_latin(s)) for t, s in GENRE_TEXTS["sr"]]

# Where each language's bulk resources come from: (country, publishing organisation).
HOMES: dict[str, list[tuple[str, str]]] = {
    "en": [(c, "tdh-regional-office") for c in REGION] + [("GB", "celcis")],
    "sq": [("AL", "tdh-albania"), ("XK", "tdh-kosovo"), ("MK", "")],
    "bg": [("BG", "know-how-centre")],
    "bs": [("BA", "save-the-children-nwb")],
    "el": [("GR", "")],
    "hr": [("HR", "brave-phone"), ("BA", "")],
    "hu": [("HU", "tdh-regional-office"), ("RO", ""), ("RS", "")],
    "mk": [("MK", "")],
    "ro": [("RO", "tdh-romania"), ("MD", "tdh-moldova")],
    "ru": [("MD", "tdh-moldova"), ("UA", "")],
    "sr": [("RS", "center-for-youth-integration"), ("BA", "")],
    "sr-latn": [("RS", "center-for-youth-integration"), ("ME", "save-the-children-nwb")],
    "uk": [("UA", ""), ("MD", "tdh-moldova")],
}
BULK_LANGUAGES = list(HOMES)
GENRE_AUDIENCES = {
    "report": ("public-administration", "ngo"),
    "handbook": ("social-worker", "psychologist", "education", "police"),
    "training": ("social-worker", "ngo", "education"),
    "study": ("student", "ngo", "public-administration"),
    "policy": ("public-administration", "judiciary"),
    "faq": ("social-worker", "student", "other"),
    "infographic": ("education", "health", "social-worker"),
    "webinar": ("social-worker", "psychologist", "ngo"),
}

# The chapters a demo PDF lists for its (first) topic: searchable text that is not in the summary.
CONTENTS = {
    "violence-against-children": [
        "Forms of violence and where they happen",
        "Recognising signs and listening to the child",
        "Reporting and the referral pathway",
        "Safety planning with the family",
    ],
    "sexual-abuse": [
        "Understanding grooming",
        "Disclosure: how children tell",
        "Forensic interviews and child-friendly procedures",
        "Therapeutic support after abuse",
    ],
    "trafficking": [
        "Indicators of trafficking",
        "First contact and safety",
        "Referral to the national mechanism",
        "Reintegration and follow-up",
    ],
    "exploitation": [
        "Child labour and the law",
        "Street work and begging",
        "Outreach and drop-in services",
        "Working with families and employers",
    ],
    "online-safety": [
        "Children's lives online",
        "Grooming, sextortion and cyberbullying",
        "Talking with children about risks",
        "Reporting harmful content",
    ],
    "juvenile-justice": [
        "Age of criminal responsibility",
        "Diversion and alternative measures",
        "Child victims and witnesses in court",
        "Deprivation of liberty as a last resort",
    ],
    "alternative-care": [
        "Gatekeeping: preventing separation",
        "Kinship and foster care",
        "Small group homes",
        "Leaving care and aftercare",
    ],
    "children-on-the-move": [
        "Identification and age assessment",
        "Guardianship for unaccompanied children",
        "Safe accommodation",
        "Durable solutions and family tracing",
    ],
    "child-participation": [
        "Why participation matters",
        "Space, voice, audience and influence",
        "Participation in case decisions",
        "Children's councils and peer research",
    ],
    "children-with-disabilities": [
        "Barriers to protection services",
        "Communicating with children with disabilities",
        "Inclusive education and support",
        "Family support and respite care",
    ],
    "roma-children": [
        "Discrimination and its effects",
        "Community mediators",
        "Access to school, health care and documents",
        "Working with Roma organisations",
    ],
    "family-support": [
        "Assessing family needs",
        "Parenting programmes",
        "Home visits and case plans",
        "Cooperation with schools and health services",
    ],
    "mental-health": [
        "Signs of distress in children and adolescents",
        "Psychological first aid",
        "Referral to mental health services",
        "Self-harm and suicide prevention",
    ],
    "professional-wellbeing": [
        "What burnout looks like",
        "Secondary traumatic stress",
        "Team and organisational factors",
        "Self-care plans",
    ],
    "supervision": [
        "Functions of supervision",
        "Reflective case discussions",
        "Group and peer supervision",
        "Supervision agreements",
    ],
    "multidisciplinary-work": [
        "Roles of each service",
        "Case conferences",
        "Information sharing and confidentiality",
        "Joint case plans and review",
    ],
    "legislation-and-policy": [
        "International standards",
        "The national legal framework",
        "Duties to report",
        "Monitoring implementation",
    ],
    "children-and-environment": [
        "Climate change and children's rights",
        "Health effects of pollution",
        "Children as environmental defenders",
        "Child-sensitive climate policies",
    ],
}
COLOURS = [(0, 110, 120), (120, 60, 140), (200, 90, 30), (30, 90, 160), (60, 130, 60), (170, 40, 70)]
LICENCES = [
    Resource.Licence.CC_BY,
    Resource.Licence.CC_BY_NC,
    Resource.Licence.CC_BY_SA,
    Resource.Licence.CC_BY_NC_ND,
    Resource.Licence.ALL_RIGHTS,
    Resource.Licence.UNKNOWN,
]


def bulk_works(count: int) -> list[Work]:
    """``count`` single-language resources: each topic in turn, across languages and genres."""
    works = []
    cycle = len(TOPIC_ORDER) * len(BULK_LANGUAGES)  # (topic, language) pairs repeat after this
    for i in range(count):
        topic_index = i % len(TOPIC_ORDER)
        topic = TOPIC_ORDER[topic_index]
        language = BULK_LANGUAGES[(i * 5 + i // len(TOPIC_ORDER) * 2) % len(BULK_LANGUAGES)]
        genre_index = (i * 3 + i // len(TOPIC_ORDER)) % len(GENRES)
        genre, kind = GENRES[genre_index]
        country, org = HOMES[language][(i // 7) % len(HOMES[language])]
        year = 2012 + (i * 7) % 15
        title, summary = GENRE_TEXTS[language][genre_index]
        title = title.format(t=TOPIC_PHRASES[language][topic_index], c=country_name(country, language))
        if i >= cycle:  # at a large scale: another edition of the same resource
            title = f"{title} ({year})"
        url = ""
        if kind == "video":
            digest = hashlib.sha256(f"{i}:{title}".encode()).hexdigest()
            if i % 2:
                url = f"https://vimeo.com/9{int(digest[:9], 16) % 10**9:09d}"
            else:
                alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                url = "https://www.youtube.com/watch?v=" + "".join(
                    alphabet[int(digest[2 * n : 2 * n + 2], 16) % 64] for n in range(11)
                )
        works.append(
            Work(
                f"bulk-{i}",
                kind,
                (topic, TOPIC_ORDER[(topic_index + 7) % len(TOPIC_ORDER)]) if i % 3 == 0 else (topic,),
                org,
                year,
                (country,),
                {language: V(title, summary, url=url)},
                audiences=GENRE_AUDIENCES[genre],
                access=MEMBERS if genre in {"study", "policy"} and i % 2 == 0 else PUBLIC,
                licence=LICENCES[i % len(LICENCES)],
            )
        )
    return works


# --- Files -------------------------------------------------------------------------------------

_TRANSLIT = {
    # Cyrillic, as English readers spell it (the search module's Serbian table does the rest)
    "ж": "zh", "ч": "ch", "ш": "sh", "ц": "ts", "х": "h", "џ": "dzh", "й": "y", "ю": "yu", "я": "ya",
    "щ": "sht", "ъ": "a", "ь": "", "ы": "y", "э": "e", "ё": "yo",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
    # Greek
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
    # punctuation outside ASCII
    "’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "—": "-", "–": "-", "·": "-",
}  # fmt: skip


def _ascii(text: str) -> str:
    """The demo PDFs use a standard font: write their text in plain Latin letters."""
    out = []
    for greek, latin in (("ου", "ou"), ("ού", "ou"), ("Ου", "Ou"), ("Ού", "Ou")):
        text = text.replace(greek, latin)
    for char in text:
        base = unicodedata.normalize("NFD", char)[0] if "\u0370" <= char <= "\u03ff" else char
        latin = _TRANSLIT.get(base.lower())
        if latin is None:
            out.append(cyrillic_to_latin(char))
        else:
            out.append(latin.capitalize() if base != base.lower() else latin)
    return strip_diacritics("".join(out)).encode("ascii", "ignore").decode()


def _pdf(work: Work, version: V, organisation: Organisation | None, year: int) -> bytes:
    lines = textwrap.wrap(_ascii(version.title), 60)
    lines += [
        _ascii(f"{organisation.name if organisation else 'ChildHub'}, {year}"),
        "",
        *textwrap.wrap(_ascii(version.summary), 72),
        "",
        "Contents",
        *(f"{n}. {chapter}" for n, chapter in enumerate(CONTENTS[work.topics[0]], start=1)),
        "",
        f"Licence: {Resource.Licence(work.licence).label} - ChildHub demo document",
    ]
    return make_pdf(lines)


def _file(
    work: Work, version: V, language: str, n: int, organisation: Organisation | None, year: int
) -> SimpleUploadedFile | None:
    """The file uploaded with a resource, if its kind has one here."""
    footer = " · ".join(["ChildHub", *([organisation.name] if organisation else []), str(year)])
    if work.kind == "document":
        return SimpleUploadedFile(f"{work.key}-{language}.pdf", _pdf(work, version, organisation, year))
    if work.kind == "image":
        colour = COLOURS[n % len(COLOURS)]
        if version.facts:
            data = make_infographic(
                version.title, list(version.facts), footer=footer, colour=colour, latin=_ascii
            )
        else:
            bars = [
                (str(year - 5 + k), 20 + n % 7 * 3 + k * (2 + n % 5) + (n + k) * 13 % 9) for k in range(6)
            ]
            data = make_infographic(version.title, [], bars=bars, footer=footer, colour=colour, latin=_ascii)
        return SimpleUploadedFile(f"{work.key}-{language}.png", data)
    if work.kind == "audio" and work.wav:
        return SimpleUploadedFile(f"{work.key}-{language}.wav", make_wav(frequency=392.0 + 65.4 * (n % 5)))
    return None


# --- Seeding -----------------------------------------------------------------------------------


@transaction.atomic  # all or nothing: a failed run leaves no half library that the next run would keep
def seed(out: Any, *, scale: float = 1.0) -> None:
    if Resource.objects.exists():
        out.write(f"library: {Resource.objects.count()} resources (already there)")
        return
    staff = User.objects.filter(is_staff=True).order_by("pk").first()
    editor = User.objects.filter(email="editor.celcis@childhub.example").first()
    organisations = {o.slug: o for o in Organisation.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    now = timezone.now()
    works = WORKS + bulk_works(max(0, round(BULK_SIZE * scale)))
    n = 0
    downloads: list[Download] = []
    changes: list[ResourceChange] = []
    for work in works:
        key = uuid.uuid4()
        for language, version in work.versions.items():
            slug = work.org if version.org is None else version.org
            organisation = organisations.get(slug)
            year = version.year or work.year
            published = now - timedelta(hours=9 * n + 1)
            url = version.url
            if work.kind == "link" and not url:
                url = f"https://example.org/{slug or 'library'}/{work.key}-{language}"
            resource = Resource.objects.create(
                translation_key=key,
                language=language,
                kind=work.kind,
                title=version.title,
                summary=version.summary,
                organisation=organisation,
                year=year,
                url=url,
                transcript=version.transcript,
                licence=work.licence,
                access=work.access,
                status=Resource.Status.PUBLISHED,
                created_at=published,
                published_at=published,
                submitted_by=editor if slug == "celcis" and editor else staff,
                authors=work.authors or (organisation.name if organisation else ""),
                practice_context=version.practice[0] if version.practice else "",
                practice_action=version.practice[1] if version.practice else "",
                practice_results=version.practice[2] if version.practice else "",
                practice_contact=work.contact,
            )
            resource.topics.set([topics[s] for s in work.topics if s in topics])
            countries = work.countries if version.countries is None else version.countries
            ResourceCountry.objects.bulk_create(
                [ResourceCountry(resource=resource, country=c) for c in countries]
            )
            ResourceAudience.objects.bulk_create(
                [ResourceAudience(resource=resource, profession=p) for p in work.audiences]
            )
            upload = _file(work, version, language, n, organisation, year)
            if upload is not None:
                _store_file(resource, upload)  # as an upload is stored: images re-encoded
                resource.save()
            if resource.file_type == "application/pdf":
                process_resource_file(resource_id=resource.pk)  # preview, text, search index
            else:
                index_resource(resource_id=resource.pk)
            changes.append(
                ResourceChange(
                    resource=resource, actor=resource.submitted_by, action="published", at=published
                )
            )
            downloads += [
                Download(
                    resource=resource, language=language, at=now - timedelta(days=(n + d * 13) % 180, hours=d)
                )
                for d in range((n * 7) % 23)
            ]
            n += 1
    ResourceChange.objects.bulk_create(changes)
    Download.objects.bulk_create(downloads)
    languages = Resource.objects.values("language").distinct().count()
    out.write(
        f"library: {n} resources in {languages} languages, {len(works)} works, {len(downloads)} downloads"
    )
