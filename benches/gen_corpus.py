#!/usr/bin/env python3
"""benches/gen_corpus.py — a deterministic corpus of fictional MGI country profiles for benchmarks.

Usage (from the repository root; standard library only):

    python3 benches/gen_corpus.py OUT_DIR N [--seed S] [--cover PATH] [--langs en,ru,ar,fr,es,pt]
    python3 benches/gen_corpus.py --print-langs      # the languages of the phrase banks

Writes N profile folders OUT_DIR/NN-<name>/ (profile.json, cover.jpg, text/<lang>.json for each
language asked for, text/_notes.json) and prints their paths, one a line. The same seed gives the
same bytes, the first N profiles of a larger corpus are the profiles of a smaller one (8 is a
prefix of 32), and a language's files do not depend on which other languages are written.

Unlike copies of the sample under other names, every profile's text is its own: each country has
its own name (and its Cyrillic and Arabic spellings), its own number of paragraphs per findings
list (2–6 well developed, 2–5 potential), paragraphs composed sentence by sentence from the phrase
banks below (51 sentences per language, with slots filled per country: laws and their years,
strategies and their periods, institutions, population groups, sectors, partner countries,
numbers; every paragraph holds at least one country-specific value, so no two profiles share a
paragraph), footnotes (`^[...]`), bold and italic titles, some bulleted lists, its own conventions
table and its own key sources. All languages of one profile say the same thing (the same
sentences with the same values), as a translated profile does: English, Russian, Arabic, French,
Spanish and (European) Portuguese.

The phrase banks were written for this benchmark: plain migration-governance vocabulary, no text
taken from real profiles.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

LANGS = ["en", "ru", "ar", "fr", "es", "pt"]
NBSP = "\u00a0"

# ----------------------------------------------------------------------------------------------
# Grammar helpers


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def fr_vowel(s):
    return s[:1].lower() in "aeiouyhâàéèêëîïôöûüœ"


def fr_article(gender, name):
    """nom / cap / de forms of a French noun phrase with its definite article."""
    if fr_vowel(name):
        return {"nom": "l'" + name, "cap": "L'" + name, "de": "de l'" + name}
    if gender == "m":
        return {"nom": "le " + name, "cap": "Le " + name, "de": "du " + name}
    return {"nom": "la " + name, "cap": "La " + name, "de": "de la " + name}


def es_article(gender, name):
    if gender == "m":
        return {"nom": "el " + name, "cap": "El " + name, "de": "del " + name}
    return {"nom": "la " + name, "cap": "La " + name, "de": "de la " + name}


def pt_article(gender, name):
    if gender == "m":
        return {"nom": "o " + name, "cap": "O " + name, "de": "do " + name, "por": "pelo " + name}
    return {"nom": "a " + name, "cap": "A " + name, "de": "da " + name, "por": "pela " + name}


def article(lang, gender, name):
    return {"fr": fr_article, "es": es_article, "pt": pt_article}[lang](gender, name)


def ru_noun_forms(nom):
    """Case forms of a feminine name ending in -ия or -а (all generated names do)."""
    if nom.endswith("ия"):
        s = nom[:-2]
        return {"nom": nom, "gen": s + "ии", "dat": s + "ии", "acc": s + "ию",
                "ins": s + "ией", "prep": s + "ии"}
    if nom.endswith("а"):
        s = nom[:-1]
        gen = s + ("и" if s[-1] in "гкхжшчщ" else "ы")
        return {"nom": nom, "gen": gen, "dat": s + "е", "acc": s + "у",
                "ins": s + "ой", "prep": s + "е"}
    return {k: nom for k in ("nom", "gen", "dat", "acc", "ins", "prep")}


def ru_plural(n, one, few, many):
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def ar_counted(n, num, sing, dual, plural, acc):
    """Arabic noun after a number written in digits."""
    if n == 1:
        return sing
    if n == 2:
        return dual
    r = n % 100
    if 3 <= r <= 10:
        return num + " " + plural
    if 11 <= r <= 99:
        return num + " " + acc
    return num + " " + sing


def fmt_int(n, lang):
    if n < 1000:
        return str(n)
    if lang in ("en", "ar"):
        return f"{n:,}"
    if lang in ("es", "pt") and n < 10000:
        return str(n)
    return f"{n:,}".replace(",", NBSP)


def fmt_dec(x, lang):
    s = f"{x:.1f}"
    return s if lang in ("en", "ar") else s.replace(".", ",")


# ----------------------------------------------------------------------------------------------
# Names: syllables with parallel Latin, Cyrillic and Arabic spellings

ONSETS = [("Val", "Вал", "فال"), ("Ost", "Ост", "أوست"), ("Kel", "Кел", "كيل"),
          ("Tar", "Тар", "تار"), ("Mir", "Мир", "مير"), ("Sor", "Сор", "سور"),
          ("Bel", "Бел", "بيل"), ("Dor", "Дор", "دور"), ("Len", "Лен", "لين"),
          ("Mar", "Мар", "مار"), ("Nor", "Нор", "نور"), ("Ruv", "Рув", "روف"),
          ("Sal", "Сал", "سال"), ("Tesh", "Теш", "تيش"), ("Vor", "Вор", "فور"),
          ("Zan", "Зан", "زان"), ("Gal", "Гал", "غال"), ("Hal", "Хал", "هال"),
          ("Kas", "Кас", "كاس"), ("Ald", "Алд", "ألد"), ("Ember", "Эмбер", "إمبر"),
          ("Fen", "Фен", "فين"), ("Lur", "Лур", "لور"), ("Pav", "Пав", "باف"),
          ("Brun", "Брун", "برون"), ("Cor", "Кор", "كور"), ("Dal", "Дал", "دال"),
          ("Iss", "Исс", "إيس")]
MIDDLES = [("", "", ""), ("a", "а", "ا"), ("e", "е", "ي"), ("o", "о", "و"), ("i", "и", "ي"),
           ("an", "ан", "ان"), ("en", "ен", "ين"), ("or", "ор", "ور"), ("am", "ам", "ام"),
           ("el", "ел", "يل")]
ENDINGS = [("ia", "ия", "يا"), ("ria", "рия", "ريا"), ("nia", "ния", "نيا"), ("via", "вия", "فيا"),
           ("dia", "дия", "ديا"), ("stia", "стия", "ستيا"), ("ara", "ара", "ارا"),
           ("essa", "есса", "يسا"), ("ona", "она", "ونا")]
CITY_ENDINGS = [("ton", "тон", "تون"), ("grad", "град", "غراد"), ("mar", "мар", "مار"),
                ("elle", "ель", "يل"), ("os", "ос", "وس"), ("havn", "хавн", "هافن"),
                ("burg", "бург", "بورغ"), ("ina", "ина", "ينا")]

FORMS_OF_STATE = [
    {"en": "Republic of {}", "ru": "Республика {}", "ar": "جمهورية {}", "fr": "République {de}",
     "es": "República de {}", "pt": "República de {}"},
    {"en": "Kingdom of {}", "ru": "Королевство {}", "ar": "مملكة {}", "fr": "Royaume {de}",
     "es": "Reino de {}", "pt": "Reino de {}"},
    {"en": "Federal Republic of {}", "ru": "Федеративная Республика {}",
     "ar": "جمهورية {} الاتحادية", "fr": "République fédérale {de}",
     "es": "República Federal de {}", "pt": "República Federal de {}"},
    {"en": "Democratic Republic of {}", "ru": "Демократическая Республика {}",
     "ar": "جمهورية {} الديمقراطية", "fr": "République démocratique {de}",
     "es": "República Democrática de {}", "pt": "República Democrática de {}"},
    {"en": "Principality of {}", "ru": "Княжество {}", "ar": "إمارة {}", "fr": "Principauté {de}",
     "es": "Principado de {}", "pt": "Principado de {}"},
    {"en": "United Republic of {}", "ru": "Объединенная Республика {}",
     "ar": "جمهورية {} المتحدة", "fr": "République unie {de}", "es": "República Unida de {}", "pt": "República Unida de {}"},
    {"en": "{}", "ru": "{}", "ar": "{}", "fr": "{}", "es": "{}", "pt": "{}"},
]


class Place:
    """A country or city name in the five languages, with the forms the sentences use."""

    def __init__(self, lat, cyr, arab):
        self.lat, self.cyr, self.arab = lat, cyr, arab
        de = ("d'" if fr_vowel(lat) else "de ") + lat
        self.forms = {
            "en": {"nom": lat},
            "ru": ru_noun_forms(cyr),
            "ar": {"nom": arab},
            "fr": {"nom": lat, "de": de},
            "es": {"nom": lat, "de": "de " + lat},
            "pt": {"nom": lat, "de": "de " + lat},
        }

    def render(self, lang, form):
        f = self.forms[lang]
        if form == "cap":
            return cap(f["nom"])
        return f.get(form or "nom", f["nom"])


def make_name(rng, endings):
    o, m, e = rng.choice(ONSETS), rng.choice(MIDDLES), rng.choice(endings)
    # Avoid awkward doubled letters at the joins ("Valla...", "Osttia").
    lat = o[0] + m[0] + e[0]
    lat = re.sub(r"([a-z])\1\1", r"\1\1", lat.lower()).capitalize()
    return Place(lat, o[1] + m[1] + e[1], o[2] + m[2] + e[2])


# ----------------------------------------------------------------------------------------------
# Slot vocabularies (parallel: the same index means the same thing in every language)

GROUPS = [  # en, ru (nom, gen, dat), ar (nom, obl), fr, es
    ("migrant workers", ("трудящиеся-мигранты", "трудящихся-мигрантов", "трудящимся-мигрантам"),
     ("العمال المهاجرون", "العمال المهاجرين"), "les travailleurs migrants",
     "los trabajadores migrantes"),
    ("refugees", ("беженцы", "беженцев", "беженцам"), ("اللاجئون", "اللاجئين"),
     "les réfugiés", "los refugiados"),
    ("asylum seekers", ("просители убежища", "просителей убежища", "просителям убежища"),
     ("ملتمسو اللجوء", "ملتمسي اللجوء"), "les demandeurs d'asile", "los solicitantes de asilo"),
    ("international students", ("иностранные студенты", "иностранных студентов",
                                "иностранным студентам"),
     ("الطلاب الدوليون", "الطلاب الدوليين"), "les étudiants internationaux",
     "los estudiantes internacionales"),
    ("seasonal workers", ("сезонные работники", "сезонных работников", "сезонным работникам"),
     ("العمال الموسميون", "العمال الموسميين"), "les travailleurs saisonniers",
     "los trabajadores temporeros"),
    ("stateless persons", ("лица без гражданства", "лиц без гражданства",
                           "лицам без гражданства"),
     ("الأشخاص عديمو الجنسية", "الأشخاص عديمي الجنسية"), "les apatrides",
     "las personas apátridas"),
    ("family members of migrants", ("члены семей мигрантов", "членов семей мигрантов",
                                    "членам семей мигрантов"),
     ("أفراد أسر المهاجرين", "أفراد أسر المهاجرين"), "les membres de la famille des migrants",
     "los familiares de los migrantes"),
    ("domestic workers", ("домашние работники", "домашних работников", "домашним работникам"),
     ("عمال المنازل", "عمال المنازل"), "les travailleurs domestiques",
     "los trabajadores domésticos"),
]

SECTORS = [  # always used as "in <sector>"
    ("in agriculture", "в сельском хозяйстве", "في الزراعة", "dans l'agriculture",
     "en la agricultura"),
    ("in construction", "в строительстве", "في البناء", "dans le bâtiment", "en la construcción"),
    ("in health care", "в здравоохранении", "في الرعاية الصحية", "dans le secteur de la santé",
     "en el sector sanitario"),
    ("in hotels and restaurants", "в гостиничном и ресторанном бизнесе", "في الفنادق والمطاعم",
     "dans l'hôtellerie et la restauration", "en la hostelería"),
    ("in information technology", "в сфере информационных технологий",
     "في تكنولوجيا المعلومات", "dans les technologies de l'information",
     "en las tecnologías de la información"),
    ("in manufacturing", "в обрабатывающей промышленности", "في الصناعة التحويلية",
     "dans l'industrie manufacturière", "en la industria manufacturera"),
    ("in fisheries", "в рыболовстве", "في صيد الأسماك", "dans la pêche", "en la pesca"),
    ("in transport and logistics", "на транспорте и в логистике",
     "في النقل والخدمات اللوجستية", "dans les transports et la logistique",
     "en el transporte y la logística"),
]

# id, url slug, en, ru (nom, gen), ar (name, gender), fr (gender, name), es (gender, name), pools
INSTITUTIONS = [
    ("ministry-labour", "labour", "Ministry of Labour and Social Protection",
     ("Министерство труда и социальной защиты", "Министерства труда и социальной защиты"),
     ("وزارة العمل والحماية الاجتماعية", "f"),
     ("m", "ministère du Travail et de la Protection sociale"),
     ("m", "Ministerio de Trabajo y Protección Social"), "LG"),
    ("ministry-interior", "interior", "Ministry of Internal Affairs",
     ("Министерство внутренних дел", "Министерства внутренних дел"), ("وزارة الداخلية", "f"),
     ("m", "ministère de l'Intérieur"), ("m", "Ministerio del Interior"), "GSC"),
    ("migration-service", "migration", "State Migration Service",
     ("Государственная миграционная служба", "Государственной миграционной службы"),
     ("دائرة الهجرة الحكومية", "f"), ("m", "Service national des migrations"),
     ("m", "Servicio Estatal de Migración"), "GSD"),
    ("employment-service", "employment", "National Employment Service",
     ("Национальная служба занятости", "Национальной службы занятости"),
     ("الدائرة الوطنية للتشغيل", "f"), ("m", "Service national de l'emploi"),
     ("m", "Servicio Nacional de Empleo"), "L"),
    ("ministry-health", "health", "Ministry of Health",
     ("Министерство здравоохранения", "Министерства здравоохранения"), ("وزارة الصحة", "f"),
     ("m", "ministère de la Santé"), ("m", "Ministerio de Salud"), ""),
    ("ministry-foreign-affairs", "mfa", "Ministry of Foreign Affairs",
     ("Министерство иностранных дел", "Министерства иностранных дел"), ("وزارة الخارجية", "f"),
     ("m", "ministère des Affaires étrangères"), ("m", "Ministerio de Relaciones Exteriores"), ""),
    ("statistics-office", "stat", "National Statistics Office",
     ("Национальное статистическое управление", "Национального статистического управления"),
     ("المكتب الوطني للإحصاء", "m"), ("m", "Office national de la statistique"),
     ("f", "Oficina Nacional de Estadística"), "D"),
    ("border-police", "border", "Border Police",
     ("Пограничная полиция", "Пограничной полиции"), ("شرطة الحدود", "f"),
     ("f", "Police aux frontières"), ("f", "Policía de Fronteras"), "S"),
    ("civil-protection", "civilprotection", "Civil Protection Agency",
     ("Агентство гражданской защиты", "Агентства гражданской защиты"),
     ("وكالة الحماية المدنية", "f"), ("f", "Agence de protection civile"),
     ("f", "Agencia de Protección Civil"), "C"),
    ("ministry-education", "education", "Ministry of Education",
     ("Министерство образования", "Министерства образования"), ("وزارة التعليم", "f"),
     ("m", "ministère de l'Éducation"), ("m", "Ministerio de Educación"), ""),
]

# id, en, ru (nominative; all masculine inanimate, so accusative = nominative), ar,
# fr (gender, name), es (gender, name), pools
LAWS = [
    ("law-migration", "Law on Migration", "Закон о миграции", "قانون الهجرة",
     ("f", "Loi sur les migrations"), ("f", "Ley de Migración"), "E"),
    ("law-foreigners", "Law on Foreigners", "Закон об иностранных гражданах", "قانون الأجانب",
     ("f", "Loi relative aux étrangers"), ("f", "Ley de Extranjería"), "EQ"),
    ("labour-code", "Labour Code", "Трудовой кодекс", "قانون العمل", ("m", "Code du travail"),
     ("m", "Código del Trabajo"), "Q"),
    ("law-asylum", "Law on Asylum", "Закон об убежище", "قانون اللجوء", ("f", "Loi sur l'asile"),
     ("f", "Ley de Asilo"), ""),
    ("law-citizenship", "Law on Citizenship", "Закон о гражданстве", "قانون الجنسية",
     ("f", "Loi sur la nationalité"), ("f", "Ley de Nacionalidad"), ""),
    ("law-social-protection", "Law on Social Protection", "Закон о социальной защите",
     "قانون الحماية الاجتماعية", ("f", "Loi sur la protection sociale"),
     ("f", "Ley de Protección Social"), ""),
    ("law-state-border", "Law on the State Border", "Закон о государственной границе",
     "قانون حدود الدولة", ("f", "Loi sur la frontière de l'État"),
     ("f", "Ley de Fronteras del Estado"), ""),
    ("law-civil-protection", "Law on Civil Protection", "Закон о гражданской защите",
     "قانون الحماية المدنية", ("f", "Loi sur la protection civile"),
     ("f", "Ley de Protección Civil"), ""),
    ("law-employment", "Law on Employment Promotion", "Закон о содействии занятости",
     "قانون تعزيز التشغيل", ("f", "Loi sur la promotion de l'emploi"),
     ("f", "Ley de Fomento del Empleo"), ""),
    ("law-trafficking", "Law on Combating Trafficking in Persons",
     "Закон о противодействии торговле людьми", "قانون مكافحة الاتجار بالأشخاص",
     ("f", "Loi relative à la lutte contre la traite des personnes"),
     ("f", "Ley de Lucha contra la Trata de Personas"), "T"),
    ("law-education", "Law on Education", "Закон об образовании", "قانون التعليم",
     ("f", "Loi sur l'éducation"), ("f", "Ley de Educación"), "E"),
    ("law-equality", "Law on Equality and Non-Discrimination",
     "Закон о равенстве и недискриминации", "قانون المساواة وعدم التمييز",
     ("f", "Loi sur l'égalité et la non-discrimination"),
     ("f", "Ley de Igualdad y No Discriminación"), "Q"),
    ("criminal-code", "Criminal Code", "Уголовный кодекс", "القانون الجنائي",
     ("m", "Code pénal"), ("m", "Código Penal"), "T"),
]

# id, en, ru (nom, gen, acc), ar (name, gender), fr (gender, name), es (gender, name)
PLANS = [
    ("strategy-migration", "National Migration Strategy",
     ("Национальная миграционная стратегия", "Национальной миграционной стратегии",
      "Национальную миграционную стратегию"), ("الاستراتيجية الوطنية للهجرة", "f"),
     ("f", "Stratégie nationale en matière de migration"),
     ("f", "Estrategia Nacional de Migración")),
    ("policy-labour-migration", "Labour Migration Policy",
     ("Концепция трудовой миграции", "Концепции трудовой миграции",
      "Концепцию трудовой миграции"), ("سياسة هجرة اليد العاملة", "f"),
     ("f", "Politique de migration de main-d'œuvre"), ("f", "Política de Migración Laboral")),
    ("strategy-diaspora", "Diaspora Engagement Strategy",
     ("Стратегия взаимодействия с диаспорой", "Стратегии взаимодействия с диаспорой",
      "Стратегию взаимодействия с диаспорой"), ("استراتيجية التواصل مع الجاليات في الخارج", "f"),
     ("f", "Stratégie de mobilisation de la diaspora"),
     ("f", "Estrategia de Vinculación con la Diáspora")),
    ("strategy-ibm", "Integrated Border Management Strategy",
     ("Стратегия комплексного управления границами", "Стратегии комплексного управления границами",
      "Стратегию комплексного управления границами"),
     ("استراتيجية الإدارة المتكاملة للحدود", "f"),
     ("f", "Stratégie de gestion intégrée des frontières"),
     ("f", "Estrategia de Gestión Integrada de Fronteras")),
    ("strategy-drr", "Disaster Risk Reduction Strategy",
     ("Стратегия снижения риска бедствий", "Стратегии снижения риска бедствий",
      "Стратегию снижения риска бедствий"), ("استراتيجية الحد من مخاطر الكوارث", "f"),
     ("f", "Stratégie de réduction des risques de catastrophe"),
     ("f", "Estrategia de Reducción del Riesgo de Desastres")),
    ("plan-trafficking", "National Action Plan against Trafficking in Persons",
     ("Национальный план действий по борьбе с торговлей людьми",
      "Национального плана действий по борьбе с торговлей людьми",
      "Национальный план действий по борьбе с торговлей людьми"),
     ("خطة العمل الوطنية لمكافحة الاتجار بالأشخاص", "f"),
     ("m", "Plan d'action national contre la traite des personnes"),
     ("m", "Plan de Acción Nacional contra la Trata de Personas")),
    ("strategy-employment", "National Employment Strategy",
     ("Национальная стратегия занятости", "Национальной стратегии занятости",
      "Национальную стратегию занятости"), ("الاستراتيجية الوطنية للتشغيل", "f"),
     ("f", "Stratégie nationale pour l'emploi"), ("f", "Estrategia Nacional de Empleo")),
]

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "ru": [("январь", "января", "январе"), ("февраль", "февраля", "феврале"),
           ("март", "марта", "марте"), ("апрель", "апреля", "апреле"), ("май", "мая", "мае"),
           ("июнь", "июня", "июне"), ("июль", "июля", "июле"), ("август", "августа", "августе"),
           ("сентябрь", "сентября", "сентябре"), ("октябрь", "октября", "октябре"),
           ("ноябрь", "ноября", "ноябре"), ("декабрь", "декабря", "декабре")],
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}

# ----------------------------------------------------------------------------------------------
# Slot values


class Num:
    def __init__(self, n, kind="int"):
        self.n, self.kind = n, kind

    def render(self, lang, form):
        if self.kind == "dec":
            return fmt_dec(self.n, lang)
        if self.kind == "year":
            return str(self.n)
        return fmt_int(self.n, lang)


class Choice:
    """One row of a parallel table (GROUPS, SECTORS), rendered per language and form."""

    def __init__(self, row, kind):
        self.row, self.kind = row, kind

    def render(self, lang, form):
        r = self.row
        if self.kind == "sector":
            return r[LANGS.index(lang)]
        # group: en, ru (nom, gen, dat), ar (nom, obl), fr, es, pt
        if lang == "en":
            return cap(r[0]) if form == "cap" else r[0]
        if lang == "ru":
            f = dict(zip(("nom", "gen", "dat"), r[1]))
            return cap(f["nom"]) if form == "cap" else f.get(form or "nom", f["nom"])
        if lang == "ar":
            return r[2][1] if form == "obl" else r[2][0]
        s = {"fr": r[3], "es": r[4], "pt": r[5]}[lang]
        if form == "cap":
            return cap(s)
        if form == "de":
            if lang == "fr":
                return "des " + s[4:]
            if lang == "pt":
                return "d" + s
            return "de " + s
        return s

    def gender(self, lang):
        return "m"


class Inst:
    def __init__(self, row):
        self.row = row
        self.pt = PT_INSTITUTIONS[row[0]]

    def name(self, lang):
        """The bare name, capitalized (source group titles)."""
        _, _, en, ru, ar, fr, es, _ = self.row
        return {"en": en, "ru": ru[0], "ar": ar[0], "fr": cap(fr[1]), "es": es[1],
                "pt": self.pt[1]}[lang]

    def render(self, lang, form):
        _, _, en, ru, ar, fr, es, _ = self.row
        if lang == "en":
            return en
        if lang == "ru":
            return ru[1] if form == "gen" else ru[0]
        if lang == "ar":
            return ar[0]
        art = article(lang, *{"fr": fr, "es": es, "pt": self.pt}[lang])
        return art.get(form or "nom", art["nom"])

    def gender(self, lang):
        _, _, _, _, ar, fr, es, _ = self.row
        return {"ar": ar[1], "fr": fr[0], "es": es[0], "pt": self.pt[0]}.get(lang, "m")


def styled(text, style):
    if style == "italic":
        return "*" + text + "*"
    if style == "bold":
        return "**" + text + "**"
    return text


class Law:
    def __init__(self, row, year, style):
        self.row, self.year, self.style = row, year, style
        self.pt = PT_LAWS[row[0]]

    def title(self, lang):
        _, en, ru, ar, fr, es, _ = self.row
        return {"en": en, "ru": ru, "ar": ar, "fr": fr[1], "es": es[1], "pt": self.pt[1]}[lang]

    def render(self, lang, form):
        y = self.year
        name = self.title(lang)
        if self.style == "bold":
            core = styled(f"{name} ({y})", "bold")
        else:
            core = styled(name, self.style) + f" ({y})"
        if lang in ("en", "ru", "ar"):
            return core
        art = article(lang, self.gender(lang), name)
        # the article forms end with the name; swap the plain name for the marked-up one
        return art.get(form or "nom", art["nom"])[: -len(name)] + core

    def gender(self, lang):
        return {"fr": self.row[4][0], "es": self.row[5][0], "pt": self.pt[0]}.get(lang, "m")


class Plan:
    def __init__(self, row, y1, y2, style):
        self.row, self.y1, self.y2, self.style = row, y1, y2, style
        self.pt = PT_PLANS[row[0]]

    def title(self, lang, form="nom"):
        _, en, ru, ar, fr, es = self.row
        y1, y2 = self.y1, self.y2
        if lang == "en":
            return f"{en} {y1}–{y2}"
        if lang == "ru":
            i = {"gen": 1, "acc": 2}.get(form, 0)
            return f"{ru[i]} на {y1}–{y2} годы"
        if lang == "pt":
            return f"{self.pt[1]} {y1}–{y2}"
        name = {"ar": ar[0], "fr": fr[1], "es": es[1]}[lang]
        return f"{name} {y1}-{y2}"

    def render(self, lang, form):
        core = styled(self.title(lang, form), self.style)
        if lang in ("en", "ru", "ar"):
            return core
        name = self.title(lang)
        art = article(lang, self.gender(lang), name)
        return art.get(form or "nom", art["nom"])[: -len(name)] + core

    def gender(self, lang):
        return {"ar": self.row[3][1], "fr": self.row[4][0], "es": self.row[5][0],
                "pt": self.pt[0]}.get(lang, "m")


class Month:
    def __init__(self, i):
        self.i = i

    def render(self, lang, form):
        m = MONTHS[lang][self.i]
        if lang == "ru":
            return m[{"gen": 1, "prep": 2}.get(form, 0)]
        return m


# ----------------------------------------------------------------------------------------------
# The phrase banks: one entry per sentence, the same sentence in each language.
#
# Slots: {NAME}, {NAME.form}, {NAME#w1|w2|w3[|w4]} (a number followed by the noun in the right
# form: Russian one|few|many, Arabic singular|dual|plural|accusative singular; other languages
# write the plural noun themselves), {NAME?masc|fem} (text chosen by the slot's gender).
#
# Countries: C (this profile), PARTNER (another country). Institutions: INST (any), INSTG
# (governance), INSTL (labour), INSTC (crises), INSTS (borders), INSTD (data). Laws: LAW, LAWE
# (education), LAWQ (equality), LAWT (trafficking). PLAN, GROUP, SECTOR (with its preposition),
# MONTH, numbers: N, K, E, P, DEC, M, YRS, YRS2, L, D, H, Y.

P = NBSP + "%"  # "45 %" in Russian, French and Spanish

SENTENCES = [
    # ------------------------------------------------------------------ rights
    ("rights", "+", {
        "en": "{GROUP.cap} who hold a residence permit have access to public health services on the same terms as nationals of {C}.",
        "ru": "{GROUP.cap}, имеющие вид на жительство, пользуются государственными услугами здравоохранения на тех же условиях, что и граждане {C.gen}.",
        "ar": "يحصل {GROUP.nom} الحاصلون على تصريح إقامة على خدمات الصحة العامة بالشروط نفسها التي تنطبق على مواطني {C}.",
        "fr": "{GROUP.cap} titulaires d'un titre de séjour ont accès aux services publics de santé dans les mêmes conditions que les ressortissants {C.de}.",
        "es": "{GROUP.cap} que tienen un permiso de residencia acceden a los servicios públicos de salud en las mismas condiciones que los nacionales {C.de}.",
        "pt": "{GROUP.cap} titulares de autorização de residência têm acesso aos serviços públicos de saúde nas mesmas condições que os nacionais {C.de}.",
    }),
    ("rights", "+", {
        "en": "Under the {LAWE}, all children living in {C} may enrol in primary and secondary school free of charge, whatever their migration status.",
        "ru": "{LAWE} гарантирует всем детям, проживающим в {C.prep}, бесплатное начальное и среднее образование независимо от их миграционного статуса.",
        "ar": "يكفل {LAWE} لجميع الأطفال المقيمين في {C} التسجيل في المدارس الابتدائية والثانوية مجانا، أيا كان وضعهم من حيث الهجرة.",
        "fr": "En vertu {LAWE.de}, tous les enfants qui vivent en {C} peuvent s'inscrire gratuitement à l'école primaire et secondaire, quel que soit leur statut migratoire.",
        "es": "En virtud {LAWE.de}, todos los niños que viven en {C} pueden matricularse gratuitamente en la enseñanza primaria y secundaria, cualquiera que sea su situación migratoria.",
        "pt": "Ao abrigo {LAWE.de}, todas as crianças que vivem em {C} podem frequentar gratuitamente o ensino básico e secundário, independentemente da sua situação migratória.",
    }),
    ("rights", "+", {
        "en": "Migrants employed under a contract pay the same social insurance contributions as nationals and are covered for sickness, maternity, work injury and old age.",
        "ru": "Мигранты, работающие по трудовому договору, платят те же взносы на социальное страхование, что и граждане страны, и застрахованы на случай болезни, материнства, производственной травмы и старости.",
        "ar": "يدفع المهاجرون العاملون بموجب عقد عمل اشتراكات الضمان الاجتماعي نفسها التي يدفعها المواطنون، ويتمتعون بالتغطية في حالات المرض والأمومة وإصابات العمل والشيخوخة.",
        "fr": "Les migrants employés sous contrat versent les mêmes cotisations sociales que les nationaux et sont couverts en cas de maladie, de maternité, d'accident du travail et de vieillesse.",
        "es": "Los migrantes empleados con contrato pagan las mismas cotizaciones a la seguridad social que los nacionales y están cubiertos en caso de enfermedad, maternidad, accidente de trabajo y vejez.",
        "pt": "Os migrantes com contrato de trabalho pagam as mesmas contribuições para a segurança social que os nacionais e estão cobertos em caso de doença, maternidade, acidente de trabalho e velhice.",
    }),
    ("rights", "+", {
        "en": "Family reunification is open to any foreign national who has held a residence permit for at least {M} months.",
        "ru": "Право на воссоединение семьи имеет любой иностранный гражданин, проживающий в стране по виду на жительство не менее {M#месяца|месяцев|месяцев}.",
        "ar": "يحق لكل أجنبي يحمل تصريح إقامة منذ {M#شهر|شهرين|أشهر|شهرا} على الأقل أن يطلب لم شمل أسرته.",
        "fr": "Le regroupement familial est ouvert à tout ressortissant étranger titulaire d'un titre de séjour depuis au moins {M} mois.",
        "es": "La reunificación familiar está abierta a todo extranjero que haya tenido un permiso de residencia durante al menos {M} meses.",
        "pt": "O reagrupamento familiar está aberto a qualquer cidadão estrangeiro titular de autorização de residência há pelo menos {M} meses.",
    }),
    ("rights", "+", {
        "en": "Permanent residence may be granted after {YRS} years of lawful stay, and naturalization after {YRS2} years.",
        "ru": "Постоянный вид на жительство может быть предоставлен после {YRS#года|лет|лет} законного пребывания, а гражданство — после {YRS2#года|лет|лет}.",
        "ar": "يجوز منح الإقامة الدائمة بعد {YRS#سنة|سنتين|سنوات|سنة} من الإقامة القانونية، والتجنس بعد {YRS2#سنة|سنتين|سنوات|سنة}.",
        "fr": "Un titre de séjour permanent peut être accordé après {YRS} ans de séjour régulier, et la naturalisation après {YRS2} ans.",
        "es": "La residencia permanente puede concederse tras {YRS} años de estancia legal, y la naturalización tras {YRS2} años.",
        "pt": "A residência permanente pode ser concedida após {YRS} anos de permanência legal, e a naturalização após {YRS2} anos.",
    }),
    ("rights", "+", {
        "en": "The {LAWQ} prohibits discrimination on grounds of nationality, ethnic origin and migration status in employment, housing and access to services.",
        "ru": "{LAWQ} запрещает дискриминацию по признаку гражданства, этнического происхождения и миграционного статуса в сфере занятости, жилья и доступа к услугам.",
        "ar": "يحظر {LAWQ} التمييز على أساس الجنسية أو الأصل العرقي أو وضع الهجرة في العمل والسكن والحصول على الخدمات.",
        "fr": "{LAWQ.cap} interdit toute discrimination fondée sur la nationalité, l'origine ethnique ou le statut migratoire dans l'emploi, le logement et l'accès aux services.",
        "es": "{LAWQ.cap} prohíbe la discriminación por motivos de nacionalidad, origen étnico o situación migratoria en el empleo, la vivienda y el acceso a los servicios.",
        "pt": "{LAWQ.cap} proíbe a discriminação em razão da nacionalidade, da origem étnica ou da situação migratória no emprego, na habitação e no acesso aos serviços.",
    }),
    ("rights", "-", {
        "en": "{C} is not a party to the conventions on statelessness and has no procedure for determining statelessness.",
        "ru": "{C} не является участницей конвенций о безгражданстве, и в стране нет процедуры определения безгражданства.",
        "ar": "ليست {C} طرفا في الاتفاقيتين المتعلقتين بانعدام الجنسية، وليس لديها إجراء لتحديد حالات انعدام الجنسية.",
        "fr": "{C} n'est partie à aucune des conventions relatives à l'apatridie et ne dispose d'aucune procédure de détermination de l'apatridie.",
        "es": "{C} no es parte en las convenciones sobre la apatridia y carece de un procedimiento para determinar la condición de apátrida.",
        "pt": "{C} não é parte nas convenções sobre a apatridia e não dispõe de um procedimento de determinação da apatridia.",
    }),
    ("rights", "-", {
        "en": "Foreign workers remain tied to the employer named on their work permit for the first {M} months of their stay.",
        "ru": "В течение первых {M#месяца|месяцев|месяцев} пребывания иностранные работники привязаны к работодателю, указанному в их разрешении на работу.",
        "ar": "يظل العمال الأجانب مرتبطين بصاحب العمل المذكور في تصريح عملهم خلال أول {M#شهر|شهرين|أشهر|شهرا} من إقامتهم.",
        "fr": "Les travailleurs étrangers restent liés à l'employeur indiqué sur leur permis de travail pendant les {M} premiers mois de leur séjour.",
        "es": "Los trabajadores extranjeros permanecen vinculados al empleador que figura en su permiso de trabajo durante los primeros {M} meses de su estancia.",
        "pt": "Os trabalhadores estrangeiros permanecem vinculados ao empregador indicado na sua autorização de trabalho durante os primeiros {M} meses de permanência.",
    }),
    ("rights", "-", {
        "en": "Posts in the civil service are reserved for citizens, and {GROUP} have no access to public employment programmes.",
        "ru": "Должности на государственной службе могут занимать только граждане, а {GROUP} не имеют доступа к государственным программам содействия занятости.",
        "ar": "تقتصر وظائف الخدمة المدنية على المواطنين، ولا يستفيد {GROUP} من برامج التشغيل العامة.",
        "fr": "Les emplois de la fonction publique sont réservés aux citoyens, et {GROUP} n'ont pas accès aux programmes publics pour l'emploi.",
        "es": "Los puestos de la función pública están reservados a los ciudadanos, y {GROUP} no tienen acceso a los programas públicos de empleo.",
        "pt": "Os cargos da função pública estão reservados aos cidadãos nacionais, e {GROUP} não têm acesso aos programas públicos de emprego.",
    }),
    # ------------------------------------------------------------------ government
    ("government", "+", {
        "en": "The {INSTG} leads on migration policy and coordinates the work of {N} ministries and agencies.",
        "ru": "{INSTG} руководит миграционной политикой и координирует работу {N#министерства и ведомства|министерств и ведомств|министерств и ведомств}.",
        "ar": "{INSTG?يتولى|تتولى} {INSTG} قيادة سياسة الهجرة {INSTG?وينسق|وتنسق} عمل {N#وزارة وهيئة|وزارتين وهيئتين|وزارات وهيئات|وزارة وهيئة}.",
        "fr": "{INSTG.cap} pilote la politique migratoire et coordonne les travaux de {N} ministères et organismes.",
        "es": "{INSTG.cap} dirige la política migratoria y coordina la labor de {N} ministerios y organismos.",
        "pt": "{INSTG.cap} conduz a política migratória e coordena o trabalho de {N} ministérios e organismos.",
    }),
    ("government", "+", {
        "en": "The {PLAN} sets out {N} objectives and is accompanied by a costed action plan.",
        "ru": "{PLAN} определяет {N#задачу|задачи|задач} и сопровождается планом действий с оценкой затрат.",
        "ar": "{PLAN?يحدد|تحدد} {PLAN} ما مجموعه {N#هدف|هدفين|أهداف|هدفا}، {PLAN?ويرافقه|ويرافقها} خطة عمل محددة التكاليف.",
        "fr": "{PLAN.cap} fixe {N} objectifs et comprend un plan d'action chiffré.",
        "es": "{PLAN.cap} establece {N} objetivos e incluye un plan de acción presupuestado.",
        "pt": "{PLAN.cap} fixa {N} objetivos e inclui um plano de ação orçamentado.",
    }),
    ("government", "+", {
        "en": "An interministerial working group on migration, chaired by the {INSTG}, has met {N} times since {Y}.",
        "ru": "Межведомственная рабочая группа по миграции под председательством {INSTG.gen} с {Y} года провела {N#заседание|заседания|заседаний}.",
        "ar": "عقد الفريق العامل المشترك بين الوزارات المعني بالهجرة، برئاسة {INSTG}، {N#اجتماع|اجتماعين|اجتماعات|اجتماعا} منذ عام {Y}.",
        "fr": "Un groupe de travail interministériel sur la migration, présidé par {INSTG}, s'est réuni {N} fois depuis {Y}.",
        "es": "Un grupo de trabajo interministerial sobre migración, presidido por {INSTG}, se ha reunido {N} veces desde {Y}.",
        "pt": "Um grupo de trabalho interministerial sobre migração, presidido {INSTG.por}, reuniu-se {N} vezes desde {Y}.",
    }),
    ("government", "+", {
        "en": "The {INSTD} publishes migration statistics every year, disaggregated by sex, age and country of birth.",
        "ru": "{INSTD} ежегодно публикует миграционную статистику в разбивке по полу, возрасту и стране рождения.",
        "ar": "{INSTD?ينشر|تنشر} {INSTD} إحصاءات الهجرة كل عام، مصنفة حسب الجنس والعمر وبلد الميلاد.",
        "fr": "{INSTD.cap} publie chaque année des statistiques migratoires ventilées par sexe, âge et pays de naissance.",
        "es": "{INSTD.cap} publica cada año estadísticas migratorias desglosadas por sexo, edad y país de nacimiento.",
        "pt": "{INSTD.cap} publica anualmente estatísticas da migração desagregadas por sexo, idade e país de nascimento.",
    }),
    ("government", "+", {
        "en": "A national migration portal provides information in {L} languages on visas, residence and work permits.",
        "ru": "Национальный миграционный портал предоставляет информацию о визах, видах на жительство и разрешениях на работу на {L#языке|языках|языках}.",
        "ar": "تقدم البوابة الوطنية للهجرة معلومات عن التأشيرات وتصاريح الإقامة والعمل، وهي متاحة بعدد من اللغات يبلغ {L}.",
        "fr": "Un portail national sur la migration informe en {L} langues sur les visas, les titres de séjour et les permis de travail.",
        "es": "Un portal nacional de migración ofrece información en {L} idiomas sobre visados, permisos de residencia y permisos de trabajo.",
        "pt": "Um portal nacional da migração presta informação em {L} línguas sobre vistos, autorizações de residência e autorizações de trabalho.",
    }),
    ("government", "-", {
        "en": "Local authorities have no formal role in designing migration policy, although they deliver most services to migrants.",
        "ru": "Органы местного самоуправления не играют официальной роли в разработке миграционной политики, хотя именно они оказывают мигрантам большую часть услуг.",
        "ar": "لا تضطلع السلطات المحلية بأي دور رسمي في وضع سياسة الهجرة، مع أنها تقدم معظم الخدمات للمهاجرين.",
        "fr": "Les autorités locales n'ont aucun rôle formel dans l'élaboration de la politique migratoire, bien qu'elles fournissent l'essentiel des services aux migrants.",
        "es": "Las autoridades locales no tienen ninguna función formal en la elaboración de la política migratoria, aunque prestan la mayoría de los servicios a los migrantes.",
        "pt": "As autarquias locais não têm um papel formal na definição da política migratória, embora prestem a maior parte dos serviços aos migrantes.",
    }),
    ("government", "-", {
        "en": "There is no regular training on migration law and migrants' rights for the staff of the {INST}.",
        "ru": "Для сотрудников {INST.gen} не проводится регулярного обучения по миграционному законодательству и правам мигрантов.",
        "ar": "لا يتلقى موظفو {INST} تدريبا منتظما على قانون الهجرة وحقوق المهاجرين.",
        "fr": "Le personnel {INST.de} ne bénéficie d'aucune formation régulière sur le droit des migrations et les droits des migrants.",
        "es": "El personal {INST.de} no recibe formación periódica sobre el derecho migratorio y los derechos de los migrantes.",
        "pt": "O pessoal {INST.de} não recebe formação regular sobre o direito da migração e os direitos dos migrantes.",
    }),
    ("government", "-", {
        "en": "The action plan contains output indicators, but no baseline or target values against which progress could be measured.",
        "ru": "План действий содержит показатели результатов, однако в нем нет исходных и целевых значений, по которым можно было бы оценить прогресс.",
        "ar": "تتضمن خطة العمل مؤشرات للنواتج، لكنها تخلو من قيم أساسية وقيم مستهدفة يمكن قياس التقدم على أساسها.",
        "fr": "Le plan d'action comporte des indicateurs de résultats, mais aucune valeur de référence ni valeur cible permettant de mesurer les progrès.",
        "es": "El plan de acción contiene indicadores de resultados, pero carece de valores de referencia y metas con los que medir los avances.",
        "pt": "O plano de ação contém indicadores de realização, mas não valores de referência nem metas que permitam medir os progressos.",
    }),
    # ------------------------------------------------------------------ partnerships
    ("partnerships", "+", {
        "en": "{C} has signed a bilateral labour agreement with {PARTNER}, under which {K} workers were recruited in {Y}.",
        "ru": "{C} подписала двустороннее соглашение о трудовой миграции с {PARTNER.ins}, в рамках которого в {Y} году было набрано {K#работник|работника|работников}.",
        "ar": "وقعت {C} اتفاقا ثنائيا بشأن العمل مع {PARTNER}، جرى بموجبه استقدام {K#عامل|عاملين|عمال|عاملا} في عام {Y}.",
        "fr": "{C} a signé avec {PARTNER} un accord bilatéral de main-d'œuvre, en vertu duquel {K} travailleurs ont été recrutés en {Y}.",
        "es": "{C} firmó con {PARTNER} un acuerdo bilateral de trabajo, en virtud del cual se contrató a {K} trabajadores en {Y}.",
        "pt": "{C} assinou com {PARTNER} um acordo bilateral de mão de obra, ao abrigo do qual foram recrutados {K} trabalhadores em {Y}.",
    }),
    ("partnerships", "+", {
        "en": "{C} takes an active part in the regional consultative process on migration and hosted its ministerial meeting in {Y}.",
        "ru": "{C} активно участвует в региональном консультативном процессе по миграции и в {Y} году принимала его министерское совещание.",
        "ar": "تشارك {C} بنشاط في العملية التشاورية الإقليمية بشأن الهجرة، واستضافت اجتماعها الوزاري في عام {Y}.",
        "fr": "{C} participe activement au processus consultatif régional sur la migration et a accueilli sa réunion ministérielle en {Y}.",
        "es": "{C} participa activamente en el proceso consultivo regional sobre migración y acogió su reunión ministerial en {Y}.",
        "pt": "{C} participa ativamente no processo consultivo regional sobre migração e acolheu a sua reunião ministerial em {Y}.",
    }),
    ("partnerships", "+", {
        "en": "Civil society organizations and trade unions sit on the national coordination body on migration as observers.",
        "ru": "Организации гражданского общества и профсоюзы входят в национальный координационный орган по миграции в качестве наблюдателей.",
        "ar": "تشارك منظمات المجتمع المدني والنقابات العمالية في الهيئة الوطنية لتنسيق شؤون الهجرة بصفة مراقب.",
        "fr": "Des organisations de la société civile et des syndicats siègent en qualité d'observateurs au sein de l'organe national de coordination sur la migration.",
        "es": "Organizaciones de la sociedad civil y sindicatos participan como observadores en el órgano nacional de coordinación sobre migración.",
        "pt": "Organizações da sociedade civil e sindicatos participam como observadores no órgão nacional de coordenação em matéria de migração.",
    }),
    ("partnerships", "+", {
        "en": "A memorandum of understanding signed with {PARTNER} in {Y} provides for the regular exchange of data on migration flows.",
        "ru": "Меморандум о взаимопонимании, подписанный с {PARTNER.ins} в {Y} году, предусматривает регулярный обмен данными о миграционных потоках.",
        "ar": "تنص مذكرة تفاهم موقعة مع {PARTNER} في عام {Y} على تبادل البيانات المتعلقة بتدفقات الهجرة بصورة منتظمة.",
        "fr": "Un mémorandum d'accord signé avec {PARTNER} en {Y} prévoit l'échange régulier de données sur les flux migratoires.",
        "es": "Un memorando de entendimiento firmado con {PARTNER} en {Y} prevé el intercambio periódico de datos sobre los flujos migratorios.",
        "pt": "Um memorando de entendimento assinado com {PARTNER} em {Y} prevê o intercâmbio regular de dados sobre os fluxos migratórios.",
    }),
    ("partnerships", "+", {
        "en": "The diaspora is consulted through a forum held every {YRS} years, which last met in {Y}.",
        "ru": "С диаспорой проводятся консультации в рамках форума, который собирается раз в {YRS#год|года|лет}; последний раз он проходил в {Y} году.",
        "ar": "تجري مشاورات مع الجاليات في الخارج من خلال منتدى يعقد كل {YRS#سنة|سنتين|سنوات|سنة}، وقد عقد آخر اجتماع له في عام {Y}.",
        "fr": "La diaspora est consultée dans le cadre d'un forum organisé tous les {YRS} ans, qui s'est réuni pour la dernière fois en {Y}.",
        "es": "La diáspora es consultada a través de un foro que se celebra cada {YRS} años y que se reunió por última vez en {Y}.",
        "pt": "A diáspora é consultada através de um fórum que se reúne de {YRS} em {YRS} anos e que se reuniu pela última vez em {Y}.",
    }),
    ("partnerships", "-", {
        "en": "Apart from the agreement with {PARTNER}, {C} has no formal partnerships with the main countries of origin of its immigrants.",
        "ru": "Помимо соглашения с {PARTNER.ins}, у {C.gen} нет официальных партнерских отношений с основными странами происхождения иммигрантов.",
        "ar": "باستثناء الاتفاق المبرم مع {PARTNER}، لا تربط {C} شراكات رسمية ببلدان المنشأ الرئيسية للمهاجرين الوافدين إليها.",
        "fr": "Hormis l'accord conclu avec {PARTNER}, {C} n'a noué aucun partenariat formel avec les principaux pays d'origine de ses immigrés.",
        "es": "Aparte del acuerdo con {PARTNER}, {C} no mantiene asociaciones formales con los principales países de origen de sus inmigrantes.",
        "pt": "Para além do acordo com {PARTNER}, {C} não mantém parcerias formais com os principais países de origem dos seus imigrantes.",
    }),
    ("partnerships", "-", {
        "en": "The private sector is not formally involved in the design of migration policy.",
        "ru": "Частный сектор официально не участвует в разработке миграционной политики.",
        "ar": "لا يشارك القطاع الخاص مشاركة رسمية في وضع سياسة الهجرة.",
        "fr": "Le secteur privé n'est pas associé officiellement à l'élaboration de la politique migratoire.",
        "es": "El sector privado no participa formalmente en la elaboración de la política migratoria.",
        "pt": "O setor privado não participa formalmente na definição da política migratória.",
    }),
    # ------------------------------------------------------------------ well-being
    ("wellbeing", "+", {
        "en": "The {INSTL} assesses demand for foreign labour every year and publishes a list of shortage occupations, which in {Y} included {N} occupations {SECTOR} and other sectors.",
        "ru": "{INSTL} ежегодно оценивает спрос на иностранную рабочую силу и публикует перечень дефицитных профессий; в {Y} году в него вошли {N#профессия|профессии|профессий} {SECTOR} и других отраслях.",
        "ar": "{INSTL?يقيم|تقيم} {INSTL} كل عام الطلب على اليد العاملة الأجنبية {INSTL?وينشر|وتنشر} قائمة بالمهن التي تعاني نقصا، وقد ضمت في عام {Y} ما مجموعه {N#مهنة|مهنتين|مهن|مهنة} {SECTOR} وغيرها من القطاعات.",
        "fr": "{INSTL.cap} évalue chaque année la demande de main-d'œuvre étrangère et publie une liste des métiers en tension, qui comptait {N} métiers {SECTOR} et dans d'autres secteurs en {Y}.",
        "es": "{INSTL.cap} evalúa cada año la demanda de mano de obra extranjera y publica una lista de ocupaciones con escasez, que en {Y} incluía {N} ocupaciones {SECTOR} y en otros sectores.",
        "pt": "{INSTL.cap} avalia todos os anos a procura de mão de obra estrangeira e publica uma lista de profissões com escassez, que em {Y} incluía {N} profissões {SECTOR} e noutros setores.",
    }),
    ("wellbeing", "+", {
        "en": "Qualifications obtained abroad are recognized within {D} days of a complete application.",
        "ru": "Квалификации, полученные за рубежом, признаются в течение {D#дня|дней|дней} с момента подачи полного пакета документов.",
        "ar": "يجري الاعتراف بالمؤهلات المكتسبة في الخارج في غضون {D#يوم|يومين|أيام|يوما} من تقديم طلب مكتمل.",
        "fr": "Les qualifications obtenues à l'étranger sont reconnues dans un délai de {D} jours à compter du dépôt d'un dossier complet.",
        "es": "Las cualificaciones obtenidas en el extranjero se reconocen en un plazo de {D} días desde la presentación de una solicitud completa.",
        "pt": "As qualificações obtidas no estrangeiro são reconhecidas no prazo de {D} dias a contar da apresentação de um pedido completo.",
    }),
    ("wellbeing", "+", {
        "en": "International students may work up to {H} hours a week during term and full time during holidays.",
        "ru": "Иностранные студенты могут работать до {H#часа|часов|часов} в неделю во время учебы и полный день во время каникул.",
        "ar": "يجوز للطلاب الدوليين العمل حتى {H#ساعة|ساعتين|ساعات|ساعة} في الأسبوع خلال الفصل الدراسي وبدوام كامل خلال العطلات.",
        "fr": "Les étudiants internationaux peuvent travailler jusqu'à {H} heures par semaine pendant l'année universitaire et à temps plein pendant les vacances.",
        "es": "Los estudiantes internacionales pueden trabajar hasta {H} horas semanales durante el curso y a tiempo completo durante las vacaciones.",
        "pt": "Os estudantes internacionais podem trabalhar até {H} horas por semana durante o período letivo e a tempo inteiro durante as férias.",
    }),
    ("wellbeing", "+", {
        "en": "In {Y}, the average cost of sending remittances to {C} fell to {DEC} per cent of the amount sent.",
        "ru": "Средняя стоимость денежных переводов в {C.acc} в {Y} году снизилась до {DEC}" + P + " от суммы перевода.",
        "ar": "انخفض متوسط تكلفة إرسال التحويلات المالية إلى {C} في عام {Y} إلى {DEC} في المائة من المبلغ المرسل.",
        "fr": "Le coût moyen des envois de fonds vers {C} est tombé à {DEC}" + P + " du montant envoyé en {Y}.",
        "es": "El costo medio del envío de remesas a {C} bajó al {DEC}" + P + " del importe enviado en {Y}.",
        "pt": "O custo médio do envio de remessas para {C} desceu para {DEC}" + P + " do montante enviado em {Y}.",
    }),
    ("wellbeing", "+", {
        "en": "Measures to promote gender equality in the labour market apply equally to migrant workers, including those employed {SECTOR}.",
        "ru": "Меры по содействию гендерному равенству на рынке труда в равной мере распространяются на трудящихся-мигрантов, в том числе занятых {SECTOR}.",
        "ar": "تنطبق تدابير تعزيز المساواة بين الجنسين في سوق العمل على العمال المهاجرين أيضا، بمن فيهم العاملون {SECTOR}.",
        "fr": "Les mesures en faveur de l'égalité entre les sexes sur le marché du travail s'appliquent également aux travailleurs migrants, y compris à ceux qui sont employés {SECTOR}.",
        "es": "Las medidas para promover la igualdad de género en el mercado laboral se aplican igualmente a los trabajadores migrantes, incluidos los empleados {SECTOR}.",
        "pt": "As medidas de promoção da igualdade de género no mercado de trabalho aplicam-se igualmente aos trabalhadores migrantes, incluindo os que trabalham {SECTOR}.",
    }),
    ("wellbeing", "-", {
        "en": "The law does not prohibit charging recruitment fees to workers, and {P} per cent of surveyed migrants {SECTOR} reported having paid such fees.",
        "ru": "Закон не запрещает взимать с работников плату за трудоустройство, и {P}" + P + " опрошенных мигрантов, занятых {SECTOR}, сообщили, что платили ее.",
        "ar": "لا يحظر القانون تقاضي رسوم التوظيف من العمال، وقد أفاد {P} في المائة من المهاجرين العاملين {SECTOR} الذين شملهم المسح بأنهم دفعوا هذه الرسوم.",
        "fr": "La loi n'interdit pas de faire payer des frais de recrutement aux travailleurs, et {P}" + P + " des migrants interrogés employés {SECTOR} ont déclaré en avoir payé.",
        "es": "La ley no prohíbe cobrar comisiones de contratación a los trabajadores, y el {P}" + P + " de los migrantes encuestados empleados {SECTOR} declaró haberlas pagado.",
        "pt": "A lei não proíbe a cobrança de taxas de recrutamento aos trabalhadores, e {P}" + P + " dos migrantes inquiridos que trabalham {SECTOR} declararam tê-las pago.",
    }),
    ("wellbeing", "-", {
        "en": "Apart from language courses, there are no public programmes to help {GROUP} find work.",
        "ru": "Помимо языковых курсов, государственных программ, помогающих {GROUP.dat} найти работу, не существует.",
        "ar": "باستثناء دورات اللغة، لا توجد برامج عامة لمساعدة {GROUP.obl} على إيجاد عمل.",
        "fr": "En dehors des cours de langue, il n'existe aucun programme public pour aider {GROUP} à trouver un emploi.",
        "es": "Aparte de los cursos de idiomas, no existen programas públicos que ayuden a {GROUP} a encontrar trabajo.",
        "pt": "Para além dos cursos de língua, não existem programas públicos que ajudem {GROUP} a encontrar trabalho.",
    }),
    # ------------------------------------------------------------------ crises
    ("crises", "+", {
        "en": "The {INSTC} coordinates preparedness and response for all hazards and includes migrants in its contingency plans.",
        "ru": "{INSTC} координирует готовность и реагирование на чрезвычайные ситуации любого характера и учитывает мигрантов в своих планах действий на случай чрезвычайных ситуаций.",
        "ar": "{INSTC?ينسق|تنسق} {INSTC} أعمال التأهب والاستجابة لجميع المخاطر، {INSTC?ويدرج|وتدرج} المهاجرين في خطط الطوارئ.",
        "fr": "{INSTC.cap} coordonne la préparation et la réponse à tous les risques et tient compte des migrants dans ses plans d'urgence.",
        "es": "{INSTC.cap} coordina la preparación y la respuesta ante todo tipo de riesgos e incluye a los migrantes en sus planes de contingencia.",
        "pt": "{INSTC.cap} coordena a preparação e a resposta a todos os riscos e inclui os migrantes nos seus planos de contingência.",
    }),
    ("crises", "+", {
        "en": "Early warning messages are sent in {L} languages, so that migrants who do not speak the national language also receive them.",
        "ru": "Сообщения системы раннего оповещения рассылаются на {L#языке|языках|языках}, чтобы их получали и мигранты, не владеющие государственным языком.",
        "ar": "ترسل رسائل الإنذار المبكر بعدد من اللغات يبلغ {L}، حتى يتلقاها أيضا المهاجرون الذين لا يتحدثون اللغة الوطنية.",
        "fr": "Les messages d'alerte précoce sont diffusés en {L} langues, afin que les migrants qui ne parlent pas la langue nationale les reçoivent aussi.",
        "es": "Los mensajes de alerta temprana se envían en {L} idiomas, para que también los reciban los migrantes que no hablan el idioma nacional.",
        "pt": "As mensagens de alerta precoce são enviadas em {L} línguas, para que também as recebam os migrantes que não falam a língua nacional.",
    }),
    ("crises", "+", {
        "en": "A national simulation exercise held in {Y} tested the reception of {K} people arriving across the border within one week.",
        "ru": "В ходе национальных учений {Y} года была отработана процедура приема {K#человека|человек|человек}, прибывающих через границу в течение одной недели.",
        "ar": "اختبر تمرين محاكاة وطني أجري في عام {Y} استقبال {K#شخص|شخصين|أشخاص|شخصا} يعبرون الحدود في غضون أسبوع واحد.",
        "fr": "Un exercice national de simulation organisé en {Y} a testé l'accueil de {K} personnes arrivant par la frontière en une semaine.",
        "es": "Un simulacro nacional realizado en {Y} puso a prueba la acogida de {K} personas que cruzaban la frontera en una semana.",
        "pt": "Um exercício nacional de simulação realizado em {Y} testou o acolhimento de {K} pessoas que atravessavam a fronteira no espaço de uma semana.",
    }),
    ("crises", "+", {
        "en": "Consular staff assist nationals abroad in emergencies, and {E} citizens were evacuated during the crisis of {Y}.",
        "ru": "Консульские сотрудники оказывают помощь гражданам за рубежом в чрезвычайных ситуациях; во время кризиса {Y} года было эвакуировано {E#гражданин|гражданина|граждан}.",
        "ar": "يساعد الموظفون القنصليون المواطنين في الخارج في حالات الطوارئ، وقد أجلي {E#مواطن|مواطنين|مواطنين|مواطنا} خلال أزمة عام {Y}.",
        "fr": "Le personnel consulaire assiste les ressortissants à l'étranger en cas d'urgence, et {E} citoyens ont été évacués lors de la crise de {Y}.",
        "es": "El personal consular asiste a los nacionales en el extranjero en situaciones de emergencia, y {E} ciudadanos fueron evacuados durante la crisis de {Y}.",
        "pt": "O pessoal consular presta assistência aos nacionais no estrangeiro em situações de emergência, e {E} cidadãos foram retirados durante a crise de {Y}.",
    }),
    ("crises", "-", {
        "en": "{C} has no specific measures for migrants whose country of origin is affected by a crisis.",
        "ru": "В {C.prep} нет особых мер для мигрантов, страна происхождения которых пострадала от кризиса.",
        "ar": "لا توجد في {C} تدابير خاصة بالمهاجرين الذين يتأثر بلدهم الأصلي بأزمة.",
        "fr": "{C} ne dispose d'aucune mesure spécifique en faveur des migrants dont le pays d'origine est touché par une crise.",
        "es": "{C} no cuenta con medidas específicas para los migrantes cuyo país de origen se ve afectado por una crisis.",
        "pt": "{C} não dispõe de medidas específicas para os migrantes cujo país de origem seja afetado por uma crise.",
    }),
    ("crises", "-", {
        "en": "Recovery plans do not address the specific needs of migrants and displaced persons.",
        "ru": "Планы восстановления не учитывают особых потребностей мигрантов и перемещенных лиц.",
        "ar": "لا تتناول خطط التعافي الاحتياجات الخاصة للمهاجرين والنازحين.",
        "fr": "Les plans de relèvement ne tiennent pas compte des besoins particuliers des migrants et des personnes déplacées.",
        "es": "Los planes de recuperación no atienden las necesidades específicas de los migrantes y las personas desplazadas.",
        "pt": "Os planos de recuperação não contemplam as necessidades específicas dos migrantes e das pessoas deslocadas.",
    }),
    # ------------------------------------------------------------------ safe, orderly, regular
    ("safe", "+", {
        "en": "The {INSTS} manages {N} border crossing points and records entries and exits in an electronic system.",
        "ru": "{INSTS} обслуживает {N#пункт|пункта|пунктов} пропуска через границу и регистрирует въезд и выезд в электронной системе.",
        "ar": "{INSTS?يدير|تدير} {INSTS} عددا من المنافذ الحدودية يبلغ {N}، {INSTS?ويسجل|وتسجل} حالات الدخول والخروج في نظام إلكتروني.",
        "fr": "{INSTS.cap} gère {N} points de passage frontaliers et enregistre les entrées et les sorties dans un système électronique.",
        "es": "{INSTS.cap} gestiona {N} pasos fronterizos y registra las entradas y salidas en un sistema electrónico.",
        "pt": "{INSTS.cap} gere {N} pontos de passagem de fronteira e regista as entradas e saídas num sistema eletrónico.",
    }),
    ("safe", "+", {
        "en": "Nationals of {N} countries may enter {C} without a visa for stays of up to 90 days, and electronic visas have been issued since {Y}.",
        "ru": "Граждане {N#страны|стран|стран} могут въезжать в {C.acc} без визы на срок до 90 дней, а с {Y} года выдаются электронные визы.",
        "ar": "يجوز لمواطني {N#بلد|بلدين|بلدان|بلدا} دخول {C} دون تأشيرة لإقامات لا تتجاوز 90 يوما، وتصدر التأشيرات الإلكترونية منذ عام {Y}.",
        "fr": "Les ressortissants de {N} pays peuvent entrer en {C} sans visa pour des séjours de 90 jours au plus, et des visas électroniques sont délivrés depuis {Y}.",
        "es": "Los nacionales de {N} países pueden entrar en {C} sin visado para estancias de hasta 90 días, y desde {Y} se expiden visados electrónicos.",
        "pt": "Os nacionais de {N} países podem entrar em {C} sem visto para estadas até 90 dias, e são emitidos vistos eletrónicos desde {Y}.",
    }),
    ("safe", "+", {
        "en": "The {LAWT} defines trafficking in persons in line with international standards; {N} victims were identified in {Y}.",
        "ru": "{LAWT} определяет торговлю людьми в соответствии с международными стандартами; в {Y} году было выявлено {N#жертва|жертвы|жертв}.",
        "ar": "يعرف {LAWT} الاتجار بالأشخاص بما يتماشى مع المعايير الدولية، وقد جرى تحديد {N#ضحية|ضحيتين|ضحايا|ضحية} في عام {Y}.",
        "fr": "{LAWT.cap} définit la traite des personnes conformément aux normes internationales" + NBSP + "; {N} victimes ont été identifiées en {Y}.",
        "es": "{LAWT.cap} define la trata de personas de conformidad con las normas internacionales; en {Y} se identificó a {N} víctimas.",
        "pt": "{LAWT.cap} define o tráfico de pessoas em conformidade com as normas internacionais; em {Y}, foram identificadas {N} vítimas.",
    }),
    ("safe", "+", {
        "en": "Returning citizens receive reintegration support, including job counselling and grants for small businesses.",
        "ru": "Возвращающиеся граждане получают помощь в реинтеграции, включая консультации по вопросам трудоустройства и гранты на открытие малого бизнеса.",
        "ar": "يتلقى المواطنون العائدون دعما لإعادة الإدماج يشمل الإرشاد المهني ومنحا للمشاريع الصغيرة.",
        "fr": "Les citoyens de retour bénéficient d'une aide à la réintégration, notamment de conseils en matière d'emploi et de subventions pour les petites entreprises.",
        "es": "Los ciudadanos retornados reciben apoyo a la reintegración, incluido asesoramiento laboral y subvenciones para pequeñas empresas.",
        "pt": "Os cidadãos que regressam recebem apoio à reintegração, incluindo aconselhamento profissional e subsídios para pequenas empresas.",
    }),
    ("safe", "+", {
        "en": "Pre-departure orientation is offered free of charge to citizens who plan to work abroad.",
        "ru": "Гражданам, планирующим работать за рубежом, бесплатно предлагается предотъездная ориентация.",
        "ar": "تقدم دورات توجيهية قبل المغادرة مجانا للمواطنين الذين يعتزمون العمل في الخارج.",
        "fr": "Une orientation préalable au départ est proposée gratuitement aux citoyens qui envisagent de travailler à l'étranger.",
        "es": "Se ofrece gratuitamente orientación previa a la partida a los ciudadanos que piensan trabajar en el extranjero.",
        "pt": "É oferecida gratuitamente uma sessão de orientação antes da partida aos cidadãos que tencionam trabalhar no estrangeiro.",
    }),
    ("safe", "-", {
        "en": "The law does not establish that immigration detention may be used only as a last resort, and {N} migrants were detained in {Y}.",
        "ru": "Закон не устанавливает, что содержание мигрантов под стражей допускается лишь в качестве крайней меры; в {Y} году под стражу были помещены {N#мигрант|мигранта|мигрантов}.",
        "ar": "لا ينص القانون على أن احتجاز المهاجرين لا يجوز إلا كملاذ أخير، وقد احتجز {N#مهاجر|مهاجرين|مهاجرين|مهاجرا} في عام {Y}.",
        "fr": "La loi ne prévoit pas que la rétention administrative ne peut être utilisée qu'en dernier recours, et {N} migrants ont été placés en rétention en {Y}.",
        "es": "La ley no establece que la detención de migrantes solo pueda utilizarse como último recurso, y en {Y} se detuvo a {N} migrantes.",
        "pt": "A lei não estabelece que a detenção de migrantes só pode ser utilizada como último recurso, e {N} migrantes foram detidos em {Y}.",
    }),
    ("safe", "-", {
        "en": "Data on the smuggling of migrants are not published.",
        "ru": "Данные о незаконном ввозе мигрантов не публикуются.",
        "ar": "لا تنشر البيانات المتعلقة بتهريب المهاجرين.",
        "fr": "Les données relatives au trafic illicite de migrants ne sont pas publiées.",
        "es": "Los datos sobre el tráfico ilícito de migrantes no se publican.",
        "pt": "Os dados sobre o auxílio à imigração ilegal não são publicados.",
    }),
    # ------------------------------------------------------------------ any dimension
    ("*", "+", {
        "en": "The {PLAN} reinforces this approach.",
        "ru": "{PLAN} закрепляет этот подход.",
        "ar": "{PLAN?ويعزز|وتعزز} {PLAN} هذا النهج.",
        "fr": "{PLAN.cap} renforce cette approche.",
        "es": "{PLAN.cap} refuerza este enfoque.",
        "pt": "{PLAN.cap} reforça esta abordagem.",
    }),
    ("*", "+", {
        "en": "In {Y}, these measures benefited {K} people, {P} per cent of them women.",
        "ru": "В {Y} году этими мерами воспользовались {K#человек|человека|человек}, из них {P}" + P + " — женщины.",
        "ar": "وفي عام {Y}، استفاد من هذه التدابير {K#شخص|شخصين|أشخاص|شخصا}، {P} في المائة منهم من النساء.",
        "fr": "En {Y}, ces mesures ont bénéficié à {K} personnes, dont {P}" + P + " de femmes.",
        "es": "En {Y}, estas medidas beneficiaron a {K} personas, el {P}" + P + " de ellas mujeres.",
        "pt": "Em {Y}, estas medidas beneficiaram {K} pessoas, {P}" + P + " das quais mulheres.",
    }),
    ("*", "+", {
        "en": "An evaluation carried out in {Y} found that {P} per cent of participants were satisfied with the services received.",
        "ru": "Оценка, проведенная в {Y} году, показала, что {P}" + P + " участников удовлетворены полученными услугами.",
        "ar": "وخلص تقييم أجري في عام {Y} إلى أن {P} في المائة من المشاركين راضون عن الخدمات المقدمة إليهم.",
        "fr": "Une évaluation réalisée en {Y} a montré que {P}" + P + " des participants étaient satisfaits des services reçus.",
        "es": "Una evaluación realizada en {Y} concluyó que el {P}" + P + " de los participantes estaba satisfecho con los servicios recibidos.",
        "pt": "Uma avaliação realizada em {Y} concluiu que {P}" + P + " dos participantes estavam satisfeitos com os serviços recebidos.",
    }),
    ("*", "+", {
        "en": "Information on these services is available online and at the regional offices of the {INST}.",
        "ru": "Информация об этих услугах доступна в интернете и в региональных отделениях {INST.gen}.",
        "ar": "تتاح المعلومات المتعلقة بهذه الخدمات على الإنترنت وفي مكاتب {INST} الإقليمية.",
        "fr": "Les informations sur ces services sont disponibles en ligne et dans les bureaux régionaux {INST.de}.",
        "es": "La información sobre estos servicios está disponible en línea y en las oficinas regionales {INST.de}.",
        "pt": "A informação sobre estes serviços está disponível em linha e nas delegações regionais {INST.de}.",
    }),
    ("*", "-", {
        "en": "No evaluation of these measures had been carried out as of {MONTH} {Y}.",
        "ru": "По состоянию на {MONTH} {Y} года оценка этих мер не проводилась.",
        "ar": "ولم يكن قد أجري أي تقييم لهذه التدابير حتى {MONTH} {Y}.",
        "fr": "En {MONTH} {Y}, aucune évaluation de ces mesures n'avait encore été réalisée.",
        "es": "En {MONTH} de {Y} aún no se había realizado ninguna evaluación de estas medidas.",
        "pt": "Em {MONTH} de {Y}, ainda não tinha sido realizada qualquer avaliação destas medidas.",
    }),
    ("*", "-", {
        "en": "Funding for this work depends largely on international donors.",
        "ru": "Финансирование этой работы во многом зависит от международных доноров.",
        "ar": "ويعتمد تمويل هذا العمل إلى حد كبير على الجهات المانحة الدولية.",
        "fr": "Le financement de ces activités dépend largement des bailleurs de fonds internationaux.",
        "es": "La financiación de esta labor depende en gran medida de los donantes internacionales.",
        "pt": "O financiamento deste trabalho depende em grande medida de doadores internacionais.",
    }),
    ("*", "-", {
        "en": "The {INST} has too few staff to carry out this task across the country.",
        "ru": "{INST} не располагает достаточным числом сотрудников, чтобы выполнять эту задачу по всей стране.",
        "ar": "لا يتوفر لدى {INST} عدد كاف من الموظفين لأداء هذه المهمة في جميع أنحاء البلد.",
        "fr": "{INST.cap} ne dispose pas de suffisamment de personnel pour mener cette tâche sur l'ensemble du territoire.",
        "es": "{INST.cap} no cuenta con personal suficiente para realizar esta tarea en todo el país.",
        "pt": "{INST.cap} não dispõe de pessoal suficiente para desempenhar esta tarefa em todo o país.",
    }),
]

FOOTNOTES = [
    {"en": "Figures provided by the {INST}, as of {MONTH} {Y}.",
     "ru": "Данные {INST.gen} по состоянию на {MONTH} {Y} года.",
     "ar": "أرقام {INST} حتى {MONTH} {Y}.",
     "fr": "Chiffres communiqués par {INST}, arrêtés en {MONTH} {Y}.",
     "es": "Cifras facilitadas por {INST}, a {MONTH} de {Y}.",
     "pt": "Números fornecidos {INST.por}, com referência a {MONTH} de {Y}."},
    {"en": "The {LAW} was last amended in {Y}.",
     "ru": "Последние изменения в {LAW} были внесены в {Y} году.",
     "ar": "عدل {LAW} آخر مرة في عام {Y}.",
     "fr": "{LAW.cap} a été modifié{LAW?|e} pour la dernière fois en {Y}.",
     "es": "{LAW.cap} se modificó por última vez en {Y}.",
     "pt": "{LAW.cap} foi alterad{LAW?o|a} pela última vez em {Y}."},
    {"en": "According to the census of {Y}, foreign-born residents made up {DEC} per cent of the population.",
     "ru": "По данным переписи {Y} года, доля жителей, родившихся за рубежом, составляла {DEC}" + P + " населения.",
     "ar": "وفقا لتعداد عام {Y}، شكل المقيمون المولودون في الخارج {DEC} في المائة من السكان.",
     "fr": "Selon le recensement de {Y}, les résidents nés à l'étranger représentaient {DEC}" + P + " de la population.",
     "es": "Según el censo de {Y}, los residentes nacidos en el extranjero representaban el {DEC}" + P + " de la población.",
     "pt": "De acordo com o recenseamento de {Y}, os residentes nascidos no estrangeiro representavam {DEC}" + P + " da população."},
    {"en": "The list is revised every year after consultation with employers' organizations and trade unions.",
     "ru": "Перечень ежегодно пересматривается после консультаций с объединениями работодателей и профсоюзами.",
     "ar": "تراجع القائمة سنويا بعد التشاور مع منظمات أصحاب العمل والنقابات العمالية.",
     "fr": "La liste est révisée chaque année après consultation des organisations d'employeurs et des syndicats.",
     "es": "La lista se revisa cada año tras consultar a las organizaciones de empleadores y a los sindicatos.",
     "pt": "A lista é revista todos os anos após consulta das organizações de empregadores e dos sindicatos."},
    {"en": "More information is available on the [website of the {INST}]({URL}).",
     "ru": "Подробнее см. на [сайте {INST.gen}]({URL}).",
     "ar": "تتوفر معلومات إضافية على [موقع {INST} الإلكتروني]({URL}).",
     "fr": "Pour en savoir plus, voir le [site Web {INST.de}]({URL}).",
     "es": "Puede obtenerse más información en el [sitio web {INST.de}]({URL}).",
     "pt": "Para mais informações, consultar o [sítio Web {INST.de}]({URL})."},
    {"en": "Data for {Y} are provisional.",
     "ru": "Данные за {Y} год предварительные.",
     "ar": "بيانات عام {Y} أولية.",
     "fr": "Les données pour {Y} sont provisoires.",
     "es": "Los datos de {Y} son provisionales.",
     "pt": "Os dados relativos a {Y} são provisórios."},
    {"en": "In {Y}, {K} applications were received and {P} per cent of them were approved.",
     "ru": "В {Y} году поступило {K#заявление|заявления|заявлений}, из которых {P}" + P + " были одобрены.",
     "ar": "في عام {Y}، ورد {K#طلب|طلبين|طلبات|طلبا}، ووفق على {P} في المائة منها.",
     "fr": "En {Y}, {K} demandes ont été reçues, dont {P}" + P + " ont été approuvées.",
     "es": "En {Y} se recibieron {K} solicitudes, de las cuales se aprobó el {P}" + P + ".",
     "pt": "Em {Y}, foram recebidos {K} pedidos, dos quais {P}" + P + " foram aprovados."},
    {"en": "This includes {N} cases referred by civil society organizations.",
     "ru": "Включая {N#случай|случая|случаев}, переданных организациями гражданского общества.",
     "ar": "ويشمل ذلك {N#حالة|حالتين|حالات|حالة} أحالتها منظمات المجتمع المدني.",
     "fr": "Dont {N} cas signalés par des organisations de la société civile.",
     "es": "Incluidos {N} casos remitidos por organizaciones de la sociedad civil.",
     "pt": "Inclui {N} casos encaminhados por organizações da sociedade civil."},
]

LIST_INTRO = {
    "en": "The main measures are the following:",
    "ru": "Основные меры таковы:",
    "ar": "وتتمثل التدابير الرئيسية فيما يلي:",
    "fr": "Les principales mesures sont les suivantes" + NBSP + ":",
    "es": "Las principales medidas son las siguientes:",
}
LIST_ITEMS = [
    ("improving the collection and sharing of migration data",
     "совершенствование сбора миграционных данных и обмена ими", "تحسين جمع بيانات الهجرة وتبادلها",
     "l'amélioration de la collecte et du partage des données migratoires",
     "la mejora de la recopilación y el intercambio de datos sobre migración"),
    ("simplifying the procedures for residence and work permits",
     "упрощение процедур выдачи видов на жительство и разрешений на работу",
     "تبسيط إجراءات تصاريح الإقامة والعمل",
     "la simplification des procédures de délivrance des titres de séjour et des permis de travail",
     "la simplificación de los trámites de los permisos de residencia y de trabajo"),
    ("expanding language courses for adults", "расширение языковых курсов для взрослых",
     "توسيع نطاق دورات اللغة للبالغين", "le développement des cours de langue pour adultes",
     "la ampliación de los cursos de idiomas para adultos"),
    ("strengthening cooperation with countries of origin and transit",
     "укрепление сотрудничества со странами происхождения и транзита",
     "تعزيز التعاون مع بلدان المنشأ والعبور",
     "le renforcement de la coopération avec les pays d'origine et de transit",
     "el fortalecimiento de la cooperación con los países de origen y de tránsito"),
    ("preventing irregular migration and trafficking in persons",
     "предупреждение нелегальной миграции и торговли людьми",
     "منع الهجرة غير النظامية والاتجار بالأشخاص",
     "la prévention de la migration irrégulière et de la traite des personnes",
     "la prevención de la migración irregular y de la trata de personas"),
    ("supporting the return and reintegration of nationals",
     "содействие возвращению и реинтеграции граждан", "دعم عودة المواطنين وإعادة إدماجهم",
     "l'appui au retour et à la réintégration des nationaux",
     "el apoyo al retorno y la reintegración de los nacionales"),
    ("engaging the diaspora in national development",
     "вовлечение диаспоры в национальное развитие", "إشراك الجاليات في الخارج في التنمية الوطنية",
     "la mobilisation de la diaspora en faveur du développement national",
     "la participación de la diáspora en el desarrollo nacional"),
    ("training officials who work with migrants",
     "обучение должностных лиц, работающих с мигрантами", "تدريب الموظفين الذين يعملون مع المهاجرين",
     "la formation des agents qui travaillent avec les migrants",
     "la formación de los funcionarios que trabajan con migrantes"),
]

INTRO = [
    {"en": "The information in this profile was gathered between {MONTH} {Y0} and {MONTH2} {YP} through a review of legislation, policies and official statistics and through interviews with government focal points.",
     "ru": "Сведения для настоящего профиля собирались с {MONTH.gen} {Y0} года по {MONTH2} {YP} года путем анализа законодательства, стратегических документов и официальной статистики, а также интервью с контактными лицами в государственных органах.",
     "ar": "جمعت المعلومات الواردة في هذا الملف في الفترة من {MONTH} {Y0} إلى {MONTH2} {YP} من خلال استعراض التشريعات والسياسات والإحصاءات الرسمية وإجراء مقابلات مع جهات التنسيق الحكومية.",
     "fr": "Les informations figurant dans ce profil ont été recueillies entre {MONTH} {Y0} et {MONTH2} {YP} au moyen d'un examen de la législation, des politiques et des statistiques officielles, ainsi que d'entretiens avec des points focaux gouvernementaux.",
     "es": "La información de este perfil se recopiló entre {MONTH} de {Y0} y {MONTH2} de {YP} mediante un examen de la legislación, las políticas y las estadísticas oficiales, así como entrevistas con los coordinadores gubernamentales.",
     "pt": "A informação deste perfil foi recolhida entre {MONTH} de {Y0} e {MONTH2} de {YP}, através da análise da legislação, das políticas e das estatísticas oficiais e de entrevistas com pontos focais governamentais."},
    {"en": "Unless stated otherwise, it describes the situation as of {MONTH2} {YP}.",
     "ru": "Если не указано иное, профиль отражает положение дел по состоянию на {MONTH2} {YP} года.",
     "ar": "وما لم يذكر خلاف ذلك، يصف الملف الوضع القائم في {MONTH2} {YP}.",
     "fr": "Sauf indication contraire, il décrit la situation en {MONTH2} {YP}.",
     "es": "Salvo que se indique lo contrario, describe la situación a {MONTH2} de {YP}.",
     "pt": "Salvo indicação em contrário, descreve a situação em {MONTH2} de {YP}."},
    {"en": "The draft was discussed with government institutions and other stakeholders at a consultation held in {CITY} in {MONTH3} {YP}.",
     "ru": "Проект был обсужден с государственными учреждениями и другими заинтересованными сторонами на консультации, состоявшейся в городе {CITY} в {MONTH3.prep} {YP} года.",
     "ar": "ونوقش المشروع مع المؤسسات الحكومية وسائر الجهات المعنية في مشاورة عقدت في {CITY} في {MONTH3} {YP}.",
     "fr": "Le projet a été examiné avec les institutions publiques et les autres parties prenantes lors d'une consultation tenue à {CITY} en {MONTH3} {YP}.",
     "es": "El borrador se examinó con las instituciones gubernamentales y otras partes interesadas en una consulta celebrada en {CITY} en {MONTH3} de {YP}.",
     "pt": "O projeto foi debatido com instituições governamentais e outras partes interessadas numa consulta realizada em {CITY} em {MONTH3} de {YP}."},
]

COVER_SCENES = [
    {"en": "the harbour of {CITY} at dawn", "ru": "гавань города {CITY} на рассвете",
     "ar": "ميناء {CITY} عند الفجر", "fr": "le port {CITY.de} à l'aube",
     "es": "el puerto de {CITY} al amanecer",
     "pt": "o porto de {CITY} ao amanhecer"},
    {"en": "a market street in {CITY}", "ru": "рыночная улица в городе {CITY}",
     "ar": "شارع السوق في {CITY}", "fr": "une rue commerçante {CITY.de}",
     "es": "una calle comercial de {CITY}",
     "pt": "uma rua comercial de {CITY}"},
    {"en": "the old town of {CITY}", "ru": "исторический центр города {CITY}",
     "ar": "المدينة القديمة في {CITY}", "fr": "la vieille ville {CITY.de}",
     "es": "el casco antiguo de {CITY}",
     "pt": "o centro histórico de {CITY}"},
    {"en": "the central railway station of {CITY}", "ru": "центральный вокзал города {CITY}",
     "ar": "محطة القطارات المركزية في {CITY}", "fr": "la gare centrale {CITY.de}",
     "es": "la estación central de {CITY}",
     "pt": "a estação central de {CITY}"},
]
COVER_CREDIT = {
    "en": "Cover photo: {SCENE}. © {C} Image Collective (fictional)",
    "ru": "Фото на обложке: {SCENE}. © Фотоколлектив {C.gen} (вымышленный)",
    "ar": "صورة الغلاف: {SCENE}. © تجمع {C} للصور (جهة خيالية)",
    "fr": "Photo de couverture" + NBSP + ": {SCENE}. © Collectif photographique {C.de} (fictif)",
    "es": "Foto de portada: {SCENE}. © Colectivo Fotográfico {C.de} (ficticio)",
}

# Source entries by kind: title per language ({Y} and friends are filled from the entry)
ENTRY_KINDS = {
    "annual-report": {"en": "*Annual Report {Y}*", "ru": "*Годовой отчет за {Y} год*",
                      "ar": "*التقرير السنوي لعام {Y}*", "fr": "*Rapport annuel {Y}*",
                      "es": "*Informe anual {Y}*"},
    "yearbook": {"en": "*Statistical Yearbook {Y}*", "ru": "*Статистический ежегодник {Y}*",
                 "ar": "*الكتاب الإحصائي السنوي {Y}*", "fr": "*Annuaire statistique {Y}*",
                 "es": "*Anuario estadístico {Y}*"},
    "survey": {"en": "*Labour Force Survey {Y}*", "ru": "*Обследование рабочей силы за {Y} год*",
               "ar": "*مسح القوى العاملة لعام {Y}*",
               "fr": "*Enquête sur la population active {Y}*",
               "es": "*Encuesta de población activa {Y}*"},
    "guide": {"en": "Guide for foreign nationals", "ru": "Справочник для иностранных граждан",
              "ar": "دليل الرعايا الأجانب",
              "fr": "Guide à l'intention des ressortissants étrangers",
              "es": "Guía para personas extranjeras"},
    "regulation": {"en": "Regulation No. {N}/{Y} on residence permits",
                   "ru": "Приказ № {N}/{Y} о видах на жительство",
                   "ar": "اللائحة رقم {N}/{Y} بشأن تصاريح الإقامة",
                   "fr": "Règlement no {N}/{Y} relatif aux titres de séjour",
                   "es": "Reglamento n.º {N}/{Y} sobre permisos de residencia"},
    "home": {"en": "Home page", "ru": "Главная страница", "ar": "الصفحة الرئيسية",
             "fr": "Page d'accueil", "es": "Página de inicio"},
    "data-portal": {"en": "Data portal", "ru": "Портал данных", "ar": "بوابة البيانات",
                    "fr": "Portail de données", "es": "Portal de datos"},
    "decree": {"en": "Decree No. {N}/{Y} on the Interministerial Working Group on Migration",
               "ru": "Постановление № {N}/{Y} о межведомственной рабочей группе по миграции",
               "ar": "المرسوم رقم {N}/{Y} بشأن الفريق العامل المشترك بين الوزارات المعني بالهجرة",
               "fr": "Décret no {N}/{Y} relatif au groupe de travail interministériel sur la migration",
               "es": "Decreto n.º {N}/{Y} relativo al Grupo de Trabajo Interministerial sobre Migración"},
    "constitution": {"en": "Constitution", "ru": "Конституция", "ar": "الدستور",
                     "fr": "Constitution", "es": "Constitución"},
    "special-report": {"en": "*Special Report on Immigration Detention*",
                       "ru": "*Специальный доклад о содержании мигрантов под стражей*",
                       "ar": "*تقرير خاص عن احتجاز المهاجرين*",
                       "fr": "*Rapport spécial sur la rétention administrative*",
                       "es": "*Informe especial sobre la detención de migrantes*"},
    "remittances": {"en": "*Remittances Bulletin {Y}*",
                    "ru": "*Бюллетень о денежных переводах за {Y} год*",
                    "ar": "*نشرة التحويلات المالية {Y}*", "fr": "*Bulletin des envois de fonds {Y}*",
                    "es": "*Boletín de remesas {Y}*"},
    "declaration": {"en": "Ministerial Declaration, {CITY}", "ru": "Декларация министров, {CITY}",
                    "ar": "الإعلان الوزاري، {CITY}", "fr": "Déclaration ministérielle, {CITY}",
                    "es": "Declaración ministerial, {CITY}"},
    "partner-agreement": {"en": "Agreement on labour migration with {C}",
                          "ru": "Соглашение о трудовой миграции с {C.ins}",
                          "ar": "اتفاق بشأن هجرة اليد العاملة مع {C}",
                          "fr": "Accord sur la migration de main-d'œuvre avec {C}",
                          "es": "Acuerdo sobre migración laboral con {C}"},
    "global-compact": {"en": "Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195)",
                       "ru": "Глобальный договор о безопасной, упорядоченной и легальной миграции (A/RES/73/195)",
                       "ar": "الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية (A/RES/73/195)",
                       "fr": "Pacte mondial pour des migrations sûres, ordonnées et régulières (A/RES/73/195)",
                       "es": "Pacto Mundial para la Migración Segura, Ordenada y Regular (A/RES/73/195)"},
}
OTHER_GROUPS = {
    "parliament": {"en": "Parliament of {C}", "ru": "Парламент {C.gen}", "ar": "برلمان {C}",
                   "fr": "Parlement {C.de}", "es": "Parlamento {C.de}"},
    "government": {"en": "Government of {C}", "ru": "Правительство {C.gen}", "ar": "حكومة {C}",
                   "fr": "Gouvernement {C.de}", "es": "Gobierno {C.de}"},
    "ombudsperson": {"en": "Office of the Ombudsperson",
                     "ru": "Аппарат Уполномоченного по правам человека", "ar": "مكتب أمين المظالم",
                     "fr": "Bureau du Médiateur", "es": "Oficina del Defensor del Pueblo"},
    "central-bank": {"en": "Central Bank of {C}", "ru": "Центральный банк {C.gen}",
                     "ar": "مصرف {C} المركزي", "fr": "Banque centrale {C.de}",
                     "es": "Banco Central {C.de}"},
    "regional-process": {"en": "Regional Consultative Process on Migration",
                         "ru": "Региональный консультативный процесс по миграции",
                         "ar": "العملية التشاورية الإقليمية بشأن الهجرة",
                         "fr": "Processus consultatif régional sur la migration",
                         "es": "Proceso Consultivo Regional sobre Migración"},
    "partner-labour": {"en": "Ministry of Labour of {PARTNER}",
                       "ru": "Министерство труда {PARTNER.gen}", "ar": "وزارة العمل في {PARTNER}",
                       "fr": "Ministère du Travail {PARTNER.de}",
                       "es": "Ministerio de Trabajo {PARTNER.de}"},
    "united-nations": {"en": "United Nations", "ru": "Организация Объединенных Наций",
                       "ar": "الأمم المتحدة", "fr": "Nations Unies", "es": "Naciones Unidas"},
}

# Conventions of the language packs, with the year each was adopted (ratification comes later).
CONVENTIONS = [("ilo-97", 1949), ("refugees-1951", 1951), ("statelessness", 1954),
               ("ilo-143", 1975), ("crc", 1989), ("icrmw", 1990), ("palermo-trafficking", 2000),
               ("ilo-189", 2011)]

# ----------------------------------------------------------------------------------------------
# Portuguese (European): the same tables, in the same order

PT_GROUPS = ["os trabalhadores migrantes", "os refugiados", "os requerentes de asilo",
             "os estudantes internacionais", "os trabalhadores sazonais", "os apátridas",
             "os familiares dos migrantes", "os trabalhadores domésticos"]
PT_SECTORS = ["na agricultura", "na construção", "nos cuidados de saúde",
              "na hotelaria e restauração", "nas tecnologias da informação",
              "na indústria transformadora", "nas pescas", "nos transportes e na logística"]
GROUPS = [row + (pt,) for row, pt in zip(GROUPS, PT_GROUPS, strict=True)]
SECTORS = [row + (pt,) for row, pt in zip(SECTORS, PT_SECTORS, strict=True)]
PT_INSTITUTIONS = {  # gender, name
    "ministry-labour": ("m", "Ministério do Trabalho e da Proteção Social"),
    "ministry-interior": ("m", "Ministério da Administração Interna"),
    "migration-service": ("m", "Serviço Nacional de Migração"),
    "employment-service": ("m", "Serviço Nacional de Emprego"),
    "ministry-health": ("m", "Ministério da Saúde"),
    "ministry-foreign-affairs": ("m", "Ministério dos Negócios Estrangeiros"),
    "statistics-office": ("m", "Instituto Nacional de Estatística"),
    "border-police": ("f", "Polícia de Fronteiras"),
    "civil-protection": ("f", "Agência de Proteção Civil"),
    "ministry-education": ("m", "Ministério da Educação"),
}
PT_LAWS = {
    "law-migration": ("f", "Lei da Migração"),
    "law-foreigners": ("f", "Lei dos Estrangeiros"),
    "labour-code": ("m", "Código do Trabalho"),
    "law-asylum": ("f", "Lei do Asilo"),
    "law-citizenship": ("f", "Lei da Nacionalidade"),
    "law-social-protection": ("f", "Lei da Proteção Social"),
    "law-state-border": ("f", "Lei da Fronteira do Estado"),
    "law-civil-protection": ("f", "Lei da Proteção Civil"),
    "law-employment": ("f", "Lei de Promoção do Emprego"),
    "law-trafficking": ("f", "Lei de Combate ao Tráfico de Pessoas"),
    "law-education": ("f", "Lei da Educação"),
    "law-equality": ("f", "Lei da Igualdade e Não Discriminação"),
    "criminal-code": ("m", "Código Penal"),
}
PT_PLANS = {
    "strategy-migration": ("f", "Estratégia Nacional de Migração"),
    "policy-labour-migration": ("f", "Política de Migração Laboral"),
    "strategy-diaspora": ("f", "Estratégia de Envolvimento da Diáspora"),
    "strategy-ibm": ("f", "Estratégia de Gestão Integrada de Fronteiras"),
    "strategy-drr": ("f", "Estratégia de Redução do Risco de Catástrofes"),
    "plan-trafficking": ("m", "Plano de Ação Nacional contra o Tráfico de Pessoas"),
    "strategy-employment": ("f", "Estratégia Nacional de Emprego"),
}
assert set(PT_INSTITUTIONS) == {r[0] for r in INSTITUTIONS}
assert set(PT_LAWS) == {r[0] for r in LAWS} and set(PT_PLANS) == {r[0] for r in PLANS}
MONTHS["pt"] = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
                "setembro", "outubro", "novembro", "dezembro"]
LIST_INTRO["pt"] = "As principais medidas são as seguintes:"
PT_LIST_ITEMS = ["a melhoria da recolha e da partilha de dados sobre migração",
                 "a simplificação dos procedimentos de autorização de residência e de trabalho",
                 "o alargamento dos cursos de língua para adultos",
                 "o reforço da cooperação com os países de origem e de trânsito",
                 "a prevenção da migração irregular e do tráfico de pessoas",
                 "o apoio ao regresso e à reintegração dos nacionais",
                 "o envolvimento da diáspora no desenvolvimento nacional",
                 "a formação dos funcionários que trabalham com migrantes"]
LIST_ITEMS = [row + (pt,) for row, pt in zip(LIST_ITEMS, PT_LIST_ITEMS, strict=True)]
COVER_CREDIT["pt"] = "Fotografia da capa: {SCENE}. © Coletivo Fotográfico {C.de} (fictício)"
for kind, pt in {
    "annual-report": "*Relatório Anual {Y}*",
    "yearbook": "*Anuário Estatístico {Y}*",
    "survey": "*Inquérito ao Emprego {Y}*",
    "guide": "Guia para cidadãos estrangeiros",
    "regulation": "Regulamento n.º {N}/{Y} relativo às autorizações de residência",
    "home": "Página inicial",
    "data-portal": "Portal de dados",
    "decree": "Decreto n.º {N}/{Y} relativo ao Grupo de Trabalho Interministerial sobre Migração",
    "constitution": "Constituição",
    "special-report": "*Relatório especial sobre a detenção de migrantes*",
    "remittances": "*Boletim de Remessas {Y}*",
    "declaration": "Declaração ministerial, {CITY}",
    "partner-agreement": "Acordo sobre migração laboral com {C}",
    "global-compact": "Pacto Global para uma Migração Segura, Ordenada e Regular (A/RES/73/195)",
}.items():
    ENTRY_KINDS[kind]["pt"] = pt
for gid, pt in {
    "parliament": "Parlamento {C.de}",
    "government": "Governo {C.de}",
    "ombudsperson": "Provedoria de Justiça",
    "central-bank": "Banco Central {C.de}",
    "regional-process": "Processo Consultivo Regional sobre Migração",
    "partner-labour": "Ministério do Trabalho {PARTNER.de}",
    "united-nations": "Nações Unidas",
}.items():
    OTHER_GROUPS[gid]["pt"] = pt
for bank in (SENTENCES, FOOTNOTES, INTRO, COVER_SCENES, [COVER_CREDIT, LIST_INTRO]):
    for entry in bank:
        texts = entry[2] if isinstance(entry, tuple) else entry
        assert set(texts) == set(LANGS), texts
for table in (ENTRY_KINDS, OTHER_GROUPS):
    for texts in table.values():
        assert set(texts) == set(LANGS), texts

# ----------------------------------------------------------------------------------------------
# Template rendering

# Slots whose values are specific to a country (its name, its laws' years, numbers).
SPECIFIC = re.compile(r"\{(C|PARTNER|N|K|E|P|DEC|LAW[A-Z]?|PLAN)[.#?}]")
SLOT = re.compile(r"\{([A-Z][A-Z0-9]*)(?:\.([a-z]+)|#([^}]*)|\?([^}]*))?\}")


def render(template, lang, slots):
    def one(m):
        name, form, counted, gendered = m.groups()
        v = slots[name]
        if gendered is not None:
            masc, fem = gendered.split("|")
            return masc if v.gender(lang) == "m" else fem
        text = v.render(lang, form) if hasattr(v, "render") else str(v)
        if counted is not None:
            words = counted.split("|")
            n = v.n
            if lang == "ru":
                return text + " " + ru_plural(n, *words[:3])
            if lang == "ar":
                return ar_counted(n, text, *words[:4])
            raise ValueError(f"counted slot in {lang}: {template}")
        return text

    return SLOT.sub(one, template)


# ----------------------------------------------------------------------------------------------
# One country


class Country:
    def __init__(self, seed, index, place, rng):
        self.index = index
        self.place = place
        self.rng = rng
        r = rng
        self.slug = f"{index + 1:02d}-{place.lat.lower()}"
        self.state = r.choice(FORMS_OF_STATE)
        self.city = make_name(r, CITY_ENDINGS)
        self.year = r.randint(2019, 2026)
        self.tld = place.lat.lower()[:2] + place.lat.lower()[-1]
        self.partners = []
        while len(self.partners) < 3:
            p = make_name(r, ENDINGS)
            if p.lat != place.lat and p.lat not in [q.lat for q in self.partners]:
                self.partners.append(p)
        # Each law has one year in this country, each strategy one period.
        self.law_years = {row[0]: r.randint(1994, self.year - 1) for row in LAWS}
        self.plan_periods = {}
        for row in PLANS:
            y1 = r.randint(self.year - 9, self.year - 1)
            self.plan_periods[row[0]] = (y1, y1 + r.randint(3, 10))

    # -- slot values for one sentence
    def slots(self):
        r = self.rng
        yp = self.year

        def inst(pool):
            rows = [x for x in INSTITUTIONS if pool is None or pool in x[7]]
            return Inst(r.choice(rows))

        def law(pool):
            rows = [x for x in LAWS if pool is None or pool in x[6]]
            row = r.choice(rows)
            style = r.choices(["italic", "bold", "plain"], [45, 20, 35])[0]
            return Law(row, self.law_years[row[0]], style)

        row = r.choice(PLANS)
        y1, y2 = self.plan_periods[row[0]]
        plan = Plan(row, y1, y2, r.choices(["italic", "bold", "plain"], [30, 40, 30])[0])
        yrs = r.randint(3, 8)  # not 2: Arabic writes the dual without a digit
        inst_any = inst(None)
        return {
            "C": self.place, "PARTNER": r.choice(self.partners),
            "INST": inst_any, "INSTG": inst("G"), "INSTL": inst("L"), "INSTC": inst("C"),
            "INSTS": inst("S"), "INSTD": inst("D"),
            "LAW": law(None), "LAWE": law("E"), "LAWQ": law("Q"), "LAWT": law("T"),
            "PLAN": plan,
            "GROUP": Choice(r.choice(GROUPS), "group"),
            "SECTOR": Choice(r.choice(SECTORS), "sector"),
            "MONTH": Month(r.randrange(12)),
            "N": Num(r.randint(3, 60)), "K": Num(r.randint(1200, 95000)),
            "E": Num(r.randint(40, 4000)), "P": Num(r.randint(5, 85)),
            "DEC": Num(round(r.uniform(1.5, 9.9), 1), "dec"), "M": Num(r.randint(6, 24)),
            "YRS": Num(yrs), "YRS2": Num(yrs + r.randint(2, 6)), "L": Num(r.randint(3, 12)),
            "D": Num(r.randint(20, 120)), "H": Num(r.randint(10, 30)),
            "Y": Num(r.randint(yp - 12, yp - 1), "year"),
            "URL": f"https://www.{inst_any.row[1]}.gov.{self.tld}/publications",
        }

    def sentence(self, template_row, slots):
        return {lang: render(template_row[2][lang], lang, slots) for lang in LANGS}

    def paragraph(self, dim, polarity):
        r = self.rng
        pos_dim = [s for s in SENTENCES if s[0] == dim and s[1] == "+"]
        neg_dim = [s for s in SENTENCES if s[0] == dim and s[1] == "-"]
        pos_any = [s for s in SENTENCES if s[0] == "*" and s[1] == "+"]
        neg_any = [s for s in SENTENCES if s[0] == "*" and s[1] == "-"]
        if polarity == "+":
            first = r.choice(pos_dim)
            rest = r.sample([s for s in pos_dim + pos_any if s is not first], r.randint(2, 5))
            chosen = [first] + rest
        else:
            first = r.choice(neg_dim)
            more = r.sample([s for s in neg_dim + neg_any if s is not first], r.randint(1, 2))
            context = r.sample(pos_dim, r.randint(0, 2))
            chosen = [first] + more + context
        # Every paragraph carries at least one country-specific value, so that no two
        # countries share a paragraph word for word.
        if not any(SPECIFIC.search(s[2]["en"]) for s in chosen):
            chosen.append(r.choice([s for s in pos_dim if SPECIFIC.search(s[2]["en"])]))
        parts = [self.sentence(s, self.slots()) for s in chosen]
        # a footnote after one sentence, in about a third of the paragraphs
        if r.random() < 0.35:
            i = r.randrange(len(parts))
            note = r.choice(FOOTNOTES)
            slots = self.slots()
            for lang in LANGS:
                parts[i][lang] += "^[" + render(note[lang], lang, slots) + "]"
        text = {lang: " ".join(p[lang] for p in parts) for lang in LANGS}
        # a bulleted list at the end of some well-developed paragraphs
        if polarity == "+" and r.random() < 0.15:
            items = r.sample(LIST_ITEMS, r.randint(3, 5))
            for li, lang in enumerate(LANGS):
                sep = NBSP + ";" if lang == "fr" else ";"
                if lang == "ar":
                    sep = "؛"
                lines = [it[li] for it in items]
                body = "\n".join("- " + ln + (sep if k < len(lines) - 1 else ".")
                                 for k, ln in enumerate(lines))
                text[lang] += " " + LIST_INTRO[lang] + "\n\n" + body
        return text

    def findings(self):
        out = {lang: {} for lang in LANGS}
        r = self.rng
        for dim in ["rights", "government", "partnerships", "wellbeing", "crises", "safe"]:
            for lang in LANGS:
                out[lang][dim] = {"well_developed": {}, "potential": {}}
            for key, pol, lo, hi in (("well_developed", "+", 2, 6), ("potential", "-", 2, 5)):
                for k in range(r.randint(lo, hi)):
                    par = self.paragraph(dim, pol)
                    for lang in LANGS:
                        out[lang][dim][key][f"p{k + 1}"] = par[lang]
        return out

    def introduction_note(self):
        r = self.rng
        yp = self.year
        slots = {"MONTH": Month(r.randint(8, 11)), "MONTH2": Month(r.randint(1, 4)),
                 "MONTH3": Month(r.randint(5, 7)), "Y0": Num(yp - 1, "year"),
                 "YP": Num(yp, "year"), "CITY": self.city}
        chosen = [INTRO[0]] + ([INTRO[1]] if r.random() < 0.5 else []) + [INTRO[2]]
        return {lang: " ".join(render(s[lang], lang, slots) for s in chosen) for lang in LANGS}

    def cover_credit(self):
        scene = self.rng.choice(COVER_SCENES)
        out = {}
        for lang in LANGS:
            s = render(scene[lang], lang, {"CITY": self.city})
            out[lang] = render(COVER_CREDIT[lang], lang, {"SCENE": s, "C": self.place})
        return out

    def names(self):
        out = {}
        for lang in LANGS:
            short = self.place.render(lang, "nom")
            pattern = self.state[lang]
            if "{de}" in pattern:
                full = pattern.replace("{de}", self.place.forms["fr"]["de"])
            else:
                full = pattern.replace("{}", short)
            out[lang] = {"name": full, "short_name": short}
        return out

    def conventions(self):
        r = self.rng
        rows = r.sample(CONVENTIONS, r.randint(5, 8))
        rows.sort(key=CONVENTIONS.index)
        out = []
        for cid, adopted in rows:
            year = None if r.random() < 0.35 else r.randint(max(adopted + 1, 1956), self.year - 1)
            out.append({"id": cid, "ratified": year})
        return out

    def sources(self):
        """(facts, {lang: {"groups": ..., "entries": ...}})"""
        r = self.rng
        yp = self.year
        facts, groups, entries = [], {lang: {} for lang in LANGS}, {lang: {} for lang in LANGS}
        partner = self.partners[0]

        def url(domain, path, p_null=0.1):
            return None if r.random() < p_null else f"https://www.{domain}.{self.tld}/{path}"

        def add_group(gid, names):
            for lang in LANGS:
                groups[lang][gid] = names[lang]
            g = {"id": gid, "entries": []}
            facts.append(g)
            return g

        def add_entry(g, eid, year, link, titles):
            g["entries"].append({"id": eid, "year": year, "url": link})
            for lang in LANGS:
                entries[lang][eid] = titles[lang]

        def kind_titles(kind, slots):
            return {lang: render(ENTRY_KINDS[kind][lang], lang, slots) for lang in LANGS}

        cslots = {"C": self.place, "PARTNER": partner}
        # Parliament: the constitution and some laws, with this country's years.
        g = add_group("parliament", {l: render(OTHER_GROUPS["parliament"][l], l, cslots)
                                     for l in LANGS})
        add_entry(g, "constitution", r.randint(1950, 2000), url("parliament", "constitution"),
                  kind_titles("constitution", {}))
        for row in r.sample(LAWS, r.randint(2, 7)):
            y = self.law_years[row[0]]
            law = Law(row, y, "plain")
            titles = {lang: law.title(lang) for lang in LANGS}
            add_entry(g, row[0], y, url("parliament", f"laws/{y}/{row[0]}"), titles)
        if r.random() < 0.5:
            add_entry(g, "parliament-home", None, url("parliament", "", 0),
                      kind_titles("home", {}))
        # Government: strategies with their periods, a decree.
        g = add_group("government", {l: render(OTHER_GROUPS["government"][l], l, cslots)
                                     for l in LANGS})
        for row in r.sample(PLANS, r.randint(1, 4)):
            y1, y2 = self.plan_periods[row[0]]
            plan = Plan(row, y1, y2, "plain")
            add_entry(g, row[0], y1, url("gov", f"strategies/{row[0]}-{y1}-{y2}"),
                      {lang: plan.title(lang) for lang in LANGS})
        if r.random() < 0.6:
            slots = {"N": Num(r.randint(10, 240)), "Y": Num(r.randint(yp - 8, yp - 1), "year")}
            add_entry(g, "decree-working-group", slots["Y"].n, url("gov", "decrees"),
                      kind_titles("decree", slots))
        # Institutions.
        for row in r.sample(INSTITUTIONS, r.randint(3, 7)):
            inst = Inst(row)
            gid, dom = row[0], row[1] + ".gov"
            g = add_group(gid, {lang: inst.name(lang) for lang in LANGS})
            kinds = ["annual-report", "guide", "regulation", "home", "data-portal"]
            if gid in ("statistics-office", "migration-service"):
                kinds += ["yearbook", "survey"]
            for kind in r.sample(kinds, r.randint(1, min(5, len(kinds)))):
                y = r.randint(yp - 6, yp - 1)
                slots = {"Y": Num(y - 1, "year"), "N": Num(r.randint(10, 240))}
                undated = kind in ("home", "data-portal") or (kind == "guide" and r.random() < .5)
                add_entry(g, f"{gid}-{kind}", None if undated else y,
                          url(dom, f"{kind}/{y}" if not undated else kind,
                              0 if kind == "home" else 0.1),
                          kind_titles(kind, slots))
        # Some of the others.
        if r.random() < 0.5:
            g = add_group("ombudsperson", OTHER_GROUPS["ombudsperson"])
            for kind in r.sample(["annual-report", "special-report"], r.randint(1, 2)):
                y = r.randint(yp - 5, yp - 1)
                add_entry(g, f"ombudsperson-{kind}", y, url("ombudsperson", f"reports/{y}"),
                          kind_titles(kind, {"Y": Num(y - 1, "year")}))
        if r.random() < 0.5:
            g = add_group("central-bank", {l: render(OTHER_GROUPS["central-bank"][l], l, cslots)
                                           for l in LANGS})
            y = r.randint(yp - 3, yp - 1)
            add_entry(g, "central-bank-remittances", y, url("centralbank", f"remittances/{y}"),
                      kind_titles("remittances", {"Y": Num(y - 1, "year")}))
        if r.random() < 0.5:
            g = add_group("regional-process", OTHER_GROUPS["regional-process"])
            city = make_name(r, CITY_ENDINGS)
            add_entry(g, "regional-declaration", r.randint(yp - 8, yp - 1), None,
                      kind_titles("declaration", {"CITY": city}))
        if r.random() < 0.4:
            g = add_group("partner-labour", {l: render(OTHER_GROUPS["partner-labour"][l], l,
                                                       cslots) for l in LANGS})
            add_entry(g, "partner-labour-agreement", r.randint(yp - 10, yp - 1), None,
                      kind_titles("partner-agreement", cslots))
        if r.random() < 0.6:
            g = add_group("united-nations", OTHER_GROUPS["united-nations"])
            g["entries"].append({"id": "un-global-compact", "year": 2018,
                                 "url": "https://undocs.org/A/RES/73/195"})
            for lang in LANGS:
                entries[lang]["un-global-compact"] = ENTRY_KINDS["global-compact"][lang]
        # The institutions and the others in this country's own order, after the two first.
        head, tail = facts[:2], facts[2:]
        r.shuffle(tail)
        texts = {lang: {"groups": groups[lang], "entries": entries[lang]} for lang in LANGS}
        return head + tail, texts

    def build(self):
        """(profile.json, {lang: text json})"""
        r = self.rng
        names = self.names()
        intro = self.introduction_note()
        findings = self.findings()
        src_facts, src_texts = self.sources()
        credit = self.cover_credit()
        month = r.randint(9, 12)
        facts = {
            "$schema": "../../schemas/profile.schema.json",
            "year": self.year,
            "published": f"{self.year}-{month:02d}-{r.randint(1, 28):02d}",
            "paper": "a4",
            "cover_image": "cover.jpg",
            "dimensions": ["rights", "government", "partnerships", "wellbeing", "crises", "safe"],
            "conventions": self.conventions(),
            "sources": src_facts,
        }
        texts = {}
        for lang in LANGS:
            texts[lang] = {
                "$schema": "../../../schemas/text.schema.json",
                "country": names[lang],
                "introduction_note": intro[lang],
                "findings": findings[lang],
                "sources": src_texts[lang],
                "cover": {"photo_credit": credit[lang]},
            }
        return facts, texts


def country_places(seed, n):
    """The first n distinct country names of this seed (a prefix for any larger n)."""
    r = random.Random(f"mgi-corpus-names:{seed}")
    out, seen = [], set()
    while len(out) < n:
        p = make_name(r, ENDINGS)
        if p.lat not in seen and p.arab not in {q.arab for q in out}:
            seen.add(p.lat)
            out.append(p)
    return out


def flatten(value, prefix=""):
    """Dotted keys of the strings of a text file, as mgi-press names them."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k != "$schema":
                out.update(flatten(v, f"{prefix}.{k}" if prefix else k))
        return out
    return {prefix: value} if isinstance(value, str) else {}


