"""Normalized entity values, and roles from negation, for the entities DIET extracts.

Runs after DIETClassifier (and before EntitySynonymMapper). Each entity's ``value`` becomes
what :func:`nlu.entity_values.normalize_entity_value` reads from its span (용접 → welder,
십오년 → 15, 월 300 → 3000000); a span the tables do not know keeps its value. With
``set_roles``, the message is read once by :func:`nlu.parse_seeker_text`, and an entity
the seeker refuses gets the role ``excluded`` ("야간은 못해요"), a certificate they lack
the role ``lacking`` ("특수용접은 없어요"); otherwise DIET's role stands.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_ROLE,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from nlu.entity_values import entity_role, normalize_entity_value
from nlu.seeker import SeekerProfile, parse_seeker_text, warm_up

__all__ = ["KoreanEntityNormalizer"]

logger = logging.getLogger(__name__)

# Entity types whose role the seeker's profile can decide.
_ROLE_TYPES = frozenset({"occupation", "shift", "employment_type", "certificate"})


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class KoreanEntityNormalizer(GraphComponent, EntityExtractorMixin):
    """Sets entity values from data/normalization and roles from the seeker's negations."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Returns default config (see parent class for full docstring)."""
        return {
            # Give refused occupations / shifts / employment types the role "excluded"
            # and certificates the seeker lacks the role "lacking", as parse_seeker_text
            # reads the message; DIET's role stands where it reads nothing.
            "set_roles": True,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        """Creates the normalizer."""
        self._set_roles = bool(config.get("set_roles", True))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> KoreanEntityNormalizer:
        """Creates the component and builds the matchers (and Kiwi) it needs."""
        warm_up()  # tables, matchers and Kiwi now, not during the first message
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Normalizes the entities of each message in place."""
        for message in messages:
            entities = message.get(ENTITIES, [])
            if entities:
                self._normalize(message.get(TEXT) or "", entities)
                message.set(ENTITIES, entities, add_to_output=True)
        return messages

    def _normalize(self, text: str, entities: list[dict[str, Any]]) -> None:
        profile: SeekerProfile | None = None
        if self._set_roles and any(e.get(ENTITY_ATTRIBUTE_TYPE) in _ROLE_TYPES for e in entities):
            profile = parse_seeker_text(text)
        for entity in entities:
            entity_type = entity.get(ENTITY_ATTRIBUTE_TYPE)
            if not isinstance(entity_type, str):
                continue
            changed = False
            value = normalize_entity_value(entity_type, _surface(text, entity))
            if value is None:
                # DEBUG only: the surface is the seeker's own words
                logger.debug("no normalized %s for %r", entity_type, _surface(text, entity))
            elif value != entity.get(ENTITY_ATTRIBUTE_VALUE):
                entity[ENTITY_ATTRIBUTE_VALUE] = value
                changed = True
            if profile is not None:
                role = entity_role(entity_type, value, profile)
                if role is not None and role != entity.get(ENTITY_ATTRIBUTE_ROLE):
                    entity[ENTITY_ATTRIBUTE_ROLE] = role
                    changed = True
            if changed:
                self.add_processor_name(entity)


def _surface(text: str, entity: dict[str, Any]) -> str:
    """The entity as written: its span of ``text``, or its value if it has no span."""
    start, end = entity.get(ENTITY_ATTRIBUTE_START), entity.get(ENTITY_ATTRIBUTE_END)
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return text[start:end]
    return str(entity.get(ENTITY_ATTRIBUTE_VALUE, ""))
