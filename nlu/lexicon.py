"""Closed Korean vocabularies and cue words the parsers react to, in one place.

Open vocabularies (occupations, certificates, regions) are data under
``data/normalization``; what is here is grammar-like and small: shift and employment-type
names, amenities, and the cue words that say whether a clause wants, has done, can do,
refuses, holds or lacks something. Cue lists are matched as substrings of a normalized
clause unless their name says otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "ABSENCE_CUES",
    "ABSENCE_NOT_NEGATIVE",
    "ANYWHERE_ACCEPT_TERMS",
    "ANYWHERE_TERMS",
    "AUXILIARY_STARTS",
    "BODY_LIMITS",
    "CAPABILITY_CUES",
    "CERTIFICATE_WORDS",
    "CERT_HOLDER_CUES",
    "CERT_NOT_REQUIRED_CUES",
    "CERT_PREFERRED_CUES",
    "CERT_REQUIRED_CUES",
    "CITIZEN_CUES",
    "CLAUSE_CONJUNCTIONS",
    "CLAUSE_ENDINGS",
    "CLAUSE_NOUN_EXCEPTIONS",
    "COMMUTE_BUS_TERMS",
    "COMMUTE_CUES",
    "CONTINUE_CUES",
    "DAY_OFF_CUES",
    "DAY_PAY_TERMS",
    "DONE_WITH_ADVERBS",
    "DONE_WITH_VERBS",
    "DORMITORY_DUTIES",
    "DORMITORY_TERMS",
    "DOUBLE_NEGATIVE_CUES",
    "EMPLOYMENT_TERMS",
    "EMPLOYMENT_TYPES",
    "EXPERIENCE_CUES",
    "EXPERIENCE_NEGATED_CUES",
    "GIVING_UP_FILLERS",
    "GIVING_UP_REASONS",
    "GIVING_UP_VERBS",
    "HEARSAY_CUES",
    "HOME_CUES",
    "INDUSTRY_FAMILIES",
    "INDUSTRY_TRADES",
    "LACKING_CUES",
    "LICENCE_WORDS",
    "LIGHT_WORK_TERMS",
    "MARRIAGE_CUES",
    "NATIONALITY_TERMS",
    "NATIVE_UNITS",
    "NEGATION_CUES",
    "NEGATION_PREFIXES",
    "NEGATION_WORDS",
    "NIGHT_PAY_TERMS",
    "NOT_REQUIRED_CUES",
    "NO_CAR_CUES",
    "ONLY_CUES",
    "OTHER_WORK_CUES",
    "PAY_CUES",
    "PHYSICAL_LIMIT_TERMS",
    "POSSESSION_CUES",
    "QUESTION_CUES",
    "SCHOOL_HOURS",
    "SCHOOL_HOURS_TERMS",
    "SEATED_WORK_TERMS",
    "SHIFTS",
    "SHIFT_TERMS",
    "SHORT_DAY_TERMS",
    "TOTAL_YEARS_CUES",
    "TYPED_ABSENCE",
    "VISA_DENIED_CUES",
    "WALKING_CUES",
    "NEAR_HOME_CUES",
    "WANT_CUES",
    "WEEKDAY",
    "WEEKDAYS_ONLY_TERMS",
    "WEEKEND_TERMS",
    "WORKPLACE_TERMS",
]

# fmt: off
# Word lists read better packed than one word per line.

#: The normalized shifts, in the order a posting is classified by.
SHIFTS = ("주간", "2교대", "3교대", "야간")
#: The normalized employment types.
EMPLOYMENT_TYPES = ("정규직", "계약직", "일용직", "파견직")
#: Surface → shifts it names. "교대" alone means either rotating pattern.
SHIFT_TERMS: Mapping[str, tuple[str, ...]] = {
    **dict.fromkeys(
        (
            "주간", "주간 근무", "주간 고정", "주간조", "낮일", "낮 일", "낮 근무", "낮에", "낮엔",
            "낮에만", "낮 시간", "데이", "일근", "상근", "오전만", "오전에만", "오후만",
            "오후에만",
        ),
        ("주간",),
    ),
    **dict.fromkeys(
        (
            "야간", "야간 근무", "야간 전담", "야간 고정", "야간조", "밤일", "밤 일", "밤 근무",
            "밤에", "밤샘", "밤 새는", "철야", "나이트", "심야", "야간 일", "밤 운전", "야간 운전",
        ),
        ("야간",),
    ),
    **dict.fromkeys(
        (
            "2교대", "주야 교대", "주야 맞교대", "맞교대", "주야간 교대", "주야 2교대",
            "2조 2교대", "3조 2교대", "4조 2교대", "주야간", "주야", "주/야",
        ),
        ("2교대",),
    ),
    **dict.fromkeys(
        (
            "3교대", "3조 3교대", "4조 3교대", "4조3교대",
        ),
        ("3교대",),
    ),
    **dict.fromkeys(
        (
            "교대", "교대 근무", "교대제", "교대조",
        ),
        ("2교대", "3교대"),
    ),
}
#: Surface → employment type.
EMPLOYMENT_TERMS: Mapping[str, str] = {
    **dict.fromkeys(
        (
            "정규직", "정규", "정직원", "상용직", "무기 계약", "무기계약직",
            "기간의 정함이 없는",
        ),
        "정규직",
    ),
    **dict.fromkeys(
        (
            "계약직", "기간제", "계약 기간", "임시직", "촉탁", "촉탁직", "인턴", "단기 계약",
            "단기직", "기간의 정함이 있는", "대체인력",
        ),
        "계약직",
    ),
    **dict.fromkeys(
        (
            "일용직", "일용", "일용 근로", "일당직", "인력 사무소", "인력사무실", "노가다",
            "건설 일용",
        ),
        "일용직",
    ),
    **dict.fromkeys(
        (
            "파견", "파견직", "파견 근로", "인력 파견", "용역", "용역직", "파견 업체",
        ),
        "파견직",
    ),
}
#: A dormitory or housing provided by the employer.
DORMITORY_TERMS = (
    "기숙사", "숙소", "숙식", "숙식 제공", "숙소 제공", "사택", "원룸 제공", "잘 곳", "잘곳",
    "잠자리", "방 제공", "숙박 제공", "먹고 잘", "먹고 자는", "먹고 자고", "잘 데", "잘데",
    "재워 주", "재워주",
)
#: After a dormitory word, a duty: "기숙사 청소원" cleans the dormitory, it offers none.
#: ("관리비" is the rent, not a duty; the code tells them apart.)
DORMITORY_DUTIES = (
    "청소", "미화", "정리", "관리", "사감", "경비", "순찰", "세탁", "방역", "소독", "시설 점검",
)
#: A commute bus run by the employer or the industrial park.
COMMUTE_BUS_TERMS = (
    "통근버스", "통근 버스", "통근차", "통근 차량", "셔틀", "셔틀버스", "출퇴근 버스",
    "회사 버스", "버스 운행", "통근 셔틀",
    # a van: "나운동에서 회사 승합차 운행", "07:20 출발 출퇴근 차량 운행"
    "승합차 운행", "통근 승합차", "출퇴근 차량",
)
#: The seeker starts out in the work they look for (신입, 초보, 졸업예정, 배워서 …).
NEWCOMER_CUES = (
    "신입", "초보", "졸업", "경험은 없", "경험 없", "경험이 없", "해본 적 없", "해본적 없",
    "처음", "배워서", "배우면서", "무경력", "경력 없", "경력은 없",
    # "바람개비 고치는 일 배우고 싶소잉", "태양광 설치 쪽 배워보고 싶은데"
    "배우고 싶", "배우고싶", "배워보고", "배워 보고", "배워볼", "배워 볼",
    # typed without spaces or the ㅅ (경력없어도, 경력은 업는데), and Jeolla 첨 (처음)
    "경력없", "경력이 없", "경력이없", "경력 업", "경력은 업", "경력업", "경험없", "경험 업",
    "첨이", "첨으로", "첨 해", "첨해",
)  # fmt: skip
#: Work a body may not take, by the limit a refusal of it states ("힘든 일은 못 해요",
#: "서서 하는 일은 힘들어요", "높은 데는 못 올라가요"), and travel for the work refused
#: ("출장 다니는건 싫어요").
PHYSICAL_LIMIT_TERMS: Mapping[str, tuple[str, ...]] = {
    "heavy": (
        "힘든 일", "힘든일", "힘쓰는", "힘 쓰는", "몸 쓰는", "몸쓰는", "몸으로 하는", "무거운",
        "중노동", "막노동", "노가다", "육체노동", "육체 노동", "험한 일", "험한일",
    ),
    "standing": (
        "서서 하는", "서서하는", "서서 일", "서서 있", "서 있는", "서있는", "오래 서", "종일 서",
        "계속 서",
    ),
    "heights": ("높은 데", "높은데", "높은 곳", "높은곳", "고소", "사다리", "비계"),
    "stairs": ("계단",),  # "무릎이 안좋아서 계단 오르내리는건 못해요"
    "travel": ("출장",),
}
#: A body part that is not well ("무릎이 안 좋아서", "허리 디스크") limits work by itself.
BODY_LIMITS: Mapping[str, str] = {
    "허리": "heavy", "어깨": "heavy", "팔목": "heavy", "손목": "heavy",
    "무릎": "standing", "다리": "standing", "발목": "standing", "관절": "standing",
}
#: A wish for light work states the same limit as refusing heavy work ("덜 힘든 일").
#: Work done sitting, wished for: standing long is what the body does not take.
SEATED_WORK_TERMS = ("앉아서", "좌식")
LIGHT_WORK_TERMS = (
    "덜 힘든", "안 힘든", "힘 안 드는", "힘 덜 드는", "가벼운", "가볍게", "몸 편한", "몸이 편한",
    "몸 안 쓰는", "몸 안쓰는", "힘 안 쓰는", "힘 안쓰는", "무겁지 않은",
)
#: While the children are at school or daycare ("아이 학교 가는 시간만"): the hours of
#: SCHOOL_HOURS, whatever the clock says.
SCHOOL_HOURS_TERMS = (
    "학교 가는 시간", "학교 간 사이", "학교 간 동안", "학교 가 있는", "학교 가있는", "학교 갔을 때",
    "어린이집 가 있는", "어린이집 가있는", "어린이집 간 사이", "어린이집 보내고", "유치원 가 있는",
    "유치원 간 사이", "유치원 보내고", "등원시키고", "등원 시키고", "하원 전",
)
SCHOOL_HOURS = (9, 15)
#: A short working day without a number ("하루 몇 시간만", "파트타임").
SHORT_DAY_TERMS = (
    "몇 시간만", "몇시간만", "몇 시간 정도만", "몇시간 정도만", "몇 시간씩만", "파트타임",
    "파트 타임", "파트타이머", "단시간", "시간제", "반나절", "하루 잠깐",
)
#: Places people work at. A particle after one ("마트서 계산 혔어라", "마트에서 계산했어요")
#: keeps the place and the work apart, so occupations are also looked up without it.
WORKPLACE_TERMS = (
    "마트", "편의점", "식당", "구내식당", "급식소", "공장", "아파트", "건물", "사무실", "창고",
    "물류센터", "택배", "현장", "조선소", "병원", "요양원", "요양병원", "학교", "가게", "매장",
    "슈퍼", "백화점", "호텔", "농장", "회사", "주유소", "세차장",
)
#: Occupation families that name what a factory makes ("김치공장", "전기차 공장"): beside
#: them a bare 공장 is the production work done there; beside a trade it is only a place.
INDUSTRY_FAMILIES = frozenset(
    {"food_production", "auto_assembler", "chemical_operator", "production_worker"}
)
#: Industries named as the wanted work with no trade ("조선소 쪽 일 해보려고요"): the trades
#: (occupation families) they take people on for, a newcomer too.
INDUSTRY_TRADES: Mapping[str, tuple[str, ...]] = {
    "조선소": ("ship_fitter", "welder", "ship_painter"),
    "조선업": ("ship_fitter", "welder", "ship_painter"),
    "조선": ("ship_fitter", "welder", "ship_painter"),
    "항만": ("logistics_loader", "crane_operator"),
    "부두": ("logistics_loader", "crane_operator"),
}
#: A wanted work described, not named ("가르치는 일", "덜 힘든 일", "그쪽 일" is a return).
UNNAMED_WORK = ("는 일", "는일", "는 거", "는거", "힘든 일", "힘든일", "쉬운 일", "쉬운일")
#: Countries Gunsan's foreign residents come from, as they say them ("베트남에서 왔어요").
NATIONALITY_TERMS = (
    "베트남", "필리핀", "중국", "캄보디아", "네팔", "우즈벡", "우즈베키스탄", "스리랑카", "태국",
    "몽골", "인도네시아", "미얀마", "방글라데시", "파키스탄", "키르기스", "카자흐", "라오스",
    "동티모르", "러시아", "조선족",
)  # fmt: skip
#: Married into Korea ("결혼해서", "시집왔어요"): with a nationality, the F-6 visa.
MARRIAGE_CUES = ("결혼", "시집", "남편", "다문화")
#: A naturalized citizen has no visa ("한국 국적", "귀화했어요").
CITIZEN_CUES = ("한국 국적", "한국국적", "국적 취득", "국적취득", "귀화")
#: A stated visa taken back right after it ("E-9 아니고 F-6").
VISA_DENIED_CUES = ("아니", "말고", "아녀")
#: Weekend days as a seeker names them ("주말은 안 돼요", "토요일은 쉬어야 돼요").
WEEKEND_TERMS = ("주말", "토요일", "일요일", "토일", "토·일", "토, 일", "토요", "일욜", "토욜")
#: Besides a negation, what says a weekend is not worked ("토요일은 쉬어야 돼요").
DAY_OFF_CUES = ("쉬어야", "쉬는", "쉬어요", "쉽니다")
#: Paid by the day: asking for it asks for day labour ("일당 주는 데").
DAY_PAY_TERMS = (
    "일당", "일급", "당일지급", "당일 지급", "당일 현금", "당일 정산", "그날 돈", "그날그날",
    "그날 바로", "당일 돈", "날마다 돈", "하루하루 돈", "오늘 돈", "돈 바로", "바로 돈",
    "일 끝나고 돈", "끝나면 돈",
)  # fmt: skip
#: The night allowance: a posting that pays it says nothing of its shift pattern, but a seeker
#: asking for it asks for night work ("야간 수당 많이 주는 데").
NIGHT_PAY_TERMS = ("야간 수당", "야간수당", "야간 근로 수당", "야간근로수당", "야간 할증")
#: Weekdays only, said positively ("평일만 가능해요").
#: The working week: asked for in a wish ("평일 낮에 … 구해요"), it rules the weekend out.
WEEKDAY = "평일"
WEEKDAYS_ONLY_TERMS = (
    "평일만", "평일에만", "평일 만", "주5일만", "주 5일만", "월~금만", "월-금만", "주5일이면",
    "주 5일이면", "주5일이믄", "주 5일이믄",  # (Jeolla -이믄 for -이면)
    "주5일 되는", "주 5일 되는", "주5일로", "주 5일로",  # "정규직 주간 주5일 되는데로 찾아요"
)  # fmt: skip
#: Native Korean units that follow a sino tens word the normalizer left ("60다섯" = 65).
NATIVE_UNITS: Mapping[str, int] = {
    "하나": 1, "둘": 2, "셋": 3, "넷": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
}  # fmt: skip
#: "I have no car": a seeker who says this needs a commute bus.
NO_CAR_CUES = (
    "차가 없", "차 없", "차는 없", "차도 없", "차가 업", "차 업", "차는 업", "자차 없", "자차가 없",
    "자가용 없", "자가용이 없", "자가용은 없", "운전 못", "운전은 못", "운전을 못", "운전면허 없",
    "운전면허가 없", "운전면허는 없", "운전면허도 없", "뚜벅이",
)  # fmt: skip
#: Phrases that mean "any region" by themselves.
ANYWHERE_TERMS = (
    "어디든", "어디든지", "어디라도", "어디서든", "어디나", "어디 가도", "어디가도", "전국",
    "지역 상관", "지역 무관", "지역무관", "지역 관계", "지역은 상관", "지역 안 가려",
    "지역 안가려", "지역 안 가림", "거리 상관", "거리는 상관", "멀어도 괜찮", "멀어도 상관",
    "멀어도 돼",
)
#: Phrases that mean "any region" unless negated ("타지역은 안돼요").
ANYWHERE_ACCEPT_TERMS = ("타지역", "타 지역", "타지", "지방", "출장", "외지", "타 도시", "객지")
#: Standalone words that negate their clause.
NEGATION_WORDS = frozenset({
    "안", "못", "노노", "ㄴㄴ", "no", "노", "아뇨", "아니요", "아니오", "안돼",
})
#: Word beginnings that negate their clause ("안돼요", "못해요", "안헐라요").
NEGATION_PREFIXES = (
    "안돼", "안되", "안됨", "안됩", "안해", "안하", "안함", "안헐", "안할", "안혀", "안갈",
    "못해", "못하", "못함", "못혀", "못허", "못헐", "못할", "못 ", "안허",
    # glued to the verb as people type them: "야간은 못가요", "무거운건 못들어요"
    "못가", "못다니", "못다녀", "못들", "못서", "못올라", "못타", "안가요", "안가유", "안다녀",
)
#: Substrings that negate their clause.
NEGATION_CUES = (
    "않", "말고", "말구", "빼고", "빼구", "제외", "싫", "시러", "불가", "힘들", "힘듭", "별로", "노노",
    "ㄴㄴ", "무리", "꺼려", "자신 없", "자신없", "못 해", "못해", "안 돼", "안돼", "안 되",
    "안되", "안 해", "안해", "빼 주", "빼주", "빼줘", "빼 줘", "빼 달", "빼달",
    "피하고", "피하구", "피했으면", "몸이 안받", "몸이 안 받",
)
#: 없 typed on a phone without its ㅅ ("자격증 업어요", "필요업어라").
TYPED_ABSENCE = ("업어요", "업어라", "업어여", "업써", "업슴", "업고", "업는")
#: "There is no ..." — a negation for shifts, amenities and certificates, but for an
#: occupation it only says "no experience" (or asks "없나요?").
ABSENCE_CUES = ("없", "미취득", "미소지", "미보유", "미제공", "미지원", "미운영", *TYPED_ABSENCE)
#: "없" that does not negate: 상관없어요 means "fine either way".
ABSENCE_NOT_NEGATIVE = (
    "상관없", "상관 없", "관계없", "관계 없", "문제없", "문제 없", "지장없", "지장 없",
    "걱정없", "걱정 없", "무관",
    # typed without the ㅅ ("상관업어요")
    "상관업", "상관 업", "관계업", "관계 업", "문제업", "문제 업",
)
#: "Without it I can't": a requirement, not a refusal.
DOUBLE_NEGATIVE_CUES = (
    "없으면 안", "없으면 못", "없으면 곤란", "없으면 힘들", "아니면 안", "아니면 못",
    "안 되면 안",
)
#: "It doesn't have to be ...": the clause states no preference at all.
NOT_REQUIRED_CUES = (
    "아니어도", "아니라도", "아니여도", "아녀도", "아니더라도", "아니면 어때", "아니여두",
)
#: "Something else": what the clause mentions is what the seeker wants to leave.
OTHER_WORK_CUES = (
    "딴거", "딴 거", "딴일", "딴 일", "다른 거", "다른거", "다른 일", "다른일", "다른 직종",
    "그만할", "그만 할", "그만하고", "관둘", "때려치", "손 떼", "손떼", "접을", "접고 싶",
    "질렸", "질려서", "지겨워", "지겹", "지긋지긋",
)
#: "차는 이제 됐고": done with what the topic names — a word ending in 은/는, one of these
#: adverbs, then a DONE_WITH_VERBS word (without the adverb, "돈은 됐고" only sets it aside).
DONE_WITH_ADVERBS = frozenset({"이제", "인제", "인자", "이젠", "인젠", "이제는"})
DONE_WITH_VERBS = ("됐", "되었", "됬", "댔")
#: "I can't do it any more" with nothing else in the clause ("허리가 아파서 | 이제 못하겠어요"):
#: giving up the work done, as OTHER_WORK_CUES say. A clause that names what is refused
#: ("야간은 못하겠어요", "용접은 못하겠어요") is a refusal of that instead.
GIVING_UP_VERBS = ("못하겠", "못하것", "못허겠", "못허것", "못하겄", "못허겄", "못해먹겠", "못해먹것")
#: Words that may stand beside a GIVING_UP_VERBS verb in its clause.
GIVING_UP_FILLERS = frozenset({
    "이제", "인제", "인자", "이젠", "인젠", "더는", "더", "이상", "더이상", "도저히", "진짜",
    "정말", "참말로", "솔직히", "그건", "그거", "그일은", "그", "일은", "일", "몸이", "몸으로",
})  # fmt: skip
#: "… 때문에": what comes before is the reason, not what is given up ("냄새 때문에 못하겠어요").
GIVING_UP_REASONS = ("때문에", "땜에", "땜시", "때매", "때메", "탓에")
#: A want with no object of its own ("다시 하고 싶어요") is about the previous clause's work.
CONTINUE_CUES = (
    "하고 싶", "하고싶", "배우고 싶", "배우고싶", "해보고 싶", "해 보고 싶", "할래", "하려고",
    "계속", "다시", "배우",
)
#: A wish pointing back at what the clause before named ("배터리 공장이 좋다던데 거기 가 보고
#: 싶어요", "그쪽으로 가고 싶어요").
POINTING_BACK_CUES = ("거기", "그쪽", "그 쪽", "글로", "저기", "그 회사", "그 공장", "그런 데", "그런 곳")
#: The clause asks rather than states ("용접 일 없나요?").
QUESTION_CUES = (
    "나요", "까요", "을까", "는지", "?", "있어요?", "없어요?", "있음?", "있는지",
    # spoken and Jeolla questions: 있당가요, 있을랑가, 있으까, 있능가, 있남, 있냐
    "당가", "랑가", "으까", "능가", "있남", "없남", "있냐", "없냐", "있나", "없나",
)  # fmt: skip
#: Hearsay about a field ("해상풍력이 뜬다길래", "배터리 공장 많이 생긴다해서요", "좋다던데"):
#: the seeker is telling why they would go there.
HEARSAY_CUES = (
    "길래", "길레", "다해서", "다 해서", "다고 해서", "다고 허드만", "다고 하드만", "다던데",
    "다든데", "다드만", "다더만", "다든디", "다던디", "다더라", "뜬다", "생긴다", "유망",
)  # fmt: skip
#: The seeker wants, looks for or accepts what the clause names.
WANT_CUES = (
    "싶", "원해", "원합", "원함", "원하", "희망", "찾", "구해", "구합", "구함", "구직", "할래",
    "하려", "할려", "할라고", "헐라고", "할라구", "하고파", "했으면", "면 좋겠", "하면 좋",
    "지원", "알아보", "알아봐", "자리", "일자리", "쪽으로", "바꾸", "바꿔", "전향", "전직",
    "배우", "해보고", "해 보고", "해보려", "해 보려", "해볼려", "해 볼려", "해볼라", "해 볼라",
    "혀볼라", "혀 볼라", "시켜", "주세요", "부탁", "소개", "하면 돼", "괜찮", "좋아요",
    "좋겠", "좋습니다", "갈래", "가고", "가볼라", "가 볼라", "가볼려", "가 볼려", "가보려",
    "가 보려", "갈라고", "갈려고", "가려고", "옮길라", "옮길려", "옮기려", "옮겨 보", "옮겨보",
    "넘어가려", "넘어갈라", "넘어갈려",
)
#: The seeker has done what the clause names (past tense, 경력, 출신...).
EXPERIENCE_CUES = (
    "했", "햇어", "햇엇", "햇었", "햇는", "햇고", "햇습", "혓어", "혓었", "혓는", "해봤", "해 봤", "해본", "해 본", "경력", "경험", "출신", "다녔", "일했", "근무했",
    "하다가", "있다가", "하다", "하던", "오래", "베테랑", "잔뼈", "평생", "하고 있", "하는 중",
    "일하고 있", "있었", "근무했", "종사", "혔", "허다", "다니다", "다니던", "그만두", "퇴직",
    "은퇴", "정년", "나왔", "실직", "그만 뒀", "해왔", "해 왔",
    # who they were: "차에 색 입히던 사람인디", "파이프 깔던 사람이에요"
    "던 사람",
    # operating verbs: 크레인 탔어요, 추레라 몰았소, 미싱 돌렸어라
    "탔", "몰았", "돌렸",
    # Jeolla 댕기다 (다니다), and past tenses typed without the ㅆ (탓어요, 다녓어요)
    "댕겼", "댕겻", "댕기다", "댕기던", "다녓", "탓어", "몰앗", "돌렷",
    # Jeolla 혀 보다 (해 보다): "식당서 밥 혀 봤어라"
    "혀 봤", "혀봤", "혀본", "혀 본",
)
#: Experience cues that, negated, mean "never did it" rather than "won't do it".
EXPERIENCE_NEGATED_CUES = (
    "해봤", "해 봤", "해본", "해 본", "경험", "경력", "안 했", "안했", "못 했", "못했",
    "안 해봤",
)
#: The seeker can do it (할 수 있어요, 가능, 돼요).
CAPABILITY_CUES = (
    "할 수 있", "할수있", "할수 있", "할 수있", "할줄", "할 줄", "다룰", "가능", "자신 있",
    "자신있", "잘해", "잘 해", "잘함", "돼요", "되요", "됩니다", "돼유", "되유", "됨", "헐 수",
    "헐수", "몰 수", "몰수", "몰 줄", "몰줄",
)
#: The seeker holds the certificate the clause names.
POSSESSION_CUES = (
    "있", "땄", "취득", "소지", "보유", "가지고", "갖고", "갖구", "가꼬", "따놨", "따 놨",
    "합격", "ㅇㅇ", "보유중", "잇어", "잇지", "잇음", "잇고", "잇구", "잇당", "잇습", "땃",
)
#: The seeker does not (yet) hold the certificate the clause names.
LACKING_CUES = (
    "없", *TYPED_ABSENCE, "못 땄", "못땄", "안 땄", "안땄", "미취득", "미소지", "따야", "따려", "딸려",
    "딸 예정", "딸려고", "준비", "공부", "취득 예정", "아직", "따고 싶", "따고싶", "만료",
    "취소",
    # on the way, not held: "전기기능사 따는 중인데", "필기만 붙었어요", "실기 남았어요"
    "따는 중", "따는중", "취득 중", "취득중", "보는 중", "보는중", "응시", "시험 봐", "시험봐",
    "필기만", "필기 붙", "필기 합격", "실기만", "실기 남", "학원 다니", "필기는 붙", "필기는 합격",
    "필기는 됐", "필기 됐",
)
#: In an opening, a certificate next to one of these is required. The cue scopes over its
#: own list item only ("※ 용접기능사 필수 · 우대: 특수용접" leaves 특수용접 preferred).
CERT_REQUIRED_CUES = (
    "필수", "반드시", "필히", "꼭 필요", "필요", "있어야", "지참", "만 지원", "만 가능",
    "에 한함", "에 한해", "에 한정", "에 한하여", "지원 불가", "불가", "없으면 안", "없으면 못",
    "없으면 곤란", "없으면 어렵", "없으면 지원 어렵", "없으면 지원이 어렵", "없으시면",
    "미소지 시", "미소지시", "소지 필", "이상 소지", "요구", "자격 요건", "必",
)
#: "X 소지자": required when nothing else is said ("X 소지자 우대" is preferred).
CERT_HOLDER_CUES = (
    "소지자", "보유자", "취득자", "소지하신", "보유하신", "취득하신", "소지한", "보유한",
    "소지", "보유", "취득",
)
#: In an opening, a certificate next to one of these is welcome but not required.
CERT_PREFERRED_CUES = (
    "우대", "있으면 좋", "있으면 더 좋", "가산", "환영", "선호", "가점", "플러스",
    "있으신 분 좋", "우선 채용", "우선 선발", "우선 고려",
)
#: "You may apply without it": never a requirement, whatever else the item says.
CERT_NOT_REQUIRED_CUES = (
    "없어도", "불필요", "필요 없", "필요없", "필수 아", "필수는 아", "아니어도", "자격 무관",
    "자격증 무관", "면허 무관", "소지 무관", "유무 무관", "유무 상관", "상관없", "상관 없",
    "관계없", "관계 없", "미소지자 가능", "미소지자도 가능", "미소지 가능", "취득 예정",
    "취득 지원", "입사 후 취득", "없으신 분도", "없는 분도", "없으셔도", "취득 교육", "취득 비용",
)
#: Nouns that stand for "a certificate" without naming one ("자격증 있어요").
CERTIFICATE_WORDS = (
    "자격증", "자격", "면허증", "면허", "기능사", "라이센스", "라이선스", "license", "licence",
    # typed a key off ("지게차 자걱증 땄어요")
    "자걱증", "자겨증", "자격쯩",
)
#: Of those, the ones that name a licence: a trade has one ("지게차 면허"), so "면허 있어요"
#: is that one, where "자격증 있어요" may be any of the trade's certificates.
LICENCE_WORDS = ("면허", "라이센스", "라이선스", "license", "licence")
#: Being where one lives or commutes from.
HOME_CUES = (
    "살", "사는", "삽니다", "사요", "산다", "사는디", "거주", "집", "출퇴근", "다닐", "다녀",
    "근처", "동네", "주소", "이사", "쪽이", "쪽에", "살구", "사라요", "이에요", "예요", "이요",
)
#: Text right after a shift or employment type that makes it "... only" (주간만).
ONLY_CUES = ("만", "으로만", "로만", "에만", "근무만", " 근무만", " 만")
#: Words that make a bare number in the message a pay amount ("300은 받아야").
PAY_CUES = (
    "받", "벌", "월급", "급여", "월", "시급", "일당", "연봉", "페이", "돈", "줘", "주는",
    "준다", "만원", "원", "세후", "실수령", "임금", "보수", "수입",
)
#: Years stated with these are a whole career, not one occupation's.
TOTAL_YEARS_CUES = ("경력", "총", "일한 지", "일한지", "일만", "직장 생활", "사회생활", "통틀어")
#: Years of something other than work, said with no work in their clause ("결혼 오년 됐어요",
#: "애 키우느라 삼년 쉬었는데", "한국 온지 칠년").
NOT_WORK_YEARS_CUES = (
    "결혼", "쉬었", "쉬고", "쉬다", "쉰지", "쉰 지", "쉬는", "놀았", "놀고", "키우", "육아",
    "온지", "온 지", "왔는데", "살았", "산지", "산 지", "살고", "군대", "학교",
)  # fmt: skip
#: Cues that a stated distance or duration is a commute limit.
#: On foot: "걸어 다닐 수 있으면", "도보로" — a commute of a walk (conditions.WALKING_KM).
WALKING_CUES = ("걸어서", "걸어 다닐", "걸어다닐", "걸어 갈", "걸어갈", "걸어 다니", "걸어다니", "도보")
#: Work wished near home, with no distance said ("대야 사는디 집 근처 낮일").
NEAR_HOME_CUES = ("집 근처", "집근처", "집 가까운", "집에서 가까운", "집이랑 가까운", "동네 근처")
COMMUTE_CUES = (
    "출퇴근", "거리", "통근", "이내", "안쪽", "차로", "걸리", "멀", "가까", "내외", "이동",
)
#: A word ending in one of these closes a clause ("없고", "했는데", "다쳐서", "있어요").
CLAUSE_ENDINGS = (
    # -어서 and its contractions; a bare 서 is too often 에서 ("군산서") to split on
    "고", "고요", "구요", "는데", "는데요", "은데", "인데", "한데", "건데", "던데", "른데",
    "운데", "데", "는디", "은디", "운디", "던디", "른디", "건디", "인디", "한디", "헌디", "근디",
    "디요", "지만", "지만요", "니까",
    "니깐", "니께", "께", "면서", "다가", "요", "다", "음", "함", "임", "죠", "쥬", "어유",
    "아유", "해유", "슈", "당께", "라우", "잉", "어서", "아서", "해서", "여서", "워서", "와서",
    "쳐서", "져서", "려서", "혀서", "봐서", "돼서", "되서", "겨서", "러서", "나서", "파서",
    "퍼서", "가서", "떠서", "줘서", "셔서", "라서", "내서", "서요",
    # Jeolla sentence ends: "자격증은 없어라", "용접 했지라"
    "어라", "지라",
)
#: A "-고" word followed by one of these is an auxiliary construction, not a clause end
#: ("하고 싶어요", "하고 있어요").
AUXILIARY_STARTS = ("싶", "있", "계시", "보니", "나서", "말았", "다니")
#: Words that end like a clause ending but are nouns or particles: no split after them.
CLAUSE_NOUN_EXCEPTIONS = frozenset({
    "창고", "입고", "출고", "재고", "최고", "광고", "공고", "사고", "경고", "참고", "보고",
    "신고", "잔고", "이력서", "증명서", "계약서", "부서", "문서", "순서", "경찰서", "소방서",
    "동네", "처음", "마음", "조선소", "사무소", "연구소", "인력소", "사업소", "주소", "요소",
    "장소", "필요", "중요", "바다", "우대", "정도", "경우", "함께", "그다",
})
#: Words that open a new clause ("근데", "그리고").
CLAUSE_CONJUNCTIONS = frozenset({
    "근데", "그런데", "그리고", "하지만", "그래도", "그래서", "근디", "긍께", "그니까",
    "그러니까", "그치만", "그러나", "아니면", "대신", "글고", "그라고", "그란디", "헌디",
})
# fmt: on
