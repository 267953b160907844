"""Word lists of the child-identity guard, one entry per language group of the region."""

from __future__ import annotations

from dataclasses import dataclass

# Entries are space-separated and compared case- and accent-insensitively, so "djecak" in a text
# typed without diacritics matches "dječak". An entry ending in "." needs the dot ("ul." but not
# "ul"); multiword entries ("детска градина") are written with "_" between the words. A word for a
# child ending in "*" is a stem that covers every inflection ("tanítvány*": "tanítványunkkal").


@dataclass(frozen=True)
class Words:
    children: str  # words for a child, girl, boy, son, daughter, baby, pupil, minor, "little", "born"
    not_names: str = ""  # capitalised words that are not personal names
    streets_before: str = ""  # street words written before the street's name: "ulica", "ул."
    streets_after: str = ""  # street words written after it: "Street", "utca"
    schools_before: str = ""  # school words written before the school's name: "škola", "vrtić"
    schools_after: str = ""  # school words written after it: "School", "iskola"
    school_acronyms: str = ""  # compared with their exact case: "OŠ", "СОУ"
    school_adjectives: str = ""  # words before a school word that belong to its name: "osnovna"
    school_kinds: str = ""  # words between a school word and its name: "gimnazială", "имени"


def forms(stems: str, endings: str) -> str:
    """Every stem with every ending, for the case forms of a word: forms("škol", "a e i u om") gives
    "škola škole školi školu školom". An ending "-" stands for the bare stem."""
    return " ".join(
        stem + ("" if ending == "-" else ending) for stem in stems.split() for ending in endings.split()
    )


# Words that introduce a house number or a school's number, in every language.
NUMBER_WORDS = (
    "no. no. no nr. nr br. br broj бр. бр број № # number numri номер αρ. αριθμός д. дом буд. будинок"
)

# Particles inside street and school names ("Rruga e Durrësit", "Strada lui Ion").
NAME_PARTICLES = "e i të de lui la del di von van"

# Words after which a capitalised word is most likely a place: "a girl from Tuzla", "dječak iz Mostara".
PLACE_PREPOSITIONS = "from in near iz u из у в во din în la nga në από στο στη στην στον σε"

# Words that link a child word to the name of a law, a body or a programme rather than a person:
# "Conferences for minors", "Zakon o zaštiti djece", "Закон за закрила на детето".
LINKING_WORDS = (
    "for of on about against under o za protiv prema pentru privind despre asupra për mbi για περί "
    "за относно о об для про"
)

# Nouns for a law or a code: the capitalised word before one is its name ("Семейного кодекса").
LAW_NOUNS = (
    "code codex act law kodeks kodeksa kodeksu zakon zakona zakonu zakonik zakonika кодекс кодекса кодексу "
    "кодексот закон закона закону законот codul codului legea kodi kodit ligji κώδικας κώδικα νόμος νόμου "
    "törvény törvénykönyv"
)

# Words the name window steps over without counting them: articles, possessives, clitic pronouns and
# particles ("the daughter of my neighbour, Sofia", "η κόρη της γειτόνισσάς μου, η Σοφία",
# "Внучката на съседката ми", "sinu svoje kume").
FUNCTION_WORDS = (
    "the a an my our his her their your its whose whom "
    "moj moja moje mojoj mojeg mog mojem mom mojim moju moji mojih svoj svoja svoje svojoj svojeg svog "
    "svojem svom svojim svoju naš naša naše našoj našeg našem našu njen njena njene njenoj njenog njegov "
    "njegova njegove njegovoj njegovog njezin njezina njezine njezinoj njihov njihova njihove ga je ju joj "
    "mu se si "
    "мој моја моје мојој мог мојег мојим моју свој своја своје својој свог своју наш наша наше нашој "
    "нашег њен њена њене њеној њеног његов његова његове његовој његовог га ју јој му се си "
    "ми ти му й ѝ ни ви им моят моя моята моето моите нашият нашата нашето нейният нейната неговият "
    "неговата нивният нивната мојот мојата моето нашиот нашата нејзиниот нејзината неговиот неговата "
    "нивниот нивната го ја "
    "мой моя моё мое мою моей моего моему моим наш наша нашу нашей нашего её ее его их свой своя свою "
    "своей своего своему ся "
    "мій моя моє мою моєї мого моєму моїм наша нашу нашої нашого її його їх свій своя свою своєї свого "
    "ο η το οι τα του της των τον την μου σου μας σας τους "
    "e i të së im ime saj tij ynë jonë tonë "
    "al ale lui mea meu mei mele sa său sau ei nostru noastră noastre îi il o le "
    "az"
)

