"""The HTTP API and the offline web map (FastAPI): ``create_app(store_url, token=None, allow_fetch=False)``."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
