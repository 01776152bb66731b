"""Korean texts for companies, the seeker's consent, and `jobbot company invite`.

Seekers hear short, polite 해요체; company contacts get the same tone, a little more formal.
"""

from __future__ import annotations

# -- what may go to a company: field keys (stored in Consent.fields) and their labels --------
FIELD_LABELS = {
    "experience": "경력 요약",
    "certificates": "자격증",
    "region": "사는 지역(시·군)",
    "wishes": "희망 조건",
}
WISH_JOB = "희망 직종 {jobs}"
WISH_EMPLOYMENT = "{types} 희망"
WISH_DORMITORY = "기숙사 필요"
WISH_COMMUTE_BUS = "통근버스 필요"
EXPERIENCE_NO_YEARS = "{job} 경험"
CANDIDATE_NUMBER = "후보 {number:04d}번"

# -- consent (to the seeker) ------------------------------------------------------------------
CONSENT_QUESTION = (
    "'{title}' ({company}) 지원 의사를 기록했어요. 회사에 알리기 전에 여쭤볼게요: "
    "아래 정보를 {company}에 보내도 될까요?\n\n"
    "보내는 정보\n"
    "{fields}\n\n"
    "이름, 전화번호, 텔레그램 계정은 보내지 않아요. 회사에는 '{candidate}'으로만 보여요. "
    "회사가 면접을 제안하면 센터 상담사가 연락드려요."
)
CONSENT_INTEREST_ONLY = "• 이 공고에 지원하고 싶다는 것 (다른 정보는 아직 없어요)"
CONSENT_FIELD = "• {label}: {value}"
BUTTON_CONSENT_YES = "동의해요"
BUTTON_CONSENT_NO = "동의하지 않아요"
CONSENT_GIVEN_MARK = "✔ 동의하셨어요."
CONSENT_REFUSED_MARK = "✖ 동의하지 않으셨어요."
CONSENT_DECLINED = (
    "알겠어요. {company}에는 아무것도 보내지 않았어요. "
    "마음이 바뀌면 공고의 '지원할래요'를 다시 눌러 주세요."
)
CONSENT_ALREADY_ANSWERED = "이미 답해 주셨어요."
CONSENT_NOT_YOURS = "이 지원에 대한 버튼이 아니에요."
APPLICATION_NOT_FOUND = (
    "지원 정보를 찾지 못했어요. 잠시 뒤 다시 눌러 주시거나 '상담사 연결'이라고 보내 주세요."
)

# -- delivery (to the seeker) -----------------------------------------------------------------
SENT_TO_COMPANY = "{company}에 '{title}' 지원 정보를 보냈어요. 회사가 답하면 알려 드릴게요."
CENTER_WILL_FORWARD = (
    "{company} 담당자는 아직 이 봇에 연결되어 있지 않아요. "
    "센터에서 대신 전달해 드릴게요. 회사가 답하면 알려 드릴게요."
)
ALREADY_IN_PROGRESS = {
    "consented": "'{title}' ({company}) 지원은 센터에서 회사에 전달하고 있어요. 답이 오면 알려 드릴게요.",
    "sent": "'{title}' 지원 정보는 이미 {company}에 보냈어요. 회사가 답하면 알려 드릴게요.",
    "held": "{company}에서 '{title}' 지원을 검토하고 있어요. 결과가 나오면 알려 드릴게요.",
    "offered": "{company}에서 '{title}' 면접을 이미 제안했어요. 센터 상담사가 일정을 안내해 드릴게요.",
    "declined": "{company}에서는 이번 '{title}' 채용을 함께하기 어렵다고 답했어요. 다른 일자리도 같이 찾아봐요.",
}

# -- the company's answer (to the seeker) -----------------------------------------------------
DECISION_TO_SEEKER = {
    "offered": "{company}에서 '{title}' 면접을 제안했어요. 센터 상담사가 일정을 안내해 드릴게요.",
    "held": "{company}에서 '{title}' 지원을 검토하고 있어요. 결과가 나오면 알려 드릴게요.",
    "declined": (
        "{company}에서 이번 '{title}' 채용은 함께하기 어렵다고 알려 왔어요. "
        "다른 일자리도 같이 찾아봐요."
    ),
}

