"""Company names: one spelling of the legal-form marks, cut names, and ad copy in their place.

Boards write ``（주）``, ``㈜``, ``( 주 )`` and ``(주)``; fixed-width exports cut names and end
them with ``...``; some put ad copy in the company cell (``일당 18만원 / 당일지급 / 야간알바``).
"""

from __future__ import annotations

import re

__all__ = ["clean_company", "company_key", "looks_like_ad_copy", "strip_cut_mark"]

_FULLWIDTH = str.maketrans({"（": "(", "）": ")", "㈜": "(주)", "㈔": "(사)", "㈕": "(유)"})
_LEGAL_MARK = re.compile(r"\(\s*(주|유|합|사|재)\s*\)")
_LEGAL_FORMS = re.compile(r"\((?:주|유|합|사|재)\)|주식회사|유한회사|유한책임회사|합자회사|\s+")
_CUT_MARK = re.compile(r"\s*(?:\.{2,}|…)\s*$")
_MONEY = re.compile(r"\d+\s*만\s*원|\d[\d,]*\s*원")
#: Words of job ads; one may be in a name (스마일알바), two are not.
_AD_WORDS = re.compile(r"당일\s*지급|일당|시급|주급|월급|알바|급구|고수익|남\s*여|초보\s*가능")


def strip_cut_mark(text: str) -> str:
    """Text without the ``...`` or ``…`` a fixed-width export leaves where it cut."""
    return _CUT_MARK.sub("", text).strip()


def clean_company(raw: str) -> str:
    """A company name as shown: legal marks as ``(주)``, single spaces, no cut mark."""
    name = _LEGAL_MARK.sub(r"(\1)", raw.translate(_FULLWIDTH))
    return strip_cut_mark(" ".join(name.split()))


def company_key(name: str) -> str:
    """A company name without legal-form marks and spacing: (주)대한중공업 → 대한중공업."""
    return _LEGAL_FORMS.sub("", clean_company(name)).lower()


def looks_like_ad_copy(name: str) -> bool:
    """Whether a company cell holds ad copy: an amount of money, two ad words (당일지급, 알바 …)
    or several ``/``-separated parts."""
    return name.count("/") >= 2 or bool(_MONEY.search(name)) or len(_AD_WORDS.findall(name)) >= 2
