"""The pipeline: an ordered list of named components, each a function of the document.

    Article -> clean -> sentences -> context -> judge -> prefilter -> parse -> places -> dates
            -> mentions -> tolls -> summaries -> handovers -> events -> periods -> identify

Each component takes the :class:`~eventcoder.doc.Document` and returns it with its own output added; none
changes what another wrote. ``Pipeline().replace(name, fn)`` swaps one component for the user's own (same
signature). ``code_article(article)`` runs the default pipeline and returns a :class:`Result` (events,
document, diagnostics; JSON-serialisable); ``extract(text, published)`` is the short form that returns the
events. Both are pure functions of their inputs (models and data files are loaded once per process and
never mutated).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from .clean import clean
from .doc import (
    ArticleContext,
    Dates,
    Diagnostic,
    Document,
    Options,
    Places,
    SentenceClassifier,
)
from .extract import discourse, factuality
from .extract.actors import find_actors
from .extract.mentions import find_mentions
from .extract.merge import merge_mentions
from .extract.participants import article_domain
from .extract.periods import period_name
from .extract.roles import dominant_named
from .extract.when import find_dates
from .geo.gazetteer import Gazetteer, default_gazetteer
from .geo.resolve import GeoContext, country_context, resolve_text
from .knowledge import countries, prefilter
from .model import Article, CleanText, Event, Evidence, Sentence
from .nlp import model, remember_entities, sentence_spans

__all__ = ["COMPONENTS", "NoPublicationDateWarning", "Pipeline", "Result", "article_id", "code_article",
           "code_articles", "extract", "segment"]

Component = Callable[[Document], Document]


class NoPublicationDateWarning(UserWarning):
    """Relative dates were found but no publication date was given to resolve them."""


# -- components, in pipeline order ------------------------------------------------------------------------

def clean_component(doc: Document) -> Document:
    """Raw text -> cleaned text (headline, dateline and repeated blocks removed; offsets into the raw text)."""
    return replace(doc, clean=clean(doc.article.body))


def segment(ct: CleanText) -> tuple[Sentence, ...]:
    """Sentences of the cleaned text (spaCy's sentencizer), with their spans."""
    sents: list[Sentence] = []
    whole = ct.text
    for s_start, s_end in sentence_spans(whole):
        raw = whole[s_start:s_end]
        text = raw.strip()
        if not text:
            continue
        start = s_start + (len(raw) - len(raw.lstrip()))
        sents.append(Sentence(len(sents), start, start + len(text), text))
    return tuple(sents)


def sentences_component(doc: Document) -> Document:
    assert doc.clean is not None
    return replace(doc, sentences=segment(doc.clean))


def _country_name(ctx: GeoContext) -> str | None:
    db = countries()
    for cc in ctx.top_countries():
        c = db.by_alpha2.get(cc)
        if c:
            return c.name
    return None


def context_component(doc: Document) -> Document:
    """What the whole article says: its actors, the country it is set in, the named group it is about and
    its genre."""
    ct = doc.clean
    assert ct is not None
    full = ct.text if not ct.headline else ct.headline + "\n" + ct.text
    actors = find_actors(full, None, doc.published)
    geo = country_context(full, ct.dateline, doc.options.gazetteer, actors)
    genre = factuality.story_genre(ct.headline, doc.sentences[0].text if doc.sentences else None)
    return replace(doc, context=ArticleContext(tuple(actors), _country_name(geo), dominant_named(actors), genre, geo,
                                               article_domain(full)))


def judge_component(doc: Document) -> Document:
    """The user's learned classifier's type for every sentence (nothing without a classifier)."""
    clf = doc.options.classifier
    if clf is None:
        return doc
    return replace(doc, learned=dict(enumerate(clf.judge([s.text for s in doc.sentences]))))


def prefilter_component(doc: Document) -> Document:
    """The sentences that may hold an event: a trigger word (``knowledge.prefilter``), or the classifier wants it."""
    pre = prefilter()
    clf = doc.options.classifier
    kept = tuple(s.index for s in doc.sentences
                 if pre.passes(s.text) or (clf is not None and clf.wants(doc.learned[s.index])))
    return replace(doc, kept=kept)


# names whose words are no trigger: firms and organisations, people, works, products, named events, laws, dates
NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "DATE"})


