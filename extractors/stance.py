"""Stance of a quote toward the article's main subject: positive, negative, neutral or mixed.

A sentiment word count alone does worse than always answering "positive": what a quote means
for the subject depends on who speaks. So the speaker is placed first: an insider (someone of the
subject's own organisation, or an executive speaking for itself) talks its business up, and is
neutral only when denying, complying or reporting a buyback; an official or regulator is negative
when it criticises and neutral when it states a rule; an outside analyst, investor or organisation
is weighed by cues.

Cues are general finance-news words (in the style of the Loughran-McDonald lists) rather than the
words of a few known quotes, plus a measure moving ("losses narrowed" is good, "revenue is
falling" bad). A negation or a reducer ("not", "no longer", "hedge against") in the same clause
flips the cue after it; a cue in a clause that names the subject counts twice, and one in a clause
about rivals counts for the other side. A hedge or contrast ("the question is", "but", "但")
makes an outsider's view "mixed"; without one, the side with more cues wins and only a tie is
mixed. (Measured on the 625 labelled page quotes: of 53 outsiders' quotes with cues both ways and
no contrast, writers called 12 mixed and 39 one side; of 36 with only praise and a "but", 31
mixed: a "but" brings a doubt that the cue lists often miss.) With no cue the prior is the
speaker's usual stance.

"Positive" was the answer far too often on quotes written blind to the rules, so: a quote with
no evaluative cue but a fact, date, procedure or plan ("estimates are unchanged", "results are
due on", "would release its next model") is neutral from anyone, an insider included when it
carries no praise; an official is positive when only praising, mixed when praising and
criticising, and with no cue at all neutral (15 of 16 such labelled page quotes: an official with
no view stated is stating a rule or a procedure) unless a lawmaker, who speaks to press a case; a
hedge of an unconvinced outsider ("not yet convinced", "we would want to see") is a negative cue
and flips the hoped-for good news after it; and 'yet' is a contrast only as a conjunction, not in
"not yet". Anyone's words given only as reported speech with no cue are a paraphrased fact
(neutral: of the 36 insiders' such quotes on the pages written since page 148, 31 were labelled
neutral; their direct quotes with no cue stay positive, 52 of 58); a rule an official states for
everyone is procedure even in negative words; and a rival's executive talking up its own business is
bad news for the subject.

An outsider's view that opens with a condition ("If cloud revenue keeps growing at 30%, the spending
pays for itself", 如果…有望) is the outcome hoped for, positive unless the outcome is bad news (43 of
47 such labelled page quotes were positive), and mixed when a second condition weighs the other
outcome. An outsider speaking of a rival alone with no judgement word ("For a three-hour refactor we
still run Claude") reports the competition doing well: negative (17 of 23).

An outsider's quote is also read with the writer's sentences that lead into it ("Others were more
cautious.", "Not everyone is convinced ..."): news writing announces which way an outside view goes,
and a quote with no cue of its own ("Apple will route the most sensitive requests to its own model")
is otherwise left to the speaker's prior.

Competitors are read by name too (`rival_names`, the other makers of models and chips the article names):
a cue is about the name nearest before it, so praise for a rival ("DeepSeek-V4 is still cheaper to serve
than anything Alibaba ships") is bad news for the subject, and so is choosing one ("we are sticking with
Anthropic", "moved from Qwen to Doubao", "back to our old provider"), whatever praise or "but" comes with
it ("tested the M100 but chose Huawei's Ascend"). A sentence about a rival stays about it over its commas,
and a sentence that opens with "It" or 它 is about the name before it ("we still default to DeepSeek.
It's simply more reliable"); a rival after a preposition or a verb of comparing ("parity with GPT-5.1",
超过GPT-5.2) is an object, not the one a cue is about.

An executive of another named company is a customer or partner, not an insider, as is a Chinese
executive named without a company (the article's own come with theirs); another organisation's
statement with no view is neutral, and so is an official's procedure even when it praises. Cue
lists: config/quotes.yaml `stance`."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.patterns import LATIN_AFTER, LATIN_BEFORE, phrase_regex, trie_pattern

INSIDER, OFFICIAL, OUTSIDER = "insider", "official", "outsider"
# "rising operating costs", "cut our inference bill", not "rising and the costs"
ADJECTIVE = r"(?:(?!and\b|or\b|but\b)[\w'’-]+\s+){0,3}?"   # "cut her company's AI bill"
PACE = r"(?:\s+(?:faster|fast|sharply|quickly|rapidly|further|steadily|again)\b)?"   # "falling faster" is no praise
TRIED = re.compile(r"\b(?:test|tri|evaluat|pilot|trial|compar)\w*|测试|试用|对比")
NAMED_CHOICE = re.compile(r"\s+(?:the\s+)?[A-Z][\w-]*\b")
LEADING_WORDS = re.compile(r"(?:[a-z-]+\s+){1,2}")
DETERMINER = re.compile(r"^\s*(?:(?:the|a|an|its|their|our|my|his|her)\s+)?")
FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
# a rival's courtesy before its "but": "We welcome competition, but", "Competition is welcome. But", "newcomers were
# welcome, but"
COURTESY = re.compile(r"\W*(?:we\s+)?(?:welcome\s+(?:the\s+)?competition|competition\s+is\s+(?:always\s+)?welcome|"
                      r"(?:newcomers|new\s+entrants|they)\s+(?:are|were|is)\s+welcome|welcome)[\s,.;]*", re.IGNORECASE)
# a hedge of timing only, before a "but": "It's early days, but", "It's early, and most users won't notice yet, but"
EARLY_HEDGE = re.compile(r"\W*(?:it['’]s|it\s+is|still)\s+(?:very\s+)?early(?:\s+days)?(?:,\s+and\s+[^,.;]{0,80})?[,\s]*",
                         re.IGNORECASE)
YET_CONTRAST = re.compile(r"(?:^|[.!?;,]\s*|\band\s+)$")
CLAUSE = re.compile(r"(?:[^,;.!?:，。；！？]|(?<=\d)[.,](?=\d))+")   # "DeepSeek-V3.2" and "1,200" stay whole
SENTENCE_STOPS = ".!?。！？;；"
# a rival after a preposition or a verb of comparing is an object, not what a cue is about
# ("beats GPT-5.2", 超过GPT-5.2)
RIVAL_AS_OBJECT = re.compile(r"(?:\b(?:with|from|than|to|against|over|versus|vs|like|unlike|of|behind|past|beyond|"
                             r"beats?|beating|match(?:es|ed)?|exceed(?:s|ed)?|surpass(?:es|ed)?|outperform(?:s|ed)?|"
                             r"trail(?:s|ed)?|overt(?:akes|ook))\s+(?:(?:the|a|an|its|their)\s+)?|"
                             r"(?:与|和|比|较|对|从|同|跟|像|超过|超越|领先|落后于?|对标|击败|追平|接近|挑战))$",
                             re.IGNORECASE)
# a move from one supplier to another: "from GPT-5.1 to the Qwen3.6 4B model", "从千问迁移到了豆包"
SWITCH = re.compile(r"\bfrom\s+(?P<old>[^,;]{1,40}?)\s+to\s+(?P<new>[^,;]{1,40})|"
                    # "moving part of our traffic to another provider": a move whose origin goes unsaid
                    r"\b(?:mov(?:e|ed|es|ing)|shift(?:s|ed|ing)?|switch(?:es|ed|ing)?)\b[^,;]{0,40}?\bto\s+"
                    r"(?P<new_unsaid>[^,;]{1,40})|"
                    r"从(?P<old_zh>[^，,；;]{1,15}?)(?:迁移|切换|换|转)(?:了)?(?:到|成|至)(?:了)?(?P<new_zh>[^，,；;]{1,15})|"
                    # "已把客服切换到Qwen4-35B": the same with the origin unsaid
                    r"(?:迁移|切换|转)(?:了)?(?:到|至)(?:了)?(?P<new_unsaid_zh>[^，,；;]{1,15})")
PRONOUN_START = re.compile(r"\s*[“\"]?\s*(?:(?:and|but)\s+)?(?:it|its|it's|it’s|they|their|they're|they’re)\b|"
                           r"\s*[“\"]?(?:它|其|他们)", re.IGNORECASE)


class StanceJudge:
    def __init__(self, data: dict):
        self.positive = phrase_regex(data["positive"])
        self.negative = phrase_regex(data["negative"])
        self.neutral = phrase_regex(data["neutral"])
        self.contrast = phrase_regex(data["contrast"])
        # a condition opening the quote or one of its sentences ("If it can't, Zhenwu 3 is a press release")
        self.condition = re.compile(r"(?:^|[.!?。！？]\s*)[\W_]*(?:%s)" % phrase_regex(data["conditions"]).pattern,
                                    re.IGNORECASE)
        self.procedural = phrase_regex(data["procedural"])
        self.factual = phrase_regex(data["factual"] + data["plans"])
        self.negation = re.compile(r"(?:%s)\W*(?:\w+\W+){0,3}$" % "|".join(
            rf"(?<![\w]){re.escape(word)}(?![\w])" if word.isascii() else re.escape(word)
            for word in data["negations"]), re.IGNORECASE)
        self.executive = phrase_regex(data["executive_roles"])
        self.official = phrase_regex(data["official_roles"])
        self.official_orgs = phrase_regex(data["official_organisations"])
        self.lawmaker = phrase_regex(data["lawmaker_roles"])
        # a measure and its direction in one phrase: "losses narrowed" is good news, "the bill keeps
        # rising" bad, whatever the single words say on their own
        self.trends = [(_trend_pattern(data[measures], data[moves]), sign * way)
                       for measures, sign in (("good_measures", 1), ("bad_measures", -1))
                       for moves, way in (("up", 1), ("down", -1))]
        self.rival = phrase_regex(data["rivals"])
        self.preference = phrase_regex(data["preference"])
        self.refusal = phrase_regex(data["refusals"])

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
        if not org and _first_name(role.lower(), subject_names) is not None:
            return INSIDER   # "product director on the Qwen team": the role names the subject's own unit
        if self.official.search(role) or self.official_orgs.search(org):
            return OFFICIAL
        if speaker.kind == "org" and org and subject_names:
            return OUTSIDER   # a bank or a rival in its own name ("Morgan Stanley called it ...")
        # (a Chinese executive with no organisation named is usually a customer's or a start-up's: the article's
        # own executives come with their company, "阿里巴巴集团首席执行官吴泳铭")
        if speaker.kind == "org" or (self.executive.search(role) and not org and speaker.name.isascii()):
            # an executive with no organisation named speaks for the article's company; one of another
            # organisation (the subject's units and products are its names) is a customer, partner or rival
            return INSIDER
        return OUTSIDER

    def polarity(self, text: str, subject_names=frozenset(), rival_names=frozenset()) -> tuple[int, int]:
        """Positive and negative cues, clause by clause. A negated cue counts for the other side; a
        cue in a clause that names the subject counts twice (the words are about it), and one whose nearest
        name before it is a rival counts for the other side ("rivals are struggling" is good news,
        "growth lags its rivals" is not). Rivals are named as such or by name (`rival_names`: "DeepSeek-V4
        is still cheaper to serve than anything Alibaba ships" praises the rival that comes first); choosing
        a rival ("we are sticking with Anthropic") is bad news, choosing the subject good."""
        positive = negative = 0
        rival_topic = False   # the sentence so far is about a rival ("Huawei is ahead, and the docs are better")
        last_named_rival = False   # the last name so far is a rival's, object or not: what a later "It" means
        subject_regex, rival_regex = _names_regex(frozenset(subject_names)), _names_regex(frozenset(rival_names))
        for clause in CLAUSE.finditer(text):
            words = clause.group(0)
            lower = words.lower()
            if clause.start() and text[clause.start() - 1] in SENTENCE_STOPS:
                # a new sentence has a topic of its own unless it opens with "It" or "它", which means the last
                # name ("we still default to DeepSeek. It's simply more reliable")
                rival_topic = last_named_rival and PRONOUN_START.match(words) is not None
            # who each cue is about: the name nearest before it, the subject or a rival that acts ("DeepSeek wins",
            # not a preposition's object: "parity with GPT-5.1 is a marketing claim")
            subjects = subject_regex.finditer(lower)
            rivals = (*self.rival.finditer(words), *rival_regex.finditer(lower))
            every_name = sorted([(match.start(), False) for match in subjects]
                                + [(match.start(), True) for match in rivals])
            named = [(at, is_rival) for at, is_rival in every_name
                     if not (is_rival and RIVAL_AS_OBJECT.search(words, 0, at))]
            if every_name:
                last_named_rival = every_name[-1][1]
            weight = 2 if any(not is_rival for _, is_rival in named) else 1
            for sign in self._choices(words, subject_names, rival_names):
                positive, negative = positive + (sign > 0), negative + (sign < 0)
            for sign, start in self._cues(text, clause.start(), words):
                # "rivals are struggling" is good news, but "growth lags its rivals" is not: only a cue
                # after the rival, about what the rival does, counts for the other side; with no name before
                # it in its clause, a cue is about what its sentence so far is about
                before = [is_rival for at, is_rival in named if clause.start() + at < start]
                if (before[-1] if before else rival_topic):
                    sign = -sign
                if sign > 0:
                    positive += weight
                else:
                    negative += weight
            if named:
                rival_topic = named[-1][1]
        return positive, negative

    def _choices_in(self, quote: str, subject_names, rival_names) -> set[int]:
        return {sign for clause in CLAUSE.finditer(quote)
                for sign in self._choices(clause.group(0), subject_names, rival_names, quote[:clause.start()])}

    def _choices(self, clause: str, subject_names, rival_names, before: str = ""):
        """+1 for each choice of the subject in a clause, -1 for each of a rival: "we are sticking with
        Anthropic", "moved the assistant from Llama 3.3 to Qwen", "从千问迁移到了豆包". `before` is the quote's
        words before the clause."""
        lower = clause.lower()
        for choice in self.preference.finditer(clause):
            chosen = DETERMINER.sub("", lower[choice.end():choice.end() + 40])
            # the name first, or after a word or two ("choose the full Nvidia platform")
            sign = (-1 if _named_first(chosen, rival_names) or self.rival.match(chosen)
                    else 1 if _named_first(chosen, subject_names) else 0)
            tried = before.lower() + lower[:choice.start()]
            if (not sign and _first_name(tried, subject_names) is not None
                    and TRIED.search(tried) and NAMED_CHOICE.match(clause, choice.end())):
                # "tested Qwen3.5-TH but stayed with Typhoon", "compared Qwen3.5-Arabic with Jais 2 ... We are
                # staying with Jais": another name chosen over the subject
                sign = -1
            if sign:
                yield sign
        for switch in SWITCH.finditer(lower):
            left = switch["old"] or switch["old_zh"] or ""
            chosen = re.sub(r"^\s*(?:(?:the|a|an|its|their)\s+)?", "",
                            switch["new"] or switch["new_zh"] or switch["new_unsaid"] or switch["new_unsaid_zh"])
            # (Chinese names what it moved to after a description: "切换到本地部署的千问4-Coder")
            chinese = bool(switch["new_zh"] or switch["new_unsaid_zh"])
            subject_at, rival_at = _first_name(chosen, subject_names), _first_name(chosen, rival_names)
            if subject_at is not None and (subject_at == 0 or chinese) and (rival_at is None or
                                                                        rival_at > subject_at):
                yield 1
            elif rival_at is not None and (rival_at == 0 or chinese) and _first_name(
                    left, subject_names) is not None:
                yield -1
            elif (switch["new_unsaid"] or switch["new_unsaid_zh"]) and (rival_at == 0 or switch["new_unsaid_zh"]
                                                                        and rival_at is not None
                                                                        or self.rival.match(chosen)):
                yield -1   # moved to a rival, or to "another provider", from what the story is about

    def _cues(self, text: str, offset: int, clause: str):
        """(sign, position) of each cue in a clause. Trends go first, then the longest words: "harder
        to ignore" is praise though "harder" alone is not. A negation counts only inside the clause."""
        found, used = [], []
        # the shortest trend first: in "margin pressure would ease" the measure is the pressure
        trends = sorted(((match, sign) for pattern, sign in self.trends for match in pattern.finditer(clause)),
                        key=lambda item: item[0].end() - item[0].start())
        for match, sign in trends:
            if not any(a < match.end() and match.start() < b for a, b in used):
                found.append((sign, match.start()))
                used.append(match.span())
        words = [(match, sign) for pattern, sign in ((self.positive, 1), (self.negative, -1))
                 for match in pattern.finditer(clause)]
        for match, sign in sorted(words, key=lambda item: item[0].start() - item[0].end()):
            if not any(a < match.end() and match.start() < b for a, b in used):
                found.append((sign, match.start()))
                used.append(match.span())
        for sign, start in found:
            flipped = self.negation.search(clause, max(0, start - 45), start) is not None
            yield (-sign if flipped else sign), offset + start

    def stance(self, quote: str, speaker, subject_names: set[str], lead_in: str = "",
               rival_names: set[str] = frozenset(), quoted: bool = True) -> str:
        """`lead_in` is the writer's sentences before the quote ("Others were more cautious."): for an
        outsider its cues count with the quote's, since news writing announces which way an outside
        view goes. An insider or an official has a side of its own whatever the sentence before says.
        `quoted` is whether any of the words are the speaker's own, in quotation marks."""
        kind = self.speaker_kind(speaker, subject_names)
        own = ((speaker.org or speaker.name) if speaker.kind == "org" else (speaker.org or "")).lower()
        rival_speaker = kind == OUTSIDER and own and _first_name(own, rival_names) == 0
        positive, negative = self.polarity(quote, subject_names, rival_names)
        if kind == OUTSIDER and lead_in:
            lead_positive, lead_negative = self.polarity(lead_in, subject_names, rival_names)
            positive, negative = positive + lead_positive, negative + lead_negative
        contrast_match = self._contrast(quote)
        contrast = contrast_match is not None
        # news writing quotes views and paraphrases facts: words given only as reported speech, with no cue either
        # way ("retention stood at 41% in July", "the weights would go live within 30 days") take no side, where a
        # direct quote or an interview's answer with no cue keeps the speaker's prior (of such labelled page quotes,
        # outsiders' reported ones 51 of 86 neutral and direct ones 79 of 151 positive; insiders' reported ones
        # 47 of 69 neutral, and direct ones 52 of 58 positive)
        paraphrased_fact = not quoted and not positive and not negative and not contrast
        if kind == INSIDER:
            if paraphrased_fact:
                return "neutral"
            if contrast and negative:
                return "mixed"
            if self.neutral.search(quote) or (not positive and self.factual.search(quote)):
                # a denial, compliance, a buyback, or a plan or a procedure told without praise ("counts unique
                # devices ..., in line with industry practice")
                return "neutral"
            return "positive"
        if kind == OFFICIAL:
            # an official who praises and criticises is mixed, one who only praises is positive; the praise
            # of a procedure ("develop in a healthy and orderly way") is procedure
            if self.procedural.search(quote) and (not negative or _first_name(quote.lower(), subject_names) is None):
                # a rule stated for everyone ("platforms must not undercut rivals") names no one it is aimed at
                return "neutral"
            if negative:
                return "mixed" if positive else "negative"
            if positive:
                return "positive"
            if contrast:
                return "mixed"
            return "negative" if self.lawmaker.search(f"{speaker.role or ''} {speaker.org or ''}") else "neutral"
        if contrast_match is not None and COURTESY.fullmatch(_clause_before(quote, contrast_match.start())):
            # "We welcome competition, but a model built in Hangzhou will always be a guest here": a courtesy to
            # newcomers, then the view; with no praise after the "but" the view is against them
            after_positive, after_negative = self.polarity(quote[contrast_match.end():], subject_names, rival_names)
            return "positive" if after_positive > after_negative else "negative"
        conditions = list(self.condition.finditer(quote))
        if conditions and conditions[0].start() == 0:
            # an outsider's view that opens with a condition is the view hoped for, unless what follows the
            # condition is bad news; a second condition ("If it can't, ...") weighs the other outcome too
            if len(conditions) > 1:
                return "mixed"
            consequence = quote[next((match.end() for match in re.finditer(r"[,，]", quote)), 0):]
            outcome_positive, outcome_negative = self.polarity(consequence, subject_names, rival_names)
            if lead_in and not outcome_positive:
                # "Merchants are less sure. 'If the agent decides which shop gets the order, we will end up paying
                # twice'": the writer says which way an outcome with no cue of its own goes
                lead_positive, lead_negative = self.polarity(lead_in, subject_names, rival_names)
                outcome_negative += lead_negative > lead_positive
            return "negative" if outcome_negative > outcome_positive else "positive"
        lower = quote.lower()
        if (not positive and not negative and not contrast and _first_name(lower, rival_names) is not None
                and _first_name(lower, subject_names) is None):
            # an outsider on a rival alone, with no judgement word ("For a three-hour refactor we still run
            # Claude"): in a story about the subject that is the competition doing well (17 of 23 such labelled
            # page quotes were negative, 4 positive)
            return "negative"
        if paraphrased_fact or not positive and not negative and self.factual.search(quote):
            return "neutral"   # no view taken: a date, a consensus, a procedure
        choices = self._choices_in(quote, subject_names, rival_names)
        if rival_speaker and self._choices_in(FIRST_PERSON.sub(own, quote), subject_names, rival_names) == {-1}:
            # a rival telling of customers choosing it, its "we" and "our" the rival ("Chinese developers still
            # choose our platform")
            return "negative"
        if speaker.kind == "org" and not negative and (not positive or self.neutral.search(quote)):
            # another organisation's statement ("competes in every market where we are permitted to", "declined
            # to comment", "results were peer-reviewed") states its position, not a view of the subject
            return "neutral"
        if (speaker.kind != "org" and speaker.org and _first_name(speaker.org.lower(), rival_names) == 0
                and not (positive and _first_name(lower, subject_names) is not None)):
            return "negative"   # a rival's executive talking up its own business ("they are already inside WeChat")
        if choices == {-1} or (not choices and self.refusal.search(quote)):
            # choosing a rival, or refusing the subject, outweighs the praise or the "but" with it ("tested the M100
            # but chose Huawei's Ascend", "the output quality was fine. But our legal team will not sign off")
            return "negative"
        if positive == negative > 0 and choices == {1} and not contrast:
            return "positive"   # choosing the subject settles a tie ("迁移到真武830实例后，单位Token成本下降约35%")
        if contrast or positive == negative > 0:
            return "mixed"
        return "negative" if negative > positive else "positive"

    def _contrast(self, quote: str):
        """The first contrast or hedge. 'yet' contrasts only at a sentence start or after 'and' or a
        comma ('and yet', 'Yet the margin ...'); in 'not yet' or 'seen it yet' it is a time word. 'however'
        before an adjective concedes ('however clever its first answer'). A contrast after no more than
        a hedge of timing ("It's early days, but ...") leaves the view that follows it standing."""
        for match in self.contrast.finditer(quote):
            word = match.group(0).lower()
            if word == "yet" and not YET_CONTRAST.search(quote, 0, match.start()):
                continue
            if word == "however" and not YET_CONTRAST.search(quote, 0, match.start()) and not quote.startswith(
                    ",", match.end()):
                continue
            if EARLY_HEDGE.fullmatch(quote, 0, match.start()):
                continue
            return match
        return None


def _trend_pattern(measures, moves) -> re.Pattern:
    """'revenue is falling (faster)' (up to three words between) or 'rising (operating) costs'."""
    measure = f"{LATIN_BEFORE}(?:{trie_pattern(measures)}){LATIN_AFTER}"
    move = f"{LATIN_BEFORE}(?:{trie_pattern(moves)}){LATIN_AFTER}"
    # Chinese writes no spaces: "单笔审核耗时缩短了40%", "成本较上一代降低"
    return re.compile(rf"{measure}(?:\s+(?:[\w'’-]+\s+){{0,3}}?|[\u4e00-\u9fff]{{0,10}}?){move}{PACE}|"
                      rf"{move}\s+{ADJECTIVE}{measure}", re.IGNORECASE)


def _clause_before(quote: str, at: int) -> str:
    """The words between the last sentence stop before `at` and `at`."""
    stop = max((quote.rfind(mark, 0, at) for mark in SENTENCE_STOPS), default=-1)
    before = quote[stop + 1:at]
    return before if before.strip() else quote[:at]


def _named_first(lower: str, names) -> bool:
    """One of `names` opens `lower`, or stands after at most two words."""
    at = _first_name(lower, names)
    return at is not None and (at == 0 or LEADING_WORDS.fullmatch(lower, 0, at) is not None)


def _first_name(lower: str, names) -> int | None:
    """Where the first of `names` (lower case, longer than two letters, or Chinese: 华为) stands in `lower`."""
    match = _names_regex(frozenset(names)).search(lower)
    return match.start() if match else None


@lru_cache(maxsize=256)
def _names_regex(names: frozenset) -> re.Pattern:
    """One pattern for a set of names, built once per article's subject or competitors (it runs on every clause
    of every quote); a pattern that never matches when no name is long enough."""
    # "DeepSeek-V4", "Qwen3.6" and "Qwen3.6-Coder" are their maker's names with a version
    # (Latin letters only around the name: "采用DeepSeek-V4训练" names it too)
    alternatives = [rf"(?<![a-z0-9_-]){re.escape(name)}(?:-?[vr]?\d[a-z0-9.]*(?:-[a-z0-9.]+)*)?(?![a-z0-9_-])"
                    if name.isascii()
                    else re.escape(name)
                    for name in sorted(names, key=len, reverse=True) if len(name) > 2 or not name.isascii()]
    return re.compile("|".join(alternatives) or r"(?!)")


def _same_family(org: str, subject_names: set[str]) -> bool:
    """'Alibaba Cloud Intelligence' belongs to a subject named 'Alibaba'."""
    words = org.lower().replace("'s", "").split()
    return bool(words) and (words[0] in subject_names or org.lower() in subject_names
                            or any(org.startswith(name) for name in subject_names if not name.isascii()))
