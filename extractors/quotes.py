"""Quotes in English text: direct and reported speech, attributed to a speaker with role and
organisation, one record per passage of one speaker, with its stance.

A paragraph is read as frames (a speech verb with its subject, "according to X", a panel line
'X, Role at Org: "..."', a Q&A answer 'Ma: ...') and quoted spans. A frame that names its speaker
opens a passage; a pronoun frame ('he added') and quoted spans without a frame of their own
continue the passage next to them, also into the next paragraph when a quotation runs on over the
paragraph break. Named people count with reported speech; organisations only with quotation marks;
unnamed sources never. Word lists live in config/quotes.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from extractors.patterns import phrase_regex
from extractors.quotes_zh import ChineseFrames
from extractors.speakers import NAME_WORD, UNNAMED, ArticleContext, Frame, Mention, Speaker, SpeakerReader
from extractors.stance import StanceJudge

OPENING, CLOSING = "“\"", "”\""
QUOTE_MARK = re.compile(r"[“”\"]")
QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]?")   # a quotation, to its closing mark or the end
# A full stop that ends a sentence, not "Corp." or "Jan." or "U.S.".
SENTENCE_END = re.compile(r"(?<![A-Z])(?<!Corp)(?<!Inc)(?<!Ltd)(?<!Co)(?<!Mr)(?<!Ms)(?<!Mrs)(?<!Dr)(?<!St)(?<!No)"
                          r"(?<!Prof)(?<!Rep)(?<!Sen)(?<!Gov)"
                          r"(?<!Jan)(?<!Feb)(?<!Mar)(?<!Apr)(?<!Aug)(?<!Sep)(?<!Sept)(?<!Oct)(?<!Nov)(?<!Dec)"
                          r"[.!?][\"”’)]?(?=\s|$)")   # "…the year.) Daniel Kessler, …"
PANEL = re.compile(rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}),\s*(?P<role>[^:\"“”\n]{{2,120}}):\s*[\"“]")
COORDINATED = re.compile(r"\s(?:and|but|or)(?:\s+\w+ly)?\s*$")
COMMA = re.compile(",")
QUOTED_NAME = re.compile(r"\s*[A-Z0-9][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*){0,3}\s*")
NOT_SPEECH = re.compile(r"\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|to\b|another)")
# What stands between a speech verb and the reported words: "told staff in an internal letter seen by
# Pandaily that ...", "said last month that ...", "wrote in a note that ...". Only a recipient of
# "told" and a short time or place phrase are skipped, so "said the rally ... and that the stock"
# keeps its words.
RECIPIENT = r"(?:(?:the|a|an|its|his|her|their)\s+)?[\w'’-]+"
FRAME_PHRASE = (r"(?:(?:in|on|at|during|after|before|via|through|over|last|this|earlier|late|from|to|with)\s+"
                r"(?:[^\s\"“”,.;:]+\s+){0,6}?)?")
TOLD_LEAD = re.compile(rf"\s*{RECIPIENT}\s+{FRAME_PHRASE}that\s+", re.IGNORECASE)
SAID_LEAD = re.compile(rf"\s*,?\s*{FRAME_PHRASE}that\s+", re.IGNORECASE)
FRAME_CONTRAST = re.compile(r"\b(?:but|yet|though|although|however)\b|但是|但|不过|然而", re.IGNORECASE)
INTRODUCING_COLON = re.compile(r":\s*[\"“]")
QA_ANSWER = re.compile(r"(?P<name>[A-Z][\w'’-]+)\s*:\s+\S")


@dataclass
class Passage:
    """One speaker's contiguous speech: character spans of the reported clauses and quotations.
    `speaker` is None for a quotation that runs on into a paragraph that names its speaker."""

    speaker: Speaker | None
    pieces: list[tuple[int, int]] = field(default_factory=list)
    verb: str = ""   # the writer's speech verb, which may take a side ("complained", "抱怨")


class QuoteExtractor:
    def __init__(self, path: str | Path):
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        self.speech_verb = phrase_regex(data["speech_verbs"])
        self.quoting_verb = phrase_regex(data["quoting_verbs"])
        self.reporting_participle = phrase_regex(data["reporting_participles"])
        self.reader = SpeakerReader(data)
        self.judge = StanceJudge(data["stance"])
        self.chinese = ChineseFrames(data["chinese"])

    def extract(self, text: str, mentions: list[Mention], subject_names: set[str] = frozenset(),
                main_company: str | None = None, language: str = "en", rival_names: set[str] = frozenset()
                ) -> list[dict]:
        """Quotes in `text` (the article body); `mentions` are its entity spans; `rival_names` how it names the
        subject's competitors."""
        find_frames = self.chinese.frames if language == "zh" else self._frames
        context = ArticleContext(text, mentions, main_company)
        passages: list[Passage] = []
        last_person: Speaker | None = None
        carried: Passage | None = None       # a quotation running on into the next paragraph
        quoted: list[tuple[int, int]] = []   # every quotation's span, to tell direct speech from reported
        answers: list[tuple[int, int]] = []  # interview answers: the speaker's words, though not in quotation marks
        for start, end in _paragraphs(text):
            quotes = _quoted_spans(text, start, end)
            quoted += quotes
            runs_on = bool(quotes) and quotes[-1][1] == end and text[end + 1:end + 2] in tuple(OPENING)
            placed: list[tuple[Frame, Passage]] = []
            opened: list[Passage] = []
            for frame in sorted(find_frames(text, start, end, quotes, mentions, context), key=lambda f: f.position):
                speaker = frame.speaker
                if frame.needs_quote and not _quote_near(text, quotes, frame):
                    continue
                if frame.own_words:
                    answers.append(frame.content)
                if speaker.kind == "pronoun":
                    # "Helen Yip, who studies assessment, has a harsher view. '...,' she said": the person
                    # who opens a sentence of this paragraph before the pronoun, not the last speaker
                    introduced = _sentence_subject(text, start, frame.position, mentions, quotes)
                    introduced = introduced and (context.full_name(introduced) or introduced)
                    if introduced and (last_person is None or introduced != last_person.name):
                        speaker = Speaker(introduced, None, context.employer(introduced), "person")
                if speaker.kind == "pronoun":
                    if last_person is None:
                        continue
                    current = opened[-1] if opened else carried
                    if current is not None and current.speaker is not None and current.speaker.name == last_person.name:
                        current.pieces.append(frame.content)
                        placed.append((frame, current))
                        continue
                    speaker = last_person
                named = speaker.kind in ("person", "org")
                if frame.continues and opened and opened[-1].speaker.name == speaker.name:
                    opened[-1].pieces.append(frame.content)
                    placed.append((frame, opened[-1]))
                    continue
                if named:
                    speaker = context.complete(speaker)
                    if speaker.kind == "person" and not (speaker.role or speaker.org):
                        speaker = self.reader.introduce(text, speaker)
                    context.remember(speaker)
                    last_person = speaker if speaker.kind == "person" else last_person
                passage = Passage(speaker, [frame.content] if named else [], frame.verb)
                opened.append(passage)
                placed.append((frame, passage))
            if carried is not None and carried.speaker is None:
                # a quotation opened above without attribution: the first attribution here is its speaker
                first = next((passage for passage in opened if passage.speaker.kind in ("person", "org")), None)
                if first is not None:
                    first.pieces[:0] = carried.pieces
                carried = None
            if placed or carried is not None:
                _place_quotes(text, start, quotes, placed, carried)
            elif runs_on:
                carried = Passage(None, list(quotes))
            passages.extend(passage for passage in opened if passage.speaker.kind in ("person", "org"))
            if not runs_on:
                carried = None
            elif opened:
                carried = opened[-1]
        records = []
        for passage in sorted(passages, key=lambda passage: passage.pieces[0][0] if passage.pieces else 0):
            pieces = [(a, b) for a, b in _merged(passage.pieces) if text[a:b].strip(" .,\"“”")]
            # ('said, "We continue ..."': the comma after the verb is not the speaker's)
            said = _joined([_bridged(text, pieces, index) for index in range(len(pieces))]).lstrip(" ,;:")
            if not said:
                continue
            speaker = passage.speaker
            # direct: every word inside quotation marks, so a digest may print it as a quotation; reported
            # speech is the writer's paraphrase and must not be shown as the speaker's words
            in_quotes = [any(qa <= a and b <= qb for qa, qb in quoted) for a, b in pieces]
            direct = all(in_quotes)
            # (a paraphrase with a quotation in it still gives the speaker's own words a say, as does an answer)
            own_words = any(in_quotes) or any(qa <= a and b <= qb for a, b in pieces for qa, qb in answers)
            lead_in = f"{_lead_in(text, pieces[0][0])} {passage.verb}".strip()
            stance = self.judge.stance(said, speaker, subject_names, lead_in, rival_names, own_words)
            records.append({"speaker": speaker.name, "role": speaker.role, "org": speaker.org, "text": said,
                            "direct": direct, "stance": stance})
        return records

    def _frames(self, text, start, end, quotes, mentions, context) -> list[Frame]:
        paragraph = text[start:end]
        if re.match(r"Q\s*[:：]", paragraph):
            return []
        panel = PANEL.match(paragraph)
        if panel:
            speaker = self.reader.after(text, start, start + panel.end("role"), mentions, context)
            return [Frame(start, speaker, (start + panel.end(), end))]
        answer = QA_ANSWER.match(paragraph)
        if answer and answer["name"] != "Q" and context.full_name(answer["name"]):
            name = context.full_name(answer["name"])
            speaker = Speaker(name, None, context.employer(name), "person")
            return [Frame(start, speaker, (start + answer.end() - 1, end), own_words=True)]
        frames = []
        for verb in self.speech_verb.finditer(text, start, end):
            if _inside(quotes, verb.start()):
                continue
            frame = self._verb_frame(text, start, end, verb, quotes, mentions, context)
            if frame is not None:
                frames.append(frame)
        for verb in self.quoting_verb.finditer(text, start, end):
            if _inside(quotes, verb.start()) or any(frame.position == verb.start() for frame in frames):
                continue
            speaker = context.subject_of(_sentence_start(text, start, verb.start()), verb.start())
            if speaker is None:
                continue
            sentence_end = _sentence_end(text, verb.end(), end)
            if (speaker.kind == "person" and self.reporting_participle.fullmatch(verb.group(0))
                    and text[:verb.start()].rstrip().endswith(",")):
                # "Daiwa analyst Jun Kato downgraded the stock ..., saying agent usage was growing but ...":
                # a person's reported speech, as after "said"
                lead = SAID_LEAD.match(text, verb.end(), sentence_end)
                frames.append(Frame(verb.start(), speaker, (lead.end() if lead else verb.end(), sentence_end),
                                    limit=sentence_end, continues=True))
                continue
            frames.append(Frame(verb.start(), speaker, (verb.end(), verb.end()), needs_quote=True,
                                limit=sentence_end, continues=True))
        for colon in INTRODUCING_COLON.finditer(text, start, end):
            # 'Marcus Feld, a hardware analyst at Bernstein, was more upbeat: "If T-Head ..."': the sentence's
            # subject says the quotation its colon opens
            sentence_start = _sentence_start(text, start, colon.start())
            if _inside(quotes, colon.start()) or any(sentence_start <= frame.position < colon.start()
                                                     for frame in frames):
                continue
            speaker = context.subject_of(sentence_start, colon.start())
            commas = [comma.start() for comma in COMMA.finditer(text, sentence_start, colon.start())]
            if speaker is not None and len(commas) >= 2:
                # the subject's apposition gives the role: "Marcus Feld, a hardware analyst at Bernstein,"
                introduced = self.reader.before(text, sentence_start, commas[1] + 1, mentions, context)
                speaker = introduced if introduced.kind == "person" else speaker
            if speaker is not None:
                frames.append(Frame(colon.start(), speaker, (colon.start(), colon.start()), needs_quote=True,
                                    limit=colon.end(), continues=True))
        return frames

    def _after_name(self, text: str, start: int, end: int) -> int:
        """'according to Wang Lu, a partner at Zhonglun, the rules ...': the content after the name
        and its apposition ('according to Morningstar's Jane Liu, Alibaba could ...': after the name)."""
        commas = [match.end() for match in COMMA.finditer(text, start, end)]
        if len(commas) >= 2 and self.reader.role_word.search(text, commas[0], commas[1]):
            return commas[1]
        return commas[0] if commas else start

    def _verb_frame(self, text, start, end, verb, quotes, mentions, context) -> Frame | None:
        sentence_start = _sentence_start(text, start, verb.start())
        clause_start = max(sentence_start, max((b + 1 for a, b in quotes if b < verb.start()), default=start))
        sentence_end = _sentence_end(text, verb.end(), end)
        # '"...," Lau told analysts on a call.': the quotation just before is what was said, and the
        # words after the verb are the occasion, not speech
        quotation_before = any(sentence_start < b + 1 and b < verb.start() for a, b in quotes)
        before = text[clause_start:verb.start()]
        if NOT_SPEECH.match(text, verb.end()) and verb.group(0).lower() in ("added", "adds", "posted"):
            return None   # "Baidu added 4.2%", "and added seven assists", "Sabiá-4 posted 77.0 on MMLU"
        if COORDINATED.search(before):
            # 'told analysts that ... but warned that "..."': the sentence's subject speaks on, with a quotation
            speaker = context.subject_of(_sentence_start(text, start, verb.start()), verb.start())
            if speaker is None:
                return None
            return Frame(verb.start(), speaker, (verb.end(), sentence_end), needs_quote=True, limit=sentence_end,
                         continues=True)
        inverted = verb.group(0).lower() == "according to" or not before.strip(" ,\"“”")
        if inverted:
            speaker = self.reader.after(text, verb.end(), sentence_end, mentions, context)
            content = (sentence_end, sentence_end)   # '"...," said X': the quotation is the content
            if verb.group(0).lower() == "according to" and clause_start < verb.start() - 1:
                content = (clause_start, verb.start())   # "The results suggest ..., according to X"
            elif verb.group(0).lower() == "according to" and not quotation_before:
                content = (self._after_name(text, verb.end(), sentence_end), sentence_end)
                if speaker.kind == "org":
                    speaker = UNNAMED   # "according to QuestMobile data" is not a quote
        else:
            speaker = self.reader.before(text, clause_start, verb.start(), mentions, context)
            if (speaker.kind == "unnamed" and before.rstrip().endswith(",")
                    and verb.group(0).lower() not in ("told", "tells")):   # who is told is no speaker
                speaker = self.reader.after(text, verb.end(), sentence_end, mentions, context)
            lead = (TOLD_LEAD if verb.group(0).lower() in ("told", "tells") else SAID_LEAD).match(text, verb.end(),
                                                                                                 sentence_end)
            content = ((lead.end(), sentence_end) if lead
                       else (sentence_end, sentence_end) if quotation_before else (verb.end(), sentence_end))
        return Frame(verb.start(), speaker, content, needs_quote=speaker.kind == "org", limit=sentence_end,
                     verb=verb.group(0))


