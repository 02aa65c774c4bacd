"""The gazetteer of config/entities.yaml: canonical ids, labels, kinds, aliases, parents.

It becomes entity-ruler phrase patterns and one variant regex for English, and a longest-match
alias regex for Chinese text."""
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
        self._families: dict[str, list[str]] = {}
        self._makers: set[str] | None = None

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

    def family(self, entity_id: str) -> list[str]:
        """The id and every entity whose parent chain leads to it (alibaba -> alibaba-cloud, qwen, t-head ...)."""
        if entity_id not in self._families:   # once per subject: it walks every entity's chain
            self._families[entity_id] = [other for other in self.entities if entity_id in self.ancestors(other)]
        return self._families[entity_id]

    def makers(self) -> set[str]:
        """Models, chips and the companies that make them: who competes with whom in AI (a customer such as
        China Mobile is none of these)."""
        if self._makers is None:
            self._makers = {ancestor for entity in self.entities.values() if entity.kind in ("model", "chip")
                            for ancestor in self.ancestors(entity.id)}
        return self._makers

    def ancestors(self, entity_id: str) -> list[str]:
        """The id itself and every parent up the chain (hanguang-800 -> t-head -> alibaba)."""
        chain, seen = [], set()
        while entity_id and entity_id not in seen and entity_id in self.entities:
            chain.append(entity_id)
            seen.add(entity_id)
            entity_id = self.entities[entity_id].parent
        return chain

    def ruler_patterns(self) -> list[dict]:
        """Phrase patterns for spaCy's entity_ruler, one per alias (CJK aliases have their own regex)."""
        return [{"label": entity.label, "pattern": name, "id": entity.id}
                for entity in self.entities.values() for name in entity.names if not CJK.search(name)]

    def variant_regex(self) -> tuple[re.Pattern, dict[str, Entity]]:
        """Every `token_regex` as one regex over the text, with its entity by group name.

        spaCy splits "Qwen3-235B-A22B" into Qwen3 - 235B - A22B, so a head pattern is followed by up
        to three hyphen-joined variant parts (capital or digit first: "-235B", "-Max", not "-based").
        Matching the text once is far cheaper than a REGEX predicate on every token."""
        alternatives, by_group = [], {}
        for entity in self.entities.values():
            for regex in entity.token_regex:
                group = f"v{len(by_group)}"
                by_group[group] = entity
                alternatives.append(f"(?P<{group}>{_head_pattern(regex)}{VARIANT_PARTS})")
        if not alternatives:
            return re.compile(r"(?!x)x"), by_group
        return re.compile(rf"(?<![A-Za-z0-9_.-])(?:{'|'.join(alternatives)})(?![A-Za-z0-9_])"), by_group

    def chinese_alias_regex(self) -> tuple[re.Pattern, dict[str, Entity]]:
        """One alternation of every alias, longest first, for text without word boundaries."""
        by_name = {}
        for entity in self.entities.values():
            for name in entity.names:
                by_name.setdefault(name, entity)
        names = sorted(by_name, key=len, reverse=True)
        # Latin names inside Chinese text still need word edges ("BIS" is not inside "BISCUIT").
        # ("GPT-5" is not the start of "GPT-5.2": that is a variant, read by variant_regex)
        alternatives = [re.escape(name) if CJK.search(name)
                        else rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9]|\.\d)" for name in names]
        return re.compile("|".join(alternatives)), by_name


CJK = re.compile(r"[\u3400-\u9fff]")
# Hyphen-joined variant parts after a head token: "-235B", "-A22B", "-Max", "-VL", "-Instruct".
VARIANT_PARTS = r"(?:-[A-Z0-9][A-Za-z0-9.]*){0,3}"


def _head_pattern(token_regex: str) -> str:
    """A one-token full-match pattern as a head pattern inside a larger regex: no anchors, no
    capturing groups, and no trailing hyphen parts (VARIANT_PARTS reads those, more strictly)."""
    body = token_regex.removeprefix("^").removesuffix("$")
    body = re.sub(r"(?<!\\)\((?!\?)", "(?:", body)
    for suffix in ("(?:-[A-Za-z0-9.]+)*", "(?:-\\w+)*"):
        body = body.removesuffix(suffix)
    return body
