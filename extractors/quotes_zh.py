"""Attribution frames in Chinese text, for the same passage assembly as English (quotes.py).

Chinese news names a speaker as organisation + title + name + (time, place) + speech verb:
"晨星分析师陈子琪称", "阿里巴巴集团首席执行官吴泳铭周三在杭州举行的云栖大会上表示", then by name
alone ("吴泳铭还透露") or pronoun ("他表示"). There are no spaces and spaCy's blank `zh` pipeline
has no person names, so a name is a common surname plus one or two characters right after a
title, and a name found so becomes known for the rest of the article. Unnamed sources ("一位香港
基金经理说", "花旗分析师称") have no name after the title and are skipped. Word lists live in
config/quotes.yaml under `chinese`."""
from __future__ import annotations

import re

from extractors.speakers import ArticleContext, Frame, Mention, Speaker, PRONOUN

CJK = r"\u4e00-\u9fff"
STOPS = r",，。:：;；!！?？“”「」\n"


class ChineseFrames:
    def __init__(self, data: dict):
        verbs = "|".join(sorted(data["speech_verbs"], key=len, reverse=True))
        fillers = "|".join(sorted(data["fillers"], key=len, reverse=True))
        roles = "|".join(sorted(data["role_words"], key=len, reverse=True))
        surnames = "|".join(sorted(data["surnames"], key=len, reverse=True))
        self.verb_tail = rf"(?:(?:{fillers})[^{STOPS}]{{0,30}}?)?(?P<verb>{verbs})"
        # title + surname + one or two characters, then (fillers) and a speech verb
        self.titled = re.compile(rf"(?P<role>{roles})(?P<name>(?:{surnames})[{CJK}]{{1,2}}?)"
                                 rf"(?={self.verb_tail})")
        self.spokesperson = re.compile(rf"(?P<org>[^{STOPS}]{{2,20}}?)(?:的)?发言人(?={self.verb_tail})")
        self.pronoun = re.compile(rf"(?<!其)(?:他|她)(?={self.verb_tail})")
        self.tail = re.compile(self.verb_tail)

    def frames(self, text: str, start: int, end: int, quotes, mentions: list[Mention],
               context: ArticleContext) -> list[Frame]:
        frames = []
        for match in self.titled.finditer(text, start, end):
            org = next((mention.text for mention in reversed(mentions) if mention.end <= match.start()
                        and match.start() - mention.end <= 4), None)
            role = match["role"]
            speaker = context.complete(Speaker(match["name"], role, org, "person"))
            frames.append(self._frame(text, match, speaker, end))
        known = [name for name in context.names if len(name) >= 2 and not name.isascii()]
        if known:
            by_name = re.compile("|".join(re.escape(name) for name in sorted(set(known), key=len, reverse=True))
                                 + f"(?={self.verb_tail})")
            for match in by_name.finditer(text, start, end):
                if any(frame.position <= match.start() < frame.content[0] for frame in frames):
                    continue
                frames.append(self._frame(text, match, context.complete(Speaker(match.group(0), None, None, "person")),
                                          end))
        for match in self.spokesperson.finditer(text, start, end):
            org = next((mention.text for mention in mentions if match.start() <= mention.start < match.end()), None)
            if org:
                frame = self._frame(text, match, Speaker(org, "发言人", org, "org"), end)
                frame.needs_quote = True
                frames.append(frame)
        for match in self.pronoun.finditer(text, start, end):
            frames.append(self._frame(text, match, PRONOUN, end))
        return frames

    def _frame(self, text: str, match, speaker: Speaker, end: int) -> Frame:
        tail = self.tail.match(text, match.end())
        after = tail.end() if tail else match.end()
        after += len(text[after:end]) - len(text[after:end].lstrip("：:，,“「 "))   # '说：“…' starts at the words
        stop = re.compile(r"[。!！?？\n]").search(text, after, end)
        limit = stop.end() if stop else end
        return Frame(match.start(), speaker, (after, limit), needs_quote=speaker.kind == "org", limit=limit)
