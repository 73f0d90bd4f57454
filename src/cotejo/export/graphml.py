"""GraphML of the claims graph: who says what about which incident, in which documents, from
which sources. Written with lxml, one incident at a time; networkx reads it
(`networkx.read_graphml`) as a directed graph.

Nodes carry `type`: incident, claim (a graded reading of an attribute), origin (an
independent origin: one node per organisation across the export, one per private role per
incident), document and source. Edges carry `relation`:

    incident --has_claim--> claim --asserted_by | denied_by--> origin
    origin --stated_in--> document --published_by--> source

A claim's edge to an origin carries the words it was read from (`said`) and whether that
origin is the party said to be responsible for the incident (`responsible`).

A private person is never named in a node (`claims.py`); free text (titles, excerpts,
explanations) is redacted with the export's redactor. Node ids never spell a source's name:
sources are numbered by the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree

from cotejo.export.claims import ClaimOrigin, GradedClaim, speaker
from cotejo.export.records import ExportRecord
from cotejo.export.settings import ExportOptions, web_url

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
# (id, for, GraphML type): every attribute a node or an edge may carry.
KEYS: tuple[tuple[str, str, str], ...] = (
    ("type", "node", "string"),
    ("label", "node", "string"),
    # incidents
    ("url", "node", "string"),
    ("event_type", "node", "string"),
    ("date", "node", "string"),
    ("place", "node", "string"),
    ("country", "node", "string"),
    ("latitude", "node", "double"),
    ("longitude", "node", "double"),
    ("headline", "node", "string"),
    ("rules_version", "node", "string"),
    # claims
    ("attribute", "node", "string"),
    ("value", "node", "string"),
    ("grade", "node", "string"),
    ("machine_grade", "node", "string"),
    ("rating", "node", "int"),
    ("acknowledged", "node", "boolean"),
    ("weak_basis", "node", "boolean"),
    ("leading", "node", "boolean"),
    ("explanation", "node", "string"),
    # origins and sources
    ("kind", "node", "string"),
    ("person", "node", "boolean"),
    # documents
    ("title", "node", "string"),
    ("language", "node", "string"),
    ("published_at", "node", "string"),
    ("near_duplicate_group", "node", "int"),
    ("excerpt", "node", "string"),
    # edges
    ("relation", "edge", "string"),
    ("said", "edge", "string"),
    ("responsible", "edge", "boolean"),
)
_TYPES = {key: kind for key, _, kind in KEYS}
# Characters XML 1.0 cannot hold; a source's text may carry them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("\ufffd", str(value))


def _element(tag: str, attributes: dict[str, str], data: dict[str, Any]) -> str:
    element = etree.Element(tag, {k: _text(v) for k, v in attributes.items()})
    for key, value in data.items():
        if value is None or value == "":
            continue
        assert key in _TYPES, key
        etree.SubElement(element, "data", key=key).text = _text(value)
    return etree.tostring(element, encoding="unicode") + "\n"


def _header() -> str:
    root = etree.Element(
        "graphml",
        nsmap={None: NAMESPACE, "xsi": "http://www.w3.org/2001/XMLSchema-instance"},
    )
    root.set("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation", f"{NAMESPACE} {SCHEMA}")
    for key, domain, kind in KEYS:
        etree.SubElement(
            root, f"{{{NAMESPACE}}}key", id=key, attrib={"for": domain, "attr.name": key}
        ).set("attr.type", kind)
    opening = etree.tostring(root, encoding="unicode").removesuffix("</graphml>")
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        + opening.replace("><", ">\n<")
        + '\n<graph id="cotejo" edgedefault="directed">\n'
    )


class _Graph:
    """Nodes and edges written once each, whichever incident reaches them first."""

    def __init__(self) -> None:
        self.nodes: set[str] = set()
        self.edges: set[tuple[str, str]] = set()

    def node(self, node: str, data: dict[str, Any]) -> str:
        if node in self.nodes:
            return ""
        self.nodes.add(node)
        return _element("node", {"id": node}, data)

    def edge(self, source: str, target: str, relation: str, **data: Any) -> str:
        if (source, target) in self.edges:
            return ""
        self.edges.add((source, target))
        return _element(
            "edge", {"source": source, "target": target}, {"relation": relation, **data}
        )


def _origin_id(origin: ClaimOrigin) -> str:
    return f"origin:{origin.key}"


def _claim_id(claim: GradedClaim) -> str:
    return f"claim:{claim.ident}"


def incident_graph(record: ExportRecord, options: ExportOptions, graph: _Graph) -> str:
    incident = record.incident
    assessment = record.assessment
    node = f"incident:{incident.key}"
    what = (incident.event_type or "incident").replace("_", " ")
    parts = [
        graph.node(
            node,
            {
                "type": "incident",
                "label": " ".join(
                    p
                    for p in (
                        what,
                        f"at {incident.place}" if incident.place else "",
                        f"on {incident.date}" if incident.date else "",
                    )
                    if p
                ),
                "url": options.incident_url(incident.key),
                "event_type": incident.event_type,
                "date": incident.date.isoformat() if incident.date else None,
                "place": incident.place,
                "country": incident.country,
                "latitude": incident.latitude,
                "longitude": incident.longitude,
                "headline": incident.grade,  # after reviewers' regrades, as the list shows
                "acknowledged": incident.acknowledged,
                "rules_version": assessment.rules_version if assessment else None,
            },
        )
    ]
    excerpts = {e.document: e.text for e in record.excerpts}
    for doc in incident.sources:
        source = f"source:{record.source_ids.get(doc.document, doc.source.name)}"
        name, person = speaker(doc.source.name, doc.source.kind)
        parts.append(
            graph.node(
                f"document:{doc.document}",
                {
                    "type": "document",
                    "label": doc.title or doc.document[:12],
                    "title": doc.title,
                    "url": web_url(doc.url),
                    "language": doc.language,
                    "published_at": doc.published_at.isoformat() if doc.published_at else None,
                    "near_duplicate_group": doc.near_duplicate_group,
                    "excerpt": excerpts.get(doc.document),
                },
            )
        )
        parts.append(
            graph.node(
                source,
                {
                    "type": "source",
                    "label": name,
                    "kind": doc.source.kind,
                    "person": person,
                    "country": doc.source.country,
                },
            )
        )
        parts.append(graph.edge(f"document:{doc.document}", source, "published_by"))
    documents = {d.document for d in incident.sources}
    for claim in assessment.claims if assessment else ():
        parts.append(
            graph.node(
                _claim_id(claim),
                {
                    "type": "claim",
                    "label": f"{claim.attribute} = {claim.value}",
                    "attribute": claim.attribute,
                    "value": claim.value,
                    "grade": claim.grade.value,
                    "machine_grade": claim.machine_grade.value,
                    "rating": claim.rating,
                    "acknowledged": claim.acknowledged,
                    "weak_basis": claim.weak_basis,
                    "leading": claim.leading,
                    "explanation": claim.explanation,
                },
            )
        )
        parts.append(graph.edge(node, _claim_id(claim), "has_claim"))
        for relation, origins in (("asserted_by", claim.origins), ("denied_by", claim.denied_by)):
            for origin in origins:
                parts.append(
                    graph.node(
                        _origin_id(origin),
                        {
                            "type": "origin",
                            "label": origin.label,
                            "kind": origin.kind,
                            "person": origin.person,
                        },
                    )
                )
                said = " … ".join(dict.fromkeys(e.text for e in origin.excerpts if e.text))
                parts.append(
                    graph.edge(
                        _claim_id(claim),
                        _origin_id(origin),
                        relation,
                        said=said,
                        responsible=origin.responsible,
                    )
                )
                for document in origin.documents:
                    if document in documents:
                        parts.append(
                            graph.edge(_origin_id(origin), f"document:{document}", "stated_in")
                        )
    return "".join(parts)


def chunks(records: Iterable[ExportRecord], options: ExportOptions) -> Iterator[str]:
    graph = _Graph()
    yield _header()
    for record in records:
        yield incident_graph(record, options, graph)
    yield "</graph>\n</graphml>\n"
