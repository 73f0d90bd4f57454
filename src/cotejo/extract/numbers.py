"""Number phrases in English and Spanish text: counts with their hedges, and the numbers
that are not counts of anything (ages, dates, times, phone numbers, addresses, calibres,
money, measures), so that casualty patterns can step over them.

This module does not decide what a count counts: `figures` does, from the words around it.

Vague quantities follow ACLED's conservative convention, the low value being the smallest
number the word allows: tens/decenas = 10, dozens/docenas = 12, scores = 20,
hundreds/cientos/centenares = 100, thousands/miles = 1000; "several", "multiple",
"a few", "varios" = 2. "Decenas" is literally "tens", so it is 10, not 12.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache

from text_to_num import text2num

from cotejo.extract.model import Hedge


class Role(Enum):
    COUNT = "count"  # may be a count of people
    AGE = "age"  # "25-year-old", "de 25 años", "John Doe, 25,"
    OTHER = "other"  # date, time, phone, address, calibre, money, percent, measure, ordinal


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number phrase: `start`/`end` are offsets into the text, hedge words included."""

    start: int
    end: int
    role: Role
    low: int = 0
    high: int | None = None
    hedge: Hedge = Hedge.EXACT


# -- lexicons ------------------------------------------------------------------------------

_EN_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1_000_000,
}  # fmt: skip
_ES_WORDS = {
    "cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiún": 21,
    "veintiun": 21, "veintiuna": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23,
    "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200,
    "trescientos": 300, "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400,
    "quinientos": 500, "quinientas": 500, "seiscientos": 600, "seiscientas": 600,
    "setecientos": 700, "setecientas": 700, "ochocientos": 800, "ochocientas": 800,
    "novecientos": 900, "novecientas": 900, "mil": 1000, "millón": 1_000_000,
    "millones": 1_000_000,
}  # fmt: skip
# Pronoun-like counts: they only become figures next to a person noun or a casualty word.
_EN_PAIR = {"both": 2, "another": 1, "a pair of": 2, "a couple of": 2, "a dozen": 12}
_ES_PAIR = {"ambos": 2, "ambas": 2, "otro": 1, "otra": 1, "un par de": 2, "una docena de": 12}

# Vague quantities: (phrase, ACLED conservative low value).
_EN_VAGUE = {
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "tens of": 10,
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "several dozen": 24,
    "a few dozen": 24, "several": 2, "multiple": 2, "a few": 2, "a handful of": 2,
}  # fmt: skip
_ES_VAGUE = {
    "decenas de miles": 10_000, "cientos de miles": 100_000, "centenares de miles": 100_000,
    "decenas": 10, "docenas": 12, "cientos": 100, "centenares": 100, "miles": 1000,
    "millares": 1000, "varios": 2, "varias": 2, "unos cuantos": 2, "unas cuantas": 2,
}  # fmt: skip

_EN_HEDGES = {
    Hedge.AT_LEAST: ("at least", "at minimum", "a minimum of", "no fewer than", "no less than",
                     "not less than"),
    Hedge.MORE_THAN: ("more than", "over", "upwards of", "in excess of", "greater than"),
    Hedge.AT_MOST: ("up to", "as many as", "at most", "no more than", "a maximum of",
                    "not more than"),
    Hedge.FEWER_THAN: ("fewer than", "less than", "under"),
    Hedge.ABOUT: ("about", "around", "approximately", "approx.", "roughly", "nearly", "almost",
                  "some", "an estimated", "estimated", "close to", "circa"),
}  # fmt: skip
_ES_HEDGES = {
    Hedge.AT_LEAST: ("al menos", "por lo menos", "como mínimo", "no menos de", "un mínimo de"),
    Hedge.MORE_THAN: ("más de",),
    Hedge.AT_MOST: ("hasta", "como máximo", "a lo sumo", "no más de", "un máximo de"),
    Hedge.FEWER_THAN: ("menos de",),
    Hedge.ABOUT: ("unos", "unas", "alrededor de", "cerca de", "aproximadamente", "casi",
                  "en torno a", "aprox.", "un estimado de", "poco más de"),
}  # fmt: skip

