"""Grade every attribute of one incident: `assess_incident(evidence, rules) -> IncidentAssessment`.

Steps: each claim gets a voice (`origins.py`); echoes of the party said to be responsible are
traced back to it; values that agree form one reading (`values.py`); the origins behind a
reading are the connected groups of its voices; grades follow the rules file. Pure: the same
evidence and rules give the same assessment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from cotejo.assess import explain
from cotejo.assess.model import (
    FIGURE_ATTRIBUTES,
    GRADED_ATTRIBUTES,
    AttributeAssessment,
    ClaimSpan,
    EvidenceClaim,
    FigureComparison,
    FigureRange,
    Grade,
    IncidentAssessment,
    IncidentEvidence,
    Origin,
    Reading,
)
from cotejo.assess.origins import Components, Voice, VoiceBook, normalise
from cotejo.assess.rules import Rules
from cotejo.assess.values import agree, display, figure_range, value_key
from cotejo.extract.aliases import Catalogue, default_catalogue

RESPONSIBLE_ROLES = ("acting_force", "alleged_perpetrator")


@dataclass
class _Claims:
    """The incident's claims with the voice each is counted under (after echoes)."""

    items: list[EvidenceClaim]
    voices: list[Voice]
    echo: list[bool]
    responsible: list[Voice]

    def is_responsible(self, voice: Voice) -> bool:
        return any(voice.shares_with(r) for r in self.responsible)


def _in_family(event_type: str | None, evidence: IncidentEvidence, rules: Rules) -> bool:
    family = rules.family_of(evidence.event_type)
    return family is None or rules.family_of(event_type) == family


def _responsible(evidence: IncidentEvidence, book: VoiceBook, rules: Rules) -> list[Voice]:
    def in_family(event_type: str | None) -> bool:
        return _in_family(event_type, evidence, rules)

    found: dict[str, Voice] = {}
    for claim in evidence.claims:
        if (
            claim.attribute == "perpetrator"
            and claim.stance != "denies"
            and in_family(claim.event_type)
        ):
            voice = book.of_name(claim.value)
            found.setdefault(voice.key, voice)
    for actor in evidence.actors:
        if actor.role in RESPONSIBLE_ROLES and in_family(actor.event_type):
            voice = book.of_name(actor.name)
            found.setdefault(voice.key, voice)
    return [found[k] for k in sorted(found)]


def _echo_weak_affiliations(claims: _Claims) -> None:
    """An unattributed or relayed ("they say on TV that...") weak-basis label repeats the
    responsible party's, if it gives it."""
    for i, claim in enumerate(claims.items):
        if (
            claim.attribute != "affiliation"
            or (claim.origin_kind != "publisher" and claim.stance != "reports")
            or claim.stance == "denies"
            or claim.weak is False
            or claims.is_responsible(claims.voices[i])
        ):
            continue
        for j, other in enumerate(claims.items):
            if (
                other.attribute == "affiliation"
                and other.stance != "denies"
                and not claims.echo[j]
                and normalise(other.value) == normalise(claim.value)
                and claims.is_responsible(claims.voices[j])
            ):
                claims.voices[i], claims.echo[i] = claims.voices[j], True
                break


def _echo_disputed_figures(
    claims: _Claims, evidence: IncidentEvidence, book: VoiceBook, rules: Rules
) -> None:
    """One voice giving two different figures in one document is reporting a dispute: the
    figure the responsible party gives is that party's, where the document names it."""
    named: set[str] = set()
    for actor in evidence.actors:
        if claims.is_responsible(book.of_name(actor.name)):
            named.add(actor.document)
    for i, claim in enumerate(claims.items):
        if claims.is_responsible(claims.voices[i]):
            named.add(claim.span.document)
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, claim in enumerate(claims.items):
        if claim.attribute in FIGURE_ATTRIBUTES and claim.stance != "denies":
            groups[(claim.span.document, claim.attribute, claims.voices[i].key)].append(i)
    for (document, attribute, _), members in sorted(groups.items()):
        if document not in named or claims.is_responsible(claims.voices[members[0]]):
            continue
        items = claims.items
        if all(agree(attribute, items[a], items[b], rules, book) for a in members for b in members):
            continue
        theirs = [
            j
            for j, other in enumerate(items)
            if other.attribute == attribute
            and other.stance != "denies"
            and not claims.echo[j]
            and claims.is_responsible(claims.voices[j])
        ]
        for i in members:
            match = next(
                (j for j in theirs if agree(attribute, items[i], items[j], rules, book)), None
            )
            if match is not None:
                claims.voices[i], claims.echo[i] = claims.voices[match], True


