"""Fictional companies: name stems, legal forms, e-mail romanization and contacts."""

from __future__ import annotations

import random
from collections.abc import Sequence

__all__ = ["STEMS", "bare_company", "company_contact", "company_name", "other_legal_form"]

#: Fictional name stems (hangul, romanization for e-mail). Stems that name big real groups
#: (현대, 대우, 두산, 세아, 한진, 금호, 동양, 유진 ...) are deliberately absent.
STEMS: tuple[tuple[str, str], ...] = (
    ("대성", "daesung"), ("한빛", "hanbit"), ("서해", "seohae"), ("금강", "geumgang"),
    ("새만금", "saemangeum"), ("동진", "dongjin"), ("태원", "taewon"), ("우성", "woosung"),
    ("신우", "shinwoo"), ("삼진", "samjin"), ("해동", "haedong"), ("대원", "daewon"),
    ("영진", "youngjin"), ("세광", "sekwang"), ("광진", "kwangjin"), ("진성", "jinsung"),
    ("명진", "myungjin"), ("오성", "osung"), ("대명", "daemyung"), ("한길", "hangil"),
    ("다인", "dain"), ("성원", "sungwon"), ("승진", "seungjin"), ("청룡", "chungryong"),
    ("고군산", "gogunsan"), ("월명", "wolmyung"), ("은파", "eunpa"), ("군장", "gunjang"),
    ("옥구", "okgu"), ("미성", "misung"), ("선유", "sunyu"), ("비응", "bieung"),
    ("한울", "hanul"), ("다온", "daon"), ("누리", "nuri"), ("가온", "gaon"),
    ("참빛", "chambit"), ("해오름", "haeoreum"), ("나래", "narae"), ("보람", "boram"),
    ("정우", "jungwoo"), ("성진", "sungjin"), ("대흥", "daeheung"), ("신성", "shinsung"),
    ("한성", "hansung"), ("세원", "sewon"), ("태성", "taesung"), ("동해", "donghae"),
    ("서진", "seojin"), ("가람", "garam"), ("경진", "kyungjin"), ("우진", "woojin"),
    ("동우", "dongwoo"), ("미래", "mirae"), ("새롬", "saerom"), ("해솔", "haesol"),
    ("대진", "daejin"), ("삼원", "samwon"), ("용성", "yongsung"), ("서광", "seogwang"),
    ("효진", "hyojin"), ("진흥", "jinheung"), ("늘봄", "neulbom"), ("호남", "honam"),
    ("전북", "jeonbuk"), ("새빛", "saebit"), ("푸른", "pureun"), ("서림", "seorim"),
)  # fmt: skip

_SUFFIX_ROMAN = {
    "중공업": "hi", "조선": "sb", "ENG": "eng", "산업": "ind", "플랜트": "plant",
    "철강": "steel", "기계": "mc", "메탈": "metal", "도장": "coating", "오토텍": "autotech",
    "정공": "jg", "테크": "tech", "모터스": "motors", "화학": "chem", "플라스틱": "plastic",
    "소재": "materials", "물류": "logis", "로지스": "logis", "통운": "tongun",
    "정밀": "precision", "에너지": "energy", "전기": "elec", "검사": "ndt", "운수": "transport",
    "케미칼": "chemical", "식품": "food", "푸드": "food", "수산": "fisheries", "F&B": "fnb",
    "냉동": "coldchain", "환경": "env", "종합관리": "fm", "산업개발": "dev",
    "시큐리티": "security", "경비": "guard", "급식": "catering", "F&S": "fns",
    "직업전문학교": "academy", "기술교육원": "edu", "용접학원": "weldacademy",
    "중장비학원": "academy", "용접상사": "weldtrade", "산업가스": "gas", "툴링": "tooling",
    "상사": "trade", "중기": "machinery", "건설기계": "cm", "크레인": "crane",
    "용접기": "welder", "페인트": "paint",
}  # fmt: skip
_LEGAL_FORMS = ("(주)", "주식회사 ", "", "", "(유)")
_SCHOOL_KINDS = frozenset({"직업전문학교", "기술교육원", "용접학원", "중장비학원"})


def company_name(rng: random.Random, kinds: Sequence[str], city: str) -> str:
    """A fictional company of one of ``kinds`` (e.g. 중공업), written as postings write it."""
    stem, _roman = rng.choice(STEMS)
    kind = rng.choice(kinds)
    if kind in _SCHOOL_KINDS:
        prefix = "군산" if city == "gunsan" and rng.random() < 0.5 else ""
        return f"{prefix}{stem}{kind}"
    legal = rng.choice(_LEGAL_FORMS)
    if legal == "(주)" and rng.random() < 0.3:
        return f"{stem}{kind}(주)"
    return f"{legal}{stem}{kind}"


def company_contact(rng: random.Random, company: str) -> str:
    """A 063 phone number or an ``.example`` e-mail address for ``company``."""
    if rng.random() < 0.7:
        exchange = rng.choice((44, 45, 46, 47)) * 10 + rng.randint(0, 9)
        return f"063-{exchange}-{rng.randint(0, 9999):04d}"
    roman = _romanize(company)
    user = rng.choice(("recruit", "hr", "insa", "job", "admin"))
    return f"{user}@{roman}.example"


def bare_company(company: str) -> str:
    """The company name without its legal form, as titles and sentences use it."""
    for form in ("(주)", "주식회사 ", "(유)"):
        company = company.replace(form, "")
    return company.strip()


def other_legal_form(company: str) -> str:
    """The same company written with an equivalent legal form: (주)X / 주식회사 X / X(주)."""
    bare = bare_company(company)
    if company.startswith("(주)"):
        return f"주식회사 {bare}"
    if company.startswith("주식회사"):
        return f"{bare}(주)"
    if company.endswith("(주)"):
        return f"(주){bare}"
    if company.startswith("(유)"):
        return f"유한회사 {bare}"
    return company


def _romanize(company: str) -> str:
    for stem, roman in STEMS:
        if stem in company:
            kind = company.split(stem, 1)[1].replace("(주)", "").strip()
            suffix = _SUFFIX_ROMAN.get(kind, "co")
            return f"{roman}-{suffix}"
    return "company"
