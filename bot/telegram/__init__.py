"""The Telegram front end: the application builder, sending, and the seeker, counselor
and company handlers (python-telegram-bot 22)."""
