"""The one punctuation splitter every extractor uses: abbreviations, lines, spans."""

from __future__ import annotations

import pytest

from cotejo.extract.text_units import sentence_starts, split_sentences


@pytest.mark.parametrize(
    ("text", "firsts"),
    [
        ("On Aug. 18 Mr. Smith, 25, was shot at 1400 Elm St. on Friday. He died. "
         "U.S. officials said so.", ["On Aug.", "He died", "U.S. officials"]),
        ("La Sra. Pérez, de 25 años, murió en EE. UU. el lunes. Su hijo resultó herido.",
         ["La Sra.", "Su hijo"]),
        ("Police: 2 shot\nA man and a woman were shot at 5 p.m. on Friday.",
         ["Police:", "A man"]),
        ("He was hit by a 9mm round. Call (720) 555-0199 with tips.", ["He was", "Call (720)"]),
    ],
)  # fmt: skip
def test_sentences_start_where_expected(text: str, firsts: list[str]) -> None:
    starts = sentence_starts(text)
    assert [text[s : s + len(f)] for s, f in zip(starts, firsts, strict=True)] == firsts
    ranges = split_sentences(text).ranges
    assert [start for start, _ in ranges] == starts
    assert all(not text[a:b].startswith(" ") and not text[a:b].endswith(" ") for a, b in ranges)


def test_blank_text_has_no_sentence_ranges() -> None:
    assert split_sentences("  \n ").ranges == ()
