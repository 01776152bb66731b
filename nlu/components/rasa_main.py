"""``python -m nlu.components.rasa_main ARGS`` runs ``rasa ARGS`` with one speed fix for the server.

Rasa 3.6 checks each custom action's answer with ``jsonschema.validate``, which validates
the (constant) response schema against its meta-schema on every call before it looks at
the answer. That costs 4-5 ms of this 2-core machine per action call, and a search turn
makes three calls. Here ``jsonschema.validate`` keeps one checked validator per distinct
schema; what is accepted or rejected, and the error raised, stay the same.
"""

from __future__ import annotations

import json
import sys
from typing import Any

__all__ = ["apply_jobbot_environment", "install_validator_cache", "main"]

#: Schemas are few constants; the bound only guards against a caller building endless ones.
_MOST_SCHEMAS = 64


def install_validator_cache() -> None:
    """Make ``jsonschema.validate`` reuse a checked validator per schema (idempotent)."""
    import jsonschema
    from jsonschema import exceptions, validators

    original = jsonschema.validate
    if getattr(original, "caches_validators", False):
        return
    cache: dict[str, Any] = {}

    def validate(instance: Any, schema: Any, cls: Any = None, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            original(instance, schema, cls, *args, **kwargs)
            return
        key = json.dumps([cls.__qualname__ if cls else None, schema], sort_keys=True, default=str)
        validator = cache.get(key)
        if validator is None:
            kind = cls or validators.validator_for(schema)
            kind.check_schema(schema)
            validator = kind(schema)
            if len(cache) < _MOST_SCHEMAS:
                cache[key] = validator
        error = exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error

    validate.caches_validators = True  # type: ignore[attr-defined]
    jsonschema.validate = validate
    validators.validate = validate


def apply_jobbot_environment() -> None:
    """What `bot.runtime.rasa_server` passes in the environment (never on the command line,
    which every local user can read): the HTTP API token, and the custom-action timeout
    (Rasa's is a constant 300 s, far past the front end's patience)."""
    import os

    token = os.environ.get("JOBBOT_RASA_TOKEN")
    if token and sys.argv[1:2] == ["run"]:
        # one "--auth-token=…" word: a token starting with "-" (token_urlsafe gives one in 64)
        # would otherwise be read as another option and stop the server
        sys.argv.append(f"--auth-token={token}")
    timeout = os.environ.get("JOBBOT_ACTION_TIMEOUT_SECONDS")
    if timeout:
        from rasa.core.actions import action
        from rasa.utils import endpoints

        action.DEFAULT_REQUEST_TIMEOUT = endpoints.DEFAULT_REQUEST_TIMEOUT = float(timeout)  # type: ignore[assignment]


def main() -> None:
    """Run Rasa's command line with the validator cache installed."""
    install_validator_cache()
    apply_jobbot_environment()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
