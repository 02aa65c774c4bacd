"""The README documents every command and every configuration key."""
from __future__ import annotations

import re

from pydantic import BaseModel

from config.settings import Settings
from conftest import ROOT
from newsmon.cli import main

README = (ROOT / "README.md").read_text()


def test_readme_starts_with_the_two_commands():
    assert README.index("make run") < README.index("make test") < 400


def test_every_command_is_documented_with_usage():
    for name in main.commands:
        assert f"`newsmon {name}" in README, name


def keys(model: type[BaseModel]):
    for name, field in model.model_fields.items():
        yield field.alias or name
        for inner in _models(field.annotation):
            yield from keys(inner)


def _models(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        yield from _models(argument)


def test_every_configuration_key_is_documented():
    prose = re.sub(r"```.*?```", "", README, flags=re.S)
    documented = {word for code in re.findall(r"`([^`]+)`", prose) for word in re.findall(r"[a-z_]+", code)}
    missing = sorted({key for key in keys(Settings) if key not in documented and key != "type"})
    assert missing == []
