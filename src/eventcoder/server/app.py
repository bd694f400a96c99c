"""The HTTP API and the web map: a FastAPI app over one event store.

``create_app(store_url, token=None, allow_fetch=False)`` gives the app (``TestClient(create_app(...))`` in
tests, uvicorn in ``eventcoder serve``). Reads are open; ``POST /articles`` and ``POST /extract`` need
``Authorization: Bearer TOKEN`` (compared in constant time); with no token the server is read-only."""

from __future__ import annotations

import csv
import datetime as dt
import hmac
import io
import json
import logging
import pathlib
import threading
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import export
from ..errors import EventcoderError, InputError, StoreError
from ..model import Article, EventRecord
from ..store import open_store
from ..store import query as qry
from .fetch import fetch_html
from .middleware import MAX_BODY_BYTES, BodyLimit, SecurityHeaders
from .schemas import ArticleIn

STATIC = pathlib.Path(__file__).resolve().parent / "static"
log = logging.getLogger("eventcoder.server")
CSV_CHUNK_ROWS = 500
bearer = HTTPBearer(auto_error=False, description="The server's EVENTCODER_TOKEN")


_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def html_safe(json_text: str) -> str:
    """JSON text with ``<``, ``>`` and ``&`` written as ``\\u003c``...: the same JSON, and no markup in the bytes
    even if a browser were to read them as HTML (they occur only inside strings)."""
    return json_text.translate(_HTML_SAFE)


class SafeJSONResponse(JSONResponse):
    """The API's JSON: UTF-8, with :func:`html_safe` escaping of article text."""

    def render(self, content: Any) -> bytes:
        return html_safe(json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))).encode()


def csv_chunks(records: Iterable[EventRecord], rows: int = CSV_CHUNK_ROWS) -> Iterator[str]:
    """ACLED CSV (:data:`~eventcoder.export.ACLED_COLUMNS`, :func:`~eventcoder.export.acled_csv_row`) a chunk of
    ``rows`` rows at a time: a whole store is streamed, never held in memory."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=export.ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    for n, r in enumerate(records, 1):
        w.writerow(export.acled_csv_row(r))
        if n % rows == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def event_json(r: EventRecord) -> dict[str, Any]:
    """An event in the API's JSON: its ACLED columns, the stable ``id``, the GeoNames id, its number of sources."""
    return export.acled_values(r) | {"id": r.id, "geonameid": r.geonameid, "sources": len(r.sources)}


def detail_json(d: qry.EventDetail) -> dict[str, Any]:
    r = d.record
    return {
        "event": event_json(r),
        "evidence": r.evidence,
        "sources": [{
            "article_id": s.article_id, "url": s.url, "outlet": s.outlet, "title": s.title,
            "published": s.published.isoformat() if s.published else None, "event_id": s.source_event_id,
            "fatalities": s.fatalities, "evidence": s.evidence,
            "sentences": [{"sentence": x.sentence, "start": x.start, "end": x.end, "text": x.text,
                           "highlights": [{"field": h.field, "start": h.start, "end": h.end, "text": h.text}
                                          for h in x.highlights]} for x in s.sentences],
        } for s in d.sources],
    }


# ---- filters shared by the read endpoints ---------------------------------------------------------------

def event_filter(
    since: Annotated[dt.date | None, Query(description="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Events on or before this date.")] = None,
    country: Annotated[str | None, Query(max_length=100, description="ACLED country name or ISO code.")] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    event_type: Annotated[str | None, Query(max_length=100)] = None,
    sub_event_type: Annotated[str | None, Query(max_length=100)] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Part of either actor's name.")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="min lon,min lat,max lon,max lat")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words in the notes.")] = None,
) -> qry.EventFilter:
    return qry.EventFilter(since, until, country, admin1, event_type, sub_event_type, actor,
                           qry.parse_bbox(bbox) if bbox else None, q)


