"""Korean texts of the Telegram front end: seekers, counselors, companies, and the seeker's
consent. Seekers hear short, polite 해요체; company contacts the same tone, a little more formal.
"""

from __future__ import annotations

# shared with the console
from bot.messages import BOT_UNAVAILABLE as BOT_UNAVAILABLE
from bot.messages import EMPTY_REPLY as EMPTY_REPLY
from nlu.profile import FormSlot

# -- Telegram: seekers ----------------------------------------------------------------------------

START_GREETING = (
    "안녕하세요! 군산 일자리지원센터 일자리 안내 봇이에요.\n"
    "해 보신 일, 사는 곳, 원하는 급여와 근무시간을 말씀해 주시면 맞는 일자리를 찾아 드려요."
)
PRIVACY_NOTICE = (
    "개인정보 안내 (군산 일자리지원센터)\n"
    "• 목적: 일자리 추천과 상담\n"
    "• 항목: 말씀하신 경력·자격증·사는 곳·희망 급여·근무형태, 대화 내용\n"
    "• 보관: 프로필 저장에 동의하지 않으시면 대화 내용은 대화가 끝나고 "
    "{tracker_minutes}분 뒤에 지워요. 동의하시면 /delete 나 동의 철회 때까지 보관해요. "
    "상담 기록은 {handoff_days}일, 끝난 지원 기록은 {application_days}일 뒤에 지워요.\n"
    "이름과 전화번호는 묻지 않아요. /delete 를 누르시면 언제든 모두 지우고, "
    "/withdraw 로 동의를 거두실 수 있어요."
)
CONSENT_QUESTION = (
    "다음에 다시 말씀하지 않으셔도 되도록 프로필을 저장해 둘까요? "
    "동의하지 않으셔도 일자리 찾기는 그대로 쓰실 수 있어요. 다만 대화가 끝나면 "
    "말씀하신 내용이 남지 않아서, 다음에 다시 말씀해 주셔야 해요. "
    "답해 주시기 전까지는 저장하지 않아요."
)
BUTTON_CONSENT_YES = "동의해요"
BUTTON_CONSENT_NO = "동의하지 않아요"
CONSENT_CHOSEN = "{question}\n→ {answer}"
# The greeting above already asked what work; the answer to the consent does not ask again.
CONSENT_GIVEN = "고마워요. 프로필을 저장해 둘게요."
#: A message that came before the answer to the keep-profile question: it waits for it.
CONSENT_FIRST = (
    "먼저 위 질문에 '동의해요' 또는 '동의하지 않아요'로 답해 주세요. "
    "답해 주시면 보내 주신 말씀에 바로 이어서 답해 드릴게요."
)
CONSENT_DECLINED = (
    "알겠어요. 프로필은 저장해 두지 않을게요. 이번 대화의 내용은 대화가 끝나면 지워요. "
    "그래도 일자리는 찾아 드려요."
)
WITHDRAW_DONE = (
    "동의를 거두었어요. 저장해 둔 프로필을 지웠고, 아직 회사에 보내지 않은 지원 정보는 "
    "보내지 않아요."
)
WITHDRAW_SENT_ALREADY = (
    "이미 회사에 보낸 지원({titles})은 되돌릴 수 없어요. 회사에서 지워 달라고 하시려면 "
    "'상담사 연결'이라고 보내 주세요."
)
WITHDRAW_ONE_DONE = "동의를 거두었어요. '{title}' 지원 정보는 회사에 보내지 않아요."
WITHDRAW_NOTHING = "거두실 동의가 없어요. 저장된 프로필도, 보내기를 기다리는 지원도 없어요."
BUTTON_WITHDRAW = "동의 철회"
HELP = (
    "이렇게 쓰시면 돼요.\n"
    "• 해 보신 일과 찾는 일을 편하게 말씀해 주세요. (예: 용접 15년, 군산 살아요, 야간은 못해요)\n"
    "• 공고 아래 버튼으로 자세히 보거나 지원할 수 있어요.\n"
    "• 📎 버튼으로 위치를 보내시면 사는 곳으로 알아들어요.\n"
    "• '상담사 연결'이라고 보내시면 센터 상담사가 답해 드려요.\n"
    "\n"
    "/profile 내 프로필 보기\n"
    "/reset 처음부터 다시\n"
    "/delete 내 정보 모두 지우기\n"
    "/withdraw 동의 철회 (프로필 저장, 회사에 보내기)\n"
    "/help 도움말"
)
PROFILE_HEADER = "지금까지 말씀하신 내용이에요."
PROFILE_EMPTY = "아직 말씀하신 내용이 없어요. 해 보신 일과 찾으시는 일을 알려 주세요."
PROFILE_NOT_KEPT = (
    "프로필 저장에 동의하지 않으셔서 저장해 둔 프로필이 없어요. "
    "저장해 두시려면 아래 '동의해요'를 눌러 주세요."
)
PROFILE_UNAVAILABLE = "지금은 프로필을 불러올 수 없어요. 조금 뒤에 다시 해 주세요."
PROFILE_LABELS: dict[FormSlot, str] = {
    "occupation": "하신 일·경력",
    "certificates": "자격증",
    "region": "사는 곳",
    "pay": "희망 급여",
    "shift": "근무형태",
}
PROFILE_LINE = "• {label}: {value}"
DELETE_CONFIRM = (
    "저장된 프로필, 지원 기록, 상담 기록과 대화 내용을 모두 지울까요? 지우면 되돌릴 수 없어요."
)
BUTTON_DELETE_YES = "네, 모두 지워 주세요"
BUTTON_DELETE_NO = "아니요"
DELETE_DONE = (
    "모두 지웠어요. 프로필, 지원·상담 기록, 대화 내용과 상담방의 글이 남아 있지 않아요. "
    "다시 이용하시려면 아무 말이나 보내 주세요."
)
DELETE_DONE_SENT = (
    "센터에 남은 정보는 모두 지웠어요. 다만 이미 회사에 보낸 지원 정보({titles})는 "
    "회사 쪽에 남아 있어요. 회사에서도 지워 달라고 하시려면 '상담사 연결'이라고 보내 주세요."
)
DELETE_DONE_TOPIC_PENDING = (
    "프로필, 지원·상담 기록과 대화 내용은 모두 지웠어요. 다만 상담방에 남은 글은 텔레그램이 "
    "아직 지우게 해 주지 않아서, 센터에 알렸고 지울 수 있게 되는 대로 자동으로 지워요."
)
DELETE_WITH_COMPANY = (
    "이미 회사에 보낸 지원 정보({titles})는 회사 쪽에 남아 있어요. 회사에서도 지워 달라고 "
    "하시려면 '상담사 연결'이라고 보내 주세요."
)
DELETE_CANCELLED = "지우지 않았어요. 계속 도와드릴게요."
MEDIA_UNSUPPORTED = (
    "사진이나 파일은 아직 읽지 못해요. 글로 적어 주시거나 '상담사 연결'이라고 보내 주세요."
)
VOICE_UNSUPPORTED = (
    "음성 메시지는 아직 듣지 못해요. 글로 적어 주시거나 '상담사 연결'이라고 보내 주세요."
)
STICKER_REPLY = "😊 찾으시는 일을 글로 말씀해 주시면 일자리를 찾아 드려요."
#: What a shared location tells Rasa, as if the seeker had typed it.
LOCATION_AS_TEXT = "{region} 살아요"
UNKNOWN_COMMAND = "그런 명령은 없어요. /help 를 누르시면 쓰는 방법이 나와요."
BUTTON_EXPIRED = "오래된 버튼이에요. 원하시는 것을 글로 말씀해 주세요."
ERROR_APOLOGY = (
    "죄송해요, 처리하다가 문제가 생겼어요. 조금 뒤에 다시 보내 주세요. "
    "급하시면 '상담사 연결'이라고 보내 주세요."
)
BUTTON_OPEN_POSTING = "공고 원문 보기"

