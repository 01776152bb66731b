"""nlu.components.rasa_main: Rasa's action-answer validation with the schema checked once.

Runs in the Rasa environment only:
.venv-rasa/bin/python -m pytest --noconftest tests/nlu/components/test_rasa_main.py
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("rasa")

import jsonschema  # noqa: E402
from jsonschema import ValidationError  # noqa: E402
from rasa.core.actions.action import RemoteAction  # noqa: E402

from nlu.components.rasa_main import install_validator_cache  # noqa: E402

GOOD = {
    "events": [{"event": "slot", "name": "region", "value": "gunsan"}],
    "responses": [{"text": "네"}],
}
BAD = {"events": [{"event": "slot", "name": 3}], "responses": "네"}


@pytest.fixture
def counted_checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """The cache installed over the original validate; every meta-schema check recorded.

    Both names of ``validate`` go through monkeypatch first, so the test restores them.
    """
    monkeypatch.setattr(jsonschema, "validate", jsonschema.validators.validate)
    checked: list[Any] = []
    kind = jsonschema.validators.validator_for({})
    original = kind.check_schema.__func__  # type: ignore[attr-defined]

    def check_schema(cls: Any, schema: Any, *args: Any, **kwargs: Any) -> None:
        checked.append(schema)
        original(cls, schema, *args, **kwargs)

    monkeypatch.setattr(kind, "check_schema", classmethod(check_schema))
    monkeypatch.setattr(jsonschema.validators, "validate", jsonschema.validators.validate)
    install_validator_cache()
    yield checked


def remote_action() -> RemoteAction:
    return RemoteAction("action_search_jobs", action_endpoint=None)


def test_the_response_schema_is_checked_once_over_many_answers(counted_checks: list[Any]) -> None:
    action = remote_action()
    for _ in range(5):
        assert action._validate_action_result(GOOD) is True
    assert len(counted_checks) == 1


def test_a_bad_answer_is_rejected_with_the_same_error_as_before(
    counted_checks: list[Any],
) -> None:
    schema = RemoteAction.action_response_format_spec()
    expected = jsonschema.exceptions.best_match(
        jsonschema.validators.validator_for(schema)(schema).iter_errors(BAD)
    )
    with pytest.raises(ValidationError) as raised:
        remote_action()._validate_action_result(BAD)
    assert expected is not None
    assert raised.value.message.startswith(expected.message)
    assert "Failed to validate Action server response" in raised.value.message
    assert list(raised.value.path) == list(expected.path)


def test_an_invalid_schema_is_still_refused(counted_checks: list[Any]) -> None:
    for _ in range(2):  # a schema that fails its check is never cached
        with pytest.raises(jsonschema.SchemaError):
            jsonschema.validate({}, {"type": "no such type"})
    assert len(counted_checks) == 2


@pytest.mark.parametrize("token", ["-flzRxsI0lqo2GfmqqxecQU2uqtoNAN7LwqI", "plainToken_123"])
def test_the_api_token_reaches_rasa_run_even_when_it_starts_with_a_dash(
    token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasa.__main__ import create_argument_parser

    from nlu.components.rasa_main import apply_jobbot_environment

    monkeypatch.setenv("JOBBOT_RASA_TOKEN", token)
    monkeypatch.delenv("JOBBOT_ACTION_TIMEOUT_SECONDS", raising=False)
    monkeypatch.setattr("sys.argv", ["rasa", "run", "--model", "model.tar.gz"])
    apply_jobbot_environment()
    arguments = create_argument_parser().parse_args(sys.argv[1:])
    assert arguments.auth_token == token