Filter = Annotated[qry.EventFilter, Depends(event_filter)]


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ())]
        where = f"{loc[0]} {'.'.join(loc[1:])}" if len(loc) > 1 else ".".join(loc) or "request"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(store_url: str, token: str | None = None, allow_fetch: bool = False,
               max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The app serving the store at ``store_url`` (a SQLite path or a PostgreSQL URL), opened now (a
    :class:`~eventcoder.errors.StoreError` when it cannot be). ``token``: the bearer token writes need (None:
    read-only). ``allow_fetch``: ``POST /articles`` with only a ``url`` fetches it (public addresses only)."""
    store = open_store(store_url)
    coding = threading.Lock()  # one article coded at a time: the pipeline's models are shared

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(title="eventcoder", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  default_response_class=SafeJSONResponse,
                  description="ACLED-coded conflict events with evidence: read them, filter them, add articles. "
                  "POST endpoints need `Authorization: Bearer TOKEN`.")
    app.state.store = store

    # ---- errors: JSON with a message, never a 500 for bad input ------------------------------------------

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                  for e in exc.errors()]
        return SafeJSONResponse({"detail": _validation_message(errors), "errors": errors}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return SafeJSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(StoreError)
    async def _store_failed(_: Request, exc: StoreError) -> JSONResponse:
        return SafeJSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(EventcoderError)
    async def _bad_input(_: Request, exc: EventcoderError) -> JSONResponse:
        return SafeJSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def _failed(_: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error")
        return SafeJSONResponse({"detail": f"internal error: {type(exc).__name__}"}, status_code=500)

    # ---- auth --------------------------------------------------------------------------------------------

    def writer(cred: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
               request: Request) -> None:
        if not token:
            raise HTTPException(403, "this server is read-only: start it with EVENTCODER_TOKEN set to accept "
                                "POST requests")
        if cred is None:
            given = request.headers.get("authorization")
            msg = "give the token as 'Authorization: Bearer TOKEN'" if given else \
                "authentication required: send 'Authorization: Bearer TOKEN'"
            raise HTTPException(401, msg, headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(cred.credentials.encode("utf-8"), token.encode("utf-8")):
            raise HTTPException(403, "wrong token")

    # ---- the map ---------------------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # ---- reads ---------------------------------------------------------------------------------------------

    @app.get("/events", summary="Stored events, filtered, newest first, a page at a time")
    def events(f: Filter, request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
               offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> dict[str, Any]:
        p = qry.page(store, f, limit, offset)
        nxt = None
        if offset + len(p.records) < p.total:
            nxt = str(request.url.include_query_params(offset=offset + len(p.records), limit=limit))
        return {"total": p.total, "limit": limit, "offset": offset, "next": nxt,
                "events": [event_json(r) for r in p.records]}

    @app.get("/events.geojson", summary="The filtered events as a GeoJSON FeatureCollection",
             response_class=Response, responses={200: {"content": {"application/geo+json": {}}}})
    def events_geojson(f: Filter, limit: Annotated[int, Query(ge=1, le=100_000)] = 20_000) -> Response:
        out = io.StringIO()
        written, left_out = export.write_geojson(qry.iter_records(store, f, limit), out)
        return Response(html_safe(out.getvalue()), media_type="application/geo+json",
                        headers={"X-Events-Without-Coordinates": str(left_out)})

    @app.get("/events.csv", summary="The filtered events in ACLED's CSV columns", response_class=Response,
             responses={200: {"content": {"text/csv": {}}}})
    def events_csv(f: Filter) -> StreamingResponse:
        return StreamingResponse(csv_chunks(qry.iter_records(store, f)), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="events.csv"'})

    @app.get("/stats", summary="Counts of the filtered events by ISO week, event type and country")
    def stats(f: Filter) -> dict[str, Any]:
        s = qry.stats(store, f)
        return {"total": s.total, "undated": s.undated,
                "by_week": [{"week": w, "count": n} for w, n in s.by_week],
                "by_type": [{"event_type": t, "count": n} for t, n in s.by_type],
                "by_country": [{"country": c, "count": n} for c, n in s.by_country]}

    @app.get("/events/{event_id}", summary="One event with its sources and its evidence",
             responses={404: {"description": "No such event"}})
    def event(event_id: Annotated[str, Path(min_length=1, max_length=80, description="event_id_cnty or ev- id")]
              ) -> dict[str, Any]:
        d = qry.event_detail(store, event_id)
        if d is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return detail_json(d)

    # ---- coding --------------------------------------------------------------------------------------------

    def article_of(body: ArticleIn) -> Article:
        from ..files import jsonl_article
        from ..ingest import check_language

        obj = body.model_dump()
        for name, value in obj.items():
            if isinstance(value, str) and "\x00" in value:
                raise InputError(f"request body: {name!r} contains a NUL character (binary data, not text)")
        obj["published"] = body.published.isoformat() if body.published else None
        has_text = bool((body.text or "").strip() or (body.html or "").strip())
        if not has_text:
            if not body.url:
                raise InputError("give 'text' or 'html' (or, where the server fetches, 'url')")
            if not allow_fetch:
                raise InputError("give 'text' or 'html': this server does not fetch URLs (start it with "
                                 "--allow-fetch)")
            obj["html"], obj["url"] = fetch_html(body.url)
        art = jsonl_article(json.dumps(obj), "request body")
        check_language(art.body, "request body")
        return art

    def code(art: Article) -> Any:
        from ..pipeline import code_article

        with coding:
            return code_article(art)

    @app.post("/extract", summary="Code an article without storing it", dependencies=[Depends(writer)])
    def extract(body: ArticleIn) -> dict[str, Any]:
        art = article_of(body)
        result = code(art)
        return {"events": json.loads(export.to_json(result.events, art.source or "")),
                "diagnostics": [d.to_dict() for d in result.diagnostics]}

    @app.post("/articles", summary="Code an article and store it with its events", status_code=201,
              dependencies=[Depends(writer)])
    def add_article(body: ArticleIn) -> SafeJSONResponse:
        from ..store import content_hash

        art = article_of(body)
        if store.has_article(art):
            status, ids = "duplicate", qry.article_event_ids(store, content_hash(art.body))
            outcome = None
        else:
            outcome = store.add_article(art, code(art).events)
            status, ids = outcome.status, list(outcome.event_ids)
        records = [d.record for d in (qry.event_detail(store, i) for i in dict.fromkeys(ids)) if d is not None]
        return SafeJSONResponse({
            "status": status, "article_id": content_hash(art.body),
            "events_added": outcome.events_added if outcome else 0,
            "events_kept": outcome.events_kept if outcome else 0,
            "events_removed": outcome.events_removed if outcome else 0,
            "events": [event_json(r) for r in records],
        }, status_code=200 if status == "duplicate" else 201)

    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