# -- Telegram: handoff, as the seeker sees it -----------------------------------------------------

HANDOFF_TOAST = "상담사와 연결되어 있어요. 하실 말씀을 글로 보내 주세요."
HANDOFF_HELP = (
    "지금 센터 상담사와 연결되어 있어요. 보내시는 글·사진·파일은 상담사에게 전달돼요.\n"
    "봇과 처음부터 다시 하시려면 /reset 을 눌러 주세요."
)
HANDOFF_UNAVAILABLE = (
    "죄송해요, 지금은 상담사 연결을 할 수 없어요. 봇이 계속 도와드릴게요. "
    "센터에 직접 문의하셔도 돼요."
)
OFFICE_CLOSED = (
    "지금은 상담 시간이 아니에요. 남겨 주신 말씀은 상담사가 {when}부터 확인하고 답해 드려요."
)
COUNSELOR_JOINED = "센터 상담사가 대화에 들어왔어요. 이제 상담사가 답해 드려요."
BOT_BACK = "상담이 끝났어요. 이제 다시 봇이 도와드려요. 궁금한 게 있으면 말씀해 주세요."

# -- Telegram: the counselors' forum --------------------------------------------------------------

TOPIC_NAME = "구직자 #{seeker_id}"
TOPIC_NAME_WITH_JOB = "구직자 #{seeker_id} · {job}"
SUMMARY_TITLE = "🔔 상담 요청 · 구직자 #{seeker_id}"
SUMMARY_REASON = "사유: {reason}"
REASON_LABELS = {
    "requested": "구직자가 직접 요청",
    "fallback": "봇이 두 번 알아듣지 못함",
    "counselor": "상담사가 시작",
}
SUMMARY_PROFILE = "[프로필]"
SUMMARY_NO_PROFILE = "(아직 말씀한 내용 없음)"
SUMMARY_RESULTS = "[최근 보여 드린 공고]"
SUMMARY_RESULT = "{card} (공고 {opening_id})"
SUMMARY_MESSAGES = "[최근 대화]"
SUMMARY_PATHS = "[가능한 경로] 경력: {trade}"
SUMMARY_PATH = "• {occupation} — 임금 약 {pay:.0%}, 지금 채용 {openings}건 · 부족: {missing}"
SUMMARY_PATH_NOTHING_MISSING = "없음"
SUMMARY_COURSES = "[맞는 훈련과정]"
SUMMARY_COURSE = "• {title} — {institution}, {starts} 개강"
SEEKER_SAID = "구직자: {text}"
#: A pressed button in the summary: its intent, not the JSON it sent.
SEEKER_PRESSED = "[버튼] {intent}"
BOT_SAID = "봇: {text}"
SUMMARY_OFFICE_CLOSED = "⏰ 상담 시간 밖의 요청이에요. 구직자에게는 {when}부터 답한다고 안내했어요."
SUMMARY_FOOTER = (
    "이 토픽에 쓰시는 글·사진·파일은 구직자에게 그대로 전달돼요.\n"
    "/release 봇에게 돌려주기 · /note 내용 (내부 메모) · /profile 프로필"
)
TOPIC_RECREATED = "이전 토픽이 지워져서 새로 만들었어요."
REANNOUNCE = (
    "⏰ 구직자 #{seeker_id}님이 {minutes}분째 상담사를 기다리고 있어요. 이 토픽에 답해 주세요."
)
RELEASED_TOPIC = "봇에게 돌려줬어요. 구직자에게 봇이 다시 돕는다고 알렸어요."
RELEASE_NOTHING = "진행 중인 상담이 없어요."
NOT_A_COUNSELOR = "상담 그룹 구성원만 할 수 있어요."
NOTE_SAVED = "메모를 남겼어요. 구직자에게는 보내지 않아요."
NOTE_EMPTY = "메모 내용을 함께 써 주세요. 예: /note 다음 주 월요일 면접 안내"
TAKEN = "상담을 시작했어요. 이 토픽에 쓰시면 구직자에게 전달돼요."
TAKE_WHERE = "구직자 토픽 안에서 /take 를 써 주세요. 일반 채팅에서는 /take 구직자번호"
NO_SEEKER_HERE = "이 토픽의 구직자를 찾을 수 없어요. 구직자가 정보를 지웠을 수 있어요."
HANDOFF_OVER = (
    "이 상담은 끝나서 구직자에게 전달하지 않았어요. 다시 상담하시려면 /take 를 써 주세요."
)
SEEKER_RESET_TOPIC = "구직자가 봇과 처음부터 다시 시작해서 상담이 끝났어요."
RELAY_FAILED = (
    "구직자 #{seeker_id}의 메시지를 이 방에 전하지 못해서 상담을 봇으로 돌려놓았어요. "
    "구직자에게는 상담사 연결이 어렵다고 안내했어요. /take {seeker_id} 로 다시 이어 주세요."
)
SEEKER_UNREACHABLE = "구직자에게 보내지 못했어요. 구직자가 봇을 차단했을 수 있어요."
COUNSELOR_PROFILE_HEADER = "구직자 #{seeker_id} 프로필"
COUNSELOR_ERROR = "처리하지 못했어요. 잠시 뒤 다시 해 주세요."
COUNSELOR_HELP = (
    "이 토픽에서 쓰는 명령: /take 상담 시작 · /release 봇에게 돌려주기 · /note 메모 · /profile"
)