# -- origins -------------------------------------------------------------------------------------


@dataclass
class _Group:
    """Claims counted as one origin, with the voices they came under."""

    members: list[int]
    voices: list[Voice]

    def independent_of(self, other: _Group) -> bool:
        return not any(a.shares_with(b) for a in self.voices for b in other.voices)


def _groups(indices: Sequence[int], claims: _Claims, rules: Rules) -> list[_Group]:
    reprints = rules.independence.near_duplicates_are_one_origin
    components = Components(
        ((i, claims.voices[i], claims.items[i].near_duplicate_group) for i in indices), reprints
    )
    found = []
    for members in components.groups():
        voices: dict[str, Voice] = {}
        for i in members:
            voices.setdefault(claims.voices[i].key, claims.voices[i])
        found.append(_Group(members, list(voices.values())))
    return found


def _origin(group: _Group, claims: _Claims) -> Origin:
    def rank(voice: Voice) -> tuple[int, int, str]:
        named = not voice.key.startswith(("reprint:", "witness:"))
        return (0 if claims.is_responsible(voice) else 1, 0 if named else 1, voice.key)

    lead = min(group.voices, key=rank)
    items = [claims.items[i] for i in group.members]
    spans: dict[tuple[str, int, int, str], ClaimSpan] = {}
    for item in items:
        spans.setdefault(
            (item.span.document, item.span.start, item.span.end, item.span.field), item.span
        )
    return Origin(
        label=lead.label,
        kind=lead.kind,
        documents=tuple(dict.fromkeys(item.span.document for item in items)),
        outlets=tuple(dict.fromkeys(item.source.name for item in items)),
        spans=tuple(spans.values()),
        claims=tuple(item.claim_id for item in items if item.claim_id is not None),
        voices=tuple(v.label for v in group.voices),
        responsible=any(claims.is_responsible(v) for v in group.voices),
        echoes=sum(1 for i in group.members if claims.echo[i]),
    )


def _count_independent(groups: Sequence[_Group], of: Sequence[_Group]) -> int:
    return sum(1 for g in groups if all(g.independent_of(o) for o in of))


# -- readings and grades -------------------------------------------------------------------------


@dataclass
class _Reading:
    value: str
    values: list[str]
    support: list[_Group]
    denials: list[_Group]
    supporting: list[int]


def _readings(
    attribute: str, indices: Sequence[int], claims: _Claims, rules: Rules, book: VoiceBook
) -> list[_Reading]:
    items = claims.items
    by_key: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        by_key[value_key(attribute, items[i], book)].append(i)

    def strength(key: str) -> tuple[int, int, int, str]:
        asserting = [i for i in by_key[key] if items[i].stance != "denies"]
        return (
            -len({claims.voices[i].key for i in asserting}),
            -len(asserting),
            -len(by_key[key]),
            key,
        )

    clusters: list[list[str]] = []
    for key in sorted(by_key, key=strength):
        here = items[by_key[key][0]]
        for cluster in clusters:
            if agree(attribute, items[by_key[cluster[0]][0]], here, rules, book):
                cluster.append(key)
                break
        else:
            clusters.append([key])
    found = []
    for cluster in clusters:
        members = [i for key in cluster for i in by_key[key]]
        supporting = [i for i in members if items[i].stance != "denies"]
        denying = [i for i in members if items[i].stance == "denies"]
        anchor = items[by_key[cluster[0]][0]]
        shown = display(attribute, anchor.value)
        if attribute == "occurrence":
            kinds = sorted(
                {items[i].value.replace("_", " ") for i in supporting if not items[i].implicit}
            )
            shown = f"it happened ({', '.join(kinds)})" if kinds else "it happened"
        found.append(
            _Reading(
                value=shown,
                values=sorted({items[i].value for i in members}),
                support=_groups(supporting, claims, rules),
                denials=_groups(denying, claims, rules),
                supporting=supporting,
            )
        )
    return found


