"""What every command shares: loading the settings, and turning errors into exit codes."""
from __future__ import annotations

import functools
import sqlite3
import sys
from pathlib import Path

import click

from config.settings import load_settings
from newsmon.errors import ConfigError, NewsmonError
from store.sqlite import disk_hint


def handle_errors(command):
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ConfigError as error:
            for line in error.lines:
                click.echo(f"error: {line}", err=True)
            sys.exit(2)
        except NewsmonError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(1)
        except sqlite3.Error as error:   # a store that broke mid-run: disk full or read-only, mostly
            path = Path(context_config_store_path())
            click.echo(f"error: {path}: the store failed: {error}{disk_hint(path)}; nothing half-written was kept",
                       err=True)
            sys.exit(1)
    return wrapper


def context_config_store_path() -> str:
    """The store of the current command's configuration, for an error message."""
    context = click.get_current_context(silent=True)
    try:
        return str(load_settings(context.obj["config"]).settings.storage.sqlite_path)
    except Exception:
        return "the store"


def settings_of(context: click.Context):
    return load_settings(context.obj["config"])
