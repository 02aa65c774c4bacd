"""Stance of a quote toward the article's main subject: positive, negative, neutral or mixed.

A sentiment word count alone does worse than always answering "positive": what a quote means
for the subject depends on who speaks. So the speaker is placed first: an insider (someone of the
subject's own organisation, or an executive or company speaking for itself) talks its business
up, and is neutral only when denying, complying or reporting a buyback; an official or regulator
is negative unless the words are procedural; an outside analyst or investor is weighed by cue
words, and a contrast or hedge ("but", "the question is", "但") makes the view "mixed". A negation
or a reducer ("not", "no longer", "hedge against") flips the cue after it; a cue in a clause that
names the subject counts twice. With no cue the prior is the speaker's usual stance.
Cue lists: config/quotes.yaml `stance`."""
from __future__ import annotations

import re

from extractors.patterns import phrase_regex

INSIDER, OFFICIAL, OUTSIDER = "insider", "official", "outsider"
CLAUSE = re.compile(r"[^,;.!?:，。；！？]+")


class StanceJudge:
    def __init__(self, data: dict):
        self.positive = phrase_regex(data["positive"])
        self.negative = phrase_regex(data["negative"])
        self.neutral = phrase_regex(data["neutral"])
        self.contrast = phrase_regex(data["contrast"])
        self.procedural = phrase_regex(data["procedural"])
        self.negation = re.compile(r"(?:%s)\W*(?:\w+\W+){0,3}$" % "|".join(
            rf"(?<![\w]){re.escape(word)}(?![\w])" if word.isascii() else re.escape(word)
            for word in data["negations"]), re.IGNORECASE)
        self.executive = phrase_regex(data["executive_roles"])
        self.official = phrase_regex(data["official_roles"])
        self.official_orgs = phrase_regex(data["official_organisations"])

    def speaker_kind(self, speaker, subject_names: set[str]) -> str:
        """insider, official or outsider, from the speaker's organisation and role."""
        org = (speaker.org or speaker.name) if speaker.kind == "org" else (speaker.org or "")
        role = speaker.role or ""
        if speaker.kind == "org" and (speaker.official or self.official_orgs.search(org) or self.official.search(org)):
            return OFFICIAL
        if org and _same_family(org, subject_names):
            return INSIDER
        if role.lower().startswith("former"):
            return OUTSIDER   # a former official now speaks as an analyst
        if self.official.search(role) or self.official_orgs.search(org):
            return OFFICIAL
        if speaker.kind == "org" or self.executive.search(role):
            return INSIDER
        return OUTSIDER

    def polarity(self, text: str, subject_names=frozenset()) -> tuple[int, int]:
        """Positive and negative cues; a negated cue counts for the other side, and a cue in a clause
        that names the subject counts twice (the words are about it, not about a rival)."""
        about = [(match.start(), match.end()) for match in CLAUSE.finditer(text)
                 if any(name in match.group(0).lower() for name in subject_names if len(name) > 2)]
        positive = negative = 0
        for pattern, sign in ((self.positive, 1), (self.negative, -1)):
            for match in pattern.finditer(text):
                flipped = self.negation.search(text, max(0, match.start() - 45), match.start()) is not None
                weight = 2 if any(start <= match.start() < end for start, end in about) else 1
                if (sign > 0) != flipped:
                    positive += weight
                else:
                    negative += weight
        return positive, negative

    def stance(self, quote: str, speaker, subject_names: set[str]) -> str:
        kind = self.speaker_kind(speaker, subject_names)
        positive, negative = self.polarity(quote, subject_names)
        contrast = self.contrast.search(quote) is not None
        if kind == INSIDER:
            if contrast and negative:
                return "mixed"
            return "neutral" if self.neutral.search(quote) else "positive"
        if kind == OFFICIAL:
            if negative:
                return "mixed" if contrast and positive else "negative"
            if contrast:
                return "mixed"
            return "neutral" if positive or self.procedural.search(quote) else "negative"
        if contrast or (positive and negative and 3 * min(positive, negative) >= max(positive, negative)):
            return "mixed"
        return "negative" if negative > positive else "positive"


def _same_family(org: str, subject_names: set[str]) -> bool:
    """'Alibaba Cloud Intelligence' belongs to a subject named 'Alibaba'."""
    words = org.lower().replace("'s", "").split()
    return bool(words) and (words[0] in subject_names or org.lower() in subject_names
                            or any(org.startswith(name) for name in subject_names if not name.isascii()))
