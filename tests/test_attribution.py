"""Who says so: origins, channels and stances of statements, in English and Spanish."""

from __future__ import annotations

import pytest

from cotejo.extract.aliases import default_catalogue
from cotejo.extract.attribution import attribute_sentences
from cotejo.extract.model import OriginKind, Stance
from cotejo.extract.nlp import pipeline
from cotejo.extract.text_units import split_sentences


def _attribution(text: str, language: str):
    nlp = pipeline(language)
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        doc = nlp(text)
    found = attribute_sentences(text, split_sentences(text), default_catalogue(), doc)
    assert list(found) == [0], found
    return found[0]


@pytest.mark.parametrize(
    ("language", "text", "name", "kind", "stance", "via"),
    [
        (
            "en",
            "Three people were killed, according to the Pentagon.",
            "US Department of War",
            OriginKind.OFFICIAL,
            Stance.ASSERTS,
            None,
        ),
        (
            "en",
            "Hegseth said in a post on X that the vessel carried drugs.",
            "US Secretary of War",
            OriginKind.OFFICIAL,
            Stance.ASSERTS,
            "in a post on X",
        ),
        (
            "en",
            "A man was killed in what police say was a gang-related shooting.",
            "police",
            OriginKind.OFFICIAL,
            Stance.ASSERTS,
            None,
        ),
        (
            "en",
            "Police say one man died at the scene.",
            "police",
            OriginKind.OFFICIAL,
            Stance.ASSERTS,
            None,
        ),
        (
            "es",
            "Según el Comando Sur, cinco personas murieron.",
            "US Southern Command",
            OriginKind.OFFICIAL,
            Stance.ASSERTS,
            None,
        ),
        (
            "es",
            "Cuatro personas fueron detenidas, informó la fiscalía.",
            "prosecutor's office",
            OriginKind.OFFICIAL,
            Stance.ASSERTS,
            None,
        ),
        (
            "es",
            "«Eran pescadores», dijo un pescador de Güiria.",
            "pescador",
            OriginKind.WITNESS,
            Stance.ASSERTS,
            None,
        ),
        (
            "es",
            "La Policía Nacional del Perú informó que dos hombres fueron detenidos.",
            "Policía Nacional del Perú",
            OriginKind.OFFICIAL,
            Stance.ASSERTS,
            None,
        ),
        (
            "en",
            "The defence ministry denied that any civilians were killed.",
            "defence ministry",
            OriginKind.OFFICIAL,
            Stance.DENIES,
            None,
        ),
        (
            "es",
            "El gobierno venezolano desmintió la cifra de tres fallecidos.",
            "Venezuelan government",
            OriginKind.OFFICIAL,
            Stance.DENIES,
            None,
        ),
        (
            "en",
            "The newspaper reported that two boats were hit, citing Reuters.",
            "Reuters",
            OriginKind.MEDIA,
            Stance.REPORTS,
            None,
        ),
        (
            "es",
            "El Departamento de Guerra informó en un comunicado que murieron tres.",
            "US Department of War",
            OriginKind.OFFICIAL,
            Stance.ASSERTS,
            "en un comunicado",
        ),
    ],
)
def test_origin_kind_stance_and_channel(language, text, name, kind, stance, via) -> None:
    found = _attribution(text, language)
    assert (found.origin.name, found.origin.kind, found.stance, found.origin.via) == (
        name,
        kind,
        stance,
        via,
    )
    assert found.origin.span is not None and found.origin.span.text in text


def test_a_named_private_person_is_recorded_by_role_never_by_name() -> None:
    found = _attribution('"They took the place over," said Carlos, a former resident.', "en")
    assert "Carlos" not in found.origin.name
    assert found.origin.kind is OriginKind.WITNESS


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Ahora dicen en la tele que eran tres narcos del Tren de Aragua."),
        ("es", "Ayer dijeron que los detenidos eran del Tren de Aragua."),
    ],
)
def test_a_verb_of_saying_with_no_one_named_is_hearsay_relayed(language: str, text: str) -> None:
    from cotejo.extract.attribution import HEARSAY

    found = _attribution(text, language)
    assert found.origin.name == HEARSAY  # not "Ahora", read as a person before
    assert (found.origin.kind, found.stance) == (OriginKind.UNKNOWN, Stance.REPORTS)