def _place_quotes(text: str, paragraph_start: int, quotes, placed: list[tuple[Frame, Passage]],
                  carried: Passage | None) -> None:
    """Each quoted span joins the passage of the frame next to it: the one whose reported clause
    holds it ('said it would "cooperate"'), the attribution right after it in the same sentence
    ('"...," she said'), else the last one before it, else the passage running on. A quotation that
    ends the writer's own sentence ('praised the app as "AI plus consumption." According to Zhang,
    ...') is words the writer cites, not the next speaker's: only a frame around it or before it
    takes it."""
    for quote_start, quote_end in quotes:
        ends_narrative = (text[quote_end - 1:quote_end] in ".!?" and
                          text[_sentence_start(text, paragraph_start, quote_start):quote_start].strip(" \"“") != "")
        target = next((passage for frame, passage in placed
                       if frame.content[0] <= quote_start and quote_end <= frame.content[1]), None)
        if not ends_narrative:
            target = target or next((passage for frame, passage in placed
                                     if quote_end <= frame.position <= quote_end + 120
                                     and not SENTENCE_END.search(text, quote_end + 1, frame.position)), None)
        if target is None:
            earlier = [passage for frame, passage in placed if frame.position < quote_start]
            first = placed[0][1] if placed and not ends_narrative else None
            target = earlier[-1] if earlier else carried if carried is not None else first
        if target is not None and (quote_start, quote_end) not in target.pieces:
            target.pieces.append((quote_start, quote_end))


