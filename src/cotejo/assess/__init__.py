"""Assessment: trace every claim of an incident to its independent origins and grade each
attribute (corroborated, single-origin, contested, refuted, plus the acknowledged flag), with
a plain-language explanation naming the rule, origins, documents and spans.

    from cotejo.assess import assess_incident, load_rules
    assessment = assess_incident(evidence, load_rules())

Pure: it never reads or writes the store; `cotejo.runner.assess` gathers the evidence and
persists the result.
"""

from cotejo.assess.grade import assess_incident
from cotejo.assess.model import Grade, IncidentAssessment, IncidentEvidence
from cotejo.assess.rules import Rules, load_rules, parse_rules

__all__ = [
    "Grade",
    "IncidentAssessment",
    "IncidentEvidence",
    "Rules",
    "assess_incident",
    "load_rules",
    "parse_rules",
]
