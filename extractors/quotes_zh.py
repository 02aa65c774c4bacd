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


LOCAL_OFFICE = re.compile(rf"[{CJK}]{{2}}[省市]$")


class ChineseFrames:
    def __init__(self, data: dict):
        verbs = "|".join(sorted(data["speech_verbs"], key=len, reverse=True))
        fillers = "|".join(sorted(data["fillers"], key=len, reverse=True))
        roles = "|".join(sorted(data["role_words"], key=len, reverse=True))
        surnames = "|".join(sorted(data["surnames"], key=len, reverse=True))
        self.verb_tail = rf"(?:(?:{fillers})[^{STOPS}]{{0,30}}?)?(?P<verb>{verbs})"
        # "启明创投合伙人周立则相对乐观：「…」": a colon after the name's short clause opens the quotation
        colon_tail = rf"(?:(?:则|也|还|更|却)[^{STOPS}]{{0,10}}?)?[：:](?=[“「])"
        self.colon_tail = re.compile(colon_tail)
        # title + surname + one or two characters, then (fillers) and a speech verb
        # a Chinese name, or a transliterated foreign one with its middle dot ("研究员马克·贝内特则认为")
        name = rf"(?P<name>(?:{surnames})[{CJK}]{{1,2}}?|[{CJK}]{{1,5}}·[{CJK}]{{1,6}}?)"
        self.titled = re.compile(rf"(?P<role>{roles}){name}(?={self.verb_tail}|{colon_tail})")
        # a titled name that opens a sentence without a speech verb, whom a later 他/她 means: "摩根士丹利分析师
        # 黎嘉欣在最新研报中将目标价上调至230港元。她认为，…"
        self.introduced = re.compile(rf"(?P<role>{roles}){name}(?=在|将|则|也|还|于|对|向|此前|近日|日前|"
                                     rf"[，,。：:、（(]|{self.verb_tail})")
        # "阿里巴巴相关负责人回应称": an organisation's unnamed representative speaks for it
        self.spokesperson = re.compile(rf"(?P<org>[^{STOPS}]{{2,20}}?)(?:的)?(?P<role>发言人|相关负责人|负责人)"
                                       rf"(?={self.verb_tail})")
        self.pronoun = re.compile(rf"(?<!其)(?:他|她)(?={self.verb_tail})")
        self.tail = re.compile(self.verb_tail)
        # "在回应相关问题时表示：“…", "回应称：“…": the verb that opens the quotation, past the first one
        self.quoting_verb = re.compile(rf"[^{STOPS}]{{0,12}}?(?:{verbs})(?=[：:，,]?[“「])")

    def frames(self, text: str, start: int, end: int, quotes, mentions: list[Mention],
               context: ArticleContext) -> list[Frame]:
        frames = []
        for match in self.titled.finditer(text, start, end):
            speaker = context.complete(Speaker(match["name"], match["role"], _org_before(mentions, match.start()),
                                               "person"))
            frames.append(self._frame(text, match, speaker, end))
        # a name given once is known for the rest of the article; a foreign one also by its surname ("卡特表示")
        known = {name: name for name in context.names if len(name) >= 2 and not name.isascii()}
        known.update({name.rsplit("·", 1)[1]: name for name in list(known) if "·" in name})
        if known:
            by_name = re.compile("|".join(re.escape(name) for name in sorted(known, key=len, reverse=True))
                                 + f"(?={self.verb_tail})")
            for match in by_name.finditer(text, start, end):
                if any(frame.position <= match.start() < frame.content[0] for frame in frames):
                    continue
                speaker = context.complete(Speaker(known[match.group(0)], None, None, "person"))
                frames.append(self._frame(text, match, speaker, end))
        for match in self.spokesperson.finditer(text, start, end):
            org = next((mention.text for mention in mentions if match.start() <= mention.start < match.end()), None)
            if org:
                frame = self._frame(text, match, Speaker(org, match["role"], org, "org"), end)
                frame.needs_quote = True
                frames.append(frame)
        for mention in mentions:
            # "摩根士丹利在最新研报中称阿里是“…”", "浙江省网信办在通报中称，“…”": an organisation speaks itself,
            # with its quotation; a province's or city's office keeps its place name
            if mention.label != "ORG" or not start <= mention.start < end or not self.tail.match(text, mention.end):
                continue
            if any(frame.position <= mention.start < frame.content[0] for frame in frames):
                continue
            place = LOCAL_OFFICE.search(text, max(start, mention.start - 3), mention.start)
            name = text[place.start():mention.end] if place else mention.text
            frame = self._frame(text, mention, Speaker(name, None, mention.text, "org", mention.kind == "regulator"),
                                end)
            frame.needs_quote = True
            frames.append(frame)
        for match in self.pronoun.finditer(text, start, end):
            introduced = [person for person in self.introduced.finditer(text, start, match.start())
                          if not any(a <= person.start() < b for a, b in quotes)]
            if introduced:
                person = introduced[-1]
                speaker = context.complete(Speaker(person["name"], person["role"], _org_before(mentions, person.start()),
                                                   "person"))
            else:
                speaker = PRONOUN
            frame = self._frame(text, match, speaker, end)
            frame.continues = True   # the same person speaking on is one passage
            frames.append(frame)
        return frames

    def _frame(self, text: str, match: re.Match | Mention, speaker: Speaker, end: int) -> Frame:
        """The frame of a speaker named at `match` (a regex match or a mention), whose verb follows it."""
        position, name_end = (match.start, match.end) if isinstance(match, Mention) else (match.start(), match.end())
        tail = self.tail.match(text, name_end) or self.colon_tail.match(text, name_end)
        after = tail.end() if tail else name_end
        opening = self.quoting_verb.match(text, after, end)
        after = opening.end() if opening else after
        after += len(text[after:end]) - len(text[after:end].lstrip("：:，,“「 "))   # '说：“…' starts at the words
        stop = re.compile(r"[。!！?？\n]").search(text, after, end)
        limit = stop.end() if stop else end
        return Frame(position, speaker, (after, limit), needs_quote=speaker.kind == "org", limit=limit,
                     verb=tail["verb"] if tail and "verb" in tail.groupdict() else "")


def _org_before(mentions: list[Mention], position: int) -> str | None:
    """The organisation written right before a title ("晨星" in "晨星分析师陈子琪")."""
    return next((mention.text for mention in reversed(mentions) if mention.end <= position
                 and position - mention.end <= 4), None)
