"""Commands that look things up: ``country``, ``hs search``, ``hs show``, ``lens list``, ``lens show``."""

from __future__ import annotations

from typing import Optional

import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, emit

hs_app = typer.Typer(help="Look up HS product codes.\n\nExample: bilat hs search industrial robots", no_args_is_help=True)
lens_app = typer.Typer(help="Sector lenses: named groups of HS codes.\n\nExample: bilat lens show robotics", no_args_is_help=True)
app.add_typer(hs_app, name="hs")
app.add_typer(lens_app, name="lens")


@app.command()
def country(
    names: list[str] = typer.Argument(..., help="Names, ISO3 or numeric codes, demonyms: Israel, JPN, 376, Japanese."),
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Resolve country names or codes to ISO3, numeric code and official name.

    Example: bilat country Israel "S. Korea" 392
    """
    from bilat.cli.rows import Rows
    from bilat.nomenclature.countries import resolve_country

    rows = []
    for name in names:
        found = resolve_country(name)
        rows.append(
            {
                "input": name,
                "iso3": found.iso3,
                "iso_numeric": found.iso_numeric,
                "short_name": found.short_name,
                "name": found.name,
            }
        )
    frame = Rows.of(rows, ["input", "iso3", "iso_numeric", "short_name", "name"], {"iso_numeric": "Int64"})
    emit(frame, fmt, title="Countries")


@hs_app.command("search")
def hs_search(
    words: list[str] = typer.Argument(..., help="Words that must all appear in the description (or a code prefix)."),
    level: Optional[int] = typer.Option(None, "--level", "-l", help="Only codes of this level: 2, 4 or 6 digits."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many rows."),
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Search HS descriptions; every word must match (case-insensitive).

    Example: bilat hs search industrial robots --level 6
    """
    from bilat.cli.rows import Rows
    from bilat.nomenclature.hs import SEARCH_COLUMNS, search_rows

    frame = Rows.of(search_rows(" ".join(words), level=level, limit=limit), SEARCH_COLUMNS, {"level": "int64"})
    note = None if len(frame) else "no HS code matches all of these words"
    emit(frame, fmt, title=f"HS codes matching {' '.join(words)!r}", note=note)


@hs_app.command("show")
def hs_show(
    code: str = typer.Argument(..., help="An HS code of 2, 4 or 6 digits (a lost leading zero is restored)."),
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Show an HS code: description, chapter, heading, section and the lenses that cover it.

    Example: bilat hs show 847950
    """
    from bilat.cli.rows import Rows
    from bilat.errors import UnknownProductError
    from bilat.nomenclature.hs import describe, hs_row, normalise_hs_code
    from bilat.nomenclature.lenses import lens_of

    normal = normalise_hs_code(code)
    description = describe(normal)
    row = hs_row(normal)
    chapter = normal[:2]
    fields = [
        ("code", normal),
        ("description", description),
        ("level", str(len(normal))),
        ("chapter", f"{chapter} {describe(chapter)}"),
    ]
    if len(normal) >= 4:
        heading = normal[:4]
        try:
            heading_text = f"{heading} {describe(heading)}"
        except UnknownProductError:  # an HS 2017 code whose heading HS 2022 no longer has
            heading_text = heading
        fields.append(("heading", heading_text))
    fields += [
        ("section", f"{row['section']} {row['section_name']}" if row["section"] else "(none: chapter 99)"),
        ("edition", str(row["edition"])),
        ("lenses", ", ".join(lens_of(normal)) or "(none)"),
    ]
    emit(Rows(("field", "value"), tuple(fields)), fmt, title=f"HS {normal}")


@lens_app.command("list")
def lens_list(fmt: OutputFormat = FORMAT_OPTION) -> None:
    """List the sector lenses (shipped ones plus $BILAT_HOME/lenses.csv).

    Example: bilat lens list --format csv
    """
    from bilat.nomenclature.lenses import SERVICES_CAVEAT, lenses_frame

    emit(lenses_frame()[["name", "title", "hs_prefixes"]], fmt, title="Sector lenses", note=SERVICES_CAVEAT)


@lens_app.command("show")
def lens_show(
    name: str = typer.Argument(..., help="Lens name or a unique prefix of it: robotics, medical."),
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Show one lens: its rationale and every HS prefix it covers, with descriptions.

    Example: bilat lens show medical
    """
    import pandas as pd

    from bilat.errors import UnknownProductError
    from bilat.nomenclature.hs import describe
    from bilat.nomenclature.lenses import get_lens

    lens = get_lens(name)
    rows = []
    for prefix in lens.hs_prefixes:
        try:
            text = describe(prefix)
        except UnknownProductError:
            text = "(not in HS 2017/2022)"
        rows.append({"lens": lens.name, "hs_prefix": prefix, "description": text})
    note = f"{lens.title}: {lens.rationale}\n{lens.caveat}"
    emit(pd.DataFrame(rows), fmt, title=f"Lens {lens.name}", note=note)
