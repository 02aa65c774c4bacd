"""The Elasticsearch and Kibana commands (`newsmon index …`, `newsmon kibana …`), added to the CLI."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from newsmon.cli_support import handle_errors, settings_of


@click.group()
def index():
    """Elasticsearch: set up, sync, inspect and rebuild the index fed from SQLite.

    Example: newsmon index setup
    """


@index.command("setup")
@click.pass_context
@handle_errors
def index_setup(context):
    """Put the index template, create the first index behind the alias (idempotent).

    Example: newsmon index setup
    """
    from newsmon.indexing import elastic_index

    for line in elastic_index(settings_of(context)).setup():
        click.echo(line)


@index.command("sync")
@click.pass_context
@handle_errors
def index_sync(context):
    """Bulk-index the articles waiting in the outbox.

    Example: newsmon index sync
    """
    from newsmon.indexing import sync_outbox
    from store.sqlite import Store

    loaded = settings_of(context)
    with Store(loaded.settings.storage.sqlite_path) as store:
        line, reached = sync_outbox(loaded, store)
    click.echo(line)
    if not reached:
        sys.exit(1)


@index.command("status")
@click.pass_context
@handle_errors
def index_status(context):
    """Whether the cluster is reachable, how many articles wait, how many it holds.

    Example: newsmon index status
    """
    from newsmon.indexing import index_status as status_lines

    lines, reachable = status_lines(settings_of(context))
    click.echo("\n".join(lines))
    if not reachable:
        sys.exit(1)


@index.command("rebuild")
@click.pass_context
@handle_errors
def index_rebuild(context):
    """Reindex every stored article into a new index, then switch the alias to it.

    Example: newsmon index rebuild
    """
    from newsmon.indexing import elastic_index
    from store.sqlite import Store

    loaded = settings_of(context)
    with Store(loaded.settings.storage.sqlite_path) as store:
        new_index, count = elastic_index(loaded).rebuild(store)
    click.echo(f"indexed {count} articles into {new_index}; alias switched")


@click.group()
def kibana():
    """Kibana saved objects: a data view, saved searches and a dashboard for the articles.

    Example: newsmon kibana export --out newsmon.ndjson
    """


@kibana.command("export")
@click.option("--out", "out_file", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@click.pass_context
@handle_errors
def kibana_export(context, out_file):
    """Write the saved objects as NDJSON for Kibana's import.

    Example: newsmon kibana export --out newsmon.ndjson
    """
    from newsmon.indexing import DEFAULT_ALIAS, kibana_objects

    elasticsearch = settings_of(context).settings.storage.elasticsearch
    text = kibana_objects(elasticsearch.index if elasticsearch else DEFAULT_ALIAS)
    if out_file:
        Path(out_file).write_text(text, encoding="utf-8")
        click.echo(f"wrote {len(text.splitlines())} saved objects to {out_file}")
    else:
        click.echo(text, nl=False)


@kibana.command("import")
@click.option("--url", help="Kibana's URL (default storage.kibana.url).")
@click.pass_context
@handle_errors
def kibana_import(context, url):
    """Post the saved objects to Kibana's saved-objects import API, overwriting.

    Example: newsmon kibana import --url http://127.0.0.1:5601
    """
    from newsmon.indexing import kibana_import as post

    result = post(settings_of(context), url)
    click.echo(f"imported {result.get('successCount', 0)} saved objects")
