"""Sending mail through SMTP with the standard library: multipart/alternative, headers cleaned."""
from __future__ import annotations

import smtplib
import socket
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from config.settings import SmtpSettings, parse_duration
from newsmon.errors import NewsmonError
from reports.text import one_line


class DeliveryError(NewsmonError):
    """A channel could not deliver; the message says which and why."""


def build_message(smtp: SmtpSettings, to: list[str], subject: str, text: str, html: str | None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = smtp.from_
    message["To"] = ", ".join(to)
    message["Subject"] = one_line(subject, 180)   # untrusted titles never become a second header
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="newsmon")
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


def send_message(smtp: SmtpSettings, secrets: dict[str, str], message: EmailMessage) -> None:
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=parse_duration(smtp.timeout)) as client:
            if smtp.starttls:
                client.starttls()
            if "smtp.username_env" in secrets:
                client.login(secrets["smtp.username_env"], secrets.get("smtp.password_env", ""))
            client.send_message(message)
    except (smtplib.SMTPException, OSError, socket.timeout) as error:
        raise DeliveryError(f"smtp {smtp.host}:{smtp.port}: {type(error).__name__}: {error}") from None
