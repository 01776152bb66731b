"""Test helpers: factories and the Telegram Bot API stand-in (`telegram_api`)."""
