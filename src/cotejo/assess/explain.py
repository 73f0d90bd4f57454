"""Plain-language explanations: the rule that fired, and the origins, documents and character
spans behind each value. Pure string building; the grades are decided in `grade.py`."""

from __future__ import annotations

from collections.abc import Sequence

from cotejo.assess.model import ClaimSpan, Grade, Origin, Reading

RULES = {
    "not-stated": "no source states it",
    "corroborated": (
        "{n} independent origins give this value and none independent of them disagrees"
    ),
    "single-origin": "every report of this value traces back to one origin",
    "contested-support": (
        "{n} independent origins give this value, but independent origins disagree"
    ),
    "contested-values": "independent origins give different values",
    "contested-denial": "an origin independent of those behind the value denies it",
    "refuted": "an origin of a kind that outweighs statements ({kinds}) denies it",
    "denied-only": "only denials: nobody asserts this value",
}

BASIS_WORDS = {
    "court_conviction": "court conviction",
    "indictment_or_charge": "indictment or charge",
    "police_or_prosecutor_statement": "police or prosecutor statement",
    "self_identification": "self-identification",
    "tattoos_clothing_or_symbols": "tattoos, clothing or symbols",
    "nationality_or_migration_status": "nationality or migration status",
    "assertion_without_evidence": "assertion without evidence",
}


def rule_text(rule: str, **values: object) -> str:
    return RULES[rule].format(**values) if values else RULES[rule]


def grade_words(grade: Grade | str | None, acknowledged: bool) -> str:
    """ "contested", "corroborated + acknowledged", or "not stated" (a Grade or its value)."""
    if grade is None:
        return "not stated"
    value = grade.value if isinstance(grade, Grade) else grade
    return f"{value} + acknowledged" if acknowledged else value


def span_words(span: ClaimSpan) -> str:
    where = "title chars" if span.field == "title" else "chars"
    return f"doc {span.document[:8]}…, {where} {span.start}–{span.end}"


def origin_words(origin: Origin, spans_per_origin: int) -> str:
    details = [origin.kind]
    if origin.responsible:
        details.append("the party said to be responsible")
    if len(origin.documents) > 1:
        outlets = len(origin.outlets)
        details.append(
            f"via {len(origin.documents)} documents from {outlets} outlet"
            f"{'s' if outlets != 1 else ''}, one origin"
        )
    if origin.echoes:
        details.append(f"{origin.echoes} unattributed repetition(s) counted as its echo")
    shown = [span_words(s) for s in origin.spans[:spans_per_origin]]
    if len(origin.spans) > spans_per_origin:
        shown.append(f"+{len(origin.spans) - spans_per_origin} more")
    return f"{origin.label} ({'; '.join(details)}; {', '.join(shown)})"


def reading_words(reading: Reading, spans_per_origin: int) -> str:
    parts = []
    if reading.support:
        who = "; ".join(origin_words(o, spans_per_origin) for o in reading.support)
        parts.append(f"{reading.value} [{grade_words(reading.grade, reading.acknowledged)}]: {who}")
    if reading.denied_by:
        who = "; ".join(origin_words(o, spans_per_origin) for o in reading.denied_by)
        parts.append(f"denied{'' if reading.support else ' ' + reading.value}: {who}")
    if reading.bases:
        basis = ", ".join(BASIS_WORDS.get(b, b) for b in reading.bases)
        flag = "WEAK BASIS — " if reading.weak_basis else ""
        parts.append(f"{flag}basis given: {basis}")
    return "; ".join(parts)


def reading_explanation(attribute: str, reading: Reading, rule: str, spans_per_origin: int) -> str:
    return (
        f"{attribute} = {reading.value}: {grade_words(reading.grade, reading.acknowledged)} — "
        + (f"rule {rule}: {reading.rule}. {reading_words(reading, spans_per_origin)}")
    )


def attribute_explanation(
    attribute: str,
    grade: Grade | None,
    acknowledged: bool,
    rule: str,
    because: str,
    readings: Sequence[Reading],
    spans_per_origin: int,
) -> str:
    head = f"{attribute}: {grade_words(grade, acknowledged)} — rule {rule}: {because}."
    body = " | ".join(reading_words(r, spans_per_origin) for r in readings)
    return f"{head} {body}" if body else head
