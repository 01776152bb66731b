"""Korean texts of the console chat and the `jobbot` commands (Telegram's are in
`bot.telegram.messages`)."""

from __future__ import annotations

CHAT_WELCOME = (
    "군산 일자리지원센터 일자리 안내 봇과 대화해요. 끝내려면 '종료'라고 입력하세요.\n"
    "버튼은 번호를 입력하면 눌려요."
)
CHAT_PROMPT = "나> "
#: What ends `jobbot chat` besides end of input.
CHAT_QUIT = ("/quit", "/exit", "종료")
CHAT_BYE = "대화를 마칠게요. 고마워요!"
CHAT_STARTING = "봇을 준비하고 있어요. 처음에는 30초쯤 걸려요..."
BOT_UNAVAILABLE = "죄송해요, 봇이 잠시 응답하지 않아요. 조금 뒤에 다시 보내 주세요."
#: After 지원할래요 in the console: the consent question and the company's card are Telegram's.
CHAT_NOTHING_SENT = (
    "(콘솔 대화에서는 회사에 아무것도 보내지 않아요. 회사에 알리는 일은 텔레그램에서 "
    "전달될 정보를 보여 드리고 동의를 받은 뒤에만 해요.)"
)
EMPTY_REPLY = (
    "죄송해요, 뭐라고 답해야 할지 모르겠어요. '상담사 연결'이라고 보내시면 사람이 도와드려요."
)

# -- `jobbot company invite` (to center staff) ------------------------------------------------
CLI_INVITE_CREATED = "{company} 초대 링크를 만들었어요 ({expires}까지, 한 번만 쓸 수 있어요):"
CLI_INVITE_HOW = "회사 담당자가 텔레그램에서 이 링크를 열고 '시작'을 누르면 연결돼요."
CLI_INVITE_NO_USERNAME = "봇 사용자 이름을 알 수 없어 링크 대신 명령을 드려요. 담당자가 봇과의 대화에서 아래를 그대로 보내면 돼요:"
CLI_INVITE_USERNAME_HINT = (
    "(링크로 받으려면 .env에 JOBBOT_TELEGRAM_BOT_USERNAME=봇사용자이름 을 적거나 "
    "JOBBOT_TELEGRAM_TOKEN을 설정해 주세요.)"
)
CLI_CONTACTS_HEADER = '{company}에 연결된 채팅 (끊으려면: jobbot company unbind "{company}" 번호):'
CLI_CONTACT = "#{id} 채팅 {chat_id} · 담당자 {user_id} · {bound} 연결"
CLI_NO_CONTACTS = "{company}에 연결된 채팅이 없어요."
CLI_UNBOUND = "#{id} 채팅 {chat_id}의 {company} 연결을 끊었어요. 이 채팅으로는 더 이상 후보 카드가 가지 않아요."
CLI_CONTACT_NOT_FOUND = '{company}에 연결된 #{id} 채팅이 없어요. jobbot company contacts "{company}" 로 번호를 확인해 주세요.'
CLI_COMPANY_NOT_FOUND = "'{name}' 회사를 찾지 못했어요."
CLI_CLOSE_MATCHES = "비슷한 이름: {names}"
CLI_NO_CLOSE_MATCHES = (
    "비슷한 이름도 없어요. 공고를 먼저 가져왔는지(`jobbot import`) 확인해 주세요."
)

# -- `jobbot transitions`, `jobbot fetch courses` (to center staff) ------------------------------
CLI_NO_ORIGIN = (
    '어떤 일을 하셨는지 알아듣지 못했어요. 예: "조선소 용접 20년, 해상풍력 쪽 가고 싶어요"'
)
CLI_ORIGIN = "경력: {trade}"
CLI_PATH = "{rank}. {occupation} [{code}] — 임금 약 {pay:.0%}, 지금 채용 {openings}"
CLI_PATH_OPENINGS = "{count}건"
CLI_PATH_NO_OPENINGS = "없음"
CLI_PATH_CARRY = "   이어지는 것: {items}"
CLI_PATH_MISSING = "   부족한 것: {items}"
CLI_PATH_NOTE = "   참고: {note}"
CLI_PATH_OPENING = "   · {title} ({company}) #{opening_id}"
CLI_COURSES = "다가오는 훈련과정:"
CLI_NO_COURSES = "다가오는 훈련과정이 없어요."
CLI_COURSE = "· {title} — {institution}, {starts}~{ends}, {hours}, 자부담 {self_pay}, {region}"
CLI_COURSE_HOURS = "{hours}시간"
CLI_UNKNOWN = "확인 필요"
CLI_WON = "{amount:,}원"
CLI_NO_HRD_KEY = (
    "고용24 훈련과정 인증키가 없습니다. .env 에 JOBBOT_HRD_AUTH_KEY=<인증키> 를 넣어 주세요."
)
CLI_FETCH_COURSES = (
    "{name}: 과정 {rows}건 — 신규 {new}, 갱신 {updated}, 변경없음 {unchanged}, 거부 {rejected}"
)
