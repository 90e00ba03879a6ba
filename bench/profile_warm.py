"""Warm `bilat profile A B` in one process: one untimed run, then N timed; prints one JSON line.

Why a separate script: it uses only APIs older versions of bilat have too, so the same command
times the code before and after a change over the same store, in turns (``PYTHONPATH`` pointing at
``git archive <commit> src`` unpacked elsewhere, then at this tree). bench_totals.py times the
current code only, with more detail. Each run has a fresh ``Session`` over the one warm engine (a
session keeps its answers: runs in one session would time that memo, not the profile).

Example: PYTHONPATH=src .venv/bin/python bench/profile_warm.py STORE_HOME ISR-JPN 5
"""
import json, os, sys, time, resource
os.environ["BILAT_KEEP_ANSWERS"] = "0"  # time the computation, not answers kept on disk by another process
from bilat.catalog import Store
from bilat.engines.duckdb import DuckDBEngine
from bilat.session import Session
from bilat.questions import profile
home, pair, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
a, b = pair.split("-")
engine = DuckDBEngine(Store(home), include_embedded=False)
store = Store(home)
load0 = os.getloadavg()[0]
t = time.perf_counter(); profile(a, b, session=Session(engine=engine, store=store)); first = time.perf_counter() - t
runs = []
for _ in range(n):
    session = Session(engine=engine, store=store)
    t = time.perf_counter(); profile(a, b, session=session); runs.append(time.perf_counter() - t)
print(json.dumps({"pair": pair, "first": first, "runs": runs, "median": sorted(runs)[len(runs) // 2],
                  "load_before": load0, "load_after": os.getloadavg()[0],
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