def parse_component(doc: Document) -> Document:
    """spaCy's named places (GPE, LOC, FAC) and other names in the kept sentences only."""
    return _parse_many([doc])[0]


def _parse_many(docs: list[Document]) -> list[Document]:
    """``parse_component`` of each document, the kept sentences of all of them through NER in one stream
    (``nlp.pipe`` batches of 32 sentences: several articles' sentences share a batch, where an article has two
    or three)."""
    kept = [(d, d.sentences[i]) for d in docs for i in d.kept]
    if not kept:
        return docs
    ents: dict[int, dict[int, list[tuple[str, int, int]]]] = {id(d): {} for d in docs if d.kept}
    names: dict[int, dict[int, tuple[tuple[int, int], ...]]] = {id(d): {} for d in docs if d.kept}
    for (d, s), sdoc in zip(kept, model().pipe((s.text for _, s in kept), batch_size=32), strict=True):
        remember_entities(s.text, sdoc)  # the participants' parse of this sentence needs no NER again
        ents[id(d)][s.index] = [(e.text, e.start_char, e.end_char) for e in sdoc.ents
                                if e.label_ in ("GPE", "LOC", "FAC")]
        names[id(d)][s.index] = tuple((e.start_char, e.end_char) for e in sdoc.ents if e.label_ in NAME_LABELS)
    return [replace(d, entities=ents[id(d)], names=names[id(d)]) if d.kept else d for d in docs]


def _copy(ctx: GeoContext) -> GeoContext:
    return replace(ctx, country_votes=Counter(ctx.country_votes), anchors=list(ctx.anchors), seen=list(ctx.seen),
                   stated_in=Counter(ctx.stated_in), areas=set(ctx.areas))


def places_component(doc: Document) -> Document:
    """Every toponym resolved once, in article order, so that earlier places anchor later ones."""
    assert doc.context is not None
    ctx = _copy(doc.context.geo)
    gaz = doc.options.gazetteer
    by = {s.index: tuple(resolve_text(s.text, doc.entities.get(s.index), gaz, ctx)) for s in doc.sentences}
    # countries the article is mostly about: a place resolved to a third country is more likely a wrong guess
    ranked = ctx.country_votes.most_common()
    floor = ranked[1][1] if len(ranked) > 1 else 0  # countries tied for second place all count
    top = frozenset(c.name for cc, v in ranked if v >= floor and (c := countries().by_alpha2.get(cc)))
    return replace(doc, places=Places(by, ctx, _country_name(ctx) or doc.context.country, top))


def dates_component(doc: Document) -> Document:
    """Every sentence's dates (resolved against the publication date) and whether the story is told in the
    past there."""
    by = {s.index: find_dates(s.text, doc.published) for s in doc.sentences}
    return replace(doc, dates=Dates(by, discourse.narrative_dates(doc, by, doc.published)))


def mentions_component(doc: Document) -> Document:
    """The event each kept sentence reports (``extract.mentions``)."""
    mentions, diagnostics = find_mentions(doc)
    return replace(doc, mentions=mentions, diagnostics=doc.diagnostics + diagnostics)


def tolls_component(doc: Document) -> Document:
    """A sentence right after an event that gives only its toll counts for that event."""
    return replace(doc, mentions=doc.mentions + tuple(discourse.toll_sentences(doc, list(doc.mentions))))


def summaries_component(doc: Document) -> Document:
    """A summary of events told one by one after it is no event of its own."""
    return replace(doc, mentions=tuple(discourse.without_summaries(list(doc.mentions))))


