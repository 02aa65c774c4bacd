"""Topic relevance weighs salience: a topic entity or keyword in the title or lead, or mentioned
repeatedly in the body. A passing mention (Alibaba named once in a Tencent story) is not enough."""
from __future__ import annotations

import re

from config.settings import Topic
from extractors.gazetteer import Gazetteer


class TopicMatcher:
    def __init__(self, topics: list[Topic], gazetteer: Gazetteer):
        self.topics = topics
        self.gazetteer = gazetteer
        self.keywords = {topic.name: re.compile("|".join(rf"(?<!\w){re.escape(word)}(?!\w)" for word in topic.keywords),
                                                re.IGNORECASE) if topic.keywords else None
                         for topic in topics}

    def mentions(self, topic: Topic, entity_ids: list[str], text: str) -> int:
        wanted = set(topic.entities)
        count = sum(1 for entity_id in entity_ids if wanted & set(self.gazetteer.ancestors(entity_id)))
        pattern = self.keywords[topic.name]
        return count + (len(pattern.findall(text)) if pattern else 0)

    def topics_of(self, lead_ids: list[str], lead_text: str, body_ids: list[str], body_text: str) -> list[str]:
        """Topics the article is about. Lead = title and first paragraph."""
        about = []
        for topic in self.topics:
            in_lead = self.mentions(topic, lead_ids, lead_text)
            in_body = self.mentions(topic, body_ids, body_text)
            if in_lead > 0 or in_lead + in_body >= topic.min_mentions:
                about.append(topic.name)
        return about
