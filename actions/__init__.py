"""Rasa custom actions (rasa-sdk), served by `jobbot actions` in the app environment.

Thin: they read the conversation's slots, call retrieval and storage, and answer with
``custom`` payloads, one type each in :mod:`actions.replies` (built by
:mod:`actions.payloads`), each with a plain-text fallback. Nothing here imports ``bot``.
"""