_EN_MONTHS = (
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?"
    r"|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?"
)
_ES_MONTHS = (
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?tiembre|octubre|noviembre"
    r"|diciembre|ene\.|feb\.|mar\.|abr\.|jun\.|jul\.|ago\.|sept?\.|oct\.|nov\.|dic\."
)
# A number followed by one of these measures something other than people.
_EN_UNITS = (
    r"years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?"
    r"|centur(?:y|ies)|times|rounds?|shots|bullets?|shell|casings?|gunshots|counts?|charges"
    r"|cases?|miles?|mi|kilomet(?:er|re)s?|km|feet|foot|ft|met(?:er|re)s?|inch(?:es)?|yards?"
    r"|pounds?|lbs?|ounces?|oz|kilos?|kilograms?|kgs?|grams?|g|tons?|tonnes?|gallons?|degrees"
    r"|mph|percent|per\s+cent|dollars?|cents?|pesos?|euros?|homicides?|murders|shootings"
    r"|incidents|blocks?|points?|goals?|games?|votes?|pills|doses|rifles?|guns?|handguns?"
    r"|pistols?|firearms?|weapons?|vehicles?|cars?|trucks?|houses?|homes?|apartments?|boats?"
    r"|vessels?|strikes?|am|pm|a\.m\.|p\.m\.|o'clock"
)
_ES_UNITS = (
    r"años?|meses|mes|semanas?|días?|horas?|minutos?|segundos?|décadas?|siglos?|veces"
    r"|disparos|balazos|tiros|balas?|casquillos|cargos?|casos?|kilómetros?|km|metros?|millas?"
    r"|kilos?|kilogramos?|kg|gramos?|toneladas?|litros?|grados|por\s+ciento|dólares|pesos"
    r"|euros|bolívares|homicidios|asesinatos|cuadras|calles|puntos|goles|votos|armas|fusiles"
    r"|pistolas|vehículos|autos|carros|casas|viviendas|lanchas|embarcaciones|botes|ataques"
    r"|bombardeos|hrs?"
)
_UNIT_TAIL = r"(?:[\s-]*(?<![\w.])(?:{units})(?!\w))"

# Digits standing alone: not in "AR-15", "$20", "7.5", "24/7"; "1,200" and "1.200" are one number.
_DIGITS = (
    r"(?<![\w.,/$€£#])(?<![^\W\d_]-)"
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?![\d,])|\d+)(?![\w/%]|[.,]\d)"
)


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@dataclass(frozen=True, slots=True)
class _Grammar:
    language: str
    words: dict[str, int]
    pair: dict[str, int]
    vague: dict[str, int]
    hedges: dict[str, Hedge]
    scan: re.Pattern[str]
    anchors: frozenset[str]  # lower-case words that every number phrase contains one of


