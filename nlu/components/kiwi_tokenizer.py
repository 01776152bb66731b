"""Kiwi morphemes as Rasa tokens, with offsets into the message as the seeker typed it.

The alignment of morphemes to the text is :mod:`nlu.morph_alignment`; this module is the
Rasa glue. Each token's ``lemma`` is its morphemes' forms joined by ``+`` (했 → 하+었), its
``pos`` their tags ("VV+EP").
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.exceptions import MissingDependencyException
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from nlu.clauses import shared_kiwi
from nlu.morph_alignment import JAMO_TAG, MorphToken, morph_tokens

__all__ = ["KiwiTokenizer"]

logger = logging.getLogger(__name__)

# Every tag but Kiwi's punctuation and symbols: SF . ? !, SP , / :, SS brackets and quotes,
# SE …, SO - ~, SW other symbols.
_DEFAULT_KEEP_POS = [
    "N", "V", "M", "I", "J", "E", "X", "U", "W", "Z", "SL", "SH", "SN", "SB", JAMO_TAG,
]  # fmt: skip


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class KiwiTokenizer(Tokenizer):
    """Korean tokenizer on Kiwi (https://github.com/bab2min/kiwipiepy) morphemes."""

    @staticmethod
    def supported_languages() -> list[str] | None:
        """Supported languages (see parent class for full docstring)."""
        return ["ko"]

    @staticmethod
    def required_packages() -> list[str]:
        """Any extra python dependencies required for this component to run."""
        return ["kiwipiepy"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Returns default config (see parent class for full docstring)."""
        return {
            # Flag to check whether to split intents
            "intent_tokenization_flag": False,
            # Symbol on which intent should be split
            "intent_split_symbol": "_",
            # Regular expression to detect tokens
            "token_pattern": None,
            # Symbol on which prefix should be split
            "prefix_separator_symbol": None,
            # Correct typos in lemmas: Kiwi's basic typo set (용졉 → 용접, 괸찮아요 → 괜찮)
            # and the misspellings listed in data/normalization (지게처 → 지게차, 크래인 →
            # 크레인). Token text and offsets stay the message's. Kiwi gets ~3x slower.
            "typo_correction": False,
            # Tag prefixes of the tokens to keep: everything but punctuation and symbols
            # (SF, SP, SS, SE, SO, SW). Jamo runs (ㅇㅇ, ㄴㄴ) are tagged SW_JAMO and kept.
            # A message with nothing else keeps its punctuation. None keeps everything.
            "keep_pos": list(_DEFAULT_KEEP_POS),
        }

    def __init__(self, config: dict[str, Any]) -> None:
        """Initialize the tokenizer."""
        super().__init__(config)
        keep = config.get("keep_pos")
        self._keep_pos: tuple[str, ...] | None = None if keep is None else tuple(keep)
        self._typos = bool(config.get("typo_correction"))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> KiwiTokenizer:
        """Creates a new component (see parent class for full docstring)."""
        return cls(config)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> KiwiTokenizer:
        """Creates the component for a trained model and warms Kiwi up."""
        tokenizer = cls.create(config, model_storage, resource, execution_context)
        tokenizer.warm_up()  # now, rather than during the first user message
        return tokenizer

    def warm_up(self) -> None:
        """Load Kiwi (seconds) now."""
        self.analyse("용접 10년 했어요")

    def analyse(self, text: str) -> list[MorphToken]:
        """Every token of ``text``, before the ``keep_pos`` filter."""
        kiwi = shared_kiwi()  # one Kiwi per process (~450 MB), the one nlu.clauses uses
        if kiwi is None:
            raise MissingDependencyException("KiwiTokenizer needs kiwipiepy (and its model)")
        return morph_tokens(kiwi, text, typos=self._typos)

    def _kept(self, token: MorphToken) -> bool:
        return self._keep_pos is None or any(t.startswith(self._keep_pos) for t in token.tags)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        """Tokenizes the text of the provided attribute of the incoming message."""
        text = message.get(attribute)
        analysed = self.analyse(text)
        kept = [t for t in analysed if self._kept(t)] or analysed
        tokens = [
            Token(
                text[t.start : t.end], t.start, t.end, data={"pos": "+".join(t.tags)}, lemma=t.lemma
            )
            for t in kept
        ]
        return self._apply_token_pattern(tokens)