# Links between two kinship words, stepped over right after a word for a child: "the son of",
# "внучката на", "η κόρη της", "djali i", "fiica lui".
GENITIVE_LINKS = "of na на од от від της του των e i të së a al ale lui"

# Verbs that give a name: a capitalised word right after one (past a clitic or two) is a name when
# the sentence speaks of a child ("koju svi zovu Nejra", "që e quajnë Endri", "которую все зовут …").
NAMING_VERBS = (
    "call calls called named nicknamed "
    "zovu zove zovemo zovem zvali zvala zvao zovete zvana zvani nazivaju zovi "
    "зову зове зовемо зовем звали звала звао зовут звать зовёт зовет называют называли назвали "
    "звуть кличуть називають назвали називали "
    "наричат наричаме "
    "quajnë quajne quan quajti quajtën quajtur quhet quhej thërrasin "
    "numită numita numit numește numeste cheamă cheama spun "
    "ονομάζεται ονομάζουν λένε λέγανε φωνάζουν αποκαλούν ονόματι "
    "nevezik nevezte"
)

# Naming verbs that only name with a reflexive next to them: "казва се Иван", "се вика Ана".
NAMING_VERBS_WITH_SE = "казва казват вика викаат викаше казваше"

# Hungarian naming words that follow the name: "a Zsófi nevű kislány", "akit Petinek hívnak".
NAMING_WORDS_AFTER = "nevű nevu nevezetű hívják hívnak hívtuk hívják hív"

# Words of an age, stepped over in an apposition ("Luka, the 12-year-old boy", "Ana, a 9 éves lány").
AGE_WORDS = (
    "year-old year-olds years-old yr-old year years yrs old aged age "
    "godina godine godinu god godišnja godišnji godišnjak godišnjakinja godišnje godišnjeg godišnju "
    "godišnjoj godišnjem година године годишња годишњи годишњак годишње "
    "годишно годишна годишен годишниот годишната годишното години "
    "ani an anii de vjeç vjeçe vjeçare vjeçar vjeçarit vjet éves évesen χρονών χρόνων ετών "
    "лет летний летняя летнего летней года годовалый годовалая років роки рік річний річна річного"
)

# Prepositions before a street named without a street word ("u Ilici 152", "at Kneza Miloša 7").
STREET_PREPOSITIONS = "in at on u na у в во în in pe la në ne στην στη στο στον"

# Words that may follow such a house number and go on with the sentence ("u Ilici 152 s majkom").
STREET_FOLLOWERS = "with and or near s sa i a kod с со и з та й și si cu me dhe pranë με και és mellett"

# Words introducing a numbered thing that is not a house ("in Article 12", "u Tabeli 2", "in Grade 5").
NUMBERED_NOT_STREETS = (
    "article articles art section paragraph para chapter annex appendix table figure fig page pages "
    "point item clause grade class year form room level stage phase step round group week day unit "
    "module part version case file no number session block bus line route tram platform gate "
    "član člana članu članak članka članku stav stava stavu stavak stavka tačka tačke tački točka točke "
    "točki paragraf paragrafa alineja alineje poglavlje poglavlja poglavlju tabela tabeli tablica tablici "
    "slika slici strana strani stranica stranici razred razreda razredu grupa grupi grupe soba sobi "
    "predmet predmetu predmeta broj broja broju sjednica sjednici autobus linija liniji "
    "член члан члана члану чл. став ставу точка тачка тачке глава главе поглавје таблица табела "
    "страна страница разред разреда група групи соба стая клас класа класс класу клас класі "
    "статья статьи статье стаття статті пункт пункта пункту частина часть части глава главы "
    "articolul articolului art alin alineatul punctul capitolul tabelul figura pagina clasa "
    "grupa sala camera neni nenin nenit pika paragrafi kapitulli tabela klasa klasën grupi "
    "άρθρο άρθρου παράγραφος παράγραφο σελίδα κεφάλαιο πίνακας τάξη τμήμα "
    "cikk cikkely bekezdés pont fejezet táblázat oldal osztály csoport terem"
)

# Words after a number that make it a quantity, not a house number ("u Zagrebu 12 godina").
UNIT_WORDS = (
    "km m cm kg g % eur euro euros € kn km. din rsd lei leu ron lv лв ден mkd huf ft forint rub руб "
    "uah грн all lekë leke $ usd"
)

