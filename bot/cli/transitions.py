"""`jobbot transitions` and `jobbot fetch courses`: career paths with the courses that close the
gap, and training courses from the 고용24 Open API.

`--json` prints one object ``{"targets": [...], "courses": [...]}`` with stable keys
(:meth:`retrieval.transitions.TransitionAdvice.as_dict`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from bot import messages
from bot.cli.common import load_settings, parse_date

if TYPE_CHECKING:
    from retrieval.transitions import TransitionAdvice

__all__ = ["register"]


def transitions_command(
    text: Annotated[str, typer.Argument(help="구직자가 한 말 (예: 조선소 용접 20년, 해상풍력 쪽)")],
    as_of: Annotated[
        str | None, typer.Option(help="훈련과정 시작 기준일 YYYY-MM-DD (기본: 오늘)")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON으로 출력")] = False,
) -> None:
    """Career paths for a seeker's words, with openings now and upcoming courses."""
    from bot.services import open_database
    from retrieval.errors import TransitionTableError
    from retrieval.transition_table import load_transitions
    from retrieval.transitions import find_transitions

    day = parse_date(as_of)
    try:
        table = load_transitions()
    except TransitionTableError as exc:
        typer.echo(f"✗ {exc}", err=True)
        raise typer.Exit(code=1) from None
    settings = load_settings()
    sessions = open_database(settings)
    with sessions() as session:
        advice = find_transitions(
            text,
            table=table,
            session=session,
            as_of=day,
            home_region=settings.default_home_region,
            commute_km=settings.commute_km,
        )
    if as_json:
        typer.echo(json.dumps(advice.as_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(render_advice(advice))
    if advice.origin is None:
        raise typer.Exit(code=1)


def render_advice(advice: TransitionAdvice) -> str:
    """The paths and courses as text for center staff."""
    if advice.origin is None:
        return messages.CLI_NO_ORIGIN
    lines = [messages.CLI_ORIGIN.format(trade=advice.origin.from_name)]
    for rank, path in enumerate(advice.targets, start=1):
        count = len(path.openings)
        openings = (
            messages.CLI_PATH_OPENINGS.format(count=count)
            if count
            else messages.CLI_PATH_NO_OPENINGS
        )
        lines.append(
            messages.CLI_PATH.format(
                rank=rank,
                occupation=path.occupation,
                code=path.code,
                pay=path.pay_ratio,
                openings=openings,
            )
        )
        lines.append(messages.CLI_PATH_CARRY.format(items=", ".join(path.reasons)))
        if path.missing:
            lines.append(messages.CLI_PATH_MISSING.format(items=", ".join(path.missing)))
        if path.transition.note:
            lines.append(messages.CLI_PATH_NOTE.format(note=path.transition.note))
        lines += [
            messages.CLI_PATH_OPENING.format(
                title=o.title, company=o.company, opening_id=o.opening_id
            )
            for o in path.openings
        ]
    lines.append(messages.CLI_COURSES if advice.courses else messages.CLI_NO_COURSES)
    for course in advice.courses:
        lines.append(
            messages.CLI_COURSE.format(
                title=course.title,
                institution=course.institution,
                starts=course.starts_on.isoformat(),
                ends=course.ends_on.isoformat() if course.ends_on else messages.CLI_UNKNOWN,
                hours=messages.CLI_COURSE_HOURS.format(hours=course.hours)
                if course.hours
                else messages.CLI_UNKNOWN,
                self_pay=_won(course.self_pay),
                region=course.region or messages.CLI_UNKNOWN,
            )
        )
    return "\n".join(lines)


def _won(amount: int | None) -> str:
    return messages.CLI_UNKNOWN if amount is None else messages.CLI_WON.format(amount=amount)


def fetch_courses_command(
    region: Annotated[
        list[str] | None,
        typer.Option(help="훈련지역 시도 코드 (여러 번 가능; 전북은 45 와 52 둘 다)"),
    ] = None,
    keyword: Annotated[str | None, typer.Option(help="과정명 검색어")] = None,
    as_of: Annotated[
        str | None, typer.Option(help="이날부터 약 6개월 안에 시작하는 과정 (기본: 오늘)")
    ] = None,
) -> None:
    """Fetch upcoming training courses from the 고용24 Open API and store them."""
    from tqdm import tqdm

    from bot.services import open_database
    from storage.course_api import CourseClient, CourseQuery
    from storage.course_fetch import fetch_courses

    settings = load_settings()
    if settings.hrd_auth_key is None:
        typer.echo(messages.CLI_NO_HRD_KEY, err=True)
        raise typer.Exit(code=1)
    query = CourseQuery.upcoming(parse_date(as_of), regions=region or (), keyword=keyword)
    client = CourseClient(
        auth_key=settings.hrd_auth_key.get_secret_value(),
        base_url=settings.hrd_base_url,
        timeout=settings.worknet_timeout_seconds,
    )
    sessions = open_database(settings)
    with client, sessions() as session, tqdm(desc="훈련과정", unit="건", disable=None) as bar:
        report = fetch_courses(session, client, query, on_run=bar.update)
    typer.echo(
        messages.CLI_FETCH_COURSES.format(
            name=report.file,
            rows=report.rows,
            new=report.new,
            updated=report.updated,
            unchanged=report.unchanged,
            rejected=len(report.rejected),
        )
    )
    for line, reason in report.rejected:
        typer.echo(f"  ✗ {line}: {reason}", err=True)
    if report.error:
        typer.echo(f"  ✗ {report.error}", err=True)
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    """Add `transitions` to the app and `courses` to its `fetch` group."""
    from bot.cli.data import fetch_app

    app.command("transitions")(transitions_command)
    fetch_app.command("courses")(fetch_courses_command)