def mark_same(binary, project, profile_dir, texts, langs):
    """Confirms, with `mgi-press i18n mark --same`, the texts that are the same as the English on
    purpose (country names such as "Pavendia" in French, Spanish and Portuguese, "Constitution"
    in French), as a translator would; newer mgi-press versions warn about unconfirmed ones.
    Does nothing when the binary has no `i18n mark --same`."""
    import subprocess
    probe = subprocess.run([binary, "i18n", "mark", "--help"], capture_output=True, text=True)
    if probe.returncode != 0 or "--same" not in probe.stdout:
        return False
    english = flatten(texts["en"])
    for lang in langs:
        if lang == "en":
            continue
        same = [k for k, v in flatten(texts[lang]).items() if english.get(k) == v]
        cmd = [binary, "i18n", "mark", profile_dir, "--lang", lang, "--color", "never"]
        if project:
            cmd += ["--project", project]
        for k in same:
            cmd += ["--same", k]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return True


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    if sys.argv[1:] == ["--print-langs"]:
        print(" ".join(LANGS))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", default="1")
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap.add_argument("--cover", default=os.path.join(root, "profiles", "valdoria", "cover.jpg"))
    ap.add_argument("--notes", default=os.path.join(root, "profiles", "valdoria", "text",
                                                     "_notes.json"))
    ap.add_argument("--langs", default=",".join(LANGS),
                    help="which text/<lang>.json files to write, comma-separated (default: all "
                    "the languages of the phrase banks; `--print-langs` lists them)")
    ap.add_argument("--mgi-press", metavar="BIN",
                    help="confirm the texts that are the same as the English with "
                    "`BIN i18n mark --same` (when BIN has it), so that `check` does not warn")
    ap.add_argument("--project", help="with --mgi-press: the project folder (layouts/, fonts/)")
    args = ap.parse_args()
    langs = [l for l in args.langs.split(",") if l]
    for l in langs:
        if l not in LANGS:
            sys.exit(f"unknown language {l!r} (have {', '.join(LANGS)})")
    os.makedirs(args.out_dir, exist_ok=True)
    for i, place in enumerate(country_places(args.seed, args.n)):
        c = Country(args.seed, i, place, random.Random(f"mgi-corpus:{args.seed}:{i}"))
        facts, texts = c.build()
        d = os.path.join(args.out_dir, c.slug)
        if os.path.exists(d):
            shutil.rmtree(d)
        os.makedirs(os.path.join(d, "text"))
        write_json(os.path.join(d, "profile.json"), facts)
        for lang in langs:
            write_json(os.path.join(d, "text", f"{lang}.json"), texts[lang])
        if os.path.exists(args.notes):
            shutil.copyfile(args.notes, os.path.join(d, "text", "_notes.json"))
        shutil.copyfile(args.cover, os.path.join(d, "cover.jpg"))
        if args.mgi_press:
            mark_same(args.mgi_press, args.project, d, texts, langs)
        print(d)


if __name__ == "__main__":
    main()
