"""Who a statement comes from, as the text says: "according to the Pentagon", "police say",
"según el Comando Sur", "informó la fiscalía", "dijo un pescador", "Hegseth said in a post on X".

Each sentence gets at most one `Attribution`: the speaker normalised through the alias
catalogue (or described by role when a private person speaks, never by name), how it was
said (`via`) and the stance. Sentences without one are the publisher's own statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from cotejo.extract.aliases import Catalogue
from cotejo.extract.model import Origin, OriginKind, Span, Stance
from cotejo.extract.text_units import Sentences

_SAY_EN = (
    r"said|says|say|told|tells|announced|announces|stated|states|confirmed|confirms|claimed|"
    r"claims|reported|reports|wrote|writes|posted|posts|added|adds|alleged|alleges|insisted|"
    r"insists|acknowledged|acknowledges|declared|declares|tweeted|explained|noted|warned|"
    r"admitted|testified|argued|maintained|asserted|called|calls|described|describes|labell?ed|"
    r"labels|branded|brands|identified|identifies"
)
_SAY_ES = (
    r"dijo|dice|dicen|dijeron|afirmó|afirma|afirmaron|aseguró|asegura|aseguraron|informó|"
    r"informa|informaron|confirmó|confirma|confirmaron|denunció|denuncia|denunciaron|indicó|"
    r"indica|señaló|señala|señalaron|explicó|declaró|declararon|publicó|anunció|anuncia|"
    r"reportó|reporta|sostuvo|agregó|añadió|precisó|detalló|manifestó|advirtió|alegó|relató|"
    r"contó|escribió|difundió|comunicó|reconoció|admitió|calificó|califica|llamó|describió|tildó|"
    r"identificó"
)
_DENY_EN = r"denied|denies|deny|rejected|rejects|disputed|disputes|refuted|refutes|dismissed|dismisses|contradicted|contradicts"
_DENY_ES = r"negó|niega|negaron|desmintió|desmiente|desmintieron|rechazó|rechaza|rechazaron|descartó|descarta|refutó|contradijo"
_VERBS = rf"(?:{_SAY_EN}|{_SAY_ES}|{_DENY_EN}|{_DENY_ES})"
_DENY = re.compile(rf"\b(?:{_DENY_EN}|{_DENY_ES})\b", re.IGNORECASE)

_SPEAKER = r"[^,;:.!?“”\"«»()—–]{2,80}?"
_ACCORDING = re.compile(
    rf"\b(?P<cue>according to|citing|cited by|as reported by|según|de acuerdo con|citando a|citado por)\s+(?P<who>{_SPEAKER})(?=[,;:.!?)”\"»]|\s+(?:that|which|who|que|quien)\b|$)",
    re.IGNORECASE,
)
_SUBJECT_VERB = re.compile(
    rf"(?:^|[,;:“”\"«»—–]\s*|\b(?:and|but|y|pero|while|mientras|what|lo que|as|como)\s+)"
    rf"(?P<who>[A-ZÁÉÍÓÚÑa-záéíóúñ0-9][^,;:.!?“”\"«»()—–]{{0,70}}?(?:,\s*[A-ZÁÉÍÓÚÑ][^,;:.!?“”\"«»()—–]{{1,50}},)?)"
    rf"\s+(?:has\s+|have\s+|had\s+|also\s+|later\s+|then\s+|ha\s+|han\s+|también\s+)?(?P<verb>{_VERBS})\b",
)
_VERB_SUBJECT = re.compile(
    rf"[,“”\"«»—–]\s*(?P<verb>{_VERBS})\s+(?!que\b|that\b|to\b|a\b)(?P<who>{_SPEAKER})(?=[,;.!?]|$)",
    re.IGNORECASE,
)
_VIA = re.compile(
    r"\b(?:in|on|via|through|en|a través de|mediante|por)\s+(?:a\s+|an\s+|un\s+|una\s+|su\s+|the\s+|el\s+|la\s+|sus\s+|his\s+|her\s+|its\s+|their\s+)?"
    r"(?P<via>(?:post|statement|press release|news conference|press conference|briefing|video|message|interview|"
    r"comunicado|publicación|mensaje|rueda de prensa|conferencia de prensa|declaración|entrevista|video|cuenta)"
    r"(?:\s+(?:on|en|de)\s+(?:X|Twitter|Telegram|Facebook|Instagram|TikTok|social media|redes sociales))?|"
    r"X|Twitter|Telegram|Facebook|Instagram|TikTok|social media|redes sociales)\b",
    re.IGNORECASE,
)

_ROLE_WORDS: tuple[tuple[OriginKind, str], ...] = (
    (
        OriginKind.WITNESS,
        r"fishermen|fisherman|fishers|pescadores|pescador|residents?|neighbou?rs?|vecin[oa]s?|witness(?:es)?|testigos?|relatives?|famil(?:y|ia|iares|iar)|mother|father|madre|padre|brother|sister|herman[oa]s?|cousin|prim[oa]s?|wife|husband|esposa|esposo|survivors?|sobrevivientes?|passengers?|pasajer[oa]s?|drivers?|conductor(?:es)?|chofer(?:es)?|students?|estudiantes?|man|woman|hombre|mujer|victims?|víctimas?|locals?|lugareños|comerciantes?|merchant|shop owner",
    ),
    (OriginKind.COURT, r"court|judge|tribunal|juez|jueza|corte|magistrad[oa]"),
    (
        OriginKind.NGO,
        r"association|asociación|organi[sz]ation|organización|coalition|coalición|observatory|observatorio|human rights|derechos humanos|NGO|ONG|foundation|fundación|advocates?|activists?|activistas?|lawyers?|attorneys?|abogad[oa]s?|defensores?",
    ),
    (
        OriginKind.MEDIA,
        r"Reuters|Associated Press|AP|AFP|EFE|Bloomberg|NBC News|CNN|BBC|Telemundo|Univision|newspaper|diario|periódico|radio|television|televisión|TV|news agency|agencia|outlet|journalists?|periodistas?|reporters?|reporter[oa]s?|media|medios|prensa",
    ),
    (
        OriginKind.OFFICIAL,
        r"officials?|authorities|autoridades|spokes(?:man|woman|person)|vocero|vocera|portavoz|minist(?:er|ry|ro|ra|erio)|governor|gobernador[a]?|gobernación|mayor|alcalde(?:sa)?|alcaldía|sheriff|chief|commander|comandante|government|gobierno|administration|administración|funcionari[oa]s?|secretar(?:y|io|ia)|coast guard|army|navy|military|ejército|armada|militares|president|presidente|presidenta|prosecutors?|fiscal(?:es|ía)?|police|policía|agents?|agentes|troops|tropas|department|departamento|office|oficina|senator|senador[a]?|general",
    ),
)
_ROLE = [(kind, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for kind, words in _ROLE_WORDS]
_PRONOUN = re.compile(
    r"^(?:he|she|they|it|él|ella|ellos|ellas|the official|the spokesman)$", re.IGNORECASE
)
_DETERMINER = re.compile(
    r"^(?:the|a|an|el|la|los|las|un|una|unos|unas|this|that|este|esta)\s+", re.IGNORECASE
)
_OFFICE_TITLE = re.compile(
    r"\b(?:Secretary|Minister|President|Governor|Mayor|Police Chief|Chief|Sheriff|Senator|General|Admiral|"
    r"Commander|Attorney General|Prosecutor|spokes(?:man|woman|person)|ministr[oa]|secretari[oa]|"
    r"gobernador[a]?|alcalde(?:sa)?|presidente|presidenta|jefe|jefa|vocero|vocera|portavoz|fiscal|"
    r"senador[a]?|general|almirante|comandante|director[a]?)\b",
    re.IGNORECASE,
)
_MEDIA_REPORT = re.compile(r"\b(?:reported|reports|informó|reportó|publicó)\b", re.IGNORECASE)


_ORGANISATION_CUE = re.compile(
    r"\b(?:news|post|times|register|herald|journal|gazette|tribune|press|radio|tv|channel|"
    r"department|dept|office|police|sheriff|bureau|division|agency|association|coalition|"
    r"foundation|united|church|university|college|school|hospital|inc|llc|corp|company|farms?|"
    r"group|center|centre|council|committee|ministry|court|union|party|army|force|guard|"
    r"commission|institute|observatory|network|club|bank|asociación|fundación|iglesia|"
    r"universidad|ministerio|tribunal|partido|ejército|fuerza|guardia|comisión|instituto|"
    r"observatorio|grupo|diario|noticias|reuters|associated press|afp|efe|bloomberg|cnn|bbc|"
    r"nbc|abc|telemundo|univision)\b",
    re.IGNORECASE,
)


def _looks_like_organisation(name: str) -> bool:
    """An acronym ("OSBI", "CBS") or a name with an organisation word in it."""
    letters = [c for c in name if c.isalpha()]
    acronym = len(letters) >= 2 and all(c.isupper() for c in letters) and len(name.split()) == 1
    return acronym or bool(_ORGANISATION_CUE.search(name))


@dataclass(frozen=True)
class Attribution:
    origin: Origin
    stance: Stance
    sentence: int


def _people_in(doc: Doc | None, start: int, end: int) -> list[tuple[int, int]]:
    if doc is None:
        return []
    return [
        (ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ in ("PERSON", "PER") and ent.start_char >= start and ent.end_char <= end
    ]


def _orgs_in(doc: Doc | None, start: int, end: int) -> list[str]:
    if doc is None:
        return []
    return [
        ent.text
        for ent in doc.ents
        if ent.label_ in ("ORG",) and ent.start_char >= start and ent.end_char <= end
    ]


def describe_speaker(
    text: str, start: int, end: int, catalogue: Catalogue, doc: Doc | None
) -> tuple[str, OriginKind] | None:
    """Name and kind of the speaker in text[start:end]; private persons by role only."""
    phrase = " ".join(text[start:end].split()).strip(" ,")
    if not phrase:
        return None
    people = _people_in(doc, start, end)
    title = _OFFICE_TITLE.search(phrase)
    entry = catalogue.lookup(phrase)
    if entry is not None and (not people or entry.kind.value == "public_official" or title is None):
        return entry.name, entry.origin
    role_kind, role_word = None, None
    for kind, pattern in _ROLE:
        found = pattern.search(phrase)
        if found:
            role_kind, role_word = kind, found.group(0).lower()
            break
    if people and title is not None:
        # A named public official: offices and their holders may be recorded as origins.
        return _DETERMINER.sub("", phrase), OriginKind.OFFICIAL
    if role_kind is OriginKind.WITNESS and role_word:
        # Witnesses are private persons: only ever their role, whatever else NER saw
        # in the phrase ("Tietsort's mother" may come back as an organisation).
        return role_word, role_kind
    if people or (
        role_kind is None
        and phrase[:1].isupper()
        and len(phrase.split()) <= 3
        and not _orgs_in(doc, start, end)
    ):
        # A private person named in the text: keep the role, drop the name.
        if role_word:
            return role_word, role_kind or OriginKind.WITNESS
        return "a named individual (name not recorded)", OriginKind.WITNESS
    orgs = _orgs_in(doc, start, end)
    if orgs:
        name = _DETERMINER.sub("", orgs[0])
        if not _looks_like_organisation(name):
            # The small models often call a surname an organisation ("Le's attorney"):
            # when in doubt, keep the role and drop the name.
            if role_kind is not None and role_word:
                return role_word, role_kind
            return "a named individual (name not recorded)", OriginKind.WITNESS
        return name, role_kind or OriginKind.UNKNOWN
    if role_kind is not None:
        cleaned = _DETERMINER.sub("", phrase).strip()
        return (cleaned if len(cleaned.split()) <= 6 else role_word or cleaned), role_kind
    return None


def _stance(clause: str, verb: str | None, kind: OriginKind, cue: str | None) -> Stance:
    if (verb and _DENY.fullmatch(verb)) or (verb is None and _DENY.search(clause)):
        return Stance.DENIES
    if cue and cue.lower() in ("citing", "citando a", "cited by", "citado por", "as reported by"):
        return Stance.REPORTS
    if kind is OriginKind.MEDIA and (cue or (verb and _MEDIA_REPORT.fullmatch(verb))):
        return Stance.REPORTS
    return Stance.ASSERTS


def attribute_sentences(
    text: str, sentences: Sentences, catalogue: Catalogue, doc: Doc | None = None
) -> dict[int, Attribution]:
    """The attribution of each sentence that has one, keyed by sentence index."""
    found: dict[int, Attribution] = {}
    last: Origin | None = None
    for index, (s_start, s_end) in enumerate(sentences.ranges):
        sentence = text[s_start:s_end]
        candidates: list[tuple[int, int, str | None, str | None]] = []
        for match in _ACCORDING.finditer(sentence):
            candidates.append((match.start("who"), match.end("who"), None, match.group("cue")))
        for match in _VERB_SUBJECT.finditer(sentence):
            candidates.append((match.start("who"), match.end("who"), match.group("verb"), None))
        for match in _SUBJECT_VERB.finditer(sentence):
            candidates.append((match.start("who"), match.end("who"), match.group("verb"), None))
        hearsay: Origin | None = None
        for w_start, w_end, verb, cue in candidates:
            who = sentence[w_start:w_end].strip()
            if verb and _NOT_A_SPEAKER.fullmatch(who):
                # "Ahora dicen en la tele que...": nobody is named; unless another phrase of
                # the sentence names a speaker, the writer relays what unnamed others say.
                end = s_start + w_end + 1 + len(verb)
                hearsay = Origin(
                    name=HEARSAY,
                    kind=OriginKind.UNKNOWN,
                    span=Span.of(text, s_start + w_start, end),
                )
                continue
            if _PRONOUN.match(who) and last is not None:
                origin = Origin(
                    name=last.name,
                    kind=last.kind,
                    span=Span.of(text, s_start + w_start, s_start + w_end),
                    via=last.via,
                )
            else:
                described = describe_speaker(
                    text, s_start + w_start, s_start + w_end, catalogue, doc
                )
                if described is None:
                    continue
                name, kind = described
                via = _VIA.search(sentence)
                origin = Origin(
                    name=name,
                    kind=kind,
                    span=Span.of(text, s_start + w_start, s_start + w_end),
                    via=" ".join(via.group(0).split()) if via else None,
                )
            found[index] = Attribution(origin, _stance(sentence, verb, origin.kind, cue), index)
            last = origin
            break
        if index not in found and hearsay is not None:
            found[index] = Attribution(hearsay, Stance.REPORTS, index)
    return found


# Words that stand before a verb of saying without being anyone: the verb's subject is
# left unsaid ("ahora dicen que", "now they say", "ayer dijeron").
_NOT_A_SPEAKER = re.compile(r"(?i:ahora|hoy|ayer|ya|por ahí|now|today|yesterday)")
HEARSAY = "unnamed others (hearsay)"


def publisher_origin() -> Origin:
    return Origin(name="(publisher)", kind=OriginKind.PUBLISHER)
