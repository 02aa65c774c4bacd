"""Quotes: direct speech attributed to a speaker with role and organisation, and its stance.

Attribution patterns news uses: '"...," said X, an analyst at Y.', '"...," X said.',
'X, Portfolio Manager at Y: "..."', 'says Shanghai-based analyst X', a pronoun after a named
speaker ('he said'), and a quote running over paragraphs (no closing mark until a later one).
Speech verbs, role words and stance cues live in config/quotes.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml



@dataclass
class Person:
    start: int
    end: int
    name: str
    label: str   # PERSON or ORG


class QuoteExtractor:
    def __init__(self, path: str | Path):
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        verbs = "|".join(re.escape(verb) for verb in sorted(data["speech_verbs"], key=len, reverse=True))
        self.verb = re.compile(rf"(?<!\w)(?:{verbs})(?!\w)", re.IGNORECASE)
        roles = "|".join(re.escape(word) for word in sorted(data["role_words"], key=len, reverse=True))
        self.role_word = re.compile(rf"(?<!\w)(?:{roles})(?!\w)", re.IGNORECASE)
        self.appositive = re.compile(
            r"^\s*,\s*(?P<role>(?:an?\s+|the\s+)?[^,:;\"“”]{2,80}?)(?:\s+(?:at|of|with|from|for)\s+"
            r"(?P<org>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,5}))?\s*(?:[,:;.\"“]|\(|$|\s+(?:said|says|told|added))")
        self.stance_cues = {name: re.compile("|".join(rf"(?<!\w){re.escape(cue)}(?!\w)" for cue in cues), re.IGNORECASE)
                            for name, cues in data["stance"].items() if name != "negations"}
        self.negation = re.compile("|".join(rf"(?<!\w){re.escape(word)}(?!\w)" for word in data["stance"]["negations"]),
                                   re.IGNORECASE)

    def extract(self, text: str, people: list[Person]) -> list[dict]:
        """Quotes in `text` (the article body); `people` are PERSON/ORG entity spans in it."""
        quotes, last_speaker = [], None
        for match in _quotes_over_paragraphs(text):
            start, end = match
            quoted = " ".join(text[start:end].strip(" “”\"\n").split())
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end == -1 else line_end
            speaker = self._speaker_after(text, end, line_end, people) or self._speaker_before(text, line_start, start, people)
            if speaker is None:
                window = text[end:line_end][:80]
                if last_speaker and re.search(r"\b(?:he|she|they)\s+(?:said|says|added|adds|noted)", window, re.I):
                    speaker = last_speaker
            if speaker is None:
                continue
            last_speaker = speaker
            quotes.append({"speaker": speaker["speaker"], "role": speaker["role"], "org": speaker["org"],
                           "text": quoted, "stance": self.stance(quoted)})
        return quotes

    def _speaker_after(self, text, end, line_end, people):
        window_end = min(line_end, end + 160)
        verb = self.verb.search(text, end, window_end)
        if not verb or verb.start() - end > 60:
            return None
        candidates = [person for person in people if end <= person.start < window_end]
        if not candidates:
            return None
        person = min(candidates, key=lambda person: abs(person.start - verb.start()))
        return self._describe(text, person, people, window_end)

    def _speaker_before(self, text, line_start, start, people):
        intro = text[line_start:start - 1]   # up to the opening quote mark
        if not (intro.rstrip().endswith(":") or self.verb.search(intro[-60:])):
            return None
        candidates = [person for person in people if line_start <= person.start < start and person.label == "PERSON"]
        candidates = candidates or [person for person in people if line_start <= person.start < start]
        if not candidates:
            return None
        # "Name, Role at Org: ..." names the speaker first; "... Name said: ..." names them last.
        speaker = candidates[0] if intro.rstrip().endswith(":") else candidates[-1]
        return self._describe(text, speaker, people, start)

    def _describe(self, text, person, people, limit):
        """Role and organisation from an appositive ("X, an analyst at Y") or a title before the
        name ("says Shanghai-based analyst X"), then the first organisation in the same clause."""
        role, org = None, None
        appositive = self.appositive.match(text[person.end:limit])
        if appositive and self.role_word.search(appositive["role"]):
            role = re.sub(r"^(?:an?|the)\s+", "", appositive["role"].strip(), flags=re.I)
            role = re.sub(r"\s*\([^)]*\)$", "", role)   # asides such as "(sharper tone)"
            org = appositive["org"].rstrip(".") if appositive["org"] else None
        else:
            before = text[max(0, person.start - 60):person.start]
            prefix = re.search(r"([\w-]+\s+)?([\w-]+\s+)?(?P<role>[\w-]+)\s*$", before)
            if prefix and self.role_word.fullmatch(prefix["role"]):
                role = re.sub(r"^(?:says|said|an?|the)\s+", "", prefix.group(0).strip(), flags=re.I)
                org = next((other.name for other in people if other.label == "ORG" and person.end <= other.start < limit
                            and not re.search(r"[.\"“”:;]", text[person.end:other.start])), None)
        if person.label == "ORG" and not role:
            return {"speaker": person.name, "role": None, "org": person.name}
        return {"speaker": person.name, "role": role, "org": org}

    def stance(self, quote: str) -> str:
        scores = {}
        for name, pattern in self.stance_cues.items():
            score = 0
            for cue in pattern.finditer(quote):
                negated = self.negation.search(quote[max(0, cue.start() - 25):cue.start()])
                score += -1 if negated else 1
            scores[name] = score
        positive, negative = max(scores.get("positive", 0), 0), max(scores.get("negative", 0), 0)
        if positive and negative:
            return "mixed" if min(positive, negative) * 2 >= max(positive, negative) else (
                "positive" if positive > negative else "negative")
        return "positive" if positive else "negative" if negative else "neutral"


def _quotes_over_paragraphs(text: str):
    """(start, end) of each quoted passage; a quote whose paragraph ends unclosed runs on into the
    next paragraph that opens with a quote mark, as news style writes it."""
    spans, position = [], 0
    while True:
        opening = re.search(r"[“\"]", text[position:])
        if not opening:
            return spans
        start = position + opening.end()
        closing = re.search(r"[”\"]", text[start:])
        paragraph_end = text.find("\n", start)
        if closing and (paragraph_end == -1 or start + closing.start() < paragraph_end):
            end = start + closing.start()
        elif closing:
            following = text[paragraph_end + 1:paragraph_end + 2]
            if following in "“\"":
                end = start + closing.start()
                closing = re.search(r"[”\"]", text[paragraph_end + 2:])
                end = paragraph_end + 2 + closing.start() if closing else len(text)
            else:
                end = paragraph_end
        else:
            end = paragraph_end if paragraph_end != -1 else len(text)
        if end - start >= 12:
            spans.append((start, end))
        position = end + 1
