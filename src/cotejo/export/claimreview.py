"""schema.org ClaimReview (JSON-LD): one review per graded claim, that is per reading of an
assessed attribute ("3 people were killed in the strike on vessel at Güiria on
2025-10-14"), written as one JSON array.

The rating is a support scale, not a verdict on truth: `ratingValue` 4 corroborated, 3
single-origin, 2 contested, 1 refuted (README "Exports"); `alternateName` is cotejo's grade
in words ("corroborated + acknowledged"). The claim's authors are its independent origins;
a private person is named by role only (`claims.py`). Appearances are the documents an
origin gave the claim in, with the words it was read from; only http(s) URLs are linked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from cotejo.export.claims import BEST_RATING, WORST_RATING, ClaimOrigin, GradedClaim, speaker
from cotejo.export.records import ExportRecord
from cotejo.export.settings import ExportOptions, web_url
from cotejo.views import SourceDocument

# The schema.org type of an origin of each kind; private persons are a Person, by role.
ORGANISATION_TYPES = {
    "official": "GovernmentOrganization",
    "court": "GovernmentOrganization",
    "ngo": "NGO",
    "media": "NewsMediaOrganization",
    "armed_group": "Organization",
}
FIGURE_VERBS = {
    "killed": "were killed in",
    "injured": "were injured in",
    "missing": "went missing in",
    "survivors": "survived",
    "detained": "were detained in",
    "charged": "were charged over",
}


def _figure(claim: GradedClaim) -> str:
    if claim.low is None:
        return claim.value
    if claim.high is None:
        return f"at least {claim.low}"
    return str(claim.low) if claim.high == claim.low else f"{claim.low} to {claim.high}"


def claim_text(claim: GradedClaim, record: ExportRecord) -> str:
    """The claim as a sentence a reader can check: the value, about this incident."""
    incident = record.incident
    event = f"the {(incident.event_type or 'incident').replace('_', ' ')}"
    at = f" at {incident.place}" if incident.place else ""
    on = f" on {incident.date.isoformat()}" if incident.date else ""
    value = claim.value
    match claim.attribute:
        case "occurrence":
            return f"{event[0].upper()}{event[1:]}{at}{on} took place."
        case "date":
            low, _, high = value.partition("/")
            when = f"between {low} and {high}" if high and high != low else f"on {low}"
            return f"{event[0].upper()}{event[1:]}{at} took place {when}."
        case "place":
            return f"{event[0].upper()}{event[1:]}{on} took place at {value}."
        case "perpetrator":
            return f"{value} carried out {event}{at}{on}."
        case "affiliation":
            return f"Those harmed in {event}{at}{on} were affiliated with {value}."
        case attribute if attribute in FIGURE_VERBS:
            figure = _figure(claim)
            people = "person" if figure == "1" else "people"
            return f"{figure} {people} {FIGURE_VERBS[attribute]} {event}{at}{on}."
        case attribute:
            return f"{attribute.replace('_', ' ').capitalize()} of {event}{at}{on}: {value}."


def person_or_organisation(label: str, kind: str, person: bool) -> dict[str, Any]:
    if person:
        return {"@type": "Person", "name": label, "description": "private people, named by role"}
    return {"@type": ORGANISATION_TYPES.get(kind, "Organization"), "name": label}


def _author(origin: ClaimOrigin) -> dict[str, Any]:
    return person_or_organisation(origin.label, origin.kind, origin.person)


def _appearance(
    document: str, source: SourceDocument | None, excerpts: list[str]
) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "identifier": f"sha256:{document}"}
    if source is not None:
        if url := web_url(source.url):
            work["url"] = url
        if source.title:
            work["headline"] = source.title
        if source.published_at:
            work["datePublished"] = source.published_at.date().isoformat()
        work["inLanguage"] = source.language
        name, person = speaker(source.source.name, source.source.kind)
        work["publisher"] = person_or_organisation(name, source.source.kind, person)
    if excerpts:
        work["text"] = " … ".join(dict.fromkeys(excerpts))
    return work


def review(claim: GradedClaim, record: ExportRecord, options: ExportOptions) -> dict[str, Any]:
    assert record.assessment is not None
    documents = {d.document: d for d in record.incident.sources}
    said: dict[str, list[str]] = {}
    for origin in claim.origins:
        for excerpt in origin.excerpts:
            said.setdefault(excerpt.document, []).append(excerpt.text)
    appearances = [_appearance(d, documents.get(d), said.get(d, [])) for d in claim.documents]
    published = sorted(a["datePublished"] for a in appearances if "datePublished" in a)
    body = claim.explanation
    if claim.grade != claim.machine_grade:
        body += (
            f" A reviewer regraded it from {claim.machine_grade.value} to {claim.grade.value}"
            + (f": {claim.regrade_rationale}" if claim.regrade_rationale else "")
            + "."
        )
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": [_author(o) for o in claim.origins],
        "appearance": appearances,
    }
    if published:
        item["datePublished"] = published[0]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": claim.ident,
        "url": options.incident_url(claim.incident),
        "claimReviewed": claim_text(claim, record),
        "author": {"@type": "Organization", "name": options.publisher, "url": options.public_url},
        "datePublished": record.assessment.reviewed_at.date().isoformat(),
        "inLanguage": "en",
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": claim.rating,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": claim.grade_words,
            "ratingExplanation": claim.rule,
        },
        "reviewBody": body,
        "itemReviewed": item,
    }


def chunks(records: Iterable[ExportRecord], options: ExportOptions) -> Iterator[str]:
    yield "["
    separator = "\n"
    for record in records:
        if record.assessment is None:
            continue
        for claim in record.assessment.claims:
            text = json.dumps(review(claim, record, options), ensure_ascii=False)
            yield separator + text
            separator = ",\n"
    yield "\n]\n"