# Words for an event: a recent date right after one is the event's date, not a birth date
# ("the hearing on 12 March 2025"). Stems: any word starting with one counts.
EVENT_WORDS = (
    "training meeting hearing session court workshop conference visit seminar webinar appointment "
    "event trial interview lecture course "
    "obuk trening sastan ročišt rocist sud radionic posjet posjet poset edukacij sjednic sednic "
    "konferencij seminar predavanj sastanak ispit "
    "обук састан рочишт суд радиониц посет едукациј седниц конференциј семинар предавањ "
    "обучени среща срещи заседани съд конференци посещени семинар лекци "
    "обука средба седница работилниц посета "
    "trajnim takim seanc gjykat seminar punëtori punetori vizit konferenc ligjërat "
    "formar întâlnir intalnir ședinț sedint şedinţ instanț instant instanţ instruir atelier vizit "
    "conferinț conferint seminar audier proces "
    "képzés kepzes találkoz talalkoz tárgyalás targyalas bíróság birosag ülés ules műhely muhely "
    "látogatás latogatas konferenci tréning trening "
    "тренинг встреч заседани суд семинар конференци визит обучени слушани занят "
    "навчанн зустріч засідан суд семінар конференці візит тренінг "
    "εκπαιδευσ συναντησ δικη δικης δικαστηρι συνεδριασ σεμιναρι επισκεψ ημεριδ συνεδρι"
)

# Ordinal words that name a school ("Treće gimnazije", "Druga osnovna škola", "Первая гимназия"):
# stems, each taking one of its language's adjective endings; written with a capital in a name.
ORDINAL_STEMS: dict[str, str] = {
    "prv drug treć trec četvrt cetvrt pet šest sest sedm osm devet deset": "a e i o u og oga om ome oj im ih",
    "прв друг трећ четврт пет шест седм осм девет десет": "а е и о у ог ога ом оме ој им их",
    "първ втор трет четвърт пет шест седм осм девет десет": "о а и",
    "втор трет четврт шест седм осм девет десет": "о а и",
    "перв втор трет четвёрт четверт пят шест седьм восьм девят десят": (
        "ая ой ую ый ое ого ому ом ые ых ий ья ье ьей ью ьего ьему"
    ),
    "перш друг трет четверт п'ят п’ят пʼят шост сьом восьм дев'ят дев’ят десят": (
        "а ої у ий е ого ому ій ою ої і их"
    ),
    "πρωτ δευτερ τριτ τεταρτ πεμπτ εκτ εβδομ ογδο ενατ δεκατ": "ο ου η ης α ων",
}
ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth "
    "első második harmadik negyedik ötödik hatodik hetedik nyolcadik kilencedik tizedik "
    "parë dytë tretë katërt pestë gjashtë"
)


# Platforms named next to a bare handle: "on TikTok as @dora.zg".
# Names of six letters or more are stems that take an inflection ("na Instagramu", "в Инстаграме",
# "pe Facebookul", "Instagramon"); shorter ones are matched whole.
PLATFORMS = (
    "tiktok instagram insta ig telegram twitter snapchat snap facebook fb youtube threads vk discord "
    "инстаграм инстаграмм инста тікток тіктоці фейсбук фејсбук фејзбук тикток тик-ток телеграм телеграмм "
    "ютуб јутјуб "
    "твитер твиттер снапчат вконтакте дискорд ινσταγκραμ ίνσταγκραμ φεισμπουκ φέισμπουκ τικτοκ"
)

# Hosts of shared photos and files.
PHOTO_HOSTS = (
    "imgur.com ibb.co postimg.cc photos.google.com photos.app.goo.gl drive.google.com dropbox.com 1drv.ms "
    "onedrive.live.com icloud.com flickr.com wetransfer.com we.tl"
)

# Ordinal endings after a number: "3ο Δημοτικό", "5th school", "119-то училище", "5-я школа".
ORDINAL_ENDINGS = "ο ου η ης st nd rd th то ти та я а ая ой ої ий ої"

