"""Statements that people harmed or detained belong to an armed group, and the basis given.

The basis is read from the statement's sentence and the next one: a court conviction, an
indictment or charge, a police or prosecutor statement, self-identification, tattoos or
clothing or symbols, nationality or migration status, or nothing at all (a bare
assertion). An attribution resting only on tattoos, clothing, symbols, nationality or a
bare assertion is weak. A statement that people had *no* ties to the group is kept too,
as a denial.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cotejo.extract.aliases import AliasMatch
from cotejo.extract.attribution import HEARSAY
from cotejo.extract.model import (
    WEAK_BASES,
    ActorKind,
    Affiliation,
    AffiliationBasis,
    Origin,
    OriginKind,
    Span,
    Stance,
)
from cotejo.extract.text_units import Sentences

_GENERIC_GROUP = re.compile(
    r"\b(?:the gang|the cartel|the group|the organi[sz]ation|la banda|la pandilla|el cartel|el cártel|"
    r"la organización criminal|la organización)\b",
    re.IGNORECASE,
)
_MEMBER_BEFORE = re.compile(
    r"(?:\b(?:members?|affiliates?|associates?|operatives?|narco-?terrorists?|terrorists?|soldiers?|"
    r"cell|gang members?|leaders?|recruits?|miembros?|integrantes?|afiliados?|pertenecientes?|"
    r"narcos?|narcoterroristas?|terroristas?|cabecillas?|líderes?|sicarios?)\s+(?:of|from|de(?:l)?|a(?:l)?)|"
    r"\b(?:belong(?:s|ed|ing)?|pertenec\w+)\s+(?:to|a(?:l)?)|"
    r"\b(?:ties|tied|links?|linked|connections?|connected|affiliated|affiliation|vínculos?|vinculad[oa]s?|"
    r"relación|nexos?)\s+(?:to|with|con|a(?:l)?)|"
    r"\btie\s+(?:people|them|him|her|men|detainees)\s+to|"
    r"\b(?:los|las|lo|la|les)\s+(?:vincul|relacion|asoci)\w+\s+(?:con|a(?:l)?)|"
    r"\b(?:linked|tied|connected)\s+(?:them|him|her|the (?:men|victims|crew))\s+(?:to|with)|"
    r"\b(?:operated|run|manned|controlled)\s+by(?:\s+(?:narco-?terrorists?|members?)\s+of)?)"
    r"\s+(?:the\s+|el\s+|la\s+|los\s+)?$",
    re.IGNORECASE,
)
_MEMBER_AFTER = re.compile(
    r"^\s*(?:gang\s+)?(?:members?|affiliates?|operatives?|associates?)\b", re.IGNORECASE
)
_MARKERS = re.compile(
    r"\b(?:markers? of (?:gang )?affiliation|signs? of (?:gang )?membership|señales? de pertenencia)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|none|nobody|neither|nor|sin|ningún|ninguna|ninguno|ningunos|"
    r"ningunas|nadie|nunca|ni|denied|negó|niega|desmintió|"
    r"rejected|rechazó)\b[^.;:]{0,40}$",
    re.IGNORECASE,
)

_BASIS_CUES: tuple[tuple[AffiliationBasis, str], ...] = (
    (
        AffiliationBasis.COURT_CONVICTION,
        r"convicted|conviction|sentenced|found guilty|condenad[oa]s?|sentenciad[oa]s?|condena",
    ),
    (
        AffiliationBasis.INDICTMENT_OR_CHARGE,
        r"indicted|indictment|charged with|charges|imputad[oa]s?|imputación|acusad[oa]s? formalmente|procesad[oa]s?",
    ),
    (
        AffiliationBasis.POLICE_OR_PROSECUTOR,
        r"(?:according to|as) (?:the )?(?:police|prosecutors)|police (?:said|say|says|investigation)|prosecutors (?:said|say)|según la (?:policía|fiscalía)|investigación (?:policial|de la fiscalía)",
    ),
    (
        AffiliationBasis.SELF_IDENTIFICATION,
        r"admitted (?:to )?being|confessed|self-identified|identified (?:himself|herself|themselves) as|se identificó como|confesó ser|admitió (?:ser|pertenecer)|reconoció (?:ser|pertenecer)",
    ),
    (
        AffiliationBasis.TATTOOS_CLOTHING_SYMBOLS,
        r"tattoos?|tattooed|tatuajes?|tatuad[oa]s?|clothing|jerseys?|camisetas?|ropa|symbols?|símbolos?|hand signs?|gestos|insignias?|Michael Jordan|Jumpman|number 23|número 23|crowns?|coronas?",
    ),
    (
        AffiliationBasis.NATIONALITY_OR_MIGRATION,
        r"(?:because|since|as) (?:they|he|she) (?:are|is|were|was) (?:Venezuelan|migrants?|immigrants?)|(?:based on|because of|due to|por|por su|debido a) (?:their |his |her |su )?(?:nationality|nacionalidad|immigration status|estatus migratorio|condición migratoria)|for being Venezuelan|por ser venezolan[oa]s?",
    ),
)
_BASES = [(basis, re.compile(rf"\b(?:{cues})\b", re.IGNORECASE)) for basis, cues in _BASIS_CUES]
_NO_EVIDENCE = re.compile(
    r"\b(?:without (?:providing |offering |giving |presenting )?(?:any )?evidence|(?:did not|didn't|has not|have not) (?:provide|offer|give|present)(?:d)? (?:any )?evidence|no evidence|"
    r"sin (?:presentar |aportar |ofrecer |mostrar )?(?:ninguna )?prueba|no (?:presentó|aportó|ofreció|mostró) (?:ninguna )?prueba)",
    re.IGNORECASE,
)
_POLICE_ORIGINS = ("police", "prosecutor's office", "US Department of Justice")


@dataclass(frozen=True)
class _Statement:
    group: str
    start: int
    end: int
    sentence: int
    denied: bool


def dominant_group(matches: Sequence[AliasMatch]) -> str | None:
    groups = Counter(m.entry.name for m in matches if m.entry.kind is ActorKind.ARMED_GROUP)
    return groups.most_common(1)[0][0] if groups else None


def _statements(text: str, sentences: Sentences, matches: Sequence[AliasMatch]) -> list[_Statement]:
    fallback = dominant_group(matches)
    refs = [
        (m.start, m.end, m.entry.name) for m in matches if m.entry.kind is ActorKind.ARMED_GROUP
    ]
    if fallback:
        refs += [(g.start(), g.end(), fallback) for g in _GENERIC_GROUP.finditer(text)]
    found: list[_Statement] = []
    for start, end, group in sorted(refs):
        index = sentences.index_of(start)
        s_start, _ = sentences[index]
        before = text[max(s_start, start - 80) : start]
        cue = _MEMBER_BEFORE.search(before)
        if cue is None and not _MEMBER_AFTER.match(text[end : end + 30]):
            continue
        span_start = start - (len(before) - cue.start()) if cue else start
        clause = text[s_start:span_start]
        found.append(_Statement(group, span_start, end, index, bool(_NEGATION.search(clause))))
    # "markers of affiliation" without a named group: the document's dominant group.
    if fallback:
        for marker in _MARKERS.finditer(text):
            index = sentences.index_of(marker.start())
            if not any(s.sentence == index for s in found):
                found.append(_Statement(fallback, marker.start(), marker.end(), index, False))
    return found


def find_affiliations(
    text: str,
    sentences: Sentences,
    aliases: Sequence[AliasMatch],
    origin_of: dict[int, Origin],
    default_origin: Origin,
    rejected: frozenset[int] = frozenset(),
) -> list[tuple[Affiliation, Stance]]:
    """Affiliation statements with their basis; `aliases` are the alias file's matches in
    `text`, `origin_of` maps sentence index to speaker, `rejected` are the sentences whose
    speaker rejects what follows ("Acosta rechazó la versión ... que los vinculó con ...")."""
    results = []
    seen: set[tuple[str, int]] = set()
    for statement in _statements(text, sentences, aliases):
        if (statement.group, statement.sentence) in seen:
            continue
        seen.add((statement.group, statement.sentence))
        scope = [statement.sentence]
        if statement.sentence + 1 < len(sentences):
            scope.append(statement.sentence + 1)
        bases: list[AffiliationBasis] = []
        basis_spans: list[Span] = []
        for index in scope:
            s_start, s_end = sentences[index]
            for basis, pattern in _BASES:
                for match in pattern.finditer(text, s_start, s_end):
                    if basis not in bases:
                        bases.append(basis)
                    basis_spans.append(Span.of(text, match.start(), match.end()))
        origin = origin_of.get(statement.sentence, default_origin)
        if not bases and origin.name in _POLICE_ORIGINS:
            bases.append(AffiliationBasis.POLICE_OR_PROSECUTOR)
        s_start, s_end = sentences[statement.sentence]
        explicit_none = _NO_EVIDENCE.search(text, s_start, s_end)
        if not bases or explicit_none:
            if AffiliationBasis.NO_EVIDENCE_GIVEN not in bases:
                bases.append(AffiliationBasis.NO_EVIDENCE_GIVEN)
            if explicit_none:
                basis_spans.append(Span.of(text, explicit_none.start(), explicit_none.end()))
        weak = all(b in WEAK_BASES for b in bases)
        affiliation = Affiliation(
            group=statement.group,
            span=Span.of(text, statement.start, statement.end),
            bases=tuple(bases),
            basis_spans=tuple(sorted(basis_spans, key=lambda s: s.start)),
            origin=origin,
            weak=weak,
        )
        denied = statement.denied or statement.sentence in rejected
        stance = Stance.DENIES if denied else Stance.ASSERTS
        if stance is Stance.ASSERTS and (origin.kind is OriginKind.MEDIA or origin.name == HEARSAY):
            stance = Stance.REPORTS  # relayed: "dicen en la tele que eran narcos"
        results.append((affiliation, stance))
    return results
