"""The text an opening is searched by, for both channels."""

from __future__ import annotations

from storage.models import Opening

__all__ = ["search_text"]


def search_text(opening: Opening) -> str:
    """Title, occupation, company, place, shift and description, one per line.

    The title and occupation come first: e5 truncates long inputs at 512 tokens and the
    head of a posting says what the job is.
    """
    parts = (
        opening.title,
        opening.occupation_raw,
        opening.company.name,
        opening.region_raw,
        opening.work_shift_raw,
        opening.certificates_raw,
        opening.description,
    )
    return "\n".join(part for part in parts if part)
