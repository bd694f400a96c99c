"""The request bodies the API reads (pydantic models: their JSON schema is in the OpenAPI document)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class ArticleIn(BaseModel):
    """An article to code: ``text`` (plain text) or ``html`` (a page: its article text is extracted), or only
    ``url`` where the server fetches pages; ``url``, ``source`` (the outlet), ``published`` and ``title``
    are kept with it."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "Gunmen killed five villagers in an overnight raid on Kauru on Tuesday, police said.",
        "source": "Daily Trust", "published": "2024-05-15", "url": "https://example.com/kauru-raid"}]})

    text: str | None = Field(None, max_length=1_000_000, description="The article's plain text.")
    html: str | None = Field(None, max_length=2_000_000, description="The article's HTML page.")
    url: str | None = Field(None, max_length=2000, description="Where it was published.")
    source: str | None = Field(None, max_length=300, description="The outlet.")
    published: dt.date | None = Field(None, description="Publication date (YYYY-MM-DD): resolves 'on Tuesday'.")
    title: str | None = Field(None, max_length=1000)
    id: str | None = Field(None, max_length=500, description="Your own id of the article.")
