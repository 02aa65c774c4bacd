"""The `newsmon` command line. Each command parses options, calls one function, and maps errors to
exit codes: 2 for configuration or usage, 1 for runtime failures, one readable line per problem."""
from __future__ import annotations

import json
import logging
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from newsmon.cli_elastic import index, kibana
from newsmon.cli_support import handle_errors, settings_of
from newsmon.errors import ConfigError
from pipeline.records import iso_utc


def date_option(name: str, help_text: str, end_of_day: bool = False):
    """A date (YYYY-MM-DD) or time option, turned into the store's ISO UTC form. With `end_of_day`
    a plain date means the end of that day, so `--until 2026-11-28` includes the 28th."""
    def parse(_context, _parameter, value):
        if value is None:
            return None
        try:
            if len(value) == 10:
                day = date.fromisoformat(value)
                return (day + timedelta(days=1)).isoformat() if end_of_day else day.isoformat()
            return iso_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            raise click.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)") from None
    return click.option(name, callback=parse, help=help_text)


def since_until(command):
    command = date_option("--until", "Only articles up to this date (YYYY-MM-DD, inclusive).", end_of_day=True)(command)
    return date_option("--since", "Only articles from this date on (YYYY-MM-DD).")(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", envvar="NEWSMON_CONFIG", default="config/newsmon.yaml", show_default=True,
              help="Configuration file (or env NEWSMON_CONFIG).")
