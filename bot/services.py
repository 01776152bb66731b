"""Composition: build the database, embedder and matcher from :class:`bot.settings.Settings`.

Entry points (CLI, servers) call these; nothing here runs at import time.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from retrieval.constraints import MatchPolicy
from retrieval.embedder import Embedder, load_embedder
from retrieval.matcher import Matcher
from storage.db import make_engine, make_session_factory, upgrade

__all__ = ["open_database", "open_embedder", "open_matcher", "match_policy"]


def open_database(settings: Settings) -> sessionmaker[Session]:
    """Engine at the configured URL with the schema migrated to head; returns a session factory."""
    engine = make_engine(settings.sqlalchemy_url)
    upgrade(engine)
    return make_session_factory(engine)


def open_embedder(settings: Settings, *, remembered_queries: int = 0) -> Embedder:
    """The configured embedding model (the bundled one is converted on first use)."""
    return load_embedder(
        settings.embedding_model,
        cache_dir=settings.model_cache_dir,
        query_prompt=settings.query_prompt,
        passage_prompt=settings.passage_prompt,
        threads=settings.torch_threads,
        remembered_queries=remembered_queries,
        runtime=settings.embedding_runtime,
        query_int8=settings.query_int8,
    )


def match_policy(settings: Settings) -> MatchPolicy:
    """Constraint-handling knobs from the settings."""
    return MatchPolicy(
        commute_km=settings.commute_km, default_home_region=settings.default_home_region
    )


def open_matcher(
    settings: Settings,
    *,
    sessions: sessionmaker[Session] | None = None,
    embedder: Embedder | None = None,
) -> Matcher:
    """A ready matcher over the persisted indexes."""
    return Matcher.open(
        index_dir=settings.index_dir,
        embedder=embedder or open_embedder(settings),
        sessions=sessions or open_database(settings),
        policy=match_policy(settings),
    )