def anchors_component(doc: Document) -> Document:
    """An article whose event sentences say neither when, where nor how many people reports no event."""
    kept = discourse.without_unanchored(doc, list(doc.mentions))
    if len(kept) == len(doc.mentions):
        return doc
    return replace(doc, mentions=tuple(kept), diagnostics=doc.diagnostics + (Diagnostic(
        "no-anchor", "words of violence or protest with no date, place or count of people: no event coded",
        None),))


def handovers_component(doc: Document) -> Document:
    """A withdrawal followed by the handover of the ground it left is one non-violent transfer."""
    return replace(doc, mentions=tuple(discourse.handed_over(list(doc.mentions))))


def events_component(doc: Document) -> Document:
    """Mentions -> events: one per distinct (type, actors, place, day) (``extract.merge``)."""
    assert doc.places is not None and doc.dates is not None
    events = merge_mentions(list(doc.mentions), doc, doc.places.geo, doc.options.gazetteer, doc.published,
                            doc.dates.by_sentence)
    missing = tuple(Diagnostic("place-not-in-gazetteer", f"place {e.place.name!r} is not in the gazetteer; event "
                               "left without coordinates", e.trigger.sentence if e.trigger else None)
                    for e in events if e.place is not None and e.place.latitude is None)
    return replace(doc, events=tuple(events), diagnostics=doc.diagnostics + missing)


def periods_component(doc: Document) -> Document:
    """State forces named by the government period that covers the event's date (``extract/periods.py``)."""
    out = []
    for e in doc.events:
        d = e.date.date
        a2 = replace(e.actor2, name=period_name(e.actor2.name, d)) if e.actor2 else None
        out.append(replace(e, actor1=replace(e.actor1, name=period_name(e.actor1.name, d)), actor2=a2))
    return replace(doc, events=tuple(out))


def article_id(article: Article) -> str:
    """The article's own id, or a hash of its text."""
    return article.id or "sha256:" + hashlib.sha256(article.body.encode("utf-8")).hexdigest()[:16]


def _raw(ev: Evidence | None, ct: CleanText) -> Evidence | None:
    if ev is None:
        return None
    start = ct.to_raw(ev.start)
    return replace(ev, raw_start=start, raw_end=ct.to_raw(ev.end - 1) + 1 if ev.end > ev.start else start)


def identify_component(doc: Document) -> Document:
    """Every event's deterministic id (a hash of the article id, its sentence, trigger span, place and type)
    and every evidence span's offsets in the raw input as given."""
    ct = doc.clean
    assert ct is not None
    aid = article_id(doc.article)
    seen: Counter[str] = Counter()
    out = []
    for e in doc.events:
        t = e.trigger
        key = "|".join(str(x) for x in (aid, t.sentence if t else "", t.start if t else "", t.end if t else "",
                                        e.place.evidence.start if e.place and e.place.evidence else "",
                                        e.sub_event_type))
        seen[key] += 1
        if seen[key] > 1:
            key += f"|{seen[key]}"
        out.append(replace(
            e, id="ev-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16], trigger=_raw(e.trigger, ct),
            actor1=replace(e.actor1, evidence=_raw(e.actor1.evidence, ct)),
            actor2=replace(e.actor2, evidence=_raw(e.actor2.evidence, ct)) if e.actor2 else None,
            place=replace(e.place, evidence=_raw(e.place.evidence, ct)) if e.place else None,
            date=replace(e.date, evidence=_raw(e.date.evidence, ct)),
            fatalities=replace(e.fatalities, evidence=_raw(e.fatalities.evidence, ct)),
        ))
    return replace(doc, events=tuple(out))


COMPONENTS: tuple[tuple[str, Component], ...] = (
    ("clean", clean_component),
    ("sentences", sentences_component),
    ("context", context_component),
    ("judge", judge_component),
    ("prefilter", prefilter_component),
    ("parse", parse_component),
    ("places", places_component),
    ("dates", dates_component),
    ("mentions", mentions_component),
    ("tolls", tolls_component),
    ("summaries", summaries_component),
    ("anchors", anchors_component),
    ("handovers", handovers_component),
    ("events", events_component),
    ("periods", periods_component),
    ("identify", identify_component),
)


