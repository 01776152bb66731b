"""Kiwi morphemes as tokens that are pieces of the text the seeker typed.

Kiwi analyses "했어요" as 하/VV 었/EP 어요/EF, where 하 and 었 share the one character 했:
morphemes overlap and do not tile the text. A token here is a run of overlapping morphemes,
so every token is a piece of the original text (``text[start:end]``) and an entity annotated
with or without its particle (용접 / 용접을) starts and ends on token boundaries. The
morphemes' forms, joined by ``+``, are the token's ``lemma`` (했 → 하+었, 지게처 → 지게차 with
typo correction), their tags its ``tags`` (VV, EP).

Kiwi reads a folded copy of the text (full-width ASCII as ASCII, decomposed Hangul
composed); offsets are mapped back, so a token never starts or ends inside what was typed as
one character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any, NamedTuple

from nlu.entity_values import right_spelling

__all__ = ["JAMO_TAG", "MorphToken", "morph_tokens"]

#: Runs of compatibility jamo (ㅇㅇ yes, ㄴㄴ no, ㅋㅋ, ㅠㅠ), which Kiwi tags SW, get this tag:
#: they answer questions, so they are kept although SW is not.
JAMO_TAG = "SW_JAMO"
# Tags of the pieces the Latin-and-digit merge joins: "E-9", "CO2", "H-2" become one token.
_ALNUM_TAGS = frozenset({"SL", "SN"})
# Coda fillers (했어욬 → 어요 + ᆿ) say nothing about the word.
_NO_LEMMA_TAGS = ("Z_",)


class MorphToken(NamedTuple):
    """One token: ``text[start:end]``, its morphemes' forms joined by ``+``, their tags."""

    start: int
    end: int
    lemma: str
    tags: tuple[str, ...]


class _Piece(NamedTuple):
    """One morpheme (or an unanalysed run of characters) at ``[start, end)``."""

    start: int
    end: int
    form: str
    tag: str


class _Group(NamedTuple):
    """Overlapping pieces: one token's worth of text at ``[start, end)``."""

    start: int
    end: int
    pieces: tuple[_Piece, ...]


