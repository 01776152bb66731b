"""Career paths in the conversation (issue 15 item 3): does the bot show paths where a counselor
would, and are the paths and courses it shows the ones the counselor expects?

Each seeker of ``data/eval/paths/seekers.yml`` (written and labelled by hand; see its header)
types its turns; the last one is judged. Its intent comes from a trained Rasa model (the NLU
pipeline alone, run in ``.venv-rasa``); the rules then send it where Rasa would (ask_paths,
inform, search_jobs … → ``action_next_step``; data/rules/), and the real actions
run over a fresh home with the sample openings, the local courses and the 310L01 fixture, as
of 2026-12-03, with the real matcher. The profile is merged turn by turn with the parser, as
``action_read_profile`` does.

* shown: the reply is the ``paths`` payload; offered: a results page carrying the 다른 길 보기
  button (its press is then followed, and the paths it shows are judged).
* a target hit: one of the first 3 paths seen has an acceptable KECO code (exactly); a course
  hit: one of the first 3 course cards is an acceptable course (seekers with courses only).
* career-changer check: openings listed under a path into a trade the seeker did not do (another
  KECO 세분류 than their experience) that require experience (posting fields), summed.

Baselines: the plain search (what the bot answered before: the results page for the same
profile — a target hit when one of its 3 openings is classified under an acceptable code or
below it; no courses), and `jobbot transitions` alone (find_transitions on everything typed,
every listed opening, first 3 paths and courses).

Precision: every typed turn of the issue-11 dialog suite (``data/eval/dialogs/dialogs.yml``,
plain job searches written by hand, with their dialect and typo variants) is read by the same
model and given to the real :func:`actions.next_step.decide` (with
:func:`actions.paths.asks_for_paths`, no question open); a turn it answers with paths would show
them instead of what the dialog expects.

Usage: python bench/paths_eval.py [--model PATH] [--misses]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rasa_sdk import Tracker  # noqa: E402
from rasa_sdk.executor import CollectingDispatcher  # noqa: E402
from transition_eval import AS_OF, TOP, sample_home  # noqa: E402  (the same home and date)

from actions.context import ActionContext  # noqa: E402
from actions.next_step import DialogueState, Step, Turn, decide  # noqa: E402
from actions.next_step_action import NextStep  # noqa: E402
from actions.paths import ShowPaths, asks_for_paths  # noqa: E402
from actions.search import find_openings  # noqa: E402
from bot.services import open_embedder, open_matcher  # noqa: E402
from bot.settings import Settings  # noqa: E402
from nlu import parse_seeker_text  # noqa: E402
from nlu.keco import load_keco  # noqa: E402
from nlu.occupation_class import classify_opening, read_seeker_jobs  # noqa: E402
from nlu.profile import SeekerProfile  # noqa: E402
from nlu.profile_merge import merge  # noqa: E402
from retrieval.indexer import sync_index  # noqa: E402
from retrieval.transition_table import load_transitions  # noqa: E402
from retrieval.transitions import find_transitions  # noqa: E402
from storage.models import Opening  # noqa: E402

#: Intents the rules send to action_next_step (data/rules/next_step.yml, paths.yml).
NEXT_STEP_INTENTS = frozenset(
    {
        "inform",
        "search_jobs",
        "greet",
        "affirm",
        "deny",
        "nlu_fallback",
        "out_of_scope",
        "ask_paths",
    }
)
PARSE = """
import asyncio, json, sys
from rasa.core.agent import Agent
agent = Agent.load(sys.argv[1])
texts = json.loads(sys.stdin.read())
async def parse():
    return {t: (await agent.parse_message(t))["intent"]["name"] for t in texts}
