"""Economic complexity of both countries (ECI, their most complex exports) and the pair's trade indices."""

from __future__ import annotations

from bilat.report.model import Section, Table


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    p = ctx.profile
    answer = ctx.complexity
    paragraphs, tables, notes = [], [], []
    if answer is None:
        paragraphs.append(f"Economic complexity could not be computed: {ctx.complexity_error}")
    else:
        for row in answer.countries.itertuples(index=False):
            paragraphs.append(f"{row.name} ranks {row.eci_rank} of {row.ranked} by economic complexity in {answer.year} "
                              f"(ECI {row.eci:+.2f}; {row.diversity} HS{answer.level} products exported with RCA ≥ 1).")
        tables.append(Table("eci", f"Economic complexity index, {answer.year} ({answer.source})",
                            answer.countries[["exporter", "name", "eci_rank", "ranked", "eci", "diversity", "exports_usd"]],
                            {"eci_rank": "int", "ranked": "int", "eci": "ratio", "diversity": "int", "exports_usd": "usd"}))
        if len(answer.products):
            tables.append(Table("pci", "Most complex exports (PCI; products exported with RCA ≥ 1)",
                                answer.products[["exporter", "hs_code", "description", "pci", "rca", "export_usd"]],
                                {"pci": "ratio", "rca": "ratio", "export_usd": "usd"}))
        notes += [f"filter: {f}" for f in answer.filters] + list(answer.notes)
    if len(p.indices):
        ix = p.indices
        tables.append(Table("pair_indices", f"Pair indices over {ix.scope.iloc[0]} ({ix.source.iloc[0]})",
                            ix[["index", "country", "partner", "year", "value", "products"]],
                            {"value": "ratio", "year": "year", "products": "int"}))
        paragraphs.append("Trade complementarity (0-100) says how well one side's exports match the other's imports; "
                          "Grubel–Lloyd intra-industry trade (0-1) how much of the pair's trade goes both ways within "
                          "the same products; market concentration (normalised HHI over partners, 0-1) how much each "
                          "side's exports depend on few markets. Formulas: docs/methods.md.")
        if "slice" in str(ix.scope.iloc[0]):
            paragraphs.append(f"These indices are computed over {ix.scope.iloc[0]}: they describe those chapters, not "
                              "the whole trade of the pair.")
    else:
        paragraphs.append("The pair indices need product-level data for the pair.")
    return Section("complexity", "Complexity and pair indices", paragraphs=paragraphs, tables=tables, notes=notes)
