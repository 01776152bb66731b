"""`jobbot company`: connecting a company's Telegram chat to the bot."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.common import load_settings
from bot.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from storage.models import Company

__all__ = ["company_app"]

company_app = typer.Typer(help="회사 담당자 연결", no_args_is_help=True)


def _bot_username(settings: Settings) -> str | None:
    """The bot's @username: from the settings, else asked with getMe; None if unknown."""
    if settings.telegram_bot_username:
        return settings.telegram_bot_username.removeprefix("@")
    if not settings.telegram_token:
        return None
    import asyncio

    from telegram import Bot
    from telegram.error import TelegramError

    async def get_me() -> str:
        async with Bot(
            settings.telegram_token or "",
            base_url=settings.telegram_base_url,
            base_file_url=settings.telegram_base_file_url,
        ) as bot:  # entering calls getMe
            return bot.username

    try:
        return asyncio.run(get_me())
    except TelegramError as exc:
        logging.getLogger(__name__).warning("getMe failed: %s", exc)
        return None


def _company_or_exit(session: Session, name: str) -> Company:
    """The company named ``name``; else the close names are printed and the command exits 1."""
    from bot import messages as msg
    from storage.companies import close_companies, find_company

    company = find_company(session=session, name=name)
    if company is None:
        close = [c.name for c in close_companies(session=session, name=name)]
        typer.echo(msg.CLI_COMPANY_NOT_FOUND.format(name=name), err=True)
        typer.echo(
            msg.CLI_CLOSE_MATCHES.format(names=", ".join(close))
            if close
            else msg.CLI_NO_CLOSE_MATCHES,
            err=True,
        )
        raise typer.Exit(code=1)
    return company


@company_app.command("invite")
def company_invite(
    name: Annotated[str, typer.Argument(help="회사명 (예: (주)대한중공업, 대한중공업)")],
) -> None:
    """Make a single-use link that connects a company's Telegram chat to the bot."""
    from datetime import UTC, timedelta
    from zoneinfo import ZoneInfo

    from bot import messages as msg
    from bot.services import open_database
    from bot.telegram.companies import INVITE_PREFIX
    from storage.companies import create_invite

    settings = load_settings()
    sessions = open_database(settings)
    with sessions.begin() as session:
        company = _company_or_exit(session, name)
        invite = create_invite(
            session=session, company=company, ttl=timedelta(hours=settings.invite_ttl_hours)
        )
        company_name, token, expires_at = company.name, invite.token, invite.expires_at
    local = expires_at.replace(tzinfo=UTC).astimezone(ZoneInfo(settings.timezone))
    typer.echo(
        msg.CLI_INVITE_CREATED.format(company=company_name, expires=f"{local:%Y-%m-%d %H:%M}")
    )
    start = f"{INVITE_PREFIX}{token}"
    username = _bot_username(settings)
    if username:
        typer.echo(f"https://t.me/{username}?start={start}")
        typer.echo(msg.CLI_INVITE_HOW)
    else:
        typer.echo(msg.CLI_INVITE_NO_USERNAME)
        typer.echo(f"/start {start}")
        typer.echo(msg.CLI_INVITE_USERNAME_HINT)


@company_app.command("contacts")
def company_contacts(
    name: Annotated[str, typer.Argument(help="회사명 (예: (주)대한중공업, 대한중공업)")],
) -> None:
    """List the Telegram chats bound to a company (the numbers `unbind` takes)."""
    from datetime import UTC
    from zoneinfo import ZoneInfo

    from bot import messages as msg
    from bot.services import open_database
    from storage import companies

    settings = load_settings()
    zone = ZoneInfo(settings.timezone)
    with open_database(settings)() as session:
        company = _company_or_exit(session, name)
        contacts = companies.company_contacts(session=session, company_id=company.id)
        if not contacts:
            typer.echo(msg.CLI_NO_CONTACTS.format(company=company.name))
            return
        typer.echo(msg.CLI_CONTACTS_HEADER.format(company=company.name))
        for contact in contacts:
            bound = contact.bound_at.replace(tzinfo=UTC).astimezone(zone)
            typer.echo(
                msg.CLI_CONTACT.format(
                    id=contact.id,
                    chat_id=contact.telegram_chat_id,
                    user_id=contact.telegram_user_id,
                    bound=f"{bound:%Y-%m-%d %H:%M}",
                )
            )


@company_app.command("unbind")
def company_unbind(
    name: Annotated[str, typer.Argument(help="회사명")],
    contact_id: Annotated[int, typer.Argument(help="jobbot company contacts 가 보여 주는 번호")],
) -> None:
    """Disconnect one of a company's chats: no more candidate cards go there."""
    from bot import messages as msg
    from bot.services import open_database
    from storage import companies

    settings = load_settings()
    with open_database(settings).begin() as session:
        company = _company_or_exit(session, name)
        removed = companies.unbind_contact(
            session=session, company_id=company.id, contact_id=contact_id
        )
        company_name = company.name
        chat_id = removed.telegram_chat_id if removed is not None else None
    if chat_id is None:
        typer.echo(msg.CLI_CONTACT_NOT_FOUND.format(company=company_name, id=contact_id), err=True)
        raise typer.Exit(code=1)
    typer.echo(msg.CLI_UNBOUND.format(id=contact_id, chat_id=chat_id, company=company_name))