print("INTENTS " + json.dumps(asyncio.run(parse()), ensure_ascii=False))
"""


def intents(model: Path, texts: list[str]) -> dict[str, str]:
    """Each text's intent by the model's NLU pipeline (in the Rasa environment)."""
    done = subprocess.run(
        [str(REPO / ".venv-rasa/bin/python"), "-c", PARSE, str(model)],
        input=json.dumps(texts, ensure_ascii=False),
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("INTENTS "))
    return dict(json.loads(line.removeprefix("INTENTS ")))


def tracker(turns: list[str], intent: str) -> Tracker:
    """The tracker an action sees after the last turn (profile merged from every turn)."""
    before = SeekerProfile()
    for text in turns[:-1]:
        before = merge(before, parse_seeker_text(text))
    profile = merge(before, parse_seeker_text(turns[-1]))
    latest = {"text": turns[-1], "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    events: list[dict[str, Any]] = [{"event": "user", "text": t} for t in turns[:-1]]
    events.append({"event": "user", "text": turns[-1], "parse_data": latest})
    if profile != before:  # action_read_profile sets the slot only when the message changed it
        events.append({"event": "slot", "name": "profile", "value": profile.to_dict()})
    return Tracker(
        sender_id="paths-eval",
        slots={"profile": profile.to_dict()},
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def next_step(turns: list[str], intent: str) -> Step:
    """What :func:`actions.next_step.decide` does with the last turn (no open question)."""
    track = tracker(turns, intent)
    changed = any(e.get("event") == "slot" for e in track.events)
    profile = SeekerProfile.from_dict(track.get_slot("profile"))
    turn = Turn(intent=intent, added_facts=changed, asks_paths=asks_for_paths(track))
    return decide(DialogueState(profile=profile), turn)


def run(action: Any, track: Tracker) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, track, {}))
    return [m.get("custom") or {} for m in dispatcher.messages]


def own(code: str, said: str) -> bool:
    """Whether the path's target is a trade the seeker did (the same KECO 세분류, 4 digits, as
    one of their experience codes): there an experience requirement is theirs to meet."""
    done = [c[:4] for c, _ in read_seeker_jobs(said).experience]
    return any(code[:4] == c or code.startswith(c) for c in done)


def demanding(session: Any, paths: list[tuple[str, list[int]]], said: str) -> int:
    """Openings under paths into a trade the seeker did not do that require experience."""
    count = 0
    for code, ids in paths:
        if own(code, said):
            continue
        for opening_id in ids:
            opening = session.get(Opening, opening_id)
            count += opening is not None and opening.career == "경력"
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seekers", type=Path, default=REPO / "data/eval/paths/seekers.yml")
    parser.add_argument("--model", type=Path, help="Rasa model (default: newest in var/rasa)")
    parser.add_argument("--misses", action="store_true", help="list what each seeker saw")
    parser.add_argument("--dialogs", type=Path, default=REPO / "data/eval/dialogs/dialogs.yml")
    args = parser.parse_args()
    seekers = yaml.safe_load(args.seekers.read_text("utf-8"))["seekers"]
    model = args.model or max((REPO / "var/rasa/models").glob("*.tar.gz"), key=os.path.getmtime)
    dialogs = dialog_turns(args.dialogs)
    by_text = intents(model, [s["turns"][-1] for s in seekers] + [t for _, t, _ in dialogs])
    table, keco = load_transitions(), load_keco()
    embedder = open_embedder(Settings(home=REPO / "var", _env_file=None))  # type: ignore[call-arg]
    tally: Counter[str] = Counter()
    with sample_home() as (settings, sessions):
        with sessions() as session:
            sync_index(session, folder=settings.index_dir, embedder=embedder)
        matcher = open_matcher(settings, sessions=sessions, embedder=embedder)
        context = ActionContext(sessions=sessions, matcher=matcher, today=lambda: AS_OF)
        for seeker in seekers:
            turns, intent = seeker["turns"], by_text[seeker["turns"][-1]]
            said = "\n".join(turns)  # as actions.paths.seeker_text joins them
            kind, counted = seeker["kind"], bool(seeker["courses"])
            tally[f"n {kind}"] += 1
            tally["courses counted"] += counted
            if intent in NEXT_STEP_INTENTS:
                replies = run(NextStep(context), tracker(turns, intent))
            else:
                replies = []
            paths = next((r for r in replies if r.get("type") == "paths"), None)
            page = next((r for r in replies if r.get("type") == "openings"), None)
            how = "shown" if paths else "none"
            if (
                paths is None
                and page
                and any(b["payload"] == "/ask_paths" for b in page["buttons"])
            ):
                how = "offered"
                pressed = run(ShowPaths(context), tracker([*turns, "/ask_paths"], "ask_paths"))
                paths = next((r for r in pressed if r.get("type") == "paths"), None)
            tally[f"{how} {kind}"] += 1
            seen_codes = [p["code"] for p in paths["paths"]] if paths else []
            seen_courses = [c["title"] for c in paths["courses"]][:TOP] if paths else []
            bot_target = bool(set(seeker["targets"]) & set(seen_codes[:TOP]))
            bot_course = bool(set(seeker["courses"]) & set(seen_courses))
            # baseline 1: the plain search for the same profile (the old bot's answer)
            profile = SeekerProfile()
            for text in turns:
                profile = merge(profile, parse_seeker_text(text))
            if not profile.searchable():
                profile = replace(profile, any_occupation=True)
            matches = asyncio.run(find_openings(context, profile, []))
            with sessions() as session:
                classes = []
                for m in matches:
                    o = session.get(Opening, m.opening_id)
                    assert o is not None
                    code = classify_opening(
                        title=o.title, occupation=o.occupation_raw, jobs_cd=o.occupation_code,
                        keco=keco,
                    ).code or ""  # fmt: skip
                    classes.append(code)
                plain_target = any(c.startswith(t) for c in classes for t in seeker["targets"] if c)
                # baseline 2: `jobbot transitions` alone
                advice = find_transitions(said, table=table, session=session, as_of=AS_OF)
                cli_codes = [t.code for t in advice.targets][:TOP]
                cli_courses = [c.title for c in advice.courses][:TOP]
                cli_target = bool(set(seeker["targets"]) & set(cli_codes))
                cli_course = bool(set(seeker["courses"]) & set(cli_courses))
                tally["demanding bot"] += demanding(
                    session,
                    [(p["code"], [o["opening_id"] for o in p["openings"]]) for p in paths["paths"]]
                    if paths
                    else [],
                    said,
                )
                tally["demanding cli"] += demanding(
                    session,
                    [(t.code, [o.opening_id for o in t.openings]) for t in advice.targets[:TOP]],
                    said,
                )
            tally["target bot"] += bot_target
            tally["target plain"] += plain_target
            tally["target cli"] += cli_target
            if counted:
                tally["course bot"] += bot_course
                tally["course cli"] += cli_course
            if args.misses:
                print(
                    f"{seeker['id']} {kind} intent={intent} {how} paths={seen_codes[:TOP]} "
                    f"target={'hit' if bot_target else 'MISS'} "
                    f"course={'-' if not counted else 'hit' if bot_course else 'MISS'} "
                    f"plain={classes} cli={cli_codes}"
                )
    n = len(seekers)
    kinds = ("new_field", "asks_other", "thin")
    counts = ", ".join(f"{k} {tally['n ' + k]}" for k in kinds)
    print(f"seekers: {n} ({counts}), as of {AS_OF}")
    print(f"model: {model.name}")
    for how in ("shown", "offered", "none"):
        per = ", ".join(f"{k} {tally[f'{how} {k}']}/{tally[f'n {k}']}" for k in kinds)
        print(f"paths {how}: {sum(tally[f'{how} {k}'] for k in kinds)}/{n} ({per})")
    courses = tally["courses counted"]
    print("| metric | bot (conversation) | jobbot transitions alone | plain search |")
    print("| --- | --- | --- | --- |")
    print(
        f"| acceptable target in the first 3 | {tally['target bot']}/{n} "
        f"| {tally['target cli']}/{n} | {tally['target plain']}/{n} |"
    )
    print(
        f"| acceptable course in the first 3 | {tally['course bot']}/{courses} "
        f"| {tally['course cli']}/{courses} | 0/{courses} (none shown) |"
    )
    print(
        f"| openings listed on a new trade's path that require experience "
        f"| {tally['demanding bot']} | {tally['demanding cli']} | – |"
    )
    fired = [
        f"{label} ({by_text[text]})"
        for label, text, typed in dialogs
        if next_step(typed, by_text[text]).act == "paths"
    ]
    read = sum(by_text[text] == "ask_paths" for _, text, _ in dialogs)
    print(
        f"dialog-suite turns where the next step shows paths instead of what the dialog "
        f"expects: {len(fired)} of {len(dialogs)} (read as ask_paths: {read})"
    )
    for line in fired:
        print(f"  {line}")


def dialog_turns(path: Path) -> list[tuple[str, str, list[str]]]:
    """The dialog suite's typed turns (wording and variants): a label, the turn, and the
    turns typed up to it."""
    found = []
    for dialog in yaml.safe_load(path.read_text("utf-8")):
        runs = {"turns": dialog["turns"], **(dialog.get("variants") or {})}
        for name, texts in runs.items():
            for n, text in enumerate(texts):
                if not text.startswith("/"):
                    label = f"{dialog['id']} {name} {text!r}"
                    found.append((label, text, [t for t in texts[: n + 1] if t[0] != "/"]))
    return found


if __name__ == "__main__":
    main()