def test_a_named_public_official_may_be_an_origin() -> None:
    found = _attribution("Police Chief Todd Chamberlain said the team met daily.", "en")
    assert found.origin.name == "Police Chief Todd Chamberlain"
    assert found.origin.kind is OriginKind.OFFICIAL


def test_a_pronoun_continues_the_previous_speaker() -> None:
    text = "The Pentagon said three were killed. It said the boat carried drugs."
    found = attribute_sentences(text, split_sentences(text), default_catalogue())
    assert [found[i].origin.name for i in (0, 1)] == ["US Department of War"] * 2


def test_unattributed_sentences_have_no_attribution() -> None:
    text = "The strike killed three people. The boat sank."
    assert attribute_sentences(text, split_sentences(text), default_catalogue()) == {}


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("TdA", "Tren de Aragua"),
        ("Tren de Aragua", "Tren de Aragua"),
        ("the Venezuelan gang", "Tren de Aragua"),
        ("Comando Sur", "US Southern Command"),
        ("SOUTHCOM", "US Southern Command"),
        ("el Pentágono", "US Department of War"),
    ],
)
def test_aliases_normalise_to_one_name(surface: str, canonical: str) -> None:
    entry = default_catalogue().lookup(surface)
    assert entry is not None and entry.name == canonical


def test_acronyms_match_case_exactly() -> None:
    text = "ICE agents arrived; the ice on the road was thin."
    assert [text[m.start : m.end] for m in default_catalogue().find(text)] == ["ICE"]


def test_an_extra_alias_file_adds_entries(tmp_path) -> None:
    from cotejo.extract.aliases import DEFAULT_FILE, Catalogue

    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[actor]]\nname = "Asociación de Pescadores de Güiria"\nkind = "organisation"\norigin = "ngo"\naliases = ["APAG"]\n'
    )
    catalogue = Catalogue.from_files([DEFAULT_FILE, extra])
    assert catalogue.lookup("APAG").name == "Asociación de Pescadores de Güiria"
    assert catalogue.lookup("TdA").name == "Tren de Aragua"


def test_a_broken_alias_file_names_the_file_and_entry(tmp_path) -> None:
    from cotejo.errors import ConfigError
    from cotejo.extract.aliases import Catalogue

    bad = tmp_path / "bad.toml"
    bad.write_text('[[actor]]\nname = "X"\nkind = "wizard"\n')
    with pytest.raises(ConfigError, match=r"bad\.toml: \[\[actor\]\] #1"):
        Catalogue.from_files([bad])


def test_a_witness_is_named_by_role_even_when_ner_calls_the_name_an_organisation() -> None:
    from spacy.tokens import Span as SpacySpan

    text = "Tietsort's mother said the shots came from the street."
    nlp = pipeline("en")
    doc = nlp.make_doc(text)
    doc.ents = [SpacySpan(doc, 0, 1, label="ORG")]  # the small model's mistake, made on purpose
    found = attribute_sentences(text, split_sentences(text), default_catalogue(), doc)
    assert (found[0].origin.name, found[0].origin.kind) == ("mother", OriginKind.WITNESS)


@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        ("Patton said the car sped off.", (0, 1), "a named individual (name not recorded)"),
        (
            "Briar Newsome told reporters she heard shots.",
            (0, 2),
            "a named individual (name not recorded)",
        ),
        ("The Post Register reported two arrests.", (1, 3), "Post Register"),
        ("OSBI said the agents found a rifle.", (0, 1), "OSBI"),
        ("Le's attorney said his client was not there.", (0, 1), "attorney"),
    ],
)
def test_an_organisation_origin_needs_an_organisation_cue(text, entity, expected) -> None:
    from spacy.tokens import Span as SpacySpan

    nlp = pipeline("en")
    doc = nlp.make_doc(text)
    doc.ents = [SpacySpan(doc, *entity, label="ORG")]  # NER calls all of these organisations
    found = attribute_sentences(text, split_sentences(text), default_catalogue(), doc)
    assert found[0].origin.name == expected