MONTHS: dict[int, str] = {
    1: "january jan januar januara siječanj siječnja јануар јануара јануари janar janarit ianuarie ian "
    "януари ιανουάριος ιανουαρίου ιαν január январь января січень січня",
    2: "february feb februar februara veljača veljače фебруар фебруара shkurt shkurtit februarie "
    "февруари φεβρουάριος φεβρουαρίου φεβ február февраль февраля лютий лютого",
    3: "march mar mart marta ožujak ožujka март марта mars marsit martie μάρτιος μαρτίου március "
    "березень березня",
    4: "april apr aprila travanj travnja април априла prill prillit aprilie απρίλιος απριλίου április "
    "апрель апреля квітень квітня",
    5: "may maj maja svibanj svibnja мај маја majit mai май мая μάιος μαΐου május травень травня",
    6: "june jun juni juna lipanj lipnja јун јуни јуна qershor qershorit iunie юни ιούνιος ιουνίου "
    "június июнь июня червень червня",
    7: "july jul juli jula srpanj srpnja јул јули јула korrik korrikut iulie юли ιούλιος ιουλίου július "
    "июль июля липень липня",
    8: "august aug augusta avgust avgusta kolovoz kolovoza август августа gusht gushtit αύγουστος "
    "αυγούστου augusztus серпень серпня",
    9: "september sep sept septembar septembra rujan rujna септембар септембра shtator shtatorit "
    "septembrie септември σεπτέμβριος σεπτεμβρίου szeptember сентябрь сентября вересень вересня",
    10: "october oct oktobar oktobra listopad listopada октобар октобра tetor tetorit octombrie "
    "октомври οκτώβριος οκτωβρίου október октябрь октября жовтень жовтня",
    11: "november nov novembar novembra studeni studenog studenoga новембар новембра nëntor nëntorit "
    "noiembrie ноември νοέμβριος νοεμβρίου ноябрь ноября листопад листопада",
    12: "december dec decembar decembra prosinac prosinca децембар децембра dhjetor dhjetorit decembrie "
    "декември δεκέμβριος δεκεμβρίου декабрь декабря грудень грудня",
}

# Month forms that are also girls' names stay out of the not-a-name list.
MONTHS_THAT_ARE_NAMES = "maja marta augusta avgusta"

WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday "
    "ponedjeljak ponedeljak utorak srijeda sreda četvrtak petak subota nedjelja nedelja "
    "понедељак уторак среда четвртак петак субота недеља понеделник вторник сряда четвъртък събота "
    "неделя четврток петок сабота недела luni marți miercuri joi vineri sâmbătă duminică "
    "hënë martë mërkurë enjte premte shtunë diel δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή "
    "hétfő kedd szerda csütörtök péntek szombat vasárnap понедельник вторник четверг пятница суббота "
    "воскресенье понеділок вівторок середа четвер пʼятниця пятниця неділя"
)

# Capitalised words of any language that are not personal names.
COMMON_NOT_NAMES = (
    "facebook instagram viber whatsapp telegram tiktok youtube google skype zoom messenger snapchat "
    "twitter internet childhub unicef covid roma romi romkinja romkinje romni romani rom ромски рома"
)