def _grade_reading(
    attribute: str, reading: _Reading, others: Sequence[_Reading], claims: _Claims, rules: Rules
) -> Reading:
    support = [_origin(g, claims) for g in reading.support]
    denied_by = [_origin(g, claims) for g in reading.denials]
    refuting = set(rules.refutation.origin_kinds)
    n = len(reading.support)
    disagreeing = [g for other in others for g in other.support] + reading.denials
    against = _count_independent(disagreeing, reading.support) if reading.support else 0
    grade: Grade | None
    if any(o.kind in refuting for o in denied_by) and not any(o.kind in refuting for o in support):
        grade, rule, because = (
            Grade.REFUTED,
            "refuted",
            explain.rule_text("refuted", kinds=", ".join(sorted(refuting))),
        )
    elif n == 0:
        grade, rule, because = None, "denied-only", explain.rule_text("denied-only")
    elif n >= rules.corroboration.min_independent_origins:
        if against >= rules.contest.min_disagreeing_origins:
            grade, rule = Grade.CONTESTED, "contested-support"
        else:
            grade, rule = Grade.CORROBORATED, "corroborated"
        because = explain.rule_text(rule, n=n)
    else:
        grade, rule, because = (
            Grade.SINGLE_ORIGIN,
            "single-origin",
            explain.rule_text("single-origin"),
        )
    items = [claims.items[i] for i in reading.supporting]
    ranges = (
        [r for r in (figure_range(c) for c in items) if r is not None]
        if attribute in FIGURE_ATTRIBUTES
        else []
    )
    bases = tuple(sorted({b for c in items for b in c.bases}))
    weak = attribute == "affiliation" and bool(items) and all(c.weak is not False for c in items)
    draft = Reading(
        value=reading.value,
        values=tuple(reading.values),
        grade=grade,
        acknowledged=any(o.responsible for o in support),
        support=tuple(support),
        denied_by=tuple(denied_by),
        low=min(r[0] for r in ranges) if ranges else None,
        high=None if not ranges or any(r[1] is None for r in ranges) else max(r[1] for r in ranges),  # type: ignore[type-var]
        bases=bases,
        weak_basis=weak,
        rule=because,
        explanation="",
    )
    return draft.model_copy(
        update={
            "explanation": explain.reading_explanation(
                attribute, draft, rule, rules.explanations.spans_per_origin
            )
        }
    )


def _grade_attribute(
    attribute: str, indices: Sequence[int], claims: _Claims, rules: Rules, book: VoiceBook
) -> tuple[AttributeAssessment, list[_Reading]]:
    spans = rules.explanations.spans_per_origin
    if not indices:
        because = explain.rule_text("not-stated")
        return AttributeAssessment(
            attribute=attribute,
            grade=None,
            rule="not-stated",
            explanation=explain.attribute_explanation(
                attribute, None, False, "not-stated", because, (), spans
            ),
        ), []
    drafts = _readings(attribute, indices, claims, rules, book)
    graded = [
        _grade_reading(attribute, d, [o for o in drafts if o is not d], claims, rules)
        for d in drafts
    ]
    order = sorted(
        range(len(drafts)),
        key=lambda k: (
            graded[k].grade is None,
            graded[k].grade is Grade.REFUTED,
            -len(drafts[k].support),
            -sum(len(o.documents) for o in graded[k].support),
            graded[k].value,
        ),
    )
    drafts = [drafts[k] for k in order]
    graded = [graded[k] for k in order]
    lead, lead_reading = drafts[0], graded[0]
    competing = [g for d in drafts[1:] for g in d.support]
    against_values = _count_independent(competing, lead.support)
    against_denial = _count_independent(lead.denials, lead.support)
    needed = rules.contest.min_disagreeing_origins
    grade: Grade | None = lead_reading.grade
    if grade is None:
        rule = "denied-only"
    elif grade is Grade.REFUTED:
        rule = "refuted"
    elif against_values >= needed:
        grade, rule = Grade.CONTESTED, "contested-values"
    elif rules.contest.denial_contests and against_denial >= needed:
        grade, rule = Grade.CONTESTED, "contested-denial"
    else:
        rule = "corroborated" if grade is Grade.CORROBORATED else str(grade.value)
        if grade is Grade.CONTESTED:
            rule = "contested-support"
    refuting = ", ".join(sorted(rules.refutation.origin_kinds))
    because = explain.rule_text(rule, n=len(lead.support), kinds=refuting)
    acknowledged = any(r.acknowledged for r in graded if r.grade is not None)
    return AttributeAssessment(
        attribute=attribute,
        grade=grade,
        acknowledged=acknowledged,
        value=lead_reading.value if lead.support else None,
        readings=tuple(graded),
        rule=rule,
        explanation=explain.attribute_explanation(
            attribute, grade, acknowledged, rule, because, graded, spans
        ),
    ), drafts