@cache
def _grammar(language: str) -> _Grammar:
    spanish = language == "es"
    words = _ES_WORDS if spanish else _EN_WORDS
    pair = _ES_PAIR if spanish else _EN_PAIR
    vague = _ES_VAGUE if spanish else _EN_VAGUE
    hedge_table = _ES_HEDGES if spanish else _EN_HEDGES
    hedges = {phrase: hedge for hedge, phrases in hedge_table.items() for phrase in phrases}
    months = _ES_MONTHS if spanish else _EN_MONTHS
    units = _ES_UNITS if spanish else _EN_UNITS
    joiner = r"(?:\s+y\s+|\s+)" if spanish else r"(?:\s+and\s+|[\s-]+)"
    word = rf"\b(?:{_alternation(list(words))})\b"
    number_words = rf"{word}(?:{joiner}{word})*"
    dozen = r"\s+(?:docenas?)\b" if spanish else r"\s+dozen\b"
    scale = r"mil|millones|millón" if spanish else r"thousand|million"
    number = rf"(?:{_DIGITS}|{number_words})(?:{dozen}|\s+(?:{scale})\b)?"
    vague_alt = _alternation(list(vague))
    pair_alt = _alternation(list(pair))
    hedge_alt = _alternation(list(hedges))
    unit_tail = _UNIT_TAIL.format(units=units)
    not_measure = rf"(?!{unit_tail}|[\s-]*(?:years?|yrs?|months?|weeks?)[\s-]*old\b)"
    range_word = r"(?:-|–|a|o|u)" if spanish else r"(?:-|–|to|or)"
    between = r"(?:entre|de)" if spanish else r"between"
    and_word = r"(?:y|a)" if spanish else r"and"
    or_more = r"(?:o\s+más)" if spanish else r"(?:or\s+more|plus)"
    age_words = (
        rf"(?:{number}\s+años(?:\s+de\s+edad)?|(?:edad\s+de|edades\s+de)\s+{number}"
        rf"(?:\s*(?:,|y)\s*{number})*|{number}-?añer[oa]s?)"
        if spanish
        else rf"(?:{number}[\s-]*(?:years?|yrs?|months?|weeks?|days?)[\s-]*old\b"
        rf"|\b(?:aged?|ages)\s+{number}(?:\s*(?:,|and|to|-)\s*{number})*"
        rf"|{number}\s+years\s+of\s+age)"
    )
    # Appositive ages: "John Doe, 25, was shot"; "two men, 19 and 20, were shot"; "(25)".
    apposed_age = (
        r"(?:(?<=[^\W\d_],\s)|(?<=[^\W\d_]\.,\s)|(?<=[^\W\d_],))"
        r"(?:both\s+|all\s+|ambos\s+|ambas\s+)?\d{1,2}"
        r"(?:\s*(?:,|and|y)\s*\d{1,2})*(?=\s*[,;.)]|\s+(?:of|de)\b)"
        r"|\(\s*\d{1,2}\s*\)"
    )
    street = (
        r"Calle|Carrera|Avenida|Av\.|Ruta|Km\.?|Kilómetro|Autopista|Carretera|Sector|Manzana"
        if spanish
        else r"Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?"
        r"|Way|Court|Ct\.?|Place|Pl\.?|Parkway|Pkwy\.?|Highway|Hwy\.?|Circle|Cir\.?"
        r"|Terrace|Trail|Pike|Square|Sq\.?"
    )
    # Case-sensitive inside: "killed 5 people on Main Street" keeps its count.
    address = (
        rf"\b\d+(?:-\d+)?\s+(?:block|cuadra)\b|(?-i:"
        rf"\b\d+(?:\s+[NSEW]\.?)?(?:\s+[A-Z][\w'.]*){{1,3}}\s+(?:{street})(?!\w)"
        rf"|\b(?:Highway|Hwy\.?|Route|Rte\.?|Interstate|I-|U\.S\.|US|State\s+Road|SR|County"
        rf"\s+Road|CR|Apartment|Apt\.?|Unit|Suite|Ste\.?|Room|Rm\.?|No\.|Number|#|Lot|Building"
        rf"|Bldg\.?|Precinct|District|Ward|Channel|Station|Exit|Gate|Pier|Calle|Carrera"
        rf"|Avenida|Ruta|Km\.?|Kilómetro|Piso|Apto\.?|Casa|Local|Lote|Canal)\s*#?\s*\d+\w*"
        rf"|\b\d+(?:st|nd|rd|th)?\s+(?:{street})\b)"
    )
    dates = (
        rf"\b\d{{1,2}}\s+de\s+(?:{months})(?:\s+(?:de|del)\s+\d{{4}})?"
        rf"|\b(?:{months})\s+(?:de\s+|del\s+)?\d{{4}}\b"
        rf"|\b(?:los\s+)?(?:años\s+)?(?:19|20)\d0s\b"
        if spanish
        else rf"\b(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"
        rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})(?:,?\s+\d{{4}})?\b"
        rf"|\b(?:{months})\s+\d{{4}}\b|\b(?:19|20)\d0s\b"
    )
    times = (
        r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b|hrs?\b|horas\b)"
        r"|\b(?:las|la)\s+\d{1,2}(?:[:.]\d{2})?\b|\b\d{1,2}:\d{2}\b"
        if spanish
        else r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b|o'clock\b)"
        r"|\b\d{1,2}:\d{2}\b"
    )
    other = "|".join(
        (
            # phone numbers, the emergency number
            r"\b911\b|(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b",
            # calibres and gun models: ".45", "9mm", "12-gauge", "calibre 38", "AR-15"
            r"(?<![\w.])\.\d{2,3}\b(?:[\s-]*(?:caliber|calibre|cal\.?|magnum|special|auto))?",
            r"\b\d+(?:\.\d+)?\s*-?\s*(?:mm|millimet(?:er|re)s?|milímetros|caliber|calibre"
            r"|cal\b\.?|gauge|ga\b|gauges)",
            r"\b(?:calibre|caliber|cal\.)\s*\.?\d+\b",
            r"\b[A-Za-z]{1,4}-\d+\b",
            # money and percentages
            r"[$€£]\s*\d[\d,.]*(?:\s*(?:million|billion|thousand|millones|mil)\b)?",
            r"\b(?:US\$|USD|Bs\.?)\s*\d[\d,.]*",
            r"\d[\d,.]*\s*%",
            dates,
            times,
            address,
            # ordinals, decimals, fractions, numeric dates, years
            r"\b\d+(?:st|nd|rd|th|º|ª|°|er|ro|do|to|vo|no)\b",
            r"\b\d+[.,](?!\d{3}\b)\d+\b(?:\s+(?:million|billion|thousand|millones|mil)\b)?",
            r"\b\d+(?:/\d+)+\b|\b\d{4}-\d{2}-\d{2}\b",
            r"(?<![\d,.])\b(?:1[89]|20)\d{2}\b(?![,.]\d)",
        )
    )
    scan = re.compile(
        rf"(?P<age>{age_words}|{apposed_age})"
        rf"|(?P<other>{other})"
        rf"|(?P<measure>(?:{number}|\b(?:{vague_alt})){unit_tail})"
        rf"|(?:\b(?P<hedge>{hedge_alt})\s+)?(?:"
        rf"\b(?P<between>{between})\s+(?P<lo>{number})\s+{and_word}\s+(?P<hi>{number}){not_measure}"
        rf"|(?P<a>{number})(?:\s*{range_word}\s*(?P<b>{number}))?{not_measure}"
        rf"(?:\s+(?P<more>{or_more})\b)?"
        rf"|\b(?P<vague>{vague_alt})(?:\s+(?:of|de))?\b{not_measure}"
        rf"|\b(?P<pair>{pair_alt})\b{not_measure})",
        re.IGNORECASE,
    )
    anchors = frozenset(
        word for phrase in (*words, *pair, *vague) for word in phrase.split() if len(word) > 2
    )
    return _Grammar(language, words, pair, vague, hedges, scan, anchors)


