"""Benchmark and comparison claims, read clause by clause from gazetteer entities and numbers.

"Qwen3-235B scored 85.7 on MMLU-Pro, ahead of DeepSeek-V3 at 81.2" -> subject qwen, benchmark
MMLU-Pro, score 85.7, comparator deepseek-v3 at 81.2; "the PPU delivers 2.5 times faster inference
than its predecessor, the Hanguang 800" -> comparison with hanguang-800, factor 2.5. A sentence is
cut into clauses at ", and" and ";" so that "..., and on MathVista it reaches 80.3" is a claim of
its own; a clause without a model of its own ("it reaches", "the system would be") takes the last
subject of the article. Models and chips are gazetteer ids, or the name as written when the
gazetteer does not know them ("MiMo-7B"). Cue words live in config/figures.yaml `claims`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from extractors.patterns import phrase_regex

SUBJECT_KINDS = {"model", "chip"}
SCORE = re.compile(r"(?<![\w.$¥€£-])(?P<num>\d+(?:\.\d+)?)(?P<unit>\s?%|\s?per ?cent|\s?percent)?"
                   r"(?![\w.]*[A-Za-z\d])")
# A number followed by a measure or count word is not a score ("480 billion parameters", "234 milliseconds").
NOT_A_SCORE = re.compile(r"\s*(?:billion|million|trillion|thousand|bn|mn|times|x\b|-fold|fold|tokens|parameters|"
                         r"seconds|ms|milliseconds|minutes|hours|days|weeks|months|years|GB|TB|users|chips|GPUs|倍|"
                         r"亿|万|元|美元)", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r",\s+and\s+|;\s*|,\s+while\s+|,\s+whereas\s+|,?\s+but\s+|[，,](?=[\u4e00-\u9fff])")
PRODUCT = re.compile(r"(?<![A-Za-z0-9_$¥€£.-])[A-Z][A-Za-z0-9.]*(?:[- ](?:[A-Z0-9][A-Za-z0-9.]*))*")
PRODUCT_WORD = re.compile(r"[A-Za-z][\w.-]*\d|\d[\w.-]*[A-Za-z]|[a-z][A-Z]")
OPENERS = {"On", "In", "At", "By", "The", "A", "An", "For", "From", "Since", "As", "Of", "Its", "Their", "With"}
RIVAL_SCORE_AFTER = re.compile(r"\s*(?:for|by|from)\s+")                    # "54.9% for GPT-5"
RIVAL_SCORE_VERSUS = re.compile(r"(?:versus|vs\.?|against|compared (?:with|to)|\d\s+to)\s*$")   # "61.8 versus 52.4"
RIVAL_SCORE_AT = re.compile(r"(?:at|with|on|of)\s*$")                        # "GPT-5 at 41.7%"
FACTOR = r"(?P<num>\d+(?:\.\d+)?)(?:\s?(?:-|–|to)\s?(?P<num2>\d+(?:\.\d+)?))?\s?(?:x|×|times|-fold|fold)\s+"


@dataclass
class Mention:
    """A gazetteer entity (or a product named as written) inside one sentence, offsets relative to it."""

    start: int
    end: int
    id: str
    kind: str
    name: str


class ClaimExtractor:
    def __init__(self, figures_path: str | Path):
        rules = yaml.safe_load(Path(figures_path).read_text(encoding="utf-8"))["claims"]
        self.comparator_cues = phrase_regex(rules["comparator_cues"])
        self.parity_cues = phrase_regex(rules["parity_cues"])
        self.better_cues = phrase_regex(rules["better_cues"])
        words = "|".join(re.escape(word) for word in sorted(rules["factor_words"], key=len, reverse=True))
        nouns = "|".join(re.escape(word) for word in sorted(rules["factor_nouns"], key=len, reverse=True))
        self.factor = re.compile(rf"(?<![\w.]){FACTOR}(?:(?:{words})(?:\s+[\w-]+){{0,3}}?\s+(?:than|as)|"
                                 rf"the\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\s+of)\s+", re.IGNORECASE)
        self.factor_zh = re.compile(r"是(?P<rival>[^,，。]{0,20}?)的(?P<num>\d+(?:\.\d+)?)倍")
        self.parity_zh = re.compile(r"与(?P<rival>[^,，。]{0,16}?)(?:相当|持平|不相上下|相近|接近)")
        self.coreference = phrase_regex(rules["coreference"])
        self.same_benchmark = phrase_regex(rules["same_benchmark"])
        self.not_product = re.compile("|".join(f"(?:{pattern})" for pattern in rules["not_products"]))
        self.rival_intro = re.compile(rf"(?:{self.comparator_cues.pattern}|{self.parity_cues.pattern})\W+"
                                      rf"(?:\w+['’]s\s+|the\s+)?$", re.IGNORECASE)

    def extract(self, sentences: list[tuple[str, list[Mention]]]) -> list[dict]:
        """Claims of an article's body, sentence by sentence; subjects carry over by coreference."""
        claims: list[dict] = []
        article = _Article()
        for sentence, mentions in sentences:
            products = self._products(sentence, mentions)
            benchmarks = [mention for mention in mentions if mention.kind == "benchmark"]
            numbers = self._numbers(sentence, mentions + products)
            clause_subject = None
            for start, end in _clauses(sentence):
                inside = lambda items: [item for item in items if start <= _start(item) < end]
                found, clause_subject = self._clause(article, sentence, start, end, inside(products),
                                                     inside(benchmarks) or benchmarks, inside(numbers), clause_subject)
                claims.extend(found)
            if clause_subject is not None:
                article.subject = clause_subject
            elif products and article.subject is None:
                article.subject = products[0]
            if benchmarks:
                article.benchmark = benchmarks[-1]
        return claims

    def _clause(self, article, sentence, start, end, products, benchmarks, numbers, inherited):
        """Claims of one clause and its subject; `inherited` is the subject of the clause before."""
        text = sentence[:end]
        cues = [match.start() for match in self.comparator_cues.finditer(text, start)]
        triggers = self._triggers(sentence, start, end)
        stop = min(cues[:1] + [number.start() for number in numbers[:1]] + [cue.start() for cue in triggers]
                   + [end])
        own = [product for product in products if product.start < stop]
        if own:   # the clause's first model or chip is its subject ("the PPU lags the H100 but beats the H20")
            subject, rivals = own[0], [product for product in products if product.start > own[0].start]
        else:
            subject, rivals = self._referred(article, text, start, stop, inherited), products
        if subject is None or not (triggers or (benchmarks or self.same_benchmark.search(text, start)) and numbers):
            return [], subject or inherited
        if not benchmarks and self.same_benchmark.search(text, start) and article.benchmark is not None:
            benchmarks = [article.benchmark]
        if benchmarks and numbers:
            return self._benchmark_claims(text, subject, benchmarks, numbers, rivals), subject
        comparison = self._comparison(sentence, end, subject, rivals, triggers)
        return ([comparison] if comparison else []), subject

    def _triggers(self, sentence, start, end) -> list:
        found = [pattern.search(sentence, start, end) for pattern in
                 (self.factor, self.factor_zh, self.parity_cues, self.parity_zh, self.better_cues)]
        return sorted((match for match in found if match), key=lambda match: match.start())

    def _referred(self, article, text, start, stop, inherited):
        """A clause's subject written as "it", "the system", or left out after ", and" (the clause
        before's); only "it" and its kind reach back to the article's last subject."""
        if self.coreference.search(text, start, stop):
            return inherited or article.subject
        return inherited

    def _benchmark_claims(self, text, subject, benchmarks, numbers, rivals) -> list[dict]:
        own, rival_scores = [], {}
        for index, number in enumerate(numbers):
            owner = self._score_owner(text, number, numbers[index - 1] if index else None, rivals)
            if owner is None:
                own.append(number)
            else:
                rival_scores.setdefault(owner.id, number)
        named_rivals = [rival for rival in rivals if rival.id in rival_scores or self._introduced(text, rival)]
        claims = []
        for number in own:
            benchmark = min(benchmarks, key=lambda mention: abs(mention.start - number.start()))
            base = {"kind": "benchmark", "subject": subject.id, "benchmark": benchmark.name,
                    "score": float(number["num"]), "unit": "%" if number["unit"] else None, "text": text.strip()}
            for rival in named_rivals or [None]:
                score = rival_scores.get(rival.id) if rival else None
                claims.append({**base, "comparator": rival.id if rival else None,
                               "comparator_score": float(score["num"]) if score else None})
        return claims

    def _score_owner(self, text, number, previous, rivals):
        """The rival a score belongs to: "GPT-5 at 41.7%", "54.9% for GPT-5", "61.8 versus 52.4"."""
        after = text[number.end():number.end() + 30]
        if RIVAL_SCORE_AFTER.match(after):
            rival = next((rival for rival in rivals if number.end() < rival.start <= number.end() + 30), None)
            if rival:
                return rival
        before = text[max(0, number.start() - 40):number.start()]
        if previous is not None and RIVAL_SCORE_VERSUS.search(before):
            earlier = [rival for rival in rivals if rival.end <= number.start()]
            return earlier[-1] if earlier else (rivals[0] if rivals else None)
        rival = next((rival for rival in rivals if 0 <= number.start() - rival.end <= 12), None)
        if RIVAL_SCORE_AT.search(before) and rival and not re.match(r"\s*(?:versus|vs)", after):
            return rival
        return None

    def _introduced(self, text, rival) -> bool:
        """A rival stands after a comparator or parity cue ("ahead of GPT-5", "on par with Gemini")."""
        return self.rival_intro.search(text, max(0, rival.start - 40), rival.start) is not None

    def _comparison(self, sentence, end, subject, rivals, triggers) -> dict | None:
        """'2.5 times faster than X', 'on par with X', 'outperforms X': X a model or chip named right
        after the cue; only a factor may compare with an unnamed rival ("its predecessor")."""
        cue = triggers[0]
        factor = cue if cue.re in (self.factor, self.factor_zh) else None
        if cue.re in (self.factor_zh, self.parity_zh):
            after = [rival for rival in rivals if cue.start("rival") <= rival.start < cue.end("rival")]
        else:
            after = [rival for rival in rivals
                     if rival.start >= cue.end() and (factor or rival.start - cue.end() <= 25)]
        if after and after[0].kind == "product" and cue.re is not self.factor_zh:
            comparator = sentence[cue.end():after[0].end].strip()   # as written: "Nvidia's NVL144"
        elif after:
            comparator = after[0].id
        elif factor and cue.re is self.factor:
            comparator = _rest_phrase(sentence[cue.end():end])
        else:
            return None
        if not comparator:
            return None
        claim = {"kind": "comparison", "subject": subject.id, "benchmark": None, "score": None,
                 "unit": "x" if factor else "parity" if cue.re in (self.parity_cues, self.parity_zh) else None,
                 "comparator": comparator, "comparator_score": None, "text": sentence.strip()}
        if factor:
            claim["score"] = float(factor["num"])
            if factor.groupdict().get("num2"):
                claim["score_max"] = float(factor["num2"])
        return claim

    def _products(self, sentence: str, mentions: list[Mention]) -> list[Mention]:
        """Models and chips: the gazetteer's, and names with digits it does not know ("MiMo-7B")."""
        known = [mention for mention in mentions if mention.kind in SUBJECT_KINDS]
        taken = [(mention.start, mention.end) for mention in mentions]
        for match in PRODUCT.finditer(sentence):
            words = match.group(0).split()
            while words and words[0] in OPENERS:
                words = words[1:]
            name = " ".join(words).rstrip(".")
            begin = match.end() - len(" ".join(words))
            if (not name or not PRODUCT_WORD.search(name) or self.not_product.fullmatch(name)
                    or any(begin < other_end and other_start < begin + len(name) for other_start, other_end in taken)):
                continue
            known.append(Mention(begin, begin + len(name), name, "product", name))
        return sorted(known, key=lambda mention: mention.start)

    def _numbers(self, sentence: str, mentions: list[Mention]):
        numbers = []
        for match in SCORE.finditer(sentence):
            inside = any(mention.start <= match.start() < mention.end or 0 <= match.start() - mention.end <= 1
                         for mention in mentions)
            year = "." not in match["num"] and 1990 <= float(match["num"]) <= 2100 and not match["unit"]
            if not inside and not year and not NOT_A_SCORE.match(sentence, match.end()):
                numbers.append(match)
        return numbers


@dataclass
class _Article:
    """What coreference needs across sentences: the last subject and the last benchmark."""

    subject: Mention | None = None
    benchmark: Mention | None = None


def _start(item) -> int:
    """Where a mention or a regex match begins."""
    return item.start if isinstance(item, Mention) else item.start()


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in CLAUSE_BREAK.finditer(sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return [(begin, end) for begin, end in spans if end > begin]


def _rest_phrase(text: str) -> str:
    """'its predecessor, the company said' -> 'its predecessor'."""
    phrase = re.split(r"[,.;:，。]|\s(?:which|that|in|on|at|for|when)\s", text, maxsplit=1)[0].strip()
    return re.sub(r"^(?:the same number of|that of|those of)\s+", "", phrase)[:60]