@click.option("-v", "--verbose", is_flag=True, help="Log progress to stderr.")
@click.pass_context
def main(context, config_path, verbose):
    """newsmon: crawl news, extract entities and figures, alert and digest.

    Example: newsmon --config config/newsmon.yaml run-once
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    context.obj = {"config": config_path}


@main.command("run-once")
@click.pass_context
@handle_errors
def run_once(context):
    """One full cycle for every source: crawl, extract, dedup, enrich, store, alerts.

    Example: newsmon run-once
    """
    from newsmon.cycle import run_cycle

    click.echo(run_cycle(settings_of(context)).summary())


@main.command()
@click.option("--source", "sources", multiple=True, help="A source name (repeatable); default: all.")
@click.pass_context
@handle_errors
def crawl(context, sources):
    """The run-once cycle for the named sources only.

    Example: newsmon crawl --source example-feed
    """
    from newsmon.cycle import run_cycle

    click.echo(run_cycle(settings_of(context), list(sources) or None).summary())


@main.command()
@click.option("--source", "sources", multiple=True, required=True, help="A source of a pageable kind (repeatable).")
@click.option("--since", required=True, help="Page back to this date (YYYY-MM-DD).")
@click.pass_context
@handle_errors
def backfill(context, sources, since):
    """Page back in time on sources that can (edgar, federal_register, hkex, json_api with paging).

    Example: newsmon backfill --source sec-edgar-alibaba --since 2026-06-01
    """
    from crawlers.spiders import PAGEABLE
    from newsmon.cycle import run_cycle

    loaded = settings_of(context)
    try:
        date.fromisoformat(since)
    except ValueError:
        raise ConfigError(f"--since {since}: not a date (use YYYY-MM-DD)") from None
    kinds = {source.name: source.type for source in loaded.settings.sources}
    for name in sources:
        if name in kinds and kinds[name] not in PAGEABLE:
            raise ConfigError(f"--source {name}: a {kinds[name]} source cannot page back in time "
                              f"(backfill works for {', '.join(sorted(PAGEABLE))})")
    click.echo(run_cycle(loaded, list(sources), since=since).summary())


@main.command()
@click.pass_context
@handle_errors
def serve(context):
    """Run every source on its schedule, the digest at its local time; stop with Ctrl-C or SIGTERM.

    Example: newsmon serve
    """
    from newsmon.scheduler import serve_forever

    serve_forever(settings_of(context))


@main.command()
@click.option("--date", "day", help="The day (YYYY-MM-DD, or today / yesterday) in digest.timezone; default: yesterday.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Output folder; default digest.out_dir.")
@click.option("--send", is_flag=True, help="Also send it through digest.channels.")
@click.option("--force", is_flag=True, help="Send even if this day's digest was already sent.")
@click.pass_context
@handle_errors
def digest(context, day, out_dir, send, force):
    """Build the daily digest of relevant articles published on a day, as HTML and text.

    Example: newsmon digest --date 2026-11-28 --send
    """
    from newsmon.digests import make_digest
    from reports.digest import default_day

    loaded = settings_of(context)
    zone = ZoneInfo(loaded.settings.digest.timezone)
    try:
        chosen = (datetime.now(zone).date() if day == "today" else
                  date.fromisoformat(day) if day and day != "yesterday" else default_day(zone))
    except ValueError:
        raise ConfigError(f"--date {day}: not a date (use YYYY-MM-DD)") from None
    run = make_digest(loaded, chosen, out_dir, send, force)
    click.echo(f"digest for {run.digest.day}: {len(run.digest.articles)} articles")
    click.echo(f"  {run.digest.html_path}\n  {run.digest.text_path}")
    for channel in run.sent:
        click.echo(f"  sent via {channel}")
    for channel in run.already_sent:
        click.echo(f"  already sent via {channel} (use --force to send again)")
    for error in dict.fromkeys(run.errors):
        click.echo(f"error: {error}", err=True)
    for channel in run.failed:
        click.echo(f"  not sent via {channel} yet: queued, retried by the next digest --send or by serve", err=True)
    if run.failed:
        sys.exit(1)


@main.command()
@click.argument("query")
@click.option("--category", "categories", multiple=True, help="Only these categories (any of; repeatable).")
@click.option("--entity", "entities", multiple=True, help="Only articles naming this entity id (all of; repeatable).")
@click.option("--source", help="Only this source.")
@since_until
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line.")
@click.pass_context
@handle_errors
def search(context, query, categories, entities, source, since, until, limit, as_json):
    """Full-text search over stored articles, best first (Elasticsearch when configured).

    Example: newsmon search "T-Head chip" --category chip --since 2026-11-01
    """
    from newsmon.indexing import search_articles
    from store.search import SearchFilters

    results = search_articles(settings_of(context), query,
                              SearchFilters(tuple(categories), tuple(entities), source, since, until, limit))
    for record in results:
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            from reports.text import one_line

            click.echo(f"{record['score']:8.3f}  {(record['published_at'] or '')[:10]:10}  {record['source']:16}  "
                       f"{one_line(record['title'], 100)}\n          {record['url']}\n          {one_line(record['snippet'], 200)}")
    if not results and not as_json:
        click.echo("no matches", err=True)


@main.command()
@since_until
@click.option("--out", "out_file", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.pass_context
@handle_errors
def export(context, since, until, out_file):
    """Every stored article as JSON Lines, oldest first.

    Example: newsmon export --since 2026-11-01 --out articles.jsonl
    """
    from store.sqlite import Store

    handle = open(out_file, "w", encoding="utf-8") if out_file else sys.stdout
    try:
        with Store(settings_of(context).settings.storage.sqlite_path) as store:
            for record in store.iter_records(since, until):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out_file:
            handle.close()


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--url", help="The page's URL (sets url and id).")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON (the default output).")
@click.pass_context
@handle_errors
def extract(context, file, url, as_json):
    """Extraction and enrichment of one saved page (HTML, or text if FILE ends in .txt); nothing stored.

    Example: newsmon extract --url https://example.com/a.html --json page.html
    """
    from newsmon.single import extract_file

    record = extract_file(settings_of(context).settings, file, url)
    click.echo(json.dumps(record, ensure_ascii=False, indent=None if as_json else 2))


@main.command()
@click.option("--out", "out_dir", default="demo-out", show_default=True, type=click.Path(file_okay=False))
@handle_errors
def demo(out_dir):
    """The whole pipeline offline on the bundled demo news site, served on 127.0.0.1.

    Example: newsmon demo
    """
    from newsmon.demo import run_demo

    click.echo(run_demo(Path(out_dir)))


@main.command()
@click.pass_context
@handle_errors
def status(context):
    """Scheduled jobs (next run, last result), the delivery queue, the index outbox, source health.

    Example: newsmon status
    """
    from newsmon.status import status_lines

    click.echo("\n".join(status_lines(settings_of(context))))


main.add_command(index)
main.add_command(kibana)


@main.command("check-config")
@click.pass_context
@handle_errors
def check_config(context):
    """Validate the configuration and print what it would run.

    Example: newsmon --config config/newsmon.yaml check-config
    """
    from newsmon.describe import describe_settings

    loaded = settings_of(context)
    click.echo(describe_settings(loaded))
