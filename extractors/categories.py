"""Categories from the fixed vocabulary, each with the sentence that justified it.

Cue phrases (config/categories.yaml) and gazetteer kinds are matched per sentence. A category is
given when one sentence clearly matches its definition, so one sentence with a `cues` phrase is
enough; `weak_cues` are words that also occur in passing ("users", "deployed") and count only in
several sentences (`category_min_sentences`); `entity_cues` count next to an entity of the listed
kinds ("released" + a model). Every phrase of every category is one compiled trie regex, run once
over the whole text; a phrase found also stands for the shorter cues written inside it."""
from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

import yaml

from config.settings import CATEGORIES
from extractors.patterns import phrase_regex

STRONG, WEAK, ENTITY = "cues", "weak_cues", "entity_cues"


class CategoryClassifier:
    def __init__(self, path: str | Path, min_body_sentences: int):
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["categories"]
        self.min_body_sentences = min_body_sentences
        tags: dict[str, set[tuple[str, str]]] = {}
        for name in CATEGORIES:
            entry = data.get(name, {})
            lists = {STRONG: entry.get(STRONG, []), WEAK: entry.get(WEAK, []),
                     ENTITY: (entry.get(ENTITY) or {}).get("cues", [])}
            for strength, cues in lists.items():
                for cue in cues:
                    tags.setdefault(cue.lower(), set()).add((name, strength))
        self.pattern = phrase_regex(tags)
        # "export controls" found stands for "export control" too, and for any cue inside it
        self.tags = {phrase: set().union(*(tags[inner] for inner in tags if _inside(inner, phrase)))
                     for phrase in tags}
        self.entity_kinds = {name: set(data.get(name, {}).get("entity_kinds", [])) for name in CATEGORIES}
        self.except_entities = {name: set(data.get(name, {}).get("except_entities", [])) for name in CATEGORIES}
        self.entity_cue_kinds = {name: set((data.get(name, {}).get(ENTITY) or {}).get("kinds", []))
                                 for name in CATEGORIES}

    def sentence_categories(self, sentence: str, entity_kinds: set[str]) -> set[str]:
        """Categories whose cues (strong, weak or entity cues) or entity kinds occur in one sentence."""
        found = set()
        for match in self.pattern.finditer(sentence):
            for name, strength in self.tags[match.group(0).lower()]:
                if strength != ENTITY or self.entity_cue_kinds[name] & entity_kinds:
                    found.add(name)
        return found | {name for name in CATEGORIES if self.entity_kinds[name] & entity_kinds}

    def classify(self, sentences: list[tuple[str, set[tuple[str, str]], bool, bool]]) -> dict[str, str]:
        """`sentences`: (text, gazetteer (id, kind) pairs in it, in title or lead, in the body).
        Returns category -> evidence sentence, a prominent one first."""
        text = "\n".join(sentence[0] for sentence in sentences)
        starts, offset = [], 0
        for sentence, *_ in sentences:
            starts.append(offset)
            offset += len(sentence) + 1
        hits: dict[tuple[str, str], set[int]] = {}
        for match in self.pattern.finditer(text):
            index = bisect_right(starts, match.start()) - 1
            for tag in self.tags[match.group(0).lower()]:
                hits.setdefault(tag, set()).add(index)
        chosen: dict[str, str] = {}
        for name in CATEGORIES:
            kinds = [{kind for entity_id, kind in entities if entity_id not in self.except_entities[name]}
                     for _, entities, *_ in sentences]
            strong = set(hits.get((name, STRONG), ()))
            strong |= {index for index, found in enumerate(kinds) if self.entity_kinds[name] & found}
            strong |= {index for index in hits.get((name, ENTITY), ()) if self.entity_cue_kinds[name] & kinds[index]}
            weak = {index for index in hits.get((name, WEAK), ()) if sentences[index][3]}
            if strong:
                evidence = min(strong, key=lambda index: (not sentences[index][2], index))
            elif len(weak) >= self.min_body_sentences:
                evidence = min(weak, key=lambda index: (not sentences[index][2], index))
            else:
                continue
            chosen[name] = sentences[evidence][0]
        return chosen


def _inside(inner: str, phrase: str) -> bool:
    """`inner` is written inside `phrase` on word edges (CJK cues anywhere)."""
    if inner == phrase:
        return True
    if inner not in phrase or not inner.isascii():
        return inner in phrase
    return re.search(rf"(?<![a-z0-9_-]){re.escape(inner)}(?![a-z0-9_-])", phrase) is not None