@dataclass(frozen=True)
class Result:
    """What one article gave: its events, the document they were read from, and the diagnostics."""

    events: tuple[Event, ...]
    document: Document
    diagnostics: tuple[Diagnostic, ...]

    def to_dict(self) -> dict[str, Any]:
        a = self.document.article
        ct = self.document.clean
        return {
            "article": {"id": article_id(a), "url": a.url, "source": a.source, "title": a.title,
                        "published": a.published.isoformat() if a.published else None},
            "text": ct.text if ct else "",
            "headline": ct.headline if ct else None,
            "dateline": ct.dateline if ct else None,
            "raw_offsets": [list(r) for r in ct.offset_runs()] if ct else [],
            "sentences": [{"index": s.index, "start": s.start, "end": s.end} for s in self.document.sentences],
            "events": [e.to_dict() for e in self.events],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }

    def to_json(self, **kw: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kw)


# Components that only matter for events: an article none of whose sentences passes the prefilter (and the
# classifier, if any) can have no mention, so none of them can add an event or a diagnostic to it.
EVENT_ONLY = ("context", "parse", "places", "dates", "mentions", "tolls", "summaries", "anchors", "handovers",
              "events", "periods", "identify")
BATCH = 16  # articles whose kept sentences go through NER together (``Pipeline.results``)
# what decides whether anything is kept; neither reads what ``context`` writes, nor ``context`` what they write
_GATE = ("judge", "prefilter")


@dataclass(frozen=True)
class Pipeline:
    """An ordered list of named components; ``replace`` gives a pipeline with one component swapped.

    ``skip_unkept``: when no sentence of an article passes the prefilter, stop after it (the components of
    ``EVENT_ONLY`` are not run: its events and diagnostics are the same, none; its document has no context,
    places or dates). ``None`` (the default): only where those components, ``judge`` and ``prefilter`` are
    the default ones (a user's own component always runs). Never when ``document`` is asked to stop early
    (``until``)."""

    components: tuple[tuple[str, Component], ...] = field(default=COMPONENTS)
    skip_unkept: bool | None = None

    def skips_unkept(self) -> bool:
        """Does ``document`` stop after the prefilter when it keeps no sentence?"""
        if self.skip_unkept is not None:
            return self.skip_unkept
        default = dict(COMPONENTS)
        return all(default.get(n) is c for n, c in self.components if n in EVENT_ONLY or n in _GATE)

    def _gated_order(self) -> list[tuple[str, Component]]:
        """The components with the gate (judge, prefilter) moved up to run right before ``context``."""
        comps = list(self.components)
        names = [n for n, _ in comps]
        if "context" not in names or any(g not in names for g in _GATE):
            return comps
        gate = [c for c in comps if c[0] in _GATE]
        rest = [c for c in comps if c[0] not in _GATE]
        at = [n for n, _ in rest].index("context")
        return rest[:at] + gate + rest[at:]

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.components]

    def replace(self, name: str, component: Component) -> Pipeline:
        if name not in self.names:
            raise KeyError(f"no component named {name!r}; the components are: {', '.join(self.names)}")
        return Pipeline(tuple((n, component if n == name else c) for n, c in self.components), self.skip_unkept)

    def document(self, article: Article, gazetteer: Gazetteer | None = None,
                 classifier: SentenceClassifier | None = None, until: str | None = None) -> Document:
        """The document after every component, or after the one named ``until`` (to look inside)."""
        if until is not None and until not in self.names:
            raise KeyError(f"no component named {until!r}; the components are: {', '.join(self.names)}")
        doc = Document(article, Options(gazetteer or default_gazetteer(), classifier))
        if until is None and self.skips_unkept():
            for name, component in self._gated_order():
                if name in EVENT_ONLY and not doc.kept:
                    continue  # no sentence may hold an event
                doc = component(doc)
            return doc
        for name, component in self.components:
            doc = component(doc)
            if name == until:
                break
        return doc

    def __call__(self, article: Article, gazetteer: Gazetteer | None = None,
                 classifier: SentenceClassifier | None = None) -> Result:
        doc = self.document(article, gazetteer, classifier)
        return Result(doc.events, doc, doc.diagnostics)

    def results(self, articles: Iterable[Article], gazetteer: Gazetteer | None = None,
                classifier: SentenceClassifier | None = None, batch: int = BATCH) -> Iterator[Result]:
        """``self(article)`` of each article, in order. Where ``parse`` is the default component and the
        pipeline stops early on articles with no kept sentence (``skips_unkept``), ``batch`` articles at a
        time go through the components before ``parse``, then NER over the kept sentences of all of them at
        once (``nlp.pipe``: 1.6x faster than per article), then the components after it: the same results.
        An exception stops the iteration (the results before it were given)."""
        comps = self._gated_order()
        names = [n for n, _ in comps]
        if batch <= 1 or not self.skips_unkept() or dict(self.components).get("parse") is not parse_component:
            for a in articles:
                yield self(a, gazetteer, classifier)
            return
        at = names.index("parse")
        before, after = comps[:at], comps[at + 1:]
        options = Options(gazetteer or default_gazetteer(), classifier)
        it = iter(articles)
        while chunk := list(islice(it, batch)):
            docs = []
            for a in chunk:
                doc = Document(a, options)
                for name, component in before:
                    if not (name in EVENT_ONLY and not doc.kept):
                        doc = component(doc)
                docs.append(doc)
            for doc in _parse_many(docs):
                for name, component in after:
                    if not (name in EVENT_ONLY and not doc.kept):
                        doc = component(doc)
                yield Result(doc.events, doc, doc.diagnostics)


