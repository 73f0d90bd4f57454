"""Dates: find the date expressions of an English or Spanish text, resolve them against the
document's published date, and pick the one an incident happened on.

Relative expressions ("on Tuesday", "hace tres días", "Aug. 18" with no year) are skipped when
there is no published date: a date is never guessed. Our own regexes read the common forms;
dateparser only reads the odd phrases they leave ("14-Oct-2025").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from cotejo.extract.model import DatePrecision, EventDate, Span
from cotejo.extract.text_units import split_sentences

__all__ = ["find_dates", "event_date"]

DAY, WEEK = DatePrecision.DAY, DatePrecision.WEEK
MONTH, YEAR = DatePrecision.MONTH, DatePrecision.YEAR
_FINENESS = {DAY: 0, WEEK: 1, MONTH: 2, YEAR: 3}
_FIRST_YEAR, _LAST_YEAR = 1000, 2099

# -- words ---------------------------------------------------------------------------------


def _numbered(names: str, first: int = 1) -> dict[str, int]:
    """'enero febrero' -> {'enero': 1, 'febrero': 2}; 'a|b' gives two spellings one number."""
    return {
        spelling: number
        for number, word in enumerate(names.split(), first)
        for spelling in word.split("|")
    }


_EN_MONTHS = _numbered(
    "January February March April May June July August September October November December"
)
_EN_MONTH_ABBR = _numbered("Jan Feb Mar Apr May Jun Jul Aug Sep|Sept Oct Nov Dec")
_EN_WEEKDAYS = _numbered("Monday Tuesday Wednesday Thursday Friday Saturday Sunday", 0)
_ES_MONTHS = _numbered(
    "enero febrero marzo abril mayo junio julio agosto septiembre|setiembre "
    "octubre noviembre diciembre"
)
_ES_WEEKDAYS = _numbered("lunes martes miércoles|miercoles jueves viernes sábado|sabado domingo", 0)
_EN_NUMBERS = _numbered(
    "zero one two three four five six seven eight nine ten eleven twelve "
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
    0,
)
_EN_NUMBERS |= {"a": 1, "an": 1}
_ES_NUMBERS = _numbered(
    "cero un|uno|una dos tres cuatro cinco seis siete ocho nueve diez once "
    "doce trece catorce quince dieciséis|dieciseis diecisiete dieciocho "
    "diecinueve veinte",
    0,
)
_UNITS = {
    **dict.fromkeys(("hour", "hora", "day", "día", "dia"), DAY),
    **dict.fromkeys(("week", "semana"), WEEK),
    **dict.fromkeys(("month", "mes"), MONTH),
    **dict.fromkeys(("year", "año"), YEAR),
}
# A four-digit number followed by one of these is a count or an address, not a year.
_NOT_AFTER_YEAR = (
    r"block|people|persons|residents|officers|troops|soldiers|migrants|members|"
    r"rounds|dollars|miles|feet|pounds|kilos|kilograms|homes|cases|votes|"
    r"personas|habitantes|soldados|efectivos|migrantes|kilos|dólares|dolares|"
    r"metros|casos|votos|viviendas|hectáreas|hectareas"
)


def _cased(words: Iterable[str]) -> str:
    """English month and weekday names must be capitalised: 'may' and 'march' are verbs."""
    return "|".join(f"{w}|{w.upper()}" for w in sorted(words, key=len, reverse=True))


_EN_MON = rf"(?:(?:{_cased(_EN_MONTHS)})\b|(?:{_cased(_EN_MONTH_ABBR)})(?:\.|\b))"
_EN_MON_FULL = rf"(?:{_cased(_EN_MONTHS)})\b"
_EN_WD = rf"(?:{_cased(_EN_WEEKDAYS)})\b"
_ES_MON = rf"(?:{'|'.join(_ES_MONTHS)})\b"
_ES_WD = rf"(?:{'|'.join(_ES_WEEKDAYS)})\b"
_EN_NUM = rf"(?:{'|'.join(_EN_NUMBERS)}|\d{{1,3}})"
_ES_NUM = rf"(?:{'|'.join(sorted(_ES_NUMBERS, key=len, reverse=True))}|\d{{1,3}})"
_ORD = r"(?:st|nd|rd|th)?"
_ES_ORD = r"(?:\s?(?:º|°|\.º|ro\.?|er\.?))?"
_ES_TOD = r"(?:madrugada|mañana|manana|tarde|noche)"
_ES_PART = r"(?:principios|inicios|comienzos|mediados|finales|fines)"
_ES_PERIOD = r"(?:semana|fin\s+de\s+semana|mes|año)"
_ES_NEXT_OR_LAST = r"(?:pasado|pasada|próximo|proximo|próxima|proxima)"
# Spanish determiners and time-of-day lead-ins kept in the span: "la madrugada del domingo".
_ES_LEAD = rf"(?:(?:la|esta)\s+{_ES_TOD}\s+(?:del|de\s+(?:este|esta|el))\s+|(?:el|este|esta)\s+)"


def _month_number(token: str) -> int:
    key = token.rstrip(".")
    if key.lower() in _ES_MONTHS:
        return _ES_MONTHS[key.lower()]
    key = key.capitalize()
    return _EN_MONTHS.get(key) or _EN_MONTH_ABBR[key]


def _weekday_number(token: str) -> int:
    low = token.lower()
    return _ES_WEEKDAYS[low] if low in _ES_WEEKDAYS else _EN_WEEKDAYS[token.capitalize()]


def _count(token: str) -> int:
    low = token.lower()
    if low.isdigit():
        return int(low)
    return _EN_NUMBERS.get(low, _ES_NUMBERS.get(low, -1))


# -- calendar arithmetic -------------------------------------------------------------------

Resolved = tuple[date, date, DatePrecision]


def _day(d: date) -> Resolved:
    return d, d, DAY


def _week(d: date, until: date | None = None) -> Resolved:
    monday = d - timedelta(days=d.weekday())
    return monday, min(monday + timedelta(days=6), until or date.max), WEEK


def _month(year: int, month: int, until: date | None = None) -> Resolved:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, 1), min(last, until or date.max), MONTH


def _year(year: int, until: date | None = None) -> Resolved:
    return date(year, 1, 1), min(date(year, 12, 31), until or date.max), YEAR


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def _weekday_near(published: date, weekday: int, relation: str) -> date:
    """relation 'on-or-before' (on Tuesday), 'before' (last Tuesday), 'after' (next Tuesday),
    'on-or-after' (a march called for Tuesday)."""
    if relation == "after":
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if relation == "on-or-after":
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    back = (published.weekday() - weekday) % 7
    if relation == "before" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _month_day(month: int, day: int, published: date, ahead: bool = False) -> date | None:
    """A month-day with no year: the latest one not after the published date (or with
    `ahead`, the first one not before it)."""
    step = 1 if ahead else -1
    for year in (published.year, published.year + step):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if (found >= published) if ahead else (found <= published):
            return found
    return None


def _full_date(year: int, month: int, day: int) -> date | None:
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# -- rules: one compiled regex and one resolver each ---------------------------------------

Resolver = Callable[[re.Match[str], date | None], Resolved | None]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: Resolver
    relative: bool  # needs the published date
    needs: str | None = None  # a lowercase word the text must hold, to skip the scan fast


def _numeric(order: str) -> Resolver:
    def resolve(m: re.Match[str], published: date | None) -> Resolved | None:
        a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
        if len(m["y"]) == 2:  # "4/10/17": the century that keeps it near the published year
            year += 2000
            if year > (published.year + 1 if published else 2069):
                year -= 100
        month, day = (a, b) if order == "MDY" else (b, a)
        found = _full_date(year, month, day)
        return _day(found) if found else None

    return resolve


def _iso(m: re.Match[str], published: date | None) -> Resolved | None:
    found = _full_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(found) if found else None


def _day_month(m: re.Match[str], published: date | None) -> Resolved | None:
    month = _month_number(m["mon"])
    day = 1 if m["d"].lower() == "primero" else int(m["d"])
    if m["y"]:
        found = _full_date(int(m["y"]), month, day)
    elif published is None:
        found = None
    elif re.search(r"\bpr[óo]ximo\b", m.group(), re.IGNORECASE):  # "el próximo 20 de octubre"
        found = _month_day(month, day, published, ahead=True)
    else:
        found = _month_day(month, day, published)
        named = _named_weekday(m.group())
        if found is not None and named is not None and found.weekday() != named:
            # "el viernes 17 de octubre": the year in which the 17th is a Friday, within a
            # year either side; an announcement may name a day after the published date.
            for year in (published.year, published.year + 1, published.year - 1):
                candidate = _full_date(year, month, day)
                if candidate is not None and candidate.weekday() == named:
                    found = candidate
                    break
    return _day(found) if found else None


def _named_weekday(phrase: str) -> int | None:
    for token in re.findall(r"[A-Za-zÁÉÍÓÚáéíóú]+", phrase):
        low = token.lower()
        if low in _ES_WEEKDAYS or token.capitalize() in _EN_WEEKDAYS:
            return _weekday_number(token)
    return None


def _month_year(m: re.Match[str], published: date | None) -> Resolved | None:
    year = int(m["y"])
    return _month(year, _month_number(m["mon"])) if _FIRST_YEAR <= year <= _LAST_YEAR else None


def _word_before(m: re.Match[str], word: re.Pattern[str]) -> re.Match[str] | None:
    return word.search(m.string, max(0, m.start() - 25), m.start())


def _month_alone(prepositions: re.Pattern[str]) -> Resolver:
    def resolve(m: re.Match[str], published: date | None) -> Resolved | None:
        if published is None or not (m.group() != m["mon"] or _word_before(m, prepositions)):
            return None  # a bare month name with nothing around it: "March" could be a verb
        month = _month_number(m["mon"])
        words = m.group().lower()
        if re.search(r"\baño\s+pasado\b", words):
            year = published.year - 1
        elif re.search(r"\b(?:this|este)\b", words):
            year = published.year
        elif re.search(r"\b(?:next|próximo|proximo)\b", words):
            year = published.year if month > published.month else published.year + 1
        elif re.search(r"\b(?:last|pasado)\b", words):
            year = published.year if month < published.month else published.year - 1
        else:  # "in March": the latest March not after the published date
            year = published.year if month <= published.month else published.year - 1
        return _month(year, month)

    return resolve


# After these a four-digit number is more often a count ("a crowd of 1500"): only 1900-2099.
_WEAK_YEAR_CONTEXT = frozenset(
    "the of to between around and by early late mid de del el y a para entre hasta".split()
)


def _year_alone(prepositions: re.Pattern[str]) -> Resolver:
    def resolve(m: re.Match[str], published: date | None) -> Resolved | None:
        before = _word_before(m, prepositions)
        if before is None:
            return None  # "Copyright 2017", "0414-555-1234": no word that makes it a year
        weak = before[1].lower() in _WEAK_YEAR_CONTEXT
        year = int(m["y"])
        return _year(year) if (1900 if weak else _FIRST_YEAR) <= year <= _LAST_YEAR else None

    return resolve


_PLANNED_FOR = re.compile(r"\b(?:for|para)\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^['’]s\b")


def _planned_for(m: re.Match[str]) -> bool:
    """A weekday something is set for ("called a march for Friday", "convocaron para el
    viernes") lies ahead; "arrested for Friday's shooting" does not."""
    before = m.string[max(0, m.start() - 12) : m.start()]
    return bool(_PLANNED_FOR.search(before)) and not _POSSESSIVE.match(m.string[m.end() :])


def _weekday(m: re.Match[str], published: date | None) -> Resolved | None:
    if published is None:
        return None
    groups = m.groupdict()
    if groups.get("holiday"):
        return None  # "Black Friday", "Super Tuesday"
    if "lead" in groups and not (groups["lead"] or groups["contraction"]):
        return None  # Spanish weekdays need "el", "este" or "del": "Santo Domingo" is a city
    weekday = _weekday_number(m["wd"])
    rel = " ".join(filter(None, (groups["rel"], groups.get("rel2")))).lower()
    if any(w in rel for w in ("next", "próximo", "proximo", "que viene")):
        relation = "after"
    elif any(w in rel for w in ("last", "past", "pasado", "último", "ultimo", "anterior")):
        relation = "before"
    elif _planned_for(m):
        relation = "on-or-after"
    else:
        relation = "on-or-before"
    if groups.get("dn"):  # "el viernes 10": the nearest 10th that is a Friday
        number = int(m["dn"])
        for offset in sorted(range(-45, 46), key=lambda k: (abs(k), k > 0)):
            near = published + timedelta(days=offset)
            if near.day == number and near.weekday() == weekday:
                return _day(near)
    return _day(_weekday_near(published, weekday, relation))


def _shift(days: int) -> Resolver:
    def resolve(m: re.Match[str], published: date | None) -> Resolved | None:
        return _day(published + timedelta(days=days)) if published else None

    return resolve


def _ago(m: re.Match[str], published: date | None) -> Resolved | None:
    n = _count(m["n"])
    if published is None or n < 0:
        return None
    unit = m["u"].lower()
    unit = "mes" if unit.startswith("mes") else unit.rstrip("s")
    precision = _UNITS[unit]
    if unit in ("hour", "hora"):
        return _day(published)
    if precision is DAY:
        return _day(published - timedelta(days=n))
    if precision is WEEK:
        return _week(published - timedelta(weeks=n))
    if precision is MONTH:
        return _month(*_add_months(published.year, published.month, -n))
    return _year(published.year - n) if published.year - n >= _FIRST_YEAR else None


_PERIOD_WORDS = {
    **dict.fromkeys(("week", "semana"), "week"),
    **dict.fromkeys(("weekend", "fin de semana"), "weekend"),
    **dict.fromkeys(("month", "mes"), "month"),
    **dict.fromkeys(("year", "año"), "year"),
}
_STEP_WORDS = {
    **dict.fromkeys(("last", "past", "pasado", "pasada", "anterior"), -1),
    **dict.fromkeys(("this", "este", "esta"), 0),
    **dict.fromkeys(("next", "próximo", "proximo", "próxima", "proxima", "que viene"), 1),
}


def _period(m: re.Match[str], published: date | None) -> Resolved | None:
    if published is None:
        return None
    words = re.sub(r"\s+", " ", m["x"].lower())
    period = next(
        v
        for k, v in _PERIOD_WORDS.items()
        if re.search(rf"\b{k}\b", words) and not (k == "semana" and "fin de semana" in words)
    )
    step = next((v for k, v in _STEP_WORDS.items() if re.search(rf"\b{k}\b", words)), 0)
    until = published if step == 0 else None
    if period == "week":
        return _week(published + timedelta(weeks=step), until)
    if period == "month":
        return _month(*_add_months(published.year, published.month, step), until)
    if period == "year":
        return _year(published.year + step, until)
    # a weekend: the latest Saturday-Sunday already over ("last"), begun ("this"), or to come
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if step < 0 and saturday + timedelta(days=1) >= published:
        saturday -= timedelta(days=7)
    elif step > 0:
        saturday += timedelta(days=7)
    return saturday, saturday + timedelta(days=1), WEEK


def _rule(
    pattern: str, resolve: Resolver, relative: bool, flags: int = 0, needs: str | None = None
) -> _Rule:
    return _Rule(re.compile(pattern, flags), resolve, relative, needs)


_I = re.IGNORECASE
_BEFORE_NUMBER = r"(?<![\w/.,:#$-])"
_AFTER_NUMBER = r"(?!(?!T\d)[\w/]|[.,:-]\d)"  # "2025-10-14T08:00" is still a date
_YEAR_TAIL = rf"(?![\w-]|\s*%|,\d|\s+(?:{_NOT_AFTER_YEAR})\b)"
_YEAR = r"(?<![\w$#.,/])(?P<y>1\d{3}|20\d{2})"
# The word before a bare month or year that makes it a date: "in March", "a law from 1738".
_EN_MONTH_PREPOSITIONS = re.compile(
    r"\b(?:in|during|since|until|by|through|throughout|from|before|after|of|to)\s+$", _I
)
_ES_MONTH_PREPOSITIONS = re.compile(r"\b(?:en|durante|desde|hasta|para)\s+$", _I)
_EN_YEAR_PREPOSITIONS = re.compile(
    r"\b(in|since|from|of|during|by|until|till|through|throughout|before|after|between|to|"
    r"circa|around|the|early|late|mid|and)[\s-]+$",
    _I,
)
_ES_YEAR_PREPOSITIONS = re.compile(
    r"\b(en|desde|de|del|durante|hasta|año|el|para|entre|y|a|antes\s+de|después\s+de|"
    r"despues\s+de|partir\s+de)\s+$",
    _I,
)
_ISO = _rule(
    rf"{_BEFORE_NUMBER}(?P<y>\d{{4}})([-/])(?P<m>\d{{1,2}})\2(?P<d>\d{{1,2}})"
    rf"{_AFTER_NUMBER}",
    _iso,
    False,
)

_EN_RULES = (
    _ISO,
    _rule(
        rf"{_BEFORE_NUMBER}(?P<a>\d{{1,2}})([/-])(?P<b>\d{{1,2}})\2(?P<y>\d{{4}})"
        rf"{_AFTER_NUMBER}",
        _numeric("MDY"),
        False,
    ),
    _rule(
        rf"{_BEFORE_NUMBER}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{2}}){_AFTER_NUMBER}",
        _numeric("MDY"),
        False,
    ),
    # "Tuesday, Aug. 18, 2025", "Sept. 2", "August 18th 2025"
    _rule(
        rf"(?=[A-Z])(?:{_EN_WD},?\s+)?(?P<mon>{_EN_MON})\s*(?P<d>\d{{1,2}}){_ORD}(?![\d:])"
        rf"(?:,?\s+(?P<y>\d{{4}})(?!\d))?",
        _day_month,
        True,
    ),
    # "18 August 2025", "the 18th of August"
    _rule(
        rf"(?=[tT\d])(?<![\w.,$])(?:(?i:the)\s+)?(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_EN_MON})"
        rf"(?:,?\s+(?P<y>\d{{4}})(?!\d))?",
        _day_month,
        True,
    ),
    # "February 2024", "early March of 2024"
    _rule(
        rf"(?=[A-Zelm])(?:(?i:early|late|mid)[\s-]+)?(?P<mon>{_EN_MON})\s*,?\s+(?:of\s+)?"
        rf"(?P<y>\d{{4}})(?!\d)",
        _month_year,
        False,
    ),
    # "in March", "last March", "early August"; never a bare "March" (a verb too)
    _rule(
        rf"(?=[A-Zltnem])\b(?:(?P<rel>(?i:last|this|next))\s+)?(?:(?i:early|late|mid)[\s-]+)?"
        rf"(?P<mon>{_EN_MON_FULL})",
        _month_alone(_EN_MONTH_PREPOSITIONS),
        True,
    ),
    # "in 2024", "a law from 1738", "the 2024 election"; not "the 1200 block"
    _rule(rf"{_YEAR}{_YEAR_TAIL}", _year_alone(_EN_YEAR_PREPOSITIONS), False),
    # "on Tuesday", "Tuesday night", "last Tuesday", "early Sunday morning"
    _rule(
        rf"(?=[A-Zltne])(?P<holiday>(?:Black|Good|Super|Cyber|Ash|Holy|Palm|Easter|Bloody|Giving)\s+)?"
        rf"(?P<x>\b(?:(?P<rel>(?i:last|this\s+past|this|next))\s+)?(?:(?i:early|late)\s+)?"
        rf"(?P<wd>{_EN_WD})(?:\s+(?:morning|afternoon|evening|night))?)",
        _weekday,
        True,
    ),
    _rule(r"\bthe\s+day\s+before\s+yesterday\b", _shift(-2), True, _I, "yesterday"),
    _rule(
        r"(?=[yl])\byesterday(?:\s+(?:morning|afternoon|evening))?\b|\blast\s+night\b",
        _shift(-1),
        True,
        _I,
    ),
    _rule(
        r"(?=[elt])\b(?:(?:earlier|later)\s+)?today\b|\btonight\b|\bthis\s+(?:morning|afternoon|"
        r"evening)\b",
        _shift(0),
        True,
        _I,
    ),
    _rule(r"\btomorrow\b", _shift(1), True, _I, "tomorrow"),
    # "last week", "earlier this month"; not "in the last week" (a duration)
    _rule(
        r"(?=[eltn])(?<!the\s)(?P<x>\b(?:(?:earlier|later|early|late)\s+)?(?:last|this\s+past|this|"
        r"next)\s+(?:week|weekend|month|year)\b)",
        _period,
        True,
        _I,
    ),
    # "three days ago"; not "2 1/2 years ago" misread as two
    _rule(
        rf"(?<![/\d-])\b(?P<n>{_EN_NUM})\s+(?P<u>hours?|days?|weeks?|months?|years?)\s+ago\b",
        _ago,
        True,
        _I,
        "ago",
    ),
)

_ES_RULES = (
    _ISO,
    _rule(
        rf"{_BEFORE_NUMBER}(?P<a>\d{{1,2}})([/.-])(?P<b>\d{{1,2}})\2(?P<y>\d{{4}})"
        rf"{_AFTER_NUMBER}",
        _numeric("DMY"),
        False,
    ),
    _rule(
        rf"{_BEFORE_NUMBER}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{2}}){_AFTER_NUMBER}",
        _numeric("DMY"),
        False,
    ),
    # "el 2 de septiembre", "el pasado 14 de octubre", "el lunes 13 de octubre de 2025"
    _rule(
        rf"(?=[lepmjvsd\d])\b(?:{_ES_LEAD})?(?:(?:pasado|próximo|proximo)\s+)?(?:{_ES_WD},?\s+)?"
        rf"(?P<d>\d{{1,2}}|primero){_ES_ORD}\s+de\s+(?P<mon>{_ES_MON})"
        rf"(?:,?\s+(?:de|del)\s+(?:año\s+)?(?P<y>\d{{4}})(?!\d))?",
        _day_month,
        True,
        _I,
    ),
    # "marzo de 2024", "a finales de marzo de 2024"
    _rule(
        rf"(?=[aipcmfejsond])\b(?:(?:a\s+)?{_ES_PART}\s+de\s+)?(?P<mon>{_ES_MON})\s*,?\s+(?:de|del)?\s*"
        rf"(?P<y>\d{{4}})(?!\d)",
        _month_year,
        False,
        _I,
    ),
    # "en marzo", "el pasado mes de marzo", "a finales de marzo"; not "Plaza de Mayo"
    _rule(
        rf"(?=[aeimpcfjsond])\b(?:(?:a\s+)?{_ES_PART}\s+de\s+)?(?:(?:el\s+)?(?:pasado\s+)?mes\s+de"
        rf"\s+)?(?P<mon>{_ES_MON})(?:\s+(?P<rel>pasado|de\s+este\s+año|del\s+año\s+pasado|"
        rf"próximo|proximo))?",
        _month_alone(_ES_MONTH_PREPOSITIONS),
        True,
        _I,
    ),
    # "en 2024", "desde 2013"; not "de 1500 personas"
    _rule(rf"{_YEAR}{_YEAR_TAIL}", _year_alone(_ES_YEAR_PREPOSITIONS), False),
    # "el martes pasado", "este lunes", "la madrugada del domingo", "el pasado viernes 10"
    _rule(
        rf"(?=[delpumjvs])(?:\b(?P<contraction>del)\s+)?(?P<x>\b(?P<lead>{_ES_LEAD})?(?:(?P<rel>pasado|último|"
        rf"ultimo|próximo|proximo)\s+)?(?P<wd>{_ES_WD})(?:\s+(?P<dn>\d{{1,2}})(?=\s*[,.;:)]|"
        rf"\s+(?:de|del|en|a|por|y|cuando)\b|\s*$))?(?:\s+(?P<rel2>pasado|anterior|próximo|"
        rf"proximo|que\s+viene))?(?:,?\s+(?:en|por)\s+la\s+{_ES_TOD})?)",
        _weekday,
        True,
        _I,
    ),
    _rule(r"\b(?:anteayer|antier|antes\s+de\s+ayer)\b", _shift(-2), True, _I),
    _rule(rf"\bayer(?:,?\s+(?:en|por)\s+la\s+{_ES_TOD})?\b|\banoche\b", _shift(-1), True, _I),
    _rule(rf"\bhoy\b(?!\s+(?:en\s+)?día)|\besta\s+{_ES_TOD}\b", _shift(0), True, _I),
    # "la semana pasada", "este mes", "a finales del año pasado"; never a bare "el año"
    _rule(
        rf"(?P<x>\b(?:(?:a\s+)?{_ES_PART}\s+de(?:l|\s+la|\s+este|\s+esta)?\s+)?"
        rf"(?:(?:el|la)\s+{_ES_NEXT_OR_LAST}\s+{_ES_PERIOD}|(?:este|esta)\s+{_ES_PERIOD}"
        rf"|(?:el|la)?\s*{_ES_PERIOD}\s+(?:{_ES_NEXT_OR_LAST}|anterior|que\s+viene))\b)",
        _period,
        True,
        _I,
    ),
    # "hace tres días"; not "desde hace tres años" (a duration)
    _rule(
        rf"(?<!desde\s)\bhace\s+(?:(?:unos|unas|apenas|casi|poco\s+más\s+de|más\s+de)\s+)?"
        rf"(?P<n>{_ES_NUM})\s+(?P<u>horas?|días?|dias?|semanas?|mes(?:es)?|años?)\b",
        _ago,
        True,
        _I,
        "hace",
    ),
)

# Odd phrases our rules leave, read by dateparser: "14-Oct-2025", "14 oct. 2025" in Spanish.
_ODD_DATE = re.compile(
    r"(?<![\w/.,:#$-])\d{1,2}(?P<sep>[-/ ])(?P<mon>[A-Za-z]{3,4})\.?(?P=sep)(?:\d{4}|\d{2}(?!\d))"
    r"(?![\w/]|[.,:-]\d)"
)
_MONTH_PREFIXES = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec ene abr ago dic set".split()
)


