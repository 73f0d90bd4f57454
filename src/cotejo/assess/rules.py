"""The grading rules: a versioned YAML file of thresholds, parsed once into typed settings.

The version is the file's `label` plus a digest of its parsed content, so any change to a
threshold is a new version whether or not the label was bumped.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cotejo.canonical import canonical_json
from cotejo.errors import ConfigError

DEFAULT_RULES = Path(__file__).parent / "data" / "rules.yaml"
# Bumped whenever the grading code changes what the same rules and evidence produce; it is
# part of the rules digest, so a code change is a new rules version too.
GRADING_CODE = "grade-2"  # grade-2: relayed weak labels echo too
GRADE_NAMES = ("refuted", "contested", "single-origin", "corroborated")


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Corroboration(_Part):
    min_independent_origins: int = Field(2, ge=2, description="origins agreeing on a value")


class Contest(_Part):
    min_disagreeing_origins: int = Field(1, ge=1, description="independent origins disagreeing")
    denial_contests: bool = Field(True, description="a denial alone contests the attribute")


class Refutation(_Part):
    origin_kinds: tuple[str, ...] = Field(("court",), description="kinds whose denial refutes")


class Independence(_Part):
    near_duplicates_are_one_origin: bool = True
    shared_affiliation_is_one_origin: bool = True
    state_organs_of_one_country_are_one_origin: bool = True
    witnesses_of_one_role_are_one_origin: bool = True


class Echoes(_Part):
    unattributed_weak_affiliation_echoes_acting_party: bool = True
    disputed_figure_echoes_acting_party: bool = True


class Values(_Part):
    date_tolerance_days: int = Field(1, ge=0)
    place_reach_km: dict[str, float] = Field(
        default_factory=lambda: {
            "exact": 5,
            "town": 40,
            "district": 60,
            "region": 400,
            "country": 1500,
            "sea_area": 2000,
        }
    )


class Responsibility(_Part):
    event_families: dict[str, tuple[str, ...]] = Field(default_factory=dict)


class Headline(_Part):
    attributes: tuple[str, ...] = ("occurrence", "date", "place")
    weakest_first: tuple[str, ...] = GRADE_NAMES


class Explanations(_Part):
    spans_per_origin: int = Field(2, ge=1)


class Rules(_Part):
    label: str = Field(min_length=1, description="a name for this set of rules")
    corroboration: Corroboration = Corroboration()
    contest: Contest = Contest()
    refutation: Refutation = Refutation()
    independence: Independence = Independence()
    echoes: Echoes = Echoes()
    values: Values = Values()
    responsibility: Responsibility = Responsibility()
    headline: Headline = Headline()
    explanations: Explanations = Explanations()

    @property
    def digest(self) -> str:
        content = {"code": GRADING_CODE, "rules": self.model_dump(mode="json")}
        return hashlib.sha256(canonical_json(content)).hexdigest()

    @property
    def version(self) -> str:
        return f"{self.label}@{self.digest[:12]}"

    def family_of(self, event_type: str | None) -> str | None:
        for family, types in self.responsibility.event_families.items():
            if event_type in types:
                return family
        return None


def rules_path(
    path: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None
) -> Path:
    env = dict(os.environ) if env is None else env
    chosen = path or env.get("COTEJO_RULES")
    return Path(chosen) if chosen else DEFAULT_RULES


def parse_rules(text: str, where: str = "rules") -> Rules:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(
            f"{where}{at} is not valid YAML: {getattr(err, 'problem', err)}",
            "fix the YAML; the bundled file src/cotejo/assess/data/rules.yaml shows the shape",
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(
            f"{where} must be a YAML mapping of rule sections, got {type(data).__name__}",
            "start from a copy of src/cotejo/assess/data/rules.yaml",
        )
    try:
        rules = Rules.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        place = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            f"{where}: `{place}`: {first['msg']} (got {first.get('input')!r})",
            "see the comments in src/cotejo/assess/data/rules.yaml for what each key takes",
        ) from None
    unknown = set(rules.headline.weakest_first) ^ set(GRADE_NAMES)
    if unknown:
        raise ConfigError(
            f"{where}: `headline.weakest_first` must list exactly {', '.join(GRADE_NAMES)}",
            "order the four grades from weakest to strongest",
        )
    return rules


def load_rules(path: str | os.PathLike[str] | None = None) -> Rules:
    """The rules in `path`, else $COTEJO_RULES, else the bundled file."""
    chosen = rules_path(path)
    try:
        text = chosen.read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigError(
            f"rules file {chosen} cannot be read: {err.strerror}",
            "pass --rules FILE (or COTEJO_RULES) with a readable YAML file",
        ) from None
    return parse_rules(text, str(chosen))
