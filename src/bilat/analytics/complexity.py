"""Economic complexity (ECI) of countries and product complexity (PCI), Hidalgo–Hausmann.

Two steps, deliberately split:

1. :func:`export_matrix` is an Ibis expression like every other analytic: each country's exports of
   each product (``exporter, hs_code, export_usd``; a few hundred thousand rows at most).
2. :func:`complexity_from_exports` is the one place in ``bilat.analytics`` that works in numpy, on
   that *aggregated* matrix: an eigenvector is not a relational operation, and the matrix is small
   (≈ 220 countries × ≤ 5,400 HS6 products). :func:`complexity` glues the two with an ``execute``
   callable that the edge passes in (``engine.execute``), so this module still never connects.

Method (method of reflections in closed form): ``M_cp = 1`` where Balassa's RCA ≥ ``rca_threshold``
(1 by default); diversity ``d = M·1``, ubiquity ``u = Mᵀ·1``. The country matrix
``M̃ = D⁻¹ M U⁻¹ Mᵀ`` (c × c) is similar to the symmetric ``S = D^-½ M U⁻¹ Mᵀ D^-½``, so ``eigh`` on
S gives real eigenpairs; the eigenvector of the second largest eigenvalue λ₂ gives
``K_c = D^-½ w``. Products are projected, never put in their own 5,000 × 5,000 matrix:
``Q_p = U⁻¹ Mᵀ K / λ₂`` (then ``K = D⁻¹ M Q`` exactly: a country's K is the mean Q of its products).

Sign and scale follow the Growth Lab's ``ecomplexity`` package and Stata code: the sign makes ECI
correlate *positively* with diversity; ``ECI = (K − mean K) / sd K`` and ``PCI = (Q − mean K) / sd K``
(population sd), which keeps "ECI = mean PCI of the products a country exports with RCA ≥ 1".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from bilat.analytics.product_trade import exports_by_product
from bilat.errors import NoDataError

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir

__all__ = ["Complexity", "export_matrix", "complexity_from_exports", "complexity", "rca_matrix"]


@dataclass(frozen=True)
class Complexity:
    """ECI per country and PCI per product, with what they were computed from."""

    eci: pd.DataFrame  #: exporter, diversity, eci (sorted by eci, highest first)
    pci: pd.DataFrame  #: hs_code, ubiquity, pci (sorted by pci, highest first)
    eigenvalue: float  #: λ₂ of M̃ (how well the ranking separates; 1 would be two disjoint blocks)
    rca_threshold: float


def export_matrix(flows: ir.Table, *, year: int, level: int, source: str) -> ir.Table:
    """``exporter, hs_code, export_usd``: the input of the complexity step (an Ibis expression)."""
    return exports_by_product(flows, year=year, level=level, source=source)


def rca_matrix(
    frame: pd.DataFrame, *, loc: str = "exporter", prod: str = "hs_code", value: str = "export_usd"
) -> tuple[np.ndarray, pd.Index, pd.Index]:
    """Dense Balassa RCA matrix (countries × products) of a long export table, with its labels.

    Duplicated (country, product) rows are added up; missing pairs and empty values count as 0;
    countries and products with no exports at all are dropped (their RCA is undefined).
    """
    data = frame[[loc, prod, value]].copy()
    data[value] = pd.to_numeric(data[value], errors="coerce").fillna(0.0)
    data = data[data[value] > 0]
    if data.empty:
        raise NoDataError("no positive export values to compute RCA from")
    locs = pd.Index(sorted(data[loc].unique()))
    prods = pd.Index(sorted(data[prod].unique()))
    matrix = np.zeros((len(locs), len(prods)))
    np.add.at(matrix, (locs.get_indexer(data[loc]), prods.get_indexer(data[prod])), data[value].to_numpy(float))
    country_total = matrix.sum(axis=1, keepdims=True)
    product_total = matrix.sum(axis=0, keepdims=True)
    rca = (matrix / country_total) / (product_total / matrix.sum())
    return rca, locs, prods


def complexity_from_exports(
    frame: pd.DataFrame,
    *,
    rca_threshold: float = 1.0,
    loc: str = "exporter",
    prod: str = "hs_code",
    value: str = "export_usd",
    matrix: tuple[np.ndarray, pd.Index, pd.Index] | None = None,
) -> Complexity:
    """ECI and PCI from a long table of exports (country, product, value), in numpy.

    ``matrix``: :func:`rca_matrix` of ``frame`` when the caller has it already (it needs it again
    for each country's products; made twice, it was a third of the answer's time).
    """
    rca, locs, prods = matrix if matrix is not None else rca_matrix(frame, loc=loc, prod=prod, value=value)
    presence = (rca >= rca_threshold).astype(float)
    diversity = presence.sum(axis=1)
    ubiquity = presence.sum(axis=0)
    ok_c = diversity > 0
    ok_p = ubiquity > 0
    if ok_c.sum() < 3 or ok_p.sum() < 2:
        raise NoDataError(
            f"too few countries ({int(ok_c.sum())}) or products ({int(ok_p.sum())}) with RCA ≥ "
            f"{rca_threshold} to rank complexity"
        )
    m = presence[ok_c][:, ok_p]
    d = diversity[ok_c]
    u = ubiquity[ok_p]
    inv_sqrt_d = 1.0 / np.sqrt(d)
    # S = D^-1/2 M U^-1 M^T D^-1/2: symmetric, same eigenvalues as M~ = D^-1 M U^-1 M^T.
    scaled = m * inv_sqrt_d[:, None]
    s = (scaled / u[None, :]) @ scaled.T
    eigenvalues, eigenvectors = np.linalg.eigh(s)
    lam = float(eigenvalues[-2])
    k = inv_sqrt_d * eigenvectors[:, -2]
    q = (m.T @ k) / u / lam
    sign = np.sign(np.corrcoef(d, k)[0, 1]) or 1.0
    k, q = sign * k, sign * q
    mean, sd = k.mean(), k.std()
    eci = np.full(len(locs), np.nan)
    pci = np.full(len(prods), np.nan)
    eci[ok_c] = (k - mean) / sd
    pci[ok_p] = (q - mean) / sd
    eci_frame = pd.DataFrame({loc: locs, "diversity": diversity.astype(int), "eci": eci})
    pci_frame = pd.DataFrame({prod: prods, "ubiquity": ubiquity.astype(int), "pci": pci})
    return Complexity(
        eci=eci_frame.sort_values("eci", ascending=False, na_position="last").reset_index(drop=True),
        pci=pci_frame.sort_values("pci", ascending=False, na_position="last").reset_index(drop=True),
        eigenvalue=lam,
        rca_threshold=rca_threshold,
    )


def complexity(
    flows: ir.Table,
    execute: Callable[[Any], pd.DataFrame],
    *,
    year: int,
    level: int,
    source: str,
    rca_threshold: float = 1.0,
) -> Complexity:
    """ECI/PCI for one year, level and source; ``execute`` runs the aggregation (``engine.execute``)."""
    frame = execute(export_matrix(flows, year=year, level=level, source=source))
    if frame is None or len(frame) == 0:
        raise NoDataError(f"no {source} exports for {year} at HS{level} to compute complexity from")
    return complexity_from_exports(frame, rca_threshold=rca_threshold)
