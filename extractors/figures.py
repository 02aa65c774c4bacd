"""Money, percent, count and performance figures, found by rules on the text.

spaCy's MONEY and PERCENT spans miss about a third of news figures ("per cent", "Rmb30bn",
"3800亿元"), so figures have rules of their own, compiled once from config/fx.yaml (currency
symbols, scale words, rates) and config/figures.yaml (count and performance units). A number is
money only next to a currency: years, model names (Qwen2.5-72B) and chip names (H20) never are."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from extractors.counts import CountReader
from extractors.patterns import trie_pattern

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHANGED_FROM = re.compile(r"\b(?:rais|lift|cut|lower|increas|reduc|trimm|trim|boost|hik|chang)\w*\b[^.;!?]{0,40}"
                          r"\bfrom\s$", re.IGNORECASE)
RANGE_JOIN = r"\s?(?:-|–|—|to|~|至)\s?"
CONVERSION_GAP = re.compile(r"^\s*[(（]\s*(?:about|around|roughly|approximately|approx\.|or|some|nearly|~|≈|约)?\s*$")


def _alternation(words, latin_edges: bool = True) -> str:
    """One regex source for `words`, longest first; Latin words get word edges, lower-case keys are
    case-insensitive words ('Yuan', 'Hong Kong dollars'). Words with the same edges and case share a
    trie, so the pattern is tried once per first letter instead of once per word."""
    buckets: dict[tuple[bool, bool, bool], list[str]] = {}
    for word in set(words):
        latin = latin_edges and word.isascii()
        key = (word.isascii() and word.islower(), latin and word[:1].isalpha(), latin and word[-1:].isalpha())
        buckets.setdefault(key, []).append(word)
    parts = []
    for (ignore_case, before, after), group in sorted(buckets.items(), key=lambda item: -max(map(len, item[1]))):
        body = trie_pattern(group)
        parts.append(("(?<![A-Za-z])" if before else "") + (f"(?i:{body})" if ignore_case else body)
                     + ("(?![A-Za-z])" if after else ""))
    return "|".join(parts)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


@dataclass
class FxTable:
    usd_per_unit: dict[str, float]
    symbols: dict[str, dict]
    scales: dict[str, float]
    local_symbols: dict[str, dict[str, str]] = field(default_factory=dict)   # by site or country domain

    def __post_init__(self):
        # the site keys ("dawn.com"), split from the country ones ("au") once rather than per money match
        self._sites = tuple(key for key in self.local_symbols if "." in key)

    @classmethod
    def load(cls, path: str | Path) -> "FxTable":
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        symbols = {}
        for symbol, meaning in data["symbols"].items():
            symbols[symbol] = meaning if isinstance(meaning, dict) else {"default": meaning}
        return cls({code: float(rate) for code, rate in data["usd_per_unit"].items()}, symbols,
                   {word: float(factor) for word, factor in data["scales"].items()},
                   data.get("local_symbols") or {})

    def currency(self, symbol: str, sentence: str, host: str = "") -> str:
        """The currency a symbol means in its sentence; where no cue word decides, a site's own currency
        ("$" on an Australian site is the Australian dollar) before the symbol's default."""
        meaning = self.symbols.get(symbol) or self.symbols.get(symbol.lower()) or {"default": symbol.upper()}
        lowered = sentence.lower()
        for code, cues in (meaning.get("alternatives") or {}).items():
            if any(cue in lowered for cue in cues):
                return code
        return self._local(symbol, host) or meaning["default"]

    def _local(self, symbol: str, host: str) -> str | None:
        """The site's meaning of a symbol: by its own name ("dawn.com"), then by its country domain ("au")."""
        host = host.lower().removeprefix("www.")
        for key in (*(site for site in self._sites if host == site or host.endswith("." + site)), host.rsplit(".", 1)[-1]):
            local = self.local_symbols.get(key, {})
            if symbol in local or symbol.lower() in local:
                return local.get(symbol) or local[symbol.lower()]
        return None

    def scale(self, word: str | None) -> float:
        if not word:
            return 1.0
        return self.scales.get(word, self.scales.get(word.lower(), 1.0))

    def to_usd(self, value: float, currency: str) -> float | None:
        rate = self.usd_per_unit.get(currency)
        return round(value * rate, 2) if rate is not None else None