# -- values --------------------------------------------------------------------------------


def _value(phrase: str, grammar: _Grammar) -> int | None:
    """The integer a number phrase names: digits, one word, or a compound (via text2num)."""
    phrase = " ".join(phrase.lower().split())
    multiplier = 1
    for tail, factor in ((" dozen", 12), (" docenas", 12), (" docena", 12),
                         (" thousand", 1000), (" million", 1_000_000), (" millones", 1_000_000),
                         (" mil", 1000)):  # fmt: skip
        if phrase.endswith(tail) and phrase != tail.strip():
            head = phrase[: -len(tail)]
            if head[:1].isdigit() or head in grammar.words or " " in head or "-" in head:
                phrase, multiplier = head, factor
                break
    if phrase[:1].isdigit():
        digits = phrase.replace(",", "").replace(".", "")
        return int(digits) * multiplier if digits.isdigit() else None
    single = grammar.words.get(phrase)
    if single is not None:
        return single * multiplier
    compound = _compound(phrase, grammar.language)
    return None if compound is None else compound * multiplier


@lru_cache(maxsize=4096)
def _compound(phrase: str, language: str) -> int | None:
    lang = "es" if language == "es" else "en"
    normal = phrase.replace("veintiún", "veintiuno").replace("veintiun ", "veintiuno ")
    try:
        return int(text2num(normal, lang))
    except ValueError:
        return None


