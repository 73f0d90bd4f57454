"""Find the stretches of text that name places: spaCy entities checked against the gazetteer.

Entities labelled as places (English GPE/LOC/FAC, Spanish LOC) are kept when the gazetteer
knows the name. Entities with other labels (the small Spanish model calls many towns PER,
ORG or MISC) are kept when the name is a place of some size; English PERSON entities only
when the document's other places back the reading (`Evidence.PERSON`). Capitalised names no
entity covers are added when they name a country, a region, a sea or a sizeable town, and
so are datelines ("GÜIRIA, Sucre (NNV) –"). Without a spaCy Doc, capitalised n-grams are
looked up in the gazetteer alone. This module decides *where* names are, not *which* place
they mean (resolve.py does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from spacy.tokens import Doc, Span

from cotejo.extract.places.gazetteer import (
    ALTERNATE,
    GENERIC_WORDS,
    Gazetteer,
    Kind,
    normalise,
    plausible_short_match,
)

PLACE_LABELS = {"en": frozenset({"GPE", "LOC", "FAC"}), "es": frozenset({"LOC"})}
CHECKED_LABELS = {"en": frozenset({"ORG"}), "es": frozenset({"PER", "ORG", "MISC"})}
PERSON_LABELS = {"en": frozenset({"PERSON"}), "es": frozenset()}
_ARTICLES = frozenset({"the", "el", "la", "los", "las"})
# A part of a town named by its side ("Southeast Fresno", "North Memphis") is in the town:
# dropped only when the whole name is not a place of its own ("North Carolina", "East Orange").
_SIDES = frozenset(
    {
        "north", "south", "east", "west",
        "northeast", "northwest", "southeast", "southwest",
        "downtown", "central",
    }
)  # fmt: skip
# Lower-case words inside names: "Norte de Santander", "Isle of Man", "Trinidad and Tobago".
_CONNECTORS = frozenset({"de", "del", "of", "upon", "y", "e", "and", "do", "da", "dos", "das"})
# A capitalised word next to these is a person: "Rodriguez said", "Mr. Jordan".
_SPEECH = frozenset(
    """said says told added explained asked wrote noted dijo afirmó señaló explicó
    agregó indicó declaró""".split()
)
_TITLES = frozenset(
    """mr mrs ms dr sen rep gov president judge officer sgt sr sra dr. mr. mrs. ms.
    señor señora presidente general""".split()
)
_LIST_WORDS = frozenset({"y", "e", "and", "or", "o"})
MAX_NGRAM = 6
# A town this size or larger is known enough to accept outside a place entity.
WELL_KNOWN_POPULATION = 20_000
FAMOUS_POPULATION = 1_000_000  # ... and as the first word of a sentence ("Paris was ...")
CHECKED_POPULATION = 1_000
_WELL_KNOWN_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.CONTINENT, Kind.SEA, Kind.REGION})
_WORD = re.compile(r"[^\W\d_]+(?:[.'\u2019\-][^\W\d_]+)*\.?|\d+|[^\w\s]", re.UNICODE)
# "GÜIRIA, Sucre (NNV) -", "WASHINGTON/CARACAS, Oct 14 (GWS) -": a dateline opens a line.
# "#Güiria", "#Sucre": a post's place tags. One capitalised word, no CamelCase phrase.
_HASHTAG = re.compile(r"(?<![\w#])#([A-ZÁÉÍÓÚÑÜ][a-záéíóúñü]+)(?![\w])")
_DATELINE = re.compile(r"(?m)^[ \t]*([A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.'\- ]{1,40}?)(?=,|/| \(| [-–—])")


class Evidence(IntEnum):
    """Why a stretch of text is a candidate, weakest first."""

    PERSON = 0  # NER said PERSON; kept only if the document's places support it
    GAZETTEER = 1  # no entity: the gazetteer knows a capitalised name
    CHECKED = 2  # NER gave another label (ORG, MISC, Spanish PER) to a known place name
    PLACE = 3  # NER called it a place


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    evidence: Evidence


def from_doc(doc: Doc, gazetteer: Gazetteer, language: str) -> list[Candidate]:
    place_labels = PLACE_LABELS.get(language, PLACE_LABELS["en"])
    checked_labels = CHECKED_LABELS.get(language, CHECKED_LABELS["en"])
    person_labels = PERSON_LABELS.get(language, frozenset())
    text = doc.text
    found: list[Candidate] = []
    covered = bytearray(len(doc))
    people = _listed_people(doc, gazetteer)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            covered[i] = 1
        if ent.start in people:
            continue
        if ent.label_ in place_labels:
            evidence = Evidence.PLACE
        elif ent.label_ in checked_labels:
            evidence = Evidence.CHECKED
        elif ent.label_ in person_labels and len(ent) == 1:
            evidence = Evidence.PERSON
        else:
            continue
        for start, end in _parts(text, ent.start_char, ent.end_char):
            start, end = _extended(text, start, end, gazetteer)
            span = _trimmed(text, start, end, gazetteer)
            if span is None:
                continue
            if evidence == Evidence.PLACE or _well_known(
                gazetteer, text[span[0] : span[1]], CHECKED_POPULATION
            ):
                found.append(Candidate(span[0], span[1], evidence))
    tokens = _doc_tokens(doc)
    free = [not c for c in covered]
    found += [
        Candidate(s, e, Evidence.GAZETTEER) for s, e in _ngrams(text, tokens, free, gazetteer)
    ]
    found += _datelines(text, gazetteer)
    found += _hashtags(text, gazetteer)
    surnames = _surnames(doc, language)
    # Spanish writes many towns as everyday words ("Victoria", "Libertad"): trust its NER there.
    common = _lower_case_words(text) if language == "en" else frozenset()
    kept = [c for c in set(found) if not _person_or_word(text, c, gazetteer, surnames, common)]
    return sorted(kept, key=lambda c: (c.start, -c.end))


PEOPLE = frozenset({"PER", "PERSON"})
PREPOSITIONS = frozenset(
    "of from in at on to near by for with de del en desde con para por a al cerca".split()
)
LIST_GAP_TOKENS = 4  # ", el señor", ", and", " y el chamo": what may stand between names


def _listed_people(doc: Doc, gazetteer: Gazetteer) -> frozenset[int]:
    """Starts of entities that stand in a list of people ("con Ramón, Luis, el señor Abrahán
    y el chamo Yeferson", "with Ramon, Luis, Abraham and Jefferson"): a list of three or more
    one-word names, two or more of them tagged as people and one at least no place at all.
    A first name there is a person, not the town that bears it, even where the model calls
    one a place. A list of counties or roads the model calls people ("Leavenworth and
    Shawnee", "Crabgrass, Owens and Harris roads") names only places, and stays."""
    names = [e for e in doc.ents if len(e) == 1 or e.label_ in PEOPLE]
    runs: list[list[Span]] = []
    for ent in names:
        run = runs[-1] if runs else None
        if run and _list_gap(doc, run[-1], ent):
            run.append(ent)
        else:
            runs.append([ent])
    return frozenset(
        e.start
        for run in runs
        if len(run) >= 3
        and sum(e.label_ in PEOPLE for e in run) >= 2
        and any(not gazetteer.lookup(e.text) for e in run)
        for e in run
        if len(e) == 1
    )


def _list_gap(doc: Doc, previous: Span, ent: Span) -> bool:
    """Between two names of a list: a comma or a conjunction, and at most an article and a
    noun ("y el chamo", ", el señor", "and"). A preposition ("of Alexandria", "from
    Lakeville") ends the list: that name is where someone is from. (Words, not tags: the
    extraction pipeline runs only the tokenizer and NER.)"""
    gap = [t.lower_ for t in doc[previous.end : ent.start]]
    return (
        0 < len(gap) <= LIST_GAP_TOKENS
        and any(w == "," or w in _LIST_WORDS for w in gap)
        and all(w == "," or (w.isalpha() and w.islower() and w not in PREPOSITIONS) for w in gap)
    )


def _doc_tokens(doc: Doc) -> list[tuple[int, int, str, bool]]:
    """(start, end, text, opens a sentence) per token. A word after opening quotes or bullets
    opens its sentence too ('"Come forward', '× Man accused')."""
    tokens = []
    opening = True
    for t in doc:
        opening = opening or bool(t.is_sent_start)
        tokens.append((t.idx, t.idx + len(t.text), t.text, opening))
        if t.is_alpha or t.is_digit:
            opening = False
    return tokens


def _surnames(doc: Doc, language: str) -> frozenset[str]:
    """Words of the multi-word person names in a document ("Brady Osborne" -> osborne)."""
    labels = PEOPLE if language == "es" else PERSON_LABELS["en"]
    words = set()
    for ent in doc.ents:
        if ent.label_ in labels and len(ent) > 1:
            words.update(t.text.casefold() for t in ent[1:] if t.is_alpha and t.text[:1].isupper())
    return frozenset(words)


def _lower_case_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _LOWER_WORD.findall(text)) | _EVERYDAY_WORDS


# Words of every crime story that are also small towns (Man, West Virginia): capitalised at
# the start of a headline ("Man kills brother...") they are still the word.
_EVERYDAY_WORDS = frozenset(
    """man woman men women boy girl teen teens child baby mother father son daughter wife
    husband police officer deputy victim suspect gunman shooter driver family""".split()
)


# "the West Side", "South Side": a part of whatever town the story is in, not a namesake.
_SIDE_OF_TOWN = re.compile(r"(?i)^(?:north|south|(?:north|south)?(?:east|west))[ -]?side$")
_LOWER_WORD = re.compile(r"(?<![\w.])[a-z]{3,}(?![\w])")
PERSON_PLACE_POPULATION = 100_000  # a PLACE entity this big stays, even if someone bears its name


def _person_or_word(
    text: str,
    candidate: Candidate,
    gazetteer: Gazetteer,
    surnames: frozenset[str],
    common: frozenset[str],
) -> bool:
    """One-word names that are people or common words in this document, and sides of a town.

    "Osborne" where the text also names "Brady Osborne" is a surname; "Police", "Metro" or
    "Date" where the text also writes "police", "metro" or "date" in lower case are words.
    A word that NER calls a place and that names a large town stays ("Houston", with "Sam
    Houston" in the text).
    """
    name = text[candidate.start : candidate.end]
    if _SIDE_OF_TOWN.match(name):
        return True
    if " " in name or not name.isalpha() or name.isupper():
        return False
    folded = name.casefold()
    if folded not in surnames and folded not in common:
        return False
    if candidate.evidence != Evidence.PLACE:
        return True
    big = PERSON_PLACE_POPULATION if folded in surnames else FAMOUS_POPULATION
    return not _well_known(gazetteer, name, big)


def from_text(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Gazetteer-only recognition, for when no spaCy Doc is at hand (lower precision)."""
    tokens = []
    sentence_start = True
    for match in _WORD.finditer(text):
        word = match.group()
        tokens.append((match.start(), match.end(), word, sentence_start))
        sentence_start = word in {".", "!", "?", ":", ";"} or (
            word.endswith(".") and len(word) > 3 and "." not in word[:-1]
        )
        if "\n" in text[match.end() : match.end() + 2]:
            sentence_start = True
    free = [True] * len(tokens)
    found = [Candidate(s, e, Evidence.GAZETTEER) for s, e in _ngrams(text, tokens, free, gazetteer)]
    found += _datelines(text, gazetteer) + _hashtags(text, gazetteer)
    return sorted(set(found), key=lambda c: (c.start, -c.end))


def _ngrams(
    text: str,
    tokens: list[tuple[int, int, str, bool]],
    free: list[bool],
    gazetteer: Gazetteer,
) -> list[tuple[int, int]]:
    """Known place names among free tokens that stand alone as a capitalised run.

    A run is capitalised words joined by connectors ("Norte de Santander"). Only a whole run
    counts: "Jordan" in "Michael Jordan" or "War" in "Department of War" does not.
    """
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not (free[i] and _capitalised(tokens[i][2])):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and free[j + 1] and _joins(text, tokens, j):
            j += 1
        while j > i and not _capitalised(tokens[j][2]):
            j -= 1  # a run never ends on a connector
        if j - i < MAX_NGRAM and not _touches_other_names(text, tokens, i, j):
            span = _known_run(text, tokens, i, j, gazetteer)
            if span:
                out.append(span)
            else:  # "Venezuela y Estados Unidos": a list, unless the whole is one name
                out += _list_items(text, tokens, i, j, gazetteer)
        i = j + 1
    return out


def _list_items(
    text: str, tokens: list[tuple[int, int, str, bool]], i: int, j: int, gazetteer: Gazetteer
) -> list[tuple[int, int]]:
    cuts = [k for k in range(i + 1, j) if tokens[k][2].casefold() in _LIST_WORDS]
    found = []
    for first, last in zip([i] + [k + 1 for k in cuts], [k - 1 for k in cuts] + [j], strict=True):
        if first <= last:
            span = _known_run(text, tokens, first, last, gazetteer)
            if span:
                found.append(span)
    return found


def _known_run(
    text: str, tokens: list[tuple[int, int, str, bool]], i: int, j: int, gazetteer: Gazetteer
) -> tuple[int, int] | None:
    start, end = tokens[i][0], tokens[j][1]
    name = text[start:end]
    last = tokens[j][2]
    if (
        name.endswith(".")
        and "." not in last[:-1]
        and name.casefold() not in gazetteer.abbreviations
    ):
        name, end = name[:-1], end - 1  # a full stop, not an abbreviation
    if i < j and tokens[i][2].casefold() in _SIDES and not gazetteer.knows(normalise(name)):
        rest = text[tokens[i + 1][0] : end]
        if not _town(gazetteer, rest):
            return None
        i, start, name = i + 1, tokens[i + 1][0], rest  # "North Denver" is in Denver
    wider = _extended(text, start, end, gazetteer)
    if wider != (start, end):  # "mar Caribe", "Pacífico oriental"
        return wider
    single = i == j
    word = tokens[i][2]
    if _looks_like_person(text, tokens, i, j):
        return None
    if all(w in GENERIC_WORDS for w in normalise(name).split()):
        return None  # "Federal and local authorities"
    if single and word.casefold() in _CALENDAR:
        return None  # "in May", "el martes"
    if place_cue(text, start, end):  # "in Brooksville", "Brooksville police:"
        least = CHECKED_POPULATION
    elif single and tokens[i][3] and word.isalpha() and not word.isupper():
        least = FAMOUS_POPULATION  # "Police said": a first word is a place only if famous
    else:
        least = WELL_KNOWN_POPULATION
    return (start, end) if _well_known(gazetteer, name, least) else None


# Words around a name that say it is a place: "in Brooksville", "Killeen police", "cerca de
# Güiria", "la policía de Carúpano".
_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|from|en|cerca de|desde|municipio de|policía de)) $", re.IGNORECASE
)
_CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday enero febrero marzo abril mayo
    junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes
    miércoles jueves viernes sábado domingo""".split()
)
_CUE_AFTER = re.compile(r" (?:police|Police|PD|sheriff|Sheriff|County Sheriff)\b")


def place_cue(text: str, start: int, end: int) -> bool:
    """The words next to text[start:end] say it names a place."""
    return bool(_CUE_BEFORE.search(text, max(0, start - 16), start) or _CUE_AFTER.match(text, end))


def _looks_like_person(text: str, tokens: list[tuple[int, int, str, bool]], i: int, j: int) -> bool:
    after = tokens[j + 1][2].casefold() if j + 1 < len(tokens) else ""
    before = tokens[i - 1][2].casefold().rstrip(".") if i > 0 else ""
    return after in _SPEECH or before in _TITLES


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _joins(text: str, tokens: list[tuple[int, int, str, bool]], j: int) -> bool:
    """Token j+1 continues the run that token j is in."""
    gap = text[tokens[j][1] : tokens[j + 1][0]]
    if gap not in (" ", ""):
        return False
    following = tokens[j + 1][2]
    if _capitalised(following):
        return True
    if following.casefold() in _CONNECTORS and j + 2 < len(tokens):
        return _capitalised(tokens[j + 2][2]) and text[tokens[j + 1][1] : tokens[j + 2][0]] == " "
    return False


def _touches_other_names(
    text: str, tokens: list[tuple[int, int, str, bool]], i: int, j: int
) -> bool:
    """The run sits next to a capitalised word it was not joined with (covered by NER)."""
    before = (
        i > 0 and text[tokens[i - 1][1] : tokens[i][0]] == " " and _capitalised(tokens[i - 1][2])
    )
    after = (
        j + 1 < len(tokens)
        and text[tokens[j][1] : tokens[j + 1][0]] == " "
        and _capitalised(tokens[j + 1][2])
    )
    return bool(before and not tokens[i][3]) or bool(after)


def _datelines(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    found = []
    for match in _DATELINE.finditer(text):
        name = match.group(1).strip()
        if len(name) < 3 or not name.isupper():
            continue
        start = match.start(1)
        if gazetteer.knows(normalise(name)) and _well_known(gazetteer, name, 0):
            found.append(Candidate(start, start + len(name), Evidence.CHECKED))
    return found


def _hashtags(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Hashtags that name a town or a larger place: posts tag where things happen."""
    found = []
    for match in _HASHTAG.finditer(text):
        name = match.group(1)
        if gazetteer.knows(normalise(name)) and _well_known(gazetteer, name, CHECKED_POPULATION):
            found.append(Candidate(match.start(1), match.end(1), Evidence.CHECKED))
    return found


def _well_known(gazetteer: Gazetteer, name: str, population: int) -> bool:
    """The gazetteer has `name` (not only as a variant) for a big unit or a town this big."""
    for match in gazetteer.lookup(name):
        if match.level == ALTERNATE and gazetteer.kinds[match.entry] in (Kind.CITY, Kind.ADMIN2):
            continue
        if not plausible_short_match(gazetteer, name, match.entry, match.level):
            continue
        kind = gazetteer.kinds[match.entry]
        if kind in _WELL_KNOWN_KINDS or gazetteer.populations[match.entry] >= population:
            return True
        if kind == Kind.CITY and gazetteer.geonames_ids[match.entry] == 0:
            return True  # a town from cotejo's supplement: added because reports name it
    return False


def _extended(text: str, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int]:
    """Grow an entity by a word either side when that makes a known name: 'Pacífico' +
    ' oriental', 'Los ' + 'Angeles'."""
    after = re.match(r" [^\W\d_]+", text[end : end + 30])
    if after and gazetteer.knows(normalise(text[start : end + after.end()])):
        end += after.end()
    before = re.search(r"[^\W\d_]+ $", text[max(0, start - 30) : start])
    if before and _grows_before(gazetteer, before.group(), text[start - len(before.group()) : end]):
        start -= len(before.group())
    return start, end


def _grows_before(gazetteer: Gazetteer, word: str, name: str) -> bool:
    """'Los ' + 'Angeles', 'mar ' + 'Caribe'; but not 'old ' + 'Washington' or 'west ' +
    'Charlotte': a lower-case word joins only the name of a sea or region."""
    key = normalise(name)
    if not gazetteer.knows(key):
        return False
    if word[:1].isupper():
        return True
    return any(gazetteer.kinds[row] in _OPEN_KINDS for row, _ in gazetteer.matches(key, 5))


_OPEN_KINDS = frozenset({Kind.SEA, Kind.REGION, Kind.CONTINENT})


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'WASHINGTON/CARACAS' names two places."""
    chunk = text[start:end]
    if "/" not in chunk:
        return [(start, end)]
    parts, offset = [], start
    for piece in chunk.split("/"):
        parts.append((offset, offset + len(piece)))
        offset += len(piece) + 1
    return parts


def _trimmed(text: str, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int] | None:
    """The span without a leading article or trailing possessive, if the gazetteer knows it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix, start, end):
            end -= len(suffix)
    name = text[start:end]
    first = name.split(" ", 1)
    rest = start + len(first[0]) + 1
    has_article = len(first) == 2 and first[0].casefold() in _ARTICLES
    if gazetteer.knows(normalise(name)) or _abbreviation(name, gazetteer):
        if has_article and (first[0][0].islower() or gazetteer.knows(normalise(text[rest:end]))):
            return rest, end
        return start, end
    if has_article and gazetteer.knows(normalise(text[rest:end])):
        return rest, end
    if len(first) == 2 and first[0].casefold() in _SIDES and _town(gazetteer, text[rest:end]):
        return rest, end
    return None


def _town(gazetteer: Gazetteer, name: str) -> bool:
    """A populated place first of all: "Southeast Asia" is not a side of a town."""
    found = gazetteer.matches(normalise(name), 1)
    return bool(found) and gazetteer.kinds[found[0][0]] == Kind.CITY


def _abbreviation(name: str, gazetteer: Gazetteer) -> bool:
    return name.endswith(".") and name.casefold() in gazetteer.abbreviations
