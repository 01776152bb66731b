"""Korean texts the actions send (short, polite 해요체, sized for a phone screen)."""

from __future__ import annotations

RESULTS_INTRO = "{summary} 조건으로 찾은 일자리예요."
#: The intro's summary when the profile names no condition worth repeating.
SAID_CONDITIONS = "말씀하신"
RESULTS_MORE_INTRO = "다른 일자리도 보여 드릴게요."
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
FALLBACK_FIRST = (
    "죄송해요, 잘 이해하지 못했어요. "
    "'용접 10년, 군산 살아요, 야간은 못해요'처럼 말씀해 주시면 일자리를 찾아 드려요."
)
FALLBACK_OFFER = "제가 계속 잘 못 알아듣네요. 상담사를 연결해 드릴까요?"
RESTARTED = "처음부터 다시 할게요. 어떤 일을 찾으세요? 해 보신 일과 경력을 알려 주세요."
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
CERTIFICATE_LACKING = "{name} 없음"
ANY_REGION = "어디든"
ANY_PAY = "상관없음"
ANY_SHIFT = "상관없음"
YEARS = "{job} {years}년"
MIN_PAY = "월 {man:,}만원 이상"
DAY_SHIFT_ONLY = "주간만"
SHIFTS_EXCLUDED = "{shifts} 불가"
SHIFTS_WANTED = "{shifts} 가능"
