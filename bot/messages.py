"""Korean texts of the front ends (console chat now, Telegram later)."""

from __future__ import annotations

CHAT_WELCOME = (
    "군산 일자리지원센터 일자리 안내 봇과 대화해요. 끝내려면 '종료'라고 입력하세요.\n"
    "버튼은 번호를 입력하면 눌려요."
)
CHAT_PROMPT = "나> "
CHAT_BYE = "대화를 마칠게요. 고마워요!"
CHAT_STARTING = "봇을 준비하고 있어요. 처음에는 30초쯤 걸려요..."
BOT_UNAVAILABLE = "죄송해요, 봇이 잠시 응답하지 않아요. 조금 뒤에 다시 보내 주세요."
EMPTY_REPLY = (
    "죄송해요, 뭐라고 답해야 할지 모르겠어요. '상담사 연결'이라고 보내시면 사람이 도와드려요."
)
