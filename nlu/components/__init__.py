"""The Rasa side of :mod:`nlu`: modules that import Rasa and run only in ``.venv-rasa``.

:mod:`~nlu.components.kiwi_tokenizer` (Kiwi morphemes as tokens) and
:mod:`~nlu.components.entity_normalizer` (table values and roles for DIET's entities) are
used by ``config.yml``; ``python -m nlu.components.rasa_main`` is Rasa's command line with
one speed fix. Nothing outside this package imports them, so the rest of :mod:`nlu` stays
usable in the app environment.
"""