@cache
def _dateparser_settings(language: str) -> dict[str, object]:
    return {
        "DATE_ORDER": "DMY" if language == "es" else "MDY",
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def _parse_odd(phrase: str, language: str) -> Resolved | None:
    import dateparser  # only when an odd phrase turns up: its first call costs ~80 ms

    parsed = dateparser.parse(phrase, languages=[language], settings=_dateparser_settings(language))
    if parsed is None or not 1900 <= parsed.year <= _LAST_YEAR:
        return None
    return _day(parsed.date())


# -- public API ----------------------------------------------------------------------------


def find_dates(text: str, language: str, published: date | None) -> list[EventDate]:
    """Every date expression in `text`, resolved, in text order, without overlaps.

    `language` is "es" for Spanish; anything else is read as English. Expressions that need
    the published date are skipped when `published` is None.
    """
    lang = "es" if language.lower().startswith("es") else "en"
    if isinstance(published, datetime):  # a timestamp would not compare with dates
        published = published.date()
    found: list[tuple[int, int, Resolved, bool]] = []
    lowered = text.lower()
    for rule in _ES_RULES if lang == "es" else _EN_RULES:
        if rule.relative and published is None and rule.resolve is not _day_month:
            continue
        if rule.needs and rule.needs not in lowered:
            continue
        for m in rule.pattern.finditer(text):
            resolved = rule.resolve(m, published)
            if resolved is None:
                continue
            start, end = m.span("x") if "x" in rule.pattern.groupindex else m.span()
            relative = rule.relative and not m.groupdict().get("y")
            found.append((start, end, resolved, relative))
    kept = _without_overlaps(found)
    for m in _ODD_DATE.finditer(text):
        if m["mon"][:3].lower() not in _MONTH_PREFIXES:
            continue
        if not any(s < m.end() and m.start() < e for s, e, _, _ in kept):
            resolved = _parse_odd(m.group(), lang)
            if resolved:
                kept.append((m.start(), m.end(), resolved, False))
    kept.sort(key=lambda item: item[0])
    return [
        EventDate(
            start=r[0], end=r[1], precision=r[2], relative=relative, span=Span.of(text, start, end)
        )
        for start, end, r, relative in kept
    ]


def _without_overlaps(
    found: list[tuple[int, int, Resolved, bool]],
) -> list[tuple[int, int, Resolved, bool]]:
    """The longest expression wins where two overlap ("Tuesday, Aug. 18" over "Tuesday")."""
    kept: list[tuple[int, int, Resolved, bool]] = []
    for item in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(item[1] <= s or e <= item[0] for s, e, _, _ in kept):
            kept.append(item)
    return kept


# A publication stamp, not an event: "Posted: Tuesday, January 28, 2014", "April 11, 2013 4:39 PM"
_STAMP_BEFORE = re.compile(
    r"(?:posted|updated|published|last\s+modified|publicado|actualizado)"
    r"\s*:?\s*(?:on\s+|el\s+)?$",
    re.IGNORECASE,
)
_CLOCK_AFTER = re.compile(r",?\s*(?:at\s+|a\s+las\s+|[-|]\s*)?\d{1,2}:\d{2}\b")
# A dateline: "Caracas, 5 de septiembre de 2025." or a date alone on its line.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[A-ZÁÉÍÓÚÑ][\w.'’ -]{1,40},[ \t]*)?$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:[.:|—–-]|\n|$)")
# The day something was said, not the day it happened: "police said Monday", "dijo el lunes"
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|confirmed|stated|added|wrote|posted|dijo|dijeron|"
    r"informó|informaron|anunció|señaló|indicó|afirmó|aseguró|declaró|confirmó|añadió|"
    r"agregó)\s+(?:on\s+|el\s+|este\s+)?$",
    re.IGNORECASE,
)


