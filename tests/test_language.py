from __future__ import annotations

import pytest

from cotejo.extract.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police say one man was killed in the shooting at the apartments on Tuesday.", "en"),
        (
            "Cinco pescadores murieron el martes pasado frente a Güiria, según la asociación.",
            "es",
        ),
        (
            "Cinco pescadores morreram na terça-feira perto da costa, segundo a associação local.",
            "other",
        ),
        ("Les pêcheurs ont été tués mardi au large de la côte, selon l'association.", "other"),
        ("12 34 !!", "und"),
        (
            "EE.UU. dice que atacó una lancha «del Tren de Aragua» frente a Paria; murieron 3. "
            "El mensaje: https://x.example/DoWPressOffice/status/1978204411001",
            "es",
        ),
        ("", "und"),
    ],
)
def test_language_is_english_spanish_other_or_undetermined(text: str, expected: str) -> None:
    assert detect_language(text) == expected
