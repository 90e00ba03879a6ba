"""``bilat news``: add articles, list them, show their records, fact-check their claims."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, console, emit
from bilat.errors import BilatError

news_app = typer.Typer(
    help="News intelligence: extract claims, targets and agreements from articles and check them.\n\n"
    "Example: bilat news add article.txt --date 2017-05-04",
    no_args_is_help=True,
)
app.add_typer(news_app, name="news")


def _date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BilatError(f"--date must be YYYY-MM-DD, got {value!r}") from None


@news_app.command("add")
def add(
    paths: list[Path] = typer.Argument(..., help="Article files (.txt, .html) or folders of them."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date, YYYY-MM-DD (resolves 'on Wednesday')."),
    source: Optional[str] = typer.Option(None, "--source", help="Where the article comes from (a newspaper name)."),
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Add articles to the store and extract their records (re-adding the same text changes nothing).

    Example: bilat news add article.txt --date 2017-05-04 --source "Jerusalem Post"
    """
    import pandas as pd

    from bilat.news import NewsStore, load_articles
    from bilat.store import open_store

    articles = load_articles(paths, published=_date(date), source=source)  # all read before anything is stored
    rows = []
    with open_store().catalog() as con:
        store = NewsStore(con)
        for article in articles:
            article_id, added = store.add(article)
            rows.append({"id": article_id, "name": article.name, "added": added})
    emit(pd.DataFrame(rows), fmt, title="articles")


@news_app.command("list")
def list_(fmt: OutputFormat = FORMAT_OPTION) -> None:
    """List stored articles with the number of claims, targets and agreements found in each.

    Example: bilat news list
    """
    import pandas as pd

    from bilat.news import NewsStore
    from bilat.store import open_store

    with open_store().catalog(read_only=True) as con:
        rows = NewsStore(con).list()
    columns = ["id", "name", "title", "source", "published", "countries", "claims", "targets", "agreements"]
    emit(pd.DataFrame(rows, columns=columns + ["added_at"])[columns], fmt, title="news articles")


@news_app.command("show")
def show(
    article_id: int = typer.Argument(..., help="Article id (see `bilat news list`)."),
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Show an article with its claims, targets and agreements highlighted in the text.

    With --format json: every record with its full fields and the codes they use (agreement
    type, claim measure, target kind, status; see docs/news.md).

    Example: bilat news show 1 --format json
    """
    import pandas as pd

    from bilat.news import NewsStore
    from bilat.store import open_store

    with open_store().catalog(read_only=True) as con:
        stored = NewsStore(con).get(article_id)
    records = _records(stored.extraction)
    frame = pd.DataFrame(records, columns=["kind", "start", "end", "text", "what", "value", "currency", "from", "to", "year"])
    frame["year"] = frame["year"].astype("Int64")
    if fmt == OutputFormat.json:
        _print_json(stored, records)
        return
    if fmt != OutputFormat.table:
        emit(frame, fmt)
        return
    from rich.text import Text

    text = Text(stored.article.text)
    styles = {"claim": "bold yellow", "target": "bold green", "agreement": "bold cyan"}
    for record in records:
        text.stylize(styles[record["kind"]], record["start"], record["end"])
    console.print(f"[bold]#{stored.id} {stored.article.name}[/]  countries: {', '.join(stored.extraction.countries)}")
    console.print(text)
    console.print("[bold yellow]claims[/]  [bold green]targets[/]  [bold cyan]agreements[/]")
    emit(frame, OutputFormat.table, title="records")


def _print_json(stored, records: list[dict]) -> None:
    """The article's records in full, with the vocabulary their codes come from."""
    import json
    import sys

    from bilat.news.schema import vocabulary

    extraction = stored.extraction.to_dict()
    extraction.pop("mentions", None)
    extraction.pop("noise", None)
    for agreement in extraction["agreements"]:  # the stable code first, the wording beside it
        agreement["type_detail"] = agreement["type"]
        agreement["type"] = agreement.pop("type_code")
    published = stored.article.published
    payload = {
        "id": stored.id,
        "name": stored.article.name,
        "source": stored.article.source,
        **extraction,
        "published": published.isoformat() if published else None,
        "records": records,
        "vocabulary": vocabulary(),
    }
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")


def _records(extraction) -> list[dict]:
    rows = []
    for kind, items in (("claim", extraction.claims), ("target", extraction.targets),
                        ("agreement", extraction.agreements)):
        for item in items:
            data = item.to_dict()
            rows.append({
                "kind": kind, "start": item.start, "end": item.end, "text": item.text,
                "what": data.get("measure") or data.get("type"),
                "value": data.get("value", data.get("target_value", data.get("multiplier"))),
                "currency": data.get("currency"),
                "from": data.get("from") or data.get("country") or ",".join(data.get("parties") or data.get("countries") or []),
                "to": data.get("to") or data.get("partner"),
                "year": data.get("year", data.get("by_year")),
            })
    return sorted(rows, key=lambda r: r["start"])


@news_app.command("check")
def check(
    article_id: Optional[int] = typer.Argument(None, help="Article id; all articles when left out."),
    engine: str = typer.Option("duckdb", "--engine", help="Query engine: duckdb or spark."),
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Fact-check the claims of stored articles against the data (goods trade, same direction and year).

    Example: bilat news check 1
    """
    from bilat.engines import open_engine
    from bilat.news.verdicts import claim_verdicts, stored_articles

    engine_ = open_engine(engine)
    try:
        frame = claim_verdicts(stored_articles(article_id=article_id), engine_)
    finally:
        engine_.close()
    emit(frame, fmt, title="fact-check",
         note="tolerance: exact ±5%, about/some ±15%, nearly -1%..+15% (claimed vs data); see docs/news.md")
