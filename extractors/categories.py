"""Categories from the fixed vocabulary, each with the sentence that justified it.

Cue phrases (config/categories.yaml) and gazetteer kinds are matched per sentence; a category
needs a cue in the title or lead, or cues in several sentences of the body (configured)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from config.settings import CATEGORIES


class CategoryClassifier:
    def __init__(self, path: str | Path, min_body_sentences: int):
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["categories"]
        self.min_body_sentences = min_body_sentences
        self.patterns: dict[str, re.Pattern] = {}
        self.entity_kinds: dict[str, set[str]] = {}
        for name in CATEGORIES:
            entry = data.get(name, {})
            latin = [cue for cue in entry.get("cues", []) if cue.isascii()]
            other = [cue for cue in entry.get("cues", []) if not cue.isascii()]
            alternatives = [rf"(?<![\w-]){re.escape(cue.lower())}(?![\w-])" for cue in sorted(latin, key=len, reverse=True)]
            alternatives += [re.escape(cue) for cue in other]
            self.patterns[name] = re.compile("|".join(alternatives)) if alternatives else re.compile(r"(?!x)x")
            self.entity_kinds[name] = set(entry.get("entity_kinds", []))

    def sentence_categories(self, sentence: str, entity_kinds: set[str]) -> set[str]:
        lowered = sentence.lower()
        return {name for name, pattern in self.patterns.items()
                if pattern.search(lowered) or self.entity_kinds[name] & entity_kinds}

    def classify(self, sentences: list[tuple[str, set[str], bool]]) -> dict[str, str]:
        """`sentences`: (text, gazetteer kinds in it, in title or lead). Returns category -> evidence."""
        hits: dict[str, list[tuple[str, bool]]] = {}
        for text, kinds, prominent in sentences:
            for name in self.sentence_categories(text, kinds):
                hits.setdefault(name, []).append((text, prominent))
        chosen = {}
        for name in CATEGORIES:
            found = hits.get(name, [])
            if any(prominent for _, prominent in found) or len(found) >= self.min_body_sentences:
                chosen[name] = next((text for text, prominent in found if prominent), found[0][0] if found else "")
        return chosen
