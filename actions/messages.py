"""Korean texts the actions send (short, polite 해요체, sized for a phone screen)."""

from __future__ import annotations

RESULTS_INTRO = "{summary} 조건으로 찾은 일자리예요."
#: Added to the intro when the seeker named no region: the default is shown so they can correct it.
DEFAULT_REGION_NOTE = " {region} 기준으로 찾았어요. 다른 지역이면 말씀해 주세요."
#: A search again after a change, when the intro alone would repeat the last one.
RESULTS_AGAIN = "말씀하신 대로 다시 찾았어요. "
ANYWORK_INTRO = (
    "하실 일을 아직 몰라서 {region} 근처 일자리를 두루 찾아봤어요. "
    "해 보신 일을 알려 주시면 더 잘 맞춰 드려요."
)
#: Conditions said but no work yet ("토요일 일요일만 되는 알바 있나요"): the work is asked next.
ANYWORK_CONDITIONS_INTRO = "{summary} 조건에 맞는 일자리를 여러 직종에서 찾아봤어요."
#: The intro's summary when the profile names no condition worth repeating.
SAID_CONDITIONS = "말씀하신"
RESULTS_MORE_INTRO = "다른 일자리도 보여 드릴게요. ({first}~{last}번째)"
NO_RESULTS = (
    "지금 조건에 맞는 공고를 찾지 못했어요. 조건을 조금 넓혀 보시거나 상담사 연결을 요청해 주세요."
)
NO_MORE_RESULTS = "더 보여 드릴 공고가 없어요. 조건을 바꿔 보시거나 상담사에게 물어보세요."
NEED_PROFILE = (
    "먼저 어떤 일을 해 보셨고 어떤 일을 찾으시는지 알려 주세요. (예: 조선소 용접 15년, 군산 살아요)"
)
WHICH_OPENING = "몇 번째 공고인지 알려 주세요. (예: 1번 자세히)"
OPENING_GONE = "그 공고는 찾을 수 없어요. 마감되었거나 내려간 공고일 수 있어요."
APPLY_RECORDED = (
    "'{title}' ({company}) 지원 의사를 기록했어요. "
    "회사에 알리기 전에 어떤 정보가 전달되는지 먼저 보여 드리고 동의를 받을게요."
)
HANDOFF_STARTED = (
    "상담사에게 연결해 드릴게요. 잠시만 기다려 주세요. 상담사가 이 대화로 답해 드려요."
)
RESTARTED = "처음부터 다시 할게요. 어떤 일을 찾으세요? 해 보신 일과 경력을 알려 주세요."
# -- what the bot says and asks next (actions.next_step); two phrasings each, so the same
# text is never sent twice in a row ---------------------------------------------------------------
SAY: dict[str, tuple[str, str]] = {
    "greet": ("반가워요!", "네, 반가워요."),
    "rephrase": (
        "죄송해요, 잘 이해하지 못했어요. "
        "'용접 10년, 군산 살아요, 야간은 못해요'처럼 말씀해 주시면 일자리를 찾아 드려요.",
        "죄송해요, 무슨 말씀인지 잘 모르겠어요. "
        "해 보신 일이나 찾으시는 일을 알려 주세요. (예: 지게차 3년, 익산 살아요)",
    ),
    "out_of_scope": (
        "죄송해요, 그건 제가 도와드리기 어려워요. 저는 일자리 찾기를 도와드려요. "
        "해 보신 일이나 찾으시는 일을 말씀해 주세요.",
        "그 일은 제가 잘 몰라요. 일자리라면 찾아 드릴 수 있어요. 하실 일을 알려 주세요.",
    ),
    "lost": ("제가 말씀을 계속 잘 못 알아듣네요.", "제가 자꾸 말씀을 놓치네요."),
    "calm": (
        "불편하게 해 드렸다면 죄송해요. 저는 일자리 찾기를 돕는 봇이라 부족한 점이 있어요.",
        "마음이 상하셨다면 죄송해요. 제가 부족한 점이 있어요.",
    ),
    "still_lost": (
        "죄송해요, 이번에도 잘 모르겠어요. "
        "해 보신 일이나 찾으시는 일을 짧게 적어 주시거나 아래 버튼을 눌러 주세요.",
        "아직 잘 못 알아들었어요. '용접', '포장', '청소'처럼 일 이름만 적어 주셔도 돼요.",
    ),
    "ok": ("알겠어요.", "네, 알겠어요."),
    "noted": (
        "알겠어요. 지금 보여 드린 일자리가 말씀하신 조건에 맞는 곳이에요. "
        "다른 조건이 있으면 말씀해 주세요.",
        "네, 반영했어요. 결과는 위와 같아요. '더 보기'를 누르시면 다른 곳도 보여 드려요.",
    ),
    "closing": (
        "알겠어요. 다른 조건으로 찾고 싶으시면 언제든 말씀해 주세요.",
        "네. 필요하시면 '더 보기'나 '상담사 연결'을 눌러 주세요.",
    ),
    "goodbye": (
        "이용해 주셔서 고마워요. 좋은 일자리 꼭 찾으시길 바라요. 언제든 다시 말씀 주세요!",
        "네, 들어가세요. 필요하실 때 언제든 다시 말씀 주세요.",
    ),
    "iamabot": (
        "네, 저는 사람이 아니라 자동으로 답하는 프로그램이에요. 해 보신 일을 알려 주시면 "
        "일자리를 찾아 드리고, 사람과 이야기하고 싶으시면 '상담사 연결'이라고 보내 주세요.",
        "저는 센터의 자동 안내 프로그램이에요. 사람과 이야기하시려면 '상담사 연결'이라고 "
        "보내 주세요.",
    ),
    "help": (
        "해 보신 일이나 찾으시는 일을 말씀해 주시면 바로 맞는 일자리를 찾아 드려요. "
        "사는 곳, 급여, 근무시간은 언제 말씀하셔도 반영해요. "
        "'더 보기', '1번 자세히', '지원할래요', '상담사 연결', '처음부터'라고 하셔도 돼요.",
        "일 이름만 말씀하셔도 찾아 드려요. (예: 용접 10년, 포장, 청소) "
        "사람과 이야기하시려면 '상담사 연결'이라고 보내 주세요.",
    ),
}
ASK: dict[str, tuple[str, str]] = {
    "occupation": (
        "어떤 일을 찾으세요? 해 보신 일이나 하고 싶은 일을 알려 주세요. (예: 용접 10년, 포장, 청소)",
        "하실 일을 한 가지만 알려 주시면 바로 찾아 드릴게요. '지게차', '공장 일 아무거나'처럼요.",
    ),
    "has_certificates": (
        "이 일에 쓰는 자격증이 있으세요? 있으시면 맞는 공고를 더 잘 골라 드려요.",
        "자격증이 있으신지 알려 주시면 더 맞춰 드려요. 있으세요?",
    ),
    "which_certificates": (
        "어떤 자격증이 있으세요? 아래에서 고르시거나 이름을 적어 주세요.",
        "자격증 이름을 알려 주시면 맞는 공고를 더 잘 찾아요. (예: 지게차운전기능사)",
    ),
    "region": (
        "어느 지역에서 찾아 드릴까요?",
        "찾으실 지역 이름을 알려 주세요. (예: 익산, 김제, 전주)",
    ),
    "counselor_offer": (
        "상담사를 연결해 드릴까요? 센터 상담사가 직접 도와드려요.",
        "센터 상담사와 직접 이야기해 보시겠어요?",
    ),
}
#: Buttons that answer a question or refine the results (title, message sent).
BUTTON_ANY_WORK = ("아무 일이나", "아무 일이나 괜찮아요")
BUTTON_NO_CERTIFICATES = ("자격증 없어요", "자격증 없어요")
CERTIFICATE_CHOICE = "{name} 있어요"
REGION_CHOICES = (
    ("군산", "군산에서 찾아 주세요"),
    ("익산", "익산에서 찾아 주세요"),
    ("김제", "김제에서 찾아 주세요"),
    ("전주", "전주에서 찾아 주세요"),
    ("서천", "서천에서 찾아 주세요"),
    ("어디든", "지역은 어디든 괜찮아요"),
)
REFINE_DAY_ONLY = ("주간만", "주간만 할래요")
REFINE_PAY = ("월 300 이상", "월 300 이상 받고 싶어요")
REFINE_CERTIFICATES = ("자격증 있어요", "자격증 있어요")
BUTTON_OTHER_REGION = "다른 지역"
BUTTON_START_OVER = "처음부터"
BUTTON_DETAILS = "자세히"
BUTTON_APPLY = "지원할래요"
BUTTON_MORE = "더 보기"
BUTTON_COUNSELOR = "상담사 연결"
BUTTON_YES_COUNSELOR = "네, 연결해 주세요"
BUTTON_NO = "아니요"
ACTION_FAILED = "죄송해요, 잠시 문제가 생겼어요. 조금 뒤에 다시 말씀해 주시거나 '상담사 연결'이라고 보내 주세요."
# -- the form slots' short summaries (shown in /profile and to counselors) ----------------------
ANY_OCCUPATION = "무엇이든"
NO_CERTIFICATES = "없음"
NO_CERTIFICATES_SAID = "자격증 없음"
CERTIFICATE_LACKING = "{name} 없음"
ANY_REGION = "어디든"
WORK_REGIONS = "{places} 쪽"
ANY_PAY = "상관없음"
ANY_SHIFT = "상관없음"
YEARS = "{job} {years}년"
MIN_PAY = "{floor} 이상"
HIGH_PAY = "급여 높은 곳"
DAY_SHIFT_ONLY = "주간만"
SHIFTS_EXCLUDED = "{shifts} 불가"
SHIFTS_WANTED = "{shifts} 가능"
EMPLOYMENT_EXCLUDED = "{types} 제외"
DORMITORY = "기숙사 필요"
COMMUTE_BUS = "통근버스 필요"
NO_WEEKENDS = "주말 휴무"
WEEKENDS_ONLY = "주말만"
NEWCOMER = "초보 가능"
SHORT_TERM = "단기 근무"
AGE = "{age}세"
WORK_HOURS = "{part}만"
COMMUTE_LIMIT = "{km}km 이내"
REGION_EXCLUDED = "{region} 제외"
DAILY_HOURS = "하루 {hours}시간 이내"
WORK_WINDOW = "{start}시~{end}시"
WORK_UNTIL = "{end}시까지"
WORK_FROM = "{start}시부터 (새벽 제외)"
#: The seeker's limits as they said them (a re-scoring, not a filter: nothing is "빼고").
PHYSICAL_LIMITS = {
    "heavy": "힘든 일 어려움",
    "standing": "오래 서는 일 어려움",
    "heights": "높은 곳 어려움",
    "stairs": "계단 많은 일 어려움",
    "travel": "출장 어려움",
}
# -- career paths and courses (actions.paths, issue 15) -------------------------------------------
PATHS_INTRO = (
    "{origin} 경력으로 갈 수 있는 길을 정리했어요. 센터가 정리한 경로표와 지금 올라온 공고, "
    "곧 시작하는 훈련과정을 함께 보여 드릴게요."
)
#: A second phrasing, for paths shown again right after the first.
PATHS_INTRO_AGAIN = "{origin} 경력에서 이어지는 길을 다시 보여 드릴게요."
PATHS_NEED_TRADE = (
    "해 보신 일을 알려 주시면 그 경력으로 갈 수 있는 일과 훈련과정을 보여 드릴게요. "
    "(예: 조선소 용접 20년, GM 차체 15년)"
)
PATHS_UNKNOWN_TRADE = (
    "말씀하신 일에서 이어지는 길은 아직 센터 경로표에 없어요. 상담사가 함께 찾아 드릴 수 있어요."
)
PATHS_UNAVAILABLE = "지금은 경로표를 읽을 수 없어요. 상담사에게 물어봐 주세요."
#: "1. 조선 용접 20년 → 해상풍력 … 용접: 가지신 특수용접기능사 그대로, 군산 근처 3건 채용 중"
PATH_HEADLINE = "{rank}. {origin} → {occupation}: {summary}"
PATH_KEPT_CERTIFICATES = "가지신 {names} 그대로"
PATH_HIRING = "{region} 근처 {count}건 채용 중"
PATH_NOT_HIRING = "{region} 근처에는 지금 바로 지원하실 공고가 없어요"
PATH_CARRY_OVER = "✔ 이어지는 기술: {items}"
PATH_MISSING = "✚ 새로 익힐 것: {items}"
PATH_HELPFUL_CERTIFICATES = "📜 도움이 되는 자격: {names}"
PATH_PAY = "💰 임금: 지역 시세로 하시던 일의 약 {percent}%"
PATH_OPENINGS = "📋 지금 지원하실 수 있는 공고 (경력 요건이 맞는 곳만):"
PATH_OPENING = " · {title} ({company})"
PATH_NOTE = "참고: {note}"
COURSES_HEADER = "부족한 부분을 채우는 훈련과정이에요."
NO_COURSES = "지금 곧 시작하는 맞는 훈련과정은 없어요. 상담사가 다른 과정을 찾아 드릴 수 있어요."
COURSE_TITLE = "📚 {title}"
COURSE_WHERE = "{institution} · {region}"
COURSE_WHEN = "{starts} 시작 (~{ends})"
COURSE_WHEN_OPEN = "{starts} 시작"
COURSE_HOURS = " · {hours}시간"
COURSE_FREE = "자부담 없음"
COURSE_SELF_PAY = "자부담 {amount:,}원"
COURSE_SELF_PAY_UNKNOWN = "자부담 확인 필요"
BUTTON_OPENING_DETAILS = "{company} 자세히"
BUTTON_DISCUSS = "상담사와 상의"
BUTTON_SEARCH = "일자리 찾기"
#: Under results where the seeker's own trade has few openings.
BUTTON_PATHS = "경력 살려 갈 다른 길 보기"
