"""Korean normalization for jobbot: numerals, pay, seeker messages and opening fields.

Imports only the standard library (and kiwipiepy lazily, for unspaced text) and avoids
language features newer than Python 3.8, because the same package runs inside the Rasa 3.6
environment. Tables live in ``data/normalization``; call :func:`warm_up` at start-up.
"""

from nlu.errors import NluError, PayError, TableError
from nlu.numerals import numerals_to_digits, parse_number
from nlu.opening import (
    ROAD_FACTOR,
    certificate_ids,
    certificate_requirements,
    foreign_workers,
    has_commute_bus,
    has_dormitory,
    normalize_career,
    normalize_employment_type,
    normalize_shift,
    occupation_family,
    region_distance_km,
    resolve_region,
)
from nlu.pay import PayMention, find_pay, floor_words, monthly_pay, parse_pay
from nlu.seeker import Experience, SeekerProfile, parse_seeker_text, warm_up
from nlu.tables import Certificate, OccupationFamily, PayConventions, Region, Tables, load_tables
from nlu.text import NormalizedText, normalize_text

__all__ = [
    "ROAD_FACTOR",
    "Certificate",
    "Experience",
    "NluError",
    "NormalizedText",
    "OccupationFamily",
    "PayConventions",
    "PayError",
    "PayMention",
    "Region",
    "SeekerProfile",
    "TableError",
    "Tables",
    "certificate_ids",
    "certificate_requirements",
    "find_pay",
    "floor_words",
    "foreign_workers",
    "has_commute_bus",
    "has_dormitory",
    "load_tables",
    "monthly_pay",
    "normalize_career",
    "normalize_employment_type",
    "normalize_shift",
    "normalize_text",
    "numerals_to_digits",
    "occupation_family",
    "parse_number",
    "parse_pay",
    "parse_seeker_text",
    "region_distance_km",
    "resolve_region",
    "warm_up",
]
