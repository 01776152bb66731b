"""Rasa lookup tables (``data/nlu/lookups.yml``) generated from the normalization tables.

Regenerate after editing ``data/normalization``::

    .venv/bin/python -m nlu.lookup_tables > data/nlu/lookups.yml

One lookup per entity type (``occupation``, ``certificate``, ``region``): occupation
patterns, certificate names with their aliases, region names with their aliases.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence

from nlu.tables import Tables, load_tables

__all__ = ["HEADER", "lookup_entries", "main", "render_lookups"]

HEADER = (
    "# GENERATED from data/normalization, regenerate with:"
    " .venv/bin/python -m nlu.lookup_tables > data/nlu/lookups.yml\n"
    "# Do not edit by hand. Left out, as noise for a featurizer without word boundaries:\n"
    "# entries under 2 chars, ASCII tokens with a digit or under 3 letters (co2, rt, 52130),\n"
    "# 이리, 경기. Longest first, so Rasa's alternation tries 지게차 운전 before 지게차.\n"
)

#: Region aliases that are everyday words far more often than places:
#: 이리 (Iksan's old name) is "this way" (이리 와), 경기 (Gyeonggi) is "the economy / a game".
_NOISY = frozenset({"이리", "경기"})


def _keep(entry: str) -> bool:
    """Whether an entry is specific enough to be a lookup feature.

    The RegexFeaturizer runs without word boundaries (Korean attaches particles), so an
    entry fires wherever it occurs inside a token. That makes three kinds of entry noise:
    one-character entries; pure-ASCII single tokens with a digit (co2, and the numeric
    region codes 52130... that would fire on pay and phone numbers) or of two letters
    (rt, ut, qc, qa, gm fire inside any Latin text); and the everyday words in ``_NOISY``.
    """
    if len(entry) < 2 or entry in _NOISY:
        return False
    if entry.isascii() and " " not in entry:
        return len(entry) >= 3 and not any(ch.isdigit() for ch in entry)
    return True


def _variants(surface: str) -> list[str]:
    """The surface, lower-cased and space-collapsed, plus its unspaced form if it has spaces.

    Seekers drop spaces ("쇠붙이는일", "지게차자격증"), and a regex entry matches only
    the spacing it is written with.
    """
    spaced = " ".join(surface.lower().split())
    unspaced = spaced.replace(" ", "")
    return [spaced] if unspaced == spaced else [spaced, unspaced]


def _ordered(surfaces: Iterable[str]) -> list[str]:
    """Kept, deduplicated variants, longest first (ties alphabetical).

    Rasa joins a lookup into one alternation and Python's ``re`` takes the first
    alternative that matches, so "지게차 운전" must come before "지게차" to ever match.
    """
    entries = {v for s in surfaces for v in _variants(s) if _keep(v)}
    return sorted(entries, key=lambda e: (-len(e), e))


def lookup_entries(tables: Tables) -> dict[str, list[str]]:
    """Lookup name (= entity type) → its entries, in file order."""
    return {
        "occupation": _ordered(p for f in tables.occupations.values() for p in f.patterns),
        "certificate": _ordered(
            s for c in tables.certificates.values() for s in (c.name_ko, *c.aliases)
        ),
        "region": _ordered(s for r in tables.regions.values() for s in (r.name_ko, *r.aliases)),
    }


def render_lookups(tables: Tables) -> str:
    """The whole ``data/nlu/lookups.yml`` text.

    Items sit in a literal block scalar (the only form Rasa accepts for lookup examples),
    where YAML quoting does not apply: Rasa strips "- " and keeps the rest verbatim, so
    quotes would become part of the entry. ``_variants`` already guarantees one line per
    item with no leading or trailing space, which is all the block needs.
    """
    lines = [HEADER.rstrip("\n"), 'version: "3.1"', "nlu:"]
    for name, entries in lookup_entries(tables).items():
        lines.append(f"- lookup: {name}")
        lines.append("  examples: |")
        lines.extend(f"    - {entry}" for entry in entries)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Write the lookup tables YAML to stdout (UTF-8 whatever the locale)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", help="normalization tables directory (default: the repo's)")
    args = parser.parse_args(argv)
    text = render_lookups(load_tables(args.tables))
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