def _count(match: re.Match[str], grammar: _Grammar) -> Quantity | None:
    hedge_text = match.group("hedge")
    hedge = grammar.hedges[" ".join(hedge_text.lower().split())] if hedge_text else Hedge.EXACT
    start, end = match.start(), match.end()
    if match.group("between") or match.group("b"):
        low = _value(match.group("lo") or match.group("a"), grammar)
        high = _value(match.group("hi") or match.group("b"), grammar)
        if low is None or high is None or low >= high:
            return None  # "3-2", "one or two hundred" misparsed: not a range of people
        return Quantity(start, end, Role.COUNT, low, high, Hedge.RANGE)
    if match.group("vague"):
        low = grammar.vague[" ".join(match.group("vague").lower().split())]
        if hedge is Hedge.EXACT or hedge is Hedge.ABOUT:
            return Quantity(start, end, Role.COUNT, low, None, Hedge.VAGUE)
    else:
        text = match.group("pair") or match.group("a")
        low_or_none = (
            grammar.pair.get(" ".join(text.lower().split()))
            if match.group("pair")
            else _value(text, grammar)
        )
        if low_or_none is None:
            return None
        low = low_or_none
        if hedge is Hedge.EXACT and text.lower().startswith(("a ", "un ", "una ")):
            hedge = Hedge.ABOUT  # "a dozen", "a couple of", "un par de"
        if match.group("more"):
            hedge = Hedge.AT_LEAST
    return _hedged(start, end, low, hedge)


def _hedged(start: int, end: int, n: int, hedge: Hedge) -> Quantity:
    if hedge is Hedge.AT_LEAST:
        return Quantity(start, end, Role.COUNT, n, None, hedge)
    if hedge is Hedge.MORE_THAN:
        return Quantity(start, end, Role.COUNT, n + 1, None, hedge)
    if hedge is Hedge.AT_MOST:
        return Quantity(start, end, Role.COUNT, 0, n, hedge)
    if hedge is Hedge.FEWER_THAN:
        return Quantity(start, end, Role.COUNT, 0, max(n - 1, 0), hedge)
    return Quantity(start, end, Role.COUNT, n, n, hedge)


_WORD = re.compile(r"\d+|[^\W\d_]+")
# The scan is tried only near words that can be part of a number ("anchors"): hedges,
# months and street names reach at most this far before them, and no phrase is longer
# than the window after.
_REACH_BEFORE, _REACH_AFTER = 40, 200


def find_quantities(text: str, language: str) -> list[Quantity]:
    """Every number phrase in `text`, in order, counts and non-counts alike."""
    grammar = _grammar("es" if language == "es" else "en")
    found: list[Quantity] = []
    for match in _matches(text, grammar):
        if match.group("age"):
            found.append(Quantity(match.start(), match.end(), Role.AGE))
        elif match.group("other") or match.group("measure"):
            found.append(Quantity(match.start(), match.end(), Role.OTHER))
        else:
            quantity = _count(match, grammar)
            found.append(quantity or Quantity(match.start(), match.end(), Role.OTHER))
    return found


def _matches(text: str, grammar: _Grammar) -> Iterator[re.Match[str]]:
    """`grammar.scan.finditer(text)`, several times faster: the full scan runs only in a
    window around each anchor word instead of at every character."""
    done = 0
    for word in _WORD.finditer(text):
        at = word.start()
        if at < done or not (text[at].isdigit() or word.group().lower() in grammar.anchors):
            continue
        match = grammar.scan.search(
            text, max(done, at - _REACH_BEFORE), min(len(text), word.end() + _REACH_AFTER)
        )
        if match is not None:
            done = match.end()
            yield match
