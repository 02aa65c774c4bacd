"""Counts: digits plus what they count ("100 million monthly active users", "16 PPU chips",
"29 regions", "下载量突破1000万"), with the unit named as config/figures.yaml `count_units` names it.

Three shapes, tried in this order by FigureExtractor: a known unit after the number, with up to four
words between ("30,000 of its own Kunlun P800 chips"); any plural noun after the number ("126 brands",
"150 million instant-retail orders"), except measures and time spans; and in Chinese the noun before
the number ("日活跃用户数超过2000万"). Elliptical counts come last: a scaled number with no noun
("up from about 30 million", "DeepSeek, with 145 million") counts what the count before it counts."""
from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
RANGE = r"\s?(?:-|–|to)\s?"
# No count is written inside a name ("H20 chips", "Qwen3 models") or as a rank ("Top 10 apps").
START = r"(?<![A-Za-z0-9_.$¥€£-])(?<![Tt]op )"
ELLIPTICAL_FOLLOWERS = (r"(?=\s*(?:[.,;:)\"”。，；：、）]|$|\s(?:in|at|for|last|are|is|were|was|from|by|on|to|this|a|an|the|"
                        r"and|or|with|as|per|each|still|now|since|after|before|during|across|according)\b))")


@dataclass
class Count:
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str


class CountReader:
    def __init__(self, rules: dict, scale: str, scale_of):
        self.units = {key.lower(): value for key, value in rules["count_units"].items()}
        self.scale_of = scale_of
        known = "|".join(re.escape(unit) for unit in sorted(self.units, key=len, reverse=True))
        stop = "|".join(re.escape(word) for word in rules["not_count_nouns"])
        function = "|".join(re.escape(word) for word in rules["not_count_modifiers"])
        # "30,000 of its own Kunlun P800 chips", "700,000 Ascend 910B and 910C chips", "16 PPU chips"
        modifier = rf"(?:of (?:its|their) own|and(?= \d)|(?!(?:{function}|{stop})\b)[A-Za-z0-9][\w.-]*)"
        # "910C chips" is a chip name, not 910 chips: a number runs up to a space or a scale word
        amount = (rf"{START}(?P<num>{NUMBER})(?:{RANGE}(?P<num2>{NUMBER}))?(?:\s?(?P<scale>{scale}))?"
                  rf"(?(scale)|(?![A-Za-z0-9]))")
        self.known = re.compile(rf"{amount}\s?(?:{modifier}\s+){{0,4}}?(?P<unit>{known})(?![A-Za-z])", re.IGNORECASE)
        # a plural noun; "process" and "across" end in -ss and are none
        noun = rf"(?!(?:{stop})\b)(?!(?:{function})\b)[A-Za-z][a-z-]*[a-rt-z]s|[A-Z]{{2,}}s"
        self.plural = re.compile(rf"{amount}\s+(?P<mods>(?:(?!(?:{function})\b)[A-Za-z][\w-]*\s+){{0,2}}?)"
                                 rf"(?P<unit>{noun})(?:\s+(?:and|or)\s+(?:{noun}))?(?![\w-])")
        self.repeated = re.compile(rf"(?P<verb>{'|'.join(rules['repeat_verbs'])})\s+(?:\w+\s+){{0,3}}?"
                                   rf"(?P<num>{NUMBER})(?:\s?(?P<scale>{scale}))?\s+times\b", re.IGNORECASE)
        before = "|".join(re.escape(noun) for noun in sorted(rules["count_nouns_before"], key=len, reverse=True))
        counters = "".join(rules["count_counters"])
        self.noun_first = re.compile(rf"(?P<noun>{before})[^,，。;；、]{{0,10}}?(?<![\d.])(?P<num>{NUMBER})"
                                     rf"(?P<scale>万亿|亿|万)?(?P<counter>[{counters}])?")
        self.counter = re.compile(rf"(?<![\d.]){amount.removeprefix(START)}(?P<scale2>万亿|亿|万)?"
                                  rf"(?P<counter>[{counters}])")
        self.nouns_before = rules["count_nouns_before"]
        self.counters = rules["count_counters"]
        self.repeat_units = rules["repeat_verbs"]
        self.scaled = re.compile(rf"{START}(?P<num>{NUMBER})\s?(?P<scale>million|billion|trillion|mn|bn|万亿|亿|万)"
                                 rf"{ELLIPTICAL_FOLLOWERS}", re.IGNORECASE)
        self.unit_words = re.compile(rf"(?<![\w-])(?P<unit>{known})(?![A-Za-z])", re.IGNORECASE)

    def counts(self, text: str) -> list[Count]:
        """Every count with its unit written next to it, first shape first (overlaps left to the caller)."""
        found = []
        for match in self.repeated.finditer(text):
            unit = self.repeat_units[match["verb"].lower()]
            found.append(self._count(match, match.start("num"), match.end(), unit))
        for match in self.noun_first.finditer(text):
            unit = self.nouns_before[match["noun"]] or self.counters.get(match["counter"] or "", "")
            found.append(Count(match.start("num"), match.end(), self._value(match["num"], match["scale"]), None, unit))
        for match in self.counter.finditer(text):
            unit = self.counters[match["counter"]]
            if unit:
                value = self._value(match["num"], match["scale2"] or match["scale"])
                found.append(Count(match.start("num"), match.end(), value, None, unit))
        for match in self.known.finditer(text):
            found.append(self._count(match, match.start(), match.end(), self.units[match["unit"].lower()]))
        for match in self.plural.finditer(text):
            year = not match["scale"] and re.fullmatch(r"(?:19|20)\d\d", match["num"])
            if not year:
                found.append(self._count(match, match.start(), match.end(), match["unit"]))
        return found

    def elliptical(self, text: str, counts: list[Count], taken) -> list[Count]:
        """Scaled numbers without a noun, counting what the nearest count or unit word before them counts,
        in the same paragraph: 'more than 100 million monthly active users ..., up from about 30 million'."""
        found = []
        for match in self.scaled.finditer(text):
            if taken(match.start(), match.end()):
                continue
            paragraph_start = text.rfind("\n", 0, match.start()) + 1
            earlier = [count for count in counts if paragraph_start <= count.start < match.start()]
            unit = earlier[-1].unit if earlier else None
            if unit is None:
                word = None
                for word in self.unit_words.finditer(text, paragraph_start, match.start()):
                    pass
                unit = self.units[word["unit"].lower()] if word else None
            if unit:
                found.append(Count(match.start(), match.end(), self._value(match["num"], match["scale"]), None, unit))
        return found

    def _count(self, match, start: int, end: int, unit: str) -> Count:
        value = self._value(match["num"], match["scale"])
        top = match.groupdict().get("num2")
        return Count(start, end, value, self._value(top, match["scale"]) if top else None, unit)

    def _value(self, number: str, scale: str | None) -> float:
        return float(number.replace(",", "")) * self.scale_of(scale)