DEFAULT = Pipeline()


def code_article(article: Article, gazetteer: Gazetteer | None = None,
                 classifier: SentenceClassifier | None = None, pipeline: Pipeline | None = None) -> Result:
    """Code every conflict event an article reports: events, the document read, and diagnostics."""
    return (pipeline or DEFAULT)(article, gazetteer, classifier)


def code_articles(articles: Iterable[Article], gazetteer: Gazetteer | None = None,
                  classifier: SentenceClassifier | None = None, pipeline: Pipeline | None = None,
                  batch: int = BATCH) -> Iterator[Result]:
    """``code_article`` of each article, in order, NER batched over ``batch`` articles (``Pipeline.results``):
    the entry point for many articles (``ingest``, the runner, ``bench``)."""
    return (pipeline or DEFAULT).results(articles, gazetteer, classifier, batch)


def extract(text: str, published: dt.date | None = None, gazetteer: Gazetteer | None = None,
            classifier: SentenceClassifier | None = None) -> list[Event]:
    """Code every conflict event a news report gives, in the ACLED taxonomy, with evidence.

    ``classifier`` (a model made by ``eventcoder train``) is combined with the rules sentence by sentence.
    A relative date that cannot be resolved without ``published`` is reported as a
    :class:`NoPublicationDateWarning` (``code_article`` returns it as a diagnostic instead).
    """
    return extract_events(text, published, gazetteer, classifier, stacklevel=3)


def extract_events(text: str, published: dt.date | None, gazetteer: Gazetteer | None,
                   classifier: SentenceClassifier | None, stacklevel: int) -> list[Event]:
    """``extract``, its warning issued ``stacklevel`` frames up (at the caller of ``extract``)."""
    result = code_article(Article(body=text, published=published), gazetteer, classifier)
    for d in result.diagnostics:
        if d.code == "no-publication-date":
            warnings.warn(d.message, NoPublicationDateWarning, stacklevel=stacklevel)
    return list(result.events)
