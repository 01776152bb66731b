"""The next-step policy on its own: one row per situation, the step it must take."""

from __future__ import annotations

from dataclasses import replace

import pytest

from actions.next_step import DialogueState, Step, Turn, decide, search_key
from nlu.profile import Experience, SeekerProfile

WELDER = SeekerProfile(experience=(Experience("welder", 10),))
NOTHING = SeekerProfile()
GUNSAN = "gunsan"


def searched(
    profile: SeekerProfile, now: SeekerProfile | None = None, **changes: object
) -> DialogueState:
    """A state in which ``profile`` was searched and its results shown; the profile is
    ``now`` after this turn's facts (unchanged if ``None``)."""
    state = DialogueState(
        profile=now or profile,
        searched=search_key(profile, GUNSAN),
        shown_results=True,
        default_region=GUNSAN,
    )
    return replace(state, **changes)  # type: ignore[arg-type]


def fresh(profile: SeekerProfile, **changes: object) -> DialogueState:
    """A state before any search."""
    return replace(DialogueState(profile=profile, default_region=GUNSAN), **changes)  # type: ignore[arg-type]


CASES = [
    # -- results early: the kind of work is enough -----------------------------------------
    ("trade named in the first message", fresh(WELDER), Turn("inform", added_facts=True),
     Step(act="search")),
    ("trade read from a message NLU did not understand", fresh(WELDER),
     Turn("nlu_fallback", added_facts=True), Step(act="search")),
    ("a search request without a trade asks for it", fresh(NOTHING), Turn("search_jobs"),
     Step(ask="occupation")),
    ("returning to work read as start over asks for the trade", fresh(NOTHING),
     Turn("start_over"), Step(ask="occupation")),
    ("facts without a trade ask for it (second time)",
     fresh(SeekerProfile(home_region="iksan"), asked={"occupation": 1}),
     Turn("inform", added_facts=True), Step(ask="occupation")),
    ("asked twice: search without a trade",
     fresh(SeekerProfile(home_region="iksan"), asked={"occupation": 2}),
     Turn("inform", added_facts=True), Step(act="search", anywork=True)),
    ("conditions alone ('토요일 일요일만 되는 알바 있나요'): results now, the work asked",
     fresh(SeekerProfile(weekends_only=True)), Turn("search_jobs", added_facts=True),
     Step(act="search", ask="occupation", anywork=True)),
    ("body and hours alone ('낮에만, 앉아서 하는 일') search too",
     fresh(SeekerProfile(wanted_shifts=frozenset({"주간"}), physical_limits=frozenset({"standing"}))),
     Turn("inform", added_facts=True), Step(act="search", ask="occupation", anywork=True)),
    ("those conditions searched already: the work is asked, no second search",
     fresh(SeekerProfile(weekends_only=True), asked={"occupation": 1},
           searched=search_key(SeekerProfile(weekends_only=True, any_occupation=True), GUNSAN)),
     Turn("inform"), Step(ask="occupation")),
    ("any work is a kind of work", fresh(SeekerProfile(any_occupation=True)),
     Turn("inform", added_facts=True), Step(act="search")),
    ("work only the classification names is a kind of work ('편의점 알바 구해요')",
     fresh(SeekerProfile(wanted_codes=("615103",))), Turn("inform", added_facts=True),
     Step(act="search")),
    ("a greeting alone asks for the trade", fresh(NOTHING), Turn("greet"),
     Step(say="greet", ask="occupation")),
    # -- every fact from any turn: search again only when the search changes ------------------
    ("a region given after the results searches again",
     searched(WELDER, now=replace(WELDER, home_region="iksan")),
     Turn("inform", added_facts=True), Step(act="search")),
    ("the default region said out loud changes nothing",
     searched(WELDER, now=replace(WELDER, home_region=GUNSAN)),
     Turn("inform", added_facts=True), Step(say="noted")),
    ("'no certificates' searches again (openings that require one go)",
     searched(WELDER, now=replace(WELDER, no_certificates=True)),
     Turn("deny", added_facts=True, answer="no"), Step(act="search")),
    ("an exclusion added later searches again",
     searched(WELDER, now=replace(WELDER, excluded_employment_types=frozenset({"계약직"}))),
     Turn("inform", added_facts=True), Step(act="search")),
    ("'자격증 있어요' without a name: ask which", searched(WELDER),
     Turn("inform", unnamed_certificate=True, answer="yes"), Step(ask="which_certificates")),
    ("'자격증 있고 5년' with a new fact: search, then ask which",
     searched(WELDER, now=replace(WELDER, experience=(Experience("welder", 5),))),
     Turn("nlu_fallback", added_facts=True, unnamed_certificate=True),
     Step(act="search", ask="which_certificates")),
    ("which certificate, asked twice already: no third time",
     searched(WELDER, asked={"which_certificates": 2}),
     Turn("inform", unnamed_certificate=True), Step(say="noted")),
    # -- yes/no in context ------------------------------------------------------------------
    ("yes to the counselor offer hands off", searched(WELDER, open_question="counselor_offer",
     counselor_offered=True), Turn("affirm", answer="yes"), Step(act="handoff")),
    ("Jeolla yes read as another intent still hands off",
     fresh(NOTHING, open_question="counselor_offer", counselor_offered=True),
     Turn("nlu_fallback", answer="yes"), Step(act="handoff")),
    ("no to the offer: ok, and on", fresh(WELDER, open_question="counselor_offer",
     counselor_offered=True), Turn("deny", answer="no"), Step(say="ok", act="search")),
    ("facts after the offer win over it", fresh(WELDER, open_question="counselor_offer",
     counselor_offered=True), Turn("inform", added_facts=True), Step(act="search")),
    ("a trade with certificates: results, then '자격증 있으세요?'",
     fresh(WELDER, trade_certificates=True), Turn("inform", added_facts=True),
     Step(act="search", ask="has_certificates")),
    ("certificates asked about once only",
     searched(WELDER, now=replace(WELDER, home_region="iksan"), trade_certificates=True,
              asked={"has_certificates": 1}),
     Turn("inform", added_facts=True), Step(act="search")),
    ("certificates already said: not asked",
     fresh(replace(WELDER, certificates_held=("special_welding",)), trade_certificates=True),
     Turn("inform", added_facts=True), Step(act="search")),
    ("yes to '자격증 있으세요?' asks which",
     searched(WELDER, open_question="has_certificates", asked={"has_certificates": 1}),
     Turn("affirm", answer="yes"), Step(ask="which_certificates")),
    ("yes to 'which certificate?' asks once more",
     searched(WELDER, open_question="which_certificates", asked={"which_certificates": 1}),
     Turn("affirm", answer="yes"), Step(ask="which_certificates")),
    ("yes after the results shows more", searched(WELDER), Turn("affirm", answer="yes"),
     Step(act="more")),
    ("no after the results closes politely", searched(WELDER), Turn("deny", answer="no"),
     Step(say="closing")),
    ("a bare yes before anything asks for the trade", fresh(NOTHING),
     Turn("affirm", answer="yes"), Step(ask="occupation")),
    ("keyboard mashing read as yes is still a miss", fresh(NOTHING),
     Turn("affirm", gibberish=True), Step(say="rephrase", missed=True)),
    ("second mashing in a row: the offer", fresh(NOTHING, fallback_streak=1),
     Turn("inform", gibberish=True), Step(say="lost", ask="counselor_offer", missed=True)),
    # -- no loops ---------------------------------------------------------------------------
    ("first miss: rephrase", fresh(NOTHING), Turn("nlu_fallback"),
     Step(say="rephrase", missed=True)),
    ("first miss out of scope", fresh(NOTHING), Turn("out_of_scope"),
     Step(say="out_of_scope", missed=True)),
    ("second miss in a row: offer a counselor", fresh(NOTHING, fallback_streak=1),
     Turn("nlu_fallback"), Step(say="lost", ask="counselor_offer", missed=True)),
    ("after the offer, misses get a short answer", fresh(NOTHING, fallback_streak=2,
     counselor_offered=True), Turn("nlu_fallback"), Step(say="still_lost", missed=True)),
    ("abuse: one calm answer and the offer", fresh(NOTHING), Turn("out_of_scope", abuse=True),
     Step(say="calm", ask="counselor_offer", missed=True)),
    ("abuse again after the offer: no second offer",
     fresh(NOTHING, counselor_offered=True, open_question="counselor_offer"),
     Turn("out_of_scope", abuse=True), Step(say="still_lost", missed=True)),
    ("an insult read as a plea for help is still an insult", fresh(NOTHING),
     Turn("help", abuse=True), Step(say="calm", ask="counselor_offer", missed=True)),
    ("help says what the bot does", fresh(NOTHING), Turn("help"), Step(say="help")),
    ("facts said before, read as a miss, are noted", searched(WELDER),
     Turn("nlu_fallback", said_facts=True), Step(say="noted")),
    # -- a request to talk to a person, whatever the classifier read --------------------------
    ("'사람이랑 통화할 수 있어요?' read as help hands off", fresh(WELDER, open_question="has_certificates"),
     Turn("help", asks_to_talk=True), Step(act="handoff")),
    ("'네 연결해 주세요' after results is no 'more'", searched(WELDER),
     Turn("affirm", answer="yes", asks_to_talk=True), Step(act="handoff")),
    # -- a farewell or "are you a bot" that carries facts is read as facts ---------------------
    ("a shift in dialect read as goodbye searches again",
     searched(WELDER, now=replace(WELDER, wanted_shifts=frozenset({"주간"}))),
     Turn("goodbye", added_facts=True), Step(act="search")),
    ("a nationality and a trade read as a bot challenge search", fresh(WELDER),
     Turn("bot_challenge", added_facts=True), Step(act="search")),
    ("a farewell alone says goodbye", searched(WELDER), Turn("goodbye"), Step(say="goodbye")),
    ("a bot challenge alone is answered", fresh(NOTHING), Turn("bot_challenge"),
     Step(say="iamabot")),
    ("abuse with a trade in it still searches", fresh(WELDER),
     Turn("inform", added_facts=True, abuse=True), Step(act="search")),
    ("nothing new after the results", searched(WELDER), Turn("inform"), Step(say="noted")),
    # -- refinements ------------------------------------------------------------------------
    ("'다른 지역' asks where", searched(WELDER), Turn("change_region"), Step(ask="region")),
    ("'다른 지역' asked twice already", searched(WELDER, asked={"region": 2}),
     Turn("change_region"), Step(say="noted")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("state", "turn", "step"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_next_step(state: DialogueState, turn: Turn, step: Step) -> None:
    assert decide(state, turn) == step


def test_the_search_key_ignores_answers_that_change_no_search() -> None:
    answered = replace(WELDER, pay_any=True, shift_any=True)
    assert search_key(answered, GUNSAN) == search_key(WELDER, GUNSAN)
    assert search_key(replace(WELDER, no_certificates=True)) != search_key(WELDER)
    assert search_key(replace(WELDER, home_region=GUNSAN), GUNSAN) == search_key(WELDER, GUNSAN)
    assert search_key(replace(WELDER, home_region="iksan"), GUNSAN) != search_key(WELDER, GUNSAN)
    assert search_key(replace(WELDER, min_monthly_pay=3_000_000)) != search_key(WELDER)


def test_no_question_is_asked_a_third_time() -> None:
    for question in ("occupation", "has_certificates", "which_certificates", "region"):
        state = fresh(NOTHING, asked={question: 2})
        for turn in (Turn("search_jobs"), Turn("inform", unnamed_certificate=True),
                     Turn("change_region"), Turn("affirm", answer="yes")):  # fmt: skip
            assert decide(state, turn).ask != question
