"""Deleting counselors' forum topics that must go (a seeker's /delete, a retention period),
when Telegram may refuse: retried with backoff, the counselors told once what to do.

Telegram refuses ``deleteForumTopic`` while the bot lacks "Delete Messages"
(``can_delete_messages``) in the counselors' group. Only the center can fix that, so the
counselors are told (once per topic while the bot runs) and the topic is tried again after
1, 2, 4 … up to 60 minutes. What says a topic is still to be deleted is in the database
(a /delete's tombstone, expired handoff rows), so nothing is forgotten over a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from telegram import Bot
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.telegram import messages
from bot.telegram.frontend import FrontEnd
from bot.telegram.notify import tell_counselors
from bot.telegram.topics import delete_topic
from storage.handoffs import Topic

__all__ = ["delete_topics"]

logger = logging.getLogger(__name__)


async def delete_topics(
    bot: Bot, frontend: FrontEnd, topics: Iterable[tuple[Topic, int]]
) -> list[Topic]:
    """Delete each due ``(topic, seeker number)``; the topics now gone (deleted before too).

    A refusal (the delete right missing) is told to the counselors the first time, in one
    notice naming the seekers' topics; a network failure is only retried.
    """
    retries = frontend.topic_retries
    gone: list[Topic] = []
    refused: set[int] = set()
    for topic, seeker_id in topics:
        if not retries.due(topic):
            continue
        try:
            await delete_topic(bot, topic)
        except (BadRequest, Forbidden) as error:
            logger.warning("topic %s could not be deleted: %s", topic[1], error)
            if retries.failed(topic):
                refused.add(seeker_id)
            continue
        except TelegramError as error:
            logger.warning("topic %s could not be deleted: %s", topic[1], type(error).__name__)
            retries.failed(topic)
            continue
        retries.succeeded(topic)
        gone.append(topic)
    if refused:
        seekers = ", ".join(f"#{n}" for n in sorted(refused))
        await tell_counselors(
            bot, frontend.settings, messages.TOPICS_NOT_DELETED.format(seekers=seekers)
        )
    return gone
