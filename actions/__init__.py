"""Rasa custom actions (rasa-sdk), served by `jobbot actions` in the app environment.

Thin: they read the conversation's slots, call retrieval and storage, and answer with
``custom`` JSON payloads (see :mod:`actions.payloads`) plus plain-text fallbacks.
"""
