"""Affiliation claims and the basis each rests on; weak bases are flagged."""

from __future__ import annotations

import pytest

from conftest import seed_text
from cotejo.extract.affiliation import find_affiliations
from cotejo.extract.aliases import default_catalogue
from cotejo.extract.attribution import attribute_sentences, publisher_origin
from cotejo.extract.model import AffiliationBasis as B
from cotejo.extract.model import Stance
from cotejo.extract.text_units import split_sentences


def _affiliations(text: str):
    sentences = split_sentences(text)
    origins = {
        k: a.origin for k, a in attribute_sentences(text, sentences, default_catalogue()).items()
    }
    return find_affiliations(
        text, sentences, list(default_catalogue().find(text)), origins, publisher_origin()
    )


@pytest.mark.parametrize(
    ("text", "group", "bases", "weak", "origin"),
    [
        (
            "A DHS official said the 12 detainees were members of Tren de Aragua, citing tattoos of crowns and the number 23.",
            "Tren de Aragua",
            (B.TATTOOS_CLOTHING_SYMBOLS,),
            True,
            "US Department of Homeland Security",
        ),
        (
            "U.S. forces struck a vessel operated by narco-terrorists of Tren de Aragua.",
            "Tren de Aragua",
            (B.NO_EVIDENCE_GIVEN,),
            True,
            "(publisher)",
        ),
        (
            "According to police, the kidnappers were members of Tren de Aragua.",
            "Tren de Aragua",
            (B.POLICE_OR_PROSECUTOR,),
            False,
            "police",
        ),
        (
            "The two men were convicted in 2023 of belonging to MS-13.",
            "MS-13",
            (B.COURT_CONVICTION,),
            False,
            "(publisher)",
        ),
        (
            "Los detenidos fueron imputados por pertenecer al Tren de Aragua, informó la fiscalía.",
            "Tren de Aragua",
            (B.INDICTMENT_OR_CHARGE,),
            False,
            "prosecutor's office",
        ),
        (
            "El ministro dijo que los detenidos eran miembros del Tren de Aragua por su nacionalidad.",
            "Tren de Aragua",
            (B.NATIONALITY_OR_MIGRATION,),
            True,
            "ministro",
        ),
        (
            "The official called them members of TdA without providing evidence.",
            "Tren de Aragua",
            (B.NO_EVIDENCE_GIVEN,),
            True,
            "official",
        ),
    ],
)
def test_basis_and_weakness(text, group, bases, weak, origin) -> None:
    [(affiliation, stance)] = _affiliations(text)
    assert affiliation.group == group
    assert affiliation.bases == bases
    assert affiliation.weak is weak
    assert affiliation.origin.name == origin
    assert stance is Stance.ASSERTS
    assert affiliation.span.text in text


def test_a_denial_of_ties_is_kept_as_a_denial() -> None:
    [(affiliation, stance)] = _affiliations(
        "Las víctimas eran pescadores sin ningún vínculo con el Tren de Aragua."
    )
    assert stance is Stance.DENIES and affiliation.group == "Tren de Aragua"


def test_no_affiliation_statement_gives_nothing() -> None:
    assert _affiliations("Tren de Aragua began in a prison in Aragua state.") == []


def test_seed_tattoo_label_for_the_man_sent_to_guantanamo_is_weak() -> None:
    text = seed_text("003")
    found = [
        a
        for a, _ in _affiliations(text)
        if "Michael Jordan" in " ".join(s.text for s in a.basis_spans)
        or any("tattoo" in s.text.lower() for s in a.basis_spans)
    ]
    assert found, "the tattoo-based attribution in the seed was not found"
    assert all(a.weak and B.TATTOOS_CLOTHING_SYMBOLS in a.bases for a in found)
    assert {a.group for a in found} == {"Tren de Aragua"}


def test_seed_kidnappers_labelled_by_police_are_not_weak() -> None:
    text = seed_text("003")
    police = [a for a, _ in _affiliations(text) if a.origin.name == "police"]
    assert police and all(not a.weak for a in police)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Ninguno de ellos pertenecía al Tren de Aragua ni a ningún grupo delictivo.", "denies"),
        ("Nadie en el peñero pertenecía al Tren de Aragua.", "denies"),
        (
            "El Departamento de Guerra habló de tres muertos y los vinculó con el Tren de Aragua.",
            "asserts",
        ),
    ],
)
def test_who_the_people_are_said_to_belong_to(text: str, stance: str) -> None:
    [(affiliation, found)] = _affiliations(text)
    assert affiliation.group == "Tren de Aragua" and found.value == stance


def test_a_label_in_a_version_the_speaker_rejects_is_denied() -> None:
    text = (
        "Acosta rechazó la versión difundida por el Departamento de Guerra, que habló de tres "
        "muertos y los vinculó con el Tren de Aragua."
    )
    sentences = split_sentences(text)
    attributions = attribute_sentences(text, sentences, default_catalogue())
    rejected = frozenset(k for k, a in attributions.items() if a.stance is Stance.DENIES)
    origins = {k: a.origin for k, a in attributions.items()}
    matches = list(default_catalogue().find(text))
    [(_, kept)] = find_affiliations(text, sentences, matches, origins, publisher_origin())
    [(_, stance)] = find_affiliations(
        text, sentences, matches, origins, publisher_origin(), rejected
    )
    assert (kept, stance) == (Stance.ASSERTS, Stance.DENIES)