GROUPS: dict[str, Words] = {
    "en": Words(
        children="child children child's kid kids girl girls boy boys son sons daughter daughters baby "
        "babies infant toddler pupil pupils student students minor minors teenager teen adolescent "
        "youngster grandson granddaughter grandchild niece nephew stepson stepdaughter schoolgirl "
        "schoolboy little born sister sisters brother brothers sibling siblings twin twins",
        not_names="the a an this that these those it its he she they we you our my his her their your "
        "there here when where what who whom why how which while in on at for from with without by of to "
        "and but or so if then after before during since as also all some one two three both each every "
        "no not yes mr mrs ms miss dr prof mother father mum mom dad grandmother grandfather grandma "
        "grandpa granny aunt uncle sister brother family parents albanian bosnian bulgarian croatian "
        "greek hungarian macedonian montenegrin moldovan romanian russian serbian ukrainian turkish "
        "kosovar european english muslim christian orthodox catholic syrian afghan albania bosnia "
        "herzegovina bulgaria croatia greece hungary kosovo macedonia montenegro moldova romania russia "
        "serbia ukraine turkey europe germany centre center social services service court police ministry "
        "hospital council office department foundation association case ngo convention rights law act "
        "code protocol strategy programme program project committee ombudsman unit units government "
        "municipality agency commission report article section guidelines",
        streets_after="street st st. road rd rd. avenue ave ave. lane ln boulevard blvd blvd. close court "
        "crescent place square terrace way gardens grove",
        schools_before="school kindergarten nursery academy college preschool pre-school gymnasium lyceum",
        schools_after="school kindergarten nursery academy college preschool pre-school",
        school_adjectives="primary secondary elementary high middle junior senior grammar public special "
        "infant state community comprehensive international music art technical vocational",
    ),
    # Bosnian, Croatian, Serbian (both scripts) and Montenegrin share one list.
    "sh": Words(
        children="dijete djeteta djetetu djetetom dete deteta detetu detetom djeca djece djeci djecom "
        "deca dece deci decom djevojčica djevojčice djevojčici djevojčicu djevojčicom devojčica devojčice "
        "devojčici devojčicu devojčicom djevojka djevojku devojka devojku dječak dječaka dječaku dječakom "
        "dečak dečaka dečaku dečakom sin sina sinu sinom kćerka kćerke kćerki kćerku kćerkom kći kćer "
        "kćeri ćerka ćerke ćerki ćerku ćerkom beba bebe bebi bebu bebom učenik učenika učeniku učenikom "
        "učenica učenice učenici učenicu učenik* učenic* djevojčic* devojčic* dječak* dečak* curica "
        "curicu curice curici curicom mališan mališana mališanu mali mala malog malu malom malena maleni "
        "unuk unuka unuku unukom unuci pastorak pastorka pastorku tinejdžer tinejdžerka tinejdžerku rođen "
        "rođena rođeno rodjen rodjena maloljetnik maloljetnika maloljetniku maloljetnica maloljetnicu "
        "maloletnik maloletnika maloletnica maloletnicu štićenik štićenika štićenica štićenicu дете "
        "детета детету дететом дијете дјетета дјетету деца деце деци дјеца дјеце девојчица девојчице "
        "девојчици девојчицу дјевојчица дјевојчицу девојка девојку дечак дечака дечаку дјечак дјечака син "
        "сина сину ћерка ћерке ћерку ћерки кћерка кћерку кћи кћер беба бебе бебу ученик ученика ученица "
        "ученицу малолетник малолетника малолетница малољетник малољетница ученик* учениц* девојчиц* "
        "дечак* унук унука унуку унуком мали мала малог малу малом малена малишан рођен рођена sestra "
        "sestre sestri sestru sestrom sestrica brat brata bratu bratom braća braće blizanci blizanke "
        "сестра сестру брат брата браћа близанци",
        not_names="on ona ono oni one mi vi ja ti njegov njegova njena njen njezin ovaj ova ovo taj ta to "
        "kada kad gdje gde nakon prije pre poslije posle u na sa s iz za od do po kod i a ali ni jer da "
        "ne je su bio bila bilo bili ovdje ovde tu naš naša majka otac mama tata baka djed deda roditelji "
        "centar centra centru centrom dom doma domu sud suda sudu policija policije ministarstvo zavod "
        "bosna bosni hercegovina hercegovini bih srbija srbiji hrvatska hrvatskoj crna gora crnoj gori "
        "kosovo kosovu makedonija romkinja rom romi zakon zakona zakonu zakonom konvencija konvencije "
        "konvenciji konvenciju strategija strategije protokol protokola ombudsman institucija "
        "ministarstva ministarstvu vlada vlade opština općina općine opštine projekat projekt program "
        "programa članak član pravobranitelj pravobraniteljica pravobraniteljici он она оно они мы ви ја "
        "ти када где након пре после у на са из за од до по код и а али је су био била било мајка отац "
        "мама тата баба деда центар центра центру дом дома суд србија србији",
        streets_before="ulica ulice ulici ulicu ulicom ul. bulevar bulevara bulevaru bul. trg trgu aleja "
        "aleji obala obali šetalište put naselje naselju улица улице улици улицу ул. булевар булевара "
        "булевару бул. трг тргу",
        schools_before=" ".join(
            (
                forms("škol gimnazij", "a e i u om ama"),
                forms("vrtić", "- a u em i e ima"),
                forms("obdaništ zabavišt", "e a u em ima"),
                forms("školic", "a e i u om"),
                forms("школ гимназиј", "а е и у ом ама"),
                forms("вртић", "- а у ем и е има"),
                forms("обданишт забавишт", "е а у ем има"),
            )
        ),
        school_acronyms="OŠ SŠ JU JUOŠ MSŠ ОШ СШ",
        school_adjectives=" ".join(
            (
                forms(
                    "osnovn srednj muzičk glazben umjetničk tehničk medicinsk ekonomsk predškolsk javn",
                    "a e oj u om",
                ),
                forms("основн средњ музичк техничк медицинск економск", "а е ој у ом"),
                forms("dječj dečj", "i eg em"),
                forms("дечј", "и ег ем"),
                "prva druga treća прва друга",
            )
        ),
    ),
    "bg": Words(
        children="дете детето детенце деца децата момиче момичето момичета момиченце момче момчето "
        "момчета момченце син сина синът синчето дъщеря дъщерята бебе бебето ученик ученикът ученика "
        "ученичка ученичката непълнолетен непълнолетна непълнолетния непълнолетната малолетен малолетна "
        "внук внука внукът внучка внучката малката малкия малкият малкото мъничкия мъничката възпитаник "
        "възпитаничка роден родена сестра сестрата брат брата братът близнаци",
        not_names="той тя то те ние вие аз ти неговата нейната този тази това тези когато където след "
        "преди в във на с със от за до по при и а но да не е са беше бяха майка баща мама татко баба дядо "
        "родителите център центъра дом дома съд полиция министерство българия софия закон закона закона "
        "конвенция конвенцията стратегия протокол омбудсман програма проект община правителство член "
        "агенция агенцията",
        streets_before="улица ул. булевард бул. площад пл. ж.к. жк квартал кв.",
        schools_before="училище училището училища училищата гимназия гимназията гимназии гимназиите ясла "
        "яслата ясли детска_градина детската_градина детски_градини професионална_гимназия",
        school_acronyms="СОУ ОУ СУ ОбУ НУ ПГ ПМГ ДГ ЦДГ ОДЗ ЧДГ",
        school_adjectives="основно основното основни средно средното средни начално началното професионална "
        "професионалната езикова езиковата частно частното частна математическа математическата "
        "английска английската немска немската френска френската испанска италианска руска",
        school_kinds="име",
    ),
    "mk": Words(
        children="дете детето деца децата девојче девојчето девојчиња девојка девојката момче момчето "
        "момчиња син синот ќерка ќерката ќерки бебе бебето ученик ученикот ученичка ученичката малолетник "
        "малолетникот малолетничка малолетен малолетна внук внукот внука внуката малата малиот малото "
        "малечкиот малечката штитеник штитеничка роден родена сестра сестрата брат братот близнаци",
        not_names="тој таа тоа тие ние вие јас ти неговиот нејзиниот овој оваа ова кога каде после пред "
        "во на со од за до по кај и а но да не е се беше беа мајка татко мама тато баба дедо родителите "
        "центар центарот дом домот суд полиција министерство македонија скопје закон законот законите "
        "конвенција конвенцијата стратегија протокол правобранител програма проект општина влада член",
        streets_before="улица ул. булевар бул. плоштад",
        schools_before="училиште училиштето училишта училиштата гимназија гимназијата гимназии гимназиите "
        "градинка градинката градинки детска_градинка",
        school_acronyms="ООУ СОУ ОУ СУГС",
        school_adjectives="основно основното основни средно средното средни детска детската",
    ),
    "ro": Words(
        children="copil copilul copilului copii copiii copiilor copila copilă fată fata fetei fetița "
        "fetiței fetiță fetițele băiat băiatul băiatului băieți băiețel băiețelul fiu fiul fiului fiică "
        "fiica fiicei bebeluș bebelușul bebe elev elevul elevului eleva elevă elevei minor minorul "
        "minorului minora minoră minorei nepot nepotul nepoata nepoată nepoatei micuța micuțul micul mica "
        "adolescent adolescenta adolescentul născut născută sora sorei surorile frate fratele fratelui "
        "frații gemenii",
        not_names="el ea ei ele noi voi eu tu acest această aceasta acesta când unde după înainte în la "
        "cu din de pentru pe și dar nu da este sunt era erau mama tata mamă tată bunica bunicul părinții "
        "centrul centru direcția casa tribunalul poliția ministerul românia moldova bucurești legea legii "
        "lege convenția convenției strategia protocolul avocatul programul proiectul primăria guvernul "
        "articolul",
        streets_before="strada stradă str. bulevardul bulevard bd. b-dul calea aleea piața șoseaua șos. "
        "intrarea splaiul",
        schools_before="școala școală școlii școli liceul liceului liceu colegiul colegiului grădinița "
        "grădiniței grădiniță creșa",
        school_adjectives="gimnazială gimnaziala primară profesională tehnologică",
        school_kinds="gimnazială primară profesională tehnologică teoretic teoretică național națională "
        "economic tehnic",
    ),
    "sq": Words(
        children="fëmijë fëmija fëmijën fëmijës fëmijët fëmijëve vajza vajzë vajzën vajzës vajzat vajzave "
        "vajzëza djali djalë djalin djalit djem djemtë djemve bir biri birin birit bija bijë bijën bijës "
        "foshnja foshnjë foshnjën foshnje nxënës nxënësi nxënësja nxënësit nxënësen nxënëse mitur miturit "
        "miturin nip nipi nipin mbesa mbesë mbesën vogëlushja vogëlushi vogëlushen vogli vogla adoleshent "
        "adoleshentja adoleshenti lindur motra motrën motrës vëlla vëllai vëllain vëllezërit binjakët",
        not_names="ai ajo ata ato ne ju unë ti ky kjo këta këto kur ku pas para në me nga për dhe por jo "
        "po është janë ishte ishin nëna babai nënë baba gjyshja gjyshi prindërit qendra qendrës shtëpia "
        "gjykata policia ministria shqipëria kosova kosovë tirana prishtina ligji ligjit konventa "
        "konventës strategjia protokolli avokati programi projekti bashkia qeveria neni",
        streets_before="rruga rrugën rrugës rr. bulevardi bulevardin blv. sheshi sheshin lagja lagjja",
        schools_before="shkolla shkollën shkollës shkollë gjimnazi gjimnazin gjimnazit kopshti kopshtin "
        "kopshtit çerdhja",
        school_acronyms="SHFMU SHMU SHML",
        school_kinds="fillore e_mesme e_ulët",
    ),
    "el": Words(
        children="παιδί παιδιού παιδιά παιδιών παιδάκι κορίτσι κοριτσιού κορίτσια κοριτσάκι αγόρι αγοριού "
        "αγόρια αγοράκι γιος γιου γιο γιε κόρη κόρης μωρό μωρού μαθητής μαθητή μαθήτρια μαθήτριας "
        "ανήλικος ανήλικη ανήλικου ανήλικης ανήλικο ανήλικα εγγονός εγγονή εγγονό εγγονού εγγονής μικρή "
        "μικρός μικρό μικρού μικρής μικρούλα μικρούλης έφηβος έφηβη εφήβου εφήβης γεννημένη γεννημένος "
        "γεννήθηκε αδελφή αδερφή αδελφός αδερφός αδέλφια αδέρφια δίδυμα",
        not_names="ο η το οι τα του της των τον την στο στη στην στον στις στα στους με σε και αλλά όταν "
        "μετά πριν αυτή αυτός αυτό εμείς εσείς εγώ μια μία ένα ένας κυρία κύριος μητέρα πατέρας μαμά "
        "μπαμπάς γιαγιά παππούς γονείς κέντρο δικαστήριο αστυνομία υπουργείο ελλάδα αθήνα νόμος νόμου "
        "σύμβαση σύμβασης στρατηγική πρωτόκολλο συνήγορος πρόγραμμα δήμος κυβέρνηση άρθρο",
        streets_before="οδός οδού οδό οδ. λεωφόρος λεωφόρου λεωφόρο λεωφ. πλατεία πλατείας",
        schools_before="σχολείο σχολείου νηπιαγωγείο νηπιαγωγείου γυμνάσιο γυμνασίου λύκειο λυκείου "
        "παιδικός_σταθμός",
        schools_after="σχολείο δημοτικό γυμνάσιο λύκειο νηπιαγωγείο",
        school_adjectives="δημοτικό δημοτικού πειραματικό ειδικό ιδιωτικό",
    ),
    "hu": Words(
        children="gyerek gyereke gyereket gyereknek gyermek gyermeke gyermeket gyermeknek lány lánya "
        "lányt lányát lánynak kislány kislányt kislánya fiú fiút fia fiát fiának kisfiú kisfiút kisfia "
        "baba babát csecsemő tanuló tanulót diák diákot kiskorú kiskorút unoka unokája gyerek* gyermek* "
        "kislány* kisfiú* tanítvány* tanuló* diák* unoká* csecsem* kiskorú* kis született testvér* nővér* "
        "húg* öccs* bátyj* iker*",
        not_names="a az egy ez ő ők mi ti én te amikor ahol után előtt és de nem igen volt voltak anya "
        "apa anyja apja nagymama nagypapa szülők központ bíróság rendőrség minisztérium magyarország "
        "budapest törvény törvénye egyezmény egyezménye stratégia jegyzőkönyv ombudsman program projekt "
        "önkormányzat kormány cikk",
        streets_after="utca u. út útja tér tere körút krt. köz sor sétány fasor rakpart lakótelep ltp.",
        schools_after="iskola iskolába iskolában iskolából iskolát iskolának óvoda óvodába óvodában "
        "óvodából óvodát gimnázium gimnáziumba gimnáziumban bölcsőde bölcsődébe bölcsődében",
        school_adjectives="általános szakközép szak speciális számú református katolikus",
    ),
    "ru": Words(
        children="ребёнок ребенок ребёнка ребенка ребёнку ребенку ребёнком ребенком дети детей детям "
        "девочка девочки девочку девочке девочкой мальчик мальчика мальчику мальчиком сын сына сыну сыном "
        "дочь дочери дочерью дочка дочку дочке малыш малыша младенец младенца ученик ученика ученику "
        "ученица ученицу ученице школьник школьника школьница школьницу подросток подростка "
        "несовершеннолетний несовершеннолетняя несовершеннолетнего несовершеннолетней ученик* учениц* "
        "девочк* мальчик* школьниц* школьник* внук внука внуку внуком внучка внучку внучкой маленькая "
        "маленький маленькую маленького малышка малышку воспитанник воспитанница воспитанницу "
        "воспитанника родился родилась сестра сестру сестры сестрой брат брата брату братом близнецы",
        not_names="он она оно они мы вы я ты его её ее их этот эта это когда где после до перед в на с со "
        "из за от по у к и а но да не был была было были мать отец мама папа бабушка дедушка родители "
        "центр центра суд полиция министерство россия москва закон закона конвенция конвенции конвенцию "
        "стратегия протокол уполномоченный программа проект администрация правительство статья россии "
        "российской федерации семейного семейный гражданского уголовного",
        streets_before="улица улице улицу ул. проспект просп. пр-т переулок пер. бульвар б-р площадь пл. "
        "шоссе",
        schools_before=" ".join(
            (
                forms("школ", "а ы е у ой ою"),
                forms("гимнази", "я и ю ей ею"),
                forms("лице", "й я ю ем е"),
                "детский_сад детского_сада детском_саду детский_садик детсад детсада детсаду",
            )
        ),
        school_adjectives=forms("средн", "яя ей юю") + " " + forms("общеобразовательн", "ая ой ую"),
        school_acronyms="СОШ МБОУ ГБОУ МОУ ООШ ДОУ МБДОУ ГБДОУ",
        school_kinds="имени им.",
    ),
    "uk": Words(
        children="дитина дитини дитину дитині дитиною діти дітей дітям дівчинка дівчинки дівчинку "
        "дівчинці дівчинкою хлопчик хлопчика хлопчику хлопчиком син сина сину сином донька доньки доньку "
        "доньці дочка дочку немовля немовляти учень учня учневі учениця ученицю учениці школяр школяра "
        "школярка підліток підлітка неповнолітній неповнолітня неповнолітнього неповнолітньої учениц* "
        "дівчинк* хлопчик* школяр* онук онука онуку онуком онучка онучку маленька маленький маленьку "
        "маленького малеча вихованець вихованця вихованка вихованку учнем народився народилася народжена "
        "народжений сестра сестру сестри сестрою брат брата брату братом близнюки",
        not_names="він вона воно вони ми ви я ти його її їх цей ця це коли де після до перед в у на з із "
        "за від по к і й а але та не був була було були мати батько мама тато бабуся дідусь батьки центр "
        "центру суд поліція міністерство україна київ закон закону конвенція конвенції стратегія протокол "
        "уповноважений програма проект адміністрація уряд стаття служба україни сімейного сімейний "
        "цивільного кримінального",
        streets_before="вулиця вулиці вулицю вул. проспект просп. пр-т провулок пров. бульвар бульв. "
        "площа пл.",
        schools_before=" ".join(
            (
                forms("школ", "а и і у ою"),
                forms("гімназі", "я ї ю єю"),
                forms("ліце", "й ю ї єм"),
                "садок садка садку садочок садочка дитячий_садок дитячого_садка дитячому_садку",
            )
        ),
        school_adjectives=forms("загальноосвітн середн", "я ьої ю ій"),
        school_acronyms="ЗОШ НВК ЗДО ЗЗСО ДНЗ",
        school_kinds="імені ім.",
    ),
}

# Interface and content language codes mapped to their group; other codes get every group.
LANGUAGE_GROUPS: dict[str, str] = {
    "en": "en",
    "sq": "sq",
    "bg": "bg",
    "bs": "sh",
    "hr": "sh",
    "sr": "sh",
    "sr-latn": "sh",
    "sr-cyrl": "sh",
    "me": "sh",
    "cnr": "sh",
    "sh": "sh",
    "el": "el",
    "hu": "hu",
    "mk": "mk",
    "ro": "ro",
    "mo": "ro",
    "ru": "ru",
    "uk": "uk",
}
