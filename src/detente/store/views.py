"""Views a Datasette or SQL user would want first: quotes and statements beside their
article's title, outlet and date, and each actor's stance counts per issue. Plain SQL
that SQLite and PostgreSQL both read."""
from __future__ import annotations

from sqlalchemy import Connection, text

VIEWS = {
    "quotes_in_articles": """
        SELECT q.id, q.speaker, q.speaker_id, q.kind, q.text, q.cue, q.confidence,
               d.published, d.outlet, d.title, d.url, q.doc, q.doc_id, q.start, q."end"
        FROM quotes q JOIN documents d ON d.id = q.doc_id""",
    "statements_in_articles": """
        SELECT s.id, s.actor, s.actor_id, s.issue, s.stance, s.evidence, s.confidence,
               s.date, d.outlet, d.title, d.url, s.quote_id, s.doc, s.doc_id, s.start, s."end"
        FROM statements s JOIN documents d ON d.id = s.doc_id""",
    "actor_issue_stances": """
        SELECT s.actor_id, s.actor, s.issue,
               SUM(CASE WHEN s.stance = 'support' THEN 1 ELSE 0 END) AS support,
               SUM(CASE WHEN s.stance = 'oppose' THEN 1 ELSE 0 END) AS oppose,
               SUM(CASE WHEN s.stance = 'neutral' THEN 1 ELSE 0 END) AS neutral,
               COUNT(*) AS statements, MIN(s.date) AS first_date, MAX(s.date) AS last_date
        FROM statements s GROUP BY s.actor_id, s.actor, s.issue""",
}
"""View name -> its query."""


def create(conn: Connection) -> None:
    """Create the views that are missing."""
    existing = set(conn.dialect.get_view_names(conn))
    for name, query in VIEWS.items():
        if name not in existing:
            conn.execute(text(f"CREATE VIEW {name} AS {query}"))
