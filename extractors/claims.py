"""Benchmark and comparison claims, read sentence by sentence from gazetteer entities and numbers.

"Qwen3-235B scored 85.7 on MMLU-Pro, ahead of DeepSeek-V3 at 81.2" -> subject qwen, benchmark
MMLU-Pro, score 85.7, comparator deepseek-v3 at 81.2. Trigger words live in config/figures.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

SUBJECT_KINDS = {"model", "chip"}
SCORE = re.compile(r"(?<![\w.-])(?P<num>\d+(?:\.\d+)?)(?P<unit>\s?%|\s?per ?cent|\s?percent)?(?![\w.]*[A-Za-z])")
FACTOR = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s?(?:x|×|times|-fold|fold)\s+(?P<word>[a-z]+(?: [a-z]+)?)\s+than\s+",
                    re.IGNORECASE)


@dataclass
class Mention:
    """A gazetteer entity inside one sentence (offsets relative to the sentence)."""

    start: int
    end: int
    id: str
    kind: str
    name: str


class ClaimExtractor:
    def __init__(self, figures_path: str | Path):
        rules = yaml.safe_load(Path(figures_path).read_text(encoding="utf-8"))["claims"]
        def words(key):
            return re.compile("|".join(rf"(?<!\w){re.escape(cue)}(?!\w)" for cue in
                                       sorted(rules[key], key=len, reverse=True)), re.IGNORECASE)
        self.comparator_cues = words("comparator_cues")
        self.parity_cues = words("parity_cues")

    def extract(self, sentence: str, mentions: list[Mention]) -> list[dict]:
        subjects = [mention for mention in mentions if mention.kind in SUBJECT_KINDS]
        if not subjects:
            return []
        benchmarks = [mention for mention in mentions if mention.kind == "benchmark"]
        if benchmarks:
            return self._benchmark_claims(sentence, subjects, benchmarks, mentions)
        return self._comparison_claims(sentence, subjects)

    def _numbers(self, sentence: str, mentions: list[Mention]):
        for match in SCORE.finditer(sentence):
            inside = any(mention.start <= match.start() < mention.end for mention in mentions)
            year = "." not in match["num"] and 1990 <= float(match["num"]) <= 2100 and not match["unit"]
            if not inside and not year:
                yield match

    def _benchmark_claims(self, sentence, subjects, benchmarks, mentions) -> list[dict]:
        subject = subjects[0]
        cue = self.comparator_cues.search(sentence, subject.end)
        rival = next((mention for mention in subjects if cue and mention.start >= cue.end()), None)
        claims, used = [], set()
        numbers = list(self._numbers(sentence, mentions))
        for number in numbers:
            if rival and number.start() > rival.start:
                continue   # the rival's own score, read below
            benchmark = min(benchmarks, key=lambda mention: abs(mention.start - number.start()))
            if benchmark.id in used:
                continue
            used.add(benchmark.id)
            claim = {"kind": "benchmark", "subject": subject.id, "benchmark": benchmark.name,
                     "score": float(number["num"]), "unit": "%" if number["unit"] else None,
                     "comparator": rival.id if rival else None, "comparator_score": None, "text": sentence}
            if rival:
                rival_number = next((other for other in numbers if other.start() > rival.end), None)
                claim["comparator_score"] = float(rival_number["num"]) if rival_number else None
            claims.append(claim)
        return claims

    def _comparison_claims(self, sentence, subjects) -> list[dict]:
        subject = subjects[0]
        factor = FACTOR.search(sentence, subject.end)
        parity = self.parity_cues.search(sentence, subject.end)
        better = self.comparator_cues.search(sentence, subject.end)
        cue = factor or parity or better
        if cue is None:
            return []
        rival = next((mention for mention in subjects if mention.start >= cue.end()), None)
        if rival is None and not factor:
            return []
        comparator = rival.id if rival else _rest_phrase(sentence[factor.end():])
        return [{"kind": "comparison", "subject": subject.id, "benchmark": None,
                 "score": float(factor["num"]) if factor else None,
                 "unit": f"x {factor['word'].lower()}" if factor else ("parity" if cue is parity else None),
                 "comparator": comparator, "comparator_score": None, "text": sentence}]


def _rest_phrase(text: str) -> str:
    """'its predecessor, the company said' -> 'its predecessor'."""
    return re.split(r"[,.;:]", text, maxsplit=1)[0].strip()[:60]