# -- the candidate card (to the company) ------------------------------------------------------
CARD = (
    "[새 지원자] {candidate}\n"
    "공고: {title}\n\n"
    "{fields}\n\n"
    "{reasons}"
    "구직자가 위 정보를 {company}에 보내는 데 동의했어요. 이름과 연락처는 센터가 관리하며, "
    "면접을 제안하시면 센터 상담사가 일정을 조율해 드려요."
)
CARD_NO_FIELDS = "(공고에 지원하고 싶다는 의사만 밝혔어요)"
CARD_REASONS = "공고와 맞는 점\n{reasons}\n\n"
BUTTON_OFFER = "면접 제안"
BUTTON_HOLD = "보류"
BUTTON_DECLINE = "거절"
DECISION_LABELS = {"offered": BUTTON_OFFER, "held": BUTTON_HOLD, "declined": BUTTON_DECLINE}
#: Appended to the card when a decision is made; everything from it on is replaced later.
DECISION_MARK = "\n\n━━━━━━━━\n"
DECISION_LINES = {
    "offered": "✔ 면접 제안 ({at}). 센터 상담사가 구직자에게 일정을 안내해요.",
    "held": "⏸ 보류 ({at}). 정하시면 아래 버튼을 눌러 주세요.",
    "declined": "✖ 거절 ({at}). 구직자에게 정중히 알렸어요.",
}
DECISION_RECORDED = "'{label}'(으)로 처리했어요."
DECISION_ALREADY = "이미 '{label}'(으)로 처리된 지원이에요."
DECISION_NOT_OPEN = "이 지원은 지금 답할 수 없는 상태예요. 센터 상담사에게 문의해 주세요."
DECISION_NOT_ALLOWED = (
    "이 카드에 답할 권한이 없어요. 회사 담당자로 연결된 대화에서만 누를 수 있어요."
)

# -- invites (to the company contact) ---------------------------------------------------------
INVITE_BOUND = (
    "{company} 담당자로 연결되었어요. 구직자가 동의하면 이 대화로 지원자 카드가 와요. "
    "카드의 버튼(면접 제안 / 보류 / 거절)으로 답해 주세요. "
    "구직자의 이름과 연락처는 보내지 않으며, 면접 일정은 센터 상담사가 조율해요."
)
INVITE_ALREADY_BOUND = (
    "이미 {company} 담당자로 연결되어 있어요. 지원자 카드가 오면 버튼으로 답해 주세요."
)
INVITE_UNKNOWN = "초대 링크를 확인하지 못했어요. 센터에서 받은 링크를 다시 열어 주시거나 새 링크를 요청해 주세요."
INVITE_USED = "이미 사용된 초대 링크예요. 링크 하나로 한 번만 연결할 수 있으니 센터에 새 링크를 요청해 주세요."
INVITE_EXPIRED = "초대 링크의 유효 기간이 지났어요. 센터에 새 링크를 요청해 주세요."
COMPANY_CHAT_HELP = (
    "이 대화는 {company} 지원자 카드를 받는 곳이에요. 카드의 버튼으로 답해 주시고, "
    "다른 문의는 센터 상담사에게 해 주세요."
)

# -- to the counselors' group -----------------------------------------------------------------
COUNSELOR_FORWARD_NEEDED = (
    "[전달 필요] {candidate} (지원 {application_id}): {company} '{title}'. 구직자가 동의했지만 "
    "회사가 봇에 연결되어 있지 않아요. 회사에 직접 전달하시거나 "
    '`jobbot company invite "{company}"`로 초대 링크를 만들어 보내 주세요.'
)
COUNSELOR_OFFERED = (
    "[면접 제안] {candidate} (지원 {application_id}): {company} '{title}'. "
    "구직자에게 면접 일정을 안내해 주세요."
)

# -- `jobbot company invite` (to center staff) ------------------------------------------------
CLI_INVITE_CREATED = "{company} 초대 링크를 만들었어요 ({expires}까지, 한 번만 쓸 수 있어요):"
CLI_INVITE_HOW = "회사 담당자가 텔레그램에서 이 링크를 열고 '시작'을 누르면 연결돼요."
CLI_INVITE_NO_USERNAME = "봇 사용자 이름을 알 수 없어 링크 대신 명령을 드려요. 담당자가 봇과의 대화에서 아래를 그대로 보내면 돼요:"
CLI_INVITE_USERNAME_HINT = (
    "(링크로 받으려면 .env에 JOBBOT_TELEGRAM_BOT_USERNAME=봇사용자이름 을 적거나 "
    "JOBBOT_TELEGRAM_TOKEN을 설정해 주세요.)"
)
CLI_COMPANY_NOT_FOUND = "'{name}' 회사를 찾지 못했어요."
CLI_CLOSE_MATCHES = "비슷한 이름: {names}"
CLI_NO_CLOSE_MATCHES = (
    "비슷한 이름도 없어요. 공고를 먼저 가져왔는지(`jobbot import`) 확인해 주세요."
)
