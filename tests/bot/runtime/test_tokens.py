"""The loopback tokens: generated once into the home, configured ones win, owner-only files."""

from __future__ import annotations

import stat
from pathlib import Path

import yaml
from pydantic import SecretStr

from bot.runtime.rasa_server import CHANNEL, rasa_environment, write_credentials, write_endpoints
from bot.runtime.tokens import tokens_path, with_tokens
from tests.conftest import make_settings


def test_tokens_are_generated_once_and_kept_in_the_home(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    first = with_tokens(settings)
    again = with_tokens(make_settings(tmp_path))  # another process, the same home
    assert first.rasa_token is not None and first.action_token is not None
    assert first.rasa_token.get_secret_value() != first.action_token.get_secret_value()
    assert again.rasa_token == first.rasa_token and again.action_token == first.action_token
    assert len(first.rasa_token.get_secret_value()) >= 40
    assert stat.S_IMODE(tokens_path(settings).stat().st_mode) == 0o600


def test_a_configured_token_wins(tmp_path: Path) -> None:
    settings = make_settings(tmp_path).model_copy(update={"rasa_token": SecretStr("mine")})
    filled = with_tokens(settings)
    assert filled.rasa_token is not None and filled.rasa_token.get_secret_value() == "mine"
    assert filled.action_token is not None


def test_rasa_gets_its_token_by_environment_and_the_action_token_in_an_owner_only_file(
    tmp_path: Path,
) -> None:
    settings = with_tokens(make_settings(tmp_path))
    assert settings.rasa_token is not None and settings.action_token is not None
    env = rasa_environment(settings)
    assert env["JOBBOT_RASA_TOKEN"] == settings.rasa_token.get_secret_value()
    assert float(env["JOBBOT_ACTION_TIMEOUT_SECONDS"]) < settings.rasa_timeout_seconds / 2
    endpoints = write_endpoints(settings)
    assert f'token: "{settings.action_token.get_secret_value()}"' in endpoints.read_text()
    assert stat.S_IMODE(endpoints.stat().st_mode) == 0o600


def test_the_rest_channel_is_named_with_the_rasa_token_in_an_owner_only_file(
    tmp_path: Path,
) -> None:
    settings = with_tokens(make_settings(tmp_path))
    assert settings.rasa_token is not None
    credentials = write_credentials(settings)
    lines = credentials.read_text().splitlines()
    assert lines[1:] == [f"{CHANNEL}:", f'  token: "{settings.rasa_token.get_secret_value()}"']
    assert "rest:" not in credentials.read_text()  # Rasa's open channel is not served
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600


def test_configured_tokens_with_quotes_reach_rasa_unchanged(tmp_path: Path) -> None:
    odd = 'a"b\\c: #d'
    settings = make_settings(tmp_path).model_copy(
        update={"rasa_token": SecretStr(odd), "action_token": SecretStr(odd)}
    )
    credentials = yaml.safe_load(write_credentials(settings).read_text())
    endpoints = yaml.safe_load(write_endpoints(settings).read_text())
    assert credentials == {CHANNEL: {"token": odd}}
    assert endpoints["action_endpoint"]["token"] == odd
