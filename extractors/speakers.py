"""Who is speaking: the subject slot next to a speech verb, read as a named person, an
organisation, a pronoun or an unnamed source.

News names a speaker in a few fixed shapes: 'Jane Liu, an analyst at Morningstar, said',
'said Jane Liu, an analyst at Morningstar', 'says Shanghai-based analyst Henry Guo', 'Chief
financial officer Toby Xu said', 'an Alibaba spokesperson said', 'the regulator said', 'he said'.
Entity spans from spaCy mark the names where it found them; a run of capitalised words stands in
where it did not ("said Ivy Chen" when only "Chen" was tagged). Title words, unnamed-source heads
and references such as "the regulator" come from config/quotes.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass

NAME_WORD = r"[A-Z][\w'’.-]*"
NAME_ONLY = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}")
TITLE_STOP = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Rep|Sen|Gov)\.(?=\s+[A-Z])")
FIRST_RUN = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD})*")
ORG_AFTER = [re.compile(rf"\b(?:{prepositions})\s+(?:the\s+|an?\s+)?(?:[A-Z][\w]*-based\s+)?(?:[a-z-]+\s+){{0,3}}?"
                         rf"(?P<org>{NAME_WORD}(?:\s+(?:(?:of|for|and|&|on)\s+(?:the\s+)?)?{NAME_WORD})*)")
             for prepositions in ("at|with|from", "of|for")]   # "head of China research at Jefferies": Jefferies
# (a list marker too: "- Rachel Ong, a senior analyst at Counterpoint Research, said …" in a bulleted story)
LEADING_FILLER = re.compile(r"^(?:[-•*·▪–—]\s+)?(?:(?:when|as|after|while|although|though|but|and|before|since|if|"
                            r"because|so|yet|which|who|where|then|also|meanwhile|separately|however|in a statement|in a note|"
                            r"in an interview|in a post|on [A-Z]\w+day)\b[\s,]*)*", re.IGNORECASE)
TRAILING_FILLER = re.compile(r"(?:\s+(?:has|have|had|also|later|then|previously|repeatedly|again|once|recently|"
                             r"separately|further|earlier|itself|himself|herself|has also|had also|"
                             r"\w+ly))+\s*$")
DATELINE = re.compile(r"[A-Z][A-Z/ ,.]+(?:\([^)]*\))?\s+[-–—]+\s+")
PRONOUNS = {"he", "she"}   # "they", "it" and "we" point at nobody in particular


@dataclass
class Mention:
    """An entity span in the body (character offsets)."""

    start: int
    end: int
    text: str
    label: str
    id: str | None = None
    kind: str | None = None


@dataclass
class Speaker:
    name: str
    role: str | None
    org: str | None
    kind: str               # "person", "org", "pronoun" or "unnamed"
    official: bool = False  # a regulator or government body the gazetteer knows


@dataclass
class Frame:
    position: int             # where the attribution is (the verb, or the paragraph start)
    speaker: Speaker
    content: tuple[int, int]  # what it says: reported speech after the verb, or the answer
    needs_quote: bool = False
    limit: int = 0            # the end of its sentence
    continues: bool = False   # a second verb of the same subject ("... and told them to stop")
    own_words: bool = False   # the speaker's own words though unquoted: an interview's answer
    verb: str = ""            # the speech verb that frames them


UNNAMED = Speaker("", None, None, "unnamed")
ORG_ROLE_GAP = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){1,3}")   # "Bernstein| analyst |Kevin Marsh"
RELATIVE_CLAUSE = re.compile(r"\s*(?:which|who|whose)\b")
PRONOUN = Speaker("", None, None, "pronoun")


class SpeakerReader:
    def __init__(self, data: dict):
        titles = data["role_words"] + data["title_words"]
        self.title_words = {word.lower() for title in titles for word in title.split()}
        roles = "|".join(re.escape(word) for word in sorted(data["role_words"], key=len, reverse=True))
        self.role_word = re.compile(rf"(?<![\w-])(?:{roles})(?![\w-])", re.IGNORECASE)
        self.spokesperson = re.compile(r"\bspokes(?:person|man|woman)\b", re.IGNORECASE)
        self.references = {phrase.lower(): kind for kind, phrases in data["org_references"].items()
                           for phrase in phrases}
        heads = "|".join(re.escape(head) for head in data["unnamed_heads"])
        self.unnamed = re.compile(rf"^(?:(?i:{heads})\b|[Tt]he\s+[a-z])")
        self.org_word = re.compile(r"\b(?:%s)$" % "|".join(re.escape(word) for word in data["organisation_words"]))

    def before(self, text: str, start: int, end: int, mentions: list[Mention], context: ArticleContext) -> Speaker:
        """The subject written before a speech verb: text[start:end] is the clause up to the verb."""
        slot = text[start:end]
        parts = slot.split(",")
        appositive = None
        if len(parts) >= 3 and not parts[-1].strip() and RELATIVE_CLAUSE.match(parts[1]):
            # "SMIC, which is also expanding capacity for rivals including ..., T-Head, said": the subject is
            # the name before the relative clause, whatever the clause names
            subject_part, appositive = parts[0], None
            offset = start
        elif len(parts) >= 3 and not parts[-1].strip() and NAME_ONLY.fullmatch(parts[-2].strip()) \
                and self.role_word.search(parts[-3]):
            # "The company's chief executive, Eddie Wu, said": the name is the apposition
            subject_part, appositive = parts[-2], parts[-3].strip()
            offset = start + len(",".join(parts[:-2])) + 1
        elif (len(parts) >= 4 and not parts[-1].strip() and self.role_word.search(parts[-3])
              and FIRST_RUN.search(parts[-4]) and not self.role_word.search(parts[-4])):
            # "Priya Raman, chief technology officer of Kargo Lane, a Singapore start-up, said", "Takeshi Ono,
            # director ... at the Ministry of Economy, Trade and Industry, said": the role is the first apposition
            subject_part, appositive = parts[-4], parts[-3].strip()
            offset = start + len(",".join(parts[:-4])) + (1 if len(parts) > 4 else 0)
        elif len(parts) >= 3 and not parts[-1].strip():
            subject_part, appositive = parts[-3], parts[-2].strip()
            offset = start + len(",".join(parts[:-3])) + (1 if len(parts) > 3 else 0)
        else:
            subject_part = parts[-1]
            offset = start + len(",".join(parts[:-1])) + (1 if len(parts) > 1 else 0)
        cleaned = TRAILING_FILLER.sub("", subject_part)
        lead = LEADING_FILLER.match(cleaned.strip())
        subject = cleaned.strip()[lead.end():] if lead else cleaned.strip()
        subject_start = offset + subject_part.find(subject) if subject else offset
        return self._read(text, subject, subject_start, appositive, mentions, context, trailing=True)

    def after(self, text: str, start: int, end: int, mentions: list[Mention], context: ArticleContext) -> Speaker:
        """The subject written after an inverted verb ('," said Jane Liu, an analyst at Morningstar.')."""
        # "said Dr. Nur Aisyah Rahman, Director ...": a title's full stop does not end the name (same length,
        # so offsets stay those of the text)
        slot = TITLE_STOP.sub(lambda title: title.group(0).replace(".", " "), text[start:end])
        match = re.match(r"\s*(?P<subject>[^,.;:\"“”()]+)(?:,\s*(?P<appositive>[^,;\"“”]+))?", slot)
        if not match:
            return UNNAMED
        subject = match["subject"].strip()
        subject_start = start + match.start("subject")
        appositive = (match["appositive"] or "").strip().rstrip(".") or None
        return self._read(text, subject, subject_start, appositive, mentions, context, trailing=False)

    def _read(self, text, subject, subject_start, appositive, mentions, context, trailing) -> Speaker:
        lowered = subject.lower()
        if lowered in PRONOUNS:
            return PRONOUN
        if self.spokesperson.search(subject):
            return self._spokesperson(subject)
        if lowered in self.references:
            kind = self.references[lowered]
            organisation = context.resolve(kind, subject_start)
            return Speaker(organisation, None, organisation, "org", kind == "regulator") if organisation else UNNAMED
        if self.unnamed.match(subject) or not subject[:1].isupper():
            if not self._named_after_title(subject):
                return UNNAMED
            return self._person_in(subject, subject_start, appositive, mentions, context, trailing)
        inside = [mention for mention in mentions if subject_start <= mention.start < subject_start + len(subject)]
        people = [mention for mention in inside if mention.label == "PERSON"]
        # "Fujisawa said ...": spaCy tags a lone surname ORG as often as not; a surname of someone already named
        # is that person
        organisations = [mention for mention in inside if mention.label == "ORG" and mention.kind != "person"
                         and not (mention.id is None and " " not in mention.text and context.full_name(mention.text))]
        if organisations and not people:
            last = organisations[-1] if trailing else organisations[0]
            tail = text[last.end:subject_start + len(subject)].strip()
            # "Marcus Feld, a hardware analyst at Bernstein": a name spaCy took for a firm, given a person's role
            mistaken = (last.id is None and " " in last.text and appositive is not None
                        and self.role_word.search(appositive) is not None)
            if not FIRST_RUN.search(tail) and not mistaken:
                return Speaker(last.text, None, last.text, "org", last.kind == "regulator")
        return self._person_in(subject, subject_start, appositive, mentions, context, trailing)

    def introduce(self, text: str, speaker: Speaker) -> Speaker:
        """Role and organisation from where the article first names the person, when the quote's
        own attribution gives none ('Alibaba chief executive Eddie Wu used a conference to ...')."""
        at = text.find(speaker.name)
        if at < 0:
            return speaker
        sentence_start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
        prefix = " ".join(text[sentence_start:at].split()[-6:])
        appositive = re.match(r",\s*([^,;.\"“”]+)", text[at + len(speaker.name):])
        role, org = self._role(prefix, appositive.group(1) if appositive else None)
        if not role and prefix and self.role_word.search(prefix):
            role = prefix
        return Speaker(speaker.name, role, org, speaker.kind) if role or org else speaker

    def _named_after_title(self, subject: str) -> bool:
        """'chief executive Robin Li', 'tech industry analyst Michael Chen': a title, then a name."""
        run = FIRST_RUN.search(subject)
        return bool(run) and self.role_word.search(subject[:run.start()]) is not None

    def _person_in(self, subject, subject_start, appositive, mentions, context, trailing=True) -> Speaker:
        run = self._name_run(subject, trailing)
        if run is None:
            return UNNAMED
        name_start, name_end = run
        tagged = [mention for mention in mentions if mention.label == "PERSON"
                  and subject_start + name_start <= mention.start and mention.end <= subject_start + name_end]
        if tagged and len(tagged[0].text.split()) > 1:
            name_start = tagged[0].start - subject_start
            name_end = tagged[0].end - subject_start
        name = subject[name_start:name_end]
        if not tagged and self.org_word.search(name):
            return Speaker(name, None, name, "org")
        if len(name.split()) == 1:
            known = context.full_name(name)
            if known is None:
                return Speaker(name, None, name, "org")   # "Moonshot said": a one-word name is an organisation
            name = known
        prefix = subject[:name_start].strip()
        role, org = self._role(prefix, appositive)
        of = re.match(rf"\s+(?:of|at|from)\s+(?P<org>{NAME_WORD}(?:\s+{NAME_WORD})*)", subject[name_end:])
        org = org or (of["org"] if of else None)
        return context.complete(Speaker(name, role, org, "person"))

    def _name_run(self, subject: str, trailing: bool) -> tuple[int, int] | None:
        """Where the name is in the subject: capitalised words without leading title words; before a
        verb it is the last thing in the subject ('chief executive Robin Li'), after one the first."""
        runs = list(FIRST_RUN.finditer(subject))
        if trailing:
            runs = [run for run in runs if not subject[run.end():].strip(" .")]
        else:   # "said Guangdong coach Chen Lei": the run before a title names the team, not the speaker
            runs = [run for run in runs if not self.role_word.match(subject[run.end():].lstrip())] or runs
        for match in runs:
            words = match.group(0).split()
            while words and (words[0].lower().strip(".") in self.title_words or words[0].endswith("-based")):
                words = words[1:]
            if words and words[-1].endswith(("'s", "’s")):
                continue
            if words:
                end = match.end()
                return end - len(" ".join(words)), end
        return None

    def _role(self, prefix: str, appositive: str | None) -> tuple[str | None, str | None]:
        owner = re.search(rf"(?P<org>{NAME_WORD}(?:\s+{NAME_WORD})*)['’]s$", prefix)
        if owner and not self.role_word.search(prefix):
            return None, owner["org"]   # "Morningstar's Jane Liu"
        if appositive and self.role_word.search(appositive):
            description = re.sub(r"^(?:an?|the)\s+", "", appositive.strip(), flags=re.IGNORECASE)
            description = re.sub(r"\s*\([^)]*\)$", "", description)
            org = ORG_AFTER[0].search(description) or ORG_AFTER[1].search(description)
            if org:
                return description[:org.start()].strip(), org["org"].rstrip(".")
            owner = re.match(rf"^(?P<org>{NAME_WORD}(?:\s+{NAME_WORD})*)['’]s\s+(?P<role>.+)$", description)
            if owner:
                return owner["role"], owner["org"]
            return description, None
        if prefix and self.role_word.search(prefix):
            words = prefix.split()
            org_words = []
            while (words and words[0][:1].isupper() and words[0].lower() not in self.title_words
                   and not words[0].endswith("-based")):
                org_words.append(words.pop(0))
            role = " ".join(words) or None
            return role, re.sub(r"['’]s$", "", " ".join(org_words)) or None
        return None, None

    def _spokesperson(self, subject: str) -> Speaker:
        """'an Alibaba spokesperson', 'a spokesperson for the Dutch economy ministry'."""
        after = re.search(r"spokes(?:person|man|woman)\s+(?:for|at)\s+(?:the\s+)?(?P<org>.+)$", subject, re.I)
        if after:
            organisation = after["org"].strip()
        else:
            before = re.match(r"^(?:an?|the)?\s*(?P<org>.+?)(?:['’]s)?\s+spokes(?:person|man|woman)", subject, re.I)
            organisation = before["org"].strip() if before else ""
        if not organisation or not organisation[:1].isupper() and " " not in organisation:
            return UNNAMED
        return Speaker(organisation, "spokesperson", organisation, "org")


class ArticleContext:
    """What the whole article says about its people and organisations: full names as first given,
    employers, the main company, the regulators named."""

    def __init__(self, text: str, mentions: list[Mention], main_company: str | None):
        self.text = text
        self.mentions = mentions
        self.people = [mention.text for mention in mentions if mention.label == "PERSON"]
        self.main_company = main_company
        self.known: dict[str, Speaker] = {}
        self.names: list[str] = []

    def remember(self, speaker: Speaker) -> None:
        if speaker.kind == "person":
            self.names.append(speaker.name)
            self.known.setdefault(speaker.name, speaker)

    def complete(self, speaker: Speaker) -> Speaker:
        """Role and organisation as given at the first attribution ('Liu added' -> Jane Liu's)."""
        first = self.known.get(speaker.name)
        if first is None:
            return speaker
        return Speaker(speaker.name, speaker.role or first.role, speaker.org or first.org, speaker.kind)

    def full_name(self, word: str) -> str | None:
        for name in self.names + self.people:
            if word in name.split() and name != word:
                return name
        return None

    def employer(self, name: str) -> str | None:
        return self.known[name].org if name in self.known else None

    def subject_of(self, start: int, end: int) -> Speaker | None:
        """The entity a sentence opens with ("China's SAMR ... ordered them", "Nvidia ..., saying")."""
        opening = DATELINE.match(self.text, start, end)
        start = opening.end() if opening else start
        first = next((mention for mention in self.mentions if start <= mention.start < end
                      and mention.label in ("ORG", "PERSON")), None)
        if first is None or first.start - start > 25:
            return None
        person = next((mention for mention in self.mentions if first.end < mention.start < first.end + 40
                       and mention.label == "PERSON"), None)
        if first.label == "ORG" and person is not None and ORG_ROLE_GAP.fullmatch(self.text, first.end, person.start):
            first = person   # "Bernstein analyst Kevin Marsh cut his target …, writing that": the analyst writes
        if first.label == "ORG":
            return Speaker(first.text, None, first.text, "org", first.kind == "regulator")
        name = first.text if " " in first.text else self.full_name(first.text)
        return self.complete(Speaker(name, None, None, "person")) if name else None

    def resolve(self, kind: str, before: int) -> str | None:
        """'the regulator' -> the last regulator named before; 'the company' -> the main company."""
        if kind == "company":
            return self.main_company
        earlier = [mention for mention in self.mentions if mention.kind == kind and mention.start < before]
        return earlier[-1].text if earlier else None