def event_date(
    text: str,
    language: str,
    published: date | None,
    anchor: int | None = None,
    dates: Sequence[EventDate] | None = None,
) -> EventDate | None:
    """The date of the incident the text (or the sentence around offset `anchor`) describes.

    In order: the finest date in the anchor's sentence (nearest the anchor), unless it is
    only a year; the first day-precision date of the lead (title line and two sentences);
    the first day-precision date anywhere; the first date finer than a year; the first date.
    Dates after `published`, publication stamps ("Posted: ...") and the days things were
    said ("police said Monday") are passed over while any other candidate is left.
    None when the text gives no date. `dates` passes in what `find_dates` already found.
    """
    if dates is None:
        dates = find_dates(text, language, published)
    if not dates:
        return None
    if isinstance(published, datetime):
        published = published.date()
    pool = [d for d in dates if published is None or d.start <= published] or dates
    pool = [d for d in pool if not _is_stamp(text, d)] or pool
    return _refined(text, _choose(text, pool, anchor), pool)


def _refined(text: str, found: EventDate, pool: Sequence[EventDate]) -> EventDate:
    """A week or a month refined by a day inside it that the text also gives: "last month"
    and "on Nov. 10" elsewhere say the same, the day more precisely."""
    if found.precision not in (WEEK, MONTH):
        return found
    inside = [d for d in pool if d.precision is DAY and found.start <= d.start <= found.end]
    return next((d for d in inside if not _is_said(text, d)), found)


