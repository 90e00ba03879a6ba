"""What each side sells to the other: top sections, chapters and headings, with shares and change."""

from __future__ import annotations

from bilat.report.model import Section, Table
from bilat.report.sections._style import COLORS, figure, trace

FORMATS = {"value_usd": "usd", "share": "pct", "prev_value_usd": "usd", "change_usd": "usd", "change_pct": "pct",
           "share_change_pp": "pp", "share_of_flow": "pct", "year": "year", "rank": "int"}


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    p = ctx.profile
    c = p.composition
    if not len(c):
        return Section("composition", "Composition", paragraphs=[
            "No product-level flows are loaded for this pair, so the composition each way cannot be shown."],
            notes=[n for n in p.notes if "product data" in n])
    latest = int(c.year.max())
    level = "chapter"
    now = c[(c.year == latest) & (c.level == level)]
    figs = []
    cov = p.coverage
    labels = {str(r.exporter): str(r.label) for r in cov.itertuples(index=False)} if len(cov) else {}
    sliced = {str(r.exporter) for r in cov.itertuples(index=False) if r.is_slice} if len(cov) else set()
    for i, (exporter, grp) in enumerate(now.groupby("exporter", sort=True)):
        importer = grp.importer.iloc[0]
        grp = grp.sort_values("value_usd")
        what = (f"slice of the flow ({labels[exporter]})" if exporter in sliced and exporter in labels
                else f"top HS chapters, {latest}")
        fig = figure(f"{exporter} → {importer}: {what}", f"{p.composition_source}",
                     y_title="", x_title="current USD, nominal")
        fig["data"].append(trace("bar", y=[f"{code} {desc[:40]}" for code, desc in zip(grp.code, grp.description, strict=True)],
                                 x=grp.value_usd, orientation="h", marker={"color": COLORS[i % len(COLORS)]}, name=exporter))
        figs.append(fig)
    if p.composition_complete:
        chapters = c[(c.year == latest) & (c.level == "chapter")]
        tree = figure(f"Each direction by HS section and chapter, {latest} (top chapters)", f"{p.composition_source}", y_title="")
        ids, labels_, parents, values = [], [], [], []
        from bilat.questions.products import section_or_unsectioned

        for (exporter, importer), grp in chapters.groupby(["exporter", "importer"], sort=True):
            root = f"{exporter} → {importer}"
            ids.append(root); labels_.append(root); parents.append(""); values.append(float(grp.value_usd.sum()))
            sections = {}
            for row in grp.itertuples(index=False):
                code, name = section_or_unsectioned(str(row.code))
                sections.setdefault((code, name), []).append(row)
            for (code, name), rows_ in sections.items():
                sid = f"{root}/{code}"
                ids.append(sid); labels_.append(f"{code} {name[:30]}"); parents.append(root)
                values.append(float(sum(r.value_usd for r in rows_)))
                for r in rows_:
                    ids.append(f"{sid}/{r.code}"); labels_.append(f"HS {r.code} {str(r.description)[:30]}")
                    parents.append(sid); values.append(float(r.value_usd))
        tree["data"].append(trace("treemap", ids=ids, labels=labels_, parents=parents, values=values, branchvalues="total"))
        figs.append(tree)
        paragraphs = [f"Full bilateral composition from {p.composition_source}: top products each way at HS section, "
                      f"chapter and heading level; change is on the previous year."]
    else:
        paragraphs = [
            "What they trade: only a slice of the pair's trade has product detail "
            f"({p.composition_source}), so this is not the pair's composition. " + "; ".join(labels.values()) + ".",
            "Shares within the slice are not shares of the trade; 'share of the flow' puts each line against the whole "
            "flow. Load CEPII BACI for the full composition: bilat ingest baci BACI_HS17_Y2016_V202401.csv",
        ]
    scope = f"Top {{}}s each way ({p.composition_source})" if p.composition_complete else \
        f"HS {{}}s in the slice ({p.composition_source}; not the pair's composition)"
    # HTML shows the latest year (its caption says which); JSON and CSV keep every year.
    tables = []
    for lvl in ("section", "chapter", "heading"):
        rows = c[c.level == lvl].drop(columns=["level"])
        if not len(rows):
            continue
        show = lvl != "heading" or p.composition_complete
        tables.append(Table(f"composition_{lvl}", scope.format(lvl) + f", {latest}", rows[rows.year == latest],
                            FORMATS, display=show))
        tables.append(Table(f"composition_{lvl}_all_years", scope.format(lvl) + ", every year", rows, FORMATS, display=False))
    movers = _movers(c, latest)
    if p.composition_complete and len(movers):
        tables.append(Table("top_movers", f"Top movers by HS chapter, {latest - 1} → {latest} (largest changes each way)",
                            movers, FORMATS))
    if len(p.hhi):
        tables.append(Table("hhi", "Concentration: Herfindahl-Hirschman index over HS headings (1 = a single product)",
                            p.hhi, {"hhi": "ratio", "equivalent_products": "ratio", "year": "year", "products": "int"}))
    notes = [n for n in p.notes if "product data" in n]
    return Section("composition", "Composition", paragraphs=paragraphs, figures=figs, tables=tables, notes=notes)


def _movers(c, latest: int, n: int = 5):  # noqa: ANN001, ANN202 - DataFrames
    """Each direction's chapters with the largest rise and fall in value on the previous year."""
    import pandas as pd

    now = c[(c.year == latest) & (c.level == "chapter") & c.change_usd.notnull()]
    parts = []
    for _, grp in now.groupby("exporter", sort=True):
        ranked = grp.sort_values("change_usd", ascending=False)
        parts += [ranked.head(n), ranked[ranked.change_usd < 0].tail(n)]
    if not parts:
        return now.iloc[0:0]
    out = pd.concat(parts).drop_duplicates(subset=["exporter", "code"])
    return out[["exporter", "importer", "code", "description", "change_usd", "change_pct", "prev_value_usd", "value_usd", "year"]]