def _fold_char(ch: str) -> str:
    """``ch`` as Kiwi should see it; always one character, so offsets stay put."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII (ＣＮＣ, ３００) reads like ASCII
        return chr(code - 0xFEE0)
    category = unicodedata.category(ch)
    if category == "Cs":
        return "\ufffd"  # a lone surrogate cannot be passed to Kiwi at all
    if ch == "\u3000" or (category in ("Cc", "Cf") and ch not in "\t\n\r\u200d"):
        return " "  # Kiwi tags a zero-width space as a noun
    return ch


def _continues_cluster(ch: str) -> bool:
    return (
        unicodedata.combining(ch) != 0
        or "\u1160" <= ch <= "\u11ff"  # conjoining vowels and final consonants
        or "\ud7b0" <= ch <= "\ud7ff"
    )


def _analysable(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """The string Kiwi analyses, and for each of its chars the span of ``text`` it came from.

    Decomposed Hangul (NFD, from some keyboards and copy-paste) is composed first, or Kiwi
    reads 했어요 as a noun; the maps are None when nothing moved.
    """
    folded = "".join([_fold_char(ch) for ch in text])
    if unicodedata.is_normalized("NFC", folded):
        return folded, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(folded)
    while i < n:
        j = i + 1
        while j < n and _continues_cluster(folded[j]):
            j += 1
        piece = unicodedata.normalize("NFC", folded[i:j])
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(out), starts, ends


def _groups(analysed: str, pieces: Sequence[_Piece]) -> list[_Group]:
    """Pieces joined where they overlap, split at whitespace, with gaps filled in."""
    covered = [False] * len(analysed)
    for p in pieces:
        for k in range(p.start, p.end):
            covered[k] = True
    everything = list(pieces)
    k = 0
    while k < len(analysed):  # characters Kiwi skipped become pieces of their own
        if covered[k] or analysed[k].isspace():
            k += 1
            continue
        j = k
        while j < len(analysed) and not covered[j] and not analysed[j].isspace():
            j += 1
        everything.append(_Piece(k, j, analysed[k:j], "UN"))
        k = j
    everything.sort(key=lambda p: (p.start, p.end))
    groups: list[_Group] = []
    current: list[_Piece] = []
    pending: list[_Piece] = []  # zero-width morphemes (이/VCP of 예요) join what follows
    start = end = -1
    for p in everything:
        if current and p.start < end:
            current.append(p)
            end = max(end, p.end)
        elif p.start == p.end:
            pending.append(p)
        else:
            if current:
                groups.append(_Group(start, end, tuple(current)))
            current, pending, start, end = pending + [p], [], p.start, p.end
    if current:
        groups.append(_Group(start, end, tuple(current + pending)))
    return [g for group in groups for g in _split_at_spaces(analysed, group)]


def _split_at_spaces(analysed: str, group: _Group) -> list[_Group]:
    surface = analysed[group.start : group.end]
    if not any(ch.isspace() for ch in surface):
        return [group]
    parts: list[_Group] = []
    k = group.start
    for word in surface.split():
        k = analysed.index(word, k)
        parts.append(_Group(k, k + len(word), (_Piece(k, k + len(word), word, "UN"),)))
        k += len(word)
    return parts


def _to_original(
    groups: list[_Group], starts: list[int] | None, ends: list[int] | None
) -> list[_Group]:
    """Groups with offsets into the original text; groups that now overlap are joined."""
    if starts is None or ends is None:
        return groups
    mapped: list[_Group] = []
    for g in groups:
        start, end = starts[g.start], ends[g.end - 1]
        if mapped and start < mapped[-1].end:
            last = mapped.pop()
            mapped.append(_Group(last.start, max(end, last.end), last.pieces + g.pieces))
        else:
            mapped.append(_Group(start, end, g.pieces))
    return mapped


def _is_jamo_run(surface: str) -> bool:
    return all("\u3131" <= ch <= "\u318e" for ch in surface)


def _merge_alnum(text: str, groups: list[_Group]) -> list[_Group]:
    """Join touching Latin/digit groups, with a hyphen between them: "E-9", "CO2", "H-2"."""

    def alnum(g: _Group) -> bool:
        return all(p.tag in _ALNUM_TAGS for p in g.pieces)

    merged: list[_Group] = []
    k = 0
    while k < len(groups):
        g = groups[k]
        if alnum(g):
            while k + 1 < len(groups) and groups[k + 1].start == g.end:
                nxt = groups[k + 1]
                if alnum(nxt):
                    g = _Group(g.start, nxt.end, g.pieces + nxt.pieces)
                    k += 1
                elif (
                    text[nxt.start : nxt.end] == "-"
                    and k + 2 < len(groups)
                    and groups[k + 2].start == nxt.end
                    and alnum(groups[k + 2])
                ):
                    after = groups[k + 2]
                    g = _Group(g.start, after.end, g.pieces + nxt.pieces + after.pieces)
                    k += 2
                else:
                    break
        merged.append(g)
        k += 1
    return merged


def _tags(text: str, g: _Group) -> tuple[str, ...]:
    tags = tuple(p.tag for p in g.pieces)
    if tags == ("SW",) and _is_jamo_run(text[g.start : g.end]):
        return (JAMO_TAG,)
    return tags


def _lemma(g: _Group) -> str:
    forms = [p.form for p in g.pieces if not p.tag.startswith(_NO_LEMMA_TAGS)]
    return "+".join(forms) if forms else "+".join(p.form for p in g.pieces)


def morph_tokens(kiwi: Any, text: str, *, typos: bool = False) -> list[MorphToken]:
    """The tokens of ``text`` by the Kiwi analyser ``kiwi``, in text order, none dropped.

    With ``typos``, Kiwi corrects its basic typo set (용졉 → 용접) and a token that is a
    misspelling listed in data/normalization gets the right spelling as its lemma
    (지게처 → 지게차); token offsets stay the text's.
    """
    if not text or text.isspace():
        return []
    analysed, starts, ends = _analysable(text)
    morphemes = kiwi.tokenize(analysed, typos="basic") if typos else kiwi.tokenize(analysed)
    n = len(analysed)
    pieces = [
        _Piece(min(m.start, n), min(m.start + m.len, n), m.form, str(m.tag)) for m in morphemes
    ]
    groups = _merge_alnum(text, _to_original(_groups(analysed, pieces), starts, ends))
    tokens = [MorphToken(g.start, g.end, _lemma(g), _tags(text, g)) for g in groups]
    if typos:
        tokens = [
            t._replace(lemma=right_spelling(text[t.start : t.end]) or t.lemma) for t in tokens
        ]
    return tokens
