"""Everything the matcher returns, written to a JSON file: to prove a speed change changes no result.

For every dev set of `jobbot eval retrieval` (each imported into a temporary home as of its
date) and, with ``--size``, the cached benchmark corpus: per seeker text, the ids of every
channel's ranking (dense, lexical, RRF, hybrid, the plain baseline), the final scores as
exact floats, and the ``top`` matches as `jobbot match --json` items (reasons included),
once parsed from the text and once from a profile (as a conversation searches). Run it
before and after a change and compare the files (``cmp``); any difference is a changed result.

Usage: python bench/ranking_snapshot.py --out FILE [--size 100000] [--queries 75] [--top 10]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import AS_OF, REPO, open_corpus  # noqa: E402
from retrieval_bench import seeker_queries  # noqa: E402

import nlu  # noqa: E402
from bot.cli.common import parse_date  # noqa: E402
from bot.cli.eval import DEV_SETS  # noqa: E402
from bot.services import match_policy, open_embedder  # noqa: E402
from bot.settings import Settings  # noqa: E402
from retrieval.evaluation import DevSet, load_dev_set, open_dev_home, plain_ranking  # noqa: E402
from retrieval.matcher import Matcher  # noqa: E402


def snapshot(matcher: Matcher, texts: list[str], *, as_of: object, top: int) -> dict[str, object]:
    """Per text: every ranking, the final scores (repr: exact) and the shown matches."""
    result: dict[str, object] = {}
    for text in dict.fromkeys(texts):
        _, ranked, final = matcher.rank(text, as_of=as_of)  # type: ignore[arg-type]
        profile = nlu.parse_seeker_text(text)
        result[text] = {
            "dense": ranked.dense,
            "lexical": ranked.lexical,
            "fused": ranked.fused,
            "hybrid": ranked.hybrid,
            "final": {str(i): repr(s) for i, s in final.items()},
            "plain": plain_ranking(matcher, text, as_of=as_of),  # type: ignore[arg-type]
            "match": [m.as_dict() for m in matcher.match(text, top=top, as_of=as_of)],  # type: ignore[arg-type]
            "match_profile": [
                m.as_dict()
                for m in matcher.match(text, top=top, as_of=as_of, profile=profile)  # type: ignore[arg-type]
            ],
        }
    return result


def main() -> None:
    """Write the snapshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--size", type=int, default=0, help="cached bench corpus too (0: no)")
    parser.add_argument("--queries", type=int, default=75)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()

    settings = Settings(home=REPO / "var", _env_file=None)  # type: ignore[call-arg]
    embedder = open_embedder(settings)
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="jobbot-snapshot-") as tmp:
        for name, (queries, openings, day) in DEV_SETS.items():
            dev = DevSet(name, REPO / queries, tuple(REPO / p for p in openings), parse_date(day))
            matcher = open_dev_home(
                dev, Path(tmp) / name, embedder=embedder, policy=match_policy(settings)
            )
            texts = [q.text for q in load_dev_set(dev.queries)]
            out[name] = snapshot(matcher, texts, as_of=dev.as_of, top=args.top)
            print(f"... {name}: {len(texts)} queries", file=sys.stderr)
    if args.size:
        corpus = open_corpus(args.size, embedder)
        matcher = corpus.matcher(embedder)
        out[f"bench{args.size}"] = snapshot(
            matcher, seeker_queries(args.queries), as_of=AS_OF, top=args.top
        )
        print(f"... bench corpus of {args.size:,}", file=sys.stderr)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
