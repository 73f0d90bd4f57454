"""Places: recognise toponyms in English and Spanish text and resolve them to GeoNames.

    geocoder = Geocoder()
    geocoder.find_places(text, doc, "es", focus="VE")  # -> list[Place], with spans
    geocoder.resolve_spans(text, [(0, 6)])              # gold spans -> list[Place | None]
    geocoder.country_focus(text, doc)                   # -> "VE" or None

The default gazetteer (GeoNames cities500, countries, subdivisions, cotejo's supplement of
seas and missing towns) is built from installed packages and cached on disk; see build.py.
"""

from cotejo.extract.places.gazetteer import Gazetteer, Kind, PlaceRecord, normalise
from cotejo.extract.places.geocoder import Geocoder

__all__ = ["Gazetteer", "Geocoder", "Kind", "PlaceRecord", "normalise"]