def _merged(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces in reading order with overlaps joined (a reported clause holds its quotation)."""
    merged: list[list[int]] = []
    for start, end in sorted(piece for piece in pieces if piece[1] > piece[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def _bridged(text: str, pieces: list[tuple[int, int]], index: int) -> str:
    """A piece's words, after the contrast the writer's frame puts between it and the piece before
    ('called the models "technically impressive" but said regulators were right ...' keeps its "but")."""
    start, end = pieces[index]
    words = " ".join(text[start:end].split())
    if index:
        gap = text[pieces[index - 1][1]:start]
        bridge = FRAME_CONTRAST.search(gap) if "\n" not in gap and len(gap) <= 80 else None
        if bridge:
            words = f"{bridge.group(0)} {words}"
    return words


def _joined(pieces: list[str]) -> str:
    """A passage's pieces as one text: '"... three years," he said. "Seeing ..."' ends the first piece
    with a full stop where the attribution cut its sentence."""
    joined = []
    for index, piece in enumerate(pieces):
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        if piece.endswith(",") and following[:1].isupper():
            piece = piece[:-1] + "."
        joined.append(piece)
    return " ".join(joined)


# "For Arief Santoso, …", "Bernstein analyst Lina Zhao expects …": who opens the sentence
# ("Sen. Luis Ortega", "Morningstar's Laura Chen", "Alibaba CEO Eddie Wu" too: a title or an owner before the name)
TOPIC_OPENER = re.compile(r"\s*(?:(?:For|To|As for)\s+|(?:[A-Z][\w&.'’-]*\s+){1,3}(?:[a-z][\w-]*\s+){0,2})?")


def _sentence_subject(text: str, paragraph_start: int, position: int, mentions, quotes) -> str | None:
    """The last person named at the start of a sentence of the paragraph before `position` ("For Arief
    Santoso, ..." too), outside quotations; a person named elsewhere in a sentence is not whom a later
    'he said' means."""
    found = None
    for mention in mentions:
        if (mention.label == "PERSON" and paragraph_start <= mention.start < position
                and not _inside(quotes, mention.start)
                and TOPIC_OPENER.fullmatch(text[_sentence_start(text, paragraph_start, mention.start):mention.start])):
            found = mention.text
    return found


def _lead_in(text: str, position: int) -> str:
    """The writer's one or two sentences before a quote in its paragraph ("Others were more cautious."),
    which news writing uses to say which way the quote goes, without anyone's quoted words; empty
    when the quote opens its paragraph."""
    paragraph_start = text.rfind("\n", 0, position) + 1
    sentence = _sentence_start(text, paragraph_start, position)
    if sentence <= paragraph_start:
        return ""
    before = _sentence_start(text, paragraph_start, sentence - 1)
    if before > paragraph_start:   # "Not everyone welcomed it. Three brands used AI models. '...,' said X"
        before = _sentence_start(text, paragraph_start, before - 1)
    return QUOTED.sub(" ", text[before:sentence]).strip()


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) inside the quotation marks of one paragraph; an unclosed quotation runs to
    the paragraph end (news style reopens it in the next paragraph)."""
    spans, opening = [], None
    for mark in QUOTE_MARK.finditer(text, start, end):
        char = mark.group(0)
        if opening is None and char in OPENING:
            opening = mark.end()
        elif opening is not None and char in CLOSING:
            if mark.start() > opening:
                spans.append((opening, mark.start()))
            opening = None
    if opening is not None and end > opening:
        spans.append((opening, end))
    return spans


def _inside(quotes, position: int) -> bool:
    return any(start <= position < end for start, end in quotes)


def _quote_near(text: str, quotes, frame: Frame) -> bool:
    """An organisation's frame needs its own quotation: just before the verb or after it in the sentence,
    and words rather than a name in quotation marks (a product, a rating: 'its "Qwen3-Max" model')."""
    return any((0 <= frame.position - end <= 60 or frame.position <= start <= frame.limit + 1)
               and not QUOTED_NAME.fullmatch(text, start, end) for start, end in quotes)


def _sentence_start(text: str, paragraph_start: int, position: int) -> int:
    ends = [match.end() for match in SENTENCE_END.finditer(text, paragraph_start, position)]
    return ends[-1] if ends else paragraph_start


def _sentence_end(text: str, position: int, paragraph_end: int) -> int:
    match = SENTENCE_END.search(text, position, paragraph_end)
    return match.end() if match else paragraph_end