def _choose(text: str, pool: Sequence[EventDate], anchor: int | None) -> EventDate:
    sentences = split_sentences(text).ranges
    if anchor is not None:
        start, end = next(((s, e) for s, e in sentences if s <= anchor < e), (anchor, anchor))
        near = [d for d in pool if start <= d.span.start < end and d.precision is not YEAR]
        if near and all(_is_said(text, d) for d in near):
            near = []  # "police said Monday" alone: look for the event's own date first
        if near:
            return min(
                near,
                key=lambda d: (
                    _is_said(text, d),
                    _FINENESS[d.precision],
                    abs(d.span.start - anchor),
                ),
            )
    lead_end = sentences[min(2, len(sentences) - 1)][1] if sentences else len(text)
    days = [d for d in pool if d.precision is DAY]
    for candidates in ([d for d in days if d.span.start < lead_end], days):
        if candidates:
            return next((d for d in candidates if not _is_said(text, d)), candidates[0])
    return next((d for d in pool if d.precision is not YEAR), pool[0])


def _is_stamp(text: str, found: EventDate) -> bool:
    if _STAMP_BEFORE.search(text, max(0, found.span.start - 30), found.span.start):
        return True
    if found.relative:
        return False
    return bool(
        _CLOCK_AFTER.match(text, found.span.end)
        or (
            _DATELINE_BEFORE.search(text, max(0, found.span.start - 45), found.span.start)
            and _DATELINE_AFTER.match(text, found.span.end)
        )
    )


def _is_said(text: str, found: EventDate) -> bool:
    return bool(_SAID_BEFORE.search(text, max(0, found.span.start - 30), found.span.start))
