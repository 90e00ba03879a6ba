"""``bilat news``: add articles, list them, show their records, fact-check their claims."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, console, emit
from bilat.cli.options import ENGINE_OPTION
from bilat.cli.output import safe_text, terminal_safe
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
    from bilat.questions.declared_goals import track_article_goals
    from bilat.session import Session

    articles = load_articles(paths, published=_date(date), source=source)  # all read before anything is stored
    rows, added_now, goals = [], [], []
    with Session() as session:
        with session.store.catalog() as con:
            store = NewsStore(con)
            for article in articles:
                article_id, added = store.add(article)
                rows.append({"id": article_id, "name": article.name, "added": added})
                if added:
                    added_now.append(article_id)
        with session.store.catalog(read_only=True) as con:
            stored = [NewsStore(con).get(i) for i in added_now]
        for item in stored:
            published = item.article.published or getattr(item.extraction, "published", None)
            goals += track_article_goals(item.id, item.article.name, item.extraction.targets, published,
                                         claims=item.extraction.claims, session=session)
    emit(pd.DataFrame(rows), fmt, title="articles")
    if fmt == OutputFormat.table:
        for g in goals:
            line = f"goal #{g.target_id} tracked: {g.goal}" if g.target_id else f"target not tracked: {g.skipped}"
            console.print(f"article #{g.article_id}: {line}", markup=False, highlight=False)


@news_app.command("list")
def list_(fmt: OutputFormat = FORMAT_OPTION) -> None:
    """List stored articles with the number of claims, targets and agreements found in each.

    Example: bilat news list
    """
    import pandas as pd

    from bilat.news import NewsStore
    from bilat.catalog import open_store

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
    from bilat.catalog import open_store

    with open_store().catalog(read_only=True) as con:
        stored = NewsStore(con).get(article_id)
    records = _records(stored.extraction)
    frame = pd.DataFrame(records, columns=["kind", "start", "end", "text", "what", "value", "currency", "from", "to", "year",
                                           "detail"])
    frame["year"] = frame["year"].astype("Int64")
    if fmt == OutputFormat.json:
        _print_json(stored, records)
        return
    if fmt != OutputFormat.table:
        emit(frame, fmt)
        return
    from rich.text import Text

    text = Text(terminal_safe(stored.article.text))  # same length: the record spans still fit
    styles = {"claim": "bold yellow", "target": "bold green", "agreement": "bold cyan"}
    for record in records:
        text.stylize(styles[record["kind"]], record["start"], record["end"])
    console.print(safe_text(f"#{stored.id} {stored.article.name}", "bold"), safe_text(f" countries: {', '.join(stored.extraction.countries)}"))
    console.print(text)
    console.print("[bold yellow]claims[/]  [bold green]targets[/]  [bold cyan]agreements[/]")
    from bilat.cli.claim_cards import print_record_cards

    print_record_cards(records, console)


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
                "detail": _detail(data),
            })
    return sorted(rows, key=lambda r: r["start"])


def _detail(data: dict) -> str:
    """What qualifies a record's figure, said beside it: part-year, forecast, an assumed currency,
    an increment, a horizon, a stage that is not a signing, the date of an agreement."""
    parts = [str(data[key]) for key in ("period", "modality", "status") if data.get(key)]
    if data.get("currency_assumed"):
        parts.append("currency assumed, none written")
    if data.get("increase"):
        parts.append("an increase, not a level")
    if data.get("horizon_years") and not data.get("by_year"):
        parts.append(f"within {data['horizon_years']:g} years")
    if data.get("date"):
        parts.append(str(data["date"]))
    return "; ".join(parts)


@news_app.command("check")
def check(
    article_id: Optional[int] = typer.Argument(None, help="Article id; all articles when left out."),
    engine: str = ENGINE_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Fact-check the claims of stored articles against the data (goods trade, same direction and year).

    Example: bilat news check 1
    """
    from bilat.news.verdicts import claim_verdicts, stored_articles
    from bilat.session import Session

    with Session(engine=engine) as session:
        frame = claim_verdicts(stored_articles(session.store, article_id=article_id), session.engine)
    if fmt == OutputFormat.table:
        from bilat.cli.claim_cards import print_cards

        print_cards(frame, console)
        console.print("bands: amounts ±5 % (about/some ±15 %, nearly −1..+15 %), growth ±1 pp (about ±3 pp), never "
                      "tighter than the figure's own rounding; forward-looking figures are never judged (docs/news.md)",
                      markup=False, highlight=False)
        return
    emit(frame, fmt, title="fact-check")