# -- Telegram: command menus ----------------------------------------------------------------------

SEEKER_COMMANDS = [
    ("start", "처음 안내"),
    ("profile", "내 프로필 보기"),
    ("reset", "처음부터 다시"),
    ("delete", "내 정보 모두 지우기"),
    ("withdraw", "동의 철회"),
    ("help", "도움말"),
]
COUNSELOR_COMMANDS = [
    ("take", "이 구직자 상담 시작"),
    ("release", "봇에게 돌려주기"),
    ("note", "내부 메모 남기기"),
    ("profile", "구직자 프로필 보기"),
]

# -- times ----------------------------------------------------------------------------------------

WEEKDAYS = "월화수목금토일"
TODAY_AT = "오늘 {time}"
TOMORROW_AT = "내일 {time}"
DATE_AT = "{month}월 {day}일({weekday}) {time}"
MORNING = "오전"
AFTERNOON = "오후"

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
EXPERIENCE_YEARS = "{job} {years}년"
EXPERIENCE_NO_YEARS = "{job} 경험"
CANDIDATE_NUMBER = "후보 {number:04d}번"

# -- consent to an application (to the seeker; the buttons are BUTTON_CONSENT_YES / _NO) ------------------------------------------------------------------
APPLY_CONSENT_QUESTION = (
    "'{title}' ({company}) 지원 의사를 기록했어요. 회사에 알리기 전에 여쭤볼게요.\n\n"
    "개인정보 제3자 제공 동의\n"
    "• 받는 곳: {company}\n"
    "• 목적: '{title}' 채용 검토와 면접 제안\n"
    "• 보내는 정보:\n"
    "{fields}\n"
    "• 받는 곳의 보관 기간: 채용 검토가 끝날 때까지, 길어도 {company_days}일\n"
    "• 동의하지 않으실 수 있어요. 그러면 {company}에는 아무것도 보내지 않고, "
    "이 공고에는 센터를 통해서만 지원하실 수 있어요.\n\n"
    "이름, 전화번호, 텔레그램 계정은 보내지 않아요. 회사에는 '{candidate}'으로만 보여요. "
    "보내기 전에는 /withdraw 로 언제든 거두실 수 있어요."
)
CONSENT_CHANGED = "말씀하신 내용이 바뀌어서 보낼 정보를 다시 여쭤볼게요."
CONSENT_INTEREST_ONLY = "• 이 공고에 지원하고 싶다는 것 (다른 정보는 아직 없어요)"
CONSENT_FIELD = "• {label}: {value}"
CONSENT_GIVEN_MARK = "✔ 동의하셨어요."
CONSENT_REFUSED_MARK = "✖ 동의하지 않으셨어요."
APPLY_CONSENT_DECLINED = (
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
CANDIDATE_CARD = (
    "[새 지원자] {candidate}\n"
    "공고: {title}\n\n"
    "{fields}\n\n"
    "{reasons}"
    "구직자가 위 정보를 {company}에 보내는 데 동의했어요. 이름과 연락처는 센터가 관리하며, "
    "면접을 제안하시면 센터 상담사가 일정을 조율해 드려요."
)
CANDIDATE_CARD_NO_FIELDS = "(공고에 지원하고 싶다는 의사만 밝혔어요)"
CANDIDATE_CARD_REASONS = "공고와 맞는 점\n{reasons}\n\n"
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
    "카드의 버튼(면접 제안 / 보류 / 거절)으로 답해 주세요. 아직 답하지 않은 카드가 있으면 "
    "이어서 보내 드려요. "
    "구직자의 이름과 연락처는 보내지 않으며, 면접 일정은 센터 상담사가 조율해요."
)
INVITE_ALREADY_BOUND = (
    "이미 {company} 담당자로 연결되어 있어요. 지원자 카드가 오면 버튼으로 답해 주세요."
)
INVITE_PRIVATE_ONLY = (
    "초대 링크는 담당자 본인과 봇의 1:1 대화에서만 열 수 있어요. "
    "봇과의 개인 대화에서 링크를 다시 열어 주세요."
)
INVITE_UNKNOWN = "초대 링크를 확인하지 못했어요. 센터에서 받은 링크를 다시 열어 주시거나 새 링크를 요청해 주세요."
INVITE_USED = "이미 사용된 초대 링크예요. 링크 하나로 한 번만 연결할 수 있으니 센터에 새 링크를 요청해 주세요."
INVITE_EXPIRED = "초대 링크의 유효 기간이 지났어요. 센터에 새 링크를 요청해 주세요."
COMPANY_CHAT_HELP = (
    "이 대화는 {company} 지원자 카드를 받는 곳이에요. 카드는 {company}에 연결된 대화마다 "
    "똑같이 가고, 나중에 연결된 대화에는 아직 답하지 않은 카드만 가요. 카드의 버튼으로 "
    "답해 주시고(한 대화에서 답하면 모두에게 적용돼요), 다른 문의는 센터 상담사에게 해 주세요."
)

# -- to the counselors' group -----------------------------------------------------------------
TOPICS_NOT_DELETED = (
    "[삭제 대기] 구직자 {seekers}의 상담 주제를 지워야 하는데(구직자의 /delete 또는 보관 "
    "기간 경과) 텔레그램이 거부했어요. 봇에 '메시지 삭제' 권한이 없으면 이렇게 돼요. "
    "그룹 설정 → 관리자 → 이 봇에서 '주제 관리'와 '메시지 삭제'를 켜 주세요. 켜시면 봇이 "
    "자동으로 다시 지워요(늦어도 한 시간 안에). 급하면 그 주제를 직접 삭제하셔도 돼요."
)
COUNSELOR_FORWARD_NEEDED = (
    "[전달 필요] {candidate} (지원 {application_id}): {company} '{title}'. 구직자가 동의했지만 "
    "회사가 봇에 연결되어 있지 않아요. 회사에 직접 전달하시거나 "
    '`jobbot company invite "{company}"`로 초대 링크를 만들어 보내 주세요.'
)
COUNSELOR_OFFERED = (
    "[면접 제안] {candidate} (지원 {application_id}): {company} '{title}'. "
    "구직자에게 면접 일정을 안내해 주세요."
)
