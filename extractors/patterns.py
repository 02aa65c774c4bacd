"""Compiled phrase matchers shared by the rule extractors.

A plain alternation of a few hundred cue phrases ("ai chip|ai chips|...") makes Python's `re`
try every branch at every position of the text; the same phrases folded into a trie
("ai (?:chips?|...)") are tried once per first letter, which is what keeps enrichment close to the
speed of spaCy's NER. Phrases made of Latin letters get word edges; CJK phrases match anywhere,
since Chinese has no spaces between words."""
from __future__ import annotations

import re

# Word edges for Latin phrases, in ASCII so that "gpu" still matches inside "英伟达gpu芯片"
# (`\b` counts CJK characters as word characters). A hyphen joins words: "blue-chip" is one word.
LATIN_BEFORE = r"(?<![A-Za-z0-9_-])"
LATIN_AFTER = r"(?![A-Za-z0-9_-])"


def trie_pattern(phrases) -> str:
    """One regex source matching any of `phrases` (longest first at each position)."""
    trie: dict = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie) if trie else r"(?!x)x"


def _node_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def phrase_regex(phrases, ignore_case: bool = True) -> re.Pattern:
    """Latin phrases with word edges and CJK phrases anywhere, as one compiled regex."""
    phrases = [phrase.lower() if ignore_case else phrase for phrase in phrases if phrase]
    latin = [phrase for phrase in phrases if phrase.isascii()]
    other = [phrase for phrase in phrases if not phrase.isascii()]
    parts = []
    if latin:
        parts.append(f"{LATIN_BEFORE}{trie_pattern(latin)}{LATIN_AFTER}")
    if other:
        parts.append(trie_pattern(other))
    return re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE if ignore_case else 0)
