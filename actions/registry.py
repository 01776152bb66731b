"""Every action of the assistant, bound to one :class:`~actions.context.ActionContext`."""

from __future__ import annotations

from rasa_sdk import Action

from actions.apply import Apply
from actions.context import ActionContext
from actions.details import JobDetails
from actions.next_step_action import NextStep, RequestCounselor, RestartProfile
from actions.profile import ReadProfile
from actions.search import MoreResults

__all__ = ["all_actions"]


def all_actions(context: ActionContext) -> list[Action]:
    """Instances of all custom actions, sharing ``context``."""
    return [
        cls(context)
        for cls in (
            ReadProfile,
            NextStep,
            RestartProfile,
            MoreResults,
            JobDetails,
            Apply,
            RequestCounselor,
        )
    ]
