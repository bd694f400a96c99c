"""The first store: articles, events, their sources, the coding versions and the per-country id counters.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("eventcoder_version", sa.String(40), nullable=False),
        sa.Column("lexicon_hash", sa.String(64), nullable=False),
        sa.Column("gazetteer_version", sa.String(40), nullable=False),
        sa.Column("first_used", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("eventcoder_version", "lexicon_hash", "gazetteer_version"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("url", sa.String(2000), nullable=True, unique=True),
        sa.Column("external_id", sa.String(500), nullable=True),
        sa.Column("outlet", sa.String(300), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("versions.id"), nullable=False),
        sa.Column("superseded_by", sa.String(80), sa.ForeignKey("articles.id"), nullable=True),
        sa.Column("replaced_url", sa.String(2000), nullable=True),
    )
    op.create_table(
        "events",
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("event_id_cnty", sa.String(20), nullable=False, unique=True),
        sa.Column("country_code", sa.String(3), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=False),
        sa.Column("disorder_type", sa.String(60), nullable=False),
        sa.Column("event_type", sa.String(60), nullable=False),
        sa.Column("sub_event_type", sa.String(60), nullable=False),
        sa.Column("actor1", sa.Text(), nullable=False),
        sa.Column("assoc_actor_1", sa.Text(), nullable=False),
        sa.Column("inter1", sa.Integer(), nullable=False),
        sa.Column("actor2", sa.Text(), nullable=False),
        sa.Column("assoc_actor_2", sa.Text(), nullable=False),
        sa.Column("inter2", sa.Integer(), nullable=False),
        sa.Column("interaction", sa.Integer(), nullable=False),
        sa.Column("civilian_targeting", sa.String(40), nullable=False),
        sa.Column("iso", sa.Integer(), nullable=True),
        sa.Column("region", sa.String(100), nullable=False),
        sa.Column("country", sa.String(100), nullable=False),
        sa.Column("admin1", sa.String(200), nullable=False),
        sa.Column("admin2", sa.String(200), nullable=False),
        sa.Column("admin3", sa.String(200), nullable=False),
        sa.Column("location", sa.String(300), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_scale", sa.String(100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("timestamp", sa.Integer(), nullable=False),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
    )
    op.create_index("ix_events_id", "events", ["id"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_date_country", "events", ["event_date", "country_code"])
    op.create_table(
        "event_sources",
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("event_pk", sa.Integer(), sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("article_id", sa.String(80), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("source_event_id", sa.String(40), nullable=False),
        sa.Column("outlet", sa.String(300), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
    )
    op.create_index("ix_event_sources_event_pk", "event_sources", ["event_pk"])
    op.create_index("ix_event_sources_article_id", "event_sources", ["article_id"])
    op.create_table(
        "country_counters",
        sa.Column("country_code", sa.String(3), primary_key=True),
        sa.Column("last", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    for table in ("country_counters", "event_sources", "events", "articles", "versions"):
        op.drop_table(table)
