"""How fast the store writes and exports, without the coder (synthetic events, so only the store is timed).

    PYTHONPATH=src python bench/store_speed.py [--db PATH_OR_URL] [--articles 2000] [--events 3]

Prints articles/s stored (one transaction each), duplicates/s skipped, and events/s for each export format.
Cross-report de-duplication runs on every stored event (the synthetic events fall on 4 places x 3 types over a
year, in date order as news comes, so many join another article's event): it prints how many did, and the time
per article in the first and the second half of the batch (about equal: the candidate query per event is
indexed and its answer set by the events of a few days, so the cost grows linearly with the store).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import tempfile
import time
from pathlib import Path

from eventcoder import export as ex
from eventcoder.model import Actor, Article, Event, EventDate, Evidence, Fatalities, Place
from eventcoder.store import open_store

PLACES = [("Kirkuk", "IQ", "Iraq", 35.47, 44.39), ("Gao", "ML", "Mali", 16.27, -0.04),
          ("Goma", "CD", "Democratic Republic of Congo", -1.68, 29.22), ("Kisumu", "KE", "Kenya", -0.10, 34.76)]
TYPES = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Violence against civilians", "Attack")]


def synthetic(i: int, k: int, rng: random.Random) -> tuple[Article, list[Event]]:
    """Article i: k events within three days of its date (2,000 articles a year, in date order as news comes)."""
    evs = []
    for j in range(k):
        name, cc, country, lat, lon = rng.choice(PLACES)
        etype, sub = rng.choice(TYPES)
        evs.append(Event(etype, sub, "Political violence", Actor("Unidentified Armed Group", 3), None,
                         date=EventDate(dt.date(2024, 1, 1) + dt.timedelta(days=i * 365 // 2000 + rng.randrange(3)), 1),
                         place=Place(name, country, None, cc, latitude=lat, longitude=lon, geo_precision=1),
                         fatalities=Fatalities(rng.randrange(10)), trigger=Evidence(0, 0, 4, "kill"),
                         id=f"ev-{i}-{j}"))
    return Article(f"Synthetic report {i}: " + "words " * 80, url=f"https://bench.example/{i}", source="Bench"), evs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--events", type=int, default=3)
    a = ap.parse_args()
    db = a.db or str(Path(tempfile.mkdtemp()) / "bench.db")
    rng = random.Random(0)
    batch = [synthetic(i, a.events, rng) for i in range(a.articles)]
    with open_store(db) as store:
        t = time.perf_counter()
        half: list[float] = []
        merged = 0
        for i, (art, evs) in enumerate(batch):
            if i == len(batch) // 2:
                half.append(time.perf_counter() - t)
            merged += store.add_article(art, evs).events_merged
        dt_store = time.perf_counter() - t
        half.append(dt_store - half[0])
        t = time.perf_counter()
        for art, evs in batch:
            store.add_article(art, evs)
        dt_dup = time.perf_counter() - t
        n = store.counts().events
        print(f"store {store.dialect}: {a.articles / dt_store:,.0f} articles/s stored "
              f"({n / dt_store:,.0f} events/s), {a.articles / dt_dup:,.0f} duplicates/s")
        per = [h / (a.articles / 2) * 1000 for h in half]
        print(f"de-duplication: {merged:,} of {a.articles * a.events:,} events joined another article's event "
              f"({n:,} events stored); ms/article first half {per[0]:.2f}, second half {per[1]:.2f}")
        for fmt, write in (("acled-csv", ex.write_acled_csv), ("geojson", ex.write_geojson),
                           ("jsonl", ex.write_jsonl), ("plover", ex.write_plover)):
            t = time.perf_counter()
            write(store.iter_events(), io.StringIO())
            print(f"export {fmt}: {n / (time.perf_counter() - t):,.0f} events/s")
        t = time.perf_counter()
        ex.write_parquet(store.iter_events(), io.BytesIO())
        print(f"export parquet: {n / (time.perf_counter() - t):,.0f} events/s")


if __name__ == "__main__":
    main()
