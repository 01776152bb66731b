"""The hand-written end-to-end dialogs (`data/eval/dialogs/dialogs.yml`), read and checked.

Each dialog is a new seeker's few messages and what must come of them: openings that must
(any one) and must not appear, whether a counselor must take over. Openings are named
``source:source_id`` as in the sample files (``worknet:<wantedAuthNo>`` for the XML).
Standard library and PyYAML only, so the metric tests need no stack.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["BASE", "Dialog", "DialogSuiteError", "Expect", "load_dialogs"]

#: The name of a dialog's own wording among its variants.
BASE = "base"


class DialogSuiteError(ValueError):
    """The dialogs file is not what the runner can measure; the message says where."""


@dataclass(frozen=True)
class Expect:
    """What a dialog must end with; opening keys are ``source:source_id``."""

    relevant: frozenset[str] = frozenset()  # any one shown is enough
    never: frozenset[str] = frozenset()  # must not be shown at any turn
    never_after_turn: int | None = None  # from this 1-based turn on ...
    never_after: frozenset[str] = frozenset()  # ... these must not be shown
    handoff: bool = False  # a counselor must (True) / must not (False) be brought in
    results_by_turn: int | None = None


@dataclass(frozen=True)
class Dialog:
    """One hand-written dialog and its reworded variants (same number of turns)."""

    id: str
    style: tuple[str, ...]
    persona: str
    turns: tuple[str, ...]
    expect: Expect
    variants: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def wordings(self, with_variants: bool) -> list[tuple[str, tuple[str, ...]]]:
        """(variant name, turns): the base wording first, then each variant."""
        extra = sorted(self.variants.items()) if with_variants else []
        return [(BASE, self.turns), *extra]


def load_dialogs(path: Path, only: Sequence[str] = ()) -> list[Dialog]:
    """Every dialog in ``path`` (or those whose id is in ``only``), in file order."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DialogSuiteError(f"{path}: {error}") from error
    if not isinstance(raw, list):
        raise DialogSuiteError(f"{path}: expected a list of dialogs")
    dialogs = [_dialog(item, index) for index, item in enumerate(raw, start=1)]
    ids = [d.id for d in dialogs]
    if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
        raise DialogSuiteError(f"{path}: duplicate ids {', '.join(duplicates)}")
    if only:
        if missing := sorted(set(only) - set(ids)):
            raise DialogSuiteError(f"{path}: no dialog {', '.join(missing)}")
        dialogs = [d for d in dialogs if d.id in only]
    return dialogs


def _dialog(item: Any, index: int) -> Dialog:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise DialogSuiteError(f"dialog #{index}: needs an id")
    where = f"dialog {item['id']}"
    turns = _texts(item.get("turns"), f"{where}: turns")
    variants = {}
    for name, texts in (item.get("variants") or {}).items():
        variants[str(name)] = _texts(texts, f"{where}: variant {name}")
        if len(variants[str(name)]) != len(turns):
            raise DialogSuiteError(f"{where}: variant {name} has not {len(turns)} turns")
    return Dialog(
        id=item["id"],
        style=tuple(str(s) for s in item.get("style") or ()),
        persona=str(item.get("persona") or ""),
        turns=turns,
        expect=_expect(item.get("expect") or {}, where, len(turns)),
        variants=variants,
    )


def _expect(raw: Mapping[str, Any], where: str, turns: int) -> Expect:
    after = raw.get("never_after") or {}
    after_turn = after.get("turn")
    if after and not (isinstance(after_turn, int) and 1 <= after_turn <= turns):
        raise DialogSuiteError(f"{where}: never_after.turn must be a turn number 1..{turns}")
    by_turn = raw.get("results_by_turn")
    if by_turn is not None and not isinstance(by_turn, int):
        raise DialogSuiteError(f"{where}: results_by_turn must be a number or null")
    return Expect(
        relevant=_keys(raw.get("relevant"), f"{where}: relevant"),
        never=_keys(raw.get("never"), f"{where}: never"),
        never_after_turn=after_turn,
        never_after=_keys(after.get("ids"), f"{where}: never_after"),
        handoff=bool(raw.get("handoff", False)),
        results_by_turn=by_turn,
    )


def _texts(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(t, str) and t for t in raw):
        raise DialogSuiteError(f"{where}: expected a non-empty list of texts")
    return tuple(raw)


def _keys(raw: Any, where: str) -> frozenset[str]:
    keys = frozenset(str(k) for k in raw or ())
    if bad := sorted(k for k in keys if ":" not in k.strip(":")):
        raise DialogSuiteError(f"{where}: not source:source_id: {', '.join(bad)}")
    return keys