class FigureExtractor:
    def __init__(self, fx_path: str | Path, figures_path: str | Path):
        self.fx = FxTable.load(fx_path)
        rules = yaml.safe_load(Path(figures_path).read_text(encoding="utf-8"))
        self.performance_units = {key.lower(): value for key, value in rules["performance_units"].items()}
        symbols = list(self.fx.symbols)
        scale = _alternation(self.fx.scales)
        # ("a 4.8-billion-baht data centre": an amount written as one hyphenated word)
        amount = rf"(?P<num>{NUMBER})(?:{RANGE_JOIN}(?P<num2>{NUMBER}))?(?:[\s-]?(?P<scale>{scale}))?"
        # "人民币3800亿元": the currency named before and 元 after are one amount; a word ending in 元 is written
        # after its amount only ("思元690" is a chip, not 690 yuan)
        before = [symbol for symbol in symbols if not symbol.endswith("元")]
        self.money_before = re.compile(rf"(?P<cur>{_alternation(before)})\s?{amount}(?:(?<=[\d亿万千百])元)?")
        self.money_after = re.compile(rf"{amount}[\s-]?(?P<cur>{_alternation(symbols)})")
        # a range that repeats the scale, and perhaps the currency: "$20bn-$30bn", "$12bn-14bn",
        # "HK$1.5 billion to HK$2 billion"
        self.money_range = re.compile(rf"(?P<cur>{_alternation(before)})\s?(?P<num>{NUMBER})\s?(?P<scale>{scale})"
                                      rf"{RANGE_JOIN}(?:(?P=cur)\s?)?(?P<num2>{NUMBER})\s?(?P=scale)")
        # a range of plain amounts that repeats the currency: "$0.27 to $0.35 per million tokens"
        self.money_range_plain = re.compile(rf"(?P<cur>{_alternation(before)})\s?(?P<num>{NUMBER}){RANGE_JOIN}"
                                            rf"(?P=cur)\s?(?P<num2>{NUMBER})(?!\s?(?:{scale})\b)(?P<scale>)")
        # a range that repeats the scale and the currency after it: "3 million yuan to 5 million yuan"
        self.money_range_after_both = re.compile(rf"(?P<num>{NUMBER})\s?(?P<scale>{scale})\s?(?P<cur>{_alternation(symbols)})"
                                                 rf"{RANGE_JOIN}(?P<num2>{NUMBER})\s?(?P=scale)\s?(?P=cur)")
        # a range that repeats the scale, the currency after it: "15 billion to 20 billion yuan"
        self.money_range_after = re.compile(rf"(?P<num>{NUMBER})\s?(?P<scale>{scale}){RANGE_JOIN}(?P<num2>{NUMBER})"
                                            rf"\s?(?P=scale)\s?(?P<cur>{_alternation(symbols)})")
        # Traditional Chinese (Hong Kong and Taiwan filings: "人民幣3,800億元") is read with the Simplified
        # rules through a one-character-for-one table, so every offset and span stays the original's.
        table = rules.get("traditional_chinese") or {}
        self.simplified = str.maketrans({old: new for old, new in table.items() if len(old) == len(new) == 1})
        # "30-40%" and "6-8 percent" are ranges, not a minus 40 per cent ("in 2024 to 36%" is no range)
        self.percent = re.compile(rf"(?<![A-Za-z0-9_.])(?:(?!(?:19|20)\d\d(?![\d.]))(?P<low>{NUMBER}){RANGE_JOIN}(?=\d))?(?P<num>-?(?:{NUMBER}))\s?"
                                  rf"(?P<unit>%|％|per ?cent(?![A-Za-z])|pct(?![A-Za-z])|percentage points?(?![A-Za-z])|"
                                  rf"个百分点)")
        # single-letter scales ("4K video", "235B parameters") only ever scale money
        count_scale = _alternation(word for word in self.fx.scales if len(word) > 1 or not word.isascii())
        self.counts = CountReader(rules, count_scale, self.fx.scale)
        self.performance = re.compile(rf"(?P<num>{NUMBER})(?:\s?(?P<scale>{scale}))?\s?"
                                      rf"(?P<unit>{_alternation(self.performance_units)})", re.IGNORECASE)
        speed_words = _alternation(rules["speedup_words"])
        # "2.5 times faster", "1.5 times the inference throughput of the H20"
        measured = r"the\s+(?:[\w-]+\s+){0,2}?(?:throughput|performance|computing power|compute|bandwidth|speed)"
        self.speedup = re.compile(rf"(?<![\w.])(?P<num>{NUMBER})(?:{RANGE_JOIN}(?P<num2>{NUMBER}))?\s?"
                                  rf"(?:x|×|times|-fold|fold)\s+(?P<unit>{speed_words}|{measured})(?![A-Za-z])",
                                  re.IGNORECASE)
        context = "|".join(rules["speedup_context_zh"])
        self.speedup_context_zh = re.compile(context)
        self.speedup_zh = re.compile(rf"(?:{context})[^,，。;；]{{0,24}}?(?P<factor>(?P<num>{NUMBER})\s?倍)")
        # "推理性能是上一代的2.5倍，是含光800的8倍以上": a further 是…的N倍 in a sentence about performance
        self.times_of_zh = re.compile(rf"是[^,，。;；]{{0,20}}?的\s?(?P<factor>(?P<num>{NUMBER})\s?倍)")

    def extract(self, text: str, sentence_starts: list[int], host: str = "") -> list[dict]:
        """Every figure in `text`, in reading order; `sentence_starts` are offsets of sentences, `host`
        the site the text comes from (whose currency a bare "$" may be)."""
        plain = text.translate(self.simplified)
        figures = self._extract(plain, sentence_starts, host)
        if plain != text:
            for start, record in figures:   # the spans as written: same offsets, original characters
                for key in ("text", "sentence", "equivalent_of"):
                    if record.get(key):
                        at = plain.find(record[key], start if key == "text" else 0)
                        record[key] = text[at:at + len(record[key])]
        return [record for _, record in figures]

    def _extract(self, text: str, sentence_starts: list[int], host: str = "") -> list[tuple[int, dict]]:
        def sentence_of(start: int) -> str:
            index = bisect_right(sentence_starts, start) - 1
            begin = sentence_starts[index] if index >= 0 else 0
            end = sentence_starts[index + 1] if index + 1 < len(sentence_starts) else len(text)
            return text[begin:end].strip()

        taken: list[tuple[int, int]] = []
        figures: list[tuple[int, dict]] = []

        def overlaps(start: int, end: int) -> bool:
            return any(start < other_end and other_start < end for other_start, other_end in taken)

        def claim_span(start: int, end: int) -> bool:
            if overlaps(start, end):
                return False
            taken.append((start, end))
            return True

        def claim(match) -> bool:
            return claim_span(*match.span())

        # ("raised its price target from $140.00 to $165.00" is two amounts, the old and the new, where "prices
        # run from $0.27 to $0.35" is a range)
        money = sorted([match for pattern in (self.money_range, self.money_range_plain, self.money_range_after_both,
                                              self.money_range_after,
                                              self.money_before, self.money_after)
                        for match in pattern.finditer(text)
                        if not (match.groupdict().get("num2")
                                and CHANGED_FROM.search(text, max(0, match.start() - 80), match.start()))],
                       key=lambda match: (match.start(), -(match.end() - match.start())))
        money_records: list[tuple[int, int, dict]] = []
        for match in money:
            if not claim(match):
                continue
            sentence = sentence_of(match.start())
            currency = self.fx.currency(match["cur"], sentence, host)
            factor = self.fx.scale(match["scale"])
            value = _number(match["num"]) * factor
            record = {"kind": "money", "text": match.group(0).strip(), "value": _plain(value), "currency": currency,
                      "value_usd": _plain(self.fx.to_usd(value, currency)), "sentence": sentence}
            if match["num2"]:
                record["value_max"] = _plain(_number(match["num2"]) * factor)
            if money_records and CONVERSION_GAP.match(text[money_records[-1][1]:match.start()]):
                record["equivalent_of"] = money_records[-1][2]["text"]
            money_records.append((match.start(), match.end(), record))
            figures.append((match.start(), record))
        for pattern, kind in ((self.performance, "performance"), (self.speedup, "performance")):
            for match in pattern.finditer(text):
                if claim(match):
                    figures.append((match.start(), self._plain_figure(kind, match, sentence_of(match.start()))))
        zh_factors = list(self.speedup_zh.finditer(text)) + [
            match for match in self.times_of_zh.finditer(text)
            if self.speedup_context_zh.search(sentence_of(match.start()))]
        for match in zh_factors:
            start, end = match.span("factor")
            if claim_span(start, end):
                figures.append((start, {"kind": "performance", "text": match["factor"], "unit": "x",
                                        "value": _plain(_number(match["num"])), "sentence": sentence_of(start)}))
        counts = [count for count in self.counts.counts(text) if claim_span(count.start, count.end)]
        for match in self.percent.finditer(text):
            if claim(match):
                figures.append((match.start(), self._plain_figure("percent", match, sentence_of(match.start()))))
        counts += [count for count in self.counts.elliptical(text, sorted(counts, key=lambda count: count.start),
                                                             lambda start, end: overlaps(start, end))
                   if claim_span(count.start, count.end)]
        for count in counts:
            record = {"kind": "count", "text": text[count.start:count.end], "value": _plain(count.value),
                      "unit": count.unit, "sentence": sentence_of(count.start)}
            if count.value_max is not None:
                record["value_max"] = _plain(count.value_max)
            figures.append((count.start, record))
        return sorted(figures, key=lambda item: item[0])

    def _plain_figure(self, kind: str, match, sentence: str) -> dict:
        groups = match.groupdict()
        number = _number(match["num"])
        if kind == "percent":
            unit = "percentage points" if "point" in match["unit"] or "百分点" in match["unit"] else "%"
            if match["low"]:
                return {"kind": kind, "text": match.group(0), "value": _plain(_number(match["low"])),
                        "value_max": _plain(number), "unit": unit, "sentence": sentence}
            return {"kind": kind, "text": match.group(0), "value": _plain(number), "unit": unit, "sentence": sentence}
        value = number * self.fx.scale(groups.get("scale"))
        unit = match["unit"].lower()
        if unit in self.performance_units:
            unit = self.performance_units[unit]
        else:
            unit = f"x {unit}"   # a speed-up factor: "2.5 times faster" -> 2.5, "x faster"
        record = {"kind": kind, "text": match.group(0), "value": _plain(value), "unit": unit, "sentence": sentence}
        if groups.get("num2"):
            record["value_max"] = _plain(_number(match["num2"]) * self.fx.scale(groups.get("scale")))
        return record


def _plain(value: float | None):
    """Whole numbers as int so 30 billion prints as 30000000000, not 3e10."""
    if value is None:
        return None
    return int(round(value)) if abs(value - round(value)) < 1e-6 else round(value, 4)
