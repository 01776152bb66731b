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
CLI_COMPANY_NOT_FOUND = "'{name}' 회사를 찾지 못했어요."
CLI_CLOSE_MATCHES = "비슷한 이름: {names}"
CLI_NO_CLOSE_MATCHES = (
    "비슷한 이름도 없어요. 공고를 먼저 가져왔는지(`jobbot import`) 확인해 주세요."
)