def _figure_range(
    items: Sequence[EvidenceClaim], labels: Callable[[EvidenceClaim], str]
) -> FigureRange | None:
    ranges = [(r, c) for c in items if (r := figure_range(c)) is not None]
    if not ranges:
        return None
    open_ended = any(r[1] is None for r, _ in ranges)
    return FigureRange(
        low=min(r[0] for r, _ in ranges),
        high=None if open_ended else max(r[1] for r, _ in ranges),  # type: ignore[type-var]
        origins=tuple(sorted({labels(c) for _, c in ranges})),
    )


def _figures(
    attribute: str, drafts: Sequence[_Reading], claims: _Claims
) -> FigureComparison | None:
    """The responsible party's figures beside the others': an origin is the party's when any
    voice in it is (a reprint of the party's statement is the party's)."""
    acting: list[EvidenceClaim] = []
    rest: list[EvidenceClaim] = []
    label: dict[int, str] = {}
    for draft in drafts:
        for group in draft.support:
            origin = _origin(group, claims)
            for i in group.members:
                label[id(claims.items[i])] = origin.label
                (acting if origin.responsible else rest).append(claims.items[i])
    if not acting and not rest:
        return None
    return FigureComparison(
        attribute=attribute,
        acting_party=_figure_range(acting, lambda c: label[id(c)]),
        independent=_figure_range(rest, lambda c: label[id(c)]),
    )


def weakest_headline(grades: Mapping[str, Grade | None], rules: Rules) -> Grade | None:
    """The headline grade: the weakest grade among the rules' headline attributes."""
    order = list(rules.headline.weakest_first)
    present = [
        grade
        for name, grade in grades.items()
        if name in rules.headline.attributes and grade is not None
    ]
    return min(present, key=lambda g: order.index(g.value)) if present else None


def _headline(
    attributes: Sequence[AttributeAssessment], rules: Rules
) -> tuple[Grade | None, bool, str]:
    parts = [
        a for a in attributes if a.attribute in rules.headline.attributes and a.grade is not None
    ]
    occurrence = next((a for a in attributes if a.attribute == "occurrence"), None)
    acknowledged = bool(occurrence and occurrence.acknowledged)
    if not parts:
        return (
            None,
            acknowledged,
            "headline: not graded — no source states when, where or that it happened.",
        )
    weakest = weakest_headline({a.attribute: a.grade for a in parts}, rules)
    listed = ", ".join(f"{a.attribute} {a.grade.value}" for a in parts)  # type: ignore[union-attr]
    words = explain.grade_words(weakest, acknowledged)
    text = (
        f"headline: {words} — rule headline-weakest: the weakest grade among "
        f"{', '.join(rules.headline.attributes)} ({listed})."
    )
    return weakest, acknowledged, text


def assess_incident(
    evidence: IncidentEvidence, rules: Rules, catalogue: Catalogue | None = None
) -> IncidentAssessment:
    book = VoiceBook(evidence.sources, rules, catalogue or default_catalogue())
    items = list(evidence.claims)
    claims = _Claims(
        items=items,
        voices=[book.of_claim(c) for c in items],
        echo=[False] * len(items),
        responsible=_responsible(evidence, book, rules),
    )
    if rules.echoes.unattributed_weak_affiliation_echoes_acting_party:
        _echo_weak_affiliations(claims)
    if rules.echoes.disputed_figure_echoes_acting_party:
        _echo_disputed_figures(claims, evidence, book, rules)
    present = {c.attribute for c in items}
    names = list(GRADED_ATTRIBUTES) + sorted(present - set(GRADED_ATTRIBUTES))
    attributes = []
    figures = []
    for name in names:
        indices = [i for i, c in enumerate(items) if c.attribute == name]
        if name == "perpetrator":
            # Who did it is read from reports of this kind of event: the police who arrested
            # the kidnappers are not the kidnappers.
            indices = [i for i in indices if _in_family(items[i].event_type, evidence, rules)]
        graded, drafts = _grade_attribute(name, indices, claims, rules, book)
        attributes.append(graded)
        if name in FIGURE_ATTRIBUTES and (compared := _figures(name, drafts, claims)):
            figures.append(compared)
    headline, acknowledged, text = _headline(attributes, rules)
    return IncidentAssessment(
        incident=evidence.incident,
        rules_version=rules.version,
        headline=headline,
        acknowledged=acknowledged,
        headline_explanation=text,
        responsible=tuple(v.label for v in claims.responsible),
        attributes=tuple(attributes),
        figures=tuple(figures),
    )
