"""Notifiers: one module per channel type, each a class with `send_alert` and `send_digest`.

`build_notifiers` makes one per configured channel; a new channel type is a new module and
one line in NOTIFIER_TYPES."""
from __future__ import annotations

from reports.notifiers.email import EmailNotifier
from reports.notifiers.file import FileNotifier
from reports.notifiers.webhook import WebhookNotifier

NOTIFIER_TYPES = {"file": FileNotifier, "email": EmailNotifier, "webhook": WebhookNotifier}


def build_notifiers(loaded) -> dict:
    settings = loaded.settings
    return {name: NOTIFIER_TYPES[channel.type](name, channel, settings, loaded.secrets)
            for name, channel in settings.channels.items()}
