"""The gazetteer of config/entities.yaml: canonical ids, labels, kinds, aliases, parents.

It becomes entity-ruler patterns for English and a longest-match alias regex for Chinese text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from newsmon.errors import ConfigError


@dataclass
class Entity:
    id: str
    label: str
    kind: str
    names: list[str]
    token_regex: list[str] = field(default_factory=list)
    parent: str | None = None


class Gazetteer:
    def __init__(self, entities: list[Entity]):
        self.entities = {entity.id: entity for entity in entities}

    @classmethod
    def load(cls, path: str | Path) -> "Gazetteer":
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise ConfigError(f"{path}: cannot read the gazetteer: {error}") from None
        entities, problems = [], []
        for index, item in enumerate(data.get("entities", [])):
            try:
                entity = Entity(**item)
                for pattern in entity.token_regex:
                    re.compile(pattern)
                entities.append(entity)
            except (TypeError, re.error) as error:
                problems.append(f"{path}: entities[{index}]: {error}")
        if problems:
            raise ConfigError(problems)
        return cls(entities)

    def kind(self, entity_id: str | None) -> str | None:
        entity = self.entities.get(entity_id or "")
        return entity.kind if entity else None

    def ancestors(self, entity_id: str) -> list[str]:
        """The id itself and every parent up the chain (hanguang-800 -> t-head -> alibaba)."""
        chain, seen = [], set()
        while entity_id and entity_id not in seen and entity_id in self.entities:
            chain.append(entity_id)
            seen.add(entity_id)
            entity_id = self.entities[entity_id].parent
        return chain

    def ruler_patterns(self) -> list[dict]:
        """Patterns for spaCy's entity_ruler: phrases for aliases, one-token regexes for variants."""
        patterns = []
        for entity in self.entities.values():
            for name in entity.names:
                if not CJK.search(name):
                    patterns.append({"label": entity.label, "pattern": name, "id": entity.id})
            for regex in entity.token_regex:
                for pattern in variant_patterns(regex):
                    patterns.append({"label": entity.label, "pattern": pattern, "id": entity.id})
        return patterns

    def chinese_alias_regex(self) -> tuple[re.Pattern, dict[str, Entity]]:
        """One alternation of every alias, longest first, for text without word boundaries."""
        by_name = {}
        for entity in self.entities.values():
            for name in entity.names:
                by_name.setdefault(name, entity)
        names = sorted(by_name, key=len, reverse=True)
        # Latin names inside Chinese text still need word edges ("BIS" is not inside "BISCUIT").
        alternatives = [re.escape(name) if CJK.search(name) else rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])"
                        for name in names]
        return re.compile("|".join(alternatives)), by_name


CJK = re.compile(r"[\u3400-\u9fff]")
# A variant part after a hyphen: "235B", "A22B", "Max", "VL", "Instruct" (capital or digit first).
VARIANT_PART = {"TEXT": {"REGEX": r"^[A-Z0-9][A-Za-z0-9.]*$"}}
MAX_VARIANT_PARTS = 3


def variant_patterns(regex: str) -> list[list[dict]]:
    """spaCy splits "Qwen3-235B-A22B" into Qwen3 - 235B - A22B; the head regex alone would tag only
    "Qwen3". One pattern per number of hyphen-joined parts (no spaces between), longest wins."""
    patterns = []
    for parts in range(MAX_VARIANT_PARTS + 1):
        pattern = [{"TEXT": {"REGEX": regex}, **({"SPACY": False} if parts else {})}]
        for index in range(parts):
            last = index == parts - 1
            pattern += [{"ORTH": "-", "SPACY": False}, {**VARIANT_PART, **({} if last else {"SPACY": False})}]
        patterns.append(pattern)
    return patterns
