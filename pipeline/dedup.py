"""Exact and near-duplicate detection: which stored article a new one copies, and its story.

Exact copies share a content hash. Near-duplicates are found by MinHash over word shingles
(datasketch), compared against every article of the recent window at once with numpy: a
syndicated copy (high similarity) gets `duplicate_of`; a rewrite (moderate similarity) joins the
story. Thresholds come from configuration."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 3
PERMUTATIONS = 64


def minhash_of(text: str) -> np.ndarray:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE_WORDS:
        words = words + [""] * SHINGLE_WORDS
    signature = MinHash(num_perm=PERMUTATIONS, seed=7)
    signature.update_batch(" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
                           for i in range(len(words) - SHINGLE_WORDS + 1))
    return signature.hashvalues.astype(np.uint64)


@dataclass
class DedupVerdict:
    story_id: str
    duplicate_of: str | None
    similarity: float


class Deduplicator:
    """Remembers the recent window's signatures; `judge` compares one article and then adds it."""

    def __init__(self, recent_rows, duplicate_threshold: float, story_threshold: float):
        self.duplicate_threshold = duplicate_threshold
        self.story_threshold = story_threshold
        self.ids: list[str] = []
        self.stories: list[str] = []
        self.roots: list[str] = []          # the first stored copy each article duplicates (or itself)
        self.matrix = np.empty((0, PERMUTATIONS), dtype=np.uint64)
        rows = list(recent_rows)
        if rows:
            self.matrix = np.vstack([np.frombuffer(row["minhash"], dtype=np.uint64) for row in rows])
            for row in rows:
                self.ids.append(row["id"])
                self.stories.append(row["story_id"])
                self.roots.append(row["duplicate_of"] or row["id"])

    def judge(self, article_id: str, signature: np.ndarray, exact_match=None) -> DedupVerdict:
        if exact_match is not None and exact_match["id"] != article_id:
            verdict = DedupVerdict(exact_match["story_id"], exact_match["id"], 1.0)
        else:
            verdict = self._nearest(article_id, signature)
        self._remember(article_id, signature, verdict)
        return verdict

    def _nearest(self, article_id: str, signature: np.ndarray) -> DedupVerdict:
        if not self.ids:
            return DedupVerdict(article_id, None, 0.0)
        similarity = (self.matrix == signature).mean(axis=1)
        for index in np.argsort(-similarity):
            if self.ids[index] != article_id:   # never one's own earlier version
                break
        else:
            return DedupVerdict(article_id, None, 0.0)
        best = float(similarity[index])
        if best >= self.duplicate_threshold:
            return DedupVerdict(self.stories[index], self.roots[index], best)
        if best >= self.story_threshold:
            return DedupVerdict(self.stories[index], None, best)
        return DedupVerdict(article_id, None, best)

    def _remember(self, article_id: str, signature: np.ndarray, verdict: DedupVerdict) -> None:
        self.ids.append(article_id)
        self.stories.append(verdict.story_id)
        self.roots.append(verdict.duplicate_of or article_id)
        self.matrix = np.vstack([self.matrix, signature[None, :]])
